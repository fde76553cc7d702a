// Computed Contacts columns (DESIGN §1: Status, Due, … rewritten on every refresh) that hold values
// Touchbase never writes there — a person's own "Status" column ("Active - VIP") that setup or a
// hand-made sheet gave a computed header. Such a column is the person's: it is named, and never
// overwritten without their yes (setup asks to rename it; the refresh leaves it alone).
import { cellText, isBlankCell, matchWord, normalizeKey, type Cell } from "./cells";
import { CONTACT, CONTACTS_SPEC, STATUSES, type ColumnSpec } from "./schema";
import { columnOf, sheetRowOf, type Table } from "./table";

/** A computed column holding values Touchbase did not write. */
export interface UserComputedColumn {
  /** The spec's header ("Status"). */
  readonly header: string;
  /** 0-based column index in the table. */
  readonly index: number;
  /** The first value that is not Touchbase's, and its sheet row. */
  readonly example: { readonly row: number; readonly value: string };
  /** How many rows hold such values. */
  readonly rows: number;
}

/**
 * Whether Touchbase could have written `cell` in this computed column; undefined when the value
 * alone cannot tell (free text: Step, Last Outcome, Problem).
 */
export function couldBeComputed(column: ColumnSpec, cell: Cell): boolean | undefined {
  if (isBlankCell(cell) || cellText(cell) === "") return true;
  if (normalizeKey(column.header) === normalizeKey(CONTACT.status)) {
    return matchWord(cell, STATUSES) !== undefined;
  }
  switch (column.kind) {
    case "date":
    case "datetime":
      return cell instanceof Date;
    case "integer":
    case "number":
      return typeof cell === "number";
    default:
      return undefined;
  }
}

/**
 * The computed columns of `table` holding values Touchbase did not write. Free-text columns are
 * judged only when `freeTextIsForeign` (setup, for a column without Touchbase's protection: any
 * value there was typed by a person); the refresh, which cannot see protections, trusts them.
 */
export function userComputedColumns(
  table: Table,
  freeTextIsForeign: (header: string) => boolean = () => false,
): UserComputedColumn[] {
  const found: UserComputedColumn[] = [];
  for (const column of CONTACTS_SPEC.columns) {
    if (!column.computed) continue;
    const index = columnOf(table, column.header);
    if (index === undefined) continue;
    const freeText = freeTextIsForeign(column.header);
    let example: UserComputedColumn["example"] | null = null;
    let rows = 0;
    table.rows.forEach((row, r) => {
      const cell = row[index] ?? "";
      const computed = couldBeComputed(column, cell);
      const foreign = computed === undefined ? freeText && cellText(cell) !== "" : !computed;
      if (!foreign) return;
      rows++;
      example ??= { row: sheetRowOf(r), value: cellText(cell) };
    });
    if (example) found.push({ header: column.header, index, example, rows });
  }
  return found;
}

/** "row 2 holds "Active - VIP", and 3 more rows" */
export function describeUserValues(column: UserComputedColumn): string {
  const more = column.rows - 1;
  const value =
    column.example.value.length > 60
      ? `${column.example.value.slice(0, 59)}…`
      : column.example.value;
  return (
    `row ${column.example.row} holds "${value}"` +
    (more > 0 ? `, and ${more} more row${more > 1 ? "s" : ""}` : "")
  );
}

/** The name setup gives a person's column to make room for Touchbase's ("Status (yours)"). */
export function yoursHeader(header: string, taken: readonly string[]): string {
  const used = new Set(taken.map(normalizeKey));
  for (let n = 1; ; n++) {
    const name = n === 1 ? `${header} (yours)` : `${header} (yours ${n})`;
    if (!used.has(normalizeKey(name))) return name;
  }
}

/** The refresh's note for a computed column it leaves alone. */
export function userComputedColumnProblem(column: UserComputedColumn): string {
  return (
    `Contacts column "${column.header}" holds values Touchbase did not write ` +
    `(${describeUserValues(column)}), so Refresh did not write it. Run "Set up / repair sheets" ` +
    `to keep yours as "${column.header} (yours)" and add Touchbase's, or clear those cells.`
  );
}
