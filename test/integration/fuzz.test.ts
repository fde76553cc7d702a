// "One bad row never stops the others": random junk typed into random cells of every tab must never
// stop the hourly run. Each seed corrupts a demo sheet differently; the run must finish with no
// Error, and every contact row the user filled in must still get a Status.
import { Random } from "../../emulator/random";
import { createWorkbench } from "../../scripts/demo/workbench";
import { ALEX, records, sheetOf, STATUSES, turnOnAutomation } from "./support";

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

function corrupt(
  wb: ReturnType<typeof createWorkbench>,
  random: () => number,
  cells: number,
): void {
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
    }
  }
}

describe("random junk in any cell never stops the run", () => {
  test.each(Array.from({ length: 12 }, (_, i) => i + 1))("seed %i", (seed) => {
    const wb = createWorkbench({ now: SETUP_AT, demo: { contacts: 40, touches: 250, seed } });
    turnOnAutomation(wb, ALEX);
    corrupt(wb, prng(seed), 25);

    wb.emu.clock.set(new Date(SETUP_AT.getTime() + HOUR_MS));
    const [run] = wb.emu.runDueTimeTriggers();
    expect(run?.error).toBeUndefined();

    const runs = records(wb, "Runs");
    expect(runs.at(-1)?.["Error"]).toBe("");
    const contacts = records(wb, "Contacts");
    expect(contacts.length).toBeGreaterThan(30);
    for (const contact of contacts) {
      const filledIn = ["Name", "Email", "Owner", "Stage", "Tier", "Company"].some(
        (h) => String(contact[h] ?? "").trim() !== "",
      );
      if (filledIn) expect(STATUSES).toContain(String(contact["Status"]));
    }
  });
});
