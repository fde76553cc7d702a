// The Metrics tab through the built bundle (DESIGN §5, §3 step 6): Refresh now writes the sections
// and three native charts; a second refresh leaves exactly three; a person's own chart stays; the
// hourly run rewrites the tab once a day.
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import { ALEX, lastAlert, SAM, setSetting, sheetOf, turnOnAutomation, ZONE } from "./support";

/** Monday 23 November 2026, 05:00 in New York. */
const MONDAY_EARLY = new Date("2026-11-23T10:00:00Z");
const HOUR = 3_600_000;

/** DESIGN §5's sections and the three charts, written out so a renamed word fails. */
const SECTIONS = ["ACTIVITY", "OUTCOME", "PIPELINE", "WHAT WORKS", "PER OWNER"];
const CHART_TITLES = ["Response rate by touch number", "Pipeline by stage", "Touches per week"];

function team(): Workbench {
  return createWorkbench({ now: MONDAY_EARLY, zone: ZONE, demo: { contacts: 40, touches: 300 } });
}

function refreshNow(wb: Workbench): void {
  const result = wb.menu("menuRefreshNow");
  expect(result.error).toBeUndefined();
  expect(lastAlert(wb)).toMatch(/^Refreshed 40 contacts/);
}

const metricsSheet = (wb: Workbench) => sheetOf(wb, "Metrics");
const columnA = (wb: Workbench): string[] =>
  metricsSheet(wb)
    .getDataRange()
    .getValues()
    .map((row) => String(row[0]));
const chartTitles = (wb: Workbench): unknown[] =>
  metricsSheet(wb)
    .getCharts()
    .map((chart) => chart.getOptions().get("title"));

describe("the Metrics tab", () => {
  it("Refresh now writes every section, its tables with definitions, and three charts", () => {
    const wb = team();
    refreshNow(wb);
    const column = columnA(wb);
    expect(column[0]).toBe("Touchbase metrics (generated: Touchbase rewrites this tab)");
    expect(column[1]).toBe("Generated");
    expect(column.filter((cell) => SECTIONS.includes(cell))).toEqual(SECTIONS);
    for (const title of [
      "Follow-ups due vs done",
      "First response to new leads",
      "Attempts per lead",
      "Touches per week (last 12 weeks)",
      "Response rate by touch number",
      "Conversion by follow-ups",
      "Touches to Won and revenue recovered",
      "Where deals stall",
      "Pipeline by stage",
      "Pipeline by tier",
      "Templates",
      "Channels",
      "Reply rate by weekday sent",
      "Reply rate by hour sent",
      "Per owner",
    ]) {
      const at = column.indexOf(title);
      expect({ title, found: at >= 0 }).toEqual({ title, found: true });
      expect(column[at + 1]!.length).toBeGreaterThan(40); // its one-line definition
    }
    expect(chartTitles(wb)).toEqual(CHART_TITLES);

    // The pipeline by stage counts every contact; the chart draws its Stage and Contacts columns.
    const sheet = metricsSheet(wb);
    const headerRow = column.indexOf("Pipeline by stage") + 3; // 1-based: title, definition, header
    const stages = sheet.getRange(headerRow + 1, 1, 8, 2).getValues();
    expect(stages.map((r) => r[0])).toEqual([
      "New Lead",
      "Qualified",
      "Meeting Completed",
      "Proposal Sent",
      "Negotiation",
      "Won",
      "Lost",
      "Nurture",
    ]);
    const counted = stages.reduce((sum, r) => sum + Number(r[1]), 0);
    const noStage = sheet.getRange(headerRow + 9, 1).getValue() === "(none)";
    const noStageCount = noStage ? Number(sheet.getRange(headerRow + 9, 2).getValue()) : 0;
    expect(counted + noStageCount).toBe(40);
    const pipelineChart = sheet.getCharts()[1]!;
    expect(pipelineChart.getRanges().map((r) => r.getA1Notation())).toEqual([
      `A${headerRow}:B${headerRow + 8 + (noStage ? 1 : 0)}`,
    ]);
    // Percentages are shown as percentages, no data as "—".
    const responseHeader = column.indexOf("Response rate by touch number") + 3;
    const firstTouch = sheet.getRange(responseHeader + 1, 1, 1, 4);
    expect(firstTouch.getNumberFormats()[0]).toEqual(["@", "0%", "0", "0"]);
    expect(String(firstTouch.getDisplayValues()[0]![1])).toMatch(/^(\d+%|—)$/);
    // The response-rate chart plots the rate, not the number of touches sent.
    const responseChart = sheet.getCharts()[0]!;
    const charted = responseChart.getRanges()[0]!.getValues()[0];
    expect(charted).toEqual(["Touch", "Response rate"]);
  });

  it("a second refresh leaves exactly three charts and keeps a person's own chart", () => {
    const wb = team();
    refreshNow(wb);
    const sheet = metricsSheet(wb);
    const charts = wb.emu.services.Charts as typeof Charts;
    sheet.insertChart(
      sheet
        .newChart()
        .setChartType(charts.ChartType.PIE)
        .addRange(sheet.getRange("A40:B45"))
        .setPosition(5, 20, 0, 0)
        .setOption("title", "My own view")
        .build(),
    );
    refreshNow(wb);
    refreshNow(wb);
    expect(chartTitles(wb)).toEqual([...CHART_TITLES, "My own view"]);
    const own = metricsSheet(wb).getCharts()[3]!;
    expect(own.getRanges().map((r) => r.getA1Notation())).toEqual(["A40:B45"]);
  });

  it("the hourly run rewrites the tab on its first run of the day only", () => {
    const wb = team();
    turnOnAutomation(wb, ALEX);
    /** Hours after MONDAY_EARLY the tab says it was generated (the run's start, to the minute). */
    const generatedHour = () => {
      const at = metricsSheet(wb).getRange(2, 2).getValue() as Date;
      return Math.round((at.getTime() - MONDAY_EARLY.getTime()) / 60_000) / 60;
    };
    const run = (at: number) => {
      wb.emu.clock.set(new Date(at));
      const [result] = wb.emu.runDueTimeTriggers();
      expect(result?.error).toBeUndefined();
      return result!;
    };
    const first = run(MONDAY_EARLY.getTime() + HOUR);
    expect(generatedHour()).toBe(1);
    expect(first.callLog.filter((c) => c.startsWith("Sheet.insertChart"))).toHaveLength(3);

    const later = run(MONDAY_EARLY.getTime() + 2 * HOUR);
    expect(generatedHour()).toBe(1);
    expect(later.callLog.filter((c) => c.startsWith("Range.setValues"))).toEqual([]);

    const nextDay = run(MONDAY_EARLY.getTime() + 25 * HOUR);
    expect(generatedHour()).toBe(25);
    expect(nextDay.callLog.filter((c) => c.startsWith("Sheet.insertChart"))).toEqual([]);
    expect(chartTitles(wb)).toEqual(CHART_TITLES);
  });

  it("a deleted Metrics tab comes back with its charts", () => {
    const wb = team();
    refreshNow(wb);
    wb.spreadsheet().deleteSheet(metricsSheet(wb));
    refreshNow(wb);
    expect(columnA(wb)[1]).toBe("Generated");
    expect(chartTitles(wb)).toEqual(CHART_TITLES);
  });
});

describe("the Monday review", () => {
  it("managers' first digest of a Monday carries it; other days and other people's do not", () => {
    const wb = team();
    setSetting(wb, "Manager emails", ALEX);
    for (const user of [ALEX, SAM]) turnOnAutomation(wb, user);
    const digestText = (user: string) =>
      wb.emu.gmail
        .sent(user)
        .filter((m) => m.subject.startsWith("Touchbase"))
        .map((m) => m.plainBody);
    const runAt = (at: number) => {
      wb.emu.clock.set(new Date(at));
      for (const result of wb.emu.runDueTimeTriggers()) expect(result.error).toBeUndefined();
    };
    runAt(MONDAY_EARLY.getTime() + 4 * HOUR - 60_000); // Monday 08:59 in New York: past Digest hour
    const [monday] = digestText(ALEX);
    expect(monday).toContain("WEEKLY REVIEW (4)");
    expect(monday).toMatch(
      /- Touches \(outbound\) · Week of Mon 16 Nov: \d+ · Week of Mon 9 Nov: \d+/,
    );
    expect(digestText(SAM).join("\n")).not.toContain("WEEKLY REVIEW");

    runAt(MONDAY_EARLY.getTime() + 28 * HOUR - 60_000); // Tuesday 08:59
    const sent = digestText(ALEX);
    expect(sent).toHaveLength(2);
    expect(sent[1]).not.toContain("WEEKLY REVIEW");
  });
});
