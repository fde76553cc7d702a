import { MESSAGES } from "../../emulator";
import { ANA, BEN, newEmulator, newSpreadsheet } from "./helpers";

describe("vm executions", () => {
  test("each execution evaluates the bundle in a fresh context (no global state survives)", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(`
      var counter = 0;
      function bump() { counter += 1; return counter; }
    `);
    expect(app.call("bump").value).toBe(1);
    expect(app.call("bump").value).toBe(1);
  });

  test("functionNames lists the top-level functions without running services", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(`
      var global = this;
      var sheet = SpreadsheetApp.getActive();
      function onOpen() {}
      function refreshNow() {}
      (function () { function inner() {} })();
    `);
    expect(app.functionNames().sort()).toEqual(["onOpen", "refreshNow"]);
  });

  test("an unknown function is an error, not a crash", () => {
    const app = newEmulator().loadBundleSource(`function a() {}`);
    expect(app.call("missing").error?.message).toBe("Script function not found: missing");
  });

  test("arguments go in and plain results come out intact", () => {
    const app = newEmulator().loadBundleSource(`
      function echo(input) {
        return { isArray: Array.isArray(input.list) && input.list instanceof Array,
                 list: input.list.concat([4]), name: input.name, nested: { n: input.n + 1 } };
      }
    `);
    const result = app.call("echo", { list: [1, 2, 3], name: "x", n: 41 });
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({
      isArray: true,
      list: [1, 2, 3, 4],
      name: "x",
      nested: { n: 42 },
    });
  });

  test("console and Logger lines are captured into result.logs", () => {
    const app = newEmulator().loadBundleSource(`
      function talk() { console.log("hello %s", "world"); console.error("bad"); Logger.log("n=%s", 3); }
    `);
    expect(app.call("talk").logs).toEqual(["hello world", "ERROR: bad", "n=3"]);
  });
});

describe("the vm's Date and Error", () => {
  test("new Date() and Date.now() read the emulated clock; host dates are instanceof Date", () => {
    const emu = newEmulator({ advanceClockAfterExecutions: false });
    const app = emu.loadBundleSource(`
      function probe(hostDate) {
        return { now: new Date().toISOString(), nowMs: Date.now(), isDate: hostDate instanceof Date,
                 parsed: new Date("2020-01-02T03:04:05Z").toISOString(), asString: typeof Date() };
      }
    `);
    const first = app.call("probe", new Date("2001-01-01T00:00:00Z"));
    expect(first.value).toEqual({
      now: "2026-11-23T08:00:00.000Z",
      nowMs: Date.parse("2026-11-23T08:00:00Z"),
      isDate: true,
      parsed: "2020-01-02T03:04:05.000Z",
      asString: "string",
    });
    emu.clock.advance(90 * 60_000);
    expect((app.call("probe", new Date()).value as { now: string }).now).toBe(
      "2026-11-23T09:30:00.000Z",
    );
  });

  test("class X extends Date works (date-fns/tz TZDate style)", () => {
    const app = newEmulator().loadBundleSource(`
      class Zoned extends Date { constructor(...args) { super(...args); } label() { return "z"; } }
      function make() {
        var z = new Zoned(2026, 0, 2);
        var fromMs = new Zoned(Date.UTC(2026, 0, 2));
        return [z instanceof Date, z instanceof Zoned, z.label(), fromMs.toISOString()];
      }
    `);
    expect(app.call("make").value).toEqual([true, true, "z", "2026-01-02T00:00:00.000Z"]);
  });

  test("the emulated clock inside an execution includes the simulated time spent", () => {
    const app = newEmulator({ advanceClockAfterExecutions: false }).loadBundleSource(`
      function slow() { var t0 = Date.now(); Utilities.sleep(5000); return Date.now() - t0; }
    `);
    expect(app.call("slow").value).toBeGreaterThanOrEqual(5000);
  });

  test("emulator errors and vm TypeErrors are both instanceof Error in script code", () => {
    const app = newEmulator().loadBundleSource(`
      function check() {
        var out = [];
        try { PropertiesService.getScriptProperties().setProperty("k", "x".repeat(10000)); }
        catch (e) { out.push(e instanceof Error, e.message); }
        try { null.x; } catch (e) { out.push(e instanceof Error, e instanceof TypeError); }
        class MyError extends Error {}
        out.push(new MyError("m") instanceof MyError, new Error("p") instanceof MyError);
        return out;
      }
    `);
    expect(app.call("check").value).toEqual([
      true,
      MESSAGES.propertyValueTooLarge,
      true,
      true,
      true,
      false,
    ]);
  });

  test("an execution's time moves the clock forward when it ends (default)", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(`function nap() { Utilities.sleep(60000); }`);
    const before = emu.clock.now().getTime();
    app.call("nap");
    expect(emu.clock.now().getTime() - before).toBeGreaterThanOrEqual(60_000);
  });
});

describe("call counting and cost", () => {
  const bundle = `
    function batch() {
      var values = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getDataRange().getValues();
      var total = 0;
      for (var r = 1; r < values.length; r++) total += values[r][0];
      return total;
    }
    function perCell() {
      var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheets()[0];
      var total = 0;
      for (var r = 2; r <= sheet.getLastRow(); r++) total += sheet.getRange(r, 1).getValue();
      return total;
    }
  `;

  test("one batch read costs a handful of calls; a per-cell loop costs calls per row", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 200);
    const app = emu.loadBundleSource(bundle);
    const batch = app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "batch");
    const loop = app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "perCell");
    expect(batch.value).toBe(loop.value);
    expect(batch.value).toBe((200 * 201) / 2);
    expect(batch.callLog).toEqual([
      "SpreadsheetApp.getActiveSpreadsheet",
      "Spreadsheet.getSheets",
      "Sheet.getDataRange",
      "Range.getValues",
    ]);
    expect(batch.calls).toBe(4);
    expect(loop.calls).toBeGreaterThan(600);
    expect(loop.callLog.filter((c) => c === "Range.getValue")).toHaveLength(200);
    expect(batch.estimatedSeconds).toBeLessThan(0.5);
    expect(loop.estimatedSeconds).toBeGreaterThan(10 * batch.estimatedSeconds);
  });

  test("flush, sendEmail and sleep cost what the table says", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(`
      function f() { SpreadsheetApp.flush(); }
      function m() { MailApp.sendEmail("x@example.com", "s", "b"); }
      function s() { Utilities.sleep(2500); }
    `);
    expect(app.call("f").estimatedSeconds).toBeCloseTo(0.6);
    expect(app.call("m").estimatedSeconds).toBeCloseTo(1);
    expect(app.call("s").estimatedSeconds).toBeCloseTo(2.5);
  });
});

describe("the 6-minute limit", () => {
  test("the kill cannot be caught: every later call fails too, and result.killed is set", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(`
      function runaway() {
        try {
          for (var i = 0; i < 1000; i++) Utilities.sleep(60000);
        } catch (e) {
          PropertiesService.getUserProperties().setProperty("caught", e.message);
        } finally {
          PropertiesService.getUserProperties().setProperty("finally", "ran");
        }
        return "finished";
      }
    `);
    const result = app.call("runaway");
    expect(result.killed).toBe(true);
    expect(result.value).toBeUndefined();
    expect(result.error?.message).toBe("Exceeded maximum execution time");
    expect(emu.properties.user(ANA).getProperty("caught")).toBeNull();
    expect(emu.properties.user(ANA).getProperty("finally")).toBeNull();
    expect(result.estimatedSeconds).toBeGreaterThan(360);
    expect(result.estimatedSeconds).toBeLessThan(430);
  });

  test("a script that swallows the kill and returns normally is still reported killed", () => {
    const app = newEmulator().loadBundleSource(`
      function swallow() { try { Utilities.sleep(400000); } catch (e) {} return "ok"; }
    `);
    const result = app.call("swallow");
    expect(result.killed).toBe(true);
    expect(result.error?.message).toBe(MESSAGES.timeout);
  });

  test("simple triggers (onOpen) are killed after 30 seconds", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 1);
    const app = emu.loadBundleSource(`function onOpen() { Utilities.sleep(31000); }`);
    const simple = app.run(
      { user: ANA, kind: "simple", authMode: "LIMITED", spreadsheetId: id },
      "onOpen",
    );
    expect(simple.killed).toBe(true);
    const menu = app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "onOpen");
    expect(menu.killed).toBe(false);
  });

  test("faults.killAtCall kills the next execution at that call, at the limit, finally or not", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(`
      function work() {
        var props = PropertiesService.getUserProperties();
        try {
          props.setProperty("step", "1");
          props.setProperty("step", "2");
        } finally {
          props.setProperty("finally", "ran");
        }
      }
    `);
    const startedAt = emu.clock.nowMs();
    emu.faults.killAtCall(3);
    const result = app.call("work");
    expect(result.killed).toBe(true);
    expect(result.error?.message).toBe(MESSAGES.timeout);
    // The finally's call is refused before it is even counted.
    expect(result.callLog).toEqual([
      "PropertiesService.getUserProperties",
      "Properties.setProperty",
      "Properties.setProperty",
    ]);
    expect(emu.properties.user(ANA).getProperties()).toEqual({ step: "1" });
    expect(emu.clock.nowMs() - startedAt).toBeGreaterThanOrEqual(360_000);
    expect(app.call("work").killed).toBe(false);
  });

  test("executions under the limit are not killed", () => {
    const app = newEmulator().loadBundleSource(
      `function ok() { Utilities.sleep(300000); return 1; }`,
    );
    const result = app.call("ok");
    expect(result.killed).toBe(false);
    expect(result.value).toBe(1);
  });
});

describe("fault injection", () => {
  test("failAtCall(n) makes call n of the next execution throw, and nothing else", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 3);
    const app = emu.loadBundleSource(`
      function steps() {
        var out = [];
        var ss = SpreadsheetApp.getActiveSpreadsheet();
        var sheet = ss.getSheets()[0];
        try { sheet.getLastRow(); out.push("read"); } catch (e) { out.push("failed: " + e.message); }
        out.push(sheet.getLastColumn());
        return out;
      }
    `);
    emu.faults.failAtCall(3);
    const failed = app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "steps");
    expect(failed.value).toEqual(["failed: Service error: Spreadsheets", 3]);
    const next = app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "steps");
    expect(next.value).toEqual(["read", 3]);
  });

  test("a custom message, and the generic server error for other services", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(`
      function p() { return PropertiesService.getUserProperties().getProperty("x"); }
    `);
    emu.faults.failAtCall(2, "Boom");
    expect(app.call("p").error?.message).toBe("Boom");
    emu.faults.failAtCall(1);
    expect(app.call("p").error?.message).toMatch(/^We're sorry, a server error occurred/);
    expect(app.call("p").error).toBeUndefined();
  });
});

describe("auth modes", () => {
  const bundle = `
    function onOpen(e) {
      SpreadsheetApp.getUi().createAddonMenu().addItem("Open", "open").addToUi();
      var out = { mode: e.authMode === ScriptApp.AuthMode.NONE ? "NONE" : String(e.authMode) };
      try { PropertiesService.getDocumentProperties(); out.props = "ok"; } catch (err) { out.props = err.message; }
      try { SpreadsheetApp.getActiveSpreadsheet().getName(); out.sheet = "ok"; } catch (err) { out.sheet = err.message; }
      try { GmailApp.getAliases(); out.gmail = "ok"; } catch (err) { out.gmail = err.message; }
      try { ScriptApp.getProjectTriggers(); out.triggers = "ok"; } catch (err) { out.triggers = err.message; }
      return out;
    }
  `;

  test("in NONE only menus can be built", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 1);
    const app = emu.loadBundleSource(bundle);
    const result = app.run(
      { user: BEN, kind: "simple", authMode: "NONE", spreadsheetId: id },
      "onOpen",
      {
        authMode: "NONE",
      },
    );
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({
      mode: "NONE",
      props: "You do not have permission to call PropertiesService.getDocumentProperties.",
      sheet: expect.stringMatching(
        /^You do not have permission to call SpreadsheetApp.getActiveSpreadsheet/,
      ),
      gmail: expect.stringMatching(/^You do not have permission to call GmailApp.getAliases/),
      triggers: expect.stringMatching(
        /^You do not have permission to call ScriptApp.getProjectTriggers/,
      ),
    });
    expect(result.callLog.slice(0, 4)).toEqual([
      "SpreadsheetApp.getUi",
      "Ui.createAddonMenu",
      "Menu.addItem",
      "Menu.addToUi",
    ]);
  });

  test("LIMITED may use the document and properties but not Gmail or triggers", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 1);
    const app = emu.loadBundleSource(bundle);
    const result = app.run(
      { user: ANA, kind: "simple", authMode: "LIMITED", spreadsheetId: id },
      "onOpen",
      {
        authMode: "LIMITED",
      },
    );
    expect(result.value).toEqual({
      mode: "LIMITED",
      props: "ok",
      sheet: "ok",
      gmail: expect.stringMatching(/^You do not have permission to call GmailApp.getAliases/),
      triggers: expect.stringMatching(
        /^You do not have permission to call ScriptApp.getProjectTriggers/,
      ),
    });
  });
});
