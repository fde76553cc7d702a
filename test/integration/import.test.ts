// "Import contacts" through the built bundle (issue 12): a tab and CSV files in, one batch write,
// duplicates by Email, text kept as text, the Runs report, bad input, and service calls that do not
// grow with the rows. The dialog's calls are made as google.script.run makes them (sidebarCall).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { RunResult } from "../../emulator";
import { createWorkbench, DIST_DIR, type Workbench } from "../../scripts/demo/workbench";
import { ALEX, records, sheetOf, typeRows } from "./support";

const NOW = new Date("2026-03-02T14:00:00Z");

type Choices = Record<string, unknown>;

function serverCall(wb: Workbench, name: string, ...args: unknown[]): RunResult {
  return wb.emu.sidebarCall(ALEX, wb.spreadsheetId, name, ...args);
}

/** The value of a ServerResult call, failing the test with the call's error otherwise. */
function valueOf<T>(result: RunResult): T {
  if (result.error) throw result.error;
  const answer = result.value as { ok: boolean; value?: T; error?: string };
  if (!answer.ok) throw new Error(`server said: ${answer.error}`);
  return answer.value as T;
}

function errorOf(result: RunResult): string {
  if (result.error) throw result.error;
  const answer = result.value as { ok: boolean; error?: string };
  if (answer.ok) throw new Error("the call succeeded where it should have failed");
  return answer.error ?? "";
}

let uploads = 0;
/** Uploads CSV text as the dialog does (parts of 30,000 characters, 32 per call). */
function upload(wb: Workbench, text: string, fileName = "contacts.csv"): Choices["source"] {
  const uploadId = `test-upload-${++uploads}`;
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += 30_000) parts.push(text.slice(i, i + 30_000));
  for (let first = 0; first === 0 || first < parts.length; first += 32) {
    valueOf(serverCall(wb, "importUploadCsv", uploadId, first, parts.slice(first, first + 32)));
  }
  return { kind: "csv", fileName, uploadId, parts: parts.length };
}

interface Preview {
  rowCount: number;
  columns: {
    header: string;
    target: { kind: string; field?: string; header?: string };
    note: string;
  }[];
  stages: { word: string; value: string; recognised: boolean }[];
  owners: { name: string; email: string }[];
  numberStyle: string;
  dateOrder: string;
  previewHeaders: string[];
  previewRows: string[][];
  counts: { imported: number; updated: number; skipped: number };
  skipped: { row: number; reason: string }[];
  errors: string[];
  warnings: string[];
}
interface Outcome {
  counts: { imported: number; updated: number; skipped: number };
  summary: string;
}

const previewOf = (wb: Workbench, choices: Choices) =>
  valueOf<Preview>(serverCall(wb, "importPreview", choices));
const importOf = (wb: Workbench, choices: Choices) =>
  valueOf<Outcome>(serverCall(wb, "importRun", choices));

/** "Field" per source header, from the preview's column targets. */
function targets(preview: Preview): Record<string, string> {
  return Object.fromEntries(
    preview.columns.map((c) => [
      c.header,
      c.target.kind === "field"
        ? c.target.field!
        : c.target.kind === "custom"
          ? `custom:${c.target.header}`
          : "skip",
    ]),
  );
}

function contactsSnapshot(wb: Workbench): string {
  return JSON.stringify(wb.values("Contacts"));
}

function runsRows(wb: Workbench) {
  return records(wb, "Runs");
}

function newWorkbench(locale?: string): Workbench {
  const wb = createWorkbench({ now: NOW });
  if (locale) wb.spreadsheet().setSpreadsheetLocale(locale);
  return wb;
}

const HUBSPOT_CSV = [
  "Record ID,First Name,Last Name,Email,Company Name,Contact owner,Lifecycle Stage,Phone Number",
  '101,Ana,Díaz,ana@client.test,"Díaz, Gómez & Co",Sam Lee,lead,+1 555 0100',
  "102,Ben,Okafor,BEN@client.test,Okafor Ltd,Sam Lee,opportunity,",
  "103,Chloé,Martin,chloe@client.test,Martin SA,Priya Rao,customer,",
].join("\r\n");

describe("the Import contacts dialog", () => {
  it("opens dist/Import.html as a modal dialog that loads nothing from the network", () => {
    const wb = newWorkbench();
    const result = wb.menu("menuImportContacts");
    expect(result.error).toBeUndefined();
    const dialog = wb.emu.spreadsheets.ui.dialogs.at(-1)!;
    expect({ kind: dialog.kind, title: dialog.title }).toEqual({
      kind: "modal",
      title: "Import contacts",
    });
    expect(dialog.html).toBe(readFileSync(join(DIST_DIR, "Import.html"), "utf8"));
    expect(dialog.html.match(/(src|href)\s*=\s*["']?https?:/gi)).toBeNull();
    // Every control the person uses has a label.
    expect(dialog.html).toContain('<label for="tab-select"');
    expect(dialog.html).toContain('<label for="file-input"');
  });

  it("importStart lists the tabs a list can come from, not Touchbase's own", () => {
    const wb = newWorkbench();
    wb.spreadsheet().insertSheet("Leads");
    const start = valueOf<{ tabs: string[] }>(serverCall(wb, "importStart"));
    expect(start.tabs.filter((t) => t !== "Sheet1")).toEqual(["Leads"]);
  });
});

describe("import from a tab", () => {
  it("maps a Leads tab's Full name, E-mail, Account and Status and writes a Runs report", () => {
    const wb = newWorkbench();
    const leads = wb.spreadsheet().insertSheet("Leads");
    leads.getRange(1, 1, 4, 4).setValues([
      ["Full name", "E-mail", "Account", "Status"],
      ["Dana Fox", "dana@fox.test", "Fox Inc", "Proposal Made"],
      ["Eli Stone", "eli@stone.test", "Stone LLC", "won"],
      ["Fay Wong", "", "Wong Co", "Demo booked"],
    ]);
    const source = { kind: "tab", tab: "Leads" };
    const preview = previewOf(wb, { source });
    expect(targets(preview)).toEqual({
      "Full name": "Name",
      "E-mail": "Email",
      Account: "Company",
      Status: "Stage",
    });
    expect(preview.stages).toEqual([
      { word: "Proposal Made", rows: 1, value: "Proposal Sent", recognised: true },
      { word: "won", rows: 1, value: "Won", recognised: true },
      { word: "Demo booked", rows: 1, value: "", recognised: false },
    ]);
    expect(preview.previewRows[0]).toEqual([
      "2",
      "New contact",
      "Dana Fox",
      "dana@fox.test",
      "Fox Inc",
      "Proposal Sent",
    ]);

    const outcome = importOf(wb, { source, stages: { "Demo booked": "Qualified" } });

    expect(outcome.counts).toEqual({ imported: 3, updated: 0, skipped: 0 });
    expect(records(wb, "Contacts").map((r) => [r.Name, r.Email, r.Company, r.Stage, r.ID])).toEqual(
      [
        ["Dana Fox", "dana@fox.test", "Fox Inc", "Proposal Sent", ""],
        ["Eli Stone", "eli@stone.test", "Stone LLC", "Won", ""],
        ["Fay Wong", "", "Wong Co", "Qualified", ""],
      ],
    );
    expect(runsRows(wb).at(-1)).toMatchObject({
      User: ALEX,
      Trigger: "Import",
      Contacts: 3,
      Problems: 'Imported 3 new contacts from "Leads".',
      Error: "",
    });
    // The next refresh gives them IDs.
    wb.menu("menuRefreshNow");
    expect(records(wb, "Contacts").map((r) => r.ID)).toEqual(["C-000001", "C-000002", "C-000003"]);
  });
});

describe("import from a CSV file", () => {
  it("reads a HubSpot export: names joined, owners asked once and remembered, stages mapped", () => {
    const wb = newWorkbench();
    typeRows(wb, "Contacts", [{ Name: "Existing", Owner: "sam.lee@acme.test" }]);
    const source = upload(wb, HUBSPOT_CSV, "hubspot.csv");
    const preview = previewOf(wb, { source });
    expect(targets(preview)).toEqual({
      "Record ID": "custom:Record ID",
      "First Name": "First Name",
      "Last Name": "Last Name",
      Email: "Email",
      "Company Name": "Company",
      "Contact owner": "Owner",
      "Lifecycle Stage": "Stage",
      "Phone Number": "Phone",
    });
    // "Sam Lee" matches the team address sam.lee@…; "Priya Rao" is asked.
    expect(preview.owners).toEqual([
      { name: "Sam Lee", rows: 2, email: "sam.lee@acme.test" },
      { name: "Priya Rao", rows: 1, email: "" },
    ]);

    const outcome = importOf(wb, { source, owners: { "Priya Rao": "priya@acme.test" } });

    expect(outcome.counts).toEqual({ imported: 3, updated: 0, skipped: 0 });
    const imported = records(wb, "Contacts").slice(1);
    expect(
      imported.map((r) => [r.Name, r.Email, r.Company, r.Owner, r.Stage, r.Phone, r["Record ID"]]),
    ).toEqual([
      [
        "Ana Díaz",
        "ana@client.test",
        "Díaz, Gómez & Co",
        "sam.lee@acme.test",
        "New Lead",
        "+1 555 0100",
        "101",
      ],
      ["Ben Okafor", "BEN@client.test", "Okafor Ltd", "sam.lee@acme.test", "Qualified", "", "102"],
      ["Chloé Martin", "chloe@client.test", "Martin SA", "priya@acme.test", "Won", "", "103"],
    ]);
    // The answer is remembered: the next import of a file naming Priya Rao asks nothing.
    const again = upload(wb, "Name,Owner\nDev Patel,Priya Rao\n", "more.csv");
    expect(previewOf(wb, { source: again }).owners).toEqual([
      { name: "Priya Rao", rows: 1, email: "priya@acme.test" },
    ]);
  });

  it("reads a German Excel file (semicolons, 1.200,50, 02.03.2026) in a de_DE spreadsheet", () => {
    const wb = newWorkbench("de_DE");
    const csv =
      "Vorname;Nachname;E-Mail;Wert;Wiedervorlage;Phase\nJörg;Müller;j@m.test;1.200,50;02.03.2026;Angebot verschickt\nUlla;Roß;u@r.test;12,5;15.04.2026;Gewonnen\n";
    const preview = previewOf(wb, { source: upload(wb, csv, "kunden.csv") });
    expect(preview.numberStyle).toBe("1.234,56");
    expect(preview.dateOrder).toBe("DMY");
    importOf(wb, { source: upload(wb, csv, "kunden.csv") });
    const rows = records(wb, "Contacts");
    expect(
      rows.map((r) => [
        r.Name,
        r["Deal Value"],
        (r["Next Follow-Up"] as Date).toISOString(),
        r.Stage,
      ]),
    ).toEqual([
      ["Jörg Müller", 1200.5, "2026-03-02T05:00:00.000Z", "Proposal Sent"],
      ["Ulla Roß", 12.5, "2026-04-15T04:00:00.000Z", "Won"],
    ]);
  });

  it("names an ambiguous number instead of silently reading it", () => {
    const wb = newWorkbench("de_DE");
    const preview = previewOf(wb, { source: upload(wb, 'Name,Deal Value\nAnn,"12,500"\n') });
    expect(preview.warnings).toEqual([
      'Deal Value: "12,500" can be read two ways; read as 1.234,56 (the spreadsheet\'s locale de_DE) — 12,500 = 12.5. Choose the number format if the file writes numbers the other way.',
    ]);
    importOf(wb, {
      source: upload(wb, 'Name,Deal Value\nAnn,"12,500"\n'),
      numberStyle: "1,234.56",
    });
    expect(records(wb, "Contacts").map((r) => r["Deal Value"])).toEqual([12500]);
  });

  it("a second import of the same file adds nothing", () => {
    const wb = newWorkbench();
    importOf(wb, { source: upload(wb, HUBSPOT_CSV) });
    const after = contactsSnapshot(wb);

    const outcome = importOf(wb, { source: upload(wb, HUBSPOT_CSV) });

    expect(outcome.counts).toEqual({ imported: 0, updated: 0, skipped: 3 });
    expect(outcome.summary).toBe(
      'Imported 0 new contacts from "contacts.csv"; skipped 3: 3 already in Contacts (rows 2, 3, 4).',
    );
    expect(contactsSnapshot(wb)).toBe(after);
  });

  it("a duplicate by Email fills only empty cells: a filled cell or a formula is never overwritten", () => {
    const wb = newWorkbench();
    typeRows(wb, "Contacts", [
      { ID: "C-000001", Name: "Ana D.", Email: "ANA@client.test", Company: "Kept Co", Phone: "" },
      { ID: "C-000002", Name: "Zed", Email: "zed@z.test", Company: "" },
    ]);
    const contacts = sheetOf(wb, "Contacts");
    const topicColumn =
      (contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0] as string[]).indexOf(
        "Topic",
      ) + 1;
    contacts.getRange(3, topicColumn).setFormula('=UPPER("zed")');
    const source = upload(
      wb,
      "Email,Name,Company,Phone,Topic\nana@client.test,Ana Díaz,New Co,+1 555 0100,Pricing\nzed@z.test,Zed Z,Zed Inc,,Other\n",
    );

    const outcome = importOf(wb, { source, duplicates: "update-empty" });

    expect(outcome.counts).toEqual({ imported: 0, updated: 2, skipped: 0 });
    const rows = records(wb, "Contacts");
    expect(rows.map((r) => [r.ID, r.Name, r.Email, r.Company, r.Phone])).toEqual([
      ["C-000001", "Ana D.", "ANA@client.test", "Kept Co", "+1 555 0100"],
      ["C-000002", "Zed", "zed@z.test", "Zed Inc", ""],
    ]);
    expect(rows[0]!.Topic).toBe("Pricing");
    // Zed's Topic is a formula (the emulator does not evaluate it): it stays that formula.
    expect(contacts.getRange(3, topicColumn).getFormula()).toBe('=UPPER("zed")');
  });

  it("a formula-looking name, phone or note stays text", () => {
    const wb = newWorkbench();
    const source = upload(
      wb,
      'Name,Phone,Notes\n"=HYPERLINK(""http://x.test"",""Click"")",+1 555 0100,@mention\n-Dash,00123,2026-03-02\n',
    );
    importOf(wb, { source });
    const contacts = sheetOf(wb, "Contacts");
    const rows = records(wb, "Contacts");
    expect(rows.map((r) => [r.Name, r.Phone, r.Notes])).toEqual([
      ['=HYPERLINK("http://x.test","Click")', "+1 555 0100", "@mention"],
      ["-Dash", "00123", "2026-03-02"],
    ]);
    const formulas = contacts
      .getRange(2, 1, 2, contacts.getLastColumn())
      .getFormulas()
      .flat()
      .filter(Boolean);
    expect(formulas).toEqual([]);
  });
});

describe("bad input: a clear message, nothing written", () => {
  const cases: [string, string, string][] = [
    ["an empty file", "", 'The file "bad.csv" is empty.'],
    [
      "a file with only headers",
      "Name,Email\r\n",
      'The file "bad.csv" has a header row but no rows under it: nothing to import.',
    ],
    [
      "a binary file",
      "\u0000\u0001PK\u0003\u0004\u0000\u0000\u0000binary",
      'The file "bad.csv" is not a CSV text file (it holds binary data). Export the list as CSV (comma- or semicolon-separated values) and import that file.',
    ],
    [
      "two columns mapped to Name",
      "Name,Full name\nAnn,Ann Lee\n",
      '2 columns are mapped to Name: "Name" (column A) and "Full name" (column B). Map only one of them to Name.',
    ],
  ];

  it.each(cases)("%s", (name, csv, message) => {
    const wb = newWorkbench();
    const before = contactsSnapshot(wb);
    const runsBefore = runsRows(wb).length;
    const source = upload(wb, csv, "bad.csv");
    const columns =
      name === "two columns mapped to Name" ? { 1: { kind: "field", field: "Name" } } : undefined;

    expect(previewOf(wb, { source, columns }).errors).toEqual([message]);
    expect(errorOf(serverCall(wb, "importRun", { source, columns }))).toBe(
      `${message} Nothing was imported.`,
    );
    expect(contactsSnapshot(wb)).toBe(before);
    expect(runsRows(wb)).toHaveLength(runsBefore);
  });

  it("a 60,000-character cell skips its row with the reason; the other rows land", () => {
    const wb = newWorkbench();
    const long = "x".repeat(60_000);
    const outcome = importOf(wb, { source: upload(wb, `Name,Notes\nAnn,short\nBen,${long}\n`) });
    expect(outcome.counts).toEqual({ imported: 1, updated: 0, skipped: 1 });
    expect(outcome.summary).toContain("1 with a value too long for a cell (row 3)");
    const preview = previewOf(wb, { source: upload(wb, `Name,Notes\nBen,${long}\n`) });
    expect(preview.skipped).toEqual([
      { row: 2, reason: '"Notes" holds 60,000 characters; a cell holds at most 50,000' },
    ]);
    expect(records(wb, "Contacts").map((r) => r.Name)).toEqual(["Ann"]);
  });

  it("a column with no header is named and left out unless mapped", () => {
    const wb = newWorkbench();
    const preview = previewOf(wb, { source: upload(wb, "Name,,Email\nAnn,secret,a@x.test\n") });
    expect(preview.columns[1]).toMatchObject({
      header: "",
      target: { kind: "skip" },
      note: "Column B has no header: choose where its values go, or leave it out.",
    });
  });

  it("a failed write leaves Contacts as it was (all or nothing)", () => {
    const wb = newWorkbench();
    const before = contactsSnapshot(wb);
    const source = upload(wb, HUBSPOT_CSV);
    const dry = serverCall(wb, "importRun", { source });
    const setValuesAt =
      dry.callLog.lastIndexOf("Range.setValues", dry.callLog.indexOf("Sheet.appendRow")) + 1;
    expect(setValuesAt).toBeGreaterThan(0);
    // Fresh workbench: the same import with its data write failing.
    const wb2 = newWorkbench();
    const source2 = upload(wb2, HUBSPOT_CSV);
    wb2.emu.faults.failAtCall(setValuesAt, "Service Spreadsheets failed while accessing document.");
    const error = errorOf(
      wb2.emu.sidebarCall(ALEX, wb2.spreadsheetId, "importRun", { source: source2 }),
    );
    expect(error).toBe(
      'Import from "contacts.csv" failed, nothing was imported: Service Spreadsheets failed while accessing document.',
    );
    expect(contactsSnapshot(wb2)).toBe(before);
    expect(runsRows(wb2).at(-1)).toMatchObject({ Trigger: "Import", Contacts: 0, Error: error });
  });
});

describe("service calls", () => {
  function csvOf(rows: number): string {
    const lines = ["First Name,Last Name,Email,Company,Deal Value,Lifecycle Stage,Notes"];
    for (let i = 0; i < rows; i++) {
      lines.push(
        `First${i},Last${i},person${i}@client.test,Company ${i % 50},"${(i * 10).toLocaleString("en-US")}",lead,=note ${i}`,
      );
    }
    return lines.join("\n");
  }

  function importCalls(rows: number): string[] {
    const wb = newWorkbench();
    const result = serverCall(wb, "importRun", { source: upload(wb, csvOf(rows)) });
    expect(valueOf<Outcome>(result).counts).toEqual({ imported: rows, updated: 0, skipped: 0 });
    expect(result.calls).toBe(result.callLog.length);
    return [...result.callLog];
  }

  it("a 10,000-row import costs the same service calls as a 100-row one (and one grid growth)", () => {
    const small = importCalls(100);
    const large = importCalls(10_000);
    // 10,000 rows do not fit a new tab's 1,000-row grid: the one difference is growing it once.
    const grown = [...small];
    grown.splice(small.indexOf("Sheet.getMaxRows") + 1, 0, "Sheet.insertRowsAfter");
    expect(large).toEqual(grown);
    expect(large).toHaveLength(32);
  });
});
