// One contact's touches on the Touches log (DESIGN §6): the Contact ID column is read once, then
// only the rows that hold this contact's touches, in a few blocks (domain/rowBlocks.ts), never the
// whole tab. Appends the sidebar's touches with appendRow, which Sheets applies atomically, so a
// run appending at the same moment never overwrites them.
import { cellText, type Cell } from "../domain/cells";
import { highestDigits, TOUCH_ID } from "../domain/ids";
import { planRowBlocks } from "../domain/rowBlocks";
import { TAB, TOUCH, TOUCHES_SPEC } from "../domain/schema";
import { touchCells } from "../domain/touches";
import { assertRequired, columnOf, indexTable, MissingTabError, type Table } from "../domain/table";
import type { Touch } from "../domain/types";
import { appendRecord, appendRows, findSheet, readHeader } from "./tableIO";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** At most this many reads for one contact's touch rows, however scattered they are. */
export const MAX_TOUCH_READS = 6;
/** New Touch IDs continue the highest among the log's last rows (the log is append-only). */
const ID_TAIL_ROWS = 500;

export interface TouchLog {
  readonly sheet: Sheet;
  /** The header row and, as rows, this contact's touches in sheet order. */
  readonly table: Table;
  /** The digits of the highest Touch ID among the log's last rows ("0" when none). */
  readonly lastTouchDigits: string;
}

export function touchesSheet(spreadsheet: Spreadsheet): { sheet: Sheet; header: Table } {
  const sheet = findSheet(spreadsheet, TAB.touches);
  if (!sheet) throw new MissingTabError(TAB.touches);
  const header = readHeader(sheet, TAB.touches);
  assertRequired(header, TOUCHES_SPEC);
  return { sheet, header };
}

/** The new Touch IDs continue the highest among the log's last rows (one small read). */
function lastTouchDigits(sheet: Sheet, header: Table, lastRow: number): string {
  if (lastRow < 2) return "0";
  const tailStart = Math.max(2, lastRow - ID_TAIL_ROWS + 1);
  const touchIdColumn = columnOf(header, TOUCH.touchId)! + 1;
  const tail = sheet
    .getSheetValues(tailStart, touchIdColumn, lastRow - tailStart + 1, 1)
    .map((cells) => cells[0] as Cell);
  return highestDigits(TOUCH_ID, tail);
}

/** The log's header and next Touch ID, without any touch rows (for appending a batch). */
export function readTouchLogHead(spreadsheet: Spreadsheet): TouchLog {
  const { sheet, header } = touchesSheet(spreadsheet);
  return {
    sheet,
    table: header,
    lastTouchDigits: lastTouchDigits(sheet, header, sheet.getLastRow()),
  };
}

/** Reads the touches of `contactId` (matched like the refresh matches IDs: any case). */
export function readContactTouches(spreadsheet: Spreadsheet, contactId: string): TouchLog {
  const { sheet, header } = touchesSheet(spreadsheet);
  const width = header.headers.length;
  const lastRow = sheet.getLastRow();
  const wanted = contactId.trim().toLowerCase();
  if (lastRow < 2 || wanted === "") {
    return { sheet, table: header, lastTouchDigits: lastTouchDigits(sheet, header, lastRow) };
  }
  const idColumn = columnOf(header, TOUCH.contactId)! + 1;
  const ids = sheet.getSheetValues(2, idColumn, lastRow - 1, 1) as Cell[][];
  const rows: number[] = [];
  ids.forEach((cells, i) => {
    if (cellText(cells[0]).toLowerCase() === wanted) rows.push(i + 2);
  });
  const found: Cell[][] = [];
  for (const block of planRowBlocks(rows, width, MAX_TOUCH_READS)) {
    const values = sheet.getSheetValues(block.start, 1, block.count, width) as Cell[][];
    for (const cells of values) {
      if (cellText(cells[idColumn - 1]).toLowerCase() === wanted) found.push(cells);
    }
  }
  const table = indexTable(TAB.touches, [header.headers, ...found]);
  return { sheet, table, lastTouchDigits: lastTouchDigits(sheet, header, lastRow) };
}

/**
 * Appends one contact's new touches (one or two rows: at most two calls). Many contacts' touches
 * at once (Cover) go in one batch instead.
 */
export function appendTouches(log: TouchLog, touches: readonly Touch[]): void {
  if (touches.length > 2) {
    appendRows(log.sheet, log.table, touches.map(touchCells));
    return;
  }
  for (const touch of touches) appendRecord(log.sheet, log.table, touchCells(touch));
}
