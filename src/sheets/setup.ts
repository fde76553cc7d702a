// "Set up / repair sheets" (DESIGN §1): adds missing tabs, columns and default rows and applies
// formatting, without ever moving or deleting user columns or data. Running it twice changes nothing.
import { cellText, toCellValue, normalizeKey, type Cell } from "../domain/cells";
import {
  describeUserValues,
  userComputedColumns,
  yoursHeader,
  type UserComputedColumn,
} from "../domain/computedColumns";
import { DEFAULT_CADENCE_ROWS } from "../domain/defaults/cadences";
import { defaultSettingsRows } from "../domain/defaults/settingsRows";
import { DEFAULT_TEMPLATES } from "../domain/defaults/templates";
import { METRICS_TITLE } from "../domain/metricsLayout";
import {
  CONTACT,
  CONTACTS_SPEC,
  SETTING,
  SETTINGS_SPEC,
  TAB,
  TABLE_SPECS,
  type TableSpec,
} from "../domain/schema";
import {
  columnOf,
  duplicateHeaderProblems,
  indexTable,
  MissingColumnError,
  missingColumnError,
  missingColumns,
  type Table,
} from "../domain/table";
import {
  colourStatusColumn,
  formatDataColumns,
  protectComputedColumns,
  styleHeaderRow,
  touchbaseProtectedColumns,
  validateSettingValues,
  type FormatApp,
} from "./format";
import { findLookalikes } from "./tabFinder";
import { appendRows, findSheet, type RowRecord } from "./tableIO";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface SetupReport {
  /** Tabs that did not exist, in creation order (Metrics included). */
  readonly tabsCreated: string[];
  /** Tabs found by their headers under another name and renamed back. */
  readonly tabsRenamed: { readonly from: string; readonly to: string }[];
  /** Columns added to tabs that already existed (a created tab gets every column). */
  readonly columnsAdded: { readonly tab: string; readonly columns: string[] }[];
  /** A person's columns renamed (after their yes) to make room for Touchbase's computed ones. */
  readonly columnsRenamed: { readonly tab: string; readonly from: string; readonly to: string }[];
  /** Default rows written per tab (Settings, Templates, Cadences). */
  readonly rowsSeeded: { readonly tab: string; readonly rows: number }[];
  /** Structure mistakes setup found and did not repair by itself, each naming what to do. */
  readonly notes: string[];
  /** False when the person said no to a question and nothing was changed. */
  readonly changed: boolean;
  /** One or two sentences for the user. */
  readonly summary: string;
}

export interface SetupOptions {
  /**
   * Asks the person a yes/no question (the menu shows a dialog). Without it the answer is no:
   * a person's cells are never renamed without their yes.
   */
  readonly confirm?: (question: string) => boolean;
}

/** Tabs whose default rows setup writes; they are small, so setup reads them whole. */
const SEEDED_TABS: ReadonlySet<string> = new Set([TAB.settings, TAB.templates, TAB.cadences]);
/** Rows setup reads of other tabs: the header row and a few below it (a header row that slipped). */
const HEADER_ROWS_READ = 6;

interface TabRepair {
  readonly sheet: Sheet;
  readonly columnsAdded: string[];
  readonly rowsSeeded: number;
}

/** Where setup found a spec's tab: by name, by its headers under another name, or nowhere. */
interface LocatedTab {
  readonly spec: TableSpec;
  readonly sheet: Sheet | null;
  /** The tab's current name when it was found by its headers (to be renamed back). */
  readonly renameFrom: string | null;
}

export function setupSheets(
  spreadsheet: Spreadsheet,
  app: FormatApp = SpreadsheetApp,
  options: SetupOptions = {},
): SetupReport {
  const notes: string[] = [];
  const located = locateTabs(spreadsheet, notes);

  // Before any write: a person's own column under a computed header needs their yes.
  const contactsTab = located.find((t) => t.spec.tab === TAB.contacts);
  const contactsGrid = contactsTab?.sheet ? readGrid(contactsTab.sheet, CONTACTS_SPEC) : [];
  const collisions = contactsTab?.sheet ? findCollisions(app, contactsTab.sheet, contactsGrid) : [];
  if (collisions.length > 0 && !(options.confirm?.(collisionQuestion(collisions)) ?? false)) {
    return declinedReport(collisions, notes);
  }

  let sheetCount = spreadsheet.getSheets().length;
  const insertAtEnd = (name: string): Sheet => spreadsheet.insertSheet(name, sheetCount++);
  const tabsCreated: string[] = [];
  const tabsRenamed: SetupReport["tabsRenamed"] = [];
  const columnsAdded: SetupReport["columnsAdded"] = [];
  const columnsRenamed: SetupReport["columnsRenamed"] = [];
  const rowsSeeded: SetupReport["rowsSeeded"] = [];

  for (const { spec, sheet: existing, renameFrom } of located) {
    if (existing === null && renameFrom !== null) continue; // ambiguous: named in notes
    const sheet = existing ?? insertAtEnd(spec.tab);
    if (existing === null) tabsCreated.push(spec.tab);
    if (renameFrom !== null) {
      sheet.setName(spec.tab);
      tabsRenamed.push({ from: renameFrom, to: spec.tab });
    }
    const grid =
      spec === CONTACTS_SPEC && existing ? contactsGrid : existing ? readGrid(sheet, spec) : [];
    const misplaced = missingColumnError(indexTable(spec.tab, grid), spec)?.misplaced;
    if (misplaced) {
      // Adding headers to row 1 would write them above the person's own: name it instead.
      notes.push(new MissingColumnError(spec.tab, [], misplaced).message);
      continue;
    }
    const renamed = spec === CONTACTS_SPEC ? renameCollisions(sheet, grid, collisions) : [];
    columnsRenamed.push(...renamed.map((r) => ({ tab: spec.tab, ...r })));
    const repair = repairTab(app, sheet, spec, grid);
    notes.push(...duplicateHeaderProblems(indexTable(spec.tab, grid)));
    if (existing !== null && repair.columnsAdded.length > 0) {
      columnsAdded.push({ tab: spec.tab, columns: repair.columnsAdded });
    }
    if (repair.rowsSeeded > 0) rowsSeeded.push({ tab: spec.tab, rows: repair.rowsSeeded });
  }

  if (!findSheet(spreadsheet, TAB.metrics)) {
    // A placeholder: the metrics writer owns this tab's contents.
    insertAtEnd(TAB.metrics).getRange(1, 1).setValue(METRICS_TITLE).setFontWeight("bold");
    tabsCreated.push(TAB.metrics);
  }

  const report = { tabsCreated, tabsRenamed, columnsAdded, columnsRenamed, rowsSeeded, notes };
  return { ...report, changed: true, summary: summarize(report) };
}

/**
 * Each spec's tab: by name (any case); else a tab with its headers under another name, to be
 * renamed back — unless several tabs look alike (named in `notes`, nothing created). A tab found by
 * name but empty while another holds the headers and rows is named too (not moved: setup deletes
 * nothing).
 */
function locateTabs(spreadsheet: Spreadsheet, notes: string[]): LocatedTab[] {
  const claimed = new Set<string>();
  return TABLE_SPECS.map((spec) => {
    const byName = findSheet(spreadsheet, spec.tab);
    if (byName) {
      if (byName.getLastRow() <= 1) {
        const withRows = findLookalikes(spreadsheet, spec, claimed).find(
          (l) => l.sheet.getLastRow() > 1,
        );
        if (withRows) notes.push(emptyTabNote(spec.tab, withRows.name));
      }
      return { spec, sheet: byName, renameFrom: null };
    }
    const [best, second] = findLookalikes(spreadsheet, spec, claimed);
    if (!best) return { spec, sheet: null, renameFrom: null };
    if (second && second.score === best.score) {
      notes.push(
        `The tabs "${best.name}" and "${second.name}" both have the ${spec.tab} columns, so no ` +
          `"${spec.tab}" tab was added: rename the one you use to "${spec.tab}" and run Set up again.`,
      );
      return { spec, sheet: null, renameFrom: best.name };
    }
    claimed.add(best.name);
    return { spec, sheet: best.sheet, renameFrom: best.name };
  });
}

function emptyTabNote(tab: string, other: string): string {
  return (
    `The "${tab}" tab is empty, but the tab "${other}" has its columns and rows. If those are ` +
    `yours, delete the empty "${tab}" tab and run Set up again: it renames "${other}" to "${tab}".`
  );
}

/** The tab's rows setup needs: a seeded or the Contacts tab whole, others' first rows. */
function readGrid(sheet: Sheet, spec: TableSpec): Cell[][] {
  const lastColumn = sheet.getLastColumn();
  if (lastColumn === 0) return [];
  if (SEEDED_TABS.has(spec.tab) || spec === CONTACTS_SPEC) {
    return sheet.getDataRange().getValues() as Cell[][];
  }
  const rows = Math.max(1, Math.min(sheet.getLastRow(), HEADER_ROWS_READ));
  return sheet.getRange(1, 1, rows, lastColumn).getValues() as Cell[][];
}

/**
 * Computed Contacts columns holding a person's values. A free-text column (Step, Problem) is
 * judged by whether Touchbase protected it: setup protects every column it adds, so text in an
 * unprotected one was typed by a person.
 */
function findCollisions(app: FormatApp, sheet: Sheet, grid: Cell[][]): UserComputedColumn[] {
  const table = indexTable(TAB.contacts, grid);
  if (missingColumnError(table, CONTACTS_SPEC)?.misplaced) return [];
  const ours = touchbaseProtectedColumns(app, sheet);
  return userComputedColumns(table, (header) => {
    const index = columnOf(table, header);
    return index !== undefined && !ours.has(index + 1);
  });
}

function collisionQuestion(collisions: readonly UserComputedColumn[]): string {
  const lines = collisions.map((c) => `• "${c.header}": ${describeUserValues(c)}`);
  const names = collisions.map((c) => `"${c.header}"`).join(", ");
  const yours = collisions.map((c) => `"${c.header} (yours)"`).join(", ");
  return (
    `Your Contacts tab has columns that Touchbase computes and rewrites on every refresh, holding ` +
    `values Touchbase did not write:\n${lines.join("\n")}\n\n` +
    `Rename yours to ${yours} and add Touchbase's ${names}? Nothing you typed is deleted or moved.`
  );
}

function declinedReport(collisions: readonly UserComputedColumn[], notes: string[]): SetupReport {
  const names = collisions.map((c) => `"${c.header}"`).join(", ");
  const summary =
    `Nothing was changed. Your Contacts column${collisions.length > 1 ? "s" : ""} ${names} ` +
    `hold${collisions.length > 1 ? "" : "s"} your own values, so Refresh will not write ` +
    `${collisions.length > 1 ? "them" : "it"}. To keep yours and add Touchbase's, run Set up ` +
    `again and answer Yes, or rename yours (e.g. "${collisions[0]!.header} (yours)") yourself.`;
  return {
    tabsCreated: [],
    tabsRenamed: [],
    columnsAdded: [],
    columnsRenamed: [],
    rowsSeeded: [],
    notes,
    changed: false,
    summary: [summary, ...notes].join(" "),
  };
}

/** Renames each colliding header cell to "<header> (yours)"; `grid`'s header row follows. */
function renameCollisions(
  sheet: Sheet,
  grid: Cell[][],
  collisions: readonly UserComputedColumn[],
): { from: string; to: string }[] {
  const headerRow = grid[0];
  if (!headerRow) return [];
  return collisions.map((collision) => {
    const from = cellText(headerRow[collision.index]);
    const to = yoursHeader(collision.header, headerRow.map(cellText));
    sheet.getRange(1, collision.index + 1).setValue(toCellValue(to, "text"));
    headerRow[collision.index] = to;
    return { from, to };
  });
}

function repairTab(app: FormatApp, sheet: Sheet, spec: TableSpec, grid: Cell[][]): TabRepair {
  const lastColumn = grid[0]?.length ?? 0;
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

  return { sheet, columnsAdded: missing, rowsSeeded: seeded.length };
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

function summarize(report: Omit<SetupReport, "summary" | "changed">): string {
  const parts: string[] = [];
  for (const { from, to } of report.tabsRenamed) {
    parts.push(
      `Renamed the tab "${from}" to "${to}": it has the ${to} columns, and Touchbase finds its tabs by name.`,
    );
  }
  if (report.tabsCreated.length > 0) parts.push(`Created ${list(report.tabsCreated)}.`);
  for (const { from, to } of report.columnsRenamed) {
    parts.push(`Renamed your Contacts column "${from}" to "${to}".`);
  }
  for (const { tab, columns } of report.columnsAdded) {
    parts.push(`Added to ${tab}: ${list(columns)}.`);
  }
  if (report.rowsSeeded.length > 0) {
    parts.push(
      `Wrote default rows: ${list(report.rowsSeeded.map((s) => `${s.rows} in ${s.tab}`))}.`,
    );
  }
  if (parts.length === 0) parts.push("Everything was already set up; formatting was refreshed.");
  return [...parts, ...report.notes].join(" ");
}

function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}
