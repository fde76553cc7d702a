import { parseContacts } from "../../src/domain/contacts";
import { localDateTime } from "../../src/domain/dates";
import { TAB } from "../../src/domain/schema";
import { indexTable } from "../../src/domain/table";
import { isChecked, type Cell } from "../../src/domain/cells";

const ZONE = "Europe/Berlin";
const HEADERS = [
  "ID",
  "Name",
  "Email",
  "Owner",
  "Stage",
  "Tier",
  "Cadence",
  "Deal Value",
  "Next Follow-Up",
  "Renewal Date",
  "Auto Email",
  "Paused",
  "Opted Out",
  "Created",
  "My Notes",
  "Status",
  "Step",
  "Cadence Start",
  "Problem",
];
type RowFields = Partial<Record<(typeof HEADERS)[number], Cell>>;

const good: RowFields = {
  ID: "C-000001",
  Name: "Ann Lee",
  Email: "Ann@Example.com ",
  Owner: "Rep@Example.com",
  Stage: "Proposal Sent",
  Tier: "Hot",
};

function table(rows: RowFields[], headers: readonly string[] = HEADERS) {
  const grid: Cell[][] = [[...headers], ...rows.map((r) => headers.map((h) => r[h] ?? ""))];
  return indexTable(TAB.contacts, grid);
}

const parseOne = (fields: RowFields) => {
  const { contacts } = parseContacts(table([{ ...good, ...fields }]), ZONE);
  expect(contacts).toHaveLength(1);
  return contacts[0]!;
};

describe("parseContacts: a clean row", () => {
  test("reads every field, lower-cases emails and keeps user columns", () => {
    const created = localDateTime(ZONE, 2026, 3, 2, 9, 0);
    const c = parseOne({
      "Deal Value": "$1,200.50",
      "Next Follow-Up": "2026-03-09 14:30",
      "Renewal Date": localDateTime(ZONE, 2027, 1, 1),
      "Auto Email": true,
      Created: created,
      "My Notes": "likes golf",
      Step: "2/4 Proposal",
      "Cadence Start": localDateTime(ZONE, 2026, 3, 1, 10, 0),
    });
    expect(c).toMatchObject({
      rowNumber: 2,
      id: "C-000001",
      name: "Ann Lee",
      email: "ann@example.com",
      owner: "rep@example.com",
      stage: "Proposal Sent",
      tier: "Hot",
      dealValue: 1200.5,
      nextFollowUp: { at: localDateTime(ZONE, 2026, 3, 9, 14, 30), hasTime: true },
      renewalDate: localDateTime(ZONE, 2027, 1, 1),
      autoEmail: true,
      paused: false,
      optedOut: false,
      created,
      previousStep: "2/4 Proposal",
      previousCadenceStart: localDateTime(ZONE, 2026, 3, 1, 10, 0),
      problems: [],
    });
    expect(c.cells.get("my notes")).toBe("likes golf");
  });

  test.each([
    ["proposal  sent", "Proposal Sent"],
    [" NEW LEAD ", "New Lead"],
  ])("stage %j matches %s", (stage, expected) => {
    expect(parseOne({ Stage: stage }).stage).toBe(expected);
  });

  test.each([
    ["A", "Hot"],
    ["b", "Warm"],
    ["C", "Cold"],
    ["dead", "Dead"],
    [" warm ", "Warm"],
  ])("tier %j reads as %s", (tier, expected) => {
    expect(parseOne({ Tier: tier }).tier).toBe(expected);
  });

  test.each([
    [true, true],
    ["TRUE", true],
    ["yes", true],
    ["x", true],
    ["X", true],
    [false, false],
    ["", false],
    ["no", false],
    ["FALSE", false],
  ])("checkbox %j → %s", (cell, checked) => {
    expect(isChecked(cell)).toBe(checked);
    expect(parseOne({ Paused: cell }).paused).toBe(checked);
  });
});

describe("parseContacts: row problems name the column and keep the row", () => {
  test.each<[RowFields, string]>([
    [{ "Deal Value": "abc" }, 'Deal Value "abc" is not a number'],
    [{ "Next Follow-Up": "32/13" }, 'Next Follow-Up "32/13" is not a date'],
    [{ "Next Follow-Up": 46083 }, 'Next Follow-Up "46083" is not a date'],
    [{ "Renewal Date": "soon" }, 'Renewal Date "soon" is not a date'],
    [{ Created: "yesterday" }, 'Created "yesterday" is not a date'],
    [{ Stage: "Proposal Snt" }, 'Unknown stage "Proposal Snt"'],
    [{ Tier: "Hott" }, 'Unknown tier "Hott"'],
    [{ Email: "ann@example" }, "Email looks invalid"],
    [{ Owner: "bob" }, 'Owner "bob" is not an email'],
    [{ Name: "  " }, "Name is blank"],
  ])("%j → %s", (fields, problem) => {
    const c = parseOne(fields);
    expect(c.problems).toEqual([problem]);
    // The rest of the row is still read.
    expect(c.id).toBe("C-000001");
  });

  test("a bad value reads as blank", () => {
    const c = parseOne({ "Deal Value": "abc", Stage: "Proposal Snt", "Next Follow-Up": "x" });
    expect(c.dealValue).toBeNull();
    expect(c.stage).toBeNull();
    expect(c.nextFollowUp).toBeNull();
    expect(c.problems).toHaveLength(3);
  });

  test("a blank owner is left for the engine to judge (only active contacts need one)", () => {
    expect(parseOne({ Owner: "" }).problems).toEqual([]);
  });

  test("an unreadable Cadence Start is recomputed, not reported", () => {
    const c = parseOne({ "Cadence Start": "garbage" });
    expect(c.previousCadenceStart).toBeNull();
    expect(c.problems).toEqual([]);
  });
});

describe("parseContacts: the table", () => {
  test("duplicate IDs (any case) are named on every row that shares them", () => {
    const { contacts } = parseContacts(
      table([
        { ...good, ID: "C-000123" },
        { ...good, ID: "C-000124", Name: "Bo" },
        { ...good, ID: "c-000123", Name: "Cy" },
      ]),
      ZONE,
    );
    expect(contacts.map((c) => c.problems)).toEqual([
      ["Duplicate ID C-000123 (also row 4)"],
      [],
      ["Duplicate ID c-000123 (also row 2)"],
    ]);
  });

  test("blank rows in the middle are skipped; row numbers stay the sheet's", () => {
    const { contacts, problems } = parseContacts(
      table([
        good,
        {},
        { Status: "Overdue", Problem: "Name is blank" },
        { ...good, ID: "C-2", Name: "Bo" },
      ]),
      ZONE,
    );
    expect(problems).toEqual([]);
    expect(contacts.map((c) => [c.rowNumber, c.name])).toEqual([
      [2, "Ann Lee"],
      [5, "Bo"],
    ]);
  });

  test("rows without an ID are contacts (refresh assigns one) and are not duplicates", () => {
    const { contacts } = parseContacts(
      table([
        { ...good, ID: "" },
        { ...good, ID: "", Name: "Bo" },
      ]),
      ZONE,
    );
    expect(contacts.map((c) => [c.id, c.problems])).toEqual([
      ["", []],
      ["", []],
    ]);
  });

  test("a missing required column is a table problem naming it", () => {
    const headers = HEADERS.filter((h) => h !== "Name");
    const { contacts, problems } = parseContacts(table([good], headers), ZONE);
    expect(problems).toEqual([
      'The "Contacts" tab is missing the column "Name". Run "Set up / repair sheets" to add it.',
    ]);
    expect(contacts).toHaveLength(1);
  });

  test("columns are found by header, in any order and spelling of case and spaces", () => {
    const headers = ["  stage ", "NAME", "id", "owner"];
    const grid: Cell[][] = [headers, ["won", "Zed", "C-9", "z@example.com"]];
    const { contacts } = parseContacts(indexTable(TAB.contacts, grid), ZONE);
    expect(contacts[0]).toMatchObject({ id: "C-9", name: "Zed", stage: "Won", problems: [] });
  });
});
