// When an installed time-driven trigger fires. Apps Script picks a minute inside the window and
// keeps it; here that minute is deterministic per trigger. Missed slots are not caught up: the
// next fire time is always the first slot after "now" (Apps Script may skip runs too).
import { instantAt, resolveTimeZone, zonedParts } from "../time/zoned";

export interface ClockSchedule {
  readonly everyMinutes?: number;
  readonly everyHours?: number;
  readonly everyDays?: number;
  readonly everyWeeks?: number;
  /** 0 = Sunday … 6 = Saturday. */
  readonly weekDay?: number;
  readonly atHour?: number;
  readonly nearMinute?: number;
  /** One-shot trigger: fires once at this instant. */
  readonly atMs?: number;
  readonly timeZone: string;
  /** Deterministic minute (0-59) and second inside the window, chosen at creation. */
  readonly minuteOffset: number;
  readonly secondOffset: number;
  /** Creation time; day-based repeats count from here. */
  readonly createdMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The first fire time strictly after `afterMs`, or null when a one-shot trigger has fired. */
export function nextFireTime(schedule: ClockSchedule, afterMs: number): number | null {
  if (schedule.atMs !== undefined) return schedule.atMs > afterMs ? schedule.atMs : null;
  const offsetMs = schedule.minuteOffset * MINUTE + schedule.secondOffset * 1000;
  if (schedule.everyMinutes !== undefined || schedule.everyHours !== undefined) {
    const period =
      schedule.everyMinutes !== undefined
        ? schedule.everyMinutes * MINUTE
        : (schedule.everyHours ?? 1) * HOUR;
    // Minute triggers keep the second offset only, so they stay inside their minute window.
    const phase = schedule.everyMinutes !== undefined ? schedule.secondOffset * 1000 : offsetMs;
    const k = Math.floor((afterMs - phase) / period) + 1;
    return k * period + phase;
  }
  return nextCalendarFire(schedule, afterMs);
}

function nextCalendarFire(schedule: ClockSchedule, afterMs: number): number {
  const zone = resolveTimeZone(schedule.timeZone);
  const hour = schedule.atHour ?? Math.floor(schedule.minuteOffset / 2.5) % 24;
  const minute = schedule.nearMinute ?? schedule.minuteOffset;
  const everyDays = schedule.everyWeeks ? schedule.everyWeeks * 7 : (schedule.everyDays ?? 1);
  const created = zonedParts(new Date(schedule.createdMs), zone);
  const createdDay = Date.UTC(created.year, created.month - 1, created.day);
  const start = zonedParts(new Date(afterMs), zone);
  let dayUtc = Date.UTC(start.year, start.month - 1, start.day);
  for (let i = 0; i < 400; i++, dayUtc += DAY) {
    const day = new Date(dayUtc);
    if (schedule.weekDay !== undefined && day.getUTCDay() !== schedule.weekDay) continue;
    const daysSince = Math.round((dayUtc - createdDay) / DAY);
    if (schedule.weekDay === undefined && daysSince % everyDays !== 0) continue;
    if (schedule.weekDay !== undefined && Math.floor(daysSince / 7) % (schedule.everyWeeks ?? 1)) {
      continue;
    }
    const fire = instantAt(
      zone,
      day.getUTCFullYear(),
      day.getUTCMonth() + 1,
      day.getUTCDate(),
      hour,
      minute,
      schedule.secondOffset,
    );
    if (fire > afterMs) return fire;
  }
  throw new Error("emulator: could not compute the next fire time");
}
