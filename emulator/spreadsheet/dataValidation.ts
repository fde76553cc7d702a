// DataValidation and its builder: criteria type + values, as Apps Script reports them back.
import { SERVICE_NAME } from "../host";
import { DataValidationCriteria } from "./enums";
import { INTERNAL, asGas } from "../internal";
import type { ValidationData } from "./model";

type GS = typeof GoogleAppsScript.Spreadsheet;
type DataValidation = GoogleAppsScript.Spreadsheet.DataValidation;
type Builder = GoogleAppsScript.Spreadsheet.DataValidationBuilder;
type Criteria = GoogleAppsScript.Spreadsheet.DataValidationCriteria;

const criteria = (name: string): Criteria =>
  DataValidationCriteria[name as keyof GS["DataValidationCriteria"]];

function copyArgument(value: unknown): unknown {
  if (value instanceof Date) return new Date(value.getTime());
  if (Array.isArray(value)) return value.map(copyArgument);
  return value;
}

export class DataValidationEmu implements DataValidation {
  readonly [SERVICE_NAME] = "DataValidation";
  readonly [INTERNAL]: ValidationData;

  constructor(data: ValidationData) {
    this[INTERNAL] = { ...data, criteriaValues: data.criteriaValues.map(copyArgument) };
  }

  getCriteriaType(): Criteria {
    return criteria(this[INTERNAL].criteriaType);
  }
  getCriteriaValues(): unknown[] {
    return this[INTERNAL].criteriaValues.map(copyArgument);
  }
  getAllowInvalid(): boolean {
    return this[INTERNAL].allowInvalid;
  }
  /** null when no help text is set (the docs say so; the types say string). */
  getHelpText(): string {
    return (this[INTERNAL].helpText === "" ? null : this[INTERNAL].helpText) as string;
  }
  copy(): Builder {
    return asGas(new DataValidationBuilderEmu(this[INTERNAL]));
  }
}

type BuilderMethods =
  | "build"
  | "copy"
  | "getAllowInvalid"
  | "getCriteriaType"
  | "getCriteriaValues"
  | "getHelpText"
  | "requireCheckbox"
  | "requireDate"
  | "requireDateAfter"
  | "requireDateBefore"
  | "requireNumberBetween"
  | "requireNumberGreaterThan"
  | "requireNumberGreaterThanOrEqualTo"
  | "requireNumberLessThanOrEqualTo"
  | "requireTextIsEmail"
  | "requireTextIsUrl"
  | "requireValueInList"
  | "requireValueInRange"
  | "setAllowInvalid"
  | "setHelpText"
  | "withCriteria";

export class DataValidationBuilderEmu implements Pick<Builder, BuilderMethods> {
  readonly [SERVICE_NAME] = "DataValidationBuilder";
  private data: ValidationData;

  constructor(from?: ValidationData) {
    this.data = from
      ? { ...from, criteriaValues: from.criteriaValues.map(copyArgument) }
      : { criteriaType: "", criteriaValues: [], allowInvalid: true, helpText: "" };
  }

  private require(criteriaType: string, criteriaValues: unknown[]): Builder {
    this.data = { ...this.data, criteriaType, criteriaValues: criteriaValues.map(copyArgument) };
    return asGas(this);
  }

  build(): DataValidation {
    if (!this.data.criteriaType)
      throw new Error("You must set a criteria before building a data validation rule.");
    return asGas(new DataValidationEmu(this.data));
  }
  copy(): Builder {
    return asGas(new DataValidationBuilderEmu(this.data));
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getCriteriaType(): Criteria {
    return criteria(this.data.criteriaType);
  }
  getCriteriaValues(): unknown[] {
    return this.data.criteriaValues.map(copyArgument);
  }
  getHelpText(): string | null {
    return this.data.helpText === "" ? null : this.data.helpText;
  }
  requireCheckbox(...values: unknown[]): Builder {
    return this.require("CHECKBOX", values.slice(0, 2));
  }
  requireDate(): Builder {
    return this.require("DATE_IS_VALID_DATE", []);
  }
  requireDateAfter(date: Date): Builder {
    return this.require("DATE_AFTER", [date]);
  }
  requireDateBefore(date: Date): Builder {
    return this.require("DATE_BEFORE", [date]);
  }
  requireNumberBetween(start: number, end: number): Builder {
    return this.require("NUMBER_BETWEEN", [start, end]);
  }
  requireNumberGreaterThan(number: number): Builder {
    return this.require("NUMBER_GREATER_THAN", [number]);
  }
  requireNumberGreaterThanOrEqualTo(number: number): Builder {
    return this.require("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }
  requireNumberLessThanOrEqualTo(number: number): Builder {
    return this.require("NUMBER_LESS_THAN_OR_EQUAL_TO", [number]);
  }
  requireTextIsEmail(): Builder {
    return this.require("TEXT_IS_VALID_EMAIL", []);
  }
  requireTextIsUrl(): Builder {
    return this.require("TEXT_IS_VALID_URL", []);
  }
  requireValueInList(values: string[], showDropdown = true): Builder {
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error("The data validation list must contain at least one value.");
    }
    return this.require("VALUE_IN_LIST", [values.map(String), showDropdown]);
  }
  requireValueInRange(range: GoogleAppsScript.Spreadsheet.Range, showDropdown = true): Builder {
    return this.require("VALUE_IN_RANGE", [range, showDropdown]);
  }
  setAllowInvalid(allowInvalidData: boolean): Builder {
    this.data = { ...this.data, allowInvalid: Boolean(allowInvalidData) };
    return asGas(this);
  }
  setHelpText(helpText: string): Builder {
    this.data = { ...this.data, helpText: String(helpText) };
    return asGas(this);
  }
  withCriteria(criteriaType: Criteria, args: unknown[]): Builder {
    return this.require(String(criteriaType), args);
  }
}
