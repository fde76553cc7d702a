// One contact's row on Contacts, for the sidebar (DESIGN §6): found by the row the sidebar saw and
// re-checked (ID and Name) before anything is written, so a re-sorted sheet or a deleted row never
// gets another person's touch. Reads the header and one row: a few calls whatever the sheet size.
import type { ContactRef } from "../api/sidebarApi";
import { cellText, normalizeKey, type Cell } from "../domain/cells";
import { parseContacts } from "../domain/contacts";
import { computedCells } from "../domain/refresh";
import { computedColumnFormat, whenFormat } from "../domain/numberFormats";
import { CONTACT, CONTACTS_SPEC, TAB } from "../domain/schema";
import { SidebarInputError } from "../domain/sidebarTouches";
import { assertRequired, columnOf, indexTable, MissingTabError, type Table } from "../domain/table";
import type { Contact, ContactResult } from "../domain/types";
import { findSheet, readHeader, writeColumnsAt } from "./tableIO";
import { sameCell } from "../domain/writeGuard";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface ContactAt {
  readonly sheet: Sheet;
  /** The header row and this contact's row. */
  readonly table: Table;
  readonly contact: Contact;
}

export function contactsSheet(spreadsheet: Spreadsheet): { sheet: Sheet; header: Table } {
  const sheet = findSheet(spreadsheet, TAB.contacts);
  if (!sheet) throw new MissingTabError(TAB.contacts);
  const header = readHeader(sheet, TAB.contacts);
  assertRequired(header, CONTACTS_SPEC);
  return { sheet, header };
}

const sameId = (cell: Cell | undefined, id: string) =>
  cellText(cell).toLowerCase() === id.trim().toLowerCase();

/** The sheet row holding `id`: the row the sidebar saw when it still holds it, else a search. */
function rowOfId(sheet: Sheet, header: Table, ref: ContactRef): { row: number; cells: Cell[] } {
  const idIndex = columnOf(header, CONTACT.id)!;
  const width = header.headers.length;
  const lastRow = sheet.getLastRow();
  if (ref.row >= 2 && ref.row <= lastRow) {
    const cells = sheet.getSheetValues(ref.row, 1, 1, width)[0] as Cell[];
    if (sameId(cells[idIndex], ref.id)) return { row: ref.row, cells };
  }
  // Re-sorted, or rows inserted above: one read of the ID column finds where it went.
  const ids = lastRow < 2 ? [] : (sheet.getSheetValues(2, idIndex + 1, lastRow - 1, 1) as Cell[][]);
  const rows = ids.flatMap((cells, i) => (sameId(cells[0], ref.id) ? [i + 2] : []));
  if (rows.length === 0) {
    throw new SidebarInputError(
      `${ref.name} (${ref.id}) is no longer on the ${TAB.contacts} tab: the row was deleted or its ID changed. Search for the contact again; nothing was saved.`,
    );
  }
  if (rows.length > 1) {
    throw new SidebarInputError(
      `ID ${ref.id} is on rows ${rows.join(" and ")} of ${TAB.contacts}; give each contact its own ID, then try again. Nothing was saved.`,
    );
  }
  const row = rows[0]!;
  return { row, cells: sheet.getSheetValues(row, 1, 1, width)[0] as Cell[] };
}

/** Finds and parses the contact `ref` names; throws a message for the person when it moved away. */
export function readContactRow(spreadsheet: Spreadsheet, ref: ContactRef, zone: string): ContactAt {
  if (!ref || typeof ref.id !== "string" || ref.id.trim() === "") {
    throw new SidebarInputError("No contact was chosen; search for one first.");
  }
  const { sheet, header } = contactsSheet(spreadsheet);
  const { row, cells } = rowOfId(sheet, header, ref);
  const nameNow = cellText(cells[columnOf(header, CONTACT.name)!]);
  if (normalizeKey(nameNow) !== normalizeKey(ref.name)) {
    throw new SidebarInputError(
      `Row ${row} of ${TAB.contacts} (${ref.id}) now shows "${nameNow}", not "${ref.name}". Open the contact again to check before saving; your entry is kept.`,
    );
  }
  const table = indexTable(TAB.contacts, [header.headers, cells]);
  const parsed = parseContacts(table, zone).contacts[0];
  if (!parsed) {
    throw new SidebarInputError(`Row ${row} of ${TAB.contacts} is blank now; search again.`);
  }
  return { sheet, table, contact: { ...parsed, rowNumber: row } };
}

/**
 * Writes the user cells an action changed (only those: a person's other cells are never
 * touched) and the row's computed cells, as the next refresh would compute them. Their number
 * formats are written too unless the row shows `before` (the contact's result before this action,
 * as the run wrote it, formats included) and the Due keeps its kind of format.
 */
export function writeContactRow(
  at: ContactAt,
  userCells: ReadonlyMap<string, Cell>,
  result: ContactResult,
  before?: ContactResult,
): void {
  const row = at.contact.rowNumber;
  if (userCells.size > 0) {
    const columns = new Map([...userCells].map(([header, value]) => [header, [value]]));
    writeColumnsAt(at.sheet, at.table, row, 1, columns);
  }
  const computed = computedCells(result);
  const keepFormats =
    before !== undefined &&
    whenFormat(before.due) === whenFormat(result.due) &&
    rowShows(at.table, computedCells(before));
  const values = new Map<string, Cell[]>();
  const formats = new Map<string, string[]>();
  for (const column of CONTACTS_SPEC.columns) {
    if (!column.computed || columnOf(at.table, column.header) === undefined) continue;
    values.set(column.header, [computed[column.header] ?? ""]);
    const format =
      column.header === CONTACT.due ? whenFormat(result.due) : computedColumnFormat(column.kind);
    formats.set(column.header, [format]);
  }
  writeColumnsAt(at.sheet, at.table, row, 1, values, keepFormats ? undefined : formats);
}

/** True when the table's one row holds every one of these computed cells. */
function rowShows(table: Table, cells: Readonly<Record<string, Cell>>): boolean {
  const row = table.rows[0] ?? [];
  return Object.entries(cells).every(([header, value]) => {
    const column = columnOf(table, header);
    return column === undefined || sameCell(row[column], value);
  });
}
