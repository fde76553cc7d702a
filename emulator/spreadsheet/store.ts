// The test/harness side of the emulator: create spreadsheets, set the user's selection, read back
// what the UI showed. Not visible to script code and never counted.
import type { EmulatorHost } from "../host";
import { a1Of, parseA1, resolveA1 } from "./a1";
import { type SheetData, SpreadsheetData, type SpreadsheetOptions } from "./model";
import { SpreadsheetEmu } from "./spreadsheet";

export type MenuEntry =
  | { kind: "item"; caption: string; functionName: string }
  | { kind: "separator" }
  | { kind: "subMenu"; menu: MenuRecord };

export interface MenuRecord {
  title: string;
  /** True for createAddonMenu(). */
  addon: boolean;
  items: MenuEntry[];
  addedToUi: boolean;
  spreadsheetId: string | null;
}

export interface SidebarRecord {
  title: string;
  html: string;
  width: number;
  spreadsheetId: string | null;
}

export interface DialogRecord {
  kind: "modal" | "modeless";
  title: string;
  html: string;
  width: number;
  height: number;
  spreadsheetId: string | null;
}

export interface AlertRecord {
  kind: "alert" | "prompt";
  title: string;
  prompt: string;
  buttons: string;
  /** The button the (scripted) user pressed. */
  response: string;
  responseText?: string;
}

export interface ToastRecord {
  message: string;
  title: string;
  timeoutSeconds: number | null;
  spreadsheetId: string;
}

export interface PromptAnswer {
  button: string;
  text: string;
}

/** What the user sees: menus, sidebars, dialogs, alerts and toasts, in order. */
export class UiState {
  readonly menus: MenuRecord[] = [];
  readonly sidebars: SidebarRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly alerts: AlertRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  /** Buttons the next alerts answer with (default: OK, or YES for yes/no sets). */
  readonly alertResponses: string[] = [];
  /** Answers for the next prompts (default: OK/YES with ""). */
  readonly promptResponses: PromptAnswer[] = [];

  /** The add-on menu as last added to the UI (onOpen may run many times). */
  addonMenu(): MenuRecord | undefined {
    return [...this.menus].reverse().find((menu) => menu.addon && menu.addedToUi);
  }

  /** Captions of a menu's items, separators as "---". */
  captions(menu: MenuRecord | undefined): string[] {
    return (menu?.items ?? []).map((entry) =>
      entry.kind === "item" ? entry.caption : entry.kind === "separator" ? "---" : entry.menu.title,
    );
  }

  lastSidebar(): SidebarRecord | undefined {
    return this.sidebars[this.sidebars.length - 1];
  }

  queueAlertResponse(...buttons: string[]): void {
    this.alertResponses.push(...buttons);
  }

  queuePromptResponse(text: string, button = "OK"): void {
    this.promptResponses.push({ button, text });
  }
}

function standaloneHost(): EmulatorHost {
  return {
    now: () => new Date(),
    effectiveUser: () => "",
    activeUser: () => "",
    activeSpreadsheetId: () => null,
    authMode: () => "FULL",
    executionKind: () => "script",
    triggerUid: () => null,
    projectFile: () => undefined,
    scriptTimeZone: () => "Etc/UTC",
  };
}

let spreadsheetCounter = 0;

function newSpreadsheetId(): string {
  spreadsheetCounter++;
  // 44 characters like real ids; deterministic so test output is stable.
  return `1TbEmuSheet${String(spreadsheetCounter).padStart(6, "0")}`.padEnd(44, "x");
}

export interface StoreOptions {
  /** The add-on menu's title (createAddonMenu): the project's name; default "Untitled project". */
  addonName?: string;
}

export class SpreadsheetStore {
  private readonly spreadsheets = new Map<string, SpreadsheetData>();
  readonly ui = new UiState();
  readonly addonName: string;

  readonly host: EmulatorHost;

  /** Without a host (unit tests of helpers): a FULL-auth script run with no active spreadsheet. */
  constructor(host?: EmulatorHost, options: StoreOptions = {}) {
    this.host = host ?? standaloneHost();
    this.addonName = options.addonName ?? "Untitled project";
  }

  /** A new spreadsheet (one "Sheet1" tab unless `sheets` says otherwise). */
  create(name: string, options: SpreadsheetOptions): SpreadsheetEmu {
    const id = options.id ?? newSpreadsheetId();
    if (this.spreadsheets.has(id)) throw new Error(`A spreadsheet with id ${id} already exists.`);
    const data = new SpreadsheetData(
      id,
      name,
      options.timeZone,
      options.owner ?? "",
      [...(options.editors ?? [])],
      options.locale,
    );
    for (const sheetName of options.sheets ?? ["Sheet1"]) data.addSheet(sheetName);
    this.spreadsheets.set(id, data);
    return new SpreadsheetEmu(this, data);
  }

  /** A handle on a spreadsheet (uncounted when used from tests). */
  get(id: string): SpreadsheetEmu | undefined {
    const data = this.spreadsheets.get(id);
    return data ? new SpreadsheetEmu(this, data) : undefined;
  }

  all(): SpreadsheetEmu[] {
    return [...this.spreadsheets.values()].map((data) => new SpreadsheetEmu(this, data));
  }

  /** The plain data behind a spreadsheet, for assertions. */
  dataOf(id: string): SpreadsheetData | undefined {
    return this.spreadsheets.get(id);
  }

  sheetDataById(spreadsheetId: string, sheetId: number): SheetData | undefined {
    return this.spreadsheets.get(spreadsheetId)?.sheetById(sheetId);
  }

  /** The user's selection: makes the tab active and selects the range (e.g. "A5" or "A5:F5"). */
  setSelection(spreadsheetId: string, sheetName: string, a1: string): void {
    const data = this.require(spreadsheetId);
    const sheet = data.sheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}" in spreadsheet ${spreadsheetId}.`);
    const parts = parseA1(a1);
    if (!parts) throw new Error(`Bad A1 notation: ${a1}`);
    data.activeSheetId = sheet.id;
    data.selection = { sheetId: sheet.id, box: resolveA1(parts, sheet.maxRows, sheet.maxColumns) };
  }

  /** The selection as "Sheet!A1" text, for assertions. */
  selectionOf(spreadsheetId: string): string | null {
    const data = this.require(spreadsheetId);
    if (!data.selection) return null;
    const sheet = data.sheetById(data.selection.sheetId);
    return sheet ? `${sheet.name}!${a1Of(data.selection.box)}` : null;
  }

  /**
   * Grows a tab's grid as a person adding rows/columns would, without writing anything: a cheap way
   * to bring a spreadsheet near the 10-million-cell limit. Throws past the limit.
   */
  growGrid(
    spreadsheetId: string,
    sheetName: string,
    size: { readonly maxRows?: number; readonly maxColumns?: number },
  ): void {
    const data = this.require(spreadsheetId);
    const sheet = data.sheetByName(sheetName);
    if (!sheet) throw new Error(`No sheet named "${sheetName}" in spreadsheet ${spreadsheetId}.`);
    const rows = size.maxRows ?? sheet.maxRows;
    const columns = size.maxColumns ?? sheet.maxColumns;
    if (rows < sheet.maxRows || columns < sheet.maxColumns) {
      throw new Error("growGrid only grows a sheet; delete rows or columns to shrink it.");
    }
    data.assertCanGrowBy(rows * columns - sheet.cellCount());
    sheet.maxRows = rows;
    sheet.maxColumns = columns;
  }

  /** Cells in the whole grid of every tab (what the 10-million-cell limit counts). */
  cellCount(spreadsheetId: string): number {
    return this.require(spreadsheetId).cellCount();
  }

  private require(id: string): SpreadsheetData {
    const data = this.spreadsheets.get(id);
    if (!data) throw new Error(`No spreadsheet with id ${id} in the emulator.`);
    return data;
  }
}
