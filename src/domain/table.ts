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

/** Where a tab's headers were found when they are not in row 1. */
export interface MisplacedHeaders {
  /** The sheet row holding the headers. */
  readonly row: number;
  /** Row 1 as text ("" when blank), to name what is there instead. */
  readonly firstRow: string;
}

export class MissingColumnError extends Error {
  constructor(
    readonly tab: string,
    readonly columns: readonly string[],
    readonly misplaced: MisplacedHeaders | null = null,
  ) {
    super(
      misplaced
        ? `The "${tab}" tab's headers are in row ${misplaced.row}, but Touchbase reads them from ` +
            `row 1 (${misplaced.firstRow ? `row 1 holds "${misplaced.firstRow}"` : "row 1 is blank"}). ` +
            `Delete the row${misplaced.row > 2 ? "s" : ""} above the headers so they are in row 1.`
        : `The "${tab}" tab is missing the column${columns.length > 1 ? "s" : ""} ` +
            `${columns.map((c) => `"${c}"`).join(", ")}. Run "Set up / repair sheets" to add ` +
            `${columns.length > 1 ? "them" : "it"}.`,
    );
    this.name = "MissingColumnError";
  }
}

export class MissingTabError extends Error {
  /**
   * `lookalike`: another tab holding this tab's headers (renamed), when one was found; null when
   * none was, undefined when nobody looked.
   */
  constructor(
    readonly tab: string,
    readonly lookalike?: string | null,
  ) {
    super(
      lookalike
        ? `The "${tab}" tab is missing, but the tab "${lookalike}" has its columns: rename ` +
            `"${lookalike}" back to "${tab}" (or run "Set up / repair sheets", which does it).`
        : `The "${tab}" tab is missing${lookalike === null ? " and no other tab has its columns" : ""}. ` +
            `Run "Set up / repair sheets" to add it.`,
    );
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

/** How many rows below row 1 are searched for a header row that slipped down. */
const HEADER_SEARCH_ROWS = 5;

/**
 * The row holding the spec's required headers when row 1 does not (a title or a blank row above
 * them), or null.
 */
export function misplacedHeaders(table: Table, spec: TableSpec): MisplacedHeaders | null {
  const required = spec.columns.filter((c) => c.required).map((c) => normalizeKey(c.header));
  if (required.every((h) => table.columnIndex.has(h))) return null;
  for (let r = 0; r < Math.min(table.rows.length, HEADER_SEARCH_ROWS); r++) {
    const keys = new Set(table.rows[r]!.map((cell) => normalizeKey(cell)));
    if (required.every((h) => keys.has(h))) {
      const firstRow = table.headers.filter((h) => h !== "").join(" ");
      return {
        row: sheetRowOf(r),
        firstRow: firstRow.length > 60 ? `${firstRow.slice(0, 59)}…` : firstRow,
      };
    }
  }
  return null;
}

/** The error for the spec's missing required columns (or misplaced header row), or null. */
export function missingColumnError(table: Table, spec: TableSpec): MissingColumnError | null {
  const missing = missingRequired(table, spec);
  if (missing.length === 0) return null;
  return new MissingColumnError(spec.tab, missing, misplacedHeaders(table, spec));
}

/** The MissingColumnError message for the spec's missing required columns, or null when none. */
export function missingRequiredProblem(table: Table, spec: TableSpec): string | null {
  return missingColumnError(table, spec)?.message ?? null;
}

/** Throws a MissingColumnError naming the tab and every missing required column. */
export function assertRequired(table: Table, spec: TableSpec): void {
  const error = missingColumnError(table, spec);
  if (error) throw error;
}

/** "A", "B", … "Z", "AA": a 0-based column index as the sheet names it. */
export function columnLetter(index: number): string {
  let letters = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

/**
 * One problem per header that appears more than once: Touchbase uses the first such column (see
 * indexTable), and says which, so a person never edits the copy nobody reads.
 */
export function duplicateHeaderProblems(table: Table): string[] {
  const columnsByKey = new Map<string, number[]>();
  table.headers.forEach((header, i) => {
    const key = normalizeKey(header);
    if (key) columnsByKey.set(key, [...(columnsByKey.get(key) ?? []), i]);
  });
  const problems: string[] = [];
  for (const indexes of columnsByKey.values()) {
    if (indexes.length < 2) continue;
    const [used, ...ignored] = indexes.map(columnLetter) as [string, ...string[]];
    problems.push(
      `The "${table.tab}" tab has ${indexes.length} "${table.headers[indexes[0]!]}" columns ` +
        `(${[used, ...ignored].join(", ")}): Touchbase uses column ${used} and ignores ` +
        `${ignored.length > 1 ? "columns" : "column"} ${ignored.join(", ")}. Rename or remove the extra ` +
        `${ignored.length > 1 ? "ones" : "one"}.`,
    );
  }
  return problems;
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
