// Test-side handle on the calendars (`emu.calendar`): create, move and delete events (one-off or
// recurring), set guests' answers. An event put on several users' calendars is one event (the same
// id for all, as Google's iCalUID), so what one sees change the others see too. Not counted.
import type { ServiceRuntime } from "../serviceRuntime";
import { normalizeEmail } from "../serviceRuntime";
import type { CalendarStore, GuestStatusName, StoredEvent } from "./calendarApp";

export interface NewEvent {
  /** The user who makes it (its organizer); the event is on their default calendar. */
  readonly organizer: string;
  /** Other emulated users whose default calendars show it too (they are guests as well). */
  readonly alsoOn?: readonly string[];
  readonly title?: string;
  readonly start: Date;
  readonly end: Date;
  readonly allDay?: boolean;
  /** Guest addresses (as typed); each starts INVITED unless `statuses` says otherwise. */
  readonly guests?: readonly string[];
  readonly statuses?: Readonly<Record<string, GuestStatusName>>;
  /** A series: repeats every `everyDays` days, `count` instances in all. */
  readonly recurrence?: { readonly everyDays: number; readonly count: number };
}

export class CalendarHarness {
  private nextId = 1;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly store: CalendarStore,
  ) {}

  /** Returns the event's id (the same on every calendar it is on). */
  createEvent(spec: NewEvent): string {
    if (spec.end.getTime() < spec.start.getTime()) {
      throw new Error("emulator: an event cannot end before it starts");
    }
    const id = `${this.nextId++}-${Math.floor(this.runtime.random() * 1e9).toString(36)}@google.com`;
    const statuses = new Map(
      Object.entries(spec.statuses ?? {}).map(([email, status]) => [normalizeEmail(email), status]),
    );
    const addresses = [...(spec.guests ?? []), ...(spec.alsoOn ?? [])];
    const seen = new Set<string>();
    const guests = addresses.flatMap((email) => {
      const key = normalizeEmail(email);
      if (seen.has(key)) return [];
      seen.add(key);
      return [{ email, status: statuses.get(key) ?? ("INVITED" as GuestStatusName) }];
    });
    const event: StoredEvent = {
      id,
      title: spec.title ?? "",
      startMs: spec.start.getTime(),
      endMs: spec.end.getTime(),
      allDay: spec.allDay ?? false,
      guests,
      organizer: spec.organizer,
      recurrence: spec.recurrence ?? null,
      skipped: new Set(),
    };
    for (const owner of [spec.organizer, ...(spec.alsoOn ?? [])]) {
      this.store.events(owner).push(event);
    }
    return id;
  }

  /** Moves an event (a whole series: every instance keeps its place relative to the first). */
  moveEvent(id: string, start: Date, end: Date): void {
    for (const event of this.find(id)) {
      event.startMs = start.getTime();
      event.endMs = end.getTime();
    }
  }

  /** Deletes an event (a whole series) from every calendar it is on. */
  deleteEvent(id: string): void {
    this.find(id);
    for (const owner of this.store.owners()) {
      const list = this.store.events(owner);
      for (let i = list.length - 1; i >= 0; i--) if (list[i]?.id === id) list.splice(i, 1);
    }
  }

  /** Deletes one instance of a series, named by its start. */
  deleteInstance(id: string, start: Date): void {
    for (const event of this.find(id)) {
      if (!event.recurrence) throw new Error(`emulator: event ${id} is not recurring`);
      event.skipped.add(start.getTime());
    }
  }

  /** A guest answers (YES, NO, MAYBE) or is invited again (INVITED). */
  setGuestStatus(id: string, email: string, status: GuestStatusName): void {
    const key = normalizeEmail(email);
    for (const event of this.find(id)) {
      const guest = event.guests.find((g) => normalizeEmail(g.email) === key);
      if (!guest) throw new Error(`emulator: ${email} is not a guest of event ${id}`);
      guest.status = status;
    }
  }

  /** The events on a user's default calendar (series unexpanded), for inspection. */
  eventsOf(owner: string): readonly StoredEvent[] {
    return this.store.events(owner);
  }

  private find(id: string): StoredEvent[] {
    const found = new Set<StoredEvent>();
    for (const owner of this.store.owners()) {
      for (const event of this.store.events(owner)) if (event.id === id) found.add(event);
    }
    if (found.size === 0) throw new Error(`emulator: no event ${id}`);
    return [...found];
  }
}
