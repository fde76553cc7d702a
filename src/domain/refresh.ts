// The refresh plan: from the tabs' values to what must be written back. Pure — the adapter reads
// the tabs once, calls planRefresh, and writes the plan in a constant number of batch calls:
// Touchbase's own columns whole, a person's cells (ID, Created, Tier) only where they change.
import { parseCadences } from "./cadences";
import { parseContacts } from "./contacts";
import {
  cellText,
  fitInCell,
  isBlankCell,
  normalizeKey,
  parseNumberCell,
  type Cell,
} from "./cells";
import { computeContact } from "./engine";
import { CONTACT_ID, idAllocator, isUnusualId, TOUCH_ID, unusualIdProblem } from "./ids";
import { computedColumnFormat, whenFormat } from "./numberFormats";
import { CONTACT, CONTACTS_SPEC, TOUCH, type Tier } from "./schema";
import type { Settings } from "./settings";
import { columnOf, isBlankRow, sheetRowOf, type Table } from "./table";
import { parseTouches, touchCells, touchesByContact } from "./touches";
import type { Contact, ContactResult, ContactRow, Touch } from "./types";
import { sameCell, type CellChange } from "./writeGuard";

export interface RefreshInput {
  readonly contacts: Table;
  readonly touches: Table;
  readonly cadences: Table;
  readonly settings: Settings;
  /** Table-level problems found before planning (e.g. bad Settings values). */
  readonly settingsProblems: readonly string[];
  readonly zone: string;
  /** The spreadsheet's locale (getSpreadsheetLocale, e.g. "de_DE"); default en_US. */
  readonly locale?: string;
  readonly now: Date;
  /** Who runs the refresh (Logged By of touches it writes). */
  readonly user: string;
}

export interface RefreshPlan {
  readonly rows: readonly ContactRow[];
  /**
   * Every readable Touches row, in time order (contactId "" when it names no contact): the email
   * planner, the Gmail sync and Metrics read them.
   */
  readonly touches: readonly Touch[];
  /**
   * Touchbase's own Contacts columns to rewrite whole: header → one cell per Contacts table row.
   * Empty when every computed cell already holds what would be written (most hours).
   */
  readonly contactColumns: ReadonlyMap<string, readonly Cell[]>;
  /** Number formats of the computed columns: header → one format per Contacts table row. */
  readonly contactFormats: ReadonlyMap<string, readonly string[]>;
  /** A person's Contacts cells to change (new IDs, Created stamps, tier decay), and only those. */
  readonly contactCells: readonly CellChange[];
  /** Touch ID cells to fill on Touches rows typed with a blank Touch ID. */
  readonly touchCells: readonly CellChange[];
  /** Internal touches to append (tier decay), each with the Tier cell it records. */
  readonly newTouches: readonly NewTouch[];
  /** Problems that belong to no contact row (settings, cadences, touches), for Runs and managers. */
  readonly problems: readonly string[];
  readonly counts: RefreshCounts;
  /** The Touches tab is empty while Contacts counted touches (see lostHistoryNote). */
  readonly historyLost: boolean;
}

export interface NewTouch {
  /** Header → value. */
  readonly cells: ReadonlyMap<string, Cell>;
  /** The Tier change it logs: the touch is never appended when that cell is not written. */
  readonly tierCell: CellChange;
}

export interface RefreshCounts {
  contacts: number;
  due: number;
  overdue: number;
  replied: number;
  problems: number;
  idsAssigned: number;
  tierChanges: number;
}

/** The computed cells of a row; text that quotes user values is fitted to one cell. */
export function computedCells(result: ContactResult): Record<string, Cell> {
  return {
    [CONTACT.status]: result.status,
    [CONTACT.due]: result.due ? result.due.at : "",
    [CONTACT.lastTouch]: result.lastTouch ?? "",
    [CONTACT.daysSinceTouch]: result.daysSinceTouch ?? "",
    [CONTACT.touches]: result.touches,
    [CONTACT.attempts]: result.attempts,
    [CONTACT.step]: fitInCell(result.step),
    [CONTACT.lastOutcome]: fitInCell(result.lastOutcome),
    [CONTACT.cadenceStart]: result.cadenceStart ?? "",
    [CONTACT.problem]: fitInCell(result.problem),
  };
}

/** A copy with a new id, for rows that had no ID (the sheet gets the same id). */
function withId(contact: Contact, id: string, created: Date | null): Contact {
  return { ...contact, id, created };
}

/** True when a Tier Changed touch was already logged after the contact's last real touch. */
function decayAlreadyLogged(touches: readonly Touch[]): boolean {
  for (let i = touches.length - 1; i >= 0; i--) {
    const touch = touches[i]!;
    if (touch.direction !== "Internal") return false;
    if (touch.outcome === "Tier Changed") return true;
  }
  return false;
}

export function planRefresh(input: RefreshInput): RefreshPlan {
  const { zone, now, settings } = input;
  const problems: string[] = [...input.settingsProblems];

  const parsedContacts = parseContacts(input.contacts, zone, input.locale);
  problems.push(...parsedContacts.problems);
  const cadences = parseCadences(input.cadences);
  problems.push(...cadences.problems);
  const lostHistory = lostHistoryNote(input.contacts, input.touches);
  if (lostHistory) problems.push(lostHistory);

  // New IDs continue a high-water mark over every ID in the workbook, Touches' Contact IDs
  // included: a retry after a crash assigns the same ones, and a deleted contact's ID (still
  // named by its touches) is never handed to a new lead.
  const nextContactId = idAllocator(CONTACT_ID, [
    ...columnCells(input.contacts, CONTACT.id),
    ...columnCells(input.touches, TOUCH.contactId),
  ]);
  const contacts = parsedContacts.contacts.map((contact) => {
    if (!contact.id) {
      // Only a blank Created is stamped: text kept there ("from trade show") stays, with its Problem.
      const createdBlank = isBlankCell(contact.cells.get(normalizeKey(CONTACT.created)));
      return withId(contact, nextContactId(), contact.created ?? (createdBlank ? now : null));
    }
    if (!isUnusualId(contact.id, CONTACT_ID)) return contact;
    return {
      ...contact,
      problems: [unusualIdProblem(contact.id, CONTACT_ID), ...contact.problems],
    };
  });

  const parsedTouches = parseTouches(input.touches, contacts, zone);
  problems.push(...parsedTouches.problems, ...unusualTouchIdProblems(input.touches));
  const touchesOf = touchesByContact(parsedTouches.touches);

  // Blank Touch IDs are numbered first, in sheet order, then the touches this plan appends: the
  // writes happen in that order, so a retry after a crash numbers the rest the same way.
  const nextTouchId = idAllocator(TOUCH_ID, columnCells(input.touches, TOUCH.touchId));
  const touchCells = blankTouchIdCells(input.touches, nextTouchId);

  const tableRowCount = input.contacts.rows.length;
  const columns = new Map<string, Cell[]>();
  const formats = new Map<string, string[]>();
  for (const column of CONTACTS_SPEC.columns) {
    if (!column.computed || columnOf(input.contacts, column.header) === undefined) continue;
    // A person's own values under a computed header are never overwritten (named in problems).
    if (parsedContacts.userColumns.includes(column.header)) continue;
    columns.set(column.header, blankColumn(tableRowCount));
    formats.set(
      column.header,
      new Array<string>(tableRowCount).fill(computedColumnFormat(column.kind)),
    );
  }
  const dueFormats = formats.get(CONTACT.due);
  const hasColumn = (header: string) => columnOf(input.contacts, header) !== undefined;
  const contactCells: CellChange[] = [];
  const newTouches: NewTouch[] = [];
  const counts: RefreshCounts = {
    contacts: contacts.length,
    due: 0,
    overdue: 0,
    replied: 0,
    problems: 0,
    idsAssigned: 0,
    tierChanges: 0,
  };

  const rows: ContactRow[] = [];
  contacts.forEach((contact, index) => {
    const original = parsedContacts.contacts[index]!;
    const tableIndex = contact.rowNumber - 2;
    if (!original.id) {
      contactCells.push({ row: tableIndex, header: CONTACT.id, value: contact.id });
      counts.idsAssigned++;
      if (!original.created && contact.created && hasColumn(CONTACT.created)) {
        contactCells.push({ row: tableIndex, header: CONTACT.created, value: contact.created });
      }
    }
    const touches = touchesOf.get(contact.id) ?? [];
    const compute = (log: readonly Touch[]) =>
      computeContact({ contact, touches: log, cadences: cadences.cadences, settings, zone, now });
    let result = compute(touches);

    if (result.tierChange && hasColumn(CONTACT.tier)) {
      const tierCell: CellChange = {
        row: tableIndex,
        header: CONTACT.tier,
        value: result.tierChange,
      };
      contactCells.push(tierCell);
      counts.tierChanges++;
      if (!decayAlreadyLogged(touches)) {
        const logged = tierChangeTouch(
          contact,
          result.tierChange,
          settings,
          now,
          input.user,
          nextTouchId(),
        );
        newTouches.push({ cells: logged.cells, tierCell });
        // Compute the row as the next run will read it, with this touch in the log: a second run
        // (or a retry after a crash between the two writes) must write exactly the same cells.
        result = compute(withTouch(touches, logged.touch));
      }
    }
    rows.push({ contact, result });

    if (dueFormats) dueFormats[tableIndex] = whenFormat(result.due);
    const cells = computedCells(result);
    for (const [header, column] of columns) column[tableIndex] = cells[header] ?? "";
    if (result.status === "Overdue") counts.overdue++;
    if (result.status === "Due Today") counts.due++;
    if (result.status === "Replied") counts.replied++;
    if (result.problem) counts.problems++;
  });

  // While the history looks lost, nothing is written: see lostHistoryNote.
  if (lostHistory) {
    const nothing = { contactColumns: new Map(), contactFormats: new Map() };
    const counted = { ...counts, idsAssigned: 0, tierChanges: 0 };
    return {
      rows,
      ...nothing,
      contactCells: [],
      touchCells: [],
      newTouches: [],
      problems,
      counts: counted,
      touches: parsedTouches.touches,
      historyLost: true,
    };
  }
  // Touchbase's own columns are rewritten only when some cell changes.
  const unchanged = [...columns].every(([header, values]) =>
    sameColumn(input.contacts, header, values),
  );
  return {
    rows,
    contactColumns: unchanged ? new Map() : columns,
    contactFormats: unchanged ? new Map() : formats,
    contactCells,
    touchCells,
    newTouches,
    problems,
    counts,
    touches: parsedTouches.touches,
    historyLost: false,
  };
}

/**
 * Hands out Touch IDs above every one the plan knows — in the sheet (readable rows or not), given
 * to blank cells, or on the touches it appends — for touches logged after the plan's (emails).
 */
export function touchIdsAfter(touches: Table, plan: RefreshPlan): () => string {
  return idAllocator(TOUCH_ID, [
    ...columnCells(touches, TOUCH.touchId),
    ...plan.touchCells.map((change) => change.value as Cell),
    ...plan.newTouches.map((touch) => touch.cells.get(TOUCH.touchId) ?? ""),
  ]);
}

/** Every cell of a column (none when the table lacks it). */
function columnCells(table: Table, header: string): Cell[] {
  const index = columnOf(table, header);
  if (index === undefined) return [];
  return table.rows.map((row) => row[index] ?? "");
}

/** True when the table's column already holds `values`, cell for cell. */
function sameColumn(table: Table, header: string, values: readonly Cell[]): boolean {
  const index = columnOf(table, header);
  if (index === undefined) return true;
  return table.rows.every((row, i) => sameCell(row[index], values[i]));
}

/** A new Touch ID for every filled Touches row whose Touch ID is blank (typed by hand). */
function blankTouchIdCells(touches: Table, nextTouchId: () => string): CellChange[] {
  const index = columnOf(touches, TOUCH.touchId);
  if (index === undefined) return [];
  const cells: CellChange[] = [];
  touches.rows.forEach((row, i) => {
    if (isBlankCell(row[index]) && !isBlankRow(row)) {
      cells.push({ row: i, header: TOUCH.touchId, value: nextTouchId() });
    }
  });
  return cells;
}

function unusualTouchIdProblems(touches: Table): string[] {
  const index = columnOf(touches, TOUCH.touchId);
  if (index === undefined) return [];
  return touches.rows.flatMap((row, i) => {
    const id = cellText(row[index]);
    if (!isUnusualId(id, TOUCH_ID)) return [];
    return [`${touches.tab} row ${sheetRowOf(i)}: ${unusualIdProblem(id, TOUCH_ID)}`];
  });
}

/**
 * The Runs note when the touch history looks lost — the Touches tab has no rows while Contacts
 * shows touches counted by earlier runs (e.g. the tab was renamed and Set up made a new empty
 * one) — else null. The plan then writes nothing: tier decay, tier-change touches and new IDs
 * (whose high-water mark needs the log) cannot be undone, and rewriting the computed columns
 * would erase the very counts that show the history is missing.
 */
export function lostHistoryNote(contacts: Table, touches: Table): string | null {
  if (touches.rows.some((row) => !isBlankRow(row))) return null;
  const counted = columnCells(contacts, CONTACT.touches).filter((cell) => {
    const count = parseNumberCell(cell);
    return typeof count === "number" && count > 0;
  }).length;
  if (counted === 0) return null;
  return (
    `The ${touches.tab} tab is empty, but ${counted} contact${counted === 1 ? "" : "s"} on ` +
    `${contacts.tab} had touches counted: the history looks lost (a renamed or deleted ` +
    `${touches.tab} tab?). This run changed nothing on ${contacts.tab} — no tiers, IDs or ` +
    `statuses — so nothing is decided on an empty history. Rename the old tab back to ` +
    `"${touches.tab}" (after deleting the new empty one); if you emptied the log on purpose, ` +
    `clear the ${CONTACT.touches} column on ${contacts.tab}.`
  );
}

function blankColumn(length: number): Cell[] {
  return new Array<Cell>(length).fill("");
}

function tierChangeTouch(
  contact: Contact,
  tier: Tier,
  settings: Settings,
  now: Date,
  user: string,
  touchId: string,
): { cells: Map<string, Cell>; touch: Touch } {
  const touch: Touch = {
    rowNumber: 0, // not in the sheet yet
    touchId,
    timestamp: now,
    contactId: contact.id,
    contactName: contact.name,
    channel: "Note",
    direction: "Internal",
    outcome: "Tier Changed",
    template: "",
    step: "",
    stage: null,
    notes: `Tier ${contact.tier ?? ""} → ${tier}: no touch for ${settings.hotGoesWarmAfterDays} days.`,
    nextStep: "",
    nextFollowUp: null,
    loggedBy: user,
    source: "Automation",
    threadId: "",
    delivery: null,
  };
  return { cells: touchCells(touch), touch };
}

/** The log with `touch` appended, in time order as parseTouches sorts it (stable: ties keep order). */
function withTouch(touches: readonly Touch[], touch: Touch): Touch[] {
  return [...touches, touch].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}
