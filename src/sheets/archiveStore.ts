// The archive spreadsheet of "Archive old touches": one per workbook, in the user's Drive, its id
// kept in the document's properties. Its "Touches" tab keeps the workbook's Touches headers (the
// user's own columns too) and gains any header the workbook adds later.
import { cellText, type Cell } from "../domain/cells";
import { NUMBER_FORMAT } from "../domain/numberFormats";
import { TAB, TOUCH } from "../domain/schema";
import { columnOf, indexTable, type Table } from "../domain/table";
import { errorMessage } from "../errors";
import { appendRows, findSheet, type RowRecord } from "./tableIO";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document property holding the archive spreadsheet's id. */
export const ARCHIVE_ID_PROPERTY = "tb.archive.spreadsheetId";

export interface Archive {
  readonly spreadsheet: Spreadsheet;
  readonly sheet: Sheet;
  readonly table: Table;
  /** Touch ID → the row already archived under it (Timestamp ms and Contact ID). */
  readonly archived: ReadonlyMap<string, ArchivedRow>;
}

export interface ArchivedRow {
  readonly timestamp: number;
  readonly contactId: string;
}

export class ArchiveUnavailableError extends Error {
  constructor(id: string, cause: string) {
    super(
      `Touchbase could not open this sheet's archive spreadsheet (id ${id}): ${cause} ` +
        `Restore it from the Drive trash or ask its owner for edit access, then run "Archive old touches" again.`,
    );
    this.name = "ArchiveUnavailableError";
  }
}

export function archiveName(workbook: Spreadsheet): string {
  return `Touchbase archive — ${workbook.getName()}`;
}

/** The archive's id on record, or "" before the first archive. */
export function archiveIdOnRecord(): string {
  return PropertiesService.getDocumentProperties().getProperty(ARCHIVE_ID_PROPERTY) ?? "";
}

/**
 * Opens the archive on record, or creates it and remembers it at once; its tab and headers are
 * completed when it is read, so a crash while setting it up is finished by the next archive.
 * (A crash between creating and remembering leaves an empty spreadsheet behind, never a touch.)
 */
export function openOrCreateArchive(
  workbook: Spreadsheet,
  headers: readonly Cell[],
  knownId: string,
): Archive {
  if (knownId) {
    let spreadsheet: Spreadsheet;
    try {
      spreadsheet = SpreadsheetApp.openById(knownId);
    } catch (error) {
      throw new ArchiveUnavailableError(knownId, errorMessage(error));
    }
    return readArchive(spreadsheet, headers);
  }
  const spreadsheet = SpreadsheetApp.create(archiveName(workbook));
  PropertiesService.getDocumentProperties().setProperty(ARCHIVE_ID_PROPERTY, spreadsheet.getId());
  spreadsheet.getSheets()[0]?.setName(TAB.touches);
  return readArchive(spreadsheet, headers);
}

/** The archive's Touches tab, read once, with any workbook header it lacks added to its header row. */
function readArchive(spreadsheet: Spreadsheet, headers: readonly Cell[]): Archive {
  const sheet = findSheet(spreadsheet, TAB.touches) ?? spreadsheet.insertSheet(TAB.touches);
  const grid = sheet.getDataRange().getValues() as Cell[][];
  // A new tab reads as one blank cell: no header row yet.
  if (grid.length === 1 && grid[0]!.every((cell) => cellText(cell) === "")) grid[0] = [];
  let table = indexTable(TAB.touches, grid);
  const missing = headers.filter(
    (h) => cellText(h) !== "" && columnOf(table, cellText(h)) === undefined,
  );
  if (missing.length > 0) {
    if (table.headers.length === 0) sheet.setFrozenRows(1);
    const row = [...table.headers, ...missing.map(cellText)];
    if (row.length > sheet.getMaxColumns()) {
      sheet.insertColumnsAfter(sheet.getMaxColumns(), row.length - sheet.getMaxColumns());
    }
    sheet.getRange(1, 1, 1, row.length).setValues([row]);
    table = indexTable(TAB.touches, [row, ...grid.slice(1)]);
  }
  return { spreadsheet, sheet, table, archived: archivedRows(table) };
}

function archivedRows(table: Table): Map<string, ArchivedRow> {
  const rows = new Map<string, ArchivedRow>();
  const id = columnOf(table, TOUCH.touchId);
  const time = columnOf(table, TOUCH.timestamp);
  const contact = columnOf(table, TOUCH.contactId);
  if (id === undefined) return rows;
  for (const row of table.rows) {
    const touchId = cellText(row[id]).toLowerCase();
    if (touchId === "") continue;
    const stamp = time === undefined ? null : row[time];
    rows.set(touchId, {
      timestamp: stamp instanceof Date ? stamp.getTime() : NaN,
      contactId: contact === undefined ? "" : cellText(row[contact]).toLowerCase(),
    });
  }
  return rows;
}

/** Appends rows to the archive's Touches tab (one batch); dates keep a readable format. */
export function appendToArchive(archive: Archive, records: readonly RowRecord[]): void {
  if (records.length === 0) return;
  const firstRow = appendRows(archive.sheet, archive.table, records);
  for (const header of [TOUCH.timestamp, TOUCH.nextFollowUp]) {
    const column = columnOf(archive.table, header);
    if (column === undefined) continue;
    archive.sheet
      .getRange(firstRow, column + 1, records.length, 1)
      .setNumberFormat(NUMBER_FORMAT.dateTime);
  }
}
