// When the daily digest is due: once per local day, at or after Digest hour, in the sheet's zone.
import { digestIsDue, localDayKey, localHour } from "../../src/domain/digestSchedule";

const ZONE = "America/New_York";

describe("localDayKey and localHour answer in the zone, not the server's", () => {
  it.each<[string, string, string, number]>([
    ["2026-03-02T04:59:00Z", ZONE, "2026-03-01", 23],
    ["2026-03-02T05:00:00Z", ZONE, "2026-03-02", 0],
    ["2026-03-02T23:30:00Z", "Asia/Tokyo", "2026-03-03", 8],
    ["2026-07-01T12:00:00Z", ZONE, "2026-07-01", 8],
  ])("%s in %s is %s, hour %i", (iso, zone, day, hour) => {
    expect({ day: localDayKey(new Date(iso), zone), hour: localHour(new Date(iso), zone) }).toEqual(
      { day, hour },
    );
  });
});

describe("digestIsDue (Digest hour 8, New York)", () => {
  it.each<[string, string, string, boolean]>([
    ["before the hour", "2026-03-02T12:59:00Z", "2026-03-01", false],
    ["at the hour", "2026-03-02T13:00:00Z", "2026-03-01", true],
    ["later that day", "2026-03-02T22:00:00Z", "2026-03-01", true],
    ["already sent today", "2026-03-02T13:00:00Z", "2026-03-02", false],
    ["never sent", "2026-03-02T13:30:00Z", "", true],
    [
      "after midnight UTC but still the same local day",
      "2026-03-03T02:00:00Z",
      "2026-03-02",
      false,
    ],
  ])("%s → %s", (_case, iso, lastDigestDay, due) => {
    expect(digestIsDue({ now: new Date(iso), zone: ZONE, digestHour: 8, lastDigestDay })).toBe(due);
  });

  it("is due at any time of the day with Digest hour 0, once", () => {
    const now = new Date("2026-03-02T05:00:00Z"); // 00:00 in New York
    expect([
      digestIsDue({ now, zone: ZONE, digestHour: 0, lastDigestDay: "2026-03-01" }),
      digestIsDue({ now, zone: ZONE, digestHour: 0, lastDigestDay: "2026-03-02" }),
    ]).toEqual([true, false]);
  });
});
