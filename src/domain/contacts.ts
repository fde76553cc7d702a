// Parses Contacts rows into Contact records. One bad cell never drops the row: the problem is
// recorded on the contact (naming the column) and the rest of the row is still used.
import { parseCellDate } from "./dates";
import {
  CONTACT,
  CONTACTS_SPEC,
  STAGES,
  TIER_ALIASES,
  TIERS,
  type Stage,
  type Tier,
} from "./schema";
import {
  columnOf,
  duplicateHeaderProblems,
  missingRequiredProblem,
  rowReader,
  rowRecord,
  sheetRowOf,
  type Table,
} from "./table";
import { userComputedColumnProblem, userComputedColumns } from "./computedColumns";
import { DEFAULT_LOCALE, numberSeparators } from "./locales";
import type { Contact, When } from "./types";
import {
  matchWord,
  normalizeKey,
  isBlankCell,
  type Cell,
  cellText,
  isEmail,
  readNumberCell,
  readPermissionCheckbox,
  readSafetyCheckbox,
  type CheckboxReading,
} from "./cells";

export interface ContactsResult {
  contacts: Contact[];
  /** Table-level problems (missing columns). Row problems live on each contact. */
  problems: string[];
  /**
   * Computed columns (spec headers) that hold a person's own values: the refresh must not write
   * them (named in `problems`).
   */
  userColumns: string[];
}

/** Same idea as matchWord for tiers, plus the A/B/C letter grades. */
export function matchTier(value: unknown): Tier | undefined {
  const alias =
    TIER_ALIASES[
      String(value ?? "")
        .trim()
        .toUpperCase()
    ];
  return alias ?? matchWord(value, TIERS);
}

/** Reads a date column; a bad value adds `Column "x" is not a date` and reads as blank. */
function readWhen(
  cell: Cell,
  column: string,
  zone: string,
  problems: string[],
  report = true,
): When | null {
  const parsed = parseCellDate(cell, zone);
  if (!parsed) return null;
  if ("ok" in parsed) return parsed.ok;
  if (report) problems.push(`${column} ${parsed.error}`);
  return null;
}

/** A checkbox reading, naming an unclear value: `Opted Out "STOP" read as checked`. */
function readCheckbox(
  read: (header: string) => Cell,
  column: string,
  reading: (cell: Cell) => CheckboxReading,
  problems: string[],
): boolean {
  const cell = read(column);
  const { checked, unclear } = reading(cell);
  if (unclear) {
    problems.push(`${column} "${cellText(cell)}" read as ${checked ? "checked" : "unchecked"}`);
  }
  return checked;
}

/** Deal Value in the spreadsheet's locale; an ambiguous or bad value is named and read as blank. */
function readDealValue(cell: Cell, locale: string, problems: string[]): number | null {
  const reading = readNumberCell(cell, locale);
  if (reading.kind === "number") return reading.value;
  const quoted = `${CONTACT.dealValue} "${cellText(cell)}"`;
  if (reading.kind === "ambiguous") {
    const { decimal } = numberSeparators(locale);
    problems.push(
      `${quoted} is ambiguous in this spreadsheet's locale (${locale}: decimal ` +
        `${decimal === "," ? "comma" : "point"}): type it like 1234${decimal}56`,
    );
  } else if (reading.kind === "invalid") {
    problems.push(`${quoted} is not a number`);
  }
  return null;
}

interface RowContext {
  readonly zone: string;
  readonly locale: string;
  /** Computed columns holding a person's values: read as blank (they are not Touchbase's state). */
  readonly ignored: ReadonlySet<string>;
}

function parseRow(
  table: Table,
  row: readonly Cell[],
  rowNumber: number,
  { zone, locale, ignored }: RowContext,
): Contact {
  const readCell = rowReader(table, row);
  const read = (header: string): Cell => (ignored.has(header) ? "" : readCell(header));
  const problems: string[] = [];

  const name = cellText(read(CONTACT.name));
  if (name === "") problems.push("Name is blank");

  const email = cellText(read(CONTACT.email)).toLowerCase();
  if (email !== "" && !isEmail(email)) problems.push("Email looks invalid");

  // A blank owner is reported by the engine, and only for contacts that still need follow-up.
  const ownerText = cellText(read(CONTACT.owner));
  const owner = ownerText.toLowerCase();
  if (owner !== "" && !isEmail(owner)) problems.push(`Owner "${ownerText}" is not an email`);

  const stageText = cellText(read(CONTACT.stage));
  let stage: Stage | null = null;
  if (stageText !== "") {
    stage = matchWord(stageText, STAGES) ?? null;
    if (!stage) problems.push(`Unknown stage "${stageText}"`);
  }

  const tierText = cellText(read(CONTACT.tier));
  let tier: Tier | null = null;
  if (tierText !== "") {
    tier = matchTier(tierText) ?? null;
    if (!tier) problems.push(`Unknown tier "${tierText}"`);
  }

  const dealValue = readDealValue(read(CONTACT.dealValue), locale, problems);
  const autoEmail = readCheckbox(read, CONTACT.autoEmail, readPermissionCheckbox, problems);
  const paused = readCheckbox(read, CONTACT.paused, readSafetyCheckbox, problems);
  const optedOut = readCheckbox(read, CONTACT.optedOut, readSafetyCheckbox, problems);

  const nextFollowUp = readWhen(read(CONTACT.nextFollowUp), CONTACT.nextFollowUp, zone, problems);
  const renewal = readWhen(read(CONTACT.renewalDate), CONTACT.renewalDate, zone, problems);
  const created = readWhen(read(CONTACT.created), CONTACT.created, zone, problems);
  // Cadence Start is Touchbase's own state: an unreadable value is simply recomputed.
  const cadenceStart = readWhen(read(CONTACT.cadenceStart), CONTACT.cadenceStart, zone, [], false);

  return {
    rowNumber,
    id: cellText(read(CONTACT.id)),
    name,
    email,
    company: cellText(read(CONTACT.company)),
    owner,
    stage,
    tier,
    cadenceName: cellText(read(CONTACT.cadence)),
    dealValue,
    topic: cellText(read(CONTACT.topic)),
    nextStep: cellText(read(CONTACT.nextStep)),
    nextFollowUp,
    renewalDate: renewal?.at ?? null,
    autoEmail,
    paused,
    optedOut,
    created: created?.at ?? null,
    previousCadenceStart: cadenceStart?.at ?? null,
    previousStep: cellText(read(CONTACT.step)),
    cells: rowRecord(table, row),
    problems,
  };
}

/** Flags every row whose ID (case-insensitive) another row also uses, naming that other row. */
function duplicateIdProblems(contacts: readonly Contact[]): Map<number, string> {
  const rowsById = new Map<string, number[]>();
  for (const c of contacts) {
    if (c.id === "") continue;
    const key = c.id.toLowerCase();
    rowsById.set(key, [...(rowsById.get(key) ?? []), c.rowNumber]);
  }
  const byRow = new Map<number, string>();
  for (const c of contacts) {
    const rows = rowsById.get(c.id.toLowerCase());
    if (c.id === "" || !rows || rows.length < 2) continue;
    const others = rows.filter((r) => r !== c.rowNumber);
    byRow.set(c.rowNumber, `Duplicate ID ${c.id} (also row ${others.join(", ")})`);
  }
  return byRow;
}

const COMPUTED_HEADERS = new Set(
  CONTACTS_SPEC.columns.filter((c) => c.computed).map((c) => normalizeKey(c.header)),
);

/**
 * A row is blank when every column the user owns is blank: a row the user emptied still holds
 * last refresh's computed cells, and must not come back as a nameless contact.
 */
function isBlankContactRow(table: Table, row: readonly Cell[]): boolean {
  return row.every(
    (cell, i) => isBlankCell(cell) || COMPUTED_HEADERS.has(normalizeKey(table.headers[i])),
  );
}

/**
 * True when some Deal Value is text holding a decimal or grouping mark ("1.200,50"), which only
 * the spreadsheet's locale can read: the adapter asks for the locale (one call) only then.
 */
export function needsLocale(table: Table): boolean {
  const column = columnOf(table, CONTACT.dealValue);
  if (column === undefined) return false;
  return table.rows.some((row) => {
    const cell = row[column];
    return typeof cell === "string" && /\d[.,]|[.,]\d/.test(cell);
  });
}

/**
 * One Contact per non-blank row (blank rows in the middle are skipped). `locale` is the
 * spreadsheet's (getSpreadsheetLocale), for numbers typed as text.
 */
export function parseContacts(
  table: Table,
  zone: string,
  locale: string = DEFAULT_LOCALE,
): ContactsResult {
  const problems: string[] = [];
  const missingColumns = missingRequiredProblem(table, CONTACTS_SPEC);
  if (missingColumns) problems.push(missingColumns);
  problems.push(...duplicateHeaderProblems(table));
  const userColumns = userComputedColumns(table);
  problems.push(...userColumns.map(userComputedColumnProblem));
  const context: RowContext = {
    zone,
    locale,
    ignored: new Set(userColumns.map((c) => c.header)),
  };
  const parsed: Contact[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankContactRow(table, row)) return;
    parsed.push(parseRow(table, row, sheetRowOf(index), context));
  });
  const duplicates = duplicateIdProblems(parsed);
  const contacts = parsed.map((c) => {
    const duplicate = duplicates.get(c.rowNumber);
    return duplicate ? { ...c, problems: [duplicate, ...c.problems] } : c;
  });
  return { contacts, problems, userColumns: userColumns.map((c) => c.header) };
}
