import {
  addLocalDays,
  daysBetween,
  isWeekend,
  localDateTime,
  localDayNumber,
  nextWeekday,
  parseCellDate,
  startOfLocalDay,
} from "../../src/domain/dates";

const BERLIN = "Europe/Berlin";

describe("startOfLocalDay", () => {
  test.each([
    ["2026-03-02T10:00:00Z", "Europe/Berlin", "2026-03-01T23:00:00.000Z"],
    ["2026-07-02T10:00:00Z", "Europe/Berlin", "2026-07-01T22:00:00.000Z"],
    ["2026-03-03T05:00:00Z", "Pacific/Honolulu", "2026-03-02T10:00:00.000Z"],
    ["2026-03-02T20:00:00Z", "Asia/Kolkata", "2026-03-02T18:30:00.000Z"],
    ["2026-03-02T20:00:00Z", "UTC", "2026-03-02T00:00:00.000Z"],
  ])("%s in %s → %s", (input, zone, expected) => {
    expect(startOfLocalDay(new Date(input), zone).toISOString()).toBe(expected);
  });
});

describe("addLocalDays keeps the wall-clock time across DST", () => {
  test.each([
    // Spring forward on 2026-03-29: 11:00 CET → 11:00 CEST, 71 hours later.
    ["2026-03-27T10:00:00Z", 3, "2026-03-30T09:00:00.000Z"],
    // Fall back on 2026-10-25: 11:00 CEST → 11:00 CET, 73 hours later.
    ["2026-10-23T09:00:00Z", 3, "2026-10-26T10:00:00.000Z"],
    // Midnight stays midnight.
    ["2026-03-26T23:00:00Z", 4, "2026-03-30T22:00:00.000Z"],
    ["2026-03-30T09:00:00Z", -3, "2026-03-27T10:00:00.000Z"],
  ])("%s + %i days", (input, n, expected) => {
    expect(addLocalDays(new Date(input), n, BERLIN).toISOString()).toBe(expected);
  });
});

describe("localDayNumber and daysBetween", () => {
  test("counts calendar days, not 24-hour blocks, across a DST switch", () => {
    const friday = localDateTime(BERLIN, 2026, 3, 27, 23, 30);
    const monday = localDateTime(BERLIN, 2026, 3, 30, 0, 10);
    expect(daysBetween(friday, monday, BERLIN)).toBe(3);
    expect(daysBetween(monday, friday, BERLIN)).toBe(-3);
  });

  test("the same instant is a different day in different zones", () => {
    const instant = new Date("2026-03-03T09:30:00Z");
    expect(localDayNumber(instant, "Pacific/Honolulu")).toBe(localDayNumber(instant, "UTC") - 1);
    expect(localDayNumber(new Date("2026-03-02T19:00:00Z"), "Asia/Kolkata")).toBe(
      localDayNumber(new Date("2026-03-03T12:00:00Z"), "UTC"),
    );
  });
});

describe("weekends: Saturday and Sunday move to Monday at the same wall-clock time", () => {
  test.each([
    ["2026-03-06T12:00:00Z", "UTC", false, "2026-03-06T12:00:00.000Z"], // Friday: unchanged
    ["2026-03-07T12:00:00Z", "UTC", true, "2026-03-09T12:00:00.000Z"], // Saturday → Monday
    ["2026-03-08T00:00:00Z", "UTC", true, "2026-03-09T00:00:00.000Z"], // midnight stays midnight
    // 2026-03-06 23:30 UTC is already Saturday 00:30 in Berlin → Monday 00:30 CET.
    ["2026-03-06T23:30:00Z", BERLIN, true, "2026-03-08T23:30:00.000Z"],
    // Saturday 13:00 CET before the spring switch → Monday 13:00 CEST (47 hours later).
    ["2026-03-28T12:00:00Z", BERLIN, true, "2026-03-30T11:00:00.000Z"],
    // Saturday 20:00 in Honolulu is Sunday in UTC → Monday 20:00 HST.
    ["2026-03-08T06:00:00Z", "Pacific/Honolulu", true, "2026-03-10T06:00:00.000Z"],
    // Sunday 10:00 in Kolkata → Monday 10:00 IST.
    ["2026-03-08T04:30:00Z", "Asia/Kolkata", true, "2026-03-09T04:30:00.000Z"],
  ])("%s in %s", (input, zone, weekend, next) => {
    expect(isWeekend(new Date(input), zone)).toBe(weekend);
    expect(nextWeekday(new Date(input), zone).toISOString()).toBe(next);
  });
});

describe("parseCellDate", () => {
  test.each([
    ["2026-03-02", "2026-03-01T23:00:00.000Z", false],
    ["2026-03-02 14:30", "2026-03-02T13:30:00.000Z", true],
    ["2026-3-2", "2026-03-01T23:00:00.000Z", false],
    ["3/2/2026", "2026-03-01T23:00:00.000Z", false],
    ["3/2/2026 2:30 PM", "2026-03-02T13:30:00.000Z", true],
    ["2026-03-02T14:30:00Z", "2026-03-02T14:30:00.000Z", true],
    ["2026-03-02T14:30:00.000+05:30", "2026-03-02T09:00:00.000Z", true],
    [" 2026-03-02 ", "2026-03-01T23:00:00.000Z", false],
  ])("text %j", (cell, iso, hasTime) => {
    const result = parseCellDate(cell, BERLIN);
    expect(result).toEqual({ ok: { at: new Date(iso), hasTime } });
  });

  test("a Date at local midnight is a calendar date; any other time is kept", () => {
    const midnight = localDateTime(BERLIN, 2026, 3, 2);
    expect(parseCellDate(midnight, BERLIN)).toEqual({ ok: { at: midnight, hasTime: false } });
    const afternoon = localDateTime(BERLIN, 2026, 3, 2, 15, 0);
    expect(parseCellDate(afternoon, BERLIN)).toEqual({ ok: { at: afternoon, hasTime: true } });
    // UTC midnight is 01:00 in Berlin: a time, not a date.
    expect(parseCellDate(new Date("2026-03-02T00:00:00Z"), BERLIN)).toEqual({
      ok: { at: new Date("2026-03-02T00:00:00Z"), hasTime: true },
    });
  });

  test.each([
    [46083, '"46083" is not a date'],
    ["32/13", '"32/13" is not a date'],
    ["2026-02-30", '"2026-02-30" is not a date'],
    ["13/1/2026", '"13/1/2026" is not a date'],
    ["2026-03-02 25:00", '"2026-03-02 25:00" is not a date'],
    ["next week", '"next week" is not a date'],
    [true, '"true" is not a date'],
  ])("%j is an error", (cell, error) => {
    expect(parseCellDate(cell, BERLIN)).toEqual({ error });
  });

  test.each([[""], ["   "]])("blank %j is null", (cell) => {
    expect(parseCellDate(cell, BERLIN)).toBeNull();
  });

  test("an invalid Date object is an error", () => {
    expect(parseCellDate(new Date(NaN), BERLIN)).toEqual({ error: "is not a valid date" });
  });
});
