// Limits degrade, never block (issue 7 item 4), on the built bundle: a spreadsheet at the
// 10-million-cell limit, a digest past the 200 KB email limit, and problem lists that grow with
// the sheet (5,000 unknown Contact IDs) in alerts, Runs cells and the digest.
import { timeDrivenEvent } from "../../emulator";
import { MAX_CELLS } from "../../emulator/spreadsheet";
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import {
  ALEX,
  lastAlert,
  records,
  rowRecords,
  setSetting,
  sheetOf,
  turnOnAutomation,
  typeRows,
  ZONE,
} from "./support";

/** Monday 23 November 2026, 09:20 in New York: after Digest hour. */
const NOW = new Date("2026-11-23T14:20:00Z");
const daysBefore = (days: number): Date => new Date(NOW.getTime() - days * 86_400_000);
/** The platform's per-message limit, for the text and HTML parts together. */
const EMAIL_LIMIT_BYTES = 200 * 1024;

function team(): Workbench {
  const wb = createWorkbench({
    now: NOW,
    zone: ZONE,
    demo: { contacts: 30, touches: 200, seed: 5 },
  });
  turnOnAutomation(wb, ALEX);
  return wb;
}

/** Appends contacts below the demo's, typed as a person would. */
function addContacts(wb: Workbench, rows: Record<string, unknown>[]): void {
  typeRows(wb, "Contacts", rows, sheetOf(wb, "Contacts").getLastRow() + 1);
}

/**
 * Brings the spreadsheet to exactly the 10-million-cell limit: Touches keeps no spare row (an
 * append must grow it) and a tab of the user's own holds the remaining cells.
 */
function fillToCellLimit(wb: Workbench): void {
  const touches = sheetOf(wb, "Touches");
  const spare = touches.getMaxRows() - touches.getLastRow();
  if (spare > 0) touches.deleteRows(touches.getLastRow() + 1, spare);
  const filler = wb.spreadsheet().insertSheet("Old imports");
  filler.deleteColumns(2, filler.getMaxColumns() - 1);
  const free = MAX_CELLS - wb.emu.spreadsheets.cellCount(wb.spreadsheetId);
  wb.emu.spreadsheets.growGrid(wb.spreadsheetId, "Old imports", {
    maxRows: filler.getMaxRows() + free,
  });
  expect(wb.emu.spreadsheets.cellCount(wb.spreadsheetId)).toBe(MAX_CELLS);
}

/** ALEX's hourly trigger, fired at `at`. */
function hourlyRun(wb: Workbench, at = NOW) {
  const trigger = wb.emu.triggers.forUser(ALEX)[0];
  if (!trigger) throw new Error("no trigger after turning automation on");
  wb.emu.clock.set(at);
  return wb.app.run(
    { user: ALEX, authMode: "FULL", kind: "trigger", triggerUid: trigger.uid },
    "runAutomation",
    timeDrivenEvent(at, trigger.uid),
  );
}

describe("a spreadsheet at the 10-million-cell limit", () => {
  test("a tier change that cannot be logged stops nothing: Status, digest and Runs name the limit", () => {
    const wb = team();
    addContacts(wb, [
      {
        ID: "C-009001",
        Name: "Dana Dark",
        Owner: ALEX,
        Stage: "Qualified",
        Tier: "Hot",
        "Next Follow-Up": daysBefore(3),
        Created: daysBefore(80),
      },
    ]);
    fillToCellLimit(wb);
    const touchesBefore = records(wb, "Touches").length;

    const result = hourlyRun(wb);
    expect(result.error).toBeUndefined();

    const contacts = records(wb, "Contacts");
    expect(contacts.filter((c) => c["Status"] === "").map((c) => c["Name"])).toEqual([]);
    const dana = contacts.find((c) => c["Name"] === "Dana Dark")!;
    // Computed as the next run will see it; the tier itself waits for its touch to be logged.
    expect(dana).toMatchObject({ Tier: "Hot", Status: "Overdue" });
    expect(records(wb, "Touches")).toHaveLength(touchesBefore);

    const run = rowRecords(wb, "Runs").at(-1)!;
    expect(String(run["Error"])).toContain("limit of 10 million cells");
    expect(String(run["Error"])).toContain("Archive old touches");
    expect(run["Contacts"]).toBe(contacts.length);

    const digests = wb.emu.gmail.sent(ALEX);
    expect(digests).toHaveLength(1);
    expect(digests[0]!.plainBody).toMatch(/SHEET PROBLEMS \(1\)\n- Touches: .*limit of 10 million/);
  });

  test("the Runs row still gets written when Runs has no spare row: the oldest one makes room", () => {
    const wb = team();
    const runs = sheetOf(wb, "Runs");
    hourlyRun(wb);
    hourlyRun(wb, new Date(NOW.getTime() + 3_600_000));
    expect(rowRecords(wb, "Runs")).toHaveLength(2);
    runs.deleteRows(runs.getLastRow() + 1, runs.getMaxRows() - runs.getLastRow());
    fillToCellLimit(wb);
    const firstStarted = rowRecords(wb, "Runs")[0]!["Started"];

    const third = hourlyRun(wb, new Date(NOW.getTime() + 2 * 3_600_000));
    expect(third.error).toBeUndefined();

    const rows = rowRecords(wb, "Runs");
    expect(rows).toHaveLength(2);
    expect(rows[0]!["Started"]).not.toEqual(firstStarted);
    expect((rows[1]!["Started"] as Date).getTime()).toBeGreaterThanOrEqual(
      NOW.getTime() + 2 * 3_600_000,
    );
  });
});

describe("a digest past the 200 KB email limit", () => {
  test("is cut to fit (\u201cand N more in the spreadsheet\u201d) and sent, not retried forever", () => {
    const wb = team();
    setSetting(wb, "Manager emails", ALEX);
    // Long cells full of characters that HTML escaping makes longer still.
    const long = (label: string, i: number) => `${label} ${i} ${"<&\"'> ".repeat(2_000)}`;
    const rows = Array.from({ length: 150 }, (_, i) => ({
      ID: `C-${String(8000 + i).padStart(6, "0")}`,
      Name: long("Name", i),
      Company: long("Company", i),
      Owner: i % 3 === 0 ? "" : ALEX,
      Stage: "Qualified",
      Tier: "Warm",
      Cadence: long("Cadence", i),
      "Next Step": long("Next step", i),
      "Next Follow-Up": daysBefore(2),
      Created: daysBefore(40),
    }));
    addContacts(wb, rows);

    const result = wb.menu("menuSendMyDigestNow", ALEX);
    expect(result.error).toBeUndefined();
    expect(lastAlert(wb)).toBe(`Your digest was sent to ${ALEX}.`);
    const [digest] = wb.emu.gmail.sent(ALEX);
    const bytes = Buffer.byteLength(digest!.plainBody) + Buffer.byteLength(digest!.htmlBody ?? "");
    expect(bytes).toBeLessThanOrEqual(EMAIL_LIMIT_BYTES);
    expect(digest!.plainBody).toContain("- Name 1 <&");
    expect(digest!.plainBody).toMatch(/…and \d+ more in the spreadsheet\./);
    expect(rowRecords(wb, "Runs").at(-1)!["Error"]).toBe("");
  });
});

describe("lists that grow with the sheet are summarised", () => {
  test("5,000 unknown Contact IDs: the Refresh alert, the Runs cell and the digest stay short", () => {
    const wb = team();
    setSetting(wb, "Manager emails", ALEX);
    const touches = sheetOf(wb, "Touches");
    const stray = Array.from({ length: 5_000 }, (_, i) => ({
      "Touch ID": `T-${String(900_000 + i).padStart(7, "0")}`,
      Timestamp: daysBefore(1),
      "Contact ID": `C-${String(700_000 + i)}`,
      Channel: "Call",
      Direction: "Outbound",
      Outcome: "Connected",
    }));
    touches.insertRowsAfter(touches.getMaxRows(), stray.length);
    typeRows(wb, "Touches", stray, touches.getLastRow() + 1);

    const refresh = wb.menu("menuRefreshNow", ALEX);
    expect(refresh.error).toBeUndefined();
    const alert = lastAlert(wb);
    expect(alert.length).toBeLessThan(3_000);
    expect(alert).toContain("Touches: unknown Contact ID on 5,000 rows: row ");
    expect(alert).toContain('"C-700000"');
    expect(alert).toContain("and 4,995 more");
    const problems = String(rowRecords(wb, "Runs").at(-1)!["Problems"]);
    expect(problems.length).toBeLessThan(3_000);
    expect(problems).toContain("unknown Contact ID on 5,000 rows");

    expect(wb.menu("menuSendMyDigestNow", ALEX).error).toBeUndefined();
    const [digest] = wb.emu.gmail.sent(ALEX);
    expect(digest!.plainBody).toMatch(
      /SHEET PROBLEMS \(1\)\n- Touches: unknown Contact ID on 5,000 rows: row \d+ "C-700000"/,
    );
  });
});
