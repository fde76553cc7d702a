// Parses the Touches log. Rows typed by hand count exactly like sidebar rows; a row that cannot
// be tied to a contact is kept (contactId "") and reported, a row without a readable Timestamp
// is reported and skipped (it cannot be placed in time).
import { parseArchivedNote } from "./archivedTouches";
import { parseCellDate } from "./dates";
import {
  CHANNELS,
  DELIVERIES,
  DIRECTIONS,
  OUTCOMES,
  SOURCES,
  STAGES,
  TOUCH,
  TOUCHES_SPEC,
  type Direction,
} from "./schema";
import { isBlankRow, missingRequiredProblem, rowReader, sheetRowOf, type Table } from "./table";
import type { Contact, Touch, When } from "./types";
import { cellText, matchWord, normalizeKey, type Cell } from "./cells";

export interface TouchesResult {
  /** Sorted by timestamp (rows with equal timestamps keep sheet order). */
  touches: Touch[];
  /** One line per bad row, naming the row and the column. */
  problems: string[];
}

const DIRECTION_ALIASES: Readonly<Record<string, Direction>> = {
  out: "Outbound",
  in: "Inbound",
  note: "Internal",
};

interface ContactLookup {
  byId: Map<string, string>;
  idsByName: Map<string, string[]>;
}

function buildLookup(contacts: readonly Contact[]): ContactLookup {
  const byId = new Map<string, string>();
  const idsByName = new Map<string, string[]>();
  for (const c of contacts) {
    if (c.id === "") continue;
    const key = c.id.toLowerCase();
    if (!byId.has(key)) byId.set(key, c.id);
    const name = normalizeKey(c.name);
    if (name !== "") idsByName.set(name, [...(idsByName.get(name) ?? []), c.id]);
  }
  return { byId, idsByName };
}

/** The contact id a row points at, or a problem explaining why it points nowhere. */
function resolveContact(
  idText: string,
  nameText: string,
  lookup: ContactLookup,
): { id: string; problem?: string } {
  if (idText !== "") {
    const id = lookup.byId.get(idText.toLowerCase());
    return id ? { id } : { id: "", problem: `unknown ${TOUCH.contactId} "${idText}"` };
  }
  if (nameText === "")
    return { id: "", problem: `${TOUCH.contactId} and ${TOUCH.contact} are blank` };
  const ids = lookup.idsByName.get(normalizeKey(nameText)) ?? [];
  if (ids.length === 1 && ids[0]) return { id: ids[0] };
  if (ids.length === 0) return { id: "", problem: `unknown ${TOUCH.contact} "${nameText}"` };
  return {
    id: "",
    problem: `${TOUCH.contact} "${nameText}" matches ${ids.length} contacts; fill in ${TOUCH.contactId}`,
  };
}

function parseRow(
  table: Table,
  row: readonly Cell[],
  rowNumber: number,
  lookup: ContactLookup,
  zone: string,
  problems: string[],
): Touch | null {
  const read = rowReader(table, row);
  const report = (message: string) => problems.push(`${table.tab} row ${rowNumber}: ${message}`);

  const stamp = parseCellDate(read(TOUCH.timestamp), zone);
  if (!stamp) {
    report(`${TOUCH.timestamp} is blank`);
    return null;
  }
  if ("error" in stamp) {
    report(`${TOUCH.timestamp} ${stamp.error}`);
    return null;
  }

  const contactName = cellText(read(TOUCH.contact));
  const resolved = resolveContact(cellText(read(TOUCH.contactId)), contactName, lookup);
  if (resolved.problem) report(resolved.problem);

  const channelText = cellText(read(TOUCH.channel));
  const channel = matchWord(channelText, CHANNELS) ?? null;
  if (channelText !== "" && !channel) report(`unknown ${TOUCH.channel} "${channelText}"`);

  // Blank follows the channel; an unknown word is never guessed (a "Received" read as Outbound
  // would count as an attempt and advance the cadence): it is neither an attempt nor a reply.
  const directionText = cellText(read(TOUCH.direction));
  let direction: Direction | null = channel === "Note" ? "Internal" : "Outbound";
  if (directionText !== "") {
    direction =
      matchWord(directionText, DIRECTIONS) ??
      DIRECTION_ALIASES[normalizeKey(directionText)] ??
      null;
    if (!direction) {
      report(
        `unknown ${TOUCH.direction} "${directionText}" (use ${DIRECTIONS.join(", ")}); ` +
          `not counted as an attempt or a reply`,
      );
    }
  }

  const stageText = cellText(read(TOUCH.stage));
  const stage = matchWord(stageText, STAGES) ?? null;
  if (stageText !== "" && !stage) report(`unknown ${TOUCH.stage} "${stageText}"`);

  let nextFollowUp: When | null = null;
  const followUp = parseCellDate(read(TOUCH.nextFollowUp), zone);
  if (followUp && "ok" in followUp) nextFollowUp = followUp.ok;
  else if (followUp) report(`${TOUCH.nextFollowUp} ${followUp.error}`);

  const outcomeText = cellText(read(TOUCH.outcome));
  const outcome = matchWord(outcomeText, OUTCOMES) ?? outcomeText;
  return {
    rowNumber,
    touchId: cellText(read(TOUCH.touchId)),
    timestamp: stamp.ok.at,
    contactId: resolved.id,
    contactName,
    channel,
    direction,
    outcome,
    template: cellText(read(TOUCH.template)),
    step: cellText(read(TOUCH.step)),
    stage,
    notes: cellText(read(TOUCH.notes)),
    nextStep: cellText(read(TOUCH.nextStep)),
    nextFollowUp,
    loggedBy: cellText(read(TOUCH.loggedBy)).toLowerCase(),
    source: matchWord(read(TOUCH.source), SOURCES) ?? null,
    threadId: cellText(read(TOUCH.threadId)),
    delivery: matchWord(read(TOUCH.delivery), DELIVERIES) ?? null,
    archived: direction === "Internal" ? parseArchivedNote(outcome, read(TOUCH.notes)) : null,
  };
}

export function parseTouches(
  table: Table,
  contacts: readonly Contact[],
  zone: string,
): TouchesResult {
  const problems: string[] = [];
  const missingColumns = missingRequiredProblem(table, TOUCHES_SPEC);
  if (missingColumns) problems.push(missingColumns);
  const lookup = buildLookup(contacts);
  const touches: Touch[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const touch = parseRow(table, row, sheetRowOf(index), lookup, zone, problems);
    if (touch) touches.push(touch);
  });
  // Array.prototype.sort is stable, so equal timestamps keep sheet order.
  touches.sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
  return { touches, problems };
}

/** Touches grouped by contact id (each list stays in time order); unresolved ones are left out. */
export function touchesByContact(touches: readonly Touch[]): Map<string, Touch[]> {
  const byContact = new Map<string, Touch[]>();
  for (const t of touches) {
    if (t.contactId === "") continue;
    const list = byContact.get(t.contactId);
    if (list) list.push(t);
    else byContact.set(t.contactId, [t]);
  }
  return byContact;
}

/** A touch not yet in the sheet, blank but for `fields` (row 0 until it is written). */
export function blankTouch(
  fields: Partial<Touch> & Pick<Touch, "timestamp" | "channel" | "direction" | "outcome">,
): Touch {
  return {
    rowNumber: 0,
    touchId: "",
    contactId: "",
    contactName: "",
    template: "",
    step: "",
    stage: null,
    notes: "",
    nextStep: "",
    nextFollowUp: null,
    loggedBy: "",
    source: null,
    threadId: "",
    delivery: null,
    ...fields,
  };
}

/** The Touches row of a touch, header → value (Next Follow-Up as a Date, as the run reads it). */
export function touchCells(touch: Touch): Map<string, Cell> {
  return new Map<string, Cell>([
    [TOUCH.touchId, touch.touchId],
    [TOUCH.timestamp, touch.timestamp],
    [TOUCH.contactId, touch.contactId],
    [TOUCH.contact, touch.contactName],
    [TOUCH.channel, touch.channel ?? ""],
    [TOUCH.direction, touch.direction ?? ""],
    [TOUCH.outcome, touch.outcome],
    [TOUCH.template, touch.template],
    [TOUCH.step, touch.step],
    [TOUCH.stage, touch.stage ?? ""],
    [TOUCH.notes, touch.notes],
    [TOUCH.nextStep, touch.nextStep],
    [TOUCH.nextFollowUp, touch.nextFollowUp ? touch.nextFollowUp.at : ""],
    [TOUCH.loggedBy, touch.loggedBy],
    [TOUCH.source, touch.source ?? ""],
    [TOUCH.threadId, touch.threadId],
    [TOUCH.delivery, touch.delivery ?? ""],
  ]);
}
