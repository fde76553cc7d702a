// The hourly run through the built bundle (DESIGN §3): it runs with no active spreadsheet, refreshes
// every contact, logs a Runs row, steps aside when another run holds the lock, and computes
// "today" in the sheet's own time zone.
import type { RunResult } from "../../emulator";
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import {
  ALEX,
  lastAlert,
  records,
  type Row,
  SAM,
  STATUSES,
  turnOnAutomation,
  typeRows,
} from "./support";

const HOUR_MS = 3_600_000;
/** Monday 08:30 in New York (after the default Digest hour of 8). */
const MONDAY_MORNING = new Date("2026-11-23T13:30:00Z");

/** Statuses that carry a due date (the others are finished or on hold). */
const ACTIVE = new Set(["Replied", "Overdue", "Due Today", "Upcoming", "Nurture"]);
/** Columns the user owns: a refresh never changes them (Tier, ID and Created aside). */
const USER_COLUMNS = [
  "Name",
  "Email",
  "Phone",
  "Company",
  "Owner",
  "Stage",
  "Cadence",
  "Deal Value",
  "Topic",
  "Next Step",
  "Next Follow-Up",
  "Renewal Date",
  "Auto Email",
  "Paused",
  "Opted Out",
];

function pick(rows: readonly Row[], columns: readonly string[]): unknown[][] {
  return rows.map((row) => columns.map((c) => row[c]));
}

/** Moves the clock to `at` and fires every due time trigger. */
function fireTriggersAt(wb: Workbench, at: Date): RunResult[] {
  wb.emu.clock.set(at);
  return wb.emu.runDueTimeTriggers();
}

describe("the hourly run", () => {
  test("runs with no active spreadsheet and refreshes every contact", () => {
    const wb = createWorkbench({ now: MONDAY_MORNING, demo: { contacts: 40, touches: 300 } });
    turnOnAutomation(wb);
    const before = records(wb, "Contacts");
    const touchesBefore = records(wb, "Touches").length;

    const fired = fireTriggersAt(wb, new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    expect(fired).toHaveLength(1);
    const run = fired[0]!;
    expect(run.error).toBeUndefined();
    expect(run.user).toBe(ALEX);
    expect(run.triggerUid).toBe(wb.emu.triggers.forUser(ALEX)[0]!.uid);
    // An add-on's time trigger has no active spreadsheet: the run opens it by id.
    expect(run.callLog).toContain("SpreadsheetApp.openById");
    expect(run.callLog).not.toContain("SpreadsheetApp.getActiveSpreadsheet");

    const contacts = records(wb, "Contacts");
    expect(contacts).toHaveLength(40);
    for (const contact of contacts) {
      const label = String(contact["Name"]);
      expect({ label, status: contact["Status"] }).toEqual({
        label,
        status: expect.stringMatching(new RegExp(`^(${STATUSES.join("|")})$`)),
      });
      if (ACTIVE.has(String(contact["Status"]))) expect(contact["Due"]).toBeInstanceOf(Date);
      else expect(contact["Due"]).toBe("");
      expect(String(contact["Step"])).toMatch(/^\d+\/\d+ \S/);
      expect(typeof contact["Touches"]).toBe("number");
      expect(typeof contact["Attempts"]).toBe("number");
    }
    // The user's own columns are untouched.
    expect(pick(contacts, USER_COLUMNS)).toEqual(pick(before, USER_COLUMNS));
    // Only tier-change touches may have been added, one per changed tier.
    const tierChanges = contacts.filter((c, i) => c["Tier"] !== before[i]!["Tier"]).length;
    expect(records(wb, "Touches")).toHaveLength(touchesBefore + tierChanges);

    const runs = records(wb, "Runs");
    expect(runs).toHaveLength(1);
    const row = runs[0]!;
    const count = (status: string) => contacts.filter((c) => c["Status"] === status).length;
    expect(row).toMatchObject({
      User: ALEX,
      Trigger: "Hourly",
      Contacts: 40,
      Due: count("Due Today"),
      Overdue: count("Overdue"),
      Error: "",
    });
    expect(row["Started"]).toBeInstanceOf(Date);
    expect((row["Started"] as Date).getTime()).toBeGreaterThanOrEqual(run.startedAt.getTime());
    expect(typeof row["Seconds"]).toBe("number");
    expect(count("Overdue") + count("Due Today")).toBeGreaterThan(0);
  });

  test("Refresh now writes the same computed columns as the hourly run at the same moment", () => {
    const make = () => {
      const wb = createWorkbench({ now: MONDAY_MORNING, demo: { contacts: 25, touches: 150 } });
      turnOnAutomation(wb);
      wb.emu.clock.set(new Date(MONDAY_MORNING.getTime() + HOUR_MS));
      return wb;
    };
    const byTrigger = make();
    expect(byTrigger.emu.runDueTimeTriggers()).toHaveLength(1);
    const byMenu = make();
    refreshNow(byMenu);
    const computed = ["Status", "Step", "Touches", "Attempts", "Last Outcome", "Problem"];
    expect(pick(records(byMenu, "Contacts"), computed)).toEqual(
      pick(records(byTrigger, "Contacts"), computed),
    );
    expect(records(byMenu, "Runs")[0]).toMatchObject({ Trigger: "Menu", User: ALEX, Error: "" });
  });
});

function refreshNow(wb: Workbench): RunResult {
  const result = wb.menu("menuRefreshNow", ALEX);
  expect(result.error).toBeUndefined();
  return result;
}

describe("a run while another run holds the lock", () => {
  test("the hourly run writes nothing, says so in Runs, and the next run completes", () => {
    const wb = createWorkbench({ now: MONDAY_MORNING, demo: { contacts: 30, touches: 200 } });
    turnOnAutomation(wb);
    const before = wb.values("Contacts");
    const touchesBefore = wb.values("Touches");

    wb.emu.locks.holdScriptLock();
    const busy = fireTriggersAt(wb, new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    expect(busy).toHaveLength(1);
    expect(busy[0]!.error).toBeUndefined();
    expect(wb.values("Contacts")).toEqual(before);
    expect(wb.values("Touches")).toEqual(touchesBefore);
    expect(wb.emu.gmail.sent(ALEX)).toHaveLength(0);
    const busyRow = records(wb, "Runs")[0]!;
    expect(busyRow).toMatchObject({ User: ALEX, Trigger: "Hourly", Contacts: 0, Digests: 0 });
    expect(String(busyRow["Error"])).toMatch(/another touchbase run/i);

    wb.emu.locks.releaseScriptLock();
    const next = fireTriggersAt(wb, new Date(MONDAY_MORNING.getTime() + 2 * HOUR_MS));
    expect(next).toHaveLength(1);
    expect(next[0]!.error).toBeUndefined();
    const contacts = records(wb, "Contacts");
    expect(contacts.map((c) => String(c["Status"])).filter((s) => !STATUSES.includes(s))).toEqual(
      [],
    );
    const runs = records(wb, "Runs");
    expect(runs).toHaveLength(2);
    expect(runs[1]).toMatchObject({ Trigger: "Hourly", Contacts: 30, Error: "" });
    // The digest the busy run could not send goes out with the next one.
    expect(wb.emu.gmail.sent(ALEX)).toHaveLength(1);
  });

  test("Refresh now writes nothing while another run holds the lock, and works after", () => {
    const wb = createWorkbench({ now: MONDAY_MORNING, demo: { contacts: 30, touches: 200 } });
    const before = wb.values("Contacts");

    // The hourly run (of any user) holds the script lock: a menu click must wait for it.
    wb.emu.locks.holdScriptLock();
    expect(wb.menu("menuRefreshNow", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(/could not refresh: another touchbase run/i);
    expect(wb.values("Contacts")).toEqual(before);
    const busyRow = records(wb, "Runs")[0]!;
    expect(busyRow).toMatchObject({ User: SAM, Trigger: "Menu", Contacts: 0 });
    expect(String(busyRow["Error"])).toMatch(/another touchbase run/i);

    wb.emu.locks.releaseScriptLock();
    expect(wb.menu("menuRefreshNow", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(/^Refreshed 30 contacts/);
    const statuses = records(wb, "Contacts").map((c) => String(c["Status"]));
    expect(statuses.filter((s) => !STATUSES.includes(s))).toEqual([]);
    expect(records(wb, "Runs")[1]).toMatchObject({ Trigger: "Menu", Contacts: 30, Error: "" });
  });
});

describe("days are the sheet's days, not UTC's", () => {
  // Each moment is on a different calendar date in UTC than in the sheet's zone.
  const cases = [
    {
      zone: "Asia/Kolkata",
      at: new Date("2026-11-23T20:00:00Z"), // Tue 24 Nov, 01:30 in Kolkata; still the 23rd in UTC
      today: "2026-11-24",
      yesterday: "2026-11-23", // UTC's today
      tomorrow: "2026-11-25",
      todayMidnight: "2026-11-23T18:30:00.000Z",
    },
    {
      zone: "Pacific/Honolulu",
      at: new Date("2026-11-24T08:00:00Z"), // Mon 23 Nov, 22:00 in Honolulu; already the 24th in UTC
      today: "2026-11-23",
      yesterday: "2026-11-20", // the Friday before (the weekend would move to Monday)
      tomorrow: "2026-11-24", // UTC's today
      todayMidnight: "2026-11-23T10:00:00.000Z",
    },
  ];

  test.each(cases)("$zone", ({ zone, at, today, yesterday, tomorrow, todayMidnight }) => {
    // The script's zone is UTC; only the spreadsheet is in `zone`.
    const wb = createWorkbench({ now: new Date(at.getTime() - 3 * HOUR_MS), zone: "Etc/UTC" });
    wb.spreadsheet().setSpreadsheetTimeZone(zone);
    const base = {
      Owner: ALEX,
      Stage: "Qualified",
      Tier: "Warm",
      Created: "2026-11-01",
    };
    typeRows(wb, "Contacts", [
      { ...base, ID: "C-000001", Name: "Due Today Dana", "Next Follow-Up": today },
      { ...base, ID: "C-000002", Name: "Overdue Omar", "Next Follow-Up": yesterday },
      { ...base, ID: "C-000003", Name: "Upcoming Uma", "Next Follow-Up": tomorrow },
    ]);
    turnOnAutomation(wb);
    // Typed dates became date cells (local midnight in the sheet's zone).
    const typed = records(wb, "Contacts")[0]!["Next Follow-Up"];
    expect(typed instanceof Date ? typed.toISOString() : typed).toBe(todayMidnight);

    const fired = fireTriggersAt(wb, at);
    expect(fired).toHaveLength(1);
    expect(fired[0]!.error).toBeUndefined();
    const byName = new Map(records(wb, "Contacts").map((c) => [c["Name"], c]));
    expect(byName.get("Due Today Dana")?.["Status"]).toBe("Due Today");
    expect(byName.get("Overdue Omar")?.["Status"]).toBe("Overdue");
    expect(byName.get("Upcoming Uma")?.["Status"]).toBe("Upcoming");
    // Due is the local midnight of the agreed day.
    expect((byName.get("Due Today Dana")?.["Due"] as Date).toISOString()).toBe(todayMidnight);
    expect(records(wb, "Runs")[0]).toMatchObject({ Due: 1, Overdue: 1, Error: "" });

    // Refresh now from the sheet agrees with the trigger.
    wb.emu.clock.set(at);
    refreshNow(wb);
    const again = new Map(records(wb, "Contacts").map((c) => [c["Name"], c["Status"]]));
    expect([...again.values()]).toEqual(["Due Today", "Overdue", "Upcoming"]);
  });
});

describe("Due reads the way a person expects", () => {
  test("a calendar-date due shows as a date, a timed one (a new lead's window) with its time", () => {
    const wb = createWorkbench({ now: MONDAY_MORNING });
    typeRows(wb, "Contacts", [
      {
        ID: "C-000001",
        Name: "Agreed Date Ada",
        Owner: ALEX,
        Stage: "Qualified",
        Tier: "Warm",
        Created: "2026-11-01",
        "Next Follow-Up": "2026-11-25",
      },
      {
        ID: "C-000002",
        Name: "New Lead Nico",
        Owner: ALEX,
        Stage: "New Lead",
        Created: "2026-11-23 08:00",
      },
    ]);
    expect(wb.menu("menuRefreshNow").error).toBeUndefined();

    const sheet = wb.spreadsheet().getSheetByName("Contacts")!;
    const shown = sheet.getDataRange().getDisplayValues();
    const header = shown[0]!;
    const cell = (row: number, column: string) => shown[row]![header.indexOf(column)];
    expect(cell(1, "Due")).toBe("2026-11-25");
    // Created 08:00 + the 4-hour new-lead response window.
    expect(cell(2, "Due")).toBe("2026-11-23 12:00");
    // Text Touchbase writes stays text (a Step like "1/8" must never turn into a date).
    const formats = sheet.getRange(2, header.indexOf("Step") + 1, 2, 1).getNumberFormats();
    expect(formats).toEqual([["@"], ["@"]]);
  });
});
