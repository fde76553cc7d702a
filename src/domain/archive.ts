// "Archive old touches": which Touches rows may move to the archive spreadsheet, and the summary
// row each contact keeps instead, so the engine computes exactly what it computed before (DESIGN
// §2). Pure: the adapter reads the tabs, calls planArchive, and moves the rows.
//
// What stays in Touches, whatever its age: every touch the engine still reads — each contact's
// touches since the earliest of its cadence start, last reply, last touch, last outbound touch,
// latest logged touch and last non-Internal touch; the latest touch of each Stage (a stage typed
// back by hand finds its start again) and the latest Tier Changed note; Pending and Unconfirmed
// deliveries (a human or the run still checks them); rows tied to a contact only by name, rows
// without a unique Touch ID, and the touch holding the highest Touch ID (new IDs continue from it).
// The rest, older than the cutoff, moves; the contact's counts go into one "Archived" summary row.
// Each contact is then computed again as the next run will see it; any contact whose computed
// columns would change keeps all its touches.
import {
  archivedNote,
  archivedTotals,
  ARCHIVED_OUTCOME,
  type ArchivedCounts,
} from "./archivedTouches";
import { tz } from "@date-fns/tz";
import { startOfDay, subMonths } from "date-fns";
import { parseCadences } from "./cadences";
import { cellText, normalizeKey, type Cell } from "./cells";
import { parseContacts } from "./contacts";
import { computeContact, summarizeTouches } from "./engine";
import { formatDay } from "./format";
import { compareDigits, idAllocator, idDigits, TOUCH_ID } from "./ids";
import { TOUCH } from "./schema";
import type { Settings } from "./settings";
import { columnOf, type Table } from "./table";
import { parseTouches, touchCells, touchesByContact } from "./touches";
import type { Contact, ContactResult, Touch } from "./types";

export interface ArchiveInput {
  readonly contacts: Table;
  readonly touches: Table;
  readonly cadences: Table;
  readonly settings: Settings;
  readonly zone: string;
  readonly now: Date;
  /** Touches before this instant may move. */
  readonly cutoff: Date;
  /** Who archives (Logged By of the summary rows). */
  readonly user: string;
  /** Name of the archive spreadsheet, quoted in the summary rows. */
  readonly archiveName: string;
  /** Sheet rows that must stay (e.g. their Touch ID is in the archive with other values). */
  readonly pinnedRows?: ReadonlySet<number>;
}

export interface ContactSummary {
  readonly contactId: string;
  /** The summary row, header → value. */
  readonly cells: ReadonlyMap<string, Cell>;
}

export interface ArchivePlan {
  /** Touches rows to copy to the archive, then remove (sheet row numbers, ascending). */
  readonly moved: readonly number[];
  /** Touch IDs of the moved rows, by sheet row. */
  readonly touchIds: ReadonlyMap<number, string>;
  /** Earlier summary rows replaced by the new ones (sheet row numbers). */
  readonly replacedSummaries: readonly number[];
  /** One summary row per contact with moved touches. */
  readonly summaries: readonly ContactSummary[];
  /** Contacts that keep every touch: archiving would have changed what the engine computes. */
  readonly keptWhole: readonly string[];
}

const STILL_CHECKED = new Set(["Pending", "Unconfirmed"]);

export function planArchive(input: ArchiveInput): ArchivePlan {
  const { zone, now, settings } = input;
  const contacts = parseContacts(input.contacts, zone).contacts.filter((c) => c.id !== "");
  const cadences = parseCadences(input.cadences).cadences;
  const touches = parseTouches(input.touches, contacts, zone).touches;
  const pinned = pinnedRows(input, touches);
  const touchesOf = touchesByContact(touches);

  const nextTouchId = idAllocator(
    TOUCH_ID,
    touches.map((t) => t.touchId),
  );
  // An ID handed out for a summary that is then not written goes to the next contact's summary.
  let unusedId = "";
  const moved: number[] = [];
  const touchIds = new Map<number, string>();
  const replacedSummaries: number[] = [];
  const summaries: ContactSummary[] = [];
  const keptWhole: string[] = [];

  for (const contact of contacts) {
    const log = touchesOf.get(contact.id) ?? [];
    const compute = (list: readonly Touch[]) =>
      computeContact({ contact, touches: list, cadences, settings, zone, now });
    const before = compute(log);
    const keepFrom = Math.min(input.cutoff.getTime(), engineHorizon(log, before));
    const stays = latestOfEachKind(log);
    const movable = log.filter(
      (t) =>
        t.timestamp.getTime() < keepFrom &&
        !stays.has(t) &&
        !pinned.has(t.rowNumber) &&
        !t.archived &&
        t.outcome !== ARCHIVED_OUTCOME &&
        !(t.delivery && STILL_CHECKED.has(t.delivery)),
    );
    if (movable.length === 0) continue;

    const earlier = log.filter((t) => t.archived);
    const summaryId = earlier[0]?.touchId || unusedId || nextTouchId();
    if (!earlier[0]) unusedId = summaryId;
    const summary = summaryTouch(contact, movable, earlier, summaryId, input);
    const movedSet = new Set<Touch>([...movable, ...earlier]);
    const after = [summary, ...log.filter((t) => !movedSet.has(t))].sort(
      (a, b) => a.timestamp.getTime() - b.timestamp.getTime(),
    );
    if (resultKey(compute(after)) !== resultKey(before)) {
      keptWhole.push(contact.id);
      continue;
    }
    for (const t of movable) {
      moved.push(t.rowNumber);
      touchIds.set(t.rowNumber, t.touchId);
    }
    if (!earlier[0]) unusedId = "";
    replacedSummaries.push(...earlier.map((t) => t.rowNumber));
    summaries.push({ contactId: contact.id, cells: touchCells(summary) });
  }
  moved.sort((a, b) => a - b);
  return { moved, touchIds, replacedSummaries, summaries, keptWhole };
}

/**
 * Rows that never move: tied to a contact only by name (names change), without a unique Touch ID
 * (a retry finds archived rows by ID), the highest Touch ID, and rows the caller pins.
 */
function pinnedRows(input: ArchiveInput, touches: readonly Touch[]): Set<number> {
  const pinned = new Set<number>(input.pinnedRows ?? []);
  const idColumn = columnOf(input.touches, TOUCH.contactId);
  const seen = new Map<string, number>();
  for (const t of touches) {
    const key = normalizeKey(t.touchId);
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  let highest: string | null = null;
  for (const t of touches) {
    const digits = idDigits(t.touchId, TOUCH_ID);
    if (digits !== null && (highest === null || compareDigits(digits, highest) > 0))
      highest = digits;
  }
  for (const t of touches) {
    const typedId =
      idColumn === undefined ? "" : cellText(input.touches.rows[t.rowNumber - 2]?.[idColumn]);
    const byName = typedId.toLowerCase() !== t.contactId.toLowerCase();
    const digits = idDigits(t.touchId, TOUCH_ID);
    if (
      byName ||
      t.touchId === "" ||
      seen.get(normalizeKey(t.touchId))! > 1 ||
      (digits !== null && digits === highest)
    ) {
      pinned.add(t.rowNumber);
    }
  }
  return pinned;
}

/**
 * The earliest instant the engine reads the log from (rules 1, 2, 5, 3, 10): the cadence start
 * (steps done count from it), the last reply (Attempts count from it), the last touch, the last
 * outbound touch, the latest logged touch, and the last non-Internal touch (a tier change is
 * logged once after it).
 */
function engineHorizon(log: readonly Touch[], result: ContactResult): number {
  const facts = summarizeTouches(log);
  const lastNonInternal = [...log].reverse().find((t) => t.direction !== "Internal");
  const instants = [
    result.cadenceStart,
    facts.lastReply?.timestamp,
    facts.lastTouch?.timestamp,
    facts.lastOutbound?.timestamp,
    facts.latest?.timestamp,
    lastNonInternal?.timestamp,
    log[log.length - 1]?.timestamp,
  ];
  return Math.min(...instants.filter((d): d is Date => !!d).map((d) => d.getTime()));
}

/** The latest touch with each Stage, and the latest Tier Changed note (rules 1 and 10). */
function latestOfEachKind(log: readonly Touch[]): Set<Touch> {
  const latest = new Map<string, Touch>();
  for (const t of log) {
    if (t.stage) latest.set(`stage:${t.stage}`, t);
    if (t.outcome === "Tier Changed") latest.set("tier", t);
  }
  return new Set(latest.values());
}

/** The contact's new summary row: earlier summaries and the moved touches added up. */
function summaryTouch(
  contact: Contact,
  movable: readonly Touch[],
  earlier: readonly Touch[],
  touchId: string,
  input: ArchiveInput,
): Touch {
  const facts = summarizeTouches(movable);
  const before = archivedTotals(earlier);
  const counts: ArchivedCounts = {
    touches: before.touches + facts.counted.length,
    outbound: before.outbound + facts.outbound.length,
  };
  // Its time is the first archived touch's that happened: the engine's "first touch" (rule 1).
  const times = [...earlier, facts.first ?? movable[0]!].map((t) => t.timestamp.getTime());
  const first = new Date(Math.min(...times));
  const last = new Date(Math.max(...[...earlier, ...movable].map((t) => t.timestamp.getTime())));
  const period = `${formatDay(first, input.zone, input.now)} to ${formatDay(last, input.zone, input.now)}`;
  return {
    rowNumber: 0,
    touchId,
    timestamp: first,
    contactId: contact.id,
    contactName: contact.name,
    channel: "Note",
    direction: "Internal",
    outcome: ARCHIVED_OUTCOME,
    template: "",
    step: "",
    stage: null,
    notes: archivedNote(counts, period, input.archiveName),
    nextStep: "",
    nextFollowUp: null,
    loggedBy: input.user,
    source: "Automation",
    threadId: "",
    delivery: null,
    archived: counts,
  };
}

/** Everything the run writes or acts on for a contact, as one comparable string. */
function resultKey(result: ContactResult): string {
  return JSON.stringify({ ...result, dueStep: result.dueStep?.key ?? null });
}

/** Most months a person may ask for (the answer is a count of months, not a date). */
const MAX_MONTHS = 120;

/** The prompt's answer: blank = the default; a whole number of months from 1 to 120. */
export function parseArchiveMonths(
  text: string,
  defaultMonths: number,
): { ok: number } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: defaultMonths };
  const months = /^\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isInteger(months) || months < 1 || months > MAX_MONTHS) {
    return {
      error:
        `"${trimmed.slice(0, 40)}" is not a number of months. Type a whole number from 1 to ` +
        `${MAX_MONTHS} (e.g. 12 archives touches older than a year). Nothing was archived.`,
    };
  }
  return { ok: months };
}

/** Midnight in the sheet's zone, `months` calendar months before `now`. */
export function archiveCutoff(now: Date, months: number, zone: string): Date {
  return new Date(startOfDay(subMonths(now, months, { in: tz(zone) })).getTime());
}
