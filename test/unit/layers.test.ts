// DESIGN §7's layers are enforced by lint: each case below is code that must be refused (or
// accepted) in a given folder, linted with the project's own eslint config.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

const ROOT = join(__dirname, "..", "..");

/**
 * Lints each case with the project's eslint config in one child process (jest's module sandbox
 * cannot load the .mjs config), returning the layer rules' messages per case.
 */
function layerErrors(cases: readonly (readonly [string, string, string])[]): string[][] {
  const script = `
    import { ESLint } from "eslint";
    const cases = JSON.parse(await new Promise((done) => {
      let text = ""; process.stdin.on("data", (d) => (text += d)); process.stdin.on("end", () => done(text));
    }));
    const eslint = new ESLint({ cwd: process.cwd() });
    const rules = new Set(["no-restricted-imports", "no-restricted-syntax", "no-restricted-globals"]);
    const out = [];
    for (const [, filePath, code] of cases) {
      const [result] = await eslint.lintText(code, { filePath });
      out.push(result.messages.filter((m) => rules.has(m.ruleId)).map((m) => m.message));
    }
    console.log(JSON.stringify(out));`;
  const output = execFileSync(process.execPath, ["--input-type=module", "-e", script], {
    cwd: ROOT,
    input: JSON.stringify(cases),
    encoding: "utf8",
  });
  return JSON.parse(output) as string[][];
}

const refused: readonly [string, string, string][] = [
  [
    "a domain file importing an adapter",
    "src/domain/x.ts",
    'import { openTable } from "../sheets/tableIO";\nexport const f = openTable;\n',
  ],
  [
    "a domain file importing a trigger",
    "src/domain/defaults/x.ts",
    'import { performRun } from "../../triggers/run";\nexport const f = performRun;\n',
  ],
  [
    "a domain file importing the emulator",
    "src/domain/x.ts",
    'import { createEmulator } from "../../emulator";\nexport const f = createEmulator;\n',
  ],
  [
    "a domain file naming a GoogleAppsScript type",
    "src/domain/x.ts",
    "export function f(range: GoogleAppsScript.Spreadsheet.Range): number {\n  return range.getRow();\n}\n",
  ],
  [
    "a domain file using an Apps Script global",
    "src/domain/x.ts",
    "export const f = () => SpreadsheetApp.getActive();\n",
  ],
  [
    "an emulator file importing the product",
    "emulator/spreadsheet/x.ts",
    'import { TAB } from "../../src/domain/schema";\nexport const f = TAB;\n',
  ],
  [
    "an emulator file importing a script",
    "emulator/x.ts",
    'import { createWorkbench } from "../scripts/demo/workbench";\nexport const f = createWorkbench;\n',
  ],
  [
    "the sidebar importing product code",
    "sidebar/x.ts",
    'import { TAB } from "../src/domain/schema";\nexport const f = TAB;\n',
  ],
  [
    "the sidebar importing a value from src/api",
    "sidebar/x.ts",
    'import { thing } from "../src/api/result";\nexport const f = thing;\n',
  ],
];

const accepted: readonly [string, string, string][] = [
  [
    "a domain file importing the domain",
    "src/domain/x.ts",
    'import { TAB } from "./schema";\nexport const f = TAB;\n',
  ],
  [
    "an adapter importing the domain and naming Apps Script types",
    "src/sheets/x.ts",
    'import { TAB } from "../domain/schema";\nexport const f = (s: GoogleAppsScript.Spreadsheet.Sheet) => [TAB, s];\n',
  ],
  [
    "the sidebar importing src/api types",
    "sidebar/x.ts",
    'import type { ServerResult } from "../src/api/result";\nexport type R = ServerResult<number>;\n',
  ],
];

describe("lint enforces the layers of DESIGN §7", () => {
  const all = [...refused, ...accepted];
  let results: string[][] = [];
  beforeAll(() => {
    results = layerErrors(all);
  }, 60_000);
  const messagesOf = (what: string) => results[all.findIndex(([name]) => name === what)] ?? [];

  it.each(refused)("refuses %s", (what) => {
    expect(messagesOf(what).join("\n")).toMatch(/DESIGN §7 layers|SpreadsheetApp/);
  });

  it.each(accepted)("accepts %s", (what) => {
    expect(messagesOf(what)).toEqual([]);
  });
});
