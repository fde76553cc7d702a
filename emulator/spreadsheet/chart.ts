// Embedded charts: enough to build, insert, list, update and remove the Metrics tab's charts.
import { SERVICE_NAME } from "../host";
import { ChartType } from "./enums";
import { INTERNAL, asGas, internalOf } from "../internal";
import type { ChartData, SheetData } from "./model";
import { type RangeRef, rangeOf } from "./range";
import type { SpreadsheetStore } from "./store";

type GCharts = typeof GoogleAppsScript.Charts;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Builder = GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder;
type Range = GoogleAppsScript.Spreadsheet.Range;

function copyChart(data: ChartData): ChartData {
  return {
    ...data,
    ranges: data.ranges.map((box) => ({ ...box })),
    options: { ...data.options },
    position: { ...data.position },
  };
}

function rangesOf(store: SpreadsheetStore, data: ChartData): Range[] {
  const out: Range[] = [];
  for (const box of data.ranges) {
    const sheet = store.sheetDataById(box.spreadsheetId, box.sheetId);
    if (sheet)
      out.push(asGas(rangeOf(store, sheet, box.row, box.column, box.numRows, box.numColumns)));
  }
  return out;
}

/** Reads the chart data a script hands back (insertChart, updateChart, removeChart). */
export function chartDataOf(chart: unknown, method: string): ChartData {
  return internalOf<ChartData>(chart, method);
}

/** A chart's options as the script reads them back (`EmbeddedChart.getOptions()`). */
export class ChartOptionsEmu implements GoogleAppsScript.Charts.ChartOptions {
  readonly [SERVICE_NAME] = "ChartOptions";

  constructor(private readonly options: Readonly<Record<string, unknown>>) {}

  /** The option's value; null when it was never set. */
  get(option: string): unknown {
    return option in this.options ? this.options[option] : null;
  }
}

export class EmbeddedChartEmu implements Pick<
  Chart,
  | "getChartId"
  | "getNumHeaders"
  | "getOptions"
  | "getRanges"
  | "getTransposeRowsAndColumns"
  | "modify"
> {
  readonly [SERVICE_NAME] = "EmbeddedChart";
  readonly [INTERNAL]: ChartData;

  constructor(
    private readonly store: SpreadsheetStore,
    data: ChartData,
  ) {
    this[INTERNAL] = copyChart(data);
  }

  getChartId(): number | null {
    return this[INTERNAL].id > 0 ? this[INTERNAL].id : null;
  }
  getNumHeaders(): number {
    return this[INTERNAL].numHeaders;
  }
  getRanges(): Range[] {
    return rangesOf(this.store, this[INTERNAL]);
  }
  getOptions(): GoogleAppsScript.Charts.ChartOptions {
    return asGas(new ChartOptionsEmu({ ...this[INTERNAL].options }));
  }
  getTransposeRowsAndColumns(): boolean {
    return this[INTERNAL].transpose;
  }
  /** Chart type and options, as the emulator recorded them (tests read these). */
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return ChartType[this[INTERNAL].chartType as keyof GCharts["ChartType"]];
  }
  getOptionValue(option: string): unknown {
    return this[INTERNAL].options[option];
  }
  modify(): Builder {
    return asGas(new EmbeddedChartBuilderEmu(this.store, this[INTERNAL]));
  }
}

type BuilderMethods =
  | "addRange"
  | "asAreaChart"
  | "asBarChart"
  | "asColumnChart"
  | "asLineChart"
  | "asPieChart"
  | "build"
  | "clearRanges"
  | "getChartType"
  | "getRanges"
  | "removeRange"
  | "setChartType"
  | "setNumHeaders"
  | "setOption"
  | "setPosition"
  | "setTransposeRowsAndColumns";

/**
 * One builder for every chart type: the as*Chart() variants return the same builder with the type
 * set (their extra setters such as setTitle map to options).
 */
export class EmbeddedChartBuilderEmu implements Pick<Builder, BuilderMethods> {
  readonly [SERVICE_NAME] = "EmbeddedChartBuilder";
  private data: ChartData;

  constructor(
    private readonly store: SpreadsheetStore,
    from: ChartData,
  ) {
    this.data = copyChart(from);
  }

  static forSheet(store: SpreadsheetStore, sheet: SheetData): EmbeddedChartBuilderEmu {
    return new EmbeddedChartBuilderEmu(store, {
      id: 0,
      sheetId: sheet.id,
      chartType: "",
      ranges: [],
      options: {},
      position: { row: 1, column: 1, offsetX: 0, offsetY: 0 },
      numHeaders: -1,
      transpose: false,
    });
  }

  private self<T = Builder>(): T {
    return asGas<T>(this);
  }

  private as<T>(type: string): T {
    this.data.chartType = type;
    return this.self<T>();
  }

  addRange(range: Range): Builder {
    const ref = internalOf<RangeRef>(range, "SpreadsheetApp.EmbeddedChartBuilder.addRange");
    this.data.ranges.push({
      spreadsheetId: ref.sheet.spreadsheet.id,
      sheetId: ref.sheet.id,
      ...ref.box,
    });
    return this.self();
  }
  removeRange(range: Range): Builder {
    const ref = internalOf<RangeRef>(range, "SpreadsheetApp.EmbeddedChartBuilder.removeRange");
    this.data.ranges = this.data.ranges.filter(
      (box) =>
        !(
          box.spreadsheetId === ref.sheet.spreadsheet.id &&
          box.sheetId === ref.sheet.id &&
          box.row === ref.box.row &&
          box.column === ref.box.column &&
          box.numRows === ref.box.numRows &&
          box.numColumns === ref.box.numColumns
        ),
    );
    return this.self();
  }
  clearRanges(): Builder {
    this.data.ranges = [];
    return this.self();
  }
  getRanges(): Range[] {
    return rangesOf(this.store, this.data);
  }
  asAreaChart(): GoogleAppsScript.Spreadsheet.EmbeddedAreaChartBuilder {
    return this.as("AREA");
  }
  asBarChart(): GoogleAppsScript.Spreadsheet.EmbeddedBarChartBuilder {
    return this.as("BAR");
  }
  asColumnChart(): GoogleAppsScript.Spreadsheet.EmbeddedColumnChartBuilder {
    return this.as("COLUMN");
  }
  asLineChart(): GoogleAppsScript.Spreadsheet.EmbeddedLineChartBuilder {
    return this.as("LINE");
  }
  asPieChart(): GoogleAppsScript.Spreadsheet.EmbeddedPieChartBuilder {
    return this.as("PIE");
  }
  setChartType(type: GoogleAppsScript.Charts.ChartType): Builder {
    return this.as(String(type));
  }
  getChartType(): GoogleAppsScript.Charts.ChartType {
    return ChartType[this.data.chartType as keyof GCharts["ChartType"]];
  }
  setOption(option: string, value: unknown): Builder {
    this.data.options[option] = value;
    return this.self();
  }
  /** From the typed builders (column/line/pie): recorded as the "title" option. */
  setTitle(title: string): Builder {
    return this.setOption("title", title);
  }
  setPosition(
    anchorRowPos: number,
    anchorColPos: number,
    offsetX: number,
    offsetY: number,
  ): Builder {
    this.data.position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this.self();
  }
  setNumHeaders(headers: number): Builder {
    this.data.numHeaders = headers;
    return this.self();
  }
  setTransposeRowsAndColumns(transpose: boolean): Builder {
    this.data.transpose = Boolean(transpose);
    return this.self();
  }
  build(): Chart {
    if (!this.data.chartType)
      throw new Error("The chart type must be set before building the chart.");
    return asGas(new EmbeddedChartEmu(this.store, this.data));
  }
}
