// The Settings tab (DESIGN §1): names, defaults, descriptions, and parsing with clear errors.
// A bad value is reported with the setting's name and the default is used.
import { EMAIL_MODES, SETTING, type EmailMode } from "./schema";
import { duplicateHeaderProblems, rowReader, sheetRowOf, type Table } from "./table";
import { cellText, matchWord, normalizeKey, type Cell, EMAIL_PATTERN, isBlankCell } from "./cells";
import { isValidTimeZone } from "./dates";

/** Line breaks and other control characters, which a one-line value (an email name) must not hold. */
const LINE_BREAKS = /[\p{Cc}\u2028\u2029]+/gu;

export interface Settings {
  /** IANA zone; "" means "use the spreadsheet's". */
  timeZone: string;
  digestHour: number;
  skipWeekends: boolean;
  emailMode: EmailMode;
  dailyEmailCap: number;
  maxAttemptsBeforeNurture: number;
  nurtureEveryDays: number;
  checkInAfterDays: number;
  staleAfterDays: number;
  hotGoesWarmAfterDays: number;
  autoAdjustTier: boolean;
  newLeadResponseHours: number;
  replyResponseHours: number;
  renewalLeadTimeDays: number;
  managerEmails: string[];
  senderName: string;
  signature: string;
  metricsWindowDays: number;
  /** Local hours automated emails may go out: start ≤ hour < end (DESIGN §4). */
  sendWindow: SendWindow;
  /** Added to every automated email; "" = none. */
  optOutLine: string;
  /** The hourly run logs the user's meetings with contacts from their calendar (DESIGN §3). */
  syncCalendar: boolean;
}

/** "8-18": from 08:00 to 17:59. */
export interface SendWindow {
  readonly start: number;
  readonly end: number;
}

type Kind =
  | { type: "timeZone" }
  | { type: "int"; min: number; max: number }
  | { type: "number"; min: number; max: number }
  | { type: "yesNo" }
  | { type: "emailMode" }
  | { type: "emails" }
  | { type: "hourRange" }
  | { type: "text" }
  /** One line of text: it goes into an email's From name, where a line break forges headers. */
  | { type: "line" };

export interface SettingDefinition {
  readonly key: keyof Settings;
  readonly name: string;
  /** The value setup writes, as the user sees it. */
  readonly defaultCell: string | number;
  readonly description: string;
  readonly kind: Kind;
  /** A blank cell means blank (none), not the default (DESIGN: Opt-out line "blank = none"). */
  readonly blankMeansNone?: boolean;
}

const int = (min: number, max: number): Kind => ({ type: "int", min, max });
const num = (min: number, max: number): Kind => ({ type: "number", min, max });

export const SETTING_DEFINITIONS: readonly SettingDefinition[] = [
  {
    key: "timeZone",
    name: "Time zone",
    defaultCell: "",
    description:
      "IANA time zone for every due date, e.g. America/New_York. Blank = the spreadsheet's time zone.",
    kind: { type: "timeZone" },
  },
  {
    key: "digestHour",
    name: "Digest hour",
    defaultCell: 8,
    description: "Hour of the day (0–23) after which each person's daily digest is emailed.",
    kind: int(0, 23),
  },
  {
    key: "skipWeekends",
    name: "Skip weekends",
    defaultCell: "Yes",
    description: "Yes = a follow-up due on Saturday or Sunday moves to Monday.",
    kind: { type: "yesNo" },
  },
  {
    key: "emailMode",
    name: "Email mode",
    defaultCell: "Drafts",
    description:
      "Automated cadence emails: Drafts = create Gmail drafts to review, Send = send them, Off = none.",
    kind: { type: "emailMode" },
  },
  {
    key: "dailyEmailCap",
    name: "Daily email cap",
    defaultCell: 50,
    description: "Most automated emails per person per day; the rest wait for the next run.",
    kind: int(0, 1500),
  },
  {
    key: "maxAttemptsBeforeNurture",
    name: "Max attempts before nurture",
    defaultCell: 5,
    description: "Outbound touches without a reply before a contact moves to nurture.",
    kind: int(1, 100),
  },
  {
    key: "nurtureEveryDays",
    name: "Nurture every (days)",
    defaultCell: 90,
    description: "How often a contact in nurture is due a touch.",
    kind: int(1, 3650),
  },
  {
    key: "checkInAfterDays",
    name: "Check-in after (days)",
    defaultCell: 7,
    description: "Due date after the last touch for contacts with no cadence step left.",
    kind: int(1, 3650),
  },
  {
    key: "staleAfterDays",
    name: "Stale after (days)",
    defaultCell: 14,
    description: "An open deal with no touch for this many days is listed for managers.",
    kind: int(1, 3650),
  },
  {
    key: "hotGoesWarmAfterDays",
    name: "Hot goes warm after (days)",
    defaultCell: 30,
    description: "A Hot contact with no touch for this many days becomes Warm.",
    kind: int(1, 3650),
  },
  {
    key: "autoAdjustTier",
    name: "Auto-adjust tier",
    defaultCell: "Yes",
    description: "Yes = Touchbase writes the Hot → Warm change to Tier and logs it as a touch.",
    kind: { type: "yesNo" },
  },
  {
    key: "newLeadResponseHours",
    name: "New lead response (hours)",
    defaultCell: 4,
    description: "A New Lead with no outbound touch is due this many hours after it was created.",
    kind: num(0, 720),
  },
  {
    key: "replyResponseHours",
    name: "Reply response (hours)",
    defaultCell: 4,
    description: "A contact who replied is due an answer within this many hours.",
    kind: num(0, 720),
  },
  {
    key: "renewalLeadTimeDays",
    name: "Renewal lead time (days)",
    defaultCell: 90,
    description: "Follow-up starts this many days before a contact's Renewal Date.",
    kind: int(0, 3650),
  },
  {
    key: "managerEmails",
    name: "Manager emails",
    defaultCell: "",
    description:
      "Comma-separated emails of managers; their digest adds stale deals, overdue per owner and unowned contacts.",
    kind: { type: "emails" },
  },
  {
    key: "senderName",
    name: "Sender name",
    defaultCell: "",
    description: "Name shown on automated emails and in {{Sender Name}}. Blank = the owner's name.",
    kind: { type: "line" },
  },
  {
    key: "signature",
    name: "Signature",
    defaultCell: "",
    description: "Text for {{Signature}} in templates.",
    kind: { type: "text" },
  },
  {
    key: "metricsWindowDays",
    name: "Metrics window (days)",
    defaultCell: 90,
    description: "How far back the Metrics tab looks.",
    kind: int(1, 3650),
  },
  {
    key: "sendWindow",
    name: "Send window (hours)",
    defaultCell: "8-18",
    description:
      "Automated emails go out only between these hours (8-18 = 08:00 to 17:59), on working days, in the sheet's time zone.",
    kind: { type: "hourRange" },
  },
  {
    key: "optOutLine",
    name: "Opt-out line",
    defaultCell: `If you'd rather not hear from me, just reply "unsubscribe".`,
    description: "Added to the end of every automated email. Blank = no line.",
    kind: { type: "text" },
    blankMeansNone: true,
  },
  {
    key: "syncCalendar",
    name: "Sync calendar",
    defaultCell: "Yes",
    description:
      "Yes = each hourly run logs your calendar's meetings with contacts (guests with a contact's Email) as Meeting touches.",
    kind: { type: "yesNo" },
  },
];

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(
  SETTING_DEFINITIONS.reduce((acc, def) => {
    (acc as unknown as Record<string, unknown>)[def.key] = parseOk(def, def.defaultCell);
    return acc;
  }, {} as Settings),
);

export interface SettingsResult {
  settings: Settings;
  /** One line per bad value, naming the setting. */
  problems: string[];
}

type ParseOutcome = { ok: true; value: unknown } | { ok: false; reason: string };

/** What a setting of this kind expects, for the message about a date or time cell. */
function expected(kind: Kind): string {
  switch (kind.type) {
    case "int":
    case "number":
      return "a plain number (e.g. 8) with the cell formatted as Number";
    case "yesNo":
      return "Yes or No";
    case "emailMode":
      return EMAIL_MODES.join(", ");
    case "timeZone":
      return "a time zone name like Europe/Berlin";
    default:
      return "text";
  }
}

function parseValue(def: SettingDefinition, cell: Cell): ParseOutcome {
  const kind = def.kind;
  // A time typed into Digest hour (08:00) or a number in a date-formatted cell comes back as a
  // Date; its hour depends on the sheet's zone and 1899 offsets, so it is named, never guessed.
  if (cell instanceof Date && kind.type !== "text" && kind.type !== "line") {
    return {
      ok: false,
      reason: `the cell holds a date or time, not ${expected(kind)}`,
    };
  }
  const text = cell instanceof Date ? "" : String(cell).trim();
  switch (kind.type) {
    case "timeZone":
      if (text === "") return { ok: true, value: "" };
      return isValidTimeZone(text)
        ? { ok: true, value: text }
        : { ok: false, reason: `"${text}" is not a time zone (use a name like Europe/Berlin)` };
    case "int":
    case "number": {
      const n = typeof cell === "number" ? cell : text === "" ? NaN : Number(text);
      if (!Number.isFinite(n)) return { ok: false, reason: `"${text}" is not a number` };
      if (kind.type === "int" && !Number.isInteger(n))
        return { ok: false, reason: `${n} is not a whole number` };
      if (n < kind.min || n > kind.max)
        return { ok: false, reason: `${n} is outside ${kind.min}–${kind.max}` };
      return { ok: true, value: n };
    }
    case "yesNo": {
      if (cell === true) return { ok: true, value: true };
      if (cell === false) return { ok: true, value: false };
      const word = text.toLowerCase();
      if (["yes", "y", "true", "on", "1"].includes(word)) return { ok: true, value: true };
      if (["no", "n", "false", "off", "0"].includes(word)) return { ok: true, value: false };
      return { ok: false, reason: `"${text}" is not Yes or No` };
    }
    case "emailMode": {
      const mode =
        matchWord(text, EMAIL_MODES) ?? (text.toLowerCase() === "draft" ? "Drafts" : undefined);
      return mode
        ? { ok: true, value: mode }
        : { ok: false, reason: `"${text}" is not one of ${EMAIL_MODES.join(", ")}` };
    }
    case "emails": {
      const emails = text
        .split(/[,;\s]+/)
        .map((e) => e.trim().toLowerCase())
        .filter(Boolean);
      const bad = emails.filter((e) => !EMAIL_PATTERN.test(e));
      return bad.length > 0
        ? {
            ok: false,
            reason: `${bad.map((b) => `"${b}"`).join(", ")} does not look like an email`,
          }
        : { ok: true, value: emails };
    }
    case "hourRange": {
      const match = /^(\d{1,2})(?::00)?\s*(?:-|–|to)\s*(\d{1,2})(?::00)?$/i.exec(text);
      const start = Number(match?.[1]);
      const end = Number(match?.[2]);
      if (!match || start >= end || end > 24) {
        return { ok: false, reason: `"${text}" is not a range of hours like 8-18` };
      }
      return { ok: true, value: { start, end } };
    }
    case "text":
      return { ok: true, value: cell instanceof Date ? cell.toISOString() : String(cell) };
    case "line":
      return {
        ok: true,
        value: (cell instanceof Date ? cell.toISOString() : String(cell))
          .replace(LINE_BREAKS, " ")
          .replace(/\s+/g, " ")
          .trim(),
      };
  }
}

function parseOk(def: SettingDefinition, cell: Cell): unknown {
  const outcome = parseValue(def, cell);
  if (!outcome.ok) throw new Error(`Default for ${def.name} is invalid: ${outcome.reason}`);
  return outcome.value;
}

/** One Settings row: the setting's name, its value and (when known) its sheet row. */
export interface SettingRow {
  readonly name: Cell;
  readonly value: Cell;
  readonly row?: number;
}

/**
 * Reads Settings rows (pairs of name and value cell). Unknown names are ignored (users keep notes
 * there); a blank value means the default, except for settings whose default is blank. A setting
 * named twice is read from its first row, like a lookup down the tab, and the others are named.
 */
export function parseSettings(rows: readonly SettingRow[]): SettingsResult {
  const settings: Settings = {
    ...DEFAULT_SETTINGS,
    managerEmails: [...DEFAULT_SETTINGS.managerEmails],
  };
  const problems: string[] = [];
  const byName = new Map(SETTING_DEFINITIONS.map((d) => [normalizeKey(d.name), d]));
  const rowsOf = new Map<SettingDefinition, SettingRow[]>();
  for (const row of rows) {
    const def = byName.get(normalizeKey(row.name));
    if (def) rowsOf.set(def, [...(rowsOf.get(def) ?? []), row]);
  }
  for (const [def, [row, ...others]] of rowsOf) {
    if (!row) continue;
    if (others.length > 0) problems.push(duplicateSettingProblem(def, [row, ...others]));
    if (isBlankCell(row.value)) {
      if (def.blankMeansNone) (settings as unknown as Record<string, unknown>)[def.key] = "";
      continue;
    }
    const outcome = parseValue(def, row.value);
    if (outcome.ok) {
      (settings as unknown as Record<string, unknown>)[def.key] = outcome.value;
    } else {
      problems.push(
        `Setting "${def.name}": ${outcome.reason}; using the default (${String(def.defaultCell) || "blank"}).`,
      );
    }
  }
  return { settings, problems };
}

function duplicateSettingProblem(def: SettingDefinition, rows: readonly SettingRow[]): string {
  const numbers = rows.map((r, i) => (r.row === undefined ? `#${i + 1}` : String(r.row)));
  const first = rows[0]!;
  const value = isBlankCell(first.value) ? "blank, so the default" : `"${cellText(first.value)}"`;
  return (
    `Setting "${def.name}" is in rows ${numbers.slice(0, -1).join(", ")} and ${numbers.at(-1)}: ` +
    `Touchbase uses the first (row ${numbers[0]}: ${value}). Delete the other${rows.length > 2 ? "s" : ""}.`
  );
}

/** Reads the Settings tab's rows (Setting and Value columns). */
export function parseSettingsTable(table: Table): SettingsResult {
  const result = parseSettings(
    table.rows.map((row, index) => {
      const read = rowReader(table, row);
      return { name: read(SETTING.setting), value: read(SETTING.value), row: sheetRowOf(index) };
    }),
  );
  return { ...result, problems: [...duplicateHeaderProblems(table), ...result.problems] };
}
