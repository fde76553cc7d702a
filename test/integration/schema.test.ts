// Columns are found by header name (DESIGN §1): a missing required column is a clear error naming
// the tab and the column, shown to the person and logged in Runs, and nothing is half-written.
// Headers match ignoring case, surrounding and repeated spaces.
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import {
  ALEX,
  clearHeader,
  columnNumber,
  COMPUTED,
  headerRow,
  lastAlert,
  lastAlertTitle,
  type Row,
  rowRecords,
  sheetOf,
  typeRows,
  ZONE,
} from "./support";

const NOW = new Date("2026-03-02T14:00:00Z"); // a Monday, 09:00 in New York

/** Writes records under a tab's headers (by header name), below its last row. */
function addRows(wb: Workbench, tab: string, rows: readonly Row[]): void {
  typeRows(wb, tab, rows, sheetOf(wb, tab).getLastRow() + 1);
}

/** A set-up sheet with three of Alex's contacts and one logged call. */
function teamSheet(): Workbench {
  const wb = createWorkbench({ now: NOW, zone: ZONE });
  addRows(wb, "Contacts", [
    {
      ID: "C-000001",
      Name: "Ana Ortiz",
      Email: "ana@client.test",
      Owner: ALEX,
      Stage: "Qualified",
      Tier: "Hot",
      Created: new Date("2026-02-20T15:00:00Z"),
    },
    {
      ID: "C-000002",
      Name: "Ben Park",
      Email: "ben@client.test",
      Owner: ALEX,
      Stage: "Proposal Sent",
      Tier: "Warm",
      Created: new Date("2026-02-10T15:00:00Z"),
    },
    {
      ID: "C-000003",
      Name: "Cy Diaz",
      Email: "cy@client.test",
      Owner: ALEX,
      Stage: "New Lead",
      Created: new Date("2026-03-01T15:00:00Z"),
    },
  ]);
  addRows(wb, "Touches", [
    {
      "Touch ID": "T-000001",
      Timestamp: new Date("2026-02-25T16:00:00Z"),
      "Contact ID": "C-000001",
      Contact: "Ana Ortiz",
      Channel: "Call",
      Direction: "Outbound",
      Outcome: "Connected",
      "Logged By": ALEX,
      Source: "Sheet",
    },
  ]);
  return wb;
}

/** Every computed cell of the contact rows, by header. */
function computedCells(wb: Workbench, rows = 3): Record<string, unknown[]> {
  const contacts = sheetOf(wb, "Contacts");
  return Object.fromEntries(
    COMPUTED.map((header) => [
      header,
      contacts
        .getRange(2, columnNumber(contacts, header), rows, 1)
        .getValues()
        .map((r) => r[0]),
    ]),
  );
}

describe("a healthy sheet (the baseline the failure cases are measured against)", () => {
  it("Refresh now writes every contact's computed columns and one Runs row", () => {
    const wb = teamSheet();
    const result = wb.menu("menuRefreshNow");
    expect(result.error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(/^Refreshed 3 contacts/);
    const cells = computedCells(wb);
    expect(cells["Status"]!.filter((s) => typeof s !== "string" || s === "")).toEqual([]);
    expect(cells["Due"]!.filter((d) => !(d instanceof Date))).toEqual([]);
    expect(cells["Touches"]).toEqual([1, 0, 0]);
    const runs = rowRecords(wb, "Runs");
    expect(runs).toHaveLength(1);
    expect(runs[0]?.["Error"]).toBe("");
    expect(runs[0]?.["Contacts"]).toBe(3);
  });
});

describe("a required column is missing", () => {
  it.each([
    ["Contacts", "Name"],
    ["Contacts", "ID"],
    ["Touches", "Direction"],
    ["Touches", "Contact ID"],
  ])(
    "%s without %s: an alert and a Runs Error name both, and nothing is written",
    (tab, column) => {
      const wb = teamSheet();
      clearHeader(wb, tab, column);
      const contactsBefore = wb.values("Contacts");
      const touchesBefore = wb.values("Touches");

      const result = wb.menu("menuRefreshNow");

      expect(result.error).toBeUndefined();
      expect(lastAlertTitle(wb)).toBe("Refresh now");
      const prompt = lastAlert(wb);
      expect(prompt).toContain(`"${tab}"`);
      expect(prompt).toContain(`"${column}"`);
      expect(prompt).toContain("Set up / repair sheets");

      const runs = rowRecords(wb, "Runs");
      expect(runs).toHaveLength(1);
      const error = String(runs[0]?.["Error"]);
      expect(error).toContain(`"${tab}"`);
      expect(error).toContain(`"${column}"`);
      expect(runs[0]?.["User"]).toBe(ALEX);
      expect(runs[0]?.["Trigger"]).toBe("Menu");

      // No computed column (nor anything else) was written on either tab.
      expect(wb.values("Contacts")).toEqual(contactsBefore);
      expect(wb.values("Touches")).toEqual(touchesBefore);
      expect(
        Object.values(computedCells(wb))
          .flat()
          .filter((cell) => cell !== ""),
      ).toEqual([]);
    },
  );

  it("several missing columns are all named in one message", () => {
    const wb = teamSheet();
    clearHeader(wb, "Contacts", "Name");
    clearHeader(wb, "Contacts", "ID");
    wb.menu("menuRefreshNow");
    const prompt = lastAlert(wb);
    expect(prompt).toContain('"Contacts"');
    expect(prompt).toContain('"ID"');
    expect(prompt).toContain('"Name"');
  });

  it("a missing Contacts tab is named in the alert and in Runs", () => {
    const wb = teamSheet();
    wb.spreadsheet().deleteSheet(sheetOf(wb, "Contacts"));
    const result = wb.menu("menuRefreshNow");
    expect(result.error).toBeUndefined();
    expect(lastAlert(wb)).toContain('"Contacts" tab is missing');
    expect(String(rowRecords(wb, "Runs")[0]?.["Error"])).toContain('"Contacts" tab is missing');
  });

  it("after Set up / repair adds the column back, the refresh works again", () => {
    const wb = teamSheet();
    clearHeader(wb, "Touches", "Direction");
    wb.menu("menuRefreshNow");
    expect(String(rowRecords(wb, "Runs")[0]?.["Error"])).toContain('"Direction"');

    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();
    expect(lastAlert(wb)).toContain("Added to Touches: Direction");
    const touches = sheetOf(wb, "Touches");
    expect(headerRow(touches).at(-1)).toBe("Direction");

    // The old call has no Direction now; the refresh still runs and writes every row.
    wb.menu("menuRefreshNow");
    const runs = rowRecords(wb, "Runs");
    expect(runs).toHaveLength(2);
    expect(runs[1]?.["Error"]).toBe("");
    expect(computedCells(wb)["Status"]!.filter((s) => s === "")).toEqual([]);
  });
});

describe("a tab the refresh can do without is broken", () => {
  it.each([
    ["Settings", "Value"],
    ["Cadences", "Day"],
  ])(
    "%s without %s: the refresh still runs on defaults and reports the problem by name",
    (tab, column) => {
      const wb = teamSheet();
      clearHeader(wb, tab, column);

      const result = wb.menu("menuRefreshNow");

      expect(result.error).toBeUndefined();
      const prompt = lastAlert(wb);
      expect(prompt).toMatch(/^Refreshed 3 contacts/);
      expect(prompt).toContain(`"${tab}"`);
      expect(prompt).toContain(`"${column}"`);
      const run = rowRecords(wb, "Runs")[0];
      expect(run?.["Error"]).toBe("");
      expect(String(run?.["Problems"])).toContain(`"${tab}" tab is missing the column "${column}"`);
      expect(computedCells(wb)["Status"]!.filter((s) => s === "")).toEqual([]);
    },
  );
});

describe("header matching ignores case, surrounding and repeated spaces", () => {
  it("loosely typed headers are found; setup adds no duplicate and the refresh uses them", () => {
    const wb = teamSheet();
    const contacts = sheetOf(wb, "Contacts");
    const rename = (header: string, typed: string) =>
      contacts.getRange(1, columnNumber(contacts, header)).setValue(typed);
    // Cy (a New Lead) agreed a call on Thursday: the explicit Next Follow-Up drives the due date.
    contacts
      .getRange(4, columnNumber(contacts, "Next Follow-Up"))
      .setValue(new Date("2026-03-05T15:00:00Z"));
    rename("Name", "NAME");
    rename("Next Follow-Up", "  next   follow-up ");
    rename("Status", "status ");
    const width = contacts.getLastColumn();

    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();
    expect(contacts.getLastColumn()).toBe(width);

    expect(wb.menu("menuRefreshNow").error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(/^Refreshed 3 contacts/);
    expect(rowRecords(wb, "Runs")[0]?.["Error"]).toBe("");
    const headers = headerRow(contacts);
    const statusColumn = headers.indexOf("status ") + 1;
    const dueColumn = headers.indexOf("Due") + 1;
    const statuses = contacts
      .getRange(2, statusColumn, 3, 1)
      .getValues()
      .map((r) => r[0]);
    expect(statuses.filter((s) => typeof s !== "string" || s === "")).toEqual([]);
    expect(statuses[2]).toBe("Upcoming");
    expect(contacts.getRange(4, dueColumn).getValue()).toEqual(new Date("2026-03-05T15:00:00Z"));
  });
});
