// Builders of domain records for unit tests (contacts, touches, engine results, cadences) and local
// times in a zone: one home, so a new field in types.ts is added in one place.
import { parseCadences } from "../../src/domain/cadences";
import type { RefreshCounts, RefreshPlan } from "../../src/domain/refresh";
import { type Cell } from "../../src/domain/cells";
import { localDateTime } from "../../src/domain/dates";
import { TAB, type Status, type TabName } from "../../src/domain/schema";
import { indexTable, type Table } from "../../src/domain/table";
import type {
  Cadence,
  CadenceStep,
  Contact,
  ContactResult,
  ContactRow,
  DueStep,
  Touch,
  When,
} from "../../src/domain/types";

export const BERLIN = "Europe/Berlin";

/** "2026-03-06 10:00" or "2026-03-06" as a local time in `zone`. */
export function at(local: string, zone = BERLIN): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?: (\d{2}):(\d{2}))?$/.exec(local);
  if (!m) throw new Error(`bad test time ${local}`);
  return localDateTime(zone, +m[1]!, +m[2]!, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0));
}

/** The local calendar date of `d` in `zone`, as YYYY-MM-DD. */
export function localDate(d: Date, zone = BERLIN): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: zone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(d);
}

export const dateOnly = (local: string, zone = BERLIN): When => ({
  at: at(local, zone),
  hasTime: false,
});
export const timed = (local: string, zone = BERLIN): When => ({
  at: at(local, zone),
  hasTime: true,
});

export function contact(fields: Partial<Contact> = {}): Contact {
  return {
    rowNumber: 2,
    id: "C-1",
    name: "Ann Lee",
    email: "ann@example.com",
    company: "Acme",
    owner: "rep@example.com",
    stage: null,
    tier: null,
    cadenceName: "",
    dealValue: null,
    topic: "",
    nextStep: "",
    nextFollowUp: null,
    renewalDate: null,
    autoEmail: false,
    paused: false,
    optedOut: false,
    created: null,
    previousCadenceStart: null,
    previousStep: "",
    cells: new Map(),
    problems: [],
    ...fields,
  };
}

let touchCounter = 0;
/** An outbound email unless told otherwise. */
export function touch(local: string, fields: Partial<Touch> = {}, zone = BERLIN): Touch {
  touchCounter++;
  return {
    rowNumber: touchCounter + 1,
    touchId: `T-${touchCounter}`,
    timestamp: at(local, zone),
    contactId: "C-1",
    contactName: "Ann Lee",
    channel: "Email",
    direction: "Outbound",
    outcome: "Sent",
    template: "",
    step: "",
    stage: null,
    notes: "",
    nextStep: "",
    nextFollowUp: null,
    loggedBy: "rep@example.com",
    source: "Sheet",
    threadId: "",
    delivery: null,
    ...fields,
  };
}

export const inbound = (local: string, fields: Partial<Touch> = {}, zone = BERLIN): Touch =>
  touch(local, { direction: "Inbound", outcome: "Replied", ...fields }, zone);

const CADENCE_HEADERS = [
  "Cadence",
  "Applies To",
  "Step",
  "Day",
  "Channel",
  "Auto Send",
  "Repeat Every",
];

/** Builds cadences from compact rows: [name, appliesTo, days, repeatEvery?]. */
export function cadencesFrom(
  specs: readonly [name: string, appliesTo: string, days: readonly number[], repeat?: number][],
): Cadence[] {
  const grid: Cell[][] = [CADENCE_HEADERS];
  for (const [name, appliesTo, days, repeat] of specs) {
    days.forEach((day, i) => {
      const last = i === days.length - 1;
      grid.push([
        name,
        i === 0 ? appliesTo : "",
        i + 1,
        day,
        "Email",
        true,
        last ? (repeat ?? "") : "",
      ]);
    });
  }
  const { cadences, problems } = parseCadences(indexTable(TAB.cadences, grid));
  if (problems.length > 0) throw new Error(problems.join("\n"));
  return cadences;
}

/** An engine result with nothing due, unless told otherwise. */
export function contactResult(status: Status, fields: Partial<ContactResult> = {}): ContactResult {
  return {
    status,
    due: null,
    lastTouch: null,
    daysSinceTouch: null,
    touches: 0,
    attempts: 0,
    step: "",
    lastOutcome: "",
    cadenceStart: null,
    problem: "",
    cadence: "",
    dueStep: null,
    tierChange: null,
    stale: false,
    awaitingReply: false,
    nextMeeting: null,
    ...fields,
  };
}

/** A cadence step: an automated email on day 0 unless told otherwise. */
export function cadenceStep(fields: Partial<CadenceStep> = {}): CadenceStep {
  return {
    step: 1,
    day: 0,
    channel: "Email",
    template: "Intro",
    autoSend: true,
    repeatEvery: null,
    note: "",
    ...fields,
  };
}

/** The step due next, on cadence `cadence`. */
export function dueStep(cadence: string, step: Partial<CadenceStep> = {}): DueStep {
  const built = cadenceStep(step);
  return { cadence, step: built, repeat: 0, key: `C-1|${cadence}|${built.step}|2026-03-02` };
}

export const contactRow = (contactFields: Partial<Contact>, result: ContactResult): ContactRow => ({
  contact: contact(contactFields),
  result,
});

/** A tab as `indexTable` reads it: the header row, then one row per record (absent cells blank). */
export function tableOfRecords(
  tab: TabName,
  headers: readonly string[],
  records: readonly Readonly<Record<string, Cell>>[],
): Table {
  const grid: Cell[][] = [[...headers], ...records.map((r) => headers.map((h) => r[h] ?? ""))];
  return indexTable(tab, grid);
}

/** A refresh plan with nothing to write and every count zero, unless told otherwise. */
export function refreshPlan(
  fields: Partial<Omit<RefreshPlan, "counts">> = {},
  counts: Partial<RefreshCounts> = {},
): RefreshPlan {
  return {
    rows: [],
    contactColumns: new Map(),
    contactFormats: new Map(),
    contactCells: [],
    touchCells: [],
    touches: [],
    historyLost: false,
    newTouches: [],
    problems: [],
    ...fields,
    counts: {
      contacts: 0,
      due: 0,
      overdue: 0,
      replied: 0,
      problems: 0,
      idsAssigned: 0,
      tierChanges: 0,
      ...counts,
    },
  };
}
