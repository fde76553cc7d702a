// The sidebar's server functions and the shapes they exchange (DESIGN §6). JSON-safe only: dates
// are ISO strings ("2026-11-24" for a calendar date, an ISO instant for a moment), never Dates.
// The sidebar imports these types (import type) and nothing else from src/.
import type { IsoInstant, ServerResult } from "./result";

/** A calendar date in the sheet's time zone, "2026-11-24". */
export type IsoDate = string;

/**
 * Where the sidebar saw a contact. The server re-checks that the row still holds this ID and
 * Name before writing (the sheet may have been re-sorted or the row deleted meanwhile).
 */
export interface ContactRef {
  readonly id: string;
  readonly name: string;
  /** Sheet row the contact was on when the sidebar read it (a hint; the ID decides). */
  readonly row: number;
}

export interface TouchLine {
  readonly timestamp: IsoInstant;
  readonly channel: string;
  readonly direction: string;
  readonly outcome: string;
  readonly notes: string;
  readonly loggedBy: string;
}

export interface ContactCard {
  readonly ref: ContactRef;
  readonly email: string;
  readonly phone: string;
  readonly company: string;
  readonly owner: string;
  readonly stage: string;
  readonly tier: string;
  readonly nextStep: string;
  /** The next meeting with the contact on the user's calendar ("2026-11-24 14:00"); "" = none. */
  readonly nextMeeting: string;
  readonly status: string;
  /** The Due as the sheet shows it ("2026-11-24", or "2026-11-24 13:00" when timed); "" = none. */
  readonly due: string;
  readonly step: string;
  readonly problem: string;
  readonly paused: boolean;
  readonly optedOut: boolean;
  /** The stage is Won or Lost: a Next Follow-Up is optional. */
  readonly closed: boolean;
  /** The date the cadence would set if a touch were logged now without a date (the chip). */
  readonly cadenceDate: IsoDate;
  /** The contact's last five touches, newest first. */
  readonly lastTouches: readonly TouchLine[];
}

export interface ContactHit {
  readonly ref: ContactRef;
  readonly company: string;
  readonly email: string;
  readonly owner: string;
  readonly status: string;
  readonly due: string;
}

export interface SearchResult {
  readonly hits: readonly ContactHit[];
  /** More contacts matched than were returned: the person should type more. */
  readonly more: boolean;
}

export interface MyDayItem extends ContactHit {
  readonly nextStep: string;
}

export interface LastRun {
  readonly started: IsoInstant;
  readonly trigger: string;
  /** One line: "42 contacts, 3 due, 1 overdue" or the run's error. */
  readonly summary: string;
  readonly error: string;
}

export interface AutomationState {
  readonly on: boolean;
  readonly message: string;
  readonly lastRun: LastRun | null;
}

/** Everything the sidebar needs to start: who, the sheet's words, and where the person is. */
export interface SidebarContext {
  readonly user: string;
  /** Today in the sheet's time zone. */
  readonly today: IsoDate;
  readonly zone: string;
  readonly skipWeekends: boolean;
  readonly stages: readonly string[];
  readonly tiers: readonly string[];
  readonly channels: readonly string[];
  readonly outcomesByChannel: Readonly<Record<string, readonly string[]>>;
  /** Owners found on Contacts, plus the user: choices for Reassign and Cover. */
  readonly owners: readonly string[];
  /** The contact of the selected row (Contacts or Touches tab), else null. */
  readonly selected: ContactRef | null;
  readonly automation: AutomationState;
}

/** Every write request carries an id made once per submission: a repeat is not logged twice. */
export interface Submission {
  readonly requestId: string;
}

export interface LogTouchRequest extends Submission {
  readonly contact: ContactRef;
  readonly channel: string;
  readonly outcome: string;
  readonly notes: string;
  readonly nextStep: string;
  /** "" only when the deal is closed (Won/Lost). */
  readonly nextFollowUp: IsoDate;
  /** A new stage, or "" to keep the current one. */
  readonly stage: string;
}

export interface SnoozeRequest extends Submission {
  readonly contact: ContactRef;
  readonly days: number;
}

export interface ReassignRequest extends Submission {
  readonly contact: ContactRef;
  readonly newOwner: string;
  readonly note: string;
  /** Also create a Gmail draft introducing the new owner to the contact. */
  readonly introDraft: boolean;
}

export interface CoverRequest extends Submission {
  readonly absentOwner: string;
  readonly coveringOwner: string;
  readonly from: IsoDate;
  readonly to: IsoDate;
  readonly note: string;
}

export interface ActionResult {
  readonly message: string;
  readonly card: ContactCard;
}

export interface CoverResult {
  readonly message: string;
  readonly moved: number;
}

/** Email from template: the merge preview for one contact. */
export interface TemplatePreviewRequest {
  readonly contact: ContactRef;
  readonly template: string;
}

export interface TemplatePreview {
  readonly templates: readonly string[];
  readonly template: string;
  readonly to: string;
  readonly subject: string;
  readonly body: string;
  /** Merge tags with no value and no fallback: the email cannot go until they are filled. */
  readonly missing: readonly string[];
  /** Why this contact may not be emailed (Opted Out, Paused, no valid Email); "" = allowed. */
  readonly blocked: string;
}

export interface SendEmailRequest extends Submission {
  readonly contact: ContactRef;
  readonly template: string;
  readonly subject: string;
  readonly body: string;
  readonly mode: "draft" | "send";
}

/**
 * The server functions google.script.run may call (src/main.ts names them), each one round trip.
 * Arguments and results as the sidebar sees them.
 */
export interface SidebarApi {
  sidebarContext(): ServerResult<SidebarContext>;
  sidebarSearch(query: string): ServerResult<SearchResult>;
  sidebarContact(ref: ContactRef): ServerResult<ContactCard>;
  sidebarMyDay(): ServerResult<readonly MyDayItem[]>;
  sidebarLogTouch(request: LogTouchRequest): ServerResult<ActionResult>;
  sidebarSnooze(request: SnoozeRequest): ServerResult<ActionResult>;
  sidebarReassign(request: ReassignRequest): ServerResult<ActionResult>;
  sidebarCover(request: CoverRequest): ServerResult<CoverResult>;
  sidebarSetAutomation(on: boolean): ServerResult<AutomationState>;
  sidebarTemplatePreview(request: TemplatePreviewRequest): ServerResult<TemplatePreview>;
  sidebarSendEmail(request: SendEmailRequest): ServerResult<ActionResult>;
}

export type SidebarFunction = keyof SidebarApi;
