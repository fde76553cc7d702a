// Gmail sync (DESIGN §3 step 3, §4): turns the messages a run read from the user's mailbox into
// touches — replies, bounces, auto-replies, unsubscribe requests, mail the user sent from Gmail —
// each message once for the whole team (keyed by its Message-ID), and settles the automation's own
// Pending and Draft touches against what Gmail shows. Pure: the adapter reads Gmail and writes.
import { normalizeKey } from "./cells";
import {
  bareMessageKey,
  emailNotes,
  isTouchbaseEmail,
  parseThreadCell,
  recipientOfNotes,
  subjectKey,
  subjectOfNotes,
  threadCell,
  type EmailTouchFields,
} from "./emailTouches";
import type { Delivery } from "./schema";
import type { Contact, Touch } from "./types";

/** One message as the adapter read it. Fields it did not need to read are "". */
export interface SyncedMessage {
  readonly threadId: string;
  readonly messageKey: string;
  readonly date: Date;
  /** Bare lower-case sender address. */
  readonly from: string;
  readonly fromMe: boolean;
  /** Bare lower-case addresses in To and Cc. */
  readonly recipients: readonly string[];
  readonly subject: string;
  readonly body: string;
  /** The Auto-Submitted header ("" or "no" for a person's mail). */
  readonly autoSubmitted: string;
  /** X-Failed-Recipients of a bounce. */
  readonly failedRecipients: readonly string[];
}

export interface SyncContext {
  readonly contacts: readonly Contact[];
  readonly touches: readonly Touch[];
  /** Lower-case email of the running user (their aliases are `fromMe` already). */
  readonly user: string;
  readonly now: Date;
}

export interface TouchUpdate {
  readonly rowNumber: number;
  readonly threadId?: string;
  readonly delivery?: Delivery;
}

export interface SyncPlan {
  /** New touches, without Touch IDs (the adapter numbers them). */
  readonly newTouches: Omit<EmailTouchFields, "touchId">[];
  readonly updates: TouchUpdate[];
  /** Contacts whose Opted Out must be checked. */
  readonly optOuts: Contact[];
  /** Contacts with anything new: this run sends them nothing (the next refresh sees it first). */
  readonly changedContacts: ReadonlySet<string>;
  readonly repliesFound: number;
}

const DAEMON = /^(mailer-daemon|postmaster)@/i;

/** Delivery-failure notices come from these senders. */
export function isMailerDaemon(address: string): boolean {
  return DAEMON.test(address);
}
const AUTO_REPLY_SUBJECT =
  /^(automatic reply|auto(matic)?[- ]?reply|out of (the )?office|abwesenheit)/i;
const UNSUBSCRIBE = /\bunsubscribe\b|\bremove me\b|\bopt(?:ed)?[- ]?out\b/i;
const STOP_REQUEST =
  /\bstop\b\s*(emailing|e-mailing|mailing|contacting|sending|writing|messaging)?/i;
const SNIPPET_CHARS = 300;

/** Bare lower-case addresses of a header like `"Lopez, Maria" <m@x.com>, b@y.com`. */
export function addressesIn(header: string): string[] {
  const withoutQuoted = header.replace(/"[^"]*"/g, "");
  const addresses: string[] = [];
  for (const part of withoutQuoted.split(",")) {
    const bracket = /<([^<>]+)>/.exec(part);
    const address = (bracket ? bracket[1]! : part).trim().toLowerCase();
    if (address.includes("@")) addresses.push(address);
  }
  return addresses;
}

/** The part of a reply the sender wrote: quoted history ("On … wrote:", "> …") cut off. */
export function freshText(body: string): string {
  const lines = body.replace(/\r\n?/g, "\n").split("\n");
  const fresh: string[] = [];
  for (const line of lines) {
    if (/^\s*>/.test(line)) break;
    if (/^\s*On .+wrote:\s*$/i.test(line) || /^-{2,}\s*Original Message/i.test(line)) break;
    if (/^\s*(From|De|Von):\s.+@/i.test(line)) break;
    fresh.push(line);
  }
  return fresh.join("\n").trim();
}

/** "unsubscribe", "remove me", or a short "stop" (not "don't stop" in a long reply). */
export function asksToUnsubscribe(body: string): boolean {
  const text = freshText(body);
  if (UNSUBSCRIBE.test(text)) return true;
  const stop = STOP_REQUEST.exec(text);
  if (!stop) return false;
  const words = text.split(/\s+/).filter(Boolean).length;
  return (stop[1] !== undefined || words <= 6) && !/\b(don'?t|do not|never)\s+stop\b/i.test(text);
}

function isAutoReply(message: SyncedMessage): boolean {
  const header = normalizeKey(message.autoSubmitted);
  return (header !== "" && header !== "no") || AUTO_REPLY_SUBJECT.test(message.subject.trim());
}

function snippet(message: SyncedMessage): string {
  const text = freshText(message.body).replace(/\s+/g, " ").trim();
  const cut = text.length > SNIPPET_CHARS ? `${text.slice(0, SNIPPET_CHARS - 1)}…` : text;
  return cut ? `${message.subject} — ${cut}` : message.subject;
}

interface Index {
  readonly byEmail: Map<string, Contact>;
  readonly byId: Map<string, Contact>;
  /** Thread id in this user's mailbox → the contact its Touchbase email went to. */
  readonly contactByThread: Map<string, string>;
  /** "contact id|message key" of every message already logged. */
  readonly logged: Set<string>;
  /** The user's automation emails still waiting for Gmail to confirm them. */
  readonly awaiting: Touch[];
}

function buildIndex(context: SyncContext): Index {
  const byEmail = new Map<string, Contact>();
  const byId = new Map<string, Contact>();
  for (const contact of context.contacts) {
    if (contact.id) byId.set(contact.id, contact);
    if (contact.email && !byEmail.has(contact.email)) byEmail.set(contact.email, contact);
  }
  const contactByThread = new Map<string, string>();
  const logged = new Set<string>();
  const awaiting: Touch[] = [];
  for (const touch of context.touches) {
    const cell = parseThreadCell(touch.threadId);
    if (cell.messageKey) logged.add(`${touch.contactId}|${cell.messageKey}`);
    if (touch.loggedBy !== context.user) continue;
    if (cell.threadId && touch.contactId) contactByThread.set(cell.threadId, touch.contactId);
    // Every automated email not yet tied to its message: a send waiting for its thread id, a
    // Pending one a killed run left, a draft the owner may have sent by hand.
    if (isTouchbaseEmail(touch) && !cell.messageKey && touch.delivery) awaiting.push(touch);
  }
  return { byEmail, byId, contactByThread, logged, awaiting };
}

/**
 * The automation touch this sent message is: same contact, same subject (or same thread), made
 * before the message, and not yet tied to a message.
 */
function matchAwaiting(
  index: Index,
  contactId: string,
  message: SyncedMessage,
  taken: Set<Touch>,
): Touch | undefined {
  return index.awaiting.find((touch) => {
    if (taken.has(touch) || touch.contactId !== contactId) return false;
    if (touch.timestamp.getTime() > message.date.getTime() + 60_000) return false;
    const cell = parseThreadCell(touch.threadId);
    if (cell.threadId && cell.threadId !== message.threadId) return false;
    const to = recipientOfNotes(touch.notes);
    if (to && !message.recipients.includes(to)) return false;
    return subjectKey(subjectOfNotes(touch.notes)) === subjectKey(message.subject);
  });
}

/** Plans the touches and updates for the messages read; pure. */
export function planGmailSync(messages: readonly SyncedMessage[], context: SyncContext): SyncPlan {
  const index = buildIndex(context);
  const newTouches: Omit<EmailTouchFields, "touchId">[] = [];
  const updates: TouchUpdate[] = [];
  const optOuts = new Map<string, Contact>();
  const changed = new Set<string>();
  const taken = new Set<Touch>();
  let repliesFound = 0;

  const log = (contact: Contact, message: SyncedMessage, fields: Partial<EmailTouchFields>) => {
    newTouches.push({
      timestamp: message.date,
      contactId: contact.id,
      contactName: contact.name,
      direction: "Inbound",
      outcome: "Replied",
      notes: snippet(message),
      loggedBy: context.user,
      source: "Gmail",
      threadId: threadCell(message.threadId, message.messageKey),
      delivery: "",
      ...fields,
    });
    index.logged.add(`${contact.id}|${message.messageKey}`);
    // An auto-reply changes nothing the engine reads; anything else may stop or advance a step.
    if (fields.outcome !== "Auto-reply") changed.add(contact.id);
  };
  const isNew = (contact: Contact, message: SyncedMessage) =>
    !!contact.id && !index.logged.has(`${contact.id}|${message.messageKey}`);

  const ordered = [...messages].sort((a, b) => a.date.getTime() - b.date.getTime());
  for (const raw of ordered) {
    const message = { ...raw, messageKey: bareMessageKey(raw.messageKey) };
    if (!message.messageKey) continue;
    const threadContact = index.byId.get(index.contactByThread.get(message.threadId) ?? "");

    if (message.fromMe) {
      const contacts = new Map<string, Contact>();
      for (const address of message.recipients) {
        const contact = index.byEmail.get(address);
        if (contact) contacts.set(contact.id, contact);
      }
      // Later messages on this thread from anyone else answer this contact.
      const first = contacts.values().next().value;
      if (first && !index.contactByThread.has(message.threadId)) {
        index.contactByThread.set(message.threadId, first.id);
      }
      for (const contact of contacts.values()) {
        if (!isNew(contact, message)) continue;
        const own = matchAwaiting(index, contact.id, message, taken);
        if (own) {
          taken.add(own);
          updates.push({
            rowNumber: own.rowNumber,
            threadId: threadCell(message.threadId, message.messageKey),
            delivery: "Sent",
          });
          index.logged.add(`${contact.id}|${message.messageKey}`);
          continue;
        }
        log(contact, message, {
          direction: "Outbound",
          outcome: "Sent",
          notes: emailNotes(contact.email, message.subject),
          delivery: "Sent",
        });
      }
      continue;
    }

    if (isMailerDaemon(message.from)) {
      const failed = message.failedRecipients
        .map((address) => index.byEmail.get(address))
        .filter((c): c is Contact => !!c);
      const targets = failed.length > 0 ? failed : threadContact ? [threadContact] : [];
      for (const contact of targets) {
        if (!isNew(contact, message)) continue;
        // Each failed contact is named by its own address; one found by its thread, by what failed.
        const address = failed.includes(contact)
          ? contact.email
          : (message.failedRecipients[0] ?? contact.email);
        log(contact, message, {
          outcome: "Bounced",
          notes: `Delivery to ${address} failed: ${snippet(message)}`,
        });
      }
      continue;
    }

    const contact = index.byEmail.get(message.from) ?? threadContact;
    if (!contact || !isNew(contact, message)) continue;
    if (isAutoReply(message)) {
      log(contact, message, { outcome: "Auto-reply" });
    } else if (asksToUnsubscribe(message.body)) {
      log(contact, message, { outcome: "Unsubscribed" });
      optOuts.set(contact.id, contact);
      repliesFound++;
    } else {
      log(contact, message, { outcome: "Replied" });
      repliesFound++;
    }
  }
  for (const touch of index.awaiting) {
    if (!taken.has(touch) && touch.delivery === "Pending") {
      // Not in the mail sent since the last sync: it may or may not have gone out. Never resend.
      updates.push({ rowNumber: touch.rowNumber, delivery: "Unconfirmed" });
      changed.add(touch.contactId);
    }
  }
  return {
    newTouches,
    updates,
    optOuts: [...optOuts.values()].filter((c) => !c.optedOut),
    changedContacts: changed,
    repliesFound,
  };
}

/** Draft touches of `user` whose draft is gone and whose sent message was not seen: Failed. */
export function outstandingDrafts(touches: readonly Touch[], user: string): Touch[] {
  return touches.filter(
    (t) =>
      isTouchbaseEmail(t) &&
      t.loggedBy === user &&
      t.delivery === "Draft" &&
      parseThreadCell(t.threadId).draftId !== "",
  );
}
