// The due-email plan (DESIGN §4): who gets an automated email and why the others do not, the send
// window, quota and cap, the row re-read before sending, and email problems on the rows.
import { type Cell } from "../../src/domain/cells";
import {
  automatedToday,
  emailFacts,
  insideSendWindow,
  planEmails,
  replySubject,
  sendCapacity,
  stillSendable,
  withRowProblems,
  type EmailPlanInput,
  type PlannedEmail,
} from "../../src/domain/emailPlan";
import type { EmailTemplate } from "../../src/domain/merge";
import type { RefreshPlan } from "../../src/domain/refresh";
import { CONTACT, TAB, type Tier } from "../../src/domain/schema";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/domain/settings";
import type {
  CadenceStep,
  Contact,
  ContactResult,
  ContactRow,
  Touch,
  When,
} from "../../src/domain/types";
import {
  BERLIN,
  at,
  contactResult,
  contactRow,
  dateOnly,
  dueStep,
  inbound,
  refreshPlan,
  tableOfRecords,
  touch,
} from "../support/domain";

const ZONE = "America/New_York";
/** Local New York wall time on Monday 23 Nov 2026 (UTC-5). */
const monday = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 23, hour + 5, minute));

describe("send window", () => {
  test("8-18 means 08:00 to 17:59 on working days, in the sheet's zone", () => {
    const at = (d: Date) => insideSendWindow(DEFAULT_SETTINGS, ZONE, d);
    expect([at(monday(7, 59)), at(monday(8)), at(monday(17, 59)), at(monday(18))]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    const saturday = new Date(Date.UTC(2026, 10, 28, 15));
    expect(at(saturday)).toBe(false);
    expect(insideSendWindow({ ...DEFAULT_SETTINGS, skipWeekends: false }, ZONE, saturday)).toBe(
      true,
    );
  });

  test("the setting reads ranges like 9-17 and 9:00 to 17:00; a bad one is named and the default used", () => {
    const read = (value: string) => parseSettings([{ name: "Send window (hours)", value }]);
    expect(read("9-17").settings.sendWindow).toEqual({ start: 9, end: 17 });
    expect(read("9:00 to 17:00").settings.sendWindow).toEqual({ start: 9, end: 17 });
    expect(read("18-8")).toEqual({
      settings: expect.objectContaining({ sendWindow: { start: 8, end: 18 } }),
      problems: [
        'Setting "Send window (hours)": "18-8" is not a range of hours like 8-18; using the default (8-18).',
      ],
    });
  });

  test("a blank Opt-out line means none; a missing row means the default line", () => {
    expect(parseSettings([{ name: "Opt-out line", value: "" }]).settings.optOutLine).toBe("");
    expect(parseSettings([]).settings.optOutLine).toMatch(/reply "unsubscribe"/);
  });
});

describe("send capacity", () => {
  test("the cap less today's, and in Send mode the quota less one recipient kept for the digest", () => {
    const settings = { ...DEFAULT_SETTINGS, dailyEmailCap: 50 };
    expect(sendCapacity({ settings, alreadyToday: 45, remainingQuota: 100 })).toBe(5);
    expect(sendCapacity({ settings, alreadyToday: 0, remainingQuota: 4 })).toBe(3);
    expect(sendCapacity({ settings, alreadyToday: 0, remainingQuota: 0 })).toBe(0);
    expect(sendCapacity({ settings, alreadyToday: 10, remainingQuota: null })).toBe(40);
  });
});

describe("send window edges", () => {
  test("Sunday is a weekend day too; Friday is a working day", () => {
    const sunday = new Date(Date.UTC(2026, 10, 29, 15));
    const friday = new Date(Date.UTC(2026, 10, 27, 15));
    expect([sunday, friday].map((d) => insideSendWindow(DEFAULT_SETTINGS, ZONE, d))).toEqual([
      false,
      true,
    ]);
  });
});

describe("send capacity edges", () => {
  test("never below zero: the cap already passed, or a quota of one kept for the digest", () => {
    const settings = { ...DEFAULT_SETTINGS, dailyEmailCap: 20 };
    expect(sendCapacity({ settings, alreadyToday: 25, remainingQuota: 100 })).toBe(0);
    expect(sendCapacity({ settings, alreadyToday: 0, remainingQuota: 1 })).toBe(0);
    expect(sendCapacity({ settings, alreadyToday: 20, remainingQuota: null })).toBe(0);
    expect(sendCapacity({ settings, alreadyToday: 19, remainingQuota: 2 })).toBe(1);
  });
});

test("replySubject adds one Re: unless the subject already starts with one", () => {
  expect(
    ["Hello", "re: Hello", "  RE:Hello", "Fwd: re: Hello", "Are you there"].map(replySubject),
  ).toEqual(["Re: Hello", "re: Hello", "  RE:Hello", "Re: Fwd: re: Hello", "Re: Are you there"]);
});

// planEmails: who gets an automated email, and why the others do not (DESIGN §4).
const NOW = at("2026-03-04 10:00");
const OWNER = "rep@example.com";
const OPT_OUT = DEFAULT_SETTINGS.optOutLine;
const INTRO: EmailTemplate = {
  name: "Intro",
  subject: "Hello {{First Name}}",
  body: "Hi {{First Name}}",
  active: true,
};
const FOLLOW_UP: EmailTemplate = {
  name: "Follow up",
  subject: "",
  body: "Checking in",
  active: true,
};
const TEMPLATES = new Map([
  ["intro", INTRO],
  ["follow up", FOLLOW_UP],
]);
const HEADERS = new Set(["id", "name", "email", "owner", "topic"]);

/** Ann Lee, Auto Email on, Overdue on step 1 of "Warm" whose email is the Intro template. */
function dueRow(
  contactFields: Partial<Contact> = {},
  resultFields: Partial<ContactResult> = {},
  stepFields: Partial<CadenceStep> = {},
): ContactRow {
  return contactRow(
    { autoEmail: true, ...contactFields },
    contactResult("Overdue", {
      step: "1/4 Warm",
      cadence: "Warm",
      cadenceStart: at("2026-03-02"),
      due: dateOnly("2026-03-03"),
      dueStep: dueStep("Warm", { template: "Intro", ...stepFields }),
      ...resultFields,
    }),
  );
}

function plan(
  rows: readonly ContactRow[],
  touches: readonly Touch[] = [],
  input: Partial<EmailPlanInput> = {},
) {
  return planEmails({
    rows,
    touches,
    templates: TEMPLATES,
    headers: HEADERS,
    settings: DEFAULT_SETTINGS,
    zone: BERLIN,
    now: NOW,
    user: OWNER,
    ...input,
  });
}

/** Each preview as [row, template, blocked, subject or null]. */
const previewsOf = (result: ReturnType<typeof plan>) =>
  result.previews.map((p) => [
    p.row.contact.rowNumber,
    p.template,
    p.blocked,
    p.email?.subject ?? null,
  ]);
const problemsOf = (result: ReturnType<typeof plan>) => Object.fromEntries(result.problemsByRow);
/** What the plan says: each preview, each row's problems and the running user's emails' rows. */
const outcomeOf = (result: ReturnType<typeof plan>) => ({
  previews: previewsOf(result),
  problems: problemsOf(result),
  emails: result.emails.map((e) => e.row.contact.rowNumber),
});

/** An email the automation made for Ann's step 1 (sent unless told otherwise). */
const automated = (local: string, fields: Partial<Touch> = {}) =>
  touch(local, {
    source: "Automation",
    template: "Intro",
    step: "1/4 Warm",
    delivery: "Sent",
    notes: "To ann@example.com: Hello Ann",
    threadId: "18c1 <m1@mail>",
    ...fields,
  });

describe("planEmails: an eligible contact", () => {
  test("gets the due step's template merged, addressed to the contact, with the Step label", () => {
    const result = plan([dueRow()]);
    expect(result.emails).toEqual([
      {
        row: dueRow(),
        template: "Intro",
        step: "1/4 Warm",
        email: {
          to: "ann@example.com",
          subject: "Hello Ann",
          text: `Hi Ann\n\n${OPT_OUT}`,
          html: expect.stringContaining("<p>Hi Ann</p>"),
        },
        replyInThread: "",
      },
    ]);
    expect(previewsOf(result)).toEqual([[2, "Intro", "", "Hello Ann"]]);
    expect(problemsOf(result)).toEqual({});
    expect(result.templateProblems).toEqual([]);
  });

  test("Due Today counts as due; a step with no channel is an email; the template name in any case", () => {
    const rows = [
      dueRow({ rowNumber: 2, id: "C-1" }, { status: "Due Today" }),
      dueRow({ rowNumber: 3, id: "C-2" }, {}, { channel: null }),
      dueRow({ rowNumber: 4, id: "C-3" }, {}, { template: "  INTRO " }),
    ];
    expect(plan(rows).emails.map((e) => [e.row.contact.rowNumber, e.email.subject])).toEqual([
      [2, "Hello Ann"],
      [3, "Hello Ann"],
      [4, "Hello Ann"],
    ]);
  });

  test("another owner's contact is previewed (and checked) but not in the running user's emails", () => {
    const result = plan([dueRow({ owner: "boss@example.com" })]);
    expect({ emails: result.emails.length, previews: previewsOf(result) }).toEqual({
      emails: 0,
      previews: [[2, "Intro", "", "Hello Ann"]],
    });
  });
});

describe("planEmails: no automated email at all (no preview, no problem)", () => {
  test.each<[string, ContactRow, Partial<EmailPlanInput>]>([
    ["Auto Email unchecked", dueRow({ autoEmail: false }), {}],
    ["Opted Out", dueRow({ optedOut: true }), {}],
    ["Paused", dueRow({ paused: true }), {}],
    ["a reply waits for an answer", dueRow({}, { awaitingReply: true }), {}],
    ["Email mode Off", dueRow(), { settings: { ...DEFAULT_SETTINGS, emailMode: "Off" } }],
    ["the step is not Auto Send", dueRow({}, {}, { autoSend: false }), {}],
    ["the step has no template", dueRow({}, {}, { template: "" }), {}],
    ["the step is a call", dueRow({}, {}, { channel: "Call" }), {}],
    ["not due yet", dueRow({}, { status: "Upcoming" }), {}],
    ["Replied", dueRow({}, { status: "Replied" }), {}],
    ["no due step", dueRow({}, { dueStep: null }), {}],
  ])("%s", (_case, row, input) => {
    const result = plan([row], [], input);
    expect({
      emails: result.emails,
      previews: result.previews,
      problems: problemsOf(result),
    }).toEqual({ emails: [], previews: [], problems: {} });
  });

  test("Drafts and Send modes both plan the email", () => {
    const modes = (["Drafts", "Send"] as const).map(
      (emailMode) =>
        plan([dueRow()], [], { settings: { ...DEFAULT_SETTINGS, emailMode } }).emails.length,
    );
    expect(modes).toEqual([1, 1]);
  });
});

describe("planEmails: blocked before the template is read", () => {
  test("no Email: a Problem on the row naming the template, and the preview says why", () => {
    const result = plan([dueRow({ email: "" })]);
    const reason = 'No Email: automated email "Intro" cannot go out';
    expect(result.previews.map((p) => [p.email, p.replyInThread])).toEqual([[null, ""]]);
    expect(outcomeOf(result)).toEqual({
      previews: [[2, "Intro", reason, null]],
      problems: { 2: [reason] },
      emails: [],
    });
  });

  test("an invalid Email or no Owner: the preview says why (the row's Problem already does)", () => {
    const result = plan([
      dueRow({ rowNumber: 2, id: "C-1", email: "ann@" }),
      dueRow({ rowNumber: 3, id: "C-2", owner: "" }),
    ]);
    expect(outcomeOf(result)).toEqual({
      previews: [
        [2, "Intro", "Email looks invalid", null],
        [3, "Intro", "No owner", null],
      ],
      problems: {},
      emails: [],
    });
  });
});

describe("planEmails: bounces and unsubscribes stop automated email", () => {
  test("a bounce naming the address: one Problem however many bounces, and no email", () => {
    const bounce = (local: string) =>
      touch(local, { outcome: "Bounced", notes: "Delivery to ANN@example.com failed" });
    const result = plan([dueRow()], [bounce("2026-03-02 09:00"), bounce("2026-03-03 09:00")]);
    const problem = "Email to ann@example.com bounced — check the address";
    expect(outcomeOf(result)).toEqual({
      previews: [[2, "Intro", problem, null]],
      problems: { 2: [problem] },
      emails: [],
    });
  });

  test("a bounce of another address does not stop this contact", () => {
    const result = plan(
      [dueRow()],
      [
        touch("2026-03-02 09:00", {
          outcome: "bounced",
          notes: "Delivery to old@example.com failed",
        }),
      ],
    );
    expect({ emails: result.emails.length, problems: problemsOf(result) }).toEqual({
      emails: 1,
      problems: {},
    });
  });

  test("an unsubscribe: one Problem asking to check Opted Out, and no email", () => {
    const unsubscribe = (local: string) => inbound(local, { outcome: "Unsubscribed" });
    const result = plan(
      [dueRow()],
      [unsubscribe("2026-03-02 09:00"), unsubscribe("2026-03-03 09:00")],
    );
    const problem = "Asked to unsubscribe — check Opted Out";
    expect(outcomeOf(result)).toEqual({
      previews: [[2, "Intro", problem, null]],
      problems: { 2: [problem] },
      emails: [],
    });
  });

  test("a bounce then an unsubscribe: both are Problems, the first is the preview's reason", () => {
    const touches = [
      touch("2026-03-02 09:00", { outcome: "Bounced", notes: "ann@example.com" }),
      inbound("2026-03-03 09:00", { outcome: "Unsubscribed" }),
    ];
    const bounced = "Email to ann@example.com bounced — check the address";
    const asked = "Asked to unsubscribe — check Opted Out";
    const result = plan([dueRow()], touches);
    expect(outcomeOf(result)).toEqual({
      previews: [[2, "Intro", bounced, null]],
      problems: { 2: [bounced, asked] },
      emails: [],
    });
  });

  test("emailFacts names a bounce and an unsubscribe once each, however often they happen", () => {
    const touches = [
      touch("2026-03-02 09:00", { outcome: "Bounced", notes: "ann@example.com" }),
      inbound("2026-03-02 10:00", { outcome: "Unsubscribed" }),
      touch("2026-03-03 09:00", { outcome: "Bounced", notes: "ann@example.com" }),
      inbound("2026-03-03 10:00", { outcome: "Unsubscribed" }),
    ];
    expect(emailFacts(dueRow(), touches)).toEqual({
      problems: [
        "Email to ann@example.com bounced — check the address",
        "Asked to unsubscribe — check Opted Out",
      ],
      stopped: true,
    });
  });

  test("emailFacts: once Opted Out is checked, an unsubscribe is no longer a Problem; no address, no bounce", () => {
    const unsubscribed = [inbound("2026-03-02 09:00", { outcome: "Unsubscribed" })];
    expect(emailFacts(dueRow({ optedOut: true }), unsubscribed)).toEqual({
      problems: [],
      stopped: true,
    });
    const bounced = [touch("2026-03-02 09:00", { outcome: "Bounced", notes: "x" })];
    expect(emailFacts(dueRow({ email: "" }), bounced)).toEqual({ problems: [], stopped: false });
  });

  test("an automated email whose sending was not confirmed is a Problem naming template and step", () => {
    const touches = [
      automated("2026-03-02 09:00", {
        delivery: "Unconfirmed",
        template: "Intro",
        step: "1/4 Warm",
      }),
      touch("2026-03-02 10:00", { source: "Sheet", delivery: "Unconfirmed" }),
      automated("2026-03-02 11:00", { channel: "Call", delivery: "Unconfirmed" }),
    ];
    expect(emailFacts(dueRow(), touches)).toEqual({
      problems: ['Email may not have been sent — check Gmail ("Intro", 1/4 Warm)'],
      stopped: false,
    });
  });

  test("row problems gather once each: an unconfirmed email twice and no Email", () => {
    const unconfirmed = (local: string) =>
      automated(local, { delivery: "Unconfirmed", step: "0/4" });
    const result = plan(
      [dueRow({ email: "" })],
      [unconfirmed("2026-03-02 09:00"), unconfirmed("2026-03-02 10:00")],
    );
    expect(problemsOf(result)).toEqual({
      2: [
        'Email may not have been sent — check Gmail ("Intro", 0/4)',
        'No Email: automated email "Intro" cannot go out',
      ],
    });
  });
});

describe("planEmails: an earlier attempt at the same step", () => {
  test("a draft waiting in Gmail: no second email, no Problem", () => {
    const result = plan(
      [dueRow()],
      [automated("2026-03-03 09:00", { delivery: "Draft", template: "intro" })],
    );
    expect(outcomeOf(result)).toEqual({
      previews: [[2, "Intro", "A draft for this step is waiting in the owner's Gmail", null]],
      problems: {},
      emails: [],
    });
  });

  test("a failed send: a Problem asking a person to send it or log it, no retry", () => {
    const result = plan([dueRow()], [automated("2026-03-02 00:00", { delivery: "Failed" })]);
    const problem =
      'Automated email "Intro" (1/4 Warm) was not sent — send it by hand or log the touch';
    expect(outcomeOf(result)).toEqual({
      previews: [[2, "Intro", problem, null]],
      problems: { 2: [problem] },
      emails: [],
    });
  });

  test("the latest attempt decides: a failure after a draft is a failure", () => {
    const touches = [
      automated("2026-03-02 09:00", { delivery: "Draft" }),
      automated("2026-03-03 09:00", { delivery: "Failed" }),
    ];
    expect(previewsOf(plan([dueRow()], touches))[0]?.[2]).toBe(
      'Automated email "Intro" (1/4 Warm) was not sent — send it by hand or log the touch',
    );
  });

  test.each<[string, Touch, Partial<ContactResult>]>([
    ["before this cadence started", automated("2026-03-01 23:59", { delivery: "Failed" }), {}],
    [
      "for another step",
      automated("2026-03-03 09:00", { delivery: "Failed", step: "2/4 Warm" }),
      {},
    ],
    [
      "of another template",
      automated("2026-03-03 09:00", { delivery: "Draft", template: "Other" }),
      {},
    ],
    ["made by a person", automated("2026-03-03 09:00", { delivery: "Draft", source: "Sheet" }), {}],
    ["that was sent", automated("2026-03-03 09:00", { delivery: "Sent" }), {}],
    ["still pending", automated("2026-03-03 09:00", { delivery: "Pending" }), {}],
  ])("an attempt %s does not count", (_case, earlier, result) => {
    expect(plan([dueRow({}, result)], [earlier]).emails.map((e) => e.email.subject)).toEqual([
      "Hello Ann",
    ]);
  });

  test("with no Cadence Start every attempt at the step counts", () => {
    const result = plan(
      [dueRow({}, { cadenceStart: null })],
      [automated("2025-01-01 09:00", { delivery: "Draft" })],
    );
    expect(previewsOf(result)[0]?.[2]).toBe(
      "A draft for this step is waiting in the owner's Gmail",
    );
  });
});

describe("planEmails: the template", () => {
  test("not on the Templates tab: named once for Runs, a Problem on every row due it", () => {
    const result = plan([
      dueRow({ rowNumber: 2, id: "C-1" }, {}, { template: "Nope" }),
      dueRow({ rowNumber: 3, id: "C-2" }, {}, { template: "Nope" }),
    ]);
    const problem = 'Template "Nope" is not on the Templates tab';
    expect({
      templates: result.templateProblems,
      rows: problemsOf(result),
      previews: previewsOf(result),
    }).toEqual({
      templates: [problem],
      rows: { 2: [problem], 3: [problem] },
      previews: [
        [2, "Nope", problem, null],
        [3, "Nope", problem, null],
      ],
    });
  });

  test("an unknown tag: named once for Runs and on the row", () => {
    const broken: EmailTemplate = {
      name: "Intro",
      subject: "Hi {{Budget}}",
      body: "x",
      active: true,
    };
    const result = plan([dueRow()], [], { templates: new Map([["intro", broken]]) });
    const problem = 'Template "Intro" has unknown tag {{Budget}}';
    expect({
      templates: result.templateProblems,
      rows: problemsOf(result),
      emails: result.emails,
    }).toEqual({
      templates: [problem],
      rows: { 2: [problem] },
      emails: [],
    });
  });

  test("an empty value with no fallback blocks this contact only; an inactive template blocks", () => {
    const needsTopic: EmailTemplate = {
      name: "Intro",
      subject: "About {{Topic}}",
      body: "x",
      active: true,
    };
    const inactive: EmailTemplate = { ...INTRO, name: "Old", active: false };
    const result = plan(
      [
        dueRow({ rowNumber: 2, id: "C-1" }),
        dueRow({ rowNumber: 3, id: "C-2", cells: new Map([["topic", "the pilot"]]) }),
        dueRow({ rowNumber: 4, id: "C-3" }, {}, { template: "Old" }),
      ],
      [],
      {
        templates: new Map([
          ["intro", needsTopic],
          ["old", inactive],
        ]),
      },
    );
    expect({
      templates: result.templateProblems,
      rows: problemsOf(result),
      previews: previewsOf(result),
    }).toEqual({
      templates: [],
      rows: { 2: ['Template "Intro" needs Topic'], 4: ['Template "Old" is not Active'] },
      previews: [
        [2, "Intro", 'Template "Intro" needs Topic', null],
        [3, "Intro", "", "About the pilot"],
        [4, "Old", 'Template "Old" is not Active', null],
      ],
    });
  });
});

describe("planEmails: a blank Subject replies in the last Touchbase thread", () => {
  const followUp = () => dueRow({}, { step: "2/4 Warm" }, { step: 2, template: "Follow up" });

  test("in the thread of the owner's last sent email, with its subject after Re:", () => {
    const result = plan([followUp()], [automated("2026-03-02 09:00")]);
    expect(
      result.emails.map((e) => ({
        subject: e.email.subject,
        thread: e.replyInThread,
        step: e.step,
      })),
    ).toEqual([{ subject: "Re: Hello Ann", thread: "18c1", step: "2/4 Warm" }]);
    expect(result.previews.map((p) => p.replyInThread)).toEqual(["18c1"]);
  });

  test("the latest email of the owner is the one, a person's touch or another user's email skipped", () => {
    const touches = [
      automated("2026-03-02 09:00", { threadId: "old", notes: "To ann@example.com: First" }),
      automated("2026-03-02 10:00", {
        threadId: "t-2",
        notes: "To ann@example.com: Re: Second",
        delivery: null,
      }),
      automated("2026-03-02 11:00", { threadId: "draft:r-1", delivery: "Draft" }),
      automated("2026-03-02 12:00", { threadId: "boss", loggedBy: "boss@example.com" }),
      touch("2026-03-02 13:00", { threadId: "by-hand", source: "Sheet" }),
    ];
    expect(
      plan([followUp()], touches).emails.map((e) => [e.email.subject, e.replyInThread]),
    ).toEqual([["Re: Second", "t-2"]]);
  });

  test("while the last email's thread is not known yet it waits for the next run, with no Problem", () => {
    const result = plan([followUp()], [automated("2026-03-02 09:00", { threadId: "" })]);
    expect(outcomeOf(result)).toEqual({
      previews: [
        [
          2,
          "Follow up",
          "Waits for the Gmail sync to find the thread of the last email (next run)",
          null,
        ],
      ],
      problems: {},
      emails: [],
    });
  });

  test("no earlier Touchbase email of the owner: a Problem, since there is nothing to reply to", () => {
    const result = plan(
      [followUp()],
      [automated("2026-03-02 09:00", { loggedBy: "boss@example.com" })],
    );
    const problem =
      'Template "Follow up" has no Subject (a reply in the same thread), but ann@example.com has no earlier Touchbase email to reply to';
    expect(outcomeOf(result)).toEqual({
      previews: [[2, "Follow up", problem, null]],
      problems: { 2: [problem] },
      emails: [],
    });
  });

  test("the last thread went to another address: a Problem, never a reply to the wrong person", () => {
    const result = plan(
      [followUp()],
      [automated("2026-03-02 09:00", { notes: "To Old@Example.com: Hello Ann" })],
    );
    const problem =
      'Template "Follow up" replies in the last Touchbase thread, which went to old@example.com, not ann@example.com: send it by hand';
    expect(outcomeOf(result)).toEqual({
      previews: [[2, "Follow up", problem, null]],
      problems: { 2: [problem] },
      emails: [],
    });
  });

  test("notes with no recipient: the whole note is the subject replied to", () => {
    const result = plan([followUp()], [automated("2026-03-02 09:00", { notes: "Quick question" })]);
    expect(result.emails.map((e) => e.email.subject)).toEqual(["Re: Quick question"]);
  });
});

describe("planEmails: most urgent first", () => {
  test("Hot, Warm, Cold, Dead, no tier; then the longest overdue; then sheet order", () => {
    const row = (rowNumber: number, tier: Tier | null, due: When | null) =>
      dueRow({ rowNumber, id: `C-${rowNumber}`, tier }, { due });
    const rows = [
      row(2, null, dateOnly("2026-03-01")),
      row(3, "Dead", dateOnly("2026-03-01")),
      row(4, "Cold", dateOnly("2026-03-01")),
      row(5, "Warm", dateOnly("2026-03-03")),
      row(6, "Warm", null),
      row(9, "Warm", dateOnly("2026-03-01")),
      row(8, "Hot", dateOnly("2026-03-03")),
      row(7, "Warm", dateOnly("2026-03-01")),
    ];
    expect(plan(rows).emails.map((e) => e.row.contact.rowNumber)).toEqual([8, 7, 9, 5, 6, 4, 3, 2]);
  });
});

describe("stillSendable: the row re-read just before sending", () => {
  const HEADS = ["ID", "Name", "Email", "Owner", "Auto Email", "Paused", "Opted Out"];
  const planned = (rowNumber: number, id: string): PlannedEmail => ({
    row: dueRow({ rowNumber, id }),
    template: "Intro",
    step: "1/4 Warm",
    email: { to: "ann@example.com", subject: "s", text: "t", html: "h" },
    replyInThread: "",
  });
  const same = { Name: "Ann Lee", Email: "ann@example.com", Owner: OWNER, "Auto Email": true };

  test("only rows that still say what the plan read", () => {
    const contacts = tableOfRecords(TAB.contacts, HEADS, [
      { ...same, ID: "C-2", Email: " ANN@example.com" },
      { ...same, ID: "C-3", Email: "new@example.com" },
      { ...same, ID: "C-4", "Auto Email": false },
      { ...same, ID: "C-5", Paused: true },
      { ...same, ID: "C-6", "Opted Out": true },
      { ...same, ID: "C-99" },
      { ...same, ID: "C-8" },
    ]);
    const emails = [2, 3, 4, 5, 6, 7, 8, 9].map((n) => planned(n, `C-${n}`));
    expect(stillSendable(emails, contacts).map((e) => e.row.contact.id)).toEqual(["C-2", "C-8"]);
  });
});

describe("automatedToday: the emails counted against the Daily email cap", () => {
  test("the user's automated emails made today in the sheet's zone, drafts too, failures not", () => {
    const touches = [
      automated("2026-03-03 23:59"),
      automated("2026-03-04 00:00"),
      automated("2026-03-04 09:00", { delivery: "Draft" }),
      automated("2026-03-04 09:10", { delivery: "Failed" }),
      automated("2026-03-04 09:20", { loggedBy: "boss@example.com" }),
      automated("2026-03-04 09:30", { source: "Sidebar" }),
      automated("2026-03-04 09:40", { channel: "Call" }),
      automated("2026-03-04 23:59", { delivery: "Unconfirmed" }),
    ];
    expect(automatedToday(touches, OWNER, BERLIN, NOW)).toBe(3);
  });
});

describe("withRowProblems: email problems join the rows' Problem cells", () => {
  const base = (rows: ContactRow[], problemColumn: Cell[] | null, problems = 0): RefreshPlan =>
    refreshPlan(
      { rows, contactColumns: new Map(problemColumn ? [[CONTACT.problem, problemColumn]] : []) },
      { contacts: rows.length, problems },
    );

  test("added after the row's own problem, counted once per row, written to the Problem column", () => {
    const rows = [
      dueRow({ rowNumber: 2, id: "C-1" }, { problem: "Bad date" }),
      dueRow({ rowNumber: 3, id: "C-2" }),
      dueRow({ rowNumber: 4, id: "C-3" }),
      dueRow({ rowNumber: 5, id: "C-4" }),
    ];
    const input = base(rows, ["Bad date", "", "", ""], 1);
    const result = withRowProblems(
      input,
      new Map([
        [2, ["Bounced"]],
        [3, ["No Email", "Unconfirmed"]],
        [4, []],
      ]),
    );
    expect({
      problems: result.rows.map((r) => r.result.problem),
      column: result.contactColumns.get(CONTACT.problem),
      count: result.counts.problems,
      untouched: [result.rows[2] === rows[2], result.rows[3] === rows[3]],
      input: input.contactColumns.get(CONTACT.problem),
    }).toEqual({
      problems: ["Bad date; Bounced", "No Email; Unconfirmed", "", ""],
      column: ["Bad date; Bounced", "No Email; Unconfirmed", "", ""],
      count: 2,
      untouched: [true, true],
      input: ["Bad date", "", "", ""],
    });
  });

  test("a long text is fitted to the cell; no Problem column, the rows still carry it", () => {
    const long = "x".repeat(60_000);
    const withColumn = withRowProblems(base([dueRow()], [""]), new Map([[2, [long]]]));
    const cell = String(withColumn.contactColumns.get(CONTACT.problem)?.[0]);
    expect({ length: cell.length, end: cell.slice(-1) }).toEqual({ length: 50_000, end: "…" });
    const without = withRowProblems(base([dueRow()], null), new Map([[2, ["Bounced"]]]));
    expect({
      problem: without.rows[0]?.result.problem,
      columns: [...without.contactColumns.keys()],
      count: without.counts.problems,
    }).toEqual({ problem: "Bounced", columns: [], count: 1 });
  });

  test("no problems: the plan itself", () => {
    const input = base([dueRow()], [""]);
    expect(withRowProblems(input, new Map())).toBe(input);
  });
});
