// The Gmail sync (DESIGN §3 step 3, §4): replies, bounces, auto-replies, unsubscribe requests and
// mail sent from Gmail become touches, each message once; the automation's own emails are settled.
import {
  addressesIn,
  asksToUnsubscribe,
  freshText,
  isMailerDaemon,
  outstandingDrafts,
  planGmailSync,
  type SyncContext,
  type SyncedMessage,
} from "../../src/domain/gmailSync";
import type { Touch } from "../../src/domain/types";
import { contact, touch } from "../support/domain";

const USER = "rep@example.com";
const NOW = new Date("2026-03-02T12:00:00Z");
const ANN = contact({ id: "C-1", name: "Ann Lee", email: "ann@example.com" });
const BOB = contact({ rowNumber: 3, id: "C-2", name: "Bob Roy", email: "bob@example.com" });

/** 2026-03-02 at 10:mm UTC. */
const minute = (mm: number): Date => new Date(Date.UTC(2026, 2, 2, 10, mm));

/** A reply from Ann on thread t-1 unless told otherwise. */
function message(fields: Partial<SyncedMessage> = {}): SyncedMessage {
  return {
    threadId: "t-1",
    messageKey: "<m-1@mail.example>",
    date: minute(30),
    from: "ann@example.com",
    fromMe: false,
    recipients: [USER],
    subject: "Re: Hello",
    body: "Sounds good",
    autoSubmitted: "",
    failedRecipients: [],
    ...fields,
  };
}

/** A message the user sent from Gmail, to Ann on thread t-1 unless told otherwise. */
const sent = (fields: Partial<SyncedMessage> = {}): SyncedMessage =>
  message({ from: USER, fromMe: true, recipients: ["ann@example.com"], body: "", ...fields });

/** An automation email to Ann, written at 10:00 and waiting for Gmail, unless told otherwise. */
const automationEmail = (fields: Partial<Touch> = {}): Touch =>
  touch("2026-03-02 11:00", {
    timestamp: minute(0),
    source: "Automation",
    notes: "To ann@example.com: Hello",
    loggedBy: USER,
    delivery: "Pending",
    ...fields,
  });

function plan(messages: readonly SyncedMessage[], context: Partial<SyncContext> = {}) {
  return planGmailSync(messages, {
    contacts: [ANN, BOB],
    touches: [],
    user: USER,
    now: NOW,
    ...context,
  });
}

/** The plan in a shape that compares whole: changed contacts as a sorted list, opt-outs by id. */
function summary(messages: readonly SyncedMessage[], context: Partial<SyncContext> = {}) {
  const result = plan(messages, context);
  return {
    ...result,
    optOuts: result.optOuts.map((c) => c.id),
    changedContacts: [...result.changedContacts].sort(),
  };
}

/** A summary with nothing new, nothing to update and nobody to opt out. */
const NOTHING = {
  newTouches: [],
  updates: [],
  optOuts: [],
  changedContacts: [],
  repliesFound: 0,
} as const;

describe("planGmailSync: replies", () => {
  it("logs a contact's reply as an Inbound Replied touch from Gmail, keyed by its Message-ID", () => {
    expect(summary([message()])).toEqual({
      newTouches: [
        {
          timestamp: minute(30),
          contactId: "C-1",
          contactName: "Ann Lee",
          direction: "Inbound",
          outcome: "Replied",
          notes: "Re: Hello — Sounds good",
          loggedBy: USER,
          source: "Gmail",
          threadId: "t-1 <m-1@mail.example>",
          delivery: "",
        },
      ],
      updates: [],
      optOuts: [],
      changedContacts: ["C-1"],
      repliesFound: 1,
    });
  });

  it("counts every reply, one touch per message", () => {
    const result = plan([
      message(),
      message({ messageKey: "<m-2@mail.example>", date: minute(40), body: "And one more thing" }),
      message({ messageKey: "<m-3@mail.example>", from: "bob@example.com", threadId: "t-2" }),
    ]);
    expect(result.newTouches.map((t) => [t.contactId, t.threadId])).toEqual([
      ["C-1", "t-1 <m-1@mail.example>"],
      ["C-2", "t-2 <m-3@mail.example>"],
      ["C-1", "t-1 <m-2@mail.example>"],
    ]);
    expect(result.repliesFound).toBe(3);
  });

  it("attributes mail from anyone on a thread the user sent a Touchbase email on", () => {
    const onThread = automationEmail({ threadId: "t-9 <own@mail.example>", delivery: "Sent" });
    const result = plan([message({ threadId: "t-9", from: "assistant@acme.example" })], {
      touches: [onThread],
    });
    expect(result.newTouches.map((t) => [t.contactId, t.outcome, t.threadId])).toEqual([
      ["C-1", "Replied", "t-9 <m-1@mail.example>"],
    ]);
  });

  it("does not take a teammate's thread ids for the user's own (thread ids are per mailbox)", () => {
    const teammates = automationEmail({
      threadId: "t-9 <own@mail.example>",
      delivery: "Sent",
      loggedBy: "mate@example.com",
    });
    const result = plan([message({ threadId: "t-9", from: "assistant@acme.example" })], {
      touches: [teammates],
    });
    expect(result.newTouches).toEqual([]);
  });

  it("ignores mail from someone who is no contact and not on a Touchbase thread", () => {
    expect(summary([message({ from: "stranger@else.example" })])).toEqual(NOTHING);
  });

  it("reads a contact's reply on the same thread as theirs, not the thread's contact", () => {
    const onThread = automationEmail({ threadId: "t-9", delivery: "Sent" });
    const result = plan([message({ threadId: "t-9", from: "bob@example.com" })], {
      touches: [onThread],
    });
    expect(result.newTouches.map((t) => t.contactId)).toEqual(["C-2"]);
  });

  it("gives a shared address to the first contact that has it, and skips contacts without an ID", () => {
    const twin = contact({ rowNumber: 4, id: "C-3", name: "Ann Twin", email: "ann@example.com" });
    const noId = contact({ rowNumber: 5, id: "", name: "New", email: "new@example.com" });
    const result = plan(
      [message(), message({ messageKey: "<m-2@mail.example>", from: "new@example.com" })],
      { contacts: [ANN, twin, noId] },
    );
    expect(result.newTouches.map((t) => t.contactId)).toEqual(["C-1"]);
  });

  it("quotes the fresh part of the reply, on one line, after the subject", () => {
    const body = "Thanks,\r\n  let's talk   Tuesday.\r\n\r\nOn Mon, Alex wrote:\r\n> Hello";
    const [logged] = plan([message({ body })]).newTouches;
    expect(logged?.notes).toBe("Re: Hello — Thanks, let's talk Tuesday.");
  });

  it("writes the subject alone when the reply has no text of its own", () => {
    const [logged] = plan([message({ body: "> only the quoted mail" })]).newTouches;
    expect(logged?.notes).toBe("Re: Hello");
  });

  it("cuts a long reply to 300 characters with an ellipsis", () => {
    const body = `${"a".repeat(299)}bcdef`;
    const [logged] = plan([message({ subject: "S", body })]).newTouches;
    expect(logged?.notes).toBe(`S — ${"a".repeat(299)}…`);
    const [exact] = plan([message({ subject: "S", body: "a".repeat(300) })]).newTouches;
    expect(exact?.notes).toBe(`S — ${"a".repeat(300)}`);
  });
});

describe("planGmailSync: each message once", () => {
  it("skips a message any teammate already logged (same contact, same Message-ID)", () => {
    const logged = touch("2026-03-02 11:00", {
      direction: "Inbound",
      outcome: "Replied",
      source: "Gmail",
      loggedBy: "mate@example.com",
      threadId: "x-77 <m-1@mail.example>",
    });
    expect(plan([message()], { touches: [logged] }).newTouches).toEqual([]);
  });

  it("still logs the message for another contact it concerns", () => {
    const loggedForBob = touch("2026-03-02 11:00", {
      contactId: "C-2",
      threadId: "x-77 <m-1@mail.example>",
    });
    const result = plan([message()], { touches: [loggedForBob] });
    expect(result.newTouches.map((t) => t.contactId)).toEqual(["C-1"]);
  });

  it("logs a message read twice in one run once, however its Message-ID is bracketed", () => {
    const result = plan([message(), message({ messageKey: " m-1@mail.example " })]);
    expect(result.newTouches.map((t) => t.threadId)).toEqual(["t-1 <m-1@mail.example>"]);
    expect(result.repliesFound).toBe(1);
  });

  it("skips a message without a Message-ID (it could not be kept from repeating)", () => {
    expect(plan([message({ messageKey: "" }), message({ messageKey: "<>" })]).newTouches).toEqual(
      [],
    );
  });

  it("reads messages oldest first, so a reply follows the mail it answers", () => {
    const reply = message({ threadId: "t-5", from: "assistant@acme.example", date: minute(50) });
    const mine = sent({ threadId: "t-5", messageKey: "<s-1@mail.example>", date: minute(20) });
    const result = plan([reply, mine]);
    expect(result.newTouches.map((t) => [t.contactId, t.direction, t.timestamp])).toEqual([
      ["C-1", "Outbound", minute(20)],
      ["C-1", "Inbound", minute(50)],
    ]);
  });
});

describe("planGmailSync: auto-replies", () => {
  it.each(["auto-replied", "auto-generated", "Auto-Replied "])(
    "logs Auto-Submitted: %j as Auto-reply, which is no reply and changes nothing",
    (autoSubmitted) => {
      expect(summary([message({ autoSubmitted, body: "I am away until Monday" })])).toMatchObject({
        newTouches: [{ contactId: "C-1", direction: "Inbound", outcome: "Auto-reply" }],
        changedContacts: [],
        repliesFound: 0,
      });
    },
  );

  it.each([
    "Automatic reply: Hello",
    "Auto-Reply: Hello",
    "Autoreply: Hello",
    "Auto Reply",
    "Automatic-reply",
    "Out of Office: back Monday",
    "out of the office",
    "Abwesenheitsnotiz",
    "  Out of office",
  ])("logs the subject %j as Auto-reply", (subject) => {
    const [logged] = plan([message({ subject, autoSubmitted: "no" })]).newTouches;
    expect(logged?.outcome).toBe("Auto-reply");
  });

  it.each(["no", " No ", ""])("reads Auto-Submitted: %j as a person's reply", (autoSubmitted) => {
    const [logged] = plan([message({ autoSubmitted })]).newTouches;
    expect(logged?.outcome).toBe("Replied");
  });

  it("does not read a subject that merely mentions the office as an auto-reply", () => {
    const [logged] = plan([message({ subject: "Re: Back in the office, let's meet" })]).newTouches;
    expect(logged?.outcome).toBe("Replied");
  });

  it("an auto-reply before a real reply: the contact changed, one reply found", () => {
    const result = summary([
      message({ autoSubmitted: "auto-replied" }),
      message({ messageKey: "<m-2@mail.example>", date: minute(45) }),
    ]);
    expect([result.newTouches.map((t) => t.outcome), result.changedContacts]).toEqual([
      ["Auto-reply", "Replied"],
      ["C-1"],
    ]);
    expect(result.repliesFound).toBe(1);
  });
});

describe("planGmailSync: unsubscribe requests", () => {
  it("logs Unsubscribed, counts it as a reply and asks for Opted Out", () => {
    expect(summary([message({ body: "Please unsubscribe me." })])).toMatchObject({
      newTouches: [{ contactId: "C-1", outcome: "Unsubscribed", direction: "Inbound" }],
      optOuts: ["C-1"],
      changedContacts: ["C-1"],
      repliesFound: 1,
    });
  });

  it("asks once per contact, and not for a contact already opted out", () => {
    const optedOutBob = { ...BOB, optedOut: true };
    const result = summary(
      [
        message({ body: "stop" }),
        message({ messageKey: "<m-2@mail.example>", body: "remove me", date: minute(35) }),
        message({ messageKey: "<m-3@mail.example>", from: "bob@example.com", body: "STOP" }),
      ],
      { contacts: [ANN, optedOutBob] },
    );
    expect([result.newTouches.map((t) => [t.contactId, t.outcome]), result.optOuts]).toEqual([
      [
        ["C-1", "Unsubscribed"],
        ["C-2", "Unsubscribed"],
        ["C-1", "Unsubscribed"],
      ],
      ["C-1"],
    ]);
  });

  it("takes an auto-reply that says unsubscribe for an auto-reply", () => {
    const result = summary([
      message({ autoSubmitted: "auto-generated", body: "To unsubscribe from this list…" }),
    ]);
    expect([result.newTouches.map((t) => t.outcome), result.optOuts]).toEqual([["Auto-reply"], []]);
  });
});

describe("planGmailSync: bounces", () => {
  const bounce = (fields: Partial<SyncedMessage> = {}): SyncedMessage =>
    message({
      from: "mailer-daemon@googlemail.com",
      subject: "Delivery Status Notification (Failure)",
      body: "Address not found",
      failedRecipients: ["ann@example.com"],
      ...fields,
    });

  it("logs an Inbound Bounced touch naming the address, which is no reply", () => {
    expect(summary([bounce({ threadId: "t-3" })])).toEqual({
      newTouches: [
        {
          timestamp: minute(30),
          contactId: "C-1",
          contactName: "Ann Lee",
          direction: "Inbound",
          outcome: "Bounced",
          notes:
            "Delivery to ann@example.com failed: Delivery Status Notification (Failure) — " +
            "Address not found",
          loggedBy: USER,
          source: "Gmail",
          threadId: "t-3 <m-1@mail.example>",
          delivery: "",
        },
      ],
      updates: [],
      optOuts: [],
      changedContacts: ["C-1"],
      repliesFound: 0,
    });
  });

  it("logs one bounce per failed contact, naming its address, skipping addresses of no contact", () => {
    const result = plan([
      bounce({ failedRecipients: ["ann@example.com", "nobody@else.example", "bob@example.com"] }),
    ]);
    expect(result.newTouches.map((t) => [t.contactId, t.notes.slice(0, 30)])).toEqual([
      ["C-1", "Delivery to ann@example.com fa"],
      ["C-2", "Delivery to bob@example.com fa"],
    ]);
  });

  it("falls back on the thread's contact when the failed address is no contact's", () => {
    const onThread = automationEmail({ threadId: "t-9", delivery: "Sent" });
    const result = plan(
      [bounce({ threadId: "t-9", from: "postmaster@acme.example", failedRecipients: ["a@x.io"] })],
      { touches: [onThread] },
    );
    expect(result.newTouches.map((t) => [t.contactId, t.outcome, t.notes.slice(0, 30)])).toEqual([
      ["C-1", "Bounced", "Delivery to a@x.io failed: Del"],
    ]);
  });

  it("names the contact's address when the bounce names none", () => {
    const onThread = automationEmail({ threadId: "t-9", delivery: "Sent" });
    const result = plan([bounce({ threadId: "t-9", failedRecipients: [] })], {
      touches: [onThread],
    });
    expect(result.newTouches.map((t) => t.notes.slice(0, 32))).toEqual([
      "Delivery to ann@example.com fail",
    ]);
  });

  it("ignores a bounce it cannot tie to a contact, and never reads it as a reply", () => {
    expect(plan([bounce({ failedRecipients: ["a@x.io"] })]).newTouches).toEqual([]);
  });

  it("logs a bounce once", () => {
    const loggedBounce = touch("2026-03-02 11:00", { threadId: "t-1 <m-1@mail.example>" });
    expect(plan([bounce(), bounce()], { touches: [loggedBounce] }).newTouches).toEqual([]);
    expect(plan([bounce(), bounce()]).newTouches).toHaveLength(1);
  });
});

describe("planGmailSync: mail the user sent from Gmail", () => {
  it("logs an Outbound Sent touch (Source Gmail) for each contact it went to", () => {
    const mail = sent({
      subject: "Pricing",
      recipients: ["ann@example.com", "colleague@example.com", "bob@example.com"],
    });
    expect(summary([mail])).toEqual({
      newTouches: [
        {
          timestamp: minute(30),
          contactId: "C-1",
          contactName: "Ann Lee",
          direction: "Outbound",
          outcome: "Sent",
          notes: "To ann@example.com: Pricing",
          loggedBy: USER,
          source: "Gmail",
          threadId: "t-1 <m-1@mail.example>",
          delivery: "Sent",
        },
        {
          timestamp: minute(30),
          contactId: "C-2",
          contactName: "Bob Roy",
          direction: "Outbound",
          outcome: "Sent",
          notes: "To bob@example.com: Pricing",
          loggedBy: USER,
          source: "Gmail",
          threadId: "t-1 <m-1@mail.example>",
          delivery: "Sent",
        },
      ],
      updates: [],
      optOuts: [],
      changedContacts: ["C-1", "C-2"],
      repliesFound: 0,
    });
  });

  it("ties later mail on the thread to the first contact the user wrote to", () => {
    const result = plan([
      sent({ recipients: ["bob@example.com", "ann@example.com"] }),
      message({ messageKey: "<m-2@mail.example>", from: "x@acme.example", date: minute(40) }),
    ]);
    expect(result.newTouches.map((t) => [t.contactId, t.direction])).toEqual([
      ["C-2", "Outbound"],
      ["C-1", "Outbound"],
      ["C-2", "Inbound"],
    ]);
  });

  it("keeps a thread with the contact its Touchbase email went to", () => {
    const onThread = automationEmail({ threadId: "t-1", delivery: "Sent" });
    const result = plan(
      [
        sent({ recipients: ["bob@example.com"] }),
        message({ messageKey: "<m-2@mail.example>", from: "x@acme.example", date: minute(40) }),
      ],
      { touches: [onThread] },
    );
    expect(result.newTouches.map((t) => [t.contactId, t.direction])).toEqual([
      ["C-2", "Outbound"],
      ["C-1", "Inbound"],
    ]);
  });

  it("logs sent mail once: not when already logged, nor for a contact without an ID", () => {
    const logged = touch("2026-03-02 11:00", { threadId: "x-77 <m-1@mail.example>" });
    const noId = contact({ rowNumber: 5, id: "", name: "New", email: "new@example.com" });
    const result = plan([sent({ recipients: ["ann@example.com", "new@example.com"] })], {
      contacts: [ANN, BOB, noId],
      touches: [logged],
    });
    expect(result.newTouches).toEqual([]);
  });

  it("takes a thread whose Touchbase email lost its contact for the contact the user wrote to", () => {
    const orphan = automationEmail({ contactId: "", threadId: "t-9", delivery: "Sent" });
    const result = plan(
      [
        sent({ threadId: "t-9", recipients: ["bob@example.com"] }),
        message({
          threadId: "t-9",
          messageKey: "<m-2@mail.example>",
          from: "x@acme.example",
          date: minute(40),
        }),
      ],
      { touches: [orphan] },
    );
    expect(result.newTouches.map((t) => [t.contactId, t.direction])).toEqual([
      ["C-2", "Outbound"],
      ["C-2", "Inbound"],
    ]);
  });

  it("logs nothing for mail to no contact, and a reply on that thread from a stranger neither", () => {
    const result = plan([
      sent({ recipients: ["colleague@example.com"] }),
      message({ messageKey: "<m-2@mail.example>", from: "x@acme.example", date: minute(40) }),
    ]);
    expect(result.newTouches).toEqual([]);
  });

  it("never reads the user's own mail as a reply or an unsubscribe", () => {
    const result = summary([sent({ body: "unsubscribe", autoSubmitted: "auto-replied" })]);
    expect([result.newTouches.map((t) => t.outcome), result.repliesFound, result.optOuts]).toEqual([
      ["Sent"],
      0,
      [],
    ]);
  });
});

describe("planGmailSync: the automation's own emails", () => {
  it("marks a Pending email Sent with its thread and Message-ID when Gmail shows it sent", () => {
    const pending = automationEmail();
    expect(summary([sent({ subject: "Hello" })], { touches: [pending] })).toEqual({
      ...NOTHING,
      updates: [
        { rowNumber: pending.rowNumber, threadId: "t-1 <m-1@mail.example>", delivery: "Sent" },
      ],
    });
  });

  it("marks a Pending email not in the sent mail Unconfirmed, never resent", () => {
    const pending = automationEmail();
    const other = automationEmail({ contactId: "C-2", notes: "To bob@example.com: Hi" });
    expect(summary([sent({ subject: "Hello" })], { touches: [pending, other] })).toEqual({
      ...NOTHING,
      updates: [
        { rowNumber: pending.rowNumber, threadId: "t-1 <m-1@mail.example>", delivery: "Sent" },
        { rowNumber: other.rowNumber, delivery: "Unconfirmed" },
      ],
      changedContacts: ["C-2"],
    });
  });

  it("notices a draft the owner sent by hand (by recipient and subject) and marks it Sent", () => {
    const draft = automationEmail({ threadId: "draft:r-5", delivery: "Draft" });
    const result = plan([sent({ threadId: "t-7", subject: "Re: Hello", date: minute(300) })], {
      touches: [draft],
    });
    expect([result.updates, result.newTouches]).toEqual([
      [{ rowNumber: draft.rowNumber, threadId: "t-7 <m-1@mail.example>", delivery: "Sent" }],
      [],
    ]);
  });

  it("settles an email sent from the sidebar the same way", () => {
    const fromSidebar = automationEmail({ source: "Sidebar", delivery: "Sent", threadId: "t-1" });
    const result = plan([sent({ subject: "Hello" })], { touches: [fromSidebar] });
    expect(result.updates).toEqual([
      { rowNumber: fromSidebar.rowNumber, threadId: "t-1 <m-1@mail.example>", delivery: "Sent" },
    ]);
  });

  it("matches a sent email only on its own thread once its thread is known", () => {
    const onThread = automationEmail({ threadId: "t-1", delivery: "Sent" });
    const result = plan([sent({ threadId: "t-2", subject: "Hello" })], { touches: [onThread] });
    expect([result.updates, result.newTouches.map((t) => [t.contactId, t.outcome])]).toEqual([
      [],
      [["C-1", "Sent"]],
    ]);
  });

  it.each<[string, Partial<SyncedMessage>, Partial<Touch>]>([
    ["another subject", { subject: "Pricing" }, {}],
    ["another recipient", { recipients: ["ann@example.com"] }, { notes: "To x@y.example: Hello" }],
    [
      "mail sent over a minute before the email was written",
      { date: minute(0) },
      {
        timestamp: new Date(minute(1).getTime() + 1),
      },
    ],
    ["an email of another user", {}, { loggedBy: "mate@example.com" }],
    ["a touch a person logged by hand", {}, { source: "Sheet" }],
    ["an email already tied to its message", {}, { threadId: "t-1 <old@mail.example>" }],
    ["an email with no Delivery", {}, { delivery: null }],
  ])("does not take the sent mail for the email when it is %s", (_, mail, own) => {
    const email = automationEmail({ delivery: "Sent", ...own });
    const result = plan([sent({ subject: "Hello", ...mail })], { touches: [email] });
    expect([result.updates, result.newTouches.map((t) => t.outcome)]).toEqual([[], ["Sent"]]);
  });

  it("allows a minute of clock difference between the email's row and the sent mail", () => {
    const email = automationEmail({ timestamp: minute(1), delivery: "Sent" });
    const result = plan([sent({ date: minute(0), subject: "Hello" })], { touches: [email] });
    expect(result.updates.map((u) => u.rowNumber)).toEqual([email.rowNumber]);
  });

  it("matches an email whose Notes name no recipient on its subject alone", () => {
    const email = automationEmail({ notes: "Hello", delivery: "Sent" });
    const result = plan([sent({ subject: "Hello" })], { touches: [email] });
    expect(result.updates.map((u) => u.rowNumber)).toEqual([email.rowNumber]);
  });

  it("settles each contact's email with the mail that went to several contacts", () => {
    const bobs = automationEmail({ contactId: "C-2", notes: "To bob@example.com: Hello" });
    const mail = sent({ subject: "Hello", recipients: ["ann@example.com", "bob@example.com"] });
    const result = plan([mail], { touches: [bobs] });
    expect([result.updates, result.newTouches.map((t) => [t.contactId, t.outcome])]).toEqual([
      [{ rowNumber: bobs.rowNumber, threadId: "t-1 <m-1@mail.example>", delivery: "Sent" }],
      [["C-1", "Sent"]],
    ]);
  });

  it("settles an email once when its sent message is read twice", () => {
    const pending = automationEmail();
    const result = plan([sent({ subject: "Hello" }), sent({ subject: "Hello" })], {
      touches: [pending],
    });
    expect([result.updates, result.newTouches]).toEqual([
      [{ rowNumber: pending.rowNumber, threadId: "t-1 <m-1@mail.example>", delivery: "Sent" }],
      [],
    ]);
  });

  it("ties each sent message to one email: two equal emails need two messages", () => {
    const first = automationEmail();
    const second = automationEmail({ timestamp: minute(5) });
    const result = plan(
      [
        sent({ subject: "Hello", date: minute(10) }),
        sent({ subject: "Hello", date: minute(11), messageKey: "<m-2@mail.example>" }),
      ],
      { touches: [first, second] },
    );
    expect(result.updates).toEqual([
      { rowNumber: first.rowNumber, threadId: "t-1 <m-1@mail.example>", delivery: "Sent" },
      { rowNumber: second.rowNumber, threadId: "t-1 <m-2@mail.example>", delivery: "Sent" },
    ]);
  });

  it("does not tie a sent message to a second email after it settled the first", () => {
    const first = automationEmail();
    const second = automationEmail({ timestamp: minute(5) });
    const result = plan([sent({ subject: "Hello", date: minute(10) })], {
      touches: [first, second],
    });
    expect(result.updates).toEqual([
      { rowNumber: first.rowNumber, threadId: "t-1 <m-1@mail.example>", delivery: "Sent" },
      { rowNumber: second.rowNumber, delivery: "Unconfirmed" },
    ]);
  });

  it("leaves a Draft or Sent email it did not see alone (only Pending is unconfirmed)", () => {
    const draft = automationEmail({ threadId: "draft:r-5", delivery: "Draft" });
    const sentEmail = automationEmail({ threadId: "t-4", delivery: "Sent" });
    expect(summary([], { touches: [draft, sentEmail] })).toEqual(NOTHING);
  });
});

describe("outstandingDrafts: the user's Touchbase drafts", () => {
  it("lists the user's Draft emails that have a draft id, and nothing else", () => {
    const draft = automationEmail({ threadId: "draft:r-5", delivery: "Draft" });
    const sidebarDraft = automationEmail({
      source: "Sidebar",
      threadId: "draft:r-6",
      delivery: "Draft",
    });
    const others = [
      automationEmail({ threadId: "draft:r-7", delivery: "Draft", loggedBy: "mate@example.com" }),
      automationEmail({ threadId: "draft:r-8", delivery: "Sent" }),
      automationEmail({ threadId: "draft:", delivery: "Draft" }),
      automationEmail({ threadId: "t-1", delivery: "Draft" }),
      automationEmail({ threadId: "draft:r-9", delivery: "Draft", source: "Sheet" }),
    ];
    const found = outstandingDrafts([draft, ...others, sidebarDraft], USER);
    expect(found.map((t) => t.threadId)).toEqual(["draft:r-5", "draft:r-6"]);
  });
});

describe("addressesIn", () => {
  it.each<[string, string[]]>([
    ["ann@example.com", ["ann@example.com"]],
    ["Ann Lee <Ann@Example.com>", ["ann@example.com"]],
    ['"Lopez, Maria" <M@X.com>, b@y.com', ["m@x.com", "b@y.com"]],
    ['"a@b.com" <real@x.com>', ["real@x.com"]],
    ['"sales@acme.example, Maria" <m@x.com>, b@y.com', ["m@x.com", "b@y.com"]],
    ['"Bob" bob@y.com', ["bob@y.com"]],
    ["  c@d.com  ,  Undisclosed recipients:;", ["c@d.com"]],
    ["", []],
  ])("%j → %j", (header, addresses) => {
    expect(addressesIn(header)).toEqual(addresses);
  });
});

describe("isMailerDaemon", () => {
  it.each<[string, boolean]>([
    ["mailer-daemon@googlemail.com", true],
    ["MAILER-DAEMON@mx.example", true],
    ["postmaster@acme.example", true],
    ["ann@example.com", false],
    ["not-mailer-daemon@x.com", false],
    ["postmaster.team@x.com", false],
  ])("%j → %s", (address, expected) => {
    expect(isMailerDaemon(address)).toBe(expected);
  });
});

describe("freshText: the part of a reply its sender wrote", () => {
  it.each<[string, string]>([
    ["  Sounds good  ", "Sounds good"],
    ["Yes\r\nTuesday\rworks", "Yes\nTuesday\nworks"],
    ["Yes\n> quoted", "Yes"],
    ["Yes\n   > indented quote", "Yes"],
    ["Yes\n\nOn Mon, Mar 2, 2026 at 10:00 Alex <a@x.com> wrote:\nold", "Yes"],
    ["Yes\n  on monday, alex wrote:  \nold", "Yes"],
    ["Yes\n-----Original Message-----\nold", "Yes"],
    ["Yes\n-- original message\nold", "Yes"],
    ["Yes\nFrom: Alex <a@x.com>\nold", "Yes"],
    ["Yes\nDe: Alex <a@x.com>\nold", "Yes"],
    ["Yes\nVon: a@x.com\nold", "Yes"],
    // Lines that only look like a quote header stay.
    ["From: the team\nYes", "From: the team\nYes"],
    ["Once I wrote: a poem\nYes", "Once I wrote: a poem\nYes"],
    ["On Monday we wrote: see attached", "On Monday we wrote: see attached"],
    [
      "I agree with what Jon Smith wrote:\nlet's go",
      "I agree with what Jon Smith wrote:\nlet's go",
    ],
    ["Yes\nsee the -- Original Message below", "Yes\nsee the -- Original Message below"],
    ["Yes, mail me from: ann@home.example", "Yes, mail me from: ann@home.example"],
    ["Code: vip@2026", "Code: vip@2026"],
    ["a > b\nYes", "a > b\nYes"],
    ["- Original Message", "- Original Message"],
  ])("%j → %j", (body, fresh) => {
    expect(freshText(body)).toBe(fresh);
  });
});

describe("asksToUnsubscribe", () => {
  it.each<[string, boolean]>([
    ["unsubscribe", true],
    ["Please UNSUBSCRIBE me.", true],
    ["Please remove me from your list", true],
    ["opt out", true],
    ["Opt-out please", true],
    ["optout", true],
    ["I opted out last week", true],
    ["STOP", true],
    ["stop.", true],
    ["Please stop emailing me.", true],
    ["stop sending", true],
    ["Stop contacting our team", true],
    ["ok please stop it right now", true],
    // A long reply that mentions stopping, without a stop verb, is no request.
    ["ok please stop it right now thanks", false],
    ["We can't stop now, the project is moving fast and we need your help.", false],
    [
      "Please stop emailing our old address and use the new one from next week onwards, thanks",
      true,
    ],
    ["Don't stop!", false],
    ["Don't  stop!", false],
    ["dont stop sending these", false],
    ["Do not stop emailing me", false],
    ["never stop writing", false],
    ["This is a nonstop project", false],
    ["I unsubscribed from the newsletter", false],
    ["Sounds good, talk Tuesday", false],
    ["", false],
    // Only what the sender wrote counts, not the quoted mail.
    ["Thanks!\n> To unsubscribe, reply stop", false],
  ])("%j → %s", (body, expected) => {
    expect(asksToUnsubscribe(body)).toBe(expected);
  });
});
