// Column mapping for an import (issue 12 item 2): which Contacts column each column of another
// tool's export goes to, suggested from the header names HubSpot, Pipedrive, Google Contacts and
// (German) Excel write, every suggestion editable; unmatched columns become custom Contacts columns.
import type { ColumnTarget, ImportField } from "../api/import";
import { normalizeKey } from "./cells";
import { compactKey } from "./importWords";
import { CONTACTS_SPEC } from "./schema";
import { columnLetter } from "./table";

/** Header words per field, best first: an earlier word wins when two columns want one field. */
const FIELD_WORDS: Readonly<Record<ImportField, readonly string[]>> = {
  Name: [
    "name",
    "full name",
    "contact name",
    "person name",
    "person - name",
    "display name",
    "contact",
    "deal - contact person",
    "contact person",
    "vollständiger name",
    "ansprechpartner",
    "kontakt",
    "nom complet",
  ],
  "First Name": [
    "first name",
    "firstname",
    "given name",
    "person - first name",
    "vorname",
    "prénom",
    "nombre",
  ],
  "Last Name": [
    "last name",
    "lastname",
    "surname",
    "family name",
    "person - last name",
    "nachname",
    "familienname",
    "nom",
    "apellido",
  ],
  Email: [
    "email",
    "e-mail",
    "email address",
    "e-mail address",
    "person - email",
    "e-mail 1 - value",
    "primary email",
    "work email",
    "business email",
    "e-mail-adresse",
    "mail",
    "courriel",
    "correo",
  ],
  Phone: [
    "phone",
    "phone number",
    "person - phone",
    "phone 1 - value",
    "mobile phone",
    "mobile",
    "mobile phone number",
    "work phone",
    "business phone",
    "telefon",
    "telefonnummer",
    "handy",
    "mobil",
    "téléphone",
    "teléfono",
  ],
  Company: [
    "company",
    "company name",
    "organization",
    "organisation",
    "organization - name",
    "organisation - name",
    "organization name",
    "organization 1 - name",
    "deal - organization",
    "person - organization",
    "account",
    "account name",
    "associated company",
    "firma",
    "unternehmen",
    "firmenname",
    "société",
    "empresa",
  ],
  Owner: [
    "owner",
    "contact owner",
    "deal owner",
    "deal - owner",
    "person - owner",
    "account owner",
    "lead owner",
    "organization - owner",
    "sales rep",
    "assigned to",
    "responsible",
    "verantwortlich",
    "besitzer",
    "zuständig",
    "betreuer",
  ],
  Stage: [
    "stage",
    "deal - stage",
    "deal stage",
    "lifecycle stage",
    "pipeline stage",
    "lead status",
    "deal - status",
    "status",
    "phase",
    "stufe",
    "étape",
    "etapa",
  ],
  Tier: ["tier", "priority", "rating", "lead rating", "temperature", "grade", "priorität"],
  Cadence: ["cadence", "sequence"],
  "Deal Value": [
    "deal value",
    "deal - value",
    "value",
    "amount",
    "deal amount",
    "opportunity amount",
    "wert",
    "betrag",
    "auftragswert",
    "umsatz",
    "volumen",
    "montant",
  ],
  Topic: ["topic", "deal - title", "deal name", "opportunity name", "interest", "thema"],
  "Next Step": ["next step", "next steps", "nächster schritt"],
  "Next Follow-Up": [
    "next follow-up",
    "next follow up",
    "follow-up date",
    "follow up date",
    "next activity date",
    "deal - next activity date",
    "person - next activity date",
    "wiedervorlage",
    "nächster kontakt",
  ],
  "Renewal Date": [
    "renewal date",
    "renewal",
    "contract end",
    "contract end date",
    "vertragsende",
    "verlängerung",
  ],
  "Auto Email": ["auto email"],
  Paused: ["paused", "pausiert"],
  "Opted Out": [
    "opted out",
    "opt out",
    "email opt out",
    "unsubscribed",
    "unsubscribed from all email",
    "do not email",
    "abgemeldet",
  ],
  Created: [
    "created",
    "create date",
    "created date",
    "date created",
    "created at",
    "deal - deal created",
    "deal - add time",
    "person - add time",
    "add time",
    "erstellt",
    "erstellt am",
    "angelegt am",
  ],
};

/** compactKey(header) → field and rank (position in its word list). */
const FIELD_BY_WORD: ReadonlyMap<string, { field: ImportField; rank: number }> = new Map(
  Object.entries(FIELD_WORDS).flatMap(([field, words]) =>
    words.map((word, rank) => [compactKey(word), { field: field as ImportField, rank }] as const),
  ),
);

/** Fields more than one column may feed: Stage takes a closing word from any of them. */
const MULTI_COLUMN_FIELDS: ReadonlySet<ImportField> = new Set(["Stage"]);

/**
 * Shapes around a field's word: Pipedrive's "Person - Email - Work" and "Deal - Owner", Google
 * Contacts' "E-mail 1 - Value", HubSpot's "Email (Primary)".
 */
const PREFIX = /^(?:person|deal|contact|lead|kontakt)\s*-\s*/i;
const SUFFIX =
  /\s*(?:-\s*(?:work|home|other|mobile|main|primary)|\((?:primary|work|home)\)|\d+\s*-\s*value)$/i;

/** Touchbase's own headers that no import fills (computed, or assigned like ID). */
const NOT_IMPORTED: ReadonlyMap<string, string> = new Map(
  CONTACTS_SPEC.columns
    .filter((c) => c.computed || c.header === "ID")
    .map((c) => [
      normalizeKey(c.header),
      c.header === "ID"
        ? "Touchbase gives every contact its own ID"
        : `Touchbase computes ${c.header}`,
    ]),
);

/** The field a header names, with its rank; undefined when it names none. */
export function fieldForHeader(header: string): { field: ImportField; rank: number } | undefined {
  const direct = FIELD_BY_WORD.get(compactKey(header));
  if (direct) return direct;
  const trimmed = header.trim();
  const bare = trimmed.replace(SUFFIX, "");
  for (const rest of [bare, trimmed.replace(PREFIX, ""), bare.replace(PREFIX, "")]) {
    const found = rest === trimmed ? undefined : FIELD_BY_WORD.get(compactKey(rest));
    // A match found by stripping ranks after every exact one.
    if (found) return { field: found.field, rank: found.rank + 100 };
  }
  return undefined;
}

export interface SourceColumn {
  readonly index: number;
  readonly header: string;
  /** True when the column holds no value under its header. */
  readonly empty: boolean;
}

export interface ColumnSuggestion {
  readonly target: ColumnTarget;
  readonly note: string;
}

const SKIP: ColumnTarget = { kind: "skip" };

/**
 * Suggests a target for every source column: the field its header names (the best-ranked column
 * wins a field; the others are kept as custom columns), a custom column under its own header,
 * or skip for an empty column, a column without header and Touchbase's computed columns.
 */
export function suggestColumns(columns: readonly SourceColumn[]): ColumnSuggestion[] {
  const suggestions: ColumnSuggestion[] = columns.map(() => ({ target: SKIP, note: "" }));
  const winners = new Map<ImportField, { index: number; rank: number }>();
  const wanted: { column: SourceColumn; field: ImportField; rank: number }[] = [];
  for (const column of columns) {
    if (column.header.trim() === "") {
      suggestions[column.index] = {
        target: SKIP,
        note: column.empty
          ? "No header and no values."
          : `Column ${columnLetter(column.index)} has no header: choose where its values go, or leave it out.`,
      };
      continue;
    }
    if (column.empty) {
      suggestions[column.index] = { target: SKIP, note: "Empty in the file." };
      continue;
    }
    const found = fieldForHeader(column.header);
    if (found) {
      wanted.push({ column, ...found });
      continue;
    }
    const notImported = NOT_IMPORTED.get(normalizeKey(column.header));
    suggestions[column.index] = notImported
      ? { target: SKIP, note: `${notImported}.` }
      : { target: { kind: "custom", header: column.header.trim() }, note: "" };
  }
  for (const { column, field, rank } of wanted) {
    if (MULTI_COLUMN_FIELDS.has(field)) continue;
    const best = winners.get(field);
    if (!best || rank < best.rank) winners.set(field, { index: column.index, rank });
  }
  const nameFromOneColumn = winners.has("Name");
  for (const { column, field } of wanted) {
    const header = column.header.trim();
    const multi = MULTI_COLUMN_FIELDS.has(field);
    if (multi || winners.get(field)?.index === column.index) {
      if (nameFromOneColumn && (field === "First Name" || field === "Last Name")) {
        const nameHeader = columns[winners.get("Name")!.index]!.header.trim();
        suggestions[column.index] = {
          target: SKIP,
          note: `Name comes from "${nameHeader}".`,
        };
      } else {
        suggestions[column.index] = { target: { kind: "field", field }, note: "" };
      }
      continue;
    }
    const winner = columns[winners.get(field)!.index]!.header.trim();
    suggestions[column.index] = {
      target: { kind: "custom", header },
      note: `${field} comes from "${winner}"; this column is kept as its own.`,
    };
  }
  return dedupeCustomHeaders(suggestions);
}

/** Two custom columns with one header would be one Contacts column: the later get " (2)", " (3)". */
function dedupeCustomHeaders(suggestions: ColumnSuggestion[]): ColumnSuggestion[] {
  const taken = new Set<string>();
  return suggestions.map((suggestion) => {
    if (suggestion.target.kind !== "custom") return suggestion;
    let header = suggestion.target.header;
    for (let n = 2; taken.has(normalizeKey(header)); n++) {
      header = `${suggestion.target.header} (${n})`;
    }
    taken.add(normalizeKey(header));
    return header === suggestion.target.header
      ? suggestion
      : { ...suggestion, target: { kind: "custom", header } };
  });
}

const SPEC_HEADERS: ReadonlySet<string> = new Set(
  CONTACTS_SPEC.columns.map((c) => normalizeKey(c.header)),
);

const quoted = (column: SourceColumn): string =>
  column.header.trim() === ""
    ? `column ${columnLetter(column.index)} (no header)`
    : `"${column.header.trim()}" (column ${columnLetter(column.index)})`;

/** Problems that stop the import: every one names the columns involved and how to fix it. */
export function mappingErrors(
  columns: readonly SourceColumn[],
  targets: readonly ColumnTarget[],
): string[] {
  const errors: string[] = [];
  const byField = new Map<ImportField, SourceColumn[]>();
  const byCustom = new Map<string, SourceColumn[]>();
  columns.forEach((column, i) => {
    const target = targets[i] ?? SKIP;
    if (target.kind === "field") {
      byField.set(target.field, [...(byField.get(target.field) ?? []), column]);
    } else if (target.kind === "custom") {
      const header = target.header.trim();
      if (header === "") {
        errors.push(
          `${quoted(column)} is kept as its own column but has no header: type a header for it, or leave it out.`,
        );
        return;
      }
      if (SPEC_HEADERS.has(normalizeKey(header))) {
        errors.push(
          `${quoted(column)} would be a custom column named "${header}", which is a Touchbase ` +
            `column: map it to ${header} instead, or rename it.`,
        );
        return;
      }
      byCustom.set(normalizeKey(header), [...(byCustom.get(normalizeKey(header)) ?? []), column]);
    }
  });
  for (const [field, sources] of byField) {
    if (sources.length > 1 && !MULTI_COLUMN_FIELDS.has(field)) {
      errors.push(
        `${sources.length} columns are mapped to ${field}: ${sources.map(quoted).join(" and ")}. ` +
          `Map only one of them to ${field}.`,
      );
    }
  }
  for (const sources of byCustom.values()) {
    if (sources.length > 1) {
      errors.push(
        `${sources.map(quoted).join(" and ")} would be custom columns with the same header: rename one.`,
      );
    }
  }
  const halves = [...(byField.get("First Name") ?? []), ...(byField.get("Last Name") ?? [])];
  if (byField.has("Name") && halves.length > 0) {
    errors.push(
      `Name would come from ${quoted(byField.get("Name")![0]!)} and also from ` +
        `${halves.map(quoted).join(" and ")}: choose one way to make the name.`,
    );
  }
  if (!byField.has("Name") && halves.length === 0) {
    errors.push(
      "No column is mapped to Name (or to First Name and Last Name): every contact needs a name.",
    );
  }
  return errors;
}
