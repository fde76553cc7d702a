// The emulator is an Apps Script runtime and knows nothing of the product (issue 6): no file under
// emulator/ imports from src/ (or from the demo/workbench under scripts/).
import { readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";

const EMULATOR_DIR = join(__dirname, "..", "..", "emulator");
const REPO_ROOT = join(__dirname, "..", "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const IMPORT = /(?:from|import)\s*\(?\s*["']([^"']+)["']/g;

describe("the emulator depends on nothing of the product", () => {
  it("has no import that leaves emulator/ except for packages", () => {
    const outside: string[] = [];
    for (const file of sourceFiles(EMULATOR_DIR)) {
      for (const match of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const target = match[1] ?? "";
        if (!target.startsWith(".")) continue;
        const resolved = relative(REPO_ROOT, resolve(file, "..", target));
        if (!resolved.startsWith("emulator")) {
          outside.push(`${relative(REPO_ROOT, file)} → ${target}`);
        }
      }
    }
    expect(outside).toEqual([]);
  });
});
