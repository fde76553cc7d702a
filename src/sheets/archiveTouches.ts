// Moves old touches from the workbook's Touches tab to the archive spreadsheet ("Archive old
// touches", DESIGN §1 Touches), crash-safe in this order: copy to the archive (a retry skips rows
// already there by Touch ID) → check that Touches did not change meanwhile → rewrite Touches in one
// setValues (kept rows and the contacts' summary rows, atomically) → drop the emptied grid rows.
// Whichever call fails, a rerun ends with every touch exactly once, in Touches or in the archive.
import { planArchive, type ArchivePlan } from "../domain/archive";
import { toCellValue, type Cell } from "../domain/cells";
import { formatCount } from "../domain/limits";
import { TOUCH } from "../domain/schema";
import { columnOf, FIRST_DATA_ROW, indexTable, type Table } from "../domain/table";
import { errorMessage } from "../errors";
import {
  appendToArchive,
  archiveIdOnRecord,
  archiveName,
  openOrCreateArchive,
  type Archive,
} from "./archiveStore";
import { columnKindOf, type RowRecord } from "./tableIO";
import type { Workbook } from "./workbook";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface ArchiveOutcome {
  /** Touches moved to the archive (0: nothing was old enough, or everything still counts). */
  readonly moved: number;
  readonly contacts: number;
  /** Contacts that keep all their touches (archiving would have changed their computed columns). */
  readonly keptWhole: number;
  /** Rows kept because their Touch ID is already in the archive with other values. */
  readonly conflicts: readonly string[];
  readonly archiveName: string;
  readonly archiveUrl: string;
  /** Why the emptied rows were left in the grid ("" when they were removed). */
  readonly trimProblem: string;
}

export class TouchesChangedError extends Error {
  constructor() {
    super(
      "Someone changed the Touches tab while Touchbase was archiving (a touch was logged, edited or " +
        "sorted). Nothing was removed from Touches. Run \u201cArchive old touches\u201d again.",
    );
    this.name = "TouchesChangedError";
  }
}

export class TouchesHaveFormulasError extends Error {
  constructor(columns: readonly string[], row: number) {
    super(
      `The Touches tab has formulas (column ${columns.map((c) => `"${c}"`).join(", ")}, from row ` +
        `${row}). Archiving moves rows, which would break them: copy those columns and paste ` +
        `them as values (or move the formulas to another tab), then run \u201cArchive old touches\u201d again.`,
    );
    this.name = "TouchesHaveFormulasError";
  }
}

/** The Touches tab as it is now: values, formulas and number formats of its used range. */
interface TouchesGrid {
  readonly range: Range;
  readonly values: Cell[][];
  readonly formats: string[][];
}

export function archiveOldTouches(
  spreadsheet: Spreadsheet,
  workbook: Workbook,
  options: { readonly user: string; readonly cutoff: Date; readonly now: Date },
): ArchiveOutcome {
  const name = archiveName(spreadsheet);
  const grid = readTouches(workbook);
  const table = indexTable(workbook.touches.table.tab, grid.values);
  const plan = (pinnedRows?: ReadonlySet<number>) =>
    planArchive({
      contacts: workbook.contacts.table,
      touches: table,
      cadences: workbook.cadences,
      settings: workbook.settings,
      zone: workbook.zone,
      now: options.now,
      cutoff: options.cutoff,
      user: options.user,
      archiveName: name,
      pinnedRows,
    });
  let archivePlan = plan();
  const nothing = { moved: 0, contacts: 0, keptWhole: archivePlan.keptWhole.length };
  if (archivePlan.moved.length === 0) {
    return { ...nothing, conflicts: [], archiveName: name, archiveUrl: "", trimProblem: "" };
  }

  const archive = openOrCreateArchive(spreadsheet, grid.values[0] ?? [], archiveIdOnRecord());
  const { fresh, conflicts } = splitByArchive(archivePlan, table, archive);
  if (conflicts.size > 0) archivePlan = plan(new Set(conflicts.keys()));
  appendToArchive(
    archive,
    archivePlan.moved.filter((row) => fresh.has(row)).map((row) => recordOf(table, row)),
  );

  // Compare-before-write: a touch logged since the read would be overwritten by the rewrite.
  const now = workbook.touches.sheet.getDataRange().getValues() as Cell[][];
  if (!sameGrid(now, grid.values)) throw new TouchesChangedError();
  const kept = rewriteTouches(grid, table, archivePlan);
  const trimProblem = trimEmptiedRows(workbook, grid.values.length, kept);
  return {
    moved: archivePlan.moved.length,
    contacts: archivePlan.summaries.length,
    keptWhole: archivePlan.keptWhole.length,
    conflicts: [...conflicts.values()],
    archiveName: name,
    archiveUrl: archive.spreadsheet.getUrl(),
    trimProblem,
  };
}

/** One Runs "Archived" cell (and the menu's answer) for an archive that moved touches. */
export function describeArchive(outcome: ArchiveOutcome, months: number): string {
  const parts = [
    `${formatCount(outcome.moved)} touches older than ${months} months from ` +
      `${formatCount(outcome.contacts)} contacts moved to \u201c${outcome.archiveName}\u201d ` +
      `(${outcome.archiveUrl}); each contact keeps one \u201cArchived\u201d row with their counts.`,
  ];
  if (outcome.keptWhole > 0) {
    parts.push(
      `${formatCount(outcome.keptWhole)} contacts keep all their touches: their follow-up still depends on them.`,
    );
  }
  if (outcome.conflicts.length > 0) parts.push(...outcome.conflicts);
  if (outcome.trimProblem) parts.push(outcome.trimProblem);
  return parts.join(" ");
}

function readTouches(workbook: Workbook): TouchesGrid {
  const range = workbook.touches.sheet.getDataRange();
  const values = range.getValues() as Cell[][];
  const formulas = range.getFormulas();
  const withFormula = new Set<number>();
  let firstRow = 0;
  formulas.forEach((row, r) => {
    if (r === 0) return; // the header row is never rewritten
    row.forEach((formula, c) => {
      if (formula === "") return;
      withFormula.add(c);
      if (firstRow === 0) firstRow = r + 1;
    });
  });
  if (withFormula.size > 0) {
    const headers = values[0] ?? [];
    throw new TouchesHaveFormulasError(
      [...withFormula].map((c) => String(headers[c] ?? "") || `#${c + 1}`),
      firstRow,
    );
  }
  return { range, values, formats: range.getNumberFormats() };
}

/**
 * Moved rows already in the archive (a retry after a crash) are not copied again; a Touch ID the
 * archive holds for another touch (other time or contact) keeps its row in Touches, named.
 */
function splitByArchive(
  plan: ArchivePlan,
  table: Table,
  archive: Archive,
): { fresh: Set<number>; conflicts: Map<number, string> } {
  const fresh = new Set<number>();
  const conflicts = new Map<number, string>();
  const time = columnOf(table, TOUCH.timestamp)!;
  const contact = columnOf(table, TOUCH.contactId)!;
  for (const row of plan.moved) {
    const touchId = plan.touchIds.get(row) ?? "";
    const there = archive.archived.get(touchId.toLowerCase());
    if (!there) {
      fresh.add(row);
      continue;
    }
    const cells = table.rows[row - FIRST_DATA_ROW] ?? [];
    const stamp = cells[time];
    const sameTime = stamp instanceof Date && stamp.getTime() === there.timestamp;
    const sameContact =
      String(cells[contact] ?? "")
        .trim()
        .toLowerCase() === there.contactId;
    if (!sameTime || !sameContact) {
      conflicts.set(
        row,
        `Touches row ${row} stays: its Touch ID ${touchId} is already in the archive for another touch.`,
      );
    }
  }
  return { fresh, conflicts };
}

/** A Touches row as header → value, every column (the user's own too). */
function recordOf(table: Table, row: number): RowRecord {
  const cells = table.rows[row - FIRST_DATA_ROW] ?? [];
  return new Map(table.headers.map((header, i) => [header, cells[i] ?? ""] as const));
}

/**
 * One setValues over the whole used range: the summary rows, then every kept row in its order,
 * then blanks where the moved rows were. Returns how many data rows are left.
 */
function rewriteTouches(grid: TouchesGrid, table: Table, plan: ArchivePlan): number {
  const width = grid.values[0]?.length ?? 0;
  const gone = new Set([...plan.moved, ...plan.replacedSummaries]);
  const rows: Cell[][] = plan.summaries.map((summary) => rawRow(table, summary.cells, width));
  grid.values.forEach((row, index) => {
    const sheetRow = index + 1;
    if (sheetRow >= FIRST_DATA_ROW && !gone.has(sheetRow)) rows.push(row);
  });
  const kept = rows.length;
  while (rows.length < grid.values.length - 1) rows.push(new Array<Cell>(width).fill(""));
  // Kept text is written so it stays text in its new cell: a "=…" note is no formula, "00123" no number.
  const block = rows.map((row, r) =>
    row.map((value, c) =>
      toCellValue(value, columnKindOf(table, table.headers[c] ?? ""), grid.formats[r + 1]?.[c]),
    ),
  );
  if (block.length > 0) {
    grid.range.getSheet().getRange(FIRST_DATA_ROW, 1, block.length, width).setValues(block);
  }
  return kept;
}

/** A row in the sheet's column order from header → value, not yet converted for writing. */
function rawRow(table: Table, cells: ReadonlyMap<string, Cell>, width: number): Cell[] {
  const row = new Array<Cell>(width).fill("");
  for (const [header, value] of cells) {
    const index = columnOf(table, header);
    if (index !== undefined && index < width) row[index] = value;
  }
  return row;
}

/** The emptied rows leave the grid, so the archive frees cells; failing that, they stay blank. */
function trimEmptiedRows(workbook: Workbook, gridRows: number, kept: number): string {
  const firstEmpty = FIRST_DATA_ROW + kept;
  const emptied = gridRows - 1 - kept;
  if (emptied <= 0) return "";
  try {
    workbook.touches.sheet.deleteRows(firstEmpty, emptied);
    return "";
  } catch (error) {
    return `The ${formatCount(emptied)} emptied Touches rows stay in the grid: ${errorMessage(error)}`;
  }
}

function sameGrid(a: readonly (readonly Cell[])[], b: readonly (readonly Cell[])[]): boolean {
  if (a.length !== b.length) return false;
  for (let r = 0; r < a.length; r++) {
    const x = a[r]!;
    const y = b[r]!;
    if (x.length !== y.length) return false;
    for (let c = 0; c < x.length; c++) {
      const u = x[c];
      const v = y[c];
      if (u instanceof Date && v instanceof Date ? u.getTime() !== v.getTime() : u !== v)
        return false;
    }
  }
  return true;
}
