// The Runs tab: one row per automation run, appended with one call in the tab's own column order
// (found by header name, like every other tab).
import type { LastRun } from "../api/sidebarApi";
import { cellText, isBlankCell, type Cell } from "../domain/cells";
import { lastRunSummary, runRecordCells, type RunRecord } from "../domain/runRecord";
import { RUN, RUNS_SPEC, TAB } from "../domain/schema";
import { indexTable, rowReader } from "../domain/table";
import { appendRecord, findSheet, readHeader } from "./tableIO";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const RUNS_HEADERS = RUNS_SPEC.columns.map((c) => c.header);

export function appendRunRow(spreadsheet: Spreadsheet, record: RunRecord): void {
  let sheet = findSheet(spreadsheet, TAB.runs);
  // The Runs log must never be the reason a run's outcome is lost: recreate the tab or its headers.
  if (!sheet) sheet = spreadsheet.insertSheet(TAB.runs);
  let table = readHeader(sheet, TAB.runs);
  if (table.headers.every(isBlankCell)) {
    sheet.getRange(1, 1, 1, RUNS_HEADERS.length).setValues([RUNS_HEADERS]);
    table = indexTable(TAB.runs, [RUNS_HEADERS]);
  }
  appendRecord(sheet, table, runRecordCells(record));
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
