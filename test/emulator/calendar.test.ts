// CalendarApp in the emulator: each user's default calendar, ranged reads, recurring instances
// sharing one id, guests and their answers, moves and deletes, and the calendar read scope.
import { SCOPES } from "../../emulator";
import { ANA, BEN, newEmulator } from "./helpers";

const bundle = `
  function read(fromIso, toIso) {
    return CalendarApp.getDefaultCalendar()
      .getEvents(new Date(fromIso), new Date(toIso))
      .map(function (e) {
        return {
          id: e.getId(),
          title: e.getTitle(),
          start: e.getStartTime().toISOString(),
          end: e.getEndTime().toISOString(),
          allDay: e.isAllDayEvent(),
          recurring: e.isRecurringEvent(),
          me: String(e.getMyStatus()),
          guests: e.getGuestList().map(function (g) { return g.getEmail() + ":" + g.getGuestStatus(); }),
        };
      });
  }
  function declined(fromIso, toIso) {
    var NO = CalendarApp.GuestStatus.NO;
    return CalendarApp.getDefaultCalendar().getEvents(new Date(fromIso), new Date(toIso))[0]
      .getGuestList().filter(function (g) { return g.getGuestStatus() == NO; }).length;
  }
  function calendarId() { return CalendarApp.getDefaultCalendar().getId(); }
  function reversed() { return CalendarApp.getDefaultCalendar().getEvents(new Date(2), new Date(1)); }
`;

const at = (iso: string) => new Date(iso);
const WINDOW = ["2026-11-22T00:00:00Z", "2026-12-07T00:00:00Z"] as const;

describe("CalendarApp", () => {
  it("getEvents returns the events overlapping the range, sorted by start, on the running user's calendar", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    const late = emu.calendar.createEvent({
      organizer: ANA,
      title: "Demo",
      start: at("2026-11-25T15:00:00Z"),
      end: at("2026-11-25T16:00:00Z"),
      guests: ["Carla@Example.com"],
    });
    const early = emu.calendar.createEvent({
      organizer: ANA,
      title: "Intro",
      start: at("2026-11-24T09:00:00Z"),
      end: at("2026-11-24T09:30:00Z"),
    });
    emu.calendar.createEvent({
      organizer: ANA,
      title: "Outside",
      start: at("2026-12-20T09:00:00Z"),
      end: at("2026-12-20T10:00:00Z"),
    });
    emu.calendar.createEvent({
      organizer: BEN,
      title: "Ben's own",
      start: at("2026-11-24T10:00:00Z"),
      end: at("2026-11-24T11:00:00Z"),
    });
    const events = app.run<{ id: string; title: string }[]>({ user: ANA }, "read", ...WINDOW).value;
    expect(events?.map((e) => [e.id, e.title])).toEqual([
      [early, "Intro"],
      [late, "Demo"],
    ]);
    expect(app.run({ user: ANA }, "read", ...WINDOW).value).toContainEqual(
      expect.objectContaining({
        me: "OWNER",
        guests: ["Carla@Example.com:INVITED"],
        allDay: false,
      }),
    );
    expect(app.run({ user: ANA }, "calendarId").value).toBe(ANA);
    // An event that began before the range but ends inside it overlaps it.
    const partly = app.run<unknown[]>(
      { user: ANA },
      "read",
      "2026-11-25T15:30:00Z",
      "2026-11-25T18:00:00Z",
    );
    expect(partly.value).toHaveLength(1);
  });

  it("each instance of a recurring series has the series' id and its own start; a deleted instance is gone", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    const id = emu.calendar.createEvent({
      organizer: ANA,
      title: "Weekly",
      start: at("2026-11-24T09:00:00Z"),
      end: at("2026-11-24T09:30:00Z"),
      guests: ["carla@example.com"],
      recurrence: { everyDays: 7, count: 10 },
    });
    emu.calendar.deleteInstance(id, at("2026-12-01T09:00:00Z"));
    const events = app.run<{ id: string; start: string; recurring: boolean }[]>(
      { user: ANA },
      "read",
      "2026-11-22T00:00:00Z",
      "2026-12-09T00:00:00Z",
    ).value;
    expect(events?.map((e) => [e.id, e.start, e.recurring])).toEqual([
      [id, "2026-11-24T09:00:00.000Z", true],
      [id, "2026-12-08T09:00:00.000Z", true],
    ]);
  });

  it("a moved event shows its new time; a deleted one is gone from every calendar it was on", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    const id = emu.calendar.createEvent({
      organizer: ANA,
      alsoOn: [BEN],
      start: at("2026-11-24T09:00:00Z"),
      end: at("2026-11-24T10:00:00Z"),
      guests: ["carla@example.com"],
    });
    emu.calendar.moveEvent(id, at("2026-11-26T14:00:00Z"), at("2026-11-26T15:00:00Z"));
    for (const user of [ANA, BEN]) {
      const events = app.run<{ id: string; start: string; me: string }[]>(
        { user },
        "read",
        ...WINDOW,
      ).value;
      expect(events?.map((e) => [e.id, e.start])).toEqual([[id, "2026-11-26T14:00:00.000Z"]]);
    }
    expect(app.run<{ me: string }[]>({ user: BEN }, "read", ...WINDOW).value?.[0]?.me).toBe(
      "INVITED",
    );
    emu.calendar.deleteEvent(id);
    expect(app.run({ user: ANA }, "read", ...WINDOW).value).toEqual([]);
    expect(app.run({ user: BEN }, "read", ...WINDOW).value).toEqual([]);
  });

  it("guests' answers are read as GuestStatus values; the owner is not in the default guest list", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    const id = emu.calendar.createEvent({
      organizer: ANA,
      allDay: true,
      start: at("2026-11-24T00:00:00Z"),
      end: at("2026-11-25T00:00:00Z"),
      guests: ["carla@example.com", "dan@example.com", ANA],
    });
    emu.calendar.setGuestStatus(id, "CARLA@example.com", "NO");
    expect(app.run({ user: ANA }, "declined", ...WINDOW).value).toBe(1);
    const [event] = app.run<{ guests: string[]; allDay: boolean }[]>(
      { user: ANA },
      "read",
      ...WINDOW,
    ).value!;
    expect(event).toMatchObject({
      allDay: true,
      guests: ["carla@example.com:NO", "dan@example.com:INVITED"],
    });
    expect(() => emu.calendar.setGuestStatus(id, "zoe@example.com", "YES")).toThrow(/not a guest/);
  });

  it("a reversed range is refused", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    expect(app.run({ user: ANA }, "reversed").error?.message).toMatch(/end time is before/);
  });

  it("needs the calendar read scope: a user who has not granted it gets the authorization error", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    emu.access.requireReauthorization(ANA, [SCOPES.calendarReadonly]);
    const run = app.run({ user: ANA }, "calendarId");
    expect(run.error?.message).toBe("Authorization is required to perform that action.");
    expect(run.callLog).toEqual(["CalendarApp.getDefaultCalendar"]);
    expect(app.run({ user: BEN }, "calendarId").value).toBe(BEN);
  });

  it("is not allowed in LIMITED mode (onOpen of an add-on)", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    const run = app.run({ user: ANA, authMode: "LIMITED" }, "calendarId");
    expect(run.error?.message).toBe(
      `You do not have permission to call CalendarApp.getDefaultCalendar. Required permissions: ${SCOPES.calendarReadonly}`,
    );
  });
});
