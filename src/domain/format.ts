// Display helpers for dates and numbers shown to people (digest, sidebar). Every calendar
// question is answered in the spreadsheet's zone, never the server's (DESIGN §2).
import { localParts } from "./dates";
import type { When } from "./types";

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;
const MONTHS = [
  "Jan",
  "Feb",
  "Mar",
  "Apr",
  "May",
  "Jun",
  "Jul",
  "Aug",
  "Sep",
  "Oct",
  "Nov",
  "Dec",
] as const;

export interface ZonedParts {
  readonly year: number;
  /** 0-based, like Date. */
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  /** 0 = Sunday. */
  readonly weekday: number;
}

/** Through dates.ts's zone-offset seam, so it holds on a runtime without Intl longOffset. */
export function zonedParts(date: Date, zone: string): ZonedParts {
  const local = localParts(date, zone);
  return {
    year: local.year,
    month: local.month - 1,
    day: local.day,
    hour: local.hour,
    minute: local.minute,
    weekday: local.weekday,
  };
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/** "Mon 23 Nov", with the year appended when it is not `now`'s year. */
export function formatDay(date: Date, zone: string, now?: Date): string {
  const p = zonedParts(date, zone);
  const base = `${WEEKDAYS[p.weekday]} ${p.day} ${MONTHS[p.month]}`;
  const showYear = now !== undefined && zonedParts(now, zone).year !== p.year;
  return showYear ? `${base} ${p.year}` : base;
}

/** "13:05" in the zone. */
export function formatTime(date: Date, zone: string): string {
  const p = zonedParts(date, zone);
  return `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/** "Mon 23 Nov" for a calendar date, "Mon 23 Nov 13:00" when it carries a time. */
export function formatWhen(when: When, zone: string, now?: Date): string {
  const day = formatDay(when.at, zone, now);
  return when.hasTime ? `${day} ${formatTime(when.at, zone)}` : day;
}

/** "1 day", "3 days". */
export function plural(count: number, singular: string, pluralWord = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralWord}`;
}

/**
 * 12500 → "12,500"; 99.5 → "99.50". Hand-rolled grouping: Intl number locales are not
 * guaranteed in every runtime this code runs in.
 */
export function formatAmount(value: number): string {
  if (!Number.isFinite(value)) return "";
  const negative = value < 0;
  const fixed = Math.abs(value).toFixed(Number.isInteger(value) ? 0 : 2);
  const [whole = "0", fraction] = fixed.split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "-" : ""}${grouped}${fraction ? `.${fraction}` : ""}`;
}
