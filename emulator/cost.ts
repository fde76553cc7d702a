// The cost model: how many simulated seconds each service call takes. Real Apps Script time is
// dominated by round trips to the services, so one call of any kind costs about the same, bulk
// reads/writes add a little per cell, and flush / mail / search are slower. One table, here.

export interface CostRule {
  /** "Class.method" names this rule covers. */
  readonly calls: readonly string[];
  /** Seconds per call. */
  readonly base: number;
  /** Extra seconds per cell in the returned 2-D array (reads). */
  readonly perCellRead?: number;
  /** Extra seconds per cell in the first argument (a 2-D array, or a row for appendRow). */
  readonly perCellWritten?: number;
  /** The first argument is a duration in milliseconds that passes (Utilities.sleep). */
  readonly sleepsForArgument?: boolean;
}

/** Any call not listed below. */
export const ORDINARY_CALL_SECONDS = 0.02;

export const COST_TABLE: readonly CostRule[] = [
  {
    calls: [
      "Range.getValues",
      "Range.getDisplayValues",
      "Range.getFormulas",
      "Range.getFormulasR1C1",
      "Range.getBackgrounds",
      "Range.getNumberFormats",
      "Range.getNotes",
      "Range.getFontWeights",
      "Range.getRichTextValues",
      "Range.getDataValidations",
      "Sheet.getSheetValues",
    ],
    base: 0.1,
    perCellRead: 1e-6,
  },
  {
    calls: [
      "Range.setValues",
      "Range.setFormulas",
      "Range.setBackgrounds",
      "Range.setNumberFormats",
      "Range.setNotes",
      "Range.setFontWeights",
      "Range.setRichTextValues",
      "Range.setDataValidations",
      "Sheet.appendRow",
    ],
    base: 0.1,
    perCellWritten: 3e-6,
  },
  { calls: ["SpreadsheetApp.flush"], base: 0.6 },
  {
    calls: [
      "GmailApp.sendEmail",
      "MailApp.sendEmail",
      "GmailApp.createDraft",
      "GmailDraft.send",
      "GmailThread.reply",
      "GmailThread.replyAll",
      "GmailMessage.reply",
      "GmailMessage.replyAll",
      "GmailMessage.forward",
    ],
    base: 1,
  },
  {
    calls: ["GmailApp.search", "GmailApp.getInboxThreads", "GmailApp.getMessagesForThreads"],
    base: 0.5,
  },
  // A ranged calendar read is a round trip like a Gmail search (strict reading: its real cost is
  // not documented); the getters of the events it returns cost as ordinary calls.
  { calls: ["Calendar.getEvents"], base: 0.5 },
  { calls: ["Utilities.sleep"], base: 0, sleepsForArgument: true },
];

const RULES_BY_CALL = new Map<string, CostRule>(
  COST_TABLE.flatMap((rule) => rule.calls.map((call) => [call, rule] as const)),
);

/** Cells in a 2-D array (or in one row, for appendRow). Anything else counts as 0. */
export function cellCount(value: unknown): number {
  if (!Array.isArray(value)) return 0;
  let cells = 0;
  for (const row of value) cells += Array.isArray(row) ? row.length : 1;
  return cells;
}

/** Simulated seconds for one call, given its arguments and result. */
export function callCostSeconds(call: string, args: readonly unknown[], result: unknown): number {
  const rule = RULES_BY_CALL.get(call);
  if (!rule) return ORDINARY_CALL_SECONDS;
  let seconds = rule.base;
  if (rule.perCellRead) seconds += rule.perCellRead * cellCount(result);
  if (rule.perCellWritten) seconds += rule.perCellWritten * cellCount(args[0]);
  if (rule.sleepsForArgument) {
    const ms = Number(args[0]);
    if (Number.isFinite(ms) && ms > 0) seconds += ms / 1000;
  }
  return seconds;
}
