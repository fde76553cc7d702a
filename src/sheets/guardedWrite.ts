// Compare-before-write on a tab (DESIGN §6: the run and the sidebar write a person's cells
// compare-before-write, so neither loses the other's edits). Re-reads the rows' key cells and the
// cells about to change in one getValues; when anything moved, writes nothing. Otherwise writes
// only the cells that change: one setValues per column, spanning its first to last changed row.
import { toCellValue, type Cell } from "../domain/cells";
import { columnOf, sheetRowOf } from "../domain/table";
import {
  blockCell,
  firstMove,
  tabMovedNote,
  type Block,
  type CellChange,
} from "../domain/writeGuard";
import { columnKindOf, wouldGetApostrophe, type OpenTable } from "./tableIO";

export interface GuardedCells {
  /** Headers whose cells identify a row (Contacts: ID and Name). */
  readonly keyHeaders: readonly string[];
  /**
   * "all": every row read must still be where it was (use it when Touchbase's own columns are
   * written whole afterwards); "written": only the rows of `cells`.
   */
  readonly rows: "all" | "written";
  /** The cells to change; each must still hold what `table` says was read. */
  readonly cells: readonly CellChange[];
}

export type GuardCheck =
  | {
      readonly ok: true;
      /** The key and target cells as just re-read. */
      readonly current: Block;
      /** Formulas over the rows and columns of `cells` ("" where none). */
      readonly formulas: Block;
      /** Cells about to change that hold a person's formula: never overwritten. */
      readonly formulaCells: readonly CellChange[];
    }
  | { readonly ok: false; readonly note: string };

export type GuardedWriteResult =
  | { readonly written: true; readonly formulaCells: readonly CellChange[] }
  | { readonly written: false; readonly note: string };

const EMPTY_BLOCK: Block = { firstRow: 0, firstColumn: 0, cells: [] };

/**
 * Re-reads what `request` depends on (one getValues; one getFormulas more when cells change) and
 * compares it with the read the plan was made from. A tab whose rows were deleted below the read
 * counts as moved.
 */
export function checkRows(target: OpenTable, request: GuardedCells): GuardCheck {
  const { table } = target;
  const rows =
    request.rows === "all"
      ? [...table.rows.keys()]
      : [...new Set(request.cells.map((c) => c.row))].sort((a, b) => a - b);
  if (rows.length === 0) {
    return { ok: true, current: EMPTY_BLOCK, formulas: EMPTY_BLOCK, formulaCells: [] };
  }
  const cellColumns = columnsOf(
    target,
    request.cells.map((c) => c.header),
  );
  const columns = [...columnsOf(target, request.keyHeaders), ...cellColumns];
  const current = readBlock(target, span(rows), span(columns), "values");
  if (!current) return { ok: false, note: tabMovedNote(table.tab, "rows were deleted") };
  const move = firstMove(table, current, {
    keyHeaders: request.keyHeaders,
    rows,
    cells: request.cells,
  });
  if (move) return { ok: false, note: tabMovedNote(table.tab, move) };
  if (request.cells.length === 0) {
    return { ok: true, current, formulas: EMPTY_BLOCK, formulaCells: [] };
  }
  const formulas =
    readBlock(target, span(request.cells.map((c) => c.row)), span(cellColumns), "formulas") ??
    EMPTY_BLOCK;
  const formulaCells = request.cells.filter(
    (c) => blockCell(formulas, c.row, columnOf(table, c.header) ?? -1) !== "",
  );
  return { ok: true, current, formulas, formulaCells };
}

/**
 * Writes `cells` after a passed check: per column, one setValues from its first to its last
 * changed row. Cells in between are written back exactly as just re-read — a formula as its
 * formula — so a constant number of calls writes any number of scattered cells without touching
 * what a person keeps there. (A RangeList write would skip the cells in between, but sets one
 * value for all its ranges: new IDs differ per row.) Cells holding a formula are left alone.
 */
export function writeCells(
  target: OpenTable,
  check: Extract<GuardCheck, { ok: true }>,
  cells: readonly CellChange[],
): void {
  const { sheet, table } = target;
  const byHeader = new Map<string, Map<number, Cell>>();
  for (const change of cells) {
    if (check.formulaCells.includes(change)) continue;
    const planned = byHeader.get(change.header) ?? new Map<number, Cell>();
    planned.set(change.row, change.value);
    byHeader.set(change.header, planned);
  }
  for (const [header, planned] of byHeader) {
    const column = columnOf(table, header);
    if (column === undefined) continue;
    const kind = columnKindOf(table, header);
    const { first, last } = span([...planned.keys()]);
    const cellsInSpan: { value: unknown; formula: boolean }[] = [];
    for (let row = first; row <= last; row++) {
      const formula = blockCell(check.formulas, row, column);
      if (planned.has(row)) cellsInSpan.push({ value: planned.get(row), formula: false });
      else if (formula !== "") cellsInSpan.push({ value: formula, formula: true });
      else cellsInSpan.push({ value: blockCell(check.current, row, column), formula: false });
    }
    const range = sheet.getRange(sheetRowOf(first), column + 1, last - first + 1, 1);
    // Formats only when some text would get the protective apostrophe (see writeColumnsAt).
    const needsFormats = cellsInSpan.some((c) => !c.formula && wouldGetApostrophe(c.value, kind));
    const formats = needsFormats ? range.getNumberFormats() : [];
    range.setValues(
      cellsInSpan.map((c, i) => [
        c.formula ? (c.value as string) : toCellValue(c.value, kind, formats[i]?.[0]),
      ]),
    );
  }
}

/** checkRows then writeCells: the whole compare-before-write for one batch of cells. */
export function guardedWrite(target: OpenTable, request: GuardedCells): GuardedWriteResult {
  const check = checkRows(target, request);
  if (!check.ok) return { written: false, note: check.note };
  writeCells(target, check, request.cells);
  return { written: true, formulaCells: check.formulaCells };
}

function columnsOf({ table }: OpenTable, headers: readonly string[]): number[] {
  return headers.flatMap((header) => {
    const column = columnOf(table, header);
    return column === undefined ? [] : [column];
  });
}

/** The smallest and largest index (a loop: a spread of 100k arguments overflows the stack). */
function span(indexes: readonly number[]): { first: number; last: number } {
  let first = Infinity;
  let last = -Infinity;
  for (const index of indexes) {
    if (index < first) first = index;
    if (index > last) last = index;
  }
  return { first, last };
}

/** One read of rows × columns (table indexes); null when the rows no longer exist in the grid. */
function readBlock(
  { sheet }: OpenTable,
  rows: { first: number; last: number },
  columns: { first: number; last: number },
  what: "values" | "formulas",
): Block | null {
  let cells: Cell[][];
  try {
    const range = sheet.getRange(
      sheetRowOf(rows.first),
      columns.first + 1,
      rows.last - rows.first + 1,
      columns.last - columns.first + 1,
    );
    cells = what === "values" ? (range.getValues() as Cell[][]) : range.getFormulas();
  } catch (error) {
    if (error instanceof Error && /outside the dimensions of the sheet/.test(error.message)) {
      return null;
    }
    throw error;
  }
  return { firstRow: rows.first, firstColumn: columns.first, cells };
}
