// The spreadsheet side of the emulator: SpreadsheetApp (+ Ui) over an in-memory store, with the
// HtmlService its sidebars and dialogs show (emulator/html). The runtime wraps every returned object carrying [SERVICE_NAME] in its counting Proxy.
import type { EmulatorHost } from "../host";
import { ChartType } from "./enums";
import { HtmlServiceEmu } from "../html/htmlService";
import { SpreadsheetAppEmu } from "./spreadsheetApp";
import { SpreadsheetStore, type StoreOptions } from "./store";

export { SpreadsheetAppEmu } from "./spreadsheetApp";
export { HtmlServiceEmu, HtmlOutputEmu, HtmlTemplateEmu } from "../html/htmlService";
export { SpreadsheetEmu } from "./spreadsheet";
export { SheetEmu } from "./sheet";
export { RangeEmu } from "./range";
export { SpreadsheetStore, UiState } from "./store";
export type {
  AlertRecord,
  DialogRecord,
  MenuEntry,
  MenuRecord,
  SidebarRecord,
  StoreOptions,
  ToastRecord,
} from "./store";
export { MAX_CELLS, SheetData, SpreadsheetData } from "./model";
export type { SpreadsheetOptions } from "./model";

/** The `Charts` global's enums that sheet charts need (Charts.ChartType.COLUMN …). */
export interface ChartsEmu {
  ChartType: typeof ChartType;
}

export interface SpreadsheetServices {
  SpreadsheetApp: SpreadsheetAppEmu;
  HtmlService: HtmlServiceEmu;
  Charts: ChartsEmu;
  store: SpreadsheetStore;
}

export function createSpreadsheetServices(
  host: EmulatorHost,
  options: StoreOptions = {},
): SpreadsheetServices {
  const store = new SpreadsheetStore(host, options);
  return {
    SpreadsheetApp: new SpreadsheetAppEmu(store),
    HtmlService: new HtmlServiceEmu(host),
    Charts: { ChartType },
    store,
  };
}
