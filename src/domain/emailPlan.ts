// Which automated emails are due (DESIGN §4): for every contact, the due Auto Send step rendered or
// the reason it is blocked (a Problem on the row, the same whoever runs it); for the running user,
// the emails to draft or send now, most urgent first, within the send window, quota and daily cap.
import { cellText, fitInCell, isChecked, isEmail, normalizeKey } from "./cells";
import { localDayNumber, localWeekday } from "./dates";
import { localHour } from "./digestSchedule";
import {
  isAutomationEmail,
  parseThreadCell,
  recipientOfNotes,
  subjectOfNotes,
} from "./emailTouches";
import { mergeTemplate, templateDefect, type EmailTemplate, type RenderedEmail } from "./merge";
import type { RefreshPlan } from "./refresh";
import { CONTACT, type Tier } from "./schema";
import { FIRST_DATA_ROW, rowReader, type Table } from "./table";
import { touchesByContact } from "./touches";
import type { Settings } from "./settings";
import type { ContactRow, Touch } from "./types";

export interface EmailPlanInput {
  readonly rows: readonly ContactRow[];
  /** Every parsed touch, in time order. */
  readonly touches: readonly Touch[];
  readonly templates: ReadonlyMap<string, EmailTemplate>;
  /** Normalized Contacts headers (valid merge tags). */
  readonly headers: ReadonlySet<string>;
  readonly settings: Settings;
  readonly zone: string;
  readonly now: Date;
  /** Lower-case email of the running user. */
  readonly user: string;
}

export interface PlannedEmail {
  readonly row: ContactRow;
  readonly template: string;
  /** The contact's Step label, written to the touch ("3/8 Hot lead"). */
  readonly step: string;
  readonly email: RenderedEmail;
  /** Blank Subject: reply in this thread of the running user's mailbox; "" = a new thread. */
  readonly replyInThread: string;
}

export interface EmailPlan {
  /** The running user's sendable emails, most urgent first (before quota and cap). */
  readonly emails: readonly PlannedEmail[];
  /** Sheet row → problems to add to that contact's Problem cell. */
  readonly problemsByRow: ReadonlyMap<number, readonly string[]>;
  /** Templates that can never render, each named once (for Runs). */
  readonly templateProblems: readonly string[];
  /** Every contact's due email, rendered or blocked, for the preview. */
  readonly previews: readonly EmailPreview[];
}

export interface EmailPreview {
  readonly row: ContactRow;
  readonly template: string;
  readonly email: RenderedEmail | null;
  /** Why it will not go out ("" when it will). */
  readonly blocked: string;
  readonly replyInThread: string;
}

const DUE_STATUSES = new Set(["Overdue", "Due Today"]);
const TIER_RANK: Readonly<Record<Tier, number>> = { Hot: 0, Warm: 1, Cold: 2, Dead: 3 };

export const UNCONFIRMED_PROBLEM = "Email may not have been sent — check Gmail";

/** Is `now` inside the Send window, on a working day (Mon–Fri when Skip weekends is Yes)? */
export function insideSendWindow(settings: Settings, zone: string, now: Date): boolean {
  const weekday = localWeekday(now, zone);
  if (settings.skipWeekends && (weekday === 0 || weekday === 6)) return false;
  const hour = localHour(now, zone);
  return hour >= settings.sendWindow.start && hour < settings.sendWindow.end;
}

/** Most urgent first: Hot, then most overdue (DESIGN §4); sheet order breaks ties. */
function byUrgency(a: ContactRow, b: ContactRow): number {
  const tier = (row: ContactRow) => (row.contact.tier ? TIER_RANK[row.contact.tier] : 4);
  const due = (row: ContactRow) => row.result.due?.at.getTime() ?? Number.MAX_SAFE_INTEGER;
  return tier(a) - tier(b) || due(a) - due(b) || a.contact.rowNumber - b.contact.rowNumber;
}

interface ContactEmailFacts {
  /** Problems about this contact's email, whatever is due. */
  readonly problems: string[];
  /** Automated email must not go out (bounced, asked to unsubscribe). */
  readonly stopped: boolean;
}

/** Bounces, unsubscribes and unconfirmed sends, read from the contact's touches. */
export function emailFacts(row: ContactRow, touches: readonly Touch[]): ContactEmailFacts {
  const problems: string[] = [];
  let stopped = false;
  const address = row.contact.email;
  for (const touch of touches) {
    const outcome = normalizeKey(touch.outcome);
    if (outcome === "bounced" && address && touch.notes.toLowerCase().includes(address)) {
      if (!stopped) problems.push(`Email to ${address} bounced — check the address`);
      stopped = true;
    }
    if (outcome === "unsubscribed") {
      if (!row.contact.optedOut && !problems.some((p) => p.startsWith("Asked"))) {
        problems.push("Asked to unsubscribe — check Opted Out");
      }
      stopped = true;
    }
    if (isAutomationEmail(touch) && touch.delivery === "Unconfirmed") {
      problems.push(`${UNCONFIRMED_PROBLEM} ("${touch.template}", ${touch.step})`);
    }
  }
  return { problems, stopped };
}

/** An automated email already made for this step that did not go out (a draft, or a failure). */
function earlierAttempt(
  row: ContactRow,
  template: string,
  touches: readonly Touch[],
): Touch | null {
  const start = row.result.cadenceStart?.getTime() ?? 0;
  for (let i = touches.length - 1; i >= 0; i--) {
    const touch = touches[i]!;
    if (touch.timestamp.getTime() < start) break;
    if (!isAutomationEmail(touch) || touch.step !== row.result.step) continue;
    if (normalizeKey(touch.template) !== normalizeKey(template)) continue;
    if (touch.delivery === "Draft" || touch.delivery === "Failed") return touch;
  }
  return null;
}

/**
 * The thread of the contact's last Touchbase email in `user`'s mailbox, to reply in; "waiting" while
 * that email's thread is not known yet (the Gmail sync ties a sent email to its thread next run).
 */
function lastThread(
  touches: readonly Touch[],
  user: string,
): { threadId: string; subject: string; to: string } | "waiting" | null {
  for (let i = touches.length - 1; i >= 0; i--) {
    const touch = touches[i]!;
    if (!isAutomationEmail(touch) || touch.loggedBy !== user) continue;
    if (touch.delivery !== "Sent" && touch.delivery !== null) continue;
    const { threadId } = parseThreadCell(touch.threadId);
    if (!threadId) return "waiting";
    return { threadId, subject: subjectOfNotes(touch.notes), to: recipientOfNotes(touch.notes) };
  }
  return null;
}

/** A row's due step, before its template is looked at: no email, a blocked one, or one to make. */
type Eligibility =
  | { readonly kind: "none" }
  | { readonly kind: "blocked"; readonly reason: string; readonly problem: boolean }
  | { readonly kind: "eligible" };

function eligibility(row: ContactRow, settings: Settings): Eligibility {
  const { contact, result } = row;
  const step = result.dueStep?.step;
  const automated =
    !!step?.autoSend &&
    !!step.template &&
    (!step.channel || step.channel === "Email") &&
    DUE_STATUSES.has(result.status) &&
    contact.autoEmail &&
    !contact.optedOut &&
    !contact.paused &&
    !result.awaitingReply &&
    settings.emailMode !== "Off";
  if (!automated) return { kind: "none" };
  if (contact.email === "") {
    const reason = `No Email: automated email "${step!.template}" cannot go out`;
    return { kind: "blocked", reason, problem: true };
  }
  // An invalid address or a missing owner is already a Problem of the row (contacts, engine).
  if (!isEmail(contact.email))
    return { kind: "blocked", reason: "Email looks invalid", problem: false };
  if (contact.owner === "") return { kind: "blocked", reason: "No owner", problem: false };
  return { kind: "eligible" };
}

/** Plans every contact's due automated email; pure. */
export function planEmails(input: EmailPlanInput): EmailPlan {
  const problemsByRow = new Map<number, string[]>();
  const templateProblems = new Set<string>();
  const previews: EmailPreview[] = [];
  const emails: PlannedEmail[] = [];
  const touchesOf = touchesByContact(input.touches);
  const addProblem = (row: ContactRow, problem: string) => {
    const list = problemsByRow.get(row.contact.rowNumber) ?? [];
    if (!list.includes(problem)) list.push(problem);
    problemsByRow.set(row.contact.rowNumber, list);
  };

  for (const row of input.rows) {
    const touches = touchesOf.get(row.contact.id) ?? [];
    const facts = emailFacts(row, touches);
    facts.problems.forEach((p) => addProblem(row, p));

    const eligible = eligibility(row, input.settings);
    if (eligible.kind === "none") continue;
    const templateName = row.result.dueStep!.step.template;
    const preview = (email: RenderedEmail | null, blocked: string, replyInThread = "") =>
      previews.push({ row, template: templateName, email, blocked, replyInThread });
    if (eligible.kind === "blocked") {
      if (eligible.problem) addProblem(row, eligible.reason);
      preview(null, eligible.reason);
      continue;
    }
    if (facts.stopped) {
      preview(null, facts.problems[0] ?? "Automated email stopped for this contact");
      continue;
    }
    const attempt = earlierAttempt(row, templateName, touches);
    if (attempt?.delivery === "Draft") {
      preview(null, "A draft for this step is waiting in the owner's Gmail");
      continue;
    }
    if (attempt) {
      const problem = `Automated email "${templateName}" (${row.result.step}) was not sent — send it by hand or log the touch`;
      addProblem(row, problem);
      preview(null, problem);
      continue;
    }

    const template = input.templates.get(normalizeKey(templateName));
    if (!template) {
      const problem = `Template "${templateName}" is not on the Templates tab`;
      templateProblems.add(problem);
      addProblem(row, problem);
      preview(null, problem);
      continue;
    }
    const defect = templateDefect(template, input.headers);
    if (defect) templateProblems.add(defect);
    const merged = mergeTemplate({
      template,
      contact: row.contact,
      result: row.result,
      headers: input.headers,
      settings: input.settings,
      zone: input.zone,
      now: input.now,
    });
    if (!merged.ok) {
      addProblem(row, merged.problem);
      preview(null, merged.problem);
      continue;
    }
    let email = merged.email;
    let replyInThread = "";
    if (email.subject === "") {
      const thread = lastThread(touches, row.contact.owner);
      if (thread === "waiting") {
        preview(null, "Waits for the Gmail sync to find the thread of the last email (next run)");
        continue;
      }
      const problem = !thread
        ? `Template "${template.name}" has no Subject (a reply in the same thread), but ${row.contact.email} has no earlier Touchbase email to reply to`
        : thread.to && thread.to !== row.contact.email
          ? `Template "${template.name}" replies in the last Touchbase thread, which went to ${thread.to}, not ${row.contact.email}: send it by hand`
          : "";
      if (problem) {
        addProblem(row, problem);
        preview(null, problem);
        continue;
      }
      replyInThread = thread!.threadId;
      email = { ...email, subject: replySubject(thread!.subject) };
    }
    preview(email, "", replyInThread);
    if (row.contact.owner === input.user) {
      emails.push({ row, template: template.name, step: row.result.step, email, replyInThread });
    }
  }
  emails.sort((a, b) => byUrgency(a.row, b.row));
  return { emails, problemsByRow, templateProblems: [...templateProblems], previews };
}

/**
 * The emails whose contact row still says what the plan read (same ID and Email, Auto Email still
 * checked, not Paused or Opted Out), re-read just before sending: a person may check Opted Out
 * while a run is working, and rows may move. The others wait for the next run.
 */
export function stillSendable(emails: readonly PlannedEmail[], contacts: Table): PlannedEmail[] {
  return emails.filter(({ row }) => {
    const cells = contacts.rows[row.contact.rowNumber - FIRST_DATA_ROW];
    if (!cells) return false;
    const read = rowReader(contacts, cells);
    return (
      cellText(read(CONTACT.id)) === row.contact.id &&
      cellText(read(CONTACT.email)).toLowerCase() === row.contact.email &&
      isChecked(read(CONTACT.autoEmail)) &&
      !isChecked(read(CONTACT.paused)) &&
      !isChecked(read(CONTACT.optedOut))
    );
  });
}

export function replySubject(subject: string): string {
  return /^\s*re:/i.test(subject) ? subject : `Re: ${subject}`;
}

/** Automated emails `user` already made today (drafts and sends), for the Daily email cap. */
export function automatedToday(
  touches: readonly Touch[],
  user: string,
  zone: string,
  now: Date,
): number {
  const today = localDayNumber(now, zone);
  return touches.filter(
    (t) =>
      isAutomationEmail(t) &&
      t.loggedBy === user &&
      t.delivery !== "Failed" &&
      localDayNumber(t.timestamp, zone) === today,
  ).length;
}

/**
 * How many emails this run may make: the Daily email cap less today's, and in Send mode the
 * remaining daily quota less one recipient kept for the digest.
 */
export function sendCapacity(input: {
  readonly settings: Settings;
  readonly alreadyToday: number;
  /** The mail service's remaining daily quota; null in Drafts mode (drafts use no quota). */
  readonly remainingQuota: number | null;
}): number {
  const byCap = input.settings.dailyEmailCap - input.alreadyToday;
  const byQuota = input.remainingQuota === null ? Infinity : input.remainingQuota - 1;
  return Math.max(0, Math.min(byCap, byQuota));
}

/**
 * The refresh plan with email problems added to the rows' Problem cells (and to the rows the
 * digest reads), so they are written in the same batch as every other computed cell.
 */
export function withRowProblems(
  plan: RefreshPlan,
  problemsByRow: ReadonlyMap<number, readonly string[]>,
): RefreshPlan {
  if (problemsByRow.size === 0) return plan;
  const problemColumn = plan.contactColumns.get(CONTACT.problem);
  const column = problemColumn ? [...problemColumn] : null;
  let rowsWithProblems = plan.counts.problems;
  const rows = plan.rows.map((row) => {
    const added = problemsByRow.get(row.contact.rowNumber);
    if (!added || added.length === 0) return row;
    if (!row.result.problem) rowsWithProblems++;
    const problem = [row.result.problem, ...added].filter(Boolean).join("; ");
    if (column) column[row.contact.rowNumber - FIRST_DATA_ROW] = fitInCell(problem);
    return { contact: row.contact, result: { ...row.result, problem } };
  });
  const contactColumns = new Map(plan.contactColumns);
  if (column) contactColumns.set(CONTACT.problem, column);
  return { ...plan, rows, contactColumns, counts: { ...plan.counts, problems: rowsWithProblems } };
}
