// Plumbing shared by the emulated classes. Script code may hand our own objects back to us
// (rule.setRanges([range]), ui.showSidebar(output)) wrapped in the runtime's counting Proxy, so
// identity checks and JS private fields would fail: each object exposes its plain state under a
// symbol, read here without calling (and counting) any method.

export const INTERNAL: unique symbol = Symbol.for("touchbase.emulator.spreadsheet.internal");

export interface HasInternal<T> {
  readonly [INTERNAL]: T;
}

/** The plain state behind an emulated object, or a signature error like Apps Script's. */
export function internalOf<T>(value: unknown, method: string): T {
  const state =
    typeof value === "object" && value !== null
      ? (value as Partial<HasInternal<T>>)[INTERNAL]
      : undefined;
  if (state === undefined) {
    throw new Error(
      `The parameters (${describe(value)}) don't match the method signature for ${method}.`,
    );
  }
  return state;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "Array";
  if (typeof value === "object") return "Object";
  const type = typeof value;
  return type.charAt(0).toUpperCase() + type.slice(1);
}

/** Presents an emulated object with its Apps Script type (it implements the methods used). */
export function asGas<T>(value: object): T {
  return value as unknown as T;
}

/**
 * A null where @types/google-apps-script promise an object: Apps Script's lookups
 * (getActiveSpreadsheet in a time trigger, GmailApp.getThreadById of an unknown id,
 * Trigger.getTriggerSourceId of a time-driven trigger) do return null though typed non-null.
 */
export function platformNull<T>(): T {
  return null as unknown as T;
}
