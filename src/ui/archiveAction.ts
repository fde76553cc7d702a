// The "Archive old touches" menu item: asks how old, moves those touches to the archive
// spreadsheet (sheets/archiveTouches.ts) under the run lock, logs a Runs row and says what it did.
import { archiveCutoff, parseArchiveMonths } from "../domain/archive";
import { formatDay } from "../domain/format";
import { elapsedSeconds, emptyRunRecord, noteRunError } from "../domain/runRecord";
import { errorMessage } from "../errors";
import { archiveOldTouches, describeArchive } from "../sheets/archiveTouches";
import { appendRunRow } from "../sheets/runsLog";
import { readWorkbook } from "../sheets/workbook";
import { releaseRunLease, takeRunLease } from "../triggers/runLease";

const TITLE = "Archive old touches";
const DEFAULT_MONTHS = 12;

export function menuArchiveOldTouches(): void {
  const ui = SpreadsheetApp.getUi();
  const answer = ui.prompt(
    TITLE,
    `Move touches older than how many months to an archive spreadsheet in your Drive? ` +
      `(Blank = ${DEFAULT_MONTHS}.) Each contact's counts, status and due date stay exactly as they are.`,
    ui.ButtonSet.OK_CANCEL,
  );
  if (answer.getSelectedButton() !== ui.Button.OK) return;
  const months = parseArchiveMonths(answer.getResponseText(), DEFAULT_MONTHS);
  if ("error" in months) {
    ui.alert(TITLE, months.error, ui.ButtonSet.OK);
    return;
  }
  ui.alert(TITLE, archiveAndLog(months.ok), ui.ButtonSet.OK);
}

/** Archives and logs a Runs row; returns the sentence to show (never throws). */
function archiveAndLog(months: number): string {
  let spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  let user: string;
  let spreadsheetId: string;
  try {
    spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    spreadsheetId = spreadsheet.getId();
    user = Session.getEffectiveUser().getEmail();
  } catch (error) {
    return `Touchbase could not start archiving: ${errorMessage(error)} Nothing was archived.`;
  }
  const now = new Date();
  const record = emptyRunRecord(now, user, "Archive");
  let message: string;
  // The hourly run appends touches; the rewrite of Touches must not overlap it.
  const { lease, problem } = takeRunLease(spreadsheetId, user, TITLE, now);
  if (!lease) {
    record.error = problem;
    message = problem;
  } else {
    try {
      const workbook = readWorkbook(spreadsheet, user, now);
      const cutoff = archiveCutoff(now, months, workbook.zone);
      const outcome = archiveOldTouches(spreadsheet, workbook, { user, cutoff, now });
      record.contacts = outcome.contacts;
      if (outcome.moved === 0) {
        message =
          `Nothing to archive: no touch from before ${formatDay(cutoff, workbook.zone, now)} ` +
          `can move without changing a contact's follow-up.`;
      } else {
        record.archived = describeArchive(outcome, months);
        message = `Archived ${record.archived}`;
      }
    } catch (error) {
      record.error = errorMessage(error);
      message = record.error;
    }
    noteRunError(record, releaseRunLease(lease));
  }
  record.seconds = elapsedSeconds(now, new Date());
  try {
    appendRunRow(spreadsheet, record);
  } catch (error) {
    console.error(`Touchbase could not write its Runs row: ${errorMessage(error)}`, record);
  }
  return message;
}
