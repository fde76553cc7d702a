// Bad input for automated emails (issue 8): invalid and blank emails, unknown tags, empty values
// with and without a fallback, markup and formulas in names, very long text, long subjects and a
// changed Email — each a clear Problem or safe output, never a formula. Plus the default
// templates on a fresh sheet, and the preview dialog.
import { ALEX, records, sheetOf, typeRows } from "./support";
import {
  contactRow,
  DAY_MS,
  emailBench,
  lastRun,
  MONDAY_10,
  runHourly,
  sentTo,
  touchesOf,
  typeContacts,
} from "./emailSupport";

function addTemplate(
  bench: ReturnType<typeof emailBench>,
  name: string,
  subject: string,
  body: string,
) {
  const sheet = sheetOf(bench.wb, "Templates");
  typeRows(
    bench.wb,
    "Templates",
    [{ Name: name, Subject: subject, Body: body, Channel: "Email", Active: true }],
    sheet.getLastRow() + 1,
  );
}

function oneStepCadence(bench: ReturnType<typeof emailBench>, cadence: string, template: string) {
  const sheet = sheetOf(bench.wb, "Cadences");
  typeRows(
    bench.wb,
    "Cadences",
    [
      {
        Cadence: cadence,
        Step: 1,
        Day: 0,
        Channel: "Email",
        Template: template,
        "Auto Send": true,
      },
    ],
    sheet.getLastRow() + 1,
  );
}

describe("bad input", () => {
  test("invalid and blank emails are Problems and get nothing", () => {
    const bench = emailBench([
      { id: "C-000001", name: "Ana Ortiz", email: "ana@" },
      { id: "C-000002", name: "Ben Park", email: "" },
    ]);
    runHourly(bench, MONDAY_10);
    expect(sentTo(bench.wb)).toEqual([]);
    expect(contactRow(bench.wb, "C-000001")["Problem"]).toContain("Email looks invalid");
    expect(contactRow(bench.wb, "C-000002")["Problem"]).toContain(
      'No Email: automated email "Introduction" cannot go out',
    );
  });

  test("an unknown tag blocks the email, is a Problem on each contact and is named once in Runs", () => {
    const bench = emailBench([
      { id: "C-000001", name: "Ana Ortiz", email: "ana@client.test", extra: { Cadence: "Budget" } },
      { id: "C-000002", name: "Ben Park", email: "ben@client.test", extra: { Cadence: "Budget" } },
    ]);
    addTemplate(bench, "Budget ask", "About {{Budget}}", "Hi {{First Name}}, what is {{Budget}}?");
    oneStepCadence(bench, "Budget", "Budget ask");
    runHourly(bench, MONDAY_10);
    expect(sentTo(bench.wb)).toEqual([]);
    const problem = 'Template "Budget ask" has unknown tag {{Budget}}';
    expect(contactRow(bench.wb, "C-000001")["Problem"]).toContain(problem);
    expect(contactRow(bench.wb, "C-000002")["Problem"]).toContain(problem);
    expect(String(lastRun(bench.wb)["Problems"]).split(problem)).toHaveLength(2);
  });

  test("a custom column is a tag; an empty Topic uses its fallback, or blocks without one", () => {
    const bench = emailBench([
      {
        id: "C-000001",
        name: "Ana Ortiz",
        email: "ana@client.test",
        extra: { Topic: "", Cadence: "Plain" },
      },
      {
        id: "C-000002",
        name: "Ben Park",
        email: "ben@client.test",
        extra: { Topic: "", Cadence: "Needs" },
      },
    ]);
    const contacts = sheetOf(bench.wb, "Contacts");
    contacts.insertColumnAfter(contacts.getLastColumn());
    contacts.getRange(1, contacts.getLastColumn() + 1).setValue("Favourite Colour");
    contacts.getRange(2, contacts.getLastColumn()).setValue("teal");
    addTemplate(
      bench,
      "Plain",
      "About {{Topic|your plans}}",
      "Hi {{First Name}}, I like {{favourite colour}} too.",
    );
    addTemplate(bench, "Needs", "About {{Topic}}", "Hi {{First Name}}");
    oneStepCadence(bench, "Plain", "Plain");
    oneStepCadence(bench, "Needs", "Needs");
    runHourly(bench, MONDAY_10);
    const mail = bench.wb.emu.gmail.sent(ALEX).find((m) => m.to === "ana@client.test")!;
    expect(mail.subject).toBe("About your plans");
    expect(mail.plainBody).toMatch(/^Hi Ana, I like teal too\./);
    expect(sentTo(bench.wb)).toEqual(["ana@client.test"]);
    expect(contactRow(bench.wb, "C-000002")["Problem"]).toContain('Template "Needs" needs Topic');
  });

  test("<script> and =HYPERLINK(...) in a name: escaped in HTML, never a formula in the sheet", () => {
    const name = '=HYPERLINK("http://evil.test","<script>alert(1)</script>")';
    // Pasted as text (a leading apostrophe keeps it from being a formula in the Name cell).
    const bench = emailBench([
      { id: "C-000001", name: `'${name}`, email: "ana@client.test", extra: { Cadence: "Named" } },
    ]);
    addTemplate(bench, "Named", "For {{Name}}", "Dear {{Name}},\nhello.");
    oneStepCadence(bench, "Named", "Named");
    runHourly(bench, MONDAY_10);
    const mail = bench.wb.emu.gmail.sent(ALEX)[0]!;
    expect(mail.htmlBody).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(mail.htmlBody).not.toContain("<script>");
    expect(mail.plainBody).toContain(`Dear ${name},`);
    const touches = sheetOf(bench.wb, "Touches");
    const formulas = touches
      .getRange(2, 1, touches.getLastRow() - 1, touches.getLastColumn())
      .getFormulas();
    expect(formulas.flat().filter((f) => f !== "")).toEqual([]);
    expect(touchesOf(bench.wb, "C-000001")[0]!["Notes"]).toBe(`To ana@client.test: For ${name}`);
  });

  test("a subject over 250 characters blocks; a 60,000-character reply is logged cut to fit a cell", () => {
    const bench = emailBench([
      { id: "C-000001", name: "Ana Ortiz", email: "ana@client.test", extra: { Cadence: "Long" } },
      {
        id: "C-000002",
        name: "Ben Park",
        email: "ben@client.test",
        extra: { Cadence: "Grows", Topic: "x".repeat(240) },
      },
      { id: "C-000003", name: "Cara Diaz", email: "cara@client.test" },
    ]);
    addTemplate(bench, "Long", "L".repeat(251), "Hi");
    addTemplate(bench, "Grows", "About {{Topic}} and more", "Hi");
    oneStepCadence(bench, "Long", "Long");
    oneStepCadence(bench, "Grows", "Grows");
    bench.wb.emu.gmail.deliverInbound({
      to: ALEX,
      from: "cara@client.test",
      subject: "Notes",
      body: "y".repeat(60_000),
    });
    const run = runHourly(bench, MONDAY_10);
    expect(run.error).toBeUndefined();
    expect(contactRow(bench.wb, "C-000001")["Problem"]).toContain(
      'Template "Long": Subject is over 250 characters',
    );
    expect(String(lastRun(bench.wb)["Problems"])).toContain(
      'Template "Long": Subject is over 250 characters',
    );
    expect(contactRow(bench.wb, "C-000002")["Problem"]).toContain(
      "Subject is over 250 characters for this contact",
    );
    const reply = touchesOf(bench.wb, "C-000003").find((t) => t["Source"] === "Gmail")!;
    expect(String(reply["Notes"]).length).toBeLessThan(1000);
    expect(lastRun(bench.wb)["Error"]).toBe("");
  });

  test("a contact whose Email changed after the first step gets the next one at the new address only", () => {
    const bench = emailBench([{ id: "C-000001", name: "Ana Ortiz", email: "ana@old.test" }]);
    runHourly(bench, MONDAY_10);
    typeContacts(bench.wb, [{ id: "C-000001", name: "Ana Ortiz", email: "ana@new.test" }]);
    runHourly(bench, new Date(MONDAY_10.getTime() + DAY_MS));
    expect(sentTo(bench.wb)).toEqual(["ana@old.test", "ana@new.test"]);
    // Step 3 would reply in a thread that went to the old address: a Problem, not an email.
    runHourly(bench, new Date(MONDAY_10.getTime() + 2 * DAY_MS));
    runHourly(bench, new Date(MONDAY_10.getTime() + 2 * DAY_MS + 3_600_000));
    expect(sentTo(bench.wb)).toHaveLength(3);
    expect(bench.wb.emu.gmail.sent(ALEX).at(-1)!.to).toBe("ana@new.test");
  });
});

describe("default templates and the preview", () => {
  test("every default template renders without a Problem on a contact with only a name and an email", () => {
    const names = [
      "Introduction",
      "Post-meeting recap",
      "No response #1",
      "No response #2 (new angle)",
      "Value add",
      "Social proof",
      "Proposal check-in",
      "Re-engagement",
      "Permission to close",
      "Onboarding check-in",
      "Feedback request",
    ];
    const contacts = names.map((template, i) => ({
      id: `C-0000${10 + i}`,
      name: `Person ${i}`,
      email: `p${i}@client.test`,
      extra: { Cadence: `Only ${template}`, Topic: "", Company: "" },
    }));
    const bench = emailBench(contacts);
    names.forEach((template) => oneStepCadence(bench, `Only ${template}`, template));
    runHourly(bench, MONDAY_10);
    expect(sentTo(bench.wb)).toHaveLength(names.length);
    expect(records(bench.wb, "Contacts").map((c) => c["Problem"])).toEqual(names.map(() => ""));
    for (const mail of bench.wb.emu.gmail.sent(ALEX).filter((m) => m.to !== ALEX)) {
      expect(mail.plainBody).not.toMatch(/\{\{|Hi ,/);
      expect(mail.plainBody).toContain("Alex"); // {{Sender Name}} from the owner's address
    }
  });

  test("Preview due emails shows each email rendered (to, subject, body) or why it is blocked, sending nothing", () => {
    const bench = emailBench([
      { id: "C-000001", name: "Ana <b>Ortiz</b>", email: "ana@client.test" },
      { id: "C-000002", name: "Ben Park", email: "" },
    ]);
    const result = bench.wb.menu("menuPreviewDueEmails");
    expect(result.error).toBeUndefined();
    const html = bench.wb.emu.spreadsheets.ui.dialogs.at(-1)!.html;
    expect(html).toContain("To: ana@client.test");
    expect(html).toContain("Subject: Quick question about the pilot");
    expect(html).toContain("Hi Ana,");
    expect(html).not.toContain("<b>Ortiz</b>");
    expect(html).toContain("No Email: automated email &quot;Introduction&quot; cannot go out");
    expect(bench.wb.emu.gmail.messages(ALEX)).toEqual([]);
    expect(result.callLog.filter((c) => /GmailApp|MailApp|setValues?$|appendRow/.test(c))).toEqual(
      [],
    );
  });
});
