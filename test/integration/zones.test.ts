// APPS-SCRIPT-FACTS: Apps Script's V8 may lack Intl's timeZoneName "longOffset", which every zone
// offset would otherwise come from. The built bundle must compute every contact exactly as it does
// with a full Intl, in zones with DST and with half-hour offsets.
import { createWorkbench } from "../../scripts/demo/workbench";
import { ALEX, lastAlert, records } from "./support";

/** Monday 08:30 in New York. */
const NOW = new Date("2026-11-23T13:30:00Z");

function refreshedContacts(zone: string, intl: "full" | "no-longOffset") {
  const wb = createWorkbench({
    now: NOW,
    zone,
    intl,
    demo: { contacts: 40, touches: 300, seed: 7 },
  });
  const run = wb.menu("menuRefreshNow", ALEX);
  if (run.error) throw run.error;
  return { contacts: records(wb, "Contacts"), alert: lastAlert(wb), runs: records(wb, "Runs") };
}

describe("a runtime without Intl longOffset", () => {
  test.each(["America/New_York", "Europe/Berlin", "Asia/Kolkata", "Pacific/Honolulu"])(
    "computes every contact as with a full Intl in %s",
    (zone) => {
      const full = refreshedContacts(zone, "full");
      const limited = refreshedContacts(zone, "no-longOffset");
      expect(limited.alert).toEqual(full.alert);
      expect(limited.contacts).toEqual(full.contacts);
      expect(limited.runs.map((r) => r.Problems)).toEqual(full.runs.map((r) => r.Problems));
    },
  );
});
