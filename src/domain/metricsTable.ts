// The shape of one Metrics table (DESIGN §5): a title, its one-line definition, typed columns and
// rows. The metrics build these; metricsLayout.ts lays them out on the tab.

/** How a value is shown: the layout picks the number format from it. */
export type ValueKind = "label" | "count" | "percent" | "hours" | "days" | "money" | "average";

/** null = no data (shown "—", never a division by zero). */
export type MetricValue = number | string | null;

export interface MetricColumn {
  readonly header: string;
  readonly kind: ValueKind;
}

export interface MetricTable {
  /** Stable key: tests and chart specs find a table by it. */
  readonly key: string;
  readonly title: string;
  /** One line saying exactly what is counted, so a manager can check it. */
  readonly definition: string;
  readonly columns: readonly MetricColumn[];
  readonly rows: readonly (readonly MetricValue[])[];
}

export interface MetricSection {
  readonly title: string;
  readonly tables: readonly MetricTable[];
}

export const label = (header: string): MetricColumn => ({ header, kind: "label" });
export const count = (header: string): MetricColumn => ({ header, kind: "count" });
export const percent = (header: string): MetricColumn => ({ header, kind: "percent" });
export const money = (header: string): MetricColumn => ({ header, kind: "money" });

/** A cell of a table by its first-column label and header; undefined when either is absent. */
export function metricCell(
  table: MetricTable,
  rowLabel: string,
  header: string,
): MetricValue | undefined {
  const column = table.columns.findIndex((c) => c.header === header);
  const row = table.rows.find((r) => r[0] === rowLabel);
  return column < 0 || !row ? undefined : row[column];
}
