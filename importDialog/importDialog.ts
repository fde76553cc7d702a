// The Import dialog (issue 12): pick a tab or a CSV file, see the columns and values matched, fix
// what is wrong, preview, import, read the report. Runs in the browser: it shares only src/api's
// types, reads the file locally and sends its text in parts (see src/ui/importDialog.ts).
import type {
  ColumnTarget,
  ImportChoices,
  ImportOutcome,
  ImportPreview,
  ImportSource,
  ImportStart,
  ServerResult,
} from "../src/api/import";

interface ScriptRun {
  withSuccessHandler(fn: (value: unknown) => void): ScriptRun;
  withFailureHandler(fn: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}
declare const google: { script: { run: ScriptRun; host: { close(): void } } };

/** One server call as a promise: a ServerResult's error and a failed call both reject in words. */
function call<T>(name: string, ...args: unknown[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const runner = google.script.run
      .withSuccessHandler((value) => {
        const result = value as ServerResult<T>;
        if (result && result.ok) resolve(result.value);
        else reject(new Error(result ? result.error : "The server sent no answer."));
      })
      .withFailureHandler((error) => reject(error));
    (runner[name] as (...a: unknown[]) => void)(...args);
  });
}

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

let start: ImportStart | null = null;
let source: ImportSource | null = null;
let preview: ImportPreview | null = null;
let choices: Omit<ImportChoices, "source"> = {};
let busy = false;
let previewTimer: number | undefined;

function status(text: string): void {
  $("status").textContent = text;
}

function showError(text: string): void {
  const box = $("error");
  box.textContent = text;
  box.hidden = text === "";
}

function show(step: "source" | "map" | "done"): void {
  for (const name of ["source", "map", "done"]) $(`step-${name}`).hidden = name !== step;
  $(`${step === "source" ? "source" : step}-heading`).focus();
}

function setBusy(on: boolean, text = ""): void {
  busy = on;
  status(text);
  for (const id of ["source-next", "import", "back", "again"]) {
    $<HTMLButtonElement>(id).disabled = on || (id === "import" && !canImport());
  }
}

function canImport(): boolean {
  return (
    !!preview && preview.errors.length === 0 && preview.counts.imported + preview.counts.updated > 0
  );
}

function option(value: string, text: string, selected: boolean): HTMLOptionElement {
  const element = document.createElement("option");
  element.value = value;
  element.textContent = text;
  element.selected = selected;
  return element;
}

function cell(row: HTMLTableRowElement, text: string, className = ""): HTMLTableCellElement {
  const td = row.insertCell();
  td.textContent = text;
  if (className) td.className = className;
  return td;
}

/** A random id for the upload's parts in the server's cache. */
function uploadId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** The file's text: UTF-8 when it is valid UTF-8, else Windows-1252 (what Excel saves as "CSV"). */
async function readFileText(file: File): Promise<{ text: string; note: string }> {
  const bytes = await file.arrayBuffer();
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), note: "" };
  } catch {
    return {
      text: new TextDecoder("windows-1252").decode(bytes),
      note: `"${file.name}" is not UTF-8; it was read as Windows-1252 (Excel's "CSV"). Check accented names in the preview.`,
    };
  }
}

/** Cuts text into parts of at most `size` characters, never between the halves of one character. */
function parts(text: string, size: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length;) {
    let end = Math.min(i + size, text.length);
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end--;
    out.push(text.slice(i, end));
    i = end;
  }
  return out;
}

async function uploadFile(file: File): Promise<{ source: ImportSource; note: string }> {
  if (!start) throw new Error("The dialog has not loaded yet.");
  const { text, note } = await readFileText(file);
  if (text.length > start.maxFileChars) {
    throw new Error(`"${file.name}" is too large to import at once: split it into smaller files.`);
  }
  const all = parts(text, start.partChars);
  const id = uploadId();
  // An empty file still makes one call, so the server names the problem like any other.
  for (let first = 0; first === 0 || first < all.length; first += start.partsPerCall) {
    status(`Uploading "${file.name}"… ${Math.round((first / Math.max(all.length, 1)) * 100)}%`);
    await call<number>("importUploadCsv", id, first, all.slice(first, first + start.partsPerCall));
  }
  return { source: { kind: "csv", fileName: file.name, uploadId: id, parts: all.length }, note };
}

async function chooseSource(): Promise<void> {
  const kind = (document.querySelector('input[name="source"]:checked') as HTMLInputElement).value;
  showError("");
  setBusy(true, "Reading your list…");
  try {
    let note = "";
    if (kind === "tab") {
      const tab = $<HTMLSelectElement>("tab-select").value;
      if (!tab) throw new Error("Choose the tab that holds your list.");
      source = { kind: "tab", tab };
    } else {
      const file = $<HTMLInputElement>("file-input").files?.[0];
      if (!file) throw new Error("Choose a CSV file.");
      ({ source, note } = await uploadFile(file));
    }
    choices = {};
    await refreshPreview();
    show("map");
    if (note) status(note);
  } catch (error) {
    showError((error as Error).message);
    setBusy(false);
  }
}

async function refreshPreview(): Promise<void> {
  if (!source) return;
  setBusy(true, "Matching columns…");
  try {
    preview = await call<ImportPreview>("importPreview", { ...choices, source });
    render(preview);
    setBusy(false);
  } catch (error) {
    showError((error as Error).message);
    setBusy(false);
  }
}

/** Any change re-plans on the server (debounced): the preview always shows what Import will do. */
function changed(
  update: (c: Omit<ImportChoices, "source">) => Omit<ImportChoices, "source">,
): void {
  choices = update(choices);
  $<HTMLButtonElement>("import").disabled = true;
  window.clearTimeout(previewTimer);
  previewTimer = window.setTimeout(() => void refreshPreview(), 300);
}

function targetValue(target: ColumnTarget): string {
  return target.kind === "field" ? `field:${target.field}` : target.kind;
}

function renderColumns(view: ImportPreview): void {
  const body = $("columns");
  body.textContent = "";
  for (const column of view.columns) {
    const row = (body as HTMLTableSectionElement).insertRow();
    const name = column.header || `(no header)`;
    cell(row, `${column.letter}: ${name}`);
    cell(row, column.samples.join(" · "), "samples");
    const td = row.insertCell();
    const select = document.createElement("select");
    select.id = `column-${column.index}`;
    select.setAttribute("aria-label", `Where column ${column.letter} (${name}) goes`);
    for (const field of view.fields) {
      select.append(
        option(`field:${field}`, field, targetValue(column.target) === `field:${field}`),
      );
    }
    select.append(option("custom", "Keep as its own column", column.target.kind === "custom"));
    select.append(option("skip", "Don't import", column.target.kind === "skip"));
    td.append(select);
    const header = document.createElement("input");
    header.type = "text";
    header.setAttribute("aria-label", `Header of the new column for ${name}`);
    header.value = column.target.kind === "custom" ? column.target.header : column.header;
    header.hidden = column.target.kind !== "custom";
    td.append(header);
    const commit = () =>
      changed((c) => {
        const target: ColumnTarget =
          select.value === "custom"
            ? { kind: "custom", header: header.value }
            : select.value === "skip"
              ? { kind: "skip" }
              : { kind: "field", field: select.value.slice(6) as (typeof view.fields)[number] };
        header.hidden = target.kind !== "custom";
        return { ...c, columns: { ...c.columns, [String(column.index)]: target } };
      });
    select.addEventListener("change", commit);
    header.addEventListener("change", commit);
    if (column.note) {
      const note = document.createElement("span");
      note.className = "note";
      note.textContent = column.note;
      td.append(note);
    }
  }
}

function renderWords(
  block: string,
  bodyId: string,
  words: ImportPreview["stages"],
  allowed: readonly string[],
  key: "stages" | "tiers",
): void {
  $(block).hidden = words.length === 0;
  const body = $(bodyId) as HTMLTableSectionElement;
  body.textContent = "";
  for (const word of words) {
    const row = body.insertRow();
    cell(row, word.recognised ? word.word : `${word.word} (not recognised)`);
    cell(row, String(word.rows));
    const select = document.createElement("select");
    select.setAttribute("aria-label", `What "${word.word}" becomes`);
    select.append(option("", "(leave blank)", word.value === ""));
    for (const value of allowed) select.append(option(value, value, word.value === value));
    select.addEventListener("change", () =>
      changed((c) => ({ ...c, [key]: { ...c[key], [word.word]: select.value } })),
    );
    row.insertCell().append(select);
  }
}

function renderOwners(view: ImportPreview): void {
  $("owners-block").hidden = view.owners.length === 0;
  const team = $("team");
  team.textContent = "";
  for (const email of view.team) team.append(option(email, email, false));
  const body = $("owners") as HTMLTableSectionElement;
  body.textContent = "";
  for (const owner of view.owners) {
    const row = body.insertRow();
    cell(row, owner.name);
    cell(row, String(owner.rows));
    const input = document.createElement("input");
    input.type = "email";
    input.setAttribute("list", "team");
    input.setAttribute("aria-label", `Team email of ${owner.name}`);
    input.value = owner.email;
    input.addEventListener("change", () =>
      changed((c) => ({ ...c, owners: { ...c.owners, [owner.name]: input.value.trim() } })),
    );
    row.insertCell().append(input);
  }
}

function renderList(id: string, items: readonly string[]): void {
  const list = $(id);
  list.textContent = "";
  for (const text of items) {
    const li = document.createElement("li");
    li.textContent = text;
    list.append(li);
  }
}

function renderPreviewTable(view: ImportPreview): void {
  const table = $("preview") as HTMLTableElement;
  while (table.rows.length > 0) table.deleteRow(0);
  const head = table.createTHead().insertRow();
  for (const header of view.previewHeaders) {
    const th = document.createElement("th");
    th.scope = "col";
    th.textContent = header;
    head.append(th);
  }
  const body = table.tBodies[0] ?? table.createTBody();
  for (const values of view.previewRows) {
    const row = body.insertRow();
    for (const value of values) cell(row, value);
  }
}

function render(view: ImportPreview): void {
  const { imported, updated, skipped } = view.counts;
  $("map-summary").textContent =
    `"${view.sourceName}": ${view.rowCount} rows. ${imported} new, ${updated} to fill in, ${skipped} skipped. ` +
    `Numbers and dates are read as the spreadsheet's locale (${view.locale}) writes them unless the file shows otherwise.`;
  renderList("errors", view.errors);
  renderList("warnings", view.warnings);
  renderColumns(view);
  renderWords("stages-block", "stages", view.stages, view.stageChoices, "stages");
  renderWords("tiers-block", "tiers", view.tiers, view.tierChoices, "tiers");
  renderOwners(view);
  $<HTMLSelectElement>("number-style").value = view.numberStyle;
  $<HTMLSelectElement>("date-order").value = view.dateOrder;
  for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="duplicates"]')) {
    radio.checked = radio.value === view.duplicates;
  }
  renderPreviewTable(view);
  $("skipped-heading").hidden = view.skipped.length === 0;
  renderList(
    "skipped",
    view.skipped.map((s) => `Row ${s.row}: ${s.reason}`),
  );
  const button = $<HTMLButtonElement>("import");
  button.textContent =
    updated > 0
      ? `Import ${imported} and fill ${updated}`
      : `Import ${imported} contact${imported === 1 ? "" : "s"}`;
}

async function runImport(): Promise<void> {
  if (!source || !canImport() || busy) return;
  showError("");
  setBusy(true, "Importing…");
  try {
    const outcome = await call<ImportOutcome>("importRun", { ...choices, source });
    $("done-summary").textContent = outcome.summary;
    setBusy(false);
    show("done");
  } catch (error) {
    showError((error as Error).message);
    setBusy(false);
  }
}

async function load(): Promise<void> {
  setBusy(true, "Loading…");
  try {
    start = await call<ImportStart>("importStart");
    const select = $<HTMLSelectElement>("tab-select");
    for (const tab of start.tabs) select.append(option(tab, tab, false));
    if (start.tabs.length === 0) {
      select.append(option("", "(no other tab)", true));
      (document.querySelector('input[name="source"][value="csv"]') as HTMLInputElement).checked =
        true;
    }
    setBusy(false);
  } catch (error) {
    showError((error as Error).message);
    setBusy(false);
  }
}

$("source-next").addEventListener("click", () => void chooseSource());
$("file-input").addEventListener("change", () => {
  (document.querySelector('input[name="source"][value="csv"]') as HTMLInputElement).checked = true;
});
$("tab-select").addEventListener("change", () => {
  (document.querySelector('input[name="source"][value="tab"]') as HTMLInputElement).checked = true;
});
$("number-style").addEventListener("change", (e) =>
  changed((c) => ({
    ...c,
    numberStyle: (e.target as HTMLSelectElement).value as ImportChoices["numberStyle"],
  })),
);
$("date-order").addEventListener("change", (e) =>
  changed((c) => ({
    ...c,
    dateOrder: (e.target as HTMLSelectElement).value as ImportChoices["dateOrder"],
  })),
);
for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="duplicates"]')) {
  radio.addEventListener("change", () =>
    changed((c) => ({ ...c, duplicates: radio.value as ImportChoices["duplicates"] })),
  );
}
$("import").addEventListener("click", () => void runImport());
$("back").addEventListener("click", () => show("source"));
$("again").addEventListener("click", () => show("source"));
$("close").addEventListener("click", () => google.script.host.close());
void load();
