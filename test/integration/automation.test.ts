// Turning automation on and off through the built bundle's menu (DESIGN §3): one time-driven
// trigger per user per document, never a second one, and turning off touches only your own.
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import { ALEX, lastAlert, SAM, ZONE } from "./support";

const NOW = new Date("2026-11-23T12:00:00Z");

function automationTriggers(wb: Workbench, user?: string) {
  return wb.emu.triggers
    .all()
    .filter(
      (t) =>
        t.handler === "runAutomation" &&
        t.documentId === wb.spreadsheetId &&
        (user === undefined || t.owner === user),
    );
}

/** The user properties a trigger's run reads to find its spreadsheet. */
function rememberedSpreadsheet(wb: Workbench, user: string, uid: string): string | null {
  return wb.emu.properties.user(user).getProperty(`tb.trigger.${uid}`);
}

describe("Turn on / off automation for me", () => {
  let wb: Workbench;
  beforeEach(() => {
    wb = createWorkbench({ now: NOW, owners: [ALEX, SAM] });
  });

  test("turning it on twice leaves exactly one hourly trigger for that user and document", () => {
    const first = wb.menu("menuTurnOnAutomation", ALEX);
    expect(first.error).toBeUndefined();
    expect(lastAlert(wb)).toContain("Automation is on for alex@acme.test");

    const second = wb.menu("menuTurnOnAutomation", ALEX);
    expect(second.error).toBeUndefined();
    expect(lastAlert(wb)).toContain("already on");

    const triggers = automationTriggers(wb);
    expect(triggers).toHaveLength(1);
    const trigger = triggers[0]!;
    expect(trigger.owner).toBe(ALEX);
    expect(trigger.eventType).toBe("CLOCK");
    expect(trigger.schedule?.everyHours).toBe(1);
    // No menu alert ever showed the platform's "too many triggers" error.
    expect(wb.emu.spreadsheets.ui.alerts.map((a) => a.prompt).join("\n")).not.toMatch(/too many/i);
    // The run can find its spreadsheet without an active document.
    expect(rememberedSpreadsheet(wb, ALEX, trigger.uid)).toBe(wb.spreadsheetId);
  });

  test("turning it on again with two triggers present deletes the extra and keeps the first", () => {
    expect(wb.menu("menuTurnOnAutomation", ALEX).error).toBeUndefined();
    const [first] = automationTriggers(wb, ALEX);
    // A second trigger for the same user and document (left by an older version, or restored):
    // put straight into the platform's store, as creating it through the menu is refused.
    const extraUid = wb.emu.triggers.newUid();
    wb.emu.triggers.add({ ...first!, uid: extraUid });
    wb.emu.properties.user(ALEX).setProperty(`tb.trigger.${extraUid}`, wb.spreadsheetId);
    expect(automationTriggers(wb, ALEX).map((t) => t.uid)).toEqual([first!.uid, extraUid]);

    expect(wb.menu("menuTurnOnAutomation", ALEX).error).toBeUndefined();

    expect(automationTriggers(wb, ALEX).map((t) => t.uid)).toEqual([first!.uid]);
    expect(rememberedSpreadsheet(wb, ALEX, first!.uid)).toBe(wb.spreadsheetId);
    expect(rememberedSpreadsheet(wb, ALEX, extraUid)).toBeNull();
    expect(lastAlert(wb)).toContain("already on");
  });

  test("a second user gets their own trigger; turning off removes only that user's", () => {
    expect(wb.menu("menuTurnOnAutomation", ALEX).error).toBeUndefined();
    expect(wb.menu("menuTurnOnAutomation", SAM).error).toBeUndefined();
    expect(automationTriggers(wb)).toHaveLength(2);
    expect(automationTriggers(wb, ALEX)).toHaveLength(1);
    expect(automationTriggers(wb, SAM)).toHaveLength(1);
    const samUid = automationTriggers(wb, SAM)[0]!.uid;
    const alexUid = automationTriggers(wb, ALEX)[0]!.uid;

    expect(wb.menu("menuTurnOffAutomation", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).toContain("Automation is off for sam@acme.test");
    expect(automationTriggers(wb, SAM)).toHaveLength(0);
    expect(automationTriggers(wb, ALEX).map((t) => t.uid)).toEqual([alexUid]);
    expect(rememberedSpreadsheet(wb, SAM, samUid)).toBeNull();
    expect(rememberedSpreadsheet(wb, ALEX, alexUid)).toBe(wb.spreadsheetId);

    // Turning it off again is harmless and says so.
    expect(wb.menu("menuTurnOffAutomation", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).toContain("was not on");
    expect(automationTriggers(wb, ALEX)).toHaveLength(1);

    // On again works and makes a fresh trigger that knows the spreadsheet.
    expect(wb.menu("menuTurnOnAutomation", SAM).error).toBeUndefined();
    expect(lastAlert(wb)).toContain("Automation is on for sam@acme.test");
    const again = automationTriggers(wb, SAM);
    expect(again).toHaveLength(1);
    expect(again[0]!.uid).not.toBe(samUid);
    expect(rememberedSpreadsheet(wb, SAM, again[0]!.uid)).toBe(wb.spreadsheetId);
    expect(automationTriggers(wb)).toHaveLength(2);
  });

  test("a trigger of the same user in another document is left alone", () => {
    const other = wb.emu.spreadsheets.create("Other pipeline", {
      timeZone: ZONE,
      owner: ALEX,
    });
    const inOther = wb.app.run(
      { user: ALEX, authMode: "FULL", kind: "menu", spreadsheetId: other.getId() },
      "menuTurnOnAutomation",
    );
    expect(inOther.error).toBeUndefined();
    expect(wb.menu("menuTurnOnAutomation", ALEX).error).toBeUndefined();
    expect(wb.emu.triggers.forUser(ALEX)).toHaveLength(2);

    expect(wb.menu("menuTurnOffAutomation", ALEX).error).toBeUndefined();
    const left = wb.emu.triggers.forUser(ALEX);
    expect(left).toHaveLength(1);
    expect(left[0]!.documentId).toBe(other.getId());
  });

  test("the trigger fires hourly as its owner and each run is logged once", () => {
    wb.menu("menuTurnOnAutomation", ALEX);
    wb.menu("menuTurnOnAutomation", SAM);
    wb.emu.clock.advance(60 * 60_000);
    const fired = wb.emu.runDueTimeTriggers();
    expect(fired.map((r) => r.user).sort()).toEqual([ALEX, SAM]);
    expect(fired.map((r) => r.error)).toEqual([undefined, undefined]);
    // Firing again at the same moment runs nothing: the next slot is an hour later.
    expect(wb.emu.runDueTimeTriggers()).toHaveLength(0);
    const runs = wb.values("Runs");
    const header = runs[0]!.map(String);
    const user = header.indexOf("User");
    const trigger = header.indexOf("Trigger");
    expect(
      runs
        .slice(1)
        .map((r) => `${String(r[user])} ${String(r[trigger])}`)
        .sort(),
    ).toEqual([`${ALEX} Hourly`, `${SAM} Hourly`]);
  });
});
