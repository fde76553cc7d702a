// Engine scenarios: our own small cadences and a one-call runner over computeContact. The record
// builders live in test/support/domain.ts (re-exported here for the engine tests).
import { computeContact } from "../../src/domain/engine";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import type { Cadence, Contact, ContactResult, Touch } from "../../src/domain/types";
import { BERLIN, at, cadencesFrom, contact, localDate } from "../support/domain";

export {
  BERLIN,
  at,
  cadencesFrom,
  contact,
  dateOnly,
  inbound,
  localDate,
  timed,
  touch,
} from "../support/domain";

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
