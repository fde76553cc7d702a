// Writes the Metrics tab (DESIGN §5): the laid-out grid in one batch (values, number formats,
// bold) and Touchbase's three native charts — created once, then updated in place only when
// their data moved. A chart whose title is not one of ours is a person's and is left alone.
import { localDayKey } from "../domain/digestSchedule";
import { computeMetricsFor, type MetricsSource } from "../domain/metrics";
import {
  GENERATED_LABEL,
  GENERATED_ROW,
  layoutMetrics,
  type ChartSpec,
  type MetricsLayout,
} from "../domain/metricsLayout";
import { TAB } from "../domain/schema";
import { columnLetter } from "../domain/table";
import { findSheet } from "./tableIO";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Chart = GoogleAppsScript.Spreadsheet.EmbeddedChart;
type Range = GoogleAppsScript.Spreadsheet.Range;

/**
 * True when the tab says it was generated today (local day in `zone`). The stamp lives on the
 * tab itself (row 2: "Generated", time): two calls an hour, as a document property would cost, and a
 * deleted or cleared tab is simply generated again, where a property would vouch for a tab that
 * is gone. Each user's hourly run checks it, so the tab is rewritten once a day, not once per user.
 */
function generatedToday(sheet: Sheet, zone: string, now: Date): boolean {
  // The data range always exists, even on a tab cut down to one cell (a fixed A2:B2 would throw);
  // the tab is a few hundred cells, so reading it whole costs what reading two cells does.
  const stamp = sheet.getDataRange().getValues()[GENERATED_ROW - 1] ?? [];
  const [label, generated] = stamp;
  return (
    label === GENERATED_LABEL &&
    generated instanceof Date &&
    localDayKey(generated, zone) === localDayKey(now, zone)
  );
}

export interface MetricsRefresh extends MetricsSource {
  /** "daily": only when the tab was not generated today; "now": always (Refresh now). */
  readonly when: "daily" | "now";
}

/** Rewrites the Metrics tab when due; true when it did. */
export function refreshMetricsTab(spreadsheet: Spreadsheet, refresh: MetricsRefresh): boolean {
  const found = findSheet(spreadsheet, TAB.metrics);
  if (refresh.when === "daily" && found && generatedToday(found, refresh.zone, refresh.now)) {
    return false;
  }
  const sheet = found ?? spreadsheet.insertSheet(TAB.metrics);
  const layout = layoutMetrics(computeMetricsFor(refresh));
  // The Generated stamp is written last (with the values): a run cut short before then leaves
  // yesterday's stamp, so the next run does the whole tab again.
  const grid = gridRange(sheet, layout);
  placeCharts(sheet, layout.charts);
  writeGrid(grid, layout);
  return true;
}

/** One block over the new grid and whatever the last write left below or right of it. */
interface Grid {
  readonly range: Range;
  readonly height: number;
  readonly width: number;
}

function gridRange(sheet: Sheet, layout: MetricsLayout): Grid {
  const height = Math.max(layout.values.length, sheet.getLastRow());
  const width = Math.max(layout.width, sheet.getLastColumn());
  const maxRows = sheet.getMaxRows();
  if (height > maxRows) sheet.insertRowsAfter(maxRows, height - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  return { range: sheet.getRange(1, 1, height, width), height, width };
}

function writeGrid({ range, height, width }: Grid, layout: MetricsLayout): void {
  const fill = <T>(grid: readonly (readonly T[])[], filler: T): T[][] =>
    Array.from({ length: height }, (_, r) =>
      Array.from({ length: width }, (_, c) => grid[r]?.[c] ?? filler),
    );
  range.setNumberFormats(fill(layout.formats, "@"));
  range.setFontWeights(fill<"bold" | null>(layout.weights, null));
  range.setValues(fill(layout.values, ""));
}

function placeCharts(sheet: Sheet, specs: readonly ChartSpec[]): void {
  const ours = new Map<string, Chart[]>();
  for (const chart of sheet.getCharts()) {
    const title = chart.getOptions().get("title") as unknown;
    if (typeof title !== "string" || !specs.some((spec) => spec.title === title)) continue;
    ours.set(title, [...(ours.get(title) ?? []), chart]);
  }
  for (const spec of specs) {
    const [chart, ...copies] = ours.get(spec.title) ?? [];
    // Copies of our chart (an earlier run cut short between insert and a retry) never pile up.
    for (const copy of copies) sheet.removeChart(copy);
    if (!chart) sheet.insertChart(buildChart(sheet.newChart(), sheet, spec));
    else if (!showsRange(chart, sheet, spec)) {
      sheet.updateChart(buildChart(chart.modify().clearRanges(), sheet, spec));
    }
  }
}

function sourceRange(sheet: Sheet, spec: ChartSpec): Range {
  const { row, column, numRows, numColumns } = spec.range;
  return sheet.getRange(row, column, numRows, numColumns);
}

/** The chart already draws the spec's block (cell values it reads live, so nothing to do). */
function showsRange(chart: Chart, sheet: Sheet, spec: ChartSpec): boolean {
  const ranges = chart.getRanges();
  if (ranges.length !== 1) return false;
  return ranges[0]!.getA1Notation() === a1Of(spec);
}

function a1Of(spec: ChartSpec): string {
  const { row, column, numRows, numColumns } = spec.range;
  return `${columnLetter(column - 1)}${row}:${columnLetter(column + numColumns - 2)}${row + numRows - 1}`;
}

function buildChart(
  builder: GoogleAppsScript.Spreadsheet.EmbeddedChartBuilder,
  sheet: Sheet,
  spec: ChartSpec,
): Chart {
  let chart = builder
    .setChartType(Charts.ChartType[spec.kind])
    .addRange(sourceRange(sheet, spec))
    .setNumHeaders(1)
    .setPosition(spec.anchor.row, spec.anchor.column, 0, 0)
    .setOption("title", spec.title);
  for (const [option, value] of Object.entries(spec.options)) {
    chart = chart.setOption(option, value);
  }
  return chart.build();
}
