// A tab's values indexed by header name (DESIGN §1: case, surrounding and repeated spaces ignored).
import { CADENCES_SPEC, SETTINGS_SPEC, TAB } from "../../src/domain/schema";
import {
  MissingColumnError,
  MissingTabError,
  assertRequired,
  columnOf,
  contiguousRuns,
  indexTable,
  isBlankRow,
  missingColumns,
  missingRequired,
  missingRequiredProblem,
  rowReader,
  rowRecord,
  sheetRowOf,
} from "../../src/domain/table";

describe("indexTable", () => {
  const table = indexTable(TAB.settings, [
    [" Setting ", "VALUE", "", "setting", 7],
    ["Digest hour", 8],
    ["", "", "", "", ""],
    ["Email mode", "Send", "", "", "", "beyond the header"],
    ["", ""],
    [],
  ]);

  it("keeps the headers as written (trimmed) and finds them loosely; the first of two wins", () => {
    expect(table.headers).toEqual(["Setting", "VALUE", "", "setting", "7"]);
    expect([
      columnOf(table, "setting"),
      columnOf(table, "  Value "),
      columnOf(table, "7"),
      columnOf(table, ""),
      columnOf(table, "Description"),
    ]).toEqual([0, 1, 4, undefined, undefined]);
  });

  it("pads short rows to the header width, keeps inner blank rows and drops trailing ones", () => {
    expect(table.rows).toEqual([
      ["Digest hour", 8, "", "", ""],
      ["", "", "", "", ""],
      ["Email mode", "Send", "", "", ""],
    ]);
  });

  it("reads a grid with only a header, or nothing at all, as no rows", () => {
    expect(indexTable(TAB.runs, [["Started"]]).rows).toEqual([]);
    expect(indexTable(TAB.runs, [])).toEqual({
      tab: TAB.runs,
      headers: [],
      columnIndex: new Map(),
      rows: [],
    });
  });
});

describe("rows and records", () => {
  const table = indexTable(TAB.settings, [
    ["Setting", "Value", "Setting"],
    ["Digest hour", 8, "shadowed"],
  ]);
  const row = table.rows[0]!;

  it("reads a cell by header, and an absent column as blank", () => {
    const read = rowReader(table, row);
    expect([read("SETTING"), read("value"), read("Description")]).toEqual(["Digest hour", 8, ""]);
  });

  it("maps each normalized header to its first column's cell", () => {
    expect(rowRecord(table, row)).toEqual(
      new Map<string, unknown>([
        ["setting", "Digest hour"],
        ["value", 8],
      ]),
    );
  });

  it("numbers data rows from sheet row 2", () => {
    expect([sheetRowOf(0), sheetRowOf(5)]).toEqual([2, 7]);
  });

  it.each<[unknown[], boolean]>([
    [[], true],
    [["", null, undefined], true],
    [["", 0], false],
    [[false], false],
    [["x"], false],
  ])("isBlankRow(%j) → %s", (cells, blank) => {
    expect(isBlankRow(cells)).toBe(blank);
  });
});

describe("missing columns", () => {
  const table = indexTable(TAB.cadences, [["cadence", "Day", "Note"]]);

  it("lists the required columns missing, then every missing column", () => {
    expect(missingRequired(table, CADENCES_SPEC)).toEqual(["Step"]);
    expect(missingColumns(table, CADENCES_SPEC)).toEqual([
      "Applies To",
      "Step",
      "Channel",
      "Template",
      "Auto Send",
      "Repeat Every",
    ]);
  });

  it("says which columns are missing and how to add them, or nothing when none", () => {
    expect(missingRequiredProblem(table, CADENCES_SPEC)).toBe(
      'The "Cadences" tab is missing the column "Step". Run "Set up / repair sheets" to add it.',
    );
    const complete = indexTable(TAB.settings, [["Setting", "Value"]]);
    expect(missingRequiredProblem(complete, SETTINGS_SPEC)).toBeNull();
    expect(() => assertRequired(complete, SETTINGS_SPEC)).not.toThrow();
  });

  it("throws a MissingColumnError naming every missing column", () => {
    const empty = indexTable(TAB.settings, [["Description"]]);
    expect(() => assertRequired(empty, SETTINGS_SPEC)).toThrow(
      new MissingColumnError("Settings", ["Setting", "Value"]),
    );
    const error = new MissingColumnError("Settings", ["Setting", "Value"]);
    expect({
      name: error.name,
      tab: error.tab,
      columns: error.columns,
      message: error.message,
    }).toEqual({
      name: "MissingColumnError",
      tab: "Settings",
      columns: ["Setting", "Value"],
      message:
        'The "Settings" tab is missing the columns "Setting", "Value". Run "Set up / repair sheets" to add them.',
    });
  });

  it("names a missing tab", () => {
    const error = new MissingTabError("Touches");
    expect({ name: error.name, tab: error.tab, message: error.message }).toEqual({
      name: "MissingTabError",
      tab: "Touches",
      message: 'The "Touches" tab is missing. Run "Set up / repair sheets" to add it.',
    });
  });
});

describe("contiguousRuns", () => {
  it.each<[number[], { start: number; length: number }[]]>([
    [[], []],
    [[4], [{ start: 4, length: 1 }]],
    [
      [3, 1, 2, 2, 7, 8, 10],
      [
        { start: 1, length: 3 },
        { start: 7, length: 2 },
        { start: 10, length: 1 },
      ],
    ],
    [
      [0, 2],
      [
        { start: 0, length: 1 },
        { start: 2, length: 1 },
      ],
    ],
  ])("%j → %j", (indexes, runs) => {
    expect(contiguousRuns(indexes)).toEqual(runs);
  });
});
