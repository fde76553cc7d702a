// The emulator's spreadsheet services without the script runtime, for tests that call them (or
// src/sheets code) directly: a fixed stub host and a helper that makes one new spreadsheet.
import type { EmulatorHost } from "../../emulator/host";
import {
  createSpreadsheetServices,
  type SpreadsheetServices,
} from "../../emulator/spreadsheet/index";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type SpreadsheetApp = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

/** The user every stub-host execution runs as (and is at the keyboard). */
export const STUB_USER = "rep@example.com";

/**
 * A host for code called straight from a test: a FULL-auth script run as STUB_USER with no active
 * spreadsheet, a fixed clock and no project files. `overrides` replace any of those answers.
 */
export function stubHost(overrides: Partial<EmulatorHost> = {}): EmulatorHost {
  return {
    now: () => new Date("2026-11-21T14:00:00Z"),
    effectiveUser: () => STUB_USER,
    activeUser: () => STUB_USER,
    activeSpreadsheetId: () => null,
    authMode: () => "FULL",
    executionKind: () => "script",
    triggerUid: () => null,
    projectFile: () => undefined,
    scriptTimeZone: () => "America/New_York",
    ...overrides,
  };
}

export interface EmulatedSpreadsheetOptions {
  /** Answers that differ from stubHost's defaults. */
  readonly host?: Partial<EmulatorHost>;
  /** Default "Pipeline". */
  readonly name?: string;
  /** The spreadsheet's own time zone; default America/New_York. */
  readonly timeZone?: string;
  /** Default: no owner. */
  readonly owner?: string;
  /** Default: a generated id. */
  readonly id?: string;
}

export interface EmulatedSpreadsheet {
  readonly services: SpreadsheetServices;
  readonly app: SpreadsheetApp;
  /** The new spreadsheet (one "Sheet1" tab), opened by id through `app`. */
  readonly spreadsheet: Spreadsheet;
}

/** Fresh spreadsheet services on a stub host, holding one new spreadsheet. */
export function newEmulatedSpreadsheet(
  options: EmulatedSpreadsheetOptions = {},
): EmulatedSpreadsheet {
  const services = createSpreadsheetServices(stubHost(options.host));
  const created = services.store.create(options.name ?? "Pipeline", {
    timeZone: options.timeZone ?? "America/New_York",
    owner: options.owner,
    id: options.id,
  });
  const app = services.SpreadsheetApp as unknown as SpreadsheetApp;
  return { services, app, spreadsheet: app.openById(created.getId()) };
}
