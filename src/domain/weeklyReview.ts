// The Monday review in managers' digests (issue 9, DESIGN §5): last week against the week before,
// stuck deals, tiers worth changing, dead leads to archive, the best and worst template. Pure:
// built from the same histories as the Metrics tab and handed to the digest as its sections.
import { addLocalDays, daysBetween, localWeekday, startOfLocalDay } from "./dates";
import type { Section } from "./digest";
import { formatAmount, formatDay } from "./format";
import {
  outboundIn,
  tallyFollowUps,
  templateTallies,
  wonIn,
  type MetricsSource,
  type ReplyTally,
} from "./metrics";
import {
  buildHistories,
  inPeriod,
  lastDays,
  periodBetween,
  rate,
  type ContactHistory,
  type Histories,
  type Period,
} from "./metricsHistory";
import { CLOSED_STAGES } from "./schema";

/** Rows per review list; the rest is counted ("…and N more"). */
export const REVIEW_ROWS = 10;
/** A template needs this many sends in the window before its reply rate is compared. */
export const MIN_TEMPLATE_SENDS = 5;
const MONDAY = 1;

/** The review goes out with the first digest of each Monday (the digest itself is once a day). */
export function isWeeklyReviewDay(now: Date, zone: string): boolean {
  return localWeekday(now, zone) === MONDAY;
}

export function weeklyReviewSections(input: MetricsSource): Section[] {
  const { zone, now, settings } = input;
  const histories = buildHistories({ ...input, skipWeekends: settings.skipWeekends });
  const thisMonday = startOfLocalDay(
    addLocalDays(now, -((localWeekday(now, zone) + 6) % 7), zone),
    zone,
  );
  const lastWeek = periodBetween(addLocalDays(thisMonday, -7, zone), thisMonday, zone);
  const weekBefore = periodBetween(addLocalDays(thisMonday, -14, zone), lastWeek.from, zone);
  return [
    comparisonSection(histories, lastWeek, weekBefore, input),
    stuckSection(histories, input),
    tierSection(histories, input),
    archiveSection(histories, input),
    templateSection(histories, input),
  ];
}

interface WeekFigures {
  readonly touches: number;
  readonly onTimeRate: number | null;
  readonly replies: number;
  readonly wonValue: number;
}

function weekFigures(histories: Histories, week: Period): WeekFigures {
  const followUps = tallyFollowUps(
    histories.contacts.flatMap((h) => h.followUps),
    week,
  );
  return {
    touches: [...outboundIn(histories, week)].length,
    onTimeRate: rate(followUps.onTime, followUps.due),
    replies: histories.contacts.reduce(
      (sum, h) => sum + h.replies.filter((r) => inPeriod(r.timestamp, week)).length,
      0,
    ),
    wonValue: wonIn(histories, week).reduce(
      (sum, w) => sum + (w.history.row.contact.dealValue ?? 0),
      0,
    ),
  };
}

const percentText = (value: number | null): string =>
  value === null ? "—" : `${Math.round(value * 100)}%`;

function change(now: number | null, before: number | null, points = false): string {
  if (now === null || before === null) return "—";
  if (points) {
    const diff = Math.round((now - before) * 100);
    return `${diff > 0 ? "+" : ""}${diff} pts`;
  }
  if (before === 0) return now === 0 ? "0%" : "new";
  const diff = Math.round(((now - before) / before) * 100);
  return `${diff > 0 ? "+" : ""}${diff}%`;
}

/** This week vs last: on Monday, the week just ended against the one before it. */
function comparisonSection(
  histories: Histories,
  lastWeek: Period,
  weekBefore: Period,
  input: MetricsSource,
): Section {
  const a = weekFigures(histories, lastWeek);
  const b = weekFigures(histories, weekBefore);
  const day = (p: Period) => formatDay(p.from, input.zone, input.now);
  const rows = [
    ["Touches (outbound)", String(a.touches), String(b.touches), change(a.touches, b.touches)],
    [
      "On-time rate",
      percentText(a.onTimeRate),
      percentText(b.onTimeRate),
      change(a.onTimeRate, b.onTimeRate, true),
    ],
    ["Replies", String(a.replies), String(b.replies), change(a.replies, b.replies)],
    [
      "Won value",
      formatAmount(a.wonValue),
      formatAmount(b.wonValue),
      change(a.wonValue, b.wonValue),
    ],
  ];
  return {
    title: "Weekly review",
    columns: [
      "Last week vs the week before",
      `Week of ${day(lastWeek)}`,
      `Week of ${day(weekBefore)}`,
      "Change",
    ],
    rows: rows.map((cells) => ({ cells })),
    total: rows.length,
    labelled: true,
  };
}

const nameOf = (h: ContactHistory): string =>
  h.row.contact.name || h.row.contact.id || `Row ${h.row.contact.rowNumber}`;
const ownerOf = (h: ContactHistory): string => h.row.contact.owner || "(no owner)";
const valueText = (h: ContactHistory): string =>
  h.row.contact.dealValue === null ? "" : formatAmount(h.row.contact.dealValue);

function listSection(title: string, columns: string[], rows: readonly string[][]): Section {
  return {
    title,
    columns,
    rows: rows.slice(0, REVIEW_ROWS).map((cells) => ({ cells })),
    total: rows.length,
  };
}

/** Open deals in their stage for twice Stale after (28 days by default), biggest first. */
function stuckSection(histories: Histories, input: MetricsSource): Section {
  const limit = 2 * input.settings.staleAfterDays;
  const stuck = histories.contacts
    .filter((h) => {
      const { stage, paused, optedOut } = h.row.contact;
      return stage !== null && !CLOSED_STAGES.includes(stage) && !paused && !optedOut;
    })
    .flatMap((h) => {
      const days = h.stageSince ? daysBetween(h.stageSince, input.now, input.zone) : null;
      return days !== null && days >= limit ? [{ h, days }] : [];
    })
    .sort(
      (x, y) =>
        (y.h.row.contact.dealValue ?? 0) - (x.h.row.contact.dealValue ?? 0) || y.days - x.days,
    );
  return listSection(
    "Stuck deals",
    ["Name", "Stage", "Days in stage", "Deal value", "Owner"],
    stuck.map(({ h, days }) => [
      nameOf(h),
      h.row.contact.stage ?? "",
      String(days),
      valueText(h),
      ownerOf(h),
    ]),
  );
}

/**
 * Warm contacts who replied in the last 7 days may be Hot; Hot contacts who have not replied for
 * Stale after days (and were around that long) may be Warm.
 */
function tierSection(histories: Histories, input: MetricsSource): Section {
  const { zone, now, settings } = input;
  const week = lastDays(7, zone, now);
  const quietSince = addLocalDays(now, -settings.staleAfterDays, zone);
  const rows: string[][] = [];
  for (const h of histories.contacts) {
    const { tier, paused, optedOut, stage, created } = h.row.contact;
    if (paused || optedOut || stage === "Won" || stage === "Lost") continue;
    const lastReply = h.replies[h.replies.length - 1];
    if (tier === "Warm" && lastReply && inPeriod(lastReply.timestamp, week)) {
      rows.push([
        nameOf(h),
        "Warm",
        "Hot",
        `replied ${formatDay(lastReply.timestamp, zone, now)}`,
        ownerOf(h),
      ]);
    }
    const knownSince = created ?? h.touches[0]?.timestamp ?? null;
    const quiet = !lastReply || lastReply.timestamp < quietSince;
    if (tier === "Hot" && quiet && knownSince && knownSince <= quietSince) {
      const why = lastReply
        ? `no reply since ${formatDay(lastReply.timestamp, zone, now)}`
        : "never replied";
      rows.push([nameOf(h), "Hot", "Warm", why, ownerOf(h)]);
    }
  }
  return listSection("Tiers to change", ["Name", "Tier", "Suggested", "Why", "Owner"], rows);
}

/** Dead-tier or Lost contacts with no touch for Nurture every days (90 by default). */
function archiveSection(histories: Histories, input: MetricsSource): Section {
  const { zone, now, settings } = input;
  const dead = histories.contacts
    .filter((h) => h.row.contact.tier === "Dead" || h.row.contact.stage === "Lost")
    .flatMap((h) => {
      const last = h.touches[h.touches.length - 1]?.timestamp ?? h.row.contact.created;
      if (!last) return [];
      const days = daysBetween(last, now, zone);
      return days >= settings.nurtureEveryDays ? [{ h, last, days }] : [];
    })
    .sort((x, y) => y.days - x.days);
  return listSection(
    "Dead leads to archive",
    ["Name", "Stage", "Tier", "Last touch", "Owner"],
    dead.map(({ h, last }) => [
      nameOf(h),
      h.row.contact.stage ?? "",
      h.row.contact.tier ?? "",
      formatDay(last, zone, now),
      ownerOf(h),
    ]),
  );
}

/** Best and worst reply rate among templates with at least MIN_TEMPLATE_SENDS sends in the window. */
function templateSection(histories: Histories, input: MetricsSource): Section {
  const window = lastDays(input.settings.metricsWindowDays, input.zone, input.now);
  const ranked = [...templateTallies(histories, window)]
    .filter(([, t]) => t.sends >= MIN_TEMPLATE_SENDS)
    .sort(([a, x], [b, y]) => y.replies / y.sends - x.replies / x.sends || a.localeCompare(b));
  const row = (which: string, [name, t]: [string, ReplyTally]) => [
    which,
    name,
    String(t.sends),
    percentText(rate(t.replies, t.sends)),
  ];
  const rows = ranked.length === 0 ? [] : [row("Best", ranked[0]!)];
  if (ranked.length > 1) rows.push(row("Worst", ranked[ranked.length - 1]!));
  return {
    title: "Best and worst templates",
    columns: [
      `Reply rate, last ${input.settings.metricsWindowDays} days, ${MIN_TEMPLATE_SENDS}+ sends`,
      "Template",
      "Sends",
      "Reply rate",
    ],
    rows: rows.map((cells) => ({ cells })),
    total: rows.length,
    labelled: true,
  };
}
