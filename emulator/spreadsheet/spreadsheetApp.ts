// SpreadsheetApp: the global script code sees. "Active" means the spreadsheet the execution is
// bound to (host.activeSpreadsheetId()); add-on time triggers have none.
import { SERVICE_NAME } from "../host";
import { ConditionalFormatRuleBuilderEmu } from "./conditionalFormat";
import { DataValidationBuilderEmu } from "./dataValidation";
import {
  BooleanCriteria,
  DataValidationCriteria,
  Dimension,
  ProtectionType,
  WrapStrategy,
} from "./enums";
import { asGas, internalOf } from "../internal";
import type { SheetData } from "./model";
import type { SpreadsheetEmu } from "./spreadsheet";
import type { SpreadsheetStore } from "./store";
import { UiEmu } from "./ui";

type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

type AppMembers =
  | "BooleanCriteria"
  | "create"
  | "DataValidationCriteria"
  | "Dimension"
  | "ProtectionType"
  | "WrapStrategy"
  | "flush"
  | "getActive"
  | "getActiveRange"
  | "getActiveSheet"
  | "getActiveSpreadsheet"
  | "getUi"
  | "newConditionalFormatRule"
  | "newDataValidation"
  | "openById"
  | "openByUrl"
  | "setActiveSheet";

const URL_ID = /\/spreadsheets\/d\/([^/]+)/;

export class SpreadsheetAppEmu implements Pick<SpreadsheetApp, AppMembers> {
  readonly [SERVICE_NAME] = "SpreadsheetApp";
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly Dimension = Dimension;
  readonly ProtectionType = ProtectionType;
  readonly WrapStrategy = WrapStrategy;

  constructor(private readonly store: SpreadsheetStore) {}

  private active(): SpreadsheetEmu | null {
    const id = this.store.host.activeSpreadsheetId();
    return id === null ? null : (this.store.get(id) ?? null);
  }

  private requireActive(method: string): SpreadsheetEmu {
    const active = this.active();
    if (!active) {
      throw new Error(
        `SpreadsheetApp.${method}: there is no active spreadsheet in this execution.`,
      );
    }
    return active;
  }

  // Apps Script types these as non-null, but they return null where no document is bound.
  getActiveSpreadsheet(): Spreadsheet {
    return asGas<Spreadsheet>(this.active() as object);
  }
  getActive(): Spreadsheet {
    return this.getActiveSpreadsheet();
  }
  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return this.requireActive("getActiveSheet").getActiveSheet();
  }
  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    return this.requireActive(
      "getActiveRange",
    ).getActiveRange() as GoogleAppsScript.Spreadsheet.Range;
  }
  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Sheet {
    const data = internalOf<SheetData>(sheet, "SpreadsheetApp.setActiveSheet");
    const spreadsheet = this.store.get(data.spreadsheet.id);
    if (!spreadsheet) throw new Error("The sheet's spreadsheet no longer exists.");
    return spreadsheet.setActiveSheet(sheet);
  }

  /**
   * A new spreadsheet in the effective user's Drive, owned by them: one "Sheet1" tab of 1,000 rows
   * and 26 columns, in the script's time zone (the reference does not say which zone; the user's
   * Drive default is not modelled).
   */
  create(name: string): Spreadsheet {
    const created = this.store.create(String(name), {
      timeZone: this.store.host.scriptTimeZone(),
      owner: this.store.host.effectiveUser(),
    });
    return asGas(created);
  }

  openById(id: string): Spreadsheet {
    const spreadsheet = this.store.get(String(id));
    if (!spreadsheet) {
      throw new Error(
        "Unexpected error while getting the method or property openById on object SpreadsheetApp.",
      );
    }
    return asGas(spreadsheet);
  }
  openByUrl(url: string): Spreadsheet {
    const id = URL_ID.exec(String(url))?.[1];
    const spreadsheet = id ? this.store.get(id) : undefined;
    if (!spreadsheet) {
      throw new Error(
        "Unexpected error while getting the method or property openByUrl on object SpreadsheetApp.",
      );
    }
    return asGas(spreadsheet);
  }

  /** Writes are applied at once in the emulator; the runtime charges flush()'s time. */
  flush(): void {}

  getUi(): GoogleAppsScript.Base.Ui {
    if (this.store.host.executionKind() === "trigger") {
      throw new Error("Cannot call SpreadsheetApp.getUi() from this context.");
    }
    return asGas(new UiEmu(this.store));
  }

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return asGas(new DataValidationBuilderEmu());
  }
  newConditionalFormatRule(): GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder {
    return asGas(new ConditionalFormatRuleBuilderEmu(this.store));
  }
}
