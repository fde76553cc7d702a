// One contact's touch history as the sidebar last read it (DESIGN §6), kept between sidebar calls
// so a Log touch right after opening the card need not search the whole Touches log again. It is
// trusted only while the log above its last row is as it was (same header, the same row last): then
// the rows appended since are all that can be new. Rows edited in place since are not seen; they
// only change the contact's computed cells, which the next run recomputes from the whole log.
import { cellText, type Cell } from "./cells";
import { MAX_CACHE_VALUE_BYTES, utf8Bytes } from "./limits";

/** The log's last row when a history was read: rows after it were appended since. */
export interface LogEnd {
  readonly lastRow: number;
  /**
   * The Contact IDs (lower-case) of the rows ending at `lastRow`, at most END_ROWS of them:
   * a deletion, an insertion above or a sort shifts them.
   */
  readonly contactIds: readonly string[];
}

/** How many rows at the log's end identify where it ended. */
export const END_ROWS = 20;

export interface TouchSnapshot {
  /** The contact's ID, lower-case (IDs match in any case). */
  readonly contactId: string;
  /** The Touches header row as it was read. */
  readonly headers: readonly string[];
  readonly end: LogEnd;
  /** The contact's touch rows, in sheet order. */
  readonly rows: readonly (readonly Cell[])[];
}

const KEY_PREFIX = "tb.sidebar.touches.";
/** Cache keys are at most 250 characters; an ID longer than fits is not kept. */
const MAX_KEY_CHARS = 250;

/** The cache key of a contact's snapshot, or null when the ID is too long to be a key. */
export function snapshotKey(contactId: string): string | null {
  const key = KEY_PREFIX + contactId.trim().toLowerCase();
  return key.length <= MAX_KEY_CHARS ? key : null;
}

// Dates do not survive JSON; they travel as {"d": epoch ms}.
type Encoded = string | number | boolean | { d: number };

const encodeCell = (cell: Cell): Encoded => (cell instanceof Date ? { d: cell.getTime() } : cell);

function decodeCell(value: unknown): Cell | undefined {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
    return value;
  }
  if (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { d: unknown }).d === "number"
  ) {
    return new Date((value as { d: number }).d);
  }
  return undefined;
}

function decodeRow(value: unknown): Cell[] | null {
  if (!Array.isArray(value)) return null;
  const cells = value.map(decodeCell);
  return cells.every((cell) => cell !== undefined) ? (cells as Cell[]) : null;
}

/** The snapshot as a cache value, or null when it is too long to keep. */
export function encodeSnapshot(snapshot: TouchSnapshot): string | null {
  const text = JSON.stringify({
    ...snapshot,
    rows: snapshot.rows.map((row) => row.map(encodeCell)),
  });
  // A larger history is not kept: the next action searches the log instead.
  return utf8Bytes(text) <= MAX_CACHE_VALUE_BYTES ? text : null;
}

/** A cache value read back; null for anything that is not a whole snapshot of `contactId`. */
export function decodeSnapshot(text: string | null, contactId: string): TouchSnapshot | null {
  if (!text) return null;
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return null;
  }
  const { headers, end } = parsed as { headers: unknown; end: Partial<LogEnd> | null };
  const rows = Array.isArray(parsed.rows) ? parsed.rows.map(decodeRow) : null;
  const valid =
    parsed.contactId === contactId.trim().toLowerCase() &&
    Array.isArray(headers) &&
    headers.every((header) => typeof header === "string") &&
    typeof end === "object" &&
    end !== null &&
    Number.isInteger(end.lastRow) &&
    (end.lastRow ?? 0) >= 1 &&
    Array.isArray(end.contactIds) &&
    end.contactIds.every((id) => typeof id === "string") &&
    rows !== null &&
    rows.every((row) => row !== null);
  if (!valid) return null;
  return {
    contactId: parsed.contactId as string,
    headers: headers as string[],
    end: end as LogEnd,
    rows: rows as Cell[][],
  };
}

/**
 * Whether the snapshot still describes the log: the header unchanged, and the rows it ended on
 * still there (`end`: those rows as read now). A deletion or an insertion above, or a sort, moves
 * them, and the whole log is read again instead.
 */
export function snapshotHolds(
  snapshot: TouchSnapshot,
  headers: readonly string[],
  lastRow: number,
  end: LogEnd,
): boolean {
  if (lastRow < snapshot.end.lastRow || end.lastRow !== snapshot.end.lastRow) return false;
  if (headers.length !== snapshot.headers.length) return false;
  if (!headers.every((header, i) => header === snapshot.headers[i])) return false;
  const ids = snapshot.end.contactIds;
  return end.contactIds.length === ids.length && end.contactIds.every((id, i) => id === ids[i]);
}

/** The end of a log whose last rows (up to `lastRow`) have these Contact ID cells. */
export function logEnd(lastRow: number, contactIdCells: readonly Cell[]): LogEnd {
  const rows = Math.min(END_ROWS, Math.max(0, lastRow - 1), contactIdCells.length);
  return {
    lastRow,
    contactIds: contactIdCells
      .slice(contactIdCells.length - rows)
      .map((cell) => cellText(cell).toLowerCase()),
  };
}
