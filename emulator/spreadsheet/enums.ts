// The SpreadsheetApp, Base (Ui) and Charts enums the emulated spreadsheet offers (gasEnum:
// members are their own names, as in Apps Script).
import { gasEnum } from "../enums";

type GS = typeof GoogleAppsScript.Spreadsheet;

export const ProtectionType = gasEnum<GS["ProtectionType"]>(["RANGE", "SHEET"]);

export const BooleanCriteria = gasEnum<GS["BooleanCriteria"]>([
  "CELL_EMPTY",
  "CELL_NOT_EMPTY",
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_EQUAL_TO",
  "DATE_AFTER_RELATIVE",
  "DATE_BEFORE_RELATIVE",
  "DATE_EQUAL_TO_RELATIVE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_STARTS_WITH",
  "TEXT_ENDS_WITH",
  "CUSTOM_FORMULA",
]);

export const DataValidationCriteria = gasEnum<GS["DataValidationCriteria"]>([
  "DATE_AFTER",
  "DATE_BEFORE",
  "DATE_BETWEEN",
  "DATE_EQUAL_TO",
  "DATE_IS_VALID_DATE",
  "DATE_NOT_BETWEEN",
  "DATE_ON_OR_AFTER",
  "DATE_ON_OR_BEFORE",
  "NUMBER_BETWEEN",
  "NUMBER_EQUAL_TO",
  "NUMBER_GREATER_THAN",
  "NUMBER_GREATER_THAN_OR_EQUAL_TO",
  "NUMBER_LESS_THAN",
  "NUMBER_LESS_THAN_OR_EQUAL_TO",
  "NUMBER_NOT_BETWEEN",
  "NUMBER_NOT_EQUAL_TO",
  "TEXT_CONTAINS",
  "TEXT_DOES_NOT_CONTAIN",
  "TEXT_EQUAL_TO",
  "TEXT_IS_VALID_EMAIL",
  "TEXT_IS_VALID_URL",
  "VALUE_IN_LIST",
  "VALUE_IN_RANGE",
  "CUSTOM_FORMULA",
  "CHECKBOX",
]);

export const WrapStrategy = gasEnum<GS["WrapStrategy"]>(["WRAP", "OVERFLOW", "CLIP"]);

export const Dimension = gasEnum<GS["Dimension"]>(["COLUMNS", "ROWS"]);

type GBase = typeof GoogleAppsScript.Base;

export const Button = gasEnum<GBase["Button"]>(["CLOSE", "OK", "CANCEL", "YES", "NO"]);
export const ButtonSet = gasEnum<GBase["ButtonSet"]>([
  "OK",
  "OK_CANCEL",
  "YES_NO",
  "YES_NO_CANCEL",
]);

type GCharts = typeof GoogleAppsScript.Charts;

export const ChartType = gasEnum<GCharts["ChartType"]>([
  "TIMELINE",
  "AREA",
  "BAR",
  "BUBBLE",
  "CANDLESTICK",
  "COLUMN",
  "COMBO",
  "GAUGE",
  "GEO",
  "HISTOGRAM",
  "RADAR",
  "LINE",
  "ORG",
  "PIE",
  "SCATTER",
  "SPARKLINE",
  "STEPPED_AREA",
  "TABLE",
  "TREEMAP",
  "WATERFALL",
]);
