// The contract between the emulator's runtime (clock, users, executions, call counting) and the
// service implementations. Services receive an EmulatorHost and ask it for "now", the user, the
// active spreadsheet and project files; they never keep their own clock.

/** Apps Script's ScriptApp.AuthMode names. */
export type AuthModeName = "NONE" | "CUSTOM_FUNCTION" | "LIMITED" | "FULL";

/** What started an execution; decides what is "active" and what the services allow. */
export type ExecutionKind =
  | "simple" // onOpen / onEdit simple trigger
  | "menu" // a menu item click (FULL, active spreadsheet)
  | "sidebar" // google.script.run from the sidebar (FULL, active spreadsheet)
  | "trigger" // installable time-driven trigger: no active spreadsheet, no document lock
  | "script"; // direct call from a test

export interface EmulatorHost {
  /** The emulated wall clock (includes the simulated time spent by the current execution). */
  now(): Date;
  /** Email of the user the code runs as. */
  effectiveUser(): string;
  /** Email of the user at the keyboard ("" in a trigger of another user's, as in Apps Script). */
  activeUser(): string;
  /** Id of the spreadsheet the script is bound to in this execution; null in add-on time triggers. */
  activeSpreadsheetId(): string | null;
  authMode(): AuthModeName;
  executionKind(): ExecutionKind;
  /** The uid of the trigger that started this execution, if any. */
  triggerUid(): string | null;
  /** Project files by name without extension (e.g. "Sidebar" → dist/Sidebar.html). */
  projectFile(name: string): string | undefined;
  /** The script project's time zone (appsscript.json). */
  scriptTimeZone(): string;
}

/**
 * Every object the emulator hands to script code carries its Apps Script class name under this
 * symbol, so the runtime can count and cost its method calls ("Range.getValues").
 */
export const SERVICE_NAME: unique symbol = Symbol.for("touchbase.emulator.serviceName");

export interface Emulated {
  readonly [SERVICE_NAME]: string;
}

/**
 * Objects of one document (Spreadsheet, Sheet, Range) carry it under this symbol, so the runtime
 * can check the running user's access on every call (emu.access).
 */
export const DOCUMENT: unique symbol = Symbol.for("touchbase.emulator.document");

export interface DocumentAccessRecord {
  readonly id: string;
  /** Normalized email → "viewer" (reads only) or "none" (cannot open); others can edit. */
  readonly reducedAccess: ReadonlyMap<string, "viewer" | "none">;
}

export function documentOf(value: unknown): DocumentAccessRecord | undefined {
  return typeof value === "object" && value !== null
    ? (value as { [DOCUMENT]?: DocumentAccessRecord })[DOCUMENT]
    : undefined;
}

export function isEmulated(value: unknown): value is Emulated {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as Partial<Emulated>)[SERVICE_NAME] === "string"
  );
}
