// The one home for reading and writing cell values (DESIGN §1): loose input is cleaned here,
// before any rule sees it — text, blanks, checkboxes, numbers, emails and the words people type.
// Writing: Apps Script reads a written string as if a person typed it (APPS-SCRIPT-FACTS "E"
// behaviours): "=…" becomes a formula, "00123" a number, "2026-03-02" a date, "TRUE" a boolean.
// A leading apostrophe keeps the string as text and is not shown in the cell.
import type { ColumnKind } from "./schema";
import { NUMBER_FORMAT } from "./numberFormats";
import { DEFAULT_LOCALE, groupsByLakh, numberSeparators } from "./locales";

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

const CHECKED_WORDS: ReadonlySet<string> = new Set([
  "true",
  "yes",
  "y",
  "x",
  "1",
  "✓",
  "✔",
  "checked",
  "on",
]);
/** The words that clearly mean "not checked"; a blank cell is unchecked too. */
const UNCHECKED_WORDS: ReadonlySet<string> = new Set([
  "false",
  "no",
  "n",
  "0",
  "off",
  "unchecked",
  "not checked",
  "✗",
  "✘",
]);

type CheckboxWord = "checked" | "unchecked" | "unclear";

function checkboxWord(cell: Cell): CheckboxWord {
  if (typeof cell === "boolean") return cell ? "checked" : "unchecked";
  if (isBlankCell(cell)) return "unchecked";
  if (typeof cell === "number")
    return cell === 1 ? "checked" : cell === 0 ? "unchecked" : "unclear";
  if (typeof cell !== "string") return "unclear";
  const word = normalizeKey(cell);
  if (word === "" || UNCHECKED_WORDS.has(word)) return "unchecked";
  return CHECKED_WORDS.has(word) ? "checked" : "unclear";
}

/** Checkbox cells: true, "TRUE", "yes", "x", "on" (any case) count as checked. */
export function isChecked(cell: Cell): boolean {
  return checkboxWord(cell) === "checked";
}

/** A checkbox as read, and whether its cell held something that is neither clearly yes nor no. */
export interface CheckboxReading {
  readonly checked: boolean;
  readonly unclear: boolean;
}

/**
 * A checkbox that protects people (Opted Out, Paused): anything not blank and not clearly "no"
 * counts as checked — "unsubscribed", "STOP", "2" — so a typo never lets an email through.
 */
export function readSafetyCheckbox(cell: Cell): CheckboxReading {
  const word = checkboxWord(cell);
  return { checked: word !== "unchecked", unclear: word === "unclear" };
}

/**
 * A checkbox that permits something (Auto Email): only a clear "yes" counts as checked, so an
 * unclear value never turns automated email on.
 */
export function readPermissionCheckbox(cell: Cell): CheckboxReading {
  const word = checkboxWord(cell);
  return { checked: word === "checked", unclear: word === "unclear" };
}

/** How a number cell reads in the spreadsheet's locale. */
export type NumberReading =
  | { readonly kind: "blank" }
  | { readonly kind: "number"; readonly value: number }
  /** A number under the other decimal mark only ("1,200.50" in de_DE, "1,5" in en_US). */
  | { readonly kind: "ambiguous" }
  | { readonly kind: "invalid" };

const CURRENCY = String.raw`R\$|US\$|[$€£¥₹]|CHF|EUR|USD|GBP|SEK|NOK|DKK|PLN|kr\.?|zł`;
const CURRENCY_PREFIX = new RegExp(String.raw`^(?:${CURRENCY})\s*`, "i");
const CURRENCY_SUFFIX = new RegExp(String.raw`\s*(?:${CURRENCY})$`, "i");
/** Digits with decimal and grouping marks (point, comma, spaces, apostrophes) only. */
const NUMBER_BODY = /^[\d.,'’\s]*\d[\d.,'’\s]*$/;
/** Marks that only ever group digits (a space, a no-break space, an apostrophe). */
const GROUPING_ONLY = /^[\s'’]$/;

/**
 * Numbers as people type them, read with the spreadsheet's decimal mark (see locales.ts): in
 * en_US "1,200" is 1200 and "1,200.50" 1200.5; in de_DE "1.200" is 1200, "1,5" 1.5 and
 * "1.200,50" 1200.5. A text that is a number only under the other mark ("1,200.50" in de_DE,
 * "1,5" in en_US) is ambiguous, never guessed. Currency symbols and a sign or accounting
 * parentheses are allowed. A number cell is already a number (Sheets read it with the locale).
 */
export function readNumberCell(cell: Cell, locale: string = DEFAULT_LOCALE): NumberReading {
  if (typeof cell === "number") {
    return Number.isFinite(cell) ? { kind: "number", value: cell } : { kind: "invalid" };
  }
  const raw = cellText(cell);
  if (raw === "") return { kind: "blank" };
  if (typeof cell !== "string") return { kind: "invalid" };
  let text = raw;
  let negative = false;
  const parenthesised = /^\((.*)\)$/.exec(text);
  if (parenthesised) {
    negative = true;
    text = parenthesised[1]!.trim();
  }
  text = text.replace(CURRENCY_PREFIX, "");
  const sign = /^[-+−]/.exec(text);
  if (sign) {
    negative = negative !== (sign[0] !== "+");
    text = text.slice(1).trim();
  }
  text = text.replace(CURRENCY_PREFIX, "").replace(CURRENCY_SUFFIX, "").trim();
  if (!NUMBER_BODY.test(text)) return { kind: "invalid" };
  const { decimal } = numberSeparators(locale);
  const value = readUnderMark(text, decimal, groupsByLakh(locale));
  if (value !== undefined) return { kind: "number", value: negative ? -value : value };
  const other = decimal === "." ? "," : ".";
  return readUnderMark(text, other, false) === undefined
    ? { kind: "invalid" }
    : { kind: "ambiguous" };
}

/** Numbers as people type them; undefined when not a number (or ambiguous), null when blank. */
export function parseNumberCell(
  cell: Cell,
  locale: string = DEFAULT_LOCALE,
): number | null | undefined {
  const reading = readNumberCell(cell, locale);
  if (reading.kind === "blank") return null;
  return reading.kind === "number" ? reading.value : undefined;
}

/** `text` read strictly with `decimal` as the decimal mark: one mark at most, valid grouping. */
function readUnderMark(text: string, decimal: "." | ",", lakh: boolean): number | undefined {
  const parts = text.split(decimal);
  if (parts.length > 2) return undefined;
  const [integerPart = "", fraction] = parts;
  if (fraction !== undefined && !/^\d+$/.test(fraction)) return undefined;
  const digits = groupedDigits(integerPart.trim(), lakh);
  if (digits === undefined || (digits === "" && fraction === undefined)) return undefined;
  return Number(`${digits || "0"}${fraction === undefined ? "" : `.${fraction}`}`);
}

/**
 * The digits of an integer part written with one grouping mark ("1.200", "1 200 000",
 * "1'200", India's "1,00,000"), or undefined when the groups are not thousands.
 */
function groupedDigits(text: string, lakh: boolean): string | undefined {
  if (/^\d*$/.test(text)) return text;
  const marks = new Set(text.replace(/\d/g, ""));
  if (marks.size !== 1) return undefined;
  const [mark] = [...marks] as [string];
  if (mark !== "." && mark !== "," && !GROUPING_ONLY.test(mark)) return undefined;
  const [first = "", ...rest] = text.split(mark);
  if (rest.length === 0 || !/^\d{1,3}$/.test(first)) return undefined;
  const last = rest[rest.length - 1]!;
  const middle = rest.slice(0, -1);
  // India: 1,00,00,000 (groups of two before the last three).
  const middlePattern = lakh && middle.some((g) => g.length === 2) ? /^\d{2}$/ : /^\d{3}$/;
  const valid = /^\d{3}$/.test(last) && middle.every((g) => middlePattern.test(g));
  return valid ? [first, ...rest].join("") : undefined;
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

/** What a value written with toCellValue reads back as: the apostrophe marks text, unstored. */
export function storedValue(cell: Cell): Cell {
  return typeof cell === "string" && cell.startsWith("'") ? cell.slice(1) : cell;
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
