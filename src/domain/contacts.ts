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
import { missingRequiredProblem, rowReader, rowRecord, sheetRowOf, type Table } from "./table";
import type { Contact, When } from "./types";
import {
  matchWord,
  normalizeKey,
  isBlankCell,
  type Cell,
  cellText,
  isChecked,
  isEmail,
  parseNumberCell,
} from "./cells";

export interface ContactsResult {
  contacts: Contact[];
  /** Table-level problems (missing columns). Row problems live on each contact. */
  problems: string[];
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

function parseRow(table: Table, row: readonly Cell[], rowNumber: number, zone: string): Contact {
  const read = rowReader(table, row);
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

  const dealCell = read(CONTACT.dealValue);
  let dealValue = parseNumberCell(dealCell);
  if (dealValue === undefined) {
    problems.push(`${CONTACT.dealValue} "${cellText(dealCell)}" is not a number`);
    dealValue = null;
  }

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
    autoEmail: isChecked(read(CONTACT.autoEmail)),
    paused: isChecked(read(CONTACT.paused)),
    optedOut: isChecked(read(CONTACT.optedOut)),
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

/** One Contact per non-blank row (blank rows in the middle are skipped). */
export function parseContacts(table: Table, zone: string): ContactsResult {
  const problems: string[] = [];
  const missingColumns = missingRequiredProblem(table, CONTACTS_SPEC);
  if (missingColumns) problems.push(missingColumns);
  const parsed: Contact[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankContactRow(table, row)) return;
    parsed.push(parseRow(table, row, sheetRowOf(index), zone));
  });
  const duplicates = duplicateIdProblems(parsed);
  const contacts = parsed.map((c) => {
    const duplicate = duplicates.get(c.rowNumber);
    return duplicate ? { ...c, problems: [duplicate, ...c.problems] } : c;
  });
  return { contacts, problems };
}
