// What one automation run did (DESIGN §1 Runs tab, §3 step 6), and the words Touchbase uses to
// tell people about it: the Runs row's cells and the menu's one-line summaries.
import { fitInCell, type Cell } from "./cells";
import type { RefreshPlan } from "./refresh";
import { summarizeProblems } from "./limits";
import { RUN } from "./schema";

/** What started the run, as written in the Runs tab's Trigger column. */
export type RunTrigger = "Hourly" | "Menu" | "Digest now" | "Archive" | "Import";

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
  /** What "Archive old touches" moved, and where ("" for other runs). */
  archived: string;
}

/** Long problem lists are cut so a cell stays readable. */
export const MAX_RUNS_TEXT = 2000;

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
    archived: "",
  };
}

/** Adds one more thing that went wrong to the record's Error (a run can go on after some). */
export function noteRunError(record: RunRecord, message: string): void {
  if (message) record.error = record.error ? `${record.error} ${message}` : message;
}

/**
 * Copies the refresh's counts and problems into the record, with the notes of its writes (a tab
 * that moved under the run, a formula left alone).
 */
export function recordRefresh(
  record: RunRecord,
  plan: RefreshPlan,
  writeNotes: readonly string[] = [],
): void {
  record.contacts = plan.counts.contacts;
  record.due = plan.counts.due;
  record.overdue = plan.counts.overdue;
  record.problems = [describeProblems(plan), ...writeNotes].filter(Boolean).join("; ");
}

/**
 * The Problems cell: how many rows need a human, then the problems that belong to no row — the
 * same problem on many rows summarised as one line, so the text never grows with the sheet.
 */
export function describeProblems(plan: RefreshPlan): string {
  const parts: string[] = [];
  const rows = plan.counts.problems;
  if (rows > 0) parts.push(`${rows} contact row${rows === 1 ? "" : "s"} with a Problem`);
  parts.push(...summarizeProblems(plan.problems));
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
    [RUN.archived]: fitInCell(record.archived, MAX_RUNS_TEXT),
  };
}

/** "Refresh now"'s answer: what was refreshed, and what could not be written (a full sheet). */
export function refreshSummary(record: RunRecord): string {
  const error = fitInCell(record.error, MAX_RUNS_TEXT);
  if (record.error && record.contacts === 0) return `Touchbase could not refresh: ${error}`;
  const problems = record.problems
    ? `\n\nProblems: ${fitInCell(record.problems, MAX_RUNS_TEXT)}`
    : "";
  const unwritten = record.error ? `\n\nNot everything could be written: ${error}` : "";
  return `Refreshed ${record.contacts} contacts: ${record.overdue} overdue, ${record.due} due today.${unwritten}${problems}`;
}

/** "Send my digest now"'s answer. */
export function digestNowSummary(record: RunRecord): string {
  if (record.error) return fitInCell(record.error, MAX_RUNS_TEXT);
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
