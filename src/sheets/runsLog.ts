// The Runs tab: one row per automation run, appended with one call in the tab's own column order
// (found by header name, like every other tab).
import { isBlankCell } from "../domain/cells";
import { runRecordCells, type RunRecord } from "../domain/runRecord";
import { isCellLimitError } from "../domain/limits";
import { runsLayout } from "../domain/runsLayout";
import { RUN, RUNS_SPEC, TAB } from "../domain/schema";
import { columnOf, FIRST_DATA_ROW, indexTable } from "../domain/table";
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
