// Formatting that setup applies to a tab: header style, dropdowns, checkboxes, number formats,
// warning protections and the Status colours. Every function costs a constant number of service
// calls per column, whatever the row count, and re-running any of them changes nothing.
import { EMAIL_MODES, STATUSES, YES_NO, type ColumnSpec, type Status } from "../domain/schema";
import { userColumnFormat } from "../domain/numberFormats";
import { SETTING_DEFINITIONS, type SettingDefinition } from "../domain/settings";
import { columnOf, FIRST_DATA_ROW, type Table } from "../domain/table";
import { normalizeKey } from "../domain/cells";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type ConditionalFormatRule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;

/** The parts of SpreadsheetApp that formatting needs (passed in so tests can use the emulator's). */
export type FormatApp = Pick<
  GoogleAppsScript.Spreadsheet.SpreadsheetApp,
  "newDataValidation" | "newConditionalFormatRule" | "ProtectionType" | "BooleanCriteria"
>;

/** Marks the protections Touchbase owns, so a re-run finds them instead of adding more. */
export const PROTECTION_DESCRIPTION = "Touchbase computes this column";

/** Status colours: background and text, one distinct pair per status. */
export const STATUS_COLOURS: Readonly<Record<Status, { background: string; font: string }>> = {
  Replied: { background: "#b7e1cd", font: "#0d652d" },
  Overdue: { background: "#f4c7c3", font: "#a50e0e" },
  "Due Today": { background: "#fce8b2", font: "#7a4f01" },
  Upcoming: { background: "#c9daf8", font: "#1c4587" },
  Nurture: { background: "#d9d2e9", font: "#20124d" },
  Paused: { background: "#e0e0e0", font: "#434343" },
  "Opted Out": { background: "#ead1dc", font: "#4c1130" },
  Closed: { background: "#d0e0e3", font: "#0c343d" },
};

/** Bold header row across `width` columns, and at least one frozen row. */
export function styleHeaderRow(sheet: Sheet, width: number): void {
  if (width > 0) sheet.getRange(1, 1, 1, width).setFontWeight("bold");
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
}

/** The validation a column of this spec gets, or null for none. */
export function columnValidation(app: FormatApp, column: ColumnSpec): DataValidation | null {
  if (column.kind === "enum" && column.options) {
    // allowInvalid keeps the user's own words; the engine flags them with a clear Problem.
    return app
      .newDataValidation()
      .requireValueInList([...column.options], true)
      .setAllowInvalid(true)
      .build();
  }
  if (column.kind === "checkbox") {
    // Checkbox validation without insertCheckboxes: blank cells show unchecked but stay blank,
    // so empty rows do not count as data (getLastRow, appends) and "x"/"yes" typed by users stay.
    return app.newDataValidation().requireCheckbox().setAllowInvalid(true).build();
  }
  return null;
}

/** Dropdowns, checkboxes and number formats on rows 2..maxRows of each spec column present. */
export function formatDataColumns(
  app: FormatApp,
  sheet: Sheet,
  table: Table,
  columns: readonly ColumnSpec[],
  maxRows: number,
): void {
  const rowCount = maxRows - FIRST_DATA_ROW + 1;
  if (rowCount < 1) return;
  for (const column of columns) {
    const index = columnOf(table, column.header);
    const validation = columnValidation(app, column);
    // Computed columns are formatted by every refresh (a calendar-date Due differs from a timed one).
    const numberFormat = column.computed ? undefined : userColumnFormat(column.kind);
    if (index === undefined || (!validation && !numberFormat)) continue;
    const range = sheet.getRange(FIRST_DATA_ROW, index + 1, rowCount, 1);
    if (validation) range.setDataValidation(validation);
    if (numberFormat) range.setNumberFormat(numberFormat);
  }
}

/**
 * Warning-only protection on each computed column (rows 1..maxRows), keeping a matching Touchbase
 * protection and removing stale ones of ours; other protections are left alone.
 */
export function protectComputedColumns(
  app: FormatApp,
  sheet: Sheet,
  table: Table,
  columns: readonly ColumnSpec[],
  maxRows: number,
): void {
  const wanted = new Set<number>();
  for (const column of columns) {
    const index = columnOf(table, column.header);
    if (column.computed && index !== undefined) wanted.add(index + 1);
  }
  const covered = new Set<number>();
  for (const protection of sheet.getProtections(app.ProtectionType.RANGE)) {
    if (protection.getDescription() !== PROTECTION_DESCRIPTION) continue;
    const range = protection.getRange();
    const column = range.getColumn();
    const matches =
      wanted.has(column) &&
      !covered.has(column) &&
      range.getNumColumns() === 1 &&
      range.getRow() === 1 &&
      range.getNumRows() === maxRows;
    if (matches) covered.add(column);
    else protection.remove();
  }
  for (const column of wanted) {
    if (covered.has(column)) continue;
    sheet
      .getRange(1, column, maxRows, 1)
      .protect()
      .setDescription(PROTECTION_DESCRIPTION)
      .setWarningOnly(true);
  }
}

/** 1-based columns carrying a Touchbase computed-column protection (one call per protection). */
export function touchbaseProtectedColumns(app: FormatApp, sheet: Sheet): Set<number> {
  const columns = new Set<number>();
  for (const protection of sheet.getProtections(app.ProtectionType.RANGE)) {
    if (protection.getDescription() === PROTECTION_DESCRIPTION) {
      columns.add(protection.getRange().getColumn());
    }
  }
  return columns;
}

function isTouchbaseStatusRule(app: FormatApp, rule: ConditionalFormatRule): boolean {
  const condition = rule.getBooleanCondition();
  if (!condition) return false;
  if (String(condition.getCriteriaType()) !== String(app.BooleanCriteria.TEXT_EQUAL_TO)) {
    return false;
  }
  const status = STATUSES.find((s) => s === String(condition.getCriteriaValues()[0] ?? ""));
  return (
    status !== undefined &&
    (condition.getBackground() ?? "").toLowerCase() === STATUS_COLOURS[status].background
  );
}

/**
 * Colours the Status column, one rule per status. Touchbase's own rules (recognised by status word
 * and colour) are replaced; the user's rules are kept and come first, so they win.
 */
export function colourStatusColumn(
  app: FormatApp,
  sheet: Sheet,
  statusColumn: number,
  maxRows: number,
): void {
  const rowCount = maxRows - FIRST_DATA_ROW + 1;
  if (rowCount < 1) return;
  const range = sheet.getRange(FIRST_DATA_ROW, statusColumn, rowCount, 1);
  const userRules = sheet
    .getConditionalFormatRules()
    .filter((rule) => !isTouchbaseStatusRule(app, rule));
  const ours = STATUSES.map((status) =>
    app
      .newConditionalFormatRule()
      .whenTextEqualTo(status)
      .setBackground(STATUS_COLOURS[status].background)
      .setFontColor(STATUS_COLOURS[status].font)
      .setRanges([range])
      .build(),
  );
  sheet.setConditionalFormatRules([...userRules, ...ours]);
}

function settingValidation(app: FormatApp, def: SettingDefinition): DataValidation | null {
  const builder = app.newDataValidation().setAllowInvalid(true).setHelpText(def.description);
  switch (def.kind.type) {
    case "emailMode":
      return builder.requireValueInList([...EMAIL_MODES], true).build();
    case "yesNo":
      return builder.requireValueInList([...YES_NO], true).build();
    case "int":
    case "number":
      return builder.requireNumberBetween(def.kind.min, def.kind.max).build();
    default:
      return null;
  }
}

/**
 * Per-row validation of the Settings Value column (dropdowns for Email mode and Yes/No settings,
 * ranges for numbers), in one call; rows holding no known setting get none.
 */
export function validateSettingValues(
  app: FormatApp,
  sheet: Sheet,
  settingNames: readonly unknown[],
  valueColumn: number,
): void {
  if (settingNames.length === 0) return;
  const byName = new Map(SETTING_DEFINITIONS.map((def) => [normalizeKey(def.name), def]));
  const rules = settingNames.map((name) => {
    const def = byName.get(normalizeKey(name));
    return [def ? settingValidation(app, def) : null];
  });
  sheet.getRange(FIRST_DATA_ROW, valueColumn, rules.length, 1).setDataValidations(rules);
}
