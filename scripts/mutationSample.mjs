// Mutation testing of a random sample of src/domain's code lines, for an estimate of the whole
// domain's score when a full run (hours on a 2-core machine) is out of reach. Writes
// stryker.sample.json (git-ignored) for `npx stryker run stryker.sample.json`.
//   node scripts/mutationSample.mjs --lines 200 --seed 7 [--exclude a.ts,b.ts]
// Every code line (not blank, comment or import) of the files left is equally likely, so every
// mutant on one line is too; a mutant spanning several lines (a whole block) is left out, which
// leaves out the easiest mutants to kill and so errs low.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const DOMAIN = "src/domain";

function option(name, fallback) {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : fallback;
}

/** mulberry32: a small seeded generator, so a sample can be drawn again. */
function generator(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function domainFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? domainFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

const isCode = (line) => {
  const text = line.trim();
  return (
    text !== "" &&
    !text.startsWith("//") &&
    !text.startsWith("*") &&
    !text.startsWith("/*") &&
    !text.startsWith("import ") &&
    !/^[}\])]+[;,]?$/.test(text)
  );
};

const lines = Number(option("lines", "200"));
const random = generator(Number(option("seed", "7")));
const excluded = new Set(
  option("exclude", "")
    .split(",")
    .filter(Boolean)
    .map((name) => join(DOMAIN, name)),
);
const candidates = domainFiles(DOMAIN)
  .filter((file) => file.endsWith(".ts") && !excluded.has(file))
  .sort()
  .flatMap((file) =>
    readFileSync(file, "utf8")
      .split("\n")
      .flatMap((line, index) => (isCode(line) ? [{ file, line: index + 1 }] : [])),
  );
const picked = new Map();
while (picked.size < Math.min(lines, candidates.length)) {
  const candidate = candidates[Math.floor(random() * candidates.length)];
  picked.set(`${candidate.file}:${candidate.line}`, candidate);
}
const mutate = [...picked.values()]
  .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
  .map(({ file, line }) => `${file}:${line}-${line}`);

const config = JSON.parse(readFileSync("stryker.config.json", "utf8"));
writeFileSync(
  "stryker.sample.json",
  JSON.stringify(
    {
      ...config,
      mutate,
      incremental: false,
      reporters: ["clear-text", "json"],
      jsonReporter: { fileName: "reports/mutation/sample.json" },
      htmlReporter: undefined,
      tempDirName: ".stryker-tmp-sample",
    },
    null,
    2,
  ),
);
console.log(
  `${mutate.length} of ${candidates.length} code lines in ${new Set(candidates.map((c) => c.file)).size} files → stryker.sample.json`,
);
