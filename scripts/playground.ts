// npm start: Touchbase on a demo team spreadsheet, in the offline Apps Script emulator.
// Walks through what a person would do — open the sheet, set it up, turn automation on — then
// fires the hourly trigger past Digest hour and prints the sheet, the Runs row and the digest.
import { generateDemoSheet, loadDemoIntoSpreadsheet } from "./demo";
import { importFileIntoPlayground, importFlagGiven } from "./demo/importFile";
import { createWorkbench } from "./demo/workbench";

const CONTACTS = Number(process.env.TOUCHBASE_DEMO_CONTACTS ?? 60);
const TOUCHES = Number(process.env.TOUCHBASE_DEMO_TOUCHES ?? CONTACTS * 8);
/** Monday 23 Nov 2026, 07:30 in New York. */
const START = new Date("2026-11-23T12:30:00Z");

const line = (text = "") => console.log(text);
const heading = (text: string) => line(`\n== ${text} ${"=".repeat(Math.max(0, 70 - text.length))}`);

const show = (value: unknown): string => String(value);

/** A tab as the person sees it: display values, dates in the spreadsheet's time zone. */
function displayed(bench: ReturnType<typeof createWorkbench>, tab: string): string[][] {
  const sheet = bench.spreadsheet().getSheetByName(tab);
  if (!sheet) throw new Error(`The ${tab} tab is missing.`);
  return sheet.getDataRange().getDisplayValues();
}

function main(): void {
  const bench = createWorkbench({ now: START, setup: false });
  const [owner] = bench.owners;
  const ui = bench.emu.spreadsheets.ui;

  heading("1. Open the spreadsheet (onOpen, add-on not yet used: AuthMode.NONE)");
  const opened = bench.app.run(
    { user: owner!, authMode: "NONE", kind: "simple", spreadsheetId: bench.spreadsheetId },
    "onOpen",
    { authMode: "NONE" },
  );
  if (opened.error) throw opened.error;
  line(`Touchbase menu: ${ui.captions(ui.addonMenu()).join(" | ")}`);

  heading("2. Touchbase → Set up / repair sheets");
  const setup = bench.menu("menuSetUpSheets");
  if (setup.error) throw setup.error;
  line(ui.alerts.at(-1)?.prompt ?? "(no message)");

  heading(`3. A demo team pipeline: ${CONTACTS} contacts, ${TOUCHES} touches`);
  const demo = generateDemoSheet({
    contacts: CONTACTS,
    touches: TOUCHES,
    now: START,
    zone: "America/New_York",
    owners: bench.owners,
  });
  loadDemoIntoSpreadsheet(bench.spreadsheet(), demo);
  line(`Team: ${bench.owners.join(", ")} (manager: ${demo.managers.join(", ")})`);

  if (importFlagGiven(process.argv)) {
    heading(`${owner} → Import contacts`);
    return importFileIntoPlayground(bench, owner!, process.argv, line);
  }

  heading(`4. ${owner} → Turn on automation for me`);
  const on = bench.menu("menuTurnOnAutomation");
  if (on.error) throw on.error;
  line(ui.alerts.at(-1)?.prompt ?? "");

  heading("5. The hourly trigger fires at 08:xx (past Digest hour): refresh + digest");
  bench.emu.clock.set(new Date("2026-11-23T13:30:00Z"));
  const [run] = bench.emu.runDueTimeTriggers();
  if (!run) throw new Error("The hourly trigger did not fire.");
  if (run.error) throw run.error;
  line(
    `Run: ${run.calls} Apps Script service calls, ~${run.estimatedSeconds.toFixed(1)} s estimated in Apps Script.`,
  );

  heading("Tabs");
  for (const sheet of bench.spreadsheet().getSheets()) {
    const values = sheet.getDataRange().getValues();
    line(
      `${sheet.getName().padEnd(10)} ${String(values.length - 1).padStart(5)} rows · ${values[0]!.filter(String).join(", ")}`,
    );
  }

  heading("Contacts by Status");
  const contacts = displayed(bench, "Contacts");
  const headers = contacts[0]!.map(String);
  const col = (name: string) => headers.indexOf(name);
  const byStatus = new Map<string, number>();
  for (const row of contacts.slice(1)) {
    const status = String(row[col("Status")]);
    byStatus.set(status, (byStatus.get(status) ?? 0) + 1);
  }
  line([...byStatus].map(([status, n]) => `${status}: ${n}`).join(" · "));

  heading("First contacts (Name · Owner · Stage · Tier · Status · Due · Step · Problem)");
  for (const row of contacts.slice(1, 13)) {
    line(
      ["Name", "Owner", "Stage", "Tier", "Status", "Due", "Step", "Problem"]
        .map((h) => show(row[col(h)]))
        .join(" · "),
    );
  }

  heading("Runs");
  const runs = displayed(bench, "Runs");
  const runHeaders = runs[0]!.map(String);
  for (const row of runs.slice(1)) {
    line(
      runHeaders
        .map((h, i) => `${h}: ${show(row[i])}`)
        .filter((t) => !t.endsWith(": "))
        .join(" · "),
    );
  }

  heading(`The digest email ${owner} received`);
  const digest = bench.emu.gmail.sent(owner!).at(-1);
  if (digest) {
    line(`To: ${digest.to}\nSubject: ${digest.subject}\n`);
    line(digest.plainBody);
  } else {
    line("(no digest: nothing needed this person today)");
  }
}

main();
