// npm run bench: the hourly automation run of the built bundle on demo sheets of two sizes, in
// the emulator. Prints one JSON line per size and scenario, then checks the targets:
//   service calls equal at both sizes (no per-row calls) and ≤ 31 without emails (25 before the
//   compare-before-write re-read of Contacts' key columns: Sheet.getRange + Range.getValues; +3
//   for the Metrics tab's Generated stamp: Spreadsheet.getSheetByName, Sheet.getRange,
//   Range.getValues); the day's first run, which rewrites the Metrics tab ("metrics"), equal at
//   both sizes and ≤ 47 (charts already in place), its node time at 10× touches ≤ 12×;
//   estimated Apps Script time ≤ 60 s at 10k contacts; node time at 10× rows ≤ 12×; peak RSS ≤ 1 GB.
// Each size runs in its own child process so its peak RSS is its own.
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createWorkbench } from "./demo/workbench";

const SIZES = [
  { contacts: 1_000, touches: 10_000 },
  { contacts: 10_000, touches: 100_000 },
];
/** Monday 05:00 in New York; the runs below stay before the default Digest hour (8) unless noted. */
const START = new Date("2026-11-23T10:00:00Z");
/** The hourly run's call budget (an hour that only checks the Metrics tab's Generated stamp). */
const HOURLY_CALLS = 31;
/** The day's first run, which also rewrites the Metrics tab and checks its three charts. */
const METRICS_RUN_CALLS = 47;
const HOUR_MS = 3_600_000;

interface BenchLine {
  scenario: string;
  contacts: number;
  touches: number;
  serviceCalls: number;
  estimatedAppsScriptSeconds: number;
  nodeMs: number;
  peakRssMb: number;
}

function measureOneSize(contacts: number, touches: number): BenchLine[] {
  const bench = createWorkbench({ now: START, demo: { contacts, touches } });
  const turnedOn = bench.menu("menuTurnOnAutomation");
  if (turnedOn.error) throw turnedOn.error;

  const runAt = (at: number) => {
    bench.emu.clock.set(new Date(at));
    const started = performance.now();
    const [result] = bench.emu.runDueTimeTriggers();
    const nodeMs = performance.now() - started;
    if (!result) throw new Error("the hourly trigger did not fire");
    if (result.error) throw result.error;
    return { result, nodeMs };
  };

  // 06:00 local: the first run on the freshly loaded sheet also writes one-time changes (Hot
  // contacts gone quiet decay to Warm: Tier written, touches appended) and creates the Metrics
  // tab's charts. Then the steady state: 07:00 (before Digest hour: no email; the Metrics tab is
  // already today's, so only its Generated stamp is read). The first run of the next day (06:00)
  // rewrites Metrics and also decays newly quiet Hot contacts; so for the "metrics" scenario the
  // stamp is cleared before 07:00, a run with nothing else to write. Last, 08:00, past Digest
  // hour, which also sends the day's digest.
  const hourly = (hours: number) => runAt(START.getTime() + hours * HOUR_MS);
  const first = hourly(1);
  const steady = hourly(2);
  hourly(25);
  bench.spreadsheet().getSheetByName("Metrics")?.getRange(2, 2).setValue("");
  const metrics = hourly(26);
  const withDigest = hourly(27);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // Calls of the 07:00 run: statuses moved on since 06:00; the Metrics tab is already today's.
  const typical = steady.result;
  if (process.env.BENCH_CALL_LOG) console.error(typical.callLog.join("\n"));
  const line = (scenario: string, result: typeof typical, nodeMs: number): BenchLine => ({
    scenario,
    contacts,
    touches,
    serviceCalls: result.calls,
    estimatedAppsScriptSeconds: round(result.estimatedSeconds),
    nodeMs: Math.round(nodeMs),
    peakRssMb,
  });
  return [
    line("hourly-run", typical, steady.nodeMs),
    line("first-hourly-run", first.result, first.nodeMs),
    line("hourly-run-with-digest", withDigest.result, withDigest.nodeMs),
    line("metrics", metrics.result, metrics.nodeMs),
  ];
}

const round = (n: number) => Math.round(n * 10) / 10;

function checkTargets(lines: BenchLine[]): string[] {
  const failures: string[] = [];
  const plain = lines.filter((l) => l.scenario === "hourly-run");
  const [small, large] = plain;
  if (!small || !large) return ["missing sizes"];
  if (small.serviceCalls !== large.serviceCalls)
    failures.push(`service calls differ: ${small.serviceCalls} vs ${large.serviceCalls}`);
  if (large.serviceCalls > HOURLY_CALLS)
    failures.push(`${large.serviceCalls} service calls > ${HOURLY_CALLS}`);
  const [smallMetrics, largeMetrics] = lines.filter((l) => l.scenario === "metrics");
  if (!smallMetrics || !largeMetrics) return [...failures, "missing metrics runs"];
  if (smallMetrics.serviceCalls !== largeMetrics.serviceCalls) {
    failures.push(
      `metrics run calls differ: ${smallMetrics.serviceCalls} vs ${largeMetrics.serviceCalls}`,
    );
  }
  if (largeMetrics.serviceCalls > METRICS_RUN_CALLS) {
    failures.push(`metrics run: ${largeMetrics.serviceCalls} service calls > ${METRICS_RUN_CALLS}`);
  }
  const metricsGrowth = largeMetrics.nodeMs / Math.max(smallMetrics.nodeMs, 1);
  if (metricsGrowth > 12) {
    failures.push(
      `metrics run node time grew ${metricsGrowth.toFixed(1)}× for 10× touches (> 12×)`,
    );
  }
  if (large.estimatedAppsScriptSeconds > 60)
    failures.push(`estimated ${large.estimatedAppsScriptSeconds} s > 60 s at 10k contacts`);
  const growth = large.nodeMs / Math.max(small.nodeMs, 1);
  if (growth > 12) failures.push(`node time grew ${growth.toFixed(1)}× for 10× rows (> 12×)`);
  for (const line of lines) {
    if (line.peakRssMb > 1024) failures.push(`peak RSS ${line.peakRssMb} MB > 1 GB`);
  }
  return failures;
}

function main(): void {
  const sizeArg = process.argv.indexOf("--size");
  if (sizeArg >= 0) {
    const [contacts, touches] = process.argv[sizeArg + 1]!.split(":").map(Number);
    for (const line of measureOneSize(contacts!, touches!)) console.log(JSON.stringify(line));
    return;
  }
  const lines: BenchLine[] = [];
  for (const size of SIZES) {
    const output = execFileSync(
      process.execPath,
      [...process.execArgv, __filename, "--size", `${size.contacts}:${size.touches}`],
      { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, stdio: ["ignore", "pipe", "inherit"] },
    );
    for (const text of output.split("\n").filter((l) => l.startsWith("{"))) {
      console.log(text);
      lines.push(JSON.parse(text) as BenchLine);
    }
  }
  const failures = checkTargets(lines);
  const small = lines.find((l) => l.scenario === "hourly-run" && l.contacts === SIZES[0]!.contacts);
  const large = lines.find((l) => l.scenario === "hourly-run" && l.contacts === SIZES[1]!.contacts);
  if (small && large) {
    console.log(
      `node time growth for 10× rows: ${(large.nodeMs / Math.max(small.nodeMs, 1)).toFixed(1)}× (target ≤ 12×)`,
    );
  }
  if (failures.length > 0) {
    console.log(`targets: FAILED — ${failures.join("; ")}`);
    process.exitCode = 1;
  } else {
    console.log("targets: all met");
  }
}

main();
