// The Metrics tab as a grid (DESIGN §5): values, number formats and bold rows for one batch write,
// and the specs of its three native charts. Pure; metricsTab.ts writes it.
import { toCellValue, type Cell } from "./cells";
import { METRIC, type MetricsReport } from "./metrics";
import type { MetricValue, ValueKind } from "./metricsTable";
import { NUMBER_FORMAT } from "./numberFormats";

export const METRICS_TITLE = "Touchbase metrics (generated: Touchbase rewrites this tab)";
/** Row 2, column A: the label before the generated time (the run reads it to refresh once a day). */
export const GENERATED_LABEL = "Generated";
export const GENERATED_ROW = 2;
export const NO_DATA = "—";

const FORMAT_OF: Readonly<Record<ValueKind, string>> = {
  label: NUMBER_FORMAT.plainText,
  count: "0",
  percent: "0%",
  hours: "0.0",
  days: "0",
  money: "#,##0",
  average: "0.0",
};

export type ChartKind = "COLUMN" | "LINE";

/** A native chart over one block of the grid (1-based rows and columns, header row included). */
export interface ChartSpec {
  /** Identifies the chart as Touchbase's: a chart with another title is a person's own. */
  readonly title: string;
  readonly kind: ChartKind;
  readonly range: {
    readonly row: number;
    readonly column: number;
    readonly numRows: number;
    readonly numColumns: number;
  };
  readonly anchor: { readonly row: number; readonly column: number };
  /** Extra chart options (axis formats, stacking…). */
  readonly options: Readonly<Record<string, unknown>>;
}

export interface MetricsLayout {
  /** Rows × width; every row the same length. */
  readonly values: Cell[][];
  readonly formats: string[][];
  /** "bold" or null per cell. */
  readonly weights: ("bold" | null)[][];
  readonly width: number;
  readonly charts: readonly ChartSpec[];
}

/** Charts sit right of the widest table (touches per week: Week, Total and 8 owner columns). */
export const CHART_COLUMN = 13;
/** Rows between two charts' anchors (a default chart is about 18 rows tall). */
const CHART_SPACING = 20;

/** The tables drawn as charts, and how. */
const CHARTED: readonly {
  key: string;
  title: string;
  kind: ChartKind;
  /** Columns of the table charted: the label column and those after it (a count). */
  columns: "all" | number;
  options: Record<string, unknown>;
}[] = [
  {
    key: METRIC.responseByTouch,
    title: "Response rate by touch number",
    kind: "COLUMN",
    columns: 2,
    options: { "vAxis.format": "percent", legend: "none" },
  },
  {
    key: METRIC.pipelineByStage,
    title: "Pipeline by stage",
    kind: "COLUMN",
    columns: 2,
    options: { legend: "none" },
  },
  {
    key: METRIC.touchesPerWeek,
    title: "Touches per week",
    kind: "LINE",
    columns: "all",
    options: { legend: "right" },
  },
];

/**
 * The tab: title, when it was generated, then each section's tables — title, one-line definition,
 * headers, rows ("—" where there is no data) — with a blank row between tables.
 */
export function layoutMetrics(report: MetricsReport): MetricsLayout {
  const tables = report.sections.flatMap((s) => s.tables);
  const width = Math.max(6, ...tables.map((t) => t.columns.length));
  const values: Cell[][] = [];
  const formats: string[][] = [];
  const weights: ("bold" | null)[][] = [];
  const push = (cells: Cell[], cellFormats: string[] = [], bold = false) => {
    values.push(pad(cells, width, ""));
    formats.push(pad(cellFormats, width, NUMBER_FORMAT.plainText));
    weights.push(new Array<"bold" | null>(width).fill(bold ? "bold" : null));
  };

  push([METRICS_TITLE], [], true);
  push(
    [
      GENERATED_LABEL,
      report.generatedAt,
      "Window",
      `Last ${report.windowDays} days`,
      "Time zone",
      report.zone,
    ],
    [NUMBER_FORMAT.plainText, NUMBER_FORMAT.dateTime],
  );
  const tableRow = new Map<string, number>();
  for (const section of report.sections) {
    push([]);
    push([section.title.toUpperCase()], [], true);
    for (const table of section.tables) {
      push([table.title], [], true);
      push([table.definition]);
      tableRow.set(table.key, values.length + 1);
      push(
        table.columns.map((c) => toCellValue(c.header, "text", NUMBER_FORMAT.plainText)),
        [],
        true,
      );
      const rows = table.rows.length > 0 ? table.rows : [table.columns.map(() => null)];
      for (const row of rows)
        push(
          row.map(cellOf),
          table.columns.map((c) => FORMAT_OF[c.kind]),
        );
      push([]);
    }
  }

  const charts = CHARTED.flatMap((chart, index): ChartSpec[] => {
    const table = tables.find((t) => t.key === chart.key);
    const headerRow = tableRow.get(chart.key);
    if (!table || headerRow === undefined) return [];
    return [
      {
        title: chart.title,
        kind: chart.kind,
        range: {
          row: headerRow,
          column: 1,
          numRows: Math.max(table.rows.length, 1) + 1,
          numColumns: chart.columns === "all" ? table.columns.length : chart.columns,
        },
        anchor: { row: 1 + index * CHART_SPACING, column: Math.max(CHART_COLUMN, width + 2) },
        options: chart.options,
      },
    ];
  });
  return { values, formats, weights, width, charts };
}

function cellOf(value: MetricValue): Cell {
  if (value === null) return NO_DATA;
  return typeof value === "string" ? toCellValue(value, "text", NUMBER_FORMAT.plainText) : value;
}

function pad<T>(cells: readonly T[], width: number, filler: T): T[] {
  const row = cells.slice(0, width);
  while (row.length < width) row.push(filler);
  return row;
}
