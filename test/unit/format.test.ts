// Dates and numbers as people read them, in the spreadsheet's zone (DESIGN §2).
import {
  formatAmount,
  formatDay,
  formatTime,
  formatWhen,
  plural,
  zonedParts,
} from "../../src/domain/format";

const NY = "America/New_York";

describe("zonedParts", () => {
  it("answers in the zone: 03:30 UTC on a Monday is Sunday evening in New York", () => {
    expect(zonedParts(new Date("2026-03-02T03:30:00Z"), NY)).toEqual({
      year: 2026,
      month: 2,
      day: 1,
      hour: 22,
      minute: 30,
      weekday: 0,
    });
  });
});

describe("formatDay, formatTime, formatWhen", () => {
  const instant = new Date("2026-11-23T14:05:00Z"); // Mon 23 Nov, 09:05 in New York
  it.each<[string, () => string, string]>([
    ["a day", () => formatDay(instant, NY), "Mon 23 Nov"],
    [
      "a day this year",
      () => formatDay(instant, NY, new Date("2026-01-01T12:00:00Z")),
      "Mon 23 Nov",
    ],
    [
      "a day in another year",
      () => formatDay(instant, NY, new Date("2027-01-02T12:00:00Z")),
      "Mon 23 Nov 2026",
    ],
    ["every weekday and month", () => formatDay(new Date("2026-01-04T12:00:00Z"), NY), "Sun 4 Jan"],
    ["Saturday in December", () => formatDay(new Date("2026-12-12T17:00:00Z"), NY), "Sat 12 Dec"],
    ["a time, zero-padded", () => formatTime(instant, NY), "09:05"],
    ["an afternoon time", () => formatTime(new Date("2026-11-23T20:45:00Z"), NY), "15:45"],
    ["a calendar date", () => formatWhen({ at: instant, hasTime: false }, NY), "Mon 23 Nov"],
    ["a timed due", () => formatWhen({ at: instant, hasTime: true }, NY), "Mon 23 Nov 09:05"],
    [
      "a timed due in another year",
      () => formatWhen({ at: instant, hasTime: true }, NY, new Date("2025-12-31T12:00:00Z")),
      "Mon 23 Nov 2026 09:05",
    ],
  ])("%s → %s", (_case, format, text) => {
    expect(format()).toBe(text);
  });

  it("names each month", () => {
    const months = Array.from(
      { length: 12 },
      (_, m) => formatDay(new Date(Date.UTC(2026, m, 15, 12)), NY).split(" ")[2],
    );
    expect(months).toEqual([
      "Jan",
      "Feb",
      "Mar",
      "Apr",
      "May",
      "Jun",
      "Jul",
      "Aug",
      "Sep",
      "Oct",
      "Nov",
      "Dec",
    ]);
  });

  it("names each weekday", () => {
    const days = Array.from(
      { length: 7 },
      (_, d) => formatDay(new Date(Date.UTC(2026, 2, 1 + d, 12)), NY).split(" ")[0],
    );
    expect(days).toEqual(["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]);
  });
});

describe("plural", () => {
  it.each<[number, string, string | undefined, string]>([
    [0, "day", undefined, "0 days"],
    [1, "day", undefined, "1 day"],
    [2, "day", undefined, "2 days"],
    [1, "reply", "replies", "1 reply"],
    [3, "reply", "replies", "3 replies"],
  ])("%i %s → %s", (count, singular, pluralWord, text) => {
    expect(plural(count, singular, pluralWord)).toBe(text);
  });
});

describe("formatAmount", () => {
  it.each<[number, string]>([
    [0, "0"],
    [999, "999"],
    [1000, "1,000"],
    [12500, "12,500"],
    [1234567, "1,234,567"],
    [99.5, "99.50"],
    [1234.567, "1,234.57"],
    [-12500, "-12,500"],
    [-0.25, "-0.25"],
    [NaN, ""],
    [Infinity, ""],
  ])("%d → %j", (value, text) => {
    expect(formatAmount(value)).toBe(text);
  });
});
