// Writes demo grids into a spreadsheet (the emulator's, in the harness): Contacts and Touches
// tabs, created when missing, grid grown first, number formats, then one setValues per tab.
// Dropdowns, checkboxes and colours are left to "Set up / repair sheets".
import { CONTACTS_SPEC, TOUCHES_SPEC, type TableSpec } from "../../src/domain/schema";
import { userColumnFormat } from "../../src/domain/numberFormats";
import { contiguousRuns } from "../../src/domain/table";
import type { DemoSheet } from "./generate";
import { type Cell } from "../../src/domain/cells";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export function loadDemoIntoSpreadsheet(
  spreadsheet: Spreadsheet,
  demo: Pick<DemoSheet, "contacts" | "touches">,
): void {
  writeGrid(spreadsheet, CONTACTS_SPEC, demo.contacts);
  writeGrid(spreadsheet, TOUCHES_SPEC, demo.touches);
}

function writeGrid(spreadsheet: Spreadsheet, spec: TableSpec, grid: readonly Cell[][]): void {
  const width = grid[0]?.length ?? 0;
  if (width === 0) throw new Error(`Demo grid for "${spec.tab}" has no header row.`);
  const ragged = grid.findIndex((row) => row.length !== width);
  if (ragged >= 0)
    throw new Error(
      `Demo grid for "${spec.tab}": row ${ragged + 1} has ${grid[ragged]?.length} cells, not ${width}.`,
    );

  const existing = spreadsheet.getSheetByName(spec.tab);
  const sheet = existing ?? spreadsheet.insertSheet(spec.tab);
  if (existing) sheet.clearContents();
  growTo(sheet, grid.length, width);

  const dataRows = grid.length - 1;
  if (dataRows > 0) applyNumberFormats(sheet, spec, grid[0] ?? [], dataRows);
  sheet.getRange(1, 1, grid.length, width).setValues(grid as Cell[][]);
}

function growTo(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (maxColumns < columns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

/** One setNumberFormat per contiguous run of columns sharing a format. */
function applyNumberFormats(
  sheet: Sheet,
  spec: TableSpec,
  headerRow: readonly Cell[],
  dataRows: number,
): void {
  const byFormat = new Map<string, number[]>();
  headerRow.forEach((header, index) => {
    const column = spec.columns.find((c) => c.header === header);
    // The formats setup applies; "@" must be in place before the write, or "+1 555 0100" turns
    // into a formula. Computed columns are left to the refresh.
    const format = column && !column.computed ? userColumnFormat(column.kind) : undefined;
    if (format) byFormat.set(format, [...(byFormat.get(format) ?? []), index]);
  });
  for (const [format, indexes] of byFormat) {
    for (const run of contiguousRuns(indexes)) {
      sheet.getRange(2, run.start + 1, dataRows, run.length).setNumberFormat(format);
    }
  }
}
