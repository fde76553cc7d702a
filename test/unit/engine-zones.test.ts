// Everything happens in the spreadsheet's zone: due dates land on the right local day, and
// "today" follows the local calendar, not UTC's.
import type { Status } from "../../src/domain/schema";
import { at, localDate, run, showDue, touch, type Scenario } from "./engine-fixtures";

const HONOLULU = "Pacific/Honolulu"; // UTC−10, no DST
const KOLKATA = "Asia/Kolkata"; // UTC+5:30
const BERLIN = "Europe/Berlin"; // DST 2026-03-29 and 2026-10-25

/** A proposal sent at an instant; the Proposal cadence's step 1 is day 3. */
function proposalAt(sentIso: string, zone: string, now: Date, settings: Scenario["settings"] = {}) {
  const sent = touch("2026-01-01", { stage: "Proposal Sent", timestamp: new Date(sentIso) });
  return run({ contact: { stage: "Proposal Sent" }, touches: [sent], zone, now, settings });
}

describe("the same instant is a different local day", () => {
  // 2026-03-02T20:00Z is Mon 10:00 in Honolulu, Mon 20:00 UTC, Tue 01:30 in Kolkata.
  test.each([
    [HONOLULU, "2026-03-05", "2026-03-05T10:00:00.000Z"],
    ["UTC", "2026-03-05", "2026-03-05T00:00:00.000Z"],
    [KOLKATA, "2026-03-06", "2026-03-05T18:30:00.000Z"],
  ])("%s: due %s (local midnight %s)", (zone, localDue, iso) => {
    const result = proposalAt("2026-03-02T20:00:00Z", zone, new Date("2026-03-02T21:00:00Z"));
    expect(showDue(result, zone)).toBe(localDue);
    expect(result.due?.at.toISOString()).toBe(iso);
    expect(result.due?.hasTime).toBe(false);
  });
});

describe("'today' near local midnight differs from UTC's", () => {
  test.each<[string, string, string, Status, Status]>([
    // Honolulu due Thu 2026-03-05. 09:30Z is Wed 23:30 there, but already Thursday in UTC.
    [HONOLULU, "2026-03-05T09:30:00Z", "Wed 23:30 local", "Upcoming", "Due Today"],
    [HONOLULU, "2026-03-05T10:30:00Z", "Thu 00:30 local", "Due Today", "Due Today"],
    [HONOLULU, "2026-03-06T09:30:00Z", "Thu 23:30 local", "Due Today", "Overdue"],
    // Kolkata due Fri 2026-03-06. 18:40Z Thursday is already Friday 00:10 there.
    [KOLKATA, "2026-03-05T18:20:00Z", "Thu 23:50 local", "Upcoming", "Upcoming"],
    [KOLKATA, "2026-03-05T18:40:00Z", "Fri 00:10 local", "Due Today", "Upcoming"],
  ])("%s at %s (%s): %s", (zone, nowIso, _local, status, utcCalendarStatus) => {
    const now = new Date(nowIso);
    const result = proposalAt("2026-03-02T20:00:00Z", zone, now);
    expect(result.status).toBe(status);
    // What a server comparing UTC calendar days would have said: the case is a real edge.
    const dueDay = localDate(result.due!.at, zone);
    const utcToday = now.toISOString().slice(0, 10);
    const naive = utcToday < dueDay ? "Upcoming" : utcToday === dueDay ? "Due Today" : "Overdue";
    expect(naive).toBe(utcCalendarStatus);
  });
});

describe("Europe/Berlin across both DST switches", () => {
  test.each([
    // Sent Friday 10:00 CET; day 3 = Monday 00:00 CEST (UTC+2).
    ["spring forward", "2026-03-27T09:00:00Z", "2026-03-30", "2026-03-29T22:00:00.000Z"],
    // Sent Friday 10:00 CEST; day 3 = Monday 00:00 CET (UTC+1).
    ["fall back", "2026-10-23T08:00:00Z", "2026-10-26", "2026-10-25T23:00:00.000Z"],
    // Sent Thursday 23:30 CET; day 3 = Sunday, the switch day (Skip weekends off).
    ["landing on the switch day", "2026-03-26T22:30:00Z", "2026-03-29", "2026-03-28T23:00:00.000Z"],
  ])("%s", (_label, sentIso, localDue, iso) => {
    const result = proposalAt(sentIso, BERLIN, new Date(sentIso), { skipWeekends: false });
    expect(showDue(result, BERLIN)).toBe(localDue);
    expect(result.due?.at.toISOString()).toBe(iso);
  });

  test.each<[string, string, Status]>([
    ["2026-03-29T21:30:00Z", "Sun 23:30 CEST", "Upcoming"],
    ["2026-03-29T22:30:00Z", "Mon 00:30 CEST", "Due Today"],
  ])("spring: at %s (%s) a Monday due is %s", (nowIso, _local, status) => {
    expect(proposalAt("2026-03-27T09:00:00Z", BERLIN, new Date(nowIso)).status).toBe(status);
  });

  test.each<[string, string, Status]>([
    ["2026-10-25T22:30:00Z", "Sun 23:30 CET", "Upcoming"],
    ["2026-10-25T23:30:00Z", "Mon 00:30 CET", "Due Today"],
  ])("autumn: at %s (%s) a Monday due is %s", (nowIso, _local, status) => {
    expect(proposalAt("2026-10-23T08:00:00Z", BERLIN, new Date(nowIso)).status).toBe(status);
  });

  test("a timed SLA across the spring switch counts real hours", () => {
    // Created Sat 23:00 CET; +4 h = Sun 04:00 CEST (the 02:00 hour does not exist).
    const result = run({
      contact: { stage: "New Lead", created: new Date("2026-03-28T22:00:00Z") },
      zone: BERLIN,
      settings: { skipWeekends: false },
      now: new Date("2026-03-29T01:30:00Z"),
    });
    expect(showDue(result, BERLIN)).toBe("2026-03-29 04:00");
    expect(result.status).toBe("Due Today");
  });

  test("days since touch counts calendar days across the switch", () => {
    const result = proposalAt("2026-03-27T22:30:00Z", BERLIN, new Date("2026-03-29T22:30:00Z"));
    // Fri 23:30 CET → Mon 00:30 CEST: 3 calendar days, 47 hours.
    expect(result.daysSinceTouch).toBe(3);
  });
});

describe("rule 9: a due date-time moved off a weekend keeps its time of day", () => {
  // A New Lead created Saturday 09:00 local; New lead response 4 h → Saturday 13:00 → Monday 13:00.
  test.each<[string, string, string, string]>([
    [HONOLULU, "2026-03-07 09:00", "2026-03-09 13:00", "2026-03-09T23:00:00.000Z"],
    [KOLKATA, "2026-03-07 09:00", "2026-03-09 13:00", "2026-03-09T07:30:00.000Z"],
    // Berlin: the weekend of the spring switch (Monday is CEST) and of the autumn one (CET).
    [BERLIN, "2026-03-28 09:00", "2026-03-30 13:00", "2026-03-30T11:00:00.000Z"],
    [BERLIN, "2026-10-24 09:00", "2026-10-26 13:00", "2026-10-26T12:00:00.000Z"],
  ])("%s: lead in %s → due %s", (zone, createdLocal, localDue, iso) => {
    const lead = (nowLocal: string) =>
      run({
        contact: { stage: "New Lead", created: at(createdLocal, zone) },
        zone,
        now: at(nowLocal, zone),
      });
    const monday = localDue.slice(0, 10);
    const before = lead(`${monday} 12:59`);
    expect(showDue(before, zone)).toBe(localDue);
    expect(before.due?.at.toISOString()).toBe(iso);
    expect(before.due?.hasTime).toBe(true);
    expect([before.status, lead(`${monday} 13:01`).status]).toEqual(["Due Today", "Overdue"]);
  });

  test("a reply on the Saturday night of the autumn switch is due Monday at the same wall time", () => {
    // Sat 23:00 CEST + 4 real hours = Sun 02:00 CET (the clocks went back) → Mon 02:00 CET.
    const result = run({
      contact: { tier: "Warm" },
      touches: [
        touch("2026-10-20 10:00", {}, BERLIN),
        touch("2026-10-24 23:00", { direction: "Inbound", outcome: "Replied" }, BERLIN),
      ],
      zone: BERLIN,
      now: at("2026-10-26 01:00", BERLIN),
    });
    expect(result.status).toBe("Replied");
    expect(showDue(result, BERLIN)).toBe("2026-10-26 02:00");
    expect(result.due?.at.toISOString()).toBe("2026-10-26T01:00:00.000Z");
  });
});
