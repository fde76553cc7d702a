// `npm start -- --import FILE.csv`: the playground's Import contacts (issue 12). The same server
// functions the dialog calls (upload in parts, preview, import) run on the demo spreadsheet; the
// person's answers come from flags, or the suggestions stand:
//   --duplicates skip|update-empty   --number-style "1.234,56"   --date-order DMY|MDY|YMD
//   --owner "Maria Lopez=maria@acme.test"   --map "Header=Field" (Field: a Contacts column, "skip",
//   or "custom:New header")   --stage "Demo booked=Qualified"
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { basename } from "node:path";
import type { RunResult } from "../../emulator";
import type {
  ColumnTarget,
  ImportChoices,
  ImportOutcome,
  ImportPreview,
} from "../../src/api/import";
import type { Workbench } from "./workbench";

/** The value of a flag given once (`--flag value`), or undefined. */
function flag(argv: readonly string[], name: string): string | undefined {
  const index = argv.indexOf(name);
  return index >= 0 ? argv[index + 1] : undefined;
}

/** Every `name=value` given to a repeatable flag. */
function pairs(argv: readonly string[], name: string): [string, string][] {
  return argv.flatMap((arg, i) => {
    if (arg !== name) return [];
    const [key = "", ...rest] = (argv[i + 1] ?? "").split("=");
    return [[key.trim(), rest.join("=").trim()] as [string, string]];
  });
}

export function importFlagGiven(argv: readonly string[]): boolean {
  return argv.includes("--import");
}

function value<T>(result: RunResult): T {
  if (result.error) throw result.error;
  const answer = result.value as { ok: boolean; value?: T; error?: string };
  if (!answer.ok) throw new Error(answer.error);
  return answer.value as T;
}

function targetFrom(text: string): ColumnTarget {
  if (text === "skip") return { kind: "skip" };
  if (text.startsWith("custom:")) return { kind: "custom", header: text.slice(7) };
  return { kind: "field", field: text as Extract<ColumnTarget, { kind: "field" }>["field"] };
}

/** Runs the import of `--import FILE` as `user`, printing the matches, the preview and the report. */
export function importFileIntoPlayground(
  bench: Pick<Workbench, "emu" | "spreadsheetId">,
  user: string,
  argv: readonly string[],
  print: (text: string) => void,
): void {
  const path = flag(argv, "--import");
  if (!path) throw new Error("--import needs a CSV file: npm start -- --import contacts.csv");
  const call = (name: string, ...args: unknown[]) =>
    bench.emu.sidebarCall(user, bench.spreadsheetId, name, ...args);

  const start = value<{ partChars: number; partsPerCall: number }>(call("importStart"));
  const text = readFileSync(path, "utf8");
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += start.partChars)
    parts.push(text.slice(i, i + start.partChars));
  const uploadId = `playground-${Date.now()}`;
  for (let first = 0; first === 0 || first < parts.length; first += start.partsPerCall) {
    value(call("importUploadCsv", uploadId, first, parts.slice(first, first + start.partsPerCall)));
  }
  const source = { kind: "csv", fileName: basename(path), uploadId, parts: parts.length } as const;

  const first = value<ImportPreview>(call("importPreview", { source }));
  const byHeader = new Map(first.columns.map((c) => [c.header, c.index]));
  const columns: Record<string, ColumnTarget> = {};
  for (const [header, target] of pairs(argv, "--map")) {
    const index = byHeader.get(header);
    if (index === undefined) throw new Error(`--map: "${header}" is not a column of ${path}`);
    columns[String(index)] = targetFrom(target);
  }
  const choices: ImportChoices = {
    source,
    columns,
    owners: Object.fromEntries(pairs(argv, "--owner")),
    stages: Object.fromEntries(pairs(argv, "--stage")),
    ...(flag(argv, "--duplicates")
      ? { duplicates: flag(argv, "--duplicates") as ImportChoices["duplicates"] }
      : {}),
    ...(flag(argv, "--number-style")
      ? { numberStyle: flag(argv, "--number-style") as ImportChoices["numberStyle"] }
      : {}),
    ...(flag(argv, "--date-order")
      ? { dateOrder: flag(argv, "--date-order") as ImportChoices["dateOrder"] }
      : {}),
  };
  const preview = value<ImportPreview>(call("importPreview", choices));

  print(
    `"${preview.sourceName}": ${preview.rowCount} rows; numbers ${preview.numberStyle}, dates ${preview.dateOrder} (locale ${preview.locale})`,
  );
  for (const column of preview.columns) {
    const target = column.target;
    const to =
      target.kind === "field"
        ? target.field
        : target.kind === "custom"
          ? `own column "${target.header}"`
          : "not imported";
    print(
      `  ${column.letter} ${column.header || "(no header)"} → ${to}${column.note ? ` — ${column.note}` : ""}`,
    );
  }
  for (const stage of preview.stages)
    print(`  Stage "${stage.word}" (${stage.rows}) → ${stage.value || "(blank)"}`);
  for (const owner of preview.owners)
    print(`  Owner "${owner.name}" (${owner.rows}) → ${owner.email || "(blank)"}`);
  for (const warning of preview.warnings) print(`  ! ${warning}`);
  for (const error of preview.errors) print(`  ✗ ${error}`);
  print(preview.previewHeaders.join(" · "));
  for (const row of preview.previewRows) print(row.join(" · "));
  if (preview.errors.length > 0) return;

  const outcome = value<ImportOutcome>(call("importRun", choices));
  print(outcome.summary);
}

/** A HubSpot-shaped CSV of `rows` contacts, uploaded and imported as the dialog would (for bench). */
export function importBenchCsv(
  bench: Workbench,
  rows: number,
): { result: RunResult; nodeMs: number } {
  const user = bench.owners[0]!;
  const call = (name: string, ...args: unknown[]) =>
    bench.emu.sidebarCall(user, bench.spreadsheetId, name, ...args);
  const lines = ["First Name,Last Name,Email,Company Name,Deal Value,Lifecycle Stage,Notes"];
  for (let i = 0; i < rows; i++) {
    lines.push(
      `First${i},Last${i},bench${i}@client.test,Company ${i % 50},"${(i * 10).toLocaleString("en-US")}",lead,=note ${i}`,
    );
  }
  const text = lines.join("\n");
  const { partChars, partsPerCall } = value<{ partChars: number; partsPerCall: number }>(
    call("importStart"),
  );
  const parts: string[] = [];
  for (let i = 0; i < text.length; i += partChars) parts.push(text.slice(i, i + partChars));
  const uploadId = `bench-${rows}`;
  for (let first = 0; first < parts.length; first += partsPerCall) {
    value(call("importUploadCsv", uploadId, first, parts.slice(first, first + partsPerCall)));
  }
  const started = performance.now();
  const result = call("importRun", {
    source: { kind: "csv", fileName: "bench.csv", uploadId, parts: parts.length },
  });
  return { result, nodeMs: performance.now() - started };
}
