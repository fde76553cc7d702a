// Issue 7 through the built bundle: the words that protect people read fail-safe, Deal Value read in
// the spreadsheet's locale, a renamed tab found instead of replaced, a person's own column under a
// computed header never overwritten without their yes, and structure mistakes named clearly.
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import {
  ALEX,
  contactRow,
  headerRow,
  lastAlert,
  records,
  rowRecords,
  setSetting,
  sheetOf,
  typeRows,
  ZONE,
  type Row,
} from "./support";

const NOW = new Date("2026-11-23T14:00:00Z");

const contact = contactRow;

function refresh(wb: Workbench): string {
  const result = wb.menu("menuRefreshNow");
  if (result.error) throw result.error;
  return lastAlert(wb);
}

const lastRun = (wb: Workbench): Row => records(wb, "Runs").at(-1) ?? {};

describe("the words that protect people are read fail-safe", () => {
  it("Opted Out holding unsubscribed, STOP, opted out, checked, on or 2 is opted out, unclear words named", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    const words: [string, string | number][] = [
      ["Una Sub", "unsubscribed"],
      ["Stu Stop", "STOP"],
      ["Otto Out", "opted out"],
      ["Chet Checked", "checked"],
      ["Ona On", "on"],
      ["Tu Two", "2"],
      ["Nora No", "no"],
    ];
    typeRows(
      wb,
      "Contacts",
      words.map(([name, word], i) => contact(`C-00000${i + 1}`, name, { "Opted Out": word })),
    );
    refresh(wb);
    const rows = rowRecords(wb, "Contacts").slice(0, words.length);
    expect(rows.map((r) => [r["Name"], r["Status"], r["Problem"]])).toEqual([
      ["Una Sub", "Opted Out", 'Opted Out "unsubscribed" read as checked'],
      ["Stu Stop", "Opted Out", 'Opted Out "STOP" read as checked'],
      ["Otto Out", "Opted Out", 'Opted Out "opted out" read as checked'],
      ["Chet Checked", "Opted Out", ""],
      ["Ona On", "Opted Out", ""],
      ["Tu Two", "Opted Out", 'Opted Out "2" read as checked'],
      ["Nora No", expect.not.stringMatching(/Opted Out|Paused/), ""],
    ]);
  });

  it("Paused holding a word is paused; Auto Email holding one is not on, and both are named", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    typeRows(wb, "Contacts", [
      contact("C-000001", "Pia Paused", { Paused: "holiday" }),
      contact("C-000002", "Al Auto", { "Auto Email": "maybe" }),
    ]);
    refresh(wb);
    const rows = rowRecords(wb, "Contacts").slice(0, 2);
    expect(rows.map((r) => [r["Status"], r["Problem"]])).toEqual([
      ["Paused", 'Paused "holiday" read as checked'],
      [expect.any(String), 'Auto Email "maybe" read as unchecked'],
    ]);
  });
});

describe("Deal Value is read with the spreadsheet's locale", () => {
  function dealValueProblems(locale: string, values: readonly string[]): string[] {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    wb.spreadsheet().setSpreadsheetLocale(locale);
    typeRows(
      wb,
      "Contacts",
      values.map((v, i) => contact(`C-00000${i + 1}`, `Dee ${i + 1}`, { "Deal Value": `'${v}` })),
    );
    refresh(wb);
    return rowRecords(wb, "Contacts")
      .slice(0, values.length)
      .map((r) => String(r["Problem"]));
  }

  it("in de_DE, 1.200,50 and 1.200 are numbers and 1,200.50 is named as ambiguous", () => {
    expect(dealValueProblems("de_DE", ["1.200,50", "1.200", "1,5", "1,200.50"])).toEqual([
      "",
      "",
      "",
      'Deal Value "1,200.50" is ambiguous in this spreadsheet\'s locale (de_DE: decimal comma): type it like 1234,56',
    ]);
  });

  it("in en_US, 1,200.50 is a number and 1.200,50 is named as ambiguous", () => {
    expect(dealValueProblems("en_US", ["1,200.50", "1.200,50"])).toEqual([
      "",
      'Deal Value "1.200,50" is ambiguous in this spreadsheet\'s locale (en_US: decimal point): type it like 1234.56',
    ]);
  });
});

describe("a renamed tab is found, not replaced", () => {
  it("the run names the renamed Contacts tab, and Set up renames it back instead of adding an empty one", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    typeRows(wb, "Contacts", [contact("C-000001", "Ann Lee"), contact("C-000002", "Bo Chu")]);
    sheetOf(wb, "Contacts").setName("Leads");

    expect(refresh(wb)).toBe(
      'Touchbase could not refresh: The "Contacts" tab is missing, but the tab "Leads" has its ' +
        'columns: rename "Leads" back to "Contacts" (or run "Set up / repair sheets", which does it).',
    );

    wb.menu("menuSetUpSheets");
    expect(lastAlert(wb)).toContain(
      'Renamed the tab "Leads" to "Contacts": it has the Contacts columns, and Touchbase finds its tabs by name.',
    );
    const names = wb
      .spreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names.filter((n) => /contacts|leads/i.test(n))).toEqual(["Contacts"]);
    expect(refresh(wb)).toMatch(/^Refreshed 2 contacts/);
  });

  it("a tab renamed only in case (contacts) is used as it is: Set up adds no second tab", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    typeRows(wb, "Contacts", [contact("C-000001", "Ann Lee")]);
    sheetOf(wb, "Contacts").setName("contacts");
    wb.menu("menuSetUpSheets");
    const names = wb
      .spreadsheet()
      .getSheets()
      .map((s) => s.getName());
    expect(names.filter((n) => /contacts/i.test(n))).toEqual(["contacts"]);
    expect(refresh(wb)).toMatch(/^Refreshed 1 contacts/);
  });

  it("a missing tab with no lookalike says so", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    wb.spreadsheet().deleteSheet(sheetOf(wb, "Contacts"));
    expect(refresh(wb)).toBe(
      'Touchbase could not refresh: The "Contacts" tab is missing and no other tab has its ' +
        'columns. Run "Set up / repair sheets" to add it.',
    );
  });

  it("an empty Contacts tab beside a renamed one with rows is named by Set up", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    typeRows(wb, "Contacts", [contact("C-000001", "Ann Lee")]);
    sheetOf(wb, "Contacts").setName("Leads");
    wb.spreadsheet()
      .insertSheet("Contacts")
      .getRange(1, 1, 1, 2)
      .setValues([["ID", "Name"]]);
    wb.menu("menuSetUpSheets");
    expect(lastAlert(wb)).toContain(
      'The "Contacts" tab is empty, but the tab "Leads" has its columns and rows. If those are ' +
        'yours, delete the empty "Contacts" tab and run Set up again: it renames "Leads" to "Contacts".',
    );
  });
});

describe("a person's own Status column is never overwritten without their yes", () => {
  function ownStatusSheet(): Workbench {
    const wb = createWorkbench({ now: NOW, zone: ZONE, setup: false });
    wb.spreadsheet()
      .insertSheet("Contacts")
      .getRange(1, 1, 3, 5)
      .setValues([
        ["ID", "Name", "Email", "Owner", "Status"],
        ["C-000001", "Ann Lee", "ann@client.test", ALEX, "Active - VIP"],
        ["C-000002", "Bo Chu", "bo@client.test", ALEX, "Churn risk"],
      ]);
    wb.spreadsheet()
      .insertSheet("Touches")
      .getRange(1, 1, 1, 4)
      .setValues([["Touch ID", "Timestamp", "Contact ID", "Direction"]]);
    return wb;
  }
  const statusCells = (wb: Workbench, header: string): unknown[] => {
    const sheet = sheetOf(wb, "Contacts");
    const column = headerRow(sheet).indexOf(header) + 1;
    return sheet.getRange(2, column, 2, 1).getValues().flat();
  };

  it("Set up asks; on no it changes nothing and says why, and Refresh leaves the column alone", () => {
    const wb = ownStatusSheet();
    wb.emu.spreadsheets.ui.queueAlertResponse("NO");
    wb.menu("menuSetUpSheets");
    const [question, answer] = wb.emu.spreadsheets.ui.alerts.slice(-2);
    expect(question).toMatchObject({ buttons: "YES_NO", response: "NO" });
    expect(question!.prompt).toContain('• "Status": row 2 holds "Active - VIP", and 1 more row');
    expect(question!.prompt).toContain(
      'Rename yours to "Status (yours)" and add Touchbase\'s "Status"?',
    );
    expect(answer!.prompt).toMatch(/^Nothing was changed\. Your Contacts column "Status" holds/);
    expect(
      wb
        .spreadsheet()
        .getSheets()
        .map((s) => s.getName()),
    ).toEqual(["Sheet1", "Contacts", "Touches"]);
    expect(headerRow(sheetOf(wb, "Contacts"))).toEqual(["ID", "Name", "Email", "Owner", "Status"]);

    const summary = refresh(wb);
    expect(statusCells(wb, "Status")).toEqual(["Active - VIP", "Churn risk"]);
    expect(summary).toContain(
      'Contacts column "Status" holds values Touchbase did not write (row 2 holds "Active - VIP", ' +
        "and 1 more row), so Refresh did not write it.",
    );
  });

  it("on yes, theirs becomes Status (yours) with every value, and Touchbase's Status is added and filled", () => {
    const wb = ownStatusSheet();
    wb.emu.spreadsheets.ui.queueAlertResponse("YES");
    wb.menu("menuSetUpSheets");
    expect(lastAlert(wb)).toContain('Renamed your Contacts column "Status" to "Status (yours)".');
    const headers = headerRow(sheetOf(wb, "Contacts"));
    expect(headers.slice(0, 5)).toEqual(["ID", "Name", "Email", "Owner", "Status (yours)"]);
    expect(headers.filter((h) => h === "Status")).toHaveLength(1);

    refresh(wb);
    expect(statusCells(wb, "Status (yours)")).toEqual(["Active - VIP", "Churn risk"]);
    for (const status of statusCells(wb, "Status")) expect(status).not.toBe("");
  });
});

describe("structure mistakes are named clearly", () => {
  it("headers in row 2 under a title: the run says so, and Set up writes no headers into the title row", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    const sheet = sheetOf(wb, "Contacts");
    sheet.insertRowBefore(1);
    sheet.getRange(1, 1).setValue("Acme leads 2026");
    expect(refresh(wb)).toBe(
      'Touchbase could not refresh: The "Contacts" tab\'s headers are in row 2, but Touchbase reads ' +
        'them from row 1 (row 1 holds "Acme leads 2026"). Delete the row above the headers so they are in row 1.',
    );
    wb.menu("menuSetUpSheets");
    expect(lastAlert(wb)).toContain('The "Contacts" tab\'s headers are in row 2');
    expect(headerRow(sheet).filter((h) => h !== "")).toEqual(["Acme leads 2026"]);
  });

  it("two Email columns: the run names which one is used", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    const sheet = sheetOf(wb, "Contacts");
    sheet.getRange(1, headerRow(sheet).indexOf("Phone") + 1).setValue("email");
    refresh(wb);
    expect(String(lastRun(wb)["Problems"])).toContain(
      'The "Contacts" tab has 2 "Email" columns (C, D): Touchbase uses column C and ignores column D.',
    );
  });

  it("two Digest hour rows: the first is used and both rows are named; a time in Digest hour is named", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    const settings = sheetOf(wb, "Settings");
    const last = settings.getLastRow();
    settings.getRange(last + 1, 1, 1, 2).setValues([["Digest hour", 9]]);
    setSetting(wb, "Skip weekends", "Yes");
    const hourRow = settings
      .getRange(1, 1, last, 1)
      .getValues()
      .findIndex((r) => r[0] === "Digest hour");
    settings.getRange(hourRow + 1, 2).setValue(new Date("1899-12-30T13:00:00Z"));
    refresh(wb);
    const problems = String(lastRun(wb)["Problems"]);
    expect(problems).toContain(
      `Setting "Digest hour" is in rows ${hourRow + 1} and ${last + 1}: Touchbase uses the first (row ${hourRow + 1}:`,
    );
    expect(problems).toContain(
      'Setting "Digest hour": the cell holds a date or time, not a plain number (e.g. 8) with the cell formatted as Number; using the default (8).',
    );
  });

  it("every Runs header renamed: the Runs row is still written, in Touchbase's order, and says so", () => {
    const wb = createWorkbench({ now: NOW, zone: ZONE });
    typeRows(wb, "Contacts", [contact("C-000001", "Ann Lee")]);
    const runs = sheetOf(wb, "Runs");
    const renamed = headerRow(runs).map((h) => `${h} (de)`);
    runs.getRange(1, 1, 1, renamed.length).setValues([renamed]);
    const summary = refresh(wb);
    const row = runs.getRange(2, 1, 1, renamed.length).getValues()[0]!;
    expect(row[0]).toBeInstanceOf(Date);
    expect(row.slice(1, 5)).toEqual([ALEX, "Menu", expect.any(Number), 1]);
    expect(String(row[12])).toMatch(
      /^The Runs tab has none of Touchbase's headers \(row 1 holds "Started \(de\)", .*\), so this row is written in Touchbase's column order: Started, User,/,
    );
    expect(summary).toContain("The Runs tab has none of Touchbase's headers");
  });
});
