// The Runs tab: one row per automation run, appended with one call in the tab's own column order
// (found by header name, like every other tab).
import { isBlankCell } from "../domain/cells";
import { runRecordCells, type RunRecord } from "../domain/runRecord";
import { runsLayout } from "../domain/runsLayout";
import { RUN, RUNS_SPEC, TAB } from "../domain/schema";
import { columnOf, indexTable } from "../domain/table";
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
  const { table, note } = runsLayout(header);
  if (note) {
    const field = columnOf(table, RUN.problems) !== undefined ? "problems" : "error";
    record[field] = record[field] ? `${note} ${record[field]}` : note;
    if (columnOf(table, RUN[field]) === undefined) console.warn(`Touchbase: ${note}`);
  }
  appendRecord(sheet, table, runRecordCells(record));
}
