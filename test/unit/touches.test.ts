import { localDateTime } from "../../src/domain/dates";
import { parseTouches, touchCells, touchesByContact } from "../../src/domain/touches";
import { touch } from "../support/domain";
import { TAB } from "../../src/domain/schema";
import { indexTable } from "../../src/domain/table";
import { contact } from "./engine-fixtures";
import { type Cell } from "../../src/domain/cells";

const ZONE = "Europe/Berlin";
const HEADERS = [
  "Touch ID",
  "Timestamp",
  "Contact ID",
  "Contact",
  "Channel",
  "Direction",
  "Outcome",
  "Stage",
  "Next Follow-Up",
  "Delivery",
];
type RowFields = Partial<Record<(typeof HEADERS)[number], Cell>>;

const CONTACTS = [
  contact({ id: "C-000001", name: "Ann Lee", rowNumber: 2 }),
  contact({ id: "C-000002", name: "Bo Park", rowNumber: 3 }),
  contact({ id: "C-000003", name: "Bo Park", rowNumber: 4 }),
];

function parse(rows: RowFields[]) {
  const grid: Cell[][] = [HEADERS, ...rows.map((r) => HEADERS.map((h) => r[h] ?? ""))];
  return parseTouches(indexTable(TAB.touches, grid), CONTACTS, ZONE);
}

const base: RowFields = {
  "Touch ID": "T-1",
  Timestamp: "2026-03-02 10:00",
  "Contact ID": "C-000001",
  Channel: "Email",
};

describe("parseTouches", () => {
  test("reads a row and resolves its contact", () => {
    const { touches, problems } = parse([
      {
        ...base,
        Direction: "inbound",
        Outcome: "replied",
        Stage: "proposal sent",
        "Next Follow-Up": "2026-03-05",
        Delivery: "sent",
      },
    ]);
    expect(problems).toEqual([]);
    expect(touches[0]).toMatchObject({
      rowNumber: 2,
      touchId: "T-1",
      timestamp: localDateTime(ZONE, 2026, 3, 2, 10, 0),
      contactId: "C-000001",
      channel: "Email",
      direction: "Inbound",
      outcome: "Replied",
      stage: "Proposal Sent",
      nextFollowUp: { at: localDateTime(ZONE, 2026, 3, 5), hasTime: false },
      delivery: "Sent",
    });
  });

  test.each<[RowFields, string, string]>([
    [{ "Contact ID": "c-000001" }, "C-000001", "case-insensitive ID"],
    [{ "Contact ID": "", Contact: "ann lee" }, "C-000001", "unique name"],
  ])("%j resolves to %s (%s)", (fields, id) => {
    const { touches, problems } = parse([{ ...base, ...fields }]);
    expect(problems).toEqual([]);
    expect(touches[0]?.contactId).toBe(id);
  });

  test.each<[RowFields, string]>([
    [{ "Contact ID": "C-9" }, 'Touches row 2: unknown Contact ID "C-9"'],
    [{ "Contact ID": "", Contact: "Zed" }, 'Touches row 2: unknown Contact "Zed"'],
    [
      { "Contact ID": "", Contact: "Bo Park" },
      'Touches row 2: Contact "Bo Park" matches 2 contacts; fill in Contact ID',
    ],
    [{ "Contact ID": "", Contact: "" }, "Touches row 2: Contact ID and Contact are blank"],
  ])("unresolved %j is kept with a problem", (fields, problem) => {
    const { touches, problems } = parse([{ ...base, ...fields }]);
    expect(problems).toEqual([problem]);
    expect(touches).toHaveLength(1);
    expect(touches[0]?.contactId).toBe("");
  });

  test.each<[Cell, string]>([
    ["", "Touches row 2: Timestamp is blank"],
    ["last week", 'Touches row 2: Timestamp "last week" is not a date'],
    [45000, 'Touches row 2: Timestamp "45000" is not a date'],
  ])("an unreadable Timestamp %j skips the row with a problem", (stamp, problem) => {
    const { touches, problems } = parse([
      { ...base, Timestamp: stamp },
      { ...base, "Touch ID": "T-2" },
    ]);
    expect(problems).toEqual([problem]);
    expect(touches.map((t) => t.touchId)).toEqual(["T-2"]);
  });

  test.each<[string, string, string]>([
    ["Email", "", "Outbound"],
    ["Call", "", "Outbound"],
    ["Note", "", "Internal"],
    ["Note", "Outbound", "Outbound"],
    ["Call", "in", "Inbound"],
    ["Call", " OUT ", "Outbound"],
  ])("channel %s with direction %j → %s", (channel, direction, expected) => {
    const { touches } = parse([{ ...base, Channel: channel, Direction: direction }]);
    expect(touches[0]?.direction).toBe(expected);
  });

  // Issue 7: an unknown word is never read as Outbound (an attempt) nor as Inbound (a reply).
  test.each([["Received"], ["Sent"], ["outgoing"], ["2"]])(
    "direction %j on an Email → unknown (null), a Problem on that row, the touch kept",
    (word) => {
      const { touches, problems } = parse([{ ...base, Channel: "Email", Direction: word }]);
      expect(touches.map((t) => [t.touchId, t.direction])).toEqual([["T-1", null]]);
      expect(problems).toEqual([
        `Touches row 2: unknown Direction "${word}" (use Outbound, Inbound, Internal); not counted as an attempt or a reply`,
      ]);
    },
  );

  test("bad words are reported per row and column, and the touch is kept", () => {
    const { touches, problems } = parse([
      { ...base, Channel: "Pigeon", Direction: "Sideways", Stage: "Wonn" },
    ]);
    expect(problems).toEqual([
      'Touches row 2: unknown Channel "Pigeon"',
      'Touches row 2: unknown Direction "Sideways" (use Outbound, Inbound, Internal); not counted as an attempt or a reply',
      'Touches row 2: unknown Stage "Wonn"',
    ]);
    expect(touches).toHaveLength(1);
  });

  test("touches are sorted by time, ties keep sheet order; blank rows are skipped", () => {
    const { touches } = parse([
      { ...base, "Touch ID": "late", Timestamp: "2026-03-04 10:00" },
      {},
      { ...base, "Touch ID": "tie-1", Timestamp: "2026-03-02 10:00" },
      { ...base, "Touch ID": "tie-2", Timestamp: localDateTime(ZONE, 2026, 3, 2, 10, 0) },
      { ...base, "Touch ID": "early", Timestamp: "2026-03-01T08:00:00Z" },
    ]);
    expect(touches.map((t) => [t.touchId, t.rowNumber])).toEqual([
      ["early", 6],
      ["tie-1", 4],
      ["tie-2", 5],
      ["late", 2],
    ]);
  });

  test("touchesByContact groups resolved touches and leaves out the rest", () => {
    const { touches } = parse([
      { ...base, "Touch ID": "a" },
      { ...base, "Touch ID": "b", "Contact ID": "C-000002" },
      { ...base, "Touch ID": "c", "Contact ID": "C-404" },
      { ...base, "Touch ID": "d", Timestamp: "2026-03-03 10:00" },
    ]);
    const grouped = touchesByContact(touches);
    expect([...grouped.keys()].sort()).toEqual(["C-000001", "C-000002"]);
    expect(grouped.get("C-000001")?.map((t) => t.touchId)).toEqual(["a", "d"]);
  });
});

describe("touchCells", () => {
  test("a touch's cells by header, Step and Stage included, blanks for what it lacks", () => {
    const logged = touch("2026-11-23 09:00", {
      touchId: "T-0000042",
      contactId: "C-000001",
      contactName: "Ann Lee",
      channel: "Email",
      direction: "Outbound",
      outcome: "Sent",
      template: "Hot follow-up",
      step: "2/8 Hot lead",
      stage: null,
      notes: "To: ann@client.test",
      nextFollowUp: null,
      source: null,
      delivery: null,
    });
    const cells = Object.fromEntries(touchCells(logged));
    expect(cells).toMatchObject({
      "Touch ID": "T-0000042",
      "Contact ID": "C-000001",
      Contact: "Ann Lee",
      Channel: "Email",
      Direction: "Outbound",
      Outcome: "Sent",
      Template: "Hot follow-up",
      Step: "2/8 Hot lead",
      Stage: "",
      Notes: "To: ann@client.test",
      "Next Follow-Up": "",
      Source: "",
      Delivery: "",
    });
    expect(cells.Timestamp).toEqual(logged.timestamp);
  });
});
