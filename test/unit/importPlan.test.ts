import { importSummary, planImport, type ImportContext } from "../../src/domain/importPlan";
import { indexTable } from "../../src/domain/table";

const contacts = indexTable("Contacts", [
  ["ID", "Name", "Email", "Company", "Stage"],
  ["C-000001", "Old", "old@x.test", "", "Qualified"],
]);
const context: ImportContext = {
  contacts,
  locale: "en_US",
  zone: "America/New_York",
  rememberedOwners: {},
  team: [],
};
const source = (grid: string[][]) => ({ name: "deals.csv", grid, error: "" });

describe("the import plan", () => {
  it("takes a closing word from any Stage column (Pipedrive Status over Stage)", () => {
    const plan = planImport(
      source([
        ["Person - Name", "Deal - Stage", "Deal - Status"],
        ["Ann", "Proposal Made", "won"],
        ["Ben", "Negotiations Started", "open"],
        ["Cy", "Qualified", "lost"],
      ]),
      { source: { kind: "tab", tab: "x" } },
      context,
    );
    expect(plan.appends.map((r) => [r.get("Name"), r.get("Stage")])).toEqual([
      ["Ann", "Won"],
      ["Ben", "Negotiation"],
      ["Cy", "Lost"],
    ]);
  });

  it.each([
    [
      "skip",
      { appends: 1, updates: 0 },
      [
        "old@x.test is already in Contacts (row 2)",
        "no name",
        'same Email as row 2 of "deals.csv" (new@x.test)',
      ],
    ],
    [
      "update-empty",
      { appends: 1, updates: 1 },
      ["no name", 'same Email as row 2 of "deals.csv" (new@x.test)'],
    ],
  ] as const)("duplicates %s: rows skipped with their reasons", (mode, counts, reasons) => {
    const plan = planImport(
      source([
        ["Name", "Email", "Company"],
        ["New", "new@x.test", "N Co"],
        ["Old again", "OLD@x.test", "Filled Co"],
        ["", "nobody@x.test", ""],
        ["New twice", "new@x.test", ""],
      ]),
      { source: { kind: "tab", tab: "x" }, duplicates: mode },
      context,
    );
    expect({ appends: plan.appends.length, updates: plan.updates.length }).toEqual(counts);
    expect(plan.skipped.map((s) => s.reason)).toEqual(reasons);
    if (mode === "update-empty") {
      // Only the empty Company is filled: Name and Stage of the existing row are kept.
      expect([...plan.updates[0]!.cells]).toEqual([["Company", "Filled Co"]]);
    }
  });

  it("summarises each kind of skip with its rows", () => {
    expect(
      importSummary("deals.csv", { imported: 2, updated: 1, skipped: 3 }, [
        { row: 3, kind: "in-contacts", reason: "" },
        { row: 5, kind: "in-contacts", reason: "" },
        { row: 9, kind: "no-name", reason: "" },
      ]),
    ).toBe(
      'Imported 2 new contacts from "deals.csv"; filled empty cells of 1 existing contact; skipped 3: 2 already in Contacts (rows 3, 5); 1 without a name (row 9).',
    );
  });
});
