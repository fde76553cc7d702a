// From raw tab grids to computed rows: every bad input is named, and one bad row never stops
// the others.
import { parseCadences } from "../../src/domain/cadences";
import { parseContacts } from "../../src/domain/contacts";
import { localDateTime } from "../../src/domain/dates";
import { computeContact } from "../../src/domain/engine";
import { STATUSES, TAB } from "../../src/domain/schema";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { indexTable } from "../../src/domain/table";
import { parseTouches, touchesByContact } from "../../src/domain/touches";
import { type Cell } from "../../src/domain/cells";

const ZONE = "America/New_York";
const NOW = localDateTime(ZONE, 2026, 3, 4, 12, 0); // Wednesday noon
const created = localDateTime(ZONE, 2026, 3, 2, 9, 0);

const CONTACT_HEADERS = [
  "ID",
  "Name",
  "Email",
  "Owner",
  "Stage",
  "Tier",
  "Cadence",
  "Deal Value",
  "Next Follow-Up",
  "Created",
];
const contactsGrid: Cell[][] = [
  CONTACT_HEADERS,
  [
    "C-1",
    "Ann",
    "ann@example.com",
    "rep@example.com",
    "Proposal Sent",
    "Hot",
    "",
    5000,
    "",
    created,
  ],
  ["C-2", "Bo", "bo@example.com", "rep@example.com", "Qualified", "", "", "abc", "", created],
  ["", "", "", "", "", "", "", "", "", ""],
  ["C-3", "Cy", "cy@example.com", "rep@example.com", "Qualified", "", "", "", "32/13", created],
  ["C-4", "Di", "di@example.com", "rep@example.com", "Proposal Snt", "Warm", "", "", "", created],
  ["C-5", "Ed", "ed@example.com", "rep@example.com", "", "Hott", "", "", "", created],
  ["C-6", "Flo", "flo@example.com", "rep@example.com", "", "Cold", "Hott", "", "", created],
  ["C-1", "Gus", "gus@example", "", "Qualified", "B", "", "", "", created],
  [
    "C-8",
    "Hal",
    "hal@example.com",
    "rep@example.com",
    "Negotiation",
    "",
    "",
    "",
    "2026-03-10",
    created,
  ],
];

const TOUCH_HEADERS = [
  "Touch ID",
  "Timestamp",
  "Contact ID",
  "Contact",
  "Channel",
  "Direction",
  "Outcome",
  "Stage",
];
const touchesGrid: Cell[][] = [
  TOUCH_HEADERS,
  [
    "T-1",
    localDateTime(ZONE, 2026, 3, 2, 10, 0),
    "C-1",
    "Ann",
    "Email",
    "Outbound",
    "Sent",
    "Proposal Sent",
  ],
  ["T-2", "2026-03-03 10:00", "c-2", "Bo", "Call", "", "Connected", ""],
  ["T-3", "2026-03-03 11:00", "C-9", "Nobody", "Email", "Outbound", "Sent", ""],
  ["T-4", "not a time", "C-1", "Ann", "Email", "Inbound", "Replied", ""],
  ["", "", "", "", "", "", "", ""],
  ["T-6", "2026-03-03 12:00", "", "Hal", "Email", "Inbound", "Replied", ""],
];

const CADENCE_HEADERS = ["Cadence", "Applies To", "Step", "Day", "Repeat Every"];
const cadencesGrid: Cell[][] = [
  CADENCE_HEADERS,
  ["Proposal", "Stage: Proposal Sent", 1, 3, ""],
  ["Proposal", "", 2, 7, ""],
  ["Qualify", "Stage: Qualified", 1, 1, ""],
  ["Qualify", "", 2, "two", ""],
  ["Qualify", "", 3, 4, ""],
  ["Warm", "Tier: Warm", 1, 0, ""],
  ["Standard", "Any", 1, 0, ""],
  ["Standard", "", 2, 2, ""],
];

describe("a whole sheet with problems", () => {
  const contacts = parseContacts(indexTable(TAB.contacts, contactsGrid), ZONE);
  const touches = parseTouches(indexTable(TAB.touches, touchesGrid), contacts.contacts, ZONE);
  const cadences = parseCadences(indexTable(TAB.cadences, cadencesGrid));
  const byContact = touchesByContact(touches.touches);
  const results = new Map(
    contacts.contacts.map((contact) => [
      contact.rowNumber,
      computeContact({
        contact,
        touches: byContact.get(contact.id) ?? [],
        cadences: cadences.cadences,
        settings: DEFAULT_SETTINGS,
        zone: ZONE,
        now: NOW,
      }),
    ]),
  );

  test("the blank row in the middle is skipped; every other row is a contact", () => {
    expect(contacts.contacts.map((c) => c.rowNumber)).toEqual([2, 3, 5, 6, 7, 8, 9, 10]);
  });

  test.each<[number, string]>([
    [2, "Duplicate ID C-1 (also row 9)"],
    [3, 'Deal Value "abc" is not a number'],
    [5, 'Next Follow-Up "32/13" is not a date'],
    [6, 'Unknown stage "Proposal Snt"'],
    [7, 'Unknown tier "Hott"'],
    [8, 'Unknown cadence "Hott"'],
    [9, "Duplicate ID C-1 (also row 2); Email looks invalid; No owner"],
    [10, ""],
  ])("row %i problem: %j", (row, problem) => {
    const result = results.get(row);
    expect(result?.problem).toBe(problem);
  });

  test("every row still gets a status and a due", () => {
    for (const [row, result] of results) {
      expect({ row, ok: STATUSES.includes(result.status) && result.due !== null }).toEqual({
        row,
        ok: true,
      });
    }
  });

  test("a duplicate ID names the other row on the first one too", () => {
    const first = contacts.contacts.find((c) => c.rowNumber === 2);
    expect(first?.problems).toEqual(["Duplicate ID C-1 (also row 9)"]);
  });

  test("rows with bad values fall back sensibly", () => {
    // Unknown stage → chosen by tier; unknown cadence → chosen by the rules (Any).
    expect(results.get(6)?.cadence).toBe("Warm");
    expect(results.get(8)?.cadence).toBe("Standard");
    // The Qualify cadence lost its bad row but still applies with the good ones.
    expect(results.get(3)?.step).toBe("2/2 Qualify");
  });

  test("touches resolve by ID (any case) or unique name, and bad rows are named", () => {
    expect(touches.problems).toEqual([
      'Touches row 4: unknown Contact ID "C-9"',
      'Touches row 5: Timestamp "not a time" is not a date',
    ]);
    expect(byContact.get("C-2")?.map((t) => t.touchId)).toEqual(["T-2"]);
    expect(results.get(10)?.status).toBe("Replied");
  });

  test("cadence problems name the row and column", () => {
    expect(cadences.problems).toEqual([
      'Cadences row 5: Day "two" is not a whole number of days from 0 to 3650 (ten years)',
    ]);
  });

  test("the clean contact is computed as usual", () => {
    const ann = results.get(2);
    expect(ann).toMatchObject({
      status: "Upcoming",
      step: "1/2 Proposal",
      cadence: "Proposal",
      touches: 1,
    });
    expect(ann?.due?.at).toEqual(localDateTime(ZONE, 2026, 3, 5));
  });
});
