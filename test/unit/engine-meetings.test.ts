// Engine rules 12–14 (DESIGN §3 step 3): a meeting held makes the recap due within 24 hours, a No
// Show the next working day, a meeting ahead keeps the contact from Overdue before it; a meeting
// counts as a touch but never as an attempt or a cadence step.
import { upcomingMeeting } from "../../src/domain/engine";
import type { Status } from "../../src/domain/schema";
import type { Touch } from "../../src/domain/types";
import {
  BERLIN,
  at,
  dateOnly,
  inbound,
  run,
  showDue,
  touch,
  type Scenario,
} from "./engine-fixtures";

/** A Meeting touch as Calendar sync writes it (Thread ID keys the event). */
function meeting(
  local: string,
  outcome: string,
  fields: Partial<Touch> & { event?: string; start?: string } = {},
): Touch {
  const { event = "e1", start, ...rest } = fields;
  const startAt = start ? at(start) : at(local);
  return touch(local, {
    channel: "Meeting",
    direction: "Outbound",
    outcome,
    source: "Calendar",
    threadId: `event:${event}@${startAt.toISOString()}`,
    nextFollowUp:
      outcome === "Scheduled" || outcome === "Rescheduled" ? { at: startAt, hasTime: true } : null,
    ...rest,
  });
}

// A Warm contact (Warm: days 0, 3, 7, 14) created Tuesday 3 March 09:00, first email sent then.
const warm = (touches: Touch[], now: string, extra: Partial<Scenario> = {}): Scenario => ({
  contact: { tier: "Warm", stage: null, created: at("2026-03-03 09:00") },
  cadences: undefined,
  touches: [touch("2026-03-03 09:30"), ...touches],
  now,
  ...extra,
});

describe("rules 12–14: meetings set the due", () => {
  test.each<[string, Scenario, string | null, Status]>([
    [
      "12: a meeting completed Thursday 11:00 → recap due Friday 11:00 (Due Today Thursday)",
      warm([meeting("2026-03-05 11:00", "Completed")], "2026-03-05 12:00"),
      "2026-03-06 11:00",
      "Upcoming",
    ],
    [
      "12: … and Overdue once the 24 hours have passed",
      warm([meeting("2026-03-05 11:00", "Completed")], "2026-03-06 11:01"),
      "2026-03-06 11:00",
      "Overdue",
    ],
    [
      "12: at the recap's very minute it is Due Today, not yet Overdue",
      warm([meeting("2026-03-05 11:00", "Completed")], "2026-03-06 11:00"),
      "2026-03-06 11:00",
      "Due Today",
    ],
    [
      "12: an email logged at the meeting's own minute is not the recap",
      warm(
        [meeting("2026-03-05 11:00", "Completed"), touch("2026-03-05 11:00")],
        "2026-03-05 12:00",
      ),
      "2026-03-06 11:00",
      "Upcoming",
    ],
    [
      "12: an email after the meeting is the recap: the cadence takes over again (step 3, day 7)",
      warm(
        [meeting("2026-03-05 11:00", "Completed"), touch("2026-03-05 15:00")],
        "2026-03-05 16:00",
      ),
      "2026-03-10",
      "Upcoming",
    ],
    [
      "12: a completed meeting on Friday 16:00: the recap is due Monday 16:00 (weekend skipped)",
      warm([meeting("2026-03-06 16:00", "Completed")], "2026-03-06 17:00"),
      "2026-03-09 16:00",
      "Upcoming",
    ],
    [
      "13: a No Show Thursday → due Friday (the next working day)",
      warm(
        [meeting("2026-03-05 11:00", "No Show", { source: "Sidebar", threadId: "" })],
        "2026-03-05 12:00",
      ),
      "2026-03-06",
      "Upcoming",
    ],
    [
      "13: a No Show on Friday → due Monday even with Skip weekends No",
      warm(
        [meeting("2026-03-06 11:00", "No Show", { source: "Sidebar", threadId: "" })],
        "2026-03-06 12:00",
        { settings: { skipWeekends: false } },
      ),
      "2026-03-09",
      "Upcoming",
    ],
    [
      "13: a No Show rebooked: the meeting ahead sets the due",
      warm(
        [
          meeting("2026-03-05 11:00", "No Show", { source: "Sidebar", threadId: "" }),
          meeting("2026-03-05 14:00", "Scheduled", { event: "e2", start: "2026-03-12 10:00" }),
        ],
        "2026-03-05 15:00",
      ),
      "2026-03-12",
      "Upcoming",
    ],
    [
      "13: the booking BEFORE a No Show is not a rebooking: due the next day (Tuesday)",
      warm(
        [
          meeting("2026-03-06 10:00", "Scheduled", { start: "2026-03-09 11:00" }),
          meeting("2026-03-09 11:00", "No Show", { start: "2026-03-09 11:00" }),
        ],
        "2026-03-09 12:00",
      ),
      "2026-03-10",
      "Upcoming",
    ],
    [
      "13: a booking logged at the No Show's own minute is not a rebooking either",
      warm(
        [
          meeting("2026-03-09 11:00", "Scheduled", { start: "2026-03-09 11:00" }),
          meeting("2026-03-09 11:00", "No Show", { start: "2026-03-09 11:00" }),
        ],
        "2026-03-09 12:00",
      ),
      "2026-03-10",
      "Upcoming",
    ],
    [
      "13: a No Show Rescheduled for Thursday: the meeting ahead sets the due",
      warm(
        [
          meeting("2026-03-09 11:00", "No Show", { start: "2026-03-09 11:00" }),
          meeting("2026-03-09 12:00", "Rescheduled", { start: "2026-03-12 10:00" }),
        ],
        "2026-03-09 13:00",
      ),
      "2026-03-12",
      "Upcoming",
    ],
    [
      "13: a No Show then canceled is no rebooking: due the next day (Tuesday)",
      warm(
        [
          meeting("2026-03-09 11:00", "No Show", { start: "2026-03-09 11:00" }),
          meeting("2026-03-09 12:00", "Canceled", { start: "2026-03-09 11:00" }),
        ],
        "2026-03-09 13:00",
      ),
      "2026-03-10",
      "Upcoming",
    ],
    [
      "14: cadence step overdue (day 3 was Friday), meeting booked for Wednesday: not Overdue",
      warm(
        [meeting("2026-03-04 10:00", "Scheduled", { start: "2026-03-11 10:00" })],
        "2026-03-09 09:00",
      ),
      "2026-03-11",
      "Upcoming",
    ],
    [
      "14: on the meeting's day it is Due Today, even after its start time",
      warm(
        [meeting("2026-03-04 10:00", "Scheduled", { start: "2026-03-11 10:00" })],
        "2026-03-11 10:30",
      ),
      "2026-03-11",
      "Due Today",
    ],
    [
      "14: a rescheduled meeting counts at its new day",
      warm(
        [
          meeting("2026-03-04 10:00", "Scheduled", { start: "2026-03-11 10:00" }),
          meeting("2026-03-05 10:00", "Rescheduled", { start: "2026-03-13 10:00" }),
        ],
        "2026-03-10 09:00",
      ),
      "2026-03-13",
      "Upcoming",
    ],
    [
      "14: a canceled meeting no longer holds the contact: the cadence step is Overdue",
      warm(
        [
          meeting("2026-03-04 10:00", "Scheduled", { start: "2026-03-11 10:00" }),
          meeting("2026-03-05 10:00", "Canceled", { start: "2026-03-11 10:00" }),
        ],
        "2026-03-10 09:00",
      ),
      "2026-03-06",
      "Overdue",
    ],
    [
      "12 + 14: a recap owed and the next meeting ahead: the recap (earlier) wins",
      warm(
        [
          meeting("2026-03-05 11:00", "Completed"),
          meeting("2026-03-05 11:05", "Scheduled", { event: "e2", start: "2026-03-12 11:00" }),
        ],
        "2026-03-05 12:00",
      ),
      "2026-03-06 11:00",
      "Upcoming",
    ],
    [
      "12 + 13 due the same instant (a midnight meeting, a No Show): the recap's hour counts",
      warm(
        [
          meeting("2026-03-04 00:00", "Completed"),
          meeting("2026-03-04 11:00", "No Show", { event: "e2" }),
        ],
        "2026-03-05 10:00",
      ),
      "2026-03-05 00:00",
      "Overdue",
    ],
    [
      "12 + 13: a recap due Tuesday 11:00 and a No Show due Tuesday: the earlier (the day) wins",
      warm(
        [
          meeting("2026-03-09 11:00", "Completed"),
          meeting("2026-03-09 12:00", "No Show", { event: "e2" }),
        ],
        "2026-03-09 13:00",
      ),
      "2026-03-10",
      "Upcoming",
    ],
    [
      "5 wins: a reply after the meeting was booked is answered first",
      warm(
        [
          meeting("2026-03-04 10:00", "Scheduled", { start: "2026-03-11 10:00" }),
          inbound("2026-03-05 09:00"),
        ],
        "2026-03-05 10:00",
      ),
      "2026-03-05 13:00",
      "Replied",
    ],
  ])("%s", (_label, scenario, due, status) => {
    const result = run(scenario);
    expect({ due: showDue(result), status: result.status }).toEqual({ due, status });
  });
});

describe("a meeting is a touch, not an attempt", () => {
  test.each<[string, Touch[], { touches: number; attempts: number; step: string }]>([
    ["one email", [], { touches: 1, attempts: 1, step: "2/4 Warm" }],
    [
      "one email, a meeting booked and held",
      [
        meeting("2026-03-04 10:00", "Scheduled", { start: "2026-03-05 10:00" }),
        meeting("2026-03-05 11:00", "Completed", { start: "2026-03-05 10:00" }),
      ],
      { touches: 3, attempts: 1, step: "2/4 Warm" },
    ],
  ])("%s", (_label, touches, expected) => {
    const result = run(warm(touches, "2026-03-05 12:00"));
    expect({ touches: result.touches, attempts: result.attempts, step: result.step }).toEqual(
      expected,
    );
  });

  test("Last Touch and staleness follow the meeting; Last Outcome is the meeting's", () => {
    const result = run(
      warm([meeting("2026-03-05 11:00", "Completed")], "2026-03-05 12:00", {
        settings: { staleAfterDays: 1 },
      }),
    );
    expect(result.lastTouch).toEqual(at("2026-03-05 11:00"));
    expect(result.lastOutcome).toBe("Completed");
    expect(result.stale).toBe(false);
  });

  test("a meeting held after a reply answers it (no longer Replied)", () => {
    const result = run(
      warm(
        [inbound("2026-03-04 09:00"), meeting("2026-03-05 11:00", "Completed")],
        "2026-03-05 12:00",
      ),
    );
    expect({ status: result.status, due: showDue(result) }).toEqual({
      status: "Upcoming",
      due: "2026-03-06 11:00",
    });
  });

  test("a meeting typed by hand as Inbound is not a reply", () => {
    const result = run(
      warm(
        [
          meeting("2026-03-04 10:00", "Canceled", {
            direction: "Inbound",
            threadId: "",
            source: "Sheet",
          }),
        ],
        "2026-03-04 12:00",
      ),
    );
    expect(result.status).not.toBe("Replied");
    expect(result.awaitingReply).toBe(false);
  });
});

describe("upcomingMeeting: the next meeting still standing", () => {
  // Tuesday 10 March, noon.
  const now = at("2026-03-10 12:00");
  const typed = { source: "Sheet" as const, threadId: "" };
  test.each<[string, Touch[], string | null]>([
    [
      "one typed by hand",
      [meeting("2026-03-09 10:00", "Scheduled", { ...typed, start: "2026-03-12 10:00" })],
      "2026-03-12 10:00",
    ],
    [
      "typed twice: the later touch (moved to Friday) settles the earlier",
      [
        meeting("2026-03-09 10:00", "Scheduled", { ...typed, start: "2026-03-11 10:00" }),
        meeting("2026-03-09 11:00", "Scheduled", { ...typed, start: "2026-03-13 10:00" }),
      ],
      "2026-03-13 10:00",
    ],
    [
      "typed for Friday, then another event held: the typed meeting still stands",
      [
        meeting("2026-03-06 10:00", "Scheduled", { ...typed, start: "2026-03-13 10:00" }),
        meeting("2026-03-09 11:00", "Completed", { event: "e2" }),
      ],
      "2026-03-13 10:00",
    ],
    [
      "a No Show typed with a Next Follow-Up is no meeting ahead",
      [
        meeting("2026-03-09 10:00", "No Show", {
          ...typed,
          nextFollowUp: dateOnly("2026-03-12"),
        }),
      ],
      null,
    ],
    [
      "a Scheduled touch typed without its start",
      [meeting("2026-03-09 10:00", "Scheduled", { ...typed, nextFollowUp: null })],
      null,
    ],
    [
      "one that started yesterday",
      [meeting("2026-03-06 10:00", "Scheduled", { start: "2026-03-09 10:00" })],
      null,
    ],
    [
      "one that started this morning still counts today",
      [meeting("2026-03-06 10:00", "Scheduled", { start: "2026-03-10 09:00" })],
      "2026-03-10 09:00",
    ],
    [
      "three events booked Friday, Wednesday, Thursday: the earliest",
      [
        meeting("2026-03-06 10:00", "Scheduled", { event: "e1", start: "2026-03-13 10:00" }),
        meeting("2026-03-06 11:00", "Scheduled", { event: "e2", start: "2026-03-11 10:00" }),
        meeting("2026-03-06 12:00", "Scheduled", { event: "e3", start: "2026-03-12 10:00" }),
      ],
      "2026-03-11 10:00",
    ],
  ])("%s", (_label, meetings, expected) => {
    expect(upcomingMeeting(meetings, BERLIN, now)).toEqual(expected === null ? null : at(expected));
  });
});
