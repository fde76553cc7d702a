// "Archive old touches" (issue 7 item 4): which Touches rows move to the archive, the one
// "Archived" summary row each contact keeps instead, and the promise behind it — the next run
// computes every column exactly as before (DESIGN §2). Also the prompt's answer and the cutoff.
import {
  archiveCutoff,
  parseArchiveMonths,
  planArchive,
  type ArchiveInput,
  type ArchivePlan,
} from "../../src/domain/archive";
import type { Cell } from "../../src/domain/cells";
import { parseContacts } from "../../src/domain/contacts";
import { parseCadences } from "../../src/domain/cadences";
import { computeContact } from "../../src/domain/engine";
import { TAB, TOUCH } from "../../src/domain/schema";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { indexTable } from "../../src/domain/table";
import { parseTouches, touchesByContact } from "../../src/domain/touches";
import type { ContactResult } from "../../src/domain/types";
import { at, BERLIN } from "./engine-fixtures";

const NOW = at("2026-03-20 12:00");
const CUTOFF = at("2025-12-20");
const USER = "alex@acme.test";
const ARCHIVE = "Touchbase archive — Acme";

const CONTACT_HEADERS = ["ID", "Name", "Email", "Owner", "Stage", "Tier", "Created", "Step"];
const contactRow = (
  id: string,
  name: string,
  fields: { stage?: string; tier?: string; created?: string } = {},
): Cell[] => [
  id,
  name,
  `${name.toLowerCase()}@example.com`,
  USER,
  fields.stage ?? "",
  fields.tier ?? "",
  fields.created ? at(fields.created) : "",
  "",
];

type TouchHeader = (typeof TOUCH)[keyof typeof TOUCH];
const TOUCH_HEADERS: TouchHeader[] = Object.values(TOUCH);
type TouchFields = Partial<Record<TouchHeader, Cell>>;

/** A Touches row: an outbound email logged on the sheet unless told otherwise. */
function touchRow(id: string, local: string, contactId: string, fields: TouchFields = {}): Cell[] {
  const cells: TouchFields = {
    "Touch ID": id,
    Timestamp: at(local),
    "Contact ID": contactId,
    Channel: "Email",
    Direction: "Outbound",
    Outcome: "Sent",
    "Logged By": USER,
    Source: "Sheet",
    ...fields,
  };
  return TOUCH_HEADERS.map((header) => cells[header] ?? "");
}
const replyRow = (id: string, local: string, contactId: string, fields: TouchFields = {}) =>
  touchRow(id, local, contactId, { Direction: "Inbound", Outcome: "Replied", ...fields });
const noteRow = (id: string, local: string, contactId: string, fields: TouchFields = {}) =>
  touchRow(id, local, contactId, {
    Channel: "Note",
    Direction: "Internal",
    Outcome: "Note",
    ...fields,
  });

const CADENCE_GRID: Cell[][] = [
  ["Cadence", "Applies To", "Step", "Day", "Auto Send"],
  ["Proposal", "Stage: Proposal Sent", 1, 3, false],
  ["Proposal", "", 2, 7, false],
  ["Proposal", "", 3, 14, false],
  ["Warm", "Tier: Warm", 1, 0, false],
  ["Warm", "", 2, 3, false],
  ["Warm", "", 3, 7, false],
];

interface Sheet {
  contacts: Cell[][];
  touches: Cell[][];
}

function archiveInput(sheet: Sheet, fields: Partial<ArchiveInput> = {}): ArchiveInput {
  return {
    contacts: indexTable(TAB.contacts, [CONTACT_HEADERS, ...sheet.contacts]),
    touches: indexTable(TAB.touches, [TOUCH_HEADERS, ...sheet.touches]),
    cadences: indexTable(TAB.cadences, CADENCE_GRID),
    settings: DEFAULT_SETTINGS,
    zone: BERLIN,
    now: NOW,
    cutoff: CUTOFF,
    user: USER,
    archiveName: ARCHIVE,
    ...fields,
  };
}

const plan = (sheet: Sheet, fields: Partial<ArchiveInput> = {}): ArchivePlan =>
  planArchive(archiveInput(sheet, fields));

/** Touches as the adapter leaves them: moved rows and replaced summaries gone, summaries added. */
function applied(sheet: Sheet, result: ArchivePlan): Sheet {
  const gone = new Set([...result.moved, ...result.replacedSummaries]);
  const kept = sheet.touches.filter((_, i) => !gone.has(i + 2));
  const added = result.summaries.map((s) => TOUCH_HEADERS.map((h) => s.cells.get(h) ?? ""));
  return { contacts: sheet.contacts, touches: [...kept, ...added] };
}

/** Every contact's computed columns as the next run computes them, read back from the cells. */
function computed(sheet: Sheet): Record<string, ContactResult> {
  const contacts = parseContacts(
    indexTable(TAB.contacts, [CONTACT_HEADERS, ...sheet.contacts]),
    BERLIN,
  ).contacts;
  const touches = parseTouches(
    indexTable(TAB.touches, [TOUCH_HEADERS, ...sheet.touches]),
    contacts,
    BERLIN,
  ).touches;
  const byContact = touchesByContact(touches);
  const cadences = parseCadences(indexTable(TAB.cadences, CADENCE_GRID)).cadences;
  return Object.fromEntries(
    contacts.map((contact) => [
      contact.id,
      computeContact({
        contact,
        touches: byContact.get(contact.id) ?? [],
        cadences,
        settings: DEFAULT_SETTINGS,
        zone: BERLIN,
        now: NOW,
      }),
    ]),
  );
}

const summaryCells = (result: ArchivePlan) =>
  Object.fromEntries(result.summaries.map((s) => [s.contactId, Object.fromEntries(s.cells)]));

/**
 * A small team (sheet rows in the comments). Ann: cadence since her 2 Mar stage touch; her 2025
 * touches move, one of them pasted in at the bottom. Bob: his cadence began 1 Aug 2025; the
 * latest touch of each stage, the latest tier note, and Pending and Unconfirmed deliveries stay.
 * Kim: no Created, so her cadence starts at her first touch that happened; her old touches never
 * happened (a draft, a failed send), and a summary row would become that first touch: she keeps
 * them all. Dan: archived before; his last reply (4 Mar 2025) stays. Eve: her two old touches
 * move. Fay: no touches at all.
 */
const TEAM: Sheet = {
  contacts: [
    contactRow("C-1", "Ann", { stage: "Proposal Sent", tier: "Warm", created: "2025-05-01 09:00" }),
    contactRow("C-2", "Bob", { stage: "Proposal Sent", tier: "Warm", created: "2025-04-01 09:00" }),
    contactRow("C-3", "Kim", { tier: "Warm" }),
    contactRow("C-4", "Dan", { stage: "Proposal Sent", tier: "Cold", created: "2024-12-01 09:00" }),
    contactRow("C-5", "Eve", { stage: "Proposal Sent", created: "2025-01-01 09:00" }),
    contactRow("C-6", "Fay", { tier: "Warm", created: "2026-03-01 09:00" }),
  ],
  touches: [
    touchRow("T-0000001", "2025-06-02 10:00", "C-1"), // row 2
    touchRow("T-0000002", "2025-06-05 10:00", "C-1"),
    replyRow("T-0000003", "2025-06-10 10:00", "C-1"),
    touchRow("T-0000004", "2025-07-01 10:00", "C-1", { Channel: "Call", Outcome: "Connected" }),
    noteRow("T-0000005", "2025-07-02 10:00", "C-1"), // row 6
    touchRow("T-0000006", "2026-03-02 10:00", "C-1", { Stage: "Proposal Sent" }),
    replyRow("T-0000007", "2026-03-05 10:00", "C-1"),
    touchRow("T-0000008", "2026-03-06 10:00", "C-1"), // row 9
    touchRow("T-0000009", "2025-04-02 10:00", "C-2", { Stage: "Qualified" }), // row 10
    touchRow("T-0000010", "2025-04-09 10:00", "C-2", { Stage: "Qualified" }),
    touchRow("T-0000011", "2025-04-10 10:00", "C-2", { Delivery: "Pending" }),
    touchRow("T-0000012", "2025-05-01 10:00", "C-2", { Delivery: "Unconfirmed" }),
    touchRow("T-0000013", "2025-05-05 10:00", "C-2"), // row 14
    noteRow("T-0000014", "2025-05-20 10:00", "C-2", {
      Outcome: "Tier Changed",
      Source: "Automation",
    }),
    noteRow("T-0000015", "2025-06-01 10:00", "C-2", {
      Outcome: "Tier Changed",
      Source: "Automation",
    }),
    touchRow("T-0000016", "2025-08-01 10:00", "C-2", { Stage: "Proposal Sent" }),
    touchRow("T-0000017", "2025-09-01 10:00", "C-2"), // row 18
    touchRow("T-0000018", "2025-05-01 10:00", "C-3", { Delivery: "Draft" }), // row 19
    touchRow("T-0000019", "2025-06-01 10:00", "C-3", { Delivery: "Failed" }),
    touchRow("T-0000020", "2026-03-10 10:00", "C-3"),
    noteRow("T-0000021", "2025-01-06 09:00", "C-4", {
      Outcome: "Archived",
      Source: "Automation",
      Notes: `Archived: 10 touches, 4 outbound — Mon 6 Jan 2025 to Sat 1 Feb 2025, in “${ARCHIVE}”.`,
    }), // row 22
    touchRow("T-0000022", "2025-03-03 10:00", "C-4"),
    replyRow("T-0000023", "2025-03-04 10:00", "C-4"),
    touchRow("T-0000024", "2026-01-05 10:00", "C-4", { Stage: "Proposal Sent" }), // row 25
    touchRow("T-0000025", "2025-02-03 10:00", "C-5"),
    touchRow("T-0000026", "2025-02-10 10:00", "C-5"),
    touchRow("T-0000027", "2026-02-02 10:00", "C-5", { Stage: "Proposal Sent" }), // row 28
    touchRow("imported-1", "2025-06-20 10:00", "C-1"), // row 29: pasted in later
  ],
};

const summaryRow = (fields: {
  id: string;
  at: string;
  contactId: string;
  name: string;
  notes: string;
}): Record<string, Cell> => ({
  "Touch ID": fields.id,
  Timestamp: at(fields.at),
  "Contact ID": fields.contactId,
  Contact: fields.name,
  Channel: "Note",
  Direction: "Internal",
  Outcome: "Archived",
  Template: "",
  Step: "",
  Stage: "",
  Notes: fields.notes,
  "Next Step": "",
  "Next Follow-Up": "",
  "Logged By": USER,
  Source: "Automation",
  "Thread ID": "",
  Delivery: "",
});

describe("planning the archive", () => {
  it("moves the touches the engine no longer reads, older than the cutoff", () => {
    const result = plan(TEAM);
    expect(result.moved).toEqual([2, 3, 4, 5, 6, 10, 14, 15, 23, 26, 27, 29]);
    expect(Object.fromEntries(result.touchIds)).toEqual({
      2: "T-0000001",
      3: "T-0000002",
      4: "T-0000003",
      5: "T-0000004",
      6: "T-0000005",
      10: "T-0000009",
      14: "T-0000013",
      15: "T-0000014",
      23: "T-0000022",
      26: "T-0000025",
      27: "T-0000026",
      29: "imported-1",
    });
    expect(result.keptWhole).toEqual(["C-3"]);
    expect(result.replacedSummaries).toEqual([22]);
  });

  it("leaves one summary row per contact with its counts, period and the archive's name", () => {
    // New IDs continue from the highest (T-0000027), one per contact; the one handed to Kim, who
    // keeps her touches, goes to Eve. Dan keeps his summary's ID; his counts add to it.
    expect(summaryCells(plan(TEAM))).toEqual({
      "C-1": summaryRow({
        id: "T-0000028",
        at: "2025-06-02 10:00",
        contactId: "C-1",
        name: "Ann",
        notes: `Archived: 5 touches, 4 outbound — Mon 2 Jun 2025 to Wed 2 Jul 2025, in “${ARCHIVE}”.`,
      }),
      "C-2": summaryRow({
        id: "T-0000029",
        at: "2025-04-02 10:00",
        contactId: "C-2",
        name: "Bob",
        notes: `Archived: 2 touches, 2 outbound — Wed 2 Apr 2025 to Tue 20 May 2025, in “${ARCHIVE}”.`,
      }),
      "C-4": summaryRow({
        id: "T-0000021",
        at: "2025-01-06 09:00",
        contactId: "C-4",
        name: "Dan",
        notes: `Archived: 11 touches, 5 outbound — Mon 6 Jan 2025 to Mon 3 Mar 2025, in “${ARCHIVE}”.`,
      }),
      "C-5": summaryRow({
        id: "T-0000030",
        at: "2025-02-03 10:00",
        contactId: "C-5",
        name: "Eve",
        notes: `Archived: 2 touches, 2 outbound — Mon 3 Feb 2025 to Mon 10 Feb 2025, in “${ARCHIVE}”.`,
      }),
    });
    expect(plan(TEAM).summaries.map((s) => s.contactId)).toEqual(["C-1", "C-2", "C-4", "C-5"]);
  });

  it("leaves every computed column identical for every contact", () => {
    const before = computed(TEAM);
    const after = computed(applied(TEAM, plan(TEAM)));
    expect(after).toEqual(before);
    // The archive is not a no-op: the counts of moved touches live on in the summary rows.
    expect(Object.keys(before)).toEqual(["C-1", "C-2", "C-3", "C-4", "C-5", "C-6"]);
    expect(before["C-1"]).toMatchObject({ touches: 8, attempts: 1 });
    expect(before["C-2"]).toMatchObject({ touches: 7, attempts: 7 });
  });

  it("moves nothing more when run again the same day", () => {
    const once = applied(TEAM, plan(TEAM));
    const again = plan(once);
    expect(again.moved).toEqual([]);
    expect(again.summaries).toEqual([]);
    expect(again.replacedSummaries).toEqual([]);
    expect(again.keptWhole).toEqual(["C-3"]);
  });
});

describe("what always stays in Touches", () => {
  /** Ann in a cadence since 2 Mar 2026 (row 2, the highest ID), and one old touch (row 3). */
  const ann = (old: Cell[], more: Cell[][] = []): Sheet => ({
    contacts: [contactRow("C-1", "Ann", { stage: "Proposal Sent", created: "2025-01-01 09:00" })],
    touches: [
      touchRow("T-0000100", "2026-03-02 10:00", "C-1", { Stage: "Proposal Sent" }),
      old,
      ...more,
    ],
  });
  const movedOf = (sheet: Sheet, fields: Partial<ArchiveInput> = {}) => plan(sheet, fields).moved;

  it("moves an old touch typed with the contact's ID in any case", () => {
    expect(movedOf(ann(touchRow("T-0000001", "2025-06-02 10:00", "C-1")))).toEqual([3]);
    expect(movedOf(ann(touchRow("T-0000001", "2025-06-02 10:00", "c-1")))).toEqual([3]);
  });

  it("keeps touches from the cutoff on; one a minute older moves", () => {
    expect(movedOf(ann(touchRow("T-0000001", "2025-12-20 00:00", "C-1")))).toEqual([]);
    expect(movedOf(ann(touchRow("T-0000001", "2025-12-19 23:59", "C-1")))).toEqual([3]);
  });

  it("keeps a touch tied to its contact only by name", () => {
    const byName = touchRow("T-0000001", "2025-06-02 10:00", "", { Contact: "Ann" });
    expect(movedOf(ann(byName))).toEqual([]);
  });

  it("keeps every touch when Touches has no Contact ID column to tell", () => {
    const sheet = ann(touchRow("T-0000001", "2025-06-02 10:00", "C-1", { Contact: "Ann" }));
    const withoutIds = sheet.touches.map((row) => row.filter((_, i) => i !== 2));
    const input = archiveInput(sheet);
    const touches = indexTable(TAB.touches, [
      TOUCH_HEADERS.filter((h) => h !== "Contact ID"),
      ...withoutIds,
    ]);
    expect(planArchive({ ...input, touches }).moved).toEqual([]);
  });

  it("keeps touches without a Touch ID, or sharing one", () => {
    expect(movedOf(ann(touchRow("", "2025-06-02 10:00", "C-1")))).toEqual([]);
    const shared = ann(touchRow("T-0000050", "2025-06-02 10:00", "C-1"), [
      touchRow(" t-0000050", "2025-06-03 10:00", "C-1"),
      touchRow("T-0000051", "2025-06-04 10:00", "C-1"),
    ]);
    expect(movedOf(shared)).toEqual([5]);
  });

  it("keeps the touch holding the highest Touch ID (by number), so new IDs continue from it", () => {
    const highest = ann(touchRow("T-0000200", "2025-06-02 10:00", "C-1"), [
      touchRow("T-0000099", "2025-06-03 10:00", "C-1"),
      touchRow("T-1000", "2025-06-04 10:00", "C-1"),
      touchRow("legacy-7", "2025-06-05 10:00", "C-1"),
    ]);
    const result = plan(highest);
    expect(result.moved).toEqual([3, 4, 6]);
    expect(result.summaries.map((s) => s.cells.get("Touch ID"))).toEqual(["T-0001001"]);
  });

  it("moves touches with IDs of another system when they are unique", () => {
    const imported: Sheet = {
      contacts: [contactRow("C-1", "Ann", { stage: "Proposal Sent", created: "2025-01-01 09:00" })],
      touches: [
        touchRow("legacy-1", "2025-06-02 10:00", "C-1"),
        touchRow("legacy-2", "2025-06-03 10:00", "C-1"),
        touchRow("legacy-3", "2026-03-02 10:00", "C-1", { Stage: "Proposal Sent" }),
      ],
    };
    const result = plan(imported);
    expect(result.moved).toEqual([2, 3]);
    expect(result.summaries.map((s) => s.cells.get("Touch ID"))).toEqual(["T-0000001"]);
  });

  it("keeps the rows the caller pins", () => {
    const sheet = ann(touchRow("T-0000001", "2025-06-02 10:00", "C-1"), [
      touchRow("T-0000002", "2025-06-03 10:00", "C-1"),
    ]);
    expect(movedOf(sheet, { pinnedRows: new Set([3]) })).toEqual([4]);
  });

  it("keeps a summary row whose counts cannot be read, and never moves a summary", () => {
    const unreadable = noteRow("T-0000001", "2025-06-02 10:00", "C-1", {
      Outcome: "Archived",
      Notes: "moved some rows",
    });
    const result = plan(ann(unreadable, [touchRow("T-0000002", "2025-06-03 10:00", "C-1")]));
    expect(result.moved).toEqual([4]);
    expect(result.replacedSummaries).toEqual([]);
  });

  it("keeps an old touch when nothing else of the contact's may move", () => {
    const pending = ann(touchRow("T-0000001", "2025-06-02 10:00", "C-1", { Delivery: "Pending" }));
    expect(plan(pending)).toEqual({
      moved: [],
      touchIds: new Map(),
      replacedSummaries: [],
      summaries: [],
      keptWhole: [],
    });
  });

  it("ignores contacts without an ID", () => {
    const sheet = ann(touchRow("T-0000001", "2025-06-02 10:00", "C-1"));
    const withBlank = { ...sheet, contacts: [contactRow("", "Nobody"), ...sheet.contacts] };
    expect(plan(withBlank).summaries.map((s) => s.contactId)).toEqual(["C-1"]);
  });
});

describe("the engine's horizon", () => {
  it("keeps everything since the last reply, even when the cadence began later", () => {
    const sheet: Sheet = {
      contacts: [contactRow("C-1", "Ann", { stage: "Proposal Sent", created: "2025-01-01 09:00" })],
      touches: [
        touchRow("T-0000001", "2025-06-02 10:00", "C-1"),
        replyRow("T-0000002", "2025-06-10 10:00", "C-1"),
        touchRow("T-0000003", "2025-07-01 10:00", "C-1"),
        touchRow("T-0000004", "2026-03-02 10:00", "C-1", { Stage: "Proposal Sent" }),
      ],
    };
    expect(plan(sheet).moved).toEqual([2]);
  });

  it("keeps everything since the cadence start when no reply is left", () => {
    // No stage touch and no Step yet: Ann's Warm cadence started when she was created (5 Jun).
    const sheet: Sheet = {
      contacts: [contactRow("C-1", "Ann", { tier: "Warm", created: "2025-06-05 09:00" })],
      touches: [
        touchRow("T-0000001", "2025-06-02 10:00", "C-1"),
        touchRow("T-0000002", "2025-07-01 10:00", "C-1"),
        touchRow("T-0000003", "2026-03-02 10:00", "C-1"),
      ],
    };
    expect(plan(sheet).moved).toEqual([2]);
  });

  it("keeps the last touch of a contact whose touches are all old", () => {
    const sheet: Sheet = {
      contacts: [contactRow("C-1", "Ann", { created: "2025-01-01 09:00" })],
      touches: [
        touchRow("T-0000001", "2025-06-02 10:00", "C-1"),
        touchRow("T-0000002", "2025-07-01 10:00", "C-1"),
        noteRow("T-0000003", "2025-07-02 10:00", "C-1"),
        touchRow("T-0000004", "2025-07-03 10:00", "C-1", { Delivery: "Draft" }),
        noteRow("T-0000005", "2025-07-04 10:00", "C-1", { Source: "Automation" }),
      ],
    };
    // No cadence applies: the last touch that reached her (1 Jul) is the horizon.
    expect(plan(sheet).moved).toEqual([2]);
  });

  it("keeps the latest note of a contact the automation alone wrote about", () => {
    // Sam's notes are the automation's own (no person's latest touch, nothing but Internal);
    // Ann's touch holds the highest ID.
    const sheet: Sheet = {
      contacts: [
        contactRow("C-1", "Ann", { created: "2025-01-01 09:00" }),
        contactRow("C-2", "Sam", { created: "2025-01-01 09:00" }),
      ],
      touches: [
        noteRow("T-0000001", "2025-06-01 10:00", "C-2", { Source: "Automation" }),
        noteRow("T-0000002", "2025-06-05 10:00", "C-2", { Source: "Automation" }),
        touchRow("T-0000009", "2026-03-02 10:00", "C-1"),
      ],
    };
    expect(plan(sheet).moved).toEqual([2]);
  });

  it("keeps the last touch that was not an internal note, even one that never went out", () => {
    const sheet: Sheet = {
      contacts: [contactRow("C-1", "Ann", { created: "2025-01-01 09:00" })],
      touches: [
        noteRow("T-0000001", "2025-06-02 10:00", "C-1"),
        touchRow("T-0000002", "2025-06-03 10:00", "C-1", { Delivery: "Draft" }),
        noteRow("T-0000003", "2025-06-04 10:00", "C-1"),
        noteRow("T-0000004", "2025-06-05 10:00", "C-1"),
      ],
    };
    expect(plan(sheet).moved).toEqual([2]);
  });
});

describe("a summary row as the engine's first touch", () => {
  it("sorts among the touches that stay, so a new lead's arrival does not move", () => {
    // No Created: the new lead arrived with her first touch (2 Jan), the latest of her stage,
    // which stays; the note of 1 Apr moves, and its summary row comes after the 2 Jan touch.
    const lead: Sheet = {
      contacts: [contactRow("C-1", "Lee", { stage: "New Lead" })],
      touches: [
        noteRow("T-0000001", "2025-01-02 10:00", "C-1", { Stage: "New Lead" }),
        noteRow("T-0000002", "2025-04-01 10:00", "C-1"),
        noteRow("T-0000003", "2025-05-01 10:00", "C-1"),
      ],
    };
    const result = plan(lead);
    expect([result.moved, result.keptWhole]).toEqual([[3], []]);
    expect(computed(applied(lead, result))).toEqual(computed(lead));
  });
});

describe("the prompt's answer", () => {
  it("is the default when blank, else a whole number of months from 1 to 120", () => {
    expect(parseArchiveMonths("", 12)).toEqual({ ok: 12 });
    expect(parseArchiveMonths("   ", 6)).toEqual({ ok: 6 });
    expect(parseArchiveMonths(" 18 ", 12)).toEqual({ ok: 18 });
    expect(parseArchiveMonths("1", 12)).toEqual({ ok: 1 });
    expect(parseArchiveMonths("120", 12)).toEqual({ ok: 120 });
  });

  it("names what was typed and what to type instead", () => {
    const refused = (typed: string) =>
      `"${typed}" is not a number of months. Type a whole number from 1 to 120 (e.g. 12 archives touches older than a year). Nothing was archived.`;
    for (const bad of ["0", "121", "1.5", "-2", "twelve", "12 months", "1e2", "0x10"]) {
      expect(parseArchiveMonths(bad, 12)).toEqual({ error: refused(bad) });
    }
    expect(parseArchiveMonths(` ${"9".repeat(50)} `, 12)).toEqual({
      error: refused("9".repeat(40)),
    });
  });
});

describe("the cutoff", () => {
  it("is midnight in the sheet's zone, whole calendar months before now", () => {
    expect(archiveCutoff(NOW, 3, BERLIN)).toEqual(at("2025-12-20"));
    expect(archiveCutoff(NOW, 12, BERLIN)).toEqual(at("2025-03-20"));
    // 00:30 on 21 March in Berlin is still 20 March in UTC.
    expect(archiveCutoff(at("2026-03-21 00:30"), 1, BERLIN)).toEqual(at("2026-02-21"));
    // No 31 February: the month's last day.
    expect(archiveCutoff(at("2026-03-31 12:00"), 1, BERLIN)).toEqual(at("2026-02-28"));
    expect(archiveCutoff(at("2026-03-31 12:00"), 1, "America/New_York")).toEqual(
      at("2026-02-28", "America/New_York"),
    );
  });
});
