// The calendar sync planner: each state of each event once per contact (across runs and users),
// guests matched to contacts by Email, recurring instances keyed by their start.
import {
  calendarSyncFailedMessage,
  calendarWindow,
  meetingCell,
  parseMeetingCell,
  planCalendarSync,
  type CalendarEventRead,
  type MeetingTouchFields,
} from "../../src/domain/calendarSync";
import type { Touch } from "../../src/domain/types";
import { contact, touch } from "../support/domain";

const ZONE = "Europe/Berlin";
const ME = "rep@example.com";
const ANN = contact({ id: "C-1", name: "Ann Lee", email: "ann@example.com" });
const BOB = contact({ id: "C-2", name: "Bob Roy", email: "bob@example.com", rowNumber: 3 });
const BLANK = contact({ id: "C-3", name: "No Mail", email: "", rowNumber: 4 });
const BAD = contact({ id: "C-4", name: "Bad Mail", email: "not-an-email", rowNumber: 5 });
const CONTACTS = [ANN, BOB, BLANK, BAD];

const T0 = new Date("2026-03-03T08:00:00Z");
const hours = (h: number) => new Date(T0.getTime() + h * 3_600_000);

function event(fields: Partial<CalendarEventRead> = {}): CalendarEventRead {
  return {
    id: "ev1@google.com",
    title: "Demo",
    start: hours(24),
    end: hours(25),
    allDay: false,
    recurring: false,
    guests: [{ email: "ann@example.com", status: "YES" }],
    myStatus: "OWNER",
    ...fields,
  };
}

/** The touches a plan would write, as the next run reads them back. */
function asTouches(plan: readonly MeetingTouchFields[], loggedBy = ME): Touch[] {
  return plan.map((f) =>
    touch("2026-03-03 09:00", {
      timestamp: f.timestamp,
      contactId: f.contactId,
      contactName: f.contactName,
      channel: "Meeting",
      outcome: f.outcome,
      source: "Calendar",
      threadId: f.threadId,
      loggedBy,
      nextFollowUp: f.nextFollowUp ? { at: f.nextFollowUp, hasTime: true } : null,
    }),
  );
}

/** Runs the planner over a sequence of calendar states, feeding each plan back as touches. */
function runs(
  steps: readonly { now: Date; events: CalendarEventRead[]; user?: string }[],
): MeetingTouchFields[][] {
  const touches: Touch[] = [];
  return steps.map(({ now, events, user = ME }) => {
    const plan = planCalendarSync(events, calendarWindow(now), {
      contacts: CONTACTS,
      touches,
      user,
      now,
      zone: ZONE,
    });
    touches.push(...asTouches(plan, user));
    return plan;
  });
}

const outcomes = (plans: MeetingTouchFields[][]) =>
  plans.map((plan) => plan.map((f) => `${f.contactId} ${f.outcome}`));

describe("planCalendarSync", () => {
  test("Scheduled when first seen ahead, nothing while unchanged, Completed once it has ended", () => {
    const plans = runs([
      { now: T0, events: [event()] },
      { now: hours(1), events: [event()] },
      { now: hours(26), events: [event()] },
      { now: hours(27), events: [event()] },
    ]);
    expect(outcomes(plans)).toEqual([["C-1 Scheduled"], [], ["C-1 Completed"], []]);
    expect(plans[0]![0]).toMatchObject({
      timestamp: T0,
      nextFollowUp: hours(24),
      threadId: `event:ev1@google.com@${hours(24).toISOString()}`,
      notes: 'Meeting "Demo" on Wed 4 Mar 09:00',
    });
    expect(plans[2]![0]).toMatchObject({ timestamp: hours(25), nextFollowUp: null });
  });

  test("Rescheduled when its time moved (once), then Completed at the new time", () => {
    const moved = event({ start: hours(48), end: hours(49) });
    const plans = runs([
      { now: T0, events: [event()] },
      { now: hours(2), events: [moved] },
      { now: hours(3), events: [moved] },
      { now: hours(50), events: [moved] },
    ]);
    expect(outcomes(plans)).toEqual([
      ["C-1 Scheduled"],
      ["C-1 Rescheduled"],
      [],
      ["C-1 Completed"],
    ]);
    expect(plans[1]![0]?.notes).toBe(
      'Meeting "Demo" moved from Wed 4 Mar 09:00 to Thu 5 Mar 09:00',
    );
  });

  test("Canceled when deleted while ahead, or when the contact declined — each once", () => {
    const declined = event({ guests: [{ email: "ANN@example.com", status: "NO" }] });
    expect(
      outcomes(
        runs([
          { now: T0, events: [event()] },
          { now: hours(1), events: [] },
          { now: hours(2), events: [] },
        ]),
      ),
    ).toEqual([["C-1 Scheduled"], ["C-1 Canceled"], []]);
    expect(
      outcomes(
        runs([
          { now: T0, events: [event()] },
          { now: hours(1), events: [declined] },
          { now: hours(2), events: [declined] },
          { now: hours(30), events: [declined] },
        ]),
      ),
    ).toEqual([["C-1 Scheduled"], ["C-1 Canceled"], [], []]);
  });

  test("an event gone from the window after it started is not called Canceled", () => {
    expect(
      outcomes(
        runs([
          { now: T0, events: [event()] },
          { now: hours(24.5), events: [] },
        ]),
      ),
    ).toEqual([["C-1 Scheduled"], []]);
  });

  test("two teammates on the same event: the second run logs nothing; only the logger's calendar can cancel", () => {
    const plans = runs([
      { now: T0, events: [event()], user: ME },
      { now: hours(1), events: [event()], user: "mate@example.com" },
      // The teammate's calendar never had it: their run must not read its absence as deleted.
      { now: hours(2), events: [], user: "other@example.com" },
      { now: hours(26), events: [event()], user: "mate@example.com" },
      { now: hours(27), events: [event()], user: ME },
    ]);
    expect(outcomes(plans)).toEqual([["C-1 Scheduled"], [], [], ["C-1 Completed"], []]);
  });

  test("guests match contacts by Email case-insensitively; blank and invalid Emails never match", () => {
    const plans = runs([
      {
        now: T0,
        events: [
          event({
            guests: [
              { email: "Bob@Example.COM", status: "INVITED" },
              { email: "", status: "YES" },
              { email: "not-an-email", status: "YES" },
              { email: "stranger@example.com", status: "YES" },
            ],
          }),
        ],
      },
    ]);
    expect(outcomes(plans)).toEqual([["C-2 Scheduled"]]);
  });

  test("an event with 200 guests logs one touch per contact among them", () => {
    const guests: CalendarEventRead["guests"][number][] = Array.from({ length: 200 }, (_, i) => ({
      email: `guest${i}@example.com`,
      status: "INVITED",
    }));
    guests[150] = { email: "ann@example.com", status: "YES" };
    guests[199] = { email: "bob@example.com", status: "MAYBE" };
    const plans = runs([
      { now: T0, events: [event({ guests })] },
      { now: hours(1), events: [event({ guests })] },
    ]);
    expect(outcomes(plans)).toEqual([["C-1 Scheduled", "C-2 Scheduled"], []]);
  });

  test("a recurring meeting: the next instance is Scheduled, each instance Completed once, keyed by its start", () => {
    const series = (startHour: number) =>
      event({ recurring: true, start: hours(startHour), end: hours(startHour + 1) });
    const week = [series(24), series(24 + 168)];
    const plans = runs([
      { now: T0, events: week },
      { now: hours(1), events: week },
      { now: hours(26), events: week },
      { now: hours(27), events: week },
    ]);
    expect(outcomes(plans)).toEqual([
      ["C-1 Scheduled"],
      [],
      ["C-1 Completed", "C-1 Scheduled"],
      [],
    ]);
    expect(plans[2]!.map((p) => p.threadId)).toEqual([
      `series:ev1@google.com@${hours(24).toISOString()}`,
      `series:ev1@google.com@${hours(192).toISOString()}`,
    ]);
  });

  test("an all-day event and one in another time zone are logged with their day in the sheet's zone", () => {
    const allDay = event({
      id: "ad",
      allDay: true,
      start: new Date("2026-03-05T23:00:00Z"),
      end: new Date("2026-03-06T23:00:00Z"),
    });
    const tokyo = event({
      id: "tk",
      start: new Date("2026-03-04T01:00:00Z"), // 10:00 in Tokyo, 02:00 in Berlin
      end: new Date("2026-03-04T02:00:00Z"),
      guests: [{ email: "bob@example.com", status: "YES" }],
    });
    const [plan] = runs([{ now: T0, events: [allDay, tokyo] }]);
    expect(plan!.map((p) => p.notes)).toEqual([
      'Meeting "Demo" on Fri 6 Mar (all day)',
      'Meeting "Demo" on Wed 4 Mar 02:00',
    ]);
  });

  test("an event the user declined is not logged by their run", () => {
    expect(outcomes(runs([{ now: T0, events: [event({ myStatus: "NO" })] }]))).toEqual([[]]);
  });

  test("a meeting moved beyond the window reads as Canceled, then Rescheduled when it comes back", () => {
    const far = event({ start: hours(24 * 20), end: hours(24 * 20 + 1) });
    expect(
      outcomes(
        runs([
          { now: T0, events: [event()] },
          { now: hours(1), events: [] },
          { now: hours(24 * 7), events: [far] },
        ]),
      ),
    ).toEqual([["C-1 Scheduled"], ["C-1 Canceled"], ["C-1 Rescheduled"]]);
  });

  test("the Thread ID round-trips", () => {
    const cell = meetingCell({ id: "a@b.c", recurring: true, start: hours(3) });
    expect(parseMeetingCell(cell)).toEqual({
      recurring: true,
      eventId: "a@b.c",
      start: hours(3),
      key: cell,
    });
    expect(parseMeetingCell("18c3f <abc@mail.gmail.com>")).toBeNull();
  });

  test("a calendar that cannot be read says why in one line: the permission, or the error", () => {
    expect(calendarSyncFailedMessage("Authorization is required to perform that action.")).toBe(
      "Calendar sync skipped: Touchbase may not read your calendar yet (Authorization is required to perform that action.). Open Touchbase from Extensions › Touchbase and accept the new permission; the rest of the run went on.",
    );
    expect(calendarSyncFailedMessage("Service error: Spreadsheets")).toBe(
      "Calendar sync skipped this hour (Service error: Spreadsheets); the rest of the run went on, and the next run tries again.",
    );
  });
});
