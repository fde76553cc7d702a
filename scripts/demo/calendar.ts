// Local-day arithmetic for the demo in the spreadsheet's zone. Midnights are computed once per
// day (not per touch) so 100,000 timestamps cost a few hundred time-zone lookups.
import { TZDate } from "@date-fns/tz";

const MINUTE_MS = 60_000;

export class DemoCalendar {
  readonly nowMs: number;
  private readonly year: number;
  private readonly month: number;
  private readonly day: number;
  private readonly midnights = new Map<number, number>();

  constructor(
    now: Date,
    private readonly zone: string,
  ) {
    this.nowMs = now.getTime();
    const local = new TZDate(this.nowMs, zone);
    this.year = local.getFullYear();
    this.month = local.getMonth();
    this.day = local.getDate();
  }

  /** Instant of local midnight `offset` days from today (negative = past). */
  midnight(offset: number): number {
    let ms = this.midnights.get(offset);
    if (ms === undefined) {
      ms = new TZDate(this.year, this.month, this.day + offset, this.zone).getTime();
      this.midnights.set(offset, ms);
    }
    return ms;
  }

  /** 0 = Sunday … 6 = Saturday, for the local day `offset` days from today. */
  weekday(offset: number): number {
    return new Date(Date.UTC(this.year, this.month, this.day + offset)).getUTCDay();
  }

  isWeekend(offset: number): boolean {
    const weekday = this.weekday(offset);
    return weekday === 0 || weekday === 6;
  }

  /** The same day, or the Monday after when it falls on a weekend. */
  nextWorkday(offset: number): number {
    let day = offset;
    while (this.isWeekend(day)) day++;
    return day;
  }

  /** Instant at `minuteOfDay` local minutes after midnight of day `offset`. */
  at(offset: number, minuteOfDay: number): number {
    // Adding minutes to midnight is off by an hour only on DST-change days, which a demo can bear.
    return this.midnight(offset) + minuteOfDay * MINUTE_MS;
  }

  /** Local day offset (from today) of an instant. */
  offsetOf(ms: number): number {
    let offset = Math.floor((ms - this.midnight(0)) / 86_400_000);
    // Correct for DST shifts around midnight.
    while (this.midnight(offset + 1) <= ms) offset++;
    while (this.midnight(offset) > ms) offset--;
    return offset;
  }
}
