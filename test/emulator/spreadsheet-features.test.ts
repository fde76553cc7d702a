// The emulator's formatting, validation, protection, chart and structure features, read back
// through the Apps Script API the way Touchbase's setup and Metrics code uses them.
import { newEmulatedSpreadsheet } from "../support/emulatedSpreadsheet";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function setup() {
  const { services, app, spreadsheet } = newEmulatedSpreadsheet({ owner: "owner@example.com" });
  const sheet = spreadsheet.insertSheet("Contacts");
  return { app, spreadsheet, sheet, store: services.store, charts: services.Charts };
}

const column = (sheet: Sheet, col: number) =>
  sheet
    .getRange(1, col, 10, 1)
    .getValues()
    .map((r) => r[0]);

describe("data validation", () => {
  it("round-trips a dropdown list with its options", () => {
    const { app, sheet } = setup();
    const rule = app
      .newDataValidation()
      .requireValueInList(["Hot", "Warm"], true)
      .setAllowInvalid(false)
      .setHelpText("Pick a tier")
      .build();
    sheet.getRange("B2:B5").setDataValidation(rule);
    const read = sheet.getRange("B3").getDataValidation();
    expect(String(read?.getCriteriaType())).toBe("VALUE_IN_LIST");
    expect(read?.getCriteriaType()).toBe(app.DataValidationCriteria.VALUE_IN_LIST);
    expect(read?.getCriteriaValues()).toEqual([["Hot", "Warm"], true]);
    expect(read?.getAllowInvalid()).toBe(false);
    expect(read?.getHelpText()).toBe("Pick a tier");
    expect(sheet.getRange("B6").getDataValidation()).toBeNull();
    expect(
      sheet
        .getRange("B1:B2")
        .getDataValidations()
        .map((r) => r[0] === null),
    ).toEqual([true, false]);
  });
  it("builds number, date and checkbox rules and copies them", () => {
    const { app } = setup();
    const between = app.newDataValidation().requireNumberBetween(0, 23).build();
    expect([String(between.getCriteriaType()), between.getCriteriaValues()]).toEqual([
      "NUMBER_BETWEEN",
      [0, 23],
    ]);
    const atLeast = app.newDataValidation().requireNumberGreaterThanOrEqualTo(1).build();
    expect(String(atLeast.getCriteriaType())).toBe("NUMBER_GREATER_THAN_OR_EQUAL_TO");
    expect(String(app.newDataValidation().requireDate().build().getCriteriaType())).toBe(
      "DATE_IS_VALID_DATE",
    );
    expect(String(app.newDataValidation().requireCheckbox().build().getCriteriaType())).toBe(
      "CHECKBOX",
    );
    const copy = between.copy().setHelpText("hour").build();
    expect([copy.getCriteriaValues(), copy.getHelpText(), between.getHelpText()]).toEqual([
      [0, 23],
      "hour",
      null,
    ]);
  });
  it("clears validations", () => {
    const { app, sheet } = setup();
    sheet.getRange("A1:A3").setDataValidation(app.newDataValidation().requireDate().build());
    sheet.getRange("A2").clearDataValidations();
    expect(
      sheet
        .getRange("A1:A3")
        .getDataValidations()
        .map((r) => r[0] !== null),
    ).toEqual([true, false, true]);
  });
});

describe("checkboxes", () => {
  it("turn blanks into false, keep existing values and report their state", () => {
    const { sheet } = setup();
    sheet.getRange("C2").setValue(true);
    sheet.getRange("C1:C3").insertCheckboxes();
    expect(column(sheet, 3).slice(0, 3)).toEqual([false, true, false]);
    expect(String(sheet.getRange("C1").getDataValidation()?.getCriteriaType())).toBe("CHECKBOX");
    expect(sheet.getRange("C2").isChecked()).toBe(true);
    expect(sheet.getRange("C1:C3").isChecked()).toBeNull();
    sheet.getRange("C1:C3").check();
    expect(sheet.getRange("C1:C3").isChecked()).toBe(true);
    expect(sheet.getRange("D1").isChecked()).toBeNull();
  });
});

describe("conditional format rules", () => {
  it("round-trip text, colours and ranges", () => {
    const { app, sheet } = setup();
    const rule = app
      .newConditionalFormatRule()
      .whenTextEqualTo("Overdue")
      .setBackground("#f4cccc")
      .setFontColor("#990000")
      .setBold(true)
      .setRanges([sheet.getRange("S2:S1000")])
      .build();
    sheet.setConditionalFormatRules([...sheet.getConditionalFormatRules(), rule]);
    const [read] = sheet.getConditionalFormatRules();
    const condition = read?.getBooleanCondition();
    expect(condition?.getCriteriaType()).toBe(app.BooleanCriteria.TEXT_EQUAL_TO);
    expect([
      condition?.getCriteriaValues(),
      condition?.getBackground(),
      condition?.getFontColor(),
      condition?.getBold(),
    ]).toEqual([["Overdue"], "#f4cccc", "#990000", true]);
    expect(read?.getRanges().map((r) => r.getA1Notation())).toEqual(["S2:S1000"]);
    const contains = app
      .newConditionalFormatRule()
      .whenTextContains("Hot")
      .setBackground("#fff")
      .build();
    expect(String(contains.getBooleanCondition()?.getCriteriaType())).toBe("TEXT_CONTAINS");
    const formula = app.newConditionalFormatRule().whenFormulaSatisfied("=$A2>1").build();
    expect(formula.getBooleanCondition()?.getCriteriaValues()).toEqual(["=$A2>1"]);
  });
});

describe("protection", () => {
  it("protects a range with a warning and removes it", () => {
    const { app, sheet, spreadsheet } = setup();
    sheet
      .getRange(1, 19, 1000, 1)
      .protect()
      .setDescription("Touchbase computes this column")
      .setWarningOnly(true);
    const [protection] = sheet.getProtections(app.ProtectionType.RANGE);
    expect(protection?.getDescription()).toBe("Touchbase computes this column");
    expect(protection?.isWarningOnly()).toBe(true);
    expect(protection?.getRange().getA1Notation()).toBe("S1:S1000");
    expect(spreadsheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(1);
    protection?.remove();
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });
  it("moves protected ranges when columns are inserted before them", () => {
    const { app, sheet } = setup();
    sheet.getRange("C1:C1000").protect();
    sheet.insertColumnsBefore(2, 2);
    expect(sheet.getProtections(app.ProtectionType.RANGE)[0]?.getRange().getA1Notation()).toBe(
      "E1:E1000",
    );
  });
  it("protects a whole sheet", () => {
    const { app, sheet } = setup();
    sheet.protect().setDescription("whole");
    expect(sheet.getProtections(app.ProtectionType.SHEET)[0]?.getDescription()).toBe("whole");
    expect(sheet.getProtections(app.ProtectionType.RANGE)).toHaveLength(0);
  });
});

describe("charts", () => {
  it("builds, inserts, lists and removes a chart", () => {
    const { sheet, charts } = setup();
    const chart = sheet
      .newChart()
      .setChartType(charts.ChartType.COLUMN)
      .addRange(sheet.getRange("A1:B6"))
      .setPosition(2, 5, 0, 0)
      .setOption("title", "Response rate by touch")
      .build();
    sheet.insertChart(chart);
    const [inserted] = sheet.getCharts();
    expect(inserted?.getRanges().map((r) => r.getA1Notation())).toEqual(["A1:B6"]);
    expect(inserted?.getChartId()).not.toBeNull();
    const updated = inserted!.modify().setOption("title", "New").build();
    sheet.updateChart(updated);
    expect(sheet.getCharts()).toHaveLength(1);
    sheet.removeChart(sheet.getCharts()[0]!);
    expect(sheet.getCharts()).toHaveLength(0);
  });
  it("reads a chart's options back, null for one never set", () => {
    const { sheet, charts } = setup();
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(charts.ChartType.LINE)
        .addRange(sheet.getRange("A1:C4"))
        .setOption("title", "Weekly")
        .build(),
    );
    const options = sheet.getCharts()[0]!.getOptions();
    expect(options.get("title")).toBe("Weekly");
    expect(options.get("legend")).toBeNull();
    const retitled = sheet.getCharts()[0]!.modify().setOption("title", "Per week").build();
    sheet.updateChart(retitled);
    expect(sheet.getCharts().map((c) => c.getOptions().get("title"))).toEqual(["Per week"]);
  });
});

describe("rows and columns", () => {
  it("insertRowsBefore and deleteRows move cell content", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A3").setValues([["a"], ["b"], ["c"]]);
    sheet.insertRowsBefore(2, 2);
    expect(column(sheet, 1).slice(0, 5)).toEqual(["a", "", "", "b", "c"]);
    expect(sheet.getMaxRows()).toBe(1002);
    sheet.deleteRows(2, 2);
    expect(column(sheet, 1).slice(0, 3)).toEqual(["a", "b", "c"]);
    expect(sheet.getMaxRows()).toBe(1000);
    expect(() => sheet.deleteRows(1, 1000)).toThrow("You can't delete all the rows on the sheet.");
    expect(() => sheet.deleteRows(999, 5)).toThrow("Those rows are out of bounds.");
  });
  it("inserted rows keep the plain-text format of the row above", () => {
    const { sheet } = setup();
    sheet.getRange("A1:A1000").setNumberFormat("@");
    sheet.getRange("A1000").setValue("x");
    sheet.appendRow(["+1 555 0100"]);
    expect(sheet.getRange("A1001").getValue()).toBe("+1 555 0100");
  });
  it("deleteColumns shifts later columns left", () => {
    const { sheet } = setup();
    sheet.getRange("A1:C1").setValues([["a", "b", "c"]]);
    sheet.deleteColumns(2, 1);
    expect(sheet.getRange("A1:B1").getValues()).toEqual([["a", "c"]]);
    expect(sheet.getMaxColumns()).toBe(25);
  });
  it("keeps frozen rows, column widths, tab colour and index", () => {
    const { sheet, spreadsheet } = setup();
    sheet.setFrozenRows(1);
    sheet.setColumnWidth(2, 240);
    sheet.setTabColor("#1a73e8");
    expect([
      sheet.getFrozenRows(),
      sheet.getColumnWidth(2),
      sheet.getColumnWidth(3),
      sheet.getTabColor(),
    ]).toEqual([1, 240, 100, "#1a73e8"]);
    expect(sheet.getIndex()).toBe(2);
    expect(spreadsheet.insertSheet("First", 0).getIndex()).toBe(1);
  });
});

describe("ranges", () => {
  it("stores notes, formulas, number formats and styles per cell", () => {
    const { sheet } = setup();
    const header = sheet.getRange("A1:C1");
    header
      .setValues([["ID", "Name", "Due"]])
      .setFontWeight("bold")
      .setBackground("#eeeeee");
    sheet.getRange("A2").setNote("filled in when blank");
    sheet.getRange("C2").setFormula("=TODAY()");
    expect(header.getFontWeights()).toEqual([["bold", "bold", "bold"]]);
    expect(sheet.getRange("A2").getFontWeight()).toBe("normal");
    expect(sheet.getRange("B1").getBackground()).toBe("#eeeeee");
    expect(sheet.getRange("A2:A3").getNotes()).toEqual([["filled in when blank"], [""]]);
    expect(sheet.getRange("C2").getFormulas()).toEqual([["=TODAY()"]]);
    expect(sheet.getRange("C3").getNumberFormat()).toBe("0.###############");
  });
  it("offsets, getCell and RangeList", () => {
    const { sheet } = setup();
    const base = sheet.getRange("B2:C3");
    expect(base.offset(1, 1).getA1Notation()).toBe("C3:D4");
    expect(base.offset(0, 0, 1, 1).getA1Notation()).toBe("B2");
    expect(base.getCell(2, 2).getA1Notation()).toBe("C3");
    sheet.getRangeList(["A1", "C5:D5"]).setValue("x");
    expect(sheet.getRange("A1").getValue()).toBe("x");
    expect(sheet.getRange("C5:D5").getValues()).toEqual([["x", "x"]]);
    expect(sheet.getRange("A:A").getNumRows()).toBe(1000);
    expect(sheet.getRange("2:3").getA1Notation()).toBe("A2:Z3");
  });
  it("clear removes content and formats; clearContent keeps formats", () => {
    const { sheet } = setup();
    sheet.getRange("A1").setValue("12%");
    sheet.getRange("A1").clearContent();
    expect(sheet.getRange("A1").getNumberFormat()).toBe("0%");
    sheet.getRange("A1").setValue(0.5).clear();
    expect([sheet.getRange("A1").getValue(), sheet.getRange("A1").getNumberFormat()]).toEqual([
      "",
      "0.###############",
    ]);
  });
});

describe("tabs", () => {
  it("renames, deletes and activates sheets", () => {
    const { spreadsheet, sheet, store } = setup();
    expect(spreadsheet.getActiveSheet().getName()).toBe("Contacts");
    expect(() => sheet.setName("Sheet1")).toThrow('A sheet with the name "Sheet1" already exists.');
    sheet.setName("People");
    expect(spreadsheet.getSheets().map((s) => s.getName())).toEqual(["Sheet1", "People"]);
    spreadsheet.getSheetByName("Sheet1")?.activate();
    expect(store.selectionOf(spreadsheet.getId())).toBe("Sheet1!A1");
    spreadsheet.deleteSheet(sheet);
    expect(spreadsheet.getSheetByName("People")).toBeNull();
    expect(() => sheet.getRange("A1")).toThrow(/deleted/);
    expect(() => spreadsheet.deleteSheet(spreadsheet.getSheets()[0]!)).toThrow(
      "You can't remove all the sheets in a document.",
    );
  });
  it("records toasts", () => {
    const { spreadsheet, store } = setup();
    spreadsheet.toast("Refreshed 12 contacts", "Touchbase", 5);
    expect(store.ui.toasts).toEqual([
      {
        message: "Refreshed 12 contacts",
        title: "Touchbase",
        timeoutSeconds: 5,
        spreadsheetId: spreadsheet.getId(),
      },
    ]);
  });
});
