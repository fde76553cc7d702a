import {
  DEFAULT_DEMO_OWNERS,
  generateDemoSheet,
  loadDemoIntoSpreadsheet,
  type DemoOptions,
} from "../../scripts/demo";
import {
  CONTACT,
  CONTACTS_SPEC,
  STAGES,
  TIERS,
  TOUCH,
  TOUCHES_SPEC,
  CHANNELS,
  DIRECTIONS,
  OUTCOMES,
  SOURCES,
  type TableSpec,
} from "../../src/domain/schema";
import { newEmulatedSpreadsheet } from "../support/emulatedSpreadsheet";
import { type Cell } from "../../src/domain/cells";

const NOW = new Date("2026-11-18T14:00:00Z");
const ZONE = "America/New_York";
const base: DemoOptions = { contacts: 1000, touches: 8000, seed: 7, now: NOW, zone: ZONE };

const col = (spec: TableSpec, header: string): number => {
  const index = spec.columns.findIndex((c) => c.header === header);
  if (index < 0) throw new Error(`no ${header}`);
  return index;
};
const C = (header: string) => col(CONTACTS_SPEC, header);
const T = (header: string) => col(TOUCHES_SPEC, header);

function tally(rows: readonly Cell[][], index: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = String(row[index]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

describe("generateDemoSheet", () => {
  const demo = generateDemoSheet(base);
  const contacts = demo.contacts.slice(1);
  const touches = demo.touches.slice(1);

  it("is deterministic for the same options and varies with the seed", () => {
    const again = generateDemoSheet(base);
    expect(again).toEqual(demo);
    const other = generateDemoSheet({ ...base, seed: 8 });
    expect(other.contacts.slice(1, 20)).not.toEqual(demo.contacts.slice(1, 20));
  });

  it("has exactly the requested counts and the schema's headers", () => {
    expect(contacts).toHaveLength(1000);
    expect(touches).toHaveLength(8000);
    expect(demo.contacts[0]).toEqual(CONTACTS_SPEC.columns.map((c) => c.header));
    expect(demo.touches[0]).toEqual(TOUCHES_SPEC.columns.map((c) => c.header));
    for (const row of demo.contacts) expect(row).toHaveLength(CONTACTS_SPEC.columns.length);
    for (const row of demo.touches) expect(row).toHaveLength(TOUCHES_SPEC.columns.length);
  });

  it("leaves computed Contacts columns blank", () => {
    const computed = CONTACTS_SPEC.columns
      .map((c, i) => ({ c, i }))
      .filter(({ c }) => c.computed)
      .map(({ i }) => i);
    expect(computed.length).toBeGreaterThan(5);
    for (const row of contacts) for (const i of computed) expect(row[i]).toBe("");
  });

  it("numbers IDs in order and keeps them unique", () => {
    expect(contacts[0]?.[C(CONTACT.id)]).toBe("C-000001");
    expect(contacts[999]?.[C(CONTACT.id)]).toBe("C-001000");
    expect(touches[0]?.[T(TOUCH.touchId)]).toBe("T-0000001");
    expect(touches[7999]?.[T(TOUCH.touchId)]).toBe("T-0008000");
    expect(new Set(touches.map((t) => t[T(TOUCH.touchId)])).size).toBe(8000);
  });

  it("links every touch to an existing contact, after it was created and before now", () => {
    const created = new Map(contacts.map((c) => [c[C(CONTACT.id)], c[C(CONTACT.created)]]));
    const names = new Map(contacts.map((c) => [c[C(CONTACT.id)], c[C(CONTACT.name)]]));
    let previous = 0;
    let outOfOrder = 0;
    for (const touch of touches) {
      const id = touch[T(TOUCH.contactId)];
      const createdAt = created.get(id);
      expect(createdAt).toBeInstanceOf(Date);
      expect(touch[T(TOUCH.contact)]).toBe(names.get(id));
      const at = touch[T(TOUCH.timestamp)];
      if (!(at instanceof Date) || !(createdAt instanceof Date)) throw new Error("not a date");
      expect(at.getTime()).toBeLessThan(NOW.getTime());
      expect(at.getTime()).toBeGreaterThan(createdAt.getTime());
      if (at.getTime() < previous) outOfOrder++;
      previous = at.getTime();
    }
    expect(outOfOrder).toBe(0);
    for (const c of contacts) {
      const at = c[C(CONTACT.created)];
      if (!(at instanceof Date)) throw new Error("Created is not a date");
      expect(at.getTime()).toBeLessThan(NOW.getTime());
      expect(NOW.getTime() - at.getTime()).toBeLessThanOrEqual(275 * 86_400_000);
    }
  });

  it("uses only the schema's words", () => {
    const allowed = (values: readonly string[]) => new Set(["", ...values]);
    const check = (rows: Cell[][], index: number, words: readonly string[]) => {
      for (const key of tally(rows, index).keys()) expect(allowed(words)).toContain(key);
    };
    check(contacts, C(CONTACT.stage), STAGES);
    check(contacts, C(CONTACT.tier), TIERS);
    check(touches, T(TOUCH.channel), CHANNELS);
    check(touches, T(TOUCH.direction), DIRECTIONS);
    check(touches, T(TOUCH.outcome), OUTCOMES);
    check(touches, T(TOUCH.stage), STAGES);
    check(touches, T(TOUCH.source), ["Sidebar", "Sheet"]);
    expect(SOURCES).toEqual(expect.arrayContaining(["Sidebar", "Sheet"]));
  });

  it("has plausible distributions", () => {
    const stages = tally(contacts, C(CONTACT.stage));
    for (const stage of STAGES) expect(stages.get(stage) ?? 0).toBeGreaterThanOrEqual(30);
    const tiers = tally(contacts, C(CONTACT.tier));
    for (const tier of TIERS) expect(tiers.get(tier) ?? 0).toBeGreaterThanOrEqual(20);

    const owners = tally(contacts, C(CONTACT.owner));
    const shares = DEFAULT_DEMO_OWNERS.map((o) => owners.get(o) ?? 0);
    expect(Math.min(...shares)).toBeGreaterThan(50);
    expect(Math.max(...shares)).toBeGreaterThan(1.5 * Math.min(...shares)); // uneven
    const unowned = owners.get("") ?? 0;
    expect(unowned).toBeGreaterThan(5);
    expect(unowned).toBeLessThan(100);

    const flag = (header: string) => tally(contacts, C(header)).get("true") ?? 0;
    expect(flag(CONTACT.paused)).toBeGreaterThan(0);
    expect(flag(CONTACT.paused)).toBeLessThan(100);
    expect(flag(CONTACT.optedOut)).toBeGreaterThan(0);
    expect(flag(CONTACT.optedOut)).toBeLessThan(100);
    const dates = (header: string) => contacts.filter((c) => c[C(header)] instanceof Date).length;
    expect(dates(CONTACT.nextFollowUp)).toBeGreaterThan(50);
    expect(dates(CONTACT.renewalDate)).toBeGreaterThan(10);
    expect(dates(CONTACT.renewalDate)).toBeLessThan(200);
    expect(
      contacts.filter((c) => typeof c[C(CONTACT.dealValue)] === "number").length,
    ).toBeGreaterThan(500);

    const directions = tally(touches, T(TOUCH.direction));
    expect(directions.get("Outbound") ?? 0).toBeGreaterThan(directions.get("Inbound") ?? 0);
    expect(directions.get("Inbound") ?? 0).toBeGreaterThan(400);
    const sources = tally(touches, T(TOUCH.source));
    expect(sources.get("Sidebar") ?? 0).toBeGreaterThan(1000);
    expect(sources.get("Sheet") ?? 0).toBeGreaterThan(1000);
    const channels = tally(touches, T(TOUCH.channel));
    for (const channel of ["Email", "Call", "Meeting"]) {
      expect(channels.get(channel) ?? 0).toBeGreaterThan(200);
    }
  });

  it("keeps phones and emails realistic and text", () => {
    for (const c of contacts) {
      const phone = c[C(CONTACT.phone)];
      if (phone !== "") expect(String(phone)).toMatch(/^\+1 555 01\d\d$/);
      const email = String(c[C(CONTACT.email)]);
      if (email !== "") expect(email).toMatch(/^[a-z0-9.]+@[a-z0-9]+\.test$/);
    }
    const emails = contacts.map((c) => c[C(CONTACT.email)]).filter((e) => e !== "");
    expect(new Set(emails).size).toBe(emails.length);
  });

  it("logs the stage change that brought each touched contact to its stage", () => {
    const byContact = new Map<Cell, Cell[][]>();
    for (const t of touches) {
      const id = t[T(TOUCH.contactId)] ?? "";
      byContact.set(id, [...(byContact.get(id) ?? []), t]);
    }
    let checked = 0;
    for (const c of contacts) {
      const own = byContact.get(c[C(CONTACT.id)] ?? "") ?? [];
      const stage = c[C(CONTACT.stage)];
      if (own.length === 0 || stage === "New Lead") continue;
      checked++;
      expect(own.map((t) => t[T(TOUCH.stage)])).toContain(stage);
      // Logged by the owner (or a teammate for unowned rows).
      const owner = c[C(CONTACT.owner)];
      for (const t of own) {
        if (owner) expect(t[T(TOUCH.loggedBy)]).toBe(owner);
        else expect(DEFAULT_DEMO_OWNERS).toContain(t[T(TOUCH.loggedBy)]);
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it("records each agreed Next Follow-Up on the contact's latest touch, after it", () => {
    const latest = new Map<Cell, Cell[]>();
    for (const t of touches) latest.set(t[T(TOUCH.contactId)] ?? "", t);
    let checked = 0;
    for (const c of contacts) {
      const followUp = c[C(CONTACT.nextFollowUp)];
      if (!(followUp instanceof Date)) continue;
      const last = latest.get(c[C(CONTACT.id)] ?? "");
      const lastAt = last?.[T(TOUCH.timestamp)];
      if (!(lastAt instanceof Date)) throw new Error("follow-up without a touch");
      expect(followUp.getTime()).toBeGreaterThan(lastAt.getTime());
      expect(last?.[T(TOUCH.nextFollowUp)]).toEqual(followUp);
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("uses custom owners, the first as manager", () => {
    const custom = generateDemoSheet({
      ...base,
      contacts: 50,
      touches: 200,
      owners: ["A@x.test", "b@x.test"],
    });
    expect(custom.owners).toEqual(["a@x.test", "b@x.test"]);
    expect(custom.managers).toEqual(["a@x.test"]);
    const used = new Set(custom.contacts.slice(1).map((c) => c[C(CONTACT.owner)]));
    for (const owner of used) expect(["", "a@x.test", "b@x.test"]).toContain(owner);
    expect(demo.managers).toEqual([DEFAULT_DEMO_OWNERS[0]]);
  });

  it("handles empty and tiny sheets, and rejects bad options", () => {
    const empty = generateDemoSheet({ ...base, contacts: 0, touches: 0 });
    expect(empty.contacts).toHaveLength(1);
    expect(empty.touches).toHaveLength(1);
    const tiny = generateDemoSheet({ ...base, contacts: 1, touches: 40 });
    expect(tiny.touches).toHaveLength(41);
    expect(() => generateDemoSheet({ ...base, contacts: 0, touches: 5 })).toThrow(
      /at least one contact/,
    );
    expect(() => generateDemoSheet({ ...base, contacts: -1 })).toThrow(/contacts/);
    expect(() => generateDemoSheet({ ...base, touches: 1.5 })).toThrow(/touches/);
    expect(() => generateDemoSheet({ ...base, zone: "Mars/Base" })).toThrow(/Mars\/Base/);
  });

  // How fast is the benchmark's business (npm run bench builds these sizes), never a timed test.
  it("scales to 10,000 contacts and 100,000 touches", () => {
    const big = generateDemoSheet({ ...base, contacts: 10_000, touches: 100_000 });
    expect(big.contacts).toHaveLength(10_001);
    expect(big.touches).toHaveLength(100_001);
    const stages = tally(big.contacts.slice(1), C(CONTACT.stage));
    for (const stage of STAGES) expect(stages.get(stage) ?? 0).toBeGreaterThan(300);
  });
});

// A minimal stand-in for the emulator's spreadsheet, enforcing the behaviours the loader relies
// on: fixed grid bounds, exact setValues sizes, and "+1 555 0100" becoming a broken formula
// unless the cell is plain text ("@").
class FakeSheet {
  maxRows = 1000;
  maxColumns = 26;
  cells = new Map<string, Cell>();
  formats = new Map<string, string>();
  calls: string[] = [];
  constructor(readonly name: string) {}
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  insertRowsAfter(after: number, count: number) {
    this.calls.push(`insertRowsAfter(${after},${count})`);
    this.maxRows += count;
  }
  insertColumnsAfter(after: number, count: number) {
    this.calls.push(`insertColumnsAfter(${after},${count})`);
    this.maxColumns += count;
  }
  clearContents() {
    this.calls.push("clearContents");
    this.cells.clear();
  }
  getRange(row: number, column: number, rows: number, columns: number) {
    if (rows < 1 || columns < 1)
      throw new Error("The number of rows in the range must be at least 1.");
    if (row + rows - 1 > this.maxRows || column + columns - 1 > this.maxColumns)
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    return {
      setNumberFormat: (format: string) => {
        this.calls.push(`setNumberFormat(${column},${columns},${format})`);
        for (let r = row; r < row + rows; r++)
          for (let c = column; c < column + columns; c++) this.formats.set(`${r},${c}`, format);
      },
      setValues: (values: Cell[][]) => {
        this.calls.push("setValues");
        if (values.length !== rows || values.some((v) => v.length !== columns))
          throw new Error(
            "The number of rows in the data does not match the number of rows in the range.",
          );
        values.forEach((line, r) =>
          line.forEach((value, c) => {
            const key = `${row + r},${column + c}`;
            const text = this.formats.get(key) === "@";
            const broken = typeof value === "string" && /^[+=]/.test(value) && !text;
            this.cells.set(key, broken ? "#ERROR!" : value);
          }),
        );
      },
    };
  }
}

class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  getSheetByName(name: string) {
    return this.sheets.find((s) => s.name === name) ?? null;
  }
  insertSheet(name: string) {
    if (this.getSheetByName(name))
      throw new Error(`A sheet with the name "${name}" already exists.`);
    const sheet = new FakeSheet(name);
    this.sheets.push(sheet);
    return sheet;
  }
}

describe("loadDemoIntoSpreadsheet", () => {
  const asSpreadsheet = (fake: FakeSpreadsheet) =>
    fake as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet;

  it("creates the tabs, grows the grid and writes each tab in one setValues, phones kept as text", () => {
    const demo = generateDemoSheet({ ...base, contacts: 1500, touches: 3000 });
    const fake = new FakeSpreadsheet();
    loadDemoIntoSpreadsheet(asSpreadsheet(fake), demo);
    const contacts = fake.getSheetByName("Contacts");
    const touches = fake.getSheetByName("Touches");
    if (!contacts || !touches) throw new Error("tabs not created");
    expect(contacts.maxRows).toBe(1501);
    expect(contacts.maxColumns).toBe(CONTACTS_SPEC.columns.length);
    expect(touches.maxRows).toBe(3001);
    expect(contacts.calls.filter((c) => c === "setValues")).toHaveLength(1);
    expect(touches.calls.filter((c) => c === "setValues")).toHaveLength(1);
    // Formats go on before the write, and id columns are plain text.
    expect(contacts.calls.indexOf("setValues")).toBe(contacts.calls.length - 1);
    const phoneColumn = C(CONTACT.phone) + 1;
    const row = demo.contacts.findIndex((r, i) => i > 0 && r[C(CONTACT.phone)] !== "");
    expect(row).toBeGreaterThan(0);
    expect(contacts.cells.get(`${row + 1},${phoneColumn}`)).toBe(
      demo.contacts[row]?.[C(CONTACT.phone)],
    );
    expect(contacts.cells.get(`1,1`)).toBe("ID");
    expect(touches.cells.get(`2,${T(TOUCH.touchId) + 1}`)).toBe("T-0000001");
  });

  it("replaces an existing tab's contents without inserting a second tab", () => {
    const fake = new FakeSpreadsheet();
    const existing = fake.insertSheet("Contacts");
    existing.cells.set("5000,1", "old");
    loadDemoIntoSpreadsheet(
      asSpreadsheet(fake),
      generateDemoSheet({ ...base, contacts: 5, touches: 10 }),
    );
    expect(fake.sheets.map((s) => s.name)).toEqual(["Contacts", "Touches"]);
    expect(existing.calls[0]).toBe("clearContents");
    expect(existing.cells.has("5000,1")).toBe(false);
    expect(existing.calls.filter((c) => c.startsWith("insertRowsAfter"))).toEqual([]);
  });
});

describe("loadDemoIntoSpreadsheet in the emulator", () => {
  it("round-trips every cell, with phones and IDs kept as text", () => {
    // The harness's view: script code is not running, so a fixed host is enough.
    const { spreadsheet } = newEmulatedSpreadsheet({
      name: "Demo",
      timeZone: ZONE,
      host: {
        now: () => NOW,
        effectiveUser: () => DEFAULT_DEMO_OWNERS[0] ?? "",
        activeUser: () => DEFAULT_DEMO_OWNERS[0] ?? "",
        scriptTimeZone: () => ZONE,
      },
    });
    const demo = generateDemoSheet({ ...base, contacts: 1200, touches: 4000 });
    loadDemoIntoSpreadsheet(spreadsheet, demo);

    const contacts = spreadsheet.getSheetByName("Contacts");
    const touches = spreadsheet.getSheetByName("Touches");
    if (!contacts || !touches) throw new Error("tabs not created");
    expect(contacts.getDataRange().getValues()).toEqual(demo.contacts);
    expect(touches.getDataRange().getValues()).toEqual(demo.touches);
    const phones = contacts
      .getRange(2, C(CONTACT.phone) + 1, 1200, 1)
      .getValues()
      .map((r) => r[0])
      .filter((p) => p !== "");
    expect(phones.length).toBeGreaterThan(500);
    for (const phone of phones) expect(phone).toMatch(/^\+1 555 01\d\d$/);
  });
});
