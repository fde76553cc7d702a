// A CSV file's text as a grid of strings (issue 12 item 1), read with papaparse: quoted commas and
// newlines, a byte-order mark, the ';' of European Excel and tabs are handled by the library; this
// file only turns what cannot be a contact list (empty, headers only, binary) into clear messages.
import Papa from "papaparse";

export type CsvResult =
  | { readonly ok: true; readonly grid: string[][]; readonly delimiter: string }
  | { readonly ok: false; readonly error: string };

const BYTE_ORDER_MARK = "\ufeff";
/** Characters that do not occur in text files: NUL, other C0 controls, undecodable bytes (U+FFFD). */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const NOT_TEXT = /[\u0000-\u0008\u000e-\u001a\u001c-\u001f\ufffd]/g;

function looksBinary(text: string): boolean {
  if (text.includes("\u0000")) return true;
  const sample = text.slice(0, 100_000);
  const odd = sample.match(NOT_TEXT)?.length ?? 0;
  return odd > Math.max(2, sample.length / 100);
}

const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  ",": "commas",
  ";": "semicolons",
  "\t": "tabs",
  "|": "bars",
};

/** How the report names the separator a file used. */
export function delimiterName(delimiter: string): string {
  return DELIMITER_NAMES[delimiter] ?? `"${delimiter}"`;
}

/**
 * Parses a CSV file's text (already decoded; see the dialog for UTF-8 and Windows-1252). The grid's
 * first row is the header row; every row is padded to the widest row, so values beyond the last
 * header land in columns without a header (named by the mapping).
 */
export function parseCsv(text: string, fileName: string): CsvResult {
  const body = text.startsWith(BYTE_ORDER_MARK) ? text.slice(1) : text;
  if (body.trim() === "") return { ok: false, error: `The file "${fileName}" is empty.` };
  if (looksBinary(body)) {
    return {
      ok: false,
      error:
        `The file "${fileName}" is not a CSV text file (it holds binary data). ` +
        "Export the list as CSV (comma- or semicolon-separated values) and import that file.",
    };
  }
  const parsed = Papa.parse<string[]>(body, {
    delimiter: "",
    delimitersToGuess: [",", ";", "\t", "|"],
    skipEmptyLines: "greedy",
  });
  const quoteError = parsed.errors.find((e) => e.type === "Quotes");
  if (quoteError) {
    const row = (quoteError.row ?? 0) + 1;
    return {
      ok: false,
      error:
        `The file "${fileName}" has a quoted value that never ends (row ${row}): ` +
        `a " opens a value but no " closes it. Fix that row and import again.`,
    };
  }
  const rows = parsed.data;
  const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
  const grid = rows.map((row) => {
    const padded = row.map((cell) => cell ?? "");
    while (padded.length < width) padded.push("");
    return padded;
  });
  if (grid.length < 2) {
    return {
      ok: false,
      error: `The file "${fileName}" has a header row but no rows under it: nothing to import.`,
    };
  }
  return { ok: true, grid, delimiter: parsed.meta.delimiter };
}
