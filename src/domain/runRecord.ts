// What one automation run did (DESIGN §1 Runs tab, §3 step 6), and the words Touchbase uses to
// tell people about it: the Runs row's cells and the menu's one-line summaries.
import { fitInCell, type Cell } from "./cells";
import type { RefreshPlan } from "./refresh";
import { RUN } from "./schema";

/** What started the run, as written in the Runs tab's Trigger column. */
export type RunTrigger = "Hourly" | "Menu" | "Digest now";

export interface RunRecord {
  started: Date;
  user: string;
  trigger: string;
  seconds: number;
  contacts: number;
  due: number;
  overdue: number;
  digests: number;
  emailsSent: number;
  drafts: number;
  repliesFound: number;
  deferred: number;
  problems: string;
  error: string;
}

/** Long problem lists are cut so a cell stays readable. */
export const MAX_RUNS_TEXT = 2000;

export const BUSY_MESSAGE =
  "Another Touchbase run was still working on this spreadsheet; this run skipped it. The next run will catch up.";

export function emptyRunRecord(started: Date, user: string, trigger: RunTrigger): RunRecord {
  return {
    started,
    user,
    trigger,
    seconds: 0,
    contacts: 0,
    due: 0,
    overdue: 0,
    digests: 0,
    emailsSent: 0,
    drafts: 0,
    repliesFound: 0,
    deferred: 0,
    problems: "",
    error: "",
  };
}

/** Copies the refresh's counts and problems into the record. */
export function recordRefresh(record: RunRecord, plan: RefreshPlan): void {
  record.contacts = plan.counts.contacts;
  record.due = plan.counts.due;
  record.overdue = plan.counts.overdue;
  record.problems = describeProblems(plan);
}

/** The Problems cell: how many rows need a human, then each problem that belongs to no row. */
export function describeProblems(plan: RefreshPlan): string {
  const parts: string[] = [];
  const rows = plan.counts.problems;
  if (rows > 0) parts.push(`${rows} contact row${rows === 1 ? "" : "s"} with a Problem`);
  parts.push(...plan.problems);
  return parts.join("; ");
}

/** Seconds since `started`, to one decimal. */
export function elapsedSeconds(started: Date, now: Date): number {
  return Math.round((now.getTime() - started.getTime()) / 100) / 10;
}

/** The Runs row as header → value; text is fitted so a long list can never fail the write. */
export function runRecordCells(record: RunRecord): Record<string, Cell> {
  return {
    [RUN.started]: record.started,
    [RUN.user]: record.user,
    [RUN.trigger]: record.trigger,
    [RUN.seconds]: record.seconds,
    [RUN.contacts]: record.contacts,
    [RUN.due]: record.due,
    [RUN.overdue]: record.overdue,
    [RUN.digests]: record.digests,
    [RUN.emailsSent]: record.emailsSent,
    [RUN.drafts]: record.drafts,
    [RUN.repliesFound]: record.repliesFound,
    [RUN.deferred]: record.deferred,
    [RUN.problems]: fitInCell(record.problems, MAX_RUNS_TEXT),
    [RUN.error]: fitInCell(record.error, MAX_RUNS_TEXT),
  };
}

/** "Refresh now"'s answer. */
export function refreshSummary(record: RunRecord): string {
  if (record.error) return `Touchbase could not refresh: ${record.error}`;
  const problems = record.problems ? `\n\nProblems: ${record.problems}` : "";
  return `Refreshed ${record.contacts} contacts: ${record.overdue} overdue, ${record.due} due today.${problems}`;
}

/** "Send my digest now"'s answer. */
export function digestNowSummary(record: RunRecord): string {
  if (record.error) return record.error;
  if (record.digests > 0) return `Your digest was sent to ${record.user}.`;
  return "Nothing needs you today: no replies, nothing overdue or due. No digest sent.";
}

/** A Runs row as the sidebar shows "the last run": one line, or the run's error. */
export function lastRunSummary(cells: {
  started: string;
  trigger: string;
  contacts: string;
  due: string;
  overdue: string;
  error: string;
}): { started: string; trigger: string; summary: string; error: string } {
  const summary = cells.error
    ? `Failed: ${cells.error}`
    : `${cells.contacts || 0} contacts, ${cells.due || 0} due today, ${cells.overdue || 0} overdue`;
  return { started: cells.started, trigger: cells.trigger, summary, error: cells.error };
}
