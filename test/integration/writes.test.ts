// Issue 7 items 1, 2, 5, 7 and 9 on the built bundle: the run writes only the cells that change,
// compares before it writes (a person sorting, inserting or editing between its read and its
// write loses nothing), never reuses or duplicates an ID, and changes nothing irreversible when
// the touch history looks lost.
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import { ALEX, columnNumber, records, type Row, sheetOf, typeRows, ZONE } from "./support";

/** Monday 09:20 in New York. */
const NOW = new Date("2026-11-23T14:20:00Z");
const DAY_MS = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);

function bench(contacts: readonly Row[], touches: readonly Row[] = []): Workbench {
  const wb = createWorkbench({ now: NOW, zone: ZONE, owners: [ALEX] });
  typeRows(wb, "Contacts", contacts);
  if (touches.length > 0) typeRows(wb, "Touches", touches);
  return wb;
}

function refresh(wb: Workbench): void {
  const result = wb.menu("menuRefreshNow");
  if (result.error) throw result.error;
}

function lastRunProblems(wb: Workbench): string {
  return String(records(wb, "Runs").at(-1)?.["Problems"] ?? "");
}

/** Name → ID for every contact row. */
function idsByName(wb: Workbench): Record<string, unknown> {
  return Object.fromEntries(records(wb, "Contacts").map((c) => [c["Name"], c["ID"]]));
}

function contact(wb: Workbench, name: string): Row {
  const row = records(wb, "Contacts").find((c) => c["Name"] === name);
  if (!row) throw new Error(`no contact ${name}`);
  return row;
}

/** Acts once, as a person, right before the run's first write (after every tab was read). */
function actBeforeFirstWrite(wb: Workbench, act: () => void): void {
  let done = false;
  const stop = wb.emu.beforeCall((call) => {
    if (done || call.call !== "Sheet.getRange") return;
    done = true;
    act();
  });
  refresh(wb);
  stop();
  if (!done) throw new Error("the run never wrote");
}

const person = (name: string, extra: Row = {}): Row => ({
  Name: name,
  Email: `${name.split(" ")[0]!.toLowerCase()}@example.test`,
  Owner: ALEX,
  Stage: "Qualified",
  Created: daysAgo(10),
  ...extra,
});

/** Ana and Ben have IDs, Dana is Hot and dark for 45 days (decays), Noel is new (gets an ID). */
const TEAM_ROWS: readonly Row[] = [
  person("Ana Alder", { ID: "C-000001", Tier: "Warm" }),
  person("Ben Birch", { ID: "C-000002", Tier: "Cold" }),
  person("Dana Dark", { ID: "C-000003", Tier: "Hot", Created: daysAgo(80) }),
  person("Noel Newcomer", { Stage: "New Lead", Created: "" }),
];
const TEAM_TOUCHES: readonly Row[] = [
  {
    "Touch ID": "T-0000001",
    Timestamp: daysAgo(45),
    "Contact ID": "C-000003",
    Contact: "Dana Dark",
    Channel: "Call",
    Direction: "Outbound",
    Outcome: "Connected",
  },
];

describe("the run writes only the cells that change (issue 7 item 1)", () => {
  test("a formula kept in Tier or ID survives another row's new ID and tier decay", () => {
    const wb = bench(TEAM_ROWS, TEAM_TOUCHES);
    const contacts = sheetOf(wb, "Contacts");
    const tier = columnNumber(contacts, "Tier");
    const id = columnNumber(contacts, "ID");
    contacts.getRange(2, tier).setFormula('=IF(J2>10000,"Warm","Cold")');
    contacts.getRange(3, id).setFormula('="C-"&TEXT(2,"000000")');

    refresh(wb);

    expect(contacts.getRange(2, tier).getFormula()).toBe('=IF(J2>10000,"Warm","Cold")');
    expect(contacts.getRange(3, id).getFormula()).toBe('="C-"&TEXT(2,"000000")');
    expect(contact(wb, "Dana Dark")["Tier"]).toBe("Warm");
    expect(contact(wb, "Noel Newcomer")["ID"]).toBe("C-000004");
  });

  test("text in Created on a row without an ID stays, and so does its Problem", () => {
    const wb = bench([
      person("Tess Tradeshow", { Created: "from trade show" }),
      person("Quinn Quarter", { Created: "Q3 2025" }),
    ]);
    refresh(wb);
    for (const [name, created] of [
      ["Tess Tradeshow", "from trade show"],
      ["Quinn Quarter", "Q3 2025"],
    ] as const) {
      const row = contact(wb, name);
      expect({ name, created: row["Created"] }).toEqual({ name, created });
      expect({ name, problem: row["Problem"] }).toEqual({
        name,
        problem: expect.stringContaining("Created"),
      });
      expect(String(row["ID"])).toMatch(/^C-\d{6}$/);
    }
  });
});

describe("compare before write (issue 7 item 1): a person acting between the run's read and write", () => {
  const scenarios: readonly {
    name: string;
    act: (wb: Workbench) => void;
    /** What the person's action itself leaves, checked after the run. */
    expectKept: (wb: Workbench) => void;
  }[] = [
    {
      name: "sorts Contacts Z→A by Name",
      act: (wb) => {
        const sheet = sheetOf(wb, "Contacts");
        const name = columnNumber(sheet, "Name");
        sheet
          .getRange(2, 1, TEAM_ROWS.length, sheet.getLastColumn())
          .sort({ column: name, ascending: false });
      },
      expectKept: (wb) =>
        expect(records(wb, "Contacts").map((c) => c["Name"])).toEqual([
          "Noel Newcomer",
          "Dana Dark",
          "Ben Birch",
          "Ana Alder",
        ]),
    },
    {
      name: "inserts a row at the top",
      act: (wb) => {
        const sheet = sheetOf(wb, "Contacts");
        sheet.insertRowBefore(2);
        sheet.getRange(2, columnNumber(sheet, "Name")).setValue("Ivy Inserted");
      },
      expectKept: (wb) => expect(records(wb, "Contacts")[0]!["Name"]).toBe("Ivy Inserted"),
    },
    {
      name: "sets the decaying contact's Tier by hand",
      act: (wb) => {
        const sheet = sheetOf(wb, "Contacts");
        sheet.getRange(4, columnNumber(sheet, "Tier")).setValue("Cold");
      },
      expectKept: (wb) => expect(contact(wb, "Dana Dark")["Tier"]).toBe("Cold"),
    },
    {
      name: "edits an ID",
      act: (wb) => {
        const sheet = sheetOf(wb, "Contacts");
        sheet.getRange(3, columnNumber(sheet, "ID")).setValue("C-000050");
      },
      expectKept: (wb) => expect(contact(wb, "Ben Birch")["ID"]).toBe("C-000050"),
    },
  ];

  test.each(scenarios)(
    "$name: nothing lands on the wrong row, the edit stays, Runs says so",
    ({ act, expectKept }) => {
      const wb = bench(TEAM_ROWS, TEAM_TOUCHES);
      const touchesBefore = records(wb, "Touches");
      actBeforeFirstWrite(wb, () => act(wb));

      expectKept(wb);
      const ids = idsByName(wb);
      expect({
        ana: ids["Ana Alder"],
        dana: ids["Dana Dark"],
        noel: ids["Noel Newcomer"],
      }).toEqual({ ana: "C-000001", dana: "C-000003", noel: "" });
      // No tier-change touch for a Tier write that was abandoned.
      expect(records(wb, "Touches")).toEqual(touchesBefore);
      expect(lastRunProblems(wb)).toContain("Contacts changed while this run was writing (row ");
      expect(lastRunProblems(wb)).toContain(
        "Nothing was written to Contacts this time; the next run will catch up.",
      );

      // The next run catches up, with every pairing intact.
      refresh(wb);
      expectKept(wb);
      const after = idsByName(wb);
      expect(after["Ana Alder"]).toBe("C-000001");
      expect(after["Dana Dark"]).toBe("C-000003");
      expect(String(after["Noel Newcomer"])).toMatch(/^C-\d{6}$/);
      const all = Object.values(after);
      expect(all.filter((id, i) => all.indexOf(id) !== i)).toEqual([]);
      expect(lastRunProblems(wb)).not.toContain("changed while this run was writing");
    },
  );

  test("a Tier change keeps its touch only when the Tier is written: both or neither", () => {
    const wb = bench(TEAM_ROWS, TEAM_TOUCHES);
    refresh(wb);
    const logged = records(wb, "Touches").filter((t) => t["Outcome"] === "Tier Changed");
    expect(logged.map((t) => t["Contact ID"])).toEqual(["C-000003"]);
    expect(contact(wb, "Dana Dark")["Tier"]).toBe("Warm");
  });
});

describe("IDs are never reused or duplicated (issue 7 item 2)", () => {
  test("C-99999999999999999999 is named in Problem and three new rows get three new IDs", () => {
    const wb = bench([
      person("Huge Id", { ID: "C-99999999999999999999" }),
      person("New One"),
      person("New Two"),
      person("New Three"),
    ]);
    refresh(wb);
    const ids = idsByName(wb);
    expect([ids["New One"], ids["New Two"], ids["New Three"]]).toEqual([
      "C-000001",
      "C-000002",
      "C-000003",
    ]);
    expect(contact(wb, "Huge Id")["Problem"]).toContain(
      'ID "C-99999999999999999999" is not a Touchbase ID (C- and at most 12 digits)',
    );
  });

  test("a 400-digit ID never makes C-Infinity", () => {
    const wb = bench([
      person("Long Id", { ID: `C-${"9".repeat(400)}`, "Deal Value": 5 }),
      person("After Long"),
    ]);
    refresh(wb);
    expect(idsByName(wb)["After Long"]).toBe("C-000001");
    expect(String(contact(wb, "Long Id")["Problem"])).toContain(`ID "C-${"9".repeat(38)}…"`);
  });

  test("a deleted contact's ID, still named by its touches, is not handed to the next lead", () => {
    const wb = bench(
      [person("Ana Alder", { ID: "C-000001" }), person("Fresh Lead", { Stage: "New Lead" })],
      [
        {
          "Touch ID": "T-0000001",
          Timestamp: daysAgo(3),
          "Contact ID": "C-000002",
          Contact: "Gone Person",
          Channel: "Email",
          Direction: "Inbound",
          Outcome: "Replied",
          Notes: "remove me",
        },
      ],
    );
    refresh(wb);
    expect(idsByName(wb)["Fresh Lead"]).toBe("C-000003");
    expect(contact(wb, "Fresh Lead")["Touches"]).toBe(0);
  });

  test("Touch IDs: a huge one is named, an unreadable newest row still counts", () => {
    const wb = bench(TEAM_ROWS, [
      ...TEAM_TOUCHES,
      {
        "Touch ID": "T-99999999999999999999",
        Timestamp: daysAgo(60),
        "Contact ID": "C-000001",
        Channel: "Note",
      },
      // The newest row, with a Timestamp nobody can read: its Touch ID still counts.
      { "Touch ID": "T-0000002", Timestamp: "last Tuesday-ish", "Contact ID": "C-000002" },
    ]);
    refresh(wb);
    const tierChange = records(wb, "Touches").find((t) => t["Outcome"] === "Tier Changed");
    expect(tierChange?.["Touch ID"]).toBe("T-0000003");
    expect(lastRunProblems(wb)).toContain(
      'Touches row 3: Touch ID "T-99999999999999999999" is not a Touchbase ID',
    );
  });
});

describe("a hand-typed Touches row with a blank Touch ID gets one (issue 7 item 9)", () => {
  const typed = (day: number, name: string, id: string): Row => ({
    Timestamp: daysAgo(day),
    "Contact ID": id,
    Contact: name,
    Channel: "Call",
    Direction: "Outbound",
    Outcome: "Connected",
  });

  test("only the blank cells are written; a Touch ID formula between them stays", () => {
    const wb = bench(TEAM_ROWS.slice(0, 2), [
      typed(5, "Ana Alder", "C-000001"),
      { ...typed(4, "Ben Birch", "C-000002"), "Touch ID": "T-0000007" },
      typed(3, "Ben Birch", "C-000002"),
    ]);
    const touches = sheetOf(wb, "Touches");
    const touchId = columnNumber(touches, "Touch ID");
    touches.getRange(3, touchId).setFormula('="T-"&TEXT(7,"0000000")');
    refresh(wb);
    expect(touches.getRange(2, touchId, 3, 1).getFormulas()).toEqual([
      [""],
      ['="T-"&TEXT(7,"0000000")'],
      [""],
    ]);
    expect(records(wb, "Touches").map((t) => t["Touch ID"])).toEqual([
      "T-0000001",
      "#ERROR!", // the emulator does not evaluate formulas
      "T-0000002",
    ]);
  });

  test("a person sorting Touches before the write: no Touch ID lands on another row", () => {
    const wb = bench(TEAM_ROWS.slice(0, 2), [
      typed(5, "Ana Alder", "C-000001"),
      { ...typed(4, "Ben Birch", "C-000002"), "Touch ID": "T-0000001" },
    ]);
    actBeforeFirstWrite(wb, () => {
      const touches = sheetOf(wb, "Touches");
      touches.getRange(2, 1, 2, touches.getLastColumn()).sort({ column: 2, ascending: false });
    });
    expect(records(wb, "Touches").map((t) => [t["Contact"], t["Touch ID"]])).toEqual([
      ["Ben Birch", "T-0000001"],
      ["Ana Alder", ""],
    ]);
    expect(lastRunProblems(wb)).toContain("Touches changed while this run was writing");
    refresh(wb);
    expect(records(wb, "Touches").map((t) => t["Touch ID"])).toEqual(["T-0000001", "T-0000002"]);
  });
});

describe("no irreversible change when the touch history looks lost (issue 7 item 7)", () => {
  test("Touches renamed and a new empty Touches tab made: no tier decay, no new IDs, Runs says why", () => {
    const wb = bench(TEAM_ROWS.slice(0, 3), [
      ...TEAM_TOUCHES,
      { ...TEAM_TOUCHES[0]!, "Touch ID": "T-0000002", Timestamp: daysAgo(2) },
    ]);
    refresh(wb);
    expect(contact(wb, "Dana Dark")).toMatchObject({ Tier: "Hot", Touches: 2 });

    // What renaming Touches and running Set up leaves: the log under another name, a new empty tab.
    const old = sheetOf(wb, "Touches");
    const header = old.getRange(1, 1, 1, old.getLastColumn()).getValues();
    old.setName("Touches (old)");
    wb.spreadsheet().insertSheet("Touches").getRange(1, 1, 1, header[0]!.length).setValues(header);
    typeRows(wb, "Contacts", [person("Late Lead")], 5);
    wb.emu.clock.set(new Date(NOW.getTime() + 40 * DAY_MS));
    refresh(wb);

    expect(contact(wb, "Dana Dark")).toMatchObject({ Tier: "Hot", Touches: 2 });
    expect(contact(wb, "Late Lead")["ID"]).toBe("");
    expect(records(wb, "Touches")).toEqual([]);
    expect(lastRunProblems(wb)).toContain(
      "The Touches tab is empty, but 1 contact on Contacts had touches counted",
    );
  });
});
