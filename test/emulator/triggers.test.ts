import { MESSAGES } from "../../emulator";
import { ANA, BEN, newEmulator, newSpreadsheet } from "./helpers";

const bundle = `
  function turnOn() {
    return ScriptApp.newTrigger("hourly").timeBased().everyHours(1).create().getUniqueId();
  }
  function everyTenMinutes() {
    return ScriptApp.newTrigger("hourly").timeBased().everyMinutes(10).create().getUniqueId();
  }
  function mine() {
    return ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).map(function (t) {
      return [t.getHandlerFunction(), String(t.getEventType()), String(t.getTriggerSource())];
    });
  }
  function turnOff() {
    ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet()).forEach(function (t) { ScriptApp.deleteTrigger(t); });
  }
  function hourly(e) {
    var lock = LockService.getDocumentLock();
    return {
      active: SpreadsheetApp.getActiveSpreadsheet() === null,
      lockIsNull: lock === null,
      docProps: PropertiesService.getDocumentProperties() === null,
      authFull: e.authMode === ScriptApp.AuthMode.FULL,
      uid: e.triggerUid,
      user: Session.getEffectiveUser().getEmail(),
      hour: e.hour,
    };
  }
`;

function setup() {
  const emu = newEmulator({ advanceClockAfterExecutions: false });
  const first = newSpreadsheet(emu, 1);
  const second = newSpreadsheet(emu, 1);
  const app = emu.loadBundleSource(bundle);
  const menu = (user: string, spreadsheetId: string, fn: string) =>
    app.run({ user, kind: "menu", spreadsheetId }, fn);
  return { emu, app, first, second, menu };
}

describe("add-on trigger rules", () => {
  test("a second time-based trigger for the same user and document throws", () => {
    const { menu, first } = setup();
    expect(menu(ANA, first, "turnOn").error).toBeUndefined();
    const again = menu(ANA, first, "turnOn");
    expect(again.error?.message).toBe(MESSAGES.tooManyTimeTriggers);
    expect(again.error?.message).toMatch(
      /too many time-based triggers in this document for this Google user account/,
    );
  });

  test("the limit is per user and per document", () => {
    const { emu, menu, first, second } = setup();
    expect(menu(ANA, first, "turnOn").error).toBeUndefined();
    expect(menu(BEN, first, "turnOn").error).toBeUndefined();
    expect(menu(ANA, second, "turnOn").error).toBeUndefined();
    expect(emu.triggers.all()).toHaveLength(3);
    expect(menu(ANA, first, "mine").value).toEqual([["hourly", "CLOCK", "CLOCK"]]);
  });

  test("a user has at most 20 triggers in the script: the 21st throws, whatever the document", () => {
    const { emu } = setup();
    const documents = Array.from({ length: 21 }, () => newSpreadsheet(emu, 1));
    // newSpreadsheet loads its own bundle: load the trigger bundle again.
    emu.loadBundleSource(bundle);
    const results = documents.map((id) =>
      emu.app.run({ user: ANA, kind: "menu", spreadsheetId: id }, "turnOn"),
    );
    expect(results.slice(0, 20).map((r) => r.error?.message)).toEqual(
      new Array(20).fill(undefined),
    );
    expect(results[20]?.error?.message).toBe(MESSAGES.tooManyTriggers);
    expect(emu.triggers.forUser(ANA)).toHaveLength(20);
    // Another user's count is their own.
    expect(
      emu.app.run({ user: BEN, kind: "menu", spreadsheetId: documents[20]! }, "turnOn").error,
    ).toBeUndefined();
  });

  test("time-driven triggers run at most hourly", () => {
    const { emu, menu, first } = setup();
    const result = menu(ANA, first, "everyTenMinutes");
    expect(result.error?.message).toBe(MESSAGES.tooFrequentTrigger);
    expect(emu.triggers.all()).toHaveLength(0);
  });

  test("deleteTrigger removes only the user's own trigger; it can then be created again", () => {
    const { emu, menu, first } = setup();
    menu(ANA, first, "turnOn");
    menu(BEN, first, "turnOn");
    expect(menu(ANA, first, "turnOff").error).toBeUndefined();
    expect(emu.triggers.all().map((t) => t.owner)).toEqual([BEN]);
    expect(menu(ANA, first, "turnOn").error).toBeUndefined();
  });
});

describe("running time-driven triggers", () => {
  test("a due trigger runs as its owner with no active spreadsheet and a null document lock", () => {
    const { emu, menu, first } = setup();
    const uid = menu(BEN, first, "turnOn").value as string;
    expect(emu.runDueTimeTriggers()).toEqual([]);
    emu.clock.advance(60 * 60_000);
    const results = emu.runDueTimeTriggers();
    expect(results).toHaveLength(1);
    const [run] = results;
    expect(run?.error).toBeUndefined();
    expect(run?.value).toEqual({
      active: true,
      lockIsNull: true,
      docProps: true,
      authFull: true,
      uid,
      user: BEN,
      hour: expect.any(Number),
    });
    expect(run?.triggerUid).toBe(uid);
    expect(emu.runDueTimeTriggers()).toEqual([]);
  });

  test("everyHours(1) fires once an hour at a fixed minute", () => {
    const { emu, menu, first } = setup();
    menu(ANA, first, "turnOn");
    const fired: number[] = [];
    for (let minute = 0; minute < 6 * 60; minute += 5) {
      emu.clock.advance(5 * 60_000);
      for (const r of emu.runDueTimeTriggers()) fired.push(r.startedAt.getTime());
    }
    expect(fired.length).toBeGreaterThanOrEqual(5);
    expect(fired.length).toBeLessThanOrEqual(6);
    const minutes = new Set(fired.map((t) => Math.floor(new Date(t).getUTCMinutes() / 5)));
    expect(minutes.size).toBe(1);
  });
});
