// Platform limits that a growing sheet reaches (APPS-SCRIPT-FACTS "Limits"), and the words that
// tell people about them: lists that grow with the sheet are summarised, never copied whole
// (DESIGN §3: a run degrades at a limit, it never stops there).

/** Google Sheets' cell limit per spreadsheet, empty grid cells of every tab included. */
export const SPREADSHEET_CELL_LIMIT = 10_000_000;

/** The platform's message when a write would grow the spreadsheet past its cell limit. */
const CELL_LIMIT_ERROR = /above the limit of [\d,.]+ cells/i;

export function isCellLimitError(message: string): boolean {
  return CELL_LIMIT_ERROR.test(message);
}

/** "the spreadsheet is full: …" — the limit named, and what frees room. */
export const CELL_LIMIT_ADVICE =
  `the spreadsheet has reached Google Sheets' limit of 10 million cells (empty rows and ` +
  `columns count too). Use "Archive old touches", or delete empty rows, columns or tabs.`;

/**
 * Why rows could not be appended to a tab, for Runs and the digest: the cell limit by name, any
 * other failure with the platform's words.
 */
export function appendProblem(tab: string, what: string, message: string): string {
  const why = isCellLimitError(message) ? CELL_LIMIT_ADVICE : message;
  return `${tab}: ${what} could not be added: ${why}`;
}

/** How many items a summarised list shows before "and N more". */
export const LIST_EXAMPLES = 5;

/** Thousands separated, so "and 4,990 more" reads at a glance. */
export function formatCount(count: number): string {
  return String(Math.trunc(count)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** "a, b, c and 4,990 more" (or the whole list when it is short). */
export function summarizeList(items: readonly string[], shown = LIST_EXAMPLES): string {
  if (items.length <= shown + 1) return items.join(", ");
  return `${items.slice(0, shown).join(", ")} and ${formatCount(items.length - shown)} more`;
}

/** "Touches row 12: unknown Contact ID "C-9"" → tab, row and the message without the row. */
const ROW_PROBLEM = /^(.+?) row (\d+): (.+)$/s;
const QUOTED = /"[^"]*"/g;

interface ProblemGroup {
  readonly first: string;
  readonly title: string;
  readonly examples: string[];
  count: number;
}

/**
 * Problems as people can read them: the same problem on many rows becomes one line with the count
 * and the first few rows ("Touches: unknown Contact ID on 5,000 rows: row 2 "C-1", row 3 "C-2", …
 * and 4,995 more"); at most `maxLines` lines, then "and N more problems".
 */
export function summarizeProblems(problems: readonly string[], maxLines = 20): string[] {
  const groups = new Map<string, ProblemGroup>();
  for (const problem of problems) {
    const match = ROW_PROBLEM.exec(problem);
    const message = match?.[3] ?? "";
    const key = match ? `${match[1]}\u0000${message.replace(QUOTED, '"…"')}` : problem;
    let group = groups.get(key);
    if (!group) {
      const title = match ? `${match[1]}: ${message.replace(QUOTED, "").trim()}` : problem;
      group = { first: problem, title, examples: [], count: 0 };
      groups.set(key, group);
    }
    group.count++;
    if (match && group.examples.length < LIST_EXAMPLES) {
      const quoted = message.match(QUOTED)?.join(" ") ?? "";
      group.examples.push(`row ${match[2]}${quoted ? ` ${quoted}` : ""}`);
    }
  }
  const lines = [...groups.values()].map((group) => {
    if (group.count === 1) return group.first;
    const hidden = group.count - group.examples.length;
    const more = hidden > 0 ? ` and ${formatCount(hidden)} more` : "";
    return `${group.title} on ${formatCount(group.count)} rows: ${group.examples.join(", ")}${more}`;
  });
  if (lines.length <= maxLines) return lines;
  const rest = lines.length - (maxLines - 1);
  return [...lines.slice(0, maxLines - 1), `and ${formatCount(rest)} more problems`];
}

/** A cache value holds at most 100 KB of UTF-8 (APPS-SCRIPT-FACTS); Touchbase keeps a margin. */
export const MAX_CACHE_VALUE_BYTES = 90_000;

/** UTF-8 size of a string (what the email limits count), without Buffer or TextEncoder. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}
