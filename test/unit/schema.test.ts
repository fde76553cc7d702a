// The user-facing schema restated from DESIGN.md §1 and §2 on purpose: the words are written out
// here, not imported, so renaming a tab, header or word in src/domain/schema.ts fails a test.
import {
  CADENCES_SPEC,
  CHANNELS,
  CLOSED_STAGES,
  CONTACTS_SPEC,
  DELIVERIES,
  DIRECTIONS,
  EMAIL_MODES,
  OUTCOMES,
  OUTCOMES_BY_CHANNEL,
  RUNS_SPEC,
  SETTINGS_SPEC,
  SOURCES,
  STAGES,
  STATUSES,
  TAB,
  TABLE_SPECS,
  TEMPLATES_SPEC,
  TIERS,
  TIER_ALIASES,
  TOUCHES_SPEC,
  YES_NO,
  type ColumnSpec,
  type TableSpec,
} from "../../src/domain/schema";

describe("DESIGN §1's words", () => {
  it.each<[string, readonly string[], readonly string[]]>([
    [
      "tabs",
      Object.values(TAB),
      ["Contacts", "Touches", "Templates", "Cadences", "Settings", "Metrics", "Runs"],
    ],
    [
      "stages",
      STAGES,
      [
        "New Lead",
        "Qualified",
        "Meeting Completed",
        "Proposal Sent",
        "Negotiation",
        "Won",
        "Lost",
        "Nurture",
      ],
    ],
    ["closed stages (rule 11)", CLOSED_STAGES, ["Won", "Lost", "Nurture"]],
    ["tiers", TIERS, ["Hot", "Warm", "Cold", "Dead"]],
    ["channels", CHANNELS, ["Email", "Call", "Meeting", "SMS", "LinkedIn", "Letter", "Note"]],
    ["directions", DIRECTIONS, ["Outbound", "Inbound", "Internal"]],
    ["sources", SOURCES, ["Sidebar", "Automation", "Gmail", "Sheet", "Calendar"]],
    ["deliveries", DELIVERIES, ["Pending", "Draft", "Sent", "Failed", "Unconfirmed"]],
    [
      "statuses, most urgent first (§2)",
      STATUSES,
      ["Replied", "Overdue", "Due Today", "Upcoming", "Nurture", "Paused", "Opted Out", "Closed"],
    ],
    ["email modes", EMAIL_MODES, ["Drafts", "Send", "Off"]],
    ["yes/no", YES_NO, ["Yes", "No"]],
  ])("%s", (_what, actual, expected) => {
    expect([...actual]).toEqual(expected);
  });

  it("accepts the tier letters A/B/C as Hot/Warm/Cold", () => {
    expect(TIER_ALIASES).toEqual({ A: "Hot", B: "Warm", C: "Cold" });
  });

  it("offers the outcomes the common CRMs use, per channel", () => {
    expect(OUTCOMES_BY_CHANNEL).toEqual({
      Call: ["Connected", "No Answer", "Left Voicemail", "Busy", "Wrong Number"],
      Meeting: ["Scheduled", "Completed", "Rescheduled", "No Show", "Canceled"],
      Email: ["Sent", "Replied", "Bounced", "Auto-reply", "Unsubscribed"],
      SMS: ["Sent", "Replied"],
      LinkedIn: ["Sent", "Replied", "Connected"],
      Letter: ["Sent"],
      Note: ["Note", "Stage Changed", "Tier Changed", "Handoff", "Archived"],
    });
  });

  it("lists every per-channel outcome once in the Outcome dropdown", () => {
    const perChannel = new Set(Object.values(OUTCOMES_BY_CHANNEL).flat());
    expect([...OUTCOMES].sort()).toEqual([...perChannel].sort());
  });
});

/** A column as [header, kind, flags]: "R" required, "C" computed, options when an enum. */
function describeColumn(c: ColumnSpec): string {
  const flags = `${c.required ? "R" : ""}${c.computed ? "C" : ""}`;
  const options = c.options ? ` [${c.options.join("|")}]` : "";
  return `${c.header}:${c.kind}${flags ? `:${flags}` : ""}${options}`;
}

const LIST = (...words: string[]) => words.join("|");

describe.each<[string, TableSpec, string[]]>([
  [
    "Contacts",
    CONTACTS_SPEC,
    [
      "ID:id:R",
      "Name:text:R",
      "Email:email",
      "Phone:id",
      "Company:text",
      "Owner:email",
      `Stage:enum [${LIST("New Lead", "Qualified", "Meeting Completed", "Proposal Sent", "Negotiation", "Won", "Lost", "Nurture")}]`,
      `Tier:enum [${LIST("Hot", "Warm", "Cold", "Dead")}]`,
      "Cadence:text",
      "Deal Value:money",
      "Topic:text",
      "Next Step:text",
      "Next Follow-Up:datetime",
      "Renewal Date:date",
      "Auto Email:checkbox",
      "Paused:checkbox",
      "Opted Out:checkbox",
      "Created:datetime",
      "Status:text:C",
      "Due:datetime:C",
      "Last Touch:datetime:C",
      "Days Since Touch:integer:C",
      "Touches:integer:C",
      "Attempts:integer:C",
      "Step:text:C",
      "Last Outcome:text:C",
      "Cadence Start:datetime:C",
      "Problem:text:C",
    ],
  ],
  [
    "Touches",
    TOUCHES_SPEC,
    [
      "Touch ID:id:R",
      "Timestamp:datetime:R",
      "Contact ID:id:R",
      "Contact:text",
      `Channel:enum [${LIST("Email", "Call", "Meeting", "SMS", "LinkedIn", "Letter", "Note")}]`,
      `Direction:enum:R [${LIST("Outbound", "Inbound", "Internal")}]`,
      `Outcome:enum [${[...OUTCOMES].join("|")}]`,
      "Template:text",
      "Step:text",
      `Stage:enum [${[...STAGES].join("|")}]`,
      "Notes:text",
      "Next Step:text",
      "Next Follow-Up:datetime",
      "Logged By:email",
      `Source:enum [${LIST("Sidebar", "Automation", "Gmail", "Sheet", "Calendar")}]`,
      "Thread ID:id",
      `Delivery:enum [${LIST("Pending", "Draft", "Sent", "Failed", "Unconfirmed")}]`,
    ],
  ],
  [
    "Templates",
    TEMPLATES_SPEC,
    [
      "Name:text:R",
      "Subject:text",
      "Body:text:R",
      `Channel:enum [${[...CHANNELS].join("|")}]`,
      "Active:checkbox",
      "Notes:text",
    ],
  ],
  [
    "Cadences",
    CADENCES_SPEC,
    [
      "Cadence:text:R",
      "Applies To:text",
      "Step:integer:R",
      "Day:integer:R",
      `Channel:enum [${[...CHANNELS].join("|")}]`,
      "Template:text",
      "Auto Send:checkbox",
      "Repeat Every:integer",
      "Note:text",
    ],
  ],
  ["Settings", SETTINGS_SPEC, ["Setting:text:R", "Value:text:R", "Description:text"]],
  [
    "Runs",
    RUNS_SPEC,
    [
      "Started:datetime:R",
      "User:email",
      "Trigger:text",
      "Seconds:number",
      "Contacts:integer",
      "Due:integer",
      "Overdue:integer",
      "Digests:integer",
      "Emails Sent:integer",
      "Drafts:integer",
      "Replies Found:integer",
      "Deferred:integer",
      "Problems:text",
      "Error:text",
      "Archived:text",
    ],
  ],
])("the %s tab", (tab, spec, columns) => {
  it("has DESIGN's headers in order, with their kinds, required and computed columns", () => {
    expect({ tab: spec.tab, columns: spec.columns.map(describeColumn) }).toEqual({
      tab,
      columns,
    });
  });

  it("gives every column a width", () => {
    expect(spec.columns.filter((c) => !(c.width && c.width > 0)).map((c) => c.header)).toEqual([]);
  });
});

it("setup creates the table tabs in DESIGN's order (Metrics is generated)", () => {
  expect(TABLE_SPECS.map((s) => s.tab)).toEqual([
    "Contacts",
    "Touches",
    "Templates",
    "Cadences",
    "Settings",
    "Runs",
  ]);
});
