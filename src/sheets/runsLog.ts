// The Runs tab: one row per automation run, written with a single appendRow in the tab's own
// column order (found by header name, like every other tab).
import { RUN, RUNS_SPEC, TAB } from "../domain/schema";
import { fitInCell, toCellValue, normalizeKey, type Cell } from "../domain/cells";

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

function recordCells(record: RunRecord): Record<string, Cell> {
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

export function appendRunRow(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  record: RunRecord,
): void {
  const cells = recordCells(record);
  const kinds = new Map(RUNS_SPEC.columns.map((c) => [normalizeKey(c.header), c.kind]));
  let sheet = spreadsheet.getSheetByName(TAB.runs);
  let headers: string[];
  if (!sheet) {
    // The Runs log must never be the reason a run's outcome is lost: recreate the tab.
    sheet = spreadsheet.insertSheet(TAB.runs);
    headers = RUNS_SPEC.columns.map((c) => c.header);
    sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
  } else {
    // The whole header row in one read ("1:1" spans every column of the grid).
    headers = sheet.getRange("1:1").getValues()[0]!.map(String);
    while (headers.length > 0 && headers[headers.length - 1]!.trim() === "") headers.pop();
    if (headers.every((h) => h.trim() === "")) {
      headers = RUNS_SPEC.columns.map((c) => c.header);
      sheet.getRange(1, 1, 1, headers.length).setValues([headers]);
    }
  }
  const byHeader = new Map(Object.entries(cells).map(([h, v]) => [normalizeKey(h), v]));
  const row = headers.map((header) => {
    const key = normalizeKey(header);
    const value = byHeader.get(key);
    return value === undefined ? "" : toCellValue(value, kinds.get(key) ?? "text");
  });
  sheet.appendRow(row);
}
