// A sheet's basic filter (only its range; criteria are not emulated).
import { SERVICE_NAME } from "../host";
import { asGas } from "../internal";
import type { SheetData } from "./model";
import { rangeOf } from "./range";
import type { SpreadsheetStore } from "./store";

type Filter = GoogleAppsScript.Spreadsheet.Filter;

export class FilterEmu implements Pick<Filter, "getRange" | "remove"> {
  readonly [SERVICE_NAME] = "Filter";

  constructor(
    private readonly store: SpreadsheetStore,
    private readonly sheet: SheetData,
  ) {}

  getRange(): GoogleAppsScript.Spreadsheet.Range {
    const box = this.sheet.filter;
    if (!box) throw new Error("This filter has been removed.");
    return asGas(rangeOf(this.store, this.sheet, box.row, box.column, box.numRows, box.numColumns));
  }
  remove(): void {
    this.sheet.filter = null;
  }
}
