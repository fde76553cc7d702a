// The table adapter against a tiny in-memory sheet that counts service calls and enforces the
// Apps Script range rules (counts >= 1, inside the grid, setValues sizes).
import { CONTACTS_SPEC, TOUCHES_SPEC, type TableSpec } from "../../src/domain/schema";
import { MissingColumnError, MissingTabError } from "../../src/domain/table";
import { setupSheets } from "../../src/sheets/setup";
import {
  appendRows,
  findSheet,
  openTable,
  readTable,
  tryReadTable,
  writeColumns,
  writeColumnsAt,
} from "../../src/sheets/tableIO";
import { newEmulatedSpreadsheet } from "../support/emulatedSpreadsheet";
import { type Cell } from "../../src/domain/cells";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

class FakeSheet {
  calls: string[] = [];
  /** 1-based columns formatted as plain text ("@"). */
  plainTextColumns = new Set<number>();
  formats = new Map<string, string>();
  constructor(
    readonly name: string,
    public grid: Cell[][],
    public maxRows = 1000,
    public maxColumns = Math.max(26, ...grid.map((row) => row.length)),
  ) {}
  private cell(r: number, c: number): Cell {
    return this.grid[r - 1]?.[c - 1] ?? "";
  }
  getLastRow(): number {
    this.calls.push("getLastRow");
    return this.lastRow();
  }
  lastRow(): number {
    for (let r = this.grid.length; r >= 1; r--) {
      if ((this.grid[r - 1] ?? []).some((v) => v !== "")) return r;
    }
    return 0;
  }
  lastColumn(): number {
    let last = 0;
    for (const row of this.grid) {
      row.forEach((v, c) => {
        if (v !== "") last = Math.max(last, c + 1);
      });
    }
    return last;
  }
  getMaxRows(): number {
    this.calls.push("getMaxRows");
    return this.maxRows;
  }
  insertRowsAfter(_after: number, count: number): void {
    this.calls.push("insertRowsAfter");
    this.maxRows += count;
  }
  getDataRange() {
    this.calls.push("getDataRange");
    return this.range(1, 1, Math.max(1, this.lastRow()), Math.max(1, this.lastColumn()));
  }
  getRange(row: number, column: number, numRows = 1, numColumns = 1) {
    this.calls.push("getRange");
    return this.range(row, column, numRows, numColumns);
  }
  private range(row: number, column: number, numRows: number, numColumns: number) {
    if (numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (numColumns < 1) throw new Error("The number of columns in the range must be at least 1.");
    if (row + numRows - 1 > this.maxRows || column + numColumns - 1 > this.maxColumns) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return {
      getNumberFormats: (): string[][] => {
        this.calls.push("getNumberFormats");
        return Array.from({ length: numRows }, () =>
          Array.from({ length: numColumns }, (_, c) =>
            this.plainTextColumns.has(column + c) ? "@" : "General",
          ),
        );
      },
      setNumberFormats: (formats: string[][]) => {
        this.calls.push("setNumberFormats");
        if (formats.length !== numRows) throw new Error("row count mismatch");
        formats.forEach((line, r) =>
          line.forEach((f, c) => this.formats.set(`${row + r}:${column + c}`, f)),
        );
      },
      getValues: (): Cell[][] => {
        this.calls.push("getValues");
        return Array.from({ length: numRows }, (_, r) =>
          Array.from({ length: numColumns }, (_, c) => this.cell(row + r, column + c)),
        );
      },
      setValues: (values: Cell[][]) => {
        this.calls.push("setValues");
        if (values.length !== numRows) throw new Error("row count mismatch");
        values.forEach((line, r) => {
          if (line.length !== numColumns) throw new Error("column count mismatch");
          const target = (this.grid[row - 1 + r] ??= []);
          line.forEach((v, c) => {
            while (target.length < column - 1 + c) target.push("");
            target[column - 1 + c] = v;
          });
        });
        for (let r = 0; r < this.grid.length; r++) this.grid[r] ??= [];
      },
    };
  }
  getName(): string {
    return this.name;
  }
  asSheet(): Sheet {
    return this as unknown as Sheet;
  }
}

function spreadsheetOf(...sheets: FakeSheet[]): Spreadsheet {
  return {
    // Case-sensitive, as in Google (APPS-SCRIPT-FACTS).
    getSheetByName: (name: string) => sheets.find((s) => s.name === name) ?? null,
    getSheets: () => sheets,
  } as unknown as Spreadsheet;
}

const CONTACT_HEADERS = CONTACTS_SPEC.columns.map((c) => c.header);

function contactsSheet(rowCount: number, headers: readonly string[] = CONTACT_HEADERS) {
  const rows = Array.from({ length: rowCount }, (_, i) =>
    headers.map((h) => (h === "ID" ? `C-${i + 1}` : h === "Name" ? `Person ${i + 1}` : "")),
  );
  return new FakeSheet("Contacts", [[...headers], ...rows]);
}

describe("findSheet", () => {
  it("finds a tab whose name differs in case or spaces, as headers are matched", () => {
    const renamed = new FakeSheet(" contacts ", [["ID", "Name"]]);
    const other = new FakeSheet("Notes", [["x"]]);
    expect(findSheet(spreadsheetOf(other, renamed), "Contacts")?.getName()).toBe(" contacts ");
    expect(findSheet(spreadsheetOf(other), "Contacts")).toBeNull();
  });
});

describe("readTable", () => {
  it("reads the used range once, whatever the row count", () => {
    for (const rowCount of [0, 3, 500]) {
      const sheet = contactsSheet(rowCount);
      const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
      expect(table.rows).toHaveLength(rowCount);
      expect(sheet.calls).toEqual(["getDataRange", "getValues"]);
    }
  });

  it("reads an empty tab without a zero-row range and reports its missing columns", () => {
    const sheet = new FakeSheet("Contacts", []);
    expect(() => readTable(spreadsheetOf(sheet), CONTACTS_SPEC)).toThrow(MissingColumnError);
  });

  it("throws an error naming the tab and every missing required column", () => {
    const sheet = contactsSheet(
      2,
      CONTACT_HEADERS.filter((h) => h !== "Name" && h !== "ID"),
    );
    expect(() => readTable(spreadsheetOf(sheet), CONTACTS_SPEC)).toThrow(
      'The "Contacts" tab is missing the columns "ID", "Name".',
    );
  });

  it("throws MissingTabError naming a missing tab", () => {
    expect(() => readTable(spreadsheetOf(), TOUCHES_SPEC)).toThrow(MissingTabError);
    expect(() => readTable(spreadsheetOf(), TOUCHES_SPEC)).toThrow(/"Touches" tab is missing/);
  });

  it("tryReadTable returns the error instead of throwing", () => {
    const missingTab = tryReadTable(spreadsheetOf(), TOUCHES_SPEC);
    expect(missingTab.ok).toBe(false);
    if (!missingTab.ok) expect(missingTab.error).toBeInstanceOf(MissingTabError);

    const spec: TableSpec = {
      tab: "Contacts",
      columns: [{ header: "Owner", kind: "email", required: true }],
    };
    const missingColumn = tryReadTable(spreadsheetOf(contactsSheet(1, ["ID", "Name"])), spec);
    expect(missingColumn.ok).toBe(false);
    if (!missingColumn.ok) expect(missingColumn.error.message).toMatch(/"Owner"/);

    const fine = tryReadTable(spreadsheetOf(contactsSheet(2)), CONTACTS_SPEC);
    expect(fine.ok && fine.table.rows.length).toBe(2);
  });

  it("matches headers ignoring case and spaces, in any column order", () => {
    const sheet = new FakeSheet("Contacts", [
      ["  name ", "Notes", "id"],
      ["Ann", "vip", "C-1"],
    ]);
    const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
    expect(table.rows[0]).toEqual(["Ann", "vip", "C-1"]);
  });
});

describe("writeColumns", () => {
  it("writes one setValues per contiguous run of columns, values made safe", () => {
    const sheet = contactsSheet(300);
    const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
    sheet.calls = [];
    const n = table.rows.length;
    writeColumns(
      sheet.asSheet(),
      table,
      new Map<string, unknown[]>([
        ["Status", Array.from({ length: n }, () => "Overdue")],
        ["Due", Array.from({ length: n }, () => new Date("2026-03-02T00:00:00Z"))],
        ["Problem", Array.from({ length: n }, (_, i) => (i === 0 ? "=HYPERLINK()" : ""))],
        ["ID", Array.from({ length: n }, (_, i) => `C-${i + 1}`)],
      ]),
    );
    // Status+Due are adjacent; Problem and ID are separate runs.
    expect(sheet.calls.filter((c) => c === "setValues")).toHaveLength(3);
    expect(sheet.calls.filter((c) => c === "getRange")).toHaveLength(3);
    const statusColumn = CONTACT_HEADERS.indexOf("Status");
    expect(sheet.grid[1]?.[statusColumn]).toBe("Overdue");
    expect(sheet.grid[300]?.[statusColumn]).toBe("Overdue");
    expect(sheet.grid[1]?.[CONTACT_HEADERS.indexOf("Problem")]).toBe("'=HYPERLINK()");
  });

  it("sets given number formats for a run in one call, before its values, without reading any", () => {
    const sheet = contactsSheet(3);
    const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
    sheet.calls = [];
    writeColumns(
      sheet.asSheet(),
      table,
      new Map<string, unknown[]>([
        ["Status", ["Overdue", "=cmd", "Closed"]],
        ["Due", [new Date("2026-03-02T00:00:00Z"), new Date("2026-03-02T13:00:00Z"), ""]],
      ]),
      new Map([
        ["Status", ["@", "@", "@"]],
        ["Due", ["yyyy-mm-dd", "yyyy-mm-dd hh:mm", "yyyy-mm-dd hh:mm"]],
      ]),
    );
    expect(sheet.calls).toEqual(["getRange", "setNumberFormats", "setValues"]);
    const due = CONTACT_HEADERS.indexOf("Due") + 1;
    const status = CONTACT_HEADERS.indexOf("Status") + 1;
    expect(sheet.formats.get(`2:${due}`)).toBe("yyyy-mm-dd");
    expect(sheet.formats.get(`3:${due}`)).toBe("yyyy-mm-dd hh:mm");
    // The plain-text format is no defence against a formula (APPS-SCRIPT-FACTS): still an apostrophe.
    expect(sheet.grid[2]?.[status - 1]).toBe("'=cmd");
  });

  it("makes no call when the table has no rows", () => {
    const sheet = contactsSheet(0);
    const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
    sheet.calls = [];
    writeColumns(sheet.asSheet(), table, new Map([["Status", []]]));
    expect(sheet.calls).toEqual([]);
  });

  it("names a column the tab lacks, and rejects a wrong value count", () => {
    const sheet = contactsSheet(2);
    const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
    expect(() => writeColumns(sheet.asSheet(), table, new Map([["Mood", ["a", "b"]]]))).toThrow(
      /"Contacts" tab is missing the column "Mood"/,
    );
    expect(() => writeColumns(sheet.asSheet(), table, new Map([["Status", ["a"]]]))).toThrow(
      /1 values for the "Status" column/,
    );
  });

  it("writeColumnsAt writes a block of rows from a given row", () => {
    const sheet = contactsSheet(5);
    const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
    writeColumnsAt(sheet.asSheet(), table, 4, 2, new Map([["Topic", ["x", "y"]]]));
    const topic = CONTACT_HEADERS.indexOf("Topic");
    expect(sheet.grid.map((r) => r[topic])).toEqual(["Topic", "", "", "x", "y", ""]);
  });
});

describe("appendRows", () => {
  it("builds rows in the sheet's column order and writes them with one setValues", () => {
    const sheet = new FakeSheet("Contacts", [
      ["Name", "My notes", "ID", "Phone"],
      ["Ann", "keep", "C-1", "'+1"],
    ]);
    const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
    sheet.calls = [];
    const first = appendRows(sheet.asSheet(), table, [
      { id: "C-2", NAME: "Bob", Phone: "+1 555 0100", Unknown: "dropped" },
      new Map<string, Cell>([
        ["ID", "C-3"],
        ["Name", "Cy"],
      ]),
    ]);
    expect(first).toBe(3);
    expect(sheet.grid.slice(2)).toEqual([
      ["Bob", "", "C-2", "'+1 555 0100"],
      ["Cy", "", "C-3", ""],
    ]);
    expect(sheet.calls.filter((c) => c === "setValues")).toHaveLength(1);
  });

  it("writes number-like strings verbatim into plain-text cells; formula-like text keeps its apostrophe", () => {
    const sheet = new FakeSheet("Contacts", [["ID", "Name", "Phone"]]);
    sheet.plainTextColumns = new Set([1, 3]);
    const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
    appendRows(sheet.asSheet(), table, [{ ID: "00123", Name: "=cmd", Phone: "+1 555" }]);
    expect(sheet.grid[1]).toEqual(["00123", "'=cmd", "'+1 555"]);
    writeColumns(
      sheet.asSheet(),
      readTable(spreadsheetOf(sheet), CONTACTS_SPEC),
      new Map([["ID", ["0042"]]]),
    );
    expect(sheet.grid[1]?.[0]).toBe("0042");
  });

  it("makes the same number of calls for 1 or 2,000 rows and grows the grid first", () => {
    const counts: number[] = [];
    for (const n of [1, 2000]) {
      const sheet = contactsSheet(10);
      const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
      sheet.calls = [];
      const records = Array.from({ length: n }, (_, i) => ({ ID: `N-${i}`, Name: `New ${i}` }));
      expect(appendRows(sheet.asSheet(), table, records)).toBe(12);
      expect(sheet.lastRow()).toBe(11 + n);
      expect(sheet.maxRows).toBeGreaterThanOrEqual(11 + n);
      counts.push(sheet.calls.filter((c) => c !== "insertRowsAfter").length);
    }
    expect(counts[0]).toBe(counts[1]);
  });

  it("appends below the last used row, past trailing blank rows in the grid", () => {
    const sheet = contactsSheet(2);
    sheet.grid.push(
      CONTACT_HEADERS.map(() => ""),
      CONTACT_HEADERS.map(() => ""),
    );
    const table = readTable(spreadsheetOf(sheet), CONTACTS_SPEC);
    expect(appendRows(sheet.asSheet(), table, [{ ID: "C-9", Name: "Zed" }])).toBe(4);
  });
});

describe("tableIO against the emulator's spreadsheet", () => {
  function setUp() {
    const { app, spreadsheet } = newEmulatedSpreadsheet({
      host: { now: () => new Date("2026-03-02T14:00:00Z"), scriptTimeZone: () => "UTC" },
      timeZone: "Europe/Berlin",
    });
    setupSheets(spreadsheet, app);
    return spreadsheet;
  }

  const TRICKY = ["00123", "=1+1", "+1 555 0100", "2026-03-02", "TRUE", "3/8", "1e5", "@me", "-x"];

  it("appends and rewrites text that Sheets would misread, and reads it back unchanged", () => {
    const spreadsheet = setUp();
    const { sheet, table } = openTable(spreadsheet, CONTACTS_SPEC);
    const first = appendRows(
      sheet,
      table,
      TRICKY.map((text, i) => ({ ID: text, Name: text, Phone: text, Topic: `t${i}` })),
    );
    expect(first).toBe(2);
    const after = openTable(spreadsheet, CONTACTS_SPEC);
    const column = (h: string) => CONTACT_HEADERS.indexOf(h);
    for (const h of ["ID", "Name", "Phone"]) {
      expect(after.table.rows.map((r) => r[column(h)])).toEqual(TRICKY);
    }

    writeColumns(
      after.sheet,
      after.table,
      new Map([
        ["Problem", TRICKY],
        ["Next Step", TRICKY],
      ]),
    );
    const again = readTable(spreadsheet, CONTACTS_SPEC);
    expect(again.rows.map((r) => r[column("Problem")])).toEqual(TRICKY);
    expect(again.rows.map((r) => r[column("Next Step")])).toEqual(TRICKY);
    expect(sheet.getRange(2, column("Problem") + 1).getFormula()).toBe("");
  });

  it("keeps dates, numbers and checkboxes typed", () => {
    const spreadsheet = setUp();
    const { sheet, table } = openTable(spreadsheet, CONTACTS_SPEC);
    const due = new Date("2026-03-05T09:30:00Z");
    appendRows(sheet, table, [
      { ID: "C-1", Name: "Ann", "Deal Value": 1200.5, "Auto Email": true, "Next Follow-Up": due },
    ]);
    const row = readTable(spreadsheet, CONTACTS_SPEC).rows[0]!;
    expect(row[CONTACT_HEADERS.indexOf("Deal Value")]).toBe(1200.5);
    expect(row[CONTACT_HEADERS.indexOf("Auto Email")]).toBe(true);
    expect(row[CONTACT_HEADERS.indexOf("Next Follow-Up")]).toEqual(due);
    expect(row[CONTACT_HEADERS.indexOf("Paused")]).toBe("");
  });

  it("grows the grid when appending past the last row", () => {
    const spreadsheet = setUp();
    const { sheet, table } = openTable(spreadsheet, TOUCHES_SPEC);
    const records = Array.from({ length: 1200 }, (_, i) => ({
      "Touch ID": `T-${i}`,
      Timestamp: new Date(Date.UTC(2026, 0, 1, 0, i)),
      "Contact ID": "C-1",
      Direction: "Outbound",
    }));
    expect(appendRows(sheet, table, records)).toBe(2);
    expect(appendRows(sheet, readTable(spreadsheet, TOUCHES_SPEC), records.slice(0, 1))).toBe(1202);
    expect(readTable(spreadsheet, TOUCHES_SPEC).rows).toHaveLength(1201);
  });
});
