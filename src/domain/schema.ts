// The user-facing schema (DESIGN §1): tab names, headers and the words cells may hold.
// These strings are the product contract; add new ones, never rename.

export const TAB = {
  contacts: "Contacts",
  touches: "Touches",
  templates: "Templates",
  cadences: "Cadences",
  settings: "Settings",
  metrics: "Metrics",
  runs: "Runs",
} as const;
export type TabName = (typeof TAB)[keyof typeof TAB];

export const STAGES = [
  "New Lead",
  "Qualified",
  "Meeting Completed",
  "Proposal Sent",
  "Negotiation",
  "Won",
  "Lost",
  "Nurture",
] as const;
export type Stage = (typeof STAGES)[number];
/** Stages whose deal is no longer open (rule 11: stale deals are open ones). */
export const CLOSED_STAGES: readonly Stage[] = ["Won", "Lost", "Nurture"];

export const TIERS = ["Hot", "Warm", "Cold", "Dead"] as const;
export type Tier = (typeof TIERS)[number];
/** Letter grades people already use for tiers. */
export const TIER_ALIASES: Readonly<Record<string, Tier>> = { A: "Hot", B: "Warm", C: "Cold" };

export const CHANNELS = ["Email", "Call", "Meeting", "SMS", "LinkedIn", "Letter", "Note"] as const;
export type Channel = (typeof CHANNELS)[number];

export const DIRECTIONS = ["Outbound", "Inbound", "Internal"] as const;
export type Direction = (typeof DIRECTIONS)[number];

/** Outcomes per channel, as the common CRMs name them. */
export const OUTCOMES_BY_CHANNEL: Readonly<Record<Channel, readonly string[]>> = {
  Call: ["Connected", "No Answer", "Left Voicemail", "Busy", "Wrong Number"],
  Meeting: ["Scheduled", "Completed", "Rescheduled", "No Show", "Canceled"],
  Email: ["Sent", "Replied", "Bounced", "Auto-reply", "Unsubscribed"],
  SMS: ["Sent", "Replied"],
  LinkedIn: ["Sent", "Replied", "Connected"],
  Letter: ["Sent"],
  Note: ["Note", "Stage Changed", "Tier Changed", "Handoff", "Archived"],
};
export const OUTCOMES = [
  "Connected",
  "No Answer",
  "Left Voicemail",
  "Busy",
  "Wrong Number",
  "Scheduled",
  "Completed",
  "Rescheduled",
  "No Show",
  "Canceled",
  "Sent",
  "Replied",
  "Bounced",
  "Auto-reply",
  "Unsubscribed",
  "Stage Changed",
  "Tier Changed",
  "Handoff",
  "Note",
  // The per-contact summary of touches moved to the archive ("Archive old touches").
  "Archived",
] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const SOURCES = ["Sidebar", "Automation", "Gmail", "Sheet", "Calendar"] as const;
export type Source = (typeof SOURCES)[number];

export const DELIVERIES = ["Pending", "Draft", "Sent", "Failed", "Unconfirmed"] as const;
export type Delivery = (typeof DELIVERIES)[number];

/** Contact statuses, most urgent first (DESIGN §2). */
export const STATUSES = [
  "Replied",
  "Overdue",
  "Due Today",
  "Upcoming",
  "Nurture",
  "Paused",
  "Opted Out",
  "Closed",
] as const;
export type Status = (typeof STATUSES)[number];

export const EMAIL_MODES = ["Drafts", "Send", "Off"] as const;
export type EmailMode = (typeof EMAIL_MODES)[number];

export const YES_NO = ["Yes", "No"] as const;

// ---------------------------------------------------------------------------------------------
// Columns

/** How a column's cells are typed, validated and formatted. */
export type ColumnKind =
  | "text" // free text, written so it stays text (no formula, no number coercion)
  | "id" // plain-text identifier (kept as text: "C-000123", "00123")
  | "email"
  | "date" // calendar date
  | "datetime" // instant, shown with time
  | "number"
  | "money"
  | "integer"
  | "checkbox"
  | "enum"; // dropdown from `options`

export interface ColumnSpec {
  readonly header: string;
  readonly kind: ColumnKind;
  /** Dropdown values for `enum` columns. */
  readonly options?: readonly string[];
  /** Touchbase rewrites this column on every refresh (protected with a warning). */
  readonly computed?: boolean;
  /** Setup and every read fail with a clear error when this column is missing. */
  readonly required?: boolean;
  /** Default column width in pixels, for setup. */
  readonly width?: number;
}

export interface TableSpec {
  readonly tab: TabName;
  readonly columns: readonly ColumnSpec[];
}

const col = (header: string, kind: ColumnKind, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  header,
  kind,
  ...extra,
});

export const CONTACT = {
  id: "ID",
  name: "Name",
  email: "Email",
  phone: "Phone",
  company: "Company",
  owner: "Owner",
  stage: "Stage",
  tier: "Tier",
  cadence: "Cadence",
  dealValue: "Deal Value",
  topic: "Topic",
  nextStep: "Next Step",
  nextFollowUp: "Next Follow-Up",
  renewalDate: "Renewal Date",
  autoEmail: "Auto Email",
  paused: "Paused",
  optedOut: "Opted Out",
  created: "Created",
  status: "Status",
  due: "Due",
  lastTouch: "Last Touch",
  daysSinceTouch: "Days Since Touch",
  touches: "Touches",
  attempts: "Attempts",
  step: "Step",
  lastOutcome: "Last Outcome",
  cadenceStart: "Cadence Start",
  problem: "Problem",
} as const;

export const CONTACTS_SPEC: TableSpec = {
  tab: TAB.contacts,
  columns: [
    col(CONTACT.id, "id", { required: true, width: 90 }),
    col(CONTACT.name, "text", { required: true, width: 160 }),
    col(CONTACT.email, "email", { width: 200 }),
    col(CONTACT.phone, "id", { width: 120 }),
    col(CONTACT.company, "text", { width: 150 }),
    col(CONTACT.owner, "email", { width: 180 }),
    col(CONTACT.stage, "enum", { options: STAGES, width: 140 }),
    col(CONTACT.tier, "enum", { options: TIERS, width: 70 }),
    col(CONTACT.cadence, "text", { width: 130 }),
    col(CONTACT.dealValue, "money", { width: 100 }),
    col(CONTACT.topic, "text", { width: 180 }),
    col(CONTACT.nextStep, "text", { width: 200 }),
    col(CONTACT.nextFollowUp, "datetime", { width: 130 }),
    col(CONTACT.renewalDate, "date", { width: 110 }),
    col(CONTACT.autoEmail, "checkbox", { width: 80 }),
    col(CONTACT.paused, "checkbox", { width: 70 }),
    col(CONTACT.optedOut, "checkbox", { width: 80 }),
    col(CONTACT.created, "datetime", { width: 130 }),
    col(CONTACT.status, "text", { computed: true, width: 100 }),
    col(CONTACT.due, "datetime", { computed: true, width: 130 }),
    col(CONTACT.lastTouch, "datetime", { computed: true, width: 130 }),
    col(CONTACT.daysSinceTouch, "integer", { computed: true, width: 90 }),
    col(CONTACT.touches, "integer", { computed: true, width: 70 }),
    col(CONTACT.attempts, "integer", { computed: true, width: 70 }),
    col(CONTACT.step, "text", { computed: true, width: 140 }),
    col(CONTACT.lastOutcome, "text", { computed: true, width: 120 }),
    col(CONTACT.cadenceStart, "datetime", { computed: true, width: 130 }),
    col(CONTACT.problem, "text", { computed: true, width: 240 }),
  ],
};

export const TOUCH = {
  touchId: "Touch ID",
  timestamp: "Timestamp",
  contactId: "Contact ID",
  contact: "Contact",
  channel: "Channel",
  direction: "Direction",
  outcome: "Outcome",
  template: "Template",
  step: "Step",
  stage: "Stage",
  notes: "Notes",
  nextStep: "Next Step",
  nextFollowUp: "Next Follow-Up",
  loggedBy: "Logged By",
  source: "Source",
  threadId: "Thread ID",
  delivery: "Delivery",
} as const;

export const TOUCHES_SPEC: TableSpec = {
  tab: TAB.touches,
  columns: [
    col(TOUCH.touchId, "id", { required: true, width: 100 }),
    col(TOUCH.timestamp, "datetime", { required: true, width: 140 }),
    col(TOUCH.contactId, "id", { required: true, width: 90 }),
    col(TOUCH.contact, "text", { width: 150 }),
    col(TOUCH.channel, "enum", { options: CHANNELS, width: 90 }),
    col(TOUCH.direction, "enum", { options: DIRECTIONS, required: true, width: 90 }),
    col(TOUCH.outcome, "enum", { options: OUTCOMES, width: 120 }),
    col(TOUCH.template, "text", { width: 140 }),
    col(TOUCH.step, "text", { width: 70 }),
    col(TOUCH.stage, "enum", { options: STAGES, width: 130 }),
    col(TOUCH.notes, "text", { width: 260 }),
    col(TOUCH.nextStep, "text", { width: 180 }),
    col(TOUCH.nextFollowUp, "datetime", { width: 130 }),
    col(TOUCH.loggedBy, "email", { width: 170 }),
    col(TOUCH.source, "enum", { options: SOURCES, width: 90 }),
    col(TOUCH.threadId, "id", { width: 140 }),
    col(TOUCH.delivery, "enum", { options: DELIVERIES, width: 100 }),
  ],
};

export const TEMPLATE = {
  name: "Name",
  subject: "Subject",
  body: "Body",
  channel: "Channel",
  active: "Active",
  notes: "Notes",
} as const;

export const TEMPLATES_SPEC: TableSpec = {
  tab: TAB.templates,
  columns: [
    col(TEMPLATE.name, "text", { required: true, width: 180 }),
    col(TEMPLATE.subject, "text", { width: 260 }),
    col(TEMPLATE.body, "text", { required: true, width: 480 }),
    col(TEMPLATE.channel, "enum", { options: CHANNELS, width: 90 }),
    col(TEMPLATE.active, "checkbox", { width: 70 }),
    col(TEMPLATE.notes, "text", { width: 240 }),
  ],
};

export const CADENCE = {
  cadence: "Cadence",
  appliesTo: "Applies To",
  step: "Step",
  day: "Day",
  channel: "Channel",
  template: "Template",
  autoSend: "Auto Send",
  repeatEvery: "Repeat Every",
  note: "Note",
} as const;

export const CADENCES_SPEC: TableSpec = {
  tab: TAB.cadences,
  columns: [
    col(CADENCE.cadence, "text", { required: true, width: 150 }),
    col(CADENCE.appliesTo, "text", { width: 170 }),
    col(CADENCE.step, "integer", { required: true, width: 60 }),
    col(CADENCE.day, "integer", { required: true, width: 60 }),
    col(CADENCE.channel, "enum", { options: CHANNELS, width: 90 }),
    col(CADENCE.template, "text", { width: 180 }),
    col(CADENCE.autoSend, "checkbox", { width: 80 }),
    col(CADENCE.repeatEvery, "integer", { width: 100 }),
    col(CADENCE.note, "text", { width: 300 }),
  ],
};

export const SETTING = {
  setting: "Setting",
  value: "Value",
  description: "Description",
} as const;

export const SETTINGS_SPEC: TableSpec = {
  tab: TAB.settings,
  columns: [
    col(SETTING.setting, "text", { required: true, width: 230 }),
    col(SETTING.value, "text", { required: true, width: 220 }),
    col(SETTING.description, "text", { width: 520 }),
  ],
};

export const RUN = {
  started: "Started",
  user: "User",
  trigger: "Trigger",
  seconds: "Seconds",
  contacts: "Contacts",
  due: "Due",
  overdue: "Overdue",
  digests: "Digests",
  emailsSent: "Emails Sent",
  drafts: "Drafts",
  repliesFound: "Replies Found",
  deferred: "Deferred",
  problems: "Problems",
  error: "Error",
  archived: "Archived",
} as const;

export const RUNS_SPEC: TableSpec = {
  tab: TAB.runs,
  columns: [
    col(RUN.started, "datetime", { required: true, width: 140 }),
    col(RUN.user, "email", { width: 180 }),
    col(RUN.trigger, "text", { width: 90 }),
    col(RUN.seconds, "number", { width: 70 }),
    col(RUN.contacts, "integer", { width: 80 }),
    col(RUN.due, "integer", { width: 60 }),
    col(RUN.overdue, "integer", { width: 70 }),
    col(RUN.digests, "integer", { width: 70 }),
    col(RUN.emailsSent, "integer", { width: 90 }),
    col(RUN.drafts, "integer", { width: 60 }),
    col(RUN.repliesFound, "integer", { width: 100 }),
    col(RUN.deferred, "integer", { width: 80 }),
    col(RUN.problems, "text", { width: 320 }),
    col(RUN.error, "text", { width: 320 }),
    // What "Archive old touches" moved, and where (blank for other runs).
    col(RUN.archived, "text", { width: 320 }),
  ],
};

/** Every table tab Touchbase manages, in the order setup creates them. Metrics is generated. */
export const TABLE_SPECS: readonly TableSpec[] = [
  CONTACTS_SPEC,
  TOUCHES_SPEC,
  TEMPLATES_SPEC,
  CADENCES_SPEC,
  SETTINGS_SPEC,
  RUNS_SPEC,
];
