// A tab's values, indexed by header name (DESIGN §1 matching rules). Pure: adapters read the
// grid with one getValues and hand it here; nothing in this file touches Apps Script.
import { type TableSpec, type TabName } from "./schema";
import { normalizeKey, isBlankCell, type Cell } from "./cells";

export interface Table {
  readonly tab: TabName;
  /** The header row as the user wrote it. */
  readonly headers: readonly string[];
  /** Normalized header → 0-based column index (the first occurrence wins). */
  readonly columnIndex: ReadonlyMap<string, number>;
  /** Data rows (sheet row 2 on), each padded to the header width; trailing blank rows dropped. */
  readonly rows: readonly (readonly Cell[])[];
}

/** Sheet row number of `rows[i]`. */
export const FIRST_DATA_ROW = 2;
export const sheetRowOf = (index: number): number => index + FIRST_DATA_ROW;

export class MissingColumnError extends Error {
  constructor(
    readonly tab: string,
    readonly columns: readonly string[],
  ) {
    super(
      `The "${tab}" tab is missing the column${columns.length > 1 ? "s" : ""} ` +
        `${columns.map((c) => `"${c}"`).join(", ")}. Run "Set up / repair sheets" to add ` +
        `${columns.length > 1 ? "them" : "it"}.`,
    );
    this.name = "MissingColumnError";
  }
}

export class MissingTabError extends Error {
  constructor(readonly tab: string) {
    super(`The "${tab}" tab is missing. Run "Set up / repair sheets" to add it.`);
    this.name = "MissingTabError";
  }
}

export function isBlankRow(row: readonly unknown[]): boolean {
  return row.every(isBlankCell);
}

/** Builds a Table from a grid whose first row is the header row. */
export function indexTable(tab: TabName, grid: readonly (readonly Cell[])[]): Table {
  const headerRow = grid[0] ?? [];
  const headers = headerRow.map((h) => String(h ?? "").trim());
  const columnIndex = new Map<string, number>();
  headers.forEach((h, i) => {
    const key = normalizeKey(h);
    if (key && !columnIndex.has(key)) columnIndex.set(key, i);
  });
  let last = grid.length - 1;
  while (last >= 1 && isBlankRow(grid[last] ?? [])) last--;
  const rows: Cell[][] = [];
  for (let r = 1; r <= last; r++) {
    const source = grid[r] ?? [];
    // getValues rows already span the header width: keep them rather than copy 100k rows.
    if (source.length === headers.length) {
      rows.push(source as Cell[]);
      continue;
    }
    const row: Cell[] = new Array(headers.length);
    for (let c = 0; c < headers.length; c++) row[c] = source[c] ?? "";
    rows.push(row);
  }
  return { tab, headers, columnIndex, rows };
}

export function columnOf(table: Table, header: string): number | undefined {
  return table.columnIndex.get(normalizeKey(header));
}

/** The spec's required columns that the table lacks (canonical names). */
export function missingRequired(table: Table, spec: TableSpec): string[] {
  return spec.columns
    .filter((c) => c.required && columnOf(table, c.header) === undefined)
    .map((c) => c.header);
}

/** Every spec column that the table lacks, required or not. */
export function missingColumns(table: Table, spec: TableSpec): string[] {
  return spec.columns.filter((c) => columnOf(table, c.header) === undefined).map((c) => c.header);
}

/** The MissingColumnError message for the spec's missing required columns, or null when none. */
export function missingRequiredProblem(table: Table, spec: TableSpec): string | null {
  const missing = missingRequired(table, spec);
  return missing.length > 0 ? new MissingColumnError(spec.tab, missing).message : null;
}

/** Throws a MissingColumnError naming the tab and every missing required column. */
export function assertRequired(table: Table, spec: TableSpec): void {
  const missing = missingRequired(table, spec);
  if (missing.length > 0) throw new MissingColumnError(spec.tab, missing);
}

/** A row accessor by header name; absent columns read as "". */
export type RowReader = (header: string) => Cell;

export function rowReader(table: Table, row: readonly Cell[]): RowReader {
  return (header) => {
    const index = columnOf(table, header);
    return index === undefined ? "" : (row[index] ?? "");
  };
}

/** Normalized header → value, for merge tags over any user column. */
export function rowRecord(table: Table, row: readonly Cell[]): Map<string, Cell> {
  const record = new Map<string, Cell>();
  table.headers.forEach((h, i) => {
    const key = normalizeKey(h);
    if (key && !record.has(key)) record.set(key, row[i] ?? "");
  });
  return record;
}

/**
 * Groups column indexes into contiguous runs, so a write of several columns costs one
 * setValues per run rather than one per column.
 */
export function contiguousRuns(indexes: readonly number[]): { start: number; length: number }[] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const runs: { start: number; length: number }[] = [];
  for (const index of sorted) {
    const last = runs[runs.length - 1];
    if (last && last.start + last.length === index) last.length++;
    else runs.push({ start: index, length: 1 });
  }
  return runs;
}
