// The refresh plan (DESIGN §3): from the tabs' values to exactly the cells that change, with new
// IDs, Created stamps, Hot → Warm decay logged once, and every problem collected.
import type { Cell } from "../../src/domain/cells";
import {
  computedCells,
  lostHistoryNote,
  planRefresh,
  touchIdsAfter,
  type RefreshInput,
  type RefreshPlan,
} from "../../src/domain/refresh";
import { TAB } from "../../src/domain/schema";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { indexTable } from "../../src/domain/table";
import { at, contactResult } from "../support/domain";

const ZONE = "Europe/Berlin";
const NOW = at("2026-03-04 12:00", ZONE);
const USER = "rep@example.com";

const CONTACT_HEADERS = [
  "ID",
  "Name",
  "Email",
  "Owner",
  "Tier",
  "Auto Email",
  "Created",
  "Status",
  "Due",
  "Step",
  "Problem",
  "Cadence Start",
];
const TOUCH_HEADERS = [
  "Touch ID",
  "Timestamp",
  "Contact ID",
  "Direction",
  "Channel",
  "Outcome",
  "Notes",
];
const CADENCE_GRID: Cell[][] = [
  ["Cadence", "Applies To", "Step", "Day", "Template", "Auto Send"],
  ["Outreach", "Any", 1, 0, "Intro", true],
  ["Outreach", "", 2, 2, "Bump", true],
];

function input(
  contacts: Cell[][],
  touches: Cell[][] = [],
  fields: Partial<RefreshInput> = {},
): RefreshInput {
  return {
    contacts: indexTable(TAB.contacts, [CONTACT_HEADERS, ...contacts]),
    touches: indexTable(TAB.touches, [TOUCH_HEADERS, ...touches]),
    cadences: indexTable(TAB.cadences, CADENCE_GRID),
    settings: DEFAULT_SETTINGS,
    settingsProblems: [],
    zone: ZONE,
    now: NOW,
    user: USER,
    ...fields,
  };
}

const row = (
  id: string,
  name: string,
  fields: { email?: string; tier?: string; created?: Cell } = {},
): Cell[] => [
  id,
  name,
  fields.email ?? `${name.toLowerCase()}@example.com`,
  USER,
  fields.tier ?? "",
  false,
  fields.created ?? at("2026-03-04 09:00", ZONE),
  "",
  "",
  "",
  "",
  "",
];

const BLANK_ROW: Cell[] = CONTACT_HEADERS.map(() => "");
const ANN = row("C-000007", "Ann");
const BO = row("", "Bo", { created: "" });
const CY = row("c-3", "Cy", { email: "cy at example" });
const DI = row("C-000004", "Di", { tier: "Hot", created: at("2026-01-01 09:00", ZONE) });
const EDDIE = row("C-000005", "Ed", { created: at("2026-02-20 09:00", ZONE) });
const FAY = row("C-000006", "Fay", { created: at("2026-02-20 09:00", ZONE) });
const touch = (
  id: string,
  local: string,
  contactId: string,
  direction: string,
  outcome: string,
  notes = "",
): Cell[] => [
  id,
  at(local, ZONE),
  contactId,
  direction,
  direction === "Internal" ? "Note" : "Email",
  outcome,
  notes,
];
const DI_SENT = touch("T-0000009", "2026-01-20 10:00", "C-000004", "Outbound", "Sent");
const FAY_SENT = touch("T-0000002", "2026-03-02 10:00", "C-000006", "Outbound", "Sent");
const FAY_REPLY = touch("T-0000003", "2026-03-03 10:00", "C-000006", "Inbound", "Replied");
const GHOST = touch("T-0000001", "2026-03-01 10:00", "C-999999", "Outbound", "Sent");

const ROWS = [ANN, BO, BLANK_ROW, CY, DI, EDDIE, FAY];
// Planned in beforeEach (not once per file) so per-test coverage (Stryker) sees which test ran it.
let plan: RefreshPlan;
beforeEach(() => {
  plan = planRefresh(
    input(ROWS, [DI_SENT, FAY_SENT, FAY_REPLY, GHOST], {
      settingsProblems: ['Setting "Digest hour": 99 is outside 0–23; using the default (8).'],
    }),
  );
});

/**
 * A Contacts column as the sheet holds it after the plan is written: Touchbase's computed columns
 * whole, a person's cells (ID, Created, Tier) only where they change; undefined when not written.
 */
function columnAfter(p: RefreshPlan, rows: readonly Cell[][], header: string): Cell[] | undefined {
  const whole = p.contactColumns.get(header);
  if (whole) return [...whole];
  const changes = p.contactCells.filter((change) => change.header === header);
  if (changes.length === 0) return undefined;
  const index = CONTACT_HEADERS.indexOf(header);
  const column = rows.map((cells) => cells[index] ?? "");
  for (const change of changes) column[change.row] = change.value as Cell;
  return column;
}
const column = (header: string) => columnAfter(plan, ROWS, header);

describe("planRefresh", () => {
  // C-999999, named only by a touch (a deleted contact's), still counts: its ID is never reused.
  it("gives a row without an ID the next number above every ID in either tab, and stamps its Created", () => {
    expect(column("ID")).toEqual([
      "C-000007",
      "C-1000000",
      "",
      "c-3",
      "C-000004",
      "C-000005",
      "C-000006",
    ]);
    expect(column("Created")).toEqual([ANN[6], NOW, "", CY[6], DI[6], EDDIE[6], FAY[6]]);
    expect(plan.rows.map((r) => r.contact.id)).toEqual([
      "C-000007",
      "C-1000000",
      "c-3",
      "C-000004",
      "C-000005",
      "C-000006",
    ]);
    expect(plan.counts.idsAssigned).toBe(1);
  });

  it("rewrites the computed columns the sheet has whole, a person's cells only where they change", () => {
    expect([...plan.contactColumns.keys()]).toEqual([
      "Status",
      "Due",
      "Step",
      "Cadence Start",
      "Problem",
    ]);
    expect(plan.contactCells.map((c) => `${c.header} row ${c.row}`)).toEqual([
      "ID row 1",
      "Created row 1",
      "Tier row 4",
    ]);
    expect([...plan.contactFormats.keys()]).toEqual([
      "Status",
      "Due",
      "Step",
      "Cadence Start",
      "Problem",
    ]);
  });

  it("writes each row's status, due, step and problem, leaving a blank row blank", () => {
    const statuses = column("Status");
    // Di decays Hot → Warm and keeps her place (rule 1): Warm's step 2 from January is overdue.
    expect(statuses).toEqual([
      "Due Today",
      "Due Today",
      "",
      "Due Today",
      "Overdue",
      "Overdue",
      "Replied",
    ]);
    expect(column("Due")).toEqual(
      plan.rows.flatMap((r, i) => (i === 2 ? ["", r.result.due?.at] : [r.result.due?.at ?? ""])),
    );
    expect(column("Problem")).toEqual(["", "", "", "Email looks invalid", "", "", ""]);
    expect(column("Step")![2]).toBe("");
  });

  it("formats a calendar-date Due as a date and a timed one with its time", () => {
    const expected = [
      ...plan.rows.map((r) =>
        r.result.due && !r.result.due.hasTime ? "yyyy-mm-dd" : "yyyy-mm-dd hh:mm",
      ),
    ];
    expected.splice(2, 0, "yyyy-mm-dd hh:mm");
    expect(plan.contactFormats.get("Due")).toEqual(expected);
    expect(new Set(plan.contactFormats.get("Due"))).toEqual(
      new Set(["yyyy-mm-dd", "yyyy-mm-dd hh:mm"]),
    );
    expect(plan.contactFormats.get("Status")).toEqual(new Array(7).fill("@"));
  });

  it("counts contacts, due, overdue, replied and rows with a problem", () => {
    expect(plan.counts).toEqual({
      contacts: 6,
      due: 3,
      overdue: 2,
      replied: 1,
      problems: 1,
      idsAssigned: 1,
      tierChanges: 1,
    });
  });

  it("collects the settings' problems first, then the tabs' own", () => {
    expect(plan.problems[0]).toBe(
      'Setting "Digest hour": 99 is outside 0–23; using the default (8).',
    );
    expect(plan.problems.slice(1).filter((p) => p.includes("C-999999")).length).toBe(1);
    expect(plan.problems.length).toBe(2);
  });

  it("turns an untouched Hot contact Warm and logs it as one internal touch", () => {
    expect(column("Tier")).toEqual(["", "", "", "", "Warm", "", ""]);
    // The cells a note fills; every other Touches column is written blank.
    const filled = (cells: ReadonlyMap<string, Cell>) =>
      Object.fromEntries([...cells].filter(([, value]) => value !== ""));
    expect(plan.newTouches.map((t) => filled(t.cells))).toEqual([
      {
        "Touch ID": "T-0000010",
        Timestamp: NOW,
        "Contact ID": "C-000004",
        Contact: "Di",
        Channel: "Note",
        Direction: "Internal",
        Outcome: "Tier Changed",
        Notes: "Tier Hot → Warm: no touch for 30 days.",
        "Logged By": USER,
        Source: "Automation",
      },
    ]);
  });

  it("computes the decayed row with its new touch in the log, as the next run will read it", () => {
    const di = plan.rows.find((r) => r.contact.id === "C-000004")!.result;
    // A tier change keeps the cadence start (rule 1): Created, as on the first refresh.
    expect({ lastOutcome: di.lastOutcome, cadenceStart: di.cadenceStart }).toEqual({
      lastOutcome: "Sent",
      cadenceStart: DI[6],
    });
  });
});

describe("a second refresh over the written sheet", () => {
  /** The Contacts grid with the plan's columns written back. */
  function written(contacts: Cell[][]): Cell[][] {
    return contacts.map((cells, index) =>
      CONTACT_HEADERS.map((header, c) => columnAfter(plan, ROWS, header)?.[index] ?? cells[c]!),
    );
  }
  const touchRow = (cells: ReadonlyMap<string, Cell>): Cell[] =>
    TOUCH_HEADERS.map((h) => cells.get(h) ?? "");
  let contacts: Cell[][];
  let touches: Cell[][];
  beforeEach(() => {
    contacts = written([ANN, BO, BLANK_ROW, CY, DI, EDDIE, FAY]);
    touches = [
      DI_SENT,
      FAY_SENT,
      FAY_REPLY,
      GHOST,
      ...plan.newTouches.map((t) => touchRow(t.cells)),
    ];
  });

  it("finds every computed cell already right: writes nothing, assigns nothing, logs nothing", () => {
    const again = planRefresh(input(contacts, touches));
    expect({ columns: [...again.contactColumns.keys()], cells: again.contactCells }).toEqual({
      columns: [],
      cells: [],
    });
    expect({ newTouches: again.newTouches.length, counts: again.counts }).toEqual({
      newTouches: 0,
      counts: { ...plan.counts, idsAssigned: 0, tierChanges: 0 },
    });
  });

  it("after a crash between the touch and the Tier write: writes Warm again, logs no second touch", () => {
    const tierNotWritten = contacts.map((cells, i) =>
      i === 4 ? DI.map((c, j) => (j === 0 ? "C-000004" : c)) : cells,
    );
    const again = planRefresh(input(tierNotWritten, touches));
    expect({
      tier: columnAfter(again, tierNotWritten, "Tier"),
      newTouches: again.newTouches.length,
    }).toEqual({
      tier: ["", "", "", "", "Warm", "", ""],
      newTouches: 0,
    });
  });

  it("logs a new decay touch when a real touch came after the last one", () => {
    const laterSent = touch("T-0000011", "2026-02-01 10:00", "C-000004", "Outbound", "Sent");
    const tierChanged = touch(
      "T-0000010",
      "2026-01-25 10:00",
      "C-000004",
      "Internal",
      "Tier Changed",
    );
    const again = planRefresh(input([DI], [DI_SENT, tierChanged, laterSent]));
    expect(again.newTouches.map((t) => t.cells.get("Touch ID"))).toEqual(["T-0000012"]);
  });
});

describe("a decay logged before its Tier was written", () => {
  it("when that note is the contact's only touch: writes Warm, logs no second note", () => {
    const noted = touch("T-0000001", "2026-03-01 10:00", "C-000004", "Internal", "Tier Changed");
    const again = planRefresh(input([DI], [noted]));
    expect({
      tier: columnAfter(again, [DI], "Tier"),
      newTouches: again.newTouches.length,
      historyLost: again.historyLost,
      counts: again.counts,
    }).toEqual({
      tier: ["Warm"],
      newTouches: 0,
      historyLost: false,
      counts: {
        contacts: 1,
        due: 0,
        overdue: 1,
        replied: 0,
        problems: 0,
        idsAssigned: 0,
        tierChanges: 1,
      },
    });
  });
});

describe("planRefresh when Auto-adjust tier is No", () => {
  it("leaves Tier alone and logs nothing", () => {
    const off = planRefresh(
      input([DI], [DI_SENT], { settings: { ...DEFAULT_SETTINGS, autoAdjustTier: false } }),
    );
    expect({ tier: columnAfter(off, [DI], "Tier"), touches: off.newTouches.length }).toEqual({
      tier: undefined,
      touches: 0,
    });
  });
});

describe("Touch IDs", () => {
  const typed = (notes: string): Cell[] => [
    "",
    at("2026-03-02 09:00", ZONE),
    "C-000006",
    "Outbound",
    "Email",
    "Sent",
    notes,
  ];
  const BLANK_TOUCH: Cell[] = TOUCH_HEADERS.map(() => "");

  it("numbers typed touches with a blank Touch ID in sheet order, skipping blank rows", () => {
    const touches = [DI_SENT, typed("first"), BLANK_TOUCH, typed("second")];
    const p = planRefresh(input([FAY], touches));
    expect(p.touchCells).toEqual([
      { row: 1, header: "Touch ID", value: "T-0000010" },
      { row: 3, header: "Touch ID", value: "T-0000011" },
    ]);
  });

  it("hands out IDs after the sheet's, the typed touches' and the appended touches'", () => {
    const touches = [DI_SENT, typed("typed")];
    const p = planRefresh(input([DI], touches));
    // T-0000010 for the typed touch, T-0000011 for Di's decay note.
    expect(p.newTouches.map((t) => t.cells.get("Touch ID"))).toEqual(["T-0000011"]);
    const next = touchIdsAfter(indexTable(TAB.touches, [TOUCH_HEADERS, ...touches]), p);
    expect([next(), next()]).toEqual(["T-0000012", "T-0000013"]);
  });

  it("hands out IDs after the typed touches' when nothing is appended", () => {
    const touches = [FAY_SENT, typed("typed")];
    const p = planRefresh(input([FAY], touches));
    expect({ touchCells: p.touchCells.map((c) => c.value), appended: p.newTouches }).toEqual({
      touchCells: ["T-0000003"],
      appended: [],
    });
    const next = touchIdsAfter(indexTable(TAB.touches, [TOUCH_HEADERS, ...touches]), p);
    expect(next()).toBe("T-0000004");
  });

  it("names a Touch ID that looks like Touchbase's but is not, by tab and sheet row", () => {
    const odd = touch("T-12x", "2026-03-02 10:00", "C-000006", "Outbound", "Sent");
    const p = planRefresh(input([FAY], [FAY_SENT, odd]));
    expect(p.problems).toEqual([
      'Touches row 3: Touch ID "T-12x" is not a Touchbase ID (T- and at most 12 digits): ' +
        "new IDs do not count from it",
    ]);
  });

  it("gives a contact with an unusual ID its problem first, and no new ID", () => {
    const p = planRefresh(input([row("C-12x", "Odd")]));
    expect(p.rows[0]?.result.problem).toBe(
      'ID "C-12x" is not a Touchbase ID (C- and at most 12 digits): new IDs do not count from it',
    );
    expect(p.contactCells).toEqual([]);
    expect(p.counts.problems).toBe(1);
  });
});

describe("a new row's Created", () => {
  it("keeps text a person typed there (with its problem) and stamps only a blank one", () => {
    const typed = row("", "Tess", { created: "from trade show" });
    const p = planRefresh(input([typed, BO]));
    expect(p.contactCells).toEqual([
      { row: 0, header: "ID", value: "C-000001" },
      { row: 1, header: "ID", value: "C-000002" },
      { row: 1, header: "Created", value: NOW },
    ]);
    expect(p.rows.map((r) => r.contact.created)).toEqual([null, NOW]);
  });
});

describe("a Contacts tab without Created or Tier", () => {
  const without = (headers: string[]) => {
    const keep = CONTACT_HEADERS.map((h, i) => (headers.includes(h) ? -1 : i)).filter(
      (i) => i >= 0,
    );
    return (cells: Cell[]) => keep.map((i) => cells[i]!);
  };
  it("assigns the new ID but stamps no Created, and decays no Tier it cannot write", () => {
    const pick = without(["Created", "Tier"]);
    const headers = pick(CONTACT_HEADERS);
    const p = planRefresh({
      ...input([], [DI_SENT]),
      contacts: indexTable(TAB.contacts, [headers, pick(BO), pick(DI)]),
    });
    expect(p.contactCells).toEqual([{ row: 0, header: "ID", value: "C-000005" }]);
    expect({ newTouches: p.newTouches, tierChanges: p.counts.tierChanges }).toEqual({
      newTouches: [],
      tierChanges: 0,
    });
  });
});

describe("the computed cells of a row", () => {
  it("writes each result under its header, blanks for what is unknown, long text fitted", () => {
    const lastTouch = at("2026-03-01 10:00", ZONE);
    const due = at("2026-03-05 00:00", ZONE);
    expect(
      computedCells(
        contactResult("Overdue", {
          due: { at: due, hasTime: false },
          lastTouch,
          daysSinceTouch: 3,
          touches: 4,
          attempts: 2,
          step: "2 of 5",
          lastOutcome: "x".repeat(50_001),
          cadenceStart: lastTouch,
          problem: "Email looks invalid",
        }),
      ),
    ).toEqual({
      Status: "Overdue",
      Due: due,
      "Last Touch": lastTouch,
      "Days Since Touch": 3,
      Touches: 4,
      Attempts: 2,
      Step: "2 of 5",
      "Last Outcome": `${"x".repeat(49_999)}…`,
      "Cadence Start": lastTouch,
      Problem: "Email looks invalid",
    });
    expect(computedCells(contactResult("Upcoming"))).toEqual({
      Status: "Upcoming",
      Due: "",
      "Last Touch": "",
      "Days Since Touch": "",
      Touches: 0,
      Attempts: 0,
      Step: "",
      "Last Outcome": "",
      "Cadence Start": "",
      Problem: "",
    });
  });
});

describe("a touch history that looks lost", () => {
  const contacts = (counts: Cell[]) =>
    indexTable(TAB.contacts, [["ID", "Touches"], ...counts.map((c, i) => [`C-00000${i + 1}`, c])]);
  const emptyTouches = indexTable(TAB.touches, [TOUCH_HEADERS, TOUCH_HEADERS.map(() => "")]);

  it("is named when Touches is empty but Contacts counted touches", () => {
    expect(lostHistoryNote(contacts([3, 0, "", "n/a", 1]), emptyTouches)).toBe(
      "The Touches tab is empty, but 2 contacts on Contacts had touches counted: the history " +
        "looks lost (a renamed or deleted Touches tab?). This run changed nothing on Contacts — " +
        "no tiers, IDs or statuses — so nothing is decided on an empty history. Rename the old " +
        'tab back to "Touches" (after deleting the new empty one); if you emptied the log on ' +
        "purpose, clear the Touches column on Contacts.",
    );
    expect(lostHistoryNote(contacts([0, 1]), emptyTouches)).toMatch(
      /^The Touches tab is empty, but 1 contact on Contacts had/,
    );
  });

  it("is not named while Touches has a row, or when no contact counted a touch", () => {
    const oneTouch = indexTable(TAB.touches, [TOUCH_HEADERS, DI_SENT]);
    expect(lostHistoryNote(contacts([3]), oneTouch)).toBeNull();
    expect(lostHistoryNote(contacts([0, "", -1]), emptyTouches)).toBeNull();
    expect(
      lostHistoryNote(indexTable(TAB.contacts, [["ID"], ["C-000001"]]), emptyTouches),
    ).toBeNull();
  });

  it("makes the plan write nothing and assign nothing, but still count and say why", () => {
    const headers = [...CONTACT_HEADERS, "Touches"];
    const p = planRefresh({
      ...input([]),
      contacts: indexTable(TAB.contacts, [headers, [...BO, ""], [...DI, 2]]),
    });
    expect({
      historyLost: p.historyLost,
      columns: [...p.contactColumns.keys()],
      formats: [...p.contactFormats.keys()],
      contactCells: p.contactCells,
      touchCells: p.touchCells,
      newTouches: p.newTouches,
      counts: p.counts,
    }).toEqual({
      historyLost: true,
      columns: [],
      formats: [],
      contactCells: [],
      touchCells: [],
      newTouches: [],
      counts: {
        contacts: 2,
        due: 1,
        overdue: 1,
        replied: 0,
        problems: 0,
        idsAssigned: 0,
        tierChanges: 0,
      },
    });
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]).toMatch(/^The Touches tab is empty, but 1 contact on Contacts/);
  });
});
