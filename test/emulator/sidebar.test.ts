import { MAX_CALLS_IN_FLIGHT } from "../../emulator";
import { ANA, newEmulator, newSpreadsheet } from "./helpers";

const bundle = `
  function card(id) { return { id: id, due: new Date().toISOString(), touches: [{ n: 1 }] }; }
  function cardWithDate(id) { return { id: id, touches: [{ when: new Date() }] }; }
  function echo(x) { return x; }
  function secret_() { return "hidden"; }
  function whoAndWhere() {
    return [Session.getActiveUser().getEmail(), SpreadsheetApp.getActiveSpreadsheet().getId()];
  }
`;

function setup() {
  const emu = newEmulator();
  const id = newSpreadsheet(emu, 1);
  emu.loadBundleSource(bundle);
  return { emu, id };
}

describe("google.script.run rules", () => {
  test("plain values pass both ways, and the call runs as the user on the active spreadsheet", () => {
    const { emu, id } = setup();
    const now = emu.clock.now().toISOString();
    const result = emu.sidebarCall(ANA, id, "card", "C-1");
    expect(result.error).toBeUndefined();
    expect(result.value).toEqual({ id: "C-1", due: now, touches: [{ n: 1 }] });
    expect(emu.sidebarCall(ANA, id, "whoAndWhere").value).toEqual([ANA, id]);
  });

  test("a Date argument fails the call before the server runs", () => {
    const { emu, id } = setup();
    const result = emu.sidebarCall(ANA, id, "echo", { next: new Date() });
    expect(result.error?.message).toMatch(/^Failed due to illegal value in property: 0\.next/);
    expect(result.calls).toBe(0);
  });

  test("a Date in the result fails the call", () => {
    const { emu, id } = setup();
    const result = emu.sidebarCall(ANA, id, "cardWithDate", "C-1");
    expect(result.value).toBeUndefined();
    expect(result.error?.message).toMatch(/illegal value in property: touches\.0\.when \(Date/);
  });

  test("private functions cannot be called", () => {
    const { emu, id } = setup();
    expect(emu.sidebarCall(ANA, id, "secret_").error?.message).toMatch(/is not a function/);
  });

  test("at most 10 calls may be in flight at once", () => {
    const { emu, id } = setup();
    const calls = Array.from({ length: 12 }, (_, i) => ({ functionName: "echo", args: [i] }));
    const results = emu.sidebarCalls(ANA, id, calls);
    expect(results.slice(0, MAX_CALLS_IN_FLIGHT).map((r) => r.value)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9,
    ]);
    expect(results.slice(MAX_CALLS_IN_FLIGHT).map((r) => r.error?.message)).toEqual([
      expect.stringMatching(/call 11 refused/),
      expect.stringMatching(/call 12 refused/),
    ]);
  });
});
