// The Metrics tab as a grid (DESIGN §5): title and generated time, each section's tables with
// their definitions and headers, "—" for no data, number formats by column kind, bold rows, one
// width for every row, and the three native charts placed over their tables.
import type { Cell } from "../../src/domain/cells";
import { METRIC, type MetricsReport } from "../../src/domain/metrics";
import {
  CHART_COLUMN,
  GENERATED_LABEL,
  GENERATED_ROW,
  layoutMetrics,
  METRICS_TITLE,
  NO_DATA,
} from "../../src/domain/metricsLayout";
import {
  count,
  label,
  money,
  percent,
  type MetricColumn,
  type MetricTable,
  type MetricValue,
} from "../../src/domain/metricsTable";
import { BERLIN } from "./engine-fixtures";
import { NOW } from "./metrics-fixtures";

const WIDTH = 6;
const TEXT = "@";
const pad = <T>(cells: T[], filler: T, width = WIDTH): T[] => [
  ...cells,
  ...new Array<T>(width - cells.length).fill(filler),
];
const line = (...cells: Cell[]): Cell[] => pad(cells, "");
const formatsOf = (...formats: string[]): string[] => pad(formats, TEXT);
const BLANK = line();
const PLAIN = formatsOf();

function table(
  key: string,
  title: string,
  columns: MetricColumn[],
  rows: MetricValue[][],
): MetricTable {
  return { key, title, definition: `How ${title.toLowerCase()} is counted.`, columns, rows };
}

const responseByTouch = table(
  METRIC.responseByTouch,
  "Response rate",
  [label("Touch"), percent("Rate"), count("Sent")],
  [
    ["1st", 0.5, 4],
    ["2nd", null, 0],
  ],
);
const noRows = table(
  "empty",
  "Nothing yet",
  [
    label("Owner"),
    { header: "Hours", kind: "hours" },
    { header: "Days", kind: "days" },
    money("Value"),
    { header: "Average", kind: "average" },
  ],
  [],
);
const pipelineByStage = table(
  METRIC.pipelineByStage,
  "Pipeline",
  [label("Stage"), count("Contacts"), money("Value")],
  [["Won", 2, 1500]],
);
const touchesPerWeek = table(
  METRIC.touchesPerWeek,
  "Per week",
  [label("Week"), count("Total"), count("ann@acme.test"), count("bob@acme.test")],
  [
    ["Mon 9 Mar", 3, 1, 2],
    ["Mon 16 Mar", 1, 0, 1],
  ],
);

function report(sections: MetricsReport["sections"]): MetricsReport {
  return { generatedAt: NOW, windowDays: 30, zone: BERLIN, sections };
}

const TEAM_REPORT = report([
  { title: "Outcome", tables: [responseByTouch, noRows] },
  { title: "Pipeline", tables: [pipelineByStage, touchesPerWeek] },
]);

describe("the Metrics grid", () => {
  // Laid out inside each test, so a mutation testing run sees which test reaches which line.
  let layout: ReturnType<typeof layoutMetrics>;
  beforeEach(() => {
    layout = layoutMetrics(TEAM_REPORT);
  });

  it("opens with the title and, on the generated row, when and over what it was computed", () => {
    expect(METRICS_TITLE).toBe("Touchbase metrics (generated: Touchbase rewrites this tab)");
    expect(GENERATED_LABEL).toBe("Generated");
    expect(GENERATED_ROW).toBe(2);
    expect(layout.values.slice(0, 2)).toEqual([
      line("Touchbase metrics (generated: Touchbase rewrites this tab)"),
      ["Generated", NOW, "Window", "Last 30 days", "Time zone", "Europe/Berlin"],
    ]);
    expect(layout.formats.slice(0, 2)).toEqual([PLAIN, formatsOf(TEXT, "yyyy-mm-dd hh:mm")]);
  });

  it("lays out each section's tables: title, definition, headers, rows, then a blank row", () => {
    expect(NO_DATA).toBe("—");
    expect(layout.values.slice(2)).toEqual([
      BLANK,
      line("OUTCOME"),
      line("Response rate"),
      line("How response rate is counted."),
      line("Touch", "Rate", "Sent"),
      line("1st", 0.5, 4),
      line("2nd", "—", 0),
      BLANK,
      line("Nothing yet"),
      line("How nothing yet is counted."),
      line("Owner", "Hours", "Days", "Value", "Average"),
      line("—", "—", "—", "—", "—"),
      BLANK,
      BLANK,
      line("PIPELINE"),
      line("Pipeline"),
      line("How pipeline is counted."),
      line("Stage", "Contacts", "Value"),
      line("Won", 2, 1500),
      BLANK,
      line("Per week"),
      line("How per week is counted."),
      line("Week", "Total", "ann@acme.test", "bob@acme.test"),
      line("Mon 9 Mar", 3, 1, 2),
      line("Mon 16 Mar", 1, 0, 1),
      BLANK,
    ]);
  });

  it("formats each value by its column's kind, and everything else as plain text", () => {
    const byRow = layout.formats.slice(2);
    expect(byRow).toEqual([
      PLAIN,
      PLAIN,
      PLAIN,
      PLAIN,
      PLAIN,
      formatsOf(TEXT, "0%", "0"),
      formatsOf(TEXT, "0%", "0"),
      PLAIN,
      PLAIN,
      PLAIN,
      PLAIN,
      formatsOf(TEXT, "0.0", "0", "#,##0", "0.0"),
      PLAIN,
      PLAIN,
      PLAIN,
      PLAIN,
      PLAIN,
      PLAIN,
      formatsOf(TEXT, "0", "#,##0"),
      PLAIN,
      PLAIN,
      PLAIN,
      PLAIN,
      formatsOf(TEXT, "0", "0", "0"),
      formatsOf(TEXT, "0", "0", "0"),
      PLAIN,
    ]);
  });

  it("sets the title, section titles, table titles and headers in bold across the width", () => {
    const boldRows = layout.weights.flatMap((weights, i) =>
      weights.every((w) => w === "bold") ? [i + 1] : [],
    );
    expect(boldRows).toEqual([1, 4, 5, 7, 11, 13, 17, 18, 20, 23, 25]);
    const plainRows = layout.weights.filter((weights) => weights.every((w) => w === null));
    expect(plainRows.length).toBe(layout.weights.length - boldRows.length);
  });

  it("gives every row the same width, at least six columns", () => {
    expect(layout.width).toBe(WIDTH);
    const widths = (grid: unknown[][]) => [...new Set(grid.map((r) => r.length))];
    expect([widths(layout.values), widths(layout.formats), widths(layout.weights)]).toEqual([
      [WIDTH],
      [WIDTH],
      [WIDTH],
    ]);
    expect(layout.values.length).toBe(28);
    expect([layout.formats.length, layout.weights.length]).toEqual([28, 28]);
  });

  it("draws response by touch, pipeline by stage and touches per week over their tables", () => {
    expect(CHART_COLUMN).toBe(13);
    expect(layout.charts).toEqual([
      {
        title: "Response rate by touch number",
        kind: "COLUMN",
        range: { row: 7, column: 1, numRows: 3, numColumns: 2 },
        anchor: { row: 1, column: 13 },
        options: { "vAxis.format": "percent", legend: "none" },
      },
      {
        title: "Pipeline by stage",
        kind: "COLUMN",
        range: { row: 20, column: 1, numRows: 2, numColumns: 2 },
        anchor: { row: 21, column: 13 },
        options: { legend: "none" },
      },
      {
        title: "Touches per week",
        kind: "LINE",
        range: { row: 25, column: 1, numRows: 3, numColumns: 4 },
        anchor: { row: 41, column: 13 },
        options: { legend: "right" },
      },
    ]);
  });
});

describe("the Metrics grid's edge cases", () => {
  it("writes user text in table rows and headers so a formula is never run", () => {
    const risky = table(
      "templates",
      "Templates",
      [label("=Template"), count("Sends")],
      [
        ['=HYPERLINK("x")', 3],
        ["+1 call", 1],
      ],
    );
    const values = layoutMetrics(report([{ title: "Templates", tables: [risky] }])).values;
    expect(values.slice(6, 9)).toEqual([
      line("'=Template", "Sends"),
      line('\'=HYPERLINK("x")', 3),
      line("'+1 call", 1),
    ]);
  });

  it("widens every row to the widest table and moves the charts right of it", () => {
    const weeks = table(
      METRIC.touchesPerWeek,
      "Per week",
      [label("Week"), ...Array.from({ length: 11 }, (_, i) => count(`Owner ${i + 1}`))],
      [],
    );
    const layout = layoutMetrics(report([{ title: "Activity", tables: [weeks] }]));
    expect(layout.width).toBe(12);
    expect([...new Set(layout.values.map((r) => r.length))]).toEqual([12]);
    expect(layout.values[6]).toEqual(["Week", ...weeks.columns.slice(1).map((c) => c.header)]);
    expect(layout.values[7]).toEqual(new Array(12).fill("—"));
    expect(layout.weights[6]).toEqual(new Array(12).fill("bold"));
    // An empty charted table still charts its header and one "—" row.
    expect(layout.charts).toEqual([
      expect.objectContaining({
        title: "Touches per week",
        range: { row: 7, column: 1, numRows: 2, numColumns: 12 },
        anchor: { row: 41, column: 14 },
      }),
    ]);
  });

  it("keeps a chart's place when an earlier charted table is missing, and charts only ours", () => {
    const layout = layoutMetrics(
      report([{ title: "Pipeline", tables: [noRows, pipelineByStage] }]),
    );
    expect(layout.charts).toEqual([
      expect.objectContaining({
        title: "Pipeline by stage",
        range: { row: 12, column: 1, numRows: 2, numColumns: 2 },
        anchor: { row: 21, column: 13 },
      }),
    ]);
    expect(layoutMetrics(report([{ title: "Outcome", tables: [noRows] }])).charts).toEqual([]);
  });

  it("cuts a row longer than the tab to its width", () => {
    const long = table("long", "Long", [label("A"), count("B")], [[1, 2, 3, 4, 5, 6, 7, 8]]);
    const layout = layoutMetrics(report([{ title: "S", tables: [long] }]));
    expect(layout.values[7]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("holds only the title and the generated row when there is no section", () => {
    const layout = layoutMetrics(report([]));
    expect(layout.values).toEqual([
      line(METRICS_TITLE),
      ["Generated", NOW, "Window", "Last 30 days", "Time zone", "Europe/Berlin"],
    ]);
    expect(layout.weights).toEqual([new Array(WIDTH).fill("bold"), new Array(WIDTH).fill(null)]);
    expect(layout.charts).toEqual([]);
  });
});
