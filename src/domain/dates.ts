// Calendar math in the spreadsheet's time zone (DESIGN §2), never the server's. Every function
// takes the IANA zone explicitly and returns plain Dates (instants), so results are safe to hand
// to adapters and to compare. Every zone offset comes from zoneOffsetMinutes, the one seam that
// survives a runtime without Intl "longOffset" (APPS-SCRIPT-FACTS).
import { tzOffset } from "@date-fns/tz";
import type { When } from "./types";
import { type Cell, isBlankCell } from "./cells";

const MS_PER_DAY = 86_400_000;
const MS_PER_MINUTE = 60_000;

const plain = (d: Date): Date => new Date(d.getTime());

// ---------------------------------------------------------------------------------------------
// Zone offsets

/**
 * "auto": Intl's `timeZoneName: "longOffset"` (what @date-fns/tz's tzOffset reads), switching to
 * formatToParts for good the first time it fails (a V8 without it throws RangeError, which
 * tzOffset turns into NaN). "formatToParts": always the fallback.
 */
export type OffsetStrategy = "auto" | "formatToParts";

let strategy: OffsetStrategy = "auto";
let longOffsetFailed = false;

/** Chooses how offsets are computed; clears the memo so no offset of the other way is reused. */
export function setOffsetStrategy(next: OffsetStrategy): void {
  strategy = next;
  longOffsetFailed = false;
  offsetCache.clear();
}

/** The way offsets are being computed now (after "auto" has or has not fallen back). */
export function offsetStrategyInUse(): "longOffset" | "formatToParts" {
  return strategy === "formatToParts" || longOffsetFailed ? "formatToParts" : "longOffset";
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

/** The offset from the zone's wall clock as formatToParts reads it, compared with the UTC instant. */
function offsetFromParts(ms: number, zone: string): number {
  let format = partsFormatters.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    partsFormatters.set(zone, format);
  }
  const part: Record<string, number> = {};
  for (const p of format.formatToParts(ms)) part[p.type] = Number(p.value);
  const wall = Date.UTC(
    part.year ?? NaN,
    (part.month ?? NaN) - 1,
    part.day ?? NaN,
    (part.hour ?? NaN) % 24, // some runtimes write midnight as 24 even with h23
    part.minute ?? NaN,
    part.second ?? NaN,
  );
  return Math.round((wall - (ms - mod(ms, 1000))) / MS_PER_MINUTE);
}

/** The zone's offset from UTC, in minutes, at `instant` (not memoized; see offsetMinutes). */
export function zoneOffsetMinutes(instant: Date, zone: string): number {
  if (offsetStrategyInUse() === "longOffset") {
    const offset = tzOffset(zone, instant);
    if (Number.isFinite(offset)) return offset;
    longOffsetFailed = true;
    offsetCache.clear();
  }
  return offsetFromParts(instant.getTime(), zone);
}

/** "+0100", "-1000", "+05:30" (the platform's formatDate pattern "Z") as minutes; null when unreadable. */
function parseOffsetText(text: string): number | null {
  const match = /^([+-])(\d{2}):?(\d{2})$/.exec(text.trim());
  if (!match) return null;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return match[1] === "-" ? -minutes : minutes;
}

/**
 * The adapter's per-run self-check: `expectedOffsetText` is the platform's own answer for
 * `instant` in `zone` (the platform's formatDate of `now` with pattern "Z", e.g. "+0100"). True when the
 * offsets in use agree with it; otherwise every later offset comes from formatToParts and the
 * answer is false (then also when even formatToParts disagrees: say so in Runs).
 */
export function checkZoneOffsets(expectedOffsetText: string, instant: Date, zone: string): boolean {
  const expected = parseOffsetText(expectedOffsetText);
  if (expected === null) return false;
  if (zoneOffsetMinutes(instant, zone) === expected) return true;
  setOffsetStrategy("formatToParts");
  return false;
}

/** The Runs note when neither way of reading zone offsets agrees with the platform. */
export function zoneOffsetProblem(zone: string, platformOffset: string): string {
  return (
    `Time zone ${zone}: this runtime's offsets disagree with Apps Script's (${platformOffset}); ` +
    "due times may be off by the difference. Check the Time zone setting."
  );
}

// A zone's UTC offset changes only at transitions, which fall on 15-minute boundaries of UTC in
// every IANA zone; memoizing per (zone, quarter hour) turns an Intl lookup per date into a map
// hit — the refresh handles hundreds of thousands of dates.
const QUARTER_HOUR_MS = 15 * MS_PER_MINUTE;
const OFFSET_CACHE_LIMIT = 200_000;
const offsetCache = new Map<string, Map<number, number>>();

/** The zone's offset from UTC, in minutes, at instant `ms`, memoized. */
function offsetMinutes(ms: number, zone: string): number {
  const bucket = Math.floor(ms / QUARTER_HOUR_MS);
  const cached = offsetCache.get(zone)?.get(bucket);
  if (cached !== undefined) return cached;
  // Computed before the map is fetched: a failing longOffset clears the memo.
  const offset = zoneOffsetMinutes(new Date(ms), zone);
  let byBucket = offsetCache.get(zone);
  if (!byBucket) {
    byBucket = new Map();
    offsetCache.set(zone, byBucket);
  }
  if (byBucket.size >= OFFSET_CACHE_LIMIT) byBucket.clear();
  byBucket.set(bucket, offset);
  return offset;
}

/** Milliseconds since 1970-01-01T00:00 of the local wall clock at instant `ms`. */
function localMs(ms: number, zone: string): number {
  return ms + offsetMinutes(ms, zone) * MS_PER_MINUTE;
}

/**
 * The instant whose local wall clock reads `wallMs` (ms since 1970-01-01 local). A wall time that
 * does not exist (the hour skipped by DST) rolls forward by the gap, as a clock does.
 */
function instantOfLocal(wallMs: number, zone: string): number {
  const guess = wallMs - offsetMinutes(wallMs, zone) * MS_PER_MINUTE;
  const instant = wallMs - offsetMinutes(guess, zone) * MS_PER_MINUTE;
  if (localMs(instant, zone) === wallMs) return instant;
  // Next to a transition (never two within a day): try the offsets in force either side.
  const before = offsetMinutes(wallMs - MS_PER_DAY, zone);
  const after = offsetMinutes(wallMs + MS_PER_DAY, zone);
  const valid = [before, after]
    .map((offset) => wallMs - offset * MS_PER_MINUTE)
    .filter((t) => localMs(t, zone) === wallMs);
  return valid.length > 0 ? Math.min(...valid) : wallMs - before * MS_PER_MINUTE;
}

/** The wall-clock fields of `d` in `zone` (month 1–12; weekday 0 = Sunday). */
export function localParts(d: Date, zone: string) {
  const wall = new Date(localMs(d.getTime(), zone));
  return {
    year: wall.getUTCFullYear(),
    month: wall.getUTCMonth() + 1,
    day: wall.getUTCDate(),
    hour: wall.getUTCHours(),
    minute: wall.getUTCMinutes(),
    second: wall.getUTCSeconds(),
    weekday: wall.getUTCDay(),
  };
}

/** Local midnight (00:00 in `zone`) of the calendar day that `d` falls on (or its first instant). */
export function startOfLocalDay(d: Date, zone: string): Date {
  const wall = localMs(d.getTime(), zone);
  return new Date(instantOfLocal(wall - mod(wall, MS_PER_DAY), zone));
}

/** The same wall-clock time `n` calendar days later in `zone` (a DST day is 23 or 25 hours). */
export function addLocalDays(d: Date, n: number, zone: string): Date {
  return new Date(instantOfLocal(localMs(d.getTime(), zone) + n * MS_PER_DAY, zone));
}

/** Days since 1970-01-01 of the local calendar date of `d`: subtract two to count days between. */
export function localDayNumber(d: Date, zone: string): number {
  return Math.floor(localMs(d.getTime(), zone) / MS_PER_DAY);
}

/** Calendar days from `a` to `b` in `zone` (negative when `b` is the earlier day). */
export function daysBetween(a: Date, b: Date, zone: string): number {
  return localDayNumber(b, zone) - localDayNumber(a, zone);
}

function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/** 0 = Sunday … 6 = Saturday, in `zone`. */
export function localWeekday(d: Date, zone: string): number {
  // 1970-01-01 was a Thursday (4).
  return mod(localDayNumber(d, zone) + 4, 7);
}

export function isWeekend(d: Date, zone: string): boolean {
  const day = localWeekday(d, zone);
  return day === 0 || day === 6;
}

/**
 * Saturday or Sunday → the following Monday at the same local wall-clock time (a calendar date at
 * 00:00 stays 00:00; a due date-time keeps its hour, DESIGN §2 rule 9); a weekday is unchanged.
 */
export function nextWeekday(d: Date, zone: string): Date {
  const day = localWeekday(d, zone);
  if (day !== 0 && day !== 6) return d;
  return addLocalDays(d, day === 6 ? 2 : 1, zone);
}

/** A local wall-clock time in `zone` as an instant (nonexistent DST times roll forward). */
export function localDateTime(
  zone: string,
  year: number,
  month: number,
  day: number,
  hours = 0,
  minutes = 0,
  seconds = 0,
): Date {
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day); // not Date.UTC, which reads years 0–99 as 19xx
  wall.setUTCHours(hours, minutes, seconds, 0);
  return new Date(instantOfLocal(wall.getTime(), zone));
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

function isMidnight(d: Date, zone: string): boolean {
  return mod(localMs(d.getTime(), zone), MS_PER_DAY) === 0;
}

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap]m)?)?$/i;
// An ISO instant with an explicit offset: "2026-03-02T14:30:00Z", "2026-03-02T14:30+05:30".
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

function fromParts(
  zone: string,
  parts: { year: number; month: number; day: number; time?: [number, number, number] },
): When | null {
  if (!isRealDate(parts.year, parts.month, parts.day)) return null;
  if (!parts.time) {
    return { at: localDateTime(zone, parts.year, parts.month, parts.day), hasTime: false };
  }
  const [h, m, s] = parts.time;
  if (h > 23 || m > 59 || s > 59) return null;
  return { at: localDateTime(zone, parts.year, parts.month, parts.day, h, m, s), hasTime: true };
}

function parseDateText(text: string, zone: string): When | null {
  if (ISO_INSTANT.test(text)) {
    const at = new Date(text);
    return Number.isNaN(at.getTime()) ? null : { at, hasTime: true };
  }
  const iso = ISO_DATE.exec(text);
  if (iso) {
    const [, y, mo, d, h, mi, s] = iso;
    return fromParts(zone, {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      time: h === undefined ? undefined : [Number(h), Number(mi), Number(s ?? 0)],
    });
  }
  const us = US_DATE.exec(text);
  if (us) {
    const [, mo, d, y, h, mi, s, ampm] = us;
    let hours = Number(h ?? 0);
    if (ampm) {
      if (hours < 1 || hours > 12) return null;
      hours = (hours % 12) + (ampm.toLowerCase() === "pm" ? 12 : 0);
    }
    return fromParts(zone, {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      time: h === undefined ? undefined : [hours, Number(mi), Number(s ?? 0)],
    });
  }
  return null;
}

export type CellDateResult = { ok: When } | { error: string };

/**
 * Reads a date cell. Blank → null. A Date at local midnight is a calendar date; any other Date
 * carries its time. Text may be "2026-03-02", "2026-03-02 14:30", "3/2/2026" (month first, as
 * Sheets' US locale writes it), "3/2/2026 2:30 PM" or an ISO instant with Z/offset. Numbers are
 * not dates (a serial number is almost always a typo in a date column).
 */
export function parseCellDate(cell: Cell | null | undefined, zone: string): CellDateResult | null {
  if (isBlankCell(cell)) return null;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return { error: "is not a valid date" };
    return { ok: { at: plain(cell), hasTime: !isMidnight(cell, zone) } };
  }
  const text = String(cell).trim();
  if (text === "") return null;
  if (typeof cell === "number" || typeof cell === "boolean") {
    return { error: `"${text}" is not a date` };
  }
  const when = parseDateText(text, zone);
  return when ? { ok: when } : { error: `"${text}" is not a date` };
}

export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}
