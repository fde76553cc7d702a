// The daily digest through the built bundle (DESIGN §3 step 5): once a day per user after Digest
// hour, each user's own contacts only, manager sections for managers, text + HTML parts, and
// "Send my digest now" at once.
import type { MailSnapshot } from "../../emulator";
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import {
  ALEX,
  lastAlert,
  records,
  type Row,
  SAM,
  setSetting,
  turnOnAutomation,
  ZONE,
} from "./support";

/** Monday 23 November 2026, 05:00 in New York: before the default Digest hour (8). */
const EARLY_MONDAY = new Date("2026-11-23T10:00:00Z");
const at = (iso: string) => new Date(iso);

function newTeam(): Workbench {
  const wb = createWorkbench({
    now: EARLY_MONDAY,
    zone: ZONE,
    demo: { contacts: 40, touches: 300, seed: 3 },
  });
  for (const user of [ALEX, SAM]) turnOnAutomation(wb, user);
  return wb;
}

/** Sets the clock and fires the due hourly triggers; every run must succeed. */
function hourlyRunsAt(wb: Workbench, when: Date): void {
  wb.emu.clock.set(when);
  const results = wb.emu.runDueTimeTriggers();
  expect(results.map((r) => r.user).sort()).toEqual([ALEX, SAM]);
  for (const result of results) expect(result.error).toBeUndefined();
}

function digestsTo(wb: Workbench, user: string): MailSnapshot[] {
  return wb.emu.gmail.sent(user).filter((m) => m.subject.startsWith("Touchbase"));
}

interface Section {
  readonly title: string;
  readonly total: number;
  /** The first cell of each listed row (the contact's name, or the owner). */
  readonly firsts: string[];
}

/** Reads the plain-text part: "TITLE (n)" headings followed by "- a · b · c" rows. */
function sectionsOf(text: string): Section[] {
  const sections: Section[] = [];
  for (const line of text.split("\n")) {
    const heading = /^([A-Z][A-Z ]+) \((\d+)\)$/.exec(line);
    if (heading) {
      sections.push({ title: heading[1]!, total: Number(heading[2]), firsts: [] });
    } else if (line.startsWith("- ") && sections.length > 0) {
      sections.at(-1)!.firsts.push(line.slice(2).split(" · ")[0]!);
    }
  }
  return sections;
}

const section = (sections: Section[], title: string) => sections.find((s) => s.title === title);

function ownedWith(contacts: Row[], owner: string, status: string): string[] {
  return contacts
    .filter((c) => c["Owner"] === owner && c["Status"] === status)
    .map((c) => String(c["Name"]))
    .sort();
}

describe("the daily digest", () => {
  test("none before Digest hour, exactly one per user after it, one more the next day", () => {
    const wb = newTeam();
    hourlyRunsAt(wb, at("2026-11-23T11:59:00Z")); // 06:59 local
    hourlyRunsAt(wb, at("2026-11-23T12:59:00Z")); // 07:59 local
    expect(digestsTo(wb, ALEX)).toHaveLength(0);
    expect(digestsTo(wb, SAM)).toHaveLength(0);

    hourlyRunsAt(wb, at("2026-11-23T13:59:00Z")); // 08:59 local
    expect(digestsTo(wb, ALEX)).toHaveLength(1);
    expect(digestsTo(wb, SAM)).toHaveLength(1);

    hourlyRunsAt(wb, at("2026-11-23T14:59:00Z"));
    hourlyRunsAt(wb, at("2026-11-23T22:59:00Z"));
    expect(digestsTo(wb, ALEX)).toHaveLength(1);
    expect(digestsTo(wb, SAM)).toHaveLength(1);

    // 04:59 on Tuesday in New York is already the 24th in UTC: still before Digest hour.
    hourlyRunsAt(wb, at("2026-11-24T09:59:00Z"));
    expect(digestsTo(wb, ALEX)).toHaveLength(1);
    hourlyRunsAt(wb, at("2026-11-24T13:59:00Z"));
    hourlyRunsAt(wb, at("2026-11-24T14:59:00Z"));
    expect(digestsTo(wb, ALEX)).toHaveLength(2);
    expect(digestsTo(wb, SAM)).toHaveLength(2);

    // The Runs tab counts each digest once.
    const runs = records(wb, "Runs").filter((r) => r["Trigger"] === "Hourly");
    const digestsBy = (user: string) =>
      runs.filter((r) => r["User"] === user).reduce((sum, r) => sum + Number(r["Digests"]), 0);
    expect(digestsBy(ALEX)).toBe(2);
    expect(digestsBy(SAM)).toBe(2);
  });

  test("a later Digest hour in Settings is respected", () => {
    const wb = newTeam();
    setSetting(wb, "Digest hour", "11");
    hourlyRunsAt(wb, at("2026-11-23T13:59:00Z")); // 08:59 local
    hourlyRunsAt(wb, at("2026-11-23T15:59:00Z")); // 10:59 local
    expect(digestsTo(wb, ALEX)).toHaveLength(0);
    hourlyRunsAt(wb, at("2026-11-23T16:59:00Z")); // 11:59 local
    expect(digestsTo(wb, ALEX)).toHaveLength(1);
  });

  test("each user gets their own contacts only, as plain text and HTML", () => {
    const wb = newTeam();
    hourlyRunsAt(wb, at("2026-11-23T13:59:00Z"));
    const contacts = records(wb, "Contacts");
    const url = wb.spreadsheet().getUrl();

    for (const user of [ALEX, SAM]) {
      const mails = digestsTo(wb, user);
      expect(mails).toHaveLength(1);
      const mail = mails[0]!;
      expect(mail.to).toBe(user);
      expect(mail.plainBody).toContain(`Touchbase digest for ${user}`);
      expect(mail.plainBody).not.toMatch(/<(table|p|div)\b/);
      expect(mail.htmlBody).toMatch(/<table\b/);
      expect(mail.htmlBody).toContain(`href="${url.split("#")[0]}`);

      const sections = sectionsOf(mail.plainBody);
      const urgent = ["Replied", "Overdue", "Due Today"].flatMap((s) =>
        ownedWith(contacts, user, s),
      );
      // Not vacuous: this user has someone to follow up today.
      expect(urgent.length).toBeGreaterThan(0);
      for (const [title, status] of [
        ["REPLIED", "Replied"],
        ["OVERDUE", "Overdue"],
        ["DUE TODAY", "Due Today"],
      ] as const) {
        const expected = ownedWith(contacts, user, status);
        expect({ title, names: section(sections, title)?.firsts.sort() ?? [] }).toEqual({
          title,
          names: expected,
        });
        if (expected.length > 0) {
          expect(mail.subject).toContain(`${expected.length} ${status.toLowerCase()}`);
          expect(mail.htmlBody).toContain(`${title.charAt(0)}${title.slice(1).toLowerCase()}`);
        }
      }
      // Nobody else's contact appears anywhere, and no manager section.
      const own = new Set(contacts.filter((c) => c["Owner"] === user).map((c) => c["Name"]));
      const listed = sections.flatMap((s) => s.firsts);
      expect(listed.filter((name) => !own.has(name))).toEqual([]);
      const othersOnly = contacts
        .filter((c) => c["Owner"] !== user && !own.has(c["Name"]))
        .map((c) => String(c["Name"]));
      for (const name of othersOnly) expect(mail.plainBody).not.toContain(name);
      expect(sections.map((s) => s.title)).not.toEqual(
        expect.arrayContaining(["OVERDUE PER OWNER"]),
      );
      expect(section(sections, "STALE DEALS")).toBeUndefined();
      expect(section(sections, "UNOWNED CONTACTS")).toBeUndefined();
    }
  });

  test("a manager (Settings \u201cManager emails\u201d) also gets the team sections", () => {
    const wb = newTeam();
    setSetting(wb, "Manager emails", ALEX);
    hourlyRunsAt(wb, at("2026-11-23T13:59:00Z"));
    const contacts = records(wb, "Contacts");

    const manager = sectionsOf(digestsTo(wb, ALEX)[0]!.plainBody);
    const perOwner = section(manager, "OVERDUE PER OWNER");
    const overdueOwners = [
      ...new Set(contacts.filter((c) => c["Status"] === "Overdue").map((c) => c["Owner"])),
    ].map((o) => (o === "" ? "(no owner)" : String(o)));
    expect(perOwner?.firsts.sort()).toEqual(overdueOwners.sort());
    expect(overdueOwners).toEqual(expect.arrayContaining([SAM]));
    const samOverdue = ownedWith(contacts, SAM, "Overdue").length;
    expect(digestsTo(wb, ALEX)[0]!.plainBody).toContain(`- ${SAM} · Overdue: ${samOverdue}`);

    const unowned = contacts
      .filter((c) => c["Owner"] === "" && !["Closed", "Opted Out"].includes(String(c["Status"])))
      .map((c) => String(c["Name"]));
    if (unowned.length > 0) {
      expect(section(manager, "UNOWNED CONTACTS")?.firsts.sort()).toEqual(unowned.sort());
    } else {
      expect(section(manager, "UNOWNED CONTACTS")).toBeUndefined();
    }
    const html = digestsTo(wb, ALEX)[0]!.htmlBody ?? "";
    expect(html).toContain("Overdue per owner");

    // Sam is not a manager: no team sections for him.
    const rep = sectionsOf(digestsTo(wb, SAM)[0]!.plainBody);
    expect(section(rep, "OVERDUE PER OWNER")).toBeUndefined();
    expect(section(rep, "UNOWNED CONTACTS")).toBeUndefined();
  });

  test("\u201cSend my digest now\u201d sends at once, even before Digest hour", () => {
    const wb = newTeam();
    const result = wb.menu("menuSendMyDigestNow", SAM);
    expect(result.error).toBeUndefined();
    expect(digestsTo(wb, SAM)).toHaveLength(1);
    expect(digestsTo(wb, ALEX)).toHaveLength(0);
    expect(lastAlert(wb)).toBe(`Your digest was sent to ${SAM}.`);
    const mail = digestsTo(wb, SAM)[0]!;
    expect(mail.plainBody).toContain(`Touchbase digest for ${SAM}`);
    expect(mail.htmlBody).toMatch(/<table\b/);
    expect(records(wb, "Runs").at(-1)).toMatchObject({
      User: SAM,
      Trigger: "Digest now",
      Digests: 1,
      Error: "",
    });
  });
});
