import { MESSAGES } from "../../emulator";
import { ANA, BEN, newEmulator, newSpreadsheet } from "./helpers";

describe("PropertiesService", () => {
  test("a value over 9 KB throws; 9 KB fits", () => {
    const app = newEmulator().loadBundleSource(`
      function put(size) { PropertiesService.getUserProperties().setProperty("k", "x".repeat(size)); }
    `);
    expect(app.call("put", 9 * 1024).error).toBeUndefined();
    expect(app.call("put", 9 * 1024 + 1).error?.message).toBe("Argument too large: value");
  });

  test("a store over 500 KB throws the quota message", () => {
    const app = newEmulator().loadBundleSource(`
      function fill() {
        var p = PropertiesService.getScriptProperties();
        for (var i = 0; i < 60; i++) p.setProperty("key" + i, "x".repeat(9000));
      }
    `);
    expect(app.call("fill").error?.message).toBe(MESSAGES.propertyQuota);
  });

  test("user properties are per user; document properties per document", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 1);
    const app = emu.loadBundleSource(`
      function save(v) {
        PropertiesService.getUserProperties().setProperty("u", v);
        PropertiesService.getDocumentProperties().setProperties({ d: v, e: "1" });
        return PropertiesService.getDocumentProperties().getKeys().sort();
      }
      function read() {
        return [PropertiesService.getUserProperties().getProperty("u"),
                PropertiesService.getDocumentProperties().getProperty("d")];
      }
    `);
    expect(app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "save", "ana").value).toEqual([
      "d",
      "e",
    ]);
    expect(app.run({ user: BEN, kind: "menu", spreadsheetId: id }, "read").value).toEqual([
      null,
      "ana",
    ]);
    expect(emu.properties.user(ANA).getProperty("u")).toBe("ana");
  });
});

describe("CacheService", () => {
  const bundle = `
    function put(key, size, seconds) { CacheService.getScriptCache().put(key, "v".repeat(size), seconds); }
    function get(key) { return CacheService.getScriptCache().get(key); }
  `;

  test("a value over 100 KB and a key over 250 characters throw", () => {
    const app = newEmulator().loadBundleSource(bundle);
    expect(app.call("put", "k", 100 * 1024).error).toBeUndefined();
    expect(app.call("put", "k", 100 * 1024 + 1).error?.message).toBe("Argument too large: value");
    expect(app.call("put", "k".repeat(250), 1).error).toBeUndefined();
    expect(app.call("put", "k".repeat(251), 1).error?.message).toBe("Argument too large: key");
  });

  test("entries expire on the emulated clock, and expiry is clamped to 6 hours", () => {
    const emu = newEmulator({ advanceClockAfterExecutions: false });
    const app = emu.loadBundleSource(bundle);
    app.call("put", "short", 3, 60);
    app.call("put", "long", 3, 999_999);
    emu.clock.advance(59_000);
    expect(app.call("get", "short").value).toBe("vvv");
    emu.clock.advance(2_000);
    expect(app.call("get", "short").value).toBeNull();
    emu.clock.set(new Date(Date.parse("2026-11-23T08:00:00Z") + 21_599_000));
    expect(app.call("get", "long").value).toBe("vvv");
    emu.clock.advance(2_000);
    expect(app.call("get", "long").value).toBeNull();
  });
});

describe("LockService", () => {
  const bundle = `
    function tryIt() { return LockService.getDocumentLock().tryLock(5000); }
    function waitIt() { LockService.getDocumentLock().waitLock(5000); return "got it"; }
    function takeAndKeep() { var l = LockService.getScriptLock(); return [l.tryLock(1), l.hasLock()]; }
  `;

  test("tryLock returns false while another execution holds the lock (after waiting)", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 1);
    const app = emu.loadBundleSource(bundle);
    emu.locks.holdDocumentLock(id);
    const busy = app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "tryIt");
    expect(busy.value).toBe(false);
    expect(busy.estimatedSeconds).toBeGreaterThanOrEqual(5);
    emu.locks.releaseDocumentLock(id);
    expect(app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "tryIt").value).toBe(true);
  });

  test("waitLock throws the timeout message", () => {
    const emu = newEmulator();
    const id = newSpreadsheet(emu, 1);
    const app = emu.loadBundleSource(bundle);
    emu.locks.holdDocumentLock(id);
    const result = app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "waitIt");
    expect(result.error?.message).toBe(
      "Lock timeout: another process was holding the lock for too long.",
    );
  });

  test("locks end with the execution that took them", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    expect(app.call("takeAndKeep").value).toEqual([true, true]);
    expect(emu.locks.isScriptLocked()).toBe(false);
    expect(app.call("takeAndKeep").value).toEqual([true, true]);
  });
});
