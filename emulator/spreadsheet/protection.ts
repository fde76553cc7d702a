// Protection of a range or a whole sheet, warning-only or with an editor list.
import { MESSAGES, serviceError } from "../errors";
import { SERVICE_NAME } from "../host";
import type { GridBox } from "./a1";
import { ProtectionType } from "./enums";
import { INTERNAL, asGas } from "../internal";
import type { ProtectionData, SheetData } from "./model";
import { rangeOf } from "./range";
import type { SpreadsheetStore } from "./store";
import { EmuUser } from "../services/session";

type GS = typeof GoogleAppsScript.Spreadsheet;
type Protection = GoogleAppsScript.Spreadsheet.Protection;
type ProtectionMethods =
  | "addEditor"
  | "addEditors"
  | "canDomainEdit"
  | "canEdit"
  | "getDescription"
  | "getEditors"
  | "getProtectionType"
  | "getRange"
  | "isWarningOnly"
  | "remove"
  | "removeEditor"
  | "removeEditors"
  | "setDescription"
  | "setDomainEdit"
  | "setWarningOnly";

export function newProtection(
  store: SpreadsheetStore,
  sheet: SheetData,
  type: "RANGE" | "SHEET",
  box?: ProtectionData["box"],
): ProtectionData {
  const spreadsheet = sheet.spreadsheet;
  const editors = [...new Set([spreadsheet.owner, store.host.effectiveUser()].filter(Boolean))];
  const data: ProtectionData = {
    id: spreadsheet.newObjectId(),
    spreadsheetId: spreadsheet.id,
    type,
    sheetId: sheet.id,
    box,
    description: "",
    warningOnly: false,
    editors,
    domainEdit: false,
    unprotected: [],
  };
  spreadsheet.protections.push(data);
  return data;
}

/**
 * A script runs as a user, so its writes obey that user's protections as a person's edits do: a
 * value written into a cell that a protection (not warning-only) covers throws unless the user is
 * one of its editors or the owner. Test code outside an execution (no user) writes freely.
 */
export function assertEditable(store: SpreadsheetStore, sheet: SheetData, box: GridBox): void {
  const user = store.host.effectiveUser();
  const spreadsheet = sheet.spreadsheet;
  if (!user || user === spreadsheet.owner) return;
  const blocked = spreadsheet.protections.some(
    (p) =>
      p.sheetId === sheet.id &&
      !p.warningOnly &&
      !p.editors.includes(user) &&
      (p.box
        ? overlaps(p.box, box)
        : !p.unprotected.some((open) => open.sheetId === sheet.id && contains(open, box))),
  );
  if (blocked) throw serviceError(MESSAGES.protectedCell);
}

function overlaps(a: GridBox, b: GridBox): boolean {
  return (
    a.row < b.row + b.numRows &&
    b.row < a.row + a.numRows &&
    a.column < b.column + b.numColumns &&
    b.column < a.column + a.numColumns
  );
}

function contains(outer: GridBox, inner: GridBox): boolean {
  return (
    outer.row <= inner.row &&
    outer.column <= inner.column &&
    inner.row + inner.numRows <= outer.row + outer.numRows &&
    inner.column + inner.numColumns <= outer.column + outer.numColumns
  );
}

function emailOf(user: string | GoogleAppsScript.Base.User): string {
  return typeof user === "string" ? user : user.getEmail();
}

export class ProtectionEmu implements Pick<Protection, ProtectionMethods> {
  readonly [SERVICE_NAME] = "Protection";
  readonly [INTERNAL]: ProtectionData;

  constructor(
    private readonly store: SpreadsheetStore,
    private readonly data: ProtectionData,
  ) {
    this[INTERNAL] = data;
  }

  private self(): Protection {
    return asGas<Protection>(this);
  }

  private sheet(): SheetData {
    const spreadsheet = this.store.dataOf(this.data.spreadsheetId);
    const sheet = spreadsheet?.sheetById(this.data.sheetId);
    if (!sheet || !spreadsheet?.protections.includes(this.data)) {
      throw new Error("This protection has been removed.");
    }
    return sheet;
  }

  getProtectionType(): GoogleAppsScript.Spreadsheet.ProtectionType {
    return ProtectionType[this.data.type as keyof GS["ProtectionType"]];
  }
  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const sheet = this.sheet();
    const box = this.data.box ?? {
      row: 1,
      column: 1,
      numRows: sheet.maxRows,
      numColumns: sheet.maxColumns,
    };
    return asGas(rangeOf(this.store, sheet, box.row, box.column, box.numRows, box.numColumns));
  }
  getDescription(): string {
    return this.data.description;
  }
  setDescription(description: string): Protection {
    this.sheet();
    this.data.description = String(description);
    return this.self();
  }
  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }
  setWarningOnly(warningOnly: boolean): Protection {
    this.sheet();
    this.data.warningOnly = Boolean(warningOnly);
    return this.self();
  }
  canEdit(): boolean {
    return this.data.warningOnly || this.data.editors.includes(this.store.host.effectiveUser());
  }
  canDomainEdit(): boolean {
    return this.data.domainEdit;
  }
  setDomainEdit(editable: boolean): Protection {
    this.data.domainEdit = Boolean(editable);
    return this.self();
  }
  getEditors(): GoogleAppsScript.Base.User[] {
    return this.data.editors.map((email) => asGas<GoogleAppsScript.Base.User>(new EmuUser(email)));
  }
  addEditor(user: string | GoogleAppsScript.Base.User): Protection {
    return this.addEditors([emailOf(user)]);
  }
  addEditors(emailAddresses: string[]): Protection {
    for (const email of emailAddresses)
      if (!this.data.editors.includes(email)) this.data.editors.push(email);
    return this.self();
  }
  removeEditor(user: string | GoogleAppsScript.Base.User): Protection {
    return this.removeEditors([emailOf(user)]);
  }
  removeEditors(users: (string | GoogleAppsScript.Base.User)[]): Protection {
    const removed = new Set(users.map(emailOf));
    // The owner always keeps edit rights, as in Sheets.
    this.data.editors = this.data.editors.filter(
      (email) => !removed.has(email) || email === this.store.dataOf(this.data.spreadsheetId)?.owner,
    );
    return this.self();
  }
  remove(): void {
    const spreadsheet = this.store.dataOf(this.data.spreadsheetId);
    if (!spreadsheet) return;
    const index = spreadsheet.protections.indexOf(this.data);
    if (index >= 0) spreadsheet.protections.splice(index, 1);
  }
}
