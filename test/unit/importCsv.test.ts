import { delimiterName, parseCsv } from "../../src/domain/importCsv";

describe("a CSV file read as a grid", () => {
  it.each([
    ["commas", "Name,Email\nAnn,ann@x.test\n", ","],
    ["semicolons (European Excel)", "Name;Email\nAnn;ann@x.test\n", ";"],
    ["tabs", "Name\tEmail\nAnn\tann@x.test\n", "\t"],
    ["bars", "Name|Email\nAnn|ann@x.test\n", "|"],
  ])("separated by %s", (_, text, delimiter) => {
    expect(parseCsv(text, "leads.csv")).toEqual({
      ok: true,
      grid: [
        ["Name", "Email"],
        ["Ann", "ann@x.test"],
      ],
      delimiter,
    });
  });

  it("keeps quoted commas and newlines inside one value, and UTF-8 names", () => {
    expect(parseCsv('Name,Company\n"Müller, Jörg","Line one\nline two"\n', "x.csv")).toEqual({
      ok: true,
      grid: [
        ["Name", "Company"],
        ["Müller, Jörg", "Line one\nline two"],
      ],
      delimiter: ",",
    });
  });

  it("drops a byte-order mark so the first header reads as written", () => {
    const result = parseCsv("\ufeffName;E-Mail\r\nJörg;j@x.test\r\n", "excel.csv");
    expect(result).toEqual({
      ok: true,
      grid: [
        ["Name", "E-Mail"],
        ["Jörg", "j@x.test"],
      ],
      delimiter: ";",
    });
  });

  it("pads short rows to the widest row and skips blank lines", () => {
    expect(parseCsv("Name,Email\nAnn\n\n  \nBen,b@x.test,extra\n", "x.csv")).toEqual({
      ok: true,
      grid: [
        ["Name", "Email", ""],
        ["Ann", "", ""],
        ["Ben", "b@x.test", "extra"],
      ],
      delimiter: ",",
    });
  });

  it.each([
    ["", 'The file "a.csv" is empty.'],
    ["\ufeff", 'The file "a.csv" is empty.'],
    [" \n\t\n", 'The file "a.csv" is empty.'],
    ["Name,Email\n", 'The file "a.csv" has a header row but no rows under it: nothing to import.'],
    [
      "Name,Email\n\n\n",
      'The file "a.csv" has a header row but no rows under it: nothing to import.',
    ],
  ])("%j is refused: %s", (text, error) => {
    expect(parseCsv(text, "a.csv")).toEqual({ ok: false, error });
  });

  const binary =
    'The file "b.bin" is not a CSV text file (it holds binary data). ' +
    "Export the list as CSV (comma- or semicolon-separated values) and import that file.";

  it.each([
    ["a NUL byte anywhere", "Name,Email\nAnn,a@x.test\u0000\n"],
    ["three control characters in a short file", "Name\u0001\u0002\u0003\nAnn\n"],
    ["undecodable bytes", "Name\ufffd\ufffd\ufffd\nAnn\n"],
    ["a control character in over 1% of the text", `Name\n${"ab\u0007".repeat(40)}\n`],
    ["escape-range control characters", "Name\u000e\u001a\u001c\u001f\nAnn\n"],
  ])("%s is binary", (_, text) => {
    expect(parseCsv(text, "b.bin")).toEqual({ ok: false, error: binary });
  });

  it.each([
    ["two stray control characters", "Name,Email\nAnn\u0001,a@x.test\u0002\n"],
    [
      "tabs, newlines, form feeds and escapes",
      "Name\tEmail\r\nAnn\u000b\u000c\u001b\tann@x.test\n",
    ],
    [
      "exactly 1% of a 500-character text",
      `Name\n${"a".repeat(489)}\u0001\u0002\u0003\u0004\u0005\n`,
    ],
  ])("%s is still text", (_, text) => {
    expect(parseCsv(text, "t.csv").ok).toBe(true);
  });

  it("judges binary data by the first 100,000 characters only", () => {
    const text = `Name\n${"a".repeat(100_000)}\n${"\u0001".repeat(5_000)}\n`;
    expect(parseCsv(text, "big.csv").ok).toBe(true);
  });

  it("names the row where a quoted value never ends", () => {
    expect(parseCsv('Name,Email\nAnn,a@x.test\n"Ben,b@x.test\n', "q.csv")).toEqual({
      ok: false,
      error:
        'The file "q.csv" has a quoted value that never ends (row 3): ' +
        'a " opens a value but no " closes it. Fix that row and import again.',
    });
  });

  it.each([
    [",", "commas"],
    [";", "semicolons"],
    ["\t", "tabs"],
    ["|", "bars"],
    ["#", '"#"'],
  ])("the separator %j is named %s", (delimiter, name) => {
    expect(delimiterName(delimiter)).toBe(name);
  });
});
