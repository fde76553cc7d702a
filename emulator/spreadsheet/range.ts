// Range: a rectangle of one sheet. Reads return fresh copies; writes read strings "as typed"
// (cellInput.ts) and are all-or-nothing, like one Sheets API call.
import { DOCUMENT, SERVICE_NAME } from "../host";
import { type GridBox, a1Of } from "./a1";
import { type CellValue, type StoredCell, formulaCellOf, storedCellOf } from "./cellInput";
import { DataValidationEmu } from "./dataValidation";
import { DEFAULT_NUMBER_FORMAT, displayOf } from "./display";
import { WrapStrategy } from "./enums";
import { FilterEmu } from "./filter";
import { INTERNAL, asGas, internalOf } from "../internal";
import { type SheetData, STYLE_DEFAULTS, type StyleKey, type ValidationData } from "./model";
import { ProtectionEmu, assertEditable, newProtection } from "./protection";
import { SheetEmu } from "./sheet";
import type { SpreadsheetStore } from "./store";

type GS = typeof GoogleAppsScript.Spreadsheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

export interface RangeRef {
  sheet: SheetData;
  box: GridBox;
}

type RangeMethods =
  | "activate"
  | "check"
  | "clear"
  | "clearContent"
  | "clearDataValidations"
  | "clearFormat"
  | "clearNote"
  | "createFilter"
  | "getA1Notation"
  | "getBackground"
  | "getBackgrounds"
  | "getCell"
  | "getColumn"
  | "getDataValidation"
  | "getDataValidations"
  | "getDisplayValue"
  | "getDisplayValues"
  | "getFilter"
  | "getFontWeight"
  | "getFontWeights"
  | "getFormula"
  | "getFormulas"
  | "getGridId"
  | "getHeight"
  | "getHorizontalAlignment"
  | "getLastColumn"
  | "getLastRow"
  | "getNote"
  | "getNotes"
  | "getNumColumns"
  | "getNumRows"
  | "getNumberFormat"
  | "getNumberFormats"
  | "getRow"
  | "getRowIndex"
  | "getSheet"
  | "getValue"
  | "getValues"
  | "getWidth"
  | "getWrap"
  | "getWrapStrategy"
  | "insertCheckboxes"
  | "isBlank"
  | "isChecked"
  | "offset"
  | "protect"
  | "removeCheckboxes"
  | "setBackground"
  | "setBackgrounds"
  | "setBorder"
  | "setDataValidation"
  | "setDataValidations"
  | "setFontColor"
  | "setFontFamily"
  | "setFontSize"
  | "setFontStyle"
  | "setFontWeight"
  | "setFontWeights"
  | "setFormula"
  | "setFormulas"
  | "setHorizontalAlignment"
  | "setNote"
  | "setNotes"
  | "setNumberFormat"
  | "setNumberFormats"
  | "setValue"
  | "setValues"
  | "setVerticalAlignment"
  | "setWrap"
  | "setWrapStrategy"
  | "uncheck"
  | "sort";

/** Validates a rectangle like Sheet.getRange does and returns a handle on it. */
export function rangeOf(
  store: SpreadsheetStore,
  sheet: SheetData,
  row: number,
  column: number,
  numRows: number,
  numColumns: number,
): RangeEmu {
  assertLive(sheet);
  if (![row, column, numRows, numColumns].every(Number.isFinite)) {
    throw new Error(
      "The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.",
    );
  }
  if (numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
  if (numColumns < 1) throw new Error("The number of columns in the range must be at least 1.");
  if (row < 1) throw new Error("The starting row of the range is too small.");
  if (column < 1) throw new Error("The starting column of the range is too small.");
  if (row + numRows - 1 > sheet.maxRows || column + numColumns - 1 > sheet.maxColumns) {
    throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
  }
  return new RangeEmu(store, sheet, { row, column, numRows, numColumns });
}

export function assertLive(sheet: SheetData): void {
  if (sheet.deleted) throw new Error(`The sheet "${sheet.name}" has been deleted.`);
}

function copyValue(value: CellValue | undefined): CellValue {
  if (value === undefined) return "";
  return value instanceof Date ? new Date(value.getTime()) : value;
}

/**
 * Writes a block of already-converted cells. Formats picked by Sheets for typed input (dates,
 * percentages) apply only where the cell had no explicit format.
 */
export function writeStoredCells(
  sheet: SheetData,
  row: number,
  column: number,
  cells: StoredCell[][],
): void {
  const hasFormulas = sheet.formulas.rows.length > 0;
  for (let i = 0; i < cells.length; i++) {
    const source = cells[i] ?? [];
    const r = row - 1 + i;
    for (let j = 0; j < source.length; j++) {
      const cell = source[j];
      if (!cell) continue;
      const c = column - 1 + j;
      sheet.values.set(r, c, cell.value);
      if (cell.formula !== undefined || hasFormulas) sheet.formulas.set(r, c, cell.formula);
      if (cell.autoFormat && sheet.formats.get(r, c) === undefined)
        sheet.formats.set(r, c, cell.autoFormat);
    }
  }
  sheet.touch();
}

/** Converts script values for a block (all first, so one bad cell writes nothing). */
export function storedCellsOf(
  sheet: SheetData,
  row: number,
  column: number,
  values: unknown[][],
): StoredCell[][] {
  const timeZone = sheet.spreadsheet.timeZone;
  const formats = sheet.formats;
  const out: StoredCell[][] = new Array<StoredCell[]>(values.length);
  for (let i = 0; i < values.length; i++) {
    const source = values[i] ?? [];
    const converted: StoredCell[] = new Array<StoredCell>(source.length);
    for (let j = 0; j < source.length; j++) {
      converted[j] = storedCellOf(source[j], formats.get(row - 1 + i, column - 1 + j), timeZone);
    }
    out[i] = converted;
  }
  return out;
}

interface SortKey {
  readonly column: number;
  readonly ascending: boolean;
}

function sortKeysOf(spec: unknown, first: number, width: number): SortKey[] {
  const keys = (Array.isArray(spec) ? spec : [spec]).map((item): SortKey => {
    if (typeof item === "number") return { column: item, ascending: true };
    if (typeof item === "object" && item !== null && "column" in item) {
      const { column, ascending } = item as { column: unknown; ascending?: unknown };
      return { column: Number(column), ascending: ascending !== false };
    }
    throw new Error("Invalid argument: sortSpecObj");
  });
  if (keys.length === 0) throw new Error("Invalid argument: sortSpecObj");
  for (const key of keys) {
    if (!Number.isInteger(key.column) || key.column < first || key.column >= first + width) {
      throw new Error("Column specified for sort must be within the range.");
    }
  }
  return keys;
}

function sortRank(value: CellValue): number {
  if (typeof value === "number" || value instanceof Date) return 0;
  return typeof value === "string" ? 1 : 2;
}

function compareForSort(
  left: CellValue | undefined,
  right: CellValue | undefined,
  ascending: boolean,
): number {
  if (left === undefined || right === undefined) {
    return left === right ? 0 : left === undefined ? 1 : -1;
  }
  const rank = sortRank(left) - sortRank(right);
  let cmp: number;
  if (rank !== 0) cmp = rank;
  else if (typeof left === "string" && typeof right === "string") {
    cmp = left.localeCompare(right, "en", { sensitivity: "base" });
  } else cmp = Number(left) - Number(right);
  return ascending ? cmp : -cmp;
}

function describeArgument(value: unknown): string {
  if (Array.isArray(value)) return "Object[]";
  if (value === null) return "null";
  const type = typeof value;
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** Checks a 2-D array against the range's size with Sheets' exact messages. */
function assertShape(values: unknown, box: GridBox, method: string): asserts values is unknown[][] {
  if (!Array.isArray(values) || !values.every((row) => Array.isArray(row))) {
    throw new Error(
      `The parameters (${describeArgument(values)}) don't match the method signature for SpreadsheetApp.Range.${method}.`,
    );
  }
  if (values.length !== box.numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${values.length} but the range has ${box.numRows}.`,
    );
  }
  for (const row of values as unknown[][]) {
    if (row.length !== box.numColumns) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${box.numColumns}.`,
      );
    }
  }
}

export class RangeEmu implements Pick<Range, RangeMethods> {
  readonly [SERVICE_NAME] = "Range";
  readonly [INTERNAL]: RangeRef;

  constructor(
    private readonly store: SpreadsheetStore,
    private readonly sheetData: SheetData,
    private readonly box: GridBox,
  ) {
    this[INTERNAL] = { sheet: sheetData, box: { ...box } };
  }

  get [DOCUMENT](): SheetData["spreadsheet"] {
    return this.sheetData.spreadsheet;
  }

  private self(): Range {
    return asGas<Range>(this);
  }

  /**
   * Sorts the range's rows by one or more columns (a column number, {column, ascending}, or a list
   * of them; columns are sheet positions). Every layer of a row moves with it: values, formulas,
   * notes, formats, validations, styles. Numbers and dates come before text, text before booleans,
   * blanks last in either direction; text ignores case. Formulas move as text (the emulator does
   * not evaluate or re-anchor them).
   */
  sort(sortSpecObj: unknown): Range {
    const sheet = this.sheetData;
    assertLive(sheet);
    const { row, column, numRows, numColumns } = this.box;
    const keys = sortKeysOf(sortSpecObj, column, numColumns);
    const order = Array.from({ length: numRows }, (_, i) => i);
    order.sort((a, b) => {
      for (const key of keys) {
        const left = sheet.values.get(row - 1 + a, key.column - 1);
        const right = sheet.values.get(row - 1 + b, key.column - 1);
        const cmp = compareForSort(left, right, key.ascending);
        if (cmp !== 0) return cmp;
      }
      return a - b;
    });
    for (const layer of sheet.layers()) {
      const moved = order.map((from) =>
        Array.from({ length: numColumns }, (_, j) => layer.get(row - 1 + from, column - 1 + j)),
      );
      moved.forEach((cells, i) =>
        cells.forEach((v, j) => layer.set(row - 1 + i, column - 1 + j, v)),
      );
    }
    sheet.touch();
    return this.self();
  }

  /** Calls fn(row, column) with 0-based grid coordinates for every cell. */
  private eachCell(fn: (r: number, c: number, i: number, j: number) => void): void {
    assertLive(this.sheetData);
    const { row, column, numRows, numColumns } = this.box;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) fn(row - 1 + i, column - 1 + j, i, j);
    }
  }

  private grid<T>(read: (r: number, c: number) => T): T[][] {
    const out: T[][] = [];
    this.eachCell((r, c, i, j) => {
      (out[i] ??= [])[j] = read(r, c);
    });
    return out;
  }

  private setAll(key: StyleKey, value: string | number | null): Range {
    const grid = this.sheetData.style(key);
    this.eachCell((r, c) => grid.set(r, c, value === null ? undefined : value));
    return this.self();
  }

  private setEach<T>(
    values: T[][],
    method: string,
    apply: (r: number, c: number, v: T) => void,
  ): Range {
    assertShape(values, this.box, method);
    this.eachCell((r, c, i, j) => apply(r, c, (values[i] as T[])[j] as T));
    return this.self();
  }

  private styleAt(key: StyleKey, r: number, c: number): string | number {
    return this.sheetData.styles.get(key)?.get(r, c) ?? STYLE_DEFAULTS[key];
  }

  // ---- geometry -------------------------------------------------------------------------------

  getRow(): number {
    return this.box.row;
  }
  getRowIndex(): number {
    return this.box.row;
  }
  getColumn(): number {
    return this.box.column;
  }
  getNumRows(): number {
    return this.box.numRows;
  }
  getNumColumns(): number {
    return this.box.numColumns;
  }
  getHeight(): number {
    return this.box.numRows;
  }
  getWidth(): number {
    return this.box.numColumns;
  }
  getLastRow(): number {
    return this.box.row + this.box.numRows - 1;
  }
  getLastColumn(): number {
    return this.box.column + this.box.numColumns - 1;
  }
  getA1Notation(): string {
    return a1Of(this.box);
  }
  getGridId(): number {
    return this.sheetData.id;
  }
  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    assertLive(this.sheetData);
    return asGas(new SheetEmu(this.store, this.sheetData));
  }
  getCell(row: number, column: number): Range {
    if (row < 1 || row > this.box.numRows || column < 1 || column > this.box.numColumns) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return asGas(
      rangeOf(
        this.store,
        this.sheetData,
        this.box.row + row - 1,
        this.box.column + column - 1,
        1,
        1,
      ),
    );
  }
  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): Range {
    return asGas(
      rangeOf(
        this.store,
        this.sheetData,
        this.box.row + rowOffset,
        this.box.column + columnOffset,
        numRows ?? this.box.numRows,
        numColumns ?? this.box.numColumns,
      ),
    );
  }

  // ---- values ---------------------------------------------------------------------------------

  getValues(): unknown[][] {
    assertLive(this.sheetData);
    const { row, column, numRows, numColumns } = this.box;
    const rows = this.sheetData.values.rows;
    const out: CellValue[][] = new Array<CellValue[]>(numRows);
    for (let i = 0; i < numRows; i++) {
      const cells = rows[row - 1 + i];
      const copy: CellValue[] = new Array<CellValue>(numColumns);
      if (!cells) copy.fill("");
      else for (let j = 0; j < numColumns; j++) copy[j] = copyValue(cells[column - 1 + j]);
      out[i] = copy;
    }
    return out;
  }

  getValue(): unknown {
    assertLive(this.sheetData);
    return copyValue(this.sheetData.values.get(this.box.row - 1, this.box.column - 1));
  }

  setValues(values: unknown[][]): Range {
    assertLive(this.sheetData);
    assertShape(values, this.box, "setValues");
    assertEditable(this.store, this.sheetData, this.box);
    const cells = storedCellsOf(this.sheetData, this.box.row, this.box.column, values);
    writeStoredCells(this.sheetData, this.box.row, this.box.column, cells);
    return this.self();
  }

  setValue(value: unknown): Range {
    const row = new Array<unknown>(this.box.numColumns).fill(value);
    const values = Array.from({ length: this.box.numRows }, () => row);
    return this.setValues(values);
  }

  getDisplayValues(): string[][] {
    const sheet = this.sheetData;
    const timeZone = sheet.spreadsheet.timeZone;
    return this.grid((r, c) =>
      displayOf(sheet.values.get(r, c), sheet.formats.get(r, c), timeZone),
    );
  }

  getDisplayValue(): string {
    return this.getDisplayValues()[0]?.[0] ?? "";
  }

  isBlank(): boolean {
    let blank = true;
    this.eachCell((r, c) => {
      if (this.sheetData.values.get(r, c) !== undefined) blank = false;
    });
    return blank;
  }

  clearContent(): Range {
    const sheet = this.sheetData;
    this.eachCell((r, c) => {
      sheet.values.set(r, c, undefined);
      sheet.formulas.set(r, c, undefined);
    });
    sheet.touch();
    return this.self();
  }

  clearFormat(): Range {
    const sheet = this.sheetData;
    this.eachCell((r, c) => {
      sheet.formats.set(r, c, undefined);
      for (const grid of sheet.styles.values()) grid.set(r, c, undefined);
    });
    return this.self();
  }

  clearNote(): Range {
    this.eachCell((r, c) => this.sheetData.notes.set(r, c, undefined));
    return this.self();
  }

  clearDataValidations(): Range {
    this.eachCell((r, c) => this.sheetData.validations.set(r, c, undefined));
    return this.self();
  }

  clear(options?: {
    commentsOnly?: boolean;
    contentsOnly?: boolean;
    formatOnly?: boolean;
    validationsOnly?: boolean;
    skipFilteredRows?: boolean;
  }): Range {
    const any =
      options &&
      (options.commentsOnly ||
        options.contentsOnly ||
        options.formatOnly ||
        options.validationsOnly);
    if (!any || options?.contentsOnly) this.clearContent();
    if (!any || options?.formatOnly) this.clearFormat();
    if (!any || options?.validationsOnly) this.clearDataValidations();
    if (!any || options?.commentsOnly) this.clearNote();
    return this.self();
  }

  // ---- formulas -------------------------------------------------------------------------------

  getFormulas(): string[][] {
    return this.grid((r, c) => this.sheetData.formulas.get(r, c) ?? "");
  }
  getFormula(): string {
    return this.getFormulas()[0]?.[0] ?? "";
  }
  setFormulas(formulas: string[][]): Range {
    assertLive(this.sheetData);
    assertShape(formulas, this.box, "setFormulas");
    assertEditable(this.store, this.sheetData, this.box);
    const cells = formulas.map((row) => row.map((formula) => formulaCellOf(String(formula ?? ""))));
    writeStoredCells(this.sheetData, this.box.row, this.box.column, cells);
    return this.self();
  }
  setFormula(formula: string): Range {
    const row = new Array<string>(this.box.numColumns).fill(formula);
    return this.setFormulas(Array.from({ length: this.box.numRows }, () => row));
  }

  // ---- notes ----------------------------------------------------------------------------------

  getNotes(): string[][] {
    return this.grid((r, c) => this.sheetData.notes.get(r, c) ?? "");
  }
  getNote(): string {
    return this.getNotes()[0]?.[0] ?? "";
  }
  setNotes(notes: (string | null)[][]): Range {
    return this.setEach(notes, "setNotes", (r, c, note) =>
      this.sheetData.notes.set(r, c, note === null || note === "" ? undefined : String(note)),
    );
  }
  setNote(note: string | null): Range {
    this.eachCell((r, c) =>
      this.sheetData.notes.set(r, c, note === null || note === "" ? undefined : String(note)),
    );
    return this.self();
  }

  // ---- number formats -------------------------------------------------------------------------

  getNumberFormats(): string[][] {
    const sheet = this.sheetData;
    return this.grid((r, c) => {
      const explicit = sheet.formats.get(r, c);
      if (explicit !== undefined) return explicit;
      return sheet.values.get(r, c) instanceof Date ? "M/d/yyyy H:mm:ss" : DEFAULT_NUMBER_FORMAT;
    });
  }
  getNumberFormat(): string {
    return this.getNumberFormats()[0]?.[0] ?? DEFAULT_NUMBER_FORMAT;
  }
  setNumberFormat(numberFormat: string): Range {
    this.eachCell((r, c) => this.sheetData.formats.set(r, c, String(numberFormat)));
    return this.self();
  }
  setNumberFormats(numberFormats: string[][]): Range {
    return this.setEach(numberFormats, "setNumberFormats", (r, c, format) =>
      this.sheetData.formats.set(r, c, String(format)),
    );
  }

  // ---- formatting -----------------------------------------------------------------------------

  setBackground(color: string | null): Range {
    return this.setAll("background", color);
  }
  setBackgrounds(colors: (string | null)[][]): Range {
    const grid = this.sheetData.style("background");
    return this.setEach(colors, "setBackgrounds", (r, c, color) =>
      grid.set(r, c, color ?? undefined),
    );
  }
  getBackgrounds(): string[][] {
    return this.grid((r, c) => String(this.styleAt("background", r, c)));
  }
  getBackground(): string {
    return this.getBackgrounds()[0]?.[0] ?? String(STYLE_DEFAULTS.background);
  }
  setFontColor(color: string | null): Range {
    return this.setAll("fontColor", color);
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): Range {
    return this.setAll("fontWeight", fontWeight);
  }
  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): Range {
    const grid = this.sheetData.style("fontWeight");
    return this.setEach(fontWeights, "setFontWeights", (r, c, weight) =>
      grid.set(r, c, weight ?? undefined),
    );
  }
  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.grid(
      (r, c) => this.styleAt("fontWeight", r, c) as GoogleAppsScript.Spreadsheet.FontWeight,
    );
  }
  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return this.getFontWeights()[0]?.[0] ?? "normal";
  }
  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): Range {
    return this.setAll("fontStyle", fontStyle);
  }
  setFontSize(size: number): Range {
    return this.setAll("fontSize", size);
  }
  setFontFamily(fontFamily: string | null): Range {
    return this.setAll("fontFamily", fontFamily);
  }
  setHorizontalAlignment(alignment: "left" | "center" | "normal" | "right" | null): Range {
    return this.setAll("horizontalAlignment", alignment);
  }
  getHorizontalAlignment(): string {
    const { row, column } = this.box;
    return String(this.styleAt("horizontalAlignment", row - 1, column - 1));
  }
  setVerticalAlignment(alignment: "top" | "middle" | "bottom" | null): Range {
    return this.setAll("verticalAlignment", alignment);
  }
  setWrap(isWrapEnabled: boolean): Range {
    return this.setAll("wrapStrategy", isWrapEnabled ? "WRAP" : "OVERFLOW");
  }
  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): Range {
    return this.setAll("wrapStrategy", String(strategy));
  }
  getWrapStrategy(): GoogleAppsScript.Spreadsheet.WrapStrategy {
    const name = String(this.styleAt("wrapStrategy", this.box.row - 1, this.box.column - 1));
    return WrapStrategy[name as keyof GS["WrapStrategy"]];
  }
  getWrap(): boolean {
    return String(this.getWrapStrategy()) === "WRAP";
  }
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color?: string | null,
    style?: GoogleAppsScript.Spreadsheet.BorderStyle | null,
  ): Range {
    const sides = { top, left, bottom, right, vertical, horizontal };
    const on = Object.entries(sides)
      .filter(([, enabled]) => enabled)
      .map(([side]) => side);
    const description = on.length
      ? `${on.join(",")} ${color ?? "#000000"} ${String(style ?? "SOLID")}`
      : null;
    return this.setAll("border", description);
  }

  // ---- data validation and checkboxes -------------------------------------------------------

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): Range {
    const data =
      rule === null
        ? undefined
        : { ...internalOf<ValidationData>(rule, "SpreadsheetApp.Range.setDataValidation") };
    this.eachCell((r, c) => this.sheetData.validations.set(r, c, data));
    return this.self();
  }
  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): Range {
    return this.setEach(rules, "setDataValidations", (r, c, rule) =>
      this.sheetData.validations.set(
        r,
        c,
        rule === null
          ? undefined
          : { ...internalOf<ValidationData>(rule, "SpreadsheetApp.Range.setDataValidations") },
      ),
    );
  }
  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.grid((r, c) => {
      const data = this.sheetData.validations.get(r, c);
      return data
        ? asGas<GoogleAppsScript.Spreadsheet.DataValidation>(new DataValidationEmu(data))
        : null;
    });
  }
  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    return this.getDataValidations()[0]?.[0] ?? null;
  }

  insertCheckboxes(...checkboxValues: unknown[]): Range {
    const sheet = this.sheetData;
    const criteriaValues = checkboxValues.slice(0, 2);
    const validation: ValidationData = {
      criteriaType: "CHECKBOX",
      criteriaValues,
      allowInvalid: true,
      helpText: "",
    };
    // Blank cells become unchecked (false for plain checkboxes); existing values stay.
    const blankValue = criteriaValues.length === 0 ? false : criteriaValues[1];
    this.eachCell((r, c) => {
      sheet.validations.set(r, c, validation);
      if (blankValue !== undefined && sheet.values.get(r, c) === undefined) {
        sheet.values.set(r, c, copyValue(blankValue as CellValue));
      }
    });
    sheet.touch();
    return this.self();
  }

  removeCheckboxes(): Range {
    const sheet = this.sheetData;
    this.eachCell((r, c) => {
      if (sheet.validations.get(r, c)?.criteriaType !== "CHECKBOX") return;
      sheet.validations.set(r, c, undefined);
      const value = sheet.values.get(r, c);
      if (value === true || value === false) sheet.values.set(r, c, undefined);
    });
    sheet.touch();
    return this.self();
  }

  private checkboxValues(r: number, c: number): { checked: unknown; unchecked: unknown } | null {
    const rule = this.sheetData.validations.get(r, c);
    if (rule?.criteriaType !== "CHECKBOX") return null;
    if (rule.criteriaValues.length === 0) return { checked: true, unchecked: false };
    return { checked: rule.criteriaValues[0], unchecked: rule.criteriaValues[1] };
  }

  isChecked(): boolean | null {
    let checked = 0;
    let unchecked = 0;
    let other = false;
    this.eachCell((r, c) => {
      const values = this.checkboxValues(r, c);
      if (!values) {
        other = true;
        return;
      }
      if (this.sheetData.values.get(r, c) === values.checked) checked++;
      else unchecked++;
    });
    if (other || (checked > 0 && unchecked > 0)) return null;
    return checked > 0;
  }

  private setChecked(state: boolean): Range {
    const sheet = this.sheetData;
    this.eachCell((r, c) => {
      const values = this.checkboxValues(r, c);
      if (!values) return;
      const value = state ? values.checked : values.unchecked;
      sheet.values.set(r, c, value === undefined ? undefined : copyValue(value as CellValue));
    });
    sheet.touch();
    return this.self();
  }
  check(): Range {
    return this.setChecked(true);
  }
  uncheck(): Range {
    return this.setChecked(false);
  }

  // ---- selection, protection, filter --------------------------------------------------------

  activate(): Range {
    assertLive(this.sheetData);
    const spreadsheet = this.sheetData.spreadsheet;
    spreadsheet.activeSheetId = this.sheetData.id;
    spreadsheet.selection = { sheetId: this.sheetData.id, box: { ...this.box } };
    return this.self();
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    assertLive(this.sheetData);
    const data = newProtection(this.store, this.sheetData, "RANGE", { ...this.box });
    return asGas(new ProtectionEmu(this.store, data));
  }

  createFilter(): GoogleAppsScript.Spreadsheet.Filter {
    assertLive(this.sheetData);
    if (this.sheetData.filter) {
      throw new Error("You can't create a filter in a sheet that already has a filter.");
    }
    this.sheetData.filter = { ...this.box };
    return asGas(new FilterEmu(this.store, this.sheetData));
  }

  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    return this.sheetData.filter ? asGas(new FilterEmu(this.store, this.sheetData)) : null;
  }
}
