// The managers' Monday review (issue 9): week against week, stuck deals, tiers to change, dead
// leads to archive, best and worst template — on hand-checked data.
import type { Section } from "../../src/domain/digest";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import type { ContactRow, Touch } from "../../src/domain/types";
import { isWeeklyReviewDay, weeklyReviewSections } from "../../src/domain/weeklyReview";
import { at, BERLIN, inbound, touch } from "./engine-fixtures";
import { row, SAM, TEAM_ROWS, TEAM_TOUCHES } from "./metrics-fixtures";

const MONDAY = at("2026-03-23 09:00");

function review(rows: ContactRow[], touches: Touch[]): Record<string, Section> {
  const sections = weeklyReviewSections({
    rows,
    touches: [...touches].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime()),
    settings: DEFAULT_SETTINGS,
    zone: BERLIN,
    now: MONDAY,
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
