// The automation run (DESIGN §3): take this spreadsheet's lease → read and compute every contact
// (and the due emails) → write the computed columns → sync Gmail → sync the calendar (Sync
// calendar Yes) → draft or send the due emails → send the user's digest when due → refresh
// Metrics (once a day) → hand the lease back → log a Runs row. Every step is a thin call into
// sheets/, gmail/ or domain/; nothing here runs per row.
import {
  elapsedSeconds,
  emptyRunRecord,
  noteRunError,
  recordRefresh,
  type RunRecord,
  type RunTrigger,
} from "../domain/runRecord";
import {
  activityOf,
  gmailSkippedMessage,
  REAUTHORIZE_RUN_MESSAGE,
  writeFailedMessage,
} from "../domain/runMessages";
import { errorMessage } from "../errors";
import { deliverDigest, type DigestDayMark } from "../gmail/digestMail";
import { refreshMetricsTab } from "../sheets/metricsTab";
import { appendRunRow } from "../sheets/runsLog";
import { readWorkbook, writeWorkbook, type Workbook, type WorkbookWrite } from "../sheets/workbook";

import { syncCalendar } from "./calendarSteps";
import {
  planDueEmails,
  sendDueEmails,
  syncGmail,
  type EmailRun,
  type SyncOutcome,
} from "./emailSteps";
import { releaseRunLease, takeRunLease } from "./runLease";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Stop starting new work after this long; the platform kills an execution at 6 minutes. */
export const RUN_BUDGET_MS = 270_000;

export interface RunOptions {
  readonly spreadsheet: Spreadsheet;
  /** The spreadsheet's id (the lease's key), known to every caller without another call. */
  readonly spreadsheetId: string;
  readonly user: string;
  readonly trigger: RunTrigger;
  /** "skip": no digest; "now": send at once (menu); else send when due (the day mark). */
  readonly digest: "skip" | "now" | DigestDayMark;
  /**
   * The user must authorize Touchbase again (a scope was added): noted in Runs, and every step
   * that needs a scope added after the first release (Gmail reading) skips itself.
   */
  readonly authorizationRequired?: boolean;
  /** "now": rewrite the Metrics tab (Refresh now); else once a day (default). */
  readonly metrics?: "daily" | "now";
}

/**
 * Runs once under the spreadsheet's run lease. Never throws: every error ends up in the returned record (and
 * the Runs tab), so a trigger never fails silently and nothing is half-written without a note.
 */
export function performRun(options: RunOptions): RunRecord {
  const startedAt = new Date();
  const record = emptyRunRecord(startedAt, options.user, options.trigger);

  if (options.authorizationRequired) noteRunError(record, REAUTHORIZE_RUN_MESSAGE);
  const activity = activityOf(options.trigger);
  const { lease, problem } = takeRunLease(options.spreadsheetId, options.user, activity, startedAt);
  noteRunError(record, problem);
  if (lease) {
    try {
      const emails = planDueEmails(
        options.spreadsheet,
        readWorkbook(options.spreadsheet, options.user, startedAt),
        options.user,
        startedAt,
      );
      const workbook = emails.workbook;
      const written = writeRefresh(workbook, record);
      // Gmail, the calendar and automated emails belong to the hourly run: a menu click refreshes
      // the sheet only. Nothing is sent on a history that looks lost (every step would look undone).
      if (options.trigger === "Hourly" && !workbook.plan.historyLost) {
        syncAndSend(options, emails, startedAt, record);
      }
      record.problems = [record.problems, ...emails.problems].filter(Boolean).join("; ");
      // Out of time: the digest day is not marked, so the next run sends it.
      if (options.digest !== "skip" && Date.now() - startedAt.getTime() <= RUN_BUDGET_MS) {
        record.digests = sendDigest(options, workbook, startedAt, written.problems);
      }
      // Metrics of a history that looks lost would be all zeros: the tab waits for the history.
      if (!workbook.plan.historyLost && Date.now() - startedAt.getTime() <= RUN_BUDGET_MS) {
        refreshMetrics(options, workbook, startedAt, record);
      }
    } catch (error) {
      noteRunError(record, errorMessage(error));
    }
    noteRunError(record, releaseRunLease(lease));
  }
  logRun(options.spreadsheet, record);
  return record;
}

/** Writes the refresh; a write refused (a protected Tier column) must not cost the user their digest. */
function writeRefresh(workbook: Workbook, record: RunRecord): WorkbookWrite {
  let written: WorkbookWrite = { notes: [], problems: [] };
  noteRunError(
    record,
    attempt(() => {
      written = writeWorkbook(workbook);
    }, writeFailedMessage),
  );
  recordRefresh(record, workbook.plan, written.notes);
  // What could not be written (a full spreadsheet) is the run's error, and every digest says it.
  for (const problem of written.problems) noteRunError(record, problem);
  return written;
}

/** The hourly run's service steps: Gmail sync, Calendar sync, then the due emails. */
function syncAndSend(
  options: RunOptions,
  emails: EmailRun,
  startedAt: Date,
  record: RunRecord,
): void {
  const sync = gmailSync(options, emails, startedAt, record);
  if (sync) record.repliesFound = sync.repliesFound;
  // A contact with a new meeting gets no cadence email this hour (the next refresh sees it).
  const meetings = emails.workbook.settings.syncCalendar
    ? syncCalendar(emails, options.user, startedAt, deadlineOf(startedAt))
    : null;
  noteRunError(record, meetings?.error ?? "");
  // Without this hour's Gmail sync a reply could be missed: no email goes out.
  if (!sync) return;
  const changedContacts = new Set([...sync.changedContacts, ...(meetings?.changedContacts ?? [])]);
  const out = sendDueEmails(
    options.spreadsheet,
    emails,
    { ...sync, changedContacts },
    options.user,
    startedAt,
    deadlineOf(startedAt),
  );
  record.emailsSent = out.sent;
  record.drafts = out.drafts;
  record.deferred = out.deferred;
}

/**
 * The Gmail sync, or null when it could not run. While the user must authorize Touchbase again,
 * the platform does not say which permission is missing: the sync runs if Gmail's is granted, and
 * a refusal is one line in Runs (the calendar, the digest and Metrics still run).
 */
function gmailSync(
  options: RunOptions,
  emails: EmailRun,
  now: Date,
  record: RunRecord,
): SyncOutcome | null {
  if (!options.authorizationRequired)
    return syncGmail(options.spreadsheet, emails, options.user, now);
  let sync: SyncOutcome | null = null;
  noteRunError(
    record,
    attempt(() => {
      sync = syncGmail(options.spreadsheet, emails, options.user, now);
    }, gmailSkippedMessage),
  );
  return sync;
}

/** "" when `step` worked, else its error in words. */
function attempt(step: () => void, describe: (error: string) => string): string {
  try {
    step();
    return "";
  } catch (error) {
    return describe(errorMessage(error));
  }
}

/** Emails stop starting this long before the run's budget ends: the digest and Runs row follow. */
const EMAIL_RESERVE_MS = 30_000;

function deadlineOf(startedAt: Date): number {
  return startedAt.getTime() + RUN_BUDGET_MS - EMAIL_RESERVE_MS;
}

function sendDigest(
  options: RunOptions,
  workbook: Workbook,
  now: Date,
  writeProblems: readonly string[],
): number {
  return deliverDigest({
    user: options.user,
    schedule: options.digest === "now" || options.digest === "skip" ? null : options.digest,
    rows: workbook.plan.rows,
    touches: workbook.plan.touches,
    runProblems: workbook.plan.problems,
    writeProblems,
    settings: workbook.settings,
    zone: workbook.zone,
    now,
    links: () => ({
      spreadsheetUrl: options.spreadsheet.getUrl(),
      contactsSheetId: workbook.contacts.sheet.getSheetId(),
    }),
  });
}

/** A failure here is the run's Error, named: the computed columns and digest are already done. */
function refreshMetrics(options: RunOptions, workbook: Workbook, now: Date, record: RunRecord) {
  try {
    refreshMetricsTab(options.spreadsheet, {
      rows: workbook.plan.rows,
      touches: workbook.plan.touches,
      settings: workbook.settings,
      zone: workbook.zone,
      now,
      when: options.metrics ?? "daily",
    });
  } catch (error) {
    noteRunError(record, `Metrics not refreshed: ${errorMessage(error)}`);
  }
}

function logRun(spreadsheet: Spreadsheet, record: RunRecord): void {
  record.seconds = elapsedSeconds(record.started, new Date());
  try {
    appendRunRow(spreadsheet, record);
  } catch (error) {
    // The Runs tab itself is broken (or the user may no longer edit): the caller and the
    // execution log are all that is left.
    noteRunError(record, `Touchbase could not write its Runs row: ${errorMessage(error)}`);
    console.error(record.error, record);
  }
}
