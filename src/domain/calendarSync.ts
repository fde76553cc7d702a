// Calendar sync (DESIGN §3 step 3): turns the events a run read from the user's default calendar
// into Meeting touches — Scheduled, Rescheduled, Completed, Canceled — each state of each event
// once for the whole team. Pure: the adapter reads the calendar and appends the touches.
//
// What a calendar touch records (Source Calendar, Channel Meeting, Direction Outbound):
//   Thread ID: "event:<iCalUID>@<start ISO>" for a one-off event, "series:<iCalUID>@<start ISO>"
//   for one instance of a recurring event. The iCalUID is the same on every teammate's calendar,
//   so the sheet itself says what is logged; <start> is the meeting's start when the touch was
//   logged. A one-off event is keyed by its id alone (its start may move: Rescheduled); an
//   instance of a series by id + start (every instance has the series' id).
//   Next Follow-Up: the meeting's start, on Scheduled and Rescheduled (the next touch is the
//   meeting; the engine keeps the contact from showing Overdue before it).
import { fitInCell, isEmail, normalizeKey, type Cell } from "./cells";
import { formatDay, formatTime } from "./format";
import { TOUCH } from "./schema";
import type { Contact, Touch } from "./types";

/** The running user's read window: one ranged read per run. */
export const CALENDAR_DAYS_BACK = 1;
export const CALENDAR_DAYS_AHEAD = 14;
const DAY_MS = 86_400_000;

export type GuestAnswer = "INVITED" | "MAYBE" | "NO" | "OWNER" | "YES";

/** One event instance as the adapter read it. */
export interface CalendarEventRead {
  readonly id: string;
  readonly title: string;
  readonly start: Date;
  readonly end: Date;
  readonly allDay: boolean;
  readonly recurring: boolean;
  /** Guests other than the running user, lower-case addresses. */
  readonly guests: readonly { readonly email: string; readonly status: GuestAnswer }[];
  /** The running user's own answer. */
  readonly myStatus: GuestAnswer;
}

export type MeetingOutcome = "Scheduled" | "Rescheduled" | "Completed" | "Canceled";

export interface MeetingTouchFields {
  readonly timestamp: Date;
  readonly contactId: string;
  readonly contactName: string;
  readonly outcome: MeetingOutcome;
  readonly notes: string;
  /** The meeting's start (Scheduled, Rescheduled); null otherwise. */
  readonly nextFollowUp: Date | null;
  readonly loggedBy: string;
  readonly threadId: string;
}

/** A new Touches row as header → value. */
export function meetingTouchCells(
  fields: MeetingTouchFields & { readonly touchId: string },
): Map<string, Cell> {
  return new Map<string, Cell>([
    [TOUCH.touchId, fields.touchId],
    [TOUCH.timestamp, fields.timestamp],
    [TOUCH.contactId, fields.contactId],
    [TOUCH.contact, fields.contactName],
    [TOUCH.channel, "Meeting"],
    // Outbound: the user's side of the meeting. The engine never counts a Meeting as an attempt,
    // a cadence step or a reply, so Attempts stay right whatever the direction says.
    [TOUCH.direction, "Outbound"],
    [TOUCH.outcome, fields.outcome],
    [TOUCH.notes, fitInCell(fields.notes)],
    [TOUCH.nextFollowUp, fields.nextFollowUp ?? ""],
    [TOUCH.loggedBy, fields.loggedBy],
    [TOUCH.source, "Calendar"],
    [TOUCH.threadId, fields.threadId],
  ]);
}

/** Says why the calendar could not be synced, in one line for the Runs tab. */
export function calendarSyncFailedMessage(error: string): string {
  // The platform's texts for a scope not granted: "Authorization is required…", or "…permission
  // to call CalendarApp… Required permissions: …/auth/calendar…".
  return /authoriz|calendar/i.test(error)
    ? `Calendar sync skipped: Touchbase may not read your calendar yet (${error}). Open Touchbase from Extensions › Touchbase and accept the new permission; the rest of the run went on.`
    : `Calendar sync skipped this hour (${error}); the rest of the run went on, and the next run tries again.`;
}

export interface CalendarContext {
  readonly contacts: readonly Contact[];
  readonly touches: readonly Touch[];
  /** Lower-case email of the running user. */
  readonly user: string;
  readonly now: Date;
  readonly zone: string;
}

export interface CalendarWindow {
  readonly start: Date;
  readonly end: Date;
}

/** From 1 day back to 14 days ahead of `now`. */
export function calendarWindow(now: Date): CalendarWindow {
  return {
    start: new Date(now.getTime() - CALENDAR_DAYS_BACK * DAY_MS),
    end: new Date(now.getTime() + CALENDAR_DAYS_AHEAD * DAY_MS),
  };
}

const CELL = /^(event|series):(.+)@(\d{4}-\d{2}-\d{2}T[\d:.]+Z)$/;

export interface MeetingCell {
  readonly recurring: boolean;
  readonly eventId: string;
  readonly start: Date;
  /** The key a state is logged under: the id, plus the start for an instance of a series. */
  readonly key: string;
}

/** The calendar event a touch's Thread ID names, or null (not a calendar touch). */
export function parseMeetingCell(threadId: string): MeetingCell | null {
  const match = CELL.exec(threadId.trim());
  if (!match) return null;
  const start = new Date(match[3]!);
  if (Number.isNaN(start.getTime())) return null;
  const recurring = match[1] === "series";
  const eventId = match[2]!;
  return { recurring, eventId, start, key: meetingKey(recurring, eventId, start) };
}

export function meetingCell(event: { id: string; recurring: boolean; start: Date }): string {
  return `${event.recurring ? "series" : "event"}:${event.id}@${event.start.toISOString()}`;
}

function meetingKey(recurring: boolean, eventId: string, start: Date): string {
  return recurring ? `series:${eventId}@${start.toISOString()}` : `event:${eventId}`;
}

/** The last state logged for one contact and one event (instance). */
interface LoggedState {
  readonly outcome: string;
  readonly start: Date;
  /** Did the running user log any state of it (only then may its absence mean Canceled)? */
  mine: boolean;
}

function loggedStates(context: CalendarContext): Map<string, LoggedState> {
  const states = new Map<string, LoggedState>();
  // Touches come in time order: the last one seen per key is the current state.
  for (const touch of context.touches) {
    if (!touch.contactId || touch.channel !== "Meeting") continue;
    const cell = parseMeetingCell(touch.threadId);
    if (!cell) continue;
    const id = `${touch.contactId}|${cell.key}`;
    const mine = (states.get(id)?.mine ?? false) || touch.loggedBy === context.user;
    states.set(id, { outcome: touch.outcome, start: cell.start, mine });
  }
  return states;
}

/**
 * The instances worth looking at: every one-off event, and of a series its instances that have
 * ended (each is Completed once) plus its next one (a weekly meeting is Scheduled one week at a
 * time, not fourteen days of rows at once).
 */
function relevantInstances(events: readonly CalendarEventRead[], now: Date): CalendarEventRead[] {
  const nextOfSeries = new Map<string, CalendarEventRead>();
  const out: CalendarEventRead[] = [];
  for (const event of events) {
    if (!event.recurring || event.end <= now) {
      out.push(event);
      continue;
    }
    const next = nextOfSeries.get(event.id);
    if (!next || event.start < next.start) nextOfSeries.set(event.id, event);
  }
  return [...out, ...nextOfSeries.values()];
}

function when(date: Date, allDay: boolean, zone: string, now: Date): string {
  const day = formatDay(date, zone, now);
  return allDay ? `${day} (all day)` : `${day} ${formatTime(date, zone)}`;
}

function title(event: { title: string }): string {
  const text = event.title.replace(/\s+/g, " ").trim();
  return text === "" ? "Meeting" : `"${text}"`;
}

/** Plans the meeting touches for the events read; pure. Touch IDs are the adapter's. */
export function planCalendarSync(
  events: readonly CalendarEventRead[],
  window: CalendarWindow,
  context: CalendarContext,
  /** false when the run stopped reading early: an event not read is not a deleted one. */
  complete = true,
): MeetingTouchFields[] {
  const { now, zone, user } = context;
  const byEmail = new Map<string, Contact>();
  const byId = new Map<string, Contact>();
  for (const contact of context.contacts) {
    if (contact.id) byId.set(contact.id, contact);
    const email = normalizeKey(contact.email);
    if (contact.id && isEmail(email) && !byEmail.has(email)) byEmail.set(email, contact);
  }
  const states = loggedStates(context);
  const seen = new Set<string>();
  const out: MeetingTouchFields[] = [];
  const log = (
    contact: Contact,
    outcome: MeetingOutcome,
    event: { id: string; recurring: boolean; start: Date },
    fields: { timestamp: Date; notes: string; nextFollowUp?: Date },
  ) => {
    out.push({
      contactId: contact.id,
      contactName: contact.name,
      outcome,
      loggedBy: user,
      threadId: meetingCell(event),
      nextFollowUp: fields.nextFollowUp ?? null,
      timestamp: fields.timestamp,
      notes: fields.notes,
    });
  };

  for (const event of relevantInstances(events, now)) {
    // An event the user declined is not their meeting; their teammates' runs log it.
    if (event.myStatus === "NO") continue;
    const contacts = new Map<string, { contact: Contact; declined: boolean }>();
    for (const guest of event.guests) {
      const contact = byEmail.get(normalizeKey(guest.email));
      if (contact) contacts.set(contact.id, { contact, declined: guest.status === "NO" });
    }
    const key = meetingKey(event.recurring, event.id, event.start);
    const at = when(event.start, event.allDay, zone, now);
    for (const { contact, declined } of contacts.values()) {
      const id = `${contact.id}|${key}`;
      seen.add(id);
      const last = states.get(id);
      const stamp = { timestamp: now };
      if (declined) {
        if (last && last.outcome !== "Canceled" && last.outcome !== "Completed") {
          log(contact, "Canceled", event, {
            ...stamp,
            notes: `Meeting ${title(event)} on ${at}: ${contact.email} declined`,
          });
        }
      } else if (event.end <= now) {
        if (last?.outcome !== "Completed") {
          log(contact, "Completed", event, {
            timestamp: event.end,
            notes: `Meeting ${title(event)} on ${at}`,
          });
        }
      } else if (!last || last.outcome === "Canceled") {
        log(contact, last ? "Rescheduled" : "Scheduled", event, {
          ...stamp,
          notes: `Meeting ${title(event)} on ${at}`,
          nextFollowUp: event.start,
        });
      } else if (last.outcome !== "Completed" && last.start.getTime() !== event.start.getTime()) {
        log(contact, "Rescheduled", event, {
          ...stamp,
          notes: `Meeting ${title(event)} moved from ${when(last.start, event.allDay, zone, now)} to ${at}`,
          nextFollowUp: event.start,
        });
      }
    }
  }

  // A meeting this user logged that is gone from their calendar while still ahead: deleted
  // (or they were taken off it). One that moved further than the window reads the same way and
  // is logged Rescheduled when it comes back into the window.
  for (const [id, last] of complete ? states : []) {
    if (seen.has(id) || !last.mine) continue;
    if (last.outcome !== "Scheduled" && last.outcome !== "Rescheduled") continue;
    if (last.start <= now || last.start >= window.end) continue;
    const [contactId, key] = splitStateId(id);
    const contact = byId.get(contactId);
    const cell = parseMeetingCell(
      key.startsWith("event:") ? `${key}@${last.start.toISOString()}` : key,
    );
    if (!contact || !cell) continue;
    log(
      contact,
      "Canceled",
      { id: cell.eventId, recurring: cell.recurring, start: last.start },
      {
        timestamp: now,
        notes: `Meeting on ${when(last.start, false, zone, now)}: no longer on ${user}'s calendar`,
      },
    );
  }
  return out;
}

function splitStateId(id: string): [string, string] {
  const bar = id.indexOf("|");
  return [id.slice(0, bar), id.slice(bar + 1)];
}
