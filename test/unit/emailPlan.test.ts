// The due-email plan's rules that need no sheet (DESIGN §4): the send window, quota and cap.
import { insideSendWindow, sendCapacity } from "../../src/domain/emailPlan";
import { DEFAULT_SETTINGS, parseSettings } from "../../src/domain/settings";

const ZONE = "America/New_York";
/** Local New York wall time on Monday 23 Nov 2026 (UTC-5). */
const monday = (hour: number, minute = 0) => new Date(Date.UTC(2026, 10, 23, hour + 5, minute));

describe("send window", () => {
  test("8-18 means 08:00 to 17:59 on working days, in the sheet's zone", () => {
    const at = (d: Date) => insideSendWindow(DEFAULT_SETTINGS, ZONE, d);
    expect([at(monday(7, 59)), at(monday(8)), at(monday(17, 59)), at(monday(18))]).toEqual([
      false,
      true,
      true,
      false,
    ]);
    const saturday = new Date(Date.UTC(2026, 10, 28, 15));
    expect(at(saturday)).toBe(false);
    expect(insideSendWindow({ ...DEFAULT_SETTINGS, skipWeekends: false }, ZONE, saturday)).toBe(
      true,
    );
  });

  test("the setting reads ranges like 9-17 and 9:00 to 17:00; a bad one is named and the default used", () => {
    const read = (value: string) => parseSettings([{ name: "Send window (hours)", value }]);
    expect(read("9-17").settings.sendWindow).toEqual({ start: 9, end: 17 });
    expect(read("9:00 to 17:00").settings.sendWindow).toEqual({ start: 9, end: 17 });
    expect(read("18-8")).toEqual({
      settings: expect.objectContaining({ sendWindow: { start: 8, end: 18 } }),
      problems: [
        'Setting "Send window (hours)": "18-8" is not a range of hours like 8-18; using the default (8-18).',
      ],
    });
  });

  test("a blank Opt-out line means none; a missing row means the default line", () => {
    expect(parseSettings([{ name: "Opt-out line", value: "" }]).settings.optOutLine).toBe("");
    expect(parseSettings([]).settings.optOutLine).toMatch(/reply "unsubscribe"/);
  });
});

describe("send capacity", () => {
  test("the cap less today's, and in Send mode the quota less one recipient kept for the digest", () => {
    const settings = { ...DEFAULT_SETTINGS, dailyEmailCap: 50 };
    expect(sendCapacity({ settings, alreadyToday: 45, remainingQuota: 100 })).toBe(5);
    expect(sendCapacity({ settings, alreadyToday: 0, remainingQuota: 4 })).toBe(3);
    expect(sendCapacity({ settings, alreadyToday: 0, remainingQuota: 0 })).toBe(0);
    expect(sendCapacity({ settings, alreadyToday: 10, remainingQuota: null })).toBe(40);
  });
});
