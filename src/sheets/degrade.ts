// Writes that may meet a platform limit (a spreadsheet at its 10-million-cell limit): they report
// what could not be written instead of stopping the run (DESIGN §3: limits degrade, never block).
import { CONTACT } from "../domain/schema";
import { appendProblem } from "../domain/limits";
import { plural } from "../domain/format";
import { errorMessage } from "../errors";
import { appendRows, type OpenTable, type RowRecord } from "./tableIO";

export type AppendOutcome =
  { readonly ok: true } | { readonly ok: false; readonly problem: string };

/**
 * Appends the run's touches; a failure (the cell limit, a service error) comes back as a problem
 * naming how many `what`s were not logged and why, so the other writes still happen.
 */
export function appendTouchesOrExplain(
  touches: OpenTable,
  records: readonly RowRecord[],
  what: string,
): AppendOutcome {
  if (records.length === 0) return { ok: true };
  try {
    appendRows(touches.sheet, touches.table, records);
    return { ok: true };
  } catch (error) {
    const count = plural(records.length, what);
    return { ok: false, problem: appendProblem(touches.table.tab, count, errorMessage(error)) };
  }
}

/**
 * The Contacts columns without the Tier changes: a tier change is written only once its touch is
 * logged (rule 10), so the next run, seeing the old tier, decays it again and logs it then.
 */
export function withoutTierChanges(
  columns: ReadonlyMap<string, readonly unknown[]>,
): ReadonlyMap<string, readonly unknown[]> {
  return new Map([...columns].filter(([header]) => header !== CONTACT.tier));
}
