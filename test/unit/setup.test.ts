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

describe("setupSheets on an empty spreadsheet", () => {
  const { app, spreadsheet } = newSpreadsheet();
  const report = setupSheets(spreadsheet, app);

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

  it("seeds templates, cadences and every setting, readable by readTable", () => {
    const templates = readTable(spreadsheet, TABLE_SPECS[2]!);
    expect(templates.rows).toHaveLength(DEFAULT_TEMPLATES.length);
    expect(templates.rows[0]?.[0]).toBe(DEFAULT_TEMPLATES[0]?.Name);
    expect(templates.rows[0]?.[2]).toBe(DEFAULT_TEMPLATES[0]?.Body);
    expect(templates.rows[0]?.[4]).toBe(true);

    const cadences = readTable(spreadsheet, TABLE_SPECS[3]!);
    expect(cadences.rows).toHaveLength(DEFAULT_CADENCE_ROWS.length);
    expect(cadences.rows.map((r) => r[3])).toEqual(DEFAULT_CADENCE_ROWS.map((r) => r.Day));
    expect(cadences.rows.map((r) => r[6])).toEqual(cadences.rows.map(() => false));

    const settings = readTable(spreadsheet, SETTINGS_SPEC);
    expect(settings.rows.map((r) => r[0])).toEqual(SETTING_DEFINITIONS.map((d) => d.name));
    expect(settings.rows.map((r) => r[1])).toEqual(SETTING_DEFINITIONS.map((d) => d.defaultCell));
    expect(report.rowsSeeded).toEqual([
      { tab: "Templates", rows: DEFAULT_TEMPLATES.length },
      { tab: "Cadences", rows: DEFAULT_CADENCE_ROWS.length },
      { tab: "Settings", rows: SETTING_DEFINITIONS.length },
    ]);
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
