// The automation run (DESIGN §3): take the lock → read and compute every contact → write the
// computed columns → send the user's digest when due → refresh Metrics (once a day) → log a Runs row. Every step is a thin call
// into sheets/, gmail/ or domain/; nothing here runs per row.
import {
  elapsedSeconds,
  emptyRunRecord,
  recordRefresh,
  type RunRecord,
  type RunTrigger,
} from "../domain/runRecord";
import { errorMessage } from "../errors";
import { deliverDigest, type DigestDayMark } from "../gmail/digestMail";
import { refreshMetricsTab } from "../sheets/metricsTab";
import { appendRunRow } from "../sheets/runsLog";
import { readWorkbook, writeWorkbook, type Workbook } from "../sheets/workbook";

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
  /** "now": rewrite the Metrics tab (Refresh now); else once a day (default). */
  readonly metrics?: "daily" | "now";
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
      const workbook = readWorkbook(options.spreadsheet, options.user, startedAt);
      const notes = writeWorkbook(workbook);
      recordRefresh(record, workbook.plan, notes);
      // Out of time: the digest day is not marked, so the next run sends it.
      if (options.digest !== "skip" && Date.now() - startedAt.getTime() <= RUN_BUDGET_MS) {
        record.digests = sendDigest(options, workbook, startedAt);
      }
      if (Date.now() - startedAt.getTime() <= RUN_BUDGET_MS) {
        refreshMetrics(options, workbook, startedAt, record);
      }
    } catch (error) {
      record.error = errorMessage(error);
    }
  }
  logRun(options.spreadsheet, record);
  return record;
}

function sendDigest(options: RunOptions, workbook: Workbook, now: Date): number {
  return deliverDigest({
    user: options.user,
    schedule: options.digest === "now" || options.digest === "skip" ? null : options.digest,
    rows: workbook.plan.rows,
    touches: workbook.plan.touches,
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
    record.error = `Metrics not refreshed: ${errorMessage(error)}`;
  }
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
