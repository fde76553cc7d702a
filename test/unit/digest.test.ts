import { buildDigest, digestBytes, digestSubject, type DigestInput } from "../../src/domain/digest";
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

  it("omits zero parts", () => {
    expect(digestSubject({ ...zero, replied: 2, overdue: 5, dueToday: 3 })).toBe(
      "Touchbase: 2 replied, 5 overdue, 3 due today",
    );
    expect(digestSubject({ ...zero, overdue: 1 })).toBe("Touchbase: 1 overdue");
    expect(digestSubject({ ...zero, dueToday: 4, problems: 2 })).toBe(
      "Touchbase: 4 due today, 2 problems",
    );
  });
  it("names each non-zero count, singular or plural", () => {
    expect(
      digestSubject({
        replied: 1,
        overdue: 2,
        dueToday: 1,
        problems: 1,
        stale: 3,
        unowned: 4,
        ownersWithOverdue: 2,
        teamOverdue: 5,
        runProblems: 2,
      }),
    ).toBe(
      "Touchbase: 1 replied, 2 overdue, 1 due today, 1 problem, 3 stale deals, " +
        "5 overdue team-wide, 4 unowned, 2 sheet problems",
    );
  });
  it("leaves out team-wide overdue when they are all the recipient's own", () => {
    expect(digestSubject({ ...zero, overdue: 2, teamOverdue: 2 })).toBe("Touchbase: 2 overdue");
    expect(digestSubject({ ...zero, overdue: 2, teamOverdue: 3 })).toBe(
      "Touchbase: 2 overdue, 3 overdue team-wide",
    );
  });
  it("falls back to 'your follow-ups' with nothing to count", () => {
    expect(digestSubject(zero)).toBe("Touchbase: your follow-ups");
  });
});

describe("the whole digest, word for word", () => {
  const LINK = `${URL}#gid=777&range=A`;
  const managerRows = () => [
    {
      contact: contact({ rowNumber: 2, name: "Rita", company: "R Co", nextStep: "Call back" }),
      result: result("Replied", { due: at("2026-11-18T15:00:00Z") }),
    },
    {
      contact: contact({ rowNumber: 3, name: "Otto", company: "O Co" }),
      result: result("Overdue", { due: day("2026-11-16T05:00:00Z") }),
    },
    {
      contact: contact({ rowNumber: 4, name: "Una", company: "U Co", owner: "" }),
      result: result("Due Today"),
    },
    {
      contact: contact({
        rowNumber: 5,
        name: "Stan",
        company: "S Co",
        owner: OTHER,
        stage: "Negotiation",
        dealValue: 1500,
      }),
      result: result("Upcoming", {
        stale: true,
        lastTouch: new Date("2026-10-19T15:00:00Z"),
        daysSinceTouch: 1,
      }),
    },
  ];
  const review = [
    {
      title: "Weekly review",
      columns: ["Last week vs the week before", "Last week", "Change"],
      rows: [{ cells: ["Replies", "3", "+50%"] }],
      total: 1,
      labelled: true,
    },
  ];

  it("a manager's text part: every section, its count, its rows, links and the footer", () => {
    const digest = buildDigest(
      input(managerRows(), {
        isManager: true,
        // The part after "#" (the tab open when the link was copied) is dropped.
        spreadsheetUrl: `${URL}#gid=0`,
        runProblems: ["Bad <setting>", "  "],
        weeklyReview: review,
      }),
    );
    expect(digest?.text.split("\n")).toEqual([
      "Touchbase digest for alex@acme.test — Wed 18 Nov",
      "",
      "REPLIED (1)",
      "- Rita · R Co · Replied · Wed 18 Nov 10:00 · Call back",
      `  ${LINK}2`,
      "",
      "OVERDUE (1)",
      "- Otto · O Co · Overdue · Mon 16 Nov (2 days late)",
      `  ${LINK}3`,
      "",
      "STALE DEALS (1)",
      `- Stan · S Co · ${OTHER} · Negotiation · 1,500 · Mon 19 Oct (1 day ago)`,
      `  ${LINK}5`,
      "",
      "OVERDUE PER OWNER (1)",
      `- ${ME} · Overdue: 1 · Due today: 0 · Replied: 1`,
      "",
      "UNOWNED CONTACTS (1)",
      "- Una · U Co · Qualified · Due Today",
      `  ${LINK}4`,
      "",
      "SHEET PROBLEMS (1)",
      "- Bad <setting>",
      "",
      "WEEKLY REVIEW (1)",
      "- Replies · Last week: 3 · Change: +50%",
      "",
      "--",
      "Sent by Touchbase once a day after 8:00. Times are in America/New_York.",
      URL,
    ]);
    expect(digest?.counts).toEqual({
      replied: 1,
      overdue: 1,
      dueToday: 0,
      problems: 0,
      stale: 1,
      unowned: 1,
      ownersWithOverdue: 1,
      teamOverdue: 1,
      runProblems: 1,
    });
    expect(digest?.subject).toBe(
      "Touchbase: 1 replied, 1 overdue, 1 stale deal, 1 unowned, 1 sheet problem",
    );
  });

  it("a rep's HTML part: inline-styled tables, an escaped linked name and 'and N more'", () => {
    const rows = [
      {
        contact: contact({ rowNumber: 7, name: "A & B", company: "<Co>" }),
        result: result("Due Today", { due: day("2026-11-18T05:00:00Z") }),
      },
      {
        contact: contact({ rowNumber: 8, name: "Second" }),
        result: result("Due Today", { due: day("2026-11-18T05:00:00Z") }),
      },
    ];
    const digest = buildDigest(input(rows, { maxRowsPerSection: 1, weeklyReview: review }));
    const th =
      "text-align:left;padding:4px 8px;border-bottom:2px solid #dadce0;color:#5f6368;font-weight:bold";
    const td = "padding:4px 8px;border-bottom:1px solid #eeeeee;vertical-align:top";
    const link = "color:#1a73e8;text-decoration:none";
    expect(digest?.html.split("\n")).toEqual([
      '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#202124;max-width:760px">',
      '<p style="margin:0 0 8px">Touchbase digest for alex@acme.test — Wed 18 Nov</p>',
      '<h2 style="font-size:16px;margin:20px 0 6px;color:#202124">Due today (2)</h2>',
      '<table style="border-collapse:collapse;width:100%;font-size:13px" cellpadding="0" cellspacing="0">',
      `<tr>${["Name", "Company", "Status", "Due", "Next step"].map((c) => `<th style="${th}">${c}</th>`).join("")}</tr>`,
      `<tr><td style="${td}"><a href="${URL}#gid=777&amp;range=A7" style="${link}">A &amp; B</a></td>` +
        `<td style="${td}">&lt;Co&gt;</td><td style="${td}">Due Today</td>` +
        `<td style="${td}">Wed 18 Nov</td><td style="${td}"></td></tr>`,
      "</table>",
      `<p style="margin:6px 0 0;color:#5f6368;font-size:13px">…and 1 more in <a href="${URL}" style="${link}">the spreadsheet</a>.</p>`,
      '<p style="margin-top:24px;padding-top:8px;border-top:1px solid #dadce0;color:#5f6368;font-size:12px">' +
        "Sent by Touchbase once a day after 8:00. Times are in America/New_York. " +
        `<a href="${URL}" style="${link}">Open the spreadsheet</a></p>`,
      "</div>",
    ]);
    // The Monday review is for managers only.
    expect(digest?.text).not.toContain("WEEKLY REVIEW");
  });

  it("a section whose rows are all capped away shows its heading and count, no empty table", () => {
    const rows = [{ contact: contact({ name: "Hidden" }), result: result("Overdue") }];
    const digest = buildDigest(input(rows, { maxRowsPerSection: 0 }));
    expect(linesInSection(digest?.text ?? "", "Overdue")).toEqual([]);
    expect(digest?.text).toContain("OVERDUE (1)\n…and 1 more in the spreadsheet.\n");
    expect(digest?.html).not.toContain("<table");
    expect(digest?.html).toContain("Overdue (1)</h2>");
  });

  it("puts each cell on one line, clipped to 160 characters, and a sheet problem to 400", () => {
    const long = `${"a".repeat(100)}\n\n  ${"b".repeat(100)}`;
    const rows = [
      { contact: contact({ name: "Line\nbreak", nextStep: long }), result: result("Due Today") },
    ];
    const digest = buildDigest(
      input(rows, { isManager: true, runProblems: [`${"p".repeat(399)}q`, `${"r".repeat(401)}`] }),
    );
    expect(linesInSection(digest?.text ?? "", "Due today")).toEqual([
      `Line break · Client Co · Due Today · ${"a".repeat(100)} ${"b".repeat(58)}…`,
    ]);
    expect(linesInSection(digest?.text ?? "", "Sheet problems")).toEqual([
      `${"p".repeat(399)}q`,
      `${"r".repeat(399)}…`,
    ]);
  });

  it("a contact without a name is shown by its ID, else by its row number, in every section", () => {
    const rows = [
      { contact: contact({ name: "", id: "C-9" }), result: result("Overdue", { problem: "x" }) },
      {
        contact: contact({ rowNumber: 40, name: "", id: "", owner: "" }),
        result: result("Due Today", { stale: true }),
      },
    ];
    const digest = buildDigest(input(rows, { isManager: true }));
    const text = digest?.text ?? "";
    expect(namesInSection(text, "Overdue")).toEqual(["C-9"]);
    expect(namesInSection(text, "Problems")).toEqual(["C-9"]);
    expect(namesInSection(text, "Stale deals")).toEqual(["Row 40"]);
    expect(namesInSection(text, "Unowned contacts")).toEqual(["Row 40"]);
    expect(linesInSection(text, "Stale deals")).toEqual([
      "Row 40 · Client Co · (no owner) · Qualified · never",
    ]);
    expect(linesInSection(text, "Overdue per owner")).toEqual([
      `${ME} · Overdue: 1 · Due today: 0 · Replied: 0`,
    ]);
  });
});

describe("a digest too big for one email", () => {
  const rows = () =>
    Array.from({ length: 30 }, (_, i) => ({
      contact: contact({ name: `Late ${i}` }),
      result: result("Overdue", { due: day("2026-11-16T05:00:00Z") }),
    }));

  it("drops to the largest of 25, 10, 5, 2, 1 rows per section that fits", () => {
    const tenRows = buildDigest(input(rows(), { maxRowsPerSection: 10 }));
    const fitsTen = digestBytes(tenRows ?? { text: "", html: "" });
    const digest = buildDigest(input(rows(), { maxBytes: fitsTen }));
    expect(namesInSection(digest?.text ?? "", "Overdue")).toHaveLength(10);
    expect(digest?.text).toContain("…and 20 more in the spreadsheet.");
    const oneByteLess = buildDigest(input(rows(), { maxBytes: fitsTen - 1 }));
    expect(namesInSection(oneByteLess?.text ?? "", "Overdue")).toHaveLength(5);
  });

  it("keeps every row when it fits, and only counts when nothing else does", () => {
    expect(namesInSection(buildDigest(input(rows()))?.text ?? "", "Overdue")).toHaveLength(30);
    const countsOnly = buildDigest(input(rows(), { maxBytes: 1 }));
    expect(namesInSection(countsOnly?.text ?? "", "Overdue")).toEqual([]);
    expect(countsOnly?.text).toContain("OVERDUE (30)\n…and 30 more in the spreadsheet.");
    expect(countsOnly?.counts.overdue).toBe(30);
  });

  it("counts both parts in UTF-8 bytes", () => {
    expect(digestBytes({ text: "ab", html: "—" })).toBe(5);
  });
});

describe("the managers' lists, in order", () => {
  it("stale: longest untouched first (never touched before all), then bigger deal, then row", () => {
    const stale = (name: string, daysSinceTouch: number | null, dealValue: number | null) => ({
      contact: contact({ name, owner: OTHER, dealValue }),
      result: result("Upcoming", { stale: true, daysSinceTouch }),
    });
    const rows = [
      stale("10 days small", 10, 100),
      stale("10 days big", 10, 900),
      stale("never", null, null),
      stale("40 days", 40, null),
      stale("10 days small again", 10, 100),
    ];
    const text = buildDigest(input(rows, { isManager: true }))?.text ?? "";
    expect(namesInSection(text, "Stale deals")).toEqual([
      "never",
      "40 days",
      "10 days big",
      "10 days small",
      "10 days small again",
    ]);
  });

  it("owners: most overdue first, then by name; owners with none overdue are left out", () => {
    const rows = [
      { contact: contact({ owner: "zed@acme.test" }), result: result("Overdue") },
      { contact: contact({ owner: "bea@acme.test" }), result: result("Overdue") },
      { contact: contact({ owner: "bea@acme.test" }), result: result("Replied") },
      { contact: contact({ owner: "amy@acme.test" }), result: result("Due Today") },
      { contact: contact({ owner: "max@acme.test" }), result: result("Overdue") },
      { contact: contact({ owner: "max@acme.test" }), result: result("Overdue") },
      { contact: contact({ owner: "max@acme.test" }), result: result("Upcoming") },
    ];
    const text = buildDigest(input(rows, { isManager: true }))?.text ?? "";
    expect(linesInSection(text, "Overdue per owner")).toEqual([
      "max@acme.test · Overdue: 2 · Due today: 0 · Replied: 0",
      "bea@acme.test · Overdue: 1 · Due today: 0 · Replied: 1",
      "zed@acme.test · Overdue: 1 · Due today: 0 · Replied: 0",
    ]);
  });

  it("unowned and problems: by status (Replied, Overdue, Due Today, …), then row", () => {
    const rows = [
      { contact: contact({ name: "U due", owner: "" }), result: result("Due Today") },
      { contact: contact({ name: "U late", owner: "" }), result: result("Overdue") },
      { contact: contact({ name: "U replied", owner: "" }), result: result("Replied") },
      { contact: contact({ name: "U late 2", owner: "" }), result: result("Overdue") },
      { contact: contact({ name: "P due" }), result: result("Due Today", { problem: "a" }) },
      { contact: contact({ name: "P late" }), result: result("Overdue", { problem: "b" }) },
      { contact: contact({ name: "P blank" }), result: result("Overdue", { problem: "  " }) },
    ];
    const text = buildDigest(input(rows, { isManager: true }))?.text ?? "";
    expect(namesInSection(text, "Unowned contacts")).toEqual([
      "U replied",
      "U late",
      "U late 2",
      "U due",
    ]);
    expect(namesInSection(text, "Problems")).toEqual(["P late", "P due"]);
  });

  it("replied: the reply with no due time falls back to its last touch", () => {
    const rows = [
      {
        contact: contact({ name: "Later" }),
        result: result("Replied", { lastTouch: new Date("2026-11-17T15:00:00Z") }),
      },
      {
        contact: contact({ name: "Earlier" }),
        result: result("Replied", { lastTouch: new Date("2026-11-16T15:00:00Z") }),
      },
      { contact: contact({ name: "Unknown" }), result: result("Replied") },
    ];
    const text = buildDigest(input(rows))?.text ?? "";
    expect(namesInSection(text, "Replied")).toEqual(["Earlier", "Later", "Unknown"]);
  });
});

describe("what everyone sees, and the Monday review's size", () => {
  it("shows what the run could not write to everyone, before a manager's run problems", () => {
    const full = "The spreadsheet is full (10,000,000 cells): Touchbase could not write Status.";
    const rep = buildDigest(input([], { writeProblems: [full], runProblems: ["Manager only"] }));
    expect(linesInSection(rep?.text ?? "", "Sheet problems")).toEqual([full]);
    expect(rep?.counts.runProblems).toBe(1);
    const manager = buildDigest(
      input([], { isManager: true, writeProblems: [full], runProblems: ["Manager only"] }),
    );
    expect(linesInSection(manager?.text ?? "", "Sheet problems")).toEqual([full, "Manager only"]);
  });

  it("holds the Monday review to the section cap and the cell length, keeping its total", () => {
    const long = `${"w".repeat(200)}`;
    const weeklyReview = [
      {
        title: "Stuck deals",
        columns: ["Name", "Stage"],
        rows: [{ cells: [long, "Qualified"] }, { cells: ["Second", "Qualified"] }],
        total: 14,
      },
    ];
    const digest = buildDigest(input([], { isManager: true, weeklyReview, maxRowsPerSection: 1 }));
    expect(linesInSection(digest?.text ?? "", "Stuck deals")).toEqual([
      `${"w".repeat(159)}… · Qualified`,
    ]);
    expect(digest?.text).toContain("STUCK DEALS (14)\n");
    expect(digest?.text).toContain("…and 13 more in the spreadsheet.");
  });
});

describe("how late", () => {
  it("an Overdue row whose due time is still ahead reads 'late today', never negative days", () => {
    const rows = [
      {
        contact: contact({ name: "Lead SLA" }),
        result: result("Overdue", { due: at("2026-11-19T15:00:00Z") }),
      },
    ];
    expect(linesInSection(buildDigest(input(rows))?.text ?? "", "Overdue")).toEqual([
      "Lead SLA · Client Co · Overdue · Thu 19 Nov 10:00 (late today)",
    ]);
  });
});

describe("ties and fallbacks in the order", () => {
  it("same status and lateness: the earlier due time first, then the higher row", () => {
    const overdue = (name: string, rowNumber: number, due: string) => ({
      contact: contact({ name, rowNumber, tier: "Hot" }),
      result: result("Overdue", { due: at(due) }),
    });
    const dueToday = (name: string, rowNumber: number, due: string) => ({
      contact: contact({ name, rowNumber, tier: "Hot" }),
      result: result("Due Today", { due: at(due) }),
    });
    const rows = [
      overdue("Late 11:00", 90, "2026-11-16T16:00:00Z"),
      overdue("Late 10:00 row 80", 80, "2026-11-16T15:00:00Z"),
      overdue("Late 10:00 row 70", 70, "2026-11-16T15:00:00Z"),
      dueToday("Today 15:00", 60, "2026-11-18T20:00:00Z"),
      dueToday("Today 12:00", 50, "2026-11-18T17:00:00Z"),
    ];
    const digest = buildDigest(input(rows, { isManager: true }));
    expect(namesInSection(digest?.text ?? "", "Overdue")).toEqual([
      "Late 10:00 row 70",
      "Late 10:00 row 80",
      "Late 11:00",
    ]);
    expect(namesInSection(digest?.text ?? "", "Due today")).toEqual(["Today 12:00", "Today 15:00"]);
    // No run problems were handed in: a manager's digest has no Sheet problems section.
    expect({ runProblems: digest?.counts.runProblems, text: digest?.text }).toEqual({
      runProblems: 0,
      text: expect.not.stringContaining("SHEET PROBLEMS") as unknown,
    });
  });

  it("replied: by the reply's due time when it has one, not its last touch", () => {
    const replied = (name: string, rowNumber: number, due: string, lastTouch: string) => ({
      contact: contact({ name, rowNumber }),
      result: result("Replied", { due: at(due), lastTouch: new Date(lastTouch) }),
    });
    const rows = [
      replied("Due 10:00", 20, "2026-11-18T15:00:00Z", "2026-11-18T11:00:00Z"),
      replied("Due 09:00", 21, "2026-11-18T14:00:00Z", "2026-11-18T14:30:00Z"),
    ];
    expect(namesInSection(buildDigest(input(rows))?.text ?? "", "Replied")).toEqual([
      "Due 09:00",
      "Due 10:00",
    ]);
  });
});

describe("the next step when the contact's own is blank", () => {
  const due = (
    name: string,
    nextStep: string,
    fields: { note?: string; template?: string; channel?: CadenceStep["channel"] },
  ) => ({
    contact: contact({ name, nextStep }),
    result: result("Due Today", {
      dueStep: {
        cadence: "Warm",
        step: {
          step: 2,
          day: 3,
          channel: fields.channel ?? null,
          template: fields.template ?? "",
          autoSend: false,
          repeatEvery: null,
          note: fields.note ?? "",
        },
        repeat: 0,
        key: name,
      },
    }),
  });

  it("skips a blank Next Step or note and names the step's channel, Email when it has none", () => {
    const rows = [
      due("Spaces", "   ", { note: "  ", template: "Bump", channel: "LinkedIn" }),
      due("No channel", "", { template: "Intro" }),
      due("Call only", "", { template: "  ", channel: "Call" }),
    ];
    expect(linesInSection(buildDigest(input(rows))?.text ?? "", "Due today")).toEqual([
      'Spaces · Client Co · Due Today · LinkedIn: template "Bump"',
      'No channel · Client Co · Due Today · Email: template "Intro"',
      "Call only · Client Co · Due Today · Call",
    ]);
  });
});

describe("every manager section's columns and edges", () => {
  const headersOf = (html: string): string[][] =>
    [...html.matchAll(/<tr>(<th[^]*?)<\/tr>/g)].map((m) =>
      [...(m[1] ?? "").matchAll(/<th [^>]*>([^<]*)<\/th>/g)].map((h) => h[1] ?? ""),
    );

  it("heads each table with its columns", () => {
    const rows = [
      { contact: contact({ name: "Mine" }), result: result("Overdue", { problem: "Bad date" }) },
      {
        contact: contact({ name: "Nobody's", owner: "", stage: null }),
        result: result("Overdue", { stale: true }),
      },
    ];
    const digest = buildDigest(input(rows, { isManager: true, runProblems: ["A problem"] }));
    expect(headersOf(digest?.html ?? "")).toEqual([
      ["Name", "Company", "Status", "Due", "Next step"],
      ["Name", "Company", "Status", "Problem"],
      ["Name", "Company", "Owner", "Stage", "Deal value", "Last touch"],
      ["Owner", "Overdue", "Due today", "Replied"],
      ["Name", "Company", "Stage", "Status", "Due"],
      ["Problem"],
    ]);
    const text = digest?.text ?? "";
    // Equal counts go by owner email; no owner ("") sorts first.
    expect(linesInSection(text, "Overdue per owner")).toEqual([
      "(no owner) · Overdue: 1 · Due today: 0 · Replied: 0",
      `${ME} · Overdue: 1 · Due today: 0 · Replied: 0`,
    ]);
    expect(digest?.html).toContain(
      '<td style="padding:4px 8px;border-bottom:1px solid #eeeeee;vertical-align:top"></td>',
    );
  });

  it("caps the owner and sheet-problem lists too", () => {
    const rows = [
      { contact: contact({ owner: "a@acme.test" }), result: result("Overdue") },
      { contact: contact({ owner: "b@acme.test" }), result: result("Overdue") },
    ];
    const digest = buildDigest(
      input(rows, { isManager: true, runProblems: ["First", "Second"], maxRowsPerSection: 1 }),
    );
    const text = digest?.text ?? "";
    expect(linesInSection(text, "Overdue per owner")).toEqual([
      "a@acme.test · Overdue: 1 · Due today: 0 · Replied: 0",
    ]);
    expect(linesInSection(text, "Sheet problems")).toEqual(["First"]);
    expect(text).toContain("OVERDUE PER OWNER (2)\n- a@acme.test");
  });

  it("a stale deal touched on an unknown day count shows the day only; cells are trimmed", () => {
    const rows = [
      {
        contact: contact({ name: "  Padded  ", owner: OTHER }),
        result: result("Upcoming", {
          stale: true,
          lastTouch: new Date("2026-10-19T15:00:00Z"),
          daysSinceTouch: null,
        }),
      },
      {
        contact: contact({ name: "", id: "", rowNumber: 61, owner: OTHER }),
        result: result("Upcoming", { problem: "x" }),
      },
    ];
    const digest = buildDigest(input(rows, { isManager: true, recipient: OTHER }));
    const text = digest?.text ?? "";
    expect(linesInSection(text, "Stale deals")).toEqual([
      `Padded · Client Co · ${OTHER} · Qualified · Mon 19 Oct`,
    ]);
    expect(namesInSection(text, "Problems")).toEqual(["Row 61"]);
  });

  it("closes a table only when it has rows, and says 'and N more' only when some are left", () => {
    const shown = buildDigest(input([{ contact: contact(), result: result("Overdue") }]));
    expect(shown?.html.match(/<\/table>/g)).toHaveLength(1);
    expect(shown?.html).not.toContain("…and");
    const hidden = buildDigest(
      input([{ contact: contact(), result: result("Overdue") }], { maxRowsPerSection: 0 }),
    );
    expect(hidden?.html).not.toContain("</table>");
  });
});
