// Typed records the domain works on. Parsers build them from Table rows (plain cells); the
// engine turns them into results; adapters write the results back.
import type { Channel, Delivery, Direction, Source, Stage, Status, Tier } from "./schema";
import { type Cell } from "./cells";
import type { ArchivedCounts } from "./archivedTouches";

/** A date that may or may not carry a time of day (date-only cells are local midnight). */
export interface When {
  readonly at: Date;
  /** false = a calendar date (due any time that day); true = due at this instant. */
  readonly hasTime: boolean;
}

export interface Contact {
  /** Sheet row number (1-based, header is row 1). */
  readonly rowNumber: number;
  /** "" when blank (refresh assigns one). */
  readonly id: string;
  readonly name: string;
  /** Lower-cased and trimmed. */
  readonly email: string;
  readonly company: string;
  /** Lower-cased owner email; "" = unowned. */
  readonly owner: string;
  readonly stage: Stage | null;
  readonly tier: Tier | null;
  /** Explicit Cadence cell, trimmed ("" = chosen by rules). */
  readonly cadenceName: string;
  readonly dealValue: number | null;
  readonly topic: string;
  readonly nextStep: string;
  readonly nextFollowUp: When | null;
  readonly renewalDate: Date | null;
  readonly autoEmail: boolean;
  readonly paused: boolean;
  readonly optedOut: boolean;
  readonly created: Date | null;
  /** State kept from the previous refresh. */
  readonly previousCadenceStart: Date | null;
  readonly previousStep: string;
  /** Normalized header → raw cell, for merge tags over any user column. */
  readonly cells: ReadonlyMap<string, Cell>;
  /** Problems found while parsing this row (bad date, unknown stage…). */
  readonly problems: readonly string[];
}

export interface Touch {
  readonly rowNumber: number;
  readonly touchId: string;
  readonly timestamp: Date;
  /** Resolved contact id ("" when it could not be resolved). */
  readonly contactId: string;
  readonly contactName: string;
  readonly channel: Channel | null;
  /** null: an unknown word (a Problem names it), read as neither an attempt nor a reply. */
  readonly direction: Direction | null;
  readonly outcome: string;
  readonly template: string;
  readonly step: string;
  readonly stage: Stage | null;
  readonly notes: string;
  readonly nextStep: string;
  readonly nextFollowUp: When | null;
  readonly loggedBy: string;
  readonly source: Source | null;
  readonly threadId: string;
  readonly delivery: Delivery | null;
  /** An "Archived" summary row: the counts of this contact's touches in the archive. */
  readonly archived?: ArchivedCounts | null;
}

export interface CadenceStep {
  /** 1-based position within its cadence. */
  readonly step: number;
  /** Days after Cadence Start (0 = the start day). */
  readonly day: number;
  readonly channel: Channel | null;
  readonly template: string;
  readonly autoSend: boolean;
  /** Days between repeats of this (last) step; null = no repeat. */
  readonly repeatEvery: number | null;
  readonly note: string;
}

export type AppliesTo =
  | { readonly kind: "stage"; readonly stage: Stage }
  | { readonly kind: "tier"; readonly tier: Tier }
  | { readonly kind: "any" }
  /** Only chosen by an explicit Cadence cell. */
  | { readonly kind: "none" };

export interface Cadence {
  readonly name: string;
  readonly appliesTo: AppliesTo;
  /** Sorted by step number. */
  readonly steps: readonly CadenceStep[];
}

/** The next automated/cadence step a contact is due, for the email sender. */
export interface DueStep {
  readonly cadence: string;
  readonly step: CadenceStep;
  /** Occurrence of a repeating step (0 for the first). */
  readonly repeat: number;
  /** Idempotency key: contact, cadence, step, start (DESIGN §4). */
  readonly key: string;
}

export interface ContactResult {
  readonly status: Status;
  readonly due: When | null;
  readonly lastTouch: Date | null;
  readonly daysSinceTouch: number | null;
  /** Outbound + inbound touches (internal notes excluded). */
  readonly touches: number;
  readonly attempts: number;
  /** e.g. "3/8 Hot lead", "Nurture every 90 days (after Hot lead)"; "" without cadence. */
  readonly step: string;
  readonly lastOutcome: string;
  readonly cadenceStart: Date | null;
  /** Problems joined with "; " ("" when none). */
  readonly problem: string;
  /** The cadence in force ("" when none). */
  readonly cadence: string;
  /** The cadence step due next, if the contact is on a cadence step. */
  readonly dueStep: DueStep | null;
  /** Hot → Warm decay to write to Tier (rule 10), when Auto-adjust tier is Yes. */
  readonly tierChange: Tier | null;
  /** Open deal with no touch for Stale after days (rule 11). */
  readonly stale: boolean;
  /** An inbound touch after the last outbound one (rule 5). */
  readonly awaitingReply: boolean;
  /** The start of the contact's next meeting still standing (today or later), if any. */
  readonly nextMeeting?: Date | null;
}

/** A contact and what the engine computed for it: the unit the digest, preview and sidebar read. */
export interface ContactRow {
  readonly contact: Contact;
  readonly result: ContactResult;
}
