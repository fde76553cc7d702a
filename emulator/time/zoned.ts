// Calendar and clock fields of an instant in an IANA zone, and back: the one place the emulator
// turns instants into local parts (Utilities.formatDate, cell display and typing, trigger times,
// Gmail's Pacific days). The sheet shows dates in the SPREADSHEET's zone, which can differ from the
// script's and the host's.

export interface ZonedParts {
  readonly year: number;
  /** 1-12 */
  readonly month: number;
  readonly day: number;
  /** 0 = Sunday */
  readonly weekday: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  readonly millisecond: number;
  /** Minutes east of UTC. */
  readonly offsetMinutes: number;
}

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
const formatterCache = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatterCache.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatterCache.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The zone name Java would accept, or "GMT" for an unknown id (as TimeZone.getTimeZone does). */
export function resolveTimeZone(timeZone: string): string {
  return isValidTimeZone(timeZone) ? timeZone : "GMT";
}

export function zonedParts(date: Date, timeZone: string): ZonedParts {
  const values: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(date)) {
    if (part.type !== "literal") values[part.type] = Number(part.value);
  }
  const year = values.year ?? 1970;
  const month = values.month ?? 1;
  const day = values.day ?? 1;
  const hour = values.hour ?? 0;
  const minute = values.minute ?? 0;
  const second = values.second ?? 0;
  const millisecond = ((date.getTime() % 1000) + 1000) % 1000;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second, millisecond);
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return {
    year,
    month,
    day,
    weekday,
    hour,
    minute,
    second,
    millisecond,
    offsetMinutes: Math.round((asUtc - date.getTime()) / MINUTE_MS),
  };
}

/** The instant (ms) at which the zone's clocks show this date and time (DST re-checked once). */
export function instantAt(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second);
  let guess = wall - zonedParts(new Date(wall), timeZone).offsetMinutes * MINUTE_MS;
  guess = wall - zonedParts(new Date(guess), timeZone).offsetMinutes * MINUTE_MS;
  return guess;
}

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);

/** A spreadsheet serial number (days since 1899-12-30) read as a wall-clock date-time. */
export function partsOfSerial(serial: number): ZonedParts {
  return zonedParts(new Date(SERIAL_EPOCH_UTC + Math.round(serial * DAY_MS)), "UTC");
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
