// The managers' Monday review (issue 9): week against week, stuck deals, tiers to change, dead
// leads to archive, best and worst template — on hand-checked data.
import type { Section } from "../../src/domain/digest";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import type { ContactRow, Touch } from "../../src/domain/types";
import { isWeeklyReviewDay, weeklyReviewSections } from "../../src/domain/weeklyReview";
import { at, BERLIN, dateOnly, inbound, touch } from "./engine-fixtures";
import { row, SAM, TEAM_ROWS, TEAM_TOUCHES } from "./metrics-fixtures";

const MONDAY = at("2026-03-23 09:00");

function review(rows: ContactRow[], touches: Touch[], now = MONDAY): Record<string, Section> {
  const sections = weeklyReviewSections({
    rows,
    touches: [...touches].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime()),
    settings: DEFAULT_SETTINGS,
    zone: BERLIN,
    now,
  });
  return Object.fromEntries(sections.map((s) => [s.title, s]));
}
const cellsOf = (section: Section | undefined) => section?.rows.map((r) => r.cells);

describe("the Monday review", () => {
  it("is due on the sheet zone's Monday, not UTC's", () => {
    // Monday 00:30 in Berlin is still Sunday in UTC.
    expect(isWeeklyReviewDay(at("2026-03-23 00:30"), BERLIN)).toBe(true);
    expect(isWeeklyReviewDay(at("2026-03-23 00:30"), "UTC")).toBe(false);
    expect(isWeeklyReviewDay(at("2026-03-24 09:00"), BERLIN)).toBe(false);
  });

  it("compares last week with the week before and lists stuck deals", () => {
    const sections = review(TEAM_ROWS, TEAM_TOUCHES);
    // Last week 16–22 Mar: Bob's LinkedIn touch; two follow-ups due 19 Mar, both missed; no
    // reply; nothing won. The week before: Ann's touch of 9 Mar; nothing due; Ann won (1,000).
    expect(sections["Weekly review"]!.columns).toEqual([
      "Last week vs the week before",
      "Week of Mon 16 Mar",
      "Week of Mon 9 Mar",
      "Change",
    ]);
    expect(cellsOf(sections["Weekly review"])).toEqual([
      ["Touches (outbound)", "1", "1", "0%"],
      ["On-time rate", "0%", "—", "—"],
      ["Replies", "0", "0", "0%"],
      ["Won value", "0", "1,000", "-100%"],
    ]);
    // 28+ days in stage: Bob (Proposal Sent since 20 Feb), Eve (Qualified since Created 1 Feb).
    expect(cellsOf(sections["Stuck deals"])).toEqual([
      ["Bob", "Proposal Sent", "31", "500", SAM],
      ["Eve", "Qualified", "50", "300", SAM],
    ]);
    expect(sections["Tiers to change"]!.total).toBe(0);
    expect(sections["Dead leads to archive"]!.total).toBe(0);
    // No template reached 5 sends (Intro has 4).
    expect(sections["Best and worst templates"]!.total).toBe(0);
  });

  it("suggests tier changes, dead leads to archive and the best and worst template", () => {
    const rows = [
      row({ id: "W", name: "Warm replier", tier: "Warm", created: at("2026-01-05") }),
      row({ id: "H", name: "Hot quiet", tier: "Hot", created: at("2026-01-01") }),
      row({ id: "N", name: "Hot new", tier: "Hot", created: at("2026-03-20") }),
      row({ id: "D", name: "Dead old", tier: "Dead", created: at("2025-06-01") }),
      row({ id: "L", name: "Lost older", stage: "Lost", created: at("2025-10-01") }),
      row({ id: "A", name: "Template A", tier: "Cold", created: at("2026-01-01") }),
      row({ id: "B", name: "Template B", tier: "Cold", created: at("2026-01-01") }),
    ];
    const touches = [
      inbound("2026-03-21 10:00", { contactId: "W" }),
      inbound("2026-02-01 10:00", { contactId: "H" }),
      touch("2025-11-01 10:00", { contactId: "D" }),
      // A: 5 sends, the 2nd and 4th answered → 40%. B: 5 sends, none → 0%. C: too few sends.
      touch("2026-03-02 10:00", { contactId: "A", template: "A" }),
      touch("2026-03-04 10:00", { contactId: "A", template: "A" }),
      inbound("2026-03-05 10:00", { contactId: "A" }),
      touch("2026-03-06 10:00", { contactId: "A", template: "A" }),
      touch("2026-03-09 10:00", { contactId: "A", template: "A" }),
      inbound("2026-03-10 10:00", { contactId: "A" }),
      touch("2026-03-12 10:00", { contactId: "A", template: "A" }),
      ...["02", "03", "04", "05", "06"].map((d) =>
        touch(`2026-03-${d} 11:00`, { contactId: "B", template: "B" }),
      ),
      touch("2026-03-13 11:00", { contactId: "B", template: "C" }),
    ];
    const sections = review(rows, touches);
    expect(cellsOf(sections["Tiers to change"])).toEqual([
      ["Warm replier", "Warm", "Hot", "replied Sat 21 Mar", "rep@example.com"],
      ["Hot quiet", "Hot", "Warm", "no reply since Sun 1 Feb", "rep@example.com"],
    ]);
    // Oldest first: Lost since Created 1 Oct 2025 (no touch), Dead last touched 1 Nov 2025.
    expect(cellsOf(sections["Dead leads to archive"])).toEqual([
      ["Lost older", "Lost", "", "Wed 1 Oct 2025", "rep@example.com"],
      ["Dead old", "", "Dead", "Sat 1 Nov 2025", "rep@example.com"],
    ]);
    expect(cellsOf(sections["Best and worst templates"])).toEqual([
      ["Best", "A", "5", "40%"],
      ["Worst", "B", "5", "0%"],
    ]);
  });

  it("with no data every section is empty and no figure divides by zero", () => {
    const sections = review([], []);
    expect(cellsOf(sections["Weekly review"])).toEqual([
      ["Touches (outbound)", "0", "0", "0%"],
      ["On-time rate", "—", "—", "—"],
      ["Replies", "0", "0", "0%"],
      ["Won value", "0", "0", "0%"],
    ]);
    expect(
      Object.values(sections)
        .slice(1)
        .map((s) => s.total),
    ).toEqual([0, 0, 0, 0]);
  });
});

describe("stuck deals", () => {
  it("lists open deals in their stage 28+ days, biggest deal first, then longest stuck", () => {
    const rows = [
      row({
        id: "A",
        name: "Exactly 28",
        stage: "Qualified",
        dealValue: 100,
        created: at("2026-02-23"),
      }),
      row({
        id: "B",
        name: "27 days",
        stage: "Qualified",
        dealValue: 9000,
        created: at("2026-02-24"),
      }),
      row({
        id: "C",
        name: "Big",
        stage: "Negotiation",
        dealValue: 5000,
        created: at("2026-01-01"),
      }),
      row({
        id: "D",
        name: "Older",
        stage: "Qualified",
        dealValue: 100,
        created: at("2026-01-23"),
      }),
      row({
        id: "",
        name: "",
        rowNumber: 9,
        owner: "",
        stage: "Qualified",
        created: at("2026-01-01"),
      }),
      row({ id: "F", name: "", stage: "Qualified", created: at("2026-02-01") }),
      row({ id: "G", name: "Paused", stage: "Qualified", paused: true, created: at("2026-01-01") }),
      row({
        id: "H",
        name: "Opted out",
        stage: "Qualified",
        optedOut: true,
        created: at("2026-01-01"),
      }),
      row({ id: "I", name: "Won", stage: "Won", created: at("2026-01-01") }),
      row({ id: "J", name: "Lost", stage: "Lost", created: at("2026-01-01") }),
      row({ id: "K", name: "No stage", created: at("2026-01-01") }),
      row({ id: "L", name: "Since unknown", stage: "Qualified" }),
    ];
    expect(cellsOf(review(rows, [])["Stuck deals"])).toEqual([
      ["Big", "Negotiation", "81", "5,000", "rep@example.com"],
      ["Older", "Qualified", "59", "100", "rep@example.com"],
      ["Exactly 28", "Qualified", "28", "100", "rep@example.com"],
      ["Row 9", "Qualified", "81", "", "(no owner)"],
      ["F", "Qualified", "50", "", "rep@example.com"],
    ]);
  });

  it("shows ten and counts the rest", () => {
    const rows = Array.from({ length: 12 }, (_, i) =>
      row({
        id: `S${i}`,
        name: `Stuck ${i}`,
        stage: "Qualified",
        dealValue: 100 - i,
        created: at("2026-01-01"),
      }),
    );
    const stuck = review(rows, [])["Stuck deals"];
    expect({ shown: cellsOf(stuck)?.map((c) => c[0]), total: stuck?.total }).toEqual({
      shown: Array.from({ length: 10 }, (_, i) => `Stuck ${i}`),
      total: 12,
    });
    expect(stuck?.columns).toEqual(["Name", "Stage", "Days in stage", "Deal value", "Owner"]);
  });
});

describe("tiers to change", () => {
  it("suggests Hot for Warm contacts who replied in the last 7 days, if still open and reachable", () => {
    const rows = [
      row({ id: "W1", name: "Warm recent", tier: "Warm", created: at("2026-01-01") }),
      row({ id: "W2", name: "Warm old reply", tier: "Warm", created: at("2026-01-01") }),
      row({ id: "W3", name: "Warm paused", tier: "Warm", paused: true, created: at("2026-01-01") }),
      row({
        id: "W4",
        name: "Warm opted out",
        tier: "Warm",
        optedOut: true,
        created: at("2026-01-01"),
      }),
      row({ id: "W5", name: "Warm won", tier: "Warm", stage: "Won", created: at("2026-01-01") }),
      row({ id: "C1", name: "Cold replier", tier: "Cold", created: at("2026-01-01") }),
    ];
    const touches = [
      inbound("2026-03-20 10:00", { contactId: "W1" }),
      inbound("2026-03-10 10:00", { contactId: "W2" }),
      ...["W3", "W4", "W5", "C1"].map((id) => inbound("2026-03-20 10:00", { contactId: id })),
    ];
    const tiers = review(rows, touches)["Tiers to change"];
    expect(tiers?.columns).toEqual(["Name", "Tier", "Suggested", "Why", "Owner"]);
    expect(cellsOf(tiers)).toEqual([
      ["Warm recent", "Warm", "Hot", "replied Fri 20 Mar", "rep@example.com"],
    ]);
  });

  it("suggests Warm for Hot contacts quiet for 14+ days who were known that long", () => {
    // Quiet since Mon 9 Mar 09:00 (14 days before Monday 09:00).
    const rows = [
      row({ id: "H1", name: "Never replied", tier: "Hot", owner: "", created: at("2026-01-01") }),
      row({ id: "H2", name: "Known by a touch", tier: "Hot" }),
      row({ id: "H3", name: "Replied just before", tier: "Hot", created: at("2026-01-01") }),
      row({ id: "H4", name: "Replied at the edge", tier: "Hot", created: at("2026-01-01") }),
      row({ id: "H5", name: "Created at the edge", tier: "Hot", created: at("2026-03-09 09:00") }),
      row({ id: "H6", name: "Created after", tier: "Hot", created: at("2026-03-09 09:01") }),
      row({ id: "H7", name: "Never known", tier: "Hot" }),
      row({ id: "H8", name: "Hot lost", tier: "Hot", stage: "Lost", created: at("2026-01-01") }),
    ];
    const touches = [
      touch("2026-01-05 10:00", { contactId: "H2" }),
      inbound("2026-03-09 08:59", { contactId: "H3" }),
      inbound("2026-03-09 09:00", { contactId: "H4" }),
    ];
    expect(cellsOf(review(rows, touches)["Tiers to change"])).toEqual([
      ["Never replied", "Hot", "Warm", "never replied", "(no owner)"],
      ["Known by a touch", "Hot", "Warm", "never replied", "rep@example.com"],
      ["Replied just before", "Hot", "Warm", "no reply since Mon 9 Mar", "rep@example.com"],
      ["Created at the edge", "Hot", "Warm", "never replied", "rep@example.com"],
    ]);
  });
});

describe("dead leads to archive", () => {
  it("lists Dead or Lost contacts untouched for 90+ days, longest first", () => {
    const rows = [
      row({ id: "D1", name: "Dead 90", tier: "Dead" }),
      row({ id: "D2", name: "Dead 89", tier: "Dead" }),
      row({ id: "D3", name: "Dead never", tier: "Dead" }),
      row({ id: "D4", name: "Lost 200", stage: "Lost", tier: "Cold", created: at("2025-09-04") }),
      row({ id: "D5", name: "Cold old", tier: "Cold", created: at("2025-01-01") }),
      row({ id: "D6", name: "Lost recent", stage: "Lost", created: at("2025-01-01") }),
    ];
    const touches = [
      touch("2025-12-23 10:00", { contactId: "D1" }),
      touch("2025-12-24 10:00", { contactId: "D2" }),
      touch("2026-03-01 10:00", { contactId: "D6" }),
    ];
    const dead = review(rows, touches)["Dead leads to archive"];
    expect(cellsOf(dead)).toEqual([
      ["Lost 200", "Lost", "Cold", "Thu 4 Sep 2025", "rep@example.com"],
      ["Dead 90", "", "Dead", "Tue 23 Dec 2025", "rep@example.com"],
    ]);
    expect(dead?.columns).toEqual(["Name", "Stage", "Tier", "Last touch", "Owner"]);
  });
});

describe("best and worst templates", () => {
  const sends = (contactId: string, template: string, days: string[]) =>
    days.map((d) => touch(`2026-03-${d} 10:00`, { contactId, template }));
  const rows = ["A", "Z", "M"].map((id) => row({ id, name: id, created: at("2026-01-01") }));

  it("ranks equal reply rates by name and leaves the middle out", () => {
    const touches = [
      ...sends("Z", "Zulu", ["02", "03", "04", "05", "06"]),
      ...sends("A", "Alpha", ["02", "03", "04", "05", "06"]),
      ...sends("M", "Mike", ["02", "03", "04", "05", "06"]),
    ];
    const section = review(rows, touches)["Best and worst templates"];
    expect(section?.columns).toEqual([
      "Reply rate, last 90 days, 5+ sends",
      "Template",
      "Sends",
      "Reply rate",
    ]);
    expect(cellsOf(section)).toEqual([
      ["Best", "Alpha", "5", "0%"],
      ["Worst", "Zulu", "5", "0%"],
    ]);
    expect(section?.labelled).toBe(true);
  });

  it("ranks by reply rate, not by the number of replies", () => {
    const tenDays = ["02", "03", "04", "05", "06", "09", "10", "11", "12", "13"];
    const touches = [
      // Mike: 3 replies from 10 sends (30%); Zulu: 2 from 5 (40%); Alpha: 0 from 5.
      ...sends("M", "Mike", tenDays),
      ...["03", "06", "10"].map((d) => inbound(`2026-03-${d} 12:00`, { contactId: "M" })),
      ...sends("Z", "Zulu", ["02", "03", "04", "05", "06"]),
      ...["03", "05"].map((d) => inbound(`2026-03-${d} 12:00`, { contactId: "Z" })),
      ...sends("A", "Alpha", ["02", "03", "04", "05", "06"]),
    ];
    expect(cellsOf(review(rows, touches)["Best and worst templates"])).toEqual([
      ["Best", "Zulu", "5", "40%"],
      ["Worst", "Alpha", "5", "0%"],
    ]);
    // The worse template seen first (contact A comes first): 1 reply of 5 against 3 of 5.
    const fiveDays = ["02", "03", "04", "05", "06"];
    const worseFirst = [
      ...sends("A", "Quebec", fiveDays),
      inbound("2026-03-02 12:00", { contactId: "A" }),
      ...sends("Z", "Papa", fiveDays),
      ...["02", "04", "06"].map((d) => inbound(`2026-03-${d} 12:00`, { contactId: "Z" })),
    ];
    expect(cellsOf(review(rows, worseFirst)["Best and worst templates"])).toEqual([
      ["Best", "Papa", "5", "60%"],
      ["Worst", "Quebec", "5", "20%"],
    ]);
  });

  it("with one template to compare, shows it as the best only", () => {
    const touches = [
      ...sends("A", "Alpha", ["02", "03", "04", "05", "06", "09"]),
      inbound("2026-03-10 10:00", { contactId: "A" }),
      ...sends("Z", "Zulu", ["02", "03", "04", "05"]),
    ];
    expect(cellsOf(review(rows, touches)["Best and worst templates"])).toEqual([
      ["Best", "Alpha", "6", "17%"],
    ]);
  });
});

describe("last week against the week before", () => {
  const rows = [
    row({ id: "P", name: "Pat", created: at("2026-01-01") }),
    row({ id: "Q", name: "Quinn", created: at("2026-01-01") }),
    row({ id: "V", name: "Val", stage: "Won", dealValue: 1000, created: at("2026-01-01") }),
    row({ id: "W", name: "Wes", stage: "Won", dealValue: 1500, created: at("2026-01-01") }),
    row({ id: "X", name: "Xan", stage: "Won", created: at("2026-01-01") }),
  ];
  const won = (local: string, contactId: string) =>
    touch(local, {
      contactId,
      channel: "Note",
      direction: "Internal",
      outcome: "Stage Changed",
      stage: "Won",
    });
  // Week of 9 Mar: 2 touches, 1 follow-up due and kept (100%), no reply, Val won (1,000).
  // Week of 16 Mar: 3 touches, 2 follow-ups due, one kept late (50%), 2 replies, Wes won (1,500)
  // and Xan, who has no deal value.
  const touches = [
    touch("2026-03-09 10:00", { contactId: "P", nextFollowUp: dateOnly("2026-03-10") }),
    touch("2026-03-10 10:00", { contactId: "P" }),
    won("2026-03-11 10:00", "V"),
    touch("2026-03-16 10:00", { contactId: "P", nextFollowUp: dateOnly("2026-03-17") }),
    touch("2026-03-17 10:00", { contactId: "P", nextFollowUp: dateOnly("2026-03-18") }),
    inbound("2026-03-18 10:00", { contactId: "Q" }),
    won("2026-03-18 11:00", "W"),
    inbound("2026-03-19 10:00", { contactId: "Q" }),
    won("2026-03-19 11:00", "X"),
    touch("2026-03-20 10:00", { contactId: "P" }),
  ];

  it("gives each figure for both weeks and the change: percent, points, or new", () => {
    const section = review(rows, touches)["Weekly review"];
    expect({ labelled: section?.labelled, total: section?.total }).toEqual({
      labelled: true,
      total: 4,
    });
    expect(cellsOf(section)).toEqual([
      ["Touches (outbound)", "3", "2", "+50%"],
      ["On-time rate", "50%", "100%", "-50 pts"],
      ["Replies", "2", "0", "new"],
      ["Won value", "1,500", "1,000", "+50%"],
    ]);
  });

  it("on any day of the week, compares the two whole weeks before this Monday", () => {
    // Sunday 29 Mar 23:30 is still this week (Mon 23 Mar); the weeks compared move on by one.
    const sunday = review(rows, touches, at("2026-03-29 23:30"))["Weekly review"];
    expect(sunday?.columns).toEqual([
      "Last week vs the week before",
      "Week of Mon 16 Mar",
      "Week of Mon 9 Mar",
      "Change",
    ]);
    const nextMonday = review(rows, touches, at("2026-03-30 00:30"))["Weekly review"];
    expect({ columns: nextMonday?.columns, figures: cellsOf(nextMonday) }).toEqual({
      columns: [
        "Last week vs the week before",
        "Week of Mon 23 Mar",
        "Week of Mon 16 Mar",
        "Change",
      ],
      figures: [
        ["Touches (outbound)", "0", "3", "-100%"],
        ["On-time rate", "—", "50%", "—"],
        ["Replies", "0", "2", "-100%"],
        ["Won value", "0", "1,500", "-100%"],
      ],
    });
  });

  it("shows the change in on-time rate in points: a rise signed +, no change unsigned", () => {
    // One follow-up due each week (10 Mar, 17 Mar), kept on the given days.
    const onTime = (keptBefore: string, keptLast: string) =>
      cellsOf(
        review(rows, [
          touch("2026-03-09 10:00", { contactId: "P", nextFollowUp: dateOnly("2026-03-10") }),
          touch(`2026-03-${keptBefore} 10:00`, { contactId: "P" }),
          touch("2026-03-16 10:00", { contactId: "P", nextFollowUp: dateOnly("2026-03-17") }),
          touch(`2026-03-${keptLast} 10:00`, { contactId: "P" }),
        ])["Weekly review"],
      )?.[1];
    expect(onTime("12", "17")).toEqual(["On-time rate", "100%", "0%", "+100 pts"]);
    expect(onTime("10", "17")).toEqual(["On-time rate", "100%", "100%", "0 pts"]);
  });
});
