// "Set up / repair sheets" against the emulator's spreadsheet.
import { isEmulated, SERVICE_NAME } from "../../emulator/host";
import { DEFAULT_CADENCE_ROWS } from "../../src/domain/defaults/cadences";
import { DEFAULT_TEMPLATES } from "../../src/domain/defaults/templates";
import {
  CONTACTS_SPEC,
  SETTINGS_SPEC,
  STATUSES,
  TABLE_SPECS,
  TOUCHES_SPEC,
  type TableSpec,
} from "../../src/domain/schema";
import { SETTING_DEFINITIONS } from "../../src/domain/settings";
import { PROTECTION_DESCRIPTION } from "../../src/sheets/format";
import { METRICS_TITLE } from "../../src/domain/metricsLayout";
import { setupSheets } from "../../src/sheets/setup";
import { readTable } from "../../src/sheets/tableIO";
import { newEmulatedSpreadsheet } from "../support/emulatedSpreadsheet";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function newSpreadsheet() {
  return newEmulatedSpreadsheet({ host: { now: () => new Date("2026-03-02T14:00:00Z") } });
}

const headersOf = (spec: TableSpec) => spec.columns.map((c) => c.header);

function sheetOf(spreadsheet: Spreadsheet, name: string): Sheet {
  const sheet = spreadsheet.getSheetByName(name);
  if (!sheet) throw new Error(`no ${name} tab`);
  return sheet;
}

function headerRow(sheet: Sheet): unknown[] {
  return sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
}

function validationSummary(rule: GoogleAppsScript.Spreadsheet.DataValidation | null) {
  if (!rule) return null;
  return {
    type: String(rule.getCriteriaType()),
    values: rule.getCriteriaValues().map((v) => (Array.isArray(v) ? [...v] : v)),
    allowInvalid: rule.getAllowInvalid(),
    help: rule.getHelpText() || null,
  };
}

/** A column's cells as runs of equal values, so a whole-grid snapshot stays small and diffable. */
function columnRuns(grid: readonly (readonly unknown[])[], column: number): [string, number][] {
  const runs: [string, number][] = [];
  for (const row of grid) {
    const key = JSON.stringify(row[column] ?? null);
    const last = runs[runs.length - 1];
    if (last && last[0] === key) last[1]++;
    else runs.push([key, 1]);
  }
  return runs;
}

/** Everything setup touches, read back through the Apps Script API, for every cell of the grid. */
function snapshot(app: GoogleAppsScript.Spreadsheet.SpreadsheetApp, spreadsheet: Spreadsheet) {
  return spreadsheet.getSheets().map((sheet) => {
    const maxRows = sheet.getMaxRows();
    const maxColumns = sheet.getMaxColumns();
    const all = sheet.getRange(1, 1, maxRows, maxColumns);
    const formats = all.getNumberFormats();
    const validations = all.getDataValidations().map((row) => row.map(validationSummary));
    return {
      name: sheet.getName(),
      maxRows,
      maxColumns,
      frozenRows: sheet.getFrozenRows(),
      values: sheet.getDataRange().getValues(),
      formats: Array.from({ length: maxColumns }, (_, c) => columnRuns(formats, c)),
      validations: Array.from({ length: maxColumns }, (_, c) => columnRuns(validations, c)),
      fontWeights: sheet.getRange(1, 1, 1, maxColumns).getFontWeights(),
      widths: Array.from({ length: maxColumns }, (_, i) => sheet.getColumnWidth(i + 1)),
      protections: sheet.getProtections(app.ProtectionType.RANGE).map((p) => ({
        description: p.getDescription(),
        range: p.getRange().getA1Notation(),
        warningOnly: p.isWarningOnly(),
      })),
      rules: sheet.getConditionalFormatRules().map((rule) => ({
        text: rule.getBooleanCondition()?.getCriteriaValues(),
        background: rule.getBooleanCondition()?.getBackground(),
        ranges: rule.getRanges().map((r) => r.getA1Notation()),
      })),
    };
  });
}

describe("setupSheets on an empty spreadsheet", () => {
  const { app, spreadsheet } = newSpreadsheet();
  const report = setupSheets(spreadsheet, app);

  it("creates every tab, in order, after the user's own", () => {
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      "Sheet1",
      ...TABLE_SPECS.map((s) => s.tab),
      "Metrics",
    ]);
    expect(report.tabsCreated).toEqual([...TABLE_SPECS.map((s) => s.tab), "Metrics"]);
    expect(report.columnsAdded).toEqual([]);
    expect(report.summary).toMatch(/^Created Contacts, Touches, .* and Metrics\./);
  });

  it.each(TABLE_SPECS.map((spec) => [spec.tab, spec] as const))(
    "%s has the exact headers, bold and frozen",
    (_tab, spec) => {
      const sheet = sheetOf(spreadsheet, spec.tab);
      expect(headerRow(sheet)).toEqual(headersOf(spec));
      expect(sheet.getFrozenRows()).toBe(1);
      const weights = sheet.getRange(1, 1, 1, spec.columns.length).getFontWeights()[0];
      expect(weights?.every((w) => w === "bold")).toBe(true);
      spec.columns.forEach((column, i) => {
        if (column.width) expect(sheet.getColumnWidth(i + 1)).toBe(column.width);
      });
    },
  );

  it.each(TABLE_SPECS.map((spec) => [spec.tab, spec] as const))(
    "%s has dropdowns, checkboxes and number formats on every data row",
    (_tab, spec) => {
      const sheet = sheetOf(spreadsheet, spec.tab);
      const maxRows = sheet.getMaxRows();
      spec.columns.forEach((column, i) => {
        for (const row of [2, maxRows]) {
          const cell = sheet.getRange(row, i + 1);
          const rule = validationSummary(cell.getDataValidation());
          if (column.kind === "enum") {
            expect(rule).toEqual({
              type: "VALUE_IN_LIST",
              values: [[...(column.options ?? [])], true],
              allowInvalid: true,
              help: null,
            });
          } else if (column.kind === "checkbox") {
            expect(rule?.type).toBe("CHECKBOX");
          } else if (spec.tab !== "Settings") {
            expect(rule).toBeNull();
          }
          // Setup formats the user's columns; computed ones are formatted by every refresh.
          const expectedFormat = column.computed
            ? undefined
            : { id: "@", date: "yyyy-mm-dd", datetime: "yyyy-mm-dd hh:mm" }[column.kind as string];
          if (expectedFormat) expect(cell.getNumberFormat()).toBe(expectedFormat);
        }
        expect(validationSummary(sheet.getRange(1, i + 1).getDataValidation())).toBeNull();
      });
    },
  );

  it("protects each computed Contacts column with a warning", () => {
    const sheet = sheetOf(spreadsheet, "Contacts");
    const protections = sheet.getProtections(app.ProtectionType.RANGE);
    const computed = CONTACTS_SPEC.columns.filter((c) => c.computed).map((c) => c.header);
    expect(protections).toHaveLength(computed.length);
    const protectedHeaders = protections.map((p) => {
      expect(p.isWarningOnly()).toBe(true);
      expect(p.getDescription()).toBe(PROTECTION_DESCRIPTION);
      expect(p.getRange().getNumRows()).toBe(sheet.getMaxRows());
      return p.getRange().getValues()[0]?.[0];
    });
    expect(protectedHeaders.sort()).toEqual([...computed].sort());
  });

  it("colours each status in the Status column differently", () => {
    const sheet = sheetOf(spreadsheet, "Contacts");
    const statusColumn = headersOf(CONTACTS_SPEC).indexOf("Status") + 1;
    const rules = sheet.getConditionalFormatRules();
    expect(rules.map((r) => r.getBooleanCondition()?.getCriteriaValues()[0])).toEqual([
      ...STATUSES,
    ]);
    const colours = rules.map((r) => r.getBooleanCondition()?.getBackground());
    expect(new Set(colours).size).toBe(STATUSES.length);
    for (const rule of rules) {
      const [range] = rule.getRanges();
      expect(rule.getRanges()).toHaveLength(1);
      expect(range?.getColumn()).toBe(statusColumn);
      expect(range?.getRow()).toBe(2);
      expect(range?.getNumColumns()).toBe(1);
    }
  });

  it("seeds templates, cadences and every setting, readable by readTable", () => {
    const templates = readTable(spreadsheet, TABLE_SPECS[2]!);
    expect(templates.rows).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(templates.rows[0]?.[0]).toBe(DEFAULT_TEMPLATES[0]?.Name);
    expect(templates.rows[0]?.[2]).toBe(DEFAULT_TEMPLATES[0]?.Body);
    expect(templates.rows[0]?.[4]).toBe(true);

    const cadences = readTable(spreadsheet, TABLE_SPECS[3]!);
    expect(cadences.rows).toHaveLength(DEFAULT_CADENCE_ROWS.length);
    expect(cadences.rows.map((r) => r[3])).toEqual(DEFAULT_CADENCE_ROWS.map((r) => r.Day));
    expect(cadences.rows.every((r) => r[6] === false)).toBe(true);

    const settings = readTable(spreadsheet, SETTINGS_SPEC);
    expect(settings.rows.map((r) => r[0])).toEqual(SETTING_DEFINITIONS.map((d) => d.name));
    expect(settings.rows.map((r) => r[1])).toEqual(SETTING_DEFINITIONS.map((d) => d.defaultCell));
    expect(report.rowsSeeded).toEqual([
      { tab: "Templates", rows: DEFAULT_TEMPLATES.length },
      { tab: "Cadences", rows: DEFAULT_CADENCE_ROWS.length },
      { tab: "Settings", rows: SETTING_DEFINITIONS.length },
    ]);
  });

  it("puts dropdowns on the Email mode and Yes/No setting values", () => {
    const sheet = sheetOf(spreadsheet, "Settings");
    const rowOf = (name: string) => SETTING_DEFINITIONS.findIndex((d) => d.name === name) + 2;
    const emailMode = validationSummary(sheet.getRange(rowOf("Email mode"), 2).getDataValidation());
    expect(emailMode?.values[0]).toEqual(["Drafts", "Send", "Off"]);
    const skip = validationSummary(sheet.getRange(rowOf("Skip weekends"), 2).getDataValidation());
    expect(skip?.values[0]).toEqual(["Yes", "No"]);
    expect(sheet.getRange(rowOf("Signature"), 2).getDataValidation()).toBeNull();
  });

  it("leaves a titled Metrics placeholder", () => {
    expect(sheetOf(spreadsheet, "Metrics").getRange(1, 1).getValue()).toBe(METRICS_TITLE);
  });

  it("leaves no blank-but-not-empty rows behind (checkboxes stay blank)", () => {
    expect(sheetOf(spreadsheet, "Contacts").getLastRow()).toBe(1);
    expect(sheetOf(spreadsheet, "Touches").getLastRow()).toBe(1);
  });
});

describe("setupSheets is idempotent", () => {
  it("gives an identical spreadsheet when run twice", () => {
    const { app, spreadsheet } = newSpreadsheet();
    setupSheets(spreadsheet, app);
    const first = snapshot(app, spreadsheet);
    const again = setupSheets(spreadsheet, app);
    expect(snapshot(app, spreadsheet)).toEqual(first);
    expect(again.tabsCreated).toEqual([]);
    expect(again.columnsAdded).toEqual([]);
    expect(again.rowsSeeded).toEqual([]);
    expect(again.summary).toMatch(/already set up/);
  });
});

describe("setupSheets repairs a hand-made spreadsheet", () => {
  function handMade() {
    const { app, spreadsheet } = newSpreadsheet();
    const contacts = spreadsheet.insertSheet("Contacts");
    const userGrid = [
      ["Name", "My notes", "id", "  STAGE ", "Email", "Birthday"],
      ["Ann Lee", "met at expo", "C-000001", "Proposal Sent", "ann@example.com", "June"],
      ["Bob Roy", "", "C-000002", "Won", "bob@example.com", ""],
      ["", "", "", "", "", ""],
      ["Cy Di", "typed by hand", "C-000003", "Hottt", "", "May"],
    ];
    contacts.getRange(1, 1, userGrid.length, 6).setValues(userGrid);
    // A user column of notes far to the right, and trailing blank rows below it.
    contacts.getRange(2, 9).setValue("side note");
    contacts.setColumnWidth(2, 333);
    contacts.getRange(7, 1, 3, 6).setValues(Array.from({ length: 3 }, () => Array(6).fill("")));

    const settings = spreadsheet.insertSheet("Settings");
    settings.getRange(1, 1, 4, 3).setValues([
      ["setting", "Value", "Description"],
      ["Digest hour", 6, "my own words"],
      ["My note", "keep me", ""],
      ["email mode", "Send", ""],
    ]);
    const templates = spreadsheet.insertSheet("Templates");
    templates.getRange(1, 1, 2, 3).setValues([
      ["Name", "Subject", "Body"],
      ["Mine", "Hello", "Hi {{First Name}}"],
    ]);
    const cadences = spreadsheet.insertSheet("Cadences");
    cadences.getRange(1, 1, 1, 4).setValues([["Cadence", "Applies To", "Step", "Day"]]);
    return { app, spreadsheet, userGrid };
  }

  it("keeps every user cell where it was and adds only what is missing", () => {
    const { app, spreadsheet, userGrid } = handMade();
    const report = setupSheets(spreadsheet, app);
    const contacts = sheetOf(spreadsheet, "Contacts");

    expect(contacts.getRange(1, 1, userGrid.length, 6).getValues()).toEqual(userGrid);
    expect(contacts.getRange(2, 9).getValue()).toBe("side note");
    expect(contacts.getColumnWidth(2)).toBe(333);
    expect(contacts.getColumnWidth(1)).not.toBe(CONTACTS_SPEC.columns[1]?.width);
    const added = headersOf(CONTACTS_SPEC).filter(
      (h) => !["Name", "ID", "Stage", "Email"].includes(h),
    );
    // New headers start after the last used column (I), in spec order.
    expect(headerRow(contacts)).toEqual([...userGrid[0]!, "", "", "", ...added]);
    expect(report.columnsAdded).toContainEqual({ tab: "Contacts", columns: added });
    expect(contacts.getMaxColumns()).toBeGreaterThanOrEqual(9 + added.length);
    expect(contacts.getLastRow()).toBe(5);

    // Still readable, with the user's rows intact.
    const table = readTable(spreadsheet, CONTACTS_SPEC);
    expect(table.rows).toHaveLength(4);
    expect(table.rows[3]?.slice(0, 6)).toEqual(userGrid[4]);

    // The Stage dropdown sits on the user's own Stage column, keeping "Hottt".
    const stage = validationSummary(contacts.getRange(5, 4).getDataValidation());
    expect(stage?.type).toBe("VALUE_IN_LIST");
    expect(stage?.allowInvalid).toBe(true);
    expect(contacts.getRange(5, 4).getValue()).toBe("Hottt");
    // No dropdown on the user's "My notes" column.
    expect(contacts.getRange(2, 2).getDataValidation()).toBeNull();
  });

  it("creates the missing tabs and keeps the user's settings and templates", () => {
    const { app, spreadsheet } = handMade();
    const report = setupSheets(spreadsheet, app);
    expect(report.tabsCreated).toEqual(["Touches", "Runs", "Metrics"]);
    expect(headerRow(sheetOf(spreadsheet, "Touches"))).toEqual(headersOf(TOUCHES_SPEC));

    const settings = sheetOf(spreadsheet, "Settings").getDataRange().getValues();
    expect(settings.slice(0, 4)).toEqual([
      ["setting", "Value", "Description"],
      ["Digest hour", 6, "my own words"],
      ["My note", "keep me", ""],
      ["email mode", "Send", ""],
    ]);
    const appended = settings.slice(4).map((r) => r[0]);
    expect(appended).toEqual(
      SETTING_DEFINITIONS.map((d) => d.name).filter(
        (n) => n !== "Digest hour" && n !== "Email mode",
      ),
    );

    const templates = sheetOf(spreadsheet, "Templates").getDataRange().getValues();
    expect(templates.slice(1).map((r) => r[0])).toEqual(["Mine"]);
    expect(templates[0]).toEqual(["Name", "Subject", "Body", "Channel", "Active", "Notes"]);

    // Cadences had headers only: it gets its missing columns and the default rows.
    const cadences = readTable(spreadsheet, TABLE_SPECS[3]!);
    expect(cadences.rows).toHaveLength(DEFAULT_CADENCE_ROWS.length);
    expect(report.rowsSeeded.map((s) => s.tab)).toEqual(["Cadences", "Settings"]);
  });

  it("is idempotent on a hand-made spreadsheet too", () => {
    const { app, spreadsheet } = handMade();
    setupSheets(spreadsheet, app);
    const first = snapshot(app, spreadsheet);
    setupSheets(spreadsheet, app);
    expect(snapshot(app, spreadsheet)).toEqual(first);
  });

  it("keeps the user's conditional formatting and protections", () => {
    const { app, spreadsheet } = handMade();
    const contacts = sheetOf(spreadsheet, "Contacts");
    const userRule = app
      .newConditionalFormatRule()
      .whenTextEqualTo("Overdue")
      .setBackground("#000000")
      .setRanges([contacts.getRange("A2:A10")])
      .build();
    contacts.setConditionalFormatRules([userRule]);
    contacts.getRange("B1:B5").protect().setDescription("mine");
    setupSheets(spreadsheet, app);
    setupSheets(spreadsheet, app);
    const rules = contacts.getConditionalFormatRules();
    expect(rules).toHaveLength(1 + STATUSES.length);
    expect(rules[0]?.getBooleanCondition()?.getBackground()).toBe("#000000");
    const descriptions = contacts
      .getProtections(app.ProtectionType.RANGE)
      .map((p) => p.getDescription());
    expect(descriptions.filter((d) => d === "mine")).toHaveLength(1);
    expect(descriptions.filter((d) => d === PROTECTION_DESCRIPTION)).toHaveLength(
      CONTACTS_SPEC.columns.filter((c) => c.computed).length,
    );
  });
});

describe("readTable against the emulator", () => {
  it("throws an error naming the tab and the missing required column", () => {
    const { app, spreadsheet } = newSpreadsheet();
    setupSheets(spreadsheet, app);
    const touches = sheetOf(spreadsheet, "Touches");
    const directionColumn = headersOf(TOUCHES_SPEC).indexOf("Direction") + 1;
    touches.getRange(1, directionColumn).setValue("Which way");
    expect(() => readTable(spreadsheet, TOUCHES_SPEC)).toThrow(
      'The "Touches" tab is missing the column "Direction". Run "Set up / repair sheets" to add it.',
    );
  });
});

/** Wraps an emulated service object so every method call on it (and on what it returns) is counted. */
function counting<T extends object>(target: T, calls: string[]): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function") return value;
      return (...args: unknown[]) => {
        calls.push(
          `${String((object as Record<symbol, unknown>)[SERVICE_NAME])}.${String(property)}`,
        );
        const result = value.apply(object, args);
        if (isEmulated(result)) return counting(result, calls);
        if (Array.isArray(result)) {
          return result.map((item) => (isEmulated(item) ? counting(item, calls) : item));
        }
        return result;
      };
    },
  });
}

describe("setupSheets service calls", () => {
  function callsFor(contactRows: number, touchRows: number): string[] {
    const { app, spreadsheet } = newSpreadsheet();
    setupSheets(spreadsheet, app);
    const fill = (name: string, rows: number, width: number, first: (i: number) => string) => {
      const sheet = sheetOf(spreadsheet, name);
      // Same grid size in both runs, so only the row count differs.
      sheet.insertRowsAfter(sheet.getMaxRows(), 3001 - sheet.getMaxRows());
      const grid = Array.from({ length: rows }, (_, i) => [
        first(i),
        ...Array(width - 1).fill("x"),
      ]);
      sheet.getRange(2, 1, rows, width).setValues(grid);
    };
    fill("Contacts", contactRows, 2, (i) => `C-${i}`);
    fill("Touches", touchRows, 3, (i) => `T-${i}`);
    const calls: string[] = [];
    setupSheets(counting(spreadsheet, calls), counting(app, calls));
    return calls;
  }

  it("makes the same calls for 10 or 3,000 rows (no per-row calls)", () => {
    const small = callsFor(10, 10);
    const large = callsFor(3000, 3000);
    expect(small.length).toBeGreaterThan(20);
    expect(large).toEqual(small);
    // Contacts and Touches are never read whole: only their header rows.
    expect(large.filter((c) => c === "Range.getValues").length).toBeLessThanOrEqual(8);
  });
});
