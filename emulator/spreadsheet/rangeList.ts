// RangeList: the same operation on several ranges.
import { SERVICE_NAME } from "../host";
import { asGas } from "../internal";
import type { RangeEmu } from "./range";

type RangeList = GoogleAppsScript.Spreadsheet.RangeList;
type RangeListMethods =
  | "clear"
  | "clearContent"
  | "clearDataValidations"
  | "getRanges"
  | "insertCheckboxes"
  | "setBackground"
  | "setFontColor"
  | "setFontWeight"
  | "setHorizontalAlignment"
  | "setNumberFormat"
  | "setValue"
  | "setWrap";

export class RangeListEmu implements Pick<RangeList, RangeListMethods> {
  readonly [SERVICE_NAME] = "RangeList";

  constructor(private readonly ranges: RangeEmu[]) {}

  private each(fn: (range: RangeEmu) => unknown): RangeList {
    for (const range of this.ranges) fn(range);
    return asGas<RangeList>(this);
  }

  getRanges(): GoogleAppsScript.Spreadsheet.Range[] {
    return this.ranges.map((range) => asGas(range));
  }
  setValue(value: unknown): RangeList {
    return this.each((range) => range.setValue(value));
  }
  clearContent(): RangeList {
    return this.each((range) => range.clearContent());
  }
  clear(): RangeList {
    return this.each((range) => range.clear());
  }
  clearDataValidations(): RangeList {
    return this.each((range) => range.clearDataValidations());
  }
  insertCheckboxes(...values: unknown[]): RangeList {
    return this.each((range) => range.insertCheckboxes(...values));
  }
  setBackground(color: string | null): RangeList {
    return this.each((range) => range.setBackground(color));
  }
  setFontColor(color: string | null): RangeList {
    return this.each((range) => range.setFontColor(color));
  }
  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): RangeList {
    return this.each((range) => range.setFontWeight(fontWeight));
  }
  setHorizontalAlignment(alignment: "left" | "center" | "normal" | "right" | null): RangeList {
    return this.each((range) => range.setHorizontalAlignment(alignment));
  }
  setNumberFormat(format: string): RangeList {
    return this.each((range) => range.setNumberFormat(format));
  }
  setWrap(isWrapEnabled: boolean): RangeList {
    return this.each((range) => range.setWrap(isWrapEnabled));
  }
}
