// The import's reads and its one write (issue 12 item 4): the Contacts tab, the spreadsheet's
// locale and zone, remembered owner answers and the source tab are read once each; the plan's
// rows land with ONE setValues, so an import is all or nothing; then a Runs row reports it.
// Service calls do not depend on the number of rows.
import { cellText, isEmail, toCellValue, type Cell } from "../domain/cells";
import {
  importSummary,
  planImport,
  type ImportContext,
  type ImportPlan,
  type ImportSourceGrid,
} from "../domain/importPlan";
import { elapsedSeconds, emptyRunRecord, type RunRecord } from "../domain/runRecord";
import { CONTACT, CONTACTS_SPEC, SETTINGS_SPEC, TAB, TABLE_SPECS } from "../domain/schema";
import { parseSettingsTable } from "../domain/settings";
import { columnOf, FIRST_DATA_ROW, sheetRowOf, type Table } from "../domain/table";
import { normalizeKey } from "../domain/cells";
import type { ImportChoices, ImportCounts } from "../api/import";
import { errorMessage } from "../errors";
import { appendRunRow } from "./runsLog";
import { columnKindOf, findSheet, openTable, tryReadTable } from "./tableIO";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Document property holding owner names answered in earlier imports (name key → email). */
export const OWNER_ANSWERS_PROPERTY = "touchbase.import.owners";
/** PropertiesService keeps at most 9 KB per value (APPS-SCRIPT-FACTS). */
const PROPERTY_MAX_CHARS = 8_000;
const LOCK_WAIT_MS = 10_000;

/** Tabs an import may read from: any tab but Touchbase's own (and Metrics, which it generates). */
export function importableTabs(spreadsheet: Spreadsheet): string[] {
  const own = new Set([...TABLE_SPECS.map((s) => s.tab), TAB.metrics].map(normalizeKey));
  return spreadsheet
    .getSheets()
    .map((sheet) => sheet.getName())
    .filter((name) => !own.has(normalizeKey(name)));
}

/** Another tab of this spreadsheet as a source grid: one getValues of its used range. */
export function readTabSource(spreadsheet: Spreadsheet, tab: string): ImportSourceGrid {
  if (!importableTabs(spreadsheet).some((name) => normalizeKey(name) === normalizeKey(tab))) {
    const own = findSheet(spreadsheet, tab) !== null;
    return {
      name: tab,
      grid: [],
      error: own
        ? `"${tab}" is one of Touchbase's own tabs: choose the tab that holds your list.`
        : `There is no tab named "${tab}" in this spreadsheet.`,
    };
  }
  const sheet = findSheet(spreadsheet, tab)!;
  return { name: sheet.getName(), grid: sheet.getDataRange().getValues() as Cell[][], error: "" };
}

interface ContactsRead {
  readonly sheet: Sheet;
  readonly table: Table;
  /** The sheet's last row with content (new rows go below it). */
  readonly lastRow: number;
}

function readContext(
  spreadsheet: Spreadsheet,
  user: string,
): { context: ImportContext; contacts: ContactsRead } {
  const { sheet, table } = openTable(spreadsheet, CONTACTS_SPEC);
  const lastRow = Math.max(table.rows.length + 1, sheet.getLastRow());
  const settingsTab = tryReadTable(spreadsheet, SETTINGS_SPEC);
  const settings = settingsTab.ok ? parseSettingsTable(settingsTab.table).settings : null;
  const zone = settings?.timeZone || spreadsheet.getSpreadsheetTimeZone();
  const locale = spreadsheet.getSpreadsheetLocale();
  const remembered = PropertiesService.getDocumentProperties().getProperty(OWNER_ANSWERS_PROPERTY);
  const context: ImportContext = {
    contacts: table,
    locale,
    zone,
    rememberedOwners: parseRemembered(remembered),
    team: teamOf(table, [user, ...(settings?.managerEmails ?? [])]),
  };
  return { context, contacts: { sheet, table, lastRow } };
}

function parseRemembered(json: string | null): Record<string, string> {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (typeof parsed !== "object" || parsed === null) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter(
        (entry): entry is [string, string] => typeof entry[1] === "string",
      ),
    );
  } catch {
    return {}; // a hand-edited property: start afresh rather than fail the import
  }
}

/** Every owner address in Contacts, plus the user and the managers, sorted. */
function teamOf(contacts: Table, extra: readonly string[]): string[] {
  const team = new Set(extra.map((e) => e.trim().toLowerCase()).filter(isEmail));
  const owner = columnOf(contacts, CONTACT.owner);
  if (owner !== undefined) {
    for (const row of contacts.rows) {
      const email = cellText(row[owner]).toLowerCase();
      if (isEmail(email)) team.add(email);
    }
  }
  return [...team].sort();
}

/** Reads what the plan needs and plans the import; writes nothing. */
export function previewImport(
  spreadsheet: Spreadsheet,
  user: string,
  source: ImportSourceGrid,
  choices: ImportChoices,
): ImportPlan {
  return planImport(source, choices, readContext(spreadsheet, user).context);
}

export interface ImportResult {
  readonly plan: ImportPlan;
  readonly counts: ImportCounts;
  readonly summary: string;
}

/**
 * Plans and writes the import under the document lock (as the sidebar's writes), then logs a Runs
 * row. Throws with the plan's first error when the mapping is not importable: nothing is written.
 */
export function performImport(
  spreadsheet: Spreadsheet,
  user: string,
  source: ImportSourceGrid,
  choices: ImportChoices,
): ImportResult {
  const started = new Date();
  const record = emptyRunRecord(started, user, "Import");
  const lock = LockService.getDocumentLock();
  if (!lock.tryLock(LOCK_WAIT_MS)) {
    throw new Error(
      "Someone else is changing the Contacts tab right now. Wait a moment and import again: nothing was imported.",
    );
  }
  try {
    const { context, contacts } = readContext(spreadsheet, user);
    const plan = planImport(source, choices, context);
    const [firstError] = plan.preview.errors;
    if (firstError) throw new Error(`${firstError} Nothing was imported.`);
    const counts = plan.preview.counts;
    try {
      writePlan(contacts, plan);
    } catch (error) {
      clearNewHeaders(contacts, plan);
      record.error = `Import from "${source.name}" failed, nothing was imported: ${errorMessage(error)}`;
      logImport(spreadsheet, record);
      throw Object.assign(new Error(record.error), { cause: error });
    }
    rememberOwners(context.rememberedOwners, plan.ownerAnswers);
    const summary = importSummary(source.name, counts, plan.skipped);
    record.contacts = counts.imported;
    record.problems = summary;
    logImport(spreadsheet, record);
    return { plan, counts, summary };
  } finally {
    lock.releaseLock();
  }
}

/**
 * After a failed data write, the headers written for new columns are cleared again (best effort:
 * a second failure leaves empty, named columns, which the next import reuses).
 */
function clearNewHeaders(contacts: ContactsRead, plan: ImportPlan): void {
  if (plan.newHeaders.length === 0) return;
  try {
    contacts.sheet
      .getRange(1, contacts.table.headers.length + 1, 1, plan.newHeaders.length)
      .setValues([plan.newHeaders.map(() => "")]);
  } catch (error) {
    console.error(`Touchbase could not clear the import's new headers: ${errorMessage(error)}`);
  }
}

function logImport(spreadsheet: Spreadsheet, record: RunRecord): void {
  record.seconds = elapsedSeconds(record.started, new Date());
  try {
    appendRunRow(spreadsheet, record);
  } catch (error) {
    // The import itself is done (or refused); the Runs tab being broken must not hide that.
    console.error(`Touchbase could not write its Runs row: ${errorMessage(error)}`, record);
  }
}

/** Saves the owner answers next to the earlier ones; the oldest go first when 9 KB is reached. */
function rememberOwners(
  earlier: Readonly<Record<string, string>>,
  answers: Readonly<Record<string, string>>,
): void {
  const changed = Object.entries(answers).some(([name, email]) => earlier[name] !== email);
  if (!changed) return;
  const entries = Object.entries({ ...earlier, ...answers });
  let json = JSON.stringify(Object.fromEntries(entries));
  while (json.length > PROPERTY_MAX_CHARS && entries.length > 0) {
    entries.shift();
    json = JSON.stringify(Object.fromEntries(entries));
  }
  PropertiesService.getDocumentProperties().setProperty(OWNER_ANSWERS_PROPERTY, json);
}

/**
 * Writes the plan: the headers of new columns (structure, like "Set up / repair sheets" adds a
 * column), then every value in ONE setValues over the rows from the first contact that gets a
 * cell filled down to the last new row. Cells inside that block that the import does not change
 * are written back exactly as they were — formulas as formulas, text as text — so the one write
 * changes only the cells that change, and a failure leaves no imported value behind.
 */
function writePlan(contacts: ContactsRead, plan: ImportPlan): void {
  const { sheet, table, lastRow } = contacts;
  if (plan.appends.length === 0 && plan.updates.length === 0) return;
  const headers = [...table.headers, ...plan.newHeaders];
  const width = headers.length;
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  if (plan.newHeaders.length > 0) {
    sheet
      .getRange(1, table.headers.length + 1, 1, plan.newHeaders.length)
      .setValues([plan.newHeaders.map((h) => toCellValue(h, "text"))]);
  }
  const fullTable: Table = {
    ...table,
    headers,
    columnIndex: new Map(headers.map((h, i) => [normalizeKey(h), i] as const).reverse()),
  };

  const firstNewRow = lastRow + 1;
  const updatedRows = plan.updates.map((u) => sheetRowOf(u.index));
  const top = updatedRows.length > 0 ? Math.min(...updatedRows) : firstNewRow;
  const bottom =
    plan.appends.length > 0 ? firstNewRow + plan.appends.length - 1 : Math.max(...updatedRows);
  const maxRows = sheet.getMaxRows();
  if (bottom > maxRows) sheet.insertRowsAfter(maxRows, bottom - maxRows);

  const range = sheet.getRange(top, 1, bottom - top + 1, width);
  const formats = range.getNumberFormats();
  const formulas = top < firstNewRow ? range.getFormulas() : [];
  const kinds = headers.map((h) => columnKindOf(fullTable, h));
  const updatesByRow = new Map(plan.updates.map((u) => [sheetRowOf(u.index), u.cells]));

  const block: Cell[][] = [];
  for (let sheetRow = top; sheetRow <= bottom; sheetRow++) {
    const r = sheetRow - top;
    const cellFormats = formats[r] ?? [];
    const out: Cell[] = new Array<Cell>(width).fill("");
    const existing = sheetRow < firstNewRow ? (table.rows[sheetRow - FIRST_DATA_ROW] ?? []) : null;
    if (existing) {
      for (let c = 0; c < width; c++) {
        // As it was: a formula stays a formula, a string the same string (never re-read as a
        // number or a date).
        out[c] = formulas[r]?.[c] || toCellValue(existing[c] ?? "", "text", cellFormats[c]);
      }
    }
    const record = existing ? updatesByRow.get(sheetRow) : plan.appends[sheetRow - firstNewRow];
    for (const [header, value] of record ?? []) {
      const c = columnOf(fullTable, header);
      // The plan fills only empty cells; a formula showing "" is still the person's cell.
      if (c === undefined || (existing && formulas[r]?.[c])) continue;
      out[c] = toCellValue(value, kinds[c]!, cellFormats[c]);
    }
    block.push(out);
  }
  range.setValues(block);
}
