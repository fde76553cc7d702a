// The emulator's spreadsheet core: the Apps Script behaviours marked E in APPS-SCRIPT-FACTS.md,
// each in its own test, plus the basics Touchbase relies on.
import type { ExecutionKind } from "../../emulator/host";
import { newEmulatedSpreadsheet } from "../support/emulatedSpreadsheet";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const ZONE = "America/New_York";

function setup(timeZone = ZONE) {
  const state: { activeSpreadsheetId: string | null; kind: ExecutionKind } = {
    activeSpreadsheetId: null,
    kind: "script",
  };
  const { services, app, spreadsheet } = newEmulatedSpreadsheet({
    host: {
      activeSpreadsheetId: () => state.activeSpreadsheetId,
      executionKind: () => state.kind,
      // The script's zone differs from the spreadsheet's on purpose.
      scriptTimeZone: () => "Asia/Tokyo",
    },
    timeZone,
    owner: "owner@example.com",
  });
  const sheet = spreadsheet.getSheets()[0] as Sheet;
  return { services, app, spreadsheet, sheet, state, store: services.store };
}

/** Writes one string as if typed and reads value + formula + display back. */
function typed(sheet: Sheet, text: string, a1 = "A1") {
  const cell = sheet.getRange(a1);
  cell.setValue(text);
  return { value: cell.getValue(), formula: cell.getFormula(), display: cell.getDisplayValue() };
}

describe("E: getRange counts must be at least 1", () => {
  it("throws for zero rows", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(2, 1, 0, 3)).toThrow(
      "The number of rows in the range must be at least 1.",
    );
  });
  it("throws for zero columns", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(2, 1, 1, 0)).toThrow(
      "The number of columns in the range must be at least 1.",
    );
  });
});

describe("E: setValues size must match the range", () => {
  it("names both row counts", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 1).setValues([[1], [2], [3]])).toThrow(
      "The number of rows in the data does not match the number of rows in the range. The data has 3 but the range has 2.",
    );
  });
  it("names both column counts", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 1, 2).setValues([[1, 2, 3]])).toThrow(
      "The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.",
    );
  });
  it("writes nothing when it throws", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange(1, 1, 2, 2).setValues([["a", "b"], ["c"]])).toThrow(/columns/);
    expect(sheet.getLastRow()).toBe(0);
  });
});

describe("E: getValues returns typed values", () => {
  it("gives Dates, numbers, booleans of checkboxes and '' for blanks", () => {
    const { sheet } = setup();
    const when = new Date("2026-11-21T14:00:00Z");
    sheet.getRange(1, 1, 1, 3).setValues([[when, 42, "x"]]);
    sheet.getRange("D1").insertCheckboxes();
    const [row] = sheet.getRange(1, 1, 1, 5).getValues();
    expect(row?.[0]).toBeInstanceOf(Date);
    expect((row?.[0] as Date).getTime()).toBe(when.getTime());
    expect(row?.slice(1)).toEqual([42, "x", false, ""]);
  });
});

describe("E: getDisplayValues returns strings as shown", () => {
  it("shows dates in the spreadsheet's zone, numbers and booleans as text", () => {
    const { sheet } = setup();
    sheet
      .getRange(1, 1, 1, 5)
      .setValues([
        [new Date("2026-11-21T14:00:00Z"), new Date("2026-11-21T05:00:00Z"), 1234.5, true, false],
      ]);
    expect(sheet.getRange(1, 1, 1, 5).getDisplayValues()).toEqual([
      ["11/21/2026 9:00:00", "11/21/2026", "1234.5", "TRUE", "FALSE"],
    ]);
  });
  it("uses the cell's number format", () => {
    const { sheet } = setup();
    sheet
      .getRange(1, 1, 1, 4)
      .setValues([[new Date("2026-03-02T19:30:00Z"), 0.256, 1234567.891, 7]]);
    sheet
      .getRange(1, 1, 1, 4)
      .setNumberFormats([["yyyy-mm-dd h:mm am/pm", "0.0%", "#,##0.00", "0.00"]]);
    expect(sheet.getRange(1, 1, 1, 4).getDisplayValues()).toEqual([
      ["2026-03-02 2:30 pm", "25.6%", "1,234,567.89", "7.00"],
    ]);
  });
});

describe("E: written strings are read as if typed", () => {
  it("turns '00123', '12.5', '1,234' and '-5' into numbers", () => {
    const { sheet } = setup();
    expect(typed(sheet, "00123").value).toBe(123);
    expect(typed(sheet, "12.5").value).toBe(12.5);
    expect(typed(sheet, "1,234").value).toBe(1234);
    expect(typed(sheet, "-5").value).toBe(-5);
  });
  it("turns date strings into Dates at that local time in the spreadsheet's zone", () => {
    const { sheet } = setup();
    expect((typed(sheet, "2026-03-02").value as Date).toISOString()).toBe(
      "2026-03-02T05:00:00.000Z",
    );
    expect((typed(sheet, "3/2/2026").value as Date).toISOString()).toBe("2026-03-02T05:00:00.000Z");
    expect((typed(sheet, "2026-03-02 14:30").value as Date).toISOString()).toBe(
      "2026-03-02T19:30:00.000Z",
    );
    // Sheets gives typed dates a matching number format, so they show as typed.
    expect(typed(sheet, "3/2/2026", "B1").display).toBe("3/2/2026");
    expect(typed(sheet, "2026-03-02", "C1").display).toBe("2026-03-02");
    expect(typed(sheet, "2026-03-02 14:30", "D1").display).toBe("2026-03-02 14:30:00");
  });
  it("turns TRUE/FALSE in any case into booleans", () => {
    const { sheet } = setup();
    expect(typed(sheet, "TRUE").value).toBe(true);
    expect(typed(sheet, "false").value).toBe(false);
    expect(typed(sheet, "True").value).toBe(true);
  });
  it("turns '=…' into a formula whose value is #ERROR!", () => {
    const { sheet } = setup();
    const cell = typed(sheet, "=SUM(B1:B3)");
    expect(cell).toEqual({ value: "#ERROR!", formula: "=SUM(B1:B3)", display: "#ERROR!" });
  });
  it("turns '+1 555 0100' (a sign, not a number) into a formula that errors", () => {
    const { sheet } = setup();
    expect(typed(sheet, "+1 555 0100")).toEqual({
      value: "#ERROR!",
      formula: "=+1 555 0100",
      display: "#ERROR!",
    });
    expect(typed(sheet, "- call back").value).toBe("#ERROR!");
  });
  it("keeps text after a leading apostrophe, without showing it", () => {
    const { sheet } = setup();
    expect(typed(sheet, "'00123")).toEqual({ value: "00123", formula: "", display: "00123" });
    expect(typed(sheet, "'=1+1").value).toBe("=1+1");
    expect(typed(sheet, "'+1 555 0100").value).toBe("+1 555 0100");
  });
  it("keeps strings as strings in plain-text ('@') cells", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A1000").setNumberFormat("@");
    for (const text of ["00123", "+1 555 0100", "2026-03-02", "TRUE", "C-000123"]) {
      expect(typed(sheet, text)).toEqual({ value: text, formula: "", display: text });
    }
  });
  it("stores numbers, booleans and Dates as they are", () => {
    const { sheet } = setup();
    const when = new Date("2026-01-01T00:00:00Z");
    sheet.getRange(1, 1, 1, 3).setValues([[7, true, when]]);
    const [row] = sheet.getRange(1, 1, 1, 3).getValues();
    expect(row).toEqual([7, true, when]);
  });
  it("applies to appendRow too", () => {
    const { sheet } = setup();
    sheet.appendRow(["00123", "+1 555 0100", "2026-03-02", "'007"]);
    expect(sheet.getRange(1, 1, 1, 4).getValues()[0]?.slice(0, 2)).toEqual([123, "#ERROR!"]);
    expect(sheet.getRange(1, 3).getValue()).toBeInstanceOf(Date);
    expect(sheet.getRange(1, 4).getValue()).toBe("007");
  });
  it("leaves ordinary text alone", () => {
    const { sheet } = setup();
    expect(typed(sheet, "Overdue").value).toBe("Overdue");
    expect(typed(sheet, "555-0100").value).toBe("555-0100");
    expect(typed(sheet, "2026-02-30").value).toBe("2026-02-30");
  });
});

describe("E: grid size", () => {
  it("gives a new sheet 1,000 rows and 26 columns", () => {
    const { spreadsheet } = setup();
    const sheet = spreadsheet.insertSheet("Contacts");
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1000, 26]);
  });
  it("throws for a range past the last row or column", () => {
    const { sheet } = setup();
    const message = "The coordinates of the range are outside the dimensions of the sheet.";
    expect(() => sheet.getRange(1000, 1, 2, 1)).toThrow(message);
    expect(() => sheet.getRange(1, 27)).toThrow(message);
    expect(() => sheet.getRange("A1:AA1")).toThrow(message);
    expect(sheet.getRange(1000, 26).getA1Notation()).toBe("Z1000");
  });
  it("grows with appendRow past the last row", () => {
    const { sheet } = setup();
    sheet.getRange(1000, 1).setValue("last");
    sheet.appendRow(["appended", 2]);
    expect(sheet.getMaxRows()).toBe(1001);
    expect(sheet.getRange(1001, 1, 1, 2).getValues()).toEqual([["appended", 2]]);
  });
  it("grows with insertRowsAfter and insertColumnsAfter", () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(1000, 500);
    sheet.insertColumnsAfter(26, 4);
    expect([sheet.getMaxRows(), sheet.getMaxColumns()]).toEqual([1500, 30]);
    sheet.getRange(1500, 30).setValue("corner");
    expect(sheet.getRange("AD1500").getValue()).toBe("corner");
  });
});

describe("E: 10 million cells per spreadsheet", () => {
  const message =
    "This action would increase the number of cells in the workbook above the limit of 10000000 cells.";
  function nearlyFull() {
    const context = setup();
    // 384,000 rows x 26 columns = 9,984,000 cells; 16,000 left.
    context.sheet.insertRowsAfter(1000, 383_000);
    expect(context.store.cellCount(context.spreadsheet.getId())).toBe(9_984_000);
    return context;
  }
  it("refuses insertSheet past the limit", () => {
    const { spreadsheet } = nearlyFull();
    expect(() => spreadsheet.insertSheet("Touches")).toThrow(message);
    expect(spreadsheet.getSheetByName("Touches")).toBeNull();
  });
  it("refuses insertRowsAfter and insertColumnsAfter past the limit", () => {
    const { sheet } = nearlyFull();
    expect(() => sheet.insertRowsAfter(384_000, 1000)).toThrow(message);
    expect(() => sheet.insertColumnsAfter(26, 1)).toThrow(message);
    expect(sheet.getMaxRows()).toBe(384_000);
  });
  it("refuses appendRow that would grow the grid past the limit", () => {
    const { sheet, spreadsheet, store } = nearlyFull();
    sheet.insertRowsAfter(384_000, 615); // 9,999,990 cells
    sheet.getRange(384_615, 1).setValue("last row");
    expect(store.cellCount(spreadsheet.getId())).toBe(9_999_990);
    expect(() => sheet.appendRow(["one more"])).toThrow(message);
  });
});

describe("E: 50,000 characters per cell", () => {
  it("refuses longer text and accepts exactly 50,000", () => {
    const { sheet } = setup();
    expect(() => sheet.getRange("A1").setValue("x".repeat(50_001))).toThrow(
      "Your input contains more than the maximum of 50000 characters in a single cell.",
    );
    expect(sheet.getRange("A1").getValue()).toBe("");
    sheet.getRange("A1").setValue("x".repeat(50_000));
    expect((sheet.getRange("A1").getValue() as string).length).toBe(50_000);
  });
});

describe("E: sheet names are unique", () => {
  it("throws when inserting a taken name", () => {
    const { spreadsheet } = setup();
    spreadsheet.insertSheet("Contacts");
    expect(() => spreadsheet.insertSheet("Contacts")).toThrow(
      'A sheet with the name "Contacts" already exists. Please enter another name.',
    );
  });
  it("returns null from getSheetByName for a missing tab", () => {
    const { spreadsheet } = setup();
    expect(spreadsheet.getSheetByName("Touches")).toBeNull();
    expect(spreadsheet.getSheetByName("Sheet1")?.getName()).toBe("Sheet1");
  });
});

describe("E: dates are shown in the spreadsheet's zone, not the script's", () => {
  it("shows the same instant differently after the spreadsheet's zone changes", () => {
    const { sheet, spreadsheet } = setup("America/Los_Angeles");
    sheet.getRange("A1").setValue(new Date("2026-11-21T14:00:00Z"));
    expect(sheet.getRange("A1").getDisplayValue()).toBe("11/21/2026 6:00:00");
    spreadsheet.setSpreadsheetTimeZone("Asia/Tokyo");
    expect(sheet.getRange("A1").getDisplayValue()).toBe("11/21/2026 23:00:00");
    expect((sheet.getRange("A1").getValue() as Date).toISOString()).toBe(
      "2026-11-21T14:00:00.000Z",
    );
  });
});

describe("last row and column", () => {
  it("are 0 on an empty sheet, whose data range is A1", () => {
    const { sheet } = setup();
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([0, 0]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1");
  });
  it("count values and formulas, not formats, notes or validations", () => {
    const { sheet } = setup();
    sheet.getRange("B3").setValue("x");
    sheet.getRange("D2").setFormula("=1/0");
    sheet.getRange("F20").setNumberFormat("@").setNote("n").insertCheckboxes("yes");
    expect([sheet.getLastRow(), sheet.getLastColumn()]).toEqual([3, 4]);
    expect(sheet.getDataRange().getA1Notation()).toBe("A1:D3");
    sheet.getRange("B3").clearContent();
    expect(sheet.getLastRow()).toBe(2);
  });
});

describe("copies", () => {
  it("never lets script mutation change the store", () => {
    const { sheet } = setup();
    const when = new Date("2026-01-01T00:00:00Z");
    const written = [["a", when]];
    sheet.getRange(1, 1, 1, 2).setValues(written);
    (written[0] as unknown[])[0] = "changed";
    when.setFullYear(2000);
    const read = sheet.getRange(1, 1, 1, 2).getValues();
    (read[0] as unknown[])[0] = "mutated";
    ((read[0] as unknown[])[1] as Date).setFullYear(1999);
    expect(sheet.getRange(1, 1, 1, 2).getValues()).toEqual([
      ["a", new Date("2026-01-01T00:00:00Z")],
    ]);
  });
});

describe("SpreadsheetApp", () => {
  it("has no active spreadsheet when the host has none (add-on time trigger)", () => {
    const { app } = setup();
    expect(app.getActiveSpreadsheet()).toBeNull();
    expect(app.getActive()).toBeNull();
  });
  it("returns the host's active spreadsheet, its active sheet and selection", () => {
    const { app, spreadsheet, state, store } = setup();
    spreadsheet.insertSheet("Contacts");
    state.activeSpreadsheetId = spreadsheet.getId();
    store.setSelection(spreadsheet.getId(), "Contacts", "A5:C5");
    expect(app.getActiveSpreadsheet().getId()).toBe(spreadsheet.getId());
    expect(app.getActiveSheet().getName()).toBe("Contacts");
    expect(app.getActiveRange().getA1Notation()).toBe("A5:C5");
    app.getActiveSpreadsheet().getSheetByName("Sheet1")?.getRange("B2").activate();
    expect(store.selectionOf(spreadsheet.getId())).toBe("Sheet1!B2");
  });
  it("throws from openById for an unknown id", () => {
    const { app } = setup();
    expect(() => app.openById("nope")).toThrow(
      "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
    );
  });
  it("gives the spreadsheet's URL, name and zone", () => {
    const { spreadsheet } = setup();
    expect(spreadsheet.getUrl()).toBe(
      `https://docs.google.com/spreadsheets/d/${spreadsheet.getId()}/edit`,
    );
    expect(spreadsheet.getName()).toBe("Pipeline");
    expect(spreadsheet.getSpreadsheetTimeZone()).toBe(ZONE);
    expect(spreadsheet.getOwner()?.getEmail()).toBe("owner@example.com");
  });
  it("reads 'Tab!A1:B2' ranges from the spreadsheet", () => {
    const { spreadsheet } = setup();
    spreadsheet
      .insertSheet("My Tab")
      .getRange("A1:B2")
      .setValues([
        [1, 2],
        [3, 4],
      ]);
    expect(spreadsheet.getRange("'My Tab'!A1:B2").getValues()).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(spreadsheet.getRange("'My Tab'!B:B").getNumRows()).toBe(1000);
    expect(() => spreadsheet.getRange("Nope!A1")).toThrow("Range not found");
  });
});

describe("large tables", () => {
  // Speed is the benchmark's business (npm run bench), never a timed test.
  it("reads 100,000 rows x 20 columns in one getValues", () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(1000, 99_000);
    const rows = Array.from({ length: 100_000 }, (_, r) =>
      Array.from({ length: 20 }, (_, c) =>
        c === 0 ? `C-${r}` : c === 1 ? r : c === 2 ? new Date(r * 1000) : "",
      ),
    );
    sheet.getRange(1, 1, 100_000, 20).setValues(rows);
    const table = sheet.getRange(1, 1, 100_000, 20);
    const values = table.getValues();
    expect(values).toHaveLength(100_000);
    expect(values[99_999]?.slice(0, 3)).toEqual(["C-99999", 99_999, new Date(99_999_000)]);
    expect(sheet.getLastRow()).toBe(100_000);
  });
});
