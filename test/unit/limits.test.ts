// Summaries of lists that grow with the sheet and byte counts for the email limit. The archive's
// summary note and prompt moved to archivedTouches.test.ts and archive.test.ts.
import {
  appendProblem,
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
