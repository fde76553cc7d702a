// "Set up / repair sheets" (DESIGN §1): adds missing tabs, columns and default rows and applies
// formatting, without ever moving or deleting user columns or data. Running it twice changes nothing.
import { toCellValue, normalizeKey, type Cell } from "../domain/cells";
import { DEFAULT_CADENCE_ROWS } from "../domain/defaults/cadences";
import { defaultSettingsRows } from "../domain/defaults/settingsRows";
import { DEFAULT_TEMPLATES } from "../domain/defaults/templates";
import { METRICS_TITLE } from "../domain/metricsLayout";
import {
  CONTACT,
  SETTING,
  SETTINGS_SPEC,
  TAB,
  TABLE_SPECS,
  type TableSpec,
} from "../domain/schema";
import { columnOf, indexTable, missingColumns, type Table } from "../domain/table";
import {
  colourStatusColumn,
  formatDataColumns,
  protectComputedColumns,
  styleHeaderRow,
  validateSettingValues,
  type FormatApp,
} from "./format";
import { appendRows, findSheet, type RowRecord } from "./tableIO";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupReport {
  /** Tabs that did not exist, in creation order (Metrics included). */
  readonly tabsCreated: string[];
  /** Columns added to tabs that already existed (a created tab gets every column). */
  readonly columnsAdded: { readonly tab: string; readonly columns: string[] }[];
  /** Default rows written per tab (Settings, Templates, Cadences). */
  readonly rowsSeeded: { readonly tab: string; readonly rows: number }[];
  /** One or two sentences for the user. */
  readonly summary: string;
}

/** Tabs whose default rows setup writes; they are small, so setup reads them whole. */
const SEEDED_TABS: ReadonlySet<string> = new Set([TAB.settings, TAB.templates, TAB.cadences]);

interface TabRepair {
  readonly sheet: Sheet;
  readonly created: boolean;
  readonly columnsAdded: string[];
  readonly rowsSeeded: number;
}

export function setupSheets(
  spreadsheet: Spreadsheet,
  app: FormatApp = SpreadsheetApp,
): SetupReport {
  let sheetCount = spreadsheet.getSheets().length;
  const insertAtEnd = (name: string): Sheet => spreadsheet.insertSheet(name, sheetCount++);

  const tabsCreated: string[] = [];
  const columnsAdded: SetupReport["columnsAdded"] = [];
  const rowsSeeded: SetupReport["rowsSeeded"] = [];

  for (const spec of TABLE_SPECS) {
    const existing = findSheet(spreadsheet, spec.tab);
    const sheet = existing ?? insertAtEnd(spec.tab);
    const repair = repairTab(app, sheet, spec, existing === null);
    if (repair.created) tabsCreated.push(spec.tab);
    else if (repair.columnsAdded.length > 0) {
      columnsAdded.push({ tab: spec.tab, columns: repair.columnsAdded });
    }
    if (repair.rowsSeeded > 0) rowsSeeded.push({ tab: spec.tab, rows: repair.rowsSeeded });
  }

  if (!findSheet(spreadsheet, TAB.metrics)) {
    // A placeholder: the metrics writer owns this tab's contents.
    insertAtEnd(TAB.metrics).getRange(1, 1).setValue(METRICS_TITLE).setFontWeight("bold");
    tabsCreated.push(TAB.metrics);
  }

  return {
    tabsCreated,
    columnsAdded,
    rowsSeeded,
    summary: summarize(tabsCreated, columnsAdded, rowsSeeded),
  };
}

function repairTab(app: FormatApp, sheet: Sheet, spec: TableSpec, created: boolean): TabRepair {
  const lastColumn = sheet.getLastColumn();
  let grid: Cell[][] = [];
  if (lastColumn > 0) {
    grid = (
      SEEDED_TABS.has(spec.tab)
        ? sheet.getDataRange().getValues()
        : sheet.getRange(1, 1, 1, lastColumn).getValues()
    ) as Cell[][];
  }
  const before = indexTable(spec.tab, grid);
  const missing = missingColumns(before, spec);
  const table = addHeaders(sheet, spec, grid, lastColumn, missing);

  styleHeaderRow(sheet, table.headers.length);
  const seeded = seedDefaultRows(sheet, spec, table);

  const maxRows = sheet.getMaxRows();
  formatDataColumns(app, sheet, table, spec.columns, maxRows);
  if (spec.tab === TAB.contacts) {
    protectComputedColumns(app, sheet, table, spec.columns, maxRows);
    const status = columnOf(table, CONTACT.status);
    if (status !== undefined) colourStatusColumn(app, sheet, status + 1, maxRows);
  }
  if (spec.tab === TAB.settings) validateSettings(app, sheet, table, seeded);

  return { sheet, created, columnsAdded: missing, rowsSeeded: seeded.length };
}

/**
 * Writes the missing headers after the last used column (one setValues), growing the grid and
 * sizing only the new columns. Returns the tab's table as it now stands.
 */
function addHeaders(
  sheet: Sheet,
  spec: TableSpec,
  grid: readonly (readonly Cell[])[],
  lastColumn: number,
  missing: readonly string[],
): Table {
  if (missing.length > 0) {
    const width = lastColumn + missing.length;
    const maxColumns = sheet.getMaxColumns();
    if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
    sheet
      .getRange(1, lastColumn + 1, 1, missing.length)
      .setValues([missing.map((header) => toCellValue(header, "text"))]);
    missing.forEach((header, i) => {
      const columnWidth = spec.columns.find((c) => c.header === header)?.width;
      if (columnWidth) sheet.setColumnWidth(lastColumn + 1 + i, columnWidth);
    });
  }
  const headerRow: Cell[] = [...(grid[0] ?? [])];
  while (headerRow.length < lastColumn) headerRow.push("");
  return indexTable(spec.tab, [[...headerRow, ...missing], ...grid.slice(1)]);
}

/**
 * Settings: only the missing settings. Templates and Cadences: defaults on an empty tab only.
 * Returns the records written, in the order they now stand below the tab's rows.
 */
function seedDefaultRows(sheet: Sheet, spec: TableSpec, table: Table): readonly RowRecord[] {
  const records = defaultRecordsFor(spec, table);
  if (records.length > 0) appendRows(sheet, table, records);
  return records;
}

function defaultRecordsFor(spec: TableSpec, table: Table): readonly RowRecord[] {
  switch (spec.tab) {
    case TAB.templates:
      return table.rows.length === 0 ? DEFAULT_TEMPLATES : [];
    case TAB.cadences:
      return table.rows.length === 0 ? DEFAULT_CADENCE_ROWS : [];
    case TAB.settings: {
      const nameColumn = columnOf(table, SETTING.setting);
      const present = new Set(
        table.rows.map((row) => normalizeKey(nameColumn === undefined ? "" : row[nameColumn])),
      );
      const headers = SETTINGS_SPEC.columns.map((c) => c.header);
      return defaultSettingsRows()
        .filter((row) => !present.has(normalizeKey(row[0])))
        .map((row) => Object.fromEntries(headers.map((header, i) => [header, row[i] ?? ""])));
    }
    default:
      return [];
  }
}

/**
 * Dropdowns and number ranges on each setting's Value cell: the tab's rows as read, then the rows
 * just seeded below them (appendRows writes right after the last used row), so no second read.
 */
function validateSettings(
  app: FormatApp,
  sheet: Sheet,
  table: Table,
  seeded: readonly RowRecord[],
): void {
  const nameColumn = columnOf(table, SETTING.setting);
  const valueColumn = columnOf(table, SETTING.value);
  if (nameColumn === undefined || valueColumn === undefined) return;
  const names = [
    ...table.rows.map((row) => row[nameColumn] ?? ""),
    ...seeded.map((record) => (record as Record<string, Cell>)[SETTING.setting] ?? ""),
  ];
  validateSettingValues(app, sheet, names, valueColumn + 1);
}

function summarize(
  tabsCreated: readonly string[],
  columnsAdded: SetupReport["columnsAdded"],
  rowsSeeded: SetupReport["rowsSeeded"],
): string {
  const parts: string[] = [];
  if (tabsCreated.length > 0) parts.push(`Created ${list(tabsCreated)}.`);
  for (const { tab, columns } of columnsAdded) {
    parts.push(`Added to ${tab}: ${list(columns)}.`);
  }
  if (rowsSeeded.length > 0) {
    parts.push(`Wrote default rows: ${list(rowsSeeded.map((s) => `${s.rows} in ${s.tab}`))}.`);
  }
  return parts.length > 0
    ? parts.join(" ")
    : "Everything was already set up; formatting was refreshed.";
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
