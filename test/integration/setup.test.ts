// "Set up / repair sheets" through the built bundle (DESIGN §1): the tabs, headers, dropdowns,
// checkboxes, default rows, protections and colours; idempotence; and repairing a hand-made sheet
// without moving or losing anything the user typed.
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import { TABLE_SPECS } from "../../src/domain/schema";
import {
  ALEX,
  columnNumber,
  COMPUTED,
  headerRow,
  lastAlert,
  lastAlertTitle,
  records,
  SAM,
  type Sheet,
  sheetOf,
  STATUSES,
  ZONE,
} from "./support";

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const NOW = new Date("2026-03-02T14:00:00Z");

// The contract, copied from DESIGN §1 (not imported from src, so a renamed header fails here).
const HEADERS: Readonly<Record<string, readonly string[]>> = {
  Contacts: [
    "ID",
    "Name",
    "Email",
    "Phone",
    "Company",
    "Owner",
    "Stage",
    "Tier",
    "Cadence",
    "Deal Value",
    "Topic",
    "Next Step",
    "Next Follow-Up",
    "Renewal Date",
    "Auto Email",
    "Paused",
    "Opted Out",
    "Created",
    "Status",
    "Due",
    "Last Touch",
    "Days Since Touch",
    "Touches",
    "Attempts",
    "Step",
    "Last Outcome",
    "Cadence Start",
    "Problem",
  ],
  Touches: [
    "Touch ID",
    "Timestamp",
    "Contact ID",
    "Contact",
    "Channel",
    "Direction",
    "Outcome",
    "Template",
    "Step",
    "Stage",
    "Notes",
    "Next Step",
    "Next Follow-Up",
    "Logged By",
    "Source",
    "Thread ID",
    "Delivery",
  ],
  Templates: ["Name", "Subject", "Body", "Channel", "Active", "Notes"],
  Cadences: [
    "Cadence",
    "Applies To",
    "Step",
    "Day",
    "Channel",
    "Template",
    "Auto Send",
    "Repeat Every",
    "Note",
  ],
  Settings: ["Setting", "Value", "Description"],
  Runs: [
    "Started",
    "User",
    "Trigger",
    "Seconds",
    "Contacts",
    "Due",
    "Overdue",
    "Digests",
    "Emails Sent",
    "Drafts",
    "Replies Found",
    "Deferred",
    "Problems",
    "Error",
    "Archived",
  ],
};
const TABLE_TABS = Object.keys(HEADERS);
const ALL_TABS = [...TABLE_TABS.slice(0, 5), "Runs", "Metrics"];

const DROPDOWNS: readonly { tab: string; header: string; options: readonly string[] }[] = [
  {
    tab: "Contacts",
    header: "Stage",
    options: [
      "New Lead",
      "Qualified",
      "Meeting Completed",
      "Proposal Sent",
      "Negotiation",
      "Won",
      "Lost",
      "Nurture",
    ],
  },
  { tab: "Contacts", header: "Tier", options: ["Hot", "Warm", "Cold", "Dead"] },
  {
    tab: "Touches",
    header: "Channel",
    options: ["Email", "Call", "Meeting", "SMS", "LinkedIn", "Letter", "Note"],
  },
  { tab: "Touches", header: "Direction", options: ["Outbound", "Inbound", "Internal"] },
];
/** DESIGN §1's outcomes; the dropdown may offer more (e.g. Handoff), never fewer. */
const DESIGN_OUTCOMES = [
  "Connected",
  "No Answer",
  "Left Voicemail",
  "Busy",
  "Wrong Number",
  "Scheduled",
  "Completed",
  "Rescheduled",
  "No Show",
  "Canceled",
  "Sent",
  "Replied",
  "Bounced",
  "Stage Changed",
  "Note",
];
const CHECKBOXES: readonly { tab: string; header: string }[] = [
  { tab: "Contacts", header: "Auto Email" },
  { tab: "Contacts", header: "Paused" },
  { tab: "Contacts", header: "Opted Out" },
  { tab: "Templates", header: "Active" },
  { tab: "Cadences", header: "Auto Send" },
];
/** DESIGN §1 Settings with their defaults ("" = blank; Time zone blank = the spreadsheet's). */
const SETTING_DEFAULTS: readonly [string, string | number][] = [
  ["Time zone", ""],
  ["Digest hour", 8],
  ["Skip weekends", "Yes"],
  ["Email mode", "Drafts"],
  ["Daily email cap", 50],
  ["Max attempts before nurture", 5],
  ["Nurture every (days)", 90],
  ["Check-in after (days)", 7],
  ["Stale after (days)", 14],
  ["Hot goes warm after (days)", 30],
  ["Auto-adjust tier", "Yes"],
  ["New lead response (hours)", 4],
  ["Reply response (hours)", 4],
  ["Renewal lead time (days)", 90],
  ["Manager emails", ""],
  ["Sender name", ""],
  ["Signature", ""],
  ["Metrics window (days)", 90],
  ["Send window (hours)", "8-18"],
  ["Opt-out line", `If you'd rather not hear from me, just reply "unsubscribe".`],
  ["Sync calendar", "Yes"],
];
/** DESIGN §1 default cadences: Applies To → the Day offsets of its steps. */
const CADENCE_DAYS: readonly [string, number[]][] = [
  ["Stage: Proposal Sent", [3, 7, 14, 21]],
  ["Stage: Meeting Completed", [1, 3, 7]],
  ["Stage: Negotiation", [2]],
  ["Stage: Won", [7, 30]],
  ["Stage: Lost", [1]],
  ["Stage: Nurture", [90]],
  ["Tier: Hot", [0, 1, 2, 4, 6, 9, 13, 20]],
  ["Tier: Warm", [0, 3, 7, 14, 21, 29, 37, 44, 51, 59]],
  ["Tier: Cold", [0, 6, 16, 27, 41, 55, 69, 83, 97, 111, 119]],
  ["Tier: Dead", [90]],
  ["Any", [0, 2, 6, 13, 29]],
];
/** The eight kinds of default template DESIGN §1 asks for, recognised by name. */
const TEMPLATE_KINDS: readonly [string, RegExp][] = [
  ["post-meeting recap", /post.?meeting/i],
  ["no-response #1", /no.?response.*#?\s*1/i],
  ["no-response #2 (new angle)", /no.?response.*#?\s*2/i],
  ["value-add", /value.?add/i],
  ["social proof", /social proof/i],
  ["proposal check-in", /proposal check.?in/i],
  ["re-engagement", /re.?engage/i],
  ["permission-to-close (breakup)", /permission to close|break.?up/i],
];

function appOf(wb: Workbench): SpreadsheetApp {
  return wb.emu.services.SpreadsheetApp as SpreadsheetApp;
}

function validationOf(sheet: Sheet, row: number, column: number) {
  const rule = sheet.getRange(row, column).getDataValidation();
  if (!rule) return null;
  return {
    type: String(rule.getCriteriaType()),
    values: rule.getCriteriaValues().map((v) => (Array.isArray(v) ? [...v] : v)),
  };
}

/** A grid layer as runs of equal cells per row, so a whole-sheet snapshot stays small. */
function layerRuns(rows: readonly (readonly unknown[] | undefined)[]): string[] {
  return rows.map((cells) => {
    if (!cells) return "";
    const runs: string[] = [];
    let last = "";
    let count = 0;
    for (let c = 0; c < cells.length; c++) {
      const key = JSON.stringify(cells[c] ?? null);
      if (count > 0 && key === last) count++;
      else {
        if (count > 0) runs.push(`${count}×${last}`);
        last = key;
        count = 1;
      }
    }
    if (count > 0) runs.push(`${count}×${last}`);
    return runs.join(" ");
  });
}

/** Everything setup can touch, read from the emulator's own data (not through the script API). */
function fullSnapshot(wb: Workbench) {
  const data = wb.emu.spreadsheets.dataOf(wb.spreadsheetId);
  if (!data) throw new Error("no spreadsheet data");
  return {
    sheetOrder: data.sheets.map((sheet) => sheet.name),
    protections: data.protections.map((p) => ({ ...p })),
    protectionCount: data.protections.length,
    namedRanges: [...data.namedRanges.entries()],
    sheets: data.sheets.map((sheet) => ({
      name: sheet.name,
      id: sheet.id,
      maxRows: sheet.maxRows,
      maxColumns: sheet.maxColumns,
      frozenRows: sheet.frozenRows,
      frozenColumns: sheet.frozenColumns,
      values: layerRuns(sheet.values.rows),
      formulas: layerRuns(sheet.formulas.rows),
      formats: layerRuns(sheet.formats.rows),
      notes: layerRuns(sheet.notes.rows),
      validations: layerRuns(sheet.validations.rows),
      styles: [...sheet.styles.entries()].map(([key, grid]) => [key, layerRuns(grid.rows)]),
      columnWidths: [...sheet.columnWidths.entries()].sort((a, b) => a[0] - b[0]),
      hiddenColumns: [...sheet.hiddenColumns].sort(),
      ruleCount: sheet.conditionalRules.length,
      conditionalRules: JSON.parse(JSON.stringify(sheet.conditionalRules)) as unknown,
      charts: sheet.charts.length,
      filter: sheet.filter,
    })),
  };
}

describe("Set up / repair sheets on a new spreadsheet", () => {
  const wb = createWorkbench({ now: NOW, zone: ZONE });

  it("creates every DESIGN §1 tab after the user's own, and says so", () => {
    expect(
      wb
        .spreadsheet()
        .getSheets()
        .map((s) => s.getName()),
    ).toEqual(["Sheet1", ...ALL_TABS]);
    expect(lastAlertTitle(wb)).toBe("Set up / repair sheets");
    const prompt = lastAlert(wb);
    for (const tab of ALL_TABS) expect(prompt).toContain(tab);
  });

  it.each(TABLE_TABS)("%s has exactly DESIGN's headers and a frozen header row", (tab) => {
    const sheet = sheetOf(wb, tab);
    expect(headerRow(sheet)).toEqual(HEADERS[tab]);
    expect(sheet.getFrozenRows()).toBe(1);
    const width = HEADERS[tab]!.length;
    expect(sheet.getRange(1, 1, 1, width).getFontWeights()[0]).toEqual(
      HEADERS[tab]!.map(() => "bold"),
    );
    // Widths are layout, not DESIGN words: taken from the schema.
    const spec = TABLE_SPECS.find((t) => t.tab === tab)!;
    const widths = spec.columns.map((_, i) => sheet.getColumnWidth(i + 1));
    expect(widths).toEqual(spec.columns.map((c) => c.width ?? 100));
  });

  it("Metrics exists for the refresh to fill, titled as generated, and Contacts holds no rows", () => {
    expect(sheetOf(wb, "Metrics").getRange(1, 1).getValue()).toBe(
      "Touchbase metrics (generated: Touchbase rewrites this tab)",
    );
    // Checkbox columns stay blank: no blank-but-not-empty rows left behind.
    expect([sheetOf(wb, "Contacts").getLastRow(), sheetOf(wb, "Touches").getLastRow()]).toEqual([
      1, 1,
    ]);
  });

  it.each(DROPDOWNS.map((d) => [`${d.tab} ${d.header}`, d] as const))(
    "%s is a dropdown of DESIGN's words on every data row",
    (_name, { tab, header, options }) => {
      const sheet = sheetOf(wb, tab);
      const column = columnNumber(sheet, header);
      for (const row of [2, 3, sheet.getMaxRows()]) {
        const rule = validationOf(sheet, row, column);
        expect(rule?.type).toBe("VALUE_IN_LIST");
        expect(rule?.values[0]).toEqual(options);
      }
      expect(validationOf(sheet, 1, column)).toBeNull();
    },
  );

  it("Touches Outcome is a dropdown holding every DESIGN outcome", () => {
    const sheet = sheetOf(wb, "Touches");
    const column = columnNumber(sheet, "Outcome");
    for (const row of [2, sheet.getMaxRows()]) {
      const rule = validationOf(sheet, row, column);
      expect(rule?.type).toBe("VALUE_IN_LIST");
      expect(rule?.values[0]).toEqual(expect.arrayContaining(DESIGN_OUTCOMES));
    }
  });

  it("Settings' Email mode value is a Drafts / Send / Off dropdown", () => {
    const sheet = sheetOf(wb, "Settings");
    const names = sheet
      .getRange(1, 1, sheet.getLastRow(), 1)
      .getValues()
      .map((r) => r[0]);
    const row = names.indexOf("Email mode") + 1;
    expect(row).toBeGreaterThan(1);
    const valueColumn = columnNumber(sheet, "Value");
    const rule = validationOf(sheet, row, valueColumn);
    expect(rule?.type).toBe("VALUE_IN_LIST");
    expect(rule?.values[0]).toEqual(["Drafts", "Send", "Off"]);
    // Yes/No settings get a Yes / No dropdown; free-text ones none.
    const skip = validationOf(sheet, names.indexOf("Skip weekends") + 1, valueColumn);
    expect(skip?.values[0]).toEqual(["Yes", "No"]);
    expect(validationOf(sheet, names.indexOf("Signature") + 1, valueColumn)).toBeNull();
  });

  it.each(CHECKBOXES.map((c) => [`${c.tab} ${c.header}`, c] as const))(
    "%s is a checkbox column",
    (_name, { tab, header }) => {
      const sheet = sheetOf(wb, tab);
      const column = columnNumber(sheet, header);
      for (const row of [2, sheet.getMaxRows()]) {
        expect(validationOf(sheet, row, column)?.type).toBe("CHECKBOX");
      }
    },
  );

  it("Settings holds every DESIGN setting once, with its default value", () => {
    const rows = records(wb, "Settings");
    const names = rows.map((r) => r["Setting"]);
    expect(new Set(names).size).toBe(names.length);
    for (const [name, value] of SETTING_DEFAULTS) {
      const row = rows.find((r) => r["Setting"] === name);
      expect({ name, found: row !== undefined }).toEqual({ name, found: true });
      if (name === "Time zone") expect(["", ZONE]).toContain(row?.["Value"]);
      else expect({ name, value: row?.["Value"] }).toEqual({ name, value });
      expect(String(row?.["Description"] ?? "").length).toBeGreaterThan(0);
    }
  });

  it("Cadences come stage rules first, then tier rules, then Any, with DESIGN's days", () => {
    const rows = records(wb, "Cadences");
    const rank = (appliesTo: unknown) => {
      const text = String(appliesTo);
      if (text.startsWith("Stage:")) return 0;
      if (text.startsWith("Tier:")) return 1;
      if (text === "Any") return 2;
      throw new Error(`unexpected Applies To "${text}"`);
    };
    const ranks = rows.map((r) => rank(r["Applies To"]));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks)).toEqual(new Set([0, 1, 2]));

    const appliesToOrder = [...new Set(rows.map((r) => String(r["Applies To"])))];
    expect(appliesToOrder).toEqual(CADENCE_DAYS.map(([appliesTo]) => appliesTo));
    for (const [appliesTo, days] of CADENCE_DAYS) {
      const steps = rows.filter((r) => r["Applies To"] === appliesTo);
      expect({ appliesTo, days: steps.map((r) => r["Day"]) }).toEqual({ appliesTo, days });
      expect(steps.map((r) => r["Step"])).toEqual(days.map((_, i) => i + 1));
    }
    // Automation is opted into step by step: no default step sends on its own.
    expect(rows.filter((r) => r["Auto Send"] === true)).toEqual([]);
    const repeats = (appliesTo: string) =>
      rows.filter((r) => r["Applies To"] === appliesTo).map((r) => r["Repeat Every"]);
    expect(repeats("Stage: Negotiation").at(-1)).toBe(2);
    expect(repeats("Stage: Nurture").at(-1)).toBe(90);
    expect(repeats("Tier: Dead").at(-1)).toBe(90);
  });

  it("Templates cover DESIGN's eight kinds, active, with subject and body", () => {
    const rows = records(wb, "Templates");
    for (const [kind, pattern] of TEMPLATE_KINDS) {
      const matches = rows.filter((r) => pattern.test(String(r["Name"])));
      expect({ kind, count: matches.length }).toEqual({ kind, count: 1 });
      const template = matches[0]!;
      expect(String(template["Subject"]).length).toBeGreaterThan(0);
      expect(String(template["Body"])).toMatch(/\{\{[^}]+\}\}/);
      expect(template["Active"]).toBe(true);
    }
    // Every template a default cadence step names exists.
    const names = new Set(rows.map((r) => r["Name"]));
    const named = records(wb, "Cadences")
      .map((r) => r["Template"])
      .filter((t) => t !== "");
    expect(named.length).toBeGreaterThan(0);
    for (const template of named) expect(names).toContain(template);
  });

  it("protects exactly the computed Contacts columns, with a warning", () => {
    const sheet = sheetOf(wb, "Contacts");
    const protections = sheet.getProtections(appOf(wb).ProtectionType.RANGE);
    const covered = protections.map((p) => {
      const range = p.getRange();
      expect(p.isWarningOnly()).toBe(true);
      expect(p.getDescription()).toBe("Touchbase computes this column");
      expect(range.getNumColumns()).toBe(1);
      expect(range.getRow()).toBe(1);
      expect(range.getNumRows()).toBe(sheet.getMaxRows());
      return String(range.getValues()[0]![0]);
    });
    expect(covered.sort()).toEqual([...COMPUTED].sort());
  });

  it("colours every status in the Status column, each differently", () => {
    const sheet = sheetOf(wb, "Contacts");
    const statusColumn = columnNumber(sheet, "Status");
    const rules = sheet.getConditionalFormatRules();
    const byStatus = new Map<string, string>();
    for (const rule of rules) {
      const condition = rule.getBooleanCondition();
      const status = String(condition?.getCriteriaValues()[0]);
      for (const range of rule.getRanges()) {
        expect(range.getColumn()).toBe(statusColumn);
        expect(range.getNumColumns()).toBe(1);
        expect(range.getRow()).toBe(2);
      }
      byStatus.set(status, String(condition?.getBackground()));
    }
    expect([...byStatus.keys()].sort()).toEqual([...STATUSES].sort());
    expect(new Set(byStatus.values()).size).toBe(STATUSES.length);
  });

  it("a second run changes nothing at all, and says so", () => {
    const before = fullSnapshot(wb);
    const result = wb.menu("menuSetUpSheets");
    expect(result.error).toBeUndefined();
    const after = fullSnapshot(wb);
    expect(after.sheetOrder).toEqual(before.sheetOrder);
    for (let i = 0; i < before.sheets.length; i++) {
      expect(after.sheets[i]).toEqual(before.sheets[i]);
    }
    expect(after).toEqual(before);
    expect(lastAlert(wb)).not.toMatch(/Created|Added|Wrote default rows/);
  });

  it("a third run after a refresh still changes no formatting or rule counts", () => {
    expect(wb.menu("menuRefreshNow").error).toBeUndefined();
    const before = fullSnapshot(wb);
    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();
    expect(fullSnapshot(wb)).toEqual(before);
  });
});

describe("Set up / repair sheets on a hand-made sheet", () => {
  // The user's own Contacts layout: reordered, two columns of their own, a header typed loosely.
  const USER_HEADERS = [
    "Email",
    "Region",
    "  name ",
    "ID",
    "Owner",
    "LinkedIn URL",
    "STAGE",
    "Company",
  ];
  const USER_ROWS: (string | number | boolean | Date)[][] = [
    [
      "ana@client.test",
      "EMEA",
      "Ana Ortiz",
      "C-000001",
      ALEX,
      "linkedin.com/in/ana",
      "Qualified",
      "Ortiz GmbH",
    ],
    ["", "", "", "", "", "", "", ""], // a blank row in the middle
    ["ben@client.test", "APAC", "Ben Park", "C-000002", SAM, "", "Proposal Sent", "Park & Co"],
    ["cy@client.test", "", "Cy Diaz", "", "", "linkedin.com/in/cy", "New Lead", "Diaz Ltd"],
  ];
  const TRAILING_BLANK_ROWS = 3;

  function handMade(): Workbench {
    const wb = createWorkbench({ now: NOW, zone: ZONE, setup: false });
    const spreadsheet = wb.spreadsheet();
    const contacts = spreadsheet.insertSheet("Contacts");
    contacts
      .getRange(1, 1, 1 + USER_ROWS.length, USER_HEADERS.length)
      .setValues([USER_HEADERS, ...USER_ROWS]);
    // Trailing blank rows the user once used: formatted, but holding nothing.
    contacts
      .getRange(2 + USER_ROWS.length, 1, TRAILING_BLANK_ROWS, USER_HEADERS.length)
      .setBackground("#fff2cc");
    // A colour rule of the user's own, on their Region column.
    const userRule = appOf(wb)
      .newConditionalFormatRule()
      .whenTextEqualTo("EMEA")
      .setBackground("#ffe599")
      .setRanges([contacts.getRange("B2:B1000")])
      .build();
    contacts.setConditionalFormatRules([userRule]);
    const settings = spreadsheet.insertSheet("Settings");
    settings.getRange(1, 1, 4, 3).setValues([
      ["Setting", "Value", "Description"],
      ["Digest hour", 6, "We start early"],
      ["Our quarter starts", "April", "a note of our own"],
      ["Email mode", "Send", ""],
    ]);
    spreadsheet.insertSheet("Notes").getRange(1, 1).setValue("Keep this tab");
    return wb;
  }

  it("keeps every user cell where it was, appends the missing columns after the last one", () => {
    const wb = handMade();
    const before = sheetOf(wb, "Contacts")
      .getRange(1, 1, 1 + USER_ROWS.length, USER_HEADERS.length)
      .getValues();

    const result = wb.menu("menuSetUpSheets");

    expect(result.error).toBeUndefined();
    const contacts = sheetOf(wb, "Contacts");
    const kept = contacts.getRange(1, 1, 1 + USER_ROWS.length, USER_HEADERS.length).getValues();
    expect(kept).toEqual(before);
    expect(kept.slice(1)).toEqual(USER_ROWS);

    const headers = headerRow(contacts);
    const present = new Set(USER_HEADERS.map((h) => h.trim().toLowerCase()));
    const expectedAdded = HEADERS["Contacts"]!.filter((h) => !present.has(h.toLowerCase()));
    expect(headers.slice(0, USER_HEADERS.length)).toEqual(USER_HEADERS);
    expect(headers.slice(USER_HEADERS.length)).toEqual(expectedAdded);
    // Loosely typed headers count as present: no second Name or Stage column.
    expect(headers.filter((h) => h.trim().toLowerCase() === "name")).toHaveLength(1);
    expect(headers.filter((h) => h.trim().toLowerCase() === "stage")).toHaveLength(1);

    // Nothing below the user's rows, and the new columns are empty on the user's rows.
    expect(contacts.getLastRow()).toBe(1 + USER_ROWS.length);
    const added = contacts
      .getRange(2, USER_HEADERS.length + 1, USER_ROWS.length, expectedAdded.length)
      .getValues();
    expect(added.flat().filter((cell) => cell !== "")).toEqual([]);
    // The user's colour rule is kept, first, beside one rule per status.
    const rules = contacts.getConditionalFormatRules();
    expect(rules).toHaveLength(1 + STATUSES.length);
    expect(rules[0]?.getBooleanCondition()?.getCriteriaValues()).toEqual(["EMEA"]);
    expect(rules[0]?.getRanges()[0]?.getA1Notation()).toBe("B2:B1000");
    // The user's columns still get the dropdowns of theirs that Touchbase knows.
    expect(validationOf(contacts, 2, headers.indexOf("STAGE") + 1)?.type).toBe("VALUE_IN_LIST");
  });

  it("creates the missing Touches tab and keeps the user's tabs and their order", () => {
    const wb = handMade();
    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();
    const names = wb
      .spreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names.slice(0, 4)).toEqual(["Sheet1", "Contacts", "Settings", "Notes"]);
    for (const tab of ALL_TABS) expect(names).toContain(tab);
    expect(headerRow(sheetOf(wb, "Touches"))).toEqual(HEADERS["Touches"]);
    expect(sheetOf(wb, "Touches").getLastRow()).toBe(1);
    expect(sheetOf(wb, "Notes").getRange(1, 1).getValue()).toBe("Keep this tab");
    const alert = lastAlert(wb);
    expect(alert).toContain("Touches");
    expect(alert).toMatch(/Added to Contacts/);
  });

  it("keeps the user's setting values and rows, and adds only the missing settings", () => {
    const wb = handMade();
    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();
    const rows = records(wb, "Settings");
    expect(rows.slice(0, 3)).toEqual([
      { Setting: "Digest hour", Value: 6, Description: "We start early" },
      { Setting: "Our quarter starts", Value: "April", Description: "a note of our own" },
      { Setting: "Email mode", Value: "Send", Description: "" },
    ]);
    const names = rows.map((r) => r["Setting"]);
    expect(new Set(names).size).toBe(names.length);
    for (const [name] of SETTING_DEFAULTS) expect(names).toContain(name);
    expect(rows).toHaveLength(SETTING_DEFAULTS.length + 1);
    expect(rows.find((r) => r["Setting"] === "Daily email cap")?.["Value"]).toBe(50);
    // Validation follows each setting's own row: Email mode is a dropdown, the user's note is free.
    const sheet = sheetOf(wb, "Settings");
    expect(validationOf(sheet, 4, 2)?.values[0]).toEqual(["Drafts", "Send", "Off"]);
    expect(validationOf(sheet, 3, 2)).toBeNull();
    expect(validationOf(sheet, 2, 2)?.type).toBe("NUMBER_BETWEEN");
  });

  it("is idempotent on the repaired sheet too", () => {
    const wb = handMade();
    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();
    const before = fullSnapshot(wb);
    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();
    expect(fullSnapshot(wb)).toEqual(before);
  });

  it("the repaired sheet refreshes: computed columns filled, user columns untouched", () => {
    const wb = handMade();
    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();
    const userBlock = () =>
      sheetOf(wb, "Contacts")
        .getRange(2, 1, USER_ROWS.length, USER_HEADERS.length)
        .getValues()
        .map((row) => row.filter((_, i) => USER_HEADERS[i] !== "ID"));
    const before = userBlock();

    const result = wb.menu("menuRefreshNow");

    expect(result.error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(/^Refreshed 3 contacts/);
    expect(userBlock()).toEqual(before);
    const contacts = sheetOf(wb, "Contacts");
    const headers = headerRow(contacts);
    const status = contacts
      .getRange(2, headers.indexOf("Status") + 1, USER_ROWS.length, 1)
      .getValues()
      .map((r) => r[0]);
    expect(status[1]).toBe(""); // the blank row stays blank
    expect([status[0], status[2], status[3]].filter((s) => !STATUSES.includes(String(s)))).toEqual(
      [],
    );
  });
});

describe("Set up / repair sheets after the sheet changed shape", () => {
  it("grows the grid when the user's columns fill all 26", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE, setup: false });
    const contacts = wb.spreadsheet().insertSheet("Contacts");
    const own = Array.from({ length: 24 }, (_, i) => `Mine ${i + 1}`);
    const headers = ["Name", "ID", ...own];
    const row = ["Ana Ortiz", "C-000001", ...own.map((_, i) => `value ${i + 1}`)];
    contacts.getRange(1, 1, 2, 26).setValues([headers, row]);

    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();

    const missing = HEADERS["Contacts"]!.filter((h) => h !== "Name" && h !== "ID");
    expect(contacts.getMaxColumns()).toBeGreaterThanOrEqual(26 + missing.length);
    expect(headerRow(contacts)).toEqual([...headers, ...missing]);
    expect(contacts.getRange(2, 1, 1, 26).getValues()).toEqual([row]);
    const status = columnNumber(contacts, "Status");
    expect(contacts.getConditionalFormatRules()[0]?.getRanges()[0]?.getColumn()).toBe(status);
  });

  it("follows a column the user inserted: protections and colours move, none are added", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    const contacts = sheetOf(wb, "Contacts");
    contacts.insertColumnBefore(1);
    contacts.getRange(1, 1).setValue("Region");
    const before = fullSnapshot(wb);

    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();

    expect(fullSnapshot(wb)).toEqual(before);
    const protections = contacts.getProtections(appOf(wb).ProtectionType.RANGE);
    expect(protections.map((p) => String(p.getRange().getValues()[0]![0])).sort()).toEqual(
      [...COMPUTED].sort(),
    );
    expect(contacts.getConditionalFormatRules()).toHaveLength(STATUSES.length);
  });

  it("covers rows the user added past the first 1,000", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    const contacts = sheetOf(wb, "Contacts");
    contacts.insertRowsAfter(contacts.getMaxRows(), 500);
    const maxRows = contacts.getMaxRows();

    expect(wb.menu("menuSetUpSheets").error).toBeUndefined();

    expect(validationOf(contacts, maxRows, columnNumber(contacts, "Stage"))?.type).toBe(
      "VALUE_IN_LIST",
    );
    expect(validationOf(contacts, maxRows, columnNumber(contacts, "Paused"))?.type).toBe(
      "CHECKBOX",
    );
    const protections = contacts.getProtections(appOf(wb).ProtectionType.RANGE);
    expect(protections).toHaveLength(COMPUTED.length);
    for (const protection of protections) {
      expect(protection.getRange().getNumRows()).toBe(maxRows);
    }
    const rules = contacts.getConditionalFormatRules();
    expect(rules).toHaveLength(STATUSES.length);
    for (const rule of rules) {
      const range = rule.getRanges()[0]!;
      expect(range.getLastRow()).toBe(maxRows);
    }
  });
});
