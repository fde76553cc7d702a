// "Import contacts" (issue 12): the menu item opens the Import dialog; these are the server
// functions it calls through google.script.run, one small function per step — start, upload a CSV
// in parts, preview, import. Each returns a ServerResult: an error comes back in words.
import type {
  ImportChoices,
  ImportOutcomeResult,
  ImportPreviewResult,
  ImportSource,
  ImportStart,
  ServerResult,
} from "../api/import";
import { parseCsv } from "../domain/importCsv";
import type { ImportSourceGrid } from "../domain/importPlan";
import { errorMessage } from "../errors";
import { importableTabs, performImport, previewImport, readTabSource } from "../sheets/importer";

const DIALOG_FILE = "Import";
export const IMPORT_TITLE = "Import contacts";

/**
 * A CSV reaches the server in parts kept in the user's cache for 6 hours: a cache value holds at
 * most 100 KB (APPS-SCRIPT-FACTS) and 30,000 characters are at most 90 KB in UTF-8. google.script.run
 * documents no argument limit, so one call carries at most 32 parts (≈1 MB): a 10,000-row export
 * takes two or three calls. Files over 20 million characters are refused (split them).
 */
export const PART_CHARS = 30_000;
export const PARTS_PER_CALL = 32;
export const MAX_FILE_CHARS = 20_000_000;
const MAX_PARTS = Math.ceil(MAX_FILE_CHARS / PART_CHARS);
const UPLOAD_SECONDS = 21_600;
const UPLOAD_ID = /^[A-Za-z0-9_-]{8,64}$/;

const partKey = (uploadId: string, index: number) => `touchbase.import.${uploadId}.${index}`;

function answer<T>(action: () => T): ServerResult<T> {
  try {
    return { ok: true, value: action() };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

function user(): string {
  return Session.getEffectiveUser().getEmail();
}

export function menuImportContacts(): void {
  try {
    const html = HtmlService.createHtmlOutputFromFile(DIALOG_FILE).setWidth(860).setHeight(640);
    SpreadsheetApp.getUi().showModalDialog(html, IMPORT_TITLE);
  } catch (error) {
    const ui = SpreadsheetApp.getUi();
    ui.alert(IMPORT_TITLE, errorMessage(error), ui.ButtonSet.OK);
  }
}

export function importStart(): ServerResult<ImportStart> {
  return answer(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    return {
      tabs: importableTabs(spreadsheet),
      locale: spreadsheet.getSpreadsheetLocale(),
      partChars: PART_CHARS,
      partsPerCall: PARTS_PER_CALL,
      maxFileChars: MAX_FILE_CHARS,
    };
  });
}

/** Stores parts `first`, `first + 1`, … of an upload with one cache call. */
export function importUploadCsv(
  uploadId: string,
  first: number,
  parts: readonly string[],
): ServerResult<number> {
  return answer(() => {
    if (!UPLOAD_ID.test(String(uploadId))) throw new Error("The upload has no valid id.");
    if (!Number.isInteger(first) || first < 0 || first + parts.length > MAX_PARTS) {
      throw new Error(
        `The file is larger than ${MAX_FILE_CHARS.toLocaleString("en-US")} characters: split it into smaller files.`,
      );
    }
    if (parts.length > PARTS_PER_CALL || parts.some((p) => String(p).length > PART_CHARS)) {
      throw new Error("The upload sent parts larger than the dialog's limits; reload the dialog.");
    }
    const values: Record<string, string> = {};
    parts.forEach((part, i) => (values[partKey(uploadId, first + i)] = String(part)));
    CacheService.getUserCache().putAll(values, UPLOAD_SECONDS);
    return first + parts.length;
  });
}

function readSource(source: ImportSource): ImportSourceGrid {
  if (source.kind === "tab")
    return readTabSource(SpreadsheetApp.getActiveSpreadsheet(), source.tab);
  if (!UPLOAD_ID.test(source.uploadId) || !(source.parts >= 0 && source.parts <= MAX_PARTS)) {
    throw new Error("The upload has no valid id: choose the file again.");
  }
  const keys = Array.from({ length: source.parts }, (_, i) => partKey(source.uploadId, i));
  const stored = CacheService.getUserCache().getAll(keys);
  const missing = keys.some((key) => stored[key] === undefined);
  if (missing) {
    throw new Error(
      `The uploaded file "${source.fileName}" is no longer on the server (uploads are kept 6 hours): choose the file again.`,
    );
  }
  const parsed = parseCsv(keys.map((key) => stored[key]!).join(""), source.fileName);
  return parsed.ok
    ? { name: source.fileName, grid: parsed.grid, error: "" }
    : { name: source.fileName, grid: [], error: parsed.error };
}

export function importPreview(choices: ImportChoices): ImportPreviewResult {
  return answer(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    return previewImport(spreadsheet, user(), readSource(choices.source), choices).preview;
  });
}

export function importRun(choices: ImportChoices): ImportOutcomeResult {
  return answer(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const result = performImport(spreadsheet, user(), readSource(choices.source), choices);
    return {
      counts: result.counts,
      summary:
        result.counts.imported > 0
          ? `${result.summary} New contacts get their ID, Status and Due at the next refresh (Refresh now, or the hourly run).`
          : result.summary,
    };
  });
}
