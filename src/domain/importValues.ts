// Numbers and dates as other people's files write them (issue 12, DESIGN §1 Deal Value and dates):
// read in the spreadsheet's locale unless the values themselves prove another convention, and an
// ambiguous value ("12,500", "03/04/2026") is named, never silently read one way. Pure and locale-
// driven so that it can become the one reader of locale numbers and dates for every tab.
import { localDateTime } from "./dates";
import type { When } from "./types";

// ---------------------------------------------------------------------------------------------
// Numbers

/** How a file writes 1234.56: the four conventions spreadsheets use. */
export const NUMBER_STYLES = ["1,234.56", "1.234,56", "1 234,56", "1'234.56"] as const;
export type NumberStyle = (typeof NUMBER_STYLES)[number];

interface Separators {
  readonly decimal: "." | ",";
  /** Characters accepted between groups of three digits. */
  readonly groups: readonly string[];
}

const SEPARATORS: Readonly<Record<NumberStyle, Separators>> = {
  "1,234.56": { decimal: ".", groups: [","] },
  "1.234,56": { decimal: ",", groups: ["."] },
  "1 234,56": { decimal: ",", groups: [" ", "\u00a0", "\u202f"] },
  "1'234.56": { decimal: ".", groups: ["'", "’"] },
};

// Sheets locales ("de_DE", "fr_CA", "pt_BR"): the whole locale first, then its language.
const STYLE_BY_LOCALE: Readonly<Record<string, NumberStyle>> = {
  de_CH: "1'234.56",
  it_CH: "1'234.56",
  fr_CH: "1 234,56",
  de_LI: "1'234.56",
  pt_PT: "1 234,56",
  es_MX: "1,234.56",
  es_US: "1,234.56",
  de: "1.234,56",
  es: "1.234,56",
  it: "1.234,56",
  nl: "1.234,56",
  pt: "1.234,56",
  id: "1.234,56",
  tr: "1.234,56",
  da: "1.234,56",
  el: "1.234,56",
  ro: "1.234,56",
  hr: "1.234,56",
  sl: "1.234,56",
  vi: "1.234,56",
  fr: "1 234,56",
  ru: "1 234,56",
  pl: "1 234,56",
  cs: "1 234,56",
  sk: "1 234,56",
  sv: "1 234,56",
  fi: "1 234,56",
  nb: "1 234,56",
  no: "1 234,56",
  uk: "1 234,56",
  hu: "1 234,56",
  bg: "1 234,56",
  lt: "1 234,56",
  lv: "1 234,56",
  et: "1 234,56",
};

function localeKeys(locale: string): string[] {
  const normalized = locale.trim().replace("-", "_");
  const language = normalized.split("_")[0]?.toLowerCase() ?? "";
  return [normalized, language];
}

/** The number style of a Sheets locale ("en_US" → "1,234.56", "de_DE" → "1.234,56"). */
export function numberStyleOfLocale(locale: string): NumberStyle {
  for (const key of localeKeys(locale)) {
    const style = STYLE_BY_LOCALE[key];
    if (style) return style;
  }
  return "1,234.56";
}

const CURRENCY =
  /^(?:[$€£¥₹₽₩¢]|eur|usd|gbp|chf|sek|nok|dkk|pln|czk|kr\.?|fr\.?|r\$)\s*|\s*(?:[$€£¥₹₽₩¢]|eur|usd|gbp|chf|sek|nok|dkk|pln|czk|kr\.?|fr\.?)$/i;

/** Text without its currency sign or code and surrounding spaces, and its sign. */
function stripNumberDecoration(text: string): { body: string; negative: boolean } | null {
  let body = text.trim();
  let negative = false;
  const accounting = /^\((.*)\)$/.exec(body);
  if (accounting) {
    negative = true;
    body = accounting[1]!.trim();
  }
  for (let i = 0; i < 2; i++) body = body.replace(CURRENCY, "").trim();
  if (/^[-−]/.test(body)) {
    negative = !negative;
    body = body.slice(1).trim();
  } else if (/^\+/.test(body)) {
    body = body.slice(1).trim();
  } else if (/[-−]$/.test(body)) {
    negative = !negative;
    body = body.slice(0, -1).trim();
  }
  for (let i = 0; i < 2; i++) body = body.replace(CURRENCY, "").trim();
  return body === "" ? null : { body, negative };
}

/** Reads `text` in `style`; undefined when it is not a number written that way. */
export function parseNumberInStyle(text: string, style: NumberStyle): number | undefined {
  const stripped = stripNumberDecoration(text);
  if (!stripped) return undefined;
  const { decimal, groups } = SEPARATORS[style];
  const [whole = "", fraction, extra] = stripped.body.split(decimal);
  if (extra !== undefined) return undefined;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return undefined;
  let digits: string;
  if (/^\d*$/.test(whole)) {
    digits = whole;
  } else {
    const group = groups.find((g) => whole.includes(g));
    if (!group) return undefined;
    const parts = whole.split(group);
    const grouped = /^\d{1,3}$/.test(parts[0]!) && parts.slice(1).every((p) => /^\d{3}$/.test(p));
    if (!grouped) return undefined;
    digits = parts.join("");
  }
  if (digits === "" && fraction === undefined) return undefined;
  const value = Number(`${digits || "0"}.${fraction ?? "0"}`);
  if (!Number.isFinite(value)) return undefined;
  return stripped.negative ? -value : value;
}

/** What one value says about its file's convention. */
type NumberEvidence = "comma-decimal" | "dot-decimal" | "ambiguous" | "none";

function numberEvidence(text: string): NumberEvidence {
  const body = stripNumberDecoration(text)?.body ?? "";
  const lastComma = body.lastIndexOf(",");
  const lastDot = body.lastIndexOf(".");
  if (lastComma >= 0 && lastDot >= 0) return lastComma > lastDot ? "comma-decimal" : "dot-decimal";
  const separator = lastComma >= 0 ? "," : lastDot >= 0 ? "." : null;
  if (!separator) return /\d[ \u00a0\u202f]\d{3}\b/.test(body) ? "comma-decimal" : "none";
  const count = body.split(separator).length - 1;
  // "1,234,567": the separator groups; "12,5" or "1,50": it is the decimal point.
  const groupingWord = separator === "," ? "dot-decimal" : "comma-decimal";
  const decimalWord = separator === "," ? "comma-decimal" : "dot-decimal";
  if (count > 1) return groupingWord;
  const after = body.slice(body.lastIndexOf(separator) + 1);
  if (after.length !== 3) return decimalWord;
  // "12,500": thousands in one convention, twelve and a half in the other.
  return "ambiguous";
}

function usesCommaDecimal(style: NumberStyle): boolean {
  return SEPARATORS[style].decimal === ",";
}

export interface NumberStyleChoice {
  /** The style to read with. */
  readonly style: NumberStyle;
  /** Where it came from: the values themselves, or the spreadsheet's locale (no value decides). */
  readonly basis: "values" | "locale";
  /** Values that read differently in the other convention, when the values did not decide. */
  readonly ambiguous: readonly string[];
}

/**
 * The style a column of numbers is written in: the locale's, unless values that can only be read
 * one way ("1.200,50", "12,5", "1,234,567") say otherwise. When no value decides, the values that
 * the other convention would read differently ("12,500") are returned, to be named.
 */
export function inferNumberStyle(values: Iterable<string>, locale: string): NumberStyleChoice {
  const localeStyle = numberStyleOfLocale(locale);
  let comma = 0;
  let dot = 0;
  let spaces = false;
  const ambiguous: string[] = [];
  for (const value of values) {
    const evidence = numberEvidence(value);
    if (evidence === "comma-decimal") comma++;
    if (evidence === "dot-decimal") dot++;
    if (evidence === "ambiguous") ambiguous.push(value);
    if (/\d[ \u00a0\u202f]\d{3}\b/.test(value)) spaces = true;
  }
  if (comma === dot) return { style: localeStyle, basis: "locale", ambiguous };
  const commaDecimal = comma > dot;
  if (usesCommaDecimal(localeStyle) === commaDecimal) {
    return { style: localeStyle, basis: "values", ambiguous: [] };
  }
  const style: NumberStyle = commaDecimal ? (spaces ? "1 234,56" : "1.234,56") : "1,234.56";
  return { style, basis: "values", ambiguous: [] };
}

// ---------------------------------------------------------------------------------------------
// Dates

/** The order of day, month and year in a date like 03/04/2026. */
export const DATE_ORDERS = ["DMY", "MDY", "YMD"] as const;
export type DateOrder = (typeof DATE_ORDERS)[number];

const MONTH_FIRST = new Set(["en_US", "en_PH", "en_CA", "es_US", "en_BZ", "en_FM", "en_MH"]);
const YEAR_FIRST_LANGUAGES = new Set(["zh", "ja", "ko", "hu", "lt", "mn", "eu"]);

/** The order in which a Sheets locale writes dates ("en_US" → MDY, "de_DE" → DMY, "ja_JP" → YMD). */
export function dateOrderOfLocale(locale: string): DateOrder {
  const [whole = "", language = ""] = localeKeys(locale);
  if (MONTH_FIRST.has(whole) || whole === "en") return "MDY";
  if (YEAR_FIRST_LANGUAGES.has(language)) return "YMD";
  return "DMY";
}

const TIME = String.raw`(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?\s*([ap]\.?m\.?)?)?`;
/** 2026-03-02, 2026/3/2, 2026.03.02 (with an optional time). */
const YEAR_FIRST = new RegExp(String.raw`^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})${TIME}$`, "i");
/** 02.03.2026, 3/2/2026, 02-03-26 (with an optional time). */
const YEAR_LAST = new RegExp(String.raw`^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})${TIME}$`, "i");
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

interface DateParts {
  readonly first: number;
  readonly second: number;
  readonly year: number;
  readonly separator: string;
  readonly time: readonly [number, number, number] | null;
}

function timeOf(
  hours: string | undefined,
  minutes: string | undefined,
  seconds: string | undefined,
  meridiem: string | undefined,
): [number, number, number] | null | undefined {
  if (hours === undefined) return null;
  let h = Number(hours);
  if (meridiem) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (meridiem.toLowerCase().startsWith("p") ? 12 : 0);
  }
  const m = Number(minutes);
  const s = Number(seconds ?? 0);
  if (h > 23 || m > 59 || s > 59) return undefined;
  return [h, m, s];
}

function yearLastParts(text: string): DateParts | undefined {
  const match = YEAR_LAST.exec(text);
  if (!match) return undefined;
  const [, first, separator, second, year, h, mi, s, meridiem] = match;
  const time = timeOf(h, mi, s, meridiem);
  if (time === undefined) return undefined;
  const fullYear = year!.length === 2 ? 2000 + Number(year) : Number(year);
  return {
    first: Number(first),
    second: Number(second),
    year: fullYear,
    separator: separator!,
    time,
  };
}

/** What one date says about its file's order of day and month. */
function dateEvidence(text: string): "DMY" | "MDY" | "ambiguous" | "none" {
  const parts = yearLastParts(text.trim());
  if (!parts) return "none";
  // Day-month-year with dots is the only way dates are written with dots and the year last.
  if (parts.separator === ".") return "DMY";
  if (parts.first > 12 && parts.second <= 12) return "DMY";
  if (parts.second > 12 && parts.first <= 12) return "MDY";
  return parts.first === parts.second ? "none" : "ambiguous";
}

export interface DateOrderChoice {
  readonly order: DateOrder;
  readonly basis: "values" | "locale";
  /** Values that read as another date in the other order, when the values did not decide. */
  readonly ambiguous: readonly string[];
}

/** Like inferNumberStyle, for the day/month order of dates written with the year last. */
export function inferDateOrder(values: Iterable<string>, locale: string): DateOrderChoice {
  const localeOrder = dateOrderOfLocale(locale);
  let dayFirst = 0;
  let monthFirst = 0;
  const ambiguous: string[] = [];
  for (const value of values) {
    const evidence = dateEvidence(value);
    if (evidence === "DMY") dayFirst++;
    if (evidence === "MDY") monthFirst++;
    if (evidence === "ambiguous") ambiguous.push(value);
  }
  if (dayFirst === monthFirst) return { order: localeOrder, basis: "locale", ambiguous };
  return { order: dayFirst > monthFirst ? "DMY" : "MDY", basis: "values", ambiguous: [] };
}

function isRealDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function when(
  zone: string,
  year: number,
  month: number,
  day: number,
  time: readonly [number, number, number] | null,
): When | undefined {
  if (!isRealDate(year, month, day)) return undefined;
  if (!time) return { at: localDateTime(zone, year, month, day), hasTime: false };
  return { at: localDateTime(zone, year, month, day, ...time), hasTime: true };
}

/**
 * Reads a date as files write it: ISO (2026-03-02, 2026-03-02 14:30, an instant with Z or an
 * offset), or day, month and year in `order` (02.03.2026, 3/2/2026 2:30 PM; a two-digit year is
 * 20yy). Local dates are in `zone`. Undefined when the text is not such a date.
 */
export function parseDateInOrder(text: string, order: DateOrder, zone: string): When | undefined {
  const trimmed = text.trim();
  if (ISO_INSTANT.test(trimmed)) {
    const at = new Date(trimmed);
    return Number.isNaN(at.getTime()) ? undefined : { at, hasTime: true };
  }
  const yearFirst = YEAR_FIRST.exec(trimmed);
  if (yearFirst) {
    const [, year, month, day, h, mi, s, meridiem] = yearFirst;
    const time = timeOf(h, mi, s, meridiem);
    if (time === undefined) return undefined;
    return when(zone, Number(year), Number(month), Number(day), time);
  }
  const parts = yearLastParts(trimmed);
  if (!parts) return undefined;
  // Dots are day-first whatever the order (see dateEvidence); YMD files write the year first.
  const monthFirst = order === "MDY" && parts.separator !== ".";
  const [month, day] = monthFirst ? [parts.first, parts.second] : [parts.second, parts.first];
  return when(zone, parts.year, month, day, parts.time);
}

/** How the dialog and the report name a style or an order. */
export function describeDateOrder(order: DateOrder): string {
  switch (order) {
    case "DMY":
      return "day first (31/12/2026, 31.12.2026)";
    case "MDY":
      return "month first (12/31/2026)";
    case "YMD":
      return "year first (2026-12-31)";
  }
}
