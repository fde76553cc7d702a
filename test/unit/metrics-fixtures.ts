// A small hand-checked team for the metrics tests: five contacts (one with no touches), a touch
// naming no contact and an unsent draft, in Berlin, on Friday 2026-03-20 12:00. The expected
// numbers in the tests are worked out by hand from the comments here.
import { computeMetrics, type MetricsReport } from "../../src/domain/metrics";
import type { MetricTable } from "../../src/domain/metricsTable";
import type { Contact, ContactResult, ContactRow, Touch } from "../../src/domain/types";
import { contactResult } from "../support/domain";
import { at, BERLIN, contact, dateOnly, inbound, touch } from "./engine-fixtures";

export const ALEX = "alex@acme.test";
export const SAM = "sam@acme.test";
export const NOW = at("2026-03-20 12:00");

export function row(fields: Partial<Contact>, outcome: Partial<ContactResult> = {}): ContactRow {
  return { contact: contact(fields), result: contactResult(outcome.status ?? "Upcoming", outcome) };
}

export const TEAM_ROWS: ContactRow[] = [
  // Won 03-10 after 4 outbound touches; replied 03-08 to the 3rd.
  row(
    {
      id: "C-1",
      name: "Ann",
      owner: ALEX,
      stage: "Won",
      tier: "Hot",
      dealValue: 1000,
      created: at("2026-03-01 09:00"),
    },
    { status: "Closed" },
  ),
  // Proposal Sent since 02-20; a follow-up kept late, one missed (due 03-19).
  row(
    {
      id: "C-2",
      name: "Bob",
      owner: SAM,
      stage: "Proposal Sent",
      tier: "Warm",
      dealValue: 500,
      created: at("2026-01-10 09:00"),
    },
    { status: "Overdue", due: dateOnly("2026-03-19") },
  ),
  // A new lead from yesterday nobody has answered: Overdue by the SLA (rule 4).
  row(
    {
      id: "C-3",
      name: "Cat",
      owner: ALEX,
      stage: "New Lead",
      tier: "Hot",
      created: at("2026-03-19 08:00"),
    },
    { status: "Overdue", due: { at: at("2026-03-19 12:00"), hasTime: true } },
  ),
  // Unowned, Lost 02-28 after one touch.
  row(
    {
      id: "C-4",
      name: "Dan",
      owner: "",
      stage: "Lost",
      tier: "Cold",
      dealValue: 200,
      created: at("2025-12-01 09:00"),
    },
    { status: "Closed" },
  ),
  // No touches at all; stale.
  row(
    {
      id: "C-5",
      name: "Eve",
      owner: SAM,
      stage: "Qualified",
      tier: "Warm",
      dealValue: 300,
      created: at("2026-02-01 09:00"),
    },
    { status: "Due Today", due: dateOnly("2026-03-20"), stale: true },
  ),
];

const of = (contactId: string) => ({ contactId });

export const TEAM_TOUCHES: Touch[] = [
  // Ann (C-1)
  touch("2026-03-01 10:00", {
    ...of("C-1"),
    template: "Intro",
    nextFollowUp: dateOnly("2026-03-03"),
  }),
  touch("2026-03-03 09:00", {
    ...of("C-1"),
    template: "Bump",
    nextFollowUp: dateOnly("2026-03-05"),
  }),
  touch("2026-03-06 09:00", { ...of("C-1"), channel: "Call", template: "Breakup" }),
  inbound("2026-03-08 10:00", of("C-1")),
  touch("2026-03-09 09:00", { ...of("C-1"), template: "Intro" }),
  touch("2026-03-10 09:00", {
    ...of("C-1"),
    channel: "Note",
    direction: "Internal",
    outcome: "Stage Changed",
    stage: "Won",
  }),
  // Bob (C-2)
  touch("2026-02-20 09:00", {
    ...of("C-2"),
    template: "intro",
    stage: "Proposal Sent",
    nextFollowUp: dateOnly("2026-02-23"),
  }),
  touch("2026-02-25 15:00", { ...of("C-2"), template: "Bump" }),
  inbound("2026-02-26 08:00", { ...of("C-2"), outcome: "Bounced" }),
  touch("2026-03-18 10:00", {
    ...of("C-2"),
    channel: "LinkedIn",
    nextFollowUp: dateOnly("2026-03-19"),
  }),
  touch("2026-03-19 16:00", { ...of("C-2"), template: "Bump", delivery: "Draft" }),
  // Dan (C-4)
  touch("2026-02-21 11:00", { ...of("C-4"), template: "Intro" }),
  touch("2026-02-28 09:00", {
    ...of("C-4"),
    channel: "Note",
    direction: "Internal",
    outcome: "Stage Changed",
    stage: "Lost",
  }),
  // A touch naming nobody on Contacts.
  touch("2026-03-16 10:00", { contactId: "", contactName: "Zed" }),
].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());

export function teamMetrics(
  overrides: {
    rows?: ContactRow[];
    touches?: Touch[];
    windowDays?: number;
    zone?: string;
    now?: Date;
  } = {},
): MetricsReport {
  return computeMetrics({
    rows: overrides.rows ?? TEAM_ROWS,
    touches: overrides.touches ?? TEAM_TOUCHES,
    zone: overrides.zone ?? BERLIN,
    now: overrides.now ?? NOW,
    skipWeekends: true,
    windowDays: overrides.windowDays ?? 30,
    newLeadResponseHours: 4,
  });
}

export function tableOf(report: MetricsReport, key: string): MetricTable {
  const table = report.sections.flatMap((s) => s.tables).find((t) => t.key === key);
  if (!table) throw new Error(`no metrics table ${key}`);
  return table;
}

/** The table as { rowLabel: { header: value } }, so a failure shows every differing cell. */
export function asRecords(table: MetricTable): Record<string, Record<string, unknown>> {
  return Object.fromEntries(
    table.rows.map((r) => [
      String(r[0]),
      Object.fromEntries(table.columns.slice(1).map((c, i) => [c.header, r[i + 1]])),
    ]),
  );
}
