// Drafts or sends the run's automated emails at most once (DESIGN §4): every email's touch is
// written ahead as Pending in one batch and flushed before the first Gmail call; each email is
// then one Gmail call; the touches are completed (Sent/Draft/Failed/Unconfirmed, Thread ID) in one
// batch after. A run killed in between leaves Pending touches, which the next sync settles
// against the sent mail — never by sending again.
import { addressesIn } from "../domain/gmailSync";
import { draftCell, emailNotes, emailTouchCells } from "../domain/emailTouches";
import type { PlannedEmail } from "../domain/emailPlan";
import type { Delivery } from "../domain/schema";
import type { Table } from "../domain/table";
import { errorMessage } from "../errors";
import { completionColumns } from "../sheets/touchWrites";
import { appendRows, writeColumnsAt } from "../sheets/tableIO";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type GmailThread = GoogleAppsScript.Gmail.GmailThread;

export interface OutboxInput {
  readonly touches: { readonly sheet: Sheet; readonly table: Table };
  readonly emails: readonly PlannedEmail[];
  readonly mode: "Drafts" | "Send";
  readonly user: string;
  /** The user's own addresses (lower case), to recognise their last message in a thread. */
  readonly myAddresses: () => ReadonlySet<string>;
  readonly senderName: string;
  readonly now: Date;
  readonly nextTouchId: () => string;
  /** Epoch ms after which no further email is started. */
  readonly deadline: number;
  /** Who made the emails, for their touches' Source (the automation unless said). */
  readonly source?: "Automation" | "Sidebar";
}

export interface OutboxResult {
  readonly sent: number;
  readonly drafts: number;
  /** Emails planned but not started (thread checks failed, or out of time). */
  readonly notStarted: number;
  readonly problems: string[];
}

interface Prepared {
  readonly email: PlannedEmail;
  readonly thread: GmailThread | null;
  /** A reply goes to everyone on the user's own last message (the contact alone, checked). */
  readonly replyAll: boolean;
}

const QUOTA_ERROR = /too many times|quota/i;
const REFUSED = /invalid (argument|email)|too long|too large/i;

/** Every email is made at most once; returns what happened, never throws for one email's failure. */
export function draftOrSend(input: OutboxInput): OutboxResult {
  const problems: string[] = [];
  const prepared = prepareThreads(input, problems);
  if (prepared.length === 0) {
    return { sent: 0, drafts: 0, notStarted: input.emails.length, problems };
  }

  const rows = prepared.map(({ email }) =>
    emailTouchCells({
      touchId: input.nextTouchId(),
      timestamp: input.now,
      contactId: email.row.contact.id,
      contactName: email.row.contact.name,
      direction: "Outbound",
      outcome: "Sent",
      template: email.template,
      step: email.step,
      notes: emailNotes(email.email.to, email.email.subject),
      loggedBy: input.user,
      source: input.source ?? "Automation",
      threadId: email.replyInThread,
      delivery: "Pending",
    }),
  );
  const firstRow = appendRows(input.touches.sheet, input.touches.table, rows);
  // The write-ahead must be stored before any email leaves: a kill after this finds it.
  SpreadsheetApp.flush();

  const threadIds = prepared.map(({ email }) => email.replyInThread);
  const deliveries: Delivery[] = prepared.map(() => "Pending");
  let sent = 0;
  let drafts = 0;
  let stopReason = "";
  let notStarted = 0;
  prepared.forEach((item, i) => {
    if (stopReason || Date.now() > input.deadline) {
      stopReason ||= "out of time";
      // Never started: no Gmail call was made for it, so it did not go out.
      deliveries[i] = "Failed";
      notStarted++;
      return;
    }
    try {
      const made = make(item, input);
      deliveries[i] = made.delivery;
      if (made.threadCell) threadIds[i] = made.threadCell;
      if (made.delivery === "Sent") sent++;
      else drafts++;
    } catch (error) {
      const message = errorMessage(error);
      const contact = item.email.row.contact;
      // Refused by Gmail before sending: it did not go out. Anything else: it may have.
      deliveries[i] = QUOTA_ERROR.test(message) || REFUSED.test(message) ? "Failed" : "Unconfirmed";
      problems.push(
        `Email "${item.email.template}" to ${contact.name} (${contact.id}): ${message}`,
      );
      if (QUOTA_ERROR.test(message)) stopReason = "quota";
    }
  });
  writeColumnsAt(
    input.touches.sheet,
    input.touches.table,
    firstRow,
    prepared.length,
    completionColumns(threadIds, deliveries),
  );
  if (notStarted > 0) {
    problems.push(
      `${notStarted} emails were not started (${stopReason}); their touches say Failed: send them by hand`,
    );
  }
  return { sent, drafts, notStarted: input.emails.length - prepared.length, problems };
}

/**
 * A reply in the same thread goes only where the thread's last message leaves it: the user's own
 * last message must have gone to the contact's Email alone, or the contact must have written it.
 */
function prepareThreads(input: OutboxInput, problems: string[]): Prepared[] {
  const prepared: Prepared[] = [];
  for (const email of input.emails) {
    if (!email.replyInThread) {
      prepared.push({ email, thread: null, replyAll: false });
      continue;
    }
    const contact = email.row.contact;
    const thread = GmailApp.getThreadById(email.replyInThread);
    const messages = thread ? thread.getMessages().filter((m) => !m.isDraft()) : [];
    const last = messages[messages.length - 1];
    if (!thread || !last) {
      problems.push(
        `Email "${email.template}" to ${contact.name} (${contact.id}): its thread is no longer in ${input.user}'s Gmail; send it by hand`,
      );
      continue;
    }
    const from = addressesIn(last.getFrom())[0] ?? "";
    const mine = input.myAddresses().has(from);
    const goesTo = mine
      ? [...addressesIn(last.getTo()), ...addressesIn(last.getCc())]
      : addressesIn(last.getReplyTo() || last.getFrom());
    if (goesTo.length !== 1 || goesTo[0] !== contact.email) {
      problems.push(
        `Email "${email.template}" to ${contact.name} (${contact.id}): a reply in its thread would go to ${goesTo.join(", ") || "nobody"}, not ${contact.email}; send it by hand`,
      );
      continue;
    }
    prepared.push({ email, thread, replyAll: mine });
  }
  return prepared;
}

/** One Gmail call per email (a draft also asks its id, so the owner's send can be followed). */
function make(item: Prepared, input: OutboxInput): { delivery: Delivery; threadCell: string } {
  const { email } = item.email;
  const options = { htmlBody: email.html, name: input.senderName || undefined };
  const thread = item.thread;
  if (input.mode === "Send") {
    if (!thread) GmailApp.sendEmail(email.to, email.subject, email.text, options);
    else if (item.replyAll) thread.replyAll(email.text, options);
    else thread.reply(email.text, options);
    return { delivery: "Sent", threadCell: "" };
  }
  const draft = !thread
    ? GmailApp.createDraft(email.to, email.subject, email.text, options)
    : item.replyAll
      ? thread.createDraftReplyAll(email.text, options)
      : thread.createDraftReply(email.text, options);
  return { delivery: "Draft", threadCell: draftCell(draft.getId()) };
}
