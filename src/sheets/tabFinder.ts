// Finds a Touchbase tab that a person renamed ("Leads", "Contacts (old)"), by its header row, so
// setup renames it back instead of adding an empty one, and the run's error can name it.
import type { Cell } from "../domain/cells";
import type { TableSpec } from "../domain/schema";
import { headerMatchScore, isTouchbaseTabName } from "../domain/tabMatch";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Lookalike {
  readonly sheet: Sheet;
  readonly name: string;
  /** How many of the spec's headers it holds. */
  readonly score: number;
}

/**
 * Tabs not named like a Touchbase tab whose row 1 holds the spec's headers, best first: one read
 * of row 1 per such tab. Used only when the tab is missing (or empty), never on the run's usual path.
 */
export function findLookalikes(
  spreadsheet: Spreadsheet,
  spec: TableSpec,
  exclude: ReadonlySet<string> = new Set(),
): Lookalike[] {
  const found: Lookalike[] = [];
  for (const sheet of spreadsheet.getSheets()) {
    const name = sheet.getName();
    if (isTouchbaseTabName(name) || exclude.has(name)) continue;
    // "1:1" spans every column of the grid in one read.
    const headers = (sheet.getRange("1:1").getValues()[0] ?? []) as Cell[];
    const score = headerMatchScore(headers, spec);
    if (score > 0) found.push({ sheet, name, score });
  }
  return found.sort((a, b) => b.score - a.score);
}

/** The name of the tab that best looks like the spec's, or null when none does. */
export function lookalikeName(spreadsheet: Spreadsheet, spec: TableSpec): string | null {
  return findLookalikes(spreadsheet, spec)[0]?.name ?? null;
}
