// The email touches Touchbase writes itself (DESIGN §1 Touches, §4): their cells, and what their
// Thread ID and Notes cells record so a later run can find the email again in Gmail.
//   Thread ID: "<thread id>", "<thread id> <Message-ID>" once the message itself is known (the
//   Message-ID header is the same in every teammate's mailbox, so it keys a message once for the
//   whole team), or "draft:<draft id>" while the email is a draft.
//   Notes: "To <address>: <subject>", the recipient and subject the email went out with.
import { fitInCell, normalizeKey, type Cell } from "./cells";
import { TOUCH, type Delivery } from "./schema";
import type { Touch } from "./types";

export interface ThreadCell {
  readonly threadId: string;
  readonly draftId: string;
  /** The RFC Message-ID, without angle brackets ("" when not known yet). */
  readonly messageKey: string;
}

const DRAFT_PREFIX = "draft:";

export function parseThreadCell(text: string): ThreadCell {
  const trimmed = text.trim();
  if (trimmed.toLowerCase().startsWith(DRAFT_PREFIX)) {
    return { threadId: "", draftId: trimmed.slice(DRAFT_PREFIX.length).trim(), messageKey: "" };
  }
  const key = /<([^<>\s]+)>/.exec(trimmed);
  const threadId = trimmed.replace(/<[^<>]*>/g, "").trim();
  return { threadId, draftId: "", messageKey: key?.[1] ?? "" };
}

export function threadCell(threadId: string, messageKey = ""): string {
  const key = bareMessageKey(messageKey);
  return key ? `${threadId} <${key}>` : threadId;
}

export function draftCell(draftId: string): string {
  return `${DRAFT_PREFIX}${draftId}`;
}

export function bareMessageKey(messageId: string): string {
  return messageId.trim().replace(/^<|>$/g, "");
}

/** Subjects compared the way mail clients thread them: "Re:"/"Fwd:" prefixes and spacing ignored. */
export function subjectKey(subject: string): string {
  return normalizeKey(subject.replace(/^\s*((re|fwd?|aw|sv)\s*:\s*)+/i, ""));
}

/** Notes of an email touch: the address and subject it went out with. */
export function emailNotes(to: string, subject: string): string {
  return fitInCell(`To ${to}: ${subject}`, 1000);
}

/** The recipient an email touch's Notes record ("" when the notes say nothing about it). */
export function recipientOfNotes(notes: string): string {
  return /^To (\S+@\S+?):/.exec(notes)?.[1]?.toLowerCase() ?? "";
}

export function subjectOfNotes(notes: string): string {
  const match = /^To \S+@\S+?: (.*)$/s.exec(notes);
  return match?.[1] ?? notes;
}

/** An email Touchbase made and follows in Gmail: by the automation or from the sidebar. */
export function isTouchbaseEmail(touch: Touch): boolean {
  return (touch.source === "Automation" || touch.source === "Sidebar") && touch.channel === "Email";
}

/** An email the automation wrote (Source Automation, Channel Email). */
export function isAutomationEmail(touch: Touch): boolean {
  return touch.source === "Automation" && touch.channel === "Email";
}

export interface EmailTouchFields {
  readonly touchId: string;
  readonly timestamp: Date;
  readonly contactId: string;
  readonly contactName: string;
  readonly direction: "Outbound" | "Inbound";
  readonly outcome: string;
  readonly template?: string;
  readonly step?: string;
  readonly notes: string;
  readonly loggedBy: string;
  readonly source: "Automation" | "Gmail" | "Sidebar";
  readonly threadId: string;
  readonly delivery: Delivery | "";
}

/** A new Touches row as header → value. */
export function emailTouchCells(fields: EmailTouchFields): Map<string, Cell> {
  return new Map<string, Cell>([
    [TOUCH.touchId, fields.touchId],
    [TOUCH.timestamp, fields.timestamp],
    [TOUCH.contactId, fields.contactId],
    [TOUCH.contact, fields.contactName],
    [TOUCH.channel, "Email"],
    [TOUCH.direction, fields.direction],
    [TOUCH.outcome, fields.outcome],
    [TOUCH.template, fields.template ?? ""],
    [TOUCH.step, fields.step ?? ""],
    [TOUCH.notes, fitInCell(fields.notes)],
    [TOUCH.loggedBy, fields.loggedBy],
    [TOUCH.source, fields.source],
    [TOUCH.threadId, fields.threadId],
    [TOUCH.delivery, fields.delivery],
  ]);
}
