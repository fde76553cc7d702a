import { cellText, fitInCell, toCellValue, wouldBeMisread } from "../../src/domain/cells";

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
