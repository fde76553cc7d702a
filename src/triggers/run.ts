// The automation run (DESIGN §3): read each tab once, recompute every contact, write the
// computed columns in batches, send the user's digest once a day, and log a Runs row.
// Every call here is a service call; nothing runs per row.
import { buildDigest } from "../domain/digest";
import { digestIsDue, localDayKey } from "../domain/digestSchedule";
import { planRefresh, type RefreshPlan } from "../domain/refresh";
import {
  CADENCES_SPEC,
  CONTACTS_SPEC,
  SETTING,
  SETTINGS_SPEC,
  TOUCHES_SPEC,
  type TableSpec,
} from "../domain/schema";
import { DEFAULT_SETTINGS, parseSettings, type Settings } from "../domain/settings";
import { indexTable, rowReader, type Table } from "../domain/table";
import { errorMessage } from "../errors";
import { sendDigestEmail } from "../gmail/digestMail";
import { appendRunRow, type RunRecord } from "../sheets/runsLog";
import { appendRows, openTable, type OpenTable, writeColumns } from "../sheets/tableIO";

import type { UserState } from "./userState";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What started the run, as written in the Runs tab's Trigger column. */
export type RunTrigger = "Hourly" | "Menu" | "Digest now";

/** Stop starting new work after this long; the platform kills an execution at 6 minutes. */
export const RUN_BUDGET_MS = 270_000;

/** How long to wait for another run's lock before leaving the work to the next hour. */
const LOCK_WAIT_MS = 10_000;

export interface RunOptions {
  readonly spreadsheet: Spreadsheet;
  readonly user: string;
  readonly trigger: RunTrigger;
  /** "scheduled": send when due today; "now": send regardless (menu test); "skip": never. */
  readonly digest: "scheduled" | "now" | "skip";
  readonly userState: UserState | null;
  /** True when the execution has a document (menu, sidebar); false in a time trigger. */
  readonly hasActiveDocument: boolean;
}

export interface RunOutcome {
  readonly record: RunRecord;
  readonly plan: RefreshPlan | null;
  /** Why no digest went out, when one was asked for ("" when sent or not asked). */
  readonly digestNote: string;
}

export const BUSY_MESSAGE =
  "Another Touchbase run was still working on this spreadsheet; this run skipped it. The next run will catch up.";

/**
 * Runs once under the document lock. Never throws: every error ends up in the returned record
 * (and the Runs tab), so a trigger never fails silently and nothing is half-written without a note.
 */
export function performRun(options: RunOptions): RunOutcome {
  const startedAt = new Date();
  const record = emptyRecord(startedAt, options);
  let plan: RefreshPlan | null = null;
  let digestNote = "";

  const lock = acquireLock(options.hasActiveDocument);
  if (!lock) {
    record.error = BUSY_MESSAGE;
    finish(options.spreadsheet, record, startedAt);
    return { record, plan, digestNote };
  }

  try {
    const workbook = readAndPlan(options.spreadsheet, options.user, startedAt);
    const { contacts, touches, settings, zone } = workbook;
    plan = workbook.plan;
    // Touches first: if the run dies between the two writes, the next run sees the logged
    // tier change and does not log it twice.
    if (plan.newTouches.length > 0) appendRows(touches.sheet, touches.table, plan.newTouches);
    writeColumns(contacts.sheet, contacts.table, plan.contactColumns);

    record.contacts = plan.counts.contacts;
    record.due = plan.counts.due;
    record.overdue = plan.counts.overdue;
    record.problems = describeProblems(plan);

    if (options.digest !== "skip") {
      digestNote = maybeSendDigest(options, contacts, plan, settings, zone, startedAt, record);
    }
  } catch (error) {
    record.error = errorMessage(error);
  }
  finish(options.spreadsheet, record, startedAt);
  return { record, plan, digestNote };
}

export interface PlannedWorkbook {
  readonly settings: Settings;
  readonly zone: string;
  readonly contacts: OpenTable;
  readonly touches: OpenTable;
  readonly plan: RefreshPlan;
}

/** Reads every tab once and computes every contact; writes nothing (also used for previews). */
export function readAndPlan(spreadsheet: Spreadsheet, user: string, now: Date): PlannedWorkbook {
  const { settings, problems: settingsProblems } = readSettings(spreadsheet);
  const zone = settings.timeZone || spreadsheet.getSpreadsheetTimeZone();
  const contacts = openTable(spreadsheet, CONTACTS_SPEC);
  const touches = openTable(spreadsheet, TOUCHES_SPEC);
  const cadences = readOptionalTab(spreadsheet, CADENCES_SPEC, settingsProblems);
  const plan = planRefresh({
    contacts: contacts.table,
    touches: touches.table,
    cadences,
    settings,
    settingsProblems,
    zone,
    now,
    user,
  });
  return { settings, zone, contacts, touches, plan };
}

function acquireLock(hasActiveDocument: boolean): GoogleAppsScript.Lock.Lock | null {
  // An add-on's time trigger has no document lock (it is null there): fall back to the script lock.
  const lock = hasActiveDocument ? LockService.getDocumentLock() : LockService.getScriptLock();
  return lock && lock.tryLock(LOCK_WAIT_MS) ? lock : null;
}

function readSettings(spreadsheet: Spreadsheet): { settings: Settings; problems: string[] } {
  let tab: OpenTable;
  try {
    tab = openTable(spreadsheet, SETTINGS_SPEC);
  } catch (error) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problems: [`${errorMessage(error)} Using default settings.`],
    };
  }
  const rows = tab.table.rows.map((row) => {
    const read = rowReader(tab.table, row);
    return { name: read(SETTING.setting), value: read(SETTING.value) };
  });
  return parseSettings(rows);
}

/** A tab the run can do without (Cadences): a problem is noted and an empty table used. */
function readOptionalTab(spreadsheet: Spreadsheet, spec: TableSpec, problems: string[]): Table {
  try {
    return openTable(spreadsheet, spec).table;
  } catch (error) {
    problems.push(errorMessage(error));
    return indexTable(spec.tab, [spec.columns.map((c) => c.header)]);
  }
}

function maybeSendDigest(
  options: RunOptions,
  contacts: OpenTable,
  plan: RefreshPlan,
  settings: Settings,
  zone: string,
  now: Date,
  record: RunRecord,
): string {
  const spreadsheetId = options.spreadsheet.getId();
  const state = options.userState;
  if (options.digest === "scheduled") {
    if (!state) return "no user state";
    const due = digestIsDue({
      now,
      zone,
      digestHour: settings.digestHour,
      lastDigestDay: state.lastDigestDay(spreadsheetId),
    });
    if (!due) return "not due yet";
  }
  if (Date.now() - now.getTime() > RUN_BUDGET_MS) return "out of time; the next run sends it";

  const digest = buildDigest({
    recipient: options.user,
    isManager: settings.managerEmails.includes(options.user),
    rows: plan.rows,
    settings,
    zone,
    now,
    spreadsheetUrl: options.spreadsheet.getUrl(),
    contactsSheetId: contacts.sheet.getSheetId(),
    runProblems: plan.problems,
  });
  // Mark the day before sending: a trigger that fires twice, or a retry after a crash, must never
  // send a second digest. If the send itself fails, the mark is undone so the next hour retries.
  if (options.digest === "scheduled" && state)
    state.markDigestDay(spreadsheetId, localDayKey(now, zone));
  if (!digest) return "nothing due: no digest sent";
  try {
    sendDigestEmail(options.user, digest, settings);
    record.digests = 1;
    return "";
  } catch (error) {
    if (options.digest === "scheduled" && state) state.markDigestDay(spreadsheetId, "");
    throw error;
  }
}

function describeProblems(plan: RefreshPlan): string {
  const parts: string[] = [];
  if (plan.counts.problems > 0) {
    parts.push(
      `${plan.counts.problems} contact row${plan.counts.problems === 1 ? "" : "s"} with a Problem`,
    );
  }
  parts.push(...plan.problems);
  return parts.join("; ");
}

function emptyRecord(startedAt: Date, options: RunOptions): RunRecord {
  return {
    started: startedAt,
    user: options.user,
    trigger: options.trigger,
    seconds: 0,
    contacts: 0,
    due: 0,
    overdue: 0,
    digests: 0,
    emailsSent: 0,
    drafts: 0,
    repliesFound: 0,
    deferred: 0,
    problems: "",
    error: "",
  };
}

function finish(spreadsheet: Spreadsheet, record: RunRecord, startedAt: Date): void {
  record.seconds = Math.round((Date.now() - startedAt.getTime()) / 100) / 10;
  try {
    appendRunRow(spreadsheet, record);
  } catch (error) {
    // The Runs tab itself is broken; the execution log is all that is left.
    console.error(`Touchbase could not write its Runs row: ${errorMessage(error)}`, record);
  }
}
