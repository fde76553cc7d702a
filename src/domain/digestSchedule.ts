// When a user's daily digest is due: once per local day, at or after Digest hour, in the
// spreadsheet's zone (a clock trigger fires at any minute of its hour, so decide by date and hour).
import { tz } from "@date-fns/tz";
import { format } from "date-fns";

/** The local calendar day of `now` in `zone`, as "yyyy-MM-dd". */
export function localDayKey(now: Date, zone: string): string {
  return format(now, "yyyy-MM-dd", { in: tz(zone) });
}

export function localHour(now: Date, zone: string): number {
  return Number(format(now, "H", { in: tz(zone) }));
}

export function digestIsDue(input: {
  now: Date;
  zone: string;
  digestHour: number;
  lastDigestDay: string;
}): boolean {
  if (localHour(input.now, input.zone) < input.digestHour) return false;
  return input.lastDigestDay !== localDayKey(input.now, input.zone);
}
