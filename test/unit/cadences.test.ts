import {
  chooseCadence,
  describeAppliesTo,
  parseAppliesTo,
  parseCadences,
} from "../../src/domain/cadences";
import { indexTable } from "../../src/domain/table";
import { DEFAULT_CADENCE_ROWS } from "../../src/domain/defaults/cadences";
import { CADENCE, CADENCES_SPEC, TAB, type Stage, type Tier } from "../../src/domain/schema";
import { CADENCES } from "./engine-fixtures";
import { type Cell } from "../../src/domain/cells";

const HEADERS = [
  "Cadence",
  "Applies To",
  "Step",
  "Day",
  "Channel",
  "Template",
  "Auto Send",
  "Repeat Every",
  "Note",
];

function parse(rows: Cell[][]) {
  return parseCadences(indexTable(TAB.cadences, [HEADERS, ...rows]));
}

describe("parseAppliesTo", () => {
  test.each<[Cell, unknown]>([
    ["Stage: Proposal Sent", { kind: "stage", stage: "Proposal Sent" }],
    ["stage:proposal  sent", { kind: "stage", stage: "Proposal Sent" }],
    ["Tier: Hot", { kind: "tier", tier: "Hot" }],
    ["TIER : a", { kind: "tier", tier: "Hot" }],
    ["Any", { kind: "any" }],
    [" any ", { kind: "any" }],
    ["", { kind: "none" }],
    ["Stage: Proposal Snt", undefined],
    ["Tier: Hott", undefined],
    ["Everyone", undefined],
  ])("%j", (cell, expected) => {
    expect(parseAppliesTo(cell)).toEqual(expected);
  });
});

describe("parseCadences", () => {
  test("groups steps by cadence name in first-row order and sorts steps", () => {
    const { cadences, problems } = parse([
      ["Proposal", "Stage: Proposal Sent", 2, 7, "Email", "Check-in", true, "", ""],
      ["Hot lead", "Tier: Hot", 1, 0, "Call", "", "", "", "call fast"],
      ["proposal", "", 1, 3, "Email", "Recap", false, "", ""],
      ["Negotiation", "Stage: Negotiation", 1, 2, "", "", "", 2, ""],
    ]);
    expect(problems).toEqual([]);
    expect(cadences.map((c) => c.name)).toEqual(["Proposal", "Hot lead", "Negotiation"]);
    expect(cadences[0]?.appliesTo).toEqual({ kind: "stage", stage: "Proposal Sent" });
    expect(cadences[0]?.steps.map((s) => [s.step, s.day, s.template, s.autoSend])).toEqual([
      [1, 3, "Recap", false],
      [2, 7, "Check-in", true],
    ]);
    expect(cadences[1]?.steps[0]).toMatchObject({
      channel: "Call",
      note: "call fast",
      repeatEvery: null,
    });
    expect(cadences[2]?.steps[0]?.repeatEvery).toBe(2);
  });

  test("a blank Step takes the next number", () => {
    const { cadences } = parse([
      ["Any", "Any", "", 0, "", "", "", "", ""],
      ["Any", "", "", 2, "", "", "", "", ""],
    ]);
    expect(cadences[0]?.steps.map((s) => [s.step, s.day])).toEqual([
      [1, 0],
      [2, 2],
    ]);
  });

  test.each<[Cell[], string]>([
    [
      ["X", "Stage: Wonn", 1, 0, "", "", "", "", ""],
      'Cadences row 3: Applies To "Stage: Wonn" is not a rule',
    ],
    [
      ["X", "", 3, "three", "", "", "", "", ""],
      'Cadences row 3: Day "three" is not a whole number of days from 0 to 3650',
    ],
    [
      ["X", "", 3, -1, "", "", "", "", ""],
      'Cadences row 3: Day "-1" is not a whole number of days from 0 to 3650',
    ],
    [["X", "", 3, "", "", "", "", "", ""], "Cadences row 3: Day is blank"],
    [
      ["X", "", 1.5, 2, "", "", "", "", ""],
      'Cadences row 3: Step "1.5" is not a whole number of 1 or more',
    ],
    [
      ["X", "", 3, 2, "", "", "", "weekly", ""],
      'Cadences row 3: Repeat Every "weekly" is not a whole number',
    ],
    [["X", "", 3, 2, "", "", "", 0, ""], 'Cadences row 3: Repeat Every "0" is not a whole number'],
    [["X", "", 1, 9, "", "", "", "", ""], 'Cadences row 3: duplicate Step 1 in cadence "X"'],
    // More than ten years is a typo, not a plan (issue 7: fail safe on data).
    [
      ["X", "", 3, 3651, "", "", "", "", ""],
      'Cadences row 3: Day "3651" is not a whole number of days from 0 to 3650 (ten years)',
    ],
    [
      ["X", "", 3, "20260302", "", "", "", "", ""],
      'Cadences row 3: Day "20260302" is not a whole number of days from 0 to 3650',
    ],
    [
      ["X", "", 3, 2, "", "", "", 36500, ""],
      'Cadences row 3: Repeat Every "36500" is not a whole number of days from 1 to 3650 (ten years)',
    ],
  ])("bad row %j is ignored with a problem naming row and column", (bad, problem) => {
    const { cadences, problems } = parse([
      ["X", "Tier: Cold", 1, 0, "", "", "", "", ""],
      bad,
      ["X", "", 2, 5, "", "", "", "", ""],
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(problem);
    // The good rows around it still make the cadence.
    expect(cadences[0]?.steps.map((s) => [s.step, s.day])).toEqual([
      [1, 0],
      [2, 5],
    ]);
  });

  test.each([
    ["Day", 3650, ""],
    ["Repeat Every", 2, 3650],
  ])("%s of exactly ten years (3650) is accepted", (_column, day, repeat) => {
    const { cadences, problems } = parse([["X", "Any", 1, day, "", "", "", repeat, ""]]);
    expect(problems).toEqual([]);
    expect(cadences[0]?.steps[0]).toMatchObject({
      day,
      repeatEvery: repeat === "" ? null : repeat,
    });
  });

  test("a blank cadence name is a problem; a conflicting rule keeps the first", () => {
    const { cadences, problems } = parse([
      ["", "Any", 1, 0, "", "", "", "", ""],
      ["Y", "Tier: Warm", 1, 0, "", "", "", "", ""],
      ["Y", "Tier: Cold", 2, 3, "", "", "", "", ""],
    ]);
    expect(problems).toEqual([
      "Cadences row 2: Cadence is blank",
      'Cadences row 4: Applies To "Tier: Cold" differs from "Tier: Warm" on row 3; using row 3\'s',
    ]);
    expect(cadences).toHaveLength(1);
    expect(cadences[0]?.appliesTo).toEqual({ kind: "tier", tier: "Warm" });
    expect(cadences[0]?.steps).toHaveLength(2);
  });

  test("a missing required column is a table problem", () => {
    const { problems } = parseCadences(
      indexTable(TAB.cadences, [
        ["Cadence", "Applies To", "Step"],
        ["X", "Any", 1],
      ]),
    );
    expect(problems[0]).toBe(
      'The "Cadences" tab is missing the column "Day". Run "Set up / repair sheets" to add it.',
    );
  });
});

describe("chooseCadence", () => {
  const who = (stage: Stage | null, tier: Tier | null, cadenceName = "") => ({
    stage,
    tier,
    cadenceName,
  });

  test.each<[ReturnType<typeof who>, string | null, boolean, string | undefined]>([
    [who("Proposal Sent", "Hot"), "Proposal", true, undefined],
    [who("New Lead", "Hot"), "Hot lead", false, undefined],
    [who(null, "Cold"), "Cold", false, undefined],
    [who("Meeting Completed", null), "Outreach", false, undefined],
    [who("Proposal Sent", "Hot", "warm"), "Warm", false, undefined],
    [who("Proposal Sent", null, "Next Day"), "Next day", false, undefined],
    [who("Qualified", "Hot", "Hott"), "Qualify", true, 'Unknown cadence "Hott"'],
    [who(null, null, "Hott"), "Outreach", false, 'Unknown cadence "Hott"'],
  ])("%j → %s", (contact, name, byStage, problem) => {
    const choice = chooseCadence(contact, CADENCES);
    expect(choice.cadence?.name ?? null).toBe(name);
    expect(choice.byStage).toBe(byStage);
    expect(choice.problem).toBe(problem);
  });

  test("no rule matches → no cadence", () => {
    const onlyStages = CADENCES.filter((c) => c.appliesTo.kind === "stage");
    expect(chooseCadence(who("New Lead", "Warm"), onlyStages)).toEqual({
      cadence: null,
      byStage: false,
      explicit: false,
    });
  });

  test("a blank-rule cadence is only chosen by name", () => {
    const onlyManual = CADENCES.filter((c) => c.name === "Next day");
    expect(chooseCadence(who(null, null), onlyManual).cadence).toBeNull();
    expect(chooseCadence(who(null, null, "next day"), onlyManual).cadence?.name).toBe("Next day");
  });
});

describe("the default Cadences rows", () => {
  const headers = CADENCES_SPEC.columns.map((c) => c.header);
  const grid: Cell[][] = [
    headers,
    ...DEFAULT_CADENCE_ROWS.map((row) => headers.map((h) => row[h as keyof typeof row])),
  ];
  const { cadences, problems } = parseCadences(indexTable(TAB.cadences, grid));

  test("parse without problems, in rule order: stages, tiers, then Any", () => {
    expect(problems).toEqual([]);
    const kinds = cadences.map((c) => c.appliesTo.kind);
    expect(kinds.filter((k) => k === "stage")).toHaveLength(6);
    expect(kinds.filter((k) => k === "tier")).toHaveLength(4);
    expect(kinds.lastIndexOf("stage")).toBeLessThan(kinds.indexOf("tier"));
    expect(kinds.lastIndexOf("tier")).toBeLessThan(kinds.indexOf("any"));
    expect(DEFAULT_CADENCE_ROWS.filter((r) => r[CADENCE.autoSend] !== false)).toEqual([]);
  });

  test.each<[Stage | null, Tier | null, string, number[], number | null]>([
    ["Proposal Sent", "Hot", "Stage: Proposal Sent", [3, 7, 14, 21], null],
    ["Negotiation", null, "Stage: Negotiation", [2], 2],
    ["Won", null, "Stage: Won", [7, 30], null],
    [null, "Hot", "Tier: Hot", [0, 1, 2, 4, 6, 9, 13, 20], null],
    [null, "Dead", "Tier: Dead", [90], 90],
    ["Qualified", null, "Any", [0, 2, 6, 13, 29], null],
  ])("stage %s, tier %s → the %s cadence", (stage, tier, rule, days, repeat) => {
    const chosen = chooseCadence({ stage, tier, cadenceName: "" }, cadences).cadence;
    expect(chosen && describeAppliesTo(chosen.appliesTo)).toBe(rule);
    expect(chosen?.steps.map((s) => s.day)).toEqual(days);
    expect(chosen?.steps[chosen.steps.length - 1]?.repeatEvery).toBe(repeat);
  });
});

describe("Applies To read and written back", () => {
  test.each<[Cell, string]>([
    ["Stage = Won", "Stage: Won"],
    ["STAGE: lost", "Stage: Lost"],
    ["tier=cold", "Tier: Cold"],
    ["Any", "Any"],
    ["", ""],
  ])("%j reads as the rule %j", (cell, written) => {
    const rule = parseAppliesTo(cell);
    expect(rule && describeAppliesTo(rule)).toBe(written);
  });

  test.each<Cell>(["Stage:", "Tier:  ", "Owner: Ana", "Stage Won", "Anyone", "Backstage: Won"])(
    "%j is not a rule",
    (cell) => {
      expect(parseAppliesTo(cell)).toBeUndefined();
    },
  );
});

describe("Step, Day and Repeat Every bounds", () => {
  test.each<[string, Cell[], string]>([
    ["Step 0", ["X", "", 0, 2, "", "", "", "", ""], 'Step "0" is not a whole number of 1 or more'],
    ["Step TRUE", ["X", "", true, 2, "", "", "", "", ""], 'Step "TRUE" is not a whole number'],
    [
      "Day of an unreadable date",
      ["X", "", 3, new Date(NaN), "", "", "", "", ""],
      'Day "" is not a whole number of days from 0 to 3650',
    ],
    [
      "Day of a date",
      ["X", "", 3, new Date("2026-03-02T00:00:00Z"), "", "", "", "", ""],
      'Day "2026-03-02T00:00:00.000Z" is not a whole number of days',
    ],
    [
      "Day FALSE",
      ["X", "", 3, false, "", "", "", "", ""],
      'Day "FALSE" is not a whole number of days',
    ],
  ])("%s is ignored with a problem", (_what, bad, problem) => {
    const { cadences, problems } = parse([["X", "Any", 1, 0, "", "", "", "", ""], bad]);
    expect(problems).toEqual([expect.stringContaining(`Cadences row 3: ${problem}`)]);
    expect(cadences[0]?.steps.map((s) => s.step)).toEqual([1]);
  });

  test.each<[Cell, Cell, number, number]>([
    [1, 0, 1, 0],
    ["2", "5", 2, 5],
    [" 3 ", 1, 3, 1],
  ])("Step %j, Day %j read as %d and %d", (step, day, stepNumber, dayNumber) => {
    const { cadences, problems } = parse([["X", "Any", step, day, "", "", "", "", ""]]);
    expect(problems).toEqual([]);
    expect(cadences[0]?.steps[0]).toMatchObject({ step: stepNumber, day: dayNumber });
  });

  test("a Step number already used further up is a duplicate, not only the last one", () => {
    const { cadences, problems } = parse([
      ["X", "Any", 1, 0, "", "", "", "", ""],
      ["X", "", 2, 3, "", "", "", "", ""],
      ["X", "", 1, 9, "", "", "", "", ""],
    ]);
    expect(problems).toEqual(['Cadences row 4: duplicate Step 1 in cadence "X"']);
    expect(cadences[0]?.steps.map((s) => s.day)).toEqual([0, 3]);
  });

  test("Repeat Every of 1 (daily) is accepted", () => {
    const { cadences, problems } = parse([["X", "Any", 1, 0, "", "", "", 1, ""]]);
    expect({ problems, repeat: cadences[0]?.steps[0]?.repeatEvery }).toEqual({
      problems: [],
      repeat: 1,
    });
  });
});

describe("Channel", () => {
  test("an unknown channel is named and the step is kept without one", () => {
    const { cadences, problems } = parse([["X", "Any", 1, 0, "Fax", "", "", "", ""]]);
    expect(problems).toEqual(['Cadences row 2: unknown Channel "Fax"']);
    expect(cadences[0]?.steps[0]?.channel).toBeNull();
  });

  test("a channel is matched ignoring case; blank is no channel and no problem", () => {
    const { cadences, problems } = parse([
      ["X", "Any", 1, 0, "linkedin", "", "", "", ""],
      ["X", "", 2, 3, "", "", "", "", ""],
    ]);
    expect(problems).toEqual([]);
    expect(cadences[0]?.steps.map((s) => s.channel)).toEqual(["LinkedIn", null]);
  });
});

describe("rows and rules across a cadence", () => {
  test("blank rows are skipped without a problem", () => {
    const { cadences, problems } = parse([
      ["X", "Any", 1, 0, "", "", "", "", ""],
      ["", "", "", "", "", "", "", "", ""],
      ["X", "", 2, 4, "", "", "", "", ""],
    ]);
    expect(problems).toEqual([]);
    expect(cadences[0]?.steps.map((s) => s.day)).toEqual([0, 4]);
  });

  test("a rule first given on a later row applies, and a conflict names that row", () => {
    const { cadences, problems } = parse([
      ["Y", "", 1, 0, "", "", "", "", ""],
      ["Y", "Tier: Hot", 2, 2, "", "", "", "", ""],
      ["Y", "Tier: Cold", 3, 5, "", "", "", "", ""],
    ]);
    expect(cadences[0]?.appliesTo).toEqual({ kind: "tier", tier: "Hot" });
    expect(problems).toEqual([
      'Cadences row 4: Applies To "Tier: Cold" differs from "Tier: Hot" on row 3; using row 3\'s',
    ]);
  });

  test("the same rule repeated on every row is no conflict", () => {
    const { cadences, problems } = parse([
      ["Y", "Tier: Warm", 1, 0, "", "", "", "", ""],
      ["Y", "tier: warm", 2, 2, "", "", "", "", ""],
    ]);
    expect({ problems, steps: cadences[0]?.steps.length }).toEqual({ problems: [], steps: 2 });
  });
});

describe("chooseCadence says how it chose", () => {
  const who = (cadenceName: string) => ({
    stage: "Proposal Sent" as Stage,
    tier: null,
    cadenceName,
  });

  test("by the Cadence cell: explicit, not by stage, no problem", () => {
    expect(chooseCadence(who("Warm"), CADENCES)).toEqual({
      cadence: CADENCES.find((c) => c.name === "Warm"),
      byStage: false,
      explicit: true,
    });
  });

  test("by rule: not explicit", () => {
    expect(chooseCadence(who(""), CADENCES)).toEqual({
      cadence: CADENCES.find((c) => c.name === "Proposal"),
      byStage: true,
      explicit: false,
    });
  });

  test("an unknown name falls back to the rules and is named", () => {
    expect(chooseCadence(who("Nope"), CADENCES)).toEqual({
      cadence: CADENCES.find((c) => c.name === "Proposal"),
      byStage: true,
      explicit: false,
      problem: 'Unknown cadence "Nope"',
    });
  });
});
