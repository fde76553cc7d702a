// The shapes that cross google.script.run between the Import dialog and the server (issue 12).
// JSON-safe only: dates travel as text, column choices as plain objects keyed by column index.
import type { ServerResult } from "./result";

export type { ServerResult };

/** Where the rows come from: another tab, or a CSV file uploaded in parts (see importUploadCsv). */
export type ImportSource =
  | { readonly kind: "tab"; readonly tab: string }
  | {
      readonly kind: "csv";
      readonly fileName: string;
      readonly uploadId: string;
      /** How many parts importUploadCsv stored. */
      readonly parts: number;
    };

/** Contacts columns an import can fill, plus the two halves of a name (joined into Name). */
export const IMPORT_FIELDS = [
  "Name",
  "First Name",
  "Last Name",
  "Email",
  "Phone",
  "Company",
  "Owner",
  "Stage",
  "Tier",
  "Cadence",
  "Deal Value",
  "Topic",
  "Next Step",
  "Next Follow-Up",
  "Renewal Date",
  "Auto Email",
  "Paused",
  "Opted Out",
  "Created",
] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/** Where one source column goes. */
export type ColumnTarget =
  | { readonly kind: "field"; readonly field: ImportField }
  /** Its own Contacts column under `header` (usable as a merge tag). */
  | { readonly kind: "custom"; readonly header: string }
  | { readonly kind: "skip" };

export type DuplicateMode = "skip" | "update-empty";

export type {
  NumberStyle as NumberStyleName,
  DateOrder as DateOrderName,
} from "../domain/importValues";
import type {
  NumberStyle as NumberStyleName,
  DateOrder as DateOrderName,
} from "../domain/importValues";

/** The person's answers so far; anything absent takes the suggestion. */
export interface ImportChoices {
  readonly source: ImportSource;
  /** Source column index (as text) → target. */
  readonly columns?: Readonly<Record<string, ColumnTarget>>;
  /** Another tool's stage word (as shown in the preview) → one of our stages, or "" for blank. */
  readonly stages?: Readonly<Record<string, string>>;
  /** Another tool's tier word → one of our tiers, or "". */
  readonly tiers?: Readonly<Record<string, string>>;
  /** An owner's name as the file writes it → a team member's email ("" = leave blank). */
  readonly owners?: Readonly<Record<string, string>>;
  readonly numberStyle?: NumberStyleName;
  readonly dateOrder?: DateOrderName;
  readonly duplicates?: DuplicateMode;
}

export interface ImportColumnView {
  readonly index: number;
  /** "A", "B", … as in a spreadsheet. */
  readonly letter: string;
  readonly header: string;
  /** A few values from the top of the column. */
  readonly samples: readonly string[];
  readonly target: ColumnTarget;
  readonly suggested: ColumnTarget;
  /** Why the suggestion is what it is, when that needs saying ("empty in the file"). */
  readonly note: string;
}

export interface ImportWordView {
  /** The word as the file writes it. */
  readonly word: string;
  readonly rows: number;
  /** Our word it becomes ("" = blank). */
  readonly value: string;
  /** false when Touchbase had no suggestion (the person should choose). */
  readonly recognised: boolean;
}

export interface ImportOwnerView {
  readonly name: string;
  readonly rows: number;
  /** The team email it becomes ("" = left blank). */
  readonly email: string;
}

export interface ImportPreview {
  readonly sourceName: string;
  /** Data rows in the source (under the header, blank rows excluded). */
  readonly rowCount: number;
  readonly columns: readonly ImportColumnView[];
  readonly fields: readonly ImportField[];
  /** Touchbase's stages and tiers, for the value questions. */
  readonly stageChoices: readonly string[];
  readonly tierChoices: readonly string[];
  readonly stages: readonly ImportWordView[];
  readonly tiers: readonly ImportWordView[];
  readonly owners: readonly ImportOwnerView[];
  /** Emails the owner questions can pick from (Contacts' owners, managers, the user). */
  readonly team: readonly string[];
  readonly numberStyle: NumberStyleName;
  readonly dateOrder: DateOrderName;
  /** The spreadsheet's locale ("de_DE"), which numbers and dates are read in by default. */
  readonly locale: string;
  readonly duplicates: DuplicateMode;
  /** The first rows as they will land in Contacts: headers, then text cells. */
  readonly previewHeaders: readonly string[];
  readonly previewRows: readonly (readonly string[])[];
  readonly counts: ImportCounts;
  /** Rows that will not be imported, each with its reason (the first 200). */
  readonly skipped: readonly { readonly row: number; readonly reason: string }[];
  /** Problems that stop the import until the person fixes the mapping. */
  readonly errors: readonly string[];
  /** Things the person should know (ambiguous values, unknown words, rows skipped). */
  readonly warnings: readonly string[];
}

export interface ImportCounts {
  /** New contacts. */
  readonly imported: number;
  /** Existing contacts (same Email) whose empty cells get values. */
  readonly updated: number;
  readonly skipped: number;
}

export interface ImportOutcome {
  readonly counts: ImportCounts;
  /** What happened, in words, as the dialog and the Runs row tell it. */
  readonly summary: string;
}

export type ImportPreviewResult = ServerResult<ImportPreview>;
export type ImportOutcomeResult = ServerResult<ImportOutcome>;

/** What the dialog needs to start: the tabs it can import from, and the upload limits. */
export interface ImportStart {
  readonly tabs: readonly string[];
  readonly locale: string;
  /** Characters per stored part and parts per importUploadCsv call. */
  readonly partChars: number;
  readonly partsPerCall: number;
  readonly maxFileChars: number;
}
