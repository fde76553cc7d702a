// The follow-up engine (DESIGN §2): turns one contact, its touches and the cadences into the
// computed columns. Pure and deterministic: `now` and the zone come in, nothing is read.
import { archivedTotals } from "./archivedTouches";
import { parseMeetingCell } from "./calendarSync";
import { chooseCadence, findCadence, type CadenceChoice } from "./cadences";
import {
  addLocalDays,
  daysBetween,
  isWeekend,
  localDayNumber,
  nextWeekday,
  startOfLocalDay,
} from "./dates";
import { formatDay, plural } from "./format";
import { CLOSED_STAGES, TAB, TOUCH, type Status, type Tier } from "./schema";
import type { Settings } from "./settings";
import type { AppliesTo, Cadence, Contact, ContactResult, DueStep, Touch, When } from "./types";

export interface ComputeInput {
  readonly contact: Contact;
  /** This contact's touches, in time order. */
  readonly touches: readonly Touch[];
  readonly cadences: readonly Cadence[];
  readonly settings: Settings;
  readonly zone: string;
  readonly now: Date;
}

const MS_PER_HOUR = 3_600_000;
/** Inbound outcomes that are machines talking, not the contact replying (DESIGN §4). */
const NOT_A_REPLY = new Set(["bounced", "auto-reply"]);
/** Outbound rows that never reached the contact (an unsent draft, a failed send). */
const UNDELIVERED = new Set(["Draft", "Failed"]);

export interface TouchFacts {
  /**
   * Outbound + inbound touches that happened (Internal notes, unsent drafts and an unknown
   * Direction excluded).
   */
  counted: Touch[];
  outbound: Touch[];
  lastTouch: Touch | undefined;
  lastOutbound: Touch | undefined;
  /** The latest inbound touch that is a real reply. */
  lastReply: Touch | undefined;
  /** The latest touch of any direction that a person logged (automation notes excluded). */
  latest: Touch | undefined;
  first: Touch | undefined;
  /** Outbound touches since the last reply (archived ones too, when no reply is left). */
  attempts: number;
  /** Outbound + inbound touches, archived ones included (the Touches column). */
  touchCount: number;
  /** A reply after the last outbound touch (rule 5). */
  awaitingReply: boolean;
  /** Meeting touches that happened, in time order (rules 12–14). */
  meetings: Touch[];
}

const lastOf = <T>(list: readonly T[]): T | undefined => list[list.length - 1];

/** A touch that happened: unsent drafts and failed sends never reached the contact. */
export function happened(touch: Touch): boolean {
  return !(touch.delivery && UNDELIVERED.has(touch.delivery));
}

/** An inbound touch from the contact, not from a machine (a bounce, an auto-reply). */
export function isReply(touch: Touch): boolean {
  return (
    touch.direction === "Inbound" &&
    touch.channel !== "Meeting" &&
    !NOT_A_REPLY.has(touch.outcome.toLowerCase())
  );
}

export function summarizeTouches(touches: readonly Touch[]): TouchFacts {
  const happenedTouches = touches.filter(happened);
  const counted = happenedTouches.filter(
    (t) => t.direction === "Outbound" || t.direction === "Inbound",
  );
  // A meeting is a touch (Last Touch, Touches, staleness) but neither an attempt nor a cadence
  // step, nor a reply: booking or holding it is not another email into silence.
  const outbound = counted.filter((t) => t.direction === "Outbound" && t.channel !== "Meeting");
  const replies = counted.filter(isReply);
  const meetings = happenedTouches.filter((t) => t.channel === "Meeting");
  // A meeting held after a reply answers it as an email would.
  const held = meetings.filter((t) => t.outcome === "Completed");
  const lastAnswer = [lastOf(outbound), lastOf(held)]
    .filter((t): t is Touch => t !== undefined)
    .reduce<Touch | undefined>((a, b) => (!a || b.timestamp > a.timestamp ? b : a), undefined);
  // Notes the automation writes itself (a tier change) are not a person's latest touch: they must
  // not clear the Next Follow-Up agreed on the touch before, nor become the Last Outcome.
  const logged = happenedTouches.filter(
    (t) => !(t.direction === "Internal" && t.source === "Automation"),
  );
  const lastOutbound = lastOf(outbound);
  const lastReply = lastOf(replies);
  // The archive keeps every touch since the last reply in Touches (domain/archive.ts), so only
  // a contact that never replied counts archived outbound touches as attempts.
  const archived = archivedTotals(touches);
  const attempts = lastReply
    ? outbound.filter((t) => t.timestamp > lastReply.timestamp).length
    : outbound.length + archived.outbound;
  return {
    counted,
    outbound,
    lastTouch: lastOf(counted),
    lastOutbound,
    lastReply,
    latest: lastOf(logged),
    first: happenedTouches[0],
    attempts,
    touchCount: counted.length + archived.touches,
    awaitingReply: !!lastReply && (!lastAnswer || lastReply.timestamp > lastAnswer.timestamp),
    meetings,
  };
}

/** The Step of a contact in nurture (rule 6), naming the cadence it came from so the next refresh can. */
export function nurtureStep(everyDays: number, cadence: string): string {
  const every = `Nurture every ${plural(everyDays, "day")}`;
  return cadence === "" ? every : `${every} (after ${cadence})`;
}

/**
 * The cadence name in a Step cell written by a previous refresh ("3/8 Hot lead" → "Hot lead",
 * "Nurture every 90 days (after Hot lead)" → "Hot lead").
 */
export function cadenceNameOfStep(step: string): string {
  const match =
    /^\s*\d+\s*\/\s*\d+\s+(.+)$/.exec(step) ??
    /^\s*Nurture every \d+ days? \(after (.+)\)\s*$/.exec(step);
  return match?.[1]?.trim() ?? "";
}

/** Rule 10: a Hot contact with no touch for "Hot goes warm after" days becomes Warm. */
function decayedTier(
  contact: Contact,
  facts: TouchFacts,
  settings: Settings,
  zone: string,
  now: Date,
): Tier | null {
  if (contact.tier !== "Hot" || !settings.autoAdjustTier) return null;
  if (contact.paused || contact.optedOut || contact.stage === "Won" || contact.stage === "Lost") {
    return null;
  }
  const since = facts.lastTouch?.timestamp ?? contact.created;
  if (!since) return null;
  return daysBetween(since, now, zone) >= settings.hotGoesWarmAfterDays ? "Warm" : null;
}

/** A rule that looks at the tier (or at nothing): moving between two such cadences is a tier change. */
const followsTier = (rule: AppliesTo): boolean => rule.kind === "tier" || rule.kind === "any";

/**
 * Rule 1: when the contact entered the cadence that applies now. A change of tier alone (by hand
 * or by rule 10) keeps the old start, so the outbound touches already made count as steps done;
 * a stage change or a Cadence cell naming another cadence starts afresh.
 */
function cadenceStartOf(
  choice: CadenceChoice & { cadence: Cadence },
  contact: Contact,
  touches: readonly Touch[],
  cadences: readonly Cadence[],
  facts: TouchFacts,
  now: Date,
): Date {
  const cadence = choice.cadence;
  if (choice.byStage) {
    const stageTouch = [...touches].reverse().find((t) => t.stage && t.stage === contact.stage);
    if (stageTouch) return stageTouch.timestamp;
  }
  const previousName = cadenceNameOfStep(contact.previousStep);
  const previous = previousName === "" ? undefined : findCadence(previousName, cadences);
  const kept = contact.previousCadenceStart;
  if (previous && kept) {
    const sameCadence = findCadence(previous.name, [cadence]) !== undefined;
    const tierOnly =
      !choice.explicit && followsTier(cadence.appliesTo) && followsTier(previous.appliesTo);
    if (sameCadence || tierOnly) return kept;
  }
  // The first cadence (nothing computed yet), even when rule 10 just changed the tier.
  if (contact.previousStep.trim() === "") return contact.created ?? facts.first?.timestamp ?? now;
  return now;
}

interface CadenceProgress {
  cadence: string;
  /** The Step column. */
  label: string;
  /** Date-only due of the next step; null when every step is done and none repeats. */
  due: When | null;
  dueStep: DueStep | null;
  finished: boolean;
}

/** Rule 2: steps done = outbound touches after the start; the next step is due start + Day. */
function cadenceProgress(
  cadence: Cadence,
  start: Date,
  contactId: string,
  facts: TouchFacts,
  zone: string,
): CadenceProgress {
  const total = cadence.steps.length;
  const done = facts.outbound.filter((t) => t.timestamp > start).length;
  const key = (step: number, repeat: number) =>
    `${contactId}|${cadence.name}|${step}|${repeat}|${start.toISOString()}`;
  const lastStep = cadence.steps[total - 1];
  const lastOutbound = facts.lastOutbound?.timestamp;

  const next = cadence.steps[done];
  if (next) {
    let due = addLocalDays(startOfLocalDay(start, zone), next.day, zone);
    if (lastOutbound) {
      const dayAfter = startOfLocalDay(addLocalDays(lastOutbound, 1, zone), zone);
      if (dayAfter > due) due = dayAfter;
    }
    return {
      cadence: cadence.name,
      label: `${done + 1}/${total} ${cadence.name}`,
      due: { at: due, hasTime: false },
      dueStep: { cadence: cadence.name, step: next, repeat: 0, key: key(next.step, 0) },
      finished: false,
    };
  }
  const label = `${total}/${total} ${cadence.name}`;
  if (lastStep?.repeatEvery && lastOutbound) {
    const repeat = done - total + 1;
    const due = addLocalDays(startOfLocalDay(lastOutbound, zone), lastStep.repeatEvery, zone);
    return {
      cadence: cadence.name,
      label,
      due: { at: due, hasTime: false },
      dueStep: { cadence: cadence.name, step: lastStep, repeat, key: key(lastStep.step, repeat) },
      finished: false,
    };
  }
  return { cadence: cadence.name, label, due: null, dueStep: null, finished: true };
}

/** Is a Next Follow-Up later than `reference`? Calendar dates compare by local day. */
function isLaterThan(when: When, reference: Date | undefined, zone: string): boolean {
  if (!reference) return true;
  if (when.hasTime) return when.at > reference;
  return localDayNumber(when.at, zone) > localDayNumber(reference, zone);
}

/** Rule 3: the contact's Next Follow-Up, else the latest touch's, when later than the last touch. */
function explicitFollowUp(contact: Contact, facts: TouchFacts, zone: string): When | null {
  const onContact = contact.nextFollowUp;
  if (onContact && isLaterThan(onContact, facts.lastTouch?.timestamp, zone)) return onContact;
  const latest = facts.latest;
  if (latest?.nextFollowUp && isLaterThan(latest.nextFollowUp, latest.timestamp, zone)) {
    return latest.nextFollowUp;
  }
  return null;
}

const sameLocalDay = (a: Date, b: Date, zone: string): boolean =>
  localDayNumber(a, zone) === localDayNumber(b, zone);

const dateOnly = (at: Date): When => ({ at, hasTime: false });

/** Rule 9: Saturday/Sunday → Monday; a due date-time keeps its time of day. */
function skipWeekend(due: When, zone: string): When {
  if (!isWeekend(due.at, zone)) return due;
  return { at: nextWeekday(due.at, zone), hasTime: due.hasTime };
}

function statusByDue(due: When, nurture: boolean, zone: string, now: Date): Status {
  const days = daysBetween(now, due.at, zone);
  if (due.hasTime ? now > due.at : days < 0) return "Overdue";
  if (days <= 0) return "Due Today";
  return nurture ? "Nurture" : "Upcoming";
}

interface Schedule {
  due: When | null;
  dueStep: DueStep | null;
  /** Won/Lost with nothing left to do. */
  closed: boolean;
  /** Shows Nurture instead of Upcoming. */
  nurture: boolean;
  /** The Step column. */
  step: string;
}

/** Rules 2, 6, 7: the due before any override (explicit date, SLA, renewal, reply). */
function scheduleOf(
  contact: Contact,
  plan: CadenceProgress | null,
  facts: TouchFacts,
  settings: Settings,
  zone: string,
  now: Date,
): Schedule {
  const stageClosed = contact.stage === "Won" || contact.stage === "Lost";
  // Won and Lost run their own cadence (if any) to the end, then close.
  const step = plan?.label ?? "";
  if (stageClosed && (!plan || plan.finished)) {
    return { due: null, dueStep: null, closed: true, nurture: false, step };
  }
  const outOfAttempts = !stageClosed && facts.attempts >= settings.maxAttemptsBeforeNurture;
  const nurture =
    (plan?.finished ?? false) ||
    outOfAttempts ||
    contact.stage === "Nurture" ||
    contact.tier === "Dead";
  if (plan && !plan.finished && !outOfAttempts) {
    return { due: plan.due, dueStep: plan.dueStep, closed: false, nurture, step };
  }
  const daysAfter = (from: Date, days: number): When =>
    dateOnly(addLocalDays(startOfLocalDay(from, zone), days, zone));
  if (nurture) {
    const from =
      facts.lastOutbound?.timestamp ?? facts.lastTouch?.timestamp ?? contact.created ?? now;
    return {
      due: daysAfter(from, settings.nurtureEveryDays),
      dueStep: null,
      closed: false,
      nurture,
      step: nurtureStep(settings.nurtureEveryDays, plan?.cadence ?? ""),
    };
  }
  const from = facts.lastTouch?.timestamp ?? contact.created ?? now;
  return {
    due: daysAfter(from, settings.checkInAfterDays),
    dueStep: null,
    closed: false,
    nurture,
    step,
  };
}

/** Rule 11: an open deal with no touch (or since Created) for Stale after days. */
function isStale(
  contact: Contact,
  lastTouch: Date | null,
  settings: Settings,
  zone: string,
  now: Date,
): boolean {
  const since = lastTouch ?? contact.created;
  if (!contact.stage || CLOSED_STAGES.includes(contact.stage)) return false;
  if (contact.paused || contact.optedOut || !since) return false;
  return daysBetween(since, now, zone) >= settings.staleAfterDays;
}

const RECAP_HOURS = 24;

/**
 * Rules 12–14 (DESIGN §3 step 3): the due a meeting sets, or null.
 * 12. A Completed meeting with no outbound touch after it: the recap is due within 24 hours.
 * 13. A No Show with nothing after it (an outbound touch, or the meeting booked again): due the
 *     next working day.
 * 14. A Scheduled (or Rescheduled) meeting ahead, still standing: due on the meeting's day, so
 *     the contact is not Overdue before it. The earliest of these wins.
 */
export function meetingDue(facts: TouchFacts, zone: string, now: Date): When | null {
  const dues: When[] = [];
  const after = (t: Touch) => facts.outbound.some((o) => o.timestamp > t.timestamp);
  const completed = lastOf(facts.meetings.filter((t) => t.outcome === "Completed"));
  if (completed && !after(completed)) {
    dues.push({
      at: new Date(completed.timestamp.getTime() + RECAP_HOURS * MS_PER_HOUR),
      hasTime: true,
    });
  }
  const noShow = lastOf(facts.meetings.filter((t) => t.outcome === "No Show"));
  const rebooked = (t: Touch) =>
    facts.meetings.some(
      (m) =>
        m.timestamp > t.timestamp && (m.outcome === "Scheduled" || m.outcome === "Rescheduled"),
    );
  if (noShow && !after(noShow) && !rebooked(noShow)) {
    let day = startOfLocalDay(addLocalDays(noShow.timestamp, 1, zone), zone);
    if (isWeekend(day, zone)) day = nextWeekday(day, zone);
    dues.push(dateOnly(day));
  }
  const ahead = upcomingMeeting(facts.meetings, zone, now);
  if (ahead) dues.push(dateOnly(startOfLocalDay(ahead, zone)));
  return dues.reduce<When | null>((a, b) => (!a || b.at < a.at ? b : a), null);
}

/**
 * The start of the contact's next meeting (today or later) that is still standing: its latest
 * touch (per calendar event, or the touch itself when typed by hand) is Scheduled or Rescheduled
 * with the meeting's start in Next Follow-Up. null when none.
 */
export function upcomingMeeting(meetings: readonly Touch[], zone: string, now: Date): Date | null {
  const latestByEvent = new Map<string, Touch>();
  for (const touch of meetings) {
    const key = parseMeetingCell(touch.threadId)?.key ?? `row ${touch.rowNumber}`;
    latestByEvent.set(key, touch);
  }
  // A hand-typed meeting touch has no event key: only a later hand-typed meeting touch settles it.
  const lastTyped = lastOf(meetings.filter((t) => !parseMeetingCell(t.threadId)));
  let next: Date | null = null;
  for (const touch of latestByEvent.values()) {
    if (touch.outcome !== "Scheduled" && touch.outcome !== "Rescheduled") continue;
    if (!parseMeetingCell(touch.threadId) && touch !== lastTyped) continue;
    const start = touch.nextFollowUp?.at;
    if (!start || localDayNumber(start, zone) < localDayNumber(now, zone)) continue;
    if (!next || start < next) next = start;
  }
  return next;
}

/** More than a year ahead: a typo in the year (2062), never a plan. */
const MAX_DAYS_AHEAD = 366;

/**
 * Touches dated more than a year ahead are left out of every rule (one would put the due date
 * decades away) and each is named in a Problem, so it is never dropped silently.
 */
function setAsideFarFuture(
  touches: readonly Touch[],
  zone: string,
  now: Date,
): { usable: readonly Touch[]; problems: string[] } {
  const ahead = (t: Touch) => daysBetween(now, t.timestamp, zone) > MAX_DAYS_AHEAD;
  if (!touches.some(ahead)) return { usable: touches, problems: [] };
  const problems = touches.filter(ahead).map((t) => {
    const which = `${TAB.touches} row ${t.rowNumber}${t.touchId === "" ? "" : ` (${t.touchId})`}`;
    const date = formatDay(t.timestamp, zone, now);
    return `${which}: ${TOUCH.timestamp} ${date} is more than a year ahead; not used for scheduling`;
  });
  return { usable: touches.filter((t) => !ahead(t)), problems };
}

export function computeContact(input: ComputeInput): ContactResult {
  const { cadences, settings, zone, now } = input;
  const farFuture = setAsideFarFuture(input.touches, zone, now);
  const touches = farFuture.usable;
  const facts = summarizeTouches(touches);

  // Rule 10 first: the rest is computed as if the tier were already Warm.
  const tierChange = decayedTier(input.contact, facts, settings, zone, now);
  const contact: Contact = tierChange ? { ...input.contact, tier: tierChange } : input.contact;
  const choice = chooseCadence(contact, cadences);
  const cadence = choice.cadence;
  const start = cadence
    ? cadenceStartOf({ ...choice, cadence }, contact, touches, cadences, facts, now)
    : null;
  const plan = cadence && start ? cadenceProgress(cadence, start, contact.id, facts, zone) : null;

  // Rules 2, 6, 7: the scheduled due.
  const schedule = scheduleOf(contact, plan, facts, settings, zone, now);
  let { closed, nurture, due, dueStep } = schedule;

  // Rule 4: a new lead nobody has contacted yet is due within hours of arriving.
  const isNewLead =
    contact.stage === "New Lead" || (contact.stage === null && touches.length === 0);
  if (isNewLead && facts.outbound.length === 0 && !closed) {
    const arrived = contact.created ?? facts.first?.timestamp ?? now;
    const slaDue: When = {
      at: new Date(arrived.getTime() + settings.newLeadResponseHours * MS_PER_HOUR),
      hasTime: true,
    };
    // The cadence's first step stays due alongside the SLA when it falls on or before that day.
    if (due && localDayNumber(due.at, zone) > localDayNumber(slaDue.at, zone)) dueStep = null;
    due = slaDue;
  }

  // Rule 3: an agreed Next Follow-Up overrides the schedule, earlier or later.
  const explicit = explicitFollowUp(contact, facts, zone);
  if (explicit) {
    // Same day as the cadence step (e.g. the sidebar's "per cadence" chip): the step stays due.
    if (!(due && dueStep && sameLocalDay(due.at, explicit.at, zone))) dueStep = null;
    due = explicit;
    closed = false;
  }

  // Rule 8: follow-up starts Renewal lead time days before the renewal, unless already touched.
  if (contact.renewalDate) {
    const windowStart = startOfLocalDay(
      addLocalDays(contact.renewalDate, -settings.renewalLeadTimeDays, zone),
      zone,
    );
    const touchedInWindow = facts.counted.some((t) => t.timestamp >= windowStart);
    if (!touchedInWindow && (!due || windowStart < due.at)) {
      due = dateOnly(windowStart);
      dueStep = null;
      closed = false;
    }
  }

  // Rules 12–14: a meeting held, missed or ahead sets the due (the reply rule below still wins).
  const meeting = meetingDue(facts, zone, now);
  if (meeting) {
    due = meeting;
    dueStep = null;
    nurture = false;
    closed = false;
  }

  // Rule 5: a reply stops the cadence and must be answered within hours.
  if (facts.awaitingReply && facts.lastReply) {
    due = {
      at: new Date(facts.lastReply.timestamp.getTime() + settings.replyResponseHours * MS_PER_HOUR),
      hasTime: true,
    };
    dueStep = null;
    nurture = false;
  }

  if (due && settings.skipWeekends) due = skipWeekend(due, zone);

  let status: Status;
  if (contact.optedOut) status = "Opted Out";
  else if (contact.paused) status = "Paused";
  else if (closed || !due) status = "Closed";
  else if (facts.awaitingReply) status = "Replied";
  else status = statusByDue(due, nurture, zone, now);
  const active = status !== "Opted Out" && status !== "Paused" && status !== "Closed";
  if (!active) {
    due = null;
    dueStep = null;
  }

  const problems = [...contact.problems, ...farFuture.problems];
  if (choice.problem) problems.push(choice.problem);
  if (contact.owner === "" && active) problems.push("No owner");

  const lastTouch = facts.lastTouch?.timestamp ?? null;
  return {
    status,
    due,
    lastTouch,
    daysSinceTouch: lastTouch ? daysBetween(lastTouch, now, zone) : null,
    touches: facts.touchCount,
    attempts: facts.attempts,
    step: schedule.step,
    lastOutcome: facts.latest?.outcome ?? "",
    cadenceStart: start,
    problem: problems.join("; "),
    cadence: cadence?.name ?? "",
    dueStep,
    tierChange,
    stale: isStale(contact, lastTouch, settings, zone, now),
    awaitingReply: facts.awaitingReply,
    nextMeeting: active ? upcomingMeeting(facts.meetings, zone, now) : null,
  };
}
