// One contact's touches on the Touches log (DESIGN §6): the Contact ID column is read once, then
// only the rows that hold this contact's touches, in a few blocks (domain/rowBlocks.ts), never the
// whole tab; or, when the sidebar kept this contact's history from a moment ago and the log above
// its last row is unchanged, only the rows appended since (domain/touchSnapshot.ts). Appends the
// sidebar's touches with appendRow, which Sheets applies atomically, so a run appending at the
// same moment never overwrites them.
import { cellText, storedValue, type Cell } from "../domain/cells";
import { highestDigits, TOUCH_ID } from "../domain/ids";
import { planRowBlocks } from "../domain/rowBlocks";
import { TAB, TOUCH, TOUCHES_SPEC } from "../domain/schema";
import { touchCells } from "../domain/touches";
import {
  END_ROWS,
  logEnd,
  snapshotHolds,
  type LogEnd,
  type TouchSnapshot,
} from "../domain/touchSnapshot";
import { assertRequired, columnOf, indexTable, MissingTabError, type Table } from "../domain/table";
import type { Touch } from "../domain/types";
import { appendRecord, appendRows, buildRow, findSheet, readHeader } from "./tableIO";

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
  /** The log's last row when read: where a snapshot of this history ends. */
  readonly end: LogEnd;
}

export function touchesSheet(spreadsheet: Spreadsheet): { sheet: Sheet; header: Table } {
  const sheet = findSheet(spreadsheet, TAB.touches);
  if (!sheet) throw new MissingTabError(TAB.touches);
  const header = readHeader(sheet, TAB.touches);
  assertRequired(header, TOUCHES_SPEC);
  return { sheet, header };
}

/** Where the log ends, from its last rows' cells (`rows` end at `lastRow`). */
function endOf(header: Table, lastRow: number, rows: readonly (readonly Cell[])[]): LogEnd {
  const idIndex = columnOf(header, TOUCH.contactId)!;
  return logEnd(
    lastRow,
    rows.slice(-END_ROWS).map((cells) => cells[idIndex]!),
  );
}

/** The first row of the log's tail, whose Touch IDs new ones continue. */
const tailStartOf = (lastRow: number) => Math.max(2, lastRow - ID_TAIL_ROWS + 1);

/** The log's last rows, whole (one small read): new Touch IDs continue the highest among them. */
function readTail(sheet: Sheet, header: Table, lastRow: number): Omit<TouchLog, "sheet" | "table"> {
  if (lastRow < 2) return { lastTouchDigits: "0", end: logEnd(1, []) };
  const start = tailStartOf(lastRow);
  const tail = sheet.getSheetValues(
    start,
    1,
    lastRow - start + 1,
    header.headers.length,
  ) as Cell[][];
  return {
    lastTouchDigits: tailDigits(header, tail),
    end: endOf(header, lastRow, tail),
  };
}

function tailDigits(header: Table, rows: readonly (readonly Cell[])[]): string {
  const touchIdIndex = columnOf(header, TOUCH.touchId)!;
  return highestDigits(
    TOUCH_ID,
    rows.map((cells) => cells[touchIdIndex]!),
  );
}

/** The log's header and next Touch ID, without any touch rows (for appending a batch). */
export function readTouchLogHead(spreadsheet: Spreadsheet): TouchLog {
  const { sheet, header } = touchesSheet(spreadsheet);
  return { sheet, table: header, ...readTail(sheet, header, sheet.getLastRow()) };
}

const isContact = (cells: readonly Cell[], idIndex: number, wanted: string) =>
  cellText(cells[idIndex]).toLowerCase() === wanted;

/**
 * Reads the touches of `contactId` (matched like the refresh matches IDs: any case). With a
 * `snapshot` of them that still holds, reads only the log's last rows: those appended since, and
 * the tail new Touch IDs continue. `forCard` skips the tail when no touch will be added (the
 * Touch IDs are then unknown: "0").
 */
export function readContactTouches(
  spreadsheet: Spreadsheet,
  contactId: string,
  snapshot: TouchSnapshot | null = null,
  forCard = false,
): TouchLog {
  const { sheet, header } = touchesSheet(spreadsheet);
  const lastRow = sheet.getLastRow();
  const wanted = contactId.trim().toLowerCase();
  if (snapshot && snapshot.contactId === wanted) {
    const fromSnapshot = readSince(sheet, header, lastRow, snapshot);
    if (fromSnapshot) return fromSnapshot;
  }
  if (lastRow < 2 || wanted === "")
    return { sheet, table: header, ...readTail(sheet, header, lastRow) };
  const width = header.headers.length;
  const idIndex = columnOf(header, TOUCH.contactId)!;
  const ids = sheet.getSheetValues(2, idIndex + 1, lastRow - 1, 1) as Cell[][];
  const rows: number[] = [];
  ids.forEach((cells, i) => {
    if (isContact(cells, 0, wanted)) rows.push(i + 2);
  });
  const found: Cell[][] = [];
  for (const block of planRowBlocks(rows, width, MAX_TOUCH_READS)) {
    const values = sheet.getSheetValues(block.start, 1, block.count, width) as Cell[][];
    for (const cells of values) {
      if (isContact(cells, idIndex, wanted)) found.push(cells);
    }
  }
  const table = indexTable(TAB.touches, [header.headers, ...found]);
  if (!forCard) return { sheet, table, ...readTail(sheet, header, lastRow) };
  const end = logEnd(
    lastRow,
    ids.slice(-END_ROWS).map((cells) => cells[0]!),
  );
  return { sheet, table, lastTouchDigits: "0", end };
}

/**
 * The history from a snapshot plus the rows appended since, with one read from the rows the
 * snapshot ended on (or the tail's first, if earlier) to the log's end; null when it is stale.
 */
function readSince(
  sheet: Sheet,
  header: Table,
  lastRow: number,
  snapshot: TouchSnapshot,
): TouchLog | null {
  const since = snapshot.end.lastRow;
  if (lastRow < since) return null;
  const from = Math.max(2, Math.min(since - END_ROWS + 1, tailStartOf(lastRow)));
  const width = header.headers.length;
  const read =
    lastRow < from ? [] : (sheet.getSheetValues(from, 1, lastRow - from + 1, width) as Cell[][]);
  const upToSince = read.slice(0, Math.max(0, since - from + 1));
  if (!snapshotHolds(snapshot, header.headers, lastRow, endOf(header, since, upToSince))) {
    return null;
  }
  const idIndex = columnOf(header, TOUCH.contactId)!;
  const appended = read.slice(upToSince.length);
  const found = appended.filter((cells) => isContact(cells, idIndex, snapshot.contactId));
  return {
    sheet,
    table: indexTable(TAB.touches, [header.headers, ...snapshot.rows, ...found]),
    lastTouchDigits: tailDigits(header, read.slice(Math.max(0, tailStartOf(lastRow) - from))),
    end: endOf(header, lastRow, read),
  };
}

/** The snapshot to keep after `appended` rows were added to this contact's `log`. */
export function snapshotOf(
  log: TouchLog,
  contactId: string,
  appended: readonly (readonly Cell[])[] = [],
): TouchSnapshot {
  const idIndex = columnOf(log.table, TOUCH.contactId)!;
  const endIds = [...log.end.contactIds, ...appended.map((cells) => cells[idIndex]!)];
  return {
    contactId: contactId.trim().toLowerCase(),
    headers: log.table.headers,
    end: logEnd(log.end.lastRow + appended.length, endIds),
    rows: [...log.table.rows, ...appended],
  };
}

/**
 * Appends one contact's new touches (one or two rows: at most two calls). Many contacts' touches
 * at once (Cover) go in one batch instead. Returns the rows as the sheet now reads them.
 */
export function appendTouches(log: TouchLog, touches: readonly Touch[]): Cell[][] {
  if (touches.length > 2) {
    const records = touches.map(touchCells);
    appendRows(log.sheet, log.table, records);
    return records.map((record) => buildRow(log.table, record).map(storedValue));
  }
  return touches.map((touch) =>
    appendRecord(log.sheet, log.table, touchCells(touch)).map(storedValue),
  );
}
