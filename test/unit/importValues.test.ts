import {
  dateOrderOfLocale,
  inferDateOrder,
  inferNumberStyle,
  numberStyleOfLocale,
  parseDateInOrder,
  parseNumberInStyle,
  type NumberStyle,
} from "../../src/domain/importValues";

const ZONE = "Europe/Berlin";

describe("numbers in a locale's style", () => {
  it.each([
    ["en_US", "1,234.56"],
    ["en_GB", "1,234.56"],
    ["de_DE", "1.234,56"],
    ["de_AT", "1.234,56"],
    ["de_CH", "1'234.56"],
    ["fr_FR", "1 234,56"],
    ["pt_BR", "1.234,56"],
    ["ja_JP", "1,234.56"],
    ["es_MX", "1,234.56"],
  ])("%s writes numbers %s", (locale, style) => {
    expect(numberStyleOfLocale(locale)).toBe(style);
  });

  it.each<[string, NumberStyle, number | undefined]>([
    ["1.200,50", "1.234,56", 1200.5],
    ["12,500", "1,234.56", 12500],
    ["12,500", "1.234,56", 12.5],
    ["1,200.50", "1,234.56", 1200.5],
    ["€ 1.200,50", "1.234,56", 1200.5],
    ["1.200,50 €", "1.234,56", 1200.5],
    ["$12,500", "1,234.56", 12500],
    ["EUR 900", "1.234,56", 900],
    ["-1.200", "1.234,56", -1200],
    ["(1,200)", "1,234.56", -1200],
    ["1 200,50", "1 234,56", 1200.5],
    ["1\u00a0200,50", "1 234,56", 1200.5],
    ["1'200.50", "1'234.56", 1200.5],
    ["0,5", "1.234,56", 0.5],
    [",5", "1.234,56", 0.5],
    ["1.200,50", "1,234.56", undefined],
    ["12,50", "1,234.56", undefined],
    ["1,2,3", "1,234.56", undefined],
    ["abc", "1,234.56", undefined],
    ["", "1,234.56", undefined],
    ["12.5.2026", "1.234,56", undefined],
  ])("%j written %s reads %p", (text, style, expected) => {
    expect(parseNumberInStyle(text, style)).toBe(expected);
  });

  it.each([
    // [values, locale, style, basis, ambiguous]
    [["1.200,50", "900"], "en_US", "1.234,56", "values", []],
    [["12,5", "12,500"], "en_US", "1.234,56", "values", []],
    [["1,200.50", "12,500"], "de_DE", "1,234.56", "values", []],
    [["1,234,567"], "de_DE", "1,234.56", "values", []],
    [["12,500", "900"], "en_US", "1,234.56", "locale", ["12,500"]],
    [["12,500"], "de_DE", "1.234,56", "locale", ["12,500"]],
    [["1 200,50"], "en_US", "1 234,56", "values", []],
    [["900", "1200"], "fr_FR", "1 234,56", "locale", []],
    [["1.200,50"], "de_DE", "1.234,56", "values", []],
  ] as const)("%j in %s: %s from the %s", (values, locale, style, basis, ambiguous) => {
    expect(inferNumberStyle(values, locale)).toEqual({ style, basis, ambiguous });
  });
});

describe("dates in a locale's order", () => {
  it.each([
    ["en_US", "MDY"],
    ["en_GB", "DMY"],
    ["de_DE", "DMY"],
    ["ja_JP", "YMD"],
    ["fr_CA", "DMY"],
  ])("%s writes dates %s", (locale, order) => {
    expect(dateOrderOfLocale(locale)).toBe(order);
  });

  it.each([
    ["2026-03-02", "MDY", "2026-03-01T23:00:00.000Z", false],
    ["2026-03-02 14:30", "DMY", "2026-03-02T13:30:00.000Z", true],
    ["2026-03-02T14:30:00Z", "DMY", "2026-03-02T14:30:00.000Z", true],
    ["02.03.2026", "MDY", "2026-03-01T23:00:00.000Z", false],
    ["02.03.26", "DMY", "2026-03-01T23:00:00.000Z", false],
    ["3/2/2026", "MDY", "2026-03-01T23:00:00.000Z", false],
    ["2/3/2026", "DMY", "2026-03-01T23:00:00.000Z", false],
    ["3/2/2026 2:30 PM", "MDY", "2026-03-02T13:30:00.000Z", true],
    ["2026/03/02", "YMD", "2026-03-01T23:00:00.000Z", false],
  ] as const)("%j read %s is %s", (text, order, iso, hasTime) => {
    expect(parseDateInOrder(text, order, ZONE)).toEqual({ at: new Date(iso), hasTime });
  });

  it.each(["31/02/2026", "13/13/2026", "2026-02-30", "March 2", "45000", "3/2/2026 25:00"])(
    "%j is not a date",
    (text) => {
      expect(parseDateInOrder(text, "DMY", ZONE)).toBeUndefined();
    },
  );

  it.each([
    [["31/01/2026", "03/04/2026"], "en_US", "DMY", "values", []],
    [["01/31/2026", "03/04/2026"], "de_DE", "MDY", "values", []],
    [["03/04/2026", "2026-01-05"], "en_US", "MDY", "locale", ["03/04/2026"]],
    [["03/04/2026"], "en_GB", "DMY", "locale", ["03/04/2026"]],
    [["03.04.2026"], "en_US", "DMY", "values", []],
    [["04/04/2026"], "en_US", "MDY", "locale", []],
  ] as const)("%j in %s: %s from the %s", (values, locale, order, basis, ambiguous) => {
    expect(inferDateOrder(values, locale)).toEqual({ order, basis, ambiguous });
  });
});
