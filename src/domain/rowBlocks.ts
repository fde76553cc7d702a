// Which row blocks to read to get a few scattered rows of a long tab (a contact's touches in a
// 100,000-row log, DESIGN §6: a person is waiting). A read costs about as much as a call plus a
// little per cell (APPS-SCRIPT-FACTS "per-call cost"), so nearby rows share one read, far ones get
// their own, and there are never more than `maxReads` reads whatever the tab's length.

export interface RowBlock {
  /** First sheet row of the block. */
  readonly start: number;
  readonly count: number;
}

/** Cells one extra read is worth: reading fewer than this many extra cells beats another call. */
export const CELLS_PER_CALL = 100_000;

/**
 * Blocks covering every row in `rows` (sheet row numbers, any order): adjacent rows merge when the
 * gap between them holds fewer than CELLS_PER_CALL cells, then the smallest gaps merge until at
 * most `maxReads` blocks remain.
 */
export function planRowBlocks(
  rows: readonly number[],
  width: number,
  maxReads: number,
): RowBlock[] {
  const sorted = [...new Set(rows)].sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const blocks: { start: number; end: number }[] = [];
  const worthACall = Math.floor(CELLS_PER_CALL / Math.max(1, width));
  for (const row of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && row - last.end - 1 < worthACall) last.end = row;
    else blocks.push({ start: row, end: row });
  }
  while (blocks.length > Math.max(1, maxReads)) {
    let smallest = 1;
    for (let i = 2; i < blocks.length; i++) {
      const gap = blocks[i]!.start - blocks[i - 1]!.end;
      if (gap < blocks[smallest]!.start - blocks[smallest - 1]!.end) smallest = i;
    }
    blocks[smallest - 1]!.end = blocks[smallest]!.end;
    blocks.splice(smallest, 1);
  }
  return blocks.map((b) => ({ start: b.start, count: b.end - b.start + 1 }));
}
