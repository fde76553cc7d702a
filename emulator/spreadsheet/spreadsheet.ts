// Spreadsheet: the document (tabs, time zone, selection, protections, named ranges, toasts).
import { DOCUMENT, SERVICE_NAME } from "../host";
import { isValidTimeZone } from "../time/zoned";
import { EmuUser } from "../services/session";
import { INTERNAL, asGas, internalOf } from "../internal";
import type { SheetData, SpreadsheetData } from "./model";
import { ProtectionEmu } from "./protection";
import { type RangeRef, rangeOf } from "./range";
import { RangeListEmu } from "./rangeList";
import { SheetEmu, rangeFromA1 } from "./sheet";
import type { SpreadsheetStore } from "./store";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Range = GoogleAppsScript.Spreadsheet.Range;

type SpreadsheetMethods =
  | "addEditor"
  | "addEditors"
  | "deleteSheet"
  | "getActiveRange"
  | "getActiveSheet"
  | "getEditors"
  | "getId"
  | "getName"
  | "getNumSheets"
  | "getOwner"
  | "getProtections"
  | "getRange"
  | "getRangeByName"
  | "getRangeList"
  | "getSheetById"
  | "getSheetByName"
  | "getSheets"
  | "getSpreadsheetLocale"
  | "getSpreadsheetTimeZone"
  | "getUrl"
  | "insertSheet"
  | "moveActiveSheet"
  | "removeNamedRange"
  | "rename"
  | "setActiveSheet"
  | "setNamedRange"
  | "setSpreadsheetLocale"
  | "setSpreadsheetTimeZone"
  | "toast";

type InsertOptions = { template?: Sheet };

export class SpreadsheetEmu implements Pick<Spreadsheet, SpreadsheetMethods> {
  readonly [SERVICE_NAME] = "Spreadsheet";
  readonly [INTERNAL]: SpreadsheetData;

  private readonly data: SpreadsheetData;

  /** Accepts the data or another handle on it (test helpers wrap what store.create returns). */
  constructor(
    private readonly store: SpreadsheetStore,
    source: SpreadsheetData | SpreadsheetEmu,
  ) {
    this.data = source instanceof SpreadsheetEmu ? source[INTERNAL] : source;
    this[INTERNAL] = this.data;
  }

  get [DOCUMENT](): SpreadsheetData {
    return this.data;
  }

  /** Harness convenience (not in the Apps Script types, so app code cannot use it). */
  get id(): string {
    return this.data.id;
  }

  private sheet(data: SheetData): Sheet {
    return asGas(new SheetEmu(this.store, data));
  }

  getId(): string {
    return this.data.id;
  }
  getName(): string {
    return this.data.name;
  }
  rename(newName: string): void {
    this.data.name = String(newName);
  }
  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.data.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    return this.data.timeZone;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    if (!isValidTimeZone(timezone)) throw new Error(`Invalid argument: ${timezone}`);
    this.data.timeZone = timezone;
  }
  getSpreadsheetLocale(): string {
    return this.data.locale;
  }
  /** Locales look like "en_US", "de_DE", "pt_BR" (a bare language such as "de" also exists). */
  setSpreadsheetLocale(locale: string): void {
    if (!/^[a-z]{2,3}(_[A-Z]{2})?$/.test(String(locale))) {
      throw new Error(`Invalid argument: ${locale}`);
    }
    this.data.locale = String(locale);
  }
  getOwner(): GoogleAppsScript.Base.User | null {
    return this.data.owner ? asGas(new EmuUser(this.data.owner)) : null;
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    const emails = [...new Set([this.data.owner, ...this.data.editors].filter(Boolean))];
    return emails.map((email) => asGas<GoogleAppsScript.Base.User>(new EmuUser(email)));
  }
  addEditor(emailAddress: string | GoogleAppsScript.Base.User): Spreadsheet {
    return this.addEditors([
      typeof emailAddress === "string" ? emailAddress : emailAddress.getEmail(),
    ]);
  }
  addEditors(emailAddresses: string[]): Spreadsheet {
    for (const email of emailAddresses)
      if (!this.data.editors.includes(email)) this.data.editors.push(email);
    return asGas(this);
  }

  // ---- tabs -----------------------------------------------------------------------------------

  getSheets(): Sheet[] {
    return this.data.sheets.map((sheet) => this.sheet(sheet));
  }
  getNumSheets(): number {
    return this.data.sheets.length;
  }
  getSheetByName(name: string): Sheet | null {
    const sheet = this.data.sheetByName(String(name));
    return sheet ? this.sheet(sheet) : null;
  }
  getSheetById(id: number): Sheet | null {
    const sheet = this.data.sheetById(id);
    return sheet ? this.sheet(sheet) : null;
  }

  /** insertSheet([name], [index], [options]); the new tab becomes the active one. */
  insertSheet(
    nameOrIndexOrOptions?: string | number | InsertOptions,
    indexOrOptions?: number | InsertOptions,
    _options?: InsertOptions,
  ): Sheet {
    let name: string | undefined;
    let index: number | undefined;
    if (typeof nameOrIndexOrOptions === "string") name = nameOrIndexOrOptions;
    else if (typeof nameOrIndexOrOptions === "number") index = nameOrIndexOrOptions;
    if (typeof indexOrOptions === "number") index = indexOrOptions;
    const sheet = this.data.addSheet(name, index);
    this.data.activeSheetId = sheet.id;
    this.data.selection = {
      sheetId: sheet.id,
      box: { row: 1, column: 1, numRows: 1, numColumns: 1 },
    };
    return this.sheet(sheet);
  }

  deleteSheet(sheet: Sheet): void {
    const target = internalOf<SheetData>(sheet, "SpreadsheetApp.Spreadsheet.deleteSheet");
    const index = this.data.sheets.indexOf(target);
    if (index < 0) throw new Error("The sheet does not belong to this spreadsheet.");
    if (this.data.sheets.length === 1)
      throw new Error("You can't remove all the sheets in a document.");
    this.data.sheets.splice(index, 1);
    target.deleted = true;
    for (let i = this.data.protections.length - 1; i >= 0; i--) {
      if (this.data.protections[i]?.sheetId === target.id) this.data.protections.splice(i, 1);
    }
    if (this.data.activeSheetId === target.id) {
      const next = this.data.sheets[Math.max(0, index - 1)];
      this.data.activeSheetId = next?.id ?? null;
    }
    if (this.data.selection?.sheetId === target.id) this.data.selection = null;
  }

  getActiveSheet(): Sheet {
    return this.sheet(this.data.activeSheet());
  }
  setActiveSheet(sheet: Sheet): Sheet {
    const target = internalOf<SheetData>(sheet, "SpreadsheetApp.Spreadsheet.setActiveSheet");
    return new SheetEmu(this.store, target).activate();
  }
  moveActiveSheet(pos: number): void {
    const active = this.data.activeSheet();
    const sheets = this.data.sheets;
    sheets.splice(sheets.indexOf(active), 1);
    sheets.splice(Math.max(0, Math.min(pos - 1, sheets.length)), 0, active);
  }

  // ---- ranges ---------------------------------------------------------------------------------

  /** The user's selection; A1 of the active sheet when nothing is selected. */
  getActiveRange(): Range | null {
    const selection = this.data.selection;
    const sheet = selection ? this.data.sheetById(selection.sheetId) : undefined;
    if (selection && sheet && sheet.id === this.data.activeSheet().id) {
      const { row, column, numRows, numColumns } = selection.box;
      return asGas(rangeOf(this.store, sheet, row, column, numRows, numColumns));
    }
    return asGas(rangeOf(this.store, this.data.activeSheet(), 1, 1, 1, 1));
  }
  getRange(a1Notation: string): Range {
    return asGas(rangeFromA1(this.store, this.data.activeSheet(), a1Notation));
  }
  getRangeList(a1Notations: string[]): GoogleAppsScript.Spreadsheet.RangeList {
    const active = this.data.activeSheet();
    return asGas(new RangeListEmu(a1Notations.map((a1) => rangeFromA1(this.store, active, a1))));
  }
  setNamedRange(name: string, range: Range): void {
    const ref = internalOf<RangeRef>(range, "SpreadsheetApp.Spreadsheet.setNamedRange");
    this.data.namedRanges.set(name, {
      spreadsheetId: this.data.id,
      sheetId: ref.sheet.id,
      ...ref.box,
    });
  }
  getRangeByName(name: string): Range | null {
    const box = this.data.namedRanges.get(name);
    const sheet = box ? this.data.sheetById(box.sheetId) : undefined;
    if (!box || !sheet) return null;
    return asGas(rangeOf(this.store, sheet, box.row, box.column, box.numRows, box.numColumns));
  }
  removeNamedRange(name: string): void {
    this.data.namedRanges.delete(name);
  }
  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    return this.data.protections
      .filter((p) => p.type === String(type))
      .map((p) => asGas(new ProtectionEmu(this.store, p)));
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.store.ui.toasts.push({
      message: String(msg),
      title: title === undefined ? "" : String(title),
      timeoutSeconds: timeoutSeconds ?? null,
      spreadsheetId: this.data.id,
    });
  }
}
