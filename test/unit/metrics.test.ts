// Every metric of DESIGN §5 on a small team whose numbers are worked out by hand (see
// metrics-fixtures.ts), on empty data, and across a zone where the local day is not UTC's.
import { computeMetricsFor, METRIC } from "../../src/domain/metrics";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { at, BERLIN, dateOnly, inbound, touch } from "./engine-fixtures";
import {
  ALEX,
  asRecords,
  NOW,
  row,
  SAM,
  TEAM_ROWS,
  TEAM_TOUCHES,
  tableOf,
  teamMetrics,
} from "./metrics-fixtures";

// Built inside each test (not once per file) so per-test coverage (Stryker) sees which test ran it.
const table = (key: string) => asRecords(tableOf(teamMetrics(), key));

describe("activity", () => {
  it("counts follow-ups due in the window as on time, late or missed", () => {
    // Ann: due 03-03 kept 03-03 (on time), due 03-05 kept 03-06 (late). Bob: due 02-23 kept
    // 02-25 (late), due 03-19 still open (missed). Cat: Overdue by the SLA, no agreed date (missed).
    expect(table(METRIC.followUps)).toEqual({
      "All owners": { Due: 5, "On time": 1, Late: 2, Missed: 2, "On-time rate": 0.2 },
    });
  });

  it("measures first response to leads created in the window against the target", () => {
    // Ann created 03-01 09:00, first touch 10:00 (1 h); Cat created 03-19, not answered.
    expect(table(METRIC.firstResponse)).toEqual({
      "All owners": {
        Created: 2,
        Responded: 1,
        "Avg hours to first response": 1,
        "Target (hours)": 4,
        "Within target": 1,
        "Within target %": 1,
        "Not responded yet": 1,
      },
    });
  });

  it("counts attempts per lead and before the first reply", () => {
    // Outbound in window: Ann 4, Bob 3 (the draft never went), Dan 1 → 8 over 3 contacts.
    // Ann's first reply (03-08) came after 3 outbound touches.
    expect(table(METRIC.attempts)).toEqual({
      "All owners": {
        "Contacts worked": 3,
        "Outbound touches": 8,
        "Attempts per lead": 8 / 3,
        "Contacts who replied": 1,
        "Attempts before first reply": 3,
      },
    });
  });

  it("counts outbound touches per Monday-to-Sunday week, per owner, for 12 weeks", () => {
    const weeks = tableOf(teamMetrics(), METRIC.touchesPerWeek);
    expect(weeks.columns.map((c) => c.header)).toEqual([
      "Week of",
      "Total",
      ALEX,
      SAM,
      "(unknown contact)",
      "(unowned)",
    ]);
    expect(weeks.rows).toHaveLength(12);
    expect(weeks.rows[0]![0]).toBe("Mon 29 Dec 2025");
    // Sunday 03-01 (Ann's first touch) belongs to the week of Monday 02-23.
    expect(weeks.rows.slice(-5)).toEqual([
      ["Mon 16 Feb", 2, 0, 1, 0, 1],
      ["Mon 23 Feb", 2, 1, 1, 0, 0],
      ["Mon 2 Mar", 2, 2, 0, 0, 0],
      ["Mon 9 Mar", 1, 1, 0, 0, 0],
      ["Mon 16 Mar", 2, 0, 1, 1, 0],
    ]);
    expect(weeks.rows.slice(0, 7).every((r) => r[1] === 0)).toBe(true);
  });
});

describe("outcome", () => {
  it("gives the response rate by touch number since the last reply", () => {
    // 1st: Ann's 1st and 4th (after her reply), Bob's 1st, Dan's 1st. 3rd: Ann's (replied), Bob's.
    expect(table(METRIC.responseByTouch)).toEqual({
      "1st": { Sent: 4, Replied: 0, "Response rate": 0 },
      "2nd": { Sent: 2, Replied: 0, "Response rate": 0 },
      "3rd": { Sent: 2, Replied: 1, "Response rate": 0.5 },
      "4th": { Sent: 0, Replied: 0, "Response rate": null },
      "5th": { Sent: 0, Replied: 0, "Response rate": null },
      "6th": { Sent: 0, Replied: 0, "Response rate": null },
      "7th": { Sent: 0, Replied: 0, "Response rate": null },
      "8+": { Sent: 0, Replied: 0, "Response rate": null },
    });
  });

  it("compares conversion with two or more follow-ups against fewer", () => {
    expect(table(METRIC.conversion)).toEqual({
      "2 or more": { Won: 1, Lost: 0, Conversion: 1 },
      "0 or 1": { Won: 0, Lost: 1, Conversion: 0 },
    });
  });

  it("counts touches to Won and the revenue recovered by the 2nd follow-up or later", () => {
    // Ann: 4 outbound + 1 reply before closing; she first replied after 3 outbound touches.
    expect(table(METRIC.won)).toEqual({
      "All owners": {
        Won: 1,
        "Won value": 1000,
        "Avg touches to Won": 5,
        "Won after 2+ follow-ups": 1,
        "Revenue recovered": 1000,
        "Share of won value": 1,
      },
    });
  });

  it("shows where open deals stall: contacts, value and median days in stage", () => {
    expect(table(METRIC.stall)).toEqual({
      "New Lead": { Contacts: 1, Value: 0, "Median days in stage": 1, Stale: 0 },
      Qualified: { Contacts: 1, Value: 300, "Median days in stage": 47, Stale: 1 },
      "Meeting Completed": { Contacts: 0, Value: 0, "Median days in stage": null, Stale: 0 },
      "Proposal Sent": { Contacts: 1, Value: 500, "Median days in stage": 28, Stale: 0 },
      Negotiation: { Contacts: 0, Value: 0, "Median days in stage": null, Stale: 0 },
    });
  });
});

describe("what works", () => {
  it("gives sends and reply rate per template (names match ignoring case) and per channel", () => {
    expect(table(METRIC.templates)).toEqual({
      Intro: { Sends: 4, Replies: 0, "Reply rate": 0 },
      Bump: { Sends: 2, Replies: 0, "Reply rate": 0 },
      Breakup: { Sends: 1, Replies: 1, "Reply rate": 1 },
    });
    expect(table(METRIC.channels)).toEqual({
      Email: { Sends: 6, Replies: 0, "Reply rate": 0 },
      Call: { Sends: 1, Replies: 1, "Reply rate": 1 },
      LinkedIn: { Sends: 1, Replies: 0, "Reply rate": 0 },
    });
  });

  it("gives the reply rate by local weekday and hour sent", () => {
    const weekdays = table(METRIC.weekdays);
    expect(Object.fromEntries(Object.entries(weekdays).map(([d, v]) => [d, v.Sends]))).toEqual({
      Monday: 1,
      Tuesday: 1,
      Wednesday: 2,
      Thursday: 0,
      Friday: 2,
      Saturday: 1,
      Sunday: 1,
    });
    expect(weekdays.Friday).toEqual({ Sends: 2, Replies: 1, "Reply rate": 0.5 });
    expect(weekdays.Thursday!["Reply rate"]).toBeNull();
    const hours = table(METRIC.hours);
    expect(Object.keys(hours)).toHaveLength(24);
    expect(hours["09:00"]).toEqual({ Sends: 4, Replies: 1, "Reply rate": 0.25 });
    expect(hours["10:00"]).toEqual({ Sends: 2, Replies: 0, "Reply rate": 0 });
    expect(hours["11:00"]!.Sends).toBe(1);
    expect(hours["15:00"]!.Sends).toBe(1);
    expect(hours["08:00"]).toEqual({ Sends: 0, Replies: 0, "Reply rate": null });
  });
});

describe("per owner and pipeline", () => {
  it("gives each owner's due today, overdue, done in 7 days and on-time rate", () => {
    expect(table(METRIC.owners)).toEqual({
      [ALEX]: { "Due today": 0, Overdue: 1, "Done last 7 days": 0, "On-time rate": 1 / 3 },
      [SAM]: { "Due today": 1, Overdue: 1, "Done last 7 days": 1, "On-time rate": 0 },
      "(unowned)": { "Due today": 0, Overdue: 0, "Done last 7 days": 0, "On-time rate": null },
    });
  });

  it("counts contacts and value by stage and by tier", () => {
    expect(table(METRIC.pipelineByStage)).toEqual({
      "New Lead": { Contacts: 1, Value: 0 },
      Qualified: { Contacts: 1, Value: 300 },
      "Meeting Completed": { Contacts: 0, Value: 0 },
      "Proposal Sent": { Contacts: 1, Value: 500 },
      Negotiation: { Contacts: 0, Value: 0 },
      Won: { Contacts: 1, Value: 1000 },
      Lost: { Contacts: 1, Value: 200 },
      Nurture: { Contacts: 0, Value: 0 },
    });
    expect(table(METRIC.pipelineByTier)).toEqual({
      Hot: { Contacts: 2, Value: 1000 },
      Warm: { Contacts: 2, Value: 800 },
      Cold: { Contacts: 1, Value: 200 },
      Dead: { Contacts: 0, Value: 0 },
    });
  });
});

describe("edge cases", () => {
  it("empty data: every rate and average is no data (—), never a division by zero", () => {
    const empty = teamMetrics({ rows: [], touches: [] });
    const values = empty.sections.flatMap((s) => s.tables).flatMap((t) => t.rows.flat());
    expect(values.filter((v) => typeof v === "number" && !Number.isFinite(v))).toEqual([]);
    expect(asRecords(tableOf(empty, METRIC.followUps))).toEqual({
      "All owners": { Due: 0, "On time": 0, Late: 0, Missed: 0, "On-time rate": null },
    });
    expect(asRecords(tableOf(empty, METRIC.firstResponse))["All owners"]).toMatchObject({
      Created: 0,
      "Avg hours to first response": null,
      "Within target %": null,
    });
    expect(asRecords(tableOf(empty, METRIC.attempts))["All owners"]).toMatchObject({
      "Attempts per lead": null,
      "Attempts before first reply": null,
    });
    expect(asRecords(tableOf(empty, METRIC.won))["All owners"]).toMatchObject({
      Won: 0,
      "Avg touches to Won": null,
      "Share of won value": null,
    });
    expect(tableOf(empty, METRIC.templates).rows).toEqual([]);
    expect(tableOf(empty, METRIC.owners).rows).toEqual([]);
    expect(tableOf(empty, METRIC.touchesPerWeek).columns.map((c) => c.header)).toEqual([
      "Week of",
      "Total",
    ]);
  });

  it("touches naming no contact count only in touches per week", () => {
    const only = teamMetrics({
      rows: [],
      touches: [touch("2026-03-16 10:00", { contactId: "", contactName: "Zed" })],
    });
    expect(tableOf(only, METRIC.touchesPerWeek).rows.at(-1)).toEqual(["Mon 16 Mar", 1, 1]);
    expect(asRecords(tableOf(only, METRIC.channels))).toEqual({});
    expect(asRecords(tableOf(only, METRIC.attempts))["All owners"]!["Outbound touches"]).toBe(0);
  });

  it("a touch's week, weekday and hour are the sheet zone's, not UTC's", () => {
    // Monday 00:30 in Berlin is Sunday 23:30 UTC.
    const sent = at("2026-03-16 00:30");
    expect(sent.toISOString()).toBe("2026-03-15T23:30:00.000Z");
    const zoned = teamMetrics({
      rows: [row({ id: "C-9", owner: ALEX })],
      touches: [touch("2026-03-16 00:30", { contactId: "C-9" })],
    });
    expect(tableOf(zoned, METRIC.touchesPerWeek).rows.at(-1)).toEqual(["Mon 16 Mar", 1, 1]);
    expect(asRecords(tableOf(zoned, METRIC.weekdays)).Monday!.Sends).toBe(1);
    expect(asRecords(tableOf(zoned, METRIC.hours))["00:00"]!.Sends).toBe(1);
    // The same instant in New York is Sunday 19:30: the week before.
    const newYork = teamMetrics({
      zone: "America/New_York",
      rows: [row({ id: "C-9", owner: ALEX })],
      touches: [{ ...touch("2026-03-16 00:30", { contactId: "C-9" }) }],
    });
    expect(asRecords(tableOf(newYork, METRIC.weekdays)).Sunday!.Sends).toBe(1);
    expect(asRecords(tableOf(newYork, METRIC.hours))["19:00"]!.Sends).toBe(1);
    expect(tableOf(newYork, METRIC.touchesPerWeek).rows.at(-2)).toEqual(["Mon 9 Mar", 1, 1]);
  });

  it("a follow-up kept after midnight local time is late even when UTC says the same day", () => {
    // Due Tuesday 03-17 (Berlin); the touch at Wednesday 00:30 Berlin is still Tuesday in UTC.
    const late = teamMetrics({
      rows: [row({ id: "C-9", owner: ALEX })],
      touches: [
        touch("2026-03-16 10:00", { contactId: "C-9", nextFollowUp: dateOnly("2026-03-17") }),
        touch("2026-03-18 00:30", { contactId: "C-9" }),
      ],
    });
    expect(asRecords(tableOf(late, METRIC.followUps))["All owners"]).toMatchObject({
      Due: 1,
      Late: 1,
    });
  });

  it("a reply after 7 days, or after the next touch, does not count for the touch", () => {
    const replies = teamMetrics({
      rows: [row({ id: "C-9", owner: ALEX }), row({ id: "C-8", owner: ALEX })],
      touches: [
        touch("2026-03-01 10:00", { contactId: "C-9" }),
        inbound("2026-03-08 10:01", { contactId: "C-9" }),
        touch("2026-03-02 10:00", { contactId: "C-8" }),
        touch("2026-03-03 10:00", { contactId: "C-8" }),
        inbound("2026-03-04 10:00", { contactId: "C-8" }),
      ].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime()),
    });
    expect(asRecords(tableOf(replies, METRIC.responseByTouch))).toMatchObject({
      "1st": { Sent: 2, Replied: 0 },
      "2nd": { Sent: 1, Replied: 1 },
    });
  });

  it("a window too short to hold anything shows no data", () => {
    const shortWindow = teamMetrics({ windowDays: 1 });
    expect(asRecords(tableOf(shortWindow, METRIC.responseByTouch))["1st"]).toEqual({
      Sent: 0,
      Replied: 0,
      "Response rate": null,
    });
    // Still counted whatever the window: the pipeline now.
    expect(asRecords(tableOf(shortWindow, METRIC.pipelineByTier)).Hot!.Contacts).toBe(2);
  });
});

describe("the Metrics tab's words", () => {
  const REPLIED = "replied = a reply within 7 days and before the next outbound touch";
  const columns = (...spec: string[]) =>
    spec.map((c) => {
      const [header, kind] = c.split(":");
      return { header, kind };
    });

  it("sections in order, each table with its title, its one-line definition and typed columns", () => {
    const report = teamMetrics();
    expect({
      generatedAt: report.generatedAt,
      windowDays: report.windowDays,
      zone: report.zone,
    }).toEqual({ generatedAt: NOW, windowDays: 30, zone: BERLIN });
    expect(report.sections.map((s) => [s.title, s.tables.map((t) => t.key)])).toEqual([
      ["Activity", ["followUps", "firstResponse", "attempts", "touchesPerWeek"]],
      ["Outcome", ["responseByTouch", "conversion", "won", "stall"]],
      ["Pipeline", ["pipelineByStage", "pipelineByTier"]],
      ["What works", ["templates", "channels", "weekdays", "hours"]],
      ["Per owner", ["owners"]],
    ]);
    const words = Object.fromEntries(
      report.sections
        .flatMap((s) => s.tables)
        .filter((t) => t.key !== METRIC.touchesPerWeek)
        .map((t) => [t.key, { title: t.title, definition: t.definition, columns: t.columns }]),
    );
    expect(words).toEqual({
      followUps: {
        title: "Follow-ups due vs done",
        definition:
          "A follow-up is a touch's Next Follow-Up date (or a contact Overdue now) due in the " +
          "window: on time = the next outbound touch came by the end of that day, late = after " +
          "it, missed = none yet or the date was replaced after it passed.",
        columns: columns(
          "Follow-ups:label",
          "Due:count",
          "On time:count",
          "Late:count",
          "Missed:count",
          "On-time rate:percent",
        ),
      },
      firstResponse: {
        title: "First response to new leads",
        definition:
          "Leads = contacts Created in the window; first response = clock hours from Created to " +
          "their first outbound touch; target = the New lead response setting.",
        columns: columns(
          "New leads:label",
          "Created:count",
          "Responded:count",
          "Avg hours to first response:hours",
          "Target (hours):hours",
          "Within target:count",
          "Within target %:percent",
          "Not responded yet:count",
        ),
      },
      attempts: {
        title: "Attempts per lead",
        definition:
          "Attempts per lead = outbound touches in the window ÷ contacts who got one; before " +
          "first reply = outbound touches before a contact's first reply, for first replies in " +
          "the window.",
        columns: columns(
          "Attempts:label",
          "Contacts worked:count",
          "Outbound touches:count",
          "Attempts per lead:average",
          "Contacts who replied:count",
          "Attempts before first reply:average",
        ),
      },
      responseByTouch: {
        title: "Response rate by touch number",
        definition:
          "Outbound touches sent in the window, numbered since the contact's last reply (as " +
          "Attempts); replied = a reply within 7 days and before the next touch.",
        columns: columns("Touch:label", "Response rate:percent", "Sent:count", "Replied:count"),
      },
      conversion: {
        title: "Conversion by follow-ups",
        definition:
          "Deals now Won or Lost that closed in the window (the touch that set the stage, else " +
          "the last touch); follow-ups = outbound touches after the first; conversion = Won ÷ " +
          "(Won + Lost).",
        columns: columns("Follow-ups:label", "Won:count", "Lost:count", "Conversion:percent"),
      },
      won: {
        title: "Touches to Won and revenue recovered",
        definition:
          "Won deals closed in the window; touches = outbound and inbound touches up to the " +
          "close; recovered = Deal Value of those whose first reply came after the 2nd " +
          "follow-up or later.",
        columns: columns(
          "Won deals:label",
          "Won:count",
          "Won value:money",
          "Avg touches to Won:average",
          "Won after 2+ follow-ups:count",
          "Revenue recovered:money",
          "Share of won value:percent",
        ),
      },
      stall: {
        title: "Where deals stall",
        definition:
          "Open deals now, per stage; days in stage = since the latest touch that set the stage " +
          "(else Created); stale = no touch for Stale after days.",
        columns: columns(
          "Stage:label",
          "Contacts:count",
          "Value:money",
          "Median days in stage:days",
          "Stale:count",
        ),
      },
      pipelineByStage: {
        title: "Pipeline by stage",
        definition: "Every contact now, by Stage: how many and the sum of their Deal Value.",
        columns: columns("Stage:label", "Contacts:count", "Value:money"),
      },
      pipelineByTier: {
        title: "Pipeline by tier",
        definition: "Every contact now, by Tier: how many and the sum of their Deal Value.",
        columns: columns("Tier:label", "Contacts:count", "Value:money"),
      },
      templates: {
        title: "Templates",
        definition: `Outbound touches in the window with a Template; ${REPLIED}.`,
        columns: columns("Template:label", "Sends:count", "Replies:count", "Reply rate:percent"),
      },
      channels: {
        title: "Channels",
        definition: `Outbound touches in the window by Channel; ${REPLIED}.`,
        columns: columns("Channel:label", "Sends:count", "Replies:count", "Reply rate:percent"),
      },
      weekdays: {
        title: "Reply rate by weekday sent",
        definition: `Outbound touches in the window by the local weekday they were sent; ${REPLIED}.`,
        columns: columns("Weekday:label", "Sends:count", "Replies:count", "Reply rate:percent"),
      },
      hours: {
        title: "Reply rate by hour sent",
        definition: `Outbound touches in the window by the local hour they were sent; ${REPLIED}.`,
        columns: columns("Hour:label", "Sends:count", "Replies:count", "Reply rate:percent"),
      },
      owners: {
        title: "Per owner",
        definition:
          "Due today and overdue = contacts with that Status now; done = outbound touches in the " +
          "last 7 days; on-time rate = follow-ups due in the window done on time ÷ due.",
        columns: columns(
          "Owner:label",
          "Due today:count",
          "Overdue:count",
          "Done last 7 days:count",
          "On-time rate:percent",
        ),
      },
    });
    const weeks = tableOf(report, METRIC.touchesPerWeek);
    expect({ title: weeks.title, definition: weeks.definition }).toEqual({
      title: "Touches per week (last 12 weeks)",
      definition:
        "Outbound touches per week (Monday–Sunday, this week last), by the contact's Owner; " +
        "touches naming no contact count under (unknown contact).",
    });
    expect(weeks.columns.map((c) => c.kind)).toEqual([
      "label",
      "count",
      "count",
      "count",
      "count",
      "count",
    ]);
  });
});

describe("metrics as the Settings ask for them", () => {
  it("uses the Metrics window and the New lead response target", () => {
    const report = computeMetricsFor({
      rows: TEAM_ROWS,
      touches: TEAM_TOUCHES,
      settings: { ...DEFAULT_SETTINGS, metricsWindowDays: 7, newLeadResponseHours: 2 },
      zone: BERLIN,
      now: NOW,
    });
    expect(report.windowDays).toBe(7);
    // In the last 7 days only Cat was created (not answered); Bob's LinkedIn touch went out.
    expect(asRecords(tableOf(report, METRIC.firstResponse))["All owners"]).toEqual({
      Created: 1,
      Responded: 0,
      "Avg hours to first response": null,
      "Target (hours)": 2,
      "Within target": 0,
      "Within target %": null,
      "Not responded yet": 1,
    });
    expect(asRecords(tableOf(report, METRIC.channels))).toEqual({
      LinkedIn: { Sends: 1, Replies: 0, "Reply rate": 0 },
    });
  });
});

describe("more edge cases", () => {
  it("first response: exactly the target is within it; a touch before Created counts as 0 hours", () => {
    const report = teamMetrics({
      rows: [
        row({ id: "A", created: at("2026-03-10 09:00") }),
        row({ id: "B", created: at("2026-03-11 09:00") }),
        row({ id: "C", created: at("2026-03-12 09:00") }),
      ],
      touches: [
        touch("2026-03-10 13:00", { contactId: "A" }),
        touch("2026-03-11 08:00", { contactId: "B" }),
        touch("2026-03-12 13:01", { contactId: "C" }),
      ],
    });
    expect(asRecords(tableOf(report, METRIC.firstResponse))["All owners"]).toEqual({
      Created: 3,
      Responded: 3,
      "Avg hours to first response": expect.closeTo((4 + 0 + 4 + 1 / 60) / 3, 9),
      "Target (hours)": 4,
      "Within target": 2,
      "Within target %": 2 / 3,
      "Not responded yet": 0,
    });
  });

  it("touches per week: the busiest 7 owners by name, the rest in one column", () => {
    const owners = ["h", "g", "f", "e", "d", "c", "b", "a", "z"].map((o) => `${o}@acme.test`);
    const rows = owners.map((owner, i) => row({ id: `C-${i}`, owner }));
    // z sends 3, every other owner 1 (h–a, all the same): ties go by name.
    const touches = [
      ...owners.map((_, i) => touch("2026-03-16 10:00", { contactId: `C-${i}` })),
      touch("2026-03-17 10:00", { contactId: "C-8" }),
      touch("2026-03-18 10:00", { contactId: "C-8" }),
    ];
    const weeks = tableOf(teamMetrics({ rows, touches }), METRIC.touchesPerWeek);
    expect(weeks.columns.map((c) => c.header)).toEqual([
      "Week of",
      "Total",
      "z@acme.test",
      "a@acme.test",
      "b@acme.test",
      "c@acme.test",
      "d@acme.test",
      "e@acme.test",
      "f@acme.test",
      "Other owners (2)",
    ]);
    expect(weeks.rows.at(-1)).toEqual(["Mon 16 Mar", 11, 3, 1, 1, 1, 1, 1, 1, 2]);
    expect(weeks.rows.at(-2)).toEqual(["Mon 9 Mar", 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it("contacts with no Stage or Tier, and touches with no Channel, are counted under (none)", () => {
    const report = teamMetrics({
      rows: [row({ id: "N", dealValue: 250 }), row({ id: "T", tier: "Hot", stage: "Won" })],
      touches: [touch("2026-03-16 10:00", { contactId: "N", channel: null })],
    });
    expect(asRecords(tableOf(report, METRIC.pipelineByStage))["(none)"]).toEqual({
      Contacts: 1,
      Value: 250,
    });
    expect(asRecords(tableOf(report, METRIC.pipelineByTier))).toEqual({
      Hot: { Contacts: 1, Value: 0 },
      Warm: { Contacts: 0, Value: 0 },
      Cold: { Contacts: 0, Value: 0 },
      Dead: { Contacts: 0, Value: 0 },
      "(none)": { Contacts: 1, Value: 250 },
    });
    expect(asRecords(tableOf(report, METRIC.channels))).toEqual({
      "(none)": { Sends: 1, Replies: 0, "Reply rate": 0 },
    });
    // Without a contact lacking one, there is no (none) row.
    const full = teamMetrics({ rows: [row({ id: "T", tier: "Hot", stage: "Won" })], touches: [] });
    expect(Object.keys(asRecords(tableOf(full, METRIC.pipelineByTier)))).toEqual([
      "Hot",
      "Warm",
      "Cold",
      "Dead",
    ]);
  });

  it("touch numbers past the 8th share the 8+ row", () => {
    const days = ["02", "03", "04", "05", "06", "09", "10", "11", "12", "13"];
    const report = teamMetrics({
      rows: [row({ id: "M" })],
      touches: days.map((d) => touch(`2026-03-${d} 10:00`, { contactId: "M" })),
    });
    const byTouch = asRecords(tableOf(report, METRIC.responseByTouch));
    expect(Object.entries(byTouch).map(([n, v]) => `${n}: ${String(v.Sent)}`)).toEqual([
      "1st: 1",
      "2nd: 1",
      "3rd: 1",
      "4th: 1",
      "5th: 1",
      "6th: 1",
      "7th: 1",
      "8+: 3",
    ]);
  });
});

describe("closed deals at the edges", () => {
  const closed = (local: string, contactId: string, stage: "Won" | "Lost") =>
    touch(local, {
      contactId,
      channel: "Note",
      direction: "Internal",
      outcome: "Stage Changed",
      stage,
    });
  // W2: 3 outbound (2 follow-ups), then a reply, then Won; a touch after the close counts for
  // nothing. W1: 2 outbound (1 follow-up), a reply, Won. L2: 3 outbound, Lost.
  const report = () =>
    teamMetrics({
      rows: [
        row({ id: "W2", stage: "Won", dealValue: 100 }),
        row({ id: "W1", stage: "Won", dealValue: 50 }),
        row({ id: "L2", stage: "Lost", dealValue: 70 }),
      ],
      touches: [
        touch("2026-03-02 10:00", { contactId: "W2" }),
        touch("2026-03-03 10:00", { contactId: "W2" }),
        touch("2026-03-04 10:00", { contactId: "W2" }),
        inbound("2026-03-05 10:00", { contactId: "W2" }),
        closed("2026-03-06 10:00", "W2", "Won"),
        touch("2026-03-10 10:00", { contactId: "W2" }),
        touch("2026-03-02 11:00", { contactId: "W1" }),
        touch("2026-03-03 11:00", { contactId: "W1" }),
        inbound("2026-03-04 11:00", { contactId: "W1" }),
        closed("2026-03-05 11:00", "W1", "Won"),
        touch("2026-03-02 12:00", { contactId: "L2" }),
        touch("2026-03-03 12:00", { contactId: "L2" }),
        touch("2026-03-04 12:00", { contactId: "L2" }),
        closed("2026-03-05 12:00", "L2", "Lost"),
      ].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime()),
    });

  it("two follow-ups before the close put a deal in '2 or more'; one does not", () => {
    expect(asRecords(tableOf(report(), METRIC.conversion))).toEqual({
      "2 or more": { Won: 1, Lost: 1, Conversion: 0.5 },
      "0 or 1": { Won: 1, Lost: 0, Conversion: 1 },
    });
  });

  it("counts touches up to the close and recovers revenue from a reply after the 2nd follow-up", () => {
    expect(asRecords(tableOf(report(), METRIC.won))["All owners"]).toEqual({
      Won: 2,
      "Won value": 150,
      "Avg touches to Won": 3.5,
      "Won after 2+ follow-ups": 1,
      "Revenue recovered": 100,
      "Share of won value": 100 / 150,
    });
  });
});

describe("touches per week outside the 12 weeks", () => {
  it("leaves out touches before the first week and inbound touches naming no contact", () => {
    const weeks = tableOf(
      teamMetrics({
        rows: [row({ id: "O", owner: ALEX })],
        touches: [
          touch("2025-12-28 10:00", { contactId: "O" }),
          touch("2025-12-29 10:00", { contactId: "O" }),
          inbound("2026-03-16 10:00", { contactId: "", contactName: "Zed" }),
        ],
      }),
      METRIC.touchesPerWeek,
    );
    expect(weeks.columns.map((c) => c.header)).toEqual(["Week of", "Total", ALEX]);
    expect(weeks.rows[0]).toEqual(["Mon 29 Dec 2025", 1, 1]);
    expect(weeks.rows.reduce((sum, r) => sum + Number(r[1]), 0)).toBe(1);
  });
});

describe("template names", () => {
  it("are shown as first written, trimmed, whatever the later spelling", () => {
    const report = teamMetrics({
      rows: [row({ id: "T" })],
      touches: [
        touch("2026-03-02 10:00", { contactId: "T", template: " Intro  " }),
        touch("2026-03-03 10:00", { contactId: "T", template: "INTRO" }),
        touch("2026-03-04 10:00", { contactId: "T", template: "intro" }),
      ],
    });
    expect(asRecords(tableOf(report, METRIC.templates))).toEqual({
      Intro: { Sends: 3, Replies: 0, "Reply rate": 0 },
    });
  });
});

describe("column and row order", () => {
  it("templates: most sends first, then by name", () => {
    const report = teamMetrics({
      rows: [row({ id: "T" })],
      touches: [
        touch("2026-03-02 10:00", { contactId: "T", template: "Zeta" }),
        touch("2026-03-03 10:00", { contactId: "T", template: "Beta" }),
        touch("2026-03-04 10:00", { contactId: "T", template: "Alpha" }),
        touch("2026-03-05 10:00", { contactId: "T", template: "Beta" }),
      ],
    });
    expect(tableOf(report, METRIC.templates).rows.map((r) => `${r[0]}: ${r[1]}`)).toEqual([
      "Beta: 2",
      "Alpha: 1",
      "Zeta: 1",
    ]);
  });

  it("owners: by name, (unowned) last even after z", () => {
    const report = teamMetrics({
      rows: [
        row({ id: "U", owner: "" }),
        row({ id: "Z", owner: "zoe@acme.test" }),
        row({ id: "A", owner: ALEX }),
      ],
      touches: [],
    });
    expect(tableOf(report, METRIC.owners).rows.map((r) => r[0])).toEqual([
      ALEX,
      "zoe@acme.test",
      "(unowned)",
    ]);
  });

  it("touches per week: eight owners all get a column; an owner touching only before the weeks gets none", () => {
    const owners = ["a", "b", "c", "d", "e", "f", "g", "h"].map((o) => `${o}@acme.test`);
    const rows = [...owners, "old@acme.test"].map((owner, i) => row({ id: `C-${i}`, owner }));
    const touches = [
      touch("2025-12-01 10:00", { contactId: "C-8" }),
      ...owners.map((_, i) => touch("2026-03-16 10:00", { contactId: `C-${i}` })),
    ];
    const weeks = tableOf(teamMetrics({ rows, touches }), METRIC.touchesPerWeek);
    expect(weeks.columns.map((c) => c.header)).toEqual(["Week of", "Total", ...owners]);
  });
});
