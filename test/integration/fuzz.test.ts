// "One bad row never stops the others": random junk typed into random cells of every tab must never
// stop the hourly run. Each seed corrupts a demo sheet differently; the run must finish with no
// Error, and every contact row the user filled in must still get a Status — unless junk landed in
// the Status column itself: then that column holds a person's values, which the run never
// overwrites, and its Runs row names the column.
import { Random } from "../../emulator/random";
import { createWorkbench } from "../../scripts/demo/workbench";
import { ALEX, headerRow, records, sheetOf, STATUSES, turnOnAutomation } from "./support";

const SETUP_AT = new Date("2026-11-23T13:00:00Z");
const HOUR_MS = 3_600_000;

/** The emulator's seeded PRNG, so a failing seed can be replayed. */
function prng(seed: number): () => number {
  const random = new Random(seed);
  return () => random.next();
}

const JUNK: readonly unknown[] = [
  "",
  " ",
  "???",
  "=1/0",
  "+1 555 0100",
  "-",
  "@mention",
  "Hott",
  "Proposal Snt",
  "32/13/2026",
  "2026-02-30",
  "tomorrow",
  "C-000001",
  "c-000001 ",
  "T-0000001",
  "Inbound",
  "Sideways",
  "Stage: Nowhere",
  "Tier: Hot",
  "Any",
  "yes",
  "TRUE",
  -5,
  0,
  1e12,
  3.7,
  true,
  false,
  new Date("1899-12-30T00:00:00Z"),
  new Date("2026-11-23T12:00:00Z"),
  new Date("2099-01-01T00:00:00Z"),
  "x".repeat(3000),
  "<script>alert(1)</script>",
  "Ünïcödé 名前 😀",
];

/** Junk typed into Contacts' Status column that is not one of Touchbase's words, by sheet row. */
type StatusJunk = Map<number, unknown>;

function corrupt(
  wb: ReturnType<typeof createWorkbench>,
  random: () => number,
  cells: number,
): StatusJunk {
  const statusJunk: StatusJunk = new Map();
  for (const tab of ["Contacts", "Touches", "Cadences", "Settings", "Templates"]) {
    const sheet = sheetOf(wb, tab);
    const rows = sheet.getLastRow();
    const columns = sheet.getLastColumn();
    if (rows < 2) continue;
    for (let i = 0; i < cells; i++) {
      const row = 2 + Math.floor(random() * (rows - 1));
      const column = 1 + Math.floor(random() * columns);
      const value = JUNK[Math.floor(random() * JUNK.length)];
      sheet.getRange(row, column).setValue(value);
      const header = String(sheet.getRange(1, column).getValue());
      if (tab === "Contacts" && header === "Status") {
        const stored = sheet.getRange(row, column).getValue();
        if (String(stored).trim() !== "" && !STATUSES.includes(String(stored))) {
          statusJunk.set(row, stored);
        } else statusJunk.delete(row);
      }
    }
  }
  return statusJunk;
}

describe("random junk in any cell never stops the run", () => {
  test.each(Array.from({ length: 12 }, (_, i) => i + 1))("seed %i", (seed) => {
    const wb = createWorkbench({ now: SETUP_AT, demo: { contacts: 40, touches: 250, seed } });
    turnOnAutomation(wb, ALEX);
    const statusJunk = corrupt(wb, prng(seed), 25);

    wb.emu.clock.set(new Date(SETUP_AT.getTime() + HOUR_MS));
    const [run] = wb.emu.runDueTimeTriggers();
    expect(run?.error).toBeUndefined();

    const runs = records(wb, "Runs");
    expect(runs.at(-1)?.["Error"]).toBe("");
    const contacts = records(wb, "Contacts");
    expect(contacts.length).toBeGreaterThan(30);
    if (statusJunk.size > 0) {
      expect(String(runs.at(-1)?.["Problems"])).toContain(
        'Contacts column "Status" holds values Touchbase did not write',
      );
      const status = sheetOf(wb, "Contacts");
      const column = headerRow(status).indexOf("Status") + 1;
      for (const [row, typed] of statusJunk) {
        expect([row, status.getRange(row, column).getValue()]).toEqual([row, typed]);
      }
      return;
    }
    for (const contact of contacts) {
      const filledIn = ["Name", "Email", "Owner", "Stage", "Tier", "Company"].some(
        (h) => String(contact[h] ?? "").trim() !== "",
      );
      if (filledIn) expect(STATUSES).toContain(String(contact["Status"]));
    }
  });
});
