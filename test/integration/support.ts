// Shared helpers for the integration tests: the team, reading and typing into tabs by header name,
// settings, alerts and turning automation on. Lists that restate DESIGN.md are written out here (not
// imported from src) so a renamed word fails the tests.
import type { Workbench } from "../../scripts/demo/workbench";

export type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
/** A row as header → value. */
export type Row = Record<string, unknown>;

export const ALEX = "alex@acme.test";
export const SAM = "sam@acme.test";
export const ZONE = "America/New_York";

/** DESIGN §2's statuses. */
export const STATUSES: readonly string[] = [
  "Replied",
  "Overdue",
  "Due Today",
  "Upcoming",
  "Nurture",
  "Paused",
  "Opted Out",
  "Closed",
];

/** DESIGN §1's computed Contacts columns. */
export const COMPUTED: readonly string[] = [
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
];

/** A Contacts row owned by ALEX, Qualified and Warm, with `extra` cells on top. */
export function contactRow(id: string, name: string, extra: Row = {}): Row {
  return {
    ID: id,
    Name: name,
    Email: `${name.toLowerCase().replace(/\s+/g, ".")}@client.test`,
    Owner: ALEX,
    Stage: "Qualified",
    Tier: "Warm",
    Created: "2026-11-02",
    ...extra,
  };
}

export function sheetOf(wb: Workbench, tab: string): Sheet {
  const sheet = wb.spreadsheet().getSheetByName(tab);
  if (!sheet) throw new Error(`no ${tab} tab`);
  return sheet;
}

export function headerRow(sheet: Sheet): string[] {
  return sheet
    .getRange(1, 1, 1, sheet.getLastColumn())
    .getValues()[0]!
    .map((h) => String(h));
}

/** 1-based column of a header, failing loudly when it is not there. */
export function columnNumber(sheet: Sheet, header: string): number {
  const index = headerRow(sheet).indexOf(header);
  if (index < 0) throw new Error(`${sheet.getName()} has no "${header}" column`);
  return index + 1;
}

function recordOf(headers: readonly unknown[], row: readonly unknown[]): Row {
  return Object.fromEntries(headers.map((h, i) => [String(h), row[i]]));
}

/** One record per sheet row under the header, blank rows included (index 0 = sheet row 2). */
export function rowRecords(wb: Workbench, tab: string): Row[] {
  const [headers = [], ...rows] = wb.values(tab);
  return rows.map((row) => recordOf(headers, row));
}

/** The filled rows under the header as records (blank rows dropped). */
export function records(wb: Workbench, tab: string): Row[] {
  const [headers = [], ...rows] = wb.values(tab);
  return rows.filter((row) => row.some((cell) => cell !== "")).map((row) => recordOf(headers, row));
}

/**
 * Types rows under a tab's header by header name, from `firstRow` down, as a person would
 * (null = a blank row). A key that is not a header is a mistake in the test data.
 */
export function typeRows(
  wb: Workbench,
  tab: string,
  rows: readonly (Readonly<Row> | null)[],
  firstRow = 2,
): void {
  const sheet = sheetOf(wb, tab);
  const header = headerRow(sheet);
  for (const row of rows) {
    for (const key of Object.keys(row ?? {})) {
      if (!header.includes(key)) throw new Error(`test data: ${tab} has no column "${key}"`);
    }
  }
  const grid = rows.map((row) => header.map((h) => row?.[h] ?? ""));
  sheet.getRange(firstRow, 1, grid.length, header.length).setValues(grid);
}

/** Clears one header cell, as a user deleting the header text would. */
export function clearHeader(wb: Workbench, tab: string, header: string): void {
  const sheet = sheetOf(wb, tab);
  sheet.getRange(1, columnNumber(sheet, header)).setValue("");
}

/** Types `value` into the Value cell of the named setting on Settings. */
export function setSetting(wb: Workbench, name: string, value: string): void {
  const sheet = sheetOf(wb, "Settings");
  const names = sheet
    .getRange(1, 1, sheet.getLastRow(), 1)
    .getValues()
    .map((r) => String(r[0]));
  const row = names.indexOf(name);
  if (row < 1) throw new Error(`no setting ${name}`);
  sheet.getRange(row + 1, 2).setValue(value);
}

/** The newest alert's prompt ("" when none was shown). */
export function lastAlert(wb: Workbench): string {
  return wb.emu.spreadsheets.ui.alerts.at(-1)?.prompt ?? "";
}

/** The newest alert's title ("" when none was shown). */
export function lastAlertTitle(wb: Workbench): string {
  return wb.emu.spreadsheets.ui.alerts.at(-1)?.title ?? "";
}

/** Clicks "Turn on automation for me" as `user`; a failure stops the test's set-up. */
export function turnOnAutomation(wb: Workbench, user = ALEX): void {
  const result = wb.menu("menuTurnOnAutomation", user);
  if (result.error) throw result.error;
}
