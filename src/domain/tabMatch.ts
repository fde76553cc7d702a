// Recognising a Touchbase tab by its headers when its name changed (DESIGN §1: setup "adds missing
// tabs … without ever deleting or moving user data"): a renamed Contacts tab must be found, not
// replaced by an empty one.
import { normalizeKey } from "./cells";
import { TAB, type TableSpec } from "./schema";

/**
 * How many of the spec's headers a header row holds, or 0 when it lacks a required one or holds
 * fewer than half of them: ID and Name alone are any list of people, not Touchbase's Contacts.
 */
export function headerMatchScore(headers: readonly unknown[], spec: TableSpec): number {
  const keys = new Set(headers.map(normalizeKey));
  const matched = spec.columns.filter((c) => keys.has(normalizeKey(c.header)));
  const required = spec.columns.filter((c) => c.required);
  if (!required.every((c) => keys.has(normalizeKey(c.header)))) return 0;
  return matched.length * 2 >= spec.columns.length ? matched.length : 0;
}

const TOUCHBASE_TAB_KEYS: ReadonlySet<string> = new Set(Object.values(TAB).map(normalizeKey));

/** True for a tab named like one of Touchbase's (any case): never taken for another one. */
export function isTouchbaseTabName(name: string): boolean {
  return TOUCHBASE_TAB_KEYS.has(normalizeKey(name));
}
