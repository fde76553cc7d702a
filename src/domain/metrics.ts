// The Metrics tab's numbers (DESIGN §5): activity, outcome, what works, per owner, pipeline. Pure:
// the refresh's rows and parsed touches in, tables out, each with its one-line definition beside
// the code that computes it. Every day is a local day in the sheet's zone.
import { addLocalDays, daysBetween, localParts, startOfLocalDay } from "./dates";
import { formatDay } from "./format";
import {
  average,
  buildHistories,
  closedAt,
  dayInPeriod,
  inPeriod,
  lastDays,
  median,
  rate,
  REPLY_WINDOW_DAYS,
  type ContactHistory,
  type FollowUpFact,
  type Histories,
  type MetricsInput,
  type OutboundFact,
  type Period,
} from "./metricsHistory";
import {
  count,
  label,
  money,
  percent,
  type MetricSection,
  type MetricTable,
  type MetricValue,
} from "./metricsTable";
import { normalizeKey } from "./cells";
import { CHANNELS, CLOSED_STAGES, STAGES, TIERS } from "./schema";
import type { Settings } from "./settings";
import type { ContactRow, Touch } from "./types";

export interface MetricsOptions extends MetricsInput {
  /** Metrics window (days). */
  readonly windowDays: number;
  /** New lead response (hours): the first-response target. */
  readonly newLeadResponseHours: number;
}

export interface MetricsReport {
  readonly generatedAt: Date;
  readonly windowDays: number;
  readonly zone: string;
  readonly sections: readonly MetricSection[];
}

export const UNOWNED = "(unowned)";
export const UNKNOWN_CONTACT = "(unknown contact)";
export const NO_VALUE = "(none)";
/** Weeks of the touches-per-week table (the current week last). */
export const WEEKS_SHOWN = 12;
/** Owners with a column of their own in touches per week; the rest share one. */
export const OWNER_COLUMNS = 8;
/** Touch numbers 1…MAX get a row each; later ones share the last row ("8+"). */
export const TOUCH_NUMBER_ROWS = 8;
const WEEKDAY_NAMES = [
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
  "Sunday",
];
const MS_PER_HOUR = 3_600_000;

/** Table keys (stable: tests and chart specs use them). */
export const METRIC = {
  followUps: "followUps",
  firstResponse: "firstResponse",
  attempts: "attempts",
  touchesPerWeek: "touchesPerWeek",
  responseByTouch: "responseByTouch",
  conversion: "conversion",
  won: "won",
  stall: "stall",
  templates: "templates",
  channels: "channels",
  weekdays: "weekdays",
  hours: "hours",
  owners: "owners",
  pipelineByStage: "pipelineByStage",
  pipelineByTier: "pipelineByTier",
} as const;

/** What the Metrics tab and the Monday review are computed from: the refresh's results. */
export interface MetricsSource {
  readonly rows: readonly ContactRow[];
  readonly touches: readonly Touch[];
  readonly settings: Settings;
  readonly zone: string;
  readonly now: Date;
}

/** The metrics as the Settings ask for them (window, target, weekends). */
export function computeMetricsFor(source: MetricsSource): MetricsReport {
  const { settings } = source;
  return computeMetrics({
    ...source,
    skipWeekends: settings.skipWeekends,
    windowDays: settings.metricsWindowDays,
    newLeadResponseHours: settings.newLeadResponseHours,
  });
}

export function computeMetrics(options: MetricsOptions): MetricsReport {
  const histories = buildHistories(options);
  const window = lastDays(options.windowDays, options.zone, options.now);
  const context: Context = { ...options, histories, window };
  return {
    generatedAt: options.now,
    windowDays: options.windowDays,
    zone: options.zone,
    sections: [
      {
        title: "Activity",
        tables: [
          followUpsTable(context),
          firstResponseTable(context),
          attemptsTable(context),
          touchesPerWeekTable(context),
        ],
      },
      {
        title: "Outcome",
        tables: [
          responseByTouchTable(context),
          conversionTable(context),
          wonTable(context),
          stallTable(context),
        ],
      },
      // Pipeline before the variable-length tables: the charted tables keep their rows, so the
      // charts' ranges rarely change.
      { title: "Pipeline", tables: [pipelineByStageTable(context), pipelineByTierTable(context)] },
      {
        title: "What works",
        tables: [templatesTable(context), channelsTable(context), ...timingTables(context)],
      },
      { title: "Per owner", tables: [ownersTable(context)] },
    ],
  };
}

interface Context extends MetricsOptions {
  readonly histories: Histories;
  readonly window: Period;
}

const ownerOf = (history: ContactHistory): string => history.row.contact.owner || UNOWNED;

// ---- shared tallies (the Monday review uses them over other periods) --------------------------

export interface FollowUpTally {
  due: number;
  onTime: number;
  late: number;
  missed: number;
}

export function tallyFollowUps(facts: Iterable<FollowUpFact>, period: Period): FollowUpTally {
  const tally: FollowUpTally = { due: 0, onTime: 0, late: 0, missed: 0 };
  for (const fact of facts) {
    if (!dayInPeriod(fact.dueDay, period)) continue;
    tally.due++;
    if (fact.outcome === "on time") tally.onTime++;
    else if (fact.outcome === "late") tally.late++;
    else tally.missed++;
  }
  return tally;
}

export interface ReplyTally {
  sends: number;
  replies: number;
}

/** Outbound touches sent in `period` (of known contacts), with the contact they went to. */
export function* outboundIn(
  histories: Histories,
  period: Period,
): Generator<{ history: ContactHistory; fact: OutboundFact }> {
  for (const history of histories.contacts) {
    for (const fact of history.outbound) {
      if (inPeriod(fact.touch.timestamp, period)) yield { history, fact };
    }
  }
}

/** Sends and replies grouped by `keyOf` (null = left out), in first-seen order. */
export function tallyReplies(
  histories: Histories,
  period: Period,
  keyOf: (fact: OutboundFact) => string | null,
): Map<string, ReplyTally> {
  const tallies = new Map<string, ReplyTally>();
  for (const { fact } of outboundIn(histories, period)) {
    const key = keyOf(fact);
    if (key === null) continue;
    let tally = tallies.get(key);
    if (!tally) {
      tally = { sends: 0, replies: 0 };
      tallies.set(key, tally);
    }
    tally.sends++;
    if (fact.replied) tally.replies++;
  }
  return tallies;
}

/** Per template, keyed by its name as first written (names match ignoring case and spaces). */
export function templateTallies(histories: Histories, period: Period): Map<string, ReplyTally> {
  const spelling = new Map<string, string>();
  const byKey = tallyReplies(histories, period, (fact) => {
    const name = fact.touch.template.trim();
    if (name === "") return null;
    const key = normalizeKey(name);
    if (!spelling.has(key)) spelling.set(key, name);
    return key;
  });
  return new Map([...byKey].map(([key, tally]) => [spelling.get(key)!, tally]));
}

/** Won deals closed in `period`, with the moment each closed. */
export function wonIn(
  histories: Histories,
  period: Period,
): { history: ContactHistory; at: Date }[] {
  return closedIn(histories, period).filter((c) => c.history.row.contact.stage === "Won");
}

function closedIn(histories: Histories, period: Period): { history: ContactHistory; at: Date }[] {
  return histories.contacts.flatMap((history) => {
    const at = closedAt(history);
    return at && inPeriod(at, period) ? [{ history, at }] : [];
  });
}

// ---- Activity ---------------------------------------------------------------------------------

function followUpsTable(context: Context): MetricTable {
  const tally = tallyFollowUps(
    context.histories.contacts.flatMap((h) => h.followUps),
    context.window,
  );
  return {
    key: METRIC.followUps,
    title: "Follow-ups due vs done",
    definition:
      "A follow-up is a touch's Next Follow-Up date (or a contact Overdue now) due in the window: " +
      "on time = the next outbound touch came by the end of that day, late = after it, missed = " +
      "none yet or the date was replaced after it passed.",
    columns: [
      label("Follow-ups"),
      count("Due"),
      count("On time"),
      count("Late"),
      count("Missed"),
      percent("On-time rate"),
    ],
    rows: [
      [
        "All owners",
        tally.due,
        tally.onTime,
        tally.late,
        tally.missed,
        rate(tally.onTime, tally.due),
      ],
    ],
  };
}

function firstResponseTable(context: Context): MetricTable {
  const { histories, window, newLeadResponseHours } = context;
  const leads = histories.contacts.filter(
    (h) => h.row.contact.created && inPeriod(h.row.contact.created, window),
  );
  const hours = leads.flatMap((h) => {
    const first = h.outbound[0]?.touch.timestamp;
    const created = h.row.contact.created!;
    return first ? [Math.max(0, (first.getTime() - created.getTime()) / MS_PER_HOUR)] : [];
  });
  const within = hours.filter((h) => h <= newLeadResponseHours).length;
  return {
    key: METRIC.firstResponse,
    title: "First response to new leads",
    definition:
      "Leads = contacts Created in the window; first response = clock hours from Created to " +
      "their first outbound touch; target = the New lead response setting.",
    columns: [
      label("New leads"),
      count("Created"),
      count("Responded"),
      { header: "Avg hours to first response", kind: "hours" },
      { header: "Target (hours)", kind: "hours" },
      count("Within target"),
      percent("Within target %"),
      count("Not responded yet"),
    ],
    rows: [
      [
        "All owners",
        leads.length,
        hours.length,
        average(hours),
        newLeadResponseHours,
        within,
        rate(within, hours.length),
        leads.length - hours.length,
      ],
    ],
  };
}

function attemptsTable(context: Context): MetricTable {
  const { histories, window } = context;
  let outbound = 0;
  const worked = new Set<ContactHistory>();
  for (const { history } of outboundIn(histories, window)) {
    outbound++;
    worked.add(history);
  }
  const beforeFirstReply = histories.contacts.flatMap((h) => {
    const reply = h.replies[0];
    if (!reply || !inPeriod(reply.timestamp, window)) return [];
    return [h.outbound.filter((o) => o.touch.timestamp < reply.timestamp).length];
  });
  return {
    key: METRIC.attempts,
    title: "Attempts per lead",
    definition:
      "Attempts per lead = outbound touches in the window ÷ contacts who got one; before first " +
      "reply = outbound touches before a contact's first reply, for first replies in the window.",
    columns: [
      label("Attempts"),
      count("Contacts worked"),
      count("Outbound touches"),
      { header: "Attempts per lead", kind: "average" },
      count("Contacts who replied"),
      { header: "Attempts before first reply", kind: "average" },
    ],
    rows: [
      [
        "All owners",
        worked.size,
        outbound,
        rate(outbound, worked.size),
        beforeFirstReply.length,
        average(beforeFirstReply),
      ],
    ],
  };
}

/** Monday 00:00 (local) of the week `at` falls in. */
function weekStart(at: Date, zone: string): Date {
  const mondayBased = (localParts(at, zone).weekday + 6) % 7;
  return startOfLocalDay(addLocalDays(at, -mondayBased, zone), zone);
}

function touchesPerWeekTable(context: Context): MetricTable {
  const { histories, zone, now } = context;
  const first = weekStart(addLocalDays(now, -7 * (WEEKS_SHOWN - 1), zone), zone);
  const starts = Array.from({ length: WEEKS_SHOWN }, (_, i) => addLocalDays(first, 7 * i, zone));
  const weekOf = (touch: Touch): number =>
    Math.floor(daysBetween(first, touch.timestamp, zone) / 7);
  const perOwner = new Map<string, number[]>();
  const add = (owner: string, touch: Touch) => {
    const week = weekOf(touch);
    if (week < 0 || week >= WEEKS_SHOWN) return;
    let counts = perOwner.get(owner);
    if (!counts) {
      counts = new Array<number>(WEEKS_SHOWN).fill(0);
      perOwner.set(owner, counts);
    }
    counts[week]!++;
  };
  for (const history of histories.contacts) {
    for (const fact of history.outbound) add(ownerOf(history), fact.touch);
  }
  for (const touch of histories.unknownContactTouches) {
    if (touch.direction === "Outbound") add(UNKNOWN_CONTACT, touch);
  }
  const total = (counts: number[]) => counts.reduce((a, b) => a + b, 0);
  const owners = [...perOwner]
    .sort(([a, x], [b, y]) => total(y) - total(x) || a.localeCompare(b))
    .map(([owner]) => owner);
  const shown = owners.length > OWNER_COLUMNS ? owners.slice(0, OWNER_COLUMNS - 1) : owners;
  const others = owners.slice(shown.length);
  const columns = [label("Week of"), count("Total"), ...shown.map(count)];
  if (others.length > 0) columns.push(count(`Other owners (${others.length})`));
  const rows = starts.map((start, week) => {
    const of = (owner: string) => perOwner.get(owner)![week]!;
    const row: MetricValue[] = [
      formatDay(start, zone, now),
      owners.reduce((sum, owner) => sum + of(owner), 0),
      ...shown.map(of),
    ];
    if (others.length > 0) row.push(others.reduce((sum, owner) => sum + of(owner), 0));
    return row;
  });
  return {
    key: METRIC.touchesPerWeek,
    title: `Touches per week (last ${WEEKS_SHOWN} weeks)`,
    definition:
      "Outbound touches per week (Monday–Sunday, this week last), by the contact's Owner; " +
      "touches naming no contact count under (unknown contact).",
    columns,
    rows,
  };
}

// ---- Outcome ----------------------------------------------------------------------------------

function responseByTouchTable(context: Context): MetricTable {
  const tallies = tallyReplies(context.histories, context.window, (fact) =>
    String(Math.min(fact.attempt, TOUCH_NUMBER_ROWS)),
  );
  const rows = Array.from({ length: TOUCH_NUMBER_ROWS }, (_, i) => {
    const n = i + 1;
    const tally = tallies.get(String(n)) ?? { sends: 0, replies: 0 };
    return [
      n === TOUCH_NUMBER_ROWS ? `${n}+` : ordinal(n),
      rate(tally.replies, tally.sends),
      tally.sends,
      tally.replies,
    ];
  });
  return {
    key: METRIC.responseByTouch,
    title: "Response rate by touch number",
    definition:
      `Outbound touches sent in the window, numbered since the contact's last reply (as ` +
      `Attempts); replied = a reply within ${REPLY_WINDOW_DAYS} days and before the next touch.`,
    // The rate comes first: the chart plots the label column and the one after it.
    columns: [label("Touch"), percent("Response rate"), count("Sent"), count("Replied")],
    rows,
  };
}

function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? "th" : ({ 1: "st", 2: "nd", 3: "rd" } as Record<number, string>)[n % 10];
  return `${n}${suffix ?? "th"}`;
}

/** Follow-ups = outbound touches after the first one, up to `until`. */
function followUpsBefore(history: ContactHistory, until: Date): number {
  const outbound = history.outbound.filter((o) => o.touch.timestamp <= until).length;
  return Math.max(0, outbound - 1);
}

function conversionTable(context: Context): MetricTable {
  const groups = {
    many: { won: 0, lost: 0 },
    few: { won: 0, lost: 0 },
  };
  for (const { history, at } of closedIn(context.histories, context.window)) {
    const group = followUpsBefore(history, at) >= 2 ? groups.many : groups.few;
    if (history.row.contact.stage === "Won") group.won++;
    else group.lost++;
  }
  const row = (name: string, g: { won: number; lost: number }): MetricValue[] => [
    name,
    g.won,
    g.lost,
    rate(g.won, g.won + g.lost),
  ];
  return {
    key: METRIC.conversion,
    title: "Conversion by follow-ups",
    definition:
      "Deals now Won or Lost that closed in the window (the touch that set the stage, else the " +
      "last touch); follow-ups = outbound touches after the first; conversion = Won ÷ (Won + Lost).",
    columns: [label("Follow-ups"), count("Won"), count("Lost"), percent("Conversion")],
    rows: [row("2 or more", groups.many), row("0 or 1", groups.few)],
  };
}

function wonTable(context: Context): MetricTable {
  const won = wonIn(context.histories, context.window);
  const touchesToWon = won.map(
    ({ history, at }) =>
      history.touches.filter(
        (t) => t.timestamp <= at && (t.direction === "Outbound" || t.direction === "Inbound"),
      ).length,
  );
  const value = (h: ContactHistory) => h.row.contact.dealValue ?? 0;
  const recovered = won.filter(({ history }) => {
    const reply = history.replies[0];
    if (!reply) return false;
    return followUpsBefore(history, new Date(reply.timestamp.getTime() - 1)) >= 2;
  });
  const wonValue = won.reduce((sum, w) => sum + value(w.history), 0);
  const recoveredValue = recovered.reduce((sum, w) => sum + value(w.history), 0);
  return {
    key: METRIC.won,
    title: "Touches to Won and revenue recovered",
    definition:
      "Won deals closed in the window; touches = outbound and inbound touches up to the close; " +
      "recovered = Deal Value of those whose first reply came after the 2nd follow-up or later.",
    columns: [
      label("Won deals"),
      count("Won"),
      money("Won value"),
      { header: "Avg touches to Won", kind: "average" },
      count("Won after 2+ follow-ups"),
      money("Revenue recovered"),
      percent("Share of won value"),
    ],
    rows: [
      [
        "All owners",
        won.length,
        wonValue,
        average(touchesToWon),
        recovered.length,
        recoveredValue,
        rate(recoveredValue, wonValue),
      ],
    ],
  };
}

const OPEN_STAGES = STAGES.filter((stage) => !CLOSED_STAGES.includes(stage));

function stallTable(context: Context): MetricTable {
  const { histories, zone, now } = context;
  const rows = OPEN_STAGES.map((stage) => {
    const inStage = histories.contacts.filter((h) => h.row.contact.stage === stage);
    const days = inStage.flatMap((h) =>
      h.stageSince ? [Math.max(0, daysBetween(h.stageSince, now, zone))] : [],
    );
    return [
      stage,
      inStage.length,
      inStage.reduce((sum, h) => sum + (h.row.contact.dealValue ?? 0), 0),
      median(days),
      inStage.filter((h) => h.row.result.stale).length,
    ];
  });
  return {
    key: METRIC.stall,
    title: "Where deals stall",
    definition:
      "Open deals now, per stage; days in stage = since the latest touch that set the stage " +
      "(else Created); stale = no touch for Stale after days.",
    columns: [
      label("Stage"),
      count("Contacts"),
      money("Value"),
      { header: "Median days in stage", kind: "days" },
      count("Stale"),
    ],
    rows,
  };
}

// ---- What works -------------------------------------------------------------------------------

const replyColumns = [count("Sends"), count("Replies"), percent("Reply rate")];
const replyRow = (name: string, tally: ReplyTally | undefined): MetricValue[] => {
  const t = tally ?? { sends: 0, replies: 0 };
  return [name, t.sends, t.replies, rate(t.replies, t.sends)];
};
const REPLY_DEFINITION = `replied = a reply within ${REPLY_WINDOW_DAYS} days and before the next outbound touch`;

function templatesTable(context: Context): MetricTable {
  const tallies = [...templateTallies(context.histories, context.window)].sort(
    ([a, x], [b, y]) => y.sends - x.sends || a.localeCompare(b),
  );
  return {
    key: METRIC.templates,
    title: "Templates",
    definition: `Outbound touches in the window with a Template; ${REPLY_DEFINITION}.`,
    columns: [label("Template"), ...replyColumns],
    rows: tallies.map(([name, tally]) => replyRow(name, tally)),
  };
}

function channelsTable(context: Context): MetricTable {
  const tallies = tallyReplies(
    context.histories,
    context.window,
    (fact) => fact.touch.channel ?? NO_VALUE,
  );
  const order = [...CHANNELS, NO_VALUE];
  return {
    key: METRIC.channels,
    title: "Channels",
    definition: `Outbound touches in the window by Channel; ${REPLY_DEFINITION}.`,
    columns: [label("Channel"), ...replyColumns],
    rows: order.filter((c) => tallies.has(c)).map((c) => replyRow(c, tallies.get(c))),
  };
}

function timingTables(context: Context): MetricTable[] {
  const { zone } = context;
  const byWeekday = tallyReplies(context.histories, context.window, (fact) => {
    const weekday = localParts(fact.touch.timestamp, zone).weekday;
    return WEEKDAY_NAMES[(weekday + 6) % 7]!;
  });
  const hourName = (hour: number) => `${String(hour).padStart(2, "0")}:00`;
  const byHour = tallyReplies(context.histories, context.window, (fact) =>
    hourName(localParts(fact.touch.timestamp, zone).hour),
  );
  return [
    {
      key: METRIC.weekdays,
      title: "Reply rate by weekday sent",
      definition: `Outbound touches in the window by the local weekday they were sent; ${REPLY_DEFINITION}.`,
      columns: [label("Weekday"), ...replyColumns],
      rows: WEEKDAY_NAMES.map((day) => replyRow(day, byWeekday.get(day))),
    },
    {
      key: METRIC.hours,
      title: "Reply rate by hour sent",
      definition: `Outbound touches in the window by the local hour they were sent; ${REPLY_DEFINITION}.`,
      columns: [label("Hour"), ...replyColumns],
      rows: Array.from({ length: 24 }, (_, h) => replyRow(hourName(h), byHour.get(hourName(h)))),
    },
  ];
}

// ---- Per owner --------------------------------------------------------------------------------

function ownersTable(context: Context): MetricTable {
  const { histories, zone, now, window } = context;
  const week = lastDays(7, zone, now);
  interface OwnerTally {
    dueToday: number;
    overdue: number;
    done: number;
    followUps: FollowUpFact[];
  }
  const byOwner = new Map<string, OwnerTally>();
  for (const history of histories.contacts) {
    const owner = ownerOf(history);
    let tally = byOwner.get(owner);
    if (!tally) {
      tally = { dueToday: 0, overdue: 0, done: 0, followUps: [] };
      byOwner.set(owner, tally);
    }
    const status = history.row.result.status;
    if (status === "Due Today") tally.dueToday++;
    if (status === "Overdue") tally.overdue++;
    tally.done += history.outbound.filter((o) => inPeriod(o.touch.timestamp, week)).length;
    tally.followUps.push(...history.followUps);
  }
  const owners = [...byOwner.keys()].sort((a, b) =>
    a === UNOWNED ? 1 : b === UNOWNED ? -1 : a.localeCompare(b),
  );
  return {
    key: METRIC.owners,
    title: "Per owner",
    definition:
      "Due today and overdue = contacts with that Status now; done = outbound touches in the " +
      "last 7 days; on-time rate = follow-ups due in the window done on time ÷ due.",
    columns: [
      label("Owner"),
      count("Due today"),
      count("Overdue"),
      count("Done last 7 days"),
      percent("On-time rate"),
    ],
    rows: owners.map((owner) => {
      const t = byOwner.get(owner)!;
      const followUps = tallyFollowUps(t.followUps, window);
      return [owner, t.dueToday, t.overdue, t.done, rate(followUps.onTime, followUps.due)];
    }),
  };
}

// ---- Pipeline ---------------------------------------------------------------------------------

function pipelineRows<K extends string>(
  context: Context,
  names: readonly K[],
  keyOf: (history: ContactHistory) => K | null,
): MetricValue[][] {
  const tallies = new Map<string, { contacts: number; value: number }>();
  for (const history of context.histories.contacts) {
    const key = keyOf(history) ?? NO_VALUE;
    const tally = tallies.get(key) ?? { contacts: 0, value: 0 };
    tally.contacts++;
    tally.value += history.row.contact.dealValue ?? 0;
    tallies.set(key, tally);
  }
  const shown: string[] = [...names];
  if (tallies.has(NO_VALUE)) shown.push(NO_VALUE);
  return shown.map((name) => {
    const t = tallies.get(name);
    return [name, t?.contacts ?? 0, t?.value ?? 0];
  });
}

function pipelineByStageTable(context: Context): MetricTable {
  return pipelineTable(
    context,
    METRIC.pipelineByStage,
    "Stage",
    STAGES,
    (h) => h.row.contact.stage,
  );
}

function pipelineByTierTable(context: Context): MetricTable {
  return pipelineTable(context, METRIC.pipelineByTier, "Tier", TIERS, (h) => h.row.contact.tier);
}

function pipelineTable<K extends string>(
  context: Context,
  key: string,
  dimension: "Stage" | "Tier",
  names: readonly K[],
  keyOf: (history: ContactHistory) => K | null,
): MetricTable {
  return {
    key,
    title: `Pipeline by ${dimension.toLowerCase()}`,
    definition: `Every contact now, by ${dimension}: how many and the sum of their Deal Value.`,
    columns: [label(dimension), count("Contacts"), money("Value")],
    rows: pipelineRows(context, names, keyOf),
  };
}
