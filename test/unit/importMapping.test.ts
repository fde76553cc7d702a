import type { ColumnTarget } from "../../src/api/import";
import { parseCsv } from "../../src/domain/importCsv";
import { mappingErrors, suggestColumns } from "../../src/domain/importMapping";
import { suggestStage, suggestTier } from "../../src/domain/importWords";

/** The suggestion for each header as "header → Field", "header → custom:X" or "header → skip". */
function suggested(headers: readonly string[], emptyHeaders: readonly string[] = []): string[] {
  const columns = headers.map((header, index) => ({
    index,
    header,
    empty: emptyHeaders.includes(header),
  }));
  return suggestColumns(columns).map(({ target }, i) => `${headers[i]} → ${targetText(target)}`);
}

function targetText(target: ColumnTarget): string {
  if (target.kind === "field") return target.field;
  if (target.kind === "custom") return `custom:${target.header}`;
  return "skip";
}

describe("column suggestions from common exports", () => {
  it.each([
    [
      "HubSpot contacts",
      [
        "Record ID",
        "First Name",
        "Last Name",
        "Email",
        "Phone Number",
        "Company Name",
        "Contact owner",
        "Lifecycle Stage",
        "Lead Status",
        "Create Date",
      ],
      [
        "Record ID → custom:Record ID",
        "First Name → First Name",
        "Last Name → Last Name",
        "Email → Email",
        "Phone Number → Phone",
        "Company Name → Company",
        "Contact owner → Owner",
        "Lifecycle Stage → Stage",
        "Lead Status → Stage",
        "Create Date → Created",
      ],
    ],
    [
      "Pipedrive deals",
      [
        "Deal - Title",
        "Deal - Value",
        "Deal - Currency",
        "Deal - Owner",
        "Deal - Stage",
        "Deal - Status",
        "Person - Name",
        "Person - First name",
        "Person - Email - Work",
        "Person - Phone - Mobile",
        "Organization - Name",
        "Deal - Next activity date",
      ],
      [
        "Deal - Title → Topic",
        "Deal - Value → Deal Value",
        "Deal - Currency → custom:Deal - Currency",
        "Deal - Owner → Owner",
        "Deal - Stage → Stage",
        "Deal - Status → Stage",
        "Person - Name → Name",
        `Person - First name → skip`,
        "Person - Email - Work → Email",
        "Person - Phone - Mobile → Phone",
        "Organization - Name → Company",
        "Deal - Next activity date → Next Follow-Up",
      ],
    ],
    [
      "Google Contacts",
      [
        "First Name",
        "Middle Name",
        "Last Name",
        "Organization Name",
        "Organization Title",
        "E-mail 1 - Label",
        "E-mail 1 - Value",
        "E-mail 2 - Value",
        "Phone 1 - Value",
        "Notes",
      ],
      [
        "First Name → First Name",
        "Middle Name → custom:Middle Name",
        "Last Name → Last Name",
        "Organization Name → Company",
        "Organization Title → custom:Organization Title",
        "E-mail 1 - Label → custom:E-mail 1 - Label",
        "E-mail 1 - Value → Email",
        "E-mail 2 - Value → custom:E-mail 2 - Value",
        "Phone 1 - Value → Phone",
        "Notes → custom:Notes",
      ],
    ],
    [
      "German Excel",
      [
        "Vorname",
        "Nachname",
        "Firma",
        "E-Mail",
        "Telefon",
        "Verantwortlich",
        "Phase",
        "Wert",
        "Wiedervorlage",
        "Bemerkung",
      ],
      [
        "Vorname → First Name",
        "Nachname → Last Name",
        "Firma → Company",
        "E-Mail → Email",
        "Telefon → Phone",
        "Verantwortlich → Owner",
        "Phase → Stage",
        "Wert → Deal Value",
        "Wiedervorlage → Next Follow-Up",
        "Bemerkung → custom:Bemerkung",
      ],
    ],
    [
      "a hand-kept Leads tab",
      ["Full name", "E-mail", "Account", "Status", "Due", "ID"],
      [
        "Full name → Name",
        "E-mail → Email",
        "Account → Company",
        "Status → Stage",
        "Due → skip",
        "ID → skip",
      ],
    ],
  ])("%s", (_name, headers, expected) => {
    expect(suggested(headers)).toEqual(expected);
  });

  it("leaves out empty columns and columns without a header, saying why", () => {
    const columns = [
      { index: 0, header: "Name", empty: false },
      { index: 1, header: "Fax", empty: true },
      { index: 2, header: "", empty: false },
    ];
    expect(suggestColumns(columns).map((s) => [targetText(s.target), s.note])).toEqual([
      ["Name", ""],
      ["skip", "Empty in the file."],
      ["skip", "Column C has no header: choose where its values go, or leave it out."],
    ]);
  });

  it("keeps two custom columns with one header apart", () => {
    expect(suggested(["Name", "Notes", "notes"])).toEqual([
      "Name → Name",
      "Notes → custom:Notes",
      "notes → custom:notes (2)",
    ]);
  });
});

describe("mapping errors", () => {
  const columns = ["Full name", "Contact", "Vorname", "Mail"].map((header, index) => ({
    index,
    header,
    empty: false,
  }));
  const field = (f: "Name" | "First Name" | "Email"): ColumnTarget => ({ kind: "field", field: f });
  const skip: ColumnTarget = { kind: "skip" };

  it.each<[string, ColumnTarget[], string[]]>([
    [
      "two columns mapped to Name",
      [field("Name"), field("Name"), skip, field("Email")],
      [
        '2 columns are mapped to Name: "Full name" (column A) and "Contact" (column B). Map only one of them to Name.',
      ],
    ],
    [
      "Name and First Name",
      [field("Name"), skip, field("First Name"), skip],
      [
        'Name would come from "Full name" (column A) and also from "Vorname" (column C): choose one way to make the name.',
      ],
    ],
    [
      "no name at all",
      [skip, skip, skip, field("Email")],
      ["No column is mapped to Name (or to First Name and Last Name): every contact needs a name."],
    ],
    [
      "a custom column named like a Touchbase column",
      [field("Name"), { kind: "custom", header: "status" }, skip, skip],
      [
        '"Contact" (column B) would be a custom column named "status", which is a Touchbase column: map it to status instead, or rename it.',
      ],
    ],
    [
      "a custom column without header",
      [field("Name"), { kind: "custom", header: " " }, skip, skip],
      [
        '"Contact" (column B) is kept as its own column but has no header: type a header for it, or leave it out.',
      ],
    ],
    ["a good mapping", [field("Name"), skip, skip, field("Email")], []],
  ])("%s", (_name, targets, expected) => {
    expect(mappingErrors(columns, targets)).toEqual(expected);
  });
});

describe("stage and tier words", () => {
  it.each([
    ["lead", "New Lead"],
    ["subscriber", "New Lead"],
    ["marketingqualifiedlead", "Qualified"],
    ["Sales Qualified Lead", "Qualified"],
    ["opportunity", "Qualified"],
    ["customer", "Won"],
    ["Proposal Made", "Proposal Sent"],
    ["Negotiations Started", "Negotiation"],
    ["closedwon", "Won"],
    ["Closed Lost", "Lost"],
    ["won", "Won"],
    ["lost", "Lost"],
    ["Contract Sent", "Proposal Sent"],
    ["Angebot verschickt", "Proposal Sent"],
    ["Gewonnen", "Won"],
    ["Verloren", "Lost"],
    ["Bad timing", "Nurture"],
    ["proposal sent", "Proposal Sent"],
    ["open", null],
    ["Demo booked", undefined],
  ])("%j → %p", (word, stage) => {
    expect(suggestStage(word)).toBe(stage);
  });

  it.each([
    ["A", "Hot"],
    ["b", "Warm"],
    ["High", "Hot"],
    ["low", "Cold"],
    ["heiß", "Hot"],
    ["kalt", "Cold"],
    ["Dead", "Dead"],
    ["purple", undefined],
  ])("tier %j → %p", (word, tier) => {
    expect(suggestTier(word)).toBe(tier);
  });
});

describe("CSV files", () => {
  it("reads quoted commas and newlines, a BOM and UTF-8 names", () => {
    const text = '\ufeffName,Notes\n"Müller, Jörg","line one\nline two"\nZoë,plain\n';
    expect(parseCsv(text, "a.csv")).toEqual({
      ok: true,
      delimiter: ",",
      grid: [
        ["Name", "Notes"],
        ["Müller, Jörg", "line one\nline two"],
        ["Zoë", "plain"],
      ],
    });
  });

  it("reads the semicolons of European Excel", () => {
    const result = parseCsv("Name;Wert\r\nAnna;1.200,50\r\n", "de.csv");
    expect(result).toEqual({
      ok: true,
      delimiter: ";",
      grid: [
        ["Name", "Wert"],
        ["Anna", "1.200,50"],
      ],
    });
  });

  it("pads short rows and gives extra values a column without header", () => {
    const result = parseCsv("Name,Email\nAnna\nBen,b@x.com,extra\n", "a.csv");
    expect(result.ok && result.grid).toEqual([
      ["Name", "Email", ""],
      ["Anna", "", ""],
      ["Ben", "b@x.com", "extra"],
    ]);
  });

  it.each([
    ["", 'The file "f.csv" is empty.'],
    ["\ufeff  \n", 'The file "f.csv" is empty.'],
    ["Name,Email\n", 'The file "f.csv" has a header row but no rows under it: nothing to import.'],
    [
      "Name,Email\n,\n\n",
      'The file "f.csv" has a header row but no rows under it: nothing to import.',
    ],
    [
      "PK\u0003\u0004\u0000\u0000binary\u0000",
      'The file "f.csv" is not a CSV text file (it holds binary data). Export the list as CSV (comma- or semicolon-separated values) and import that file.',
    ],
    [
      'Name,Notes\nAnna,"never closed\nBen,x\n',
      'The file "f.csv" has a quoted value that never ends (row 2): a " opens a value but no " closes it. Fix that row and import again.',
    ],
  ])("%j: %s", (text, error) => {
    expect(parseCsv(text, "f.csv")).toEqual({ ok: false, error });
  });
});
