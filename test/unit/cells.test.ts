import {
  cellText,
  fitInCell,
  matchWord,
  normalizeKey,
  parseNumberCell,
  readNumberCell,
  readPermissionCheckbox,
  readSafetyCheckbox,
  toCellValue,
  wouldBeMisread,
  type Cell,
} from "../../src/domain/cells";
import { numberSeparators } from "../../src/domain/locales";

describe("toCellValue", () => {
  it.each(["=SUM(A1:A2)", "+1 555 0100", "-not a number", "@handle", "\tcmd", "\rcmd"])(
    "keeps formula-looking %j as text in any column",
    (text) => {
      expect(toCellValue(text, "text")).toBe(`'${text}`);
      expect(toCellValue(text, "date")).toBe(`'${text}`);
      expect(toCellValue(text, "enum")).toBe(`'${text}`);
    },
  );

  it.each([
    "00123",
    "123",
    "1,234",
    "12.5",
    "1e5",
    "50%",
    "$12",
    "2026-03-02",
    "2026-03-02 14:30",
    "3/2/2026",
    "3/8",
    "9:30",
    "9:30 pm",
    "TRUE",
    "false",
    "Mar 2",
    "2 March 2026",
  ])("keeps %j as text in text-like columns", (text) => {
    for (const kind of ["text", "id", "email"] as const) {
      expect(toCellValue(text, kind)).toBe(`'${text}`);
    }
  });

  it.each([
    "C-000123",
    "Hello there",
    "alice@example.com",
    "Proposal Sent",
    "3rd touch",
    "Hot lead",
  ])("leaves ordinary text %j alone", (text) => {
    expect(toCellValue(text, "text")).toBe(text);
    expect(wouldBeMisread(text)).toBe(false);
  });

  it("passes dates, numbers and booleans through", () => {
    const date = new Date("2026-03-02T10:00:00Z");
    expect(toCellValue(date, "datetime")).toBe(date);
    expect(toCellValue(42, "text")).toBe(42);
    expect(toCellValue(-3.5, "money")).toBe(-3.5);
    expect(toCellValue(true, "checkbox")).toBe(true);
    expect(toCellValue(false, "text")).toBe(false);
  });

  it("writes null, undefined, NaN and invalid dates as blank", () => {
    expect(toCellValue(null, "text")).toBe("");
    expect(toCellValue(undefined, "number")).toBe("");
    expect(toCellValue(NaN, "number")).toBe("");
    expect(toCellValue(new Date("nope"), "date")).toBe("");
  });

  it("turns numeric strings into numbers in numeric columns, and keeps the rest safe", () => {
    expect(toCellValue("-5", "number")).toBe(-5);
    expect(toCellValue(" 12.5 ", "money")).toBe(12.5);
    expect(toCellValue("+1 555 0100", "integer")).toBe("'+1 555 0100");
    expect(toCellValue("n/a", "number")).toBe("n/a");
  });

  it("turns TRUE/FALSE strings into booleans in checkbox columns", () => {
    expect(toCellValue("TRUE", "checkbox")).toBe(true);
    expect(toCellValue("false", "checkbox")).toBe(false);
  });

  it("lets date strings be read as dates in date columns", () => {
    expect(toCellValue("2026-03-02", "date")).toBe("2026-03-02");
  });

  it("writes strings verbatim into plain-text (@) cells, except formula-like text", () => {
    expect(toCellValue("00123", "id", "@")).toBe("00123");
    // APPS-SCRIPT-FACTS (strict reading): "=" is a formula even in a plain-text cell.
    expect(toCellValue("=SUM(A1)", "text", "@")).toBe("'=SUM(A1)");
    expect(toCellValue("00123", "id", "0.00")).toBe("'00123");
    expect(toCellValue("-5", "number", "@")).toBe(-5);
  });

  it("stringifies other values", () => {
    expect(toCellValue({ toString: () => "0042" }, "id")).toBe("'0042");
  });

  it("writes an empty string as blank in every kind of column", () => {
    for (const kind of ["text", "number", "checkbox", "date"] as const) {
      expect([kind, toCellValue("", kind)]).toEqual([kind, ""]);
    }
  });

  it("never turns a string of spaces into 0 in a numeric column", () => {
    expect(toCellValue("   ", "number")).toBe("   ");
    expect(toCellValue("\u00a0", "money")).toBe("\u00a0");
  });

  it("reads TRUE/FALSE with spaces around in checkbox columns, and leaves other words as text", () => {
    expect(toCellValue(" TRUE ", "checkbox")).toBe(true);
    expect(toCellValue(" False\t", "checkbox")).toBe(false);
    expect(toCellValue("maybe", "checkbox")).toBe("maybe");
    expect(toCellValue("yes", "checkbox")).toBe("yes");
  });
});

describe("wouldBeMisread", () => {
  it.each(["=1+1", "+15550100", "-x", "@me", "\tx", "\rx"])(
    "is true for formula-looking %j",
    (text) => {
      expect(wouldBeMisread(text)).toBe(true);
    },
  );

  it.each([" TRUE ", "  12  ", " 3/8 ", " Mar 2 "])(
    "reads %j the way Sheets does, spaces around ignored",
    (text) => {
      expect(wouldBeMisread(text)).toBe(true);
    },
  );

  it.each(["", "   ", "Proposal Sent"])("is false for %j", (text) => {
    expect(wouldBeMisread(text)).toBe(false);
  });
});

describe("cellText", () => {
  it("reads each cell type as text", () => {
    expect(cellText("  Alice  ")).toBe("Alice");
    expect(cellText(123)).toBe("123");
    expect(cellText(true)).toBe("TRUE");
    expect(cellText(false)).toBe("FALSE");
    expect(cellText("")).toBe("");
    expect(cellText(null)).toBe("");
    expect(cellText(new Date("2026-03-02T10:00:00Z"))).toBe("2026-03-02T10:00:00.000Z");
    expect(cellText(new Date("nope"))).toBe("");
  });

  it("trims other values once stringified", () => {
    expect(cellText(undefined)).toBe("");
    expect(cellText({ toString: () => "  rich value  " })).toBe("rich value");
  });
});

describe("normalizeKey and matchWord", () => {
  it.each<[unknown, string]>([
    ["  Next   Touch ", "next touch"],
    ["STAGE", "stage"],
    [5, "5"],
    [0, "0"],
    [true, "true"],
    [null, ""],
    [undefined, ""],
  ])("%j → %j", (word, key) => {
    expect(normalizeKey(word)).toBe(key);
  });

  it("gives the same key when asked again (the cache never changes an answer)", () => {
    const first = normalizeKey(" Cached  WORD ");
    expect(normalizeKey(" Cached  WORD ")).toBe(first);
    expect(first).toBe("cached word");
  });

  it("stays right past the cache's bound", () => {
    const wrong: string[] = [];
    for (let i = 0; i < 10_050; i += 1) {
      const key = normalizeKey(` W${i} `);
      if (key !== `w${i}`) wrong.push(`${i}: ${key}`);
    }
    expect(wrong).toEqual([]);
    expect(normalizeKey(" W0 ")).toBe("w0");
  });

  it("finds the canonical word however it was typed, numbers included", () => {
    expect(matchWord("  proposal   SENT", ["Lead", "Proposal Sent"] as const)).toBe(
      "Proposal Sent",
    );
    expect(matchWord(1, ["0", "1", "2"] as const)).toBe("1");
    expect(matchWord("Won", ["Lead"] as const)).toBeUndefined();
  });
});

describe("fitInCell", () => {
  test("keeps text within the limit and cuts longer text with an ellipsis", () => {
    expect(fitInCell("short")).toBe("short");
    const cut = fitInCell("a".repeat(60_000));
    expect(cut).toHaveLength(50_000);
    expect(cut.endsWith("…")).toBe(true);
    expect(fitInCell("abcdef", 4)).toBe("abc…");
  });
});

describe("readSafetyCheckbox (Opted Out, Paused): anything not clearly no is checked", () => {
  it.each<[Cell, boolean, boolean]>([
    [true, true, false],
    ["TRUE", true, false],
    ["yes", true, false],
    ["x", true, false],
    ["checked", true, false],
    ["on", true, false],
    [1, true, false],
    ["unsubscribed", true, true],
    ["STOP", true, true],
    ["opted out", true, true],
    ["2", true, true],
    [2, true, true],
    [new Date("2026-03-02T00:00:00Z"), true, true],
    [false, false, false],
    ["", false, false],
    ["   ", false, false],
    ["FALSE", false, false],
    ["no", false, false],
    ["N", false, false],
    ["0", false, false],
    [0, false, false],
    ["off", false, false],
    ["unchecked", false, false],
    ["not checked", false, false],
    ["✗", false, false],
  ])("%j → checked %s, unclear %s", (cell, checked, unclear) => {
    expect(readSafetyCheckbox(cell)).toEqual({ checked, unclear });
  });

  it("reads a missing cell (a short row) as unchecked, not unclear", () => {
    for (const missing of [null, undefined]) {
      expect([missing, readSafetyCheckbox(missing as unknown as Cell)]).toEqual([
        missing,
        { checked: false, unclear: false },
      ]);
    }
  });
});

describe("readPermissionCheckbox (Auto Email): anything not clearly yes is unchecked", () => {
  it.each<[Cell, boolean, boolean]>([
    [true, true, false],
    ["Yes", true, false],
    ["on", true, false],
    [1, true, false],
    ["maybe", false, true],
    ["2", false, true],
    ["please", false, true],
    ["", false, false],
    [false, false, false],
    ["no", false, false],
  ])("%j → checked %s, unclear %s", (cell, checked, unclear) => {
    expect(readPermissionCheckbox(cell)).toEqual({ checked, unclear });
  });
});

describe("readNumberCell: numbers in the spreadsheet's locale", () => {
  type Expected = number | "ambiguous" | "invalid" | "blank";
  it.each<[string, Cell, Expected]>([
    ["en_US", "1,200", 1200],
    ["en_US", "1,200.50", 1200.5],
    ["en_US", "$1200.50", 1200.5],
    ["en_US", "€ 900", 900],
    ["en_US", "1.5", 1.5],
    ["en_US", "1.200", 1.2],
    ["en_US", ".5", 0.5],
    ["en_US", "-1,200", -1200],
    ["en_US", "(1,200)", -1200],
    ["en_US", "$-12", -12],
    ["en_US", "1 200", 1200],
    ["en_US", "1,234,567.89", 1234567.89],
    ["en_US", "1,5", "ambiguous"],
    ["en_US", "1.200,50", "ambiguous"],
    ["en_US", "1.200.000", "ambiguous"],
    ["en_US", "12,34", "ambiguous"],
    ["en_US", "1,2,3", "invalid"],
    ["en_US", "ten thousand", "invalid"],
    ["en_US", "1.2.3", "invalid"],
    ["en_US", "", "blank"],
    ["en_US", 1200.5, 1200.5],
    ["de_DE", "1.200,50", 1200.5],
    ["de_DE", "1.200", 1200],
    ["de_DE", "1,5", 1.5],
    ["de_DE", "1.234.567,89", 1234567.89],
    ["de_DE", "1200,50 €", 1200.5],
    ["de_DE", "EUR 1.200", 1200],
    ["de_DE", "1,200.50", "ambiguous"],
    ["de_DE", "1.5", "ambiguous"],
    ["de_DE", "1,200,000", "ambiguous"],
    ["de_DE", 1200.5, 1200.5],
    ["de", "1.200,50", 1200.5],
    ["fr_FR", "1 200,50", 1200.5],
    ["fr_FR", "1\u00a0200,50", 1200.5],
    ["fr_FR", "1\u202f200,50", 1200.5],
    ["pt_BR", "R$ 1.200,50", 1200.5],
    ["de_CH", "1'200.50", 1200.5],
    ["de_CH", "1.5", 1.5],
    ["es_MX", "1,200.50", 1200.5],
    ["es_ES", "1.200,50", 1200.5],
    ["en_IN", "1,00,000", 100000],
    ["en_IN", "12,34,567.5", 1234567.5],
    ["en_ZA", "1 200,50", 1200.5],
    ["xx_YY", "1,200.50", 1200.5],
    // signs, currency and accounting parentheses in any order, spaces allowed
    ["en_US", "+12", 12],
    ["en_US", "-$12", -12],
    ["en_US", "- $12", -12],
    ["en_US", "( $12 )", -12],
    ["en_US", "1(2)", "invalid"],
    ["en_US", "(1)2", "invalid"],
    ["en_US", "1,200 .50", 1200.5],
    // grouping: 1 to 3 digits first, then groups of three (India: twos, then the last three)
    ["en_US", "1234,567", "ambiguous"],
    ["en_US", "1,2345", "ambiguous"],
    ["en_US", "1,1234,567", "invalid"],
    ["en_US", "1,234,56,789", "invalid"],
    ["en_US", "1,00,000", "invalid"],
    ["de_DE", "1,00,000.50", "invalid"],
    ["en_IN", "1,000,000", 1000000],
    ["en_IN", "1,00,100,000", "invalid"],
    // cells that are not text
    ["en_US", Infinity, "invalid"],
    ["en_US", NaN, "invalid"],
    ["en_US", true, "invalid"],
    ["en_US", new Date("2026-03-02T00:00:00Z"), "invalid"],
  ])("%s: %p → %p", (locale, cell, expected) => {
    const reading = readNumberCell(cell, locale);
    const got = reading.kind === "number" ? reading.value : reading.kind;
    expect(got).toBe(expected);
  });

  it("reads in en_US when no locale is given", () => {
    expect(readNumberCell("1,200.50")).toEqual({ kind: "number", value: 1200.5 });
    expect(readNumberCell("1,5")).toEqual({ kind: "ambiguous" });
  });

  it("is never 1.20 for 1.200,50 in any locale", () => {
    for (const locale of ["en_US", "en_GB", "de_DE", "fr_FR", "it_IT", "ja_JP", "de_CH"]) {
      expect([locale, parseNumberCell("1.200,50", locale)]).not.toEqual([locale, 1.2]);
      expect([locale, parseNumberCell("1.200,50", locale)]).not.toEqual([locale, 1.2005]);
    }
  });
});

describe("parseNumberCell: a number, null when blank, undefined otherwise", () => {
  it.each<[Cell, string | undefined, number | null | undefined]>([
    ["", undefined, null],
    ["   ", "de_DE", null],
    ["1,200", undefined, 1200],
    ["1.200", "de_DE", 1200],
    [-7.5, "en_US", -7.5],
    ["1,5", undefined, undefined],
    ["1,200.50", "de_DE", undefined],
    ["ten", "en_US", undefined],
  ])("%j in %s → %j", (cell, locale, expected) => {
    expect(parseNumberCell(cell, locale)).toBe(expected);
  });
});

describe("numberSeparators", () => {
  it.each<[string, string, string]>([
    ["en_US", ".", ","],
    ["en_GB", ".", ","],
    ["de_DE", ",", "."],
    ["de_AT", ",", "."],
    ["de_CH", ".", "'"],
    ["fr_FR", ",", "\u00a0"],
    ["pt_BR", ",", "."],
    ["es_MX", ".", ","],
    ["es_AR", ",", "."],
    ["ja_JP", ".", ","],
    ["de", ",", "."],
    ["", ".", ","],
  ])("%j: decimal %j, grouping %j", (locale, decimal, grouping) => {
    expect(numberSeparators(locale)).toEqual({ decimal, grouping });
  });
});
