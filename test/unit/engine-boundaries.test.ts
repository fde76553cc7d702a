// Engine rules 1–8 at their edges (DESIGN §2, Europe/Berlin, March 2026: the 2nd is a Monday):
// where a cadence starts, when an agreed date wins, how nurture and the new-lead SLA are dated,
// and where a renewal window begins. Each case pins one boundary the main tests leave open.
import { summarizeTouches } from "../../src/domain/engine";
import { at, cadencesFrom, dateOnly, inbound, run, showDue, timed, touch } from "./engine-fixtures";

describe("who answered a reply (rule 5)", () => {
  test("a meeting booked after the reply is not an answer: the reply still waits", () => {
    const facts = summarizeTouches([
      touch("2026-03-02 10:00"),
      inbound("2026-03-02 11:00"),
      touch("2026-03-02 12:00", { channel: "Meeting", outcome: "Scheduled" }),
    ]);
    expect(facts.awaitingReply).toBe(true);
  });

  test("an email after a held meeting answers the reply that came between them", () => {
    const facts = summarizeTouches([
      touch("2026-03-02 10:00", { channel: "Meeting", outcome: "Completed" }),
      inbound("2026-03-02 11:00"),
      touch("2026-03-02 12:00"),
    ]);
    expect(facts.awaitingReply).toBe(false);
  });
});

describe("rule 1: the cadence start", () => {
  test("a tier cadence ignores a touch logged with the contact's stage: the start stays Created", () => {
    const result = run({
      contact: { tier: "Hot", stage: "Meeting Completed", created: at("2026-03-02 09:00") },
      touches: [touch("2026-03-04 10:00", { stage: "Meeting Completed" })],
      now: "2026-03-05 10:00",
    });
    expect(result.cadence).toBe("Hot lead");
    expect(result.cadenceStart).toEqual(at("2026-03-02 09:00"));
  });

  test("a stage cadence starts at the LATEST touch logged with the stage", () => {
    const result = run({
      contact: { stage: "Proposal Sent", created: at("2026-03-02 09:00") },
      touches: [
        touch("2026-03-02 10:00", { stage: "Proposal Sent" }),
        touch("2026-03-09 10:00", { stage: "Proposal Sent" }),
      ],
      now: "2026-03-10 10:00",
    });
    expect(result.cadenceStart).toEqual(at("2026-03-09 10:00"));
  });

  test("a Step naming the cadence but no kept start: the refresh that noticed it starts it", () => {
    const result = run({
      contact: { tier: "Hot", previousStep: "3/8 Hot lead", previousCadenceStart: null },
      now: "2026-03-05 10:00",
    });
    expect(result.cadenceStart).toEqual(at("2026-03-05 10:00"));
  });

  test("the same stage cadence as last refresh keeps its start", () => {
    const result = run({
      contact: {
        stage: "Proposal Sent",
        previousStep: "2/4 Proposal",
        previousCadenceStart: at("2026-03-02 10:00"),
      },
      now: "2026-03-05 10:00",
    });
    expect(result.cadenceStart).toEqual(at("2026-03-02 10:00"));
  });

  test("a Step cell of spaces is blank: the first cadence starts at Created", () => {
    const result = run({
      contact: { tier: "Warm", previousStep: "   ", created: at("2026-03-02 09:00") },
      now: "2026-03-05 10:00",
    });
    expect(result.cadenceStart).toEqual(at("2026-03-02 09:00"));
  });
});

describe("rule 3: an agreed Next Follow-Up", () => {
  test("with no touch at all, the contact's Next Follow-Up is the due", () => {
    const result = run({
      contact: {
        tier: "Warm",
        created: at("2026-03-02 09:00"),
        nextFollowUp: dateOnly("2026-03-10"),
      },
      now: "2026-03-05 10:00",
    });
    expect([showDue(result), result.status]).toEqual(["2026-03-10", "Upcoming"]);
  });

  test("a date-time equal to the last touch is not later: the cadence stays due", () => {
    const result = run({
      contact: {
        tier: "Warm",
        created: at("2026-03-03 09:00"),
        nextFollowUp: timed("2026-03-04 10:00"),
      },
      touches: [touch("2026-03-04 10:00")],
      now: "2026-03-04 11:00",
    });
    // Warm step 2 (day 3 after Tuesday the 3rd): Friday the 6th.
    expect(showDue(result)).toBe("2026-03-06");
  });

  test("a calendar date compares by day: one holding 15:00 of the last touch's day is not later", () => {
    const result = run({
      contact: {
        tier: "Warm",
        created: at("2026-03-03 09:00"),
        nextFollowUp: { at: at("2026-03-04 15:00"), hasTime: false },
      },
      touches: [touch("2026-03-04 10:00")],
      now: "2026-03-04 11:00",
    });
    expect(showDue(result)).toBe("2026-03-06");
  });

  test("on the cadence step's day the step stays due; on another day it does not", () => {
    const base = {
      contact: { tier: "Warm" as const, created: at("2026-03-03 09:00") },
      touches: [touch("2026-03-03 09:30")],
      now: "2026-03-04 10:00",
    };
    const sameDay = run({
      ...base,
      contact: { ...base.contact, nextFollowUp: dateOnly("2026-03-06") },
    });
    const otherDay = run({
      ...base,
      contact: { ...base.contact, nextFollowUp: dateOnly("2026-03-09") },
    });
    expect([showDue(sameDay), sameDay.dueStep?.cadence, sameDay.dueStep?.step.step]).toEqual([
      "2026-03-06",
      "Warm",
      2,
    ]);
    expect([showDue(otherDay), otherDay.dueStep]).toEqual(["2026-03-09", null]);
  });

  test("a Lost contact with an agreed date is Upcoming, not Nurture", () => {
    const result = run({
      contact: { stage: "Lost", nextFollowUp: dateOnly("2026-03-10") },
      touches: [touch("2026-03-02 10:00")],
      cadences: [],
      now: "2026-03-05 10:00",
    });
    expect([showDue(result), result.status]).toEqual(["2026-03-10", "Upcoming"]);
  });
});

describe("rule 6: nurture is dated from the last outbound touch", () => {
  const nurture = { nurtureEveryDays: 30, skipWeekends: false };

  test("only a bounce: dated from it, and the Step names no cadence", () => {
    const result = run({
      contact: { stage: "Nurture" },
      touches: [inbound("2026-03-02 10:00", { outcome: "Bounced" })],
      cadences: [],
      settings: nurture,
      now: "2026-03-05 10:00",
    });
    expect([showDue(result), result.status, result.step]).toEqual([
      "2026-04-01",
      "Nurture",
      "Nurture every 30 days",
    ]);
  });

  test("no touch at all: dated from Created", () => {
    const result = run({
      contact: { stage: "Nurture", created: at("2026-03-02 09:00") },
      cadences: [],
      settings: nurture,
      now: "2026-03-05 10:00",
    });
    expect(showDue(result)).toBe("2026-04-01");
  });

  test("a bounce after the last email does not move the nurture date", () => {
    const result = run({
      contact: { stage: "Nurture" },
      touches: [touch("2026-03-02 10:00"), inbound("2026-03-06 10:00", { outcome: "Bounced" })],
      cadences: [],
      settings: nurture,
      now: "2026-03-07 10:00",
    });
    expect(showDue(result)).toBe("2026-04-01");
  });
});

describe("rule 4: the new-lead SLA", () => {
  const sla = { newLeadResponseHours: 4, skipWeekends: false };

  test("a Qualified contact with no touch is not a new lead: its cadence is due", () => {
    const result = run({
      contact: { stage: "Qualified", created: at("2026-03-02 09:00") },
      settings: sla,
      now: "2026-03-02 10:00",
    });
    expect(showDue(result)).toBe("2026-03-03");
  });

  test("no Stage but a note logged: not a new lead, the cadence's first step is due", () => {
    const result = run({
      contact: { tier: "Warm", stage: null, created: at("2026-03-02 09:00") },
      touches: [touch("2026-03-02 09:30", { direction: "Internal", outcome: "Note" })],
      settings: sla,
      now: "2026-03-02 10:00",
    });
    expect(showDue(result)).toBe("2026-03-02");
  });

  test("a New Lead with no Created and no touch is due hours after the refresh", () => {
    const result = run({
      contact: { stage: "New Lead", created: null },
      settings: sla,
      now: "2026-03-02 10:00",
    });
    expect([showDue(result), result.status]).toEqual(["2026-03-02 14:00", "Due Today"]);
  });

  test("a first step due after the SLA's day is not due alongside it", () => {
    const result = run({
      contact: { stage: "New Lead", created: at("2026-03-02 09:00") },
      cadences: cadencesFrom([["Slow", "Any", [3]]]),
      settings: sla,
      now: "2026-03-02 10:00",
    });
    expect([showDue(result), result.dueStep]).toEqual(["2026-03-02 13:00", null]);
  });
});

describe("rule 8: the renewal window", () => {
  const renewal = { renewalLeadTimeDays: 30, checkInAfterDays: 14, skipWeekends: false };

  test("a touch at midnight on the window's first day is inside it", () => {
    const result = run({
      contact: { stage: "Negotiation", renewalDate: at("2026-04-14 00:00") },
      touches: [touch("2026-03-15 00:00")],
      cadences: [],
      settings: renewal,
      now: "2026-03-16 10:00",
    });
    // Check-in 14 days after the touch, not the window's start (15 March).
    expect(showDue(result)).toBe("2026-03-29");
  });

  test("a cadence step due on the window's first day keeps its step", () => {
    const result = run({
      contact: {
        tier: "Warm",
        created: at("2026-03-03 09:00"),
        renewalDate: at("2026-04-05 00:00"),
      },
      touches: [touch("2026-03-03 09:30")],
      settings: renewal,
      now: "2026-03-04 10:00",
    });
    expect([showDue(result), result.dueStep?.cadence, result.dueStep?.step.step]).toEqual([
      "2026-03-06",
      "Warm",
      2,
    ]);
  });
});

describe("touches far ahead", () => {
  test("a touch exactly 366 days ahead is still used; one day more is set aside", () => {
    const now = "2026-03-05 10:00";
    const inYear = run({ touches: [touch("2027-03-06 10:00")], contact: { tier: "Warm" }, now });
    expect([inYear.problem, inYear.lastTouch]).toEqual(["", at("2027-03-06 10:00")]);
    const beyond = run({ touches: [touch("2027-03-07 10:00")], contact: { tier: "Warm" }, now });
    expect(beyond.lastTouch).toBeNull();
  });
});
