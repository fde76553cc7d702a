// What the sidebar's actions log and change (DESIGN §6): Log touch, Snooze, Reassign and Cover
// turned into Touches rows and the few Contacts cells they change. Pure: the adapter reads the
// contact, calls these, and writes the result; every bad input is a message naming the field.
import { addLocalDays, isWeekend, localDayNumber, nextWeekday, startOfLocalDay } from "./dates";
import { formatDay, zonedParts } from "./format";
import { idAfter, TOUCH_ID } from "./ids";
import {
  CHANNELS,
  CONTACT,
  OUTCOMES_BY_CHANNEL,
  STAGES,
  type Channel,
  type Direction,
  type Stage,
} from "./schema";
import { isEmail, matchWord, type Cell } from "./cells";
import { blankTouch } from "./touches";
import type { Contact, Touch, When } from "./types";

/** An input the person can fix; the message says which field and how. */
export class SidebarInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SidebarInputError";
  }
}

/** Outcomes a person picks in Log touch: the Note channel's system outcomes are logged for them. */
export const LOGGABLE_OUTCOMES: Readonly<Record<Channel, readonly string[]>> = {
  ...OUTCOMES_BY_CHANNEL,
  Note: ["Note"],
};

/** Inbound outcomes: the contact (or their mail server) wrote to us, as the Gmail sync logs them. */
const INBOUND_OUTCOMES = new Set(["Replied", "Bounced", "Auto-reply", "Unsubscribed"]);

export const SNOOZE_DAYS = [1, 3, 7, 14] as const;

/** Longest notes the sidebar accepts: well inside a cell's 50,000 characters. */
export const MAX_NOTE_LENGTH = 5_000;

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-24" of an instant, in the zone. */
export function isoDay(at: Date, zone: string): string {
  const p = zonedParts(at, zone);
  return `${p.year}-${String(p.month + 1).padStart(2, "0")}-${String(p.day).padStart(2, "0")}`;
}

/** A calendar date the person picked, as local midnight in the zone; throws on a bad one. */
export function parseIsoDay(text: string, field: string, zone: string): Date {
  const match = ISO_DAY.exec(text.trim());
  const [year, month, day] = match ? match.slice(1).map(Number) : [];
  if (!year || !month || !day) {
    throw new SidebarInputError(`${field} "${text}" is not a date; pick one like 2026-11-24.`);
  }
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (probe.getUTCMonth() !== month - 1 || probe.getUTCDate() !== day) {
    throw new SidebarInputError(`${field} "${text}" is not a real date.`);
  }
  // Noon UTC is the same calendar day in every zone; its local midnight is the day's start.
  return startOfLocalDay(new Date(Date.UTC(year, month - 1, day, 12)), zone);
}

/** The next working day after `now` (Monday after a Friday when weekends are skipped). */
export function nextWorkingDay(now: Date, zone: string, skipWeekends: boolean): Date {
  const tomorrow = startOfLocalDay(addLocalDays(now, 1, zone), zone);
  return skipWeekends && isWeekend(tomorrow, zone) ? nextWeekday(tomorrow, zone) : tomorrow;
}

/** Who a touch comes from, by its channel and outcome (the person picks only those two). */
export function directionOf(channel: Channel, outcome: string): Direction {
  if (channel === "Note") return "Internal";
  return INBOUND_OUTCOMES.has(outcome) ? "Inbound" : "Outbound";
}

/** Where the new touches' ids start and who logs them, shared by every plan below. */
export interface LogContext {
  readonly now: Date;
  readonly zone: string;
  readonly user: string;
  /** The digits of the highest Touch ID in the log (T-0000123 → "123"; "0" when none). */
  readonly lastTouchDigits: string;
  readonly skipWeekends: boolean;
}

/** What an action does to one contact: touches to append and user cells that change. */
export interface ContactChange {
  readonly touches: readonly Touch[];
  /** Contacts header → new value, only for cells whose value changes. */
  readonly cells: ReadonlyMap<string, Cell>;
  readonly message: string;
}

function sidebarTouch(
  contact: Contact,
  context: LogContext,
  index: number,
  fields: Partial<Touch> & Pick<Touch, "channel" | "direction" | "outcome">,
): Touch {
  return blankTouch({
    touchId: idAfter(context.lastTouchDigits, index + 1, TOUCH_ID),
    timestamp: context.now,
    contactId: contact.id,
    contactName: contact.name,
    loggedBy: context.user,
    source: "Sidebar",
    ...fields,
  });
}

/** Next Follow-Up as the contact's cell holds it: a Date at local midnight, or blank. */
function sameFollowUp(current: When | null, next: Date | null): boolean {
  if (!current || !next) return current === next;
  return !current.hasTime && current.at.getTime() === next.getTime();
}

/** Cells that differ from the contact's current values (so only those are written). */
function changedCells(
  contact: Contact,
  wanted: {
    followUp?: Date | null;
    stage?: Stage;
    nextStep?: string;
    owner?: string;
  },
): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  if (wanted.followUp !== undefined && !sameFollowUp(contact.nextFollowUp, wanted.followUp)) {
    cells.set(CONTACT.nextFollowUp, wanted.followUp ?? "");
  }
  if (wanted.stage !== undefined && wanted.stage !== contact.stage) {
    cells.set(CONTACT.stage, wanted.stage);
  }
  if (wanted.nextStep !== undefined && wanted.nextStep !== contact.nextStep) {
    cells.set(CONTACT.nextStep, wanted.nextStep);
  }
  if (wanted.owner !== undefined && wanted.owner !== contact.owner) {
    cells.set(CONTACT.owner, wanted.owner);
  }
  return cells;
}

/** A note or next step as typed: trimmed, and refused when it could not fit a cell. */
function freeText(text: unknown, field: string): string {
  const value = typeof text === "string" ? text.trim() : "";
  if (value.length > MAX_NOTE_LENGTH) {
    throw new SidebarInputError(
      `${field} is ${value.length} characters long; keep it under ${MAX_NOTE_LENGTH}.`,
    );
  }
  return value;
}

/** A follow-up date from the form: today or later, in the sheet's zone. */
function followUpDate(text: string, context: LogContext): Date {
  const at = parseIsoDay(text, CONTACT.nextFollowUp, context.zone);
  const today = isoDay(context.now, context.zone);
  if (localDayNumber(at, context.zone) < localDayNumber(context.now, context.zone)) {
    throw new SidebarInputError(
      `${CONTACT.nextFollowUp} ${text.trim()} is in the past (today is ${today}); pick today or a later date.`,
    );
  }
  return at;
}

export interface LogTouchInput {
  readonly channel: string;
  readonly outcome: string;
  readonly notes: string;
  readonly nextStep: string;
  readonly nextFollowUp: string;
  readonly stage: string;
}

/**
 * Log touch: the touch, and before it a Stage Changed touch when the stage changes (same
 * timestamp: the touch that moved the stage is not a step of the new cadence, DESIGN §2 rule 2).
 * The contact's Next Follow-Up becomes the touch's (rule 3), its Next Step the one typed.
 */
export function planLogTouch(
  contact: Contact,
  input: LogTouchInput,
  context: LogContext,
): ContactChange {
  const channel = matchWord(input.channel, CHANNELS);
  if (!channel) {
    throw new SidebarInputError(`Channel "${input.channel}" is not one of ${CHANNELS.join(", ")}.`);
  }
  const outcomes = LOGGABLE_OUTCOMES[channel];
  const outcome = matchWord(input.outcome, outcomes);
  if (!outcome) {
    throw new SidebarInputError(
      `Outcome "${input.outcome}" does not go with ${channel}; pick one of ${outcomes.join(", ")}.`,
    );
  }
  let stage: Stage | null = null;
  if (input.stage.trim() !== "") {
    stage = matchWord(input.stage, STAGES) ?? null;
    if (!stage) {
      throw new SidebarInputError(`Stage "${input.stage}" is not one of ${STAGES.join(", ")}.`);
    }
  }
  const newStage = stage && stage !== contact.stage ? stage : null;
  const finalStage = newStage ?? contact.stage;
  const closed = finalStage === "Won" || finalStage === "Lost";
  const notes = freeText(input.notes, "Notes");
  const nextStep = freeText(input.nextStep, CONTACT.nextStep);
  const followUpText = input.nextFollowUp.trim();
  if (followUpText === "" && !closed) {
    throw new SidebarInputError(
      `Pick a ${CONTACT.nextFollowUp} date: every open contact needs one (a deal marked Won or Lost does not).`,
    );
  }
  const followUp = followUpText === "" ? null : followUpDate(followUpText, context);

  const touches: Touch[] = [];
  if (newStage) {
    touches.push(
      sidebarTouch(contact, context, 0, {
        channel: "Note",
        direction: "Internal",
        outcome: "Stage Changed",
        stage: newStage,
        notes: `Stage ${contact.stage ?? "(blank)"} → ${newStage}`,
      }),
    );
  }
  touches.push(
    sidebarTouch(contact, context, touches.length, {
      channel,
      direction: directionOf(channel, outcome),
      outcome,
      notes,
      nextStep,
      nextFollowUp: followUp ? { at: followUp, hasTime: false } : null,
    }),
  );
  const when = followUp ? `; next follow-up ${formatDay(followUp, context.zone)}` : "";
  const stageNote = newStage ? `, stage now ${newStage}` : "";
  return {
    touches,
    cells: changedCells(contact, {
      followUp,
      stage: newStage ?? undefined,
      nextStep: nextStep === "" ? undefined : nextStep,
    }),
    message: `Logged ${channel} (${outcome}) for ${contact.name}${stageNote}${when}.`,
  };
}

/** Snooze: the contact's Next Follow-Up moves `days` ahead, with an Internal note saying so. */
export function planSnooze(contact: Contact, days: number, context: LogContext): ContactChange {
  if (!SNOOZE_DAYS.includes(days as (typeof SNOOZE_DAYS)[number])) {
    throw new SidebarInputError(`Snooze for ${SNOOZE_DAYS.join(", ")} days, not ${days}.`);
  }
  const until = startOfLocalDay(addLocalDays(context.now, days, context.zone), context.zone);
  const touch = sidebarTouch(contact, context, 0, {
    channel: "Note",
    direction: "Internal",
    outcome: "Note",
    notes: `Snoozed ${days} day${days === 1 ? "" : "s"}, until ${isoDay(until, context.zone)}.`,
    nextFollowUp: { at: until, hasTime: false },
  });
  return {
    touches: [touch],
    cells: changedCells(contact, { followUp: until }),
    message: `Snoozed ${contact.name} until ${formatDay(until, context.zone)}.`,
  };
}

/** An owner picked in the sidebar: an email address, lower-cased like the Owner column reads. */
export function ownerAddress(text: string, field: string): string {
  const owner = text.trim().toLowerCase();
  if (!isEmail(owner)) throw new SidebarInputError(`${field} "${text}" is not an email address.`);
  return owner;
}

/** The Internal Handoff touch and the new owner, due for them the next working day. */
export function planHandoff(
  contact: Contact,
  newOwner: string,
  note: string,
  context: LogContext,
  index = 0,
): ContactChange {
  const owner = ownerAddress(newOwner, "New owner");
  if (owner === contact.owner) {
    throw new SidebarInputError(`${contact.name} is already owned by ${owner}.`);
  }
  const due = nextWorkingDay(context.now, context.zone, context.skipWeekends);
  const text = freeText(note, "Note for the new owner");
  const from = contact.owner || "nobody";
  const touch = sidebarTouch(contact, context, index, {
    channel: "Note",
    direction: "Internal",
    outcome: "Handoff",
    notes: `Handoff ${from} → ${owner}${text ? `: ${text}` : "."}`,
    nextFollowUp: { at: due, hasTime: false },
  });
  return {
    touches: [touch],
    cells: changedCells(contact, { owner, followUp: due }),
    message: `${contact.name} now belongs to ${owner}, due ${formatDay(due, context.zone)}.`,
  };
}

export interface CoverInput {
  readonly absentOwner: string;
  readonly coveringOwner: string;
  readonly from: string;
  readonly to: string;
  readonly note: string;
}

export interface CoverPlan {
  readonly changes: readonly { contact: Contact; change: ContactChange }[];
  readonly message: string;
}

/**
 * Cover for a teammate: every contact of the absent owner whose Due falls in [from, to] (or is
 * already overdue on `from`) goes to the covering owner, one Handoff touch each.
 */
export function planCover(
  contacts: readonly { contact: Contact; due: Date | null }[],
  input: CoverInput,
  context: LogContext,
): CoverPlan {
  const absent = ownerAddress(input.absentOwner, "Absent owner");
  const covering = ownerAddress(input.coveringOwner, "Covering owner");
  if (absent === covering) {
    throw new SidebarInputError("Pick a covering owner other than the absent one.");
  }
  const from = parseIsoDay(input.from, "From", context.zone);
  const to = parseIsoDay(input.to, "To", context.zone);
  if (to < from)
    throw new SidebarInputError(`"To" (${input.to}) is before "From" (${input.from}).`);
  const lastDay = localDayNumber(to, context.zone);
  const note = freeText(input.note, "Note for the covering owner");
  const changes: { contact: Contact; change: ContactChange }[] = [];
  for (const { contact, due } of contacts) {
    if (contact.owner !== absent || !due || contact.id === "") continue;
    if (localDayNumber(due, context.zone) > lastDay) continue;
    const cover = note || `Covering for ${absent} until ${isoDay(to, context.zone)}.`;
    const change = planHandoff(contact, covering, cover, context, changes.length);
    changes.push({ contact, change });
  }
  const range = `${isoDay(from, context.zone)} – ${isoDay(to, context.zone)}`;
  const message =
    changes.length === 0
      ? `${absent} has no contacts due by ${isoDay(to, context.zone)}: nothing to move.`
      : `Moved ${changes.length} contact${changes.length === 1 ? "" : "s"} due ${range} from ${absent} to ${covering}.`;
  return { changes, message };
}

/** The contact as it reads once `cells` are written (for computing its row before the write). */
export function contactAfter(contact: Contact, cells: ReadonlyMap<string, Cell>): Contact {
  let next = contact;
  const followUp = cells.get(CONTACT.nextFollowUp);
  if (followUp !== undefined) {
    next = {
      ...next,
      nextFollowUp: followUp instanceof Date ? { at: followUp, hasTime: false } : null,
    };
  }
  const stage = cells.get(CONTACT.stage);
  if (stage !== undefined) next = { ...next, stage: matchWord(stage, STAGES) ?? null };
  const owner = cells.get(CONTACT.owner);
  if (owner !== undefined) next = { ...next, owner: String(owner) };
  const nextStep = cells.get(CONTACT.nextStep);
  if (nextStep !== undefined) next = { ...next, nextStep: String(nextStep) };
  return next;
}
