// Bad input through the built bundle (common rules: every bad input gets a clear error naming the
// problem; one bad row never stops the others). The hourly run meets a sheet people typed into.
import type { RunResult } from "../../emulator";
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import {
  ALEX,
  clearHeader,
  rowRecords,
  setSetting,
  sheetOf,
  STATUSES,
  turnOnAutomation,
  typeRows,
  ZONE,
} from "./support";

/** Monday 23 November 2026, 06:00 in New York; the run fires at 09:00. */
const SETUP_AT = new Date("2026-11-23T11:00:00Z");
const RUN_AT = new Date("2026-11-23T14:00:00Z");

type Row = Record<string, string | number | boolean | Date>;

const contact = (id: string, name: string, extra: Row = {}): Row => ({
  ID: id,
  Name: name,
  Email: `${name.toLowerCase().replace(/\s+/g, ".")}@client.test`,
  Owner: ALEX,
  Stage: "Qualified",
  Tier: "Warm",
  Created: "2026-11-02",
  ...extra,
});

/** Sheet rows 2..: the bad cases between good rows, with blank rows in the middle. */
const CONTACT_ROWS: (Row | null)[] = [
  contact("C-000001", "Good Gina", { "Next Follow-Up": "2026-11-25" }),
  contact("C-000002", "Date Dan", { "Next Follow-Up": "next tuesday" }),
  contact("C-000003", "Deal Dora", { "Deal Value": "ten thousand" }),
  null,
  contact("C-000004", "Stage Stan", { Stage: "Prospect" }),
  contact("C-000005", "Tier Tia", { Tier: "Lukewarm" }),
  contact("C-000006", "Cadence Cal", { Cadence: "Hott" }),
  null,
  null,
  contact("C-000007", "Dup One"),
  contact("C-000007", "Dup Two"),
  contact("C-000008", "Last Lee", { "Deal Value": 25000 }),
];

const TOUCH_ROWS: Row[] = [
  {
    "Touch ID": "T-0000001",
    Timestamp: "2026-11-20 10:00",
    "Contact ID": "C-000001",
    Contact: "Good Gina",
    Channel: "Call",
    Direction: "Outbound",
    Outcome: "Connected",
    "Logged By": ALEX,
  },
  {
    "Touch ID": "T-0000002",
    Timestamp: "2026-11-20 11:00",
    "Contact ID": "C-999999",
    Contact: "Ghost",
    Channel: "Email",
    Direction: "Outbound",
    Outcome: "Sent",
    "Logged By": ALEX,
  },
];

function newSheet(): Workbench {
  const wb = createWorkbench({ now: SETUP_AT, zone: ZONE });
  typeRows(wb, "Contacts", CONTACT_ROWS);
  typeRows(wb, "Touches", TOUCH_ROWS);
  turnOnAutomation(wb, ALEX);
  return wb;
}

function hourlyRun(wb: Workbench): RunResult {
  wb.emu.clock.set(RUN_AT);
  const fired = wb.emu.runDueTimeTriggers();
  expect(fired).toHaveLength(1);
  expect(fired[0]!.error).toBeUndefined();
  return fired[0]!;
}

describe("bad rows are named in Problem and never stop the others", () => {
  let wb: Workbench;
  let byName: Map<unknown, Record<string, unknown>>;
  let contactRows: Record<string, unknown>[];
  let run: Record<string, unknown>;

  beforeAll(() => {
    wb = newSheet();
    setSetting(wb, "Digest hour", "eight");
    setSetting(wb, "Time zone", "Mars/Olympus_Mons");
    hourlyRun(wb);
    contactRows = rowRecords(wb, "Contacts");
    byName = new Map(contactRows.map((c) => [c["Name"], c]));
    const runs = rowRecords(wb, "Runs");
    expect(runs).toHaveLength(1);
    run = runs[0]!;
  });

  test("the run completes and counts every real contact", () => {
    expect(run).toMatchObject({ Trigger: "Hourly", User: ALEX, Contacts: 9, Error: "" });
  });

  test("every contact row is computed, bad cells or not", () => {
    const named = contactRows.filter((c) => c["Name"] !== "");
    expect(named).toHaveLength(9);
    for (const c of named) {
      expect({ name: c["Name"], status: STATUSES.includes(String(c["Status"])) }).toEqual({
        name: c["Name"],
        status: true,
      });
      expect({ name: c["Name"], step: String(c["Step"]) }).not.toEqual({
        name: c["Name"],
        step: "",
      });
    }
    expect(byName.get("Good Gina")?.["Problem"]).toBe("");
    expect(byName.get("Last Lee")?.["Problem"]).toBe("");
  });

  test.each([
    ["Date Dan", /Next Follow-Up .*next tuesday/i],
    ["Deal Dora", /Deal Value "ten thousand" is not a number/],
    ["Stage Stan", /Unknown stage "Prospect"/],
    ["Tier Tia", /Unknown tier "Lukewarm"/],
    ["Cadence Cal", /Unknown cadence "Hott"/],
    ["Dup One", /Duplicate ID C-000007 \(also row 12\)/],
    ["Dup Two", /Duplicate ID C-000007 \(also row 11\)/],
  ])("%s: Problem says %s", (name, pattern) => {
    expect(String(byName.get(name)?.["Problem"])).toMatch(pattern);
    expect(STATUSES).toContain(byName.get(name)?.["Status"]);
  });

  test("blank rows in the middle stay blank", () => {
    // Sheet rows 5, 9 and 10 are the blank ones (table rows 4, 8, 9 → indexes 3, 7, 8).
    for (const index of [3, 7, 8]) {
      expect({
        index,
        filled: Object.values(contactRows[index]!).filter((cell) => cell !== ""),
      }).toEqual({
        index,
        filled: [],
      });
    }
  });

  test("a touch for an unknown contact ID, and bad settings, are named in Runs Problems", () => {
    const problems = String(run["Problems"]);
    expect(problems).toMatch(/C-999999/);
    expect(problems).toMatch(/Touches row 3/);
    expect(problems).toMatch(
      /Setting "Digest hour": "eight" is not a number; using the default \(8\)/,
    );
    expect(problems).toMatch(/Setting "Time zone".*Mars\/Olympus_Mons/);
    // The touch rows stay as typed.
    expect(rowRecords(wb, "Touches").map((t) => t["Contact ID"])).toEqual(["C-000001", "C-999999"]);
  });

  test("the defaults stand in for the bad settings", () => {
    // Digest hour falls back to 8: the 09:00 run sent the digest, in the sheet's time zone.
    const digests = wb.emu.gmail.sent(ALEX);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.plainBody).toContain(`Times are in ${ZONE}`);
    expect(digests[0]!.plainBody).toContain("Sent by Touchbase once a day after 8:00");
  });
});

describe("values near the 50,000-character cell limit", () => {
  test("a Problem quoting them is cut to fit, and every other row is still computed", () => {
    const wb = createWorkbench({ now: SETUP_AT, zone: ZONE });
    typeRows(wb, "Contacts", [
      contact("C-000001", "Long Stage Lee", { Stage: "x".repeat(49_000) }),
      contact("C-000002", "Long Tier Tom", {
        Tier: "y".repeat(30_000),
        Cadence: "z".repeat(30_000),
      }),
      contact("C-000003", "Plain Pat"),
    ]);
    turnOnAutomation(wb, ALEX);
    hourlyRun(wb);

    const runs = rowRecords(wb, "Runs");
    expect(runs.at(-1)?.["Error"]).toBe("");
    const rows = rowRecords(wb, "Contacts");
    for (const row of rows) expect(STATUSES).toContain(String(row["Status"]));
    const problemOf = (name: string) => String(rows.find((r) => r["Name"] === name)?.["Problem"]);
    expect(problemOf("Long Stage Lee")).toMatch(/^Unknown stage "x{100}/);
    expect(problemOf("Long Tier Tom").length).toBeLessThanOrEqual(50_000);
    expect(problemOf("Long Tier Tom")).toMatch(/…$/);
    expect(problemOf("Plain Pat")).toBe("");
  });
});

describe("a missing required column stops the run before anything is written", () => {
  test.each([
    ["Contacts", "Name"],
    ["Touches", "Direction"],
  ])("%s without %s", (tab, column) => {
    const wb = newSheet();
    clearHeader(wb, tab, column);
    const contactsBefore = wb.values("Contacts");
    const touchesBefore = wb.values("Touches");

    hourlyRun(wb);

    const runs = rowRecords(wb, "Runs");
    expect(runs).toHaveLength(1);
    const error = String(runs[0]!["Error"]);
    expect(error).toContain(`"${tab}"`);
    expect(error).toContain(`"${column}"`);
    expect(runs[0]).toMatchObject({ Trigger: "Hourly", Contacts: 0, Digests: 0 });
    expect(wb.values("Contacts")).toEqual(contactsBefore);
    expect(wb.values("Touches")).toEqual(touchesBefore);
    expect(wb.emu.gmail.sent(ALEX)).toHaveLength(0);
  });

  test("after the column is put back, the next run completes", () => {
    const wb = newSheet();
    clearHeader(wb, "Contacts", "Name");
    hourlyRun(wb);
    const sheet = sheetOf(wb, "Contacts");
    sheet.getRange(1, 2).setValue("Name");
    wb.emu.clock.set(new Date(RUN_AT.getTime() + 3_600_000));
    const fired = wb.emu.runDueTimeTriggers();
    expect(fired).toHaveLength(1);
    const runs = rowRecords(wb, "Runs");
    expect(runs.at(-1)).toMatchObject({ Contacts: 9, Error: "" });
  });
});
