// Each contact's history as the Metrics tab and the Monday review read it (DESIGN §5): the
// engine's parsed touches and computed rows, walked once per contact. Pure; every day in `zone`.
import { addLocalDays, localDayNumber, nextWeekday, startOfLocalDay } from "./dates";
import { happened, isReply } from "./engine";
import type { Stage } from "./schema";
import type { ContactRow, Touch, When } from "./types";

/** A reply counts for an outbound touch when it comes within this many days (and before the next). */
export const REPLY_WINDOW_DAYS = 7;
const MS_PER_DAY = 86_400_000;

/** What the metrics are computed from: the refresh's rows and its parsed touches. */
export interface MetricsInput {
  readonly rows: readonly ContactRow[];
  /** Every parsed touch, in time order (contactId "" = names no contact). */
  readonly touches: readonly Touch[];
  readonly zone: string;
  readonly now: Date;
  readonly skipWeekends: boolean;
}

/** An outbound touch that happened, numbered and judged. */
export interface OutboundFact {
  readonly touch: Touch;
  /** 1 for the first outbound touch since the contact's last reply (as the Attempts column counts). */
  readonly attempt: number;
  /** 1 for the contact's first outbound touch ever. */
  readonly ordinal: number;
  /** A reply within REPLY_WINDOW_DAYS and before the next outbound touch. */
  readonly replied: boolean;
}

export type FollowUpOutcome = "on time" | "late" | "missed";

/** An agreed follow-up whose day has come: kept on time, late, or not (yet) kept. */
export interface FollowUpFact {
  /** Local day number of the day it was due (weekends moved to Monday when skipped). */
  readonly dueDay: number;
  readonly outcome: FollowUpOutcome;
}

export interface ContactHistory {
  readonly row: ContactRow;
  /** Touches that happened, at or before now, in time order. */
  readonly touches: readonly Touch[];
  readonly outbound: readonly OutboundFact[];
  readonly replies: readonly Touch[];
  readonly followUps: readonly FollowUpFact[];
  /** When the contact entered its current stage (null: no stage, or no date to tell). */
  readonly stageSince: Date | null;
}

export interface Histories {
  readonly contacts: readonly ContactHistory[];
  /** Touches that happened (≤ now) but name no contact on Contacts. */
  readonly unknownContactTouches: readonly Touch[];
  readonly today: number;
}

/** Every contact's history; a contact with no touches gets an empty one. */
export function buildHistories(input: MetricsInput): Histories {
  const { zone, now } = input;
  const today = localDayNumber(now, zone);
  const byContact = new Map<string, Touch[]>();
  const unknown: Touch[] = [];
  for (const touch of input.touches) {
    if (touch.timestamp > now || !happened(touch)) continue;
    if (touch.contactId === "") {
      unknown.push(touch);
      continue;
    }
    const list = byContact.get(touch.contactId);
    if (list) list.push(touch);
    else byContact.set(touch.contactId, [touch]);
  }
  const contacts = input.rows.map((row): ContactHistory => {
    const touches = byContact.get(row.contact.id) ?? [];
    const outbound = outboundFacts(touches);
    return {
      row,
      touches,
      outbound,
      replies: touches.filter(isReply),
      followUps: followUpFacts(row, touches, input, today),
      stageSince: stageSince(row, touches),
    };
  });
  return { contacts, unknownContactTouches: unknown, today };
}

/** Numbers each outbound touch and decides whether the contact replied to it. */
function outboundFacts(touches: readonly Touch[]): OutboundFact[] {
  const facts: { touch: Touch; attempt: number; ordinal: number }[] = [];
  let attempt = 0;
  for (const touch of touches) {
    if (isReply(touch)) attempt = 0;
    else if (touch.direction === "Outbound") {
      attempt++;
      facts.push({ touch, attempt, ordinal: facts.length + 1 });
    }
  }
  const replies = touches.filter(isReply);
  let r = 0;
  return facts.map((fact, i) => {
    const sent = fact.touch.timestamp.getTime();
    while (r < replies.length && replies[r]!.timestamp.getTime() <= sent) r++;
    const reply = replies[r];
    const next = facts[i + 1]?.touch.timestamp.getTime() ?? Number.POSITIVE_INFINITY;
    const at = reply?.timestamp.getTime();
    const replied = at !== undefined && at - sent <= REPLY_WINDOW_DAYS * MS_PER_DAY && at < next;
    return { ...fact, replied };
  });
}

/**
 * Agreed follow-ups (a touch's Next Follow-Up, rule 3) whose day has come. The next outbound
 * touch keeps it: on time by the end of its day, late after. A touch that agrees a new date
 * replaces it (missed when its day had already passed). One still open after its day is missed;
 * one due today and open is not judged yet. A contact Overdue now with no agreed date open
 * (a cadence step, the new-lead SLA, a check-in) counts as one missed follow-up on its due day.
 */
function followUpFacts(
  row: ContactRow,
  touches: readonly Touch[],
  input: MetricsInput,
  today: number,
): FollowUpFact[] {
  const { zone } = input;
  const dueDayOf = (when: When): number =>
    localDayNumber(input.skipWeekends ? nextWeekday(when.at, zone) : when.at, zone);
  const facts: FollowUpFact[] = [];
  let open: number | null = null;
  for (const touch of touches) {
    const day = localDayNumber(touch.timestamp, zone);
    if (open !== null && touch.direction === "Outbound") {
      facts.push({ dueDay: open, outcome: day <= open ? "on time" : "late" });
      open = null;
    } else if (open !== null && touch.nextFollowUp) {
      if (day > open) facts.push({ dueDay: open, outcome: "missed" });
      open = null;
    }
    const agreed = touch.nextFollowUp;
    if (agreed && isAfterTouch(agreed, touch, zone)) open = dueDayOf(agreed);
  }
  if (open !== null && open < today) facts.push({ dueDay: open, outcome: "missed" });
  const due = row.result.due;
  if (open === null && row.result.status === "Overdue" && due) {
    facts.push({ dueDay: localDayNumber(due.at, zone), outcome: "missed" });
  }
  return facts;
}

/** Rule 3's test: an agreed date counts only when later than the touch that set it. */
function isAfterTouch(when: When, touch: Touch, zone: string): boolean {
  if (when.hasTime) return when.at > touch.timestamp;
  return localDayNumber(when.at, zone) > localDayNumber(touch.timestamp, zone);
}

/** The latest touch that moved the contact to its current stage, else Created, else its first touch. */
function stageSince(row: ContactRow, touches: readonly Touch[]): Date | null {
  const stage = row.contact.stage;
  if (!stage) return null;
  const moved = lastTouchToStage(touches, stage);
  return moved?.timestamp ?? row.contact.created ?? touches[0]?.timestamp ?? null;
}

function lastTouchToStage(touches: readonly Touch[], stage: Stage): Touch | undefined {
  for (let i = touches.length - 1; i >= 0; i--) {
    if (touches[i]!.stage === stage) return touches[i];
  }
  return undefined;
}

/**
 * When a Won or Lost deal closed: the latest touch that moved it there, else its last touch,
 * else Created; null for an open deal or when nothing dates it.
 */
export function closedAt(history: ContactHistory): Date | null {
  const stage = history.row.contact.stage;
  if (stage !== "Won" && stage !== "Lost") return null;
  return (
    lastTouchToStage(history.touches, stage)?.timestamp ??
    history.touches[history.touches.length - 1]?.timestamp ??
    history.row.contact.created
  );
}

/** An instant range [from, to), and a local-day range [firstDay, lastDay], built together. */
export interface Period {
  readonly from: Date;
  readonly to: Date;
  readonly firstDay: number;
  readonly lastDay: number;
}

/** The last `days` local days, today included, up to now. */
export function lastDays(days: number, zone: string, now: Date): Period {
  const start = startOfLocalDay(addLocalDays(now, -(days - 1), zone), zone);
  return periodBetween(start, new Date(now.getTime() + 1), zone);
}

/** [from, to) with its local days (to's day excluded when `to` is a local midnight). */
export function periodBetween(from: Date, to: Date, zone: string): Period {
  return {
    from,
    to,
    firstDay: localDayNumber(from, zone),
    lastDay: localDayNumber(new Date(to.getTime() - 1), zone),
  };
}

export const inPeriod = (at: Date, period: Period): boolean => at >= period.from && at < period.to;

export const dayInPeriod = (day: number, period: Period): boolean =>
  day >= period.firstDay && day <= period.lastDay;

/** A share, or null (shown "—") when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

export function average(values: readonly number[]): number | null {
  return values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}
