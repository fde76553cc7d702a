// The memoized zone math of dates.ts against date-fns' own zone handling. date-fns needs Intl
// "longOffset", so this reference check runs only with a full Intl (it is not part of the rerun in
// zones.no-longoffset.test.ts); zone-offsets.test.ts checks the formatToParts fallback instead.
import { TZDate, tz } from "@date-fns/tz";
import { addDays, startOfDay } from "date-fns";
import { addLocalDays, localWeekday, startOfLocalDay } from "../../src/domain/dates";
import { SAMPLE_ZONES, sampleInstants } from "./engine-fixtures";

describe("fast zone math agrees with date-fns", () => {
  // The memoized-offset arithmetic must give the same answers as date-fns' own zone handling,
  // including days whose midnight does not exist (America/Santiago springs forward at 24:00).
  const zones = SAMPLE_ZONES;
  const instants = sampleInstants();

  test.each(zones)("%s: start of day, +n days and day numbers", (zone) => {
    for (const d of instants) {
      const reference = startOfDay(d, { in: tz(zone) });
      expect(startOfLocalDay(d, zone).getTime()).toBe(reference.getTime());
      expect(addLocalDays(d, 3, zone).getTime()).toBe(addDays(d, 3, { in: tz(zone) }).getTime());
      const local = new TZDate(d.getTime(), zone);
      expect(localWeekday(d, zone)).toBe(local.getDay());
    }
  });

  test("a day whose midnight is skipped starts at 01:00", () => {
    // Chile: clocks jump from 24:00 Saturday 5 Sep 2026 to 01:00 Sunday 6 Sep.
    const sundayNoon = new Date("2026-09-06T16:00:00Z");
    const start = startOfLocalDay(sundayNoon, "America/Santiago");
    expect(new TZDate(start.getTime(), "America/Santiago").getHours()).toBe(1);
  });
});
