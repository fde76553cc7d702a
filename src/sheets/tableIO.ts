// Reads and writes whole tables with a constant number of service calls, whatever the row count
// (APPS-SCRIPT-FACTS: per-call cost is what makes scripts slow).
import { isBlankCell, normalizeKey, toCellValue, type Cell } from "../domain/cells";
import { TABLE_SPECS, type ColumnKind, type TableSpec, type TabName } from "../domain/schema";
import {
  assertRequired,
  columnOf,
  contiguousRuns,
  FIRST_DATA_ROW,
  indexTable,
  MissingColumnError,
  MissingTabError,
  type Table,
} from "../domain/table";

import { lookalikeName } from "./tabFinder";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface OpenTable {
  readonly sheet: Sheet;
  readonly table: Table;
}

export type TableReadResult =
  | ({ readonly ok: true } & OpenTable)
  | { readonly ok: false; readonly error: MissingTabError | MissingColumnError };

/** A record to append: header → value (headers matched like the sheet's, DESIGN §1). */
export type RowRecord = ReadonlyMap<string, unknown> | Readonly<Record<string, unknown>>;

/**
 * The tab named `tab`, matched like headers (case, spaces). getSheetByName is case-sensitive while
 * names are unique ignoring case (APPS-SCRIPT-FACTS), so a tab someone renamed "contacts" is found
 * by listing the tabs — only when the exact name misses, which keeps the usual path to one call.
 */
export function findSheet(spreadsheet: Spreadsheet, tab: string): Sheet | null {
  const exact = spreadsheet.getSheetByName(tab);
  if (exact) return exact;
  const key = normalizeKey(tab);
  return spreadsheet.getSheets().find((sheet) => normalizeKey(sheet.getName()) === key) ?? null;
}

/** The tab and its table, read with one getValues of the used range. Throws on a missing tab/column. */
export function openTable(spreadsheet: Spreadsheet, spec: TableSpec): OpenTable {
  const sheet = findSheet(spreadsheet, spec.tab);
  if (!sheet) throw new MissingTabError(spec.tab, lookalikeName(spreadsheet, spec));
  // getDataRange is A1 on an empty sheet, so this never reads a zero-row range.
  const grid = sheet.getDataRange().getValues() as Cell[][];
  const table = indexTable(spec.tab, grid);
  assertRequired(table, spec);
  return { sheet, table };
}

export function readTable(spreadsheet: Spreadsheet, spec: TableSpec): Table {
  return openTable(spreadsheet, spec).table;
}

/**
 * Only the header row of a tab (for a log that is appended to and never read back, like Runs):
 * one read of row 1, whatever the number of rows below it.
 */
export function readHeader(sheet: Sheet, tab: TabName): Table {
  // "1:1" spans every column of the grid; the blank columns after the last header are dropped.
  const headers = [...(sheet.getRange("1:1").getValues()[0] as Cell[])];
  while (headers.length > 0 && isBlankCell(headers[headers.length - 1])) headers.pop();
  return indexTable(tab, [headers]);
}

/** Like openTable, but a missing tab or column comes back as a value instead of an exception. */
export function tryReadTable(spreadsheet: Spreadsheet, spec: TableSpec): TableReadResult {
  try {
    return { ok: true, ...openTable(spreadsheet, spec) };
  } catch (error) {
    if (error instanceof MissingTabError || error instanceof MissingColumnError) {
      return { ok: false, error };
    }
    throw error;
  }
}

/** The kind of a column for writing; user columns (not in the spec) are free text. */
export function columnKindOf(table: Table, header: string): ColumnKind {
  const spec = TABLE_SPECS.find((s) => s.tab === table.tab);
  const column = spec?.columns.find((c) => normalizeKey(c.header) === normalizeKey(header));
  return column?.kind ?? "text";
}

/**
 * Writes whole columns for every data row (sheet rows 2..n+1): one setValues per contiguous run of
 * columns. `columns` maps a header to one value per table row.
 */
export function writeColumns(
  sheet: Sheet,
  table: Table,
  columns: ReadonlyMap<string, readonly unknown[]>,
  numberFormats?: ReadonlyMap<string, readonly string[]>,
): void {
  writeColumnsAt(sheet, table, FIRST_DATA_ROW, table.rows.length, columns, numberFormats);
}

/**
 * Writes `rowCount` rows from `firstRow` for the given columns (e.g. Delivery and Thread ID of rows
 * just appended): one setValues per contiguous run of columns, nothing when rowCount is 0.
 */
export function writeColumnsAt(
  sheet: Sheet,
  table: Table,
  firstRow: number,
  rowCount: number,
  columns: ReadonlyMap<string, readonly unknown[]>,
  numberFormats?: ReadonlyMap<string, readonly string[]>,
): void {
  const byIndex = new Map<
    number,
    { values: readonly unknown[]; kind: ColumnKind; formats: readonly string[] | undefined }
  >();
  const missing: string[] = [];
  for (const [header, values] of columns) {
    const index = columnOf(table, header);
    if (index === undefined) {
      missing.push(header);
      continue;
    }
    if (values.length !== rowCount) {
      throw new Error(
        `Internal error: ${values.length} values for the "${header}" column of the "${table.tab}" ` +
          `tab, expected ${rowCount}.`,
      );
    }
    byIndex.set(index, {
      values,
      kind: columnKindOf(table, header),
      formats: numberFormats?.get(header),
    });
  }
  if (missing.length > 0) throw new MissingColumnError(table.tab, missing);
  if (rowCount === 0 || byIndex.size === 0) return;

  for (const run of contiguousRuns([...byIndex.keys()])) {
    const range = sheet.getRange(firstRow, run.start + 1, rowCount, run.length);
    const runColumns = [...Array(run.length).keys()].map((c) => byIndex.get(run.start + c));
    let formats: readonly (readonly string[])[] = [];
    if (runColumns.every((column) => column?.formats)) {
      // Formats first, so the values are written into cells that already read them right.
      formats = transpose(
        runColumns.map((column) => column!.formats!),
        rowCount,
      );
      range.setNumberFormats(formats as string[][]);
    } else if (runColumns.some((column) => column && anyProtected(column.values, column.kind))) {
      // Plain-text cells store strings verbatim, so they must not get the protective apostrophe;
      // the formats are read only when some string would get one (usually none: one call saved).
      formats = range.getNumberFormats();
    }
    const block: Cell[][] = [];
    for (let r = 0; r < rowCount; r++) {
      const row: Cell[] = new Array(run.length);
      for (let c = 0; c < run.length; c++) {
        const column = byIndex.get(run.start + c);
        row[c] = column ? toCellValue(column.values[r], column.kind, formats[r]?.[c]) : "";
      }
      block.push(row);
    }
    range.setValues(block);
  }
}

/** Column-major lists (one per column, `rows` long) as a row-major block. */
function transpose(columns: readonly (readonly string[])[], rows: number): string[][] {
  const block: string[][] = [];
  for (let r = 0; r < rows; r++) block.push(columns.map((column) => column[r] ?? ""));
  return block;
}

/** True when some value would be written with the protective apostrophe (see toCellValue). */
function anyProtected(values: readonly unknown[], kind: ColumnKind): boolean {
  return values.some((value) => wouldGetApostrophe(value, kind));
}

/** True when `value` would be written with the protective apostrophe unless its cell is plain text. */
export function wouldGetApostrophe(value: unknown, kind: ColumnKind): boolean {
  if (typeof value !== "string") return false;
  const written = toCellValue(value, kind);
  return typeof written === "string" && written !== value;
}

function recordEntries(record: RowRecord): Iterable<[string, unknown]> {
  return record instanceof Map ? record.entries() : Object.entries(record);
}

/**
 * A full row in the sheet's column order; headers the sheet lacks are dropped, others left blank.
 * `numberFormats` are the target cells' formats, when known (see toCellValue).
 */
export function buildRow(
  table: Table,
  record: RowRecord,
  numberFormats: readonly string[] = [],
): Cell[] {
  const row: Cell[] = new Array<Cell>(table.headers.length).fill("");
  for (const [header, value] of recordEntries(record)) {
    const index = columnOf(table, header);
    if (index !== undefined) {
      row[index] = toCellValue(value, columnKindOf(table, header), numberFormats[index]);
    }
  }
  return row;
}

/**
 * Appends one record with appendRow, which grows the grid by itself: one call, for a log row.
 * Text that would be misread gets its apostrophe (the cell formats are not read). Returns the row
 * as written.
 */
export function appendRecord(sheet: Sheet, table: Table, record: RowRecord): Cell[] {
  if (table.headers.length === 0) {
    throw new Error(`The "${table.tab}" tab has no header row. Run "Set up / repair sheets".`);
  }
  const row = buildRow(table, record);
  sheet.appendRow(row);
  return row;
}

/**
 * Appends records below the sheet's last used row with one setValues, growing the grid first when
 * needed. Returns the sheet row number of the first new row.
 */
export function appendRows(sheet: Sheet, table: Table, records: readonly RowRecord[]): number {
  if (table.headers.length === 0) {
    throw new Error(`The "${table.tab}" tab has no header row. Run "Set up / repair sheets".`);
  }
  const firstRow = Math.max(sheet.getLastRow(), FIRST_DATA_ROW - 1) + 1;
  if (records.length === 0) return firstRow;
  const lastRow = firstRow + records.length - 1;
  const maxRows = sheet.getMaxRows();
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  const range = sheet.getRange(firstRow, 1, records.length, table.headers.length);
  const protectedText = records.some((record) =>
    [...recordEntries(record)].some(([header, value]) =>
      anyProtected([value], columnKindOf(table, header)),
    ),
  );
  const formats = protectedText ? range.getNumberFormats() : [];
  range.setValues(records.map((record, i) => buildRow(table, record, formats[i])));
  return firstRow;
}
