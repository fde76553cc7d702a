// Each contact's history as the Metrics tab reads it (DESIGN §5): which touches count, attempt
// numbers and replies, agreed follow-ups kept on time / late / missed, when a stage began and a
// deal closed, and the periods and averages the tables are built from. Expected days are worked
// out by hand as calendar dates, not through the module's own day arithmetic.
import {
  average,
  buildHistories,
  closedAt,
  dayInPeriod,
  inPeriod,
  lastDays,
  median,
  periodBetween,
  rate,
  REPLY_WINDOW_DAYS,
  type ContactHistory,
  type Histories,
  type MetricsInput,
} from "../../src/domain/metricsHistory";
import type { ContactRow, Touch } from "../../src/domain/types";
import { at, BERLIN, dateOnly, inbound, timed, touch } from "./engine-fixtures";
import { NOW, row } from "./metrics-fixtures";

/** Days since 1970-01-01 of a calendar date: the expected local day numbers. */
const day = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

function histories(
  rows: ContactRow[],
  touches: Touch[],
  options: Partial<MetricsInput> = {},
): Histories {
  return buildHistories({ rows, touches, zone: BERLIN, now: NOW, skipWeekends: true, ...options });
}

type RowFields = Parameters<typeof row>;

/** One contact's history (C-1 unless told otherwise). */
function historyOf(touches: Touch[], fields: RowFields = [{}]): ContactHistory {
  return histories([row(...fields)], touches).contacts[0]!;
}

const ids = (touches: readonly Touch[]) => touches.map((t) => t.touchId);
const outboundOf = (history: ContactHistory) =>
  history.outbound.map((f) => ({
    id: f.touch.touchId,
    attempt: f.attempt,
    ordinal: f.ordinal,
    replied: f.replied,
  }));

describe("which touches a history holds", () => {
  it("groups touches by contact, keeps those that happened up to now, and sets aside unknown ones", () => {
    const touches = [
      touch("2026-03-02 09:00", { touchId: "ann-1" }),
      touch("2026-03-03 09:00", { touchId: "bob-1", contactId: "C-2" }),
      touch("2026-03-04 09:00", { touchId: "ann-draft", delivery: "Draft" }),
      touch("2026-03-05 09:00", { touchId: "ann-failed", delivery: "Failed" }),
      touch("2026-03-06 09:00", { touchId: "ann-pending", delivery: "Pending" }),
      touch("2026-03-07 09:00", { touchId: "nobody", contactId: "" }),
      touch("2026-03-08 09:00", { touchId: "nobody-draft", contactId: "", delivery: "Draft" }),
      touch("2026-03-20 12:00", { touchId: "ann-now" }),
      touch("2026-03-20 12:01", { touchId: "ann-later" }),
      touch("2026-03-21 09:00", { touchId: "nobody-later", contactId: "" }),
    ];
    const rows = [row({ id: "C-1" }), row({ id: "C-2" }), row({ id: "C-3" })];

    const result = histories(rows, touches);

    expect(result.contacts.map((c) => [c.row.contact.id, ids(c.touches)])).toEqual([
      ["C-1", ["ann-1", "ann-pending", "ann-now"]],
      ["C-2", ["bob-1"]],
      ["C-3", []],
    ]);
    expect(result.contacts.map((c) => c.row)).toEqual(rows);
    expect(ids(result.unknownContactTouches)).toEqual(["nobody"]);
    expect(result.today).toBe(day("2026-03-20"));
  });

  it("counts today in the sheet's zone, not UTC's", () => {
    // 00:30 on 21 March in Berlin is still 20 March in UTC.
    const now = at("2026-03-21 00:30");
    expect(histories([], [], { now }).today).toBe(day("2026-03-21"));
    expect(histories([], [], { now, zone: "UTC" }).today).toBe(day("2026-03-20"));
  });

  it("lists the contact's replies, not bounces, auto-replies or meetings", () => {
    const history = historyOf([
      touch("2026-03-02 09:00", { touchId: "sent" }),
      inbound("2026-03-02 10:00", { touchId: "bounce", outcome: "Bounced" }),
      inbound("2026-03-02 11:00", { touchId: "auto", outcome: "Auto-reply" }),
      inbound("2026-03-03 09:00", { touchId: "reply" }),
      inbound("2026-03-04 09:00", { touchId: "meeting", channel: "Meeting", outcome: "Completed" }),
      inbound("2026-03-05 09:00", { touchId: "call-back", channel: "Call", outcome: "Connected" }),
    ]);
    expect(ids(history.replies)).toEqual(["reply", "call-back"]);
  });
});

describe("outbound touches", () => {
  it("number attempts since the last reply, ordinals since the first touch, and note replies", () => {
    const history = historyOf([
      touch("2026-03-01 10:00", { touchId: "out-1" }),
      touch("2026-03-03 10:00", { touchId: "out-2" }),
      touch("2026-03-03 11:00", { touchId: "note", channel: "Note", direction: "Internal" }),
      inbound("2026-03-05 10:00", { touchId: "reply-1" }),
      touch("2026-03-06 10:00", { touchId: "out-3" }),
      inbound("2026-03-07 10:00", { touchId: "bounce", outcome: "Bounced" }),
      touch("2026-03-08 10:00", { touchId: "out-4" }),
      inbound("2026-03-09 10:00", { touchId: "reply-2" }),
      touch("2026-03-10 10:00", { touchId: "out-5" }),
    ]);
    // out-1: reply-1 came after out-2, so it answers out-2. Internal notes and bounces neither
    // count as attempts nor reset them.
    expect(outboundOf(history)).toEqual([
      { id: "out-1", attempt: 1, ordinal: 1, replied: false },
      { id: "out-2", attempt: 2, ordinal: 2, replied: true },
      { id: "out-3", attempt: 1, ordinal: 3, replied: false },
      { id: "out-4", attempt: 2, ordinal: 4, replied: true },
      { id: "out-5", attempt: 1, ordinal: 5, replied: false },
    ]);
  });

  it("count a reply up to exactly seven days after the touch, not a minute later", () => {
    expect(REPLY_WINDOW_DAYS).toBe(7);
    const inTime = historyOf([
      touch("2026-03-01 10:00", { touchId: "out" }),
      inbound("2026-03-08 10:00"),
    ]);
    const tooLate = historyOf([
      touch("2026-03-01 10:00", { touchId: "out" }),
      inbound("2026-03-08 10:01"),
    ]);
    expect(outboundOf(inTime)).toEqual([{ id: "out", attempt: 1, ordinal: 1, replied: true }]);
    expect(outboundOf(tooLate)).toEqual([{ id: "out", attempt: 1, ordinal: 1, replied: false }]);
  });

  it("do not count a reply logged at the touch's own instant or at the next touch's", () => {
    const history = historyOf([
      touch("2026-03-01 10:00", { touchId: "out-1" }),
      inbound("2026-03-01 10:00", { touchId: "same-instant" }),
      touch("2026-03-02 10:00", { touchId: "out-2" }),
      touch("2026-03-03 10:00", { touchId: "out-3" }),
    ]);
    const answered = historyOf([
      touch("2026-03-01 10:00", { touchId: "out-1" }),
      touch("2026-03-02 10:00", { touchId: "out-2" }),
      inbound("2026-03-02 10:00", { touchId: "with-out-2" }),
    ]);
    // The reply at 03-01 10:00 is not after out-1, and comes before out-2 and out-3.
    expect(outboundOf(history).map((f) => f.replied)).toEqual([false, false, false]);
    // A reply at out-2's instant is not before the next outbound touch, so out-1 misses it; it
    // is not after out-2 either.
    expect(outboundOf(answered).map((f) => f.replied)).toEqual([false, false]);
  });
});

describe("agreed follow-ups (rule 3)", () => {
  const followUps = (touches: Touch[], fields: RowFields = [{}], skipWeekends = true) =>
    histories([row(...fields)], touches, { skipWeekends }).contacts[0]!.followUps;

  it("are on time when the next outbound touch comes by the end of the day, late after", () => {
    expect(
      followUps([
        touch("2026-03-02 10:00", { nextFollowUp: dateOnly("2026-03-04") }),
        touch("2026-03-04 23:59", { nextFollowUp: dateOnly("2026-03-06") }),
        touch("2026-03-09 08:00"),
      ]),
    ).toEqual([
      { dueDay: day("2026-03-04"), outcome: "on time" },
      { dueDay: day("2026-03-06"), outcome: "late" },
    ]);
  });

  it("are on time when kept early, and only an outbound touch keeps them", () => {
    expect(
      followUps([
        touch("2026-03-02 10:00", { nextFollowUp: dateOnly("2026-03-10") }),
        inbound("2026-03-03 10:00"),
        touch("2026-03-03 11:00", { channel: "Note", direction: "Internal" }),
        touch("2026-03-05 10:00"),
      ]),
    ).toEqual([{ dueDay: day("2026-03-10"), outcome: "on time" }]);
  });

  it("are missed when a new date is agreed after the day passed; replaced unjudged before", () => {
    expect(
      followUps([
        touch("2026-03-02 10:00", { nextFollowUp: dateOnly("2026-03-04") }),
        inbound("2026-03-05 09:00", { nextFollowUp: dateOnly("2026-03-09") }),
        inbound("2026-03-09 09:00", { nextFollowUp: dateOnly("2026-03-12") }),
        inbound("2026-03-10 09:00", { nextFollowUp: dateOnly("2026-03-13") }),
        touch("2026-03-13 09:00"),
      ]),
    ).toEqual([
      { dueDay: day("2026-03-04"), outcome: "missed" },
      { dueDay: day("2026-03-13"), outcome: "on time" },
    ]);
  });

  it("still open are missed after their day, not judged on it or before", () => {
    const agreed = (date: string) => [touch("2026-03-02 10:00", { nextFollowUp: dateOnly(date) })];
    expect(followUps(agreed("2026-03-19"))).toEqual([
      { dueDay: day("2026-03-19"), outcome: "missed" },
    ]);
    expect(followUps(agreed("2026-03-20"))).toEqual([]);
    expect(followUps(agreed("2026-03-24"))).toEqual([]);
  });

  it("count only when later than the touch that set them (a day later, or a later time)", () => {
    expect(
      followUps([
        touch("2026-03-02 10:00", { nextFollowUp: dateOnly("2026-03-02") }),
        touch("2026-03-03 10:00", { nextFollowUp: timed("2026-03-03 10:00") }),
        touch("2026-03-05 10:00"),
      ]),
    ).toEqual([]);
    expect(
      followUps([
        touch("2026-03-02 10:00", { nextFollowUp: timed("2026-03-02 10:01") }),
        touch("2026-03-03 10:00"),
      ]),
    ).toEqual([{ dueDay: day("2026-03-02"), outcome: "late" }]);
  });

  it("due on a weekend are due Monday when weekends are skipped, else that day", () => {
    // Saturday 7 March; kept Monday 9 March.
    const touches = [
      touch("2026-03-02 10:00", { nextFollowUp: dateOnly("2026-03-07") }),
      touch("2026-03-09 10:00"),
    ];
    expect(followUps(touches)).toEqual([{ dueDay: day("2026-03-09"), outcome: "on time" }]);
    expect(followUps(touches, [{}], false)).toEqual([
      { dueDay: day("2026-03-07"), outcome: "late" },
    ]);
  });

  it("add one missed follow-up for a contact Overdue with no agreed date open", () => {
    const overdue: RowFields = [{}, { status: "Overdue", due: dateOnly("2026-03-18") }];
    expect(followUps([], overdue)).toEqual([{ dueDay: day("2026-03-18"), outcome: "missed" }]);
    // An agreed date still open is the follow-up; the row's status adds nothing.
    expect(
      followUps([touch("2026-03-02 10:00", { nextFollowUp: dateOnly("2026-03-23") })], overdue),
    ).toEqual([]);
    // Overdue with no due date, or not Overdue: nothing to judge.
    expect(followUps([], [{}, { status: "Overdue", due: null }])).toEqual([]);
    expect(followUps([], [{}, { status: "Due Today", due: dateOnly("2026-03-18") }])).toEqual([]);
  });
});

describe("when the contact entered its stage", () => {
  const stageTouches = () => [
    touch("2026-03-01 10:00"),
    touch("2026-03-02 10:00", { stage: "Qualified" }),
    touch("2026-03-04 10:00", { stage: "Proposal Sent" }),
    touch("2026-03-06 10:00", { stage: "Qualified" }),
    touch("2026-03-08 10:00"),
  ];

  it("is the latest touch that moved it there", () => {
    const history = historyOf(stageTouches(), [
      { stage: "Qualified", created: at("2026-02-01 09:00") },
    ]);
    expect(history.stageSince).toEqual(at("2026-03-06 10:00"));
  });

  it("else Created, else the first touch, else unknown", () => {
    expect(
      historyOf(stageTouches(), [{ stage: "Negotiation", created: at("2026-02-01 09:00") }])
        .stageSince,
    ).toEqual(at("2026-02-01 09:00"));
    expect(historyOf(stageTouches(), [{ stage: "Negotiation" }]).stageSince).toEqual(
      at("2026-03-01 10:00"),
    );
    expect(historyOf([], [{ stage: "Negotiation" }]).stageSince).toBeNull();
  });

  it("finds the stage's touch when it is the contact's first", () => {
    const history = historyOf(
      [touch("2026-03-01 10:00", { stage: "Qualified" }), touch("2026-03-02 10:00")],
      [{ stage: "Qualified", created: at("2026-02-01 09:00") }],
    );
    expect(history.stageSince).toEqual(at("2026-03-01 10:00"));
    const won = historyOf(
      [touch("2026-03-01 10:00", { stage: "Won" }), touch("2026-03-02 10:00")],
      [{ stage: "Won" }],
    );
    expect(closedAt(won)).toEqual(at("2026-03-01 10:00"));
  });

  it("is unknown for a contact with no stage", () => {
    expect(historyOf(stageTouches(), [{ created: at("2026-02-01 09:00") }]).stageSince).toBeNull();
  });
});

describe("when a deal closed", () => {
  const closing = () => [
    touch("2026-03-01 10:00", { stage: "Won" }),
    touch("2026-03-02 10:00", { stage: "Negotiation" }),
    touch("2026-03-03 10:00", { stage: "Won" }),
    touch("2026-03-05 10:00"),
  ];

  it("is the latest touch that moved it to Won or Lost", () => {
    expect(closedAt(historyOf(closing(), [{ stage: "Won" }]))).toEqual(at("2026-03-03 10:00"));
    const lost = closing().map((t) => (t.stage === "Won" ? { ...t, stage: "Lost" as const } : t));
    expect(closedAt(historyOf(lost, [{ stage: "Lost" }]))).toEqual(at("2026-03-03 10:00"));
  });

  it("else its last touch, else Created, else unknown", () => {
    const noStage = [touch("2026-03-01 10:00"), touch("2026-03-04 10:00")];
    const created = at("2026-02-01 09:00");
    expect(closedAt(historyOf(noStage, [{ stage: "Lost", created }]))).toEqual(
      at("2026-03-04 10:00"),
    );
    expect(closedAt(historyOf([], [{ stage: "Won", created }]))).toEqual(created);
    expect(closedAt(historyOf([], [{ stage: "Won" }]))).toBeNull();
  });

  it("is unknown for an open deal", () => {
    expect(closedAt(historyOf(closing(), [{ stage: "Negotiation" }]))).toBeNull();
    expect(closedAt(historyOf(closing(), [{ created: at("2026-02-01 09:00") }]))).toBeNull();
  });
});

describe("periods", () => {
  it("the last N days run from local midnight N-1 days ago up to now, today included", () => {
    const period = lastDays(7, BERLIN, NOW);
    expect(period).toEqual({
      from: at("2026-03-14 00:00"),
      to: new Date(NOW.getTime() + 1),
      firstDay: day("2026-03-14"),
      lastDay: day("2026-03-20"),
    });
    expect(inPeriod(NOW, period)).toBe(true);
  });

  it("the last N days start at the sheet zone's midnight across a DST change", () => {
    // Berlin moves to summer time on 29 March; New York is in another zone altogether.
    const now = at("2026-03-30 12:00");
    expect(lastDays(3, BERLIN, now).from.toISOString()).toBe("2026-03-27T23:00:00.000Z");
    expect(lastDays(1, "America/New_York", now)).toEqual({
      from: new Date("2026-03-30T04:00:00.000Z"),
      to: new Date(now.getTime() + 1),
      firstDay: day("2026-03-30"),
      lastDay: day("2026-03-30"),
    });
  });

  it("between two instants leave out the end's day when the end is a midnight", () => {
    expect(periodBetween(at("2026-03-01"), at("2026-03-08"), BERLIN)).toEqual({
      from: at("2026-03-01"),
      to: at("2026-03-08"),
      firstDay: day("2026-03-01"),
      lastDay: day("2026-03-07"),
    });
    expect(periodBetween(at("2026-03-01 10:00"), at("2026-03-08 00:01"), BERLIN)).toMatchObject({
      firstDay: day("2026-03-01"),
      lastDay: day("2026-03-08"),
    });
  });

  it("hold an instant from their start up to, not including, their end", () => {
    const period = periodBetween(at("2026-03-01"), at("2026-03-08"), BERLIN);
    const holds = (local: string) => inPeriod(at(local), period);
    expect(
      ["2026-02-28 23:59", "2026-03-01 00:00", "2026-03-07 23:59", "2026-03-08"].map(holds),
    ).toEqual([false, true, true, false]);
  });

  it("hold a day from their first to their last, both included", () => {
    const period = periodBetween(at("2026-03-01"), at("2026-03-08"), BERLIN);
    const holds = (date: string) => dayInPeriod(day(date), period);
    expect(["2026-02-28", "2026-03-01", "2026-03-07", "2026-03-08"].map(holds)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});

describe("shares and averages", () => {
  it("a rate is the part of the whole, or nothing to show when the whole is zero", () => {
    expect(rate(1, 4)).toBe(0.25);
    expect(rate(0, 3)).toBe(0);
    expect(rate(0, 0)).toBeNull();
    expect(rate(2, 0)).toBeNull();
  });

  it("an average adds up and divides, or is nothing to show for no values", () => {
    expect(average([1, 2, 6])).toBe(3);
    expect(average([5])).toBe(5);
    expect(average([])).toBeNull();
  });

  it("a median is the middle value, or the mean of the middle two, in numeric order", () => {
    const values = [10, 9, 2];
    expect(median(values)).toBe(9);
    expect(values).toEqual([10, 9, 2]);
    expect(median([4, 30, 1, 3])).toBe(3.5);
    expect(median([7])).toBe(7);
    expect(median([])).toBeNull();
  });
});
