// The zone-offset seam (dates.ts): longOffset when it works, formatToParts otherwise, and the
// adapter's self-check against Utilities.formatDate(now, zone, "Z") (APPS-SCRIPT-FACTS).
import {
  addLocalDays,
  checkZoneOffsets,
  localWeekday,
  startOfLocalDay,
  offsetStrategyInUse,
  setOffsetStrategy,
  zoneOffsetMinutes,
  type OffsetStrategy,
} from "../../src/domain/dates";
import { SAMPLE_ZONES, sampleInstants } from "./engine-fixtures";

afterEach(() => setOffsetStrategy("auto"));

describe.each<OffsetStrategy>(["auto", "formatToParts"])("zoneOffsetMinutes (%s)", (strategy) => {
  beforeEach(() => setOffsetStrategy(strategy));
  test.each([
    ["Europe/Berlin", "2026-01-15T12:00:00Z", 60],
    ["Europe/Berlin", "2026-07-15T12:00:00Z", 120],
    // The spring switch at 01:00 UTC: one second either side.
    ["Europe/Berlin", "2026-03-29T00:59:59Z", 60],
    ["Europe/Berlin", "2026-03-29T01:00:00Z", 120],
    // The autumn switch at 01:00 UTC.
    ["Europe/Berlin", "2026-10-25T00:59:59Z", 120],
    ["Europe/Berlin", "2026-10-25T01:00:00Z", 60],
    ["Asia/Kolkata", "2026-03-02T20:00:00Z", 330],
    ["Asia/Kathmandu", "2026-03-02T20:00:00Z", 345],
    ["Pacific/Honolulu", "2026-03-02T20:00:00Z", -600],
    ["America/New_York", "2026-03-08T07:00:00Z", -240],
    ["UTC", "2026-03-02T20:00:00Z", 0],
    // Midnight in the zone (formatToParts must not read it as hour 24).
    ["Europe/Berlin", "2026-03-01T23:00:00Z", 60],
    ["Europe/Berlin", "2026-03-01T23:00:00.999Z", 60],
  ])("%s at %s: %i minutes", (zone, iso, minutes) => {
    expect(zoneOffsetMinutes(new Date(iso), zone)).toBe(minutes);
  });
});

describe("checkZoneOffsets: the adapter's self-check", () => {
  const now = new Date("2026-03-02T10:00:00Z");
  test.each([
    ["+0100", "Europe/Berlin"],
    ["+0530", "Asia/Kolkata"],
    ["-1000", "Pacific/Honolulu"],
    ["+0000", "UTC"],
  ])("%s in %s agrees: longOffset stays in use", (text, zone) => {
    expect(checkZoneOffsets(text, now, zone)).toBe(true);
    expect(offsetStrategyInUse()).toBe("longOffset");
  });

  test("a disagreeing offset switches to formatToParts for good", () => {
    expect(checkZoneOffsets("+0200", now, "Europe/Berlin")).toBe(false);
    expect(offsetStrategyInUse()).toBe("formatToParts");
    expect(zoneOffsetMinutes(now, "Europe/Berlin")).toBe(60);
  });

  test("unreadable text is a failed check", () => {
    expect(checkZoneOffsets("CET", now, "Europe/Berlin")).toBe(false);
  });
});

describe("formatToParts gives the same zone math as longOffset", () => {
  // dates.test.ts checks the longOffset answers against date-fns; these must be identical.
  const instants = sampleInstants();
  const answers = (zone: string) =>
    instants.map((d) => ({
      at: d.toISOString(),
      start: startOfLocalDay(d, zone).toISOString(),
      plus3: addLocalDays(d, 3, zone).toISOString(),
      weekday: localWeekday(d, zone),
    }));
  test.each(SAMPLE_ZONES)("%s", (zone) => {
    setOffsetStrategy("auto");
    const viaLongOffset = answers(zone);
    expect(offsetStrategyInUse()).toBe("longOffset");
    setOffsetStrategy("formatToParts");
    expect(answers(zone)).toEqual(viaLongOffset);
  });
});
