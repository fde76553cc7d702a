import {
  dateOrderOfLocale,
  describeDateOrder,
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

describe("every locale Sheets offers reads numbers its own way", () => {
  it.each([
    [["de_CH", "it_CH", "de_LI", "de-CH", " de_CH "], "1'234.56"],
    [["fr_CH", "pt_PT"], "1 234,56"],
    [["es_MX", "es_US", "en_US", "xx_YY", ""], "1,234.56"],
    [
      ["de", "es", "it", "nl", "pt", "id", "tr", "da", "el", "ro", "hr", "sl", "vi"].map(
        (language) => `${language}_XX`,
      ),
      "1.234,56",
    ],
    [
      [
        "fr",
        "ru",
        "pl",
        "cs",
        "sk",
        "sv",
        "fi",
        "nb",
        "no",
        "uk",
        "hu",
        "bg",
        "lt",
        "lv",
        "et",
      ].map((language) => `${language}_XX`),
      "1 234,56",
    ],
    [["DE_AT", "es-ES"], "1.234,56"],
  ])("%j", (locales, style) => {
    const styles = locales.map((locale) => numberStyleOfLocale(locale));
    expect(styles).toEqual(locales.map(() => style));
  });
});

describe("number text people write", () => {
  it.each<[string, NumberStyle, number | undefined]>([
    ["USD 1,200", "1,234.56", 1200],
    ["1,200 usd", "1,234.56", 1200],
    ["£5", "1,234.56", 5],
    ["¥5", "1,234.56", 5],
    ["₹5", "1,234.56", 5],
    ["GBP 5", "1,234.56", 5],
    ["CHF 1'200.50", "1'234.56", 1200.5],
    ["1’200.50", "1'234.56", 1200.5],
    ["SEK 5", "1 234,56", 5],
    ["5 kr", "1 234,56", 5],
    ["5 kr.", "1 234,56", 5],
    ["kr. 5", "1.234,56", 5],
    ["5 NOK", "1 234,56", 5],
    ["DKK 5", "1.234,56", 5],
    ["5 PLN", "1 234,56", 5],
    ["5 CZK", "1 234,56", 5],
    ["Fr. 5", "1'234.56", 5],
    ["5 fr", "1'234.56", 5],
    ["R$ 1.200,50", "1.234,56", 1200.5],
    ["€ EUR 5", "1.234,56", 5],
    ["5 € EUR", "1.234,56", 5],
    ["-€5", "1.234,56", -5],
    ["5€-", "1.234,56", -5],
    ["5-", "1,234.56", -5],
    ["−5", "1,234.56", -5],
    ["(-5)", "1,234.56", 5],
    ["(€ 5)", "1.234,56", -5],
    ["+5", "1,234.56", 5],
    ["+ 5", "1,234.56", 5],
    ["1\u202f200,5", "1 234,56", 1200.5],
    ["1234,56", "1.234,56", 1234.56],
    ["1.234.567,8", "1.234,56", 1234567.8],
    ["007", "1,234.56", 7],
    ["12.", "1,234.56", undefined],
    ["12.a", "1,234.56", undefined],
    [".", "1,234.56", undefined],
    ["-", "1,234.56", undefined],
    ["$", "1,234.56", undefined],
    ["()", "1,234.56", undefined],
    ["1234,567", "1,234.56", undefined],
    ["12,3456", "1,234.56", undefined],
    ["a12", "1,234.56", undefined],
    ["12a", "1,234.56", undefined],
    ["1 200", "1,234.56", undefined],
    ["9".repeat(400), "1,234.56", undefined],
    ["12 (5)", "1,234.56", undefined],
    ["(5) 12", "1,234.56", undefined],
    [" (5) ", "1,234.56", -5],
    ["12-", "1,234.56", -12],
    ["€ -5", "1.234,56", -5],
    ["1.2.3", "1,234.56", undefined],
    ["1,234,56", "1,234.56", undefined],
  ])("%j written %s reads %p", (text, style, expected) => {
    expect(parseNumberInStyle(text, style)).toBe(expected);
  });
});

describe("what number values prove about their file", () => {
  it.each([
    // [values, locale, style, basis, ambiguous]
    [["1 234"], "en_US", "1 234,56", "values", []],
    [["1 234 567"], "de_DE", "1.234,56", "values", []],
    [["1.234.567"], "en_US", "1.234,56", "values", []],
    [["1,5", "2,5", "3.5"], "en_US", "1.234,56", "values", []],
    [["1,5", "2.5", "3.5"], "de_DE", "1,234.56", "values", []],
    [["1,5", "2.5"], "de_DE", "1.234,56", "locale", []],
    [["12.500", "7"], "de_DE", "1.234,56", "locale", ["12.500"]],
    [["12.500"], "en_US", "1,234.56", "locale", ["12.500"]],
    [["1.50"], "de_DE", "1,234.56", "values", []],
    [["1,2345"], "en_US", "1.234,56", "values", []],
    [["€ 12,500"], "en_US", "1,234.56", "locale", ["€ 12,500"]],
    [["abc", ""], "de_DE", "1.234,56", "locale", []],
    [["1 234,5", "2,5"], "fr_FR", "1 234,56", "values", []],
    [["1\u00a0234"], "en_US", "1 234,56", "values", []],
    [[",5"], "en_US", "1.234,56", "values", []],
    [[".5"], "de_DE", "1,234.56", "values", []],
  ] as const)("%j in %s: %s from the %s", (values, locale, style, basis, ambiguous) => {
    expect(inferNumberStyle(values, locale)).toEqual({ style, basis, ambiguous });
  });
});

describe("every locale's date order", () => {
  it.each([
    [["en_US", "en_PH", "en_CA", "es_US", "en_BZ", "en_FM", "en_MH", "en", "en-US"], "MDY"],
    [["zh_CN", "ja_JP", "ko_KR", "hu_HU", "lt_LT", "mn_MN", "eu_ES", "ZH_tw"], "YMD"],
    [["en_GB", "en_AU", "fr_FR", "es_ES", "", "xx"], "DMY"],
  ] as const)("%j write %s", (locales, order) => {
    expect(locales.map((locale) => dateOrderOfLocale(locale))).toEqual(locales.map(() => order));
  });

  it.each([
    ["DMY", "day first (31/12/2026, 31.12.2026)"],
    ["MDY", "month first (12/31/2026)"],
    ["YMD", "year first (2026-12-31)"],
  ] as const)("%s is described as %s", (order, text) => {
    expect(describeDateOrder(order)).toBe(text);
  });
});

describe("date text people write", () => {
  it.each([
    ["2026-03-02T14:30+02:00", "MDY", "2026-03-02T12:30:00.000Z", true],
    ["2026-03-02T14:30:15.5-0500", "MDY", "2026-03-02T19:30:15.500Z", true],
    ["2026-03-02t14:30z", "MDY", "2026-03-02T14:30:00.000Z", true],
    ["  2026-03-02  ", "MDY", "2026-03-01T23:00:00.000Z", false],
    ["2026.3.2", "MDY", "2026-03-01T23:00:00.000Z", false],
    ["2026-03-02 2:30 pm", "MDY", "2026-03-02T13:30:00.000Z", true],
    ["2026-03-02, 14:30:59", "MDY", "2026-03-02T13:30:59.000Z", true],
    ["2026-03-02 14:30:59.250", "MDY", "2026-03-02T13:30:59.000Z", true],
    ["02-03-26", "MDY", "2026-02-02T23:00:00.000Z", false],
    ["02-03-26", "DMY", "2026-03-01T23:00:00.000Z", false],
    ["02/03/2026", "YMD", "2026-03-01T23:00:00.000Z", false],
    ["3/2/2026 12:30 AM", "MDY", "2026-03-01T23:30:00.000Z", true],
    ["3/2/2026 12:30 p.m.", "MDY", "2026-03-02T11:30:00.000Z", true],
    ["3/2/2026 11:59 PM", "MDY", "2026-03-02T22:59:00.000Z", true],
    ["3/2/2026 1:05 am", "MDY", "2026-03-02T00:05:00.000Z", true],
    ["3/2/2026 23:59:59", "MDY", "2026-03-02T22:59:59.000Z", true],
    ["3/2/2026 0:00", "MDY", "2026-03-01T23:00:00.000Z", true],
    ["29/02/2028", "DMY", "2028-02-28T23:00:00.000Z", false],
    ["31/12/2026", "DMY", "2026-12-30T23:00:00.000Z", false],
    ["1/1/2026", "DMY", "2025-12-31T23:00:00.000Z", false],
    ["30/04/2026", "DMY", "2026-04-29T22:00:00.000Z", false],
  ] as const)("%j read %s is %s", (text, order, iso, hasTime) => {
    expect(parseDateInOrder(text, order, ZONE)).toEqual({ at: new Date(iso), hasTime });
  });

  it.each([
    ["2026-13-45T10:00Z", "DMY"],
    ["29/02/2026", "DMY"],
    ["31/04/2026", "DMY"],
    ["00/04/2026", "DMY"],
    ["04/00/2026", "DMY"],
    ["2026-00-10", "DMY"],
    ["3/2/2026 13:00 PM", "MDY"],
    ["3/2/2026 0:30 am", "MDY"],
    ["2026-03-02 0:30 am", "MDY"],
    ["3/2/2026 24:00", "MDY"],
    ["3/2/2026 12:60", "MDY"],
    ["3/2/2026 12:30:60", "MDY"],
    ["3/2-2026", "MDY"],
    ["3/2/202", "MDY"],
    ["03/02/2026x", "MDY"],
    ["x2026-03-02", "MDY"],
    ["123/2/2026", "MDY"],
  ] as const)("%j is not a date read %s", (text, order) => {
    expect(parseDateInOrder(text, order, ZONE)).toBeUndefined();
  });
});

describe("what date values prove about their file", () => {
  it.each([
    [["13/12/2026"], "en_US", "DMY", "values", []],
    [["12/13/2026"], "de_DE", "MDY", "values", []],
    [["13/13/2026", "03/03/2026", "2026-03-04", "soon"], "en_US", "MDY", "locale", []],
    [[" 31/01/2026 "], "en_US", "DMY", "values", []],
    [["31/01/2026", "01/31/2026", "02/28/2026"], "de_DE", "MDY", "values", []],
    [["31/01/2026", "01/31/2026"], "ja_JP", "YMD", "locale", []],
    [
      ["03/04/2026 2:30 PM", "05/06/26"],
      "de_DE",
      "DMY",
      "locale",
      ["03/04/2026 2:30 PM", "05/06/26"],
    ],
    [["03/04/2026 25:00"], "en_US", "MDY", "locale", []],
    [["12/05/2026"], "en_US", "MDY", "locale", ["12/05/2026"]],
    [["05/12/2026"], "de_DE", "DMY", "locale", ["05/12/2026"]],
  ] as const)("%j in %s: %s from the %s", (values, locale, order, basis, ambiguous) => {
    expect(inferDateOrder(values, locale)).toEqual({ order, basis, ambiguous });
  });
});
