// The workbook as one run sees it (DESIGN §3 step 2): every tab read once, every contact computed,
// and the plan written back in a constant number of batch calls. Used by the hourly run, the
// menu's refresh and the email preview, so all three see the sheet the same way.
import {
  CONTACT,
  TOUCH,
  CADENCES_SPEC,
  CONTACTS_SPEC,
  SETTINGS_SPEC,
  TOUCHES_SPEC,
  type TableSpec,
} from "../domain/schema";
import { checkZoneOffsets, zoneOffsetProblem } from "../domain/dates";
import { needsLocale } from "../domain/contacts";
import { planRefresh, type RefreshPlan } from "../domain/refresh";
import { DEFAULT_SETTINGS, parseSettingsTable, type Settings } from "../domain/settings";
import { indexTable, type Table } from "../domain/table";
import { formulaKeptNote, withChanges } from "../domain/writeGuard";
import { appendTouchesOrExplain } from "./degrade";
import { checkRows, guardedWrite, writeCells } from "./guardedWrite";
import { openTable, tryReadTable, writeColumns, type OpenTable } from "./tableIO";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface Workbook {
  readonly settings: Settings;
  readonly zone: string;
  readonly contacts: OpenTable;
  readonly touches: OpenTable;
  readonly cadences: Table;
  readonly plan: RefreshPlan;
}

/** Reads every tab once and computes every contact; writes nothing. */
export function readWorkbook(spreadsheet: Spreadsheet, user: string, now: Date): Workbook {
  const { settings, problems: settingsProblems } = readSettings(spreadsheet);
  const zone = settings.timeZone || spreadsheet.getSpreadsheetTimeZone();
  const offsetProblem = checkOffsets(zone, now);
  if (offsetProblem) settingsProblems.push(offsetProblem);
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
    // One call, only when a Deal Value typed as text needs the sheet's decimal mark to be read.
    locale: needsLocale(contacts.table) ? spreadsheet.getSpreadsheetLocale() : undefined,
    now,
    user,
  });
  return { settings, zone, contacts, touches, cadences, plan };
}

/** Headers that identify a Contacts row: a row whose ID or Name changed is another row. */
const CONTACT_KEYS: readonly string[] = [CONTACT.id, CONTACT.name];
/** A Touches row with a blank Touch ID is known by when and whom it logs. */
const TOUCH_KEYS: readonly string[] = [TOUCH.timestamp, TOUCH.contactId, TOUCH.contact];

/**
 * What writing the plan left to say: `notes` for Runs' Problems (a tab that moved under the run, a
 * formula left alone), `problems` for Runs' Error and every digest (a limit that stopped a write).
 */
export interface WorkbookWrite {
  readonly notes: readonly string[];
  readonly problems: readonly string[];
}

/**
 * Writes the plan compare-before-write (see guardedWrite) and returns the notes for Runs (a tab
 * that moved under the run, a formula left alone). Order matters twice over:
 * - the contacts check comes before anything is appended, so no tier-change touch is logged for
 *   a Tier write that is then abandoned; a second check follows any append;
 * - every write can be repeated by a retry that finds the ones before it done: Touch IDs first
 *   (numbered before the appended touches), then Created and ID (a row keeps its number once it
 *   has its ID; Created first, since it is only stamped on rows without one), the tier-change
 *   touches (the next run then does not log them twice), the computed columns, and Tier last (a
 *   retry that saw the new tier but not the Step and Cadence Start computed for it would pick
 *   another cadence start).
 * Touches that cannot be appended (a spreadsheet at its cell limit) never stop the Contacts
 * writes: those tier changes wait for the next run, and `problems` says why.
 */
export function writeWorkbook({ contacts, touches, plan }: Workbook): WorkbookWrite {
  const notes: string[] = [];
  const problems: string[] = [];
  const done = (): WorkbookWrite => ({ notes, problems });
  if (plan.touchCells.length > 0) {
    const filled = guardedWrite(touches, {
      keyHeaders: TOUCH_KEYS,
      rows: "written",
      cells: plan.touchCells,
    });
    if (!filled.written) notes.push(filled.note);
  }
  if (plan.contactCells.length === 0 && plan.contactColumns.size === 0) return done();

  const request = { keyHeaders: CONTACT_KEYS, rows: "all" as const, cells: plan.contactCells };
  let check = checkRows(contacts, request);
  if (!check.ok) {
    notes.push(check.note);
    return done();
  }
  const left = [...check.formulaCells];
  notes.push(...left.map((cell) => formulaKeptNote(contacts.table.tab, cell)));

  const identity = plan.contactCells.filter((cell) => cell.header !== CONTACT.tier);
  const tiers = plan.contactCells.filter((cell) => cell.header === CONTACT.tier);
  writeCells(
    contacts,
    check,
    identity.filter((cell) => cell.header === CONTACT.created),
  );
  writeCells(
    contacts,
    check,
    identity.filter((cell) => cell.header === CONTACT.id),
  );

  const logged = plan.newTouches.filter((touch) => !left.includes(touch.tierCell));
  if (logged.length > 0) {
    const appended = appendTouchesOrExplain(
      touches,
      logged.map((touch) => touch.cells),
      "tier change",
    );
    if (!appended.ok) {
      // Rule 10: a tier change is written only once its touch is logged.
      problems.push(appended.problem);
      left.push(...logged.map((touch) => touch.tierCell));
    }
    // Appending took calls: check again that Contacts has not moved, against what was written.
    const written = identity.filter((cell) => !left.includes(cell));
    const table = withChanges(contacts.table, written);
    check = checkRows({ sheet: contacts.sheet, table }, { ...request, cells: tiers });
    if (!check.ok) {
      notes.push(check.note);
      return done();
    }
  }
  if (plan.contactColumns.size > 0) {
    writeColumns(contacts.sheet, contacts.table, plan.contactColumns, plan.contactFormats);
  }
  writeCells(
    contacts,
    check,
    tiers.filter((cell) => !left.includes(cell)),
  );
  return done();
}

/**
 * Every zone offset comes from Intl, whose `longOffset` Apps Script's V8 does not document
 * (APPS-SCRIPT-FACTS): one offset is checked against the platform's own per run, and a
 * disagreement switches the domain to its formatToParts fallback. "" when the offsets agree.
 */
function checkOffsets(zone: string, now: Date): string {
  const platformOffset = Utilities.formatDate(now, zone, "Z");
  if (checkZoneOffsets(platformOffset, now, zone)) return "";
  // The first check switched to the fallback; a second disagreement is worth a human's look.
  return checkZoneOffsets(platformOffset, now, zone) ? "" : zoneOffsetProblem(zone, platformOffset);
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
