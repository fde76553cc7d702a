// The run's Calendar sync step (DESIGN §3 step 3): one ranged read of the user's default calendar,
// the planner's Meeting touches appended in one batch. An event is read further only when one of
// its guests is a contact, so a busy calendar costs a guest list per event and little more.
import {
  calendarSyncFailedMessage,
  calendarWindow,
  meetingTouchCells,
  planCalendarSync,
  type CalendarEventRead,
  type GuestAnswer,
} from "../domain/calendarSync";
import { isEmail, normalizeKey } from "../domain/cells";
import { errorMessage } from "../errors";
import { appendRows } from "../sheets/tableIO";

import type { EmailRun } from "./emailSteps";

type CalendarEvent = GoogleAppsScript.Calendar.CalendarEvent;

export interface CalendarOutcome {
  /** Meeting touches written. */
  readonly logged: number;
  /** Contacts with a new meeting touch: no automated email for them in this run. */
  readonly changedContacts: ReadonlySet<string>;
  /** Why the calendar could not be synced, in one line for the Runs tab ("" when it was). */
  readonly error: string;
}

/**
 * Logs the user's meetings with contacts. Never throws: a calendar that cannot be read (the
 * calendar permission not granted yet) or a refused write is one line in the run's Error, and the
 * run goes on to its emails and digest. Nothing is half-logged: the touches are one batch.
 */
export function syncCalendar(
  run: EmailRun,
  user: string,
  now: Date,
  deadline: number,
): CalendarOutcome {
  try {
    return logMeetings(run, user, now, deadline);
  } catch (error) {
    return {
      logged: 0,
      changedContacts: new Set(),
      error: calendarSyncFailedMessage(errorMessage(error)),
    };
  }
}

function logMeetings(run: EmailRun, user: string, now: Date, deadline: number): CalendarOutcome {
  const none: CalendarOutcome = { logged: 0, changedContacts: new Set(), error: "" };
  const { workbook } = run;
  const contacts = workbook.plan.rows.map((row) => row.contact);
  const addresses = new Set(
    contacts.map((c) => normalizeKey(c.email)).filter((email) => isEmail(email)),
  );
  const window = calendarWindow(now);
  const read = readEvents(window, addresses, deadline);
  if (!read.complete) {
    run.problems.push(
      "Calendar sync: out of time; the rest of the calendar waits for the next run",
    );
  }
  const plan = planCalendarSync(
    read.events,
    window,
    {
      contacts,
      touches: workbook.plan.touches,
      user: user.toLowerCase(),
      now,
      zone: workbook.zone,
    },
    read.complete,
  );
  if (plan.length === 0) return none;
  const { sheet, table } = workbook.touches;
  appendRows(
    sheet,
    table,
    plan.map((fields) => meetingTouchCells({ ...fields, touchId: run.nextTouchId() })),
  );
  return { logged: plan.length, changedContacts: new Set(plan.map((f) => f.contactId)), error: "" };
}

/**
 * The window's events that have a contact among their guests. Guests are read first (one call
 * each); the rest of an event only when one of them is a contact.
 */
function readEvents(
  window: { start: Date; end: Date },
  contactAddresses: ReadonlySet<string>,
  deadline: number,
): { events: CalendarEventRead[]; complete: boolean } {
  const found = CalendarApp.getDefaultCalendar().getEvents(window.start, window.end);
  const events: CalendarEventRead[] = [];
  for (const event of found) {
    if (Date.now() > deadline) return { events, complete: false };
    const guests = event
      .getGuestList()
      .map((guest) => ({ guest, email: normalizeKey(guest.getEmail()) }))
      .filter(({ email }) => contactAddresses.has(email));
    if (guests.length === 0) continue;
    events.push({
      ...eventFields(event),
      guests: guests.map(({ guest, email }) => ({
        email,
        status: answer(guest.getGuestStatus()),
      })),
    });
  }
  return { events, complete: true };
}

function eventFields(event: CalendarEvent): Omit<CalendarEventRead, "guests"> {
  return {
    id: event.getId(),
    title: event.getTitle(),
    // Copied: a service's Date may come from another realm than the script's.
    start: new Date(event.getStartTime().getTime()),
    end: new Date(event.getEndTime().getTime()),
    allDay: event.isAllDayEvent(),
    recurring: event.isRecurringEvent(),
    myStatus: answer(event.getMyStatus()),
  };
}

const ANSWERS: readonly GuestAnswer[] = ["INVITED", "MAYBE", "NO", "OWNER", "YES"];

/** A GuestStatus enum value as its name (an unknown one reads as INVITED: no answer yet). */
function answer(status: GoogleAppsScript.Calendar.GuestStatus): GuestAnswer {
  const name = String(status).toUpperCase();
  return ANSWERS.find((a) => a === name) ?? "INVITED";
}
