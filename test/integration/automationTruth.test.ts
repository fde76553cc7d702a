// Automation that tells the truth when it cannot run (issue 7 item 6, APPS-SCRIPT-FACTS on
// authorization, lost access and trigger limits), through the built bundle: a Runs row when the
// sheet opens, one email, and a trigger that removes itself instead of failing every hour unseen.
import { SCOPES } from "../../emulator";
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import {
  ALEX,
  columnNumber,
  lastAlert,
  records,
  SAM,
  sheetOf,
  turnOnAutomation,
  typeRows,
  ZONE,
} from "./support";

const HOUR_MS = 3_600_000;
/** Monday 08:30 in New York (after the default Digest hour of 8). */
const MONDAY_MORNING = new Date("2026-11-23T13:30:00Z");
const REAUTHORIZE_SUBJECT = "Touchbase needs your permission again";
const STOPPED_SUBJECT = "Touchbase turned off one of your hourly runs";

function bench(): Workbench {
  const wb = createWorkbench({
    now: MONDAY_MORNING,
    owners: [ALEX, SAM],
    demo: { contacts: 20, touches: 120 },
  });
  turnOnAutomation(wb, ALEX);
  turnOnAutomation(wb, SAM);
  return wb;
}

let hour = 0;
function fireNextHour(wb: Workbench) {
  hour += 1;
  wb.emu.clock.set(new Date(MONDAY_MORNING.getTime() + hour * HOUR_MS));
  return wb.emu.runDueTimeTriggers();
}

function mailTo(wb: Workbench, user: string, subject: string) {
  return wb.emu.gmail.sent(user).filter((m) => m.subject === subject);
}

function automationOf(wb: Workbench, user: string) {
  return wb.emu.triggers.forUser(user).filter((t) => t.handler === "runAutomation");
}

beforeEach(() => {
  hour = 0;
});

describe("authorization out of date after a scope was added", () => {
  test("the run notes it in Runs every hour, emails once with the link, and goes on with the sheet", () => {
    const wb = bench();
    wb.emu.access.requireReauthorization(ALEX, [SCOPES.gmail]);
    const first = fireNextHour(wb);
    expect(first.map((r) => r.error)).toEqual([undefined, undefined]);
    const alexRuns = () => records(wb, "Runs").filter((r) => r["User"] === ALEX);
    expect(alexRuns()).toHaveLength(1);
    expect(alexRuns()[0]).toMatchObject({ Trigger: "Hourly", Contacts: 20 });
    expect(String(alexRuns()[0]!["Error"])).toMatch(
      /^Touchbase needs you to authorize it again: an update added a permission you have not granted yet\./,
    );
    const [email] = mailTo(wb, ALEX, REAUTHORIZE_SUBJECT);
    expect(email?.plainBody).toContain(
      "https://script.google.com/macros/d/emulated-script-id/authorize",
    );
    expect(email?.plainBody).toContain(
      `https://docs.google.com/spreadsheets/d/${wb.spreadsheetId}/edit`,
    );
    // Sam's authorization is fine: his run has no note and he gets no such email.
    expect(records(wb, "Runs").find((r) => r["User"] === SAM)).toMatchObject({ Error: "" });
    expect(mailTo(wb, SAM, REAUTHORIZE_SUBJECT)).toHaveLength(0);

    fireNextHour(wb);
    expect(alexRuns()).toHaveLength(2);
    expect(String(alexRuns()[1]!["Error"])).toMatch(/authorize it again/);
    expect(mailTo(wb, ALEX, REAUTHORIZE_SUBJECT)).toHaveLength(1);

    wb.emu.access.reauthorize(ALEX);
    fireNextHour(wb);
    expect(alexRuns()[2]).toMatchObject({ Error: "" });
    // A later scope change is told again.
    wb.emu.access.requireReauthorization(ALEX, [SCOPES.gmail]);
    fireNextHour(wb);
    expect(mailTo(wb, ALEX, REAUTHORIZE_SUBJECT)).toHaveLength(2);
    expect(automationOf(wb, ALEX)).toHaveLength(1);
  });
});

describe("a user who lost access, or whose user properties were cleared", () => {
  test("removed from the spreadsheet: the trigger is removed and the user emailed once", () => {
    const wb = bench();
    wb.emu.access.removeUser(wb.spreadsheetId, SAM);
    const runs = fireNextHour(wb);
    expect(runs.map((r) => r.error)).toEqual([undefined, undefined]);
    expect(automationOf(wb, SAM)).toEqual([]);
    expect(automationOf(wb, ALEX)).toHaveLength(1);
    const stopped = mailTo(wb, SAM, STOPPED_SUBJECT);
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.plainBody).toMatch(
      /you no longer have access to the spreadsheet https:\/\/docs/,
    );
    expect(stopped[0]!.plainBody).toContain(
      "You do not have permission to access the requested document.",
    );
    expect(
      wb.emu.properties
        .user(SAM)
        .getKeys()
        .filter((k) => k.startsWith("tb.trigger.")),
    ).toEqual([]);

    expect(fireNextHour(wb).map((r) => r.user)).toEqual([ALEX]);
    expect(mailTo(wb, SAM, STOPPED_SUBJECT)).toHaveLength(1);
  });

  test("made a viewer: the first write is refused, the trigger removed, the user emailed once", () => {
    const wb = bench();
    const before = wb.values("Contacts");
    wb.emu.access.makeViewer(wb.spreadsheetId, SAM);
    wb.emu.clock.set(new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    const [run] = wb.emu.runDueTimeTriggers().filter((r) => r.user === SAM);
    expect(run?.error).toBeUndefined();
    expect(automationOf(wb, SAM)).toEqual([]);
    const stopped = mailTo(wb, SAM, STOPPED_SUBJECT);
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.plainBody).toMatch(/you can no longer edit the spreadsheet/);
    // A viewer cannot write the Runs row either: the email is the note.
    expect(records(wb, "Runs").filter((r) => r["User"] === SAM)).toEqual([]);
    expect(wb.values("Contacts").length).toBe(before.length);
  });

  test("user properties cleared: the trigger that no longer knows its spreadsheet removes itself", () => {
    const wb = bench();
    wb.emu.properties.user(ALEX).deleteAllProperties();
    fireNextHour(wb);
    expect(automationOf(wb, ALEX)).toEqual([]);
    const stopped = mailTo(wb, ALEX, STOPPED_SUBJECT);
    expect(stopped).toHaveLength(1);
    expect(stopped[0]!.plainBody).toMatch(/it no longer knew which spreadsheet it works on/);
    expect(records(wb, "Runs").filter((r) => r["User"] === ALEX)).toEqual([]);
    fireNextHour(wb);
    expect(mailTo(wb, ALEX, STOPPED_SUBJECT)).toHaveLength(1);
    // Turning it on again works.
    turnOnAutomation(wb, ALEX);
    expect(automationOf(wb, ALEX)).toHaveLength(1);
  });

  test("a passing failure to open keeps the trigger; a whole day of them removes it", () => {
    const wb = createWorkbench({ now: MONDAY_MORNING, owners: [ALEX] });
    turnOnAutomation(wb, ALEX);
    const openByIdAt = (() => {
      const [probe] = fireNextHour(wb);
      return probe!.callLog.indexOf("SpreadsheetApp.openById") + 1;
    })();
    expect(openByIdAt).toBeGreaterThan(0);
    const notFound =
      "Unexpected error while getting the method or property openById on object SpreadsheetApp.";
    for (let day = 1; day <= 23; day++) {
      wb.emu.faults.failAtCall(openByIdAt, notFound);
      fireNextHour(wb);
    }
    expect(automationOf(wb, ALEX)).toHaveLength(1);
    // One good hour starts the count again.
    fireNextHour(wb);
    for (let day = 1; day <= 24; day++) {
      expect(automationOf(wb, ALEX)).toHaveLength(1);
      wb.emu.faults.failAtCall(openByIdAt, notFound);
      fireNextHour(wb);
    }
    expect(automationOf(wb, ALEX)).toEqual([]);
    const [stopped] = mailTo(wb, ALEX, STOPPED_SUBJECT);
    expect(stopped?.plainBody).toMatch(/could not open the spreadsheet .* for a whole day/);
  });
});

describe("a protected Tier column does not stop the digest", () => {
  test("the write is refused, the digest still goes, Runs names the protection", () => {
    const wb = bench();
    // Only Sam's run: Alex (the owner, who may edit Tier) would decay the tier first.
    expect(wb.menu("menuTurnOffAutomation", ALEX).error).toBeUndefined();
    typeRows(
      wb,
      "Contacts",
      [
        {
          Name: "Dana Dark",
          Email: "dana@quiet.test",
          Owner: SAM,
          Stage: "Qualified",
          Tier: "Hot",
          Created: new Date("2026-09-01T15:00:00Z"),
        },
      ],
      22,
    );
    const contacts = sheetOf(wb, "Contacts");
    const tier = columnNumber(contacts, "Tier");
    // The owner protects Tier so that only they may edit it (Sam is not an editor).
    contacts.getRange(1, tier, contacts.getMaxRows(), 1).protect();
    wb.emu.clock.set(new Date(MONDAY_MORNING.getTime() + HOUR_MS));
    const [run] = wb.emu.runDueTimeTriggers().filter((r) => r.user === SAM);
    expect(run?.error).toBeUndefined();
    // The digest's subject names what is waiting ("Touchbase: 5 overdue").
    expect(wb.emu.gmail.sent(SAM).map((m) => m.subject)).toEqual([
      expect.stringMatching(/^Touchbase: \d+ (overdue|due today|replied)/),
    ]);
    const samRun = records(wb, "Runs").find((r) => r["User"] === SAM);
    expect(samRun).toMatchObject({ Trigger: "Hourly", Digests: 1 });
    expect(String(samRun!["Error"])).toMatch(
      /^Touchbase could not write to Contacts or Touches: a protected range keeps you from editing it \(You are trying to edit a protected cell or object/,
    );
    expect(automationOf(wb, SAM)).toHaveLength(1);
    expect(records(wb, "Contacts").find((c) => c["Name"] === "Dana Dark")?.["Tier"]).toBe("Hot");
  });
});

describe("Turn on automation for me", () => {
  test("the 20-trigger limit gets Touchbase's own message", () => {
    const wb = createWorkbench({ now: MONDAY_MORNING, owners: [ALEX] });
    for (let i = 0; i < 20; i++) {
      const other = wb.emu.spreadsheets.create(`Pipeline ${i}`, { timeZone: ZONE, owner: ALEX });
      const result = wb.app.run(
        { user: ALEX, authMode: "FULL", kind: "menu", spreadsheetId: other.getId() },
        "menuTurnOnAutomation",
      );
      expect(result.error).toBeUndefined();
    }
    expect(wb.menu("menuTurnOnAutomation", ALEX).error).toBeUndefined();
    expect(lastAlert(wb)).toBe(
      "You already have 20 Touchbase automations, the most Google allows one person. Turn automation off in a spreadsheet you no longer use (Extensions › Touchbase › Turn off automation for me there), then try again here.",
    );
    expect(wb.emu.triggers.forUser(ALEX).filter((t) => t.documentId === wb.spreadsheetId)).toEqual(
      [],
    );
  });

  test("interrupted at any call, no trigger is left without its spreadsheet: a retry or the next run cleans up", () => {
    const probe = createWorkbench({ now: MONDAY_MORNING, owners: [ALEX] });
    const calls = probe.menu("menuTurnOnAutomation", ALEX).calls;
    expect(calls).toBeGreaterThan(5);
    const failures: string[] = [];
    for (let n = 1; n <= calls; n++) {
      for (const then of ["retry", "next run"] as const) {
        const wb = createWorkbench({ now: MONDAY_MORNING, owners: [ALEX] });
        wb.emu.faults.failAtCall(n);
        wb.menu("menuTurnOnAutomation", ALEX);
        const where = `fault at call ${n}, then ${then}`;
        if (then === "retry") {
          wb.menu("menuTurnOnAutomation", ALEX);
          const triggers = automationOf(wb, ALEX);
          const known = triggers.map((t) =>
            wb.emu.properties.user(ALEX).getProperty(`tb.trigger.${t.uid}`),
          );
          if (known.length !== 1 || known[0] !== wb.spreadsheetId) {
            failures.push(`${where}: triggers know ${JSON.stringify(known)}`);
          }
        } else {
          wb.emu.clock.set(new Date(MONDAY_MORNING.getTime() + 2 * HOUR_MS));
          wb.emu.runDueTimeTriggers();
          const orphans = automationOf(wb, ALEX).filter(
            (t) => wb.emu.properties.user(ALEX).getProperty(`tb.trigger.${t.uid}`) === null,
          );
          if (orphans.length > 0) failures.push(`${where}: ${orphans.length} orphan trigger(s)`);
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
