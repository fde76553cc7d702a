import { IMPORT_FIELDS, type ImportChoices, type ImportField } from "../../src/api/import";
import { importSummary, planImport, type ImportContext } from "../../src/domain/importPlan";
import { STAGES, TIERS } from "../../src/domain/schema";
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
const source = (grid: (string | number | boolean | Date)[][]) => ({
  name: "deals.csv",
  grid,
  error: "",
});

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

const tab = { source: { kind: "tab", tab: "Leads" } } as const;
const plan = (
  grid: (string | number | boolean | Date)[][],
  choices: Partial<ImportChoices> = {},
  overrides: Partial<ImportContext> = {},
) => planImport(source(grid), { ...tab, ...choices }, { ...context, ...overrides });
const appended = (result: ReturnType<typeof planImport>) =>
  result.appends.map((record) => Object.fromEntries(record));

describe("a source that cannot be imported", () => {
  const expectedEmpty = (error: string, locale = "en_US") => ({
    preview: {
      sourceName: "deals.csv",
      rowCount: 0,
      columns: [],
      fields: IMPORT_FIELDS,
      stageChoices: STAGES,
      tierChoices: TIERS,
      stages: [],
      tiers: [],
      owners: [],
      team: ["me@x.test"],
      numberStyle: locale === "de_DE" ? "1.234,56" : "1,234.56",
      dateOrder: locale === "de_DE" ? "DMY" : "MDY",
      locale,
      duplicates: "skip",
      previewHeaders: [],
      previewRows: [],
      counts: { imported: 0, updated: 0, skipped: 0 },
      skipped: [],
      errors: [error],
      warnings: [],
    },
    newHeaders: [],
    appends: [],
    updates: [],
    skipped: [],
    ownerAnswers: {},
  });

  it("reports the reader's error and plans nothing", () => {
    const result = planImport(
      { name: "deals.csv", grid: [["Name"], ["Ann"]], error: 'The file "deals.csv" is empty.' },
      { ...tab, duplicates: "update-empty" },
      { ...context, locale: "de_DE", team: ["me@x.test"] },
    );
    expect(result).toEqual(expectedEmpty('The file "deals.csv" is empty.', "de_DE"));
  });

  it.each([
    [
      "a blank first row",
      [
        ["", "  "],
        ["Ann", "a@x.test"],
      ],
      '"deals.csv" has no header row: its first row must name the columns.',
    ],
    ["no rows at all", [], '"deals.csv" has no header row: its first row must name the columns.'],
    [
      "only headers",
      [["Name", "Email"]],
      '"deals.csv" has a header row but no rows under it: nothing to import.',
    ],
    [
      "headers over blank rows",
      [
        ["Name", "Email"],
        ["", ""],
        [null as unknown as string, ""],
      ],
      '"deals.csv" has a header row but no rows under it: nothing to import.',
    ],
  ])("%s is named", (_, grid, error) => {
    expect(plan(grid, {}, { team: ["me@x.test"] })).toEqual(expectedEmpty(error));
  });

  it("plans nothing while the mapping has errors, and names them", () => {
    const result = plan(
      [
        ["Name", "Full Name", "Email"],
        ["Ann", "Ann Lee", "a@x.test"],
      ],
      { columns: { "1": { kind: "field", field: "Name" } } },
    );
    expect(result.preview.errors).toEqual([
      '2 columns are mapped to Name: "Name" (column A) and "Full Name" (column B). Map only one of them to Name.',
    ]);
    expect({
      appends: result.appends,
      skipped: result.skipped,
      rows: result.preview.previewRows,
    }).toEqual({
      appends: [],
      skipped: [],
      rows: [],
    });
    expect(result.preview.rowCount).toBe(1);
  });
});

describe("column choices", () => {
  const grid = [
    ["Name", "Email", "Notes", "Empty"],
    ["Ann", "a@x.test", "likes tea", ""],
  ];

  it("takes the suggestion for a column the person did not choose", () => {
    const result = plan(grid);
    expect(result.preview.columns.map((c) => [c.letter, c.target, c.suggested, c.note])).toEqual([
      ["A", { kind: "field", field: "Name" }, { kind: "field", field: "Name" }, ""],
      ["B", { kind: "field", field: "Email" }, { kind: "field", field: "Email" }, ""],
      ["C", { kind: "custom", header: "Notes" }, { kind: "custom", header: "Notes" }, ""],
      ["D", { kind: "skip" }, { kind: "skip" }, "Empty in the file."],
    ]);
    expect(appended(result)).toEqual([{ Name: "Ann", Email: "a@x.test", Notes: "likes tea" }]);
    expect(result.newHeaders).toEqual(["Notes"]);
  });

  it("follows the person's choices, ignoring a field Touchbase does not know", () => {
    const result = plan(grid, {
      columns: {
        "1": { kind: "field", field: "Fax" as ImportField },
        "2": { kind: "custom", header: "  Tea  " },
        "3": { kind: "skip" },
      },
    });
    expect(result.preview.columns.map((c) => c.target)).toEqual([
      { kind: "field", field: "Name" },
      { kind: "field", field: "Email" },
      { kind: "custom", header: "  Tea  " },
      { kind: "skip" },
    ]);
    expect(appended(result)).toEqual([{ Name: "Ann", Email: "a@x.test", Tea: "likes tea" }]);
    expect(result.newHeaders).toEqual(["Tea"]);
  });

  it("drops a column the person leaves out", () => {
    const result = plan(grid, { columns: { "2": { kind: "skip" } } });
    expect(appended(result)).toEqual([{ Name: "Ann", Email: "a@x.test" }]);
    expect(result.newHeaders).toEqual([]);
    expect(result.preview.previewHeaders).toEqual(["Row", "Import as", "Name", "Email"]);
  });

  it("adds only the headers Contacts lacks, once each", () => {
    const result = plan([
      ["First Name", "Last Name", "Phone", "Notes", "Source"],
      ["Ann", "Lee", "555", "x", "web"],
    ]);
    expect(result.newHeaders).toEqual(["Phone", "Notes", "Source"]);
    expect(result.preview.previewHeaders).toEqual([
      "Row",
      "Import as",
      "Name",
      "Phone",
      "Notes",
      "Source",
    ]);
  });

  it("shows up to three samples per column, long ones cut at 60 characters", () => {
    const long = "x".repeat(61);
    const result = plan([
      ["Name", "Notes"],
      ["Ann", long],
      ["Ben", ""],
      ["Cy", "x".repeat(60)],
      ["Di", "d"],
      ["Ed", "e"],
    ]);
    expect(result.preview.columns.map((c) => c.samples)).toEqual([
      ["Ann", "Ben", "Cy"],
      [`${"x".repeat(59)}…`, "x".repeat(60), "d"],
    ]);
    expect(result.preview.rowCount).toBe(5);
  });
});

describe("names", () => {
  it("joins First Name and Last Name, either alone is enough", () => {
    const result = plan([
      ["First Name", "Last Name", "Email"],
      ["Ann", "Lee", "a@x.test"],
      ["", "Bo", "b@x.test"],
      ["Cy", "  ", "c@x.test"],
      ["", "", "d@x.test"],
    ]);
    expect(appended(result).map((r) => r.Name)).toEqual(["Ann Lee", "Bo", "Cy"]);
    expect(result.skipped).toEqual([{ row: 5, kind: "no-name", reason: "no name" }]);
  });
});

describe("values read for their column", () => {
  it("reads Deal Value in the locale, keeps numbers, and names what is not a number", () => {
    const result = plan(
      [
        ["Name", "Deal Value"],
        ["Ann", "1.200,50"],
        ["Ben", 300],
        ["Cy", "lots"],
        ["Di", ""],
      ],
      {},
      { locale: "de_DE" },
    );
    expect(appended(result).map((r) => r["Deal Value"])).toEqual([1200.5, 300, "lots", undefined]);
    expect(result.preview.numberStyle).toBe("1.234,56");
    expect(result.preview.warnings).toEqual([
      'Deal Value: "lots" (row 4) not a number written 1.234,56: kept as written (the row\'s Problem will name it).',
    ]);
  });

  it("names numbers that read two ways, with how they were read", () => {
    const result = plan([
      ["Name", "Deal Value"],
      ["Ann", "12,500"],
      ["Ben", "1,250"],
      ["Cy", "2,500"],
      ["Di", "3,500"],
    ]);
    expect(appended(result).map((r) => r["Deal Value"])).toEqual([12500, 1250, 2500, 3500]);
    expect(result.preview.warnings).toEqual([
      'Deal Value: "12,500", "1,250", "2,500" and 1 more can be read two ways; read as 1,234.56 ' +
        "(the spreadsheet's locale en_US) — 12,500 = 12500. Choose the number format if the file writes numbers the other way.",
    ]);
  });

  it("reads numbers the way the person chose, without a note", () => {
    const result = plan(
      [
        ["Name", "Deal Value"],
        ["Ann", "12,500"],
      ],
      { numberStyle: "1.234,56" },
    );
    expect(appended(result)[0]!["Deal Value"]).toBe(12.5);
    expect(result.preview.numberStyle).toBe("1.234,56");
    expect(result.preview.warnings).toEqual([]);
  });

  it("names dates that read two ways, in the locale's order", () => {
    const grid = [
      ["Name", "Next Follow-Up", "Renewal Date", "Created"],
      ["Ann", "03/04/2026", "05/06/2026", "07/08/2026"],
      ["Ben", "09/10/2026", "", "not yet"],
    ];
    const us = plan(grid);
    expect(appended(us).map((r) => [r["Next Follow-Up"], r["Renewal Date"], r.Created])).toEqual([
      [
        new Date("2026-03-04T05:00:00Z"),
        new Date("2026-05-06T04:00:00Z"),
        new Date("2026-07-08T04:00:00Z"),
      ],
      [new Date("2026-09-10T04:00:00Z"), undefined, "not yet"],
    ]);
    expect(us.preview.warnings).toEqual([
      'Dates: "03/04/2026", "09/10/2026", "05/06/2026" and 1 more can be read two ways; read month first ' +
        "(the spreadsheet's locale en_US). Choose the date order if the file writes them the other way.",
      'Created: "not yet" (row 3) not a date: kept as written (the row\'s Problem will name it).',
    ]);
    const gb = plan(grid, {}, { locale: "en_GB" });
    expect(appended(gb)[0]!["Next Follow-Up"]).toEqual(new Date("2026-04-03T04:00:00Z"));
    expect(gb.preview.warnings[0]).toBe(
      'Dates: "03/04/2026", "09/10/2026", "05/06/2026" and 1 more can be read two ways; read day first ' +
        "(the spreadsheet's locale en_GB). Choose the date order if the file writes them the other way.",
    );
  });

  it("reads dates in the order the person chose, and keeps Date cells", () => {
    const at = new Date("2026-01-02T15:00:00Z");
    const result = plan(
      [
        ["Name", "Next Follow-Up"],
        ["Ann", "03/04/2026"],
        ["Ben", at],
      ],
      { dateOrder: "DMY" },
    );
    expect(appended(result).map((r) => r["Next Follow-Up"])).toEqual([
      new Date("2026-04-03T04:00:00Z"),
      at,
    ]);
    expect(result.preview.dateOrder).toBe("DMY");
    expect(result.preview.warnings).toEqual([]);
  });

  it("reads checkbox words, and an unreadable Opted Out or Paused as checked", () => {
    const result = plan([
      ["Name", "Auto Email", "Paused", "Opted Out"],
      ["Ann", "yes", "nein", "x"],
      ["Ben", "maybe", "perhaps", "unsure"],
      ["Cy", true, false, "soon"],
      ["Di", "FALSE", "", "Ja"],
    ]);
    expect(appended(result).map((r) => [r["Auto Email"], r.Paused, r["Opted Out"]])).toEqual([
      [true, false, true],
      [false, true, true],
      [true, false, true],
      [false, undefined, true],
    ]);
    expect(result.preview.warnings).toEqual([
      'Auto Email: "maybe" (row 3) is not yes or no: read as unchecked.',
      'Paused: "perhaps" (row 3) is not yes or no: read as checked (the safe reading).',
      'Opted Out: "unsure" (row 3), "soon" (row 4) are not yes or no: read as checked (the safe reading).',
    ]);
  });

  it("keeps the first of several emails and names one that is not an address", () => {
    const result = plan([
      ["Name", "Email", "Company"],
      ["Ann", "ann@x.test ::: ann@home.test", "  Acme  "],
      ["Ben", "ben at x", ""],
      ["Cy", "cy(at)x", ""],
    ]);
    expect(appended(result)).toEqual([
      { Name: "Ann", Email: "ann@x.test", Company: "Acme" },
      { Name: "Ben", Email: "ben at x" },
      { Name: "Cy", Email: "cy(at)x" },
    ]);
    expect(result.preview.warnings).toEqual([
      'Email: "ben at x" (row 3), "cy(at)x" (row 4) do not look like an address: imported as written (the row\'s Problem will say so).',
    ]);
    const one = plan([
      ["Name", "Email"],
      ["Ben", "ben at x"],
    ]);
    expect(one.preview.warnings).toEqual([
      'Email: "ben at x" (row 2) does not look like an address: imported as written (the row\'s Problem will say so).',
    ]);
  });

  it("lists five values of a warning and counts the rest", () => {
    const rows = ["a", "b", "c", "d", "e", "f", "g"].map((v, i) => [`P${i}`, v]);
    const result = plan([["Name", "Deal Value"], ...rows]);
    expect(result.preview.warnings).toEqual([
      'Deal Value: "a" (row 2), "b" (row 3), "c" (row 4), "d" (row 5), "e" (row 6) and 2 more not a number written 1,234.56: kept as written (the row\'s Problem will name it).',
    ]);
  });
});

describe("stage and tier words", () => {
  const grid = [
    ["Name", "Lifecycle Stage", "Priority"],
    ["Ann", "customer", "high"],
    ["Ben", "Customer", "A"],
    ["Cy", "Zombie", "meh"],
    ["Di", "open", "Warm"],
    ["Ed", "Walking", "meh"],
  ];

  it("suggests our words, names the unknown ones, and counts their rows", () => {
    const result = plan(grid, { columns: { "2": { kind: "field", field: "Tier" } } });
    expect(result.preview.stages).toEqual([
      { word: "customer", rows: 2, value: "Won", recognised: true },
      { word: "Zombie", rows: 1, value: "", recognised: false },
      { word: "open", rows: 1, value: "", recognised: true },
      { word: "Walking", rows: 1, value: "", recognised: false },
    ]);
    expect(result.preview.tiers).toEqual([
      { word: "high", rows: 1, value: "Hot", recognised: true },
      { word: "A", rows: 1, value: "Hot", recognised: true },
      { word: "meh", rows: 2, value: "", recognised: false },
      { word: "Warm", rows: 1, value: "Warm", recognised: true },
    ]);
    expect(appended(result).map((r) => [r.Name, r.Stage, r.Tier])).toEqual([
      ["Ann", "Won", "Hot"],
      ["Ben", "Won", "Hot"],
      ["Cy", undefined, undefined],
      ["Di", undefined, "Warm"],
      ["Ed", undefined, undefined],
    ]);
    expect(result.preview.warnings).toEqual([
      `Stage: "Zombie" (1 row), "Walking" (1 row) are not one of Touchbase's stages: left blank unless you choose a stage.`,
      'Tier: "meh" (2 rows) left blank unless you choose a tier.',
    ]);
  });

  it("follows the person's answers: a stage, blank, or an unknown answer falls back", () => {
    const result = plan(grid, {
      columns: { "2": { kind: "field", field: "Tier" } },
      stages: { "  CUSTOMER ": "", zombie: "Nurture", walking: "Sleeping" },
      tiers: { MEH: "Cold", high: "" },
    });
    expect(result.preview.stages.map((v) => [v.word, v.value])).toEqual([
      ["customer", ""],
      ["Zombie", "Nurture"],
      ["open", ""],
      ["Walking", ""],
    ]);
    expect(appended(result).map((r) => [r.Stage, r.Tier])).toEqual([
      [undefined, undefined],
      [undefined, "Hot"],
      ["Nurture", "Cold"],
      [undefined, "Warm"],
      [undefined, "Cold"],
    ]);
    expect(result.preview.warnings).toEqual([
      `Stage: "Walking" (1 row) is not one of Touchbase's stages: left blank unless you choose a stage.`,
    ]);
  });

  it("keeps the first stage found when no column holds a closing word", () => {
    const result = plan([
      ["Name", "Deal - Stage", "Lifecycle Stage"],
      ["Ann", "", "lead"],
      ["Ben", "Proposal Made", "lead"],
      ["Cy", "open", "lost"],
    ]);
    expect(appended(result).map((r) => r.Stage)).toEqual(["New Lead", "Proposal Sent", "Lost"]);
  });
});

describe("owners", () => {
  const team = [
    "maria.lopez@acme.test",
    "bob.king@acme.test",
    "bob.stone@acme.test",
    "kim-li@acme.test",
  ];

  it("maps an owner's name to the team address that spells it, and remembers the answer", () => {
    const result = plan(
      [
        ["Name", "Contact owner"],
        ["A", "Maria Lopez"],
        ["B", "maria lopez"],
        ["C", "Kim Li"],
        ["D", "Kim"],
        ["E", "Bob"],
        ["F", "Bob Stone"],
        ["G", "Zed <ZED@Acme.test>"],
        ["H", "ann@acme.test"],
      ],
      {},
      { team },
    );
    expect(appended(result).map((r) => r.Owner)).toEqual([
      "maria.lopez@acme.test",
      "maria.lopez@acme.test",
      "kim-li@acme.test",
      "kim-li@acme.test",
      undefined,
      "bob.stone@acme.test",
      "zed@acme.test",
      "ann@acme.test",
    ]);
    expect(result.preview.owners).toEqual([
      { name: "Maria Lopez", rows: 2, email: "maria.lopez@acme.test" },
      { name: "Kim Li", rows: 1, email: "kim-li@acme.test" },
      { name: "Kim", rows: 1, email: "kim-li@acme.test" },
      { name: "Bob", rows: 1, email: "" },
      { name: "Bob Stone", rows: 1, email: "bob.stone@acme.test" },
    ]);
    expect(result.ownerAnswers).toEqual({
      "maria lopez": "maria.lopez@acme.test",
      "kim li": "kim-li@acme.test",
      kim: "kim-li@acme.test",
      "bob stone": "bob.stone@acme.test",
    });
    expect(result.preview.warnings).toEqual([
      'Owner: "Bob" has no team email: left blank (the contact shows "No owner") unless you choose one.',
    ]);
  });

  it("prefers the person's answer, then an earlier import's, and ignores an answer that is no address", () => {
    const result = plan(
      [
        ["Name", "Owner"],
        ["A", "Maria Lopez"],
        ["B", "Bob"],
        ["C", "Sam"],
        ["D", "Pat"],
      ],
      { owners: { "MARIA  LOPEZ": " Bob@Acme.test ", sam: "not an address", pat: "" } },
      { team, rememberedOwners: { bob: "bob.stone@acme.test", sam: "sam@acme.test" } },
    );
    expect(appended(result).map((r) => r.Owner)).toEqual([
      "bob@acme.test",
      "bob.stone@acme.test",
      undefined,
      undefined,
    ]);
    expect(result.preview.warnings).toEqual([
      'Owner: "Sam", "Pat" have no team email: left blank (the contact shows "No owner") unless you choose one.',
    ]);
  });
});

describe("duplicates and the preview", () => {
  const existing = indexTable("Contacts", [
    ["ID", "Name", "Email", "Company", "Phone", "Next Follow-Up"],
    ["C-1", "Old", "OLD@x.test", "", "  ", ""],
    ["C-2", "Full", "full@x.test", "Full Co", "555", ""],
    ["C-3", "Twin", "old@x.test", "", "", ""],
  ]);

  it("fills only the empty cells of an existing contact, and skips one with nothing to fill", () => {
    const result = plan(
      [
        ["Name", "Email", "Company", "Phone", "Tag"],
        ["Old again", "old@x.test", "New Co", "777", "vip"],
        ["Full again", "FULL@x.test", "Other Co", "999", ""],
      ],
      { duplicates: "update-empty" },
      { contacts: existing },
    );
    expect(result.updates.map((u) => [u.index, Object.fromEntries(u.cells)])).toEqual([
      [0, { Company: "New Co", Phone: "777", Tag: "vip" }],
    ]);
    expect(result.appends).toEqual([]);
    expect(result.skipped).toEqual([
      {
        row: 3,
        kind: "nothing-new",
        reason: "full@x.test is already in Contacts (row 3) and has no empty cell this row fills",
      },
    ]);
    expect(result.preview.previewRows).toEqual([
      ["2", "Fills 3 empty cells of Contacts row 2", "", "", "New Co", "777", "vip"],
      [
        "3",
        "Skipped: full@x.test is already in Contacts (row 3) and has no empty cell this row fills",
        "",
        "",
        "",
        "",
        "",
      ],
    ]);
    expect(result.preview.counts).toEqual({ imported: 0, updated: 1, skipped: 1 });
    expect(result.preview.duplicates).toBe("update-empty");
  });

  it("says a single filled cell in the singular", () => {
    const result = plan(
      [
        ["Name", "Email", "Company"],
        ["Old", "old@x.test", "New Co"],
      ],
      { duplicates: "update-empty" },
      { contacts: existing },
    );
    expect(result.preview.previewRows).toEqual([
      ["2", "Fills 1 empty cell of Contacts row 2", "", "", "New Co"],
    ]);
  });

  it("matches contacts when Contacts has no Email column: every row is new", () => {
    const noEmail = indexTable("Contacts", [
      ["ID", "Name"],
      ["C-1", "Old"],
    ]);
    const result = plan(
      [
        ["Name", "Email"],
        ["Old", "old@x.test"],
      ],
      {},
      { contacts: noEmail },
    );
    expect(appended(result)).toEqual([{ Name: "Old", Email: "old@x.test" }]);
    expect(result.newHeaders).toEqual(["Email"]);
  });

  it("shows the first ten rows as they will land, dates in the zone and checkboxes as ✓", () => {
    const rows = Array.from({ length: 12 }, (_, i) => [
      `P${i + 1}`,
      i === 0 ? "2026-03-02 14:30" : "2026-03-02",
      i % 2 === 0 ? "yes" : "no",
    ]);
    const result = plan([["Name", "Next Follow-Up", "Auto Email"], ...rows]);
    expect(result.preview.previewHeaders).toEqual([
      "Row",
      "Import as",
      "Name",
      "Next Follow-Up",
      "Auto Email",
    ]);
    expect(result.preview.previewRows).toHaveLength(10);
    expect(result.preview.previewRows.slice(0, 3)).toEqual([
      ["2", "New contact", "P1", "2026-03-02 14:30", "✓"],
      ["3", "New contact", "P2", "2026-03-02", ""],
      ["4", "New contact", "P3", "2026-03-02", "✓"],
    ]);
    expect(result.preview.previewRows[9]![0]).toBe("11");
    expect(result.preview.counts).toEqual({ imported: 12, updated: 0, skipped: 0 });
  });

  it("shows a time of whole hours and of minutes past midnight", () => {
    const result = plan([
      ["Name", "Next Follow-Up"],
      ["A", "2026-03-02 09:00"],
      ["B", "2026-03-02 00:05"],
    ]);
    expect(result.preview.previewRows.map((r) => r[3])).toEqual([
      "2026-03-02 09:00",
      "2026-03-02 00:05",
    ]);
  });

  it("skips a row with a value too long for a cell, naming the column", () => {
    const long = "y".repeat(50_001);
    const result = plan(
      [
        ["Name", "Notes", ""],
        ["Ann", long, ""],
        ["Ben", "x".repeat(50_000), ""],
        ["Cy", "", long],
      ],
      { columns: { "2": { kind: "custom", header: "Extra" } } },
    );
    expect(result.skipped).toEqual([
      {
        row: 2,
        kind: "too-long",
        reason: '"Notes" holds 50,001 characters; a cell holds at most 50,000',
      },
      {
        row: 4,
        kind: "too-long",
        reason: '"C" holds 50,001 characters; a cell holds at most 50,000',
      },
    ]);
    expect(appended(result).map((r) => r.Name)).toEqual(["Ben"]);
  });

  it("ignores a long value in a column left out", () => {
    const result = plan(
      [
        ["Name", "Notes"],
        ["Ann", "y".repeat(50_001)],
      ],
      { columns: { "1": { kind: "skip" } } },
    );
    expect(appended(result)).toEqual([{ Name: "Ann" }]);
  });

  it("lists at most 200 skipped rows in the preview but counts them all", () => {
    const rows = Array.from({ length: 205 }, () => ["", "x"]);
    const result = plan([["Name", "Notes"], ["Ann", "x"], ...rows]);
    expect(result.skipped).toHaveLength(205);
    expect(result.preview.skipped).toHaveLength(200);
    expect(result.preview.skipped[199]).toEqual({ row: 202, reason: "no name" });
    expect(result.preview.counts).toEqual({ imported: 1, updated: 0, skipped: 205 });
  });
});

describe("the import summary", () => {
  it.each([
    [{ imported: 1, updated: 0, skipped: 0 }, [], 'Imported 1 new contact from "x.csv".'],
    [{ imported: 0, updated: 0, skipped: 0 }, [], 'Imported 0 new contacts from "x.csv".'],
    [
      { imported: 0, updated: 2, skipped: 1 },
      [{ row: 4, kind: "repeated", reason: "" }],
      'Imported 0 new contacts from "x.csv"; filled empty cells of 2 existing contacts; skipped 1: 1 repeating an Email seen earlier in the file (row 4).',
    ],
    [
      { imported: 3, updated: 1, skipped: 2 },
      [
        { row: 7, kind: "nothing-new", reason: "" },
        { row: 8, kind: "too-long", reason: "" },
      ],
      'Imported 3 new contacts from "x.csv"; filled empty cells of 1 existing contact; skipped 2: 1 already in Contacts with nothing new to fill (row 7); 1 with a value too long for a cell (row 8).',
    ],
  ] as const)("%j", (counts, skipped, text) => {
    expect(importSummary("x.csv", counts, skipped)).toBe(text);
  });

  it("lists ten rows of a kind and counts the rest", () => {
    const skipped = Array.from({ length: 12 }, (_, i) => ({
      row: i + 2,
      kind: "no-name" as const,
      reason: "",
    }));
    expect(importSummary("x.csv", { imported: 0, updated: 0, skipped: 12 }, skipped)).toBe(
      'Imported 0 new contacts from "x.csv"; skipped 12: 12 without a name (rows 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 and 2 more).',
    );
  });
});

describe("edges of the source grid", () => {
  it("treats a column of spaces as empty, and a short row as blank to its end", () => {
    const result = plan([["Name", "Notes", "Company"], ["Ann", "  ", "Acme"], ["Ben"]]);
    expect(result.preview.columns.map((c) => [c.header, c.target, c.note, c.samples])).toEqual([
      ["Name", { kind: "field", field: "Name" }, "", ["Ann", "Ben"]],
      ["Notes", { kind: "skip" }, "Empty in the file.", []],
      ["Company", { kind: "field", field: "Company" }, "", ["Acme"]],
    ]);
    expect(appended(result)).toEqual([{ Name: "Ann", Company: "Acme" }, { Name: "Ben" }]);
  });

  it("lists exactly five values of a warning, and three ambiguous numbers, without 'more'", () => {
    const result = plan([
      ["Name", "Deal Value", "Paused"],
      ["A", "12,500", "a"],
      ["B", "1,250", "b"],
      ["C", "2,500", "c"],
      ["D", "9", "d"],
      ["E", "9", "e"],
    ]);
    expect(result.preview.warnings).toEqual([
      'Deal Value: "12,500", "1,250", "2,500" can be read two ways; read as 1,234.56 ' +
        "(the spreadsheet's locale en_US) — 12,500 = 12500. Choose the number format if the file writes numbers the other way.",
      'Paused: "a" (row 2), "b" (row 3), "c" (row 4), "d" (row 5), "e" (row 6) are not yes or no: read as checked (the safe reading).',
    ]);
  });

  it("leaves blank stage cells out of the words to map", () => {
    const result = plan([
      ["Name", "Stage"],
      ["A", ""],
      ["B", "lead"],
      ["C", "  "],
    ]);
    expect(result.preview.stages).toEqual([
      { word: "lead", rows: 1, value: "New Lead", recognised: true },
    ]);
  });

  it("matches an owner's first name to an address that starts with a separator", () => {
    const result = plan(
      [
        ["Name", "Owner"],
        ["A", "Ana"],
      ],
      {},
      { team: ["_ana.bell@acme.test"] },
    );
    expect(result.preview.owners).toEqual([{ name: "Ana", rows: 1, email: "_ana.bell@acme.test" }]);
  });
});

describe("custom columns", () => {
  it("keep numbers, dates and booleans as they are and trim text", () => {
    const at = new Date("2026-05-01T12:00:00Z");
    const result = plan([
      ["Name", "Score", "Met", "Vip", "Notes"],
      ["Ann", 42, at, true, "  hello  "],
    ]);
    expect(appended(result)).toEqual([
      { Name: "Ann", Score: 42, Met: at, Vip: true, Notes: "hello" },
    ]);
    expect(result.preview.previewRows).toEqual([
      ["2", "New contact", "Ann", "42", "2026-05-01 08:00", "✓", "hello"],
    ]);
  });
});

describe("more values read for their column", () => {
  it("keeps a number cell in Deal Value even where its text would not read in the locale", () => {
    const result = plan(
      [
        ["Name", "Deal Value"],
        ["Ann", 1234.5],
      ],
      {},
      { locale: "de_DE" },
    );
    expect(appended(result)).toEqual([{ Name: "Ann", "Deal Value": 1234.5 }]);
    expect(result.preview.warnings).toEqual([]);
  });

  it("names values kept as written once per column and problem", () => {
    const result = plan([
      ["Name", "Deal Value", "Created"],
      ["Ann", "lots", "soon"],
    ]);
    expect(result.preview.warnings).toEqual([
      'Deal Value: "lots" (row 2) not a number written 1,234.56: kept as written (the row\'s Problem will name it).',
      'Created: "soon" (row 2) not a date: kept as written (the row\'s Problem will name it).',
    ]);
  });

  it("keeps the first of several emails joined without spaces", () => {
    const result = plan([
      ["Name", "Email"],
      ["Ann", "ann@x.test:::ann@home.test"],
    ]);
    expect(appended(result)).toEqual([{ Name: "Ann", Email: "ann@x.test" }]);
  });

  it("counts rows of unknown words in the singular and plural", () => {
    const result = plan([
      ["Name", "Stage", "Tier"],
      ["A", "Zombie", "meh"],
      ["B", "zombie", ""],
    ]);
    expect(result.preview.warnings).toEqual([
      `Stage: "Zombie" (2 rows) is not one of Touchbase's stages: left blank unless you choose a stage.`,
      'Tier: "meh" (1 row) left blank unless you choose a tier.',
    ]);
  });
});

describe("duplicates by default", () => {
  it("skips a contact already in Contacts unless the person chose to fill empty cells", () => {
    const result = plan([
      ["Name", "Email", "Company"],
      ["Old", "old@x.test", "Filled Co"],
      ["Twin", "Old@X.test", "Other"],
    ]);
    expect(result.preview.duplicates).toBe("skip");
    expect(result.updates).toEqual([]);
    expect(result.skipped).toEqual([
      { row: 2, kind: "in-contacts", reason: "old@x.test is already in Contacts (row 2)" },
      { row: 3, kind: "repeated", reason: 'same Email as row 2 of "deals.csv" (old@x.test)' },
    ]);
  });
});
