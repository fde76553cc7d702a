// Build: dist/Code.js (one IIFE bundle; esbuild-gas-plugin turns the `global.name = fn` lines of
// src/main.ts into real top-level functions), dist/Sidebar.html and dist/Import.html (each page
// with its JS and CSS inlined, because Apps Script serves no separate files) and
// dist/appsscript.json.
import { build } from "esbuild";
import { GasPlugin } from "esbuild-gas-plugin";
import { copyFile, mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dist = join(root, "dist");

async function buildCode() {
  await build({
    entryPoints: ["src/main.ts"],
    absWorkingDir: root,
    bundle: true,
    format: "iife",
    target: "es2020",
    outfile: join(dist, "Code.js"),
    plugins: [GasPlugin],
    logLevel: "warning",
  });
}

/** Inlines sidebar/sidebar.ts (bundled) and sidebar/sidebar.css into sidebar/index.html. */
async function buildSidebar() {
  await buildPage("sidebar", "sidebar.ts", "sidebar.css", "Sidebar.html");
}

/** Inlines `dir`'s script (bundled) and stylesheet into `dir`/index.html as dist/`output`. */
async function buildPage(dir, scriptFile, cssFile, output) {
  const script = await build({
    entryPoints: [join(root, dir, scriptFile)],
    bundle: true,
    format: "iife",
    target: "es2019",
    minify: true,
    write: false,
    logLevel: "warning",
  });
  // A literal "</script" inside the JS would end the inline <script> element early.
  const js = script.outputFiles[0].text.replace(/<\/script/gi, "<\\/script");
  const css = await readFile(join(root, dir, cssFile), "utf8");
  const html = await readFile(join(root, dir, "index.html"), "utf8");
  const inlined = html
    .replace("<!-- inline:css -->", () => `<style>\n${css}</style>`)
    .replace("<!-- inline:js -->", () => `<script>\n${js}</script>`);
  await writeFile(join(dist, output), inlined);
}

await mkdir(dist, { recursive: true });
await Promise.all([
  buildCode(),
  buildSidebar(),
  buildPage("importDialog", "importDialog.ts", "importDialog.css", "Import.html"),
]);
await copyFile(join(root, "appsscript.json"), join(dist, "appsscript.json"));
console.log("built dist/Code.js, dist/Sidebar.html, dist/Import.html, dist/appsscript.json");
