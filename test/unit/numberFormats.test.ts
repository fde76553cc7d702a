// Number formats by column kind: what setup gives user columns and the refresh computed ones.
import {
  NUMBER_FORMAT,
  computedColumnFormat,
  userColumnFormat,
  whenFormat,
} from "../../src/domain/numberFormats";
import type { ColumnKind } from "../../src/domain/schema";

it("uses the Sheets patterns for text, dates, money and whole numbers", () => {
  expect(NUMBER_FORMAT).toEqual({
    plainText: "@",
    date: "yyyy-mm-dd",
    dateTime: "yyyy-mm-dd hh:mm",
    money: "#,##0.00",
    wholeNumber: "0",
  });
});

describe.each<[ColumnKind, string | undefined, string]>([
  ["id", "@", "@"],
  ["date", "yyyy-mm-dd", "yyyy-mm-dd"],
  ["datetime", "yyyy-mm-dd hh:mm", "yyyy-mm-dd hh:mm"],
  ["money", "#,##0.00", "@"],
  ["integer", undefined, "0"],
  ["number", undefined, "0"],
  ["text", undefined, "@"],
  ["email", undefined, "@"],
  ["checkbox", undefined, "@"],
  ["enum", undefined, "@"],
])("a %s column", (kind, user, computed) => {
  it(`setup gives a user column ${String(user)}`, () => {
    expect(userColumnFormat(kind)).toBe(user);
  });
  it(`the refresh gives a computed column ${computed}`, () => {
    expect(computedColumnFormat(kind)).toBe(computed);
  });
});

describe("whenFormat", () => {
  it.each<[string, Parameters<typeof whenFormat>[0], string]>([
    ["a calendar date", { at: new Date(0), hasTime: false }, "yyyy-mm-dd"],
    ["a timed due", { at: new Date(0), hasTime: true }, "yyyy-mm-dd hh:mm"],
    ["no due", null, "yyyy-mm-dd hh:mm"],
  ])("%s → %s", (_case, when, format) => {
    expect(whenFormat(when)).toBe(format);
  });
});
