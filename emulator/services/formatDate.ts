// Utilities.formatDate: Java SimpleDateFormat patterns rendered in a given time zone.
// Supported letters: G y Y M L d D E u a H k K h m s S z Z X, plus 'quoted text' and ''.
// An unknown time zone falls back to GMT, as Java's TimeZone.getTimeZone does.
import { MONTHS, WEEKDAYS } from "../time/calendarNames";
import { resolveTimeZone, type ZonedParts, zonedParts } from "../time/zoned";

function pad(value: number, width: number): string {
  return String(Math.abs(value)).padStart(width, "0");
}

function offsetText(minutes: number, withColon: boolean, hoursOnly = false): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  const hours = pad(Math.floor(abs / 60), 2);
  if (hoursOnly) return `${sign}${hours}`;
  return `${sign}${hours}${withColon ? ":" : ""}${pad(abs % 60, 2)}`;
}

function zoneName(date: Date, timeZone: string, style: "short" | "long"): string {
  const part = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: style })
    .formatToParts(date)
    .find((p) => p.type === "timeZoneName");
  return part?.value ?? timeZone;
}

function dayOfYear(parts: ZonedParts): number {
  const start = Date.UTC(parts.year, 0, 1);
  return Math.round((Date.UTC(parts.year, parts.month - 1, parts.day) - start) / 86_400_000) + 1;
}

function field(letter: string, count: number, p: ZonedParts, date: Date, zone: string): string {
  switch (letter) {
    case "G":
      return p.year > 0 ? "AD" : "BC";
    case "y":
    case "Y":
      return count === 2 ? pad(p.year % 100, 2) : pad(p.year, count);
    case "M":
    case "L": {
      const name = MONTHS[p.month - 1] ?? "";
      if (count >= 4) return name;
      if (count === 3) return name.slice(0, 3);
      return pad(p.month, count);
    }
    case "d":
      return pad(p.day, count);
    case "D":
      return pad(dayOfYear(p), count);
    case "E": {
      const name = WEEKDAYS[p.weekday] ?? "";
      return count >= 4 ? name : name.slice(0, 3);
    }
    case "u":
      return pad(p.weekday === 0 ? 7 : p.weekday, count);
    case "a":
      return p.hour < 12 ? "AM" : "PM";
    case "H":
      return pad(p.hour, count);
    case "k":
      return pad(p.hour === 0 ? 24 : p.hour, count);
    case "K":
      return pad(p.hour % 12, count);
    case "h":
      return pad(p.hour % 12 === 0 ? 12 : p.hour % 12, count);
    case "m":
      return pad(p.minute, count);
    case "s":
      return pad(p.second, count);
    case "S":
      return pad(p.millisecond, count);
    case "z":
      return zoneName(date, zone, count >= 4 ? "long" : "short");
    case "Z":
      return offsetText(p.offsetMinutes, false);
    case "X":
      if (p.offsetMinutes === 0) return "Z";
      return offsetText(p.offsetMinutes, count >= 3, count === 1);
    default:
      throw new Error(`Illegal pattern character '${letter}'`);
  }
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const zone = resolveTimeZone(timeZone);
  const parts = zonedParts(date, zone);
  let out = "";
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      if (pattern.charAt(i + 1) === "'") {
        out += "'";
        i += 2;
        continue;
      }
      const end = pattern.indexOf("'", i + 1);
      if (end < 0) throw new Error("Unterminated quote");
      // '' inside quoted text is one quote.
      let text = pattern.slice(i + 1, end);
      let next = end + 1;
      while (pattern.charAt(next) === "'") {
        const close = pattern.indexOf("'", next + 1);
        if (close < 0) throw new Error("Unterminated quote");
        text += "'" + pattern.slice(next + 1, close);
        next = close + 1;
      }
      out += text;
      i = next;
      continue;
    }
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern.charAt(i + count) === ch) count++;
      out += field(ch, count, parts, date, zone);
      i += count;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
