// Issue 7 "Done when": a seeded property test on the built bundle. Random user edits (cells of user
// columns, formulas in Tier), sorts and row inserts — done from call hooks while a run reads, and
// between runs — interleaved with runs and sidebar-style appends to Touches. After every step no
// user cell is lost or moved, each contact keeps its ID once it has one, and every touch's Contact
// ID names the contact it was logged for.
//
// The hook acts before any call up to the run's first re-read (`Sheet.getRange`, where the guard
// starts): that is the read-to-write span of 1–4 s in which people really act. The few calls from
// a guard's re-read to the write it guards stay open: Sheets has no compare-and-set.
import fc from "fast-check";
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import { ALEX, columnNumber, records, type Row, sheetOf, typeRows, ZONE } from "./support";

const NOW = new Date("2026-11-23T14:20:00Z");
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY_MS);
const TIER_FORMULA = '=IF(1>0,"Hot","Cold")';
const EDITABLE = ["Company", "Next Step", "Stage"] as const;
const STAGES = ["New Lead", "Qualified", "Proposal Sent", "Negotiation"] as const;

type UserAction =
  | { kind: "edit"; row: number; column: (typeof EDITABLE)[number]; value: string }
  | { kind: "tier"; row: number; value: string }
  | { kind: "sort"; column: "Name" | "Company" | "Stage" | "Tier"; ascending: boolean }
  | { kind: "insert"; row: number };

type Step =
  | { kind: "run"; atCall: number; action: UserAction | null }
  | { kind: "user"; action: UserAction }
  | { kind: "append"; contact: number };

const userAction: fc.Arbitrary<UserAction> = fc.oneof(
  fc.record({
    kind: fc.constant("edit" as const),
    row: fc.nat(),
    column: fc.constantFrom(...EDITABLE),
    value: fc.constantFrom("Acme", "Globex", "call back", "=1+1", "00123", ...STAGES),
  }),
  fc.record({
    kind: fc.constant("tier" as const),
    row: fc.nat(),
    value: fc.constantFrom("Hot", "Warm", "Cold", TIER_FORMULA),
  }),
  fc.record({
    kind: fc.constant("sort" as const),
    column: fc.constantFrom("Name" as const, "Company" as const, "Stage" as const, "Tier" as const),
    ascending: fc.boolean(),
  }),
  fc.record({ kind: fc.constant("insert" as const), row: fc.nat() }),
);

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant("run" as const),
      atCall: fc.integer({ min: 1, max: 30 }),
      action: fc.option(userAction, { nil: null }),
    }),
  },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("user" as const), action: userAction }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("append" as const), contact: fc.nat() }) },
);

/** What the person expects of each contact, by Name (names are unique in this test). */
interface Expected {
  id: string;
  cells: Record<string, unknown>;
  tier: { value: string } | { formula: string };
}

class World {
  readonly wb: Workbench;
  readonly expected = new Map<string, Expected>();
  /** Touches the sidebar logged: contact name → how many. */
  readonly logged = new Map<string, number>();
  private inserted = 0;
  private clock = NOW.getTime();

  constructor() {
    this.wb = createWorkbench({ now: NOW, zone: ZONE, owners: [ALEX] });
    const rows: Row[] = [
      { ID: "C-000001", Name: "Ana", Tier: "Warm", Stage: "Qualified", Company: "Acme" },
      { ID: "C-000002", Name: "Ben", Tier: "Cold", Stage: "Proposal Sent", Company: "Initech" },
      { ID: "C-000003", Name: "Dana", Tier: "Hot", Stage: "Qualified", Company: "Quiet" },
      { Name: "Eve", Tier: "Hot", Stage: "Qualified", Company: "Hooli" },
      { Name: "Finn", Stage: "New Lead", Company: "Vandelay" },
      { ID: "C-000009", Name: "Gus", Tier: "Warm", Stage: "Negotiation", Company: "Globex" },
    ].map((row) => ({
      Owner: ALEX,
      Email: `${String(row.Name).toLowerCase()}@x.test`,
      Created: daysAgo(80),
      ...row,
    }));
    typeRows(this.wb, "Contacts", rows);
    for (const row of rows) {
      this.expected.set(String(row.Name), {
        id: String(row.ID ?? ""),
        cells: { Company: row.Company, "Next Step": "", Stage: row.Stage },
        tier: { value: String(row.Tier ?? "") },
      });
    }
  }

  private contacts() {
    return sheetOf(this.wb, "Contacts");
  }

  /** Data rows currently filled (the table the run reads). */
  private rowCount(): number {
    return Math.max(this.contacts().getLastRow() - 1, 0);
  }

  private nameAt(sheetRow: number): string {
    const sheet = this.contacts();
    return String(sheet.getRange(sheetRow, columnNumber(sheet, "Name")).getValue());
  }

  act(action: UserAction): void {
    const sheet = this.contacts();
    const count = this.rowCount();
    if (count === 0) return;
    if (action.kind === "edit" || action.kind === "tier") {
      const row = 2 + (action.row % count);
      const name = this.nameAt(row);
      const expected = this.expected.get(name);
      if (!expected) return; // a blank row
      if (action.kind === "edit") {
        // Typed as a person types: "=1+1" becomes a formula, "00123" a number.
        const cell = sheet.getRange(row, columnNumber(sheet, action.column));
        cell.setValue(action.value);
        expected.cells[action.column] = cell.getValue();
      } else if (action.value === TIER_FORMULA) {
        sheet.getRange(row, columnNumber(sheet, "Tier")).setFormula(TIER_FORMULA);
        expected.tier = { formula: TIER_FORMULA };
      } else {
        sheet.getRange(row, columnNumber(sheet, "Tier")).setValue(action.value);
        expected.tier = { value: action.value };
      }
    } else if (action.kind === "sort") {
      sheet
        .getRange(2, 1, count, sheet.getLastColumn())
        .sort({ column: columnNumber(sheet, action.column), ascending: action.ascending });
    } else {
      const row = 2 + (action.row % count);
      sheet.insertRowBefore(row);
      const name = `New${++this.inserted}`;
      sheet.getRange(row, columnNumber(sheet, "Name")).setValue(name);
      sheet.getRange(row, columnNumber(sheet, "Stage")).setValue("New Lead");
      this.expected.set(name, {
        id: "",
        cells: { Company: "", "Next Step": "", Stage: "New Lead" },
        tier: { value: "" },
      });
    }
  }

  run(atCall: number, action: UserAction | null): void {
    this.clock += HOUR_MS;
    this.wb.emu.clock.set(new Date(this.clock));
    let calls = 0;
    let done = action === null;
    const stop = this.wb.emu.beforeCall((call) => {
      calls++;
      if (done || (calls < atCall && call.call !== "Sheet.getRange")) return;
      done = true;
      this.act(action!);
    });
    const result = this.wb.menu("menuRefreshNow");
    stop();
    if (result.error) throw result.error;
  }

  /** The sidebar logs a call for a contact that has an ID (Touch ID left to the run). */
  append(pick: number): void {
    const withIds = records(this.wb, "Contacts").filter((c) => c["ID"] !== "");
    const contact = withIds[pick % Math.max(withIds.length, 1)];
    if (!contact) return;
    const name = String(contact["Name"]);
    const touches = sheetOf(this.wb, "Touches");
    const header = touches.getRange(1, 1, 1, touches.getLastColumn()).getValues()[0]!.map(String);
    const row: Row = {
      Timestamp: new Date(this.clock),
      "Contact ID": contact["ID"],
      Contact: name,
      Channel: "Call",
      Direction: "Outbound",
      Outcome: "Connected",
      Source: "Sidebar",
    };
    touches.appendRow(header.map((h) => row[h] ?? ""));
    this.logged.set(name, (this.logged.get(name) ?? 0) + 1);
  }

  /** Every invariant, as a list of what differed (empty when all hold). */
  check(): string[] {
    const failures: string[] = [];
    const sheet = this.contacts();
    const tierColumn = columnNumber(sheet, "Tier");
    const rows = records(this.wb, "Contacts");
    const formulas = sheet.getRange(2, tierColumn, Math.max(rows.length, 1), 1).getFormulas();
    const touches = records(this.wb, "Touches");
    const seen = new Set<string>();
    const allRows = sheet.getDataRange().getValues().slice(1);
    const nameIndex = columnNumber(sheet, "Name") - 1;
    allRows.forEach((cells, index) => {
      const name = String(cells[nameIndex]);
      if (name === "") return;
      const row = rows.find((r) => r["Name"] === name)!;
      const expected = this.expected.get(name);
      if (!expected) return void failures.push(`unexpected contact ${name}`);
      seen.add(name);
      for (const [column, value] of Object.entries(expected.cells)) {
        if (row[column] !== value)
          failures.push(`${name}: ${column} is ${String(row[column])}, expected ${String(value)}`);
      }
      const formula = formulas[index]?.[0] ?? "";
      if ("formula" in expected.tier) {
        if (formula !== expected.tier.formula)
          failures.push(`${name}: Tier formula lost (${formula})`);
      } else if (row["Tier"] !== expected.tier.value) {
        const decayed = expected.tier.value === "Hot" && row["Tier"] === "Warm";
        const logged = touches.some(
          (t) => t["Outcome"] === "Tier Changed" && t["Contact"] === name,
        );
        if (decayed && logged) expected.tier = { value: "Warm" };
        else
          failures.push(`${name}: Tier is ${String(row["Tier"])}, expected ${expected.tier.value}`);
      }
      const id = String(row["ID"]);
      if (expected.id === "") expected.id = id;
      else if (id !== expected.id) failures.push(`${name}: ID is ${id}, expected ${expected.id}`);
    });
    for (const name of this.expected.keys()) {
      if (!seen.has(name)) failures.push(`${name} is gone from Contacts`);
    }
    const ids = rows.map((r) => String(r["ID"])).filter((id) => id !== "");
    const duplicateIds = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (duplicateIds.length > 0) failures.push(`duplicate IDs ${duplicateIds.join(", ")}`);
    const nameOfId = new Map(rows.map((r) => [String(r["ID"]), String(r["Name"])]));
    for (const touch of touches) {
      const owner = nameOfId.get(String(touch["Contact ID"]));
      if (owner !== touch["Contact"]) {
        failures.push(
          `touch ${String(touch["Touch ID"])} for ${String(touch["Contact"])} names ${String(touch["Contact ID"])} (${String(owner)})`,
        );
      }
    }
    for (const [name, count] of this.logged) {
      const found = touches.filter(
        (t) => t["Contact"] === name && t["Source"] === "Sidebar",
      ).length;
      if (found !== count) failures.push(`${name}: ${found} sidebar touches, expected ${count}`);
    }
    const touchIds = touches.map((t) => String(t["Touch ID"])).filter((id) => id !== "");
    const duplicateTouchIds = touchIds.filter((id, i) => touchIds.indexOf(id) !== i);
    if (duplicateTouchIds.length > 0)
      failures.push(`duplicate Touch IDs ${duplicateTouchIds.join(", ")}`);
    return failures;
  }
}

describe("property: runs interleaved with a person's edits, sorts, inserts and sidebar touches", () => {
  test("no user cell is lost or moved and no touch is attached to another contact", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 3, maxLength: 7 }), (steps) => {
        const world = new World();
        steps.forEach((s, index) => {
          if (s.kind === "run") world.run(s.atCall, s.action);
          else if (s.kind === "user") world.act(s.action);
          else world.append(s.contact);
          const failures = world.check();
          if (failures.length > 0) {
            throw new Error(
              `after step ${index + 1} (${JSON.stringify(s)}):\n${failures.join("\n")}`,
            );
          }
        });
        // A last run with nobody acting: everything caught up, still intact.
        world.run(1, null);
        expect(world.check()).toEqual([]);
        const unassigned = records(world.wb, "Contacts").filter((c) => c["ID"] === "");
        expect(unassigned.map((c) => c["Name"])).toEqual([]);
      }),
      { seed: 20261123, numRuns: 20 },
    );
  });
});
