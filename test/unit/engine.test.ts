// The follow-up rules (DESIGN §2), one table per rule. Times are Europe/Berlin local unless
// a case says otherwise; 2026-03-02 is a Monday.
import { STATUSES, type Status } from "../../src/domain/schema";
import { cadenceNameOfStep } from "../../src/domain/engine";
import type { Touch } from "../../src/domain/types";
import {
  at,
  CADENCES_WITHOUT_ANY,
  cadencesFrom,
  dateOnly,
  inbound,
  run,
  showDue,
  timed,
  touch,
  type Scenario,
} from "./engine-fixtures";

const stageTouch = (local: string, stage: Touch["stage"], fields: Partial<Touch> = {}) =>
  touch(local, { stage, outcome: "Stage Changed", ...fields });
const note = (local: string, fields: Partial<Touch> = {}) =>
  touch(local, { channel: "Note", direction: "Internal", outcome: "Note", ...fields });

describe("rule 1–2: cadence steps (Proposal Sent, days 3, 7, 14, 21)", () => {
  const PROPOSAL_FAST = cadencesFrom([["Proposal fast", "Stage: Proposal Sent", [1, 3]]]);
  test.each<[string, Scenario, string, string, string]>([
    [
      "sent on a Friday: day 3 is Monday",
      {
        contact: { stage: "Proposal Sent" },
        touches: [stageTouch("2026-03-06 10:00", "Proposal Sent")],
        now: "2026-03-06 14:00",
      },
      "2026-03-09",
      "1/4 Proposal",
      "Upcoming",
    ],
    [
      "sent on a Friday, step 1 done Monday: step 2 is start + 7",
      {
        contact: { stage: "Proposal Sent" },
        touches: [stageTouch("2026-03-06 10:00", "Proposal Sent"), touch("2026-03-09 11:00")],
        now: "2026-03-10 09:00",
      },
      "2026-03-13",
      "2/4 Proposal",
      "Upcoming",
    ],
    [
      "sent on a Friday with a day-1 step: Saturday moves to Monday",
      {
        contact: { stage: "Proposal Sent" },
        touches: [stageTouch("2026-03-06 10:00", "Proposal Sent")],
        cadences: PROPOSAL_FAST,
        now: "2026-03-06 14:00",
      },
      "2026-03-09",
      "1/2 Proposal fast",
      "Upcoming",
    ],
    [
      "sent on a Friday with a day-1 step, Skip weekends No: Saturday",
      {
        contact: { stage: "Proposal Sent" },
        touches: [stageTouch("2026-03-06 10:00", "Proposal Sent")],
        cadences: PROPOSAL_FAST,
        settings: { skipWeekends: false },
        now: "2026-03-06 14:00",
      },
      "2026-03-07",
      "1/2 Proposal fast",
      "Upcoming",
    ],
    [
      "sent on a Wednesday: day 3 is Saturday → Monday",
      {
        contact: { stage: "Proposal Sent" },
        touches: [stageTouch("2026-03-04 10:00", "Proposal Sent")],
        now: "2026-03-04 14:00",
      },
      "2026-03-09",
      "1/4 Proposal",
      "Upcoming",
    ],
    [
      "a step done late pushes the next one to the day after it",
      {
        contact: { stage: "Proposal Sent" },
        touches: [stageTouch("2026-03-02 10:00", "Proposal Sent"), touch("2026-03-10 10:00")],
        now: "2026-03-10 12:00",
      },
      "2026-03-11",
      "2/4 Proposal",
      "Upcoming",
    ],
    [
      "a step not done on its day is Overdue",
      {
        contact: { stage: "Proposal Sent" },
        touches: [stageTouch("2026-03-02 10:00", "Proposal Sent")],
        now: "2026-03-06 09:00",
      },
      "2026-03-05",
      "1/4 Proposal",
      "Overdue",
    ],
  ])("%s", (_label, scenario, due, step, status) => {
    const result = run(scenario);
    expect(showDue(result)).toBe(due);
    expect(result.step).toBe(step);
    expect(result.status).toBe(status);
    expect(result.dueStep?.step.step).toBe(Number(step.split("/")[0]));
  });

  test("the touch that started the cadence is not one of its steps; internal notes are not steps", () => {
    const result = run({
      contact: { stage: "Proposal Sent" },
      touches: [stageTouch("2026-03-02 10:00", "Proposal Sent"), note("2026-03-03 10:00")],
      now: "2026-03-03 12:00",
    });
    expect(result.step).toBe("1/4 Proposal");
    expect(result.touches).toBe(1);
    expect(result.lastOutcome).toBe("Note");
  });

  test("dueStep carries the idempotency key: contact, cadence, step, repeat, start", () => {
    const result = run({
      contact: { id: "C-000042", stage: "Proposal Sent" },
      touches: [stageTouch("2026-03-02 10:00", "Proposal Sent", { contactId: "C-000042" })],
      now: "2026-03-02 12:00",
    });
    expect(result.dueStep).toMatchObject({ cadence: "Proposal", repeat: 0 });
    expect(result.dueStep?.key).toBe(
      `C-000042|Proposal|1|0|${at("2026-03-02 10:00").toISOString()}`,
    );
    expect(result.cadenceStart).toEqual(at("2026-03-02 10:00"));
  });
});

describe("rule 1: cadence start", () => {
  test.each<[string, Scenario, string, Date | "now", string]>([
    [
      "stage Qualified → Proposal Sent with a Stage touch: the touch starts the new cadence",
      {
        contact: {
          stage: "Proposal Sent",
          previousStep: "2/2 Qualify",
          previousCadenceStart: at("2026-02-23 10:00"),
        },
        touches: [
          note("2026-02-23 10:00", { stage: "Qualified" }),
          touch("2026-02-24 10:00"),
          touch("2026-02-25 10:00"),
          stageTouch("2026-03-02 10:00", "Proposal Sent"),
        ],
        now: "2026-03-02 12:00",
      },
      "Proposal",
      at("2026-03-02 10:00"),
      "2026-03-05",
    ],
    [
      "stage typed into the cell without a touch: the refresh that notices starts it",
      {
        contact: {
          stage: "Proposal Sent",
          previousStep: "2/2 Qualify",
          previousCadenceStart: at("2026-02-23 10:00"),
        },
        touches: [note("2026-02-23 10:00", { stage: "Qualified" }), touch("2026-02-24 10:00")],
        now: "2026-03-02 12:00",
      },
      "Proposal",
      "now",
      "2026-03-05",
    ],
    [
      "tier Warm → Hot by hand: the old start is kept; 3 touches done, Hot's step 4 (day 4) is " +
        "due no earlier than the day after the last touch",
      {
        contact: {
          tier: "Hot",
          previousStep: "3/4 Warm",
          previousCadenceStart: at("2026-02-02 09:00"),
        },
        touches: [touch("2026-02-02 10:00"), touch("2026-02-05 10:00"), touch("2026-02-09 10:00")],
        now: "2026-03-03 10:00",
      },
      "Hot lead",
      at("2026-02-02 09:00"),
      "2026-02-10",
    ],
    [
      "tier Hot → Cold by hand, nothing sent yet: Cold's step 1 from the old start",
      {
        contact: {
          stage: "Meeting Completed",
          tier: "Cold",
          previousStep: "1/8 Hot lead",
          previousCadenceStart: at("2026-03-02 09:00"),
        },
        now: "2026-03-03 10:00",
      },
      "Cold",
      at("2026-03-02 09:00"),
      "2026-03-02",
    ],
    [
      "no tier (Any rule) → Warm by hand: only the tier changed, the start is kept",
      {
        contact: {
          tier: "Warm",
          previousStep: "2/5 Outreach",
          previousCadenceStart: at("2026-02-23 09:00"),
        },
        touches: [touch("2026-02-23 10:00")],
        now: "2026-03-03 10:00",
      },
      "Warm",
      at("2026-02-23 09:00"),
      "2026-02-26",
    ],
    [
      "a Cadence cell naming another cadence still restarts: start = now",
      {
        contact: {
          tier: "Warm",
          cadenceName: "Cold",
          previousStep: "3/4 Warm",
          previousCadenceStart: at("2026-02-02 09:00"),
        },
        touches: [touch("2026-02-02 10:00"), touch("2026-02-05 10:00")],
        now: "2026-03-03 10:00",
      },
      "Cold",
      "now",
      "2026-03-03",
    ],
    [
      "a stage change to a stage without a cadence of its own (Proposal → tier Warm) restarts",
      {
        contact: {
          stage: "Meeting Completed",
          tier: "Warm",
          previousStep: "2/4 Proposal",
          previousCadenceStart: at("2026-02-02 09:00"),
        },
        touches: [touch("2026-02-02 10:00"), touch("2026-02-05 10:00")],
        now: "2026-03-03 10:00",
      },
      "Warm",
      "now",
      "2026-03-03",
    ],
    [
      "same cadence as last refresh: the kept start stays",
      {
        contact: {
          tier: "Hot",
          previousStep: "1/8 Hot lead",
          previousCadenceStart: at("2026-03-02 09:00"),
        },
        touches: [touch("2026-03-02 10:00")],
        now: "2026-03-02 12:00",
      },
      "Hot lead",
      at("2026-03-02 09:00"),
      "2026-03-03",
    ],
    [
      "the first cadence starts at Created",
      {
        contact: { tier: "Warm", created: at("2026-03-02 09:00") },
        touches: [touch("2026-03-02 10:00")],
        now: "2026-03-02 12:00",
      },
      "Warm",
      at("2026-03-02 09:00"),
      "2026-03-05",
    ],
    [
      "the first cadence without Created starts at the first touch",
      {
        contact: { tier: "Warm" },
        touches: [note("2026-03-02 08:00"), touch("2026-03-02 10:00")],
        now: "2026-03-02 12:00",
      },
      "Warm",
      at("2026-03-02 08:00"),
      "2026-03-05",
    ],
    [
      "an explicit Cadence cell on a never-computed row counts as the first cadence",
      {
        contact: {
          stage: "Qualified",
          tier: "Hot",
          cadenceName: "warm",
          created: at("2026-03-02 09:00"),
        },
        now: "2026-03-02 12:00",
      },
      "Warm",
      at("2026-03-02 09:00"),
      "2026-03-02",
    ],
  ])("%s", (_label, scenario, cadence, start, due) => {
    const result = run(scenario);
    expect(result.cadence).toBe(cadence);
    expect(result.cadenceStart).toEqual(start === "now" ? at(scenario.now as string) : start);
    expect(showDue(result)).toBe(due);
  });
});

describe("rule 3: an explicit Next Follow-Up overrides the cadence date", () => {
  // Proposal sent Monday 10:00 → cadence step 1 due Thursday 2026-03-05.
  const base = (fields: Scenario["contact"] = {}, touches: Touch[] = []): Scenario => ({
    contact: { stage: "Proposal Sent", ...fields },
    touches: [stageTouch("2026-03-02 10:00", "Proposal Sent"), ...touches],
    now: "2026-03-02 12:00",
  });
  test.each<[string, Scenario, string, string, boolean]>([
    ["none: the cadence date", base(), "2026-03-05", "Upcoming", true],
    [
      "earlier than the cadence",
      base({ nextFollowUp: dateOnly("2026-03-03") }),
      "2026-03-03",
      "Upcoming",
      false,
    ],
    [
      "later than the cadence",
      base({ nextFollowUp: dateOnly("2026-03-12") }),
      "2026-03-12",
      "Upcoming",
      false,
    ],
    [
      "with a time, kept",
      base({ nextFollowUp: timed("2026-03-10 14:30") }),
      "2026-03-10 14:30",
      "Upcoming",
      false,
    ],
    [
      "later today, at a time already past",
      base({ nextFollowUp: timed("2026-03-02 11:00") }),
      "2026-03-02 11:00",
      "Overdue",
      false,
    ],
    [
      "on the last touch's day (date only): stale, ignored",
      base({ nextFollowUp: dateOnly("2026-03-02") }),
      "2026-03-05",
      "Upcoming",
      true,
    ],
    [
      "before the last touch: stale, ignored",
      base({ nextFollowUp: dateOnly("2026-02-27") }),
      "2026-03-05",
      "Upcoming",
      true,
    ],
    [
      "on the cadence step's own day: the step stays due",
      base({ nextFollowUp: dateOnly("2026-03-05") }),
      "2026-03-05",
      "Upcoming",
      true,
    ],
    [
      "on a Saturday: Monday",
      base({ nextFollowUp: dateOnly("2026-03-07") }),
      "2026-03-09",
      "Upcoming",
      false,
    ],
    [
      "blank on the contact: the latest touch's own Next Follow-Up",
      base({}, [note("2026-03-02 11:00", { nextFollowUp: dateOnly("2026-03-04") })]),
      "2026-03-04",
      "Upcoming",
      false,
    ],
    [
      "an automation note after the touch does not clear the touch's Next Follow-Up",
      base({}, [
        note("2026-03-02 11:00", { nextFollowUp: dateOnly("2026-03-04") }),
        note("2026-03-02 11:30", { source: "Automation", outcome: "Tier Changed" }),
      ]),
      "2026-03-04",
      "Upcoming",
      false,
    ],
    [
      "stale on the contact: the latest touch's own Next Follow-Up",
      base({ nextFollowUp: dateOnly("2026-03-01") }, [
        touch("2026-03-02 11:00", { nextFollowUp: dateOnly("2026-03-11") }),
      ]),
      "2026-03-11",
      "Upcoming",
      false,
    ],
  ])("%s", (_label, scenario, due, status, keepsStep) => {
    const result = run(scenario);
    expect(showDue(result)).toBe(due);
    expect(result.status).toBe(status);
    expect(result.dueStep !== null).toBe(keepsStep);
  });
});

describe("rule 4: new lead response time", () => {
  const lead = (
    now: string,
    fields: Scenario["contact"] = {},
    touches: Touch[] = [],
  ): Scenario => ({
    contact: { stage: "New Lead", created: at("2026-03-03 09:00"), ...fields },
    touches,
    now,
  });
  test.each<[string, Scenario, string, Status]>([
    [
      "created 9:00, at 12:59: Due Today",
      lead("2026-03-03 12:59"),
      "2026-03-03 13:00",
      "Due Today",
    ],
    ["created 9:00, at 13:01: Overdue", lead("2026-03-03 13:01"), "2026-03-03 13:00", "Overdue"],
    [
      "blank stage and no touches counts as a new lead",
      lead("2026-03-03 13:01", { stage: null }),
      "2026-03-03 13:00",
      "Overdue",
    ],
    [
      "the response hours setting is used",
      { ...lead("2026-03-03 13:01"), settings: { newLeadResponseHours: 8 } },
      "2026-03-03 17:00",
      "Due Today",
    ],
    [
      "an outbound touch ends the SLA; the cadence takes over",
      lead("2026-03-03 13:01", {}, [touch("2026-03-03 10:00")]),
      "2026-03-05",
      "Upcoming",
    ],
    [
      "created on a Saturday 09:00: due Monday 13:00, Upcoming over the weekend",
      lead("2026-03-07 14:00", { created: at("2026-03-07 09:00") }),
      "2026-03-09 13:00",
      "Upcoming",
    ],
    [
      "rule 9 repro: created on a Saturday 09:00, Monday 12:59: Due Today",
      lead("2026-03-09 12:59", { created: at("2026-03-07 09:00") }),
      "2026-03-09 13:00",
      "Due Today",
    ],
    [
      "rule 9 repro: created on a Saturday 09:00, Monday 13:01: Overdue (not only on Tuesday)",
      lead("2026-03-09 13:01", { created: at("2026-03-07 09:00") }),
      "2026-03-09 13:00",
      "Overdue",
    ],
    [
      "created on a Saturday, Skip weekends No: 13:00 that day",
      {
        ...lead("2026-03-07 14:00", { created: at("2026-03-07 09:00") }),
        settings: { skipWeekends: false },
      },
      "2026-03-07 13:00",
      "Overdue",
    ],
  ])("%s", (_label, scenario, due, status) => {
    const result = run(scenario);
    expect(showDue(result)).toBe(due);
    expect(result.status).toBe(status);
  });

  test("the cadence's day-0 step stays due alongside the SLA", () => {
    const result = run(lead("2026-03-03 10:00"));
    expect(result.cadence).toBe("Outreach");
    expect(result.dueStep?.step.day).toBe(0);
  });
});

describe("rule 5: a reply", () => {
  // A Hot lead created Tuesday 9:00, steps 1 and 2 sent, then the contact replies.
  const hot = { tier: "Hot" as const, created: at("2026-03-03 09:00") };
  const twoSteps = () => [touch("2026-03-03 09:30"), touch("2026-03-04 10:00")];

  test.each<[string, Touch | null, boolean]>([
    ["Replied", inbound("2026-03-04 15:00"), true],
    ["a blank outcome inbound", inbound("2026-03-04 15:00", { outcome: "" }), true],
    ["Bounced is not a reply", inbound("2026-03-04 15:00", { outcome: "Bounced" }), false],
    ["Auto-reply is not a reply", inbound("2026-03-04 15:00", { outcome: "Auto-reply" }), false],
    [
      "AUTO-REPLY in capitals is not a reply",
      inbound("2026-03-04 15:00", { outcome: "AUTO-REPLY" }),
      false,
    ],
    ["an internal note is not a reply", note("2026-03-04 15:00"), false],
  ])("after step 2: %s", (_label, last, replied) => {
    const result = run({
      contact: hot,
      touches: [...twoSteps(), ...(last ? [last] : [])],
      now: "2026-03-04 16:00",
    });
    expect(result.awaitingReply).toBe(replied);
    if (replied) {
      expect(result.status).toBe("Replied");
      expect(showDue(result)).toBe("2026-03-04 19:00");
      expect(result.attempts).toBe(0);
      expect(result.dueStep).toBeNull();
    } else {
      expect(result.status).toBe("Upcoming");
      expect(showDue(result)).toBe("2026-03-05");
      expect(result.attempts).toBe(2);
      expect(result.dueStep?.step.step).toBe(3);
    }
  });

  test("answering the reply resumes the cadence and counts attempts since the reply", () => {
    const result = run({
      contact: hot,
      touches: [...twoSteps(), inbound("2026-03-04 15:00"), touch("2026-03-05 09:00")],
      now: "2026-03-05 10:00",
    });
    expect(result.awaitingReply).toBe(false);
    expect(result.attempts).toBe(1);
    expect(result.touches).toBe(4);
    expect(result.step).toBe("4/8 Hot lead");
    // Day 4 = Saturday 2026-03-07 → Monday.
    expect(showDue(result)).toBe("2026-03-09");
    expect(result.status).toBe("Upcoming");
  });

  test("a reply overrides an explicit follow-up and an unsent draft is not an attempt", () => {
    const result = run({
      contact: { ...hot, nextFollowUp: dateOnly("2026-03-20") },
      touches: [
        ...twoSteps(),
        inbound("2026-03-04 15:00"),
        touch("2026-03-04 15:30", { delivery: "Draft" }),
      ],
      now: "2026-03-04 16:00",
    });
    expect(result.status).toBe("Replied");
    expect(showDue(result)).toBe("2026-03-04 19:00");
    expect(result.attempts).toBe(0);
  });
});

describe("rule 6: nurture", () => {
  // A Cold contact (days 0, 6, 16, 27, 41, 55, 69) with five unanswered outbound touches.
  const fiveAttempts = () => [
    touch("2026-02-02 10:00"),
    touch("2026-02-09 10:00"),
    touch("2026-02-18 10:00"),
    touch("2026-03-02 10:00"),
    touch("2026-03-16 10:00"),
  ];
  const cold = { tier: "Cold" as const, created: at("2026-02-02 09:00") };

  test.each<[string, Scenario, string, Status, boolean, string]>([
    // 2026-03-16 + 90 days = Sunday 2026-06-14 → Monday.
    [
      "5 unanswered attempts → Nurture",
      { contact: cold, touches: fiveAttempts(), now: "2026-03-17 10:00" },
      "2026-06-15",
      "Nurture",
      false,
      "Nurture every 90 days (after Cold)",
    ],
    [
      "…and Due Today when the nurture date comes",
      { contact: cold, touches: fiveAttempts(), now: "2026-06-15 08:00" },
      "2026-06-15",
      "Due Today",
      false,
      "Nurture every 90 days (after Cold)",
    ],
    [
      "…and Overdue after it",
      { contact: cold, touches: fiveAttempts(), now: "2026-06-17 08:00" },
      "2026-06-15",
      "Overdue",
      false,
      "Nurture every 90 days (after Cold)",
    ],
    [
      "Max attempts 6: still on the cadence (day 55 = Sunday → Monday)",
      {
        contact: cold,
        touches: fiveAttempts(),
        settings: { maxAttemptsBeforeNurture: 6 },
        now: "2026-03-17 10:00",
      },
      "2026-03-30",
      "Upcoming",
      true,
      "6/7 Cold",
    ],
    [
      "a finished cadence without repeat → Nurture every (days)",
      {
        contact: { tier: "Warm", created: at("2026-03-02 09:00") },
        touches: [
          touch("2026-03-02 10:00"),
          touch("2026-03-05 10:00"),
          inbound("2026-03-06 10:00"),
          touch("2026-03-09 10:00"),
          touch("2026-03-16 10:00"),
        ],
        settings: { nurtureEveryDays: 30 },
        now: "2026-03-17 10:00",
      },
      "2026-04-15",
      "Nurture",
      false,
      "Nurture every 30 days (after Warm)",
    ],
    [
      "stage Nurture uses its cadence and shows Nurture while not due",
      {
        contact: { stage: "Nurture" },
        touches: [stageTouch("2026-03-02 10:00", "Nurture")],
        now: "2026-03-03 10:00",
      },
      // 2026-05-31 is a Sunday.
      "2026-06-01",
      "Nurture",
      true,
      "1/1 Nurture",
    ],
    [
      "tier Dead uses its cadence and shows Nurture while not due",
      {
        contact: { stage: "Meeting Completed", tier: "Dead", created: at("2026-03-02 09:00") },
        now: "2026-03-03 10:00",
      },
      "2026-06-01",
      "Nurture",
      true,
      "1/1 Dead",
    ],
  ])("%s", (_label, scenario, due, status, hasStep, step) => {
    const result = run(scenario);
    expect(showDue(result)).toBe(due);
    expect(result.status).toBe(status);
    expect(result.dueStep !== null).toBe(hasStep);
    // In nurture, Step says so (not "6/7 Cold"); a Nurture/Dead cadence shows its own step.
    expect(result.step).toBe(step);
  });
});

describe("a nurture Step names its cadence, so the next refresh keeps the start", () => {
  test.each([
    ["3/8 Hot lead", "Hot lead"],
    ["Nurture every 90 days (after Hot lead)", "Hot lead"],
    ["Nurture every 1 day (after Cold)", "Cold"],
    ["Nurture every 90 days", ""],
    ["typed by hand", ""],
  ])("%s → %s", (step, name) => {
    expect(cadenceNameOfStep(step)).toBe(name);
  });

  test("a second refresh in nurture keeps the Cold start and the Step", () => {
    const touches = ["02", "09", "18"].map((d) => touch(`2026-02-${d} 10:00`));
    touches.push(touch("2026-03-02 10:00"), touch("2026-03-16 10:00"));
    const result = run({
      contact: {
        tier: "Cold",
        previousStep: "Nurture every 90 days (after Cold)",
        previousCadenceStart: at("2026-02-02 09:00"),
      },
      touches,
      now: "2026-03-20 10:00",
    });
    expect(result.cadenceStart).toEqual(at("2026-02-02 09:00"));
    expect(result.step).toBe("Nurture every 90 days (after Cold)");
  });
});

describe("Won and Lost run their cadence, then close", () => {
  const won = (touches: Touch[], now: string, fields: Scenario["contact"] = {}) =>
    run({
      contact: { stage: "Won", ...fields },
      touches: [note("2026-03-02 10:00", { stage: "Won" }), ...touches],
      now,
    });

  // A deal that is done stays done: a thank-you answering the last check-in is logged in Touches
  // and counted in Metrics, but puts nobody back to work (it is not "Replied").
  test("a reply after a Won deal's last check-in leaves it Closed, with nothing due", () => {
    const result = won(
      [touch("2026-03-09 10:00"), touch("2026-04-01 10:00"), inbound("2026-04-01 15:00")],
      "2026-04-02 10:00",
    );
    expect({ status: result.status, due: showDue(result) }).toEqual({
      status: "Closed",
      due: null,
    });
  });

  test.each<[string, () => ReturnType<typeof run>, string | null, string, Status]>([
    ["check-in on day 7", () => won([], "2026-03-03 10:00"), "2026-03-09", "1/2 Won", "Upcoming"],
    [
      "check-in on day 30",
      () => won([touch("2026-03-09 10:00")], "2026-03-10 10:00"),
      "2026-04-01",
      "2/2 Won",
      "Upcoming",
    ],
    [
      "then Closed",
      () => won([touch("2026-03-09 10:00"), touch("2026-04-01 10:00")], "2026-04-02 10:00"),
      null,
      "2/2 Won",
      "Closed",
    ],
    [
      "Won with no cadence at all is Closed",
      () =>
        run({
          contact: { stage: "Won" },
          cadences: [],
          touches: [touch("2026-03-02 10:00")],
          now: "2026-03-03 10:00",
        }),
      null,
      "",
      "Closed",
    ],
    [
      "Lost: the feedback request, then Closed",
      () =>
        run({
          contact: { stage: "Lost" },
          touches: [stageTouch("2026-03-02 10:00", "Lost"), touch("2026-03-03 10:00")],
          now: "2026-03-04 10:00",
        }),
      null,
      "1/1 Lost",
      "Closed",
    ],
  ])("%s", (_label, compute, due, step, status) => {
    const result = compute();
    expect(showDue(result)).toBe(due);
    expect(result.step).toBe(step);
    expect(result.status).toBe(status);
    if (status === "Closed") expect(result.dueStep).toBeNull();
  });

  test("many unanswered touches before the win do not skip the onboarding check-ins", () => {
    const before = [1, 2, 3, 4, 5, 6].map((d) => touch(`2026-02-0${d} 10:00`));
    const result = run({
      contact: { stage: "Won" },
      touches: [...before, note("2026-03-02 10:00", { stage: "Won" })],
      now: "2026-03-03 10:00",
    });
    expect(result.status).toBe("Upcoming");
    expect(result.step).toBe("1/2 Won");
  });

  test("a closed contact without an owner has no problem; an open one does", () => {
    const closed = won([touch("2026-03-09 10:00"), touch("2026-04-01 10:00")], "2026-04-02 10:00", {
      owner: "",
    });
    expect(closed.problem).toBe("");
    const open = won([], "2026-03-03 10:00", { owner: "" });
    expect(open.problem).toBe("No owner");
  });
});

describe("rule 7: no cadence → check-in", () => {
  test.each<[string, Scenario, string]>([
    [
      "after the last touch",
      {
        contact: { stage: "Meeting Completed" },
        touches: [touch("2026-03-02 10:00")],
        now: "2026-03-03 10:00",
      },
      "2026-03-09",
    ],
    [
      "after Created without touches",
      {
        contact: { stage: "Meeting Completed", created: at("2026-03-02 09:00") },
        now: "2026-03-03 10:00",
      },
      "2026-03-09",
    ],
    [
      "Check-in after (days) is used",
      {
        contact: { stage: "Meeting Completed" },
        touches: [touch("2026-03-02 10:00")],
        settings: { checkInAfterDays: 3 },
        now: "2026-03-03 10:00",
      },
      "2026-03-05",
    ],
  ])("%s", (_label, scenario, due) => {
    const result = run({ cadences: CADENCES_WITHOUT_ANY, ...scenario });
    expect(showDue(result)).toBe(due);
    expect(result.step).toBe("");
    expect(result.cadence).toBe("");
    expect(result.cadenceStart).toBeNull();
    expect(result.dueStep).toBeNull();
  });
});

describe("rule 8: renewal", () => {
  // Won and finished (Closed) by 2026-02-01.
  const customer = [
    note("2026-01-02 10:00", { stage: "Won" }),
    touch("2026-01-09 10:00"),
    touch("2026-02-01 10:00"),
  ];
  test.each<[string, Scenario, string | null, Status]>([
    [
      "a renewal 100 days out with 90 days lead → due in 10 days",
      {
        contact: { stage: "Won", renewalDate: at("2026-06-10") },
        touches: customer,
        now: "2026-03-02 10:00",
      },
      "2026-03-12",
      "Upcoming",
    ],
    [
      "the window has started with no touch → Overdue",
      {
        contact: { stage: "Won", renewalDate: at("2026-06-01") },
        touches: customer,
        now: "2026-03-05 10:00",
      },
      "2026-03-03",
      "Overdue",
    ],
    [
      "a touch inside the window ends it → Closed again",
      {
        contact: { stage: "Won", renewalDate: at("2026-06-10") },
        touches: [...customer, touch("2026-03-12 10:00")],
        now: "2026-03-13 10:00",
      },
      null,
      "Closed",
    ],
    [
      "an open contact due later is due at the window start",
      {
        contact: {
          stage: "Negotiation",
          renewalDate: at("2026-06-10"),
          nextFollowUp: dateOnly("2026-04-01"),
        },
        touches: [stageTouch("2026-03-02 09:00", "Negotiation")],
        now: "2026-03-02 10:00",
      },
      "2026-03-12",
      "Upcoming",
    ],
    [
      "an open contact due sooner keeps its date",
      {
        contact: { stage: "Negotiation", renewalDate: at("2026-06-10") },
        touches: [stageTouch("2026-03-02 09:00", "Negotiation")],
        now: "2026-03-02 10:00",
      },
      "2026-03-04",
      "Upcoming",
    ],
  ])("%s", (_label, scenario, due, status) => {
    const result = run(scenario);
    expect(showDue(result)).toBe(due);
    expect(result.status).toBe(status);
  });
});

describe("Negotiation repeats every 2 days", () => {
  const start = stageTouch("2026-03-02 10:00", "Negotiation", { outcome: "Sent" });
  test.each<[number, Touch[], string, string, number]>([
    [0, [], "2026-03-02 12:00", "2026-03-04", 0],
    [1, [touch("2026-03-04 10:00")], "2026-03-04 12:00", "2026-03-06", 1],
    // 2026-03-08 is a Sunday → Monday.
    [
      2,
      [touch("2026-03-04 10:00"), touch("2026-03-06 10:00")],
      "2026-03-06 12:00",
      "2026-03-09",
      2,
    ],
  ])("after %i repeats", (_n, touches, now, due, repeat) => {
    const result = run({ contact: { stage: "Negotiation" }, touches: [start, ...touches], now });
    expect(showDue(result)).toBe(due);
    expect(result.step).toBe("1/1 Negotiation");
    expect(result.dueStep?.repeat).toBe(repeat);
    expect(result.dueStep?.key).toBe(
      `C-1|Negotiation|1|${repeat}|${at("2026-03-02 10:00").toISOString()}`,
    );
  });

  test("unanswered repeats still end in nurture at Max attempts", () => {
    const repeats = ["04", "06", "09", "11"].map((d) => touch(`2026-03-${d} 10:00`));
    const result = run({
      contact: { stage: "Negotiation" },
      touches: [start, ...repeats],
      now: "2026-03-11 12:00",
    });
    expect(result.attempts).toBe(5);
    expect(result.status).toBe("Nurture");
    expect(result.dueStep).toBeNull();
  });
});

describe("rule 10: tier decay", () => {
  const darkHot = (now: string, settings: Scenario["settings"] = {}): Scenario => ({
    contact: {
      tier: "Hot",
      previousStep: "4/8 Hot lead",
      previousCadenceStart: at("2026-01-26 09:00"),
    },
    touches: ["26", "27", "28", "31"].map((d) => touch(`2026-01-${d} 10:00`)),
    settings,
    now,
  });

  // Rule 1 (changed): the decay keeps the contact's place, never the Warm introduction again.
  const threeTouchesHot = (previousStep: string, created: Date | null = null): Scenario => ({
    contact: {
      tier: "Hot",
      created,
      previousStep,
      previousCadenceStart: previousStep === "" ? null : at("2026-01-26 09:00"),
    },
    touches: ["26 10:00", "27 10:00", "30 10:00"].map((d) => touch(`2026-01-${d}`)),
    now: "2026-03-02 10:00", // 31 days after the last touch
  });

  test.each<[string, Scenario]>([
    [
      "3 touches on Hot, 31 days dark: step 4 of Warm from the old start",
      threeTouchesHot("4/8 Hot lead"),
    ],
    [
      "the same on the first refresh ever: the first cadence's start (Created) is kept",
      threeTouchesHot("", at("2026-01-26 09:00")),
    ],
  ])("rule 1 repro: %s", (_label, scenario) => {
    const result = run(scenario);
    expect(result.tierChange).toBe("Warm");
    expect(result.cadence).toBe("Warm");
    expect(result.cadenceStart).toEqual(at("2026-01-26 09:00"));
    // Warm's step 4 is day 14: 2026-01-26 + 14 = 2026-02-09 (after the day after the last touch).
    expect({ step: result.step, due: showDue(result), status: result.status }).toEqual({
      step: "4/4 Warm",
      due: "2026-02-09",
      status: "Overdue",
    });
    expect(result.dueStep?.key).toBe(`C-1|Warm|4|0|${at("2026-01-26 09:00").toISOString()}`);
  });

  test("the decayed cadence's step is never due before the day after the last outbound touch", () => {
    const scenario = threeTouchesHot("4/8 Hot lead");
    const touches = [
      touch("2026-01-26 10:00"),
      touch("2026-01-27 10:00"),
      touch("2026-02-18 10:00"),
    ];
    const result = run({ ...scenario, touches, now: "2026-03-21 10:00" });
    expect(result.tierChange).toBe("Warm");
    expect({ step: result.step, due: showDue(result) }).toEqual({
      step: "4/4 Warm",
      due: "2026-02-19",
    });
  });

  test.each<[string, Scenario, string]>([
    ["29 days dark: still Hot", darkHot("2026-03-01 10:00"), "5/8 Hot lead"],
    [
      "Auto-adjust tier No: no change",
      darkHot("2026-03-02 10:00", { autoAdjustTier: false }),
      "5/8 Hot lead",
    ],
    [
      "Hot goes warm after 60: still Hot",
      darkHot("2026-03-02 10:00", { hotGoesWarmAfterDays: 60 }),
      "5/8 Hot lead",
    ],
  ])("%s", (_label, scenario, step) => {
    const result = run(scenario);
    expect(result.tierChange).toBeNull();
    expect(result.cadence).toBe("Hot lead");
    expect(result.step).toBe(step);
    expect(result.status).toBe("Overdue");
  });

  test("with no touch, Created is the reference", () => {
    const result = run({
      contact: { tier: "Hot", stage: "Qualified", created: at("2026-01-30 09:00") },
      now: "2026-03-02 10:00",
    });
    expect(result.tierChange).toBe("Warm");
    // Chosen by stage: the tier change does not move the Qualify cadence.
    expect(result.cadence).toBe("Qualify");
  });
});

describe("rule 11: stale", () => {
  test.each<[string, Scenario["contact"], string, boolean]>([
    ["open deal, 14 days without a touch", { stage: "Qualified" }, "2026-03-16 10:00", true],
    ["open deal, 13 days", { stage: "Qualified" }, "2026-03-15 10:00", false],
    ["Won is not open", { stage: "Won" }, "2026-03-30 10:00", false],
    ["Nurture is not open", { stage: "Nurture" }, "2026-03-30 10:00", false],
    ["no stage", { stage: null }, "2026-03-30 10:00", false],
    ["paused", { stage: "Qualified", paused: true }, "2026-03-30 10:00", false],
  ])("%s", (_label, contact, now, stale) => {
    expect(run({ contact, touches: [touch("2026-03-02 10:00")], now }).stale).toBe(stale);
  });

  test("from Created when there is no touch", () => {
    expect(
      run({
        contact: { stage: "Qualified", created: at("2026-03-02 09:00") },
        now: "2026-03-16 10:00",
      }).stale,
    ).toBe(true);
  });
});

describe("statuses", () => {
  const cases: [Status, Scenario][] = [
    [
      "Replied",
      {
        contact: { tier: "Warm" },
        touches: [touch("2026-03-02 10:00"), inbound("2026-03-02 11:00")],
        now: "2026-03-02 12:00",
      },
    ],
    [
      "Overdue",
      {
        contact: { stage: "Proposal Sent" },
        touches: [stageTouch("2026-03-02 10:00", "Proposal Sent")],
        now: "2026-03-06 12:00",
      },
    ],
    [
      "Due Today",
      {
        contact: { stage: "Proposal Sent" },
        touches: [stageTouch("2026-03-02 10:00", "Proposal Sent")],
        now: "2026-03-05 12:00",
      },
    ],
    [
      "Upcoming",
      {
        contact: { stage: "Proposal Sent" },
        touches: [stageTouch("2026-03-02 10:00", "Proposal Sent")],
        now: "2026-03-02 12:00",
      },
    ],
    [
      "Nurture",
      {
        contact: { stage: "Nurture" },
        touches: [stageTouch("2026-03-02 10:00", "Nurture")],
        now: "2026-03-03 12:00",
      },
    ],
    [
      "Paused",
      {
        contact: { stage: "Proposal Sent", paused: true },
        touches: [stageTouch("2026-03-02 10:00", "Proposal Sent")],
        now: "2026-03-06 12:00",
      },
    ],
    [
      "Opted Out",
      {
        contact: { stage: "Proposal Sent", paused: true, optedOut: true },
        touches: [stageTouch("2026-03-02 10:00", "Proposal Sent")],
        now: "2026-03-06 12:00",
      },
    ],
    [
      "Closed",
      {
        contact: { stage: "Lost" },
        touches: [stageTouch("2026-03-02 10:00", "Lost"), touch("2026-03-03 10:00")],
        now: "2026-03-04 12:00",
      },
    ],
  ];

  test.each(cases)("%s is reachable", (status, scenario) => {
    expect(run(scenario).status).toBe(status);
  });

  test("the cases above cover every status word", () => {
    expect(new Set(cases.map(([s]) => s))).toEqual(new Set(STATUSES));
  });

  test.each<[string, Scenario["contact"]]>([
    ["Paused", { paused: true }],
    ["Opted Out", { optedOut: true }],
    ["Opted Out", { optedOut: true, paused: true }],
  ])("%s: no due, no step due, no owner problem, but state is kept", (status, fields) => {
    const result = run({
      contact: { stage: "Proposal Sent", owner: "", ...fields },
      touches: [stageTouch("2026-03-02 10:00", "Proposal Sent"), inbound("2026-03-03 10:00")],
      now: "2026-03-06 12:00",
    });
    expect(result.status).toBe(status);
    expect(result.due).toBeNull();
    expect(result.dueStep).toBeNull();
    expect(result.problem).toBe("");
    expect(result.step).toBe("1/4 Proposal");
    expect(result.cadenceStart).toEqual(at("2026-03-02 10:00"));
  });
});

describe("touch summary columns", () => {
  test("last touch, days since, touches, last outcome", () => {
    const result = run({
      contact: { tier: "Warm" },
      touches: [
        touch("2026-03-02 10:00", { channel: "Call", outcome: "No Answer" }),
        inbound("2026-03-03 10:00", { outcome: "Connected" }),
        note("2026-03-04 10:00", { outcome: "Handoff" }),
      ],
      now: "2026-03-09 08:00",
    });
    expect(result.lastTouch).toEqual(at("2026-03-03 10:00"));
    expect(result.daysSinceTouch).toBe(6);
    expect(result.touches).toBe(2);
    expect(result.lastOutcome).toBe("Handoff");
  });

  test("no touches", () => {
    const result = run({
      contact: { tier: "Warm", created: at("2026-03-02 09:00") },
      now: "2026-03-02 10:00",
    });
    expect(result).toMatchObject({
      lastTouch: null,
      daysSinceTouch: null,
      touches: 0,
      attempts: 0,
      lastOutcome: "",
    });
  });
});

describe("problems", () => {
  test("row problems and engine problems are joined, and the row is still computed", () => {
    const result = run({
      contact: {
        tier: "Warm",
        owner: "",
        cadenceName: "Hott",
        problems: ["Email looks invalid", 'Deal Value "abc" is not a number'],
      },
      touches: [touch("2026-03-02 10:00")],
      now: "2026-03-02 12:00",
    });
    expect(result.problem).toBe(
      'Email looks invalid; Deal Value "abc" is not a number; Unknown cadence "Hott"; No owner',
    );
    expect(result.cadence).toBe("Warm");
    // Day 0 of Warm, but never before the day after the last outbound touch.
    expect(showDue(result)).toBe("2026-03-03");
  });
});

describe("fail safe on data (issue 7)", () => {
  // A Hot lead created Monday 09:00 (days 0, 1, 2, …); step 1 sent at 10:00, then one more touch.
  const hot = { tier: "Hot" as const, created: at("2026-03-02 09:00") };
  test.each<[string, Touch["direction"], string, number, number, boolean]>([
    ["Outbound is an attempt", "Outbound", "3/8 Hot lead", 2, 2, false],
    ["Inbound is a reply", "Inbound", "2/8 Hot lead", 0, 2, true],
    ["an unknown Direction is neither an attempt nor a reply", null, "2/8 Hot lead", 1, 1, false],
  ])("%s", (_label, direction, step, attempts, touches, awaitingReply) => {
    const result = run({
      contact: hot,
      touches: [touch("2026-03-02 10:00"), touch("2026-03-03 10:00", { direction })],
      now: "2026-03-03 12:00",
    });
    expect({
      step: result.step,
      attempts: result.attempts,
      touches: result.touches,
      awaitingReply: result.awaitingReply,
    }).toEqual({ step, attempts, touches, awaitingReply });
  });

  // A Warm contact (days 0, 3, 7, 14) sent step 1 on Monday; a touch typed with a wrong year.
  const warm = { tier: "Warm" as const, created: at("2026-03-02 09:00") };
  test.each<[string, Partial<Touch>, string, string, string]>([
    [
      "an outbound touch dated 2062",
      { touchId: "T-0000042", rowNumber: 7 },
      "2062-03-02 10:00",
      "2026-03-05",
      "Touches row 7 (T-0000042): Timestamp Thu 2 Mar 2062 is more than a year ahead; " +
        "not used for scheduling",
    ],
    [
      "an inbound touch dated 2062, without a Touch ID",
      { touchId: "", rowNumber: 9, direction: "Inbound", outcome: "Replied" },
      "2062-03-02 10:00",
      "2026-03-05",
      "Touches row 9: Timestamp Thu 2 Mar 2062 is more than a year ahead; not used for scheduling",
    ],
    [
      "a touch less than a year ahead is used (the cadence waits for the day after it)",
      { rowNumber: 8 },
      "2027-03-01 10:00",
      "2027-03-02",
      "",
    ],
  ])("%s", (_label, fields, when, due, problem) => {
    const result = run({
      contact: warm,
      touches: [touch("2026-03-02 10:00"), touch(when, fields)],
      now: "2026-03-03 10:00",
    });
    expect({ due: showDue(result), problem: result.problem }).toEqual({ due, problem });
    if (problem !== "") {
      expect({
        status: result.status,
        lastTouch: result.lastTouch,
        touches: result.touches,
      }).toEqual({
        status: "Upcoming",
        lastTouch: at("2026-03-02 10:00"),
        touches: 1,
      });
    }
  });
});
