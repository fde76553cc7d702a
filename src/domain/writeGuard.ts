// Compare-before-write (DESIGN §6: the run and the sidebar write a person's cells
// compare-before-write): the pure check that the rows re-read just before a write are still the
// rows that were read, and the words Touchbase uses when they are not. The adapter that re-reads
// and writes is src/sheets/guardedWrite.ts.
import { cellText, isBlankCell, type Cell } from "./cells";
import { columnOf, sheetRowOf, type Table } from "./table";

/** One user-owned cell to change: a table row index (0 = sheet row 2), a header, the new value. */
export interface CellChange {
  readonly row: number;
  readonly header: string;
  readonly value: Cell;
}

/** A rectangle of cells re-read from a tab: table row index and 0-based column of its corner. */
export interface Block {
  readonly firstRow: number;
  readonly firstColumn: number;
  readonly cells: readonly (readonly Cell[])[];
}

export function blockCell(block: Block, row: number, column: number): Cell {
  return block.cells[row - block.firstRow]?.[column - block.firstColumn] ?? "";
}

/**
 * True when two cells hold the same thing as far as Touchbase reads them. Date-times are compared
 * to the second: a spreadsheet stores them as day fractions, so milliseconds may not survive.
 */
export function sameCell(a: unknown, b: unknown): boolean {
  if (isBlankCell(a) || isBlankCell(b)) return isBlankCell(a) && isBlankCell(b);
  if (a instanceof Date || b instanceof Date) {
    if (!(a instanceof Date) || !(b instanceof Date)) return false;
    return Math.round(a.getTime() / 1000) === Math.round(b.getTime() / 1000);
  }
  return a === b;
}

export interface RowCheck {
  /** Headers whose cells identify a row (e.g. ID and Name). */
  readonly keyHeaders: readonly string[];
  /** Table rows whose keys must be unchanged. */
  readonly rows: Iterable<number>;
  /** Cells about to change: each must still hold what was read. */
  readonly cells: readonly CellChange[];
}

/**
 * What moved between the read (`table`) and the re-read (`block`), in words naming the sheet row
 * and column, or null when every key cell and every cell about to change is as it was read.
 */
export function firstMove(table: Table, block: Block, check: RowCheck): string | null {
  const keyColumns = check.keyHeaders.flatMap((header) => {
    const column = columnOf(table, header);
    return column === undefined ? [] : [{ header, column }];
  });
  for (const row of check.rows) {
    for (const { header, column } of keyColumns) {
      const moved = cellMove(table, block, row, header, column);
      if (moved) return moved;
    }
  }
  for (const change of check.cells) {
    const column = columnOf(table, change.header);
    if (column === undefined) continue;
    const moved = cellMove(table, block, change.row, change.header, column);
    if (moved) return moved;
  }
  return null;
}

function cellMove(
  table: Table,
  block: Block,
  row: number,
  header: string,
  column: number,
): string | null {
  const read = table.rows[row]?.[column] ?? "";
  const now = blockCell(block, row, column);
  if (sameCell(read, now)) return null;
  return `row ${sheetRowOf(row)}, ${header}: was ${quote(read)}, now ${quote(now)}`;
}

function quote(cell: Cell): string {
  const text = cellText(cell);
  if (text === "") return "blank";
  return `"${text.length > 40 ? `${text.slice(0, 40)}…` : text}"`;
}

/** The table as it will read once `changes` are written (for a second check after a first write). */
export function withChanges(table: Table, changes: readonly CellChange[]): Table {
  if (changes.length === 0) return table;
  const rows = [...table.rows];
  for (const change of changes) {
    const column = columnOf(table, change.header);
    const row = rows[change.row];
    if (column === undefined || !row) continue;
    const copy = [...row];
    copy[column] = change.value;
    rows[change.row] = copy;
  }
  return { ...table, rows };
}

// ---------------------------------------------------------------------------------------------
// Words (Runs notes)

/** The Runs note when a tab moved under a write: nothing was written to it. */
export function tabMovedNote(tab: string, move: string): string {
  return (
    `${tab} changed while this run was writing (${move}): rows sorted, inserted, deleted or ` +
    `edited. Nothing was written to ${tab} this time; the next run will catch up.`
  );
}

/** The Runs note for a cell Touchbase meant to change that holds a person's formula. */
export function formulaKeptNote(tab: string, change: CellChange): string {
  return (
    `${tab} row ${sheetRowOf(change.row)}: ${change.header} holds a formula, so Touchbase left ` +
    `it as it is (it would have written ${quote(change.value)}).`
  );
}
