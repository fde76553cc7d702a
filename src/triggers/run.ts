// The automation run (DESIGN §3): read each tab once, recompute every contact, write the
// computed columns in batches, send the user's digest once a day, and log a Runs row.
// Every call here is a service call; nothing runs per row.
import { buildDigest } from "../domain/digest";
import { digestIsDue, localDayKey } from "../domain/digestSchedule";
import { planRefresh, type RefreshPlan } from "../domain/refresh";
import {
  CADENCES_SPEC,
  CONTACT,
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
import {
  appendRows,
  openTable,
  type OpenTable,
  tryReadTable,
  writeColumns,
} from "../sheets/tableIO";

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
  readonly digest: DigestRequest;
}

/**
 * "scheduled": send when due today (once per user per spreadsheet per local day, remembered in the
 * user's state); "now": send at once (menu test); "skip": never.
 */
export type DigestRequest =
  | { readonly kind: "skip" }
  | { readonly kind: "now" }
  | { readonly kind: "scheduled"; readonly state: UserState; readonly spreadsheetId: string };

export const BUSY_MESSAGE =
  "Another Touchbase run was still working on this spreadsheet; this run skipped it. The next run will catch up.";

/**
 * Runs once under the script lock. Never throws: every error ends up in the returned record (and
 * the Runs tab), so a trigger never fails silently and nothing is half-written without a note.
 */
export function performRun(options: RunOptions): RunRecord {
  const startedAt = new Date();
  const record = emptyRecord(startedAt, options);

  const lockProblem = takeLock();
  if (lockProblem) {
    record.error = lockProblem;
    finish(options.spreadsheet, record, startedAt);
    return record;
  }

  try {
    const workbook = readAndPlan(options.spreadsheet, options.user, startedAt);
    const { contacts, touches, settings, zone, plan } = workbook;
    // Touches first: if the run dies between the writes, the next run sees the logged tier
    // change and does not log it twice. Then Contacts in an order a retry can repeat exactly.
    if (plan.newTouches.length > 0) appendRows(touches.sheet, touches.table, plan.newTouches);
    for (const group of inWriteOrder(plan.contactColumns)) {
      writeColumns(contacts.sheet, contacts.table, group, plan.contactFormats);
    }

    record.contacts = plan.counts.contacts;
    record.due = plan.counts.due;
    record.overdue = plan.counts.overdue;
    record.problems = describeProblems(plan);

    if (options.digest.kind !== "skip") {
      maybeSendDigest(options, contacts, plan, settings, zone, startedAt, record);
    }
  } catch (error) {
    record.error = errorMessage(error);
  }
  finish(options.spreadsheet, record, startedAt);
  return record;
}

type Columns = ReadonlyMap<string, readonly unknown[]>;

/**
 * Contacts columns that record a change (state), written after the computed cells that depend on
 * it: a new Tier after the Step and Cadence Start computed for it (a retry that saw the new tier
 * but not those cells would pick another cadence start), and new IDs last (until a row has its
 * ID, a retry assigns the same one and stamps the same Created).
 */
const WRITTEN_LAST: readonly string[] = [CONTACT.tier, CONTACT.id];

/** The plan's Contacts columns as groups to write in order (one batch per contiguous run each). */
function inWriteOrder(columns: Columns): Columns[] {
  const groups: Columns[] = [
    new Map([...columns].filter(([header]) => !WRITTEN_LAST.includes(header))),
  ];
  for (const header of WRITTEN_LAST) {
    const values = columns.get(header);
    if (values) groups.push(new Map([[header, values]]));
  }
  return groups;
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

/** Takes the run's lock (held until the execution ends); "" when taken, else why not. */
/**
 * Every run takes the script lock. An add-on's time trigger has no document lock (it is null there),
 * so the script lock is the only one a menu click and the hourly trigger can both hold — and they
 * must exclude each other, or both would log the same tier change. The section it guards is short.
 */
function takeLock(): string {
  try {
    return LockService.getScriptLock().tryLock(LOCK_WAIT_MS) ? "" : BUSY_MESSAGE;
  } catch (error) {
    // A failing lock service must not escape performRun: the Runs row says what happened.
    return `Touchbase could not take its lock: ${errorMessage(error)}`;
  }
}

function readSettings(spreadsheet: Spreadsheet): { settings: Settings; problems: string[] } {
  // Only a missing tab or column falls back to the defaults: a failed read (a service error) must
  // stop the run, or every row would be computed and written with the wrong settings.
  const tab = tryReadTable(spreadsheet, SETTINGS_SPEC);
  if (!tab.ok) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problems: [`${tab.error.message} Using default settings.`],
    };
  }
  const rows = tab.table.rows.map((row) => {
    const read = rowReader(tab.table, row);
    return { name: read(SETTING.setting), value: read(SETTING.value) };
  });
  return parseSettings(rows);
}

/**
 * A tab the run can do without (Cadences): when it or a required column is missing, a problem is
 * noted and an empty table used. Any other failure stops the run (see readSettings).
 */
function readOptionalTab(spreadsheet: Spreadsheet, spec: TableSpec, problems: string[]): Table {
  const tab = tryReadTable(spreadsheet, spec);
  if (tab.ok) return tab.table;
  problems.push(tab.error.message);
  return indexTable(spec.tab, [spec.columns.map((c) => c.header)]);
}

function maybeSendDigest(
  options: RunOptions,
  contacts: OpenTable,
  plan: RefreshPlan,
  settings: Settings,
  zone: string,
  now: Date,
  record: RunRecord,
): void {
  const request = options.digest;
  const schedule = request.kind === "scheduled" ? request : null;
  if (
    schedule &&
    !digestIsDue({
      now,
      zone,
      digestHour: settings.digestHour,
      lastDigestDay: schedule.state.lastDigestDay(schedule.spreadsheetId),
    })
  ) {
    return; // already sent today, or before Digest hour
  }
  // Out of time: the day is not marked, so the next run sends it.
  if (Date.now() - now.getTime() > RUN_BUDGET_MS) return;

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
  schedule?.state.markDigestDay(schedule.spreadsheetId, localDayKey(now, zone));
  if (!digest) return; // nothing needs this person today: no email
  try {
    sendDigestEmail(options.user, digest, settings);
    record.digests = 1;
  } catch (error) {
    schedule?.state.markDigestDay(schedule.spreadsheetId, "");
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
