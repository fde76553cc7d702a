// Calendar/clock fields of an instant in a given IANA zone, and back. The sheet shows and reads
// dates in the SPREADSHEET's zone, which can differ from the script's and the host's.
import { TZDate } from "@date-fns/tz";

export interface WallClock {
  year: number;
  /** 1-12 */
  month: number;
  day: number;
  hours: number;
  minutes: number;
  seconds: number;
  /** 0 = Sunday */
  weekday: number;
}

export function wallClockOf(instant: Date, timeZone: string): WallClock {
  const local = new TZDate(instant.getTime(), timeZone);
  return {
    year: local.getFullYear(),
    month: local.getMonth() + 1,
    day: local.getDate(),
    hours: local.getHours(),
    minutes: local.getMinutes(),
    seconds: local.getSeconds(),
    weekday: local.getDay(),
  };
}

/** The instant at which the zone's clocks show this date and time. */
export function instantAt(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
): Date {
  return new Date(new TZDate(year, month - 1, day, hours, minutes, seconds, timeZone).getTime());
}

const SERIAL_EPOCH_UTC = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

/** A spreadsheet serial number (days since 1899-12-30) read as a wall-clock date-time. */
export function wallClockOfSerial(serial: number): WallClock {
  const utc = new Date(SERIAL_EPOCH_UTC + Math.round(serial * DAY_MS));
  return {
    year: utc.getUTCFullYear(),
    month: utc.getUTCMonth() + 1,
    day: utc.getUTCDate(),
    hours: utc.getUTCHours(),
    minutes: utc.getUTCMinutes(),
    seconds: utc.getUTCSeconds(),
    weekday: utc.getUTCDay(),
  };
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
