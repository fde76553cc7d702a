// The one home for reading and writing cell values (DESIGN §1): loose input is cleaned here,
// before any rule sees it — text, blanks, checkboxes, numbers, emails and the words people type.
// Writing: Apps Script reads a written string as if a person typed it (APPS-SCRIPT-FACTS "E"
// behaviours): "=…" becomes a formula, "00123" a number, "2026-03-02" a date, "TRUE" a boolean.
// A leading apostrophe keeps the string as text and is not shown in the cell.
import type { ColumnKind } from "./schema";
import { NUMBER_FORMAT } from "./numberFormats";

/** What a cell holds, as getValues returns it. */
export type Cell = string | number | boolean | Date;

// ---------------------------------------------------------------------------------------------
// Reading

export function isBlankCell(value: unknown): value is "" | null | undefined {
  return value === "" || value === null || value === undefined;
}

/** A cell as trimmed text: numbers as written, Dates as ISO instants, booleans as TRUE/FALSE. */
export function cellText(cell: unknown): string {
  if (typeof cell === "string") return cell.trim(); // most of a sheet's cells: checked first
  if (cell === null || cell === undefined) return "";
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? "" : cell.toISOString();
  if (typeof cell === "boolean") return cell ? "TRUE" : "FALSE";
  return String(cell).trim();
}

// Words are looked up for every cell, so the handful of distinct strings is normalized once;
// the cache is bounded because cell values (stages, tiers) pass here too.
const normalizedCache = new Map<string, string>();
const NORMALIZED_CACHE_LIMIT = 10_000;

/**
 * The matching key of any word people type — a header, a stage, a setting name: case, surrounding
 * spaces and repeated spaces ignored (DESIGN §1).
 */
export function normalizeKey(word: unknown): string {
  const text = typeof word === "string" ? word : String(word ?? "");
  let normalized = normalizedCache.get(text);
  if (normalized === undefined) {
    normalized = text.trim().replace(/\s+/g, " ").toLowerCase();
    if (normalizedCache.size >= NORMALIZED_CACHE_LIMIT) normalizedCache.clear();
    normalizedCache.set(text, normalized);
  }
  return normalized;
}

/** Finds a word in a list the way users type it: any case, extra spaces. Returns the canonical word. */
export function matchWord<T extends string>(value: unknown, words: readonly T[]): T | undefined {
  const key = normalizeKey(value);
  return words.find((w) => normalizeKey(w) === key);
}

const CHECKED_WORDS = new Set(["true", "yes", "y", "x", "1", "✓", "✔"]);

/** Checkbox cells: true, "TRUE", "yes", "x" (any case) count as checked. */
export function isChecked(cell: Cell): boolean {
  if (cell === true) return true;
  if (typeof cell === "number") return cell === 1;
  if (typeof cell === "string") return CHECKED_WORDS.has(cell.trim().toLowerCase());
  return false;
}

/** Numbers as people type them: "1,200", "$1200.50", "€ 900" are fine; "abc" is not (undefined). */
export function parseNumberCell(cell: Cell): number | null | undefined {
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : undefined;
  const raw = cellText(cell);
  if (raw === "") return null;
  if (typeof cell !== "string") return undefined;
  const cleaned = raw.replace(/[\s,$€£¥]/g, "");
  if (!/^[-+]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return undefined;
  return Number(cleaned);
}

export const EMAIL_PATTERN = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]{2,}$/;

export function isEmail(value: string): boolean {
  return EMAIL_PATTERN.test(value);
}

// ---------------------------------------------------------------------------------------------
// Writing

/** First characters that make a spreadsheet treat a string as a formula (OWASP CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

const MONTH = "(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
/** Strings a spreadsheet would turn into something other than text when typed. */
const COERCIBLE: readonly RegExp[] = [
  // numbers: 00123, 1,234, 12.5, .5, 1e5, 50%, $12
  /^[$€£¥]?\s*\d[\d,]*(\.\d*)?(e[+-]?\d+)?\s*%?$/i,
  /^[$€£¥]?\s*\.\d+(e[+-]?\d+)?\s*%?$/i,
  /^\(\s*[$€£¥]?\s*[\d,.]+\s*\)$/, // accounting negative: (12)
  /^(true|false)$/i,
  // dates: 2026-03-02, 3/2/2026, 3/8, 2.3.2026, optionally followed by a time
  /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?(\s+|t)?(\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*([ap]\.?m\.?)?)?z?$/i,
  // times: 9:30, 14:30:00, 9:30 pm, 9 am
  /^\d{1,2}(:\d{2}(:\d{2}(\.\d+)?)?)?\s*([ap]\.?m\.?)?$/i,
  // dates with month names: Mar 2, 2 March 2026, March 2026
  new RegExp(`^(\\d{1,2}\\s+)?${MONTH}(\\s+\\d{1,2})?(,?\\s+\\d{2,4})?$`, "i"),
];

const TEXT_LIKE: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["id", "text", "email", "enum"]);
const NUMERIC: ReadonlySet<ColumnKind> = new Set<ColumnKind>(["number", "money", "integer"]);

/** True when a person typing `text` into a cell would not get that text back. */
export function wouldBeMisread(text: string): boolean {
  if (FORMULA_START.test(text)) return true;
  const trimmed = text.trim();
  return trimmed !== "" && COERCIBLE.some((pattern) => pattern.test(trimmed));
}

/** The plain-text number format: such a cell stores strings verbatim (an apostrophe would show). */
export const PLAIN_TEXT_FORMAT = NUMBER_FORMAT.plainText;

/**
 * The value to hand to setValues for a cell of the given column kind. Strings that would become
 * a formula are always kept as text; in text-like columns so are strings that would become a
 * number, date or boolean. Numeric strings in numeric columns become numbers. Pass the cell's
 * number format when known: a plain-text cell ("@") keeps strings as typed, so it gets no apostrophe.
 */
export function toCellValue(value: unknown, kind: ColumnKind, numberFormat?: string): Cell {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "" : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : "";
  if (typeof value === "boolean") return value;
  const text = typeof value === "string" ? value : String(value);
  if (text === "") return "";
  if (NUMERIC.has(kind)) {
    const number = Number(text.trim());
    if (text.trim() !== "" && Number.isFinite(number)) return number;
  }
  if (kind === "checkbox") {
    const word = text.trim().toLowerCase();
    if (word === "true") return true;
    if (word === "false") return false;
  }
  // Before the plain-text check: a "=" string is a formula even in a plain-text cell
  // (APPS-SCRIPT-FACTS, strict reading), so the number format is no defence.
  if (FORMULA_START.test(text)) return `'${text}`;
  if (numberFormat === PLAIN_TEXT_FORMAT) return text;
  if (TEXT_LIKE.has(kind) && wouldBeMisread(text)) return `'${text}`;
  return text;
}

/** Sheets refuses a cell of more than 50,000 characters (the whole batch write fails). */
export const MAX_CELL_CHARACTERS = 50_000;

/**
 * Text Touchbase writes itself (a Problem quoting a user's very long value, a Runs note), cut to
 * `max` characters with an ellipsis so it can never make a batch write fail.
 */
export function fitInCell(text: string, max = MAX_CELL_CHARACTERS): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
