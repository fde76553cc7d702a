// The APPS-SCRIPT-FACTS (issue 7 item 8 and the reliability facts) the emulator reproduces, one
// describe per fact, named as the facts file names it.
import { type Emulator, SCOPES } from "../../emulator";
import { MAX_CELLS } from "../../emulator/spreadsheet";
import { ANA, BEN, newEmulator, newSpreadsheet } from "./helpers";

function sheetOf(emu: Emulator, id: string, name = "Sheet1") {
  const sheet = emu.spreadsheets.get(id)?.getSheetByName(name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
}

describe("sheet names: getSheetByName is case-sensitive, names are unique ignoring case", () => {
  const bundle = `
    function byName(name) { var s = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(name); return s ? s.getName() : null; }
    function insert(name) { return SpreadsheetApp.getActiveSpreadsheet().insertSheet(name).getName(); }
    function rename(from, to) { SpreadsheetApp.getActiveSpreadsheet().getSheetByName(from).setName(to); }
  `;

  it("returns null for `contacts` when asked for `Contacts`", () => {
    const emu = newEmulator();
    const id = emu.spreadsheets.create("P", { timeZone: "Etc/UTC", sheets: ["contacts"] }).id;
    const app = emu.loadBundleSource(bundle);
    const run = (fn: string, ...args: unknown[]) =>
      app.run({ user: ANA, kind: "menu", spreadsheetId: id }, fn, ...args);
    expect(run("byName", "Contacts").value).toBeNull();
    expect(run("byName", "contacts").value).toBe("contacts");
  });

  it("insertSheet and setName refuse a name equal to an existing one ignoring case", () => {
    const emu = newEmulator();
    const id = emu.spreadsheets.create("P", {
      timeZone: "Etc/UTC",
      sheets: ["contacts", "Notes"],
    }).id;
    const app = emu.loadBundleSource(bundle);
    const run = (fn: string, ...args: unknown[]) =>
      app.run({ user: ANA, kind: "menu", spreadsheetId: id }, fn, ...args);
    expect(run("insert", "Contacts").error?.message).toBe(
      'A sheet with the name "Contacts" already exists. Please enter another name.',
    );
    expect(run("rename", "Notes", "CONTACTS").error?.message).toBe(
      'A sheet with the name "CONTACTS" already exists. Please enter another name.',
    );
    expect(run("rename", "Notes", "notes").error).toBeUndefined();
  });
});

describe("a string starting with = written into a plain-text (@) cell is a formula", () => {
  const bundle = `
    function write() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      sheet.getRange("A1:A4").setNumberFormat("@");
      sheet.getRange("A1").setValue("=HYPERLINK(\\"http://evil.test\\")");
      sheet.getRange("A2:A3").setValues([["'=1+1"], ["00123"]]);
      sheet.getRange("B1:B9").setNumberFormat("@");
      sheet.appendRow(["x", "=2+2"]);
    }
  `;

  it("setValue/setValues/appendRow: '=' becomes a formula, a leading apostrophe keeps text", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 0);
    const result = emu
      .loadBundleSource(bundle)
      .run({ user: ANA, kind: "menu", spreadsheetId: id }, "write");
    expect(result.error).toBeUndefined();
    const sheet = sheetOf(emu, id);
    expect(sheet.getRange("A1:A3").getFormulas()).toEqual([
      ['=HYPERLINK("http://evil.test")'],
      [""],
      [""],
    ]);
    expect(sheet.getRange("A1:A3").getValues()).toEqual([["#ERROR!"], ["=1+1"], ["00123"]]);
    const appended = sheet.getLastRow();
    expect(sheet.getRange(appended, 2).getFormula()).toBe("=2+2");
  });
});

describe("a runtime without Intl longOffset", () => {
  const bundle = `
    function offsetName() {
      return new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", timeZoneName: "longOffset" })
        .format(new Date("2026-07-01T12:00:00Z"));
    }
    function errorOf() {
      try { offsetName(); return null; } catch (e) { return [e instanceof RangeError, e.message]; }
    }
    function parts() {
      return new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", hour: "numeric", hourCycle: "h23", timeZoneName: "short" })
        .formatToParts(new Date("2026-07-01T12:00:00Z"))
        .filter(function (p) { return p.type !== "literal"; })
        .map(function (p) { return p.type + "=" + p.value; });
    }
  `;

  it("throws the older V8's RangeError for timeZoneName longOffset", () => {
    const app = newEmulator({ intl: "no-longOffset" }).loadBundleSource(bundle);
    expect(app.call("errorOf").value).toEqual([
      true,
      "Value longOffset out of range for Intl.DateTimeFormat options property timeZoneName",
    ]);
  });

  it("keeps formatToParts with the other options working", () => {
    const app = newEmulator({ intl: "no-longOffset" }).loadBundleSource(bundle);
    expect(app.call("parts").value).toEqual(["hour=14", "timeZoneName=GMT+2"]);
  });

  it("is a per-bundle option, and the default runtime has longOffset", () => {
    const emu = newEmulator();
    expect(emu.loadBundleSource(bundle).call("offsetName").value).toBe("01/07/2026, GMT+02:00");
    const old = emu.loadBundleSource(bundle, "Code.js", { intl: "no-longOffset" });
    expect(old.call("errorOf").value).toEqual([true, expect.stringContaining("longOffset")]);
  });
});

describe("after a scope is added, triggers keep firing but fail at the first call needing it", () => {
  const bundle = `
    function status() {
      var info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
      return [String(info.getAuthorizationStatus()), info.getAuthorizationUrl()];
    }
    function hourly() {
      PropertiesService.getUserProperties().setProperty("ran", "yes");
      GmailApp.search("is:unread");
    }
    function install() { ScriptApp.newTrigger("hourly").timeBased().everyHours(1).create(); }
  `;

  it("getAuthorizationInfo says NOT_REQUIRED, then REQUIRED with a URL", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    expect(app.run({ user: ANA }, "status").value).toEqual(["NOT_REQUIRED", null]);
    emu.access.requireReauthorization(ANA, [SCOPES.gmail]);
    expect(app.run({ user: ANA }, "status").value).toEqual([
      "REQUIRED",
      expect.stringMatching(/^https:\/\/script\.google\.com\/.+\/authorize$/),
    ]);
    expect(app.run({ user: BEN }, "status").value).toEqual(["NOT_REQUIRED", null]);
    emu.access.reauthorize(ANA);
    expect(app.run({ user: ANA }, "status").value).toEqual(["NOT_REQUIRED", null]);
  });

  it("the trigger fires; calls without the scope work; the first Gmail call throws", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 1);
    const app = emu.loadBundleSource(bundle);
    expect(
      app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "install").error,
    ).toBeUndefined();
    emu.access.requireReauthorization(ANA, [SCOPES.gmail]);
    emu.clock.advance(2 * 3_600_000);
    const [run] = emu.runDueTimeTriggers();
    expect(run?.error?.message).toBe("Authorization is required to perform that action.");
    expect(run?.callLog).toEqual([
      "PropertiesService.getUserProperties",
      "Properties.setProperty",
      "GmailApp.search",
    ]);
    expect(emu.properties.user(ANA).getProperty("ran")).toBe("yes");
    expect(emu.triggers.forUser(ANA)).toHaveLength(1);
  });
});

describe("a user who lost edit access keeps their trigger; openById or the first write throws", () => {
  const bundle = `
    function install() { ScriptApp.newTrigger("hourly").timeBased().everyHours(1).create(); }
    function hourly(e, id) {
      var ss = SpreadsheetApp.openById(id);
      var sheet = ss.getSheets()[0];
      var read = sheet.getRange("A1").getValue();
      sheet.getRange("D1").setValue("written");
      return read;
    }
  `;

  function setup() {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 2);
    const app = emu.loadBundleSource(bundle);
    app.run({ user: BEN, kind: "menu", spreadsheetId: id }, "install");
    const runAsBen = () => app.run({ user: BEN, kind: "trigger" }, "hourly", {}, id);
    return { emu, id, runAsBen };
  }

  it("openById throws for a removed user, whose trigger stays", () => {
    const { emu, id, runAsBen } = setup();
    emu.access.removeUser(id, BEN);
    const run = runAsBen();
    expect(run.error?.message).toBe("You do not have permission to access the requested document.");
    expect(run.callLog).toEqual(["SpreadsheetApp.openById"]);
    expect(emu.triggers.forUser(BEN)).toHaveLength(1);
    expect(
      emu.spreadsheets
        .get(id)
        ?.getEditors()
        .map((u) => u.getEmail()),
    ).toEqual([ANA]);
  });

  it("a viewer reads, and the first write throws", () => {
    const { emu, id, runAsBen } = setup();
    emu.access.makeViewer(id, BEN);
    const run = runAsBen();
    expect(run.error?.message).toMatch(/^You do not have permission to edit/);
    expect(run.callLog.at(-1)).toBe("Range.setValue");
    expect(sheetOf(emu, id).getRange("D1").getValue()).toBe("");
    emu.access.restoreEditAccess(id, BEN);
    const again = runAsBen();
    expect(again.error).toBeUndefined();
    expect(again.value).toBe("A");
    expect(sheetOf(emu, id).getRange("D1").getValue()).toBe("written");
  });
});

describe("Spreadsheet.getSpreadsheetLocale", () => {
  it("is set at create time (default en_US) and by setSpreadsheetLocale", () => {
    const emu = newEmulator();
    const de = emu.spreadsheets.create("P", { timeZone: "Europe/Berlin", locale: "de_DE" });
    const us = emu.spreadsheets.create("Q", { timeZone: "Etc/UTC" });
    const app = emu.loadBundleSource(`
      function locale() { return SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetLocale(); }
      function setLocale(l) { SpreadsheetApp.getActiveSpreadsheet().setSpreadsheetLocale(l); }
    `);
    const run = (id: string, fn: string, ...args: unknown[]) =>
      app.run({ user: ANA, kind: "menu", spreadsheetId: id }, fn, ...args);
    expect(run(de.id, "locale").value).toBe("de_DE");
    expect(run(us.id, "locale").value).toBe("en_US");
    expect(run(us.id, "setLocale", "fr_FR").error).toBeUndefined();
    expect(run(us.id, "locale").value).toBe("fr_FR");
    expect(run(us.id, "setLocale", "not a locale").error?.message).toBe(
      "Invalid argument: not a locale",
    );
  });
});

describe("a person acting between two service calls of a run", () => {
  const bundle = `
    function readThenWrite() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var values = sheet.getRange(2, 1, 3, 1).getValues();
      sheet.getRange(2, 4, 3, 1).setValues(values);
    }
  `;

  it("sees each call's service, method and index, and edits uncounted before the write", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 3);
    const seen: string[] = [];
    const stop = emu.beforeCall((call) => {
      seen.push(`${call.index}:${call.call}:${call.user}`);
      if (call.call === "Range.setValues") {
        const sheet = sheetOf(emu, id);
        sheet.getRange(1, 1, 4, 3).sort({ column: 1, ascending: false });
        sheet.insertRowBefore(1);
        sheet.getRange("B1").setValue("typed by Ben");
      }
    });
    const run = emu
      .loadBundleSource(bundle)
      .run({ user: ANA, kind: "menu", spreadsheetId: id }, "readThenWrite");
    stop();
    expect(run.error).toBeUndefined();
    expect(run.calls).toBe(6);
    expect(seen).toEqual([
      `1:SpreadsheetApp.getActiveSpreadsheet:${ANA}`,
      `2:Spreadsheet.getSheets:${ANA}`,
      `3:Sheet.getRange:${ANA}`,
      `4:Range.getValues:${ANA}`,
      `5:Sheet.getRange:${ANA}`,
      `6:Range.setValues:${ANA}`,
    ]);
    // Z→A puts the header's text above the numbers (descending reverses the type order too), and a
    // row inserted at the top: the run's write lands on rows that now hold other data.
    expect(sheetOf(emu, id).getRange("A1:D5").getValues()).toEqual([
      ["", "typed by Ben", "", ""],
      ["A", "B", "C", 1],
      [3, 6, 9, 2],
      [2, 4, 6, 3],
      [1, 2, 3, ""],
    ]);
  });

  it("afterCall runs once the call returned; a hook's own error fails the run loudly", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 3);
    const after: number[] = [];
    emu.afterCall((call) => after.push(call.index));
    const app = emu.loadBundleSource(bundle);
    app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "readThenWrite");
    expect(after).toEqual([1, 2, 3, 4, 5, 6]);
    emu.beforeCall(() => {
      throw new Error("bad test hook");
    });
    expect(() => app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "readThenWrite")).toThrow(
      "bad test hook",
    );
  });
});

describe("Range.sort and insertRowsBefore move values, formulas and notes with their rows", () => {
  it("sorts Z→A by a column, blanks last, the whole row's layers following", () => {
    const emu = newEmulator();
    const id = emu.spreadsheets.create("P", { timeZone: "Etc/UTC" }).id;
    const sheet = sheetOf(emu, id);
    sheet.getRange("A1:B4").setValues([
      ["amy", "x"],
      ["", "blank"],
      ["Zoe", "z"],
      ["bob", "y"],
    ]);
    sheet.getRange("C1").setFormula("=LEN(A1)");
    sheet.getRange("B1").setNote("amy's note");
    sheet.getRange("A1:C4").sort([{ column: 1, ascending: false }]);
    expect(sheet.getRange("A1:B4").getValues()).toEqual([
      ["Zoe", "z"],
      ["bob", "y"],
      ["amy", "x"],
      ["", "blank"],
    ]);
    expect(sheet.getRange("C3").getFormula()).toBe("=LEN(A1)");
    expect(sheet.getRange("B3").getNote()).toBe("amy's note");
    sheet.insertRowsBefore(1, 2);
    expect(sheet.getRange("A3").getValue()).toBe("Zoe");
    expect(sheet.getRange("C5").getFormula()).toBe("=LEN(A1)");
    expect(sheet.getRange("B5").getNote()).toBe("amy's note");
  });

  it("refuses a sort column outside the range", () => {
    const emu = newEmulator();
    const sheet = sheetOf(emu, emu.spreadsheets.create("P", { timeZone: "Etc/UTC" }).id);
    expect(() => sheet.getRange("B1:C3").sort(1)).toThrow(
      "Column specified for sort must be within the range.",
    );
  });
});

describe("the script lock is shared by every execution regardless of user or document", () => {
  const bundle = `
    function tryScriptLock() { return LockService.getScriptLock().tryLock(1000); }
  `;

  it("tryLock is false while another document's open execution holds it, true once it ends", () => {
    const emu = newEmulator();
    const mine = newSpreadsheet(emu, 1);
    const other = emu.spreadsheets.create("Other team", { timeZone: "Etc/UTC", owner: BEN }).id;
    const app = emu.loadBundleSource(bundle);
    const otherRun = emu.openExecution({ user: BEN, kind: "menu", spreadsheetId: other });
    expect(otherRun.act(({ LockService }) => LockService.getScriptLock().tryLock(0))).toBe(true);
    expect(emu.locks.isScriptLocked()).toBe(true);
    const blocked = app.run({ user: ANA, kind: "menu", spreadsheetId: mine }, "tryScriptLock");
    expect(blocked.value).toBe(false);
    expect(blocked.estimatedSeconds).toBeGreaterThanOrEqual(1);
    otherRun.end();
    expect(emu.locks.isScriptLocked()).toBe(false);
    expect(app.run({ user: ANA, kind: "menu", spreadsheetId: mine }, "tryScriptLock").value).toBe(
      true,
    );
  });

  it("the script cache is shared across executions, expiring on the emulator clock", () => {
    const emu = newEmulator();
    const a = newSpreadsheet(emu, 1);
    const b = emu.spreadsheets.create("Other team", { timeZone: "Etc/UTC", owner: BEN }).id;
    const app = emu.loadBundleSource(`
      function lease(key) { CacheService.getScriptCache().put(key, Session.getActiveUser().getEmail(), 60); }
      function holder(key) { return CacheService.getScriptCache().get(key); }
    `);
    app.run({ user: ANA, kind: "menu", spreadsheetId: a }, "lease", `lease:${a}`);
    expect(
      app.run({ user: BEN, kind: "menu", spreadsheetId: b }, "holder", `lease:${a}`).value,
    ).toBe(ANA);
    emu.clock.advance(61_000);
    expect(app.run({ user: BEN, kind: "trigger" }, "holder", `lease:${a}`).value).toBeNull();
  });
});

describe("a spreadsheet holds at most 10 million cells, empty grid cells included", () => {
  const LIMIT_MESSAGE = `This action would increase the number of cells in the workbook above the limit of ${MAX_CELLS} cells.`;
  const bundle = `
    function append() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].appendRow(["one more"]); }
    function insertRows() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].insertRowsAfter(1, 1); }
    function insertSheet() { SpreadsheetApp.getActiveSpreadsheet().insertSheet("Archive"); }
  `;

  function nearTheLimit() {
    const emu = newEmulator();
    const id = emu.spreadsheets.create("Big", { timeZone: "Etc/UTC", sheets: ["Sheet1"] }).id;
    const sheet = sheetOf(emu, id);
    sheet.getRange("A1:A2").setValues([["header"], ["row"]]);
    // Grow the grid so it is full to the last row: exactly the limit, with 26 columns.
    const rows = Math.floor(MAX_CELLS / 26);
    emu.spreadsheets.growGrid(id, "Sheet1", { maxRows: rows });
    // Content down to the second-to-last row: one appendRow fits, the next needs a new row.
    sheet.getRange(rows - 1, 1).setValue("x");
    const app = emu.loadBundleSource(bundle);
    const run = (fn: string) => app.run({ user: ANA, kind: "menu", spreadsheetId: id }, fn);
    return { emu, id, run };
  }

  it("the test side fills a spreadsheet to the limit cheaply; growing past it throws", () => {
    const { emu, id } = nearTheLimit();
    expect(emu.spreadsheets.cellCount(id)).toBe(Math.floor(MAX_CELLS / 26) * 26);
    expect(() => emu.spreadsheets.growGrid(id, "Sheet1", { maxColumns: 27 })).toThrow(
      LIMIT_MESSAGE,
    );
  });

  it("appendRow in the grid's last free row still works; past the grid it throws", () => {
    const { run } = nearTheLimit();
    expect(run("append").error).toBeUndefined();
    expect(run("append").error?.message).toBe(LIMIT_MESSAGE);
  });

  it("insertRowsAfter and insertSheet throw at the limit", () => {
    const { run } = nearTheLimit();
    expect(run("insertRows").error?.message).toBe(LIMIT_MESSAGE);
    expect(run("insertSheet").error?.message).toBe(LIMIT_MESSAGE);
  });
});

describe("a script's write obeys the running user's protections (strict reading)", () => {
  const bundle = `
    function protectColumnB() {
      var p = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("B1:B100").protect();
      p.removeEditors(p.getEditors());
    }
    function writeB() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("B2").setValue("x"); }
    function writeC() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange("C2").setValue("y"); }
    function append() { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].appendRow([1, 2, 3]); }
  `;

  it("a write into a range protected against Ben throws for Ben, not for the owner or beside it", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 2);
    const app = emu.loadBundleSource(bundle);
    const run = (user: string, fn: string) =>
      app.run({ user, kind: "menu", spreadsheetId: id }, fn);
    expect(run(ANA, "protectColumnB").error).toBeUndefined();
    expect(run(BEN, "writeB").error?.message).toBe(
      "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
    );
    expect(run(BEN, "append").error?.message).toMatch(/protected cell/);
    expect(sheetOf(emu, id).getRange("B2").getValue()).toBe(2);
    expect(run(BEN, "writeC").error).toBeUndefined();
    expect(run(ANA, "writeB").error).toBeUndefined();
    expect(sheetOf(emu, id).getRange("B2:C2").getValues()).toEqual([["x", "y"]]);
  });

  it("a warning-only protection does not stop a script", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 2);
    sheetOf(emu, id).getRange("B1:B100").protect().setWarningOnly(true);
    const app = emu.loadBundleSource(bundle);
    expect(app.run({ user: BEN, kind: "menu", spreadsheetId: id }, "writeB").error).toBeUndefined();
  });
});
