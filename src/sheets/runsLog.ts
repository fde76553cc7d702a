// The Runs tab: one row per automation run, appended with one call in the tab's own column order
// (found by header name, like every other tab).
import type { LastRun } from "../api/sidebarApi";
import { cellText, isBlankCell, type Cell } from "../domain/cells";
import { isCellLimitError } from "../domain/limits";
import { lastRunSummary, runRecordCells, type RunRecord } from "../domain/runRecord";
import { runsLayout } from "../domain/runsLayout";
import { RUN, RUNS_SPEC, TAB } from "../domain/schema";
import { columnOf, FIRST_DATA_ROW, indexTable, rowReader } from "../domain/table";
import { errorMessage } from "../errors";
import { appendRecord, findSheet, readHeader } from "./tableIO";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const RUNS_HEADERS = RUNS_SPEC.columns.map((c) => c.header);

/**
 * Appends the record's row. When the tab's headers are not Touchbase's, the row still goes in and
 * the record's Problems (or Error) says so — the caller's summary shows the same words.
 */
export function appendRunRow(spreadsheet: Spreadsheet, record: RunRecord): void {
  let sheet = findSheet(spreadsheet, TAB.runs);
  // The Runs log must never be the reason a run's outcome is lost: recreate the tab or its headers.
  if (!sheet) sheet = spreadsheet.insertSheet(TAB.runs);
  let header = readHeader(sheet, TAB.runs);
  if (header.headers.every(isBlankCell)) {
    sheet.getRange(1, 1, 1, RUNS_HEADERS.length).setValues([RUNS_HEADERS]);
    header = indexTable(TAB.runs, [RUNS_HEADERS]);
  }
  const layout = runsLayout(header);
  const note = layout.note;
  let table = layout.table;
  if (note) {
    const field = columnOf(table, RUN.problems) !== undefined ? "problems" : "error";
    record[field] = record[field] ? `${note} ${record[field]}` : note;
    if (columnOf(table, RUN[field]) === undefined) console.warn(`Touchbase: ${note}`);
  }
  // A Runs tab from before the Archived column: it gets the column when an archive has to say so.
  if (record.archived && columnOf(table, RUN.archived) === undefined) {
    const column = table.headers.length + 1;
    if (column > sheet.getMaxColumns()) sheet.insertColumnsAfter(sheet.getMaxColumns(), 1);
    sheet.getRange(1, column).setValue(RUN.archived);
    table = indexTable(TAB.runs, [[...table.headers, RUN.archived]]);
  }
  const cells = runRecordCells(record);
  try {
    appendRecord(sheet, table, cells);
  } catch (error) {
    // A full spreadsheet (the cell limit) must not silence the run that says so: the oldest Runs
    // row makes room for the newest.
    if (!isCellLimitError(errorMessage(error)) || sheet.getLastRow() < FIRST_DATA_ROW) throw error;
    sheet.deleteRow(FIRST_DATA_ROW);
    appendRecord(sheet, table, cells);
  }
}

/** Runs rows looked at for "the last run": the log grows by a row per user per hour. */
const RECENT_RUNS = 50;

/** The latest Runs row of `user` among the recent ones (else the latest of anyone), or null. */
export function lastRunOf(spreadsheet: Spreadsheet, user: string): LastRun | null {
  const sheet = findSheet(spreadsheet, TAB.runs);
  if (!sheet) return null;
  const lastRow = sheet.getLastRow();
  if (lastRow < 2) return null;
  const header = readHeader(sheet, TAB.runs);
  const first = Math.max(2, lastRow - RECENT_RUNS + 1);
  const rows = sheet
    .getRange(first, 1, lastRow - first + 1, header.headers.length)
    .getValues() as Cell[][];
  const table = indexTable(TAB.runs, [header.headers, ...rows]);
  const records = table.rows.map((row) => rowReader(table, row));
  const mine = records.filter((read) => cellText(read(RUN.user)).toLowerCase() === user);
  const latest = (mine.length > 0 ? mine : records).at(-1);
  if (!latest) return null;
  const started = latest(RUN.started);
  return lastRunSummary({
    started: started instanceof Date ? started.toISOString() : cellText(started),
    trigger: cellText(latest(RUN.trigger)),
    contacts: cellText(latest(RUN.contacts)),
    due: cellText(latest(RUN.due)),
    overdue: cellText(latest(RUN.overdue)),
    error: cellText(latest(RUN.error)),
  });
}
