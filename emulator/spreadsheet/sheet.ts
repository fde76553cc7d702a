// Sheet: one tab. Handles are fresh per call and point at the tab's SheetData.
import { DOCUMENT, SERVICE_NAME } from "../host";
import { parseA1, resolveA1 } from "./a1";
import { EmbeddedChartBuilderEmu, EmbeddedChartEmu, chartDataOf } from "./chart";
import { ConditionalFormatRuleEmu } from "./conditionalFormat";
import { FilterEmu } from "./filter";
import { INTERNAL, asGas, internalOf } from "../internal";
import type { ConditionalRuleData, SheetData } from "./model";
import { ProtectionEmu, assertEditable, newProtection } from "./protection";
import { type RangeEmu, assertLive, rangeOf, storedCellsOf, writeStoredCells } from "./range";
import { RangeListEmu } from "./rangeList";
import { SpreadsheetEmu } from "./spreadsheet";
import type { SpreadsheetStore } from "./store";
import { deleteColumns, deleteRows, insertColumns, insertRows } from "./structure";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

type SheetMethods =
  | "activate"
  | "appendRow"
  | "autoResizeColumn"
  | "autoResizeColumns"
  | "clear"
  | "clearConditionalFormatRules"
  | "clearContents"
  | "clearFormats"
  | "deleteColumn"
  | "deleteColumns"
  | "deleteRow"
  | "deleteRows"
  | "getCharts"
  | "getColumnWidth"
  | "getConditionalFormatRules"
  | "getDataRange"
  | "getFilter"
  | "getFrozenColumns"
  | "getFrozenRows"
  | "getIndex"
  | "getLastColumn"
  | "getLastRow"
  | "getMaxColumns"
  | "getMaxRows"
  | "getName"
  | "getParent"
  | "getProtections"
  | "getRange"
  | "getRangeList"
  | "getSheetId"
  | "getSheetName"
  | "getSheetValues"
  | "getTabColor"
  | "hideColumns"
  | "insertChart"
  | "insertColumnAfter"
  | "insertColumnBefore"
  | "insertColumns"
  | "insertColumnsAfter"
  | "insertColumnsBefore"
  | "insertRowAfter"
  | "insertRowBefore"
  | "insertRows"
  | "insertRowsAfter"
  | "insertRowsBefore"
  | "isColumnHiddenByUser"
  | "newChart"
  | "protect"
  | "removeChart"
  | "setColumnWidth"
  | "setColumnWidths"
  | "setConditionalFormatRules"
  | "setFrozenColumns"
  | "setFrozenRows"
  | "setName"
  | "setTabColor"
  | "showColumns"
  | "updateChart";

const DEFAULT_COLUMN_WIDTH = 100;

/** Resolves A1 notation (optionally "Tab!A1") against a sheet of the same spreadsheet. */
export function rangeFromA1(store: SpreadsheetStore, sheet: SheetData, a1: string): RangeEmu {
  const parts = parseA1(String(a1));
  if (!parts) throw new Error("Range not found");
  let target = sheet;
  if (parts.sheetName !== undefined) {
    const named = sheet.spreadsheet.sheetByName(parts.sheetName);
    if (!named) throw new Error("Range not found");
    target = named;
  }
  const box = resolveA1(parts, target.maxRows, target.maxColumns);
  return rangeOf(store, target, box.row, box.column, box.numRows, box.numColumns);
}

export class SheetEmu implements Pick<Sheet, SheetMethods> {
  readonly [SERVICE_NAME] = "Sheet";
  readonly [INTERNAL]: SheetData;

  constructor(
    private readonly store: SpreadsheetStore,
    private readonly data: SheetData,
  ) {
    this[INTERNAL] = data;
  }

  get [DOCUMENT](): SheetData["spreadsheet"] {
    return this.data.spreadsheet;
  }

  private self(): Sheet {
    return asGas<Sheet>(this);
  }

  private live(): SheetData {
    assertLive(this.data);
    return this.data;
  }

  // ---- identity -------------------------------------------------------------------------------

  getName(): string {
    return this.live().name;
  }
  getSheetName(): string {
    return this.getName();
  }
  setName(name: string): Sheet {
    const data = this.live();
    const newName = String(name);
    if (newName.trim() === "") throw new Error("Sheet names can't be blank.");
    data.spreadsheet.assertNameFree(newName, data);
    data.name = newName;
    return this.self();
  }
  getSheetId(): number {
    return this.live().id;
  }
  getIndex(): number {
    const data = this.live();
    return data.spreadsheet.sheets.indexOf(data) + 1;
  }
  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return asGas(new SpreadsheetEmu(this.store, this.live().spreadsheet));
  }
  activate(): Sheet {
    const data = this.live();
    const spreadsheet = data.spreadsheet;
    spreadsheet.activeSheetId = data.id;
    if (spreadsheet.selection?.sheetId !== data.id) {
      spreadsheet.selection = {
        sheetId: data.id,
        box: { row: 1, column: 1, numRows: 1, numColumns: 1 },
      };
    }
    return this.self();
  }
  setTabColor(color: string | null): Sheet {
    this.live().tabColor = color;
    return this.self();
  }
  getTabColor(): string | null {
    return this.live().tabColor;
  }

  // ---- size and content extent ----------------------------------------------------------------

  getLastRow(): number {
    return this.live().extent().lastRow;
  }
  getLastColumn(): number {
    return this.live().extent().lastColumn;
  }
  getMaxRows(): number {
    return this.live().maxRows;
  }
  getMaxColumns(): number {
    return this.live().maxColumns;
  }

  // ---- ranges ---------------------------------------------------------------------------------

  getRange(
    rowOrA1: number | string,
    column?: number,
    numRows?: number,
    numColumns?: number,
  ): Range {
    if (typeof rowOrA1 === "string") return asGas(rangeFromA1(this.store, this.live(), rowOrA1));
    if (column === undefined) {
      throw new Error(
        "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    }
    return asGas(rangeOf(this.store, this.live(), rowOrA1, column, numRows ?? 1, numColumns ?? 1));
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    const data = this.live();
    return asGas(new RangeListEmu(a1Notations.map((a1) => rangeFromA1(this.store, data, a1))));
  }
  getDataRange(): Range {
    const { lastRow, lastColumn } = this.live().extent();
    return asGas(
      rangeOf(this.store, this.data, 1, 1, Math.max(1, lastRow), Math.max(1, lastColumn)),
    );
  }
  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const data = this.live();
    const { lastRow, lastColumn } = data.extent();
    const rows = numRows === -1 ? lastRow - startRow + 1 : numRows;
    const columns = numColumns === -1 ? lastColumn - startColumn + 1 : numColumns;
    return rangeOf(this.store, data, startRow, startColumn, rows, columns).getValues();
  }

  /** Writes after the last row with content, growing the grid when the row (or width) is past it. */
  appendRow(rowContents: unknown[]): Sheet {
    const data = this.live();
    if (!Array.isArray(rowContents)) {
      throw new Error(
        "The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.",
      );
    }
    if (rowContents.length === 0) return this.self();
    const row = data.extent().lastRow + 1;
    assertEditable(this.store, data, {
      row,
      column: 1,
      numRows: 1,
      numColumns: rowContents.length,
    });
    const cells = storedCellsOf(data, row, 1, [rowContents]);
    const extraRows = Math.max(0, row - data.maxRows);
    const extraColumns = Math.max(0, rowContents.length - data.maxColumns);
    data.spreadsheet.assertCanGrowBy(
      extraRows * data.maxColumns + extraColumns * (data.maxRows + extraRows),
    );
    if (extraRows > 0) insertRows(data, data.maxRows + 1, extraRows, data.maxRows);
    if (extraColumns > 0) insertColumns(data, data.maxColumns + 1, extraColumns, data.maxColumns);
    // Re-read formats now that an inherited row may carry a plain-text column format.
    const finalCells = extraRows > 0 ? storedCellsOf(data, row, 1, [rowContents]) : cells;
    writeStoredCells(data, row, 1, finalCells);
    return this.self();
  }

  // ---- rows and columns -----------------------------------------------------------------------

  private assertRowPosition(position: number): void {
    if (!Number.isInteger(position) || position < 1 || position > this.data.maxRows) {
      throw new Error("Those rows are out of bounds.");
    }
  }
  private assertColumnPosition(position: number): void {
    if (!Number.isInteger(position) || position < 1 || position > this.data.maxColumns) {
      throw new Error("Those columns are out of bounds.");
    }
  }
  private assertCount(count: number, what: "rows" | "columns"): void {
    if (!Number.isInteger(count) || count < 1) {
      throw new Error(`The number of ${what} to insert must be at least 1.`);
    }
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    this.live();
    this.assertRowPosition(afterPosition);
    this.assertCount(howMany, "rows");
    insertRows(this.data, afterPosition + 1, howMany, afterPosition);
    return this.self();
  }
  insertRowsBefore(beforePosition: number, howMany: number): Sheet {
    this.live();
    this.assertRowPosition(beforePosition);
    this.assertCount(howMany, "rows");
    insertRows(this.data, beforePosition, howMany, beforePosition);
    return this.self();
  }
  insertRowAfter(afterPosition: number): Sheet {
    return this.insertRowsAfter(afterPosition, 1);
  }
  insertRowBefore(beforePosition: number): Sheet {
    return this.insertRowsBefore(beforePosition, 1);
  }
  insertRows(rowIndex: number, numRows = 1): void {
    this.insertRowsBefore(rowIndex, numRows);
  }
  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    this.live();
    this.assertColumnPosition(afterPosition);
    this.assertCount(howMany, "columns");
    insertColumns(this.data, afterPosition + 1, howMany, afterPosition);
    return this.self();
  }
  insertColumnsBefore(beforePosition: number, howMany: number): Sheet {
    this.live();
    this.assertColumnPosition(beforePosition);
    this.assertCount(howMany, "columns");
    insertColumns(this.data, beforePosition, howMany, beforePosition);
    return this.self();
  }
  insertColumnAfter(afterPosition: number): Sheet {
    return this.insertColumnsAfter(afterPosition, 1);
  }
  insertColumnBefore(beforePosition: number): Sheet {
    return this.insertColumnsBefore(beforePosition, 1);
  }
  insertColumns(columnIndex: number, numColumns = 1): void {
    this.insertColumnsBefore(columnIndex, numColumns);
  }
  deleteRows(rowPosition: number, howMany: number): void {
    deleteRows(this.live(), rowPosition, howMany);
  }
  deleteRow(rowPosition: number): Sheet {
    deleteRows(this.live(), rowPosition, 1);
    return this.self();
  }
  deleteColumns(columnPosition: number, howMany: number): void {
    deleteColumns(this.live(), columnPosition, howMany);
  }
  deleteColumn(columnPosition: number): Sheet {
    deleteColumns(this.live(), columnPosition, 1);
    return this.self();
  }

  setFrozenRows(rows: number): void {
    const data = this.live();
    if (rows < 0 || rows >= data.maxRows)
      throw new Error("You can't freeze all visible rows on the sheet.");
    data.frozenRows = rows;
  }
  getFrozenRows(): number {
    return this.live().frozenRows;
  }
  setFrozenColumns(columns: number): void {
    const data = this.live();
    if (columns < 0 || columns >= data.maxColumns) {
      throw new Error("You can't freeze all visible columns on the sheet.");
    }
    data.frozenColumns = columns;
  }
  getFrozenColumns(): number {
    return this.live().frozenColumns;
  }
  setColumnWidth(columnPosition: number, width: number): Sheet {
    this.live().columnWidths.set(columnPosition, width);
    return this.self();
  }
  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    const data = this.live();
    for (let c = startColumn; c < startColumn + numColumns; c++) data.columnWidths.set(c, width);
    return this.self();
  }
  getColumnWidth(columnPosition: number): number {
    return this.live().columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }
  autoResizeColumns(_startColumn: number, _numColumns: number): Sheet {
    this.live();
    return this.self();
  }
  autoResizeColumn(_columnPosition: number): Sheet {
    this.live();
    return this.self();
  }
  hideColumns(columnIndex: number, numColumns = 1): void {
    const data = this.live();
    for (let c = columnIndex; c < columnIndex + numColumns; c++) data.hiddenColumns.add(c);
  }
  showColumns(columnIndex: number, numColumns = 1): void {
    const data = this.live();
    for (let c = columnIndex; c < columnIndex + numColumns; c++) data.hiddenColumns.delete(c);
  }
  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.live().hiddenColumns.has(columnPosition);
  }

  // ---- clearing -------------------------------------------------------------------------------

  private whole(): RangeEmu {
    const data = this.live();
    return rangeOf(this.store, data, 1, 1, data.maxRows, data.maxColumns);
  }
  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): Sheet {
    const data = this.live();
    const contents = !options?.formatOnly || options.contentsOnly;
    const formats = !options?.contentsOnly || options.formatOnly;
    if (contents) {
      data.values.clear();
      data.formulas.clear();
      data.touch();
    }
    if (formats) {
      data.formats.clear();
      for (const grid of data.styles.values()) grid.clear();
    }
    return this.self();
  }
  clearContents(): Sheet {
    return this.clear({ contentsOnly: true });
  }
  clearFormats(): Sheet {
    return this.clear({ formatOnly: true });
  }

  // ---- conditional formats, protection, filter ------------------------------------------------

  getConditionalFormatRules(): GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] {
    return this.live().conditionalRules.map((rule) =>
      asGas(new ConditionalFormatRuleEmu(this.store, rule)),
    );
  }
  setConditionalFormatRules(rules: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[]): void {
    const data = this.live();
    data.conditionalRules = rules.map((rule) => {
      const state = internalOf<{ data: ConditionalRuleData }>(
        rule,
        "SpreadsheetApp.Sheet.setConditionalFormatRules",
      );
      return new ConditionalFormatRuleEmu(this.store, state.data)[INTERNAL].data;
    });
  }
  clearConditionalFormatRules(): void {
    this.live().conditionalRules = [];
  }
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const data = this.live();
    const existing = data.spreadsheet.protections.find(
      (p) => p.type === "SHEET" && p.sheetId === data.id,
    );
    return asGas(
      new ProtectionEmu(this.store, existing ?? newProtection(this.store, data, "SHEET")),
    );
  }
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const data = this.live();
    return data.spreadsheet.protections
      .filter((p) => p.sheetId === data.id && p.type === String(type))
      .map((p) => asGas(new ProtectionEmu(this.store, p)));
  }
  getFilter(): GoogleAppsScript.Spreadsheet.Filter | null {
    const data = this.live();
    return data.filter ? asGas(new FilterEmu(this.store, data)) : null;
  }

  // ---- charts ---------------------------------------------------------------------------------

  newChart(): GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder {
    return asGas(EmbeddedChartBuilderEmu.forSheet(this.store, this.live()));
  }
  insertChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const data = this.live();
    const chartData = chartDataOf(chart, "SpreadsheetApp.Sheet.insertChart");
    const inserted = new EmbeddedChartEmu(this.store, chartData)[INTERNAL];
    inserted.id = data.spreadsheet.newObjectId();
    inserted.sheetId = data.id;
    data.charts.push(inserted);
  }
  updateChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const data = this.live();
    const chartData = chartDataOf(chart, "SpreadsheetApp.Sheet.updateChart");
    const index = data.charts.findIndex((c) => c.id === chartData.id);
    if (index < 0) throw new Error("The chart is not on this sheet.");
    data.charts[index] = {
      ...new EmbeddedChartEmu(this.store, chartData)[INTERNAL],
      sheetId: data.id,
    };
  }
  removeChart(chart: GoogleAppsScript.Spreadsheet.EmbeddedChart): void {
    const data = this.live();
    const chartData = chartDataOf(chart, "SpreadsheetApp.Sheet.removeChart");
    data.charts = data.charts.filter((c) => c.id !== chartData.id);
  }
  getCharts(): GoogleAppsScript.Spreadsheet.EmbeddedChart[] {
    return this.live().charts.map((chart) => asGas(new EmbeddedChartEmu(this.store, chart)));
  }
}
