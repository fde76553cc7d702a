// The Runs tab: one row per automation run, appended with one call in the tab's own column order
// (found by header name, like every other tab).
import { isBlankCell } from "../domain/cells";
import { runRecordCells, type RunRecord } from "../domain/runRecord";
import { RUN, RUNS_SPEC, TAB } from "../domain/schema";
import { isCellLimitError } from "../domain/limits";
import { columnOf, FIRST_DATA_ROW, indexTable } from "../domain/table";
import { errorMessage } from "../errors";
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
