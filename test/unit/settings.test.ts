// The Settings tab (DESIGN §1): every setting's name and default as DESIGN writes them, and how each
// kind of value is read, with a problem naming the setting when a value is bad.
import type { Cell } from "../../src/domain/cells";
import { SETTING, TAB } from "../../src/domain/schema";
import {
  DEFAULT_SETTINGS,
  SETTING_DEFINITIONS,
  parseSettings,
  parseSettingsTable,
  type Settings,
} from "../../src/domain/settings";
import { indexTable } from "../../src/domain/table";

/** Parses one setting's value; answers the value read and the problems. */
function read(name: string, value: Cell) {
  const { settings, problems } = parseSettings([{ name, value }]);
  return { settings, problems };
}

describe("the settings DESIGN §1 names, with their defaults (restated, so a rename fails)", () => {
  it.each<[string, string | number, keyof Settings, unknown]>([
    ["Time zone", "", "timeZone", ""],
    ["Digest hour", 8, "digestHour", 8],
    ["Skip weekends", "Yes", "skipWeekends", true],
    ["Email mode", "Drafts", "emailMode", "Drafts"],
    ["Daily email cap", 50, "dailyEmailCap", 50],
    ["Max attempts before nurture", 5, "maxAttemptsBeforeNurture", 5],
    ["Nurture every (days)", 90, "nurtureEveryDays", 90],
    ["Check-in after (days)", 7, "checkInAfterDays", 7],
    ["Stale after (days)", 14, "staleAfterDays", 14],
    ["Hot goes warm after (days)", 30, "hotGoesWarmAfterDays", 30],
    ["Auto-adjust tier", "Yes", "autoAdjustTier", true],
    ["New lead response (hours)", 4, "newLeadResponseHours", 4],
    ["Reply response (hours)", 4, "replyResponseHours", 4],
    ["Renewal lead time (days)", 90, "renewalLeadTimeDays", 90],
    ["Manager emails", "", "managerEmails", []],
    ["Sender name", "", "senderName", ""],
    ["Signature", "", "signature", ""],
    ["Metrics window (days)", 90, "metricsWindowDays", 90],
  ])("%s: setup writes %j", (name, cell, key, value) => {
    const def = SETTING_DEFINITIONS.find((d) => d.name === name);
    expect({ name: def?.name, cell: def?.defaultCell, key: def?.key }).toEqual({ name, cell, key });
    expect(DEFAULT_SETTINGS[key]).toEqual(value);
    expect(def?.description.length ?? 0).toBeGreaterThan(10);
  });

  it("names each setting once", () => {
    const names = SETTING_DEFINITIONS.map((d) => d.name.toLowerCase());
    expect(names.filter((n, i) => names.indexOf(n) !== i)).toEqual([]);
  });

  it("cannot be changed by a caller", () => {
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
  });
});

describe("Yes/No settings accept the words people type", () => {
  it.each<[Cell, boolean]>([
    ["Yes", true],
    ["yes", true],
    ["Y", true],
    ["true", true],
    ["On", true],
    ["on", true],
    ["1", true],
    [true, true],
    ["No", false],
    [" no ", false],
    ["n", false],
    ["FALSE", false],
    ["Off", false],
    ["0", false],
    [false, false],
  ])("%j → %s", (cell, expected) => {
    const { settings, problems } = read("Skip weekends", cell);
    expect({ value: settings.skipWeekends, problems }).toEqual({ value: expected, problems: [] });
    expect(read("Auto-adjust tier", cell).settings.autoAdjustTier).toBe(expected);
  });

  it("reports any other word and keeps the default", () => {
    expect(read("Skip weekends", "sometimes")).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: ['Setting "Skip weekends": "sometimes" is not Yes or No; using the default (Yes).'],
    });
  });
});

describe("Email mode", () => {
  it.each<[Cell, Settings["emailMode"]]>([
    ["Drafts", "Drafts"],
    ["drafts", "Drafts"],
    ["Draft", "Drafts"],
    ["draft", "Drafts"],
    [" DRAFT ", "Drafts"],
    ["Send", "Send"],
    ["send", "Send"],
    ["Off", "Off"],
    ["OFF", "Off"],
  ])("%j → %s", (cell, mode) => {
    expect(read("Email mode", cell)).toEqual({
      settings: { ...DEFAULT_SETTINGS, emailMode: mode },
      problems: [],
    });
  });

  it("reports an unknown mode, listing the three, and drafts (the default)", () => {
    expect(read("Email mode", "blast")).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [
        'Setting "Email mode": "blast" is not one of Drafts, Send, Off; using the default (Drafts).',
      ],
    });
  });
});

describe("number settings", () => {
  it.each<[string, Cell, keyof Settings, number]>([
    ["Digest hour", 0, "digestHour", 0],
    ["Digest hour", 23, "digestHour", 23],
    ["Digest hour", "17", "digestHour", 17],
    ["Digest hour", " 9 ", "digestHour", 9],
    ["Daily email cap", 1500, "dailyEmailCap", 1500],
    ["Max attempts before nurture", 1, "maxAttemptsBeforeNurture", 1],
    ["New lead response (hours)", 0.5, "newLeadResponseHours", 0.5],
    ["Reply response (hours)", "1.5", "replyResponseHours", 1.5],
    ["Reply response (hours)", 720, "replyResponseHours", 720],
    ["Renewal lead time (days)", 0, "renewalLeadTimeDays", 0],
  ])("%s accepts %j", (name, cell, key, value) => {
    const { settings, problems } = read(name, cell);
    expect({ value: settings[key], problems }).toEqual({ value, problems: [] });
  });

  it.each<[string, Cell, string]>([
    ["Digest hour", 24, "24 is outside 0–23; using the default (8)."],
    ["Digest hour", -1, "-1 is outside 0–23; using the default (8)."],
    ["Digest hour", 7.5, "7.5 is not a whole number; using the default (8)."],
    ["Digest hour", "eight", '"eight" is not a number; using the default (8).'],
    [
      "Digest hour",
      new Date("2026-03-02T08:00:00Z"),
      "the cell holds a date or time, not a plain number (e.g. 8) with the cell formatted as Number; using the default (8).",
    ],
    ["Max attempts before nurture", 0, "0 is outside 1–100; using the default (5)."],
    ["Daily email cap", 1501, "1501 is outside 0–1500; using the default (50)."],
    ["Reply response (hours)", 720.5, "720.5 is outside 0–720; using the default (4)."],
    ["Reply response (hours)", -0.5, "-0.5 is outside 0–720; using the default (4)."],
    ["Reply response (hours)", "soon", '"soon" is not a number; using the default (4).'],
  ])("%s rejects %j", (name, cell, reason) => {
    expect(read(name, cell)).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [`Setting "${name}": ${reason}`],
    });
  });
});

describe("Time zone", () => {
  it("accepts an IANA name", () => {
    expect(read("Time zone", " Europe/Berlin ")).toEqual({
      settings: { ...DEFAULT_SETTINGS, timeZone: "Europe/Berlin" },
      problems: [],
    });
  });

  it("reports a name that is not a zone and falls back to the spreadsheet's (blank)", () => {
    expect(read("Time zone", "Mars/Olympus")).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [
        'Setting "Time zone": "Mars/Olympus" is not a time zone (use a name like Europe/Berlin); using the default (blank).',
      ],
    });
  });
});

describe("Manager emails", () => {
  it("splits on commas, semicolons and spaces, and lower-cases", () => {
    expect(
      read("Manager emails", " Ana@Acme.test; ben@acme.test,cy@acme.test  dee@acme.test "),
    ).toEqual({
      settings: {
        ...DEFAULT_SETTINGS,
        managerEmails: ["ana@acme.test", "ben@acme.test", "cy@acme.test", "dee@acme.test"],
      },
      problems: [],
    });
  });

  it("names every address that is not an email", () => {
    expect(read("Manager emails", "ana@acme.test, bob, cy@")).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [
        'Setting "Manager emails": "bob", "cy@" does not look like an email; using the default (blank).',
      ],
    });
  });
});

describe("text settings", () => {
  it.each<[Cell, string]>([
    ["Ana from Acme", "Ana from Acme"],
    [42, "42"],
    [new Date("2026-03-02T08:00:00Z"), "2026-03-02T08:00:00.000Z"],
  ])("Sender name %j reads as %j", (cell, text) => {
    expect(read("Sender name", cell)).toEqual({
      settings: { ...DEFAULT_SETTINGS, senderName: text },
      problems: [],
    });
  });
});

describe("parseSettings over the rows", () => {
  it("finds names ignoring case and spaces, skips unknown names and blank values", () => {
    const { settings, problems } = parseSettings([
      { name: "  digest   HOUR ", value: 6 },
      { name: "My own note", value: "anything" },
      { name: "Daily email cap", value: "" },
      { name: "Email mode", value: "Send" },
    ]);
    expect({ settings, problems }).toEqual({
      settings: { ...DEFAULT_SETTINGS, digestHour: 6, emailMode: "Send" },
      problems: [],
    });
  });

  it("reports each bad value and keeps reading the others", () => {
    const { settings, problems } = parseSettings([
      { name: "Digest hour", value: 99 },
      { name: "Daily email cap", value: 20 },
      { name: "Email mode", value: "loud" },
    ]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, dailyEmailCap: 20 });
    expect(problems).toEqual([
      'Setting "Digest hour": 99 is outside 0–23; using the default (8).',
      'Setting "Email mode": "loud" is not one of Drafts, Send, Off; using the default (Drafts).',
    ]);
  });

  it("gives each result its own Manager emails list", () => {
    const first = parseSettings([]).settings;
    first.managerEmails.push("x@acme.test");
    expect(parseSettings([]).settings.managerEmails).toEqual([]);
    expect(DEFAULT_SETTINGS.managerEmails).toEqual([]);
  });
});

describe("parseSettingsTable", () => {
  it("reads the Setting and Value columns wherever they are", () => {
    const table = indexTable(TAB.settings, [
      ["Description", SETTING.value, SETTING.setting],
      ["", 10, "Digest hour"],
      ["", "Off", "Email mode"],
    ]);
    expect(parseSettingsTable(table)).toEqual({
      settings: { ...DEFAULT_SETTINGS, digestHour: 10, emailMode: "Off" },
      problems: [],
    });
  });
});
