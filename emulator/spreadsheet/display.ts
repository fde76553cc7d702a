// getDisplayValue(s): the text Sheets shows for a cell, from its value and number format, with
// dates shown in the spreadsheet's time zone.
import { MONTHS, WEEKDAYS } from "../time/calendarNames";
import { type CellValue, PLAIN_TEXT_FORMAT } from "./cellInput";
import { type ZonedParts, partsOfSerial, zonedParts } from "../time/zoned";

/** What getNumberFormat returns for a cell nobody formatted ("Automatic"). */
export const DEFAULT_NUMBER_FORMAT = "0.###############";
const DEFAULT_DATE = "M/d/yyyy";
const DEFAULT_DATE_TIME = "M/d/yyyy H:mm:ss";

export function displayOf(
  value: CellValue | undefined,
  numberFormat: string | undefined,
  timeZone: string,
): string {
  if (value === undefined) return "";
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "string") return value;
  const format = numberFormat && numberFormat !== PLAIN_TEXT_FORMAT ? numberFormat : undefined;
  if (value instanceof Date) {
    const clock = zonedParts(value, timeZone);
    if (format && isDateFormat(format)) return formatDate(clock, format);
    const midnight = clock.hour === 0 && clock.minute === 0 && clock.second === 0;
    return formatDate(clock, midnight ? DEFAULT_DATE : DEFAULT_DATE_TIME);
  }
  if (format && isDateFormat(format)) return formatDate(partsOfSerial(value), format);
  if (format && format !== DEFAULT_NUMBER_FORMAT) return formatNumber(value, format);
  return formatGeneral(value);
}

/** Sheets' "Automatic" number display: up to 10 significant digits, no trailing zeros. */
export function formatGeneral(value: number): string {
  if (!Number.isFinite(value)) return "#NUM!";
  if (Number.isInteger(value) && Math.abs(value) < 1e15) return String(value);
  return String(Number(value.toPrecision(10)));
}

function withoutLiterals(format: string): string {
  return format
    .replace(/"[^"]*"/g, "")
    .replace(/\\./g, "")
    .replace(/\[[^\]]*\]/g, "");
}

export function isDateFormat(format: string): boolean {
  const bare = withoutLiterals(format);
  return /[ydhs]/i.test(bare) || (/m/i.test(bare) && !/[0#]/.test(bare));
}

function formatNumber(value: number, format: string): string {
  const section = format.split(";")[0] ?? format;
  const bare = withoutLiterals(section);
  const percent = bare.includes("%");
  const grouping = /[0#],[0#]/.test(bare);
  const decimalsPart = /\.([0#]+)/.exec(bare)?.[1] ?? "";
  const minDecimals = (decimalsPart.match(/0/g) ?? []).length;
  const maxDecimals = decimalsPart.length;
  const scaled = Math.abs(percent ? value * 100 : value);
  let digits = scaled.toFixed(maxDecimals);
  if (maxDecimals > minDecimals) {
    digits = digits
      .replace(new RegExp(`0{0,${maxDecimals - minDecimals}}$`), "")
      .replace(/\.$/, "");
  }
  if (grouping) {
    const [whole = "", fraction] = digits.split(".");
    digits =
      whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + (fraction !== undefined ? `.${fraction}` : "");
  }
  const currency = /\[\$([^\]-]*)/.exec(section)?.[1] ?? (section.includes("$") ? "$" : "");
  const sign = value < 0 && Number(digits.replace(/,/g, "")) !== 0 ? "-" : "";
  return `${sign}${currency}${digits}${percent ? "%" : ""}`;
}

interface Token {
  kind: "literal" | "year" | "month" | "minute" | "day" | "hour" | "second" | "ampm";
  text: string;
}

function tokenize(format: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < format.length) {
    const ch = format[i] ?? "";
    if (ch === '"') {
      const end = format.indexOf('"', i + 1);
      const stop = end < 0 ? format.length : end;
      tokens.push({ kind: "literal", text: format.slice(i + 1, stop) });
      i = stop + 1;
      continue;
    }
    if (ch === "\\") {
      tokens.push({ kind: "literal", text: format[i + 1] ?? "" });
      i += 2;
      continue;
    }
    const rest = format.slice(i);
    const ampm = /^(am\/pm|a\/p)/i.exec(rest);
    if (ampm) {
      tokens.push({ kind: "ampm", text: ampm[0] });
      i += ampm[0].length;
      continue;
    }
    const lower = ch.toLowerCase();
    if ("ymdhs".includes(lower)) {
      let j = i;
      while (j < format.length && (format[j] ?? "").toLowerCase() === lower) j++;
      const text = format.slice(i, j);
      const kind = ({ y: "year", m: "month", d: "day", h: "hour", s: "second" } as const)[
        lower as "y" | "m" | "d" | "h" | "s"
      ];
      tokens.push({ kind, text });
      i = j;
      continue;
    }
    tokens.push({ kind: "literal", text: ch });
    i++;
  }
  // "m" after an hour or before a second means minutes.
  tokens.forEach((token, index) => {
    if (token.kind !== "month" || token.text.length > 2) return;
    const before = tokens
      .slice(0, index)
      .reverse()
      .find((t) => t.kind !== "literal");
    const after = tokens.slice(index + 1).find((t) => t.kind !== "literal");
    if (before?.kind === "hour" || after?.kind === "second") token.kind = "minute";
  });
  return tokens;
}

const pad = (n: number, width: number): string => String(n).padStart(width, "0");

export function formatDate(clock: ZonedParts, format: string): string {
  const tokens = tokenize(format);
  const twelveHour = tokens.some((t) => t.kind === "ampm");
  return tokens
    .map((token) => {
      const n = token.text.length;
      switch (token.kind) {
        case "literal":
          return token.text;
        case "year":
          return n <= 2 ? pad(clock.year % 100, 2) : String(clock.year);
        case "month":
          if (n >= 4) return MONTHS[clock.month - 1] ?? "";
          if (n === 3) return (MONTHS[clock.month - 1] ?? "").slice(0, 3);
          return pad(clock.month, n);
        case "minute":
          return pad(clock.minute, n);
        case "day":
          if (n >= 4) return WEEKDAYS[clock.weekday] ?? "";
          if (n === 3) return (WEEKDAYS[clock.weekday] ?? "").slice(0, 3);
          return pad(clock.day, n);
        case "hour": {
          const hours = twelveHour ? clock.hour % 12 || 12 : clock.hour;
          return pad(hours, n);
        }
        case "second":
          return pad(clock.second, n);
        case "ampm": {
          const pm = clock.hour >= 12;
          const upper = token.text[0] === token.text[0]?.toUpperCase();
          const word = token.text.length === 3 ? (pm ? "p" : "a") : pm ? "pm" : "am";
          return upper ? word.toUpperCase() : word;
        }
      }
      return "";
    })
    .join("");
}
