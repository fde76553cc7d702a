// The workbook as one run sees it (DESIGN §3 step 2): every tab read once, every contact computed,
// and the plan written back in a constant number of batch calls. Used by the hourly run, the
// menu's refresh and the email preview, so all three see the sheet the same way.
import {
  CONTACT,
  CADENCES_SPEC,
  CONTACTS_SPEC,
  SETTINGS_SPEC,
  TOUCHES_SPEC,
  type TableSpec,
} from "../domain/schema";
import { planRefresh, type RefreshPlan } from "../domain/refresh";
import { DEFAULT_SETTINGS, parseSettingsTable, type Settings } from "../domain/settings";
import { indexTable, type Table } from "../domain/table";
import { appendRows, openTable, tryReadTable, writeColumns, type OpenTable } from "./tableIO";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Workbook {
  readonly settings: Settings;
  readonly zone: string;
  readonly contacts: OpenTable;
  readonly touches: OpenTable;
  readonly plan: RefreshPlan;
}

/** Reads every tab once and computes every contact; writes nothing. */
export function readWorkbook(spreadsheet: Spreadsheet, user: string, now: Date): Workbook {
  const { settings, problems: settingsProblems } = readSettings(spreadsheet);
  const zone = settings.timeZone || spreadsheet.getSpreadsheetTimeZone();
  const contacts = openTable(spreadsheet, CONTACTS_SPEC);
  const touches = openTable(spreadsheet, TOUCHES_SPEC);
  const cadences = readOptionalTab(spreadsheet, CADENCES_SPEC, settingsProblems);
  const plan = planRefresh({
    contacts: contacts.table,
    touches: touches.table,
    cadences,
    settings,
    settingsProblems,
    zone,
    now,
    user,
  });
  return { settings, zone, contacts, touches, plan };
}

/**
 * Writes the plan. Touches first: if the run dies between the writes, the next run sees the
 * logged tier change and does not log it twice. Then Contacts in an order a retry can repeat.
 */
export function writeWorkbook({ contacts, touches, plan }: Workbook): void {
  if (plan.newTouches.length > 0) appendRows(touches.sheet, touches.table, plan.newTouches);
  for (const group of inWriteOrder(plan.contactColumns)) {
    writeColumns(contacts.sheet, contacts.table, group, plan.contactFormats);
  }
}

type Columns = ReadonlyMap<string, readonly unknown[]>;

/**
 * Contacts columns that record a change (state), written after the computed cells that depend on
 * it: a new Tier after the Step and Cadence Start computed for it (a retry that saw the new tier
 * but not those cells would pick another cadence start), and new IDs last (until a row has its
 * ID, a retry assigns the same one and stamps the same Created).
 */
const WRITTEN_LAST: readonly string[] = [CONTACT.tier, CONTACT.id];

/** The plan's Contacts columns as groups to write in order (one batch per contiguous run each). */
function inWriteOrder(columns: Columns): Columns[] {
  const groups: Columns[] = [
    new Map([...columns].filter(([header]) => !WRITTEN_LAST.includes(header))),
  ];
  for (const header of WRITTEN_LAST) {
    const values = columns.get(header);
    if (values) groups.push(new Map([[header, values]]));
  }
  return groups;
}

export function readSettings(spreadsheet: Spreadsheet): { settings: Settings; problems: string[] } {
  // Only a missing tab or column falls back to the defaults: a failed read (a service error) must
  // stop the run, or every row would be computed and written with the wrong settings.
  const tab = tryReadTable(spreadsheet, SETTINGS_SPEC);
  if (!tab.ok) {
    return {
      settings: { ...DEFAULT_SETTINGS },
      problems: [`${tab.error.message} Using default settings.`],
    };
  }
  return parseSettingsTable(tab.table);
}

/**
 * A tab the run can do without (Cadences): when it or a required column is missing, a problem is
 * noted and an empty table used. Any other failure stops the run (see readSettings).
 */
export function readOptionalTab(
  spreadsheet: Spreadsheet,
  spec: TableSpec,
  problems: string[],
): Table {
  const tab = tryReadTable(spreadsheet, spec);
  if (tab.ok) return tab.table;
  problems.push(tab.error.message);
  return indexTable(spec.tab, [spec.columns.map((c) => c.header)]);
}
