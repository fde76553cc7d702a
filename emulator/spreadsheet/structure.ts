// Inserting and deleting rows/columns: every layer moves, the grid grows or shrinks (within the
// 10-million-cell limit), and everything anchored to cells (protections, conditional format and
// chart ranges, filter, named ranges, selection) shifts the way Sheets shifts it.
import type { GridBox } from "./a1";
import type { SheetBox, SheetData } from "./model";

type Axis = "rows" | "columns";

/** New rows/columns copy the formatting of their neighbour, as when a person inserts them. */
const INHERITED_LAYERS = ["formats", "validations"] as const;

function shiftSpan(
  start: number,
  size: number,
  at: number,
  count: number,
  insert: boolean,
): [number, number] | null {
  const end = start + size - 1;
  if (insert) {
    if (start >= at) return [start + count, size];
    if (end >= at) return [start, size + count];
    return [start, size];
  }
  const deleteEnd = at + count - 1;
  if (deleteEnd < start) return [start - count, size];
  if (at > end) return [start, size];
  const overlap = Math.min(end, deleteEnd) - Math.max(start, at) + 1;
  const remaining = size - overlap;
  if (remaining <= 0) return null;
  return [Math.min(start, at), remaining];
}

function shiftBox<T extends GridBox>(
  box: T,
  axis: Axis,
  at: number,
  count: number,
  insert: boolean,
): T | null {
  if (axis === "rows") {
    const span = shiftSpan(box.row, box.numRows, at, count, insert);
    return span ? { ...box, row: span[0], numRows: span[1] } : null;
  }
  const span = shiftSpan(box.column, box.numColumns, at, count, insert);
  return span ? { ...box, column: span[0], numColumns: span[1] } : null;
}

function shiftAnchors(
  sheet: SheetData,
  axis: Axis,
  at: number,
  count: number,
  insert: boolean,
): void {
  const spreadsheet = sheet.spreadsheet;
  const onSheet = (box: SheetBox): boolean =>
    box.spreadsheetId === spreadsheet.id && box.sheetId === sheet.id;
  const shiftSheetBoxes = (boxes: SheetBox[]): SheetBox[] =>
    boxes.flatMap((box) => {
      if (!onSheet(box)) return [box];
      const moved = shiftBox(box, axis, at, count, insert);
      return moved ? [moved] : [];
    });

  for (let i = spreadsheet.protections.length - 1; i >= 0; i--) {
    const protection = spreadsheet.protections[i];
    if (!protection || protection.sheetId !== sheet.id || !protection.box) continue;
    const moved = shiftBox(protection.box, axis, at, count, insert);
    if (moved) protection.box = moved;
    else spreadsheet.protections.splice(i, 1);
  }
  for (const other of spreadsheet.sheets) {
    for (const rule of other.conditionalRules) rule.ranges = shiftSheetBoxes(rule.ranges);
    for (const chart of other.charts) chart.ranges = shiftSheetBoxes(chart.ranges);
  }
  if (sheet.filter) sheet.filter = shiftBox(sheet.filter, axis, at, count, insert);
  for (const [name, box] of spreadsheet.namedRanges) {
    if (!onSheet(box)) continue;
    const moved = shiftBox(box, axis, at, count, insert);
    if (moved) spreadsheet.namedRanges.set(name, moved);
    else spreadsheet.namedRanges.delete(name);
  }
  const selection = spreadsheet.selection;
  if (selection?.sheetId === sheet.id) {
    const moved = shiftBox(selection.box, axis, at, count, insert);
    spreadsheet.selection = moved ? { sheetId: sheet.id, box: moved } : null;
  }
}

/** Inserts `count` rows so that the first new row is row `at` (1-based). */
export function insertRows(
  sheet: SheetData,
  at: number,
  count: number,
  inheritFrom: number | null,
): void {
  sheet.spreadsheet.assertCanGrowBy(count * sheet.maxColumns);
  for (const layer of sheet.layers()) layer.insertRows(at - 1, count);
  sheet.maxRows += count;
  if (inheritFrom !== null) {
    const source = inheritFrom >= at ? inheritFrom + count : inheritFrom;
    const grids = [...INHERITED_LAYERS.map((key) => sheet[key]), ...sheet.styles.values()];
    for (const grid of grids as {
      rows: unknown[][];
      set(r: number, c: number, v: unknown): void;
    }[]) {
      const cells = grid.rows[source - 1];
      if (!cells) continue;
      for (let r = at - 1; r < at - 1 + count; r++) grid.rows[r] = [...cells];
    }
  }
  shiftAnchors(sheet, "rows", at, count, true);
  sheet.touch();
}

export function insertColumns(
  sheet: SheetData,
  at: number,
  count: number,
  inheritFrom: number | null,
): void {
  sheet.spreadsheet.assertCanGrowBy(count * sheet.maxRows);
  for (const layer of sheet.layers()) layer.insertColumns(at - 1, count);
  sheet.maxColumns += count;
  if (inheritFrom !== null) {
    const source = inheritFrom >= at ? inheritFrom + count : inheritFrom;
    const grids = [...INHERITED_LAYERS.map((key) => sheet[key]), ...sheet.styles.values()];
    for (const grid of grids as { rows: (unknown[] | undefined)[] }[]) {
      for (const cells of grid.rows) {
        if (!cells || cells[source - 1] === undefined) continue;
        for (let c = at - 1; c < at - 1 + count; c++) cells[c] = cells[source - 1];
      }
    }
  }
  shiftAnchors(sheet, "columns", at, count, true);
  sheet.touch();
}

export function deleteRows(sheet: SheetData, at: number, count: number): void {
  if (at < 1 || count < 1 || at + count - 1 > sheet.maxRows)
    throw new Error("Those rows are out of bounds.");
  if (count >= sheet.maxRows) throw new Error("You can't delete all the rows on the sheet.");
  for (const layer of sheet.layers()) layer.deleteRows(at - 1, count);
  sheet.maxRows -= count;
  shiftAnchors(sheet, "rows", at, count, false);
  sheet.touch();
}

export function deleteColumns(sheet: SheetData, at: number, count: number): void {
  if (at < 1 || count < 1 || at + count - 1 > sheet.maxColumns) {
    throw new Error("Those columns are out of bounds.");
  }
  if (count >= sheet.maxColumns) throw new Error("You can't delete all the columns on the sheet.");
  for (const layer of sheet.layers()) layer.deleteColumns(at - 1, count);
  sheet.maxColumns -= count;
  shiftAnchors(sheet, "columns", at, count, false);
  sheet.touch();
}
