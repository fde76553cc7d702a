// Small builders for engine tests: contacts, touches, cadences and local times in a zone.
import { parseCadences } from "../../src/domain/cadences";
import { localDateTime } from "../../src/domain/dates";
import { computeContact } from "../../src/domain/engine";
import { TAB } from "../../src/domain/schema";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import { indexTable } from "../../src/domain/table";
import type { Cadence, Contact, ContactResult, Touch, When } from "../../src/domain/types";
import type { Status } from "../../src/domain/schema";
import { type Cell } from "../../src/domain/cells";

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

/** A computed result with nothing due, for tests that set only the fields they read. */
export function contactResult(
  status: Status = "Upcoming",
  fields: Partial<ContactResult> = {},
): ContactResult {
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

/** Our own small cadences (stage rules, then tier rules, then Any), shaped like the defaults. */
export const CADENCES = cadencesFrom([
  ["Proposal", "Stage: Proposal Sent", [3, 7, 14, 21]],
  ["Qualify", "Stage: Qualified", [1, 2]],
  ["Negotiation", "Stage: Negotiation", [2], 2],
  ["Won", "Stage: Won", [7, 30]],
  ["Lost", "Stage: Lost", [1]],
  ["Nurture", "Stage: Nurture", [90], 90],
  ["Hot lead", "Tier: Hot", [0, 1, 2, 4, 6, 9, 13, 20]],
  ["Warm", "Tier: Warm", [0, 3, 7, 14]],
  ["Cold", "Tier: Cold", [0, 6, 16, 27, 41, 55, 69]],
  ["Dead", "Tier: Dead", [90], 90],
  ["Next day", "", [1]],
  ["Outreach", "Any", [0, 2, 6, 13, 29]],
]);

/** The same cadences without the catch-all, for "no cadence" cases. */
export const CADENCES_WITHOUT_ANY = CADENCES.filter((c) => c.appliesTo.kind !== "any");

export interface Scenario {
  contact?: Partial<Contact>;
  touches?: Touch[];
  cadences?: readonly Cadence[];
  settings?: Partial<Settings>;
  zone?: string;
  now: string | Date;
}

export function run(s: Scenario): ContactResult {
  const zone = s.zone ?? BERLIN;
  return computeContact({
    contact: contact(s.contact),
    touches: s.touches ?? [],
    cadences: s.cadences ?? CADENCES,
    settings: { ...DEFAULT_SETTINGS, ...s.settings },
    zone,
    now: typeof s.now === "string" ? at(s.now, zone) : s.now,
  });
}

/** The due as the sheet would show it: local date, plus time when it has one. */
export function showDue(result: ContactResult, zone = BERLIN): string | null {
  if (!result.due) return null;
  const date = localDate(result.due.at, zone);
  if (!result.due.hasTime) return date;
  const time = new Intl.DateTimeFormat("en-GB", {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(result.due.at);
  return `${date} ${time}`;
}

/** Zones with DST at 02:00, none, half and quarter hours, midnight skipped, a 30-minute DST. */
export const SAMPLE_ZONES = [
  "America/New_York",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Pacific/Honolulu",
  "America/Santiago",
  "Australia/Lord_Howe",
];

/** 400 instants through 2026 at uneven hours and minutes, crossing every switch of the year. */
export function sampleInstants(): Date[] {
  const start = Date.UTC(2026, 0, 1);
  return Array.from(
    { length: 400 },
    (_, i) => new Date(start + i * 22 * 3_600_000 + i * 7 * 60_000),
  );
}
