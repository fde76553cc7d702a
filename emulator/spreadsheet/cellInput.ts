// What a cell stores when script code writes a value: Sheets reads strings "as if a person typed
// them" (APPS-SCRIPT-FACTS: "00123" → 123, "2026-03-02" → a date, "TRUE" → a boolean, "=…" and
// "+1 555 0100" → formulas). A plain-text format ("@") keeps text except "=…"; a leading
// apostrophe keeps text everywhere.
import { daysInMonth, instantAt } from "../time/zoned";

export type CellValue = string | number | boolean | Date;

/** The value Sheets shows for a formula the emulator does not evaluate. */
export const FORMULA_ERROR = "#ERROR!";
export const PLAIN_TEXT_FORMAT = "@";
export const MAX_CELL_CHARACTERS = 50_000;

export interface StoredCell {
  /** undefined = blank cell. */
  value: CellValue | undefined;
  formula?: string;
  /** The number format Sheets picks for typed dates, percentages, grouped numbers. */
  autoFormat?: string;
}

const NUMBER = /^([+-])?(\$)?(\d{1,3}(?:,\d{3})+|\d+)?(?:\.(\d+))?(?:[eE]([+-]?\d+))?(%)?$/;
const ISO_DATE = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:\s+(.+))?$/;
const US_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4}|\d{2})(?:\s+(.+))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?$/;

function tooLong(): Error {
  return new Error(
    `Your input contains more than the maximum of ${MAX_CELL_CHARACTERS} characters in a single cell.`,
  );
}

/** Converts any value script code passes to setValue(s)/appendRow into what the cell stores. */
export function storedCellOf(
  input: unknown,
  numberFormat: string | undefined,
  timeZone: string,
): StoredCell {
  if (input === null || input === undefined) return { value: undefined };
  if (typeof input === "number" || typeof input === "boolean") return { value: input };
  if (input instanceof Date) return { value: new Date(input.getTime()) };
  const text = typeof input === "string" ? input : String(input);
  if (text.length > MAX_CELL_CHARACTERS) throw tooLong();
  if (text === "") return { value: undefined };
  if (numberFormat === PLAIN_TEXT_FORMAT) return plainTextCellOf(text);
  return typedCellOf(text, timeZone);
}

/**
 * A plain-text ("@") cell keeps numbers, dates and booleans as text, but (strict reading,
 * unverified) a string starting with "=" still becomes a formula: the reference documents no
 * exception to "a string beginning with = is a formula", so the format is no defence against
 * formula injection. A leading apostrophe is the escape everywhere: it keeps the rest as text and
 * is not stored.
 */
function plainTextCellOf(text: string): StoredCell {
  if (text.startsWith("'")) {
    const rest = text.slice(1);
    return { value: rest === "" ? undefined : rest };
  }
  if (text.startsWith("=")) return { value: FORMULA_ERROR, formula: text };
  return { value: text };
}

/** A formula written with setFormula(s). */
export function formulaCellOf(formula: string): StoredCell {
  if (formula.length > MAX_CELL_CHARACTERS) throw tooLong();
  if (formula === "") return { value: undefined };
  const normalized = formula.startsWith("=") ? formula : `=${formula}`;
  return { value: FORMULA_ERROR, formula: normalized };
}

function typedCellOf(text: string, timeZone: string): StoredCell {
  if (text.startsWith("'")) {
    const rest = text.slice(1);
    return { value: rest === "" ? undefined : rest };
  }
  if (text.startsWith("=")) return { value: FORMULA_ERROR, formula: text };
  const trimmed = text.replace(/^ +| +$/g, "");
  if (/^(true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === "true" };
  const number = numberOf(trimmed);
  if (number) return number;
  const date = dateOf(trimmed, timeZone);
  if (date) return date;
  // "+1 555 0100", "- call back": the parser takes a leading sign as the start of a formula.
  if (text.startsWith("+") || text.startsWith("-")) {
    return { value: FORMULA_ERROR, formula: `=${text}` };
  }
  return { value: text };
}

function numberOf(text: string): StoredCell | null {
  const m = NUMBER.exec(text);
  if (!m) return null;
  const [, sign, currency, integer, fraction, exponent, percent] = m;
  if (integer === undefined && fraction === undefined) return null;
  let value = Number(`${(integer ?? "0").replace(/,/g, "")}.${fraction ?? "0"}e${exponent ?? "0"}`);
  if (sign === "-") value = -value;
  if (percent) value = value / 100;
  const decimals = fraction ? `.${"0".repeat(fraction.length)}` : "";
  let autoFormat: string | undefined;
  if (percent) autoFormat = `0${decimals}%`;
  else if (currency) autoFormat = "$#,##0.00";
  else if (integer?.includes(",")) autoFormat = `#,##0${decimals}`;
  return autoFormat ? { value, autoFormat } : { value };
}

interface Clock {
  hours: number;
  minutes: number;
  seconds: number;
}

function timeOf(text: string | undefined): Clock | null | undefined {
  if (text === undefined) return undefined;
  const m = TIME.exec(text);
  if (!m) return null;
  let hours = Number(m[1]);
  const minutes = Number(m[2]);
  const seconds = m[3] ? Number(m[3]) : 0;
  if (minutes > 59 || seconds > 59) return null;
  if (m[4]) {
    if (hours < 1 || hours > 12) return null;
    hours = (hours % 12) + (m[4].toLowerCase() === "p" ? 12 : 0);
  } else if (hours > 23) return null;
  return { hours, minutes, seconds };
}

function dateOf(text: string, timeZone: string): StoredCell | null {
  let year: number, month: number, day: number, timeText: string | undefined, iso: boolean;
  const isoMatch = ISO_DATE.exec(text);
  const usMatch = isoMatch ? null : US_DATE.exec(text);
  if (isoMatch) {
    [year, month, day] = [Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3])];
    timeText = isoMatch[4];
    iso = true;
  } else if (usMatch) {
    [month, day, year] = [Number(usMatch[1]), Number(usMatch[2]), Number(usMatch[3])];
    // Two-digit years: 00-29 are 2000s, 30-99 are 1900s (Sheets' pivot).
    if (usMatch[3]?.length === 2) year += year < 30 ? 2000 : 1900;
    timeText = usMatch[4];
    iso = false;
  } else return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  const time = timeOf(timeText);
  if (time === null) return null;
  const value = new Date(
    instantAt(timeZone, year, month, day, time?.hours, time?.minutes, time?.seconds),
  );
  const datePattern = iso ? "yyyy-mm-dd" : "M/d/yyyy";
  const autoFormat = time ? `${datePattern} H:mm:ss` : datePattern;
  return { value, autoFormat };
}
