// The shape of one Metrics table (DESIGN §5): typed columns and finding a cell by row label and
// header, as the tests and chart specs do.
import {
  count,
  label,
  metricCell,
  money,
  percent,
  type MetricTable,
} from "../../src/domain/metricsTable";

const TABLE: MetricTable = {
  key: "pipeline",
  title: "Pipeline",
  definition: "Open contacts and deal value by stage.",
  columns: [label("Stage"), count("Contacts"), money("Value"), percent("Share")],
  rows: [
    ["Qualified", 3, 1200, 0.75],
    ["Won", 1, null, 0.25],
  ],
};

describe("metric columns", () => {
  it("carry their header and the kind the layout formats them by", () => {
    expect(TABLE.columns).toEqual([
      { header: "Stage", kind: "label" },
      { header: "Contacts", kind: "count" },
      { header: "Value", kind: "money" },
      { header: "Share", kind: "percent" },
    ]);
  });
});

describe("metricCell", () => {
  it("finds a value by its row's first cell and its column header", () => {
    expect(metricCell(TABLE, "Qualified", "Value")).toBe(1200);
    expect(metricCell(TABLE, "Won", "Contacts")).toBe(1);
    expect(metricCell(TABLE, "Won", "Share")).toBe(0.25);
    expect(metricCell(TABLE, "Qualified", "Stage")).toBe("Qualified");
  });

  it("gives null for a cell with no data, undefined for an unknown row or header", () => {
    expect(metricCell(TABLE, "Won", "Value")).toBeNull();
    expect(metricCell(TABLE, "Lost", "Value")).toBeUndefined();
    expect(metricCell(TABLE, "Won", "Revenue")).toBeUndefined();
    expect(metricCell(TABLE, "Contacts", "Contacts")).toBeUndefined();
  });
});
