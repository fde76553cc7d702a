// The engine's reading of a contact's touches (what counts, attempts, awaiting a reply), the Step
// words it writes and reads back, and the guards on rule 10 (tier decay), one rule per row.
import { cadenceNameOfStep, nurtureStep, summarizeTouches } from "../../src/domain/engine";
import { at, run, touch } from "./engine-fixtures";

describe("summarizeTouches", () => {
  test("a touch with a delivery other than Draft or Failed happened and counts", () => {
    const facts = summarizeTouches([touch("2026-03-02 10:00", { delivery: "Sent" })]);
    expect({ counted: facts.counted.length, attempts: facts.attempts }).toEqual({
      counted: 1,
      attempts: 1,
    });
  });

  test("an automation note is not the latest touch a person logged", () => {
    const sent = touch("2026-03-02 10:00");
    const note = touch("2026-03-03 10:00", { direction: "Internal", source: "Automation" });
    expect(summarizeTouches([sent, note]).latest?.touchId).toBe(sent.touchId);
  });

  test("an automated email is a logged touch like any other; only automation notes are not", () => {
    const byHand = touch("2026-03-02 10:00");
    const automated = touch("2026-03-03 10:00", { source: "Automation" });
    expect(summarizeTouches([byHand, automated]).latest?.touchId).toBe(automated.touchId);
  });

  test("a reply logged at the same instant as the last send is not awaiting an answer", () => {
    const sent = touch("2026-03-02 10:00");
    const reply = touch("2026-03-02 10:00", { direction: "Inbound", outcome: "Replied" });
    expect(summarizeTouches([sent, reply]).awaitingReply).toBe(false);
  });

  test("an outbound touch at the very time of the reply is not an attempt after it", () => {
    const reply = touch("2026-03-02 10:00", { direction: "Inbound", outcome: "Replied" });
    const same = touch("2026-03-02 10:00");
    const later = touch("2026-03-03 10:00");
    const facts = summarizeTouches([reply, same, later]);
    expect({ attempts: facts.attempts, awaitingReply: facts.awaitingReply }).toEqual({
      attempts: 1,
      awaitingReply: false,
    });
  });

  test("archived counts add to attempts (no reply left) and to Touches", () => {
    const summary = touch("2026-01-01 00:00", {
      direction: "Internal",
      archived: { touches: 7, outbound: 5 },
    });
    const facts = summarizeTouches([summary, touch("2026-03-02 10:00")]);
    expect({ attempts: facts.attempts, touchCount: facts.touchCount }).toEqual({
      attempts: 6,
      touchCount: 8,
    });
  });
});

describe("the nurture Step and reading a Step back", () => {
  test.each<[number, string, string]>([
    [90, "", "Nurture every 90 days"],
    [1, "Cold", "Nurture every 1 day (after Cold)"],
  ])("nurtureStep(%d, %j) is %j", (days, cadence, step) => {
    expect(nurtureStep(days, cadence)).toBe(step);
  });

  test.each<[string, string]>([
    [" 12 / 18  Hot lead  ", "Hot lead"],
    ["x3/8 Hot lead", ""],
    ["3/8Hot lead", ""],
    ["  Nurture every 90 days (after Hot lead)  ", "Hot lead"],
    ["xNurture every 90 days (after Hot lead)", ""],
    ["Nurture every 90 days (after Hot lead) by hand", ""],
    // A second line typed into the cell: no longer the Step a refresh wrote.
    ["3/8 Hot lead\nsee notes", ""],
  ])("%j names the cadence %j", (step, name) => {
    expect(cadenceNameOfStep(step)).toBe(name);
  });
});

describe("rule 10 guards: who never decays", () => {
  const hot = {
    tier: "Hot" as const,
    stage: "Qualified" as const,
    created: at("2026-01-30 09:00"),
  };
  test.each<[string, object, string, string | null]>([
    ["30 days untouched", {}, "2026-03-01 10:00", "Warm"],
    ["29 days untouched", {}, "2026-02-28 10:00", null],
    ["paused", { paused: true }, "2026-03-02 10:00", null],
    ["opted out", { optedOut: true }, "2026-03-02 10:00", null],
    ["Won", { stage: "Won" }, "2026-03-02 10:00", null],
    ["Lost", { stage: "Lost" }, "2026-03-02 10:00", null],
    ["no touch and no Created", { created: null }, "2026-03-02 10:00", null],
  ])("%s → tier change %j", (_what, fields, now, change) => {
    expect(run({ contact: { ...hot, ...fields }, now }).tierChange).toBe(change);
  });
});
