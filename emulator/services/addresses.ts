// Email address lists as Apps Script takes them: "a@x.com, Bea <b@y.com>".
import { serviceError } from "../errors";

const ADDRESS = /^[^\s@<>,;"]+@[^\s@<>,;"]+\.[^\s@<>,;"]+$/;

/** The bare, lower-cased address of "Name <addr>" or "addr". */
export function bareAddress(entry: string): string {
  const match = /<([^>]*)>/.exec(entry);
  return (match ? (match[1] ?? "") : entry).trim().toLowerCase();
}

/** Splits a comma-separated list; blank entries are dropped. */
export function splitAddresses(list: string | undefined | null): string[] {
  if (!list) return [];
  return String(list)
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

/** Throws "Invalid email: x" for the first malformed address. */
export function validateAddresses(entries: readonly string[]): void {
  for (const entry of entries) {
    if (!ADDRESS.test(bareAddress(entry))) throw serviceError(`Invalid email: ${entry}`);
  }
}

export function formatSender(name: string | undefined, address: string): string {
  return name ? `${name} <${address}>` : address;
}
