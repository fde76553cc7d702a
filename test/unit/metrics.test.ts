// Every metric of DESIGN §5 on a small team whose numbers are worked out by hand (see
// metrics-fixtures.ts), on empty data, and across a zone where the local day is not UTC's.
import { METRIC } from "../../src/domain/metrics";
import { at, dateOnly, inbound, touch } from "./engine-fixtures";
import { ALEX, asRecords, row, SAM, tableOf, teamMetrics } from "./metrics-fixtures";

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
