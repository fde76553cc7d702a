// The mail world: one mailbox per emulated user. Mail sent between emulated users lands in both
// mailboxes (sender's Sent, recipients' Inbox); ids and thread ids are per mailbox, as in Gmail,
// and a reply stays in its conversation's thread in every mailbox. Also the daily email quota.
import { MESSAGES, serviceError } from "../errors";
import type { ServiceRuntime } from "../serviceRuntime";
import { normalizeEmail } from "../serviceRuntime";
import { bareAddress, formatSender, splitAddresses } from "./addresses";
import { zonedParts } from "../time/zoned";

export type MailLabel = "INBOX" | "SENT" | "DRAFT";
/** How a message came to be (for tests): sent by script, by hand, or received from outside. */
export type MailVia = "GmailApp" | "MailApp" | "draft" | "hand" | "inbound";

export interface MailRecord {
  readonly id: string;
  readonly threadId: string;
  /** Owner of the mailbox holding this copy. */
  readonly mailbox: string;
  readonly conversation: string;
  readonly rfcMessageId: string;
  from: string;
  to: string;
  cc: string;
  bcc: string;
  replyTo: string;
  subject: string;
  plainBody: string;
  htmlBody: string | null;
  dateMs: number;
  readonly labels: Set<MailLabel>;
  unread: boolean;
  readonly headers: Record<string, string>;
  draftId: string | null;
  via: MailVia;
}

/** A plain copy of a message for test assertions. */
export interface MailSnapshot {
  readonly id: string;
  readonly threadId: string;
  readonly draftId: string | null;
  readonly from: string;
  readonly to: string;
  readonly cc: string;
  readonly bcc: string;
  readonly replyTo: string;
  readonly subject: string;
  readonly plainBody: string;
  readonly htmlBody: string | null;
  readonly date: Date;
  readonly labels: readonly MailLabel[];
  readonly via: MailVia;
  readonly headers: Readonly<Record<string, string>>;
}

export function snapshot(record: MailRecord): MailSnapshot {
  return {
    id: record.id,
    threadId: record.threadId,
    draftId: record.draftId,
    from: record.from,
    to: record.to,
    cc: record.cc,
    bcc: record.bcc,
    replyTo: record.replyTo,
    subject: record.subject,
    plainBody: record.plainBody,
    htmlBody: record.htmlBody,
    date: new Date(record.dateMs),
    labels: [...record.labels],
    via: record.via,
    headers: { ...record.headers },
  };
}

export interface OutgoingMail {
  /** Address in the From header (the user or one of their aliases, or an outside sender). */
  readonly fromAddress: string;
  readonly fromName?: string;
  readonly to: string;
  readonly cc?: string;
  readonly bcc?: string;
  readonly replyTo?: string;
  readonly subject: string;
  readonly plainBody: string;
  readonly htmlBody?: string | null;
  /** Continue this conversation (a reply); a new one otherwise. */
  readonly conversation?: string;
  readonly inReplyTo?: string;
  readonly extraHeaders?: Record<string, string>;
  readonly via: MailVia;
  readonly dateMs: number;
}

export class Mailbox {
  readonly messages = new Map<string, MailRecord>();
  readonly threads = new Map<string, string[]>();
  readonly threadByConversation = new Map<string, string>();

  constructor(readonly owner: string) {}

  threadMessages(threadId: string): MailRecord[] {
    return (this.threads.get(threadId) ?? [])
      .map((id) => this.messages.get(id))
      .filter((m): m is MailRecord => m !== undefined);
  }
}

const DAY_ZONE = "America/Los_Angeles";
export const DEFAULT_DAILY_EMAIL_QUOTA = 100;

export class GmailStore {
  private readonly mailboxes = new Map<string, Mailbox>();
  private readonly quotaUsed = new Map<string, number>();
  private counter = 0;

  constructor(private readonly runtime: ServiceRuntime) {}

  /** The mailbox of an emulated user (by address or alias); undefined for outside addresses. */
  mailboxOf(address: string): Mailbox | undefined {
    const user = this.runtime.findUser(bareAddress(address));
    if (!user) return undefined;
    const owner = normalizeEmail(user.email);
    let box = this.mailboxes.get(owner);
    if (!box) {
      box = new Mailbox(owner);
      this.mailboxes.set(owner, box);
    }
    return box;
  }

  requireMailbox(address: string): Mailbox {
    const box = this.mailboxOf(address);
    if (!box) throw new Error(`emulator: ${address} is not an emulated user`);
    return box;
  }

  /** Every message in a user's mailbox, oldest first. */
  messages(user: string): MailRecord[] {
    return [...this.requireMailbox(user).messages.values()].sort((a, b) => a.dateMs - b.dateMs);
  }

  message(user: string, id: string): MailRecord | undefined {
    return this.mailboxOf(user)?.messages.get(id);
  }

  thread(user: string, threadId: string): MailRecord[] {
    return this.mailboxOf(user)?.threadMessages(threadId) ?? [];
  }

  threadIds(user: string): string[] {
    return [...this.requireMailbox(user).threads.keys()];
  }

  findDraft(draftId: string): MailRecord | undefined {
    for (const box of this.mailboxes.values()) {
      for (const message of box.messages.values()) if (message.draftId === draftId) return message;
    }
    return undefined;
  }

  /** Sends: the sender's copy (if the sender is emulated) and every emulated recipient's copy. */
  post(mail: OutgoingMail): { sender: MailRecord | null; delivered: MailRecord[] } {
    const conversation = mail.conversation ?? this.newId("conv");
    const rfcMessageId = `<emu.${this.newId("rfc")}@mail.gmail.com>`;
    const headers: Record<string, string> = { "Message-ID": rfcMessageId, ...mail.extraHeaders };
    if (mail.inReplyTo) headers["In-Reply-To"] = mail.inReplyTo;
    const base = {
      conversation,
      rfcMessageId,
      from: formatSender(mail.fromName, mail.fromAddress),
      to: mail.to,
      cc: mail.cc ?? "",
      bcc: "",
      replyTo: mail.replyTo ?? "",
      subject: mail.subject,
      plainBody: mail.plainBody,
      htmlBody: mail.htmlBody ?? null,
      dateMs: mail.dateMs,
      headers,
      draftId: null,
      via: mail.via,
    };
    const senderBox = this.mailboxOf(mail.fromAddress);
    let senderCopy: MailRecord | null = null;
    if (senderBox) {
      senderCopy = this.insert(senderBox, { ...base, bcc: mail.bcc ?? "" }, ["SENT"], false);
    }
    const recipients = [mail.to, mail.cc, mail.bcc].flatMap((list) => splitAddresses(list));
    const reached = new Set<string>();
    const delivered: MailRecord[] = [];
    for (const recipient of recipients) {
      const box = this.mailboxOf(recipient);
      if (!box || reached.has(box.owner)) continue;
      reached.add(box.owner);
      if (box === senderBox && senderCopy) {
        senderCopy.labels.add("INBOX");
        delivered.push(senderCopy);
        continue;
      }
      delivered.push(this.insert(box, base, ["INBOX"], true));
    }
    return { sender: senderCopy, delivered };
  }

  createDraft(owner: string, mail: Omit<OutgoingMail, "via" | "dateMs">): MailRecord {
    const box = this.requireMailbox(owner);
    const rfcMessageId = `<emu.${this.newId("rfc")}@mail.gmail.com>`;
    const record = this.insert(
      box,
      {
        conversation: mail.conversation ?? this.newId("conv"),
        rfcMessageId,
        from: formatSender(mail.fromName, mail.fromAddress),
        to: mail.to,
        cc: mail.cc ?? "",
        bcc: mail.bcc ?? "",
        replyTo: mail.replyTo ?? "",
        subject: mail.subject,
        plainBody: mail.plainBody,
        htmlBody: mail.htmlBody ?? null,
        dateMs: this.runtime.now().getTime(),
        headers: { "Message-ID": rfcMessageId },
        draftId: `r-${this.nextNumber()}`,
        via: "draft",
      },
      ["DRAFT"],
      false,
    );
    return record;
  }

  /** Sends a draft (by script or by hand): it becomes a sent message and is delivered. */
  sendDraft(draftId: string, via: MailVia): MailRecord {
    const draft = this.findDraft(draftId);
    if (!draft) throw serviceError(`Invalid argument: draft ${draftId} does not exist`);
    const box = this.requireMailbox(draft.mailbox);
    draft.labels.delete("DRAFT");
    draft.labels.add("SENT");
    draft.draftId = null;
    draft.dateMs = this.runtime.now().getTime();
    draft.via = via;
    const recipients = [draft.to, draft.cc, draft.bcc].flatMap((list) => splitAddresses(list));
    const delivered = new Set<string>([box.owner]);
    for (const recipient of recipients) {
      const target = this.mailboxOf(recipient);
      if (!target || delivered.has(target.owner)) continue;
      delivered.add(target.owner);
      this.insert(target, { ...draft, bcc: "", draftId: null }, ["INBOX"], true);
    }
    return draft;
  }

  deleteDraft(draftId: string): void {
    const draft = this.findDraft(draftId);
    if (!draft) return;
    const box = this.requireMailbox(draft.mailbox);
    box.messages.delete(draft.id);
    const ids = (box.threads.get(draft.threadId) ?? []).filter((id) => id !== draft.id);
    if (ids.length > 0) box.threads.set(draft.threadId, ids);
    else {
      box.threads.delete(draft.threadId);
      box.threadByConversation.delete(draft.conversation);
    }
  }

  // --- the daily email quota (recipients per user per day, Pacific time) -------------------

  remainingQuota(user: string): number {
    return Math.max(0, this.dailyLimit(user) - (this.quotaUsed.get(this.quotaKey(user)) ?? 0));
  }

  /** Counts recipients against today's quota, or throws when they would exceed it. */
  consumeQuota(user: string, recipients: number): void {
    if (recipients > this.remainingQuota(user)) throw serviceError(MESSAGES.mailQuota);
    const key = this.quotaKey(user);
    this.quotaUsed.set(key, (this.quotaUsed.get(key) ?? 0) + recipients);
  }

  private dailyLimit(user: string): number {
    return this.runtime.findUser(user)?.dailyEmailQuota ?? DEFAULT_DAILY_EMAIL_QUOTA;
  }

  private quotaKey(user: string): string {
    const day = zonedParts(this.runtime.now(), DAY_ZONE);
    return `${normalizeEmail(user)}|${day.year}-${day.month}-${day.day}`;
  }

  // --- ids ----------------------------------------------------------------------------------

  private nextNumber(): number {
    this.counter += 1;
    return 5_100_000_000_000_000 + this.counter * 131;
  }

  private newId(kind: string): string {
    this.counter += 1;
    return `${kind}${this.counter}`;
  }

  /** Gmail-looking 16-digit hex ids, increasing. */
  private newMessageId(): string {
    this.counter += 1;
    return `18c${(0x5a0b2e0000 + this.counter * 0x1f3).toString(16).padStart(13, "0")}`;
  }

  private insert(
    box: Mailbox,
    fields: Omit<MailRecord, "id" | "threadId" | "mailbox" | "labels" | "unread">,
    labels: MailLabel[],
    unread: boolean,
  ): MailRecord {
    const id = this.newMessageId();
    const threadId = box.threadByConversation.get(fields.conversation) ?? id;
    box.threadByConversation.set(fields.conversation, threadId);
    const record: MailRecord = {
      ...fields,
      headers: { ...fields.headers },
      id,
      threadId,
      mailbox: box.owner,
      labels: new Set(labels),
      unread,
    };
    box.messages.set(id, record);
    box.threads.set(threadId, [...(box.threads.get(threadId) ?? []), id]);
    return record;
  }
}
