// The per-spreadsheet run lease (DESIGN §3 step 1, §4; issue 7 item 5) through the built bundle:
// the script lock — shared by every user of every spreadsheet — is held only while the lease is
// set; a second run of the same spreadsheet is busy and says so; a killed run's lease expires.
import type { RunResult } from "../../emulator";
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import { ALEX, lastAlert, records, SAM, STATUSES, turnOnAutomation, ZONE } from "./support";

const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;
/** Monday 08:30 in New York (after the default Digest hour of 8). */
const MONDAY_MORNING = new Date("2026-11-23T13:30:00Z");
/** The lease's calls, in order, restated from DESIGN §3.1 on purpose. */
const LEASE_TAKE = [
  "LockService.getScriptLock",
  "Lock.tryLock",
  "CacheService.getScriptCache",
  "Cache.get",
  "Cache.put",
  "Lock.releaseLock",
];
const LEASE_RELEASE = ["Cache.remove"];

function bench(): Workbench {
  const wb = createWorkbench({ now: MONDAY_MORNING, demo: { contacts: 30, touches: 200 } });
  turnOnAutomation(wb, ALEX);
  return wb;
}

function fireTriggersAt(wb: Workbench, at: Date): RunResult[] {
  wb.emu.clock.set(at);
  return wb.emu.runDueTimeTriggers();
}

/** Another team's spreadsheet, and an execution of theirs that is open while ours runs. */
function otherDocumentExecution(wb: Workbench) {
  const other = wb.emu.spreadsheets.create("Other team", { timeZone: ZONE, owner: SAM });
  return wb.emu.openExecution({ user: SAM, kind: "menu", spreadsheetId: other.getId() });
}

function statusesComputed(wb: Workbench): string[] {
  return records(wb, "Contacts")
    .map((c) => String(c["Status"]))
    .filter((status) => !STATUSES.includes(status));
}

describe("the script lock is held for milliseconds, never for the run", () => {
  test("the lease costs six calls before the first read and one before the Runs row; the lock is free meanwhile", () => {
    const wb = bench();
    const lockedDuringReads: boolean[] = [];
    const stop = wb.emu.beforeCall((call) => {
      if (call.call === "Range.getValues") lockedDuringReads.push(wb.emu.locks.isScriptLocked());
    });
    const [run] = fireTriggersAt(wb, new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    stop();
    expect(run?.error).toBeUndefined();
    const log = run!.callLog;
    const takeAt = log.indexOf("LockService.getScriptLock");
    expect(log.slice(takeAt, takeAt + LEASE_TAKE.length)).toEqual(LEASE_TAKE);
    expect(log.indexOf("Range.getValues")).toBeGreaterThan(takeAt + LEASE_TAKE.length - 1);
    const releaseAt = log.indexOf("Cache.remove");
    expect(log.slice(releaseAt, releaseAt + 1)).toEqual(LEASE_RELEASE);
    expect(log.slice(releaseAt).at(-1)).toBe("Sheet.appendRow");
    expect(log.filter((c) => c.startsWith("Lock") || c.startsWith("Cache"))).toHaveLength(
      LEASE_TAKE.length + LEASE_RELEASE.length,
    );
    expect(lockedDuringReads.length).toBeGreaterThan(0);
    expect(lockedDuringReads.filter((locked) => locked)).toEqual([]);
    // The lease is handed back: the next click works at once.
    expect(wb.menu("menuRefreshNow", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(/^Refreshed 30 contacts/);
  });

  test("another spreadsheet's run holding the script lock for its milliseconds: this run still completes", () => {
    const wb = bench();
    const other = otherDocumentExecution(wb);
    // The other document's run holds the script lock as ours starts…
    expect(other.act(({ LockService }) => LockService.getScriptLock().tryLock(0))).toBe(true);
    const stops = [
      // …lets go while ours waits for it (it only sets its own lease)…
      wb.emu.beforeCall((call) => {
        if (call.call === "Lock.tryLock" && call.executionId !== other.id) {
          other.act(({ LockService }) => LockService.getScriptLock().releaseLock());
        }
      }),
      // …and takes it again for its next lease the moment ours is set, holding it to our end.
      wb.emu.afterCall((call) => {
        if (call.call === "Lock.releaseLock" && call.executionId !== other.id) {
          other.act(({ LockService }) => LockService.getScriptLock().tryLock(0));
        }
      }),
    ];
    const [run] = fireTriggersAt(wb, new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    stops.forEach((stop) => stop());
    expect(wb.emu.locks.isScriptLocked()).toBe(true);
    other.end();
    expect(run?.error).toBeUndefined();
    expect(records(wb, "Runs")).toEqual([
      expect.objectContaining({ User: ALEX, Trigger: "Hourly", Contacts: 30, Error: "" }),
    ]);
    expect(statusesComputed(wb)).toEqual([]);
    expect(wb.emu.gmail.sent(ALEX)).toHaveLength(1);
  });

  test("another spreadsheet's execution holding the script lock past the wait: busy, nothing written, Runs says why", () => {
    const wb = bench();
    const before = wb.values("Contacts");
    const other = otherDocumentExecution(wb);
    expect(other.act(({ LockService }) => LockService.getScriptLock().tryLock(0))).toBe(true);
    const [busy] = fireTriggersAt(wb, new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    expect(busy?.error).toBeUndefined();
    expect(busy!.estimatedSeconds).toBeGreaterThanOrEqual(5);
    expect(wb.values("Contacts")).toEqual(before);
    expect(wb.emu.gmail.sent(ALEX)).toHaveLength(0);
    const [row] = records(wb, "Runs");
    expect(row).toMatchObject({ User: ALEX, Trigger: "Hourly", Contacts: 0, Digests: 0 });
    expect(String(row!["Error"])).toBe(
      "Touchbase's shared lock (one for every spreadsheet that uses Touchbase) stayed busy for more than 5 seconds, so this run did not start. The next run will catch up; if every run says this, tell the Touchbase team.",
    );

    other.end();
    const [next] = fireTriggersAt(wb, new Date(MONDAY_MORNING.getTime() + 2 * HOUR_MS));
    expect(next?.error).toBeUndefined();
    expect(records(wb, "Runs")[1]).toMatchObject({ Trigger: "Hourly", Contacts: 30, Error: "" });
    // The digest the busy run could not send goes out with the next one.
    expect(wb.emu.gmail.sent(ALEX)).toHaveLength(1);
  });
});

describe("one run per spreadsheet at a time", () => {
  /** Alex's Refresh now, killed (the 6-minute kill) at its first read, after taking the lease. */
  function killRefreshAfterLease(wb: Workbench): RunResult {
    const probe = createWorkbench({ now: MONDAY_MORNING, demo: { contacts: 30, touches: 200 } });
    const firstRead = probe.menu("menuRefreshNow", ALEX).callLog.indexOf("Range.getValues") + 1;
    expect(firstRead).toBeGreaterThan(LEASE_TAKE.length);
    wb.emu.faults.killAtCall(firstRead);
    const killed = wb.menu("menuRefreshNow", ALEX);
    expect(killed.killed).toBe(true);
    return killed;
  }

  test("a second run while the lease is held is busy: nothing written, the Runs row and alerts name the holder", () => {
    const wb = bench();
    wb.emu.clock.set(new Date(MONDAY_MORNING.getTime() + HOUR_MS - 6 * MINUTE_MS));
    const before = wb.values("Contacts");
    const touchesBefore = wb.values("Touches");
    killRefreshAfterLease(wb);
    // The kill came at minute 6; the lease has 30 seconds left when the hourly run fires.
    const [busy] = fireTriggersAt(wb, new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    expect(busy?.error).toBeUndefined();
    expect(wb.values("Contacts")).toEqual(before);
    expect(wb.values("Touches")).toEqual(touchesBefore);
    expect(wb.emu.gmail.sent(ALEX)).toHaveLength(0);
    expect(records(wb, "Runs")).toEqual([
      expect.objectContaining({
        User: ALEX,
        Trigger: "Hourly",
        Contacts: 0,
        Error:
          "Touchbase is already working on this spreadsheet (Refresh now for alex@acme.test, started 6 minutes ago), so this run left it alone. The next run will catch up; a menu action can be tried again in a few minutes.",
      }),
    ]);

    // Menu actions that write take the same lease.
    wb.emu.clock.set(new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    expect(wb.menu("menuRefreshNow", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(
      /^Touchbase could not refresh: Touchbase is already working on this spreadsheet \(Refresh now for alex@acme\.test/,
    );
    wb.emu.clock.set(new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    expect(wb.menu("menuSendMyDigestNow", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(/^Touchbase is already working on this spreadsheet/);
    wb.emu.clock.set(new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    expect(wb.menu("menuSetUpSheets", SAM).error).toBeUndefined();
    expect(wb.emu.spreadsheets.ui.alerts.at(-1)).toMatchObject({
      title: "Set up / repair sheets",
      prompt: expect.stringMatching(/^Touchbase is already working on this spreadsheet/),
    });
    expect(wb.values("Contacts")).toEqual(before);
    expect(wb.emu.gmail.sent(SAM)).toHaveLength(0);
  });

  test("a killed run's lease expires (7 minutes after it was taken): the next run takes over and completes", () => {
    const wb = bench();
    killRefreshAfterLease(wb);
    // The kill came at minute 6: the lease has 30 seconds left.
    expect(wb.menu("menuRefreshNow", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(/already working on this spreadsheet/);

    wb.emu.clock.advance(MINUTE_MS);
    expect(wb.menu("menuRefreshNow", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(/^Refreshed 30 contacts/);
    expect(statusesComputed(wb)).toEqual([]);
    expect(records(wb, "Runs").at(-1)).toMatchObject({ User: SAM, Contacts: 30, Error: "" });
    // Set up takes and hands back the lease too.
    expect(wb.menu("menuSetUpSheets", SAM).error).toBeUndefined();
    expect(wb.menu("menuSetUpSheets", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).not.toMatch(/already working/);
  });
});
