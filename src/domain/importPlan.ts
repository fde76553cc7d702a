// The import plan (issue 12 items 3–4): from a source grid, the person's choices and the Contacts
// tab to the rows to append, the empty cells of existing contacts to fill, and every row skipped
// with its reason. Pure: the adapter reads once, calls planImport, and writes the plan in one batch.
import type {
  ColumnTarget,
  DuplicateMode,
  ImportChoices,
  ImportColumnView,
  ImportField,
  ImportOwnerView,
  ImportPreview,
  ImportWordView,
} from "../api/import";
import { IMPORT_FIELDS } from "../api/import";
import {
  cellText,
  isBlankCell,
  isEmail,
  MAX_CELL_CHARACTERS,
  normalizeKey,
  type Cell,
} from "./cells";
import { localParts } from "./dates";
import { mappingErrors, suggestColumns, type SourceColumn } from "./importMapping";
import {
  inferDateOrder,
  inferNumberStyle,
  parseDateInOrder,
  parseNumberInStyle,
  type DateOrder,
  type NumberStyle,
} from "./importValues";
import { suggestStage, suggestTier } from "./importWords";
import { CONTACT, STAGES, TIERS, type Stage } from "./schema";
import { columnLetter, columnOf, isBlankRow, sheetRowOf, type Table } from "./table";

export interface ImportContext {
  /** The Contacts tab as read. */
  readonly contacts: Table;
  /** The spreadsheet's locale ("de_DE"). */
  readonly locale: string;
  readonly zone: string;
  /** Owner names answered in earlier imports: normalizeKey(name) → email. */
  readonly rememberedOwners: Readonly<Record<string, string>>;
  /** Emails an owner name can be matched with. */
  readonly team: readonly string[];
}

export interface ImportSourceGrid {
  /** "leads.csv", or the tab's name. */
  readonly name: string;
  /** Header row first; null when the source could not be read (see `error`). */
  readonly grid: readonly (readonly Cell[])[];
  /** Why the source cannot be imported (empty file, binary file…), or "". */
  readonly error: string;
}

export interface SkippedRow {
  /** The row as the source numbers it (the header is row 1). */
  readonly row: number;
  readonly kind: SkipKind;
  readonly reason: string;
}

export type SkipKind = "no-name" | "too-long" | "in-contacts" | "nothing-new" | "repeated";

export interface ContactUpdate {
  /** Index into the Contacts table's rows. */
  readonly index: number;
  /** Contacts header → value for cells that are empty today. */
  readonly cells: ReadonlyMap<string, Cell>;
}

export interface ImportPlan {
  readonly preview: ImportPreview;
  /** Headers Contacts lacks that the import fills (custom columns, or Touchbase columns deleted). */
  readonly newHeaders: readonly string[];
  /** New contacts as Contacts header → value (values not yet protected: see toCellValue). */
  readonly appends: readonly ReadonlyMap<string, Cell>[];
  readonly updates: readonly ContactUpdate[];
  readonly skipped: readonly SkippedRow[];
  /** Owner answers to remember: normalizeKey(name) → email. */
  readonly ownerAnswers: Readonly<Record<string, string>>;
}

const PREVIEW_ROWS = 10;
const SAMPLES = 3;
const LISTED_SKIPS = 200;

/** How Contacts names a field's column (the two halves of a name both go to Name). */
function headerOfField(field: ImportField): string {
  return field === "First Name" || field === "Last Name" ? CONTACT.name : field;
}

type ValueKind = "text" | "email" | "owner" | "stage" | "tier" | "number" | "date" | "checkbox";

const FIELD_KIND: Readonly<Partial<Record<ImportField, ValueKind>>> = {
  Email: "email",
  Owner: "owner",
  Stage: "stage",
  Tier: "tier",
  "Deal Value": "number",
  "Next Follow-Up": "date",
  "Renewal Date": "date",
  Created: "date",
  "Auto Email": "checkbox",
  Paused: "checkbox",
  "Opted Out": "checkbox",
};

/** Checkboxes whose unreadable value reads as checked: never email someone who may have opted out. */
const FAIL_SAFE_CHECKED: ReadonlySet<ImportField> = new Set(["Paused", "Opted Out"]);
const CHECKED = new Set(["true", "yes", "y", "x", "1", "✓", "✔", "ja", "wahr", "oui", "si", "sí"]);
const UNCHECKED = new Set(["false", "no", "n", "0", "nein", "falsch", "non", "-"]);

/** One warning per column and kind, naming the first values it concerns. */
class Warnings {
  private readonly groups = new Map<string, { text: (list: string) => string; items: string[] }>();
  add(key: string, text: (list: string) => string, item: string): void {
    let group = this.groups.get(key);
    if (!group) {
      group = { text, items: [] };
      this.groups.set(key, group);
    }
    group.items.push(item);
  }
  list(): string[] {
    return [...this.groups.values()].map(({ text, items }) => text(listed(items, 5)));
  }
}

/** "a, b, c and 4 more". */
function listed(items: readonly string[], max: number): string {
  const shown = items.slice(0, max).join(", ");
  return items.length > max ? `${shown} and ${items.length - max} more` : shown;
}

interface ResolvedColumn {
  readonly column: SourceColumn;
  readonly target: ColumnTarget;
}

function sourceColumns(grid: readonly (readonly Cell[])[]): SourceColumn[] {
  const header = grid[0] ?? [];
  return header.map((cell, index) => ({
    index,
    header: cellText(cell),
    empty: grid.slice(1).every((row) => isBlankCell(row[index]) || cellText(row[index]) === ""),
  }));
}

function targetOf(choices: ImportChoices, index: number, suggested: ColumnTarget): ColumnTarget {
  const chosen = choices.columns?.[String(index)];
  if (!chosen) return suggested;
  if (chosen.kind === "field" && !IMPORT_FIELDS.includes(chosen.field)) return suggested;
  return chosen;
}

/** Text of a source cell for word lists and the preview. */
function sourceText(cell: Cell | undefined): string {
  return cell === undefined ? "" : cellText(cell);
}

/** Distinct words (first spelling kept) with their row counts, in order of first appearance. */
function distinctWords(rows: readonly (readonly Cell[])[], indexes: readonly number[]) {
  const words = new Map<string, { word: string; rows: number }>();
  for (const row of rows) {
    for (const index of indexes) {
      const word = sourceText(row[index]);
      if (word === "") continue;
      const key = normalizeKey(word);
      const entry = words.get(key);
      if (entry) entry.rows++;
      else words.set(key, { word, rows: 1 });
    }
  }
  return words;
}

/** The person's answers keyed like the words they answer. */
function answersByKey(answers: Readonly<Record<string, string>> | undefined): Map<string, string> {
  return new Map(Object.entries(answers ?? {}).map(([word, value]) => [normalizeKey(word), value]));
}

function wordViews<T extends string>(
  words: Map<string, { word: string; rows: number }>,
  answers: Map<string, string>,
  allowed: readonly T[],
  suggest: (word: string) => T | null | undefined,
): { views: ImportWordView[]; resolve: Map<string, T | null> } {
  const views: ImportWordView[] = [];
  const resolve = new Map<string, T | null>();
  for (const [key, { word, rows }] of words) {
    const suggestion = suggest(word);
    const answer = answers.get(key);
    const chosen =
      answer === undefined
        ? (suggestion ?? null)
        : answer === ""
          ? null
          : (allowed.find((a) => a === answer) ?? suggestion ?? null);
    resolve.set(key, chosen);
    views.push({ word, rows, value: chosen ?? "", recognised: suggestion !== undefined });
  }
  return { views, resolve };
}

/** "maria.lopez@acme.com" → "marialopez" and "maria", to match names people write. */
function emailNameKeys(email: string): string[] {
  const local = email.split("@")[0] ?? "";
  const parts = local.split(/[._-]+/).filter(Boolean);
  return [normalizeKey(parts.join(" ")), normalizeKey(parts[0] ?? "")];
}

/** A team email whose address spells the name (unique match), or "". */
function suggestOwnerEmail(name: string, team: readonly string[]): string {
  const key = normalizeKey(name);
  const firstWord = key.split(" ")[0] ?? "";
  const full = team.filter((email) => emailNameKeys(email)[0] === key);
  if (full.length === 1) return full[0]!;
  const first = team.filter((email) => emailNameKeys(email)[1] === firstWord);
  return first.length === 1 && key.split(" ").length >= 1 ? first[0]! : "";
}

/** "Maria Lopez <maria@acme.com>" → the address; an address alone → itself; else "". */
function emailIn(text: string): string {
  const angle = /<([^<>\s]+@[^<>\s]+)>/.exec(text);
  const candidate = (angle ? angle[1]! : text).trim().toLowerCase();
  return isEmail(candidate) ? candidate : "";
}

/** Text for the preview: dates in the spreadsheet's zone, checkboxes as ✓. */
function displayCell(value: Cell | undefined, zone: string): string {
  if (value === undefined || value === "") return "";
  if (value instanceof Date) {
    const p = localParts(value, zone);
    const pad = (n: number) => String(n).padStart(2, "0");
    const date = `${p.year}-${pad(p.month)}-${pad(p.day)}`;
    return p.hour || p.minute ? `${date} ${pad(p.hour)}:${pad(p.minute)}` : date;
  }
  if (typeof value === "boolean") return value ? "✓" : "";
  return String(value);
}

export function emptyPreview(
  sourceName: string,
  context: ImportContext,
  error: string,
): ImportPreview {
  return {
    sourceName,
    rowCount: 0,
    columns: [],
    fields: IMPORT_FIELDS,
    stageChoices: STAGES,
    tierChoices: TIERS,
    stages: [],
    tiers: [],
    owners: [],
    team: context.team,
    numberStyle: inferNumberStyle([], context.locale).style,
    dateOrder: inferDateOrder([], context.locale).order,
    locale: context.locale,
    duplicates: "skip",
    previewHeaders: [],
    previewRows: [],
    counts: { imported: 0, updated: 0, skipped: 0 },
    skipped: [],
    errors: [error],
    warnings: [],
  };
}

export function planImport(
  source: ImportSourceGrid,
  choices: ImportChoices,
  context: ImportContext,
): ImportPlan {
  const empty = (error: string): ImportPlan => ({
    preview: emptyPreview(source.name, context, error),
    newHeaders: [],
    appends: [],
    updates: [],
    skipped: [],
    ownerAnswers: {},
  });
  if (source.error) return empty(source.error);
  const dataRows: { row: readonly Cell[]; number: number }[] = [];
  source.grid.forEach((row, i) => {
    if (i > 0 && !isBlankRow(row)) dataRows.push({ row, number: sheetRowOf(i - 1) });
  });
  if ((source.grid[0] ?? []).every((cell) => cellText(cell) === "")) {
    return empty(`"${source.name}" has no header row: its first row must name the columns.`);
  }
  if (dataRows.length === 0) {
    return empty(`"${source.name}" has a header row but no rows under it: nothing to import.`);
  }

  const columns = sourceColumns(source.grid);
  const suggestions = suggestColumns(columns);
  const resolved: ResolvedColumn[] = columns.map((column) => ({
    column,
    target: targetOf(choices, column.index, suggestions[column.index]!.target),
  }));
  const errors = mappingErrors(
    columns,
    resolved.map((r) => r.target),
  );
  const rows = dataRows.map((d) => d.row);
  const indexesOf = (field: ImportField) =>
    resolved
      .filter((r) => r.target.kind === "field" && r.target.field === field)
      .map((r) => r.column.index);
  const textsOf = (fields: readonly ImportField[]) =>
    fields.flatMap((field) =>
      indexesOf(field).flatMap((index) =>
        rows
          .map((row) => row[index])
          .filter((cell): cell is string => typeof cell === "string" && cell.trim() !== ""),
      ),
    );

  // Conventions: the person's choice, else what the values prove, else the spreadsheet's locale.
  const warnings = new Warnings();
  const notes: string[] = [];
  const numberChoice = inferNumberStyle(textsOf(["Deal Value"]), context.locale);
  const numberStyle: NumberStyle = choices.numberStyle ?? numberChoice.style;
  if (!choices.numberStyle && numberChoice.ambiguous.length > 0) {
    notes.push(
      `Deal Value: ${listed(
        numberChoice.ambiguous.map((v) => `"${v}"`),
        3,
      )} can be read two ways; ` +
        `read as ${numberStyle} (the spreadsheet's locale ${context.locale}) — ` +
        `${numberChoice.ambiguous[0]} = ${parseNumberInStyle(numberChoice.ambiguous[0]!, numberStyle)}. ` +
        "Choose the number format if the file writes numbers the other way.",
    );
  }
  const dateFields: ImportField[] = ["Next Follow-Up", "Renewal Date", "Created"];
  const dateChoice = inferDateOrder(textsOf(dateFields), context.locale);
  const dateOrder: DateOrder = choices.dateOrder ?? dateChoice.order;
  if (!choices.dateOrder && dateChoice.ambiguous.length > 0) {
    notes.push(
      `Dates: ${listed(
        dateChoice.ambiguous.map((v) => `"${v}"`),
        3,
      )} can be read two ways; read ` +
        `${dateOrder === "MDY" ? "month first" : "day first"} (the spreadsheet's locale ` +
        `${context.locale}). Choose the date order if the file writes them the other way.`,
    );
  }

  const stageWords = wordViews(
    distinctWords(rows, indexesOf("Stage")),
    answersByKey(choices.stages),
    STAGES,
    suggestStage,
  );
  for (const view of stageWords.views.filter((v) => !v.recognised && v.value === "")) {
    warnings.add(
      "stage",
      (list) =>
        `Stage: ${list} ${list.includes(",") ? "are" : "is"} not one of Touchbase's stages: left blank unless you choose a stage.`,
      `"${view.word}" (${view.rows} row${view.rows === 1 ? "" : "s"})`,
    );
  }
  const tierWords = wordViews(
    distinctWords(rows, indexesOf("Tier")),
    answersByKey(choices.tiers),
    TIERS,
    suggestTier,
  );
  for (const view of tierWords.views.filter((v) => !v.recognised && v.value === "")) {
    warnings.add(
      "tier",
      (list) => `Tier: ${list} left blank unless you choose a tier.`,
      `"${view.word}" (${view.rows} row${view.rows === 1 ? "" : "s"})`,
    );
  }

  // Owners written as names: the person's answer, else an earlier import's, else a team address
  // that spells the name.
  const ownerAnswers: Record<string, string> = {};
  const owners: ImportOwnerView[] = [];
  const ownerByName = new Map<string, string>();
  const ownerAnswerKeys = answersByKey(choices.owners);
  for (const [key, { word, rows: count }] of distinctWords(rows, indexesOf("Owner"))) {
    if (emailIn(word)) continue;
    const answer = ownerAnswerKeys.get(key);
    const email = (answer ?? context.rememberedOwners[key] ?? suggestOwnerEmail(word, context.team))
      .trim()
      .toLowerCase();
    const usable = isEmail(email) ? email : "";
    ownerByName.set(key, usable);
    if (usable) ownerAnswers[key] = usable;
    owners.push({ name: word, rows: count, email: usable });
    if (!usable) {
      warnings.add(
        "owner",
        (list) =>
          `Owner: ${list} ${list.includes(",") ? "have" : "has"} no team email: left blank (the contact shows "No owner") unless you choose one.`,
        `"${word}"`,
      );
    }
  }

  // Existing contacts by email, for duplicates.
  const contacts = context.contacts;
  const emailColumn = columnOf(contacts, CONTACT.email);
  const existingByEmail = new Map<string, number>();
  if (emailColumn !== undefined) {
    contacts.rows.forEach((row, index) => {
      const email = cellText(row[emailColumn]).toLowerCase();
      if (email && !existingByEmail.has(email)) existingByEmail.set(email, index);
    });
  }
  const duplicates: DuplicateMode = choices.duplicates ?? "skip";

  const targetHeaders: string[] = [];
  for (const { target } of resolved) {
    const header =
      target.kind === "field"
        ? headerOfField(target.field)
        : target.kind === "custom"
          ? target.header.trim()
          : "";
    if (header && !targetHeaders.some((h) => normalizeKey(h) === normalizeKey(header))) {
      targetHeaders.push(header);
    }
  }
  const newHeaders = targetHeaders.filter((h) => columnOf(contacts, h) === undefined);

  const readValue = (
    field: ImportField | null,
    cell: Cell,
    header: string,
    rowNumber: number,
  ): Cell => {
    const kind: ValueKind = field ? (FIELD_KIND[field] ?? "text") : "text";
    const text = cellText(cell);
    if (text === "") return "";
    const keepAsWritten = (what: string) => {
      warnings.add(
        `${header}:${what}`,
        (list) => `${header}: ${list} ${what}: kept as written (the row's Problem will name it).`,
        `"${text}" (row ${rowNumber})`,
      );
      return text;
    };
    switch (kind) {
      case "email":
        return text.split(/\s*:::\s*/)[0]!.trim();
      case "owner": {
        const email = emailIn(text);
        return email || (ownerByName.get(normalizeKey(text)) ?? "");
      }
      case "number": {
        if (typeof cell === "number") return cell;
        const number = parseNumberInStyle(text, numberStyle);
        return number === undefined ? keepAsWritten(`not a number written ${numberStyle}`) : number;
      }
      case "date": {
        if (cell instanceof Date) return cell;
        const when = parseDateInOrder(text, dateOrder, context.zone);
        return when ? when.at : keepAsWritten("not a date");
      }
      case "checkbox": {
        if (typeof cell === "boolean") return cell;
        const word = normalizeKey(text);
        if (CHECKED.has(word)) return true;
        if (UNCHECKED.has(word)) return false;
        const failSafe = field !== null && FAIL_SAFE_CHECKED.has(field);
        warnings.add(
          `${header}:checkbox`,
          (list) =>
            `${header}: ${list} ${list.includes(",") ? "are" : "is"} not yes or no: read as ${failSafe ? "checked (the safe reading)" : "unchecked"}.`,
          `"${text}" (row ${rowNumber})`,
        );
        return failSafe;
      }
      default:
        return typeof cell === "string" ? cell.trim() : cell;
    }
  };

  const stageIndexes = indexesOf("Stage");
  const tierIndexes = indexesOf("Tier");
  const stageOf = (row: readonly Cell[]): Stage | "" => {
    let stage: Stage | null = null;
    for (const index of stageIndexes) {
      const found = stageWords.resolve.get(normalizeKey(sourceText(row[index]))) ?? null;
      // A closing word in any column wins (Pipedrive: Status "won" over Stage "Proposal Made").
      if (found === "Won" || found === "Lost") return found;
      stage ??= found;
    }
    return stage ?? "";
  };

  const appends: Map<string, Cell>[] = [];
  const updates: ContactUpdate[] = [];
  const skipped: SkippedRow[] = [];
  const seenEmails = new Map<string, number>();
  const previewRows: string[][] = [];
  const previewHeaders = ["Row", "Import as", ...targetHeaders];
  const preview = (number: number, action: string, record: ReadonlyMap<string, Cell> | null) => {
    if (previewRows.length >= PREVIEW_ROWS) return;
    previewRows.push([
      String(number),
      action,
      ...targetHeaders.map((h) => displayCell(record?.get(h), context.zone)),
    ]);
  };
  const skip = (row: number, kind: SkipKind, reason: string) => {
    skipped.push({ row, kind, reason });
    preview(row, `Skipped: ${reason}`, null);
  };

  if (errors.length === 0) {
    for (const { row, number } of dataRows) {
      const tooLong = resolved.find(
        (r) =>
          r.target.kind !== "skip" && cellText(row[r.column.index]).length > MAX_CELL_CHARACTERS,
      );
      if (tooLong) {
        const length = cellText(row[tooLong.column.index]).length;
        skip(
          number,
          "too-long",
          `"${tooLong.column.header || columnLetter(tooLong.column.index)}" holds ${length.toLocaleString("en-US")} characters; a cell holds at most ${MAX_CELL_CHARACTERS.toLocaleString("en-US")}`,
        );
        continue;
      }
      const record = new Map<string, Cell>();
      const nameParts: string[] = [];
      for (const { column, target } of resolved) {
        if (target.kind === "skip") continue;
        const cell = row[column.index] ?? "";
        if (
          target.kind === "field" &&
          (target.field === "First Name" || target.field === "Last Name")
        ) {
          const part = cellText(cell);
          if (part) nameParts[target.field === "First Name" ? 0 : 1] = part;
          continue;
        }
        if (target.kind === "field" && (target.field === "Stage" || target.field === "Tier"))
          continue;
        const header = target.kind === "field" ? target.field : target.header.trim();
        const value = readValue(
          target.kind === "field" ? target.field : null,
          cell,
          header,
          number,
        );
        if (value !== "") record.set(header, value);
      }
      if (nameParts.length > 0) record.set(CONTACT.name, nameParts.filter(Boolean).join(" "));
      const stage = stageOf(row);
      if (stage) record.set(CONTACT.stage, stage);
      for (const index of tierIndexes) {
        const tier = tierWords.resolve.get(normalizeKey(sourceText(row[index])));
        if (tier) record.set(CONTACT.tier, tier);
      }

      if (cellText(record.get(CONTACT.name)) === "") {
        skip(number, "no-name", "no name");
        continue;
      }
      const email = cellText(record.get(CONTACT.email)).toLowerCase();
      if (email && !isEmail(email)) {
        warnings.add(
          "email",
          (list) =>
            `Email: ${list} ${list.includes(",") ? "do" : "does"} not look like an address: imported as written (the row's Problem will say so).`,
          `"${email}" (row ${number})`,
        );
      }
      if (email) {
        const earlier = seenEmails.get(email);
        if (earlier !== undefined) {
          skip(number, "repeated", `same Email as row ${earlier} of "${source.name}" (${email})`);
          continue;
        }
        seenEmails.set(email, number);
        const existing = existingByEmail.get(email);
        if (existing !== undefined) {
          const sheetRow = sheetRowOf(existing);
          if (duplicates === "skip") {
            skip(number, "in-contacts", `${email} is already in Contacts (row ${sheetRow})`);
            continue;
          }
          const fills = emptyCellFills(contacts, contacts.rows[existing]!, record);
          if (fills.size === 0) {
            skip(
              number,
              "nothing-new",
              `${email} is already in Contacts (row ${sheetRow}) and has no empty cell this row fills`,
            );
            continue;
          }
          updates.push({ index: existing, cells: fills });
          preview(
            number,
            `Fills ${fills.size} empty cell${fills.size === 1 ? "" : "s"} of Contacts row ${sheetRow}`,
            fills,
          );
          continue;
        }
      }
      appends.push(record);
      preview(number, "New contact", record);
    }
  }

  const columnsView: ImportColumnView[] = resolved.map(({ column, target }) => ({
    index: column.index,
    letter: columnLetter(column.index),
    header: column.header,
    samples: rows
      .map((row) => sourceText(row[column.index]))
      .filter((text) => text !== "")
      .slice(0, SAMPLES)
      .map((text) => (text.length > 60 ? `${text.slice(0, 59)}…` : text)),
    target,
    suggested: suggestions[column.index]!.target,
    note: suggestions[column.index]!.note,
  }));
  const skippedCount = skipped.length;
  return {
    preview: {
      sourceName: source.name,
      rowCount: dataRows.length,
      columns: columnsView,
      fields: IMPORT_FIELDS,
      stageChoices: STAGES,
      tierChoices: TIERS,
      stages: stageWords.views,
      tiers: tierWords.views,
      owners,
      team: context.team,
      numberStyle,
      dateOrder,
      locale: context.locale,
      duplicates,
      previewHeaders,
      previewRows,
      counts: { imported: appends.length, updated: updates.length, skipped: skippedCount },
      skipped: skipped.slice(0, LISTED_SKIPS).map(({ row, reason }) => ({ row, reason })),
      errors,
      warnings: [...notes, ...warnings.list()],
    },
    newHeaders,
    appends,
    updates,
    skipped,
    ownerAnswers,
  };
}

/** The record's values for the existing row's empty cells (a filled cell is never overwritten). */
function emptyCellFills(
  contacts: Table,
  row: readonly Cell[],
  record: ReadonlyMap<string, Cell>,
): Map<string, Cell> {
  const fills = new Map<string, Cell>();
  for (const [header, value] of record) {
    if (value === "") continue;
    const index = columnOf(contacts, header);
    if (index === undefined || isBlankCell(row[index]) || cellText(row[index]) === "") {
      fills.set(header, value);
    }
  }
  return fills;
}

const SKIP_WORDS: Readonly<Record<SkipKind, string>> = {
  "in-contacts": "already in Contacts",
  "nothing-new": "already in Contacts with nothing new to fill",
  repeated: "repeating an Email seen earlier in the file",
  "no-name": "without a name",
  "too-long": "with a value too long for a cell",
};

/** The report: what was imported, updated and skipped, each skip kind with its rows. */
export function importSummary(
  sourceName: string,
  counts: { imported: number; updated: number; skipped: number },
  skipped: readonly SkippedRow[],
): string {
  const parts = [
    `Imported ${counts.imported} new contact${counts.imported === 1 ? "" : "s"} from "${sourceName}"`,
  ];
  if (counts.updated > 0) {
    parts.push(
      `filled empty cells of ${counts.updated} existing contact${counts.updated === 1 ? "" : "s"}`,
    );
  }
  if (counts.skipped > 0) {
    const byKind = new Map<SkipKind, number[]>();
    for (const { kind, row } of skipped) byKind.set(kind, [...(byKind.get(kind) ?? []), row]);
    const reasons = [...byKind].map(
      ([kind, rows]) =>
        `${rows.length} ${SKIP_WORDS[kind]} (row${rows.length === 1 ? "" : "s"} ${listed(rows.map(String), 10)})`,
    );
    parts.push(`skipped ${counts.skipped}: ${reasons.join("; ")}`);
  }
  return `${parts.join("; ")}.`;
}
