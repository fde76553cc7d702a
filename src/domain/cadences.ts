// Parses the Cadences tab (one row per step, grouped by cadence name) and picks the cadence that
// applies to a contact: its explicit Cadence cell, else the first cadence whose rule matches.
import { matchTier } from "./contacts";
import { CADENCE, CADENCES_SPEC, CHANNELS, STAGES } from "./schema";
import { isBlankRow, missingRequiredProblem, rowReader, sheetRowOf, type Table } from "./table";
import type { AppliesTo, Cadence, CadenceStep, Contact } from "./types";
import { cellText, isChecked, matchWord, normalizeKey, type Cell, isBlankCell } from "./cells";

export interface CadencesResult {
  /** In rule order: the order each cadence's first row appears. */
  cadences: Cadence[];
  /** One line per ignored row or conflicting value, naming the row and the column. */
  problems: string[];
}

const RULE_HELP = `use "Stage: Proposal Sent", "Tier: Hot" or "Any"`;

/** "Stage: Proposal Sent", "Tier: Hot", "Any"; blank = only chosen by an explicit Cadence cell. */
export function parseAppliesTo(value: Cell): AppliesTo | undefined {
  const raw = cellText(value);
  if (raw === "") return { kind: "none" };
  if (normalizeKey(raw) === "any") return { kind: "any" };
  const match = /^\s*(stage|tier)\s*[:=]\s*(.+)$/i.exec(raw);
  if (!match || !match[1] || !match[2]) return undefined;
  if (match[1].toLowerCase() === "stage") {
    const stage = matchWord(match[2], STAGES);
    return stage ? { kind: "stage", stage } : undefined;
  }
  const tier = matchTier(match[2]);
  return tier ? { kind: "tier", tier } : undefined;
}

export function describeAppliesTo(rule: AppliesTo): string {
  switch (rule.kind) {
    case "stage":
      return `Stage: ${rule.stage}`;
    case "tier":
      return `Tier: ${rule.tier}`;
    case "any":
      return "Any";
    case "none":
      return "";
  }
}

/**
 * Ten years: a longer Day or Repeat Every is a typo (a year typed into Day, an extra digit), and
 * would put a due date decades away where nobody sees the contact again.
 */
export const MAX_CADENCE_DAYS = 3650;

/** A whole number from min to max; blank → null; anything else → undefined. */
function wholeNumber(cell: Cell, min: number, max = Infinity): number | null | undefined {
  if (isBlankCell(cell)) return null;
  const n = typeof cell === "number" ? cell : Number(cellText(cell));
  if (typeof cell === "boolean" || cell instanceof Date) return undefined;
  return Number.isInteger(n) && n >= min && n <= max ? n : undefined;
}

interface Draft {
  name: string;
  appliesTo: AppliesTo;
  appliesToRow: number;
  steps: CadenceStep[];
}

function parseStepRow(
  read: (header: string) => Cell,
  draft: Draft | undefined,
  report: (message: string) => void,
): { step: CadenceStep } | null {
  const stepCell = read(CADENCE.step);
  let stepNumber = wholeNumber(stepCell, 1);
  if (stepNumber === null) stepNumber = (draft?.steps.length ?? 0) + 1; // blank: next in order
  if (stepNumber === undefined) {
    report(`${CADENCE.step} "${cellText(stepCell)}" is not a whole number of 1 or more`);
    return null;
  }
  if (draft?.steps.some((s) => s.step === stepNumber)) {
    report(`duplicate ${CADENCE.step} ${stepNumber} in cadence "${draft.name}"`);
    return null;
  }
  const dayCell = read(CADENCE.day);
  const day = wholeNumber(dayCell, 0, MAX_CADENCE_DAYS);
  if (day === null || day === undefined) {
    report(
      day === null
        ? `${CADENCE.day} is blank`
        : `${CADENCE.day} "${cellText(dayCell)}" is not a whole number of days from 0 to ${MAX_CADENCE_DAYS} (ten years)`,
    );
    return null;
  }
  const repeatCell = read(CADENCE.repeatEvery);
  const repeatEvery = wholeNumber(repeatCell, 1, MAX_CADENCE_DAYS);
  if (repeatEvery === undefined) {
    report(
      `${CADENCE.repeatEvery} "${cellText(repeatCell)}" is not a whole number of days from 1 to ${MAX_CADENCE_DAYS} (ten years)`,
    );
    return null;
  }
  const channelText = cellText(read(CADENCE.channel));
  const channel = matchWord(channelText, CHANNELS) ?? null;
  if (channelText !== "" && !channel) report(`unknown ${CADENCE.channel} "${channelText}"`);
  return {
    step: {
      step: stepNumber,
      day,
      channel,
      template: cellText(read(CADENCE.template)),
      autoSend: isChecked(read(CADENCE.autoSend)),
      repeatEvery,
      note: cellText(read(CADENCE.note)),
    },
  };
}

export function parseCadences(table: Table): CadencesResult {
  const problems: string[] = [];
  const missingColumns = missingRequiredProblem(table, CADENCES_SPEC);
  if (missingColumns) problems.push(missingColumns);
  const drafts = new Map<string, Draft>();
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const rowNumber = sheetRowOf(index);
    const report = (message: string) => problems.push(`${table.tab} row ${rowNumber}: ${message}`);
    const read = rowReader(table, row);

    const name = cellText(read(CADENCE.cadence));
    if (name === "") {
      report(`${CADENCE.cadence} is blank`);
      return;
    }
    const appliesCell = read(CADENCE.appliesTo);
    const appliesTo = parseAppliesTo(appliesCell);
    if (!appliesTo) {
      report(`${CADENCE.appliesTo} "${cellText(appliesCell)}" is not a rule (${RULE_HELP})`);
      return;
    }
    const key = normalizeKey(name);
    const draft = drafts.get(key);
    const parsed = parseStepRow(read, draft, report);
    if (!parsed) return;

    if (!draft) {
      drafts.set(key, { name, appliesTo, appliesToRow: rowNumber, steps: [parsed.step] });
      return;
    }
    draft.steps.push(parsed.step);
    if (appliesTo.kind === "none") return;
    if (draft.appliesTo.kind === "none") {
      draft.appliesTo = appliesTo;
      draft.appliesToRow = rowNumber;
    } else if (describeAppliesTo(draft.appliesTo) !== describeAppliesTo(appliesTo)) {
      report(
        `${CADENCE.appliesTo} "${describeAppliesTo(appliesTo)}" differs from ` +
          `"${describeAppliesTo(draft.appliesTo)}" on row ${draft.appliesToRow}; using row ${draft.appliesToRow}'s`,
      );
    }
  });
  const cadences = [...drafts.values()].map((d) => ({
    name: d.name,
    appliesTo: d.appliesTo,
    steps: [...d.steps].sort((a, b) => a.step - b.step),
  }));
  return { cadences, problems };
}

export interface CadenceChoice {
  cadence: Cadence | null;
  /** Chosen by a "Stage:" rule (its start is the latest touch that set the stage). */
  byStage: boolean;
  /** Named by the contact's Cadence cell rather than chosen by a rule. */
  explicit: boolean;
  problem?: string;
}

function ruleMatches(rule: AppliesTo, contact: Pick<Contact, "stage" | "tier">): boolean {
  switch (rule.kind) {
    case "stage":
      return contact.stage === rule.stage;
    case "tier":
      return contact.tier === rule.tier;
    case "any":
      return true;
    case "none":
      return false;
  }
}

export function findCadence(name: string, cadences: readonly Cadence[]): Cadence | undefined {
  const key = normalizeKey(name);
  return cadences.find((c) => normalizeKey(c.name) === key);
}

export function chooseCadence(
  contact: Pick<Contact, "stage" | "tier" | "cadenceName">,
  cadences: readonly Cadence[],
): CadenceChoice {
  let problem: string | undefined;
  if (contact.cadenceName !== "") {
    const explicit = findCadence(contact.cadenceName, cadences);
    if (explicit) return { cadence: explicit, byStage: false, explicit: true };
    problem = `Unknown cadence "${contact.cadenceName}"`;
  }
  const matched = cadences.find((c) => ruleMatches(c.appliesTo, contact));
  const choice: CadenceChoice = {
    cadence: matched ?? null,
    byStage: matched?.appliesTo.kind === "stage",
    explicit: false,
  };
  if (problem) choice.problem = problem;
  return choice;
}
