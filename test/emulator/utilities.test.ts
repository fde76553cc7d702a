import { formatDate } from "../../emulator/services/formatDate";
import { ANA, newEmulator } from "./helpers";

describe("Utilities.formatDate (Java SimpleDateFormat)", () => {
  const instant = new Date("2026-03-02T17:05:09.042Z");

  test.each([
    ["yyyy-MM-dd HH:mm:ss", "Etc/UTC", "2026-03-02 17:05:09"],
    ["yy/M/d H:m:s", "Etc/UTC", "26/3/2 17:5:9"],
    ["EEE, d MMM yyyy", "Etc/UTC", "Mon, 2 Mar 2026"],
    ["EEEE d MMMM", "Etc/UTC", "Monday 2 March"],
    ["hh:mm a", "America/New_York", "12:05 PM"],
    ["h a z", "America/Los_Angeles", "9 AM PST"],
    ["Z XXX", "Asia/Kolkata", "+0530 +05:30"],
    ["XXX", "Etc/UTC", "Z"],
    ["'Due' d MMM 'at' HH:mm", "Europe/Berlin", "Due 2 Mar at 18:05"],
    ["h 'o''clock'", "Etc/UTC", "5 o'clock"],
    ["SSS", "Etc/UTC", "042"],
  ])("%s in %s", (pattern, zone, expected) => {
    expect(formatDate(instant, zone, pattern)).toBe(expected);
  });

  test("calendar day follows the zone, not the server", () => {
    expect(formatDate(new Date("2026-11-23T03:00:00Z"), "America/Los_Angeles", "yyyy-MM-dd")).toBe(
      "2026-11-22",
    );
  });

  test("an illegal pattern letter throws", () => {
    expect(() => formatDate(instant, "Etc/UTC", "yyyy-qq")).toThrow(
      /Illegal pattern character 'q'/,
    );
  });

  test("in script code a string instead of a Date is a signature error", () => {
    const app = newEmulator().loadBundleSource(`
      function ok() { return Utilities.formatDate(new Date(), "Etc/UTC", "yyyy-MM-dd"); }
      function bad() { return Utilities.formatDate("2026-01-01", "Etc/UTC", "yyyy"); }
    `);
    expect(app.call("ok").value).toBe("2026-11-23");
    expect(app.call("bad").error?.message).toBe(
      "The parameters (String,String,String) don't match the method signature for Utilities.formatDate.",
    );
  });
});

describe("Utilities and Session", () => {
  test("uuids are deterministic per seed and well formed; base64 round-trips", () => {
    const bundle = `function u() { return [Utilities.getUuid(), Utilities.newBlob(Utilities.base64Decode(Utilities.base64Encode("héllo"))).getDataAsString()]; }`;
    const a = newEmulator({ seed: 7 }).loadBundleSource(bundle).call("u").value as string[];
    const b = newEmulator({ seed: 7 }).loadBundleSource(bundle).call("u").value as string[];
    expect(a).toEqual(b);
    expect(a[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a[1]).toBe("héllo");
  });

  test("Session reports the running user and the script time zone", () => {
    const app = newEmulator({ scriptTimeZone: "Europe/Madrid" }).loadBundleSource(`
      function s() { return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone()]; }
    `);
    expect(app.call("s").value).toEqual([ANA, ANA, "Europe/Madrid"]);
  });
});
