// Deterministic, realistic demo data for the playground, tests and benchmarks: a team's
// Contacts and months of Touches history, as grids ready for setValues (header row first).
import {
  CONTACT,
  CONTACTS_SPEC,
  TOUCH,
  TOUCHES_SPEC,
  type Channel,
  type Direction,
  type Source,
  type Stage,
  type TableSpec,
  type Tier,
} from "../../src/domain/schema";
import { DemoCalendar } from "./calendar";
import { Random } from "../../emulator/random";
import { weighted } from "./weighted";
import {
  COMPANY_FIRST,
  COMPANY_SECOND,
  FIRST_NAMES,
  LAST_NAMES,
  LOST_REASONS,
  NEXT_STEPS,
  TEMPLATE_NAMES,
  TOPICS,
  TOUCH_NOTES,
} from "./words";
import { isValidTimeZone } from "../../src/domain/dates";
import { type Cell } from "../../src/domain/cells";

export interface DemoOptions {
  readonly contacts: number;
  readonly touches: number;
  /** Same seed (and options) → identical output. Default 1. */
  readonly seed?: number;
  readonly now: Date;
  /** IANA zone the sheet's days are in. */
  readonly zone: string;
  /** Team emails; the first one is also a manager. */
  readonly owners?: readonly string[];
}

export interface DemoSheet {
  /** Header row (CONTACTS_SPEC headers) then one row per contact. */
  readonly contacts: Cell[][];
  /** Header row (TOUCHES_SPEC headers) then touches, oldest first. */
  readonly touches: Cell[][];
  readonly owners: string[];
  readonly managers: string[];
}

export const DEFAULT_DEMO_OWNERS: readonly string[] = [
  "alex@acme.test",
  "sam@acme.test",
  "jordan@acme.test",
  "priya@acme.test",
];

const MINUTE_MS = 60_000;
const OPEN_STAGES: readonly Stage[] = [
  "New Lead",
  "Qualified",
  "Meeting Completed",
  "Proposal Sent",
  "Negotiation",
];
const PIPELINE: readonly Stage[] = [
  "Qualified",
  "Meeting Completed",
  "Proposal Sent",
  "Negotiation",
];

// Proportions of a typical small-team pipeline.
const pickStage = weighted<Stage>([
  ["New Lead", 18],
  ["Qualified", 16],
  ["Meeting Completed", 11],
  ["Proposal Sent", 10],
  ["Negotiation", 6],
  ["Won", 14],
  ["Lost", 13],
  ["Nurture", 12],
]);

const TIER_PICKERS: Readonly<Record<"lead" | "open" | "won" | "lost", (r: Random) => Tier | "">> = {
  lead: weighted<Tier | "">([
    ["Hot", 15],
    ["Warm", 35],
    ["Cold", 35],
    ["", 15],
  ]),
  open: weighted<Tier | "">([
    ["Hot", 35],
    ["Warm", 45],
    ["Cold", 15],
    ["", 5],
  ]),
  won: weighted<Tier | "">([
    ["Hot", 20],
    ["Warm", 50],
    ["Cold", 20],
    ["", 10],
  ]),
  lost: weighted<Tier | "">([
    ["Warm", 15],
    ["Cold", 45],
    ["Dead", 35],
    ["", 5],
  ]),
};

/** How many touches a contact at this stage has had, relative to others. */
const TOUCH_WEIGHT: Readonly<Record<Stage, number>> = {
  "New Lead": 1,
  Qualified: 5,
  "Meeting Completed": 8,
  "Proposal Sent": 11,
  Negotiation: 14,
  Won: 16,
  Lost: 9,
  Nurture: 7,
};

/** Days ago a contact at this stage was created: [min, max]. */
const CREATED_DAYS_AGO: Readonly<Record<Stage, readonly [number, number]>> = {
  "New Lead": [0, 30],
  Qualified: [10, 120],
  "Meeting Completed": [15, 150],
  "Proposal Sent": [20, 180],
  Negotiation: [30, 200],
  Won: [40, 270],
  Lost: [30, 270],
  Nurture: [60, 270],
};

interface TouchKind {
  readonly channel: Channel;
  readonly direction: Direction;
  readonly outcome: string;
}

const kind = (channel: Channel, direction: Direction, outcome: string): TouchKind => ({
  channel,
  direction,
  outcome,
});

const pickActivity = weighted<TouchKind>([
  [kind("Email", "Outbound", "Sent"), 34],
  [kind("Email", "Inbound", "Replied"), 15],
  [kind("Email", "Inbound", "Auto-reply"), 0.6],
  [kind("Call", "Outbound", "No Answer"), 9],
  [kind("Call", "Outbound", "Left Voicemail"), 8],
  [kind("Call", "Outbound", "Connected"), 9],
  [kind("Call", "Outbound", "Busy"), 2],
  [kind("Call", "Outbound", "Wrong Number"), 0.3],
  [kind("Call", "Inbound", "Connected"), 2],
  [kind("Meeting", "Outbound", "Scheduled"), 3],
  [kind("Meeting", "Outbound", "Completed"), 3],
  [kind("Meeting", "Outbound", "Rescheduled"), 1],
  [kind("Meeting", "Outbound", "No Show"), 0.7],
  [kind("Meeting", "Outbound", "Canceled"), 0.5],
  [kind("LinkedIn", "Outbound", "Sent"), 3],
  [kind("LinkedIn", "Inbound", "Replied"), 1],
  [kind("SMS", "Outbound", "Sent"), 2],
  [kind("SMS", "Inbound", "Replied"), 0.7],
  [kind("Note", "Internal", "Note"), 4],
]);

/** The touch that moved a contact into a stage, as people log it. */
const STAGE_TOUCH: Readonly<Record<Stage, TouchKind & { notes: string }>> = {
  "New Lead": { ...kind("Note", "Internal", "Stage Changed"), notes: "New lead" },
  Qualified: {
    ...kind("Call", "Outbound", "Connected"),
    notes: "Qualified: budget and timeline confirmed",
  },
  "Meeting Completed": {
    ...kind("Meeting", "Outbound", "Completed"),
    notes: "Discovery meeting done",
  },
  "Proposal Sent": { ...kind("Email", "Outbound", "Sent"), notes: "Sent the proposal" },
  Negotiation: { ...kind("Call", "Outbound", "Connected"), notes: "Discussed pricing and terms" },
  Won: { ...kind("Note", "Internal", "Stage Changed"), notes: "Signed. Contract countersigned" },
  Lost: { ...kind("Note", "Internal", "Stage Changed"), notes: "" },
  Nurture: { ...kind("Note", "Internal", "Stage Changed"), notes: "Not a priority this quarter" },
};

interface ContactPlan {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly phone: string;
  readonly company: string;
  readonly owner: string;
  /** Who logs this contact's touches (the owner, or a teammate for unowned rows). */
  readonly loggedBy: string;
  readonly stage: Stage;
  readonly tier: Tier | "";
  readonly cadence: string;
  readonly dealValue: number | "";
  readonly topic: string;
  readonly paused: boolean;
  readonly optedOut: boolean;
  readonly autoEmail: boolean;
  readonly createdMs: number;
  /** Instant of the latest touch, if the contact gets any. */
  readonly lastTouchMs: number;
  /** Stage changes this contact went through, oldest first (ends with its current stage). */
  readonly transitions: readonly Stage[];
  readonly touchWeight: number;
  nextStep: string;
  nextFollowUp: Date | "";
  renewalDate: Date | "";
}

interface TouchRecord {
  readonly ms: number;
  readonly contact: ContactPlan;
  readonly kind: TouchKind;
  readonly stage: Stage | "";
  readonly template: string;
  readonly notes: string;
  nextStep: string;
  nextFollowUp: Date | "";
  readonly source: Source;
}

/** Builds the demo grids. Deterministic: the same options always give identical output. */
export function generateDemoSheet(options: DemoOptions): DemoSheet {
  const { contacts: contactCount, touches: touchCount } = options;
  if (!Number.isInteger(contactCount) || contactCount < 0)
    throw new Error(`Demo "contacts" must be a whole number ≥ 0 (got ${contactCount}).`);
  if (!Number.isInteger(touchCount) || touchCount < 0)
    throw new Error(`Demo "touches" must be a whole number ≥ 0 (got ${touchCount}).`);
  if (touchCount > 0 && contactCount === 0)
    throw new Error("Demo touches need at least one contact to belong to.");
  if (Number.isNaN(options.now.getTime())) throw new Error('Demo "now" is not a valid date.');
  if (!isValidTimeZone(options.zone))
    throw new Error(
      `Demo "zone" "${options.zone}" is not a time zone (use a name like Europe/Berlin).`,
    );
  const owners = (options.owners ?? DEFAULT_DEMO_OWNERS).map((o) => o.trim().toLowerCase());
  if (owners.length === 0 || owners.some((o) => !o.includes("@")))
    throw new Error('Demo "owners" must be a non-empty list of emails.');

  const random = new Random(options.seed ?? 1);
  const calendar = new DemoCalendar(options.now, options.zone);
  const companies = companyPool(random, Math.max(8, Math.ceil(contactCount / 4)));
  const pickOwner = ownerPicker(owners);

  const plans: ContactPlan[] = [];
  const usedEmails = new Set<string>();
  for (let i = 0; i < contactCount; i++) {
    plans.push(planContact(i, random, calendar, companies, pickOwner, owners, usedEmails));
  }

  const perContact = allocateTouches(plans, touchCount);
  const records: TouchRecord[] = [];
  plans.forEach((plan, i) => {
    addTouches(plan, perContact[i] ?? 0, random, calendar, records);
    finishFollowUp(plan, random, calendar, records);
  });
  // The log is append-only, so rows are in time order; ties keep generation order (stable sort).
  records.sort((a, b) => a.ms - b.ms);

  return {
    contacts: [headers(CONTACTS_SPEC), ...plans.map(contactRow)],
    touches: [headers(TOUCHES_SPEC), ...records.map(touchRow)],
    owners,
    managers: owners.slice(0, 1),
  };
}

const headers = (spec: TableSpec): Cell[] => spec.columns.map((c) => c.header);

interface Company {
  readonly name: string;
  readonly domain: string;
}

function companyPool(random: Random, size: number): Company[] {
  const pool: Company[] = [];
  const seen = new Set<string>();
  const combinations = COMPANY_FIRST.length * COMPANY_SECOND.length;
  while (pool.length < Math.min(size, combinations)) {
    const name = `${random.pick(COMPANY_FIRST)} ${random.pick(COMPANY_SECOND)}`;
    if (seen.has(name)) continue;
    seen.add(name);
    pool.push({ name, domain: `${slug(name).replace(/\./g, "")}.test` });
  }
  return pool;
}

/** "Tomás López" → "tomas.lopez". */
function slug(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ".")
    .replace(/^\.|\.$/g, "");
}

/** Owners get uneven shares (the first carries most) and a few contacts have none. */
function ownerPicker(owners: readonly string[]): (random: Random) => string {
  const entries: [string, number][] = owners.map((o, i) => [o, 1 / (1 + 0.45 * i)]);
  const total = entries.reduce((sum, [, w]) => sum + w, 0);
  entries.push(["", total * 0.03]);
  return weighted(entries);
}

function planContact(
  index: number,
  random: Random,
  calendar: DemoCalendar,
  companies: readonly Company[],
  pickOwner: (r: Random) => string,
  owners: readonly string[],
  usedEmails: Set<string>,
): ContactPlan {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const company = random.pick(companies);
  let email = "";
  if (!random.chance(0.03)) {
    email = `${slug(first)}.${slug(last)}@${company.domain}`;
    if (usedEmails.has(email)) email = `${slug(first)}.${slug(last)}${index + 1}@${company.domain}`;
    usedEmails.add(email);
  }
  const stage = pickStage(random);
  const open = OPEN_STAGES.includes(stage);
  const owner = pickOwner(random);
  const tierGroup =
    stage === "New Lead" ? "lead" : open ? "open" : stage === "Won" ? "won" : "lost";
  const optedOut = random.chance(0.02);
  const paused = !optedOut && open && random.chance(0.03);

  const [minAgo, maxAgo] = CREATED_DAYS_AGO[stage];
  const createdAgo = random.int(minAgo, maxAgo);
  const createdMs = Math.min(
    calendar.at(-createdAgo, random.int(7 * 60, 19 * 60)),
    calendar.nowMs - random.int(30, 240) * MINUTE_MS,
  );
  const lastTouchMs = pickLastTouch(stage, createdMs, random, calendar);

  return {
    id: `C-${String(index + 1).padStart(6, "0")}`,
    name: `${first} ${last}`,
    email,
    phone: random.chance(0.8) ? `+1 555 01${String(random.int(0, 99)).padStart(2, "0")}` : "",
    company: company.name,
    owner,
    loggedBy: owner || (owners[index % owners.length] ?? ""),
    stage,
    tier: TIER_PICKERS[tierGroup](random),
    cadence:
      open && random.chance(0.03)
        ? random.pick(["Hot lead", "Warm lead", "Standard outreach"])
        : "",
    dealValue: stage !== "New Lead" || random.chance(0.2) ? dealValue(random) : "",
    topic: random.chance(0.85) ? random.pick(TOPICS) : "",
    paused,
    optedOut,
    autoEmail: email !== "" && !optedOut && random.chance(0.35),
    createdMs,
    lastTouchMs,
    transitions: stageHistory(stage, random),
    touchWeight:
      stage === "New Lead" && random.chance(0.35)
        ? 0
        : TOUCH_WEIGHT[stage] *
          (0.4 + 1.2 * random.next()) *
          (0.5 + Math.min(lastTouchMs - createdMs, 120 * 86_400_000) / (120 * 86_400_000)),
    nextStep: "",
    nextFollowUp: "",
    renewalDate: "",
  };
}

/** Log-uniform 2,000–120,000, rounded to 500. */
function dealValue(random: Random): number {
  const value = Math.exp(Math.log(2000) + random.next() * (Math.log(120000) - Math.log(2000)));
  return Math.max(500, Math.round(value / 500) * 500);
}

/** When the contact was last touched: recent for open deals, a few gone stale; older for closed. */
function pickLastTouch(
  stage: Stage,
  createdMs: number,
  random: Random,
  calendar: DemoCalendar,
): number {
  let daysAgo: number;
  if (OPEN_STAGES.includes(stage)) {
    const roll = random.next();
    daysAgo = roll < 0.7 ? random.int(0, 10) : roll < 0.9 ? random.int(11, 25) : random.int(26, 60);
  } else if (stage === "Won") daysAgo = random.int(0, 90);
  else if (stage === "Lost") daysAgo = random.int(5, 120);
  else daysAgo = random.int(10, 150);
  const createdOffset = calendar.offsetOf(createdMs);
  let offset = Math.max(-daysAgo, createdOffset);
  // People rarely log touches at weekends: move back to the Friday when the contact existed then.
  while (calendar.isWeekend(offset) && offset - 1 >= createdOffset) offset--;
  const ms = calendar.at(offset, random.int(8 * 60, 18 * 60));
  return Math.max(
    createdMs + MINUTE_MS,
    Math.min(ms, calendar.nowMs - random.int(5, 90) * MINUTE_MS),
  );
}

/** Stage changes leading to `stage`, oldest first. New leads have none. */
function stageHistory(stage: Stage, random: Random): Stage[] {
  switch (stage) {
    case "New Lead":
      return [];
    case "Won":
      return [...PIPELINE.slice(0, random.int(2, 4)), "Won"];
    case "Lost":
      return [...PIPELINE.slice(0, random.int(1, 3)), "Lost"];
    case "Nurture":
      return [...PIPELINE.slice(0, random.int(0, 2)), "Nurture"];
    default:
      return PIPELINE.slice(0, PIPELINE.indexOf(stage) + 1);
  }
}

/** Splits `total` touches across contacts in proportion to their weights, exactly. */
function allocateTouches(plans: readonly ContactPlan[], total: number): number[] {
  if (plans.length === 0 || total === 0) return plans.map(() => 0);
  let weights = plans.map((p) => p.touchWeight);
  let sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) {
    weights = plans.map(() => 1);
    sum = plans.length;
  }
  const shares = weights.map((w) => (total * w) / sum);
  const counts = shares.map(Math.floor);
  let remainder = total - counts.reduce((a, b) => a + b, 0);
  // Largest remainders first; ties by position, so the result is deterministic.
  const order = shares
    .map((share, i) => ({ i, fraction: share - Math.floor(share) }))
    .sort((a, b) => b.fraction - a.fraction || a.i - b.i);
  for (let k = 0; remainder > 0; k = (k + 1) % order.length, remainder--) {
    const slot = order[k];
    if (slot) counts[slot.i] = (counts[slot.i] ?? 0) + 1;
  }
  return counts;
}

/** Times for `count` touches between creation and the last touch, in working hours. */
function touchTimes(
  plan: ContactPlan,
  count: number,
  random: Random,
  calendar: DemoCalendar,
): number[] {
  const start = plan.createdMs + MINUTE_MS;
  const end = Math.min(plan.lastTouchMs, calendar.nowMs - MINUTE_MS);
  if (count === 0) return [];
  if (end - start < count * MINUTE_MS) {
    // Too little room for working-hour spacing (a lead created minutes ago): spread evenly.
    const low = plan.createdMs;
    const high = Math.max(low + 1, calendar.nowMs - 1);
    const span = Math.min(end, high) - low;
    return Array.from(
      { length: count },
      (_, i) => low + Math.floor(((i + 1) * span) / (count + 1)),
    );
  }
  const times = [end];
  const firstDay = calendar.offsetOf(start);
  const lastDay = calendar.offsetOf(end);
  for (let i = 1; i < count; i++) {
    let day = random.int(firstDay, lastDay);
    if (calendar.isWeekend(day) && random.chance(0.85)) day = random.int(firstDay, lastDay);
    const ms = calendar.at(day, random.int(8 * 60, 18 * 60));
    times.push(Math.min(Math.max(ms, start), end - MINUTE_MS));
  }
  return times.sort((a, b) => a - b);
}

function addTouches(
  plan: ContactPlan,
  count: number,
  random: Random,
  calendar: DemoCalendar,
  out: TouchRecord[],
): void {
  const times = touchTimes(plan, count, random, calendar);
  // Stage changes sit evenly through the history; with fewer touches than changes, the latest win.
  const transitions = plan.transitions.slice(Math.max(0, plan.transitions.length - count));
  const m = transitions.length;
  const stageAt = new Map<number, Stage>();
  transitions.forEach((stage, j) => {
    const index = count <= m ? j : Math.floor(((j + 1) * count) / (m + 1));
    stageAt.set(Math.min(index, count - 1), stage);
  });
  times.forEach((ms, index) => {
    const stage = stageAt.get(index);
    const source: Source = random.chance(0.65) ? "Sidebar" : "Sheet";
    if (stage) {
      const touch = STAGE_TOUCH[stage];
      out.push({
        ms,
        contact: plan,
        kind: touch,
        stage,
        template: "",
        notes: stage === "Lost" ? random.pick(LOST_REASONS) : touch.notes,
        nextStep: "",
        nextFollowUp: "",
        source,
      });
      return;
    }
    let activity = pickActivity(random);
    // Most contacts' latest touch is ours: an unanswered reply is the exception, not the norm.
    if (index === count - 1 && activity.direction === "Inbound" && random.chance(0.7)) {
      activity = pickActivity(random);
    }
    const templated = activity.channel === "Email" && activity.direction === "Outbound";
    const template = templated && random.chance(0.45) ? random.pick(TEMPLATE_NAMES) : "";
    out.push({
      ms,
      contact: plan,
      kind: activity,
      stage: "",
      template,
      notes: template === "" && random.chance(0.45) ? random.pick(TOUCH_NOTES) : "",
      nextStep: random.chance(0.1) ? random.pick(NEXT_STEPS[plan.stage]) : "",
      nextFollowUp: "",
      source,
    });
  });
}

/**
 * Next Step, Next Follow-Up and Renewal Date. The agreed follow-up is the one logged with the
 * contact's latest touch, so the Contacts row and the Touches history agree (rule 3).
 */
function finishFollowUp(
  plan: ContactPlan,
  random: Random,
  calendar: DemoCalendar,
  records: TouchRecord[],
): void {
  const open = OPEN_STAGES.includes(plan.stage);
  const lastRecord = records.length > 0 ? records[records.length - 1] : undefined;
  const lastTouch = lastRecord?.contact === plan ? lastRecord : undefined;
  if ((open || plan.stage === "Won") && random.chance(open ? 0.6 : 0.2)) {
    plan.nextStep = random.pick(NEXT_STEPS[plan.stage]);
  }
  if (open && !plan.optedOut && !plan.paused && lastTouch && random.chance(0.3)) {
    const touchDay = calendar.offsetOf(lastTouch.ms);
    let day = random.int(-4, 14);
    if (day <= touchDay) day = touchDay + random.int(1, 3);
    day = calendar.nextWorkday(day);
    const timed = random.chance(0.3);
    const minute = timed ? random.int(18, 33) * 30 : 0;
    plan.nextFollowUp = new Date(calendar.at(day, minute));
  }
  if (lastTouch) {
    lastTouch.nextStep = plan.nextStep;
    lastTouch.nextFollowUp = plan.nextFollowUp;
  }
  if (plan.stage === "Won" && random.chance(0.5)) {
    const wonMs = lastTouch?.ms ?? plan.createdMs;
    plan.renewalDate = new Date(calendar.midnight(calendar.offsetOf(wonMs) + 365));
  }
}

function contactRow(plan: ContactPlan): Cell[] {
  const row: Cell[] = new Array<Cell>(CONTACT_COLUMNS.width).fill("");
  const set = (index: number, value: Cell): void => {
    row[index] = value;
  };
  const c = CONTACT_COLUMNS;
  set(c.id, plan.id);
  set(c.name, plan.name);
  set(c.email, plan.email);
  set(c.phone, plan.phone);
  set(c.company, plan.company);
  set(c.owner, plan.owner);
  set(c.stage, plan.stage);
  set(c.tier, plan.tier);
  set(c.cadence, plan.cadence);
  set(c.dealValue, plan.dealValue);
  set(c.topic, plan.topic);
  set(c.nextStep, plan.nextStep);
  set(c.nextFollowUp, plan.nextFollowUp);
  set(c.renewalDate, plan.renewalDate);
  set(c.autoEmail, plan.autoEmail);
  set(c.paused, plan.paused);
  set(c.optedOut, plan.optedOut);
  set(c.created, new Date(plan.createdMs));
  return row;
}

function touchRow(record: TouchRecord, index: number): Cell[] {
  const row: Cell[] = new Array<Cell>(TOUCH_COLUMNS.width).fill("");
  const t = TOUCH_COLUMNS;
  row[t.touchId] = `T-${String(index + 1).padStart(7, "0")}`;
  row[t.timestamp] = new Date(record.ms);
  row[t.contactId] = record.contact.id;
  row[t.contact] = record.contact.name;
  row[t.channel] = record.kind.channel;
  row[t.direction] = record.kind.direction;
  row[t.outcome] = record.kind.outcome;
  row[t.template] = record.template;
  row[t.stage] = record.stage;
  row[t.notes] = record.notes;
  row[t.nextStep] = record.nextStep;
  row[t.nextFollowUp] = record.nextFollowUp;
  row[t.loggedBy] = record.contact.loggedBy;
  row[t.source] = record.source;
  return row;
}

/** Column positions by key, taken from the spec so the grids always follow the schema's order. */
function positions<K extends string>(
  spec: TableSpec,
  names: Readonly<Record<K, string>>,
): Record<K, number> & { width: number } {
  const result = { width: spec.columns.length } as Record<K, number> & { width: number };
  for (const key of Object.keys(names) as K[]) {
    const index = spec.columns.findIndex((c) => c.header === names[key]);
    if (index < 0) throw new Error(`Schema has no "${names[key]}" column in ${spec.tab}.`);
    (result as Record<K, number>)[key] = index;
  }
  return result;
}

const CONTACT_COLUMNS = positions(CONTACTS_SPEC, CONTACT);
const TOUCH_COLUMNS = positions(TOUCHES_SPEC, TOUCH);
