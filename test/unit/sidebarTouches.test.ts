// What the sidebar's actions log and change (DESIGN §6): Log touch (with Stage Changed and the
// required Next Follow-Up), Snooze, Reassign (Handoff) and Cover, as Touches rows and the few
// Contacts cells that change; every bad input is refused with a message naming the field.
import type { Cell } from "../../src/domain/cells";
import { CHANNELS, CONTACT, STAGES } from "../../src/domain/schema";
import {
  LOGGABLE_OUTCOMES,
  MAX_NOTE_LENGTH,
  SNOOZE_DAYS,
  contactAfter,
  directionOf,
  isoDay,
  nextWorkingDay,
  ownerAddress,
  parseIsoDay,
  planCover,
  planHandoff,
  planLogTouch,
  planSnooze,
  type CoverInput,
  type LogContext,
  type LogTouchInput,
} from "../../src/domain/sidebarTouches";
import type { Contact, Touch } from "../../src/domain/types";
import { BERLIN, at, contact, dateOnly, timed, touch } from "../support/domain";
import { refused, thrown } from "../support/thrown";

const NEW_YORK = "America/New_York";
const REP = "rep@acme.test";
const SAM = "sam@acme.test";

/** Friday 6 March 2026, 10:00 in Berlin; the log's highest Touch ID is T-0000041. */
const CONTEXT: LogContext = {
  now: at("2026-03-06 10:00"),
  zone: BERLIN,
  user: REP,
  lastTouchDigits: "41",
  skipWeekends: true,
};

const ANN = contact({
  id: "C-000001",
  name: "Ann Lee",
  owner: REP,
  stage: "Qualified",
  nextStep: "Book a demo",
  nextFollowUp: dateOnly("2026-03-05"),
});

/** The touch a sidebar action appends for Ann now: by the user, Source Sidebar, row 0 until written. */
const sidebarTouch = (fields: Partial<Touch>): Touch =>
  touch("2026-03-06 10:00", {
    rowNumber: 0,
    contactId: "C-000001",
    loggedBy: REP,
    source: "Sidebar",
    ...fields,
  });

describe("isoDay: an instant's calendar date in the sheet's zone", () => {
  test("zero-padded month and day, two-digit ones as they are", () => {
    expect(isoDay(at("2026-03-06 10:00"), BERLIN)).toBe("2026-03-06");
    expect(isoDay(at("2026-11-24 10:00"), BERLIN)).toBe("2026-11-24");
  });

  test("the zone decides the day", () => {
    const lateInNewYork = at("2026-03-06 23:30", NEW_YORK);
    expect([isoDay(lateInNewYork, NEW_YORK), isoDay(lateInNewYork, BERLIN)]).toEqual([
      "2026-03-06",
      "2026-03-07",
    ]);
  });
});

describe("parseIsoDay: a date the person picked", () => {
  test("is local midnight of that day in the sheet's zone, spaces around ignored", () => {
    expect(parseIsoDay(" 2026-11-24 ", "From", BERLIN)).toEqual(at("2026-11-24"));
    expect(parseIsoDay("2026-11-24", "From", NEW_YORK)).toEqual(at("2026-11-24", NEW_YORK));
  });

  test("anything but YYYY-MM-DD is refused, naming the field and the text", () => {
    for (const text of ["24/11/2026", "2026-11-24 10:00", "x2026-11-24", "2026-11-24x", ""]) {
      expect(thrown(() => parseIsoDay(text, "From", BERLIN))).toEqual(
        refused(`From "${text}" is not a date; pick one like 2026-11-24.`),
      );
    }
  });

  test("a zero year, month or day is not a date", () => {
    for (const text of ["0000-11-24", "2026-00-24", "2026-11-00"]) {
      expect(thrown(() => parseIsoDay(text, "To", BERLIN))).toEqual(
        refused(`To "${text}" is not a date; pick one like 2026-11-24.`),
      );
    }
  });

  test("a day the calendar does not have is refused", () => {
    for (const text of ["2026-02-29", "2026-04-31", "2026-13-01"]) {
      expect(thrown(() => parseIsoDay(text, "To", BERLIN))).toEqual(
        refused(`To "${text}" is not a real date.`),
      );
    }
    expect(parseIsoDay("2028-02-29", "To", BERLIN)).toEqual(at("2028-02-29"));
  });
});

describe("nextWorkingDay", () => {
  const friday = at("2026-03-06 10:00");
  test("tomorrow at local midnight; after a Friday, Monday when weekends are skipped", () => {
    expect(nextWorkingDay(at("2026-03-05 18:00"), BERLIN, true)).toEqual(at("2026-03-06"));
    expect(nextWorkingDay(friday, BERLIN, true)).toEqual(at("2026-03-09"));
    expect(nextWorkingDay(friday, BERLIN, false)).toEqual(at("2026-03-07"));
    expect(nextWorkingDay(at("2026-03-07 10:00"), BERLIN, true)).toEqual(at("2026-03-09"));
  });
});

describe("directionOf: who a touch comes from", () => {
  test("a Note is Internal; what the contact or their mail server sent is Inbound", () => {
    const inbound = ["Replied", "Bounced", "Auto-reply", "Unsubscribed"];
    expect(inbound.map((outcome) => directionOf("Email", outcome))).toEqual(
      inbound.map(() => "Inbound"),
    );
    expect(directionOf("LinkedIn", "Replied")).toBe("Inbound");
    expect(directionOf("Note", "Note")).toBe("Internal");
  });

  test("anything else is something we did: Outbound", () => {
    const outbound = ["Sent", "Connected", "Left Voicemail", "Completed"];
    expect(outbound.map((outcome) => directionOf("Call", outcome))).toEqual(
      outbound.map(() => "Outbound"),
    );
  });
});

describe("LOGGABLE_OUTCOMES", () => {
  test("every channel's outcomes; a Note is only a Note (the system notes are logged for you)", () => {
    expect(Object.keys(LOGGABLE_OUTCOMES).sort()).toEqual([...CHANNELS].sort());
    expect(LOGGABLE_OUTCOMES.Email).toEqual([
      "Sent",
      "Replied",
      "Bounced",
      "Auto-reply",
      "Unsubscribed",
    ]);
    expect(LOGGABLE_OUTCOMES.Note).toEqual(["Note"]);
  });
});

describe("planLogTouch: Log touch", () => {
  const input = (fields: Partial<LogTouchInput> = {}): LogTouchInput => ({
    channel: " call ",
    outcome: "left voicemail",
    notes: "  Asked for pricing  ",
    nextStep: " Send pricing ",
    nextFollowUp: " 2026-03-09 ",
    stage: "",
    ...fields,
  });

  test("the touch as picked, its Next Follow-Up on the contact, and the Next Step typed", () => {
    expect(planLogTouch(ANN, input(), CONTEXT)).toEqual({
      touches: [
        sidebarTouch({
          touchId: "T-0000042",
          channel: "Call",
          direction: "Outbound",
          outcome: "Left Voicemail",
          notes: "Asked for pricing",
          nextStep: "Send pricing",
          nextFollowUp: dateOnly("2026-03-09"),
        }),
      ],
      cells: new Map<string, Cell>([
        [CONTACT.nextFollowUp, at("2026-03-09")],
        [CONTACT.nextStep, "Send pricing"],
      ]),
      message: "Logged Call (Left Voicemail) for Ann Lee; next follow-up Mon 9 Mar.",
    });
  });

  test("the direction follows the outcome: a reply logged by hand is Inbound", () => {
    const [logged] = planLogTouch(
      ANN,
      input({ channel: "Email", outcome: "Replied" }),
      CONTEXT,
    ).touches;
    expect({ channel: logged?.channel, direction: logged?.direction }).toEqual({
      channel: "Email",
      direction: "Inbound",
    });
    const [autoReply] = planLogTouch(
      ANN,
      input({ channel: "Email", outcome: "auto-reply" }),
      CONTEXT,
    ).touches;
    expect({ outcome: autoReply?.outcome, direction: autoReply?.direction }).toEqual({
      outcome: "Auto-reply",
      direction: "Inbound",
    });
  });

  test("a stage change logs Stage Changed first, at the same time, then the touch", () => {
    const change = planLogTouch(
      ANN,
      input({ channel: "Email", outcome: "Sent", stage: " proposal sent " }),
      CONTEXT,
    );
    expect(change.touches).toEqual([
      sidebarTouch({
        touchId: "T-0000042",
        channel: "Note",
        direction: "Internal",
        outcome: "Stage Changed",
        stage: "Proposal Sent",
        notes: "Stage Qualified → Proposal Sent",
      }),
      sidebarTouch({
        touchId: "T-0000043",
        channel: "Email",
        direction: "Outbound",
        outcome: "Sent",
        notes: "Asked for pricing",
        nextStep: "Send pricing",
        nextFollowUp: dateOnly("2026-03-09"),
      }),
    ]);
    expect(change.cells.get(CONTACT.stage)).toBe("Proposal Sent");
    expect(change.message).toBe(
      "Logged Email (Sent) for Ann Lee, stage now Proposal Sent; next follow-up Mon 9 Mar.",
    );
  });

  test("a contact with no stage yet: the note says it was blank", () => {
    const fresh = contact({ id: "C-000001", name: "Ann Lee", stage: null });
    const [stageChanged] = planLogTouch(fresh, input({ stage: "Qualified" }), CONTEXT).touches;
    expect(stageChanged?.notes).toBe("Stage (blank) → Qualified");
  });

  test("a blank stage keeps the contact's: no Stage Changed", () => {
    const change = planLogTouch(ANN, input({ stage: "  " }), CONTEXT);
    expect(change.touches.map((t) => t.outcome)).toEqual(["Left Voicemail"]);
    expect(change.cells.has(CONTACT.stage)).toBe(false);
  });

  test("picking the stage the contact already has changes nothing about the stage", () => {
    const change = planLogTouch(ANN, input({ stage: "qualified" }), CONTEXT);
    expect(change.touches.map((t) => t.outcome)).toEqual(["Left Voicemail"]);
    expect([...change.cells.keys()]).toEqual([CONTACT.nextFollowUp, CONTACT.nextStep]);
    expect(change.message).toBe(
      "Logged Call (Left Voicemail) for Ann Lee; next follow-up Mon 9 Mar.",
    );
  });

  test("only cells whose value changes are written", () => {
    const unchanged = contact({
      id: "C-000001",
      name: "Ann Lee",
      nextStep: "Send pricing",
      nextFollowUp: dateOnly("2026-03-09"),
    });
    expect(planLogTouch(unchanged, input(), CONTEXT).cells).toEqual(new Map());
    // A blank Next Step keeps the contact's; a follow-up with a time becomes the picked date.
    const timedFollowUp = contact({
      nextStep: "Book a demo",
      nextFollowUp: timed("2026-03-09 00:00"),
    });
    expect(planLogTouch(timedFollowUp, input({ nextStep: " " }), CONTEXT).cells).toEqual(
      new Map([[CONTACT.nextFollowUp, at("2026-03-09")]]),
    );
  });

  test("an open contact needs a Next Follow-Up; a deal marked Won or Lost does not", () => {
    expect(thrown(() => planLogTouch(ANN, input({ nextFollowUp: " " }), CONTEXT))).toEqual(
      refused(
        "Pick a Next Follow-Up date: every open contact needs one (a deal marked Won or Lost does not).",
      ),
    );
    const won = planLogTouch(ANN, input({ nextFollowUp: "", stage: "won" }), CONTEXT);
    expect(won.touches.map((t) => [t.outcome, t.nextFollowUp])).toEqual([
      ["Stage Changed", null],
      ["Left Voicemail", null],
    ]);
    expect(won.cells).toEqual(
      new Map<string, Cell>([
        [CONTACT.nextFollowUp, ""],
        [CONTACT.stage, "Won"],
        [CONTACT.nextStep, "Send pricing"],
      ]),
    );
    expect(won.message).toBe("Logged Call (Left Voicemail) for Ann Lee, stage now Won.");
    const lost = contact({ stage: "Lost", nextFollowUp: null });
    expect(planLogTouch(lost, input({ nextFollowUp: "", nextStep: "" }), CONTEXT).cells).toEqual(
      new Map(),
    );
  });

  test("the Next Follow-Up is today or later, in the sheet's zone", () => {
    expect(
      thrown(() => planLogTouch(ANN, input({ nextFollowUp: " 2026-03-05" }), CONTEXT)),
    ).toEqual(
      refused(
        "Next Follow-Up 2026-03-05 is in the past (today is 2026-03-06); pick today or a later date.",
      ),
    );
    const today = planLogTouch(ANN, input({ nextFollowUp: "2026-03-06" }), CONTEXT);
    expect(today.cells.get(CONTACT.nextFollowUp)).toEqual(at("2026-03-06"));
    expect(thrown(() => planLogTouch(ANN, input({ nextFollowUp: "next week" }), CONTEXT))).toEqual(
      refused(`Next Follow-Up "next week" is not a date; pick one like 2026-11-24.`),
    );
  });

  test("a channel, outcome or stage that is not one of the sheet's words is refused", () => {
    expect(thrown(() => planLogTouch(ANN, input({ channel: "Fax" }), CONTEXT))).toEqual(
      refused(`Channel "Fax" is not one of ${CHANNELS.join(", ")}.`),
    );
    expect(thrown(() => planLogTouch(ANN, input({ outcome: "Sent" }), CONTEXT))).toEqual(
      refused(
        `Outcome "Sent" does not go with Call; pick one of Connected, No Answer, Left Voicemail, Busy, Wrong Number.`,
      ),
    );
    expect(
      thrown(() => planLogTouch(ANN, input({ channel: "Note", outcome: "Handoff" }), CONTEXT)),
    ).toEqual(refused(`Outcome "Handoff" does not go with Note; pick one of Note.`));
    expect(thrown(() => planLogTouch(ANN, input({ stage: "Demo" }), CONTEXT))).toEqual(
      refused(`Stage "Demo" is not one of ${STAGES.join(", ")}.`),
    );
  });

  test(`notes and a next step up to ${MAX_NOTE_LENGTH} characters (after trimming) fit`, () => {
    const longest = "x".repeat(MAX_NOTE_LENGTH);
    const [logged] = planLogTouch(ANN, input({ notes: ` ${longest} ` }), CONTEXT).touches;
    expect(logged?.notes).toHaveLength(MAX_NOTE_LENGTH);
    expect(thrown(() => planLogTouch(ANN, input({ notes: `${longest}y` }), CONTEXT))).toEqual(
      refused("Notes is 5001 characters long; keep it under 5000."),
    );
    expect(thrown(() => planLogTouch(ANN, input({ nextStep: `${longest}y` }), CONTEXT))).toEqual(
      refused("Next Step is 5001 characters long; keep it under 5000."),
    );
  });

  test("notes left out of the request read as blank", () => {
    const request = { ...input(), notes: undefined } as unknown as LogTouchInput;
    expect(planLogTouch(ANN, request, CONTEXT).touches[0]?.notes).toBe("");
  });

  test("IDs continue after the log's highest", () => {
    const first = planLogTouch(ANN, input(), { ...CONTEXT, lastTouchDigits: "0" });
    expect(first.touches.map((t) => t.touchId)).toEqual(["T-0000001"]);
  });
});

describe("planSnooze", () => {
  test(`moves the Next Follow-Up ${SNOOZE_DAYS.join("/")} days ahead, with a note saying so`, () => {
    expect(planSnooze(ANN, 3, CONTEXT)).toEqual({
      touches: [
        sidebarTouch({
          touchId: "T-0000042",
          channel: "Note",
          direction: "Internal",
          outcome: "Note",
          notes: "Snoozed 3 days, until 2026-03-09.",
          nextFollowUp: dateOnly("2026-03-09"),
        }),
      ],
      cells: new Map([[CONTACT.nextFollowUp, at("2026-03-09")]]),
      message: "Snoozed Ann Lee until Mon 9 Mar.",
    });
  });

  test("one day is said in the singular; the date is calendar days ahead, weekend or not", () => {
    const oneDay = planSnooze(ANN, 1, CONTEXT);
    expect([oneDay.touches[0]?.notes, oneDay.message]).toEqual([
      "Snoozed 1 day, until 2026-03-07.",
      "Snoozed Ann Lee until Sat 7 Mar.",
    ]);
  });

  test("already following up that day: only the note is logged", () => {
    const snoozed = contact({ nextFollowUp: dateOnly("2026-03-20") });
    const change = planSnooze(snoozed, 14, CONTEXT);
    expect({ touches: change.touches.length, cells: change.cells }).toEqual({
      touches: 1,
      cells: new Map(),
    });
  });

  test("any other number of days is refused", () => {
    expect(thrown(() => planSnooze(ANN, 2, CONTEXT))).toEqual(
      refused("Snooze for 1, 3, 7, 14 days, not 2."),
    );
  });
});

describe("ownerAddress", () => {
  test("an email address, trimmed and lower-cased as the Owner column reads", () => {
    expect(ownerAddress(" Sam@Acme.TEST ", "New owner")).toBe(SAM);
    expect(thrown(() => ownerAddress("Sam", "Owner"))).toEqual(
      refused(`Owner "Sam" is not an email address.`),
    );
  });
});

describe("planHandoff: Reassign", () => {
  test("an Internal Handoff touch with the note; the new owner has the contact due next working day", () => {
    expect(planHandoff(ANN, "Sam@Acme.test", "  Call her Monday ", CONTEXT)).toEqual({
      touches: [
        sidebarTouch({
          touchId: "T-0000042",
          channel: "Note",
          direction: "Internal",
          outcome: "Handoff",
          notes: "Handoff rep@acme.test → sam@acme.test: Call her Monday",
          nextFollowUp: dateOnly("2026-03-09"),
        }),
      ],
      cells: new Map<string, Cell>([
        [CONTACT.nextFollowUp, at("2026-03-09")],
        [CONTACT.owner, SAM],
      ]),
      message: "Ann Lee now belongs to sam@acme.test, due Mon 9 Mar.",
    });
  });

  test("without a note the touch says who from and to; an unowned contact is from nobody", () => {
    const [handoff] = planHandoff(ANN, SAM, " ", { ...CONTEXT, skipWeekends: false }).touches;
    expect([handoff?.notes, handoff?.nextFollowUp]).toEqual([
      "Handoff rep@acme.test → sam@acme.test.",
      dateOnly("2026-03-07"),
    ]);
    const unowned = contact({ owner: "" });
    expect(planHandoff(unowned, SAM, "", CONTEXT).touches[0]?.notes).toBe(
      "Handoff nobody → sam@acme.test.",
    );
  });

  test("a new owner that is not an email address is refused", () => {
    expect(thrown(() => planHandoff(ANN, "Sam", "", CONTEXT))).toEqual(
      refused(`New owner "Sam" is not an email address.`),
    );
  });

  test("the contact's owner, in any case, is refused as the new owner", () => {
    expect(thrown(() => planHandoff(ANN, "REP@acme.test", "", CONTEXT))).toEqual(
      refused("Ann Lee is already owned by rep@acme.test."),
    );
  });

  test("a long note is refused, naming it", () => {
    const note = "x".repeat(MAX_NOTE_LENGTH + 1);
    expect(thrown(() => planHandoff(ANN, SAM, note, CONTEXT))).toEqual(
      refused("Note for the new owner is 5001 characters long; keep it under 5000."),
    );
  });
});

describe("planCover: cover for a teammate", () => {
  const owned = (id: string, owner: string, due: Date | null) => ({
    contact: contact({ id, name: `Contact ${id}`, owner }),
    due,
  });
  const TEAM = [
    owned("C-1", REP, at("2026-03-05")), // already overdue on From: moves
    owned("C-2", REP, at("2026-03-14")), // after To: stays
    owned("C-3", REP, at("2026-03-13 23:30")), // late on To: moves
    owned("C-4", SAM, at("2026-03-10")), // not the absent owner's
    owned("C-5", REP, null), // nothing due
    owned("", REP, at("2026-03-10")), // no ID yet
  ];
  const cover = (fields: Partial<CoverInput> = {}): CoverInput => ({
    absentOwner: " Rep@Acme.test",
    coveringOwner: "sam@acme.test ",
    from: "2026-03-09",
    to: "2026-03-13",
    note: "",
    ...fields,
  });

  test("every contact of the absent owner due by To moves, one Handoff each", () => {
    const plan = planCover(TEAM, cover(), CONTEXT);
    expect(
      plan.changes.map(({ contact: c, change }) => [c.id, change.touches[0]?.touchId]),
    ).toEqual([
      ["C-1", "T-0000042"],
      ["C-3", "T-0000043"],
    ]);
    expect(plan.changes[0]?.change.touches[0]?.notes).toBe(
      "Handoff rep@acme.test → sam@acme.test: Covering for rep@acme.test until 2026-03-13.",
    );
    expect(plan.changes[0]?.change.cells.get(CONTACT.owner)).toBe(SAM);
    expect(plan.message).toBe(
      "Moved 2 contacts due 2026-03-09 – 2026-03-13 from rep@acme.test to sam@acme.test.",
    );
  });

  test("the person's note goes on every Handoff; one contact is said in the singular", () => {
    const plan = planCover(TEAM.slice(0, 2), cover({ note: "Back on the 16th" }), CONTEXT);
    expect([plan.changes.map((c) => c.change.touches[0]?.notes), plan.message]).toEqual([
      ["Handoff rep@acme.test → sam@acme.test: Back on the 16th"],
      "Moved 1 contact due 2026-03-09 – 2026-03-13 from rep@acme.test to sam@acme.test.",
    ]);
  });

  test("a one-day cover works; nothing due says so", () => {
    const plan = planCover(TEAM.slice(1), cover({ from: "2026-03-09", to: "2026-03-09" }), CONTEXT);
    expect(plan).toEqual({
      changes: [],
      message: "rep@acme.test has no contacts due by 2026-03-09: nothing to move.",
    });
  });

  test("bad owners, dates or note are refused, naming the field", () => {
    const attempt = (fields: Partial<CoverInput>) =>
      thrown(() => planCover(TEAM, cover(fields), CONTEXT));
    expect(attempt({ absentOwner: "rep" })).toEqual(
      refused(`Absent owner "rep" is not an email address.`),
    );
    expect(attempt({ coveringOwner: "sam" })).toEqual(
      refused(`Covering owner "sam" is not an email address.`),
    );
    expect(attempt({ coveringOwner: "REP@acme.test" })).toEqual(
      refused("Pick a covering owner other than the absent one."),
    );
    expect(attempt({ from: "monday" })).toEqual(
      refused(`From "monday" is not a date; pick one like 2026-11-24.`),
    );
    expect(attempt({ to: "friday" })).toEqual(
      refused(`To "friday" is not a date; pick one like 2026-11-24.`),
    );
    expect(attempt({ to: "2026-03-08" })).toEqual(
      refused(`"To" (2026-03-08) is before "From" (2026-03-09).`),
    );
    expect(attempt({ note: "x".repeat(MAX_NOTE_LENGTH + 1) })).toEqual(
      refused("Note for the covering owner is 5001 characters long; keep it under 5000."),
    );
  });
});

describe("contactAfter: the contact as it reads once the cells are written", () => {
  test("the changed cells replace the contact's values; the rest stays", () => {
    const change = planLogTouch(
      ANN,
      {
        channel: "Call",
        outcome: "Connected",
        notes: "",
        nextStep: "Send the contract",
        nextFollowUp: "2026-03-10",
        stage: "Negotiation",
      },
      CONTEXT,
    );
    const after: Contact = contactAfter(ANN, change.cells);
    expect(after).toEqual({
      ...ANN,
      stage: "Negotiation",
      nextStep: "Send the contract",
      nextFollowUp: dateOnly("2026-03-10"),
    });
    const handedOff = contactAfter(ANN, planHandoff(ANN, SAM, "", CONTEXT).cells);
    expect([handedOff.owner, handedOff.nextFollowUp]).toEqual([SAM, dateOnly("2026-03-09")]);
  });

  test("a cleared Next Follow-Up is none; a stage word not on the list is none", () => {
    const cleared = new Map<string, Cell>([
      [CONTACT.nextFollowUp, ""],
      [CONTACT.stage, "Someday"],
    ]);
    expect(contactAfter(ANN, cleared)).toEqual({ ...ANN, nextFollowUp: null, stage: null });
  });

  test("no cells: the same contact", () => {
    expect(contactAfter(ANN, new Map())).toBe(ANN);
  });
});
