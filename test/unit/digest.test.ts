import { buildDigest, digestSubject, type DigestInput } from "../../src/domain/digest";
import { escapeHtml } from "../../src/domain/html";
import { daysBetween } from "../../src/domain/dates";
import { formatAmount, formatWhen } from "../../src/domain/format";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import type { Tier } from "../../src/domain/schema";
import type { CadenceStep, Contact, When } from "../../src/domain/types";
import { contact as baseContact, contactResult } from "../support/domain";

const ZONE = "America/New_York";
// Wed 18 Nov 2026, 09:00 in New York (14:00 UTC).
const NOW = new Date("2026-11-18T14:00:00Z");
const ME = "alex@acme.test";
const OTHER = "sam@acme.test";
const URL = "https://docs.google.com/spreadsheets/d/abc123/edit";

let nextRow = 2;
/** A distinct Qualified, Warm contact of ME's on each call. */
function contact(overrides: Partial<Contact> = {}): Contact {
  const rowNumber = overrides.rowNumber ?? nextRow++;
  return baseContact({
    rowNumber,
    id: `C-${String(rowNumber).padStart(6, "0")}`,
    name: `Person ${rowNumber}`,
    email: `p${rowNumber}@client.test`,
    company: "Client Co",
    owner: ME,
    stage: "Qualified",
    tier: "Warm",
    created: new Date("2026-06-01T14:00:00Z"),
    ...overrides,
  });
}

const result = contactResult;

const day = (iso: string): When => ({ at: new Date(iso), hasTime: false });
const at = (iso: string): When => ({ at: new Date(iso), hasTime: true });

function input(rows: DigestInput["rows"], overrides: Partial<DigestInput> = {}): DigestInput {
  return {
    recipient: ME,
    isManager: false,
    rows,
    settings: DEFAULT_SETTINGS,
    zone: ZONE,
    now: NOW,
    spreadsheetUrl: URL,
    contactsSheetId: 777,
    ...overrides,
  };
}

/** Row lines (without "- ") in the order they appear inside the named section of the text part. */
function linesInSection(text: string, title: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`${title.toUpperCase()} (`));
  if (start < 0) return [];
  const rows: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === "") break;
    if (line.startsWith("- ")) rows.push(line.slice(2));
  }
  return rows;
}

/** First cell (the name) of each row in the named section. */
const namesInSection = (text: string, title: string): string[] =>
  linesInSection(text, title).map((line) => line.split(" · ")[0] ?? "");

describe("format helpers", () => {
  it("formats calendar dates and date-times in the given zone", () => {
    expect(formatWhen(day("2026-11-23T05:00:00Z"), ZONE)).toBe("Mon 23 Nov");
    expect(formatWhen(at("2026-11-23T18:00:00Z"), ZONE)).toBe("Mon 23 Nov 13:00");
    // 03:30 UTC on the 23rd is still the 22nd in New York.
    expect(formatWhen(at("2026-11-23T03:30:00Z"), ZONE)).toBe("Sun 22 Nov 22:30");
    expect(formatWhen(at("2026-11-23T03:30:00Z"), "Europe/Berlin")).toBe("Mon 23 Nov 04:30");
    expect(formatWhen(day("2025-11-24T05:00:00Z"), ZONE, NOW)).toBe("Mon 24 Nov 2025");
  });

  it("counts calendar days in the zone, not 24-hour blocks", () => {
    // 23:00 on the 17th to 09:00 on the 18th (New York) is one calendar day.
    expect(daysBetween(new Date("2026-11-18T04:00:00Z"), NOW, ZONE)).toBe(1);
    expect(daysBetween(new Date("2026-11-18T06:00:00Z"), NOW, ZONE)).toBe(0);
  });

  it("groups amounts", () => {
    expect(formatAmount(12500)).toBe("12,500");
    expect(formatAmount(1234567.5)).toBe("1,234,567.50");
    expect(formatAmount(-900)).toBe("-900");
  });
});

describe("buildDigest", () => {
  it("returns null when the recipient has nothing to do", () => {
    const rows = [
      { contact: contact(), result: result("Upcoming", { due: day("2026-11-25T05:00:00Z") }) },
      {
        contact: contact({ owner: OTHER }),
        result: result("Overdue", { due: day("2026-11-10T05:00:00Z") }),
      },
      { contact: contact({ owner: "" }), result: result("Due Today", { stale: true }) },
    ];
    expect(buildDigest(input(rows))).toBeNull();
  });

  it("lists only the recipient's own contacts in Replied, Overdue, Due today and Problems", () => {
    const mine = contact({ name: "Mine Overdue" });
    const theirs = contact({ name: "Theirs Overdue", owner: OTHER });
    const digest = buildDigest(
      input([
        { contact: mine, result: result("Overdue", { due: day("2026-11-16T05:00:00Z") }) },
        { contact: theirs, result: result("Overdue", { due: day("2026-11-16T05:00:00Z") }) },
        {
          contact: contact({ name: "Due Now" }),
          result: result("Due Today", { due: day("2026-11-18T05:00:00Z") }),
        },
        {
          contact: contact({ name: "Got Reply" }),
          result: result("Replied", { due: at("2026-11-18T18:00:00Z") }),
        },
        {
          contact: contact({ name: "Bad Row" }),
          result: result("Upcoming", { problem: "Email looks invalid" }),
        },
      ]),
    );
    expect(digest).not.toBeNull();
    if (!digest) return;
    expect(digest.counts).toMatchObject({ replied: 1, overdue: 1, dueToday: 1, problems: 1 });
    expect(digest.text).toContain("Mine Overdue");
    expect(digest.text).not.toContain("Theirs Overdue");
    expect(digest.html).not.toContain("Theirs Overdue");
    expect(digest.text).toContain("Email looks invalid");
    expect(digest.subject).toBe("Touchbase: 1 replied, 1 overdue, 1 due today, 1 problem");
    // Sections appear in urgency order.
    const order = ["REPLIED", "OVERDUE", "DUE TODAY", "PROBLEMS"].map((t) =>
      digest.text.indexOf(t),
    );
    expect(order.filter((pos) => pos < 0)).toEqual([]);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Not a manager: no team sections.
    expect(digest.text).not.toContain("STALE DEALS");
    expect(digest.counts.stale).toBe(0);
  });

  it("matches the recipient case-insensitively", () => {
    const digest = buildDigest(
      input([{ contact: contact({ name: "Case" }), result: result("Due Today") }], {
        recipient: " Alex@Acme.TEST ",
      }),
    );
    expect(digest?.counts.dueToday).toBe(1);
  });

  it("sorts overdue by most days late, then Hot first, and says how late", () => {
    const rows = [
      { name: "Warm 2 days", tier: "Warm", due: day("2026-11-16T05:00:00Z") },
      { name: "Hot 2 days", tier: "Hot", due: day("2026-11-16T05:00:00Z") },
      { name: "Cold 9 days", tier: "Cold", due: day("2026-11-09T05:00:00Z") },
      { name: "Hot late today", tier: "Hot", due: at("2026-11-18T13:00:00Z") },
    ].map((r) => ({
      contact: contact({ name: r.name, tier: r.tier as Tier }),
      result: result("Overdue", { due: r.due }),
    }));
    const digest = buildDigest(input(rows));
    expect(namesInSection(digest?.text ?? "", "Overdue")).toEqual([
      "Cold 9 days",
      "Hot 2 days",
      "Warm 2 days",
      "Hot late today",
    ]);
    expect(digest?.text).toContain("Mon 9 Nov (9 days late)");
    expect(digest?.text).toContain("Mon 16 Nov (2 days late)");
    expect(digest?.text).toContain("Wed 18 Nov 08:00 (late today)");
  });

  it("sorts replied by reply time and due today Hot first", () => {
    const digest = buildDigest(
      input([
        {
          contact: contact({ name: "Late reply" }),
          result: result("Replied", { due: at("2026-11-18T16:00:00Z") }),
        },
        {
          contact: contact({ name: "Early reply" }),
          result: result("Replied", { due: at("2026-11-17T20:00:00Z") }),
        },
        { contact: contact({ name: "Cold today", tier: "Cold" }), result: result("Due Today") },
        { contact: contact({ name: "No tier today", tier: null }), result: result("Due Today") },
        { contact: contact({ name: "Hot today", tier: "Hot" }), result: result("Due Today") },
      ]),
    );
    const text = digest?.text ?? "";
    expect(namesInSection(text, "Replied")).toEqual(["Early reply", "Late reply"]);
    expect(namesInSection(text, "Due today")).toEqual(["Hot today", "Cold today", "No tier today"]);
  });

  it("shows the contact's Next Step, else the cadence step's note or template", () => {
    const step = (note: string, template: string): CadenceStep => ({
      step: 2,
      day: 3,
      channel: "Email",
      template,
      autoSend: false,
      repeatEvery: null,
      note,
    });
    const digest = buildDigest(
      input([
        {
          contact: contact({ name: "A", nextStep: "Send the revised quote" }),
          result: result("Due Today", {
            dueStep: { cadence: "Hot lead", step: step("Call them", ""), repeat: 0, key: "k1" },
          }),
        },
        {
          contact: contact({ name: "B" }),
          result: result("Due Today", {
            dueStep: {
              cadence: "Hot lead",
              step: step("Call about pricing", ""),
              repeat: 0,
              key: "k2",
            },
          }),
        },
        {
          contact: contact({ name: "C" }),
          result: result("Due Today", {
            dueStep: { cadence: "Warm", step: step("", "No response #1"), repeat: 0, key: "k3" },
          }),
        },
      ]),
    );
    const text = digest?.text ?? "";
    expect(text).toContain("Send the revised quote");
    expect(text).not.toContain("Call them");
    expect(text).toContain("Call about pricing");
    expect(text).toContain('Email: template "No response #1"');
  });

  it("names the contact's next meeting before the next step", () => {
    const digest = buildDigest(
      input([
        {
          contact: contact({ name: "Met", nextStep: "Bring the contract" }),
          result: result("Due Today", { nextMeeting: new Date("2026-11-18T19:30:00Z") }),
        },
        {
          contact: contact({ name: "Only meeting" }),
          result: result("Replied", { nextMeeting: new Date("2026-11-20T15:00:00Z") }),
        },
      ]),
    );
    const text = digest?.text ?? "";
    expect(text).toContain("Meeting Wed 18 Nov 14:30 · Bring the contract");
    expect(text).toContain("Meeting Fri 20 Nov 10:00");
  });

  it("links each row to its line in the Contacts tab", () => {
    const digest = buildDigest(
      input(
        [{ contact: contact({ rowNumber: 42, name: "Linked" }), result: result("Due Today") }],
        {
          spreadsheetUrl: `${URL}#gid=0`,
        },
      ),
    );
    const link = `${URL}#gid=777&range=A42`;
    expect(digest?.text).toContain(link);
    expect(digest?.html).toContain(`<a href="${escapeHtml(link)}"`);
    expect(digest?.html).toContain(">Linked</a>");
  });

  it("HTML-escapes every user value", () => {
    const evil = contact({
      name: "<script>alert(1)</script>",
      company: 'Acme "&" <b>Co</b>',
      nextStep: "<img src=x onerror=alert(2)>",
    });
    const digest = buildDigest(
      input([{ contact: evil, result: result("Due Today", { problem: "<i>bad</i>" }) }], {
        spreadsheetUrl: 'https://x.test/"><script>',
      }),
    );
    const html = digest?.html ?? "";
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<img/i);
    expect(html).not.toContain("<b>Co</b>");
    expect(html).not.toContain("<i>bad</i>");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).toContain("Acme &quot;&amp;&quot; &lt;b&gt;Co&lt;/b&gt;");
    // The plain-text part shows values as typed.
    expect(digest?.text).toContain("<script>alert(1)</script>");
  });

  it("uses inline styles only", () => {
    const digest = buildDigest(input([{ contact: contact(), result: result("Due Today") }]));
    const html = digest?.html ?? "";
    expect(html).not.toContain("<style");
    expect(html).toMatch(/<table style="[^"]+"/);
    expect(html).toMatch(/<td style="[^"]+"/);
  });

  it("caps each section and says how many more there are", () => {
    const rows = Array.from({ length: 130 }, (_, i) => ({
      contact: contact({ name: `Bulk ${i}` }),
      result: result("Overdue", { due: day("2026-11-16T05:00:00Z") }),
    }));
    const digest = buildDigest(input(rows));
    expect(digest?.counts.overdue).toBe(130);
    expect(namesInSection(digest?.text ?? "", "Overdue")).toHaveLength(50);
    expect(digest?.text).toContain("…and 80 more in the spreadsheet.");
    expect(digest?.html).toContain("…and 80 more in");
    expect((digest?.html.match(/<tr>/g) ?? []).length).toBe(51);

    const small = buildDigest(input(rows, { maxRowsPerSection: 10 }));
    expect(namesInSection(small?.text ?? "", "Overdue")).toHaveLength(10);
    expect(small?.text).toContain("…and 120 more");
  });

  it("stays small with 10,000 rows and huge cells", () => {
    const huge = "x".repeat(50_000);
    const rows = Array.from({ length: 10_000 }, (_, i) => ({
      contact: contact({ name: `Row ${i}`, nextStep: huge }),
      result: result(i % 2 ? "Overdue" : "Due Today", { problem: huge }),
    }));
    const digest = buildDigest(input(rows, { isManager: true }));
    expect(digest).not.toBeNull();
    expect(digest?.html.length ?? Infinity).toBeLessThan(200_000);
    expect(digest?.text.length ?? Infinity).toBeLessThan(200_000);
  });

  it("gives managers stale deals, overdue per owner, unowned contacts and run problems", () => {
    const rows = [
      {
        contact: contact({
          name: "Old deal",
          owner: OTHER,
          stage: "Negotiation",
          dealValue: 42000,
        }),
        result: result("Upcoming", {
          stale: true,
          lastTouch: new Date("2026-10-19T15:00:00Z"),
          daysSinceTouch: 30,
        }),
      },
      {
        contact: contact({ name: "Older deal", owner: OTHER, stage: "Proposal Sent" }),
        result: result("Overdue", {
          stale: true,
          due: day("2026-11-02T05:00:00Z"),
          lastTouch: new Date("2026-09-19T15:00:00Z"),
          daysSinceTouch: 60,
        }),
      },
      { contact: contact({ name: "Sam late 2", owner: OTHER }), result: result("Overdue") },
      { contact: contact({ name: "Sam today", owner: OTHER }), result: result("Due Today") },
      { contact: contact({ name: "Jo late", owner: "jo@acme.test" }), result: result("Overdue") },
      {
        contact: contact({ name: "Orphan", owner: "" }),
        result: result("Due Today", { problem: "No owner" }),
      },
      { contact: contact({ name: "Closed orphan", owner: "" }), result: result("Closed") },
      { contact: contact({ name: "Opted orphan", owner: "" }), result: result("Opted Out") },
    ];
    const problems = ['Setting "Digest hour": 25 is outside 0–23; using the default (8).'];
    const asRep = buildDigest(input(rows, { runProblems: problems }));
    expect(asRep).toBeNull(); // nothing of alex's own, and not a manager

    const digest = buildDigest(input(rows, { isManager: true, runProblems: problems }));
    expect(digest).not.toBeNull();
    if (!digest) return;
    expect(digest.counts).toMatchObject({
      replied: 0,
      overdue: 0,
      stale: 2,
      unowned: 1,
      ownersWithOverdue: 2,
      teamOverdue: 3,
      runProblems: 1,
    });
    expect(namesInSection(digest.text, "Stale deals")).toEqual(["Older deal", "Old deal"]);
    expect(digest.text).toContain("42,000");
    expect(digest.text).toContain("(30 days ago)");
    expect(linesInSection(digest.text, "Overdue per owner")).toEqual([
      `${OTHER} · Overdue: 2 · Due today: 1 · Replied: 0`,
      "jo@acme.test · Overdue: 1 · Due today: 0 · Replied: 0",
    ]);
    expect(namesInSection(digest.text, "Unowned contacts")).toEqual(["Orphan"]);
    expect(digest.text).toContain("SHEET PROBLEMS (1)");
    expect(digest.html).toContain("25 is outside 0–23");
    expect(digest.subject).toBe(
      "Touchbase: 2 stale deals, 3 overdue team-wide, 1 unowned, 1 sheet problem",
    );
  });
});

describe("digestSubject", () => {
  it("omits zero parts", () => {
    const zero = {
      replied: 0,
      overdue: 0,
      dueToday: 0,
      problems: 0,
      stale: 0,
      unowned: 0,
      ownersWithOverdue: 0,
      teamOverdue: 0,
      runProblems: 0,
    };
    expect(digestSubject({ ...zero, replied: 2, overdue: 5, dueToday: 3 })).toBe(
      "Touchbase: 2 replied, 5 overdue, 3 due today",
    );
    expect(digestSubject({ ...zero, overdue: 1 })).toBe("Touchbase: 1 overdue");
    expect(digestSubject({ ...zero, dueToday: 4, problems: 2 })).toBe(
      "Touchbase: 4 due today, 2 problems",
    );
  });
});
