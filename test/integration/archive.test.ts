// "Archive old touches" on the built bundle (issue 7 item 4): old touches move to an archive
// spreadsheet in the user's Drive, each contact keeps one "Archived" summary row, and the engine
// computes exactly what it computed before — now and later; a fault at any call, then a rerun,
// leaves every touch exactly once.
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import { ALEX, lastAlert, records, type Row, ZONE } from "./support";

/** Monday 23 November 2026, 09:20 in New York. */
const NOW = new Date("2026-11-23T14:20:00Z");
const DAY_MS = 86_400_000;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

function demoBench(size = { contacts: 60, touches: 700 }): Workbench {
  const wb = createWorkbench({ now: NOW, zone: ZONE, demo: { ...size, seed: 11 } });
  refresh(wb); // IDs, tiers and cadence starts settle, as after any hourly run
  return wb;
}

function refresh(wb: Workbench): void {
  const result = wb.menu("menuRefreshNow", ALEX);
  if (result.error) throw result.error;
}

function archive(wb: Workbench, answer: string) {
  wb.emu.spreadsheets.ui.queuePromptResponse(answer);
  return wb.menu("menuArchiveOldTouches", ALEX);
}

function archiveSpreadsheet(wb: Workbench): Spreadsheet | undefined {
  return wb.emu.spreadsheets
    .all()
    .find((s) => s.getName() === "Touchbase archive — Acme pipeline") as unknown as
    Spreadsheet | undefined;
}

/**
 * Rows in every archive spreadsheet of the workbook: a crash between creating the archive and
 * remembering its id leaves an empty one behind, which must hold no touch.
 */
function archivedRows(wb: Workbench): Row[] {
  return wb.emu.spreadsheets
    .all()
    .filter((s) => s.getName() === "Touchbase archive — Acme pipeline")
    .flatMap((s) => {
      const sheet = (s as unknown as Spreadsheet).getSheetByName("Touches");
      if (!sheet) return [];
      const [headers = [], ...rows] = sheet.getDataRange().getValues();
      return rows.map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i]])));
    });
}

/** Calls that show or answer a dialog: when one fails, Apps Script shows its own error. */
const DIALOG_CALL = /^(SpreadsheetApp\.getUi|Ui\.|PromptResponse\.)/;

const plain = (grid: unknown[][]) =>
  grid.map((row) => row.map((cell) => (cell instanceof Date ? cell.toISOString() : cell)));

const ids = (rows: Row[]) => rows.map((r) => String(r["Touch ID"]));
const isSummary = (r: Row) => r["Outcome"] === "Archived";

describe("Archive old touches", () => {
  test("the engine computes exactly the same for every contact, now and as time goes on", () => {
    const archived = demoBench();
    const untouched = demoBench();
    const before = plain(archived.values("Contacts"));
    const touchesBefore = records(archived, "Touches");

    const result = archive(archived, "3");
    expect(result.error).toBeUndefined();
    expect(lastAlert(archived)).toMatch(
      /^Archived \d+ touches older than 3 months from \d+ contacts/,
    );

    const moved = archivedRows(archived);
    const summaries = records(archived, "Touches").filter(isSummary);
    expect(moved.length).toBeGreaterThan(100);
    expect(summaries.length).toBeGreaterThan(10);
    // Every touch is exactly once in Touches or in the archive, with all its cells.
    const left = records(archived, "Touches").filter((r) => !isSummary(r));
    expect([...ids(left), ...ids(moved)].sort()).toEqual(ids(touchesBefore).sort());
    const original = new Map(touchesBefore.map((r) => [String(r["Touch ID"]), r]));
    for (const row of moved) expect(row).toEqual(original.get(String(row["Touch ID"])));

    for (const days of [0, 20, 45, 120]) {
      for (const wb of [archived, untouched]) {
        wb.emu.clock.set(new Date(NOW.getTime() + days * DAY_MS));
        refresh(wb);
      }
      const label = `${days} days after archiving`;
      expect({ label, contacts: plain(archived.values("Contacts")) }).toEqual({
        label,
        contacts: plain(untouched.values("Contacts")),
      });
    }
    expect(plain(untouched.values("Contacts"))).not.toEqual(before); // time really moved on
    const run = records(archived, "Runs").find((r) => r["Trigger"] === "Archive")!;
    expect(String(run["Archived"])).toContain("Touchbase archive — Acme pipeline");
    expect(run["Error"]).toBe("");
  });

  test("a second archive appends to the same archive and merges each contact's summary row", () => {
    const wb = demoBench();
    expect(archive(wb, "6").error).toBeUndefined();
    const first = archivedRows(wb).length;
    const contactsAfterFirst = plain(wb.values("Contacts"));
    expect(archive(wb, "").error).toBeUndefined(); // blank = 12 months: nothing older is left
    expect(lastAlert(wb)).toMatch(/^Nothing to archive/);
    expect(archive(wb, "2").error).toBeUndefined();
    const rows = archivedRows(wb);
    expect(rows.length).toBeGreaterThan(first);
    expect(new Set(ids(rows)).size).toBe(rows.length);
    const summaries = records(wb, "Touches").filter(isSummary);
    const perContact = summaries.map((r) => String(r["Contact ID"]));
    expect(new Set(perContact).size).toBe(perContact.length);
    expect(
      wb.emu.spreadsheets.all().filter((s) => s.getName().startsWith("Touchbase archive")),
    ).toHaveLength(1);
    refresh(wb);
    const touchesColumn = (grid: unknown[][]) => {
      const index = grid[0]!.indexOf("Touches");
      return grid.slice(1).map((row) => row[index]);
    };
    expect(touchesColumn(plain(wb.values("Contacts")))).toEqual(touchesColumn(contactsAfterFirst));
  });

  test("a bad answer is named and nothing moves; Cancel does nothing", () => {
    const wb = demoBench();
    const before = plain(wb.values("Touches"));
    for (const answer of ["abc", "0", "1.5", "-3", "500"]) {
      expect(archive(wb, answer).error).toBeUndefined();
      expect(lastAlert(wb)).toContain(
        "is not a number of months. Type a whole number from 1 to 120",
      );
    }
    wb.emu.spreadsheets.ui.queuePromptResponse("3", "CANCEL");
    expect(wb.menu("menuArchiveOldTouches", ALEX).error).toBeUndefined();
    expect(plain(wb.values("Touches"))).toEqual(before);
    expect(archiveSpreadsheet(wb)).toBeUndefined();
  });

  test("formulas in Touches are named and nothing moves", () => {
    const wb = demoBench();
    const touches = wb.spreadsheet().getSheetByName("Touches")!;
    touches.getRange(5, 11).setFormula("=B5");
    const before = plain(wb.values("Touches"));
    expect(archive(wb, "3").error).toBeUndefined();
    expect(lastAlert(wb)).toMatch(/The Touches tab has formulas \(column "Notes", from row 5\)/);
    expect(plain(wb.values("Touches"))).toEqual(before);
  });

  test("whichever call fails, a rerun leaves every touch exactly once and the same contacts", () => {
    // A smaller sheet: the loop builds one per service call of the archive.
    const small = { contacts: 20, touches: 200 };
    const clean = demoBench(small);
    const allIds = ids(records(clean, "Touches")).sort();
    const cleanRun = archive(clean, "3");
    expect(cleanRun.error).toBeUndefined();
    refresh(clean);
    const cleanContacts = plain(clean.values("Contacts"));
    const failures: string[] = [];
    for (let n = 1; n <= cleanRun.calls; n++) {
      const wb = demoBench(small);
      wb.emu.faults.failAtCall(n);
      const where = `fault at call ${n} (${cleanRun.callLog[n - 1]})`;
      const faulted = archive(wb, "3");
      if (faulted.error && !DIALOG_CALL.test(cleanRun.callLog[n - 1] ?? "")) {
        failures.push(`${where}: the menu threw ${faulted.error.message}`);
      }
      const retry = archive(wb, "3");
      if (retry.error) failures.push(`${where}: the rerun threw ${retry.error.message}`);
      const moved = archivedRows(wb);
      const left = records(wb, "Touches").filter((r) => !isSummary(r));
      const everyTouch = [...ids(left), ...ids(moved)].sort();
      if (JSON.stringify(everyTouch) !== JSON.stringify(allIds)) {
        failures.push(
          `${where}: ${everyTouch.length} touches after the rerun, ${allIds.length} before`,
        );
      }
      refresh(wb);
      if (JSON.stringify(plain(wb.values("Contacts"))) !== JSON.stringify(cleanContacts)) {
        failures.push(`${where}: Contacts differ from a clean archive`);
      }
    }
    expect(failures).toEqual([]);
  });
});
