// The spreadsheet data behind the emulated classes: plain objects the tests and the runtime can
// inspect, never handed to script code directly (script code gets Spreadsheet/Sheet/Range
// handles that point here, fresh on every call, as in Apps Script).
import type { GridBox } from "./a1";
import type { CellValue } from "./cellInput";
import { Grid } from "./grid";

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const MAX_CELLS = 10_000_000;

export interface ValidationData {
  criteriaType: string;
  criteriaValues: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export interface ConditionData {
  criteriaType: string;
  criteriaValues: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
}

export interface SheetBox extends GridBox {
  spreadsheetId: string;
  sheetId: number;
}

export interface ConditionalRuleData {
  condition: ConditionData;
  ranges: SheetBox[];
}

export interface ProtectionData {
  id: number;
  spreadsheetId: string;
  type: "RANGE" | "SHEET";
  sheetId: number;
  /** For RANGE protections; SHEET protections cover the whole sheet. */
  box?: GridBox;
  description: string;
  warningOnly: boolean;
  editors: string[];
  domainEdit: boolean;
  unprotected: SheetBox[];
}

export interface ChartData {
  id: number;
  sheetId: number;
  chartType: string;
  ranges: SheetBox[];
  options: Record<string, unknown>;
  position: { row: number; column: number; offsetX: number; offsetY: number };
  numHeaders: number;
  transpose: boolean;
}

/** Per-cell formatting kept by the emulator (what tests may want to read back). */
export type StyleKey =
  | "background"
  | "fontColor"
  | "fontWeight"
  | "fontStyle"
  | "fontSize"
  | "fontFamily"
  | "horizontalAlignment"
  | "verticalAlignment"
  | "wrapStrategy"
  | "border";

export const STYLE_DEFAULTS: Readonly<Record<StyleKey, string | number>> = {
  background: "#ffffff",
  fontColor: "#000000",
  fontWeight: "normal",
  fontStyle: "normal",
  fontSize: 10,
  fontFamily: "Arial",
  horizontalAlignment: "general",
  verticalAlignment: "bottom",
  wrapStrategy: "OVERFLOW",
  border: "",
};

export class SheetData {
  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  readonly values = new Grid<CellValue>();
  readonly formulas = new Grid<string>();
  readonly formats = new Grid<string>();
  readonly notes = new Grid<string>();
  readonly validations = new Grid<ValidationData>();
  readonly styles = new Map<StyleKey, Grid<string | number>>();
  frozenRows = 0;
  frozenColumns = 0;
  readonly columnWidths = new Map<number, number>();
  readonly hiddenColumns = new Set<number>();
  tabColor: string | null = null;
  conditionalRules: ConditionalRuleData[] = [];
  charts: ChartData[] = [];
  filter: GridBox | null = null;
  deleted = false;
  private version = 0;
  private cachedExtent: { version: number; lastRow: number; lastColumn: number } | null = null;

  constructor(
    readonly spreadsheet: SpreadsheetData,
    readonly id: number,
    public name: string,
  ) {}

  style(key: StyleKey): Grid<string | number> {
    let grid = this.styles.get(key);
    if (!grid) {
      grid = new Grid<string | number>();
      this.styles.set(key, grid);
    }
    return grid;
  }

  /** Every layer, for row/column insertion and deletion. */
  layers(): Grid<unknown>[] {
    return [
      this.values,
      this.formulas,
      this.formats,
      this.notes,
      this.validations,
      ...this.styles.values(),
    ] as Grid<unknown>[];
  }

  /** Marks the content changed (invalidates the cached last row/column). */
  touch(): void {
    this.version++;
  }

  /** 1-based last row and column holding a value or formula; 0 when the sheet is empty. */
  extent(): { lastRow: number; lastColumn: number } {
    if (this.cachedExtent?.version === this.version) return this.cachedExtent;
    let lastRow = 0;
    let lastColumn = 0;
    const rows = this.values.rows;
    for (let r = 0; r < rows.length; r++) {
      const cells = rows[r];
      if (!cells) continue;
      for (let c = cells.length - 1; c >= 0; c--) {
        if (cells[c] !== undefined) {
          lastRow = r + 1;
          if (c + 1 > lastColumn) lastColumn = c + 1;
          break;
        }
      }
    }
    this.cachedExtent = { version: this.version, lastRow, lastColumn };
    return this.cachedExtent;
  }

  cellCount(): number {
    return this.maxRows * this.maxColumns;
  }
}

export interface SpreadsheetOptions {
  timeZone: string;
  /** getSpreadsheetLocale(), e.g. "de_DE" (default "en_US"). */
  locale?: string;
  owner?: string;
  editors?: string[];
  /** Fixed id (default: generated). */
  id?: string;
  /** Initial tabs (default: one "Sheet1", as a new spreadsheet has). */
  sheets?: string[];
}

/**
 * A user whose access a test took away (emu.access): "viewer" may read, "none" may not open the
 * file. Users not listed can edit, as every configured user could before.
 */
export type ReducedAccess = "viewer" | "none";

export interface Selection {
  sheetId: number;
  box: GridBox;
}

export class SpreadsheetData {
  readonly sheets: SheetData[] = [];
  readonly protections: ProtectionData[] = [];
  readonly namedRanges = new Map<string, SheetBox>();
  activeSheetId: number | null = null;
  selection: Selection | null = null;
  /** Normalized email → reduced access (see ReducedAccess). */
  readonly reducedAccess = new Map<string, ReducedAccess>();
  private nextSheetNumber = 0;
  private nextObjectId = 1;

  constructor(
    readonly id: string,
    public name: string,
    public timeZone: string,
    readonly owner: string,
    readonly editors: string[],
    public locale = "en_US",
  ) {}

  newObjectId(): number {
    return this.nextObjectId++;
  }

  /** Sheet ids (gids) are stable numbers: 0 for the first tab, then fixed pseudo-random ones. */
  private newSheetId(): number {
    const n = this.nextSheetNumber++;
    return n === 0 ? 0 : (n * 1_103_515_245 + 12_345) % 2_147_483_647;
  }

  cellCount(): number {
    return this.sheets.reduce((sum, sheet) => sum + sheet.cellCount(), 0);
  }

  /** Throws Sheets' error if adding cells would pass the 10-million-cell workbook limit. */
  assertCanGrowBy(cells: number): void {
    if (this.cellCount() + cells > MAX_CELLS) {
      throw new Error(
        `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`,
      );
    }
  }

  /** getSheetByName is case-sensitive in Google Sheets ("contacts" is not "Contacts"). */
  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((sheet) => sheet.name === name);
  }

  /** Names are unique ignoring case: the tab a new name would collide with. */
  sheetNamedIgnoringCase(name: string): SheetData | undefined {
    const wanted = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === wanted);
  }

  sheetById(id: number): SheetData | undefined {
    return this.sheets.find((sheet) => sheet.id === id);
  }

  assertNameFree(name: string, except?: SheetData): void {
    const taken = this.sheetNamedIgnoringCase(name);
    if (taken && taken !== except) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
  }

  addSheet(name: string | undefined, index?: number): SheetData {
    const sheetName = name ?? this.unusedSheetName();
    if (sheetName.trim() === "") throw new Error("Sheet names can't be blank.");
    this.assertNameFree(sheetName);
    this.assertCanGrowBy(DEFAULT_ROWS * DEFAULT_COLUMNS);
    const sheet = new SheetData(this, this.newSheetId(), sheetName);
    const at =
      index === undefined ? this.sheets.length : Math.max(0, Math.min(index, this.sheets.length));
    this.sheets.splice(at, 0, sheet);
    return sheet;
  }

  private unusedSheetName(): string {
    for (let n = this.sheets.length + 1; ; n++) {
      if (!this.sheetNamedIgnoringCase(`Sheet${n}`)) return `Sheet${n}`;
    }
  }

  activeSheet(): SheetData {
    const active = this.activeSheetId === null ? undefined : this.sheetById(this.activeSheetId);
    const sheet = active ?? this.sheets[0];
    if (!sheet) throw new Error("The spreadsheet has no sheets.");
    return sheet;
  }
}
