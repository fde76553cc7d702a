// What the sidebar shows (DESIGN §6): the contact card with its "per cadence" chip, search by
// name, company or email, My day (the user's Replied / Overdue / Due Today list) and the owners
// offered for Reassign and Cover.
import type { ContactHit } from "../../src/api/sidebarApi";
import { normalizeKey, type Cell } from "../../src/domain/cells";
import {
  CARD_TOUCHES,
  MAX_MY_DAY,
  MAX_SEARCH_HITS,
  cadenceDate,
  contactCard,
  dueText,
  myDay,
  ownersOf,
  refOf,
  searchContacts,
} from "../../src/domain/contactCard";
import { CONTACT, TAB } from "../../src/domain/schema";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import {
  BERLIN,
  at,
  contact,
  contactResult,
  dateOnly,
  tableOfRecords,
  timed,
  touch,
} from "../support/domain";
import { CADENCES } from "./engine-fixtures";

describe("dueText: a Due as the sheet shows it", () => {
  test("a calendar date, a date with its time, or blank", () => {
    expect(dueText(dateOnly("2026-11-24"), BERLIN)).toBe("2026-11-24");
    expect(dueText(timed("2026-03-05 09:07"), BERLIN)).toBe("2026-03-05 09:07");
    expect(dueText(null, BERLIN)).toBe("");
  });

  test("in the sheet's zone, not the server's", () => {
    // 23:30 in New York is already the next day in Berlin.
    const lateEvening = { at: at("2026-11-24 23:30", "America/New_York"), hasTime: true };
    expect(dueText(lateEvening, "America/New_York")).toBe("2026-11-24 23:30");
    expect(dueText(lateEvening, BERLIN)).toBe("2026-11-25 05:30");
  });
});

describe("refOf", () => {
  test("where the sidebar saw the contact: ID, Name and sheet row", () => {
    expect(refOf(contact({ id: "C-000007", name: "Bo Chen", rowNumber: 9 }))).toEqual({
      id: "C-000007",
      name: "Bo Chen",
      row: 9,
    });
  });
});

describe("cadenceDate: the per cadence chip", () => {
  // Warm: steps on days 0, 3, 7 and 14 from Created (Monday 2 March); step 1 went out that day.
  const input = {
    contact: contact({
      tier: "Warm",
      created: at("2026-03-02 09:00"),
      nextFollowUp: dateOnly("2026-04-01"),
    }),
    touches: [touch("2026-03-02 10:00", { nextFollowUp: dateOnly("2026-05-01") })],
    cadences: CADENCES,
    settings: DEFAULT_SETTINGS,
    zone: BERLIN,
    now: at("2026-03-04 12:00"),
  };

  test("the date the cadence gives once a touch is logged now without a Next Follow-Up", () => {
    // A touch now is step 2, so step 3 (day 7) is next: Monday 9 March. The Next Follow-Ups on
    // the contact and on the last touch are what a new touch replaces, so they do not count.
    expect(cadenceDate(input)).toBe("2026-03-09");
  });

  test("blank when the contact would have nothing due (Paused)", () => {
    expect(cadenceDate({ ...input, contact: { ...input.contact, paused: true } })).toBe("");
  });
});

describe("contactCard", () => {
  const ann = contact({
    id: "C-000001",
    name: "Ann Lee",
    rowNumber: 5,
    email: "ann@acme.test",
    company: "Acme",
    owner: "rep@acme.test",
    stage: "Proposal Sent",
    tier: "Hot",
    nextStep: "Send the pricing",
    cells: new Map<string, Cell>([[normalizeKey(CONTACT.phone), "+49 30 1234"]]),
  });
  const result = contactResult("Overdue", {
    due: dateOnly("2026-03-09"),
    step: "2/4 Proposal",
    problem: "Next Follow-Up is in the past",
    nextMeeting: at("2026-03-12 14:30"),
  });
  const log = Array.from({ length: CARD_TOUCHES + 2 }, (_, i) =>
    touch(`2026-03-0${i + 1} 10:00`, { notes: `touch ${i + 1}` }),
  );

  test("shows the contact's cells and the engine's status, due, step and problem", () => {
    const card = contactCard(ann, result, log, BERLIN, "2026-03-16");
    expect({ ...card, lastTouches: card.lastTouches.length }).toEqual({
      ref: { id: "C-000001", name: "Ann Lee", row: 5 },
      email: "ann@acme.test",
      phone: "+49 30 1234",
      company: "Acme",
      owner: "rep@acme.test",
      stage: "Proposal Sent",
      tier: "Hot",
      nextStep: "Send the pricing",
      nextMeeting: "2026-03-12 14:30",
      status: "Overdue",
      due: "2026-03-09",
      step: "2/4 Proposal",
      problem: "Next Follow-Up is in the past",
      paused: false,
      optedOut: false,
      closed: false,
      cadenceDate: "2026-03-16",
      lastTouches: CARD_TOUCHES,
    });
  });

  test("blank cells read as blank; no meeting and no due show nothing", () => {
    const bare = contact({ paused: true, optedOut: true });
    const card = contactCard(bare, contactResult("Paused"), [], BERLIN, "");
    expect(card).toMatchObject({
      phone: "",
      stage: "",
      tier: "",
      nextMeeting: "",
      due: "",
      paused: true,
      optedOut: true,
      cadenceDate: "",
      lastTouches: [],
    });
  });

  test("Won and Lost are closed deals; any other stage is open", () => {
    const closed = (stage: "Won" | "Lost" | "Nurture" | null) =>
      contactCard(contact({ stage }), contactResult("Closed"), [], BERLIN, "").closed;
    expect([closed("Won"), closed("Lost"), closed("Nurture"), closed(null)]).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  test("the last five touches, newest first, as JSON-safe lines", () => {
    const card = contactCard(ann, result, log, BERLIN, "");
    expect(card.lastTouches.map((line) => line.notes)).toEqual([
      "touch 7",
      "touch 6",
      "touch 5",
      "touch 4",
      "touch 3",
    ]);
    const note = touch("2026-03-09 10:15", {
      channel: null,
      direction: null,
      outcome: "Note",
      notes: "Met at the fair",
      loggedBy: "sam@acme.test",
    });
    expect(contactCard(ann, result, [note], BERLIN, "").lastTouches).toEqual([
      {
        timestamp: "2026-03-09T09:15:00.000Z",
        channel: "",
        direction: "",
        outcome: "Note",
        notes: "Met at the fair",
        loggedBy: "sam@acme.test",
      },
    ]);
    // A long note shows its first 500 characters; the whole note stays on Touches.
    const long = touch("2026-03-09 10:15", { notes: "x".repeat(2_000) });
    const [line] = contactCard(ann, result, [long], BERLIN, "").lastTouches;
    expect(line?.notes).toBe(`${"x".repeat(499)}…`);
  });
});

/** The Contacts tab as the last refresh left it (only the columns the lists read). */
const LIST_HEADERS = [
  CONTACT.id,
  CONTACT.name,
  CONTACT.company,
  CONTACT.email,
  CONTACT.owner,
  CONTACT.status,
  CONTACT.due,
  CONTACT.nextStep,
];
const contactsTab = (rows: readonly Readonly<Record<string, Cell>>[]) =>
  tableOfRecords(TAB.contacts, LIST_HEADERS, rows);

const names = (hits: readonly ContactHit[]) => hits.map((hit) => hit.ref.name);

describe("searchContacts: by name, company or email", () => {
  const table = contactsTab([
    { ID: "C-1", Name: "Cy Young", Company: "Annex Ltd", Email: "cy@initech.test" },
    { ID: "C-2", Name: "Bob Annan", Company: "Globex", Email: "BOB@Globex.test" },
    { ID: "C-3", Name: "Anna Zed", Company: "Hooli", Email: "anna@hooli.test" },
    {
      ID: "C-4",
      Name: "Ann Lee",
      Company: "Acme",
      Email: "ann@acme.test",
      Owner: "Rep@Acme.test",
      Status: "Upcoming",
      Due: "2026-03-10",
    },
    { ID: "C-5", Name: "Dee Ross", Company: "Initech", Email: "dee@initech.test" },
    // Never refreshed (no ID yet) or nameless: not offered, they cannot be opened.
    { ID: "", Name: "Ann Newlead", Company: "Acme", Email: "new@acme.test" },
    { ID: "C-7", Name: "", Company: "Acme", Email: "nameless@acme.test" },
  ]);

  test("a hit says where the contact is and what the last refresh computed", () => {
    expect(searchContacts(table, "lee", BERLIN)).toEqual({
      hits: [
        {
          ref: { id: "C-4", name: "Ann Lee", row: 5 },
          company: "Acme",
          email: "ann@acme.test",
          owner: "rep@acme.test",
          status: "Upcoming",
          due: "2026-03-10",
        },
      ],
      more: false,
    });
  });

  test("names that start with the query first, then the rest by name; any case", () => {
    const result = searchContacts(table, "ANN", BERLIN);
    expect(names(result.hits)).toEqual(["Ann Lee", "Anna Zed", "Bob Annan", "Cy Young"]);
  });

  test("matches the company and the email too, but not the owner", () => {
    expect(names(searchContacts(table, "initech", BERLIN).hits)).toEqual(["Cy Young", "Dee Ross"]);
    expect(names(searchContacts(table, "globex.test", BERLIN).hits)).toEqual(["Bob Annan"]);
    expect(names(searchContacts(table, "rep@", BERLIN).hits)).toEqual([]);
  });

  test("every word must match, in any field; a word does not run across two fields", () => {
    expect(names(searchContacts(table, "  lee   acme ", BERLIN).hits)).toEqual(["Ann Lee"]);
    expect(names(searchContacts(table, "ann acme", BERLIN).hits)).toEqual(["Ann Lee"]);
    expect(names(searchContacts(table, "leeacme", BERLIN).hits)).toEqual([]);
  });

  test("rows without an ID (never refreshed) or without a Name are not offered", () => {
    expect(names(searchContacts(table, "acme", BERLIN).hits)).toEqual(["Ann Lee"]);
  });

  test("a query of several words that starts a name puts that name first", () => {
    const people = contactsTab([
      { ID: "C-1", Name: "Aaron Lee", Company: "Annex" },
      { ID: "C-2", Name: "Ann Lee", Company: "Acme" },
    ]);
    expect(names(searchContacts(people, " ann  lee", BERLIN).hits)).toEqual([
      "Ann Lee",
      "Aaron Lee",
    ]);
  });

  test("a blank query finds nothing", () => {
    expect(searchContacts(table, "  \t ", BERLIN)).toEqual({ hits: [], more: false });
  });

  test(`at most ${MAX_SEARCH_HITS} hits; more says the person should type more`, () => {
    const many = (count: number) =>
      contactsTab(
        Array.from({ length: count }, (_, i) => ({
          ID: `C-${i + 1}`,
          Name: `Person ${String(i + 1).padStart(2, "0")}`,
        })),
      );
    const exactly = searchContacts(many(MAX_SEARCH_HITS), "person", BERLIN);
    expect({ hits: exactly.hits.length, more: exactly.more }).toEqual({
      hits: MAX_SEARCH_HITS,
      more: false,
    });
    const over = searchContacts(many(MAX_SEARCH_HITS + 1), "person", BERLIN);
    expect({ hits: over.hits.length, more: over.more, last: over.hits.at(-1)?.ref.name }).toEqual({
      hits: MAX_SEARCH_HITS,
      more: true,
      last: "Person 20",
    });
  });

  test("a Due cell that is not a date shows nothing; a Date cell shows its day", () => {
    const dues = contactsTab([
      { ID: "C-1", Name: "Ann Lee", Due: "soon" },
      { ID: "C-2", Name: "Ann Lee", Due: at("2026-03-10") },
    ]);
    expect(searchContacts(dues, "ann", BERLIN).hits.map((hit) => hit.due)).toEqual([
      "",
      "2026-03-10",
    ]);
  });
});

describe("myDay: the user's Replied, Overdue and Due Today contacts", () => {
  const ME = "Rep@Acme.test";
  const NOW = at("2026-03-10 12:00");
  const mine = (name: string, status: string, due: Cell, nextStep = ""): Record<string, Cell> => ({
    ID: `C-${name}`,
    Name: name,
    Owner: "REP@acme.test",
    Status: status,
    Due: due,
    [CONTACT.nextStep]: nextStep,
  });
  const table = contactsTab([
    mine("Upcoming tomorrow", "Upcoming", "2026-03-11"),
    mine("Due later today", "Due Today", "2026-03-10 15:00"),
    mine("Replied this morning", "Replied", "2026-03-10 09:00"),
    mine("Was due yesterday", "Upcoming", "2026-03-09"),
    mine("Paused", "Paused", "2026-03-01"),
    mine("Overdue since March 1", "Overdue", "2026-03-01"),
    mine("Due an hour ago", "Due Today", "2026-03-10 11:00"),
    mine("Nurture due today", "Nurture", "2026-03-10"),
    mine("Closed", "Closed", "2026-03-01"),
    { ...mine("Someone else's", "Overdue", "2026-03-01"), Owner: "sam@acme.test" },
    mine("Due now", "Upcoming", "2026-03-10 12:00"),
    mine("Replied, no due", "Replied", ""),
    mine("Upcoming, no due", "Upcoming", ""),
  ]);

  test("most urgent first, then longest waiting; the status as of now, not the last refresh", () => {
    const items = myDay(table, ME, BERLIN, NOW);
    expect(items.map((item) => `${item.status}: ${item.ref.name}`)).toEqual([
      "Replied: Replied, no due",
      "Replied: Replied this morning",
      "Overdue: Overdue since March 1",
      "Overdue: Was due yesterday",
      "Overdue: Due an hour ago",
      "Due Today: Nurture due today",
      "Due Today: Due now",
      "Due Today: Due later today",
    ]);
  });

  test("a Replied contact with no Due has waited longest: first, whatever the row order", () => {
    const replied = [
      mine("Replied, no due", "Replied", ""),
      mine("Replied this morning", "Replied", "2026-03-10 09:00"),
    ];
    for (const rows of [replied, [...replied].reverse()]) {
      expect(names(myDay(contactsTab(rows), ME, BERLIN, NOW))).toEqual([
        "Replied, no due",
        "Replied this morning",
      ]);
    }
  });

  test("a row refreshed as Overdue whose Due is now today reads Due Today", () => {
    const moved = contactsTab([mine("Moved to today", "Overdue", "2026-03-10")]);
    expect(myDay(moved, ME, BERLIN, NOW).map((item) => item.status)).toEqual(["Due Today"]);
  });

  test("an item is the contact's hit with its Next Step", () => {
    const one = contactsTab([mine("Ann Lee", "Upcoming", "2026-03-09", "Call back")]);
    expect(myDay(one, ME, BERLIN, NOW)).toEqual([
      {
        ref: { id: "C-Ann Lee", name: "Ann Lee", row: 2 },
        company: "",
        email: "",
        owner: "rep@acme.test",
        status: "Overdue",
        due: "2026-03-09",
        nextStep: "Call back",
      },
    ]);
  });

  test(`at most ${MAX_MY_DAY} contacts`, () => {
    const crowd = contactsTab(
      Array.from({ length: MAX_MY_DAY + 1 }, (_, i) => mine(`P${i}`, "Overdue", "2026-03-01")),
    );
    expect(myDay(crowd, ME, BERLIN, NOW)).toHaveLength(MAX_MY_DAY);
  });
});

describe("ownersOf: the choices for Reassign and Cover", () => {
  test("every Owner on Contacts and the user, lower-cased, once each, sorted", () => {
    const table = contactsTab([
      { ID: "C-1", Name: "Ann", Owner: "REP@acme.test", Due: "2026-03-10 09:00" },
      { ID: "C-2", Name: "Bob", Owner: "ann@acme.test" },
      { ID: "C-3", Name: "Cy", Owner: "" },
      { ID: "C-4", Name: "Dee", Owner: "rep@acme.test" },
    ]);
    expect(ownersOf(table, "Zed@Acme.test")).toEqual([
      "ann@acme.test",
      "rep@acme.test",
      "zed@acme.test",
    ]);
    expect(ownersOf(table, "")).toEqual(["ann@acme.test", "rep@acme.test"]);
  });
});
