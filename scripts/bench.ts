// npm run bench: the hourly automation run of the built bundle on demo sheets of two sizes, in
// the emulator. Prints one JSON line per size and scenario, then checks the targets:
//   service calls equal at both sizes (no per-row calls) and ≤ 25 without emails;
//   estimated Apps Script time ≤ 60 s at 10k contacts; node time at 10× rows ≤ 12×; peak RSS ≤ 1 GB.
// Each size runs in its own child process so its peak RSS is its own. The "import" scenario (issue
// 12) imports a 100- and a 10,000-row CSV into a 1,000-contact sheet; target: the same service calls
// at both sizes but the one grid growth a 10,000-row list needs.
import { execFileSync } from "node:child_process";
import { performance } from "node:perf_hooks";
import { createWorkbench } from "./demo/workbench";
import { importBenchCsv } from "./demo/importFile";

const SIZES = [
  { contacts: 1_000, touches: 10_000 },
  { contacts: 10_000, touches: 100_000 },
];
/** Monday 05:00 in New York; the runs below stay before the default Digest hour (8) unless noted. */
const START = new Date("2026-11-23T10:00:00Z");
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
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
  // contacts gone quiet decay to Warm: Tier written, touches appended). Then the steady state: runs
  // at 07:00 and at 06:00/07:00 the next day (before Digest hour: no email). Last, 08:00, past
  // Digest hour, which also sends the day's digest.
  const first = runAt(START.getTime() + 1 * HOUR_MS);
  const steady = [2, 25, 26].map((hours) => runAt(START.getTime() + hours * HOUR_MS));
  const withDigest = runAt(START.getTime() + 27 * HOUR_MS);
  const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
  // Calls of the 07:00 run: nothing changed since 06:00. (Next day, contacts that newly went quiet
  // for 30 days decay Hot → Warm, which adds the same few batch calls at any size.)
  const typical = steady[0]!.result;
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
    line("hourly-run", typical, median(steady.map((r) => r.nodeMs))),
    line("first-hourly-run", first.result, first.nodeMs),
    line("hourly-run-with-digest", withDigest.result, withDigest.nodeMs),
  ];
}

const round = (n: number) => Math.round(n * 10) / 10;

const IMPORT_SIZES = [100, 10_000];

interface ImportLine {
  scenario: "import";
  contacts: number;
  rows: number;
  serviceCalls: number;
  estimatedAppsScriptSeconds: number;
  nodeMs: number;
  peakRssMb: number;
}

/** One import of `rows` CSV rows through the dialog's server calls, timed on the importRun call. */
function measureImport(rows: number): ImportLine {
  const contacts = 1_000;
  const bench = createWorkbench({ now: START, demo: { contacts, touches: 10_000 } });
  const { result, nodeMs } = importBenchCsv(bench, rows);
  if (result.error) throw result.error;
  const answer = result.value as { ok: boolean; error?: string };
  if (!answer.ok) throw new Error(`import failed: ${answer.error}`);
  return {
    scenario: "import",
    contacts,
    rows,
    serviceCalls: result.calls,
    estimatedAppsScriptSeconds: round(result.estimatedSeconds),
    nodeMs: Math.round(nodeMs),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
  };
}

function checkImportTargets(lines: ImportLine[]): string[] {
  const [small, large] = lines;
  if (!small || !large) return ["missing import sizes"];
  // A 10,000-row list needs the Contacts grid grown once (insertRowsAfter); nothing else differs.
  if (large.serviceCalls > small.serviceCalls + 1) {
    return [`import service calls grew: ${small.serviceCalls} → ${large.serviceCalls}`];
  }
  return large.peakRssMb > 1024 ? [`import peak RSS ${large.peakRssMb} MB > 1 GB`] : [];
}

function childLines<T>(args: string[]): T[] {
  const output = execFileSync(process.execPath, [...process.execArgv, __filename, ...args], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
    stdio: ["ignore", "pipe", "inherit"],
  });
  return output
    .split("\n")
    .filter((l) => l.startsWith("{"))
    .map((text) => {
      console.log(text);
      return JSON.parse(text) as T;
    });
}

function checkTargets(lines: BenchLine[]): string[] {
  const failures: string[] = [];
  const plain = lines.filter((l) => l.scenario === "hourly-run");
  const [small, large] = plain;
  if (!small || !large) return ["missing sizes"];
  if (small.serviceCalls !== large.serviceCalls)
    failures.push(`service calls differ: ${small.serviceCalls} vs ${large.serviceCalls}`);
  if (large.serviceCalls > 25) failures.push(`${large.serviceCalls} service calls > 25`);
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
  const importArg = process.argv.indexOf("--import-rows");
  if (importArg >= 0) {
    console.log(JSON.stringify(measureImport(Number(process.argv[importArg + 1]))));
    return;
  }
  const sizeArg = process.argv.indexOf("--size");
  if (sizeArg >= 0) {
    const [contacts, touches] = process.argv[sizeArg + 1]!.split(":").map(Number);
    for (const line of measureOneSize(contacts!, touches!)) console.log(JSON.stringify(line));
    return;
  }
  const lines: BenchLine[] = [];
  for (const size of SIZES) {
    lines.push(...childLines<BenchLine>(["--size", `${size.contacts}:${size.touches}`]));
  }
  const importLines = IMPORT_SIZES.flatMap((rows) =>
    childLines<ImportLine>(["--import-rows", String(rows)]),
  );
  const failures = [...checkTargets(lines), ...checkImportTargets(importLines)];
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
