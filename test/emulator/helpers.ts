// Shared set-up for the emulator runtime tests: two users and one spreadsheet with a small table.
import { createEmulator, type Emulator, type EmulatorOptions } from "../../emulator";

export const ANA = "ana@acme.test";
export const BEN = "ben@acme.test";

export function newEmulator(overrides: Partial<EmulatorOptions> = {}): Emulator {
  return createEmulator({
    now: new Date("2026-11-23T08:00:00Z"),
    scriptTimeZone: "Etc/UTC",
    users: [
      { email: ANA, name: "Ana Ortiz", aliases: ["ana.sales@acme.test"] },
      { email: BEN, name: "Ben Park" },
    ],
    ...overrides,
  });
}

/** A spreadsheet owned by Ana whose Sheet1 holds `rows` rows of 3 numbers under a header. */
export function newSpreadsheet(emu: Emulator, rows = 20): string {
  const data = emu.spreadsheets.create("Touchbase test", {
    timeZone: "Etc/UTC",
    owner: ANA,
    editors: [BEN],
  });
  const app = emu.loadBundleSource(`
    function fill(rows) {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var values = [["A", "B", "C"]];
      for (var i = 1; i <= rows; i++) values.push([i, i * 2, i * 3]);
      sheet.getRange(1, 1, values.length, 3).setValues(values);
    }
  `);
  const result = app.run({ user: ANA, kind: "menu", spreadsheetId: data.id }, "fill", rows);
  if (result.error) throw result.error;
  return data.id;
}
