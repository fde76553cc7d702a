// The refresh plan: from the tabs' values to what must be written back. Pure — the adapter reads
// the tabs once, calls planRefresh, and writes the plan in a constant number of batch calls.
import { parseCadences } from "./cadences";
import { parseContacts } from "./contacts";
import { fitInCell, type Cell } from "./cells";
import { computeContact } from "./engine";
import { computedColumnFormat, whenFormat } from "./numberFormats";
import { CONTACT, CONTACTS_SPEC, type Tier } from "./schema";
import type { Settings } from "./settings";
import { columnOf, type Table } from "./table";
import { parseTouches, touchCells, touchesByContact } from "./touches";
import type { Contact, ContactResult, ContactRow, Touch } from "./types";

export interface RefreshInput {
  readonly contacts: Table;
  readonly touches: Table;
  readonly cadences: Table;
  readonly settings: Settings;
  /** Table-level problems found before planning (e.g. bad Settings values). */
  readonly settingsProblems: readonly string[];
  readonly zone: string;
  readonly now: Date;
  /** Who runs the refresh (Logged By of touches it writes). */
  readonly user: string;
}

export interface RefreshPlan {
  readonly rows: readonly ContactRow[];
  /** Contacts columns to rewrite: header → one cell per Contacts table row. */
  readonly contactColumns: ReadonlyMap<string, readonly Cell[]>;
  /** Number formats of the computed columns: header → one format per Contacts table row. */
  readonly contactFormats: ReadonlyMap<string, readonly string[]>;
  /** Internal touches to append (tier decay), as header → value records. */
  readonly newTouches: readonly ReadonlyMap<string, Cell>[];
  /** Problems that belong to no contact row (settings, cadences, touches), for Runs and managers. */
  readonly problems: readonly string[];
  readonly counts: RefreshCounts;
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

const CONTACT_ID_PATTERN = /^C-(\d+)$/i;
const TOUCH_ID_PATTERN = /^T-(\d+)$/i;

/** Highest numeric suffix among ids like C-000123 (0 when none). */
export function highestIdNumber(ids: Iterable<string>, pattern: RegExp): number {
  let highest = 0;
  for (const id of ids) {
    const match = pattern.exec(id.trim());
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

export const formatContactId = (n: number): string => `C-${String(n).padStart(6, "0")}`;
export const formatTouchId = (n: number): string => `T-${String(n).padStart(7, "0")}`;

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

/** A contact-less copy with a new id, for rows that had no ID (the sheet gets the same id). */
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

  const parsedContacts = parseContacts(input.contacts, zone);
  problems.push(...parsedContacts.problems);
  const cadences = parseCadences(input.cadences);
  problems.push(...cadences.problems);

  // New IDs continue the highest existing number, so a re-run after a crash assigns the same ones.
  let nextContactNumber =
    highestIdNumber(
      parsedContacts.contacts.map((c) => c.id),
      CONTACT_ID_PATTERN,
    ) + 1;
  const contacts = parsedContacts.contacts.map((contact) => {
    if (contact.id) return contact;
    return withId(contact, formatContactId(nextContactNumber++), contact.created ?? now);
  });

  const parsedTouches = parseTouches(input.touches, contacts, zone);
  problems.push(...parsedTouches.problems);
  const touchesOf = touchesByContact(parsedTouches.touches);

  const tableRowCount = input.contacts.rows.length;
  const columns = new Map<string, Cell[]>();
  const formats = new Map<string, string[]>();
  for (const column of CONTACTS_SPEC.columns) {
    if (!column.computed || columnOf(input.contacts, column.header) === undefined) continue;
    columns.set(column.header, blankColumn(tableRowCount));
    formats.set(
      column.header,
      new Array<string>(tableRowCount).fill(computedColumnFormat(column.kind)),
    );
  }
  const dueFormats = formats.get(CONTACT.due);
  const idColumn = columnCopy(input.contacts, CONTACT.id);
  const createdColumn = columnCopy(input.contacts, CONTACT.created);
  const tierColumn = columnCopy(input.contacts, CONTACT.tier);
  let idsAssigned = 0;
  let createdStamped = 0;

  let nextTouchNumber =
    highestIdNumber(
      parsedTouches.touches.map((t) => t.touchId),
      TOUCH_ID_PATTERN,
    ) + 1;
  const newTouches: Map<string, Cell>[] = [];
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
    if (!original.id && idColumn) {
      idColumn[tableIndex] = contact.id;
      idsAssigned++;
    }
    if (!original.created && contact.created && createdColumn) {
      createdColumn[tableIndex] = contact.created;
      createdStamped++;
    }
    const touches = touchesOf.get(contact.id) ?? [];
    const compute = (log: readonly Touch[]) =>
      computeContact({ contact, touches: log, cadences: cadences.cadences, settings, zone, now });
    let result = compute(touches);

    if (result.tierChange && tierColumn) {
      tierColumn[tableIndex] = result.tierChange;
      counts.tierChanges++;
      if (!decayAlreadyLogged(touches)) {
        const logged = tierChangeTouch(
          contact,
          result.tierChange,
          settings,
          now,
          input.user,
          nextTouchNumber++,
        );
        newTouches.push(logged.cells);
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
  counts.idsAssigned = idsAssigned;

  if (idColumn && idsAssigned > 0) columns.set(CONTACT.id, idColumn);
  if (createdColumn && createdStamped > 0) columns.set(CONTACT.created, createdColumn);
  if (tierColumn && counts.tierChanges > 0) columns.set(CONTACT.tier, tierColumn);

  return { rows, contactColumns: columns, contactFormats: formats, newTouches, problems, counts };
}

function blankColumn(length: number): Cell[] {
  return new Array<Cell>(length).fill("");
}

function columnCopy(table: Table, header: string): Cell[] | undefined {
  const index = columnOf(table, header);
  if (index === undefined) return undefined;
  return table.rows.map((row) => row[index] ?? "");
}

function tierChangeTouch(
  contact: Contact,
  tier: Tier,
  settings: Settings,
  now: Date,
  user: string,
  touchNumber: number,
): { cells: Map<string, Cell>; touch: Touch } {
  const touch: Touch = {
    rowNumber: 0, // not in the sheet yet
    touchId: formatTouchId(touchNumber),
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
  const cells = touchCells(touch);
  return { cells, touch };
}

/** The log with `touch` appended, in time order as parseTouches sorts it (stable: ties keep order). */
function withTouch(touches: readonly Touch[], touch: Touch): Touch[] {
  return [...touches, touch].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}
