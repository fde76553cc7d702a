// A ready-made Touchbase setup in the emulator: a team, a spreadsheet, the built bundle loaded,
// and helpers to act as a person would (menu clicks, the hourly trigger). Shared by the
// integration tests, the playground and the benchmarks.
import { join } from "node:path";
import { generateDemoSheet, loadDemoIntoSpreadsheet, type DemoSheet } from "./index";
import { createEmulator, type Emulator } from "../../emulator/emulator";
import type { App, RunResult } from "../../emulator/app";

export const REPO_ROOT = join(__dirname, "..", "..");
export const DIST_DIR = join(REPO_ROOT, "dist");

export interface WorkbenchOptions {
  readonly now: Date;
  readonly zone?: string;
  readonly owners?: readonly string[];
  /** Build a demo sheet of this size and load it (after setup). */
  readonly demo?: { contacts: number; touches: number; seed?: number };
  /** Each owner's daily email quota (recipients); 1,500 (Workspace) when not given. */
  readonly dailyEmailQuota?: number;
  /** Aliases per owner address. */
  readonly aliases?: Readonly<Record<string, readonly string[]>>;
  /** Run "Set up / repair sheets" as the first owner (default true). */
  readonly setup?: boolean;
  /** "no-longOffset": run the bundle on a V8 whose Intl lacks timeZoneName "longOffset". */
  readonly intl?: "full" | "no-longOffset";
}

export interface Workbench {
  readonly emu: Emulator;
  readonly app: App;
  readonly spreadsheetId: string;
  readonly owners: readonly string[];
  readonly demo: DemoSheet | null;
  /** Clicks a menu item's function as `user` with the spreadsheet active. */
  menu(functionName: string, user?: string): RunResult;
  /** The spreadsheet as test code sees it (uncounted). */
  spreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet;
  /** A tab's values, header row first. */
  values(tab: string): unknown[][];
}

export const TEAM: readonly string[] = [
  "alex@acme.test",
  "sam@acme.test",
  "jordan@acme.test",
  "priya@acme.test",
];

export function createWorkbench(options: WorkbenchOptions): Workbench {
  const zone = options.zone ?? "America/New_York";
  const owners = options.owners ?? TEAM;
  const emu = createEmulator({
    now: options.now,
    scriptTimeZone: zone,
    users: owners.map((email) => ({
      email,
      name: nameOf(email),
      dailyEmailQuota: options.dailyEmailQuota ?? 1500,
      aliases: options.aliases?.[email] ?? [],
    })),
    projectDir: DIST_DIR,
    addOnName: "Touchbase",
    intl: options.intl ?? "full",
  });
  const created = emu.spreadsheets.create("Acme pipeline", { timeZone: zone, owner: owners[0] });
  const spreadsheetId = created.getId();
  const app = emu.loadBundle(join(DIST_DIR, "Code.js"));
  const spreadsheet = () =>
    emu.spreadsheets.get(spreadsheetId) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

  const menu = (functionName: string, user = owners[0]!): RunResult =>
    app.run({ user, authMode: "FULL", kind: "menu", spreadsheetId }, functionName);

  if (options.setup ?? true) {
    const result = menu("menuSetUpSheets");
    if (result.error) throw result.error;
  }
  let demo: DemoSheet | null = null;
  if (options.demo) {
    demo = generateDemoSheet({ ...options.demo, now: options.now, zone, owners });
    loadDemoIntoSpreadsheet(spreadsheet(), demo);
  }
  return {
    emu,
    app,
    spreadsheetId,
    owners,
    demo,
    menu,
    spreadsheet,
    values: (tab) => {
      const sheet = spreadsheet().getSheetByName(tab);
      if (!sheet) throw new Error(`no tab ${tab}`);
      return sheet.getDataRange().getValues();
    },
  };
}

function nameOf(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local.charAt(0).toUpperCase() + local.slice(1);
}
