// The playground (npm start): the built add-on on a demo team spreadsheet in the offline
// emulator, served on localhost. The page shows the tabs as the sheet shows them (editable, with
// the Status colours of the sheet's conditional formats), the real dist/Sidebar.html beside them
// with a google.script.run shim that calls the bundle through the emulator, the add-on menu, the
// hourly job, the clock and an outbox. State is kept on disk, so edits survive a restart.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { dirname, join } from "node:path";
import type { AddressInfo } from "node:net";
import { createEmulator, type Emulator } from "../../emulator/emulator";
import { loadEmulatorState, saveEmulatorState } from "../../emulator/snapshot";
import type { RunResult } from "../../emulator/app";
import { generateDemoSheet, loadDemoIntoSpreadsheet } from "../demo";
import { DIST_DIR, REPO_ROOT, TEAM } from "../demo/workbench";
import { PAGE_HTML, SHIM_SCRIPT } from "./page";

export interface PlaygroundOptions {
  /** 0 = any free port. */
  readonly port: number;
  /** Where the emulator's state is kept between runs. */
  readonly stateFile: string;
  /** Start over from a fresh demo spreadsheet. */
  readonly reset: boolean;
  readonly contacts?: number;
  readonly touches?: number;
}

export interface Playground {
  readonly url: string;
  readonly emu: Emulator;
  readonly spreadsheetId: string;
  /** Writes the emulator's state to the state file (after a change made outside the page). */
  save(): void;
  close(): Promise<void>;
}

export const DEFAULT_STATE_FILE = join(REPO_ROOT, ".playground", "state.json");
const ZONE = "America/New_York";
/** Monday 23 Nov 2026, 07:30 in New York. */
const START = new Date("2026-11-23T12:30:00Z");
const HOUR_MS = 3_600_000;

interface SavedPlayground {
  readonly spreadsheetId: string;
  readonly emulator: string;
}

function newEmulator(): Emulator {
  return createEmulator({
    now: START,
    scriptTimeZone: ZONE,
    users: TEAM.map((email) => ({ email, name: nameOf(email), dailyEmailQuota: 1500 })),
    projectDir: DIST_DIR,
    addOnName: "Touchbase",
  });
}

function nameOf(email: string): string {
  const local = email.split("@")[0] ?? email;
  return local.charAt(0).toUpperCase() + local.slice(1);
}

function failOn(result: RunResult, what: string): void {
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
}

/** A fresh demo: set up, a team pipeline, refreshed, automation on for the first owner. */
function freshDemo(emu: Emulator, contacts: number, touches: number): string {
  const owner = TEAM[0]!;
  const id = emu.spreadsheets.create("Acme pipeline", { timeZone: ZONE, owner }).getId();
  const app = emu.app;
  const menu = (fn: string) =>
    app.run({ user: owner, authMode: "FULL", kind: "menu", spreadsheetId: id }, fn);
  failOn(menu("menuSetUpSheets"), "Set up / repair sheets");
  const demo = generateDemoSheet({ contacts, touches, now: START, zone: ZONE, owners: TEAM });
  loadDemoIntoSpreadsheet(emu.spreadsheets.get(id) as never, demo);
  failOn(menu("menuRefreshNow"), "Refresh now");
  failOn(menu("menuTurnOnAutomation"), "Turn on automation for me");
  return id;
}

function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let text = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (text += chunk));
    request.on("end", () => {
      try {
        resolve(text ? (JSON.parse(text) as Record<string, unknown>) : {});
      } catch (error) {
        reject(error as Error);
      }
    });
    request.on("error", reject);
  });
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { "content-type": type, "cache-control": "no-store" });
  response.end(body);
}

const json = (response: ServerResponse, value: unknown, status = 200) =>
  send(response, status, "application/json; charset=utf-8", JSON.stringify(value));

export async function startPlayground(options: PlaygroundOptions): Promise<Playground> {
  const emu = newEmulator();
  emu.loadBundle(join(DIST_DIR, "Code.js"));
  let spreadsheetId: string;
  if (!options.reset && existsSync(options.stateFile)) {
    const saved = JSON.parse(readFileSync(options.stateFile, "utf8")) as SavedPlayground;
    loadEmulatorState(emu, saved.emulator);
    spreadsheetId = saved.spreadsheetId;
  } else {
    spreadsheetId = freshDemo(emu, options.contacts ?? 60, options.touches ?? 480);
  }
  const save = () => {
    mkdirSync(dirname(options.stateFile), { recursive: true });
    const state: SavedPlayground = { spreadsheetId, emulator: saveEmulatorState(emu) };
    writeFileSync(options.stateFile, JSON.stringify(state));
  };
  save();
  let user = TEAM[0]!;
  const run = (fn: string, kind: "menu" | "simple" = "menu") =>
    emu.app.run({ user, authMode: "FULL", kind, spreadsheetId }, fn, { authMode: "FULL" });
  failOn(run("onOpen", "simple"), "onOpen");

  const spreadsheet = () => emu.spreadsheets.get(spreadsheetId)!;

  const state = () => {
    const data = emu.spreadsheets.dataOf(spreadsheetId)!;
    const ui = emu.spreadsheets.ui;
    const tabs = spreadsheet()
      .getSheets()
      .map((sheet) => {
        const values = sheet.getDataRange().getDisplayValues();
        const sheetData = data.sheetById(sheet.getSheetId())!;
        return {
          name: sheet.getName(),
          values,
          colours: coloursOf(sheetData, values),
          charts: chartsOf(sheet),
        };
      });
    const outbox = TEAM.flatMap((owner) => [
      ...emu.gmail.sent(owner).map((m) => ({ kind: "Sent", owner, ...mailView(m) })),
      ...emu.gmail.drafts(owner).map((m) => ({ kind: "Draft", owner, ...mailView(m) })),
    ]).sort((a, b) => b.date.localeCompare(a.date));
    return {
      now: emu.clock.now().toISOString(),
      zone: ZONE,
      user,
      users: TEAM,
      menu: ui.captions(ui.addonMenu()).map((caption, i) => ({
        caption,
        functionName: menuFunction(ui.addonMenu(), i),
      })),
      alert: ui.alerts.at(-1) ?? null,
      dialog: ui.dialogs.at(-1)?.html ?? null,
      selection: emu.spreadsheets.selectionOf(spreadsheetId),
      tabs,
      outbox,
    };
  };

  const routes: Record<string, (body: Record<string, unknown>) => unknown> = {
    "/api/state": () => state(),
    "/api/run": (body) => {
      const result = emu.sidebarCall(
        user,
        spreadsheetId,
        String(body.fn),
        ...((body.args as unknown[]) ?? []),
      );
      save();
      return result.error
        ? { error: result.error.message }
        : { value: result.value, calls: result.calls, seconds: result.estimatedSeconds };
    },
    "/api/menu": (body) => {
      const result = run(String(body.fn));
      save();
      return { error: result.error?.message ?? null, state: state() };
    },
    "/api/edit": (body) => {
      const sheet = spreadsheet().getSheetByName(String(body.tab));
      if (!sheet) throw new Error(`No tab ${String(body.tab)}`);
      sheet.getRange(Number(body.row), Number(body.column)).setValue(String(body.value));
      save();
      return state();
    },
    "/api/select": (body) => {
      emu.spreadsheets.setSelection(spreadsheetId, String(body.tab), `A${Number(body.row)}`);
      return { selection: emu.spreadsheets.selectionOf(spreadsheetId) };
    },
    "/api/hourly": () => {
      const results = emu.runDueTimeTriggers();
      save();
      return { fired: results.length, errors: results.flatMap((r) => r.error?.message ?? []) };
    },
    "/api/clock": (body) => {
      emu.clock.advance(Number(body.hours) * HOUR_MS);
      save();
      return state();
    },
    "/api/user": (body) => {
      const wanted = String(body.user);
      if (!TEAM.includes(wanted)) throw new Error(`${wanted} is not on the demo team`);
      user = wanted;
      return state();
    },
  };

  const sidebarPage = () => {
    const html = readFileSync(join(DIST_DIR, "Sidebar.html"), "utf8");
    // The shim goes before the sidebar's own script, as Apps Script provides google.script.run.
    return html.replace("<script>", () => `<script>${SHIM_SCRIPT}</script>\n<script>`);
  };

  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    void (async () => {
      try {
        if (request.method === "GET" && url.pathname === "/") {
          send(response, 200, "text/html; charset=utf-8", PAGE_HTML);
        } else if (request.method === "GET" && url.pathname === "/sidebar") {
          send(response, 200, "text/html; charset=utf-8", sidebarPage());
        } else if (routes[url.pathname]) {
          const body = request.method === "POST" ? await readBody(request) : {};
          json(response, routes[url.pathname]!(body));
        } else {
          send(response, 404, "text/plain", "Not found");
        }
      } catch (error) {
        json(response, { error: (error as Error).message }, 500);
      }
    })();
  });
  await new Promise<void>((resolve) => server.listen(options.port, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    emu,
    spreadsheetId,
    save,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function menuFunction(
  menu: ReturnType<Emulator["spreadsheets"]["ui"]["addonMenu"]>,
  index: number,
): string {
  const entry = menu?.items[index];
  return entry?.kind === "item" ? entry.functionName : "";
}

function mailView(m: {
  to: string;
  subject: string;
  plainBody: string;
  htmlBody: string | null;
  date: Date;
}) {
  return {
    to: m.to,
    subject: m.subject,
    body: m.plainBody,
    html: m.htmlBody,
    date: m.date.toISOString(),
  };
}

/** The tab's native charts as the page draws them: title and the (label, value) rows they plot. */
function chartsOf(sheet: GoogleAppsScript.Spreadsheet.Sheet) {
  return sheet.getCharts().map((chart) => {
    const [range] = chart.getRanges();
    const rows = range ? range.getValues().slice(chart.getNumHeaders?.() ?? 1) : [];
    return {
      title: String(chart.getOptions().get("title") ?? ""),
      points: rows
        .filter((row) => row[0] !== "" && typeof row[1] === "number")
        .map((row) => ({ label: String(row[0]), value: row[1] as number })),
    };
  });
}

/**
 * Background and font colours per cell from the sheet's conditional formats that compare text
 * (how Setup colours Status), as the sheet would show them.
 */
function coloursOf(
  sheet: {
    conditionalRules: {
      condition: {
        criteriaType: string;
        criteriaValues: unknown[];
        background: string | null;
        fontColor: string | null;
      };
      ranges: { row: number; column: number; numRows: number; numColumns: number }[];
    }[];
  },
  values: string[][],
): Record<string, { background: string | null; font: string | null }> {
  const colours: Record<string, { background: string | null; font: string | null }> = {};
  for (const rule of sheet.conditionalRules) {
    if (rule.condition.criteriaType !== "TEXT_EQUAL_TO") continue;
    const wanted = String(rule.condition.criteriaValues[0] ?? "");
    for (const box of rule.ranges) {
      const last = Math.min(values.length, box.row + box.numRows - 1);
      for (let r = box.row; r <= last; r++) {
        for (let c = box.column; c < box.column + box.numColumns; c++) {
          const key = `${r},${c}`;
          if (colours[key] || values[r - 1]?.[c - 1] !== wanted) continue;
          colours[key] = { background: rule.condition.background, font: rule.condition.fontColor };
        }
      }
    }
  }
  return colours;
}
