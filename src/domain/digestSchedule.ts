// When a user's daily digest is due: once per local day, at or after Digest hour, in the
// spreadsheet's zone (a clock trigger fires at any minute of its hour, so decide by date and hour).
// Zone math goes through dates.ts's offset seam (it holds without Intl longOffset).
import { localParts } from "./dates";

const pad = (n: number, width = 2): string => String(n).padStart(width, "0");

/** The local calendar day of `now` in `zone`, as "yyyy-MM-dd". */
export function localDayKey(now: Date, zone: string): string {
  const { year, month, day } = localParts(now, zone);
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function localHour(now: Date, zone: string): number {
  return localParts(now, zone).hour;
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
