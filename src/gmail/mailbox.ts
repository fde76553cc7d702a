// Reads the user's new mail for the Gmail sync (DESIGN §3 step 3): one search for every thread
// with a message since the last sync (paged; never a search per contact), one call for all their
// messages, then only the fields each message needs — a message from no contact and on no
// Touchbase thread costs its date and sender only.
import { addressesIn, isMailerDaemon, type SyncedMessage } from "../domain/gmailSync";

type GmailMessage = GoogleAppsScript.Gmail.GmailMessage;

/** Gmail returns at most 500 threads per search call. */
const PAGE = 500;
/** Pages read per run; more new threads than this in an hour is not a sales mailbox. */
const MAX_PAGES = 4;

export interface MailboxReadInput {
  /** Messages at or before this instant were seen by an earlier sync. */
  readonly since: Date;
  /** The user's own addresses (lower case): the user and their aliases; asked only if mail came. */
  readonly myAddresses: () => ReadonlySet<string>;
  /** Lower-case addresses of every contact. */
  readonly contactAddresses: ReadonlySet<string>;
  /** Thread ids of the user's Touchbase emails. */
  readonly touchbaseThreads: ReadonlySet<string>;
}

export interface MailboxRead {
  readonly messages: SyncedMessage[];
  /** More threads than one run reads: the oldest were left out. */
  readonly truncated: boolean;
}

export function readNewMail(input: MailboxReadInput): MailboxRead {
  // after: takes epoch seconds exactly (a date would mean midnight Pacific).
  const query = `after:${Math.floor(input.since.getTime() / 1000)}`;
  const threads: GoogleAppsScript.Gmail.GmailThread[] = [];
  let truncated = false;
  for (let page = 0; page < MAX_PAGES; page++) {
    const found = GmailApp.search(query, page * PAGE, PAGE);
    threads.push(...found);
    if (found.length < PAGE) break;
    if (page === MAX_PAGES - 1) truncated = true;
  }
  if (threads.length === 0) return { messages: [], truncated };
  const messagesByThread = GmailApp.getMessagesForThreads(threads);
  const mine = input.myAddresses();
  const messages: SyncedMessage[] = [];
  threads.forEach((thread, i) => {
    const threadId = thread.getId();
    // A thread where the user wrote to a contact is that contact's, even before it is logged.
    let contactThread = input.touchbaseThreads.has(threadId);
    for (const message of messagesByThread[i] ?? []) {
      const read = readMessage(message, threadId, input, mine, contactThread);
      if (!read) continue;
      messages.push(read);
      if (read.fromMe) contactThread = true;
    }
  });
  return { messages, truncated };
}

function readMessage(
  message: GmailMessage,
  threadId: string,
  input: MailboxReadInput,
  myAddresses: ReadonlySet<string>,
  onContactThread: boolean,
): SyncedMessage | null {
  const date = new Date(message.getDate().getTime());
  if (date.getTime() <= input.since.getTime()) return null;
  const from = addressesIn(message.getFrom())[0] ?? "";
  const fromMe = myAddresses.has(from);
  let recipients: string[] = [];
  if (fromMe) {
    if (message.isDraft()) return null;
    recipients = [...addressesIn(message.getTo()), ...addressesIn(message.getCc())];
    if (!recipients.some((r) => input.contactAddresses.has(r))) return null;
  } else if (isMailerDaemon(from)) {
    const failed = addressesIn(message.getHeader("X-Failed-Recipients"));
    if (!onContactThread && !failed.some((r) => input.contactAddresses.has(r))) return null;
    return {
      ...base(message, threadId, date, from, false),
      failedRecipients: failed,
      subject: message.getSubject(),
      body: message.getPlainBody(),
    };
  } else if (!input.contactAddresses.has(from) && !onContactThread) {
    return null;
  }
  return {
    ...base(message, threadId, date, from, fromMe),
    recipients,
    subject: message.getSubject(),
    body: fromMe ? "" : message.getPlainBody(),
    autoSubmitted: fromMe ? "" : message.getHeader("Auto-Submitted"),
  };
}

function base(
  message: GmailMessage,
  threadId: string,
  date: Date,
  from: string,
  fromMe: boolean,
): SyncedMessage {
  return {
    threadId,
    messageKey: message.getHeader("Message-ID"),
    date,
    from,
    fromMe,
    recipients: [],
    subject: "",
    body: "",
    autoSubmitted: "",
    failedRecipients: [],
  };
}
