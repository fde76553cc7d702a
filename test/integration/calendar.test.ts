// Calendar sync on the built bundle (DESIGN §3 step 3, issue 10): the hourly run logs meetings with
// contacts from the running user's default calendar — Scheduled, Rescheduled, Completed, Canceled —
// each state once across two teammates' runs, and the engine makes the recap due within 24 hours.
import { SCOPES, type NewEvent } from "../../emulator";
import {
  emailBench,
  HOUR_MS,
  lastRun,
  MONDAY_10,
  runHourly,
  touchesOf,
  contactRow,
  type EmailBench,
} from "./emailSupport";
import { call, ok, refOf } from "./sidebarSupport";
import { ALEX, SAM, records, setSetting, turnOnAutomation, typeRows, type Row } from "./support";

const CARLA = { id: "C-000001", name: "Carla Diaz", email: "carla@client.test" };
const DAN = { id: "C-000002", name: "Dan Wu", email: "Dan.Wu@Client.test" };
const hoursFrom = (h: number) => new Date(MONDAY_10.getTime() + h * HOUR_MS);

function bench(mode = "Off", contacts = [CARLA, DAN]): EmailBench {
  return emailBench(contacts, { mode });
}

function meeting(b: EmailBench, spec: Partial<NewEvent> & { startHour: number }): string {
  const { startHour, ...rest } = spec;
  return b.wb.emu.calendar.createEvent({
    organizer: ALEX,
    title: "Pilot review",
    start: hoursFrom(startHour),
    end: hoursFrom(startHour + 1),
    guests: [CARLA.email],
    ...rest,
  });
}

/** Each meeting touch as "contact outcome", in sheet order. */
function meetingLog(b: EmailBench): string[] {
  return records(b.wb, "Touches")
    .filter((t) => t["Channel"] === "Meeting")
    .map((t) => `${String(t["Contact ID"])} ${String(t["Outcome"])}`);
}

function samTrigger(b: EmailBench): string {
  turnOnAutomation(b.wb, SAM);
  const uid = b.wb.emu.triggers.forUser(SAM)[0]?.uid;
  if (!uid) throw new Error("no trigger for Sam");
  return uid;
}

function calendarCalls(run: { callLog: readonly string[] }): string[] {
  return run.callLog.filter((c) => /^(CalendarApp|Calendar|CalendarEvent|EventGuest)\./.test(c));
}

describe("the next meeting is shown where people look", () => {
  test("the sidebar's contact card shows the next meeting; a contact without one shows none", () => {
    const b = bench();
    meeting(b, { startHour: 48 });
    expect(runHourly(b, hoursFrom(0)).error).toBeUndefined();
    const card = (name: string) =>
      ok<{ nextMeeting: string }>(call(b.wb, "sidebarContact", refOf(b.wb, name)));
    expect(card(CARLA.name).nextMeeting).toBe("2026-11-25 10:00");
    expect(card(DAN.name).nextMeeting).toBe("");
  });
});

describe("Calendar sync: each state of a meeting once", () => {
  test("Scheduled → Rescheduled → Completed, across Alex's and Sam's runs, and the recap due within 24 hours", () => {
    const b = bench();
    const sam = { ...b, triggerUid: samTrigger(b) };
    const id = meeting(b, { startHour: 48, alsoOn: [SAM] });

    expect(runHourly(b, hoursFrom(0)).error).toBeUndefined();
    expect(meetingLog(b)).toEqual([`${CARLA.id} Scheduled`]);
    const [scheduled] = touchesOf(b.wb, CARLA.id).filter((t) => t["Channel"] === "Meeting");
    expect(scheduled).toMatchObject({
      Direction: "Outbound",
      Source: "Calendar",
      "Logged By": ALEX,
      "Thread ID": `event:${id}@${hoursFrom(48).toISOString()}`,
      "Next Follow-Up": hoursFrom(48),
      Notes: 'Meeting "Pilot review" on Wed 25 Nov 10:00',
    });

    // Sam is on the same event: his run finds it logged.
    expect(runHourly(sam, hoursFrom(1), SAM).error).toBeUndefined();
    expect(meetingLog(b)).toHaveLength(1);
    // Before the meeting, Carla is not Overdue: she is due on the meeting's day.
    expect(contactRow(b.wb, CARLA.id)).toMatchObject({ Status: "Upcoming", Attempts: 0 });

    b.wb.emu.calendar.moveEvent(id, hoursFrom(72), hoursFrom(73));
    runHourly(sam, hoursFrom(2), SAM);
    runHourly(b, hoursFrom(3));
    expect(meetingLog(b)).toEqual([`${CARLA.id} Scheduled`, `${CARLA.id} Rescheduled`]);

    runHourly(b, hoursFrom(74));
    runHourly(sam, hoursFrom(75), SAM);
    runHourly(b, hoursFrom(76));
    expect(meetingLog(b)).toEqual([
      `${CARLA.id} Scheduled`,
      `${CARLA.id} Rescheduled`,
      `${CARLA.id} Completed`,
    ]);
    const carla = contactRow(b.wb, CARLA.id);
    expect(carla).toMatchObject({
      "Last Outcome": "Completed",
      "Last Touch": hoursFrom(73),
      Attempts: 0,
      Touches: 3,
    });
    // Due the recap by 24 hours after the meeting ended; Overdue once they have passed.
    expect(carla["Due"]).toEqual(hoursFrom(97));
    runHourly(b, hoursFrom(98));
    expect(contactRow(b.wb, CARLA.id)["Status"]).toBe("Overdue");
  });

  test("Canceled when the contact declines, or when the event is deleted while ahead — once each", () => {
    const b = bench();
    const declined = meeting(b, { startHour: 30 });
    const deleted = meeting(b, { startHour: 50, guests: [DAN.email.toUpperCase()] });
    runHourly(b, hoursFrom(0));
    expect(meetingLog(b)).toEqual([`${CARLA.id} Scheduled`, `${DAN.id} Scheduled`]);
    b.wb.emu.calendar.setGuestStatus(declined, CARLA.email, "NO");
    b.wb.emu.calendar.deleteEvent(deleted);
    runHourly(b, hoursFrom(1));
    runHourly(b, hoursFrom(2));
    runHourly(b, hoursFrom(40));
    expect(meetingLog(b)).toEqual([
      `${CARLA.id} Scheduled`,
      `${DAN.id} Scheduled`,
      `${CARLA.id} Canceled`,
      `${DAN.id} Canceled`,
    ]);
    expect(touchesOf(b.wb, DAN.id).at(-1)?.["Notes"]).toMatch(
      /no longer on alex@acme\.test's calendar/,
    );
  });

  test("one ranged read per run; Sync calendar No reads nothing; a menu refresh reads nothing", () => {
    const b = bench();
    meeting(b, { startHour: 30 });
    const run = runHourly(b, hoursFrom(0));
    const calls = calendarCalls(run);
    expect(calls.filter((c) => c === "Calendar.getEvents")).toHaveLength(1);
    expect(calls[0]).toBe("CalendarApp.getDefaultCalendar");
    expect(b.wb.menu("menuRefreshNow").callLog.filter((c) => c.startsWith("Calendar"))).toEqual([]);
    setSetting(b.wb, "Sync calendar", "No");
    meeting(b, { startHour: 40, guests: [DAN.email] });
    expect(calendarCalls(runHourly(b, hoursFrom(1)))).toEqual([]);
    expect(meetingLog(b)).toEqual([`${CARLA.id} Scheduled`]);
  });
});

describe("Calendar sync: bad input", () => {
  test("200 guests, an all-day event, another time zone, blank and invalid Emails, a recurring meeting: each logged once", () => {
    const b = bench("Off", [
      CARLA,
      DAN,
      { id: "C-000003", name: "No Mail", email: "" },
      { id: "C-000004", name: "Bad Mail", email: "not an email" },
    ]);
    const crowd = Array.from({ length: 200 }, (_, i) => `guest${i}@elsewhere.test`);
    crowd[123] = CARLA.email;
    meeting(b, { startHour: 20, guests: crowd, title: "All hands" });
    meeting(b, {
      startHour: 0,
      title: "Offsite",
      allDay: true,
      start: new Date("2026-11-26T00:00:00Z"),
      end: new Date("2026-11-27T00:00:00Z"),
      guests: [DAN.email],
    });
    // Booked from Tokyo: 09:00 JST is 19:00 the day before in New York.
    meeting(b, {
      startHour: 0,
      title: "Tokyo call",
      start: new Date("2026-11-25T00:00:00Z"),
      end: new Date("2026-11-25T00:30:00Z"),
      guests: [CARLA.email, "", "not an email"],
    });
    meeting(b, {
      startHour: 2,
      title: "Weekly",
      guests: [DAN.email],
      recurrence: { everyDays: 7, count: 8 },
    });
    for (let h = 0; h < 5; h++) expect(runHourly(b, hoursFrom(h)).error).toBeUndefined();
    expect(lastRun(b.wb)["Error"]).toBe("");
    expect(meetingLog(b).sort()).toEqual(
      [
        `${CARLA.id} Scheduled`, // All hands
        `${CARLA.id} Scheduled`, // Tokyo call
        `${DAN.id} Scheduled`, // Offsite
        `${DAN.id} Scheduled`, // Weekly, first instance
        `${DAN.id} Completed`, // Weekly, first instance held at hour 2–3
        `${DAN.id} Scheduled`, // Weekly, the next instance
      ].sort(),
    );
    const notes = records(b.wb, "Touches")
      .filter((t) => t["Channel"] === "Meeting")
      .map((t) => String(t["Notes"]));
    expect(notes).toEqual(
      expect.arrayContaining([
        'Meeting "Tokyo call" on Tue 24 Nov 19:00',
        expect.stringMatching(/^Meeting "Offsite" on .+ \(all day\)$/),
      ]),
    );
    // A week of hourly runs: the weekly instances are each logged once, one ahead at a time.
    for (let h = 5; h <= 7 * 24 + 5; h += 6) runHourly(b, hoursFrom(h));
    const weekly = records(b.wb, "Touches").filter((t) =>
      String(t["Thread ID"]).startsWith("series:"),
    );
    const keys = weekly.map((t) => `${String(t["Thread ID"])} ${String(t["Outcome"])}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(weekly.map((t) => t["Outcome"])).toEqual([
      "Scheduled",
      "Completed",
      "Scheduled",
      "Completed",
      "Scheduled",
    ]);
  });
});

describe("Calendar sync: the calendar permission", () => {
  // The platform says only that some permission is missing: the calendar's is refused at its one
  // read, and everything else — Gmail sync, the emails, the sheet — still runs (issue 10 item 4).
  test("reauthorization pending for the calendar: one refused read, a Runs note, emails still go out", () => {
    const b = bench("Send");
    meeting(b, { startHour: 30 });
    b.wb.emu.access.requireReauthorization(ALEX, [SCOPES.calendarReadonly]);
    const run = runHourly(b, hoursFrom(0));
    expect(run.error).toBeUndefined();
    expect(calendarCalls(run)).toEqual(["CalendarApp.getDefaultCalendar"]);
    const error = String(lastRun(b.wb)["Error"]);
    expect(error).toMatch(/authorize it again/);
    expect(error).toMatch(/Calendar sync skipped/);
    expect(lastRun(b.wb)["Emails Sent"]).toBe(2);
    expect(contactRow(b.wb, CARLA.id)["Status"]).not.toBe("");
    expect(meetingLog(b)).toEqual([]);
  });

  test("reauthorization pending for Gmail: no sync and no email, one Runs note; the calendar still syncs", () => {
    const b = bench("Send");
    meeting(b, { startHour: 30 });
    b.wb.emu.access.requireReauthorization(ALEX, [SCOPES.gmail]);
    const run = runHourly(b, hoursFrom(0));
    expect(run.error).toBeUndefined();
    expect(String(lastRun(b.wb)["Error"])).toMatch(
      /Gmail sync and automated emails were skipped until you authorize Touchbase again/,
    );
    expect(lastRun(b.wb)["Emails Sent"]).toBe(0);
    expect(b.wb.emu.gmail.sent(ALEX).filter((m) => !/^Touchbase/.test(m.subject))).toEqual([]);
    expect(meetingLog(b)).toEqual([`${CARLA.id} Scheduled`]);
  });

  test("the calendar cannot be read (older authorisation): one line in Runs, and the emails still go out", () => {
    const b = bench("Send");
    meeting(b, { startHour: 30 });
    // Where the first CalendarApp call falls in this run, from an identical sheet.
    const twin = bench("Send");
    meeting(twin, { startHour: 30 });
    const probe = runHourly(twin, hoursFrom(0));
    const at = probe.callLog.indexOf("CalendarApp.getDefaultCalendar") + 1;
    expect(at).toBeGreaterThan(0);
    b.wb.emu.faults.failAtCall(at, "Authorization is required to perform that action.");
    const run = runHourly(b, hoursFrom(0));
    expect(run.error).toBeUndefined();
    const row: Row = lastRun(b.wb);
    expect(String(row["Error"])).toContain(
      "Calendar sync skipped: Touchbase may not read your calendar yet (Authorization is required to perform that action.)",
    );
    expect(row["Emails Sent"]).toBe(2);
    expect(meetingLog(b)).toEqual([]);
    // Granted later: the next hour logs the meeting.
    runHourly(b, hoursFrom(1));
    expect(meetingLog(b)).toEqual([`${CARLA.id} Scheduled`]);
  });
});

test("the digest names a contact's meeting on the day it is due", () => {
  const b = bench();
  // Tuesday 14:00 in New York; Monday's run logs it, Tuesday's digest shows it.
  meeting(b, { startHour: 28 });
  runHourly(b, hoursFrom(0));
  const digests = () => b.wb.emu.gmail.sent(ALEX).filter((m) => m.to === ALEX);
  const monday = digests().length;
  runHourly(b, hoursFrom(24));
  const tuesday = digests().slice(monday);
  expect(tuesday).toHaveLength(1);
  expect(tuesday[0]!.plainBody).toContain("Meeting Tue 24 Nov 14:00");
  expect(contactRow(b.wb, CARLA.id)).toMatchObject({ Status: "Due Today" });
});

test("a No Show typed into Touches by hand makes the contact due the next working day", () => {
  const b = bench();
  const touches = b.wb.spreadsheet().getSheetByName("Touches")!;
  // Friday 27 Nov, 10:00 in New York: the next working day is Monday 30 Nov.
  typeRows(
    b.wb,
    "Touches",
    [
      {
        Timestamp: new Date("2026-11-27T15:00:00Z"),
        "Contact ID": CARLA.id,
        Channel: "Meeting",
        Direction: "Outbound",
        Outcome: "No Show",
        "Logged By": ALEX,
      },
    ],
    touches.getLastRow() + 1,
  );
  b.wb.emu.clock.set(new Date("2026-11-27T16:00:00Z"));
  expect(b.wb.menu("menuRefreshNow").error).toBeUndefined();
  const carla = contactRow(b.wb, CARLA.id);
  expect({
    status: carla["Status"],
    lastOutcome: carla["Last Outcome"],
    attempts: carla["Attempts"],
  }).toEqual({ status: "Upcoming", lastOutcome: "No Show", attempts: 0 });
  expect(carla["Due"]).toEqual(new Date("2026-11-30T05:00:00Z"));
});

test("a contact with a meeting just booked gets no cadence email; the others still do", () => {
  const b = bench("Send");
  meeting(b, { startHour: 48 });
  expect(runHourly(b, hoursFrom(0)).error).toBeUndefined();
  const emailed = b.wb.emu.gmail
    .sent(ALEX)
    .map((m) => m.to)
    .filter((to) => to !== ALEX);
  expect(emailed).toEqual([DAN.email.toLowerCase()]);
  expect(lastRun(b.wb)["Emails Sent"]).toBe(1);
  // An hour later the refresh sees the meeting ahead: Carla is due on its day, not by the cadence.
  runHourly(b, hoursFrom(1));
  expect(b.wb.emu.gmail.sent(ALEX).filter((m) => m.to === CARLA.email)).toEqual([]);
  expect(contactRow(b.wb, CARLA.id)["Status"]).toBe("Upcoming");
});
