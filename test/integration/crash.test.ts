// Crash injection on the hourly run (DESIGN §3, APPS-SCRIPT-FACTS "every side effect must be
// idempotent"): whichever service call fails — the lease's included — or wherever the 6-minute
// kill strikes the lease, the next run must leave Contacts and Touches exactly as one clean run
// does — no duplicate tier-change touches, no duplicate IDs, nothing lost.
import { timeDrivenEvent, type RunResult } from "../../emulator";
import { generateDemoSheet, loadDemoIntoSpreadsheet } from "../../scripts/demo";
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import { ALEX, rowRecords, SAM, turnOnAutomation, ZONE } from "./support";
import { type Cell } from "../../src/domain/cells";

const OWNERS = [ALEX, SAM, "jordan@acme.test", "priya@acme.test"];
const SETUP_AT = new Date("2026-11-23T13:00:00Z");
/** The run's instant (09:20 in New York, after Digest hour): every run is started at it. */
const RUN_AT = new Date("2026-11-23T14:20:00Z");
const DAY_MS = 86_400_000;

const daysBefore = (days: number, hourUtc = 15): Date =>
  new Date(Date.UTC(2026, 10, 23 - days, hourUtc, 0, 0));

/** A row in the grid's column order from header → value. */
function rowFor(header: readonly Cell[], record: Record<string, Cell>): Cell[] {
  const known = new Set(header.map(String));
  for (const key of Object.keys(record)) {
    if (!known.has(key)) throw new Error(`test data: no column "${key}"`);
  }
  return header.map((h) => record[String(h)] ?? "");
}

/** The demo team sheet plus the cases the brief asks for. */
function crashDemo() {
  const demo = generateDemoSheet({
    contacts: 40,
    touches: 300,
    seed: 7,
    now: SETUP_AT,
    zone: ZONE,
    owners: OWNERS,
  });
  const contactHeader = demo.contacts[0]!;
  const touchHeader = demo.touches[0]!;
  const contacts = [
    ...demo.contacts,
    // Hot and dark for 45 days: tier decay writes Warm and logs a touch.
    rowFor(contactHeader, {
      ID: "C-000041",
      Name: "Dana Dark",
      Email: "dana.dark@quiet.test",
      Company: "Quiet Co",
      Owner: ALEX,
      Stage: "Qualified",
      Tier: "Hot",
      "Deal Value": 12000,
      Created: daysBefore(80),
    }),
    // No ID, Hot, created 40 days ago and never touched: decays too, under its new ID.
    rowFor(contactHeader, {
      Name: "Nora Noid",
      Email: "nora@noid.test",
      Company: "Noid Ltd",
      Owner: SAM,
      Stage: "Qualified",
      Tier: "Hot",
      Created: daysBefore(40),
    }),
    // No ID and no Created: both are filled in.
    rowFor(contactHeader, {
      Name: "Noel Newcomer",
      Email: "noel@newcomer.test",
      Owner: ALEX,
      Stage: "New Lead",
    }),
  ];
  const touches = [
    ...demo.touches,
    rowFor(touchHeader, {
      "Touch ID": "T-0009000",
      Timestamp: daysBefore(45),
      "Contact ID": "C-000041",
      Contact: "Dana Dark",
      Channel: "Call",
      Direction: "Outbound",
      Outcome: "Connected",
      "Logged By": ALEX,
      Source: "Sidebar",
    }),
  ];
  return { contacts, touches };
}

interface Bench {
  readonly wb: Workbench;
  readonly triggerUid: string;
}

function freshBench(): Bench {
  const wb = createWorkbench({ now: SETUP_AT, zone: ZONE, owners: OWNERS });
  loadDemoIntoSpreadsheet(wb.spreadsheet(), crashDemo());
  turnOnAutomation(wb, ALEX);
  const trigger = wb.emu.triggers.forUser(ALEX)[0];
  if (!trigger) throw new Error("no trigger after turning automation on");
  return { wb, triggerUid: trigger.uid };
}

/** The hourly trigger's execution, started at RUN_AT exactly (a frozen clock). */
function runTrigger({ wb, triggerUid }: Bench): RunResult {
  wb.emu.clock.set(RUN_AT);
  return wb.app.run(
    { user: ALEX, authMode: "FULL", kind: "trigger", triggerUid },
    "runAutomation",
    timeDrivenEvent(RUN_AT, triggerUid),
  );
}

/**
 * A lease left behind (a failed hand-back, a killed run) expires after 6½ minutes. The clock is
 * frozen here so that every run computes the same state, so expiry is simulated by dropping the
 * entry (key restated on purpose); lease.test.ts shows the real expiry on the clock.
 */
function expireLease(wb: Workbench): void {
  wb.emu.caches.script.remove(`tb.lease.${wb.spreadsheetId}`);
}

/** The Runs tab's newest Error names a lease held by another run. */
function lastRunWasBusy(wb: Workbench): boolean {
  const last = rowRecords(wb, "Runs").at(-1);
  return /already working on this spreadsheet/.test(String(last?.["Error"] ?? ""));
}

function snapshot(wb: Workbench): { contacts: unknown[][]; touches: unknown[][] } {
  const plain = (grid: unknown[][]) =>
    grid.map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : cell)));
  return { contacts: plain(wb.values("Contacts")), touches: plain(wb.values("Touches")) };
}

function column(grid: unknown[][], header: string): unknown[] {
  const index = grid[0]!.map(String).indexOf(header);
  if (index < 0) throw new Error(`no column ${header}`);
  return grid.slice(1).map((row) => row[index]);
}

function duplicates(values: readonly unknown[]): unknown[] {
  const seen = new Set<unknown>();
  return values.filter((v) => (seen.has(v) ? true : (seen.add(v), false)));
}

function tierChangeKeys(touches: unknown[][]): string[] {
  const outcomes = column(touches, "Outcome");
  const ids = column(touches, "Contact ID");
  return outcomes.flatMap((o, i) => (o === "Tier Changed" ? [String(ids[i])] : []));
}

describe("crash injection on the hourly run", () => {
  let cleanState: ReturnType<typeof snapshot>;
  let cleanCalls: number;
  let cleanRun: RunResult;

  beforeAll(() => {
    const bench = freshBench();
    cleanRun = runTrigger(bench);
    cleanCalls = cleanRun.calls;
    cleanState = snapshot(bench.wb);
  });

  test("the clean run decays the dark Hot contacts, fills missing IDs and logs each change once", () => {
    expect(cleanRun.error).toBeUndefined();
    expect(cleanCalls).toBeGreaterThan(10);
    const { contacts, touches } = cleanState;
    const names = column(contacts, "Name");
    const tiers = column(contacts, "Tier");
    const ids = column(contacts, "ID");
    const dana = names.indexOf("Dana Dark");
    const nora = names.indexOf("Nora Noid");
    const noel = names.indexOf("Noel Newcomer");
    expect(tiers[dana]).toBe("Warm");
    expect(tiers[nora]).toBe("Warm");
    expect(ids[nora]).toMatch(/^C-\d{6}$/);
    expect(ids[noel]).toMatch(/^C-\d{6}$/);
    expect(column(contacts, "Created")[noel]).not.toBe("");
    expect(ids.filter((id) => id === "")).toEqual([]);
    expect(duplicates(ids)).toEqual([]);
    expect(duplicates(column(touches, "Touch ID"))).toEqual([]);
    const changed = tierChangeKeys(touches);
    expect(changed).toEqual(expect.arrayContaining(["C-000041", String(ids[nora])]));
    expect(duplicates(changed)).toEqual([]);
    expect(column(contacts, "Status").filter((s) => s === "")).toEqual([]);
    expect(cleanRun.callLog).toContain("MailApp.sendEmail");
  });

  test("a second run at the same instant changes nothing (the run is idempotent)", () => {
    const bench = freshBench();
    expect(runTrigger(bench).error).toBeUndefined();
    const again = runTrigger(bench);
    expect(again.error).toBeUndefined();
    expect(snapshot(bench.wb)).toEqual(cleanState);
  });

  test("whichever call fails, the next run ends in the clean run's state", () => {
    const failures: string[] = [];
    // 1-based call numbers in the clean run: the spreadsheet is opened, the Runs row is written.
    const spreadsheetOpenedAt = cleanRun.callLog.indexOf("SpreadsheetApp.openById") + 1;
    const runsRowStartsAt = cleanRun.callLog.lastIndexOf("Spreadsheet.getSheetByName") + 1;
    expect(spreadsheetOpenedAt).toBeGreaterThan(0);
    expect(cleanRun.callLog.slice(runsRowStartsAt - 1).at(-1)).toBe("Sheet.appendRow");
    for (let n = 1; n <= cleanCalls; n++) {
      const bench = freshBench();
      bench.wb.emu.faults.failAtCall(n);
      const faulted = runTrigger(bench);
      const failedCall = faulted.callLog[n - 1] ?? "(none)";
      const where = `fault at call ${n} (${failedCall})`;

      // The trigger never throws out of its handler, and is not killed.
      if (faulted.error) failures.push(`${where}: the trigger threw ${faulted.error.message}`);
      if (faulted.killed) failures.push(`${where}: the run was killed`);
      // Nothing fails silently: a Runs row carries the error — always once the spreadsheet is
      // open and the fault is not in writing that row itself — or else the execution log does.
      const faultedRuns = rowRecords(bench.wb, "Runs");
      if (faultedRuns.length > 1) failures.push(`${where}: ${faultedRuns.length} Runs rows`);
      if (faultedRuns.length === 1 && String(faultedRuns[0]!["Error"]) === "") {
        failures.push(`${where}: its Runs row has no Error`);
      }
      if (faultedRuns.length === 0 && n > spreadsheetOpenedAt && n < runsRowStartsAt) {
        failures.push(`${where}: no Runs row`);
      }
      if (faultedRuns.length === 0 && !faulted.logs.some((line) => line.startsWith("ERROR"))) {
        failures.push(`${where}: neither a Runs row nor an error in the execution log`);
      }

      if (failedCall === "Cache.remove") {
        // The lease could not be handed back: until it expires, a run at once is busy.
        runTrigger(bench);
        if (!lastRunWasBusy(bench.wb)) failures.push(`${where}: the run after it was not busy`);
        expireLease(bench.wb);
      }
      const retry = runTrigger(bench);
      if (retry.error) failures.push(`${where}: the retry threw ${retry.error.message}`);
      const retryRun = rowRecords(bench.wb, "Runs").at(-1);
      if (!retryRun || String(retryRun["Error"]) !== "") {
        failures.push(`${where}: the retry's Runs row is ${JSON.stringify(retryRun)}`);
      }

      // The digest goes out exactly once: never lost, never twice.
      const digests = bench.wb.emu.gmail.sent(ALEX).length;
      if (digests !== 1) failures.push(`${where}: ${digests} digests sent`);

      const state = snapshot(bench.wb);
      try {
        expect(state).toEqual(cleanState);
      } catch {
        failures.push(`${where}: final Contacts/Touches differ from the clean run`);
      }
      const changed = tierChangeKeys(state.touches);
      if (duplicates(changed).length > 0) {
        failures.push(`${where}: duplicate tier-change touches ${duplicates(changed).join(", ")}`);
      }
      const ids = column(state.contacts, "ID");
      if (duplicates(ids).length > 0 || ids.includes("")) {
        failures.push(`${where}: IDs not unique and filled`);
      }
      if (duplicates(column(state.touches, "Touch ID")).length > 0) {
        failures.push(`${where}: duplicate Touch IDs`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("killed at any lease call (or mid-run), the next run after the lease expires ends in the clean state", () => {
    const failures: string[] = [];
    const log = cleanRun.callLog;
    const leaseSetAt = log.indexOf("Cache.put") + 1;
    const killAt = log
      .map((call, i) => ({ call, n: i + 1 }))
      .filter(({ call }) => /^(LockService|Lock|CacheService|Cache)\./.test(call))
      .map(({ n }) => n);
    killAt.push(log.indexOf("Range.getValues") + 1);
    expect(killAt.length).toBe(8);
    for (const n of killAt) {
      const bench = freshBench();
      bench.wb.emu.faults.killAtCall(n);
      const where = `kill at call ${n} (${log[n - 1]})`;
      if (!runTrigger(bench).killed) failures.push(`${where}: not killed`);
      runTrigger(bench);
      const busy = lastRunWasBusy(bench.wb);
      // A lease set before the kill holds off the next run until it expires; none is left otherwise.
      if (busy !== n > leaseSetAt) failures.push(`${where}: the next run was busy: ${busy}`);
      if (busy) {
        expireLease(bench.wb);
        runTrigger(bench);
      }
      const last = rowRecords(bench.wb, "Runs").at(-1);
      if (String(last?.["Error"] ?? "missing") !== "") {
        failures.push(`${where}: the completing run's Runs row is ${JSON.stringify(last)}`);
      }
      const digests = bench.wb.emu.gmail.sent(ALEX).length;
      if (digests !== 1) failures.push(`${where}: ${digests} digests sent`);
      try {
        expect(snapshot(bench.wb)).toEqual(cleanState);
      } catch {
        failures.push(`${where}: final Contacts/Touches differ from the clean run`);
      }
    }
    expect(failures).toEqual([]);
  });

  test("the frozen clock really is frozen: both runs start at the same instant", () => {
    const bench = freshBench();
    const first = runTrigger(bench);
    bench.wb.emu.clock.advance(DAY_MS);
    const second = runTrigger(bench);
    expect(first.startedAt.toISOString()).toBe(RUN_AT.toISOString());
    expect(second.startedAt.toISOString()).toBe(RUN_AT.toISOString());
  });
});
