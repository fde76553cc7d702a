// CalendarApp over a per-user calendar store: each user's default calendar, events with guests and
// their statuses, recurring series expanded into instances (each with the series' id), and ranged
// reads. Tests change the calendars through CalendarHarness (emu.calendar); nothing here knows
// what the script does with the events.
import { serviceError } from "../errors";
import { gasEnum } from "../enums";
import { SERVICE_NAME } from "../host";
import { asGas } from "../internal";
import type { ServiceRuntime } from "../serviceRuntime";
import { normalizeEmail } from "../serviceRuntime";

export type GuestStatusName = "INVITED" | "MAYBE" | "NO" | "OWNER" | "YES";

export const GuestStatus = gasEnum<typeof GoogleAppsScript.Calendar.GuestStatus>([
  "INVITED",
  "MAYBE",
  "NO",
  "OWNER",
  "YES",
]);

/** One guest as stored: address (as typed) and their answer. */
export interface StoredGuest {
  readonly email: string;
  status: GuestStatusName;
}

/** An event, or a recurring series, on one user's calendar. */
export interface StoredEvent {
  /** The iCalUID: shared by every instance of a series, and by the copies on guests' calendars. */
  readonly id: string;
  title: string;
  startMs: number;
  endMs: number;
  allDay: boolean;
  guests: StoredGuest[];
  /** Who made the event: their status is OWNER; everyone else's is their guest answer. */
  readonly organizer: string;
  /** A series repeats every `everyDays` days, `count` times in all (instance 0 is start/end). */
  readonly recurrence: { readonly everyDays: number; readonly count: number } | null;
  /** Instance starts (ms of the unmoved instance) taken out of the series (one occurrence deleted). */
  readonly skipped: Set<number>;
}

const DAY_MS = 86_400_000;

/** Each user's default calendar: id = the user's address, as Google names a primary calendar. */
export class CalendarStore {
  private readonly calendars = new Map<string, StoredEvent[]>();

  events(owner: string): StoredEvent[] {
    const key = normalizeEmail(owner);
    let list = this.calendars.get(key);
    if (!list) {
      list = [];
      this.calendars.set(key, list);
    }
    return list;
  }

  owners(): string[] {
    return [...this.calendars.keys()];
  }
}

/** One instance as the script sees it: a series instance knows its own start and end. */
interface Instance {
  readonly event: StoredEvent;
  readonly startMs: number;
  readonly endMs: number;
}

function instancesOf(event: StoredEvent): Instance[] {
  if (!event.recurrence) return [{ event, startMs: event.startMs, endMs: event.endMs }];
  const out: Instance[] = [];
  const length = event.endMs - event.startMs;
  for (let i = 0; i < event.recurrence.count; i++) {
    const startMs = event.startMs + i * event.recurrence.everyDays * DAY_MS;
    if (!event.skipped.has(startMs)) out.push({ event, startMs, endMs: startMs + length });
  }
  return out;
}

function dateArgument(value: unknown, method: string): number {
  if (!(value instanceof Date) || Number.isNaN(value.getTime())) {
    throw serviceError(
      `The parameters (${typeof value}) don't match the method signature for ${method}.`,
    );
  }
  return value.getTime();
}

export class EmuCalendarApp implements Pick<
  GoogleAppsScript.Calendar.CalendarApp,
  "getDefaultCalendar" | "GuestStatus"
> {
  readonly [SERVICE_NAME] = "CalendarApp";
  readonly GuestStatus = GuestStatus;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly store: CalendarStore,
  ) {}

  getDefaultCalendar(): GoogleAppsScript.Calendar.Calendar {
    return asGas(new EmuCalendar(this.runtime.effectiveUser(), this.store));
  }
}

export class EmuCalendar implements Pick<
  GoogleAppsScript.Calendar.Calendar,
  "getId" | "getName" | "getEvents" | "isOwnedByMe"
> {
  readonly [SERVICE_NAME] = "Calendar";

  constructor(
    private readonly owner: string,
    private readonly store: CalendarStore,
  ) {}

  getId(): string {
    return this.owner;
  }

  getName(): string {
    return this.owner;
  }

  isOwnedByMe(): boolean {
    return true;
  }

  /**
   * Every event (each instance of a series) that overlaps [start, end): it ends after `start` and
   * begins before `end`, as Calendar's timeMin/timeMax do. Sorted by start. A reversed range is
   * refused (strict reading: the real service's answer to it is not documented).
   */
  getEvents(start: Date, end: Date): GoogleAppsScript.Calendar.CalendarEvent[] {
    const from = dateArgument(start, "CalendarApp.Calendar.getEvents");
    const to = dateArgument(end, "CalendarApp.Calendar.getEvents");
    if (to < from) throw serviceError("Invalid argument: the end time is before the start time");
    return this.store
      .events(this.owner)
      .flatMap(instancesOf)
      .filter((i) => i.endMs > from && i.startMs < to)
      .sort((a, b) => a.startMs - b.startMs)
      .map((i) =>
        asGas<GoogleAppsScript.Calendar.CalendarEvent>(new EmuCalendarEvent(i, this.owner)),
      );
  }
}

export class EmuCalendarEvent implements Pick<
  GoogleAppsScript.Calendar.CalendarEvent,
  | "getId"
  | "getTitle"
  | "getStartTime"
  | "getEndTime"
  | "isAllDayEvent"
  | "isRecurringEvent"
  | "getGuestList"
  | "getMyStatus"
  | "getOriginalCalendarId"
> {
  readonly [SERVICE_NAME] = "CalendarEvent";

  constructor(
    private readonly instance: Instance,
    private readonly owner: string,
  ) {}

  getId(): string {
    return this.instance.event.id;
  }

  getTitle(): string {
    return this.instance.event.title;
  }

  getStartTime(): GoogleAppsScript.Base.Date {
    return new Date(this.instance.startMs);
  }

  getEndTime(): GoogleAppsScript.Base.Date {
    return new Date(this.instance.endMs);
  }

  isAllDayEvent(): boolean {
    return this.instance.event.allDay;
  }

  isRecurringEvent(): boolean {
    return this.instance.event.recurrence !== null;
  }

  /** The guests other than the calendar's owner (the owner is listed only when asked for). */
  getGuestList(includeOwner = false): GoogleAppsScript.Calendar.EventGuest[] {
    const me = normalizeEmail(this.owner);
    const guests = this.instance.event.guests.filter(
      (g) => includeOwner || normalizeEmail(g.email) !== me,
    );
    return guests.map((g) => asGas<GoogleAppsScript.Calendar.EventGuest>(new EmuEventGuest(g)));
  }

  getMyStatus(): GoogleAppsScript.Calendar.GuestStatus {
    const me = normalizeEmail(this.owner);
    const event = this.instance.event;
    if (normalizeEmail(event.organizer) === me) return GuestStatus.OWNER;
    const mine = event.guests.find((g) => normalizeEmail(g.email) === me);
    return GuestStatus[mine?.status ?? "INVITED"];
  }

  getOriginalCalendarId(): string {
    return this.owner;
  }
}

export class EmuEventGuest implements Pick<
  GoogleAppsScript.Calendar.EventGuest,
  "getEmail" | "getGuestStatus" | "getName"
> {
  readonly [SERVICE_NAME] = "EventGuest";

  constructor(private readonly guest: StoredGuest) {}

  getEmail(): string {
    return this.guest.email;
  }

  getName(): string {
    return this.guest.email;
  }

  getGuestStatus(): GoogleAppsScript.Calendar.GuestStatus {
    return GuestStatus[this.guest.status];
  }
}
