// The run's email steps (DESIGN §3 steps 3–4, §4), each a thin sequence of adapter calls:
// plan the due emails (their Problems are written with the refresh), sync Gmail, then draft or
// send this user's emails inside the send window, within quota and the Daily email cap.
import { normalizeKey } from "../domain/cells";
import {
  automatedToday,
  insideSendWindow,
  planEmails,
  sendCapacity,
  stillSendable,
  withRowProblems,
  type EmailPlan,
} from "../domain/emailPlan";
import { emailTouchCells, parseThreadCell } from "../domain/emailTouches";
import { outstandingDrafts, planGmailSync } from "../domain/gmailSync";
import { touchIdsAfter } from "../domain/refresh";
import { CONTACTS_SPEC, TEMPLATES_SPEC } from "../domain/schema";
import { parseTemplates, type TemplatesResult } from "../domain/templates";
import type { ContactRow } from "../domain/types";
import { errorMessage } from "../errors";
import { readNewMail } from "../gmail/mailbox";
import { draftOrSend } from "../gmail/outbox";
import { checkOptedOut, updateTouchCells } from "../sheets/touchWrites";
import { appendRows, readTable, tryReadTable } from "../sheets/tableIO";
import type { Workbook } from "../sheets/workbook";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The first sync of a user looks this far back (a day of mail: replies to what they sent before). */
const FIRST_SYNC_LOOKBACK_MS = 86_400_000;
/** Each sync re-reads this much before the last one: Gmail may index a message late. */
const SYNC_OVERLAP_MS = 15 * 60_000;
/** Time kept free per email when deciding how many fit in the run (a send is ≈1 s). */
const SECONDS_PER_EMAIL = 2;
const SYNC_KEY_PREFIX = "tb.gmailSync.";

export interface EmailRun {
  readonly workbook: Workbook;
  readonly plan: EmailPlan;
  /** Problems for the Runs row (templates that can never render, send errors, sync notes). */
  readonly problems: string[];
  readonly nextTouchId: () => string;
}

/** Is some contact's due step an Auto Send one (else no Templates read, no Gmail call)? */
function anyAutomatedStepDue(rows: readonly ContactRow[]): boolean {
  return rows.some(
    ({ contact, result }) =>
      contact.autoEmail &&
      result.dueStep?.step.autoSend &&
      (result.status === "Overdue" || result.status === "Due Today"),
  );
}

/** Plans every due automated email; its Problems join the refresh's, written in the same batch. */
export function planDueEmails(
  spreadsheet: Spreadsheet,
  workbook: Workbook,
  user: string,
  now: Date,
): EmailRun {
  const problems: string[] = [];
  const nextTouchId = touchIdsAfter(workbook.touches.table, workbook.plan);

  // Templates are read only when some step is due to use one; the plan still runs for every row
  // (bounces and unconfirmed sends are Problems whatever is due).
  let templates: TemplatesResult = { byName: new Map(), problems: [] };
  if (workbook.settings.emailMode !== "Off" && anyAutomatedStepDue(workbook.plan.rows)) {
    const tab = tryReadTable(spreadsheet, TEMPLATES_SPEC);
    if (tab.ok) templates = parseTemplates(tab.table);
    else problems.push(tab.error.message);
  }
  problems.push(...templates.problems);
  const plan = planEmails({
    rows: workbook.plan.rows,
    touches: workbook.plan.touches,
    templates: templates.byName,
    headers: new Set(workbook.contacts.table.headers.map(normalizeKey)),
    settings: workbook.settings,
    zone: workbook.zone,
    now,
    user: user.toLowerCase(),
  });
  problems.push(...plan.templateProblems);
  return {
    workbook: { ...workbook, plan: withRowProblems(workbook.plan, plan.problemsByRow) },
    plan,
    problems,
    nextTouchId,
  };
}

export interface SyncOutcome {
  readonly repliesFound: number;
  /** Contacts with new mail or settled emails: no email for them in this run. */
  readonly changedContacts: ReadonlySet<string>;
  readonly myAddresses: () => ReadonlySet<string>;
}

/**
 * Gmail sync: logs new mail with contacts, settles the user's Pending and Draft touches, checks
 * Opted Out for unsubscribe requests, then remembers how far it read.
 */
export function syncGmail(
  spreadsheet: Spreadsheet,
  run: EmailRun,
  user: string,
  now: Date,
): SyncOutcome {
  const { workbook } = run;
  const me = user.toLowerCase();
  const properties = PropertiesService.getUserProperties();
  const syncKey = SYNC_KEY_PREFIX + spreadsheet.getId();
  const last = Number(properties.getProperty(syncKey) ?? "");
  const since = new Date(
    Number.isFinite(last) && last > 0
      ? last - SYNC_OVERLAP_MS
      : now.getTime() - FIRST_SYNC_LOOKBACK_MS,
  );
  let aliases: Set<string> | null = null;
  const myAddresses = () =>
    (aliases ??= new Set([me, ...GmailApp.getAliases().map((a) => a.toLowerCase())]));
  const contacts = workbook.plan.rows.map((row) => row.contact);
  const touchbaseThreads = new Set<string>();
  for (const touch of workbook.plan.touches) {
    const { threadId } = parseThreadCell(touch.threadId);
    if (threadId && touch.loggedBy === me) touchbaseThreads.add(threadId);
  }
  const mail = readNewMail({
    since,
    myAddresses,
    contactAddresses: new Set(contacts.map((c) => c.email).filter(Boolean)),
    touchbaseThreads,
  });
  if (mail.truncated) {
    run.problems.push("Gmail sync: too many new threads for one run; the oldest were skipped");
  }
  const sync = planGmailSync(mail.messages, {
    contacts,
    touches: workbook.plan.touches,
    user: me,
    now,
  });
  const updates = [...sync.updates];
  const changed = new Set(sync.changedContacts);
  // A Touchbase draft that is neither in Gmail's drafts nor sent was deleted by its owner.
  const settled = new Set(updates.map((u) => u.rowNumber));
  for (const touch of outstandingDrafts(workbook.plan.touches, me)) {
    if (settled.has(touch.rowNumber) || draftExists(parseThreadCell(touch.threadId).draftId))
      continue;
    updates.push({ rowNumber: touch.rowNumber, delivery: "Failed" });
    changed.add(touch.contactId);
  }

  const { sheet, table } = workbook.touches;
  if (sync.newTouches.length > 0) {
    appendRows(
      sheet,
      table,
      sync.newTouches.map((fields) => emailTouchCells({ ...fields, touchId: run.nextTouchId() })),
    );
  }
  updateTouchCells(sheet, table, updates);
  if (sync.optOuts.length > 0) {
    const missed = checkOptedOut(workbook.contacts.sheet, workbook.contacts.table, sync.optOuts);
    if (missed.length > 0) {
      run.problems.push(
        `Asked to unsubscribe, but their row moved — check Opted Out: ${missed.join(", ")}`,
      );
    }
  }
  // Only once everything above is written: a killed run reads the same mail again next time,
  // and the Message-IDs already logged keep each message to one touch.
  properties.setProperty(syncKey, String(now.getTime()));
  return { repliesFound: sync.repliesFound, changedContacts: changed, myAddresses };
}

function draftExists(draftId: string): boolean {
  try {
    return !!GmailApp.getDraft(draftId);
  } catch (error) {
    if (/does not exist|not found|invalid argument/i.test(errorMessage(error))) return false;
    throw error;
  }
}

export interface SendOutcome {
  readonly sent: number;
  readonly drafts: number;
  readonly deferred: number;
}

/** Drafts or sends this user's due emails: inside the send window, most urgent first. */
export function sendDueEmails(
  spreadsheet: Spreadsheet,
  run: EmailRun,
  sync: SyncOutcome,
  user: string,
  now: Date,
  deadline: number,
): SendOutcome {
  const { plan, workbook } = run;
  const settings = workbook.settings;
  const none = { sent: 0, drafts: 0, deferred: 0 };
  if (settings.emailMode === "Off") return none;
  // Outside the window the due emails simply wait: nothing is made, nothing counts as deferred.
  if (!insideSendWindow(settings, workbook.zone, now)) return none;
  const due = plan.emails.filter((e) => !sync.changedContacts.has(e.row.contact.id));
  if (due.length === 0) return none;

  const mode = settings.emailMode;
  const me = user.toLowerCase();
  const capacity = sendCapacity({
    settings,
    alreadyToday: automatedToday(workbook.plan.touches, me, workbook.zone, now),
    remainingQuota: mode === "Send" ? MailApp.getRemainingDailyQuota() : null,
  });
  const byTime = Math.max(0, Math.floor((deadline - Date.now()) / 1000 / SECONDS_PER_EMAIL));
  const batch = due.slice(0, Math.min(capacity, byTime));
  if (batch.length === 0) return { ...none, deferred: due.length };
  // Opted Out, Paused and the Email are read again right before sending: the sheet is a minute
  // older than this moment, and a person may have changed the row meanwhile.
  const current = readTable(spreadsheet, CONTACTS_SPEC);
  const sendable = stillSendable(batch, current);
  const result = draftOrSend({
    touches: workbook.touches,
    emails: sendable,
    mode,
    user: me,
    myAddresses: sync.myAddresses,
    senderName: settings.senderName,
    now,
    nextTouchId: run.nextTouchId,
    deadline,
  });
  run.problems.push(...result.problems);
  return {
    sent: result.sent,
    drafts: result.drafts,
    deferred: due.length - sendable.length + result.notStarted,
  };
}
