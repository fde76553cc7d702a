// Contact and Touch IDs (DESIGN §1: "stable id, filled in when blank, unique"). IDs are compared
// as text, never through Number (a 20-digit ID would round, a 400-digit one become Infinity), and
// new ones continue a high-water mark over every ID still in the workbook — a deleted contact's ID
// still named by its touches is never handed to a new lead.
import { cellText, isBlankCell, type Cell } from "./cells";

export interface IdFormat {
  readonly prefix: string;
  /** Digits shown at least (zero-padded): C-000123. */
  readonly width: number;
  /** The column the IDs live in, for problems. */
  readonly header: string;
}

export const CONTACT_ID: IdFormat = { prefix: "C-", width: 6, header: "ID" };
export const TOUCH_ID: IdFormat = { prefix: "T-", width: 7, header: "Touch ID" };

/** More digits than a workbook could ever number: such an ID was typed or pasted, not counted. */
export const MAX_ID_DIGITS = 12;
/** Longer than any ID a person types on purpose (a paste gone wrong). */
export const MAX_ID_LENGTH = 40;

/** The ID's number as digits without leading zeros, or null when it is not one of ours. */
export function idDigits(id: string, format: IdFormat): string | null {
  const text = id.trim();
  if (text.slice(0, format.prefix.length).toUpperCase() !== format.prefix) return null;
  const digits = text.slice(format.prefix.length);
  if (!/^\d+$/.test(digits) || digits.length > MAX_ID_DIGITS) return null;
  return digits.replace(/^0+(?=\d)/, "");
}

/** Orders two digit strings without leading zeros, as numbers of any size. */
export function compareDigits(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The digit string one above `digits` ("999" → "1000"). */
export function incrementDigits(digits: string): string {
  const out = digits.split("");
  for (let i = out.length - 1; i >= 0; i--) {
    if (out[i] !== "9") {
      out[i] = String(Number(out[i]) + 1);
      return out.join("");
    }
    out[i] = "0";
  }
  return `1${out.join("")}`;
}

export function formatId(digits: string, format: IdFormat): string {
  return `${format.prefix}${digits.padStart(format.width, "0")}`;
}

/** The ID if it is unusual — our prefix but not our shape, or absurdly long — else null. */
export function isUnusualId(id: string, format: IdFormat): boolean {
  const text = id.trim();
  if (text === "") return false;
  if (text.length > MAX_ID_LENGTH) return true;
  const ours = text.slice(0, format.prefix.length).toUpperCase() === format.prefix;
  return ours && idDigits(text, format) === null;
}

/** Names an unusual ID in a Problem, quoting at most MAX_ID_LENGTH characters of it. */
export function unusualIdProblem(id: string, format: IdFormat): string {
  const text = id.trim();
  const quoted = text.length > MAX_ID_LENGTH ? `${text.slice(0, MAX_ID_LENGTH)}…` : text;
  return (
    `${format.header} "${quoted}" is not a Touchbase ID (${format.prefix} and at most ` +
    `${MAX_ID_DIGITS} digits): new IDs do not count from it`
  );
}

/**
 * Hands out new IDs above every ID in `seen` (cells of any kind; unusual and foreign IDs are
 * skipped). The same cells give the same IDs, so a retry after a crash assigns the same ones.
 */
export function idAllocator(format: IdFormat, seen: Iterable<Cell>): () => string {
  let highest = highestDigits(format, seen);
  return () => {
    highest = incrementDigits(highest);
    return formatId(highest, format);
  };
}

/** The digits of the highest of our IDs in `seen` ("0" when none). */
export function highestDigits(format: IdFormat, seen: Iterable<Cell>): string {
  let highest = "0";
  for (const cell of seen) {
    if (isBlankCell(cell)) continue;
    const digits = idDigits(cellText(cell), format);
    if (digits !== null && compareDigits(digits, highest) > 0) highest = digits;
  }
  return highest;
}

/** The ID `steps` above the digits `highest` (steps 1 = the next one). */
export function idAfter(highest: string, steps: number, format: IdFormat): string {
  let digits = highest;
  for (let i = 0; i < steps; i++) digits = incrementDigits(digits);
  return formatId(digits, format);
}
