// The engine's zone tests again, on a runtime without Intl "longOffset": every offset must come
// from the formatToParts fallback and every expected value stay exactly the same.
import "./no-longoffset-stub";
import { tzOffset } from "@date-fns/tz";
import { offsetStrategyInUse, startOfLocalDay } from "../../src/domain/dates";
import "./dates.test";
import "./engine-zones.test";
import "./engine.test";

describe("the stub is in force", () => {
  test("longOffset throws RangeError and @date-fns/tz's tzOffset gives NaN", () => {
    const longOffset = () =>
      new Intl.DateTimeFormat("en-US", { timeZone: "Europe/Berlin", timeZoneName: "longOffset" });
    expect(longOffset).toThrow(RangeError);
    expect(tzOffset("Europe/Berlin", new Date("2026-03-02T10:00:00Z"))).toBeNaN();
  });

  test("dates.ts noticed and uses formatToParts", () => {
    expect(startOfLocalDay(new Date("2026-07-02T10:00:00Z"), "Europe/Berlin").toISOString()).toBe(
      "2026-07-01T22:00:00.000Z",
    );
    expect(offsetStrategyInUse()).toBe("formatToParts");
  });
});
