// The spreadsheet services seen from script code, through the runtime's vm and counting Proxy:
// objects handed back to a service (ranges, outputs, rules) are recognised, and dates written by
// the script come back as Dates.
import { ANA, newEmulator } from "./helpers";

function emulatorWithSheet() {
  const emu = newEmulator();
  const spreadsheet = emu.spreadsheets.create("Touchbase", {
    timeZone: "America/New_York",
    owner: ANA,
  });
  return { emu, id: spreadsheet.getId() };
}

describe("spreadsheet services inside the runtime", () => {
  it("SpreadsheetApp.create makes a spreadsheet the running user owns, with one Sheet1 of 1,000 × 26", () => {
    const { emu, id } = emulatorWithSheet();
    const app = emu.loadBundleSource(`
      function make() {
        var created = SpreadsheetApp.create("Archive");
        var sheet = created.getSheets()[0];
        return [created.getName(), sheet.getName(), sheet.getMaxRows(), sheet.getMaxColumns(),
          SpreadsheetApp.openById(created.getId()).getName()].join(" ");
      }
    `);
    const result = app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "make");
    expect(result.error).toBeUndefined();
    expect(result.value).toBe("Archive Sheet1 1000 26 Archive");
    expect(result.callLog[0]).toBe("SpreadsheetApp.create");
    const created = emu.spreadsheets.all().find((s) => s.getName() === "Archive");
    expect(created?.getOwner()?.getEmail()).toBe(ANA);
  });

  it("accept proxied ranges back (conditional format rules, charts) and count the calls", () => {
    const { emu, id } = emulatorWithSheet();
    const app = emu.loadBundleSource(`
      function format() {
        var sheet = SpreadsheetApp.getActiveSpreadsheet().insertSheet("Contacts");
        var rule = SpreadsheetApp.newConditionalFormatRule().whenTextEqualTo("Overdue")
          .setBackground("#f4cccc").setRanges([sheet.getRange("S2:S1000")]).build();
        sheet.setConditionalFormatRules([rule]);
        sheet.insertChart(sheet.newChart().setChartType(Charts.ChartType.COLUMN)
          .addRange(sheet.getRange("A1:B5")).setPosition(1, 4, 0, 0).build());
        return sheet.getConditionalFormatRules()[0].getRanges()[0].getA1Notation() + " " + sheet.getCharts().length;
      }
    `);
    const result = app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "format");
    expect(result.error).toBeUndefined();
    expect(result.value).toBe("S2:S1000 1");
    expect(result.callLog).toContain("Sheet.setConditionalFormatRules");
    expect(result.callLog).toContain("ConditionalFormatRuleBuilder.setRanges");
  });

  it("shows a sidebar built from a template whose properties were set through the proxy", () => {
    const { emu, id } = emulatorWithSheet();
    const app = emu.loadBundleSource(`
      function open() {
        var template = HtmlService.createTemplate("<p><?= who ?></p>");
        template.who = "Ana & Ben";
        SpreadsheetApp.getUi().showSidebar(template.evaluate().setTitle("Touchbase"));
      }
    `);
    const result = app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "open");
    expect(result.error).toBeUndefined();
    expect(emu.spreadsheets.ui.lastSidebar()).toMatchObject({
      title: "Touchbase",
      html: "<p>Ana &amp; Ben</p>",
    });
  });

  it("stores script dates as Dates and has no active spreadsheet in a time trigger", () => {
    const { emu, id } = emulatorWithSheet();
    const app = emu.loadBundleSource(`
      function stamp(id) {
        var cell = SpreadsheetApp.openById(id).getSheets()[0].getRange("A1");
        cell.setValue(new Date(Date.UTC(2026, 10, 21, 14)));
        return { isDate: cell.getValue() instanceof Date, shown: cell.getDisplayValue(),
                 active: SpreadsheetApp.getActiveSpreadsheet() === null };
      }
    `);
    const result = app.run({ user: ANA, kind: "trigger" }, "stamp", id);
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({ isDate: true, shown: "11/21/2026 9:00:00", active: true });
  });
});
