import { DEFAULT_CADENCE_ROWS } from "../../src/domain/defaults/cadences";
import { defaultSettingsRows } from "../../src/domain/defaults/settingsRows";
import { DEFAULT_TEMPLATES } from "../../src/domain/defaults/templates";
import {
  CADENCE,
  CADENCES_SPEC,
  CHANNELS,
  TEMPLATE,
  TEMPLATES_SPEC,
  SETTINGS_SPEC,
} from "../../src/domain/schema";
import { parseSettings, SETTING_DEFINITIONS, DEFAULT_SETTINGS } from "../../src/domain/settings";

/** Days (and the last step's Repeat Every) of each default cadence, from DESIGN §1. */
const EXPECTED: readonly { appliesTo: string; days: number[]; repeat?: number }[] = [
  { appliesTo: "Stage: Proposal Sent", days: [3, 7, 14, 21] },
  { appliesTo: "Stage: Meeting Completed", days: [1, 3, 7] },
  { appliesTo: "Stage: Negotiation", days: [2], repeat: 2 },
  { appliesTo: "Stage: Won", days: [7, 30] },
  { appliesTo: "Stage: Lost", days: [1] },
  { appliesTo: "Stage: Nurture", days: [90], repeat: 90 },
  { appliesTo: "Tier: Hot", days: [0, 1, 2, 4, 6, 9, 13, 20] },
  { appliesTo: "Tier: Warm", days: [0, 3, 7, 14, 21, 29, 37, 44, 51, 59] },
  { appliesTo: "Tier: Cold", days: [0, 6, 16, 27, 41, 55, 69, 83, 97, 111, 119] },
  { appliesTo: "Tier: Dead", days: [90], repeat: 90 },
  { appliesTo: "Any", days: [0, 2, 6, 13, 29] },
];

function groupByCadence() {
  const groups = new Map<string, (typeof DEFAULT_CADENCE_ROWS)[number][]>();
  for (const row of DEFAULT_CADENCE_ROWS) {
    const name = String(row[CADENCE.cadence]);
    groups.set(name, [...(groups.get(name) ?? []), row]);
  }
  return [...groups.values()];
}

describe("default cadences", () => {
  it("has every step of every default cadence, in DESIGN's rule order", () => {
    const groups = groupByCadence();
    expect(groups.map((rows) => rows[0]?.[CADENCE.appliesTo])).toEqual(
      EXPECTED.map((e) => e.appliesTo),
    );
    groups.forEach((rows, i) => {
      const expected = EXPECTED[i]!;
      expect(rows.map((r) => r[CADENCE.day])).toEqual(expected.days);
      expect(rows.map((r) => r[CADENCE.step])).toEqual(expected.days.map((_, n) => n + 1));
      expect(rows.map((r) => r[CADENCE.appliesTo])).toEqual(rows.map(() => expected.appliesTo));
      const repeats = rows.map((r) => r[CADENCE.repeatEvery]);
      expect(repeats.slice(0, -1).filter((v) => v !== "")).toEqual([]);
      expect(repeats[repeats.length - 1]).toBe(expected.repeat ?? "");
    });
  });

  it("keeps each cadence's rows together (one block per cadence name)", () => {
    const names = DEFAULT_CADENCE_ROWS.map((r) => r[CADENCE.cadence]);
    const blocks = names.filter((name, i) => i === 0 || names[i - 1] !== name);
    expect(new Set(blocks).size).toBe(blocks.length);
    expect(blocks).toEqual(
      expect.arrayContaining([
        "Proposal follow-up",
        "Hot lead",
        "Warm lead",
        "Cold lead",
        "Standard outreach",
      ]),
    );
  });

  it("leaves Auto Send unchecked on every step", () => {
    expect(DEFAULT_CADENCE_ROWS.length).toBeGreaterThan(0);
    for (const row of DEFAULT_CADENCE_ROWS) expect(row[CADENCE.autoSend]).toBe(false);
  });

  it("fills every Cadences header and nothing else", () => {
    const headers = CADENCES_SPEC.columns.map((c) => c.header).sort();
    for (const row of DEFAULT_CADENCE_ROWS) expect(Object.keys(row).sort()).toEqual(headers);
  });

  it("gives email steps an existing template and other steps a note saying what to do", () => {
    const templateNames = new Set(DEFAULT_TEMPLATES.map((t) => t[TEMPLATE.name]));
    for (const row of DEFAULT_CADENCE_ROWS) {
      expect(CHANNELS).toContain(row[CADENCE.channel]);
      const template = row[CADENCE.template];
      if (row[CADENCE.channel] === "Email") {
        expect(template).not.toBe("");
        expect(templateNames).toContain(template);
      } else {
        expect(template).toBe("");
        expect(String(row[CADENCE.note]).length).toBeGreaterThan(10);
      }
    }
  });
});

describe("default templates", () => {
  const byName = new Map(DEFAULT_TEMPLATES.map((t) => [String(t[TEMPLATE.name]), t]));

  it("covers the templates DESIGN lists", () => {
    for (const name of [
      "Post-meeting recap",
      "No response #1",
      "No response #2 (new angle)",
      "Value add",
      "Social proof",
      "Proposal check-in",
      "Re-engagement",
      "Permission to close",
    ]) {
      expect([...byName.keys()]).toContain(name);
    }
    expect(byName.size).toBe(DEFAULT_TEMPLATES.length);
  });

  it("is active plain-text email with a subject, a greeting tag and a sign-off", () => {
    const headers = TEMPLATES_SPEC.columns.map((c) => c.header).sort();
    for (const t of DEFAULT_TEMPLATES) {
      expect(Object.keys(t).sort()).toEqual(headers);
      expect(t[TEMPLATE.channel]).toBe("Email");
      expect(t[TEMPLATE.active]).toBe(true);
      expect(String(t[TEMPLATE.subject]).length).toBeGreaterThan(3);
      expect(String(t[TEMPLATE.subject]).length).toBeLessThanOrEqual(250);
      const body = String(t[TEMPLATE.body]);
      expect(body).toMatch(/^Hi \{\{First Name\}\},/);
      expect(body).toContain("{{Sender Name}}");
      expect(body).toContain("{{Signature}}");
      expect(body).not.toMatch(/<[a-z]/i);
    }
  });

  it("uses only well-formed merge tags, with fallbacks for Company and Topic", () => {
    for (const t of DEFAULT_TEMPLATES) {
      const text = `${t[TEMPLATE.subject]} ${t[TEMPLATE.body]}`;
      expect(text.split("{{").length).toBe(text.split("}}").length);
      for (const [, inner] of text.matchAll(/\{\{([^{}]*)\}\}/g)) {
        const [name, fallback] = inner!.split("|");
        if (name === "Company" || name === "Topic") {
          expect({ tag: name, fallback: fallback?.trim() ?? "" }).not.toEqual({
            tag: name,
            fallback: "",
          });
        }
      }
    }
  });
});

describe("default settings rows", () => {
  it("has one [Setting, Value, Description] row per setting, in order", () => {
    const rows = defaultSettingsRows();
    expect(rows.map((r) => r[0])).toEqual(SETTING_DEFINITIONS.map((d) => d.name));
    for (const row of rows) {
      expect(row).toHaveLength(SETTINGS_SPEC.columns.length);
      expect(String(row[2]).length).toBeGreaterThan(10);
    }
  });

  it("parses back to the default settings with no problems", () => {
    const { settings, problems } = parseSettings(
      defaultSettingsRows().map((r) => ({ name: r[0]!, value: r[1]! })),
    );
    expect(problems).toEqual([]);
    expect(settings).toEqual(DEFAULT_SETTINGS);
  });
});
