// npm run bench: the hourly automation run of the built bundle on demo sheets of two sizes, in
// the emulator. Prints one JSON line per size and scenario, then checks the targets:
//   service calls equal at both sizes (no per-row calls) and ≤ 25 without emails;
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
  const logTouch = measureLogTouch(bench);
  return [
    line("hourly-run", typical, median(steady.map((r) => r.nodeMs))),
    line("log-touch", logTouch.result, logTouch.nodeMs),
    line("first-hourly-run", first.result, first.nodeMs),
    line("hourly-run-with-digest", withDigest.result, withDigest.nodeMs),
  ];
}

/**
 * The sidebar's Log touch on a contact in the middle of the sheet with a typical history (the
 * median number of touches among the first owner's open contacts), as that owner.
 */
function measureLogTouch(bench: ReturnType<typeof createWorkbench>) {
  const [headers = [], ...contacts] = bench.values("Contacts");
  const column = (name: string) => headers.indexOf(name);
  const owner = bench.owners[0]!;
  const open = contacts
    .map((row, index) => ({ row, sheetRow: index + 2 }))
    .filter(({ row }) => row[column("Owner")] === owner && row[column("Status")] !== "Closed");
  open.sort((a, b) => Number(a.row[column("Touches")]) - Number(b.row[column("Touches")]));
  const { row, sheetRow } = open[Math.floor(open.length / 2)]!;
  const request = {
    requestId: "bench",
    contact: { id: String(row[column("ID")]), name: String(row[column("Name")]), row: sheetRow },
    channel: "Call",
    outcome: "Connected",
    notes: "Bench call",
    nextStep: "",
    nextFollowUp: "2026-11-30",
    stage: "",
  };
  const started = performance.now();
  const result = bench.emu.sidebarCall(owner, bench.spreadsheetId, "sidebarLogTouch", request);
  const nodeMs = performance.now() - started;
  const answer = result.value as { ok: boolean; error?: string } | undefined;
  if (result.error) throw result.error;
  if (!answer?.ok) throw new Error(`log-touch failed: ${answer?.error}`);
  if (process.env.BENCH_CALL_LOG) console.error(result.callLog.join("\n"));
  return { result, nodeMs };
}

const round = (n: number) => Math.round(n * 10) / 10;

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
  for (const line of lines.filter((l) => l.scenario === "log-touch")) {
    if (line.estimatedAppsScriptSeconds > 1.5) {
      failures.push(
        `log-touch: estimated ${line.estimatedAppsScriptSeconds} s > 1.5 s at ${line.contacts} contacts`,
      );
    }
  }
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
