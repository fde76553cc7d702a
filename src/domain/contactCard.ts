// What the sidebar shows (DESIGN §6): a contact's card, search hits and My day, as JSON-safe
// shapes (src/api/sidebar.ts). Pure: built from parsed rows and the engine's result.
import type {
  ContactCard,
  ContactHit,
  ContactRef,
  MyDayItem,
  SearchResult,
  TouchLine,
} from "../api/sidebarApi";
import { cellText, fitInCell, normalizeKey, type Cell } from "./cells";
import { daysBetween, parseCellDate } from "./dates";
import { computeContact, type ComputeInput } from "./engine";
import { formatTime } from "./format";
import { CONTACT, STATUSES, type Status } from "./schema";
import { isoDay } from "./sidebarTouches";
import { rowReader, type Table } from "./table";
import { blankTouch } from "./touches";
import type { Contact, ContactResult, Touch, When } from "./types";

/** Search answers at most this many contacts; more means "type more". */
export const MAX_SEARCH_HITS = 20;
/** Touches shown on the card. */
export const CARD_TOUCHES = 5;
/** My day lists at most this many contacts. */
export const MAX_MY_DAY = 100;

/** A When as the sheet shows a Due: "2026-11-24", or "2026-11-24 13:00" with a time. */
export function dueText(when: When | null, zone: string): string {
  if (!when) return "";
  const day = isoDay(when.at, zone);
  return when.hasTime ? `${day} ${formatTime(when.at, zone)}` : day;
}

export function refOf(contact: Contact): ContactRef {
  return { id: contact.id, name: contact.name, row: contact.rowNumber };
}

/** The card shows the start of a long note (the whole note stays on Touches). */
const CARD_NOTE_CHARACTERS = 500;

function touchLine(touch: Touch): TouchLine {
  return {
    timestamp: touch.timestamp.toISOString(),
    channel: touch.channel ?? "",
    direction: touch.direction ?? "",
    outcome: touch.outcome,
    notes: fitInCell(touch.notes, CARD_NOTE_CHARACTERS),
    loggedBy: touch.loggedBy,
  };
}

/**
 * The date the cadence would give if a touch were logged now without a Next Follow-Up: the
 * engine run on the log with one more outbound touch (the "per cadence" chip).
 */
export function cadenceDate(input: ComputeInput): string {
  const probe = blankTouch({
    timestamp: input.now,
    contactId: input.contact.id,
    channel: "Call",
    direction: "Outbound",
    outcome: "Connected",
  });
  const contact: Contact = { ...input.contact, nextFollowUp: null };
  const result = computeContact({ ...input, contact, touches: [...input.touches, probe] });
  return result.due ? isoDay(result.due.at, input.zone) : "";
}

export function contactCard(
  contact: Contact,
  result: ContactResult,
  touches: readonly Touch[],
  zone: string,
  cadenceChip: string,
): ContactCard {
  return {
    ref: refOf(contact),
    email: contact.email,
    phone: cellText(contact.cells.get(normalizeKey(CONTACT.phone)) ?? ""),
    company: contact.company,
    owner: contact.owner,
    stage: contact.stage ?? "",
    tier: contact.tier ?? "",
    nextStep: contact.nextStep,
    nextMeeting: result.nextMeeting ? dueText({ at: result.nextMeeting, hasTime: true }, zone) : "",
    status: result.status,
    due: dueText(result.due, zone),
    step: result.step,
    problem: result.problem,
    paused: contact.paused,
    optedOut: contact.optedOut,
    closed: contact.stage === "Won" || contact.stage === "Lost",
    cadenceDate: cadenceChip,
    lastTouches: touches.slice(-CARD_TOUCHES).reverse().map(touchLine),
  };
}

/** A Contacts row as last computed, for lists (search, My day): the cells the refresh wrote. */
interface ListedRow {
  readonly hit: ContactHit;
  readonly nextStep: string;
  readonly due: When | null;
  /** Lower-cased name, company and email, for matching. */
  readonly haystack: string;
}

function listedRow(table: Table, row: readonly Cell[], rowNumber: number, zone: string): ListedRow {
  const read = rowReader(table, row);
  const text = (header: string) => cellText(read(header));
  const parsedDue = parseCellDate(read(CONTACT.due), zone);
  const due = parsedDue && "ok" in parsedDue ? parsedDue.ok : null;
  const name = text(CONTACT.name);
  const company = text(CONTACT.company);
  const email = text(CONTACT.email).toLowerCase();
  return {
    hit: {
      ref: { id: text(CONTACT.id), name, row: rowNumber },
      company,
      email,
      owner: text(CONTACT.owner).toLowerCase(),
      status: text(CONTACT.status),
      due: dueText(due, zone),
    },
    nextStep: text(CONTACT.nextStep),
    due,
    haystack: `${name}\n${company}\n${email}`.toLowerCase(),
  };
}

function listedRows(table: Table, zone: string): ListedRow[] {
  const rows: ListedRow[] = [];
  table.rows.forEach((row, index) => {
    const listed = listedRow(table, row, index + 2, zone);
    if (listed.hit.ref.id !== "" && listed.hit.ref.name !== "") rows.push(listed);
  });
  return rows;
}

/**
 * Contacts whose name, company or email contains every word of the query (any case). Names
 * that start with the query come first. Contacts without an ID yet (never refreshed) are left out.
 */
export function searchContacts(table: Table, query: string, zone: string): SearchResult {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return { hits: [], more: false };
  const first = words.join(" ");
  const matches = listedRows(table, zone).filter((row) =>
    words.every((word) => row.haystack.includes(word)),
  );
  matches.sort((a, b) => {
    const aStarts = a.haystack.startsWith(first) ? 0 : 1;
    const bStarts = b.haystack.startsWith(first) ? 0 : 1;
    return aStarts - bStarts || a.hit.ref.name.localeCompare(b.hit.ref.name);
  });
  return {
    hits: matches.slice(0, MAX_SEARCH_HITS).map((m) => m.hit),
    more: matches.length > MAX_SEARCH_HITS,
  };
}

const MY_DAY_STATUSES: readonly Status[] = ["Replied", "Overdue", "Due Today"];

/**
 * The Status as of now: a Due that passed since the last refresh makes the row Overdue, one
 * that arrived makes it Due Today (Replied and the closed statuses stay as computed).
 */
function statusNow(listed: ListedRow, zone: string, now: Date): string {
  const status = listed.hit.status;
  if (!listed.due || !["Upcoming", "Due Today", "Nurture", "Overdue"].includes(status)) {
    return status;
  }
  const days = daysBetween(now, listed.due.at, zone);
  if (listed.due.hasTime ? now > listed.due.at : days < 0) return "Overdue";
  if (days <= 0) return "Due Today";
  return status;
}

/** The user's Replied, Overdue and Due Today contacts, most urgent first (then longest waiting). */
export function myDay(table: Table, user: string, zone: string, now: Date): MyDayItem[] {
  const me = user.toLowerCase();
  const items = listedRows(table, zone)
    .filter((row) => row.hit.owner === me)
    .map((row) => ({ row, status: statusNow(row, zone, now) }))
    .filter(({ status }) => MY_DAY_STATUSES.includes(status as Status));
  const rank = (status: string) => STATUSES.indexOf(status as Status);
  items.sort(
    (a, b) =>
      rank(a.status) - rank(b.status) ||
      (a.row.due?.at.getTime() ?? 0) - (b.row.due?.at.getTime() ?? 0),
  );
  return items
    .slice(0, MAX_MY_DAY)
    .map(({ row, status }) => ({ ...row.hit, status, nextStep: row.nextStep }));
}

/** Every Owner on Contacts and the user, sorted: the choices for Reassign and Cover. */
export function ownersOf(table: Table, user: string): string[] {
  const owners = new Set<string>();
  if (user) owners.add(user.toLowerCase());
  for (const row of listedRows(table, "UTC")) if (row.hit.owner) owners.add(row.hit.owner);
  return [...owners].sort();
}
