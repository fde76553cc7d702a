// Conditional format rules: a boolean condition, its formatting and the ranges it covers.
import { SERVICE_NAME } from "../host";
import { BooleanCriteria } from "./enums";
import { INTERNAL, asGas, internalOf } from "../internal";
import type { ConditionData, ConditionalRuleData, SheetBox } from "./model";
import { type RangeRef, rangeOf } from "./range";
import type { SpreadsheetStore } from "./store";

type GS = typeof GoogleAppsScript.Spreadsheet;
type Rule = GoogleAppsScript.Spreadsheet.ConditionalFormatRule;
type Builder = GoogleAppsScript.Spreadsheet.ConditionalFormatRuleBuilder;
type Range = GoogleAppsScript.Spreadsheet.Range;

const criteria = (name: string): GoogleAppsScript.Spreadsheet.BooleanCriteria =>
  BooleanCriteria[name as keyof GS["BooleanCriteria"]];

/** A rule's plain data plus the store, so its ranges can be handed back as Range handles. */
interface RuleState {
  data: ConditionalRuleData;
}

function copyRule(data: ConditionalRuleData): ConditionalRuleData {
  return {
    condition: { ...data.condition, criteriaValues: [...data.condition.criteriaValues] },
    ranges: data.ranges.map((box) => ({ ...box })),
  };
}

function rangesOf(store: SpreadsheetStore, boxes: SheetBox[]): Range[] {
  const out: Range[] = [];
  for (const box of boxes) {
    const sheet = store.sheetDataById(box.spreadsheetId, box.sheetId);
    if (!sheet) continue;
    out.push(asGas(rangeOf(store, sheet, box.row, box.column, box.numRows, box.numColumns)));
  }
  return out;
}

export class BooleanConditionEmu implements GoogleAppsScript.Spreadsheet.BooleanCondition {
  readonly [SERVICE_NAME] = "BooleanCondition";

  constructor(private readonly condition: ConditionData) {}

  getBackground(): string | null {
    return this.condition.background;
  }
  getBold(): boolean | null {
    return this.condition.bold;
  }
  getCriteriaType(): GoogleAppsScript.Spreadsheet.BooleanCriteria {
    return criteria(this.condition.criteriaType);
  }
  getCriteriaValues(): unknown[] {
    return [...this.condition.criteriaValues];
  }
  getFontColor(): string | null {
    return this.condition.fontColor;
  }
  getItalic(): boolean | null {
    return this.condition.italic;
  }
  getStrikethrough(): boolean | null {
    return null;
  }
  getUnderline(): boolean | null {
    return null;
  }
}

export class ConditionalFormatRuleEmu implements Pick<
  Rule,
  "copy" | "getBooleanCondition" | "getRanges"
> {
  readonly [SERVICE_NAME] = "ConditionalFormatRule";
  readonly [INTERNAL]: RuleState;

  constructor(
    private readonly store: SpreadsheetStore,
    data: ConditionalRuleData,
  ) {
    this[INTERNAL] = { data: copyRule(data) };
  }

  copy(): Builder {
    return asGas(new ConditionalFormatRuleBuilderEmu(this.store, this[INTERNAL].data));
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return asGas(new BooleanConditionEmu({ ...this[INTERNAL].data.condition }));
  }
  getRanges(): Range[] {
    return rangesOf(this.store, this[INTERNAL].data.ranges);
  }
}

type BuilderMethods =
  | "build"
  | "copy"
  | "getBooleanCondition"
  | "getRanges"
  | "setBackground"
  | "setBold"
  | "setFontColor"
  | "setItalic"
  | "setRanges"
  | "whenCellEmpty"
  | "whenCellNotEmpty"
  | "whenFormulaSatisfied"
  | "whenNumberBetween"
  | "whenNumberEqualTo"
  | "whenNumberGreaterThan"
  | "whenNumberGreaterThanOrEqualTo"
  | "whenNumberLessThan"
  | "whenTextContains"
  | "whenTextEndsWith"
  | "whenTextEqualTo"
  | "whenTextStartsWith";

export class ConditionalFormatRuleBuilderEmu implements Pick<Builder, BuilderMethods> {
  readonly [SERVICE_NAME] = "ConditionalFormatRuleBuilder";
  private data: ConditionalRuleData;

  constructor(
    private readonly store: SpreadsheetStore,
    from?: ConditionalRuleData,
  ) {
    this.data = from
      ? copyRule(from)
      : {
          condition: {
            criteriaType: "",
            criteriaValues: [],
            background: null,
            fontColor: null,
            bold: null,
            italic: null,
          },
          ranges: [],
        };
  }

  private self(): Builder {
    return asGas<Builder>(this);
  }

  private when(criteriaType: string, criteriaValues: unknown[]): Builder {
    this.data.condition = { ...this.data.condition, criteriaType, criteriaValues };
    return this.self();
  }

  private format(patch: Partial<ConditionData>): Builder {
    this.data.condition = { ...this.data.condition, ...patch };
    return this.self();
  }

  build(): Rule {
    if (!this.data.condition.criteriaType) {
      throw new Error("A conditional format rule needs a condition (for example whenTextEqualTo).");
    }
    return asGas(new ConditionalFormatRuleEmu(this.store, this.data));
  }
  copy(): Builder {
    return asGas(new ConditionalFormatRuleBuilderEmu(this.store, this.data));
  }
  getBooleanCondition(): GoogleAppsScript.Spreadsheet.BooleanCondition | null {
    return this.data.condition.criteriaType
      ? asGas(new BooleanConditionEmu({ ...this.data.condition }))
      : null;
  }
  getRanges(): Range[] {
    return rangesOf(this.store, this.data.ranges);
  }
  setRanges(ranges: Range[]): Builder {
    this.data.ranges = ranges.map((range) => {
      const ref = internalOf<RangeRef>(
        range,
        "SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges",
      );
      return { spreadsheetId: ref.sheet.spreadsheet.id, sheetId: ref.sheet.id, ...ref.box };
    });
    return this.self();
  }
  setBackground(color: string | null): Builder {
    return this.format({ background: color });
  }
  setFontColor(color: string | null): Builder {
    return this.format({ fontColor: color });
  }
  setBold(bold: boolean | null): Builder {
    return this.format({ bold });
  }
  setItalic(italic: boolean | null): Builder {
    return this.format({ italic });
  }
  whenCellEmpty(): Builder {
    return this.when("CELL_EMPTY", []);
  }
  whenCellNotEmpty(): Builder {
    return this.when("CELL_NOT_EMPTY", []);
  }
  whenFormulaSatisfied(formula: string): Builder {
    return this.when("CUSTOM_FORMULA", [formula]);
  }
  whenNumberBetween(start: number, end: number): Builder {
    return this.when("NUMBER_BETWEEN", [start, end]);
  }
  whenNumberEqualTo(number: number): Builder {
    return this.when("NUMBER_EQUAL_TO", [number]);
  }
  whenNumberGreaterThan(number: number): Builder {
    return this.when("NUMBER_GREATER_THAN", [number]);
  }
  whenNumberGreaterThanOrEqualTo(number: number): Builder {
    return this.when("NUMBER_GREATER_THAN_OR_EQUAL_TO", [number]);
  }
  whenNumberLessThan(number: number): Builder {
    return this.when("NUMBER_LESS_THAN", [number]);
  }
  whenTextContains(text: string): Builder {
    return this.when("TEXT_CONTAINS", [text]);
  }
  whenTextEndsWith(text: string): Builder {
    return this.when("TEXT_ENDS_WITH", [text]);
  }
  whenTextEqualTo(text: string): Builder {
    return this.when("TEXT_EQUAL_TO", [text]);
  }
  whenTextStartsWith(text: string): Builder {
    return this.when("TEXT_STARTS_WITH", [text]);
  }
}
