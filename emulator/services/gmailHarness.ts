// Test-side handle on the mail world (`emu.gmail`): deliver mail from outside, read what users
// sent and drafted, and send a draft by hand as its owner. Nothing here is counted or costed.
import type { ServiceRuntime } from "../serviceRuntime";
import { bareAddress, splitAddresses } from "./addresses";
import { snapshot, type GmailStore, type MailSnapshot } from "./gmailStore";

export interface InboundMail {
  /** An emulated user (address or alias). */
  readonly to: string;
  /** "Name <addr>" or "addr". */
  readonly from: string;
  readonly subject?: string;
  readonly body: string;
  readonly htmlBody?: string;
  readonly cc?: string;
  /** The recipient's thread id this message replies on (e.g. the thread an email went out in). */
  readonly threadId?: string;
  readonly date?: Date;
  /** An out-of-office style auto-reply (Auto-Submitted: auto-replied). */
  readonly autoReply?: boolean;
  /** A delivery failure notice from the mailer daemon about the thread's last message. */
  readonly bounce?: boolean;
}

export const MAILER_DAEMON = "Mail Delivery Subsystem <mailer-daemon@googlemail.com>";

export class GmailHarness {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly store: GmailStore,
  ) {}

  /** A contact writes or replies. Returns the ids in the recipient's mailbox. */
  deliverInbound(mail: InboundMail): { messageId: string; threadId: string } {
    const box = this.store.requireMailbox(mail.to);
    const thread = mail.threadId ? this.store.thread(box.owner, mail.threadId) : [];
    if (mail.threadId && thread.length === 0) {
      throw new Error(`emulator: ${mail.to} has no thread ${mail.threadId}`);
    }
    const last = thread.filter((m) => !m.labels.has("DRAFT")).at(-1);
    const baseSubject = thread[0]?.subject ?? "";
    let from = mail.from;
    let subject = mail.subject ?? (baseSubject ? `Re: ${baseSubject.replace(/^re:\s*/i, "")}` : "");
    const headers: Record<string, string> = {};
    if (mail.autoReply) {
      headers["Auto-Submitted"] = "auto-replied";
      subject = mail.subject ?? `Automatic reply: ${baseSubject}`;
    }
    if (mail.bounce) {
      from = MAILER_DAEMON;
      subject = mail.subject ?? "Delivery Status Notification (Failure)";
      headers["Auto-Submitted"] = "auto-replied";
      // Gmail's mailer-daemon names the addresses that failed in this header.
      if (last)
        headers["X-Failed-Recipients"] = splitAddresses(last.to).map(bareAddress).join(", ");
    }
    const match = /^(.*?)\s*<([^>]+)>$/.exec(from.trim());
    const { delivered } = this.store.post({
      fromAddress: match ? (match[2] ?? from) : from.trim(),
      fromName: match ? (match[1] ?? "").replace(/^"|"$/g, "") || undefined : undefined,
      to: mail.to,
      cc: mail.cc,
      subject,
      plainBody: mail.body,
      htmlBody: mail.htmlBody ?? null,
      conversation: last?.conversation,
      inReplyTo: last?.rfcMessageId,
      extraHeaders: headers,
      via: "inbound",
      dateMs: (mail.date ?? this.runtime.now()).getTime(),
    });
    const record = delivered.find((m) => m.mailbox === box.owner);
    if (!record) throw new Error("emulator: inbound mail was not delivered");
    return { messageId: record.id, threadId: record.threadId };
  }

  /** Messages the user sent (by script or by hand), oldest first. */
  sent(user: string): MailSnapshot[] {
    return this.store
      .messages(user)
      .filter((m) => m.labels.has("SENT"))
      .map(snapshot);
  }

  drafts(user: string): MailSnapshot[] {
    return this.store
      .messages(user)
      .filter((m) => m.labels.has("DRAFT"))
      .map(snapshot);
  }

  inbox(user: string): MailSnapshot[] {
    return this.store
      .messages(user)
      .filter((m) => m.labels.has("INBOX"))
      .map(snapshot);
  }

  messages(user: string): MailSnapshot[] {
    return this.store.messages(user).map(snapshot);
  }

  /** The owner sends a draft by hand (no script, no quota); returns the sent message. */
  sendDraftAsUser(draftId: string): MailSnapshot {
    return snapshot(this.store.sendDraft(draftId, "hand"));
  }

  /** The owner deletes a draft by hand in Gmail. */
  deleteDraftAsUser(draftId: string): void {
    if (!this.store.findDraft(draftId)) throw new Error(`emulator: no draft ${draftId}`);
    this.store.deleteDraft(draftId);
  }

  /** The user sends an email by hand from Gmail (not through the script). */
  sendAsUser(
    user: string,
    mail: { to: string; subject: string; body: string; threadId?: string; from?: string },
  ): MailSnapshot {
    const box = this.store.requireMailbox(user);
    const thread = mail.threadId ? this.store.thread(box.owner, mail.threadId) : [];
    const last = thread.at(-1);
    const config = this.runtime.findUser(user);
    // Gmail sends from the address or one of the user's aliases ("Send mail as"), nothing else.
    const from = mail.from ?? config?.email ?? user;
    const own = [config?.email ?? user, ...(config?.aliases ?? [])].map((a) => a.toLowerCase());
    if (!own.includes(from.toLowerCase())) {
      throw new Error(`emulator: ${from} is not ${user} or one of their aliases`);
    }
    const { sender: sent } = this.store.post({
      fromAddress: from,
      fromName: config?.name,
      to: mail.to,
      subject: mail.subject,
      plainBody: mail.body,
      conversation: last?.conversation,
      inReplyTo: last?.rfcMessageId,
      via: "hand",
      dateMs: this.runtime.now().getTime(),
    });
    if (!sent) throw new Error(`emulator: ${user} is not an emulated user`);
    return snapshot(sent);
  }

  remainingQuota(user: string): number {
    return this.store.remainingQuota(user);
  }

  /** Recipients in a message (to, cc, bcc), for assertions. */
  static recipients(message: MailSnapshot): string[] {
    return [message.to, message.cc, message.bcc].flatMap((l) => splitAddresses(l)).map(bareAddress);
  }
}
