// The per-contact summary of touches moved to the archive spreadsheet ("Archive old touches"):
// one Internal touch per contact in Touches, Outcome "Archived", whose Notes carry the counts the
// engine still needs (DESIGN §2: Touches and Attempts count every touch, archived or not).
import { cellText, type Cell } from "./cells";
import { formatCount } from "./limits";

/** What the engine adds for a contact's archived touches. */
export interface ArchivedCounts {
  /** Outbound + inbound touches that happened (the Contacts "Touches" count). */
  readonly touches: number;
  /** Outbound touches that happened (Attempts, when no reply is left in Touches). */
  readonly outbound: number;
}

export const NO_ARCHIVED: ArchivedCounts = { touches: 0, outbound: 0 };

/** The outcome word of a summary row (added to the schema's outcomes). */
export const ARCHIVED_OUTCOME = "Archived";

const NOTE = /^\s*Archived:\s*([\d,]+)\s+touch(?:es)?,\s*([\d,]+)\s+outbound/i;

/**
 * "Archived: 1,204 touches, 310 outbound — 3 Mar 2023 to 28 Nov 2024, in “Touchbase archive —
 * Acme”." The counts lead, so a person can read and even correct them; the rest is for people.
 */
export function archivedNote(counts: ArchivedCounts, period: string, archiveName: string): string {
  return (
    `${ARCHIVED_OUTCOME}: ${formatCount(counts.touches)} ${counts.touches === 1 ? "touch" : "touches"}, ` +
    `${formatCount(counts.outbound)} outbound — ${period}, in “${archiveName}”.`
  );
}

/** The counts of a summary row's Notes; null when the row is not one (or its counts are unreadable). */
export function parseArchivedNote(outcome: string, notes: Cell): ArchivedCounts | null {
  if (outcome !== ARCHIVED_OUTCOME) return null;
  const match = NOTE.exec(cellText(notes));
  if (!match) return null;
  const count = (text: string) => Number(text.replace(/,/g, ""));
  return { touches: count(match[1]!), outbound: count(match[2]!) };
}

/** The archived counts of a contact's touches (their summary rows added up). */
export function archivedTotals(
  touches: readonly { readonly archived?: ArchivedCounts | null }[],
): ArchivedCounts {
  let total = NO_ARCHIVED;
  for (const touch of touches) {
    if (!touch.archived) continue;
    total = {
      touches: total.touches + touch.archived.touches,
      outbound: total.outbound + touch.archived.outbound,
    };
  }
  return total;
}
