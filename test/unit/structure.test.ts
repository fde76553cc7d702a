// Issue 7's structure rules in the domain: unclear checkbox words, Deal Value in the sheet's
// locale, computed columns holding a person's values, header rows, duplicates, Settings rows,
// the Runs layout and recognising a renamed tab.
import type { Cell } from "../../src/domain/cells";
import { userComputedColumns, yoursHeader } from "../../src/domain/computedColumns";
import { needsLocale, parseContacts } from "../../src/domain/contacts";
import { runsLayout } from "../../src/domain/runsLayout";
import { CONTACTS_SPEC, RUNS_SPEC, TAB, TOUCHES_SPEC } from "../../src/domain/schema";
import { parseSettings } from "../../src/domain/settings";
import {
  columnLetter,
  duplicateHeaderProblems,
  indexTable,
  missingRequiredProblem,
} from "../../src/domain/table";
import { headerMatchScore } from "../../src/domain/tabMatch";

const ZONE = "Europe/Berlin";
const contactsTable = (grid: Cell[][]) => indexTable(TAB.contacts, grid);

describe("parseContacts: unclear checkbox words and the locale", () => {
  const HEADERS = ["ID", "Name", "Deal Value", "Auto Email", "Paused", "Opted Out"];
  const one = (row: Cell[], locale?: string) =>
    parseContacts(contactsTable([HEADERS, row]), ZONE, locale).contacts[0]!;

  it("names unclear words and reads them fail-safe", () => {
    const c = one(["C-1", "Ann", "", "maybe", "later", "STOP"]);
    expect([c.autoEmail, c.paused, c.optedOut]).toEqual([false, true, true]);
    expect(c.problems).toEqual([
      'Auto Email "maybe" read as unchecked',
      'Paused "later" read as checked',
      'Opted Out "STOP" read as checked',
    ]);
  });

  it("reads Deal Value with the locale it is given (en_US when none)", () => {
    expect(one(["C-1", "Ann", "1.200,50", "", "", ""], "de_DE").dealValue).toBe(1200.5);
    expect(one(["C-1", "Ann", "1.200", "", "", ""], "de_DE").dealValue).toBe(1200);
    expect(one(["C-1", "Ann", "1,200", "", "", ""]).dealValue).toBe(1200);
    const ambiguous = one(["C-1", "Ann", "1,200.50", "", "", ""], "de_DE");
    expect([ambiguous.dealValue, ambiguous.problems]).toEqual([
      null,
      [
        'Deal Value "1,200.50" is ambiguous in this spreadsheet\'s locale (de_DE: decimal comma): type it like 1234,56',
      ],
    ]);
  });
});

describe("computed columns holding a person's values", () => {
  const grid: Cell[][] = [
    ["ID", "Name", "Status", "Due", "Touches", "Problem"],
    ["C-1", "Ann", "Active - VIP", new Date("2026-01-01T00:00:00Z"), 3, "call her"],
    ["C-2", "Bo", "Overdue", "next week", 2, ""],
    ["C-3", "Cy", "VIP", "", "many", ""],
  ];

  it("names Status, Due and Touches by value; free text only when asked", () => {
    const found = userComputedColumns(contactsTable(grid));
    expect(found.map((c) => [c.header, c.example, c.rows])).toEqual([
      ["Status", { row: 2, value: "Active - VIP" }, 2],
      ["Due", { row: 3, value: "next week" }, 1],
      ["Touches", { row: 4, value: "many" }, 1],
    ]);
    const withFreeText = userComputedColumns(contactsTable(grid), (h) => h === "Problem");
    expect(withFreeText.map((c) => c.header)).toEqual(["Status", "Due", "Touches", "Problem"]);
  });

  it("parseContacts reports them and ignores their cells; the refresh gets their names", () => {
    const result = parseContacts(contactsTable(grid), ZONE);
    expect(result.userColumns).toEqual(["Status", "Due", "Touches"]);
    expect(result.problems[0]).toBe(
      'Contacts column "Status" holds values Touchbase did not write (row 2 holds "Active - VIP", ' +
        'and 1 more row), so Refresh did not write it. Run "Set up / repair sheets" to keep yours ' +
        'as "Status (yours)" and add Touchbase\'s, or clear those cells.',
    );
  });

  it("Touchbase's own words and kinds are not a person's", () => {
    const ours: Cell[][] = [
      ["ID", "Name", "Status", "Due", "Touches"],
      ["C-1", "Ann", "Due Today", new Date(), 0],
      ["C-2", "Bo", "", "", ""],
    ];
    expect(userComputedColumns(contactsTable(ours))).toEqual([]);
  });

  it("names the person's column so it never takes a name already used", () => {
    expect(yoursHeader("Status", ["Status"])).toBe("Status (yours)");
    expect(yoursHeader("Status", ["status (yours)"])).toBe("Status (yours 2)");
  });
});

describe("header rows", () => {
  it("headers in row 2 under a title or a blank row are named with the row", () => {
    const titled = contactsTable([
      ["Acme leads", ""], // getValues rows all span the used width
      ["ID", "Name"],
      ["C-1", "Ann"],
    ]);
    expect(missingRequiredProblem(titled, CONTACTS_SPEC)).toBe(
      'The "Contacts" tab\'s headers are in row 2, but Touchbase reads them from row 1 (row 1 ' +
        'holds "Acme leads"). Delete the row above the headers so they are in row 1.',
    );
    const blank = contactsTable([
      ["", ""],
      ["", ""],
      ["ID", "Name"],
    ]);
    expect(missingRequiredProblem(blank, CONTACTS_SPEC)).toBe(
      'The "Contacts" tab\'s headers are in row 3, but Touchbase reads them from row 1 (row 1 ' +
        "is blank). Delete the rows above the headers so they are in row 1.",
    );
  });

  it("duplicate headers name the column used and the ones ignored", () => {
    const table = contactsTable([["ID", "Email", "Name", " email ", "EMAIL"]]);
    expect(duplicateHeaderProblems(table)).toEqual([
      'The "Contacts" tab has 3 "Email" columns (B, D, E): Touchbase uses column B and ignores ' +
        "columns D, E. Rename or remove the extra ones.",
    ]);
  });

  it.each([
    [0, "A"],
    [25, "Z"],
    [26, "AA"],
    [27, "AB"],
    [701, "ZZ"],
    [702, "AAA"],
  ])("column %i is %s", (index, letter) => {
    expect(columnLetter(index)).toBe(letter);
  });
});

describe("Settings rows", () => {
  it("a setting named twice: the first row wins, and both rows are named", () => {
    const { settings, problems } = parseSettings([
      { name: "Digest hour", value: 7, row: 3 },
      { name: "digest hour ", value: 9, row: 18 },
    ]);
    expect(settings.digestHour).toBe(7);
    expect(problems).toEqual([
      'Setting "Digest hour" is in rows 3 and 18: Touchbase uses the first (row 3: "7"). Delete the other.',
    ]);
  });

  it("a time in Digest hour is named and the default used", () => {
    const { settings, problems } = parseSettings([
      { name: "Digest hour", value: new Date("1899-12-30T08:00:00Z") },
    ]);
    expect(settings.digestHour).toBe(8);
    expect(problems).toEqual([
      'Setting "Digest hour": the cell holds a date or time, not a plain number (e.g. 8) with the cell formatted as Number; using the default (8).',
    ]);
  });

  it("Sender name loses its line breaks (it becomes an email From name)", () => {
    const { settings } = parseSettings([
      { name: "Sender name", value: "Ann Lee\r\nBcc: victim@example.com\u2028x" },
    ]);
    expect(settings.senderName).toBe("Ann Lee Bcc: victim@example.com x");
  });
});

describe("runsLayout", () => {
  const headers = RUNS_SPEC.columns.map((c) => c.header);

  it("all headers present: the tab's own layout, no note", () => {
    const table = indexTable(TAB.runs, [[...headers].reverse()]);
    expect(runsLayout(table)).toEqual({ table, note: "" });
  });

  it("some missing: named", () => {
    const table = indexTable(TAB.runs, [headers.filter((h) => h !== "Seconds")]);
    expect(runsLayout(table).note).toBe(
      'The Runs tab lacks the column "Seconds", so its value is not logged. Run "Set up / repair sheets" to add it.',
    );
  });

  it("none present: Touchbase's column order, named", () => {
    const layout = runsLayout(indexTable(TAB.runs, [headers.map((h) => `${h}!`)]));
    expect(layout.table.headers).toEqual(headers);
    expect(layout.note).toMatch(/^The Runs tab has none of Touchbase's headers/);
  });
});

describe("headerMatchScore: a renamed tab is recognised by its headers", () => {
  const contacts = CONTACTS_SPEC.columns.map((c) => c.header);
  it.each<[string, readonly string[], boolean]>([
    ["every Contacts header", contacts, true],
    ["half of them, with ID and Name", contacts.slice(0, 14), true],
    ["ID and Name alone", ["ID", "Name", "Phone"], false],
    ["most headers but no ID", contacts.filter((h) => h !== "ID"), false],
  ])("%s → %s", (_, headers, matches) => {
    expect(headerMatchScore(headers, CONTACTS_SPEC) > 0).toBe(matches);
  });

  it("a Touches tab is not taken for Contacts", () => {
    const touches = TOUCHES_SPEC.columns.map((c) => c.header);
    expect(headerMatchScore(touches, CONTACTS_SPEC)).toBe(0);
  });
});

describe("needsLocale: the locale is asked for only when a Deal Value needs it", () => {
  const table = (value: Cell) =>
    contactsTable([
      ["ID", "Name", "Deal Value"],
      ["C-1", "Ann", value],
    ]);
  it.each<[Cell, boolean]>([
    [1200.5, false],
    ["", false],
    ["1200", false],
    ["ten thousand", false],
    ["1.200,50", true],
    ["1,5", true],
    [",5", true],
  ])("%j → %s", (value, needed) => {
    expect(needsLocale(table(value))).toBe(needed);
  });
});
