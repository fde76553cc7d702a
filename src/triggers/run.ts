// The automation run (DESIGN §3): take the lock → read and compute every contact (and the due
// emails) → write the computed columns → sync Gmail → draft or send the due emails → send the
// user's digest when due → log a Runs row. Every step is a thin call into sheets/, gmail/ or
// domain/; nothing here runs per row.
import {
  elapsedSeconds,
  emptyRunRecord,
  recordRefresh,
  type RunRecord,
  type RunTrigger,
} from "../domain/runRecord";
import { errorMessage } from "../errors";
import { deliverDigest, type DigestDayMark } from "../gmail/digestMail";
import { appendRunRow } from "../sheets/runsLog";
import { readWorkbook, writeWorkbook, type Workbook } from "../sheets/workbook";

import { planDueEmails, sendDueEmails, syncGmail } from "./emailSteps";
import { takeRunLock } from "./runLock";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Stop starting new work after this long; the platform kills an execution at 6 minutes. */
export const RUN_BUDGET_MS = 270_000;

export interface RunOptions {
  readonly spreadsheet: Spreadsheet;
  readonly user: string;
  readonly trigger: RunTrigger;
  /** "skip": no digest; "now": send at once (menu); else send when due (the day mark). */
  readonly digest: "skip" | "now" | DigestDayMark;
}

/**
 * Runs once under the run lock. Never throws: every error ends up in the returned record (and
 * the Runs tab), so a trigger never fails silently and nothing is half-written without a note.
 */
export function performRun(options: RunOptions): RunRecord {
  const startedAt = new Date();
  const record = emptyRunRecord(startedAt, options.user, options.trigger);

  record.error = takeRunLock();
  if (!record.error) {
    try {
      const emails = planDueEmails(
        options.spreadsheet,
        readWorkbook(options.spreadsheet, options.user, startedAt),
        options.user,
        startedAt,
      );
      const workbook = emails.workbook;
      writeWorkbook(workbook);
      recordRefresh(record, workbook.plan);
      // Gmail and automated emails belong to the hourly run: a menu click refreshes the sheet only.
      if (options.trigger === "Hourly") {
        const sync = syncGmail(options.spreadsheet, emails, options.user, startedAt);
        record.repliesFound = sync.repliesFound;
        const out = sendDueEmails(
          options.spreadsheet,
          emails,
          sync,
          options.user,
          startedAt,
          deadlineOf(startedAt),
        );
        record.emailsSent = out.sent;
        record.drafts = out.drafts;
        record.deferred = out.deferred;
      }
      record.problems = [record.problems, ...emails.problems].filter(Boolean).join("; ");
      // Out of time: the digest day is not marked, so the next run sends it.
      if (options.digest !== "skip" && Date.now() - startedAt.getTime() <= RUN_BUDGET_MS) {
        record.digests = sendDigest(options, workbook, startedAt);
      }
    } catch (error) {
      record.error = errorMessage(error);
    }
  }
  logRun(options.spreadsheet, record);
  return record;
}

/** Emails stop starting this long before the run's budget ends: the digest and Runs row follow. */
const EMAIL_RESERVE_MS = 30_000;

function deadlineOf(startedAt: Date): number {
  return startedAt.getTime() + RUN_BUDGET_MS - EMAIL_RESERVE_MS;
}

function sendDigest(options: RunOptions, workbook: Workbook, now: Date): number {
  return deliverDigest({
    user: options.user,
    schedule: options.digest === "now" || options.digest === "skip" ? null : options.digest,
    rows: workbook.plan.rows,
    runProblems: workbook.plan.problems,
    settings: workbook.settings,
    zone: workbook.zone,
    now,
    links: () => ({
      spreadsheetUrl: options.spreadsheet.getUrl(),
      contactsSheetId: workbook.contacts.sheet.getSheetId(),
    }),
  });
}

function logRun(spreadsheet: Spreadsheet, record: RunRecord): void {
  record.seconds = elapsedSeconds(record.started, new Date());
  try {
    appendRunRow(spreadsheet, record);
  } catch (error) {
    // The Runs tab itself is broken; the execution log is all that is left.
    console.error(`Touchbase could not write its Runs row: ${errorMessage(error)}`, record);
  }
}
