// GmailApp and MailApp over the GmailStore. Both share the per-user daily recipient quota and the
// per-message limits (50 recipients, 250-character subject, 200 KB body).
import { MESSAGES, serviceError } from "../errors";
import { SERVICE_NAME } from "../host";
import { asGas, platformNull } from "../internal";
import type { ServiceRuntime } from "../serviceRuntime";
import { normalizeEmail } from "../serviceRuntime";
import { bareAddress, splitAddresses, validateAddresses } from "./addresses";
import { compileQuery } from "./gmailSearch";
import type { GmailStore, MailRecord, MailVia, OutgoingMail } from "./gmailStore";

export const MAX_RECIPIENTS = 50;
export const MAX_SUBJECT_CHARS = 250;
export const MAX_BODY_BYTES = 200 * 1024;
export const MAX_SEARCH_RESULTS = 500;

export interface MailOptions {
  readonly to?: string;
  readonly cc?: string;
  readonly bcc?: string;
  readonly replyTo?: string;
  readonly name?: string;
  readonly htmlBody?: string;
  readonly from?: string;
  readonly noReply?: boolean;
  readonly subject?: string;
  readonly body?: string;
}

interface Compose {
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  readonly options: MailOptions;
  readonly conversation?: string;
  readonly inReplyTo?: string;
}

/** Checks the platform's limits and builds the message as the running user would send it. */
function composeAsUser(
  runtime: ServiceRuntime,
  input: Compose,
): { mail: Omit<OutgoingMail, "via" | "dateMs">; recipients: number } {
  const user = runtime.effectiveUser();
  const config = runtime.findUser(user);
  const options = input.options ?? {};
  const entries = [input.to, options.cc, options.bcc].flatMap((list) => splitAddresses(list));
  if (entries.length === 0) throw serviceError(MESSAGES.noRecipient);
  validateAddresses(entries);
  if (entries.length > MAX_RECIPIENTS) throw serviceError(MESSAGES.tooManyRecipients);
  const subject = String(input.subject ?? "");
  if (subject.length > MAX_SUBJECT_CHARS) throw serviceError(MESSAGES.subjectTooLong);
  const body = String(input.body ?? "");
  const size = Math.max(Buffer.byteLength(body), Buffer.byteLength(options.htmlBody ?? ""));
  if (size > MAX_BODY_BYTES) throw serviceError(MESSAGES.bodyTooLarge);
  let fromAddress = config?.email ?? user;
  if (options.from) {
    const allowed = [fromAddress, ...(config?.aliases ?? [])].map(normalizeEmail);
    if (!allowed.includes(normalizeEmail(options.from))) {
      throw serviceError(`Invalid argument: from (${options.from} is not one of your aliases)`);
    }
    fromAddress = options.from;
  }
  return {
    recipients: entries.length,
    mail: {
      fromAddress,
      fromName: options.name ?? config?.name,
      to: input.to,
      cc: options.cc ?? "",
      bcc: options.bcc ?? "",
      replyTo: options.replyTo ?? "",
      subject,
      plainBody: body,
      htmlBody: options.htmlBody ?? null,
      conversation: input.conversation,
      inReplyTo: input.inReplyTo,
    },
  };
}

/** Sends as the running user: limits, then quota, then delivery. */
function sendAsUser(
  runtime: ServiceRuntime,
  store: GmailStore,
  input: Compose,
  via: MailVia,
): MailRecord | null {
  const { mail, recipients } = composeAsUser(runtime, input);
  store.consumeQuota(runtime.effectiveUser(), recipients);
  return store.post({ ...mail, via, dateMs: runtime.now().getTime() }).sender;
}

function stripHtml(html: string): string {
  return html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/p>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&");
}

function replySubject(subject: string): string {
  return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
}

type Gmail = GoogleAppsScript.Gmail.GmailApp;
type GmailMessage = GoogleAppsScript.Gmail.GmailMessage;
type GmailThread = GoogleAppsScript.Gmail.GmailThread;
type GmailDraft = GoogleAppsScript.Gmail.GmailDraft;

export class EmuGmailMessage implements Pick<
  GoogleAppsScript.Gmail.GmailMessage,
  | "getId"
  | "getFrom"
  | "getTo"
  | "getCc"
  | "getBcc"
  | "getReplyTo"
  | "getSubject"
  | "getDate"
  | "getPlainBody"
  | "getBody"
  | "getHeader"
  | "isDraft"
  | "isInInbox"
  | "isUnread"
  | "isInTrash"
  | "getThread"
  | "markRead"
  | "markUnread"
  | "reply"
> {
  readonly [SERVICE_NAME] = "GmailMessage";

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly store: GmailStore,
    readonly record: MailRecord,
  ) {}

  getId(): string {
    return this.record.id;
  }

  getThread(): GmailThread {
    return asGas(
      new EmuGmailThread(this.runtime, this.store, this.record.mailbox, this.record.threadId),
    );
  }

  getFrom(): string {
    return this.record.from;
  }

  getTo(): string {
    return this.record.to;
  }

  getCc(): string {
    return this.record.cc;
  }

  getBcc(): string {
    return this.record.bcc;
  }

  getReplyTo(): string {
    return this.record.replyTo;
  }

  getSubject(): string {
    return this.record.subject;
  }

  getDate(): Date {
    return new Date(this.record.dateMs);
  }

  getPlainBody(): string {
    return this.record.htmlBody !== null && this.record.plainBody === ""
      ? stripHtml(this.record.htmlBody)
      : this.record.plainBody;
  }

  getBody(): string {
    return this.record.htmlBody ?? this.record.plainBody;
  }

  getHeader(name: string): string {
    const key = Object.keys(this.record.headers).find(
      (k) => k.toLowerCase() === name.toLowerCase(),
    );
    return key ? (this.record.headers[key] ?? "") : "";
  }

  isDraft(): boolean {
    return this.record.labels.has("DRAFT");
  }

  isInInbox(): boolean {
    return this.record.labels.has("INBOX");
  }

  isUnread(): boolean {
    return this.record.unread;
  }

  isInTrash(): boolean {
    return false;
  }

  markRead(): GmailMessage {
    this.record.unread = false;
    return asGas<GmailMessage>(this);
  }

  markUnread(): GmailMessage {
    this.record.unread = true;
    return asGas<GmailMessage>(this);
  }

  reply(body: string, options?: MailOptions): GmailMessage {
    sendAsUser(
      this.runtime,
      this.store,
      {
        to: this.record.replyTo || this.record.from,
        subject: replySubject(this.record.subject),
        body,
        options: options ?? {},
        conversation: this.record.conversation,
        inReplyTo: this.record.rfcMessageId,
      },
      "GmailApp",
    );
    return asGas<GmailMessage>(this);
  }
}

export class EmuGmailThread implements Pick<
  GoogleAppsScript.Gmail.GmailThread,
  | "getId"
  | "getMessageCount"
  | "getFirstMessageSubject"
  | "getLastMessageDate"
  | "getPermalink"
  | "isUnread"
  | "isInInbox"
  | "getMessages"
  | "markRead"
  | "reply"
  | "replyAll"
  | "createDraftReply"
  | "createDraftReplyAll"
> {
  readonly [SERVICE_NAME] = "GmailThread";

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly store: GmailStore,
    private readonly owner: string,
    private readonly threadId: string,
  ) {}

  getId(): string {
    return this.threadId;
  }

  getMessages(): GmailMessage[] {
    return this.records().map((r) =>
      asGas<GmailMessage>(new EmuGmailMessage(this.runtime, this.store, r)),
    );
  }

  getMessageCount(): number {
    return this.records().length;
  }

  getFirstMessageSubject(): string {
    return this.records()[0]?.subject ?? "";
  }

  getLastMessageDate(): Date {
    const records = this.records();
    const sent = records.filter((r) => !r.labels.has("DRAFT"));
    const last = (sent.length > 0 ? sent : records).at(-1);
    return new Date(last?.dateMs ?? 0);
  }

  getPermalink(): string {
    return `https://mail.google.com/mail/u/0/#all/${this.threadId}`;
  }

  isUnread(): boolean {
    return this.records().some((r) => r.unread);
  }

  isInInbox(): boolean {
    return this.records().some((r) => r.labels.has("INBOX"));
  }

  markRead(): GmailThread {
    for (const r of this.records()) r.unread = false;
    return asGas<GmailThread>(this);
  }

  /** Replies to the sender (or Reply-To) of the thread's last message, as Gmail does. */
  reply(body: string, options?: MailOptions): GmailThread {
    const last = this.lastSent();
    return this.sendReply(last.replyTo || last.from, body, options);
  }

  replyAll(body: string, options?: MailOptions): GmailThread {
    return this.sendReply(this.everyoneButMe(), body, options);
  }

  /** The last message's sender and recipients, without the user (their own reply-all list). */
  private everyoneButMe(): string {
    const last = this.lastSent();
    const me = normalizeEmail(this.owner);
    const everyone = [
      last.replyTo || last.from,
      ...splitAddresses(last.to),
      ...splitAddresses(last.cc),
    ]
      .filter((a) => bareAddress(a) !== me)
      .filter((a, i, all) => all.findIndex((b) => bareAddress(b) === bareAddress(a)) === i);
    return everyone.join(", ") || last.replyTo || last.from;
  }

  /** Sends `body` to `to` on this thread, as a reply to its last message. */
  private sendReply(to: string, body: string, options?: MailOptions): GmailThread {
    const last = this.lastSent();
    sendAsUser(
      this.runtime,
      this.store,
      {
        to,
        subject: replySubject(this.getFirstMessageSubject()),
        body,
        options: options ?? {},
        conversation: last.conversation,
        inReplyTo: last.rfcMessageId,
      },
      "GmailApp",
    );
    return asGas<GmailThread>(this);
  }

  createDraftReply(body: string, options?: MailOptions): GmailDraft {
    const last = this.lastSent();
    return this.draftReply(last.replyTo || last.from, body, options);
  }

  createDraftReplyAll(body: string, options?: MailOptions): GmailDraft {
    return this.draftReply(this.everyoneButMe(), body, options);
  }

  private draftReply(to: string, body: string, options?: MailOptions): GmailDraft {
    const last = this.lastSent();
    const { mail } = composeAsUser(this.runtime, {
      to,
      subject: replySubject(this.getFirstMessageSubject()),
      body,
      options: options ?? {},
      conversation: last.conversation,
    });
    const draft = this.store.createDraft(this.owner, mail);
    return asGas(new EmuGmailDraft(this.runtime, this.store, draft.draftId ?? ""));
  }

  private records(): MailRecord[] {
    return this.store.thread(this.owner, this.threadId);
  }

  private lastSent(): MailRecord {
    const sent = this.records().filter((r) => !r.labels.has("DRAFT"));
    const last = sent.at(-1);
    if (!last) throw serviceError("Invalid argument: the thread has no message to reply to");
    return last;
  }
}

export class EmuGmailDraft implements Pick<
  GoogleAppsScript.Gmail.GmailDraft,
  "getId" | "getMessage" | "getMessageId" | "send" | "deleteDraft" | "update"
> {
  readonly [SERVICE_NAME] = "GmailDraft";

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly store: GmailStore,
    private readonly draftId: string,
  ) {}

  getId(): string {
    return this.draftId;
  }

  getMessage(): GmailMessage {
    return asGas(new EmuGmailMessage(this.runtime, this.store, this.record()));
  }

  getMessageId(): string {
    return this.record().id;
  }

  /** Sends the draft as the running user (counts against the email quota). */
  send(): GmailMessage {
    const draft = this.record();
    const recipients = [draft.to, draft.cc, draft.bcc].flatMap((l) => splitAddresses(l)).length;
    this.store.consumeQuota(this.runtime.effectiveUser(), recipients);
    const sent = this.store.sendDraft(this.draftId, "GmailApp");
    return asGas(new EmuGmailMessage(this.runtime, this.store, sent));
  }

  deleteDraft(): void {
    this.record();
    this.store.deleteDraft(this.draftId);
  }

  update(recipient: string, subject: string, body: string, options?: MailOptions): GmailDraft {
    const draft = this.record();
    const { mail } = composeAsUser(this.runtime, {
      to: recipient,
      subject,
      body,
      options: options ?? {},
    });
    draft.to = mail.to;
    draft.cc = mail.cc ?? "";
    draft.bcc = mail.bcc ?? "";
    draft.replyTo = mail.replyTo ?? "";
    draft.subject = mail.subject;
    draft.plainBody = mail.plainBody;
    draft.htmlBody = mail.htmlBody ?? null;
    return asGas<GmailDraft>(this);
  }

  private record(): MailRecord {
    const record = this.store.findDraft(this.draftId);
    if (!record || record.mailbox !== normalizeEmail(this.runtime.effectiveUser())) {
      throw serviceError(`Invalid argument: draft ${this.draftId} does not exist`);
    }
    return record;
  }
}

type GmailAppMethods =
  | "sendEmail"
  | "createDraft"
  | "getDrafts"
  | "getDraft"
  | "getDraftMessages"
  | "search"
  | "getInboxThreads"
  | "getInboxUnreadCount"
  | "getThreadById"
  | "getMessageById"
  | "getMessagesForThreads"
  | "getAliases"
  | "getUserLabelByName";

export class EmuGmailApp implements Pick<Gmail, GmailAppMethods> {
  readonly [SERVICE_NAME] = "GmailApp";

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly store: GmailStore,
  ) {}

  sendEmail(recipient: string, subject: string, body: string, options?: MailOptions): Gmail {
    sendAsUser(
      this.runtime,
      this.store,
      { to: recipient, subject, body, options: options ?? {} },
      "GmailApp",
    );
    return asGas<Gmail>(this);
  }

  createDraft(recipient: string, subject: string, body: string, options?: MailOptions): GmailDraft {
    const { mail } = composeAsUser(this.runtime, {
      to: recipient,
      subject,
      body,
      options: options ?? {},
    });
    const draft = this.store.createDraft(this.me(), mail);
    return asGas(new EmuGmailDraft(this.runtime, this.store, draft.draftId ?? ""));
  }

  getDrafts(): GmailDraft[] {
    return this.store
      .messages(this.me())
      .filter((m) => m.draftId !== null)
      .map((m) => asGas<GmailDraft>(new EmuGmailDraft(this.runtime, this.store, m.draftId ?? "")));
  }

  getDraft(draftId: string): GmailDraft {
    const draft = this.store.findDraft(draftId);
    if (!draft || draft.mailbox !== this.me()) {
      throw serviceError(`Invalid argument: draft ${draftId} does not exist`);
    }
    return asGas(new EmuGmailDraft(this.runtime, this.store, draftId));
  }

  getDraftMessages(): GmailMessage[] {
    return this.getDrafts().map((d) => d.getMessage());
  }

  /** Threads with a message matching every term, most recent first. */
  search(query: string, start = 0, max = MAX_SEARCH_RESULTS): GmailThread[] {
    if (max > MAX_SEARCH_RESULTS)
      throw serviceError(`Argument max cannot exceed ${MAX_SEARCH_RESULTS}.`);
    const matches = compileQuery(String(query), this.runtime.now().getTime(), this.myAddresses());
    return this.threadsWhere((messages) => messages.some(matches)).slice(start, start + max);
  }

  getInboxThreads(start = 0, max = MAX_SEARCH_RESULTS): GmailThread[] {
    return this.threadsWhere((messages) => messages.some((m) => m.labels.has("INBOX"))).slice(
      start,
      start + max,
    );
  }

  getInboxUnreadCount(): number {
    return this.getInboxThreads().filter((t) => t.isUnread()).length;
  }

  /** null for an unknown id, though typed non-null. */
  getThreadById(id: string): GmailThread {
    return this.store.thread(this.me(), id).length > 0
      ? asGas(new EmuGmailThread(this.runtime, this.store, this.me(), id))
      : platformNull<GmailThread>();
  }

  /** null for an unknown id, though typed non-null. */
  getMessageById(id: string): GmailMessage {
    const record = this.store.message(this.me(), id);
    return record
      ? asGas(new EmuGmailMessage(this.runtime, this.store, record))
      : platformNull<GmailMessage>();
  }

  getMessagesForThreads(threads: GmailThread[]): GmailMessage[][] {
    return threads.map((t) => t.getMessages());
  }

  getAliases(): string[] {
    return [...(this.runtime.findUser(this.me())?.aliases ?? [])];
  }

  /** The emulator keeps no user labels: always null, though typed non-null. */
  getUserLabelByName(_name: string): GoogleAppsScript.Gmail.GmailLabel {
    return platformNull<GoogleAppsScript.Gmail.GmailLabel>();
  }

  private me(): string {
    return normalizeEmail(this.runtime.effectiveUser());
  }

  private myAddresses(): string[] {
    return [this.me(), ...this.getAliases().map(normalizeEmail)];
  }

  private threadsWhere(test: (messages: MailRecord[]) => boolean): GmailThread[] {
    const me = this.me();
    return this.store
      .threadIds(me)
      .map((id) => ({ id, messages: this.store.thread(me, id) }))
      .filter((t) => test(t.messages))
      .sort((a, b) => lastDate(b.messages) - lastDate(a.messages))
      .map((t) => asGas<GmailThread>(new EmuGmailThread(this.runtime, this.store, me, t.id)));
  }
}

function lastDate(messages: MailRecord[]): number {
  return Math.max(0, ...messages.map((m) => m.dateMs));
}

export class EmuMailApp implements Pick<
  GoogleAppsScript.Mail.MailApp,
  "sendEmail" | "getRemainingDailyQuota"
> {
  readonly [SERVICE_NAME] = "MailApp";

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly store: GmailStore,
  ) {}

  /**
   * sendEmail(message) | sendEmail(recipient, subject, body[, options]) |
   * sendEmail(recipient, replyTo, subject, body).
   */
  sendEmail(first: string | MailOptions, ...rest: unknown[]): void {
    let input: Compose;
    if (typeof first === "object" && first !== null) {
      input = {
        to: first.to ?? "",
        subject: first.subject ?? "",
        body: first.body ?? "",
        options: first,
      };
    } else if (rest.length === 3 && typeof rest[2] === "string") {
      const [replyTo, subject, body] = rest as [string, string, string];
      input = { to: first, subject, body, options: { replyTo } };
    } else {
      const [subject, body, options] = rest as [string, string, MailOptions | undefined];
      input = { to: first, subject, body, options: options ?? {} };
    }
    sendAsUser(this.runtime, this.store, input, "MailApp");
  }

  getRemainingDailyQuota(): number {
    return this.store.remainingQuota(this.runtime.effectiveUser());
  }
}
