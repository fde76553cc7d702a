// Where the Runs row's values go (DESIGN §1 Runs): by header name like every tab, and when a
// person renamed every Runs header, in Touchbase's own column order — the run's outcome is never
// lost to an all-blank row — with a note naming what happened.
import { cellText } from "./cells";
import { RUNS_SPEC, TAB } from "./schema";
import { indexTable, missingColumns, type Table } from "./table";

const RUNS_HEADERS = RUNS_SPEC.columns.map((c) => c.header);

export interface RunsLayout {
  /** The table to build the row against (the tab's, or Touchbase's order when none matched). */
  readonly table: Table;
  /** What a person should know about the tab's headers ("" when all is well). */
  readonly note: string;
}

/** The layout for the Runs row, given the tab's header row as read. */
export function runsLayout(header: Table): RunsLayout {
  const missing = missingColumns(header, RUNS_SPEC);
  if (missing.length === 0) return { table: header, note: "" };
  if (missing.length < RUNS_HEADERS.length) {
    return {
      table: header,
      note:
        `The Runs tab lacks the column${missing.length > 1 ? "s" : ""} ` +
        `${missing.map((h) => `"${h}"`).join(", ")}, so ${missing.length > 1 ? "their values are" : "its value is"} ` +
        `not logged. Run "Set up / repair sheets" to add ${missing.length > 1 ? "them" : "it"}.`,
    };
  }
  const found = header.headers.filter((h) => cellText(h) !== "").slice(0, 5);
  return {
    table: indexTable(TAB.runs, [RUNS_HEADERS]),
    note:
      `The Runs tab has none of Touchbase's headers (row 1 holds ${found.map((h) => `"${h}"`).join(", ")}…), ` +
      `so this row is written in Touchbase's column order: ${RUNS_HEADERS.join(", ")}. ` +
      `Rename the headers back so each value stands under its name.`,
  };
}
