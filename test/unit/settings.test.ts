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

  it("names a duplicated column before the settings' own problems, with sheet rows", () => {
    const table = indexTable(TAB.settings, [
      [SETTING.setting, SETTING.value, SETTING.value],
      ["Digest hour", 99, 7],
      ["Digest hour", 6, 5],
    ]);
    expect(parseSettingsTable(table).problems).toEqual([
      'The "Settings" tab has 2 "Value" columns (B, C): Touchbase uses column B and ignores column C. Rename or remove the extra one.',
      'Setting "Digest hour" is in rows 2 and 3: Touchbase uses the first (row 2: "99"). Delete the other.',
      'Setting "Digest hour": 99 is outside 0–23; using the default (8).',
    ]);
  });
});

describe("Send window (hours)", () => {
  it.each<[Cell, { start: number; end: number }]>([
    ["8-18", { start: 8, end: 18 }],
    [" 9:00 - 17:00 ", { start: 9, end: 17 }],
    ["7 to 19", { start: 7, end: 19 }],
    ["7 TO 19", { start: 7, end: 19 }],
    ["8–18", { start: 8, end: 18 }],
    ["0-24", { start: 0, end: 24 }],
    ["17-18", { start: 17, end: 18 }],
  ])("%j → %j", (cell, window) => {
    const { settings, problems } = read("Send window (hours)", cell);
    expect({ window: settings.sendWindow, problems }).toEqual({ window, problems: [] });
  });

  it.each<Cell>([
    "18-8",
    "8-8",
    "8-25",
    "123-18",
    "8-180",
    "x8-18",
    "8-18x",
    "8:30-18",
    "8",
    "8-",
    18,
  ])("rejects %j, naming the value and keeping 8-18", (cell) => {
    expect(read("Send window (hours)", cell)).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [
        `Setting "Send window (hours)": "${String(cell)}" is not a range of hours like 8-18; using the default (8-18).`,
      ],
    });
  });

  it("is 08:00 to 17:59 by default", () => {
    expect(DEFAULT_SETTINGS.sendWindow).toEqual({ start: 8, end: 18 });
  });
});

describe("Opt-out line: blank means no line, unlike the other settings", () => {
  it("a blank cell turns the line off", () => {
    expect(read("Opt-out line", "").settings.optOutLine).toBe("");
  });

  it("a written line is used as written", () => {
    expect(read("Opt-out line", "Reply STOP to stop.").settings.optOutLine).toBe(
      "Reply STOP to stop.",
    );
  });

  it("has the DESIGN default when the row is missing", () => {
    expect(DEFAULT_SETTINGS.optOutLine).toBe(
      `If you'd rather not hear from me, just reply "unsubscribe".`,
    );
  });

  it("a blank cell in any other setting keeps its default", () => {
    expect(read("Digest hour", "").settings.digestHour).toBe(8);
    expect(read("Email mode", "").settings.emailMode).toBe("Drafts");
  });
});

describe("one-line and multi-line text", () => {
  it.each<[Cell, string]>([
    ["Ana\nSmith", "Ana Smith"],
    ["  Ana \r\n\t Smith  ", "Ana Smith"],
    ["Ana\u2028Smith", "Ana Smith"],
    ["Ana\u0000\u0007Smith", "Ana Smith"],
    ["Ana   Smith", "Ana Smith"],
  ])(
    "Sender name %j is one line: %j (a line break in a From name forges headers)",
    (cell, line) => {
      expect(read("Sender name", cell)).toEqual({
        settings: { ...DEFAULT_SETTINGS, senderName: line },
        problems: [],
      });
    },
  );

  it.each<[Cell, string]>([
    ["Best,\nAna", "Best,\nAna"],
    [7, "7"],
    [new Date("2026-03-02T08:00:00Z"), "2026-03-02T08:00:00.000Z"],
  ])("Signature %j keeps its lines: %j", (cell, text) => {
    expect(read("Signature", cell).settings.signature).toBe(text);
  });
});

describe("a date or time cell is named, never guessed", () => {
  const date = new Date("2026-03-02T08:00:00Z");
  it.each<[string, string, string]>([
    ["Skip weekends", "Yes or No", "Yes"],
    ["Email mode", "Drafts, Send, Off", "Drafts"],
    ["Time zone", "a time zone name like Europe/Berlin", "blank"],
    ["Reply response (hours)", "a plain number (e.g. 8) with the cell formatted as Number", "4"],
    ["Manager emails", "text", "blank"],
    ["Send window (hours)", "text", "8-18"],
  ])("%s expects %s", (name, expected, fallback) => {
    expect(read(name, date)).toEqual({
      settings: DEFAULT_SETTINGS,
      problems: [
        `Setting "${name}": the cell holds a date or time, not ${expected}; using the default (${fallback}).`,
      ],
    });
  });
});

describe("cells of spaces only", () => {
  it("Time zone of spaces means the spreadsheet's", () => {
    expect(read("Time zone", "   ")).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it("a number setting of spaces is not a number (not 0)", () => {
    expect(read("Renewal lead time (days)", "  ").problems).toEqual([
      'Setting "Renewal lead time (days)": "" is not a number; using the default (90).',
    ]);
  });

  it("Manager emails of spaces and separators is no one", () => {
    expect(read("Manager emails", " , ; ")).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });
});

describe("a setting named twice", () => {
  it("is read from its first row and the others are named by sheet row", () => {
    const { settings, problems } = parseSettings([
      { name: "Digest hour", value: 6, row: 3 },
      { name: "Email mode", value: "Send", row: 4 },
      { name: "digest HOUR", value: 9, row: 7 },
    ]);
    expect({ settings, problems }).toEqual({
      settings: { ...DEFAULT_SETTINGS, digestHour: 6, emailMode: "Send" },
      problems: [
        'Setting "Digest hour" is in rows 3 and 7: Touchbase uses the first (row 3: "6"). Delete the other.',
      ],
    });
  });

  it("three times: lists every row and asks to delete the others", () => {
    const { problems } = parseSettings([
      { name: "Email mode", value: "Off", row: 2 },
      { name: "Email mode", value: "Send", row: 5 },
      { name: "Email mode", value: "Drafts", row: 9 },
    ]);
    expect(problems).toEqual([
      'Setting "Email mode" is in rows 2, 5 and 9: Touchbase uses the first (row 2: "Off"). Delete the others.',
    ]);
  });

  it("a blank first row means the default, and rows without numbers are counted", () => {
    const { settings, problems } = parseSettings([
      { name: "Digest hour", value: "" },
      { name: "Digest hour", value: 11 },
    ]);
    expect({ digestHour: settings.digestHour, problems }).toEqual({
      digestHour: 8,
      problems: [
        'Setting "Digest hour" is in rows #1 and #2: Touchbase uses the first (row #1: blank, so the default). Delete the other.',
      ],
    });
  });
});
