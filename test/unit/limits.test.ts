// Summaries of lists that grow with the sheet and byte counts for the email limit. The archive's
// summary note and prompt moved to archivedTouches.test.ts and archive.test.ts.
import {
  appendProblem,
  formatCount,
  isCellLimitError,
  summarizeList,
  summarizeProblems,
  utf8Bytes,
} from "../../src/domain/limits";

describe("summarizeProblems", () => {
  test("the same problem on many rows is one line: count, first five rows, and how many more", () => {
    const problems = Array.from(
      { length: 5_000 },
      (_, i) => `Touches row ${i + 2}: unknown Contact ID "C-${i}"`,
    );
    expect(summarizeProblems([...problems, 'Settings: Digest hour "x" is not an hour'])).toEqual([
      'Touches: unknown Contact ID on 5,000 rows: row 2 "C-0", row 3 "C-1", row 4 "C-2", ' +
        'row 5 "C-3", row 6 "C-4" and 4,995 more',
      'Settings: Digest hour "x" is not an hour',
    ]);
  });

  test("a problem on one row stays as written; past the line limit the rest is counted", () => {
    expect(summarizeProblems(["Touches row 9: Timestamp is blank"])).toEqual([
      "Touches row 9: Timestamp is blank",
    ]);
    const many = Array.from({ length: 30 }, (_, i) => `Problem ${i}`);
    const lines = summarizeProblems(many, 5);
    expect(lines).toEqual([
      "Problem 0",
      "Problem 1",
      "Problem 2",
      "Problem 3",
      "and 26 more problems",
    ]);
  });
});

test("summarizeList shows a few and counts the rest", () => {
  expect(summarizeList(["a", "b"])).toBe("a, b");
  expect(
    summarizeList(
      Array.from({ length: 12 }, (_, i) => `x${i}`),
      2,
    ),
  ).toBe("x0, x1 and 10 more");
});

test("utf8Bytes counts like the mail service (é = 2, — = 3, emoji = 4)", () => {
  expect(utf8Bytes("aé—😀")).toBe(Buffer.byteLength("aé—😀"));
});

test("appendProblem names the cell limit and the way out", () => {
  expect(
    appendProblem(
      "Touches",
      "2 tier changes",
      "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
    ),
  ).toMatch(
    /^Touches: 2 tier changes could not be added: .*limit of 10 million cells.*Archive old touches/,
  );
  expect(appendProblem("Touches", "1 tier change", "Service error")).toBe(
    "Touches: 1 tier change could not be added: Service error",
  );
});

describe("isCellLimitError", () => {
  test.each<[string, boolean]>([
    [
      "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
      true,
    ],
    ["ABOVE THE LIMIT OF 10,000,000 CELLS", true],
    ["above the limit of 10.000.000 cells", true],
    ["above the limit of cells", false],
    ["above the limit of ten million cells", false],
    ["Service error", false],
  ])("%j → %s", (message, expected) => {
    expect(isCellLimitError(message)).toBe(expected);
  });
});

describe("formatCount", () => {
  test.each<[number, string]>([
    [0, "0"],
    [999, "999"],
    [1_000, "1,000"],
    [12_345, "12,345"],
    [1_234_567, "1,234,567"],
    [4_995.9, "4,995"],
  ])("%s → %s", (count, text) => {
    expect(formatCount(count)).toBe(text);
  });
});

describe("summarizeList at its edges", () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => `x${i}`);

  test("one more than shown is listed whole: naming it costs less than 'and 1 more'", () => {
    expect(summarizeList(items(6))).toBe("x0, x1, x2, x3, x4, x5");
  });

  test("two more than shown: five by default, then the count", () => {
    expect(summarizeList(items(7))).toBe("x0, x1, x2, x3, x4 and 2 more");
    expect(summarizeList(items(1_005))).toBe("x0, x1, x2, x3, x4 and 1,000 more");
  });

  test("an empty list is an empty text", () => {
    expect(summarizeList([])).toBe("");
  });
});

describe("summarizeProblems grouping", () => {
  test("the same message with other quoted values is one group; another message is another", () => {
    expect(
      summarizeProblems([
        'Touches row 2: unknown Contact ID "C-1"',
        "Touches row 3: Timestamp is blank",
        'Touches row 4: unknown Contact ID "C-2"',
        "Touches row 5: Timestamp is blank",
        'Contacts row 4: unknown Contact ID "C-3"',
      ]),
    ).toEqual([
      'Touches: unknown Contact ID on 2 rows: row 2 "C-1", row 4 "C-2"',
      "Touches: Timestamp is blank on 2 rows: row 3, row 5",
      'Contacts row 4: unknown Contact ID "C-3"',
    ]);
  });

  test("every quoted value of a row is kept in its example", () => {
    expect(
      summarizeProblems([
        'Touches row 7: "Bounced" is not an outcome of "Call"',
        'Touches row 8: "Met" is not an outcome of "Email"',
      ]),
    ).toEqual([
      'Touches: is not an outcome of on 2 rows: row 7 "Bounced" "Call", row 8 "Met" "Email"',
    ]);
  });

  test("the tab is what comes before the first ' row N: '; a message may span lines", () => {
    expect(
      summarizeProblems([
        "Touches row 2: see row 9: bad\nsecond line",
        "Touches row 3: see row 9: bad\nsecond line",
      ]),
    ).toEqual(["Touches: see row 9: bad\nsecond line on 2 rows: row 2, row 3"]);
  });

  test("exactly five rows show all five with no 'more'; six show five and 1 more", () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => `Contacts row ${i + 2}: x`);
    expect(summarizeProblems(rows(5))).toEqual([
      "Contacts: x on 5 rows: row 2, row 3, row 4, row 5, row 6",
    ]);
    expect(summarizeProblems(rows(6))).toEqual([
      "Contacts: x on 6 rows: row 2, row 3, row 4, row 5, row 6 and 1 more",
    ]);
  });

  test("twenty lines by default fit whole; a twenty-first folds the last two into a count", () => {
    const many = (n: number) => Array.from({ length: n }, (_, i) => `Problem ${i}`);
    expect(summarizeProblems(many(20))).toEqual(many(20));
    expect(summarizeProblems(many(21))).toEqual([...many(19), "and 2 more problems"]);
    expect(summarizeProblems(many(1_030), 2)).toEqual(["Problem 0", "and 1,029 more problems"]);
  });
});

describe("utf8Bytes at the encoding boundaries", () => {
  test.each<[string, string, number]>([
    ["U+007F", "\u007f", 1],
    ["U+0080", "\u0080", 2],
    ["U+07FF", "\u07ff", 2],
    ["U+0800", "\u0800", 3],
    ["U+D7FF", "\ud7ff", 3],
    ["the first surrogate pair", "\ud800\udc00", 4],
    ["the last high surrogate in a pair", "\udbff\udfff", 4],
    ["a lone high surrogate at the end", "a\ud800", 4],
    ["a lone low surrogate", "\udc00", 3],
    ["U+FFFF", "\uffff", 3],
    ["the empty text", "", 0],
    ["U+0800 twice: a 3-byte character never swallows the next", "\u0800\u0800", 6],
    ["U+D7FF twice, just below the surrogates", "\ud7ff\ud7ff", 6],
    ["two lone low surrogates", "\udc00\udc00", 6],
    ["U+E000 twice, just above the surrogates", "\ue000\ue000", 6],
  ])("%s: %j → %i bytes", (_name, text, bytes) => {
    expect(utf8Bytes(text)).toBe(bytes);
  });
});
