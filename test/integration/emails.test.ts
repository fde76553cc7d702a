// Automated follow-up emails through the built bundle (DESIGN §4): drafts and sends inside the
// send window, at most once, most urgent first within quota, and stopped by replies, bounces and
// unsubscribe requests found by the Gmail sync.
import { ALEX, SAM, records, setSetting } from "./support";
import {
  contactRow,
  DAY_MS,
  emailBench,
  HOUR_MS,
  lastRun,
  MONDAY_10,
  runHourly,
  sentTo,
  touchesOf,
} from "./emailSupport";

const ANA = { id: "C-000001", name: "Ana Ortiz", email: "ana@client.test" };
const BEN = { id: "C-000002", name: "Ben Park", email: "ben@client.test" };
const TUESDAY_10 = new Date(MONDAY_10.getTime() + DAY_MS);
const WEDNESDAY_10 = new Date(MONDAY_10.getTime() + 2 * DAY_MS);

describe("sending", () => {
  test("Send mode sends each due step once, logs it as an Automation touch, and counts it in Runs", () => {
    const bench = emailBench([ANA, BEN]);
    const run = runHourly(bench, MONDAY_10);
    expect(run.error).toBeUndefined();
    expect(sentTo(bench.wb).sort()).toEqual(["ana@client.test", "ben@client.test"]);
    const mail = bench.wb.emu.gmail.sent(ALEX).find((m) => m.to === "ana@client.test")!;
    expect(mail.subject).toBe("Quick question about the pilot");
    expect(mail.plainBody).toMatch(/^Hi Ana,/);
    expect(mail.plainBody).toContain(`If you'd rather not hear from me, just reply "unsubscribe".`);
    expect(mail.htmlBody).toContain("<p>Hi Ana,</p>");
    expect(touchesOf(bench.wb, ANA.id)).toMatchObject([
      {
        Channel: "Email",
        Direction: "Outbound",
        Outcome: "Sent",
        Template: "Introduction",
        Step: `1/3 Auto outreach`,
        Source: "Automation",
        Delivery: "Sent",
        "Logged By": ALEX,
        Notes: "To ana@client.test: Quick question about the pilot",
      },
    ]);
    expect(lastRun(bench.wb)).toMatchObject({
      "Emails Sent": 2,
      Drafts: 0,
      Deferred: 0,
      Error: "",
    });

    // A second run in the same hour (a trigger firing twice) sends nothing again.
    const again = runHourly(bench, new Date(MONDAY_10.getTime() + 20 * 60_000));
    expect(again.error).toBeUndefined();
    expect(sentTo(bench.wb)).toHaveLength(2);
    expect(touchesOf(bench.wb, ANA.id)).toHaveLength(1);
  });

  test("the next step goes out on its day; the sync ties each sent email to its Gmail thread", () => {
    const bench = emailBench([ANA]);
    runHourly(bench, MONDAY_10);
    runHourly(bench, TUESDAY_10);
    expect(sentTo(bench.wb)).toEqual(["ana@client.test", "ana@client.test"]);
    const [first, second] = touchesOf(bench.wb, ANA.id);
    expect(String(first!["Thread ID"])).toMatch(/^\S+ <.+>$/);
    expect(second).toMatchObject({
      Template: "No response #1",
      Step: "2/3 Auto outreach",
      Delivery: "Sent",
    });
    // Step 3 has a blank Subject: it goes as a reply in the last Touchbase thread, once the sync
    // has tied step 2 to its thread (the first run that day), so in the run after.
    runHourly(bench, WEDNESDAY_10);
    expect(sentTo(bench.wb)).toHaveLength(2);
    runHourly(bench, new Date(WEDNESDAY_10.getTime() + HOUR_MS));
    const sent = bench.wb.emu.gmail.sent(ALEX).filter((m) => m.to.includes("ana@"));
    expect(sent).toHaveLength(3);
    expect(sent[2]!.subject).toBe("Re: Following up");
    expect(sent[2]!.threadId).toBe(sent[1]!.threadId);
    expect(sent[2]!.to).toBe("ana@client.test");
  });

  test("Drafts mode never sends: a draft the owner sends becomes Sent, a deleted one Failed with a Problem", () => {
    const bench = emailBench([ANA, BEN], { mode: "Drafts" });
    runHourly(bench, MONDAY_10);
    expect(sentTo(bench.wb)).toEqual([]);
    const drafts = bench.wb.emu.gmail.drafts(ALEX);
    expect(drafts.map((d) => d.to).sort()).toEqual(["ana@client.test", "ben@client.test"]);
    expect(lastRun(bench.wb)).toMatchObject({ "Emails Sent": 0, Drafts: 2 });
    expect(touchesOf(bench.wb, ANA.id)).toMatchObject([
      { Delivery: "Draft", Source: "Automation" },
    ]);

    const anaDraft = drafts.find((d) => d.to === "ana@client.test")!;
    const benDraft = drafts.find((d) => d.to === "ben@client.test")!;
    bench.wb.emu.clock.set(new Date(MONDAY_10.getTime() + HOUR_MS / 2));
    bench.wb.emu.gmail.sendDraftAsUser(anaDraft.draftId!);
    bench.wb.emu.gmail.deleteDraftAsUser(benDraft.draftId!);
    runHourly(bench, new Date(MONDAY_10.getTime() + HOUR_MS));
    runHourly(bench, new Date(MONDAY_10.getTime() + 2 * HOUR_MS));
    expect(touchesOf(bench.wb, ANA.id)).toMatchObject([{ Delivery: "Sent" }]);
    expect(touchesOf(bench.wb, BEN.id)).toMatchObject([{ Delivery: "Failed" }]);
    expect(contactRow(bench.wb, BEN.id)["Problem"]).toContain('Automated email "Introduction"');
    expect(contactRow(bench.wb, BEN.id)["Status"]).toBe("Overdue");
    // No second draft for the deleted one, and nothing was ever sent by Touchbase.
    expect(bench.wb.emu.gmail.drafts(ALEX)).toHaveLength(0);
    expect(sentTo(bench.wb)).toEqual(["ana@client.test"]);
  });

  test("a run at 03:00, or on a Saturday, drafts and sends nothing and defers nothing", () => {
    const bench = emailBench([ANA]);
    const night = runHourly(bench, new Date("2026-11-23T08:00:00Z")); // 03:00 New York
    expect(night.error).toBeUndefined();
    expect(sentTo(bench.wb)).toEqual([]);
    expect(lastRun(bench.wb)).toMatchObject({ "Emails Sent": 0, Deferred: 0 });
    runHourly(bench, new Date("2026-11-28T15:00:00Z")); // Saturday 10:00
    expect(sentTo(bench.wb)).toEqual([]);
  });

  test("Email mode Off sends and drafts nothing, ever", () => {
    const bench = emailBench([ANA], { mode: "Off" });
    runHourly(bench, MONDAY_10);
    runHourly(bench, TUESDAY_10);
    expect(bench.wb.emu.gmail.messages(ALEX).filter((m) => m.to !== ALEX)).toEqual([]);
    expect(touchesOf(bench.wb, ANA.id)).toEqual([]);
  });

  test("a quota of 3 with 10 due: 3 sent, 7 deferred, the rest on later runs in urgency order, nobody twice", () => {
    const contacts = Array.from({ length: 10 }, (_, i) => ({
      id: `C-0000${10 + i}`,
      name: `Person ${i}`,
      email: `p${i}@client.test`,
      tier: i % 3 === 0 ? "Hot" : "Warm",
    }));
    // One recipient of the quota is kept for the digest: 4 remaining = 3 automated emails.
    const bench = emailBench(contacts, { quota: 4 });
    setSetting(bench.wb, "Digest hour", "23");
    runHourly(bench, MONDAY_10);
    expect(sentTo(bench.wb)).toEqual(["p0@client.test", "p3@client.test", "p6@client.test"]);
    expect(lastRun(bench.wb)).toMatchObject({ "Emails Sent": 3, Deferred: 7 });
    // Tuesday: Hot first — p9's overdue first step, then the Hot contacts' step 2 due today.
    runHourly(bench, new Date(MONDAY_10.getTime() + DAY_MS));
    expect(sentTo(bench.wb).slice(3)).toEqual([
      "p9@client.test",
      "p0@client.test",
      "p3@client.test",
    ]);
    for (let day = 2; day <= 9; day++)
      runHourly(bench, new Date(MONDAY_10.getTime() + day * DAY_MS));
    const sent = bench.wb.emu.gmail.sent(ALEX).filter((m) => m.to !== ALEX);
    const firstSteps = sent.filter((m) => m.subject.startsWith("Quick question")).map((m) => m.to);
    expect(firstSteps).toEqual(
      [...["p0", "p3", "p6", "p9"], ...["p1", "p2", "p4", "p5", "p7", "p8"]].map(
        (p) => `${p}@client.test`,
      ),
    );
    const pairs = sent.map((m) => `${m.to}|${m.subject}`);
    expect(pairs.filter((p, i) => pairs.indexOf(p) !== i)).toEqual([]);
  });
});

describe("safety", () => {
  test("Opted Out checked by a person while the run works: that contact gets nothing", () => {
    const bench = emailBench([ANA, BEN]);
    const contacts = bench.wb.spreadsheet().getSheetByName("Contacts")!;
    const header = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0]!;
    const optedOut = header.indexOf("Opted Out") + 1;
    // Between the run's read of the sheet and its sends: during the Gmail sync's search.
    const stop = bench.wb.emu.beforeCall((call) => {
      if (call.call === "GmailApp.search") contacts.getRange(2, optedOut).setValue(true);
    });
    runHourly(bench, MONDAY_10);
    stop();
    expect(sentTo(bench.wb)).toEqual([BEN.email]);
    expect(touchesOf(bench.wb, ANA.id)).toEqual([]);
  });

  test("the Daily email cap holds the rest for the next day, most overdue first", () => {
    // Ana's first step is a day more overdue than Ben's.
    const bench = emailBench([
      { ...ANA, extra: { Created: new Date("2026-11-19T14:00:00Z") } },
      BEN,
    ]);
    setSetting(bench.wb, "Daily email cap", "1");
    runHourly(bench, MONDAY_10);
    runHourly(bench, new Date(MONDAY_10.getTime() + HOUR_MS));
    expect(sentTo(bench.wb)).toEqual([ANA.email]);
    expect(lastRun(bench.wb)).toMatchObject({ "Emails Sent": 0, Deferred: 1 });
    // Tuesday: Ben's overdue first step before Ana's second, due today.
    runHourly(bench, TUESDAY_10);
    expect(sentTo(bench.wb)).toEqual([ANA.email, BEN.email]);
  });
});

describe("the Gmail sync", () => {
  test("a contact who replies between step 2 and step 3 gets no step 3 or later", () => {
    const bench = emailBench([ANA, BEN]);
    runHourly(bench, MONDAY_10);
    runHourly(bench, TUESDAY_10);
    const thread = bench.wb.emu.gmail
      .sent(ALEX)
      .filter((m) => m.to === ANA.email)
      .at(-1)!.threadId;
    bench.wb.emu.clock.set(new Date(TUESDAY_10.getTime() + 3 * HOUR_MS));
    bench.wb.emu.gmail.deliverInbound({
      to: ALEX,
      from: `Ana Ortiz <${ANA.email}>`,
      body: "Yes, let's talk Friday.",
      threadId: thread,
    });
    for (let day = 2; day <= 9; day++)
      runHourly(bench, new Date(MONDAY_10.getTime() + day * DAY_MS));
    expect(sentTo(bench.wb).filter((to) => to === ANA.email)).toHaveLength(2);
    expect(sentTo(bench.wb).filter((to) => to === BEN.email)).toHaveLength(3);
    expect(touchesOf(bench.wb, ANA.id).filter((t) => t["Source"] === "Gmail")).toMatchObject([
      { Direction: "Inbound", Outcome: "Replied", Channel: "Email" },
    ]);
    expect(contactRow(bench.wb, ANA.id)["Status"]).toBe("Replied");
    expect(records(bench.wb, "Runs").map((r) => r["Replies Found"])).toContain(1);
  });

  test("a bounce is logged Bounced, named in Problem, and stops automated email", () => {
    const bench = emailBench([ANA]);
    runHourly(bench, MONDAY_10);
    const thread = bench.wb.emu.gmail.sent(ALEX).find((m) => m.to === ANA.email)!.threadId;
    bench.wb.emu.gmail.deliverInbound({
      to: ALEX,
      from: "x",
      body: "Address not found",
      threadId: thread,
      bounce: true,
    });
    runHourly(bench, new Date(MONDAY_10.getTime() + HOUR_MS));
    runHourly(bench, TUESDAY_10);
    expect(touchesOf(bench.wb, ANA.id).map((t) => t["Outcome"])).toEqual(["Sent", "Bounced"]);
    expect(contactRow(bench.wb, ANA.id)["Problem"]).toContain("Email to ana@client.test bounced");
    expect(sentTo(bench.wb)).toEqual([ANA.email]);
  });

  test("an auto-reply is logged but is not a reply: the cadence goes on", () => {
    const bench = emailBench([ANA]);
    runHourly(bench, MONDAY_10);
    const thread = bench.wb.emu.gmail.sent(ALEX)[0]!.threadId;
    bench.wb.emu.gmail.deliverInbound({
      to: ALEX,
      from: ANA.email,
      body: "I am out of office.",
      threadId: thread,
      autoReply: true,
    });
    runHourly(bench, TUESDAY_10);
    expect(touchesOf(bench.wb, ANA.id).map((t) => t["Outcome"])).toEqual([
      "Sent",
      "Auto-reply",
      "Sent",
    ]);
    expect(sentTo(bench.wb)).toEqual([ANA.email, ANA.email]);
  });

  test('"unsubscribe" is logged Unsubscribed and checks Opted Out; nothing more is sent', () => {
    const bench = emailBench([ANA, BEN]);
    runHourly(bench, MONDAY_10);
    const thread = bench.wb.emu.gmail.sent(ALEX).find((m) => m.to === ANA.email)!.threadId;
    bench.wb.emu.gmail.deliverInbound({
      to: ALEX,
      from: ANA.email,
      body: "Please unsubscribe me.\n\nOn Mon, Alex wrote:\n> If you'd rather not hear from me",
      threadId: thread,
    });
    runHourly(bench, TUESDAY_10);
    expect(touchesOf(bench.wb, ANA.id).map((t) => t["Outcome"])).toEqual(["Sent", "Unsubscribed"]);
    expect(contactRow(bench.wb, ANA.id)["Opted Out"]).toBe(true);
    expect(contactRow(bench.wb, BEN.id)["Opted Out"]).toBe("");
    runHourly(bench, WEDNESDAY_10);
    expect(sentTo(bench.wb).filter((to) => to === ANA.email)).toHaveLength(1);
  });

  test("mail from an alias is the user's own, not a reply; mail sent from Gmail advances the cadence", () => {
    const alias = "alex@acme-sales.test";
    const bench = emailBench([ANA], { aliases: { [ALEX]: [alias] } });
    runHourly(bench, MONDAY_10);
    const thread = bench.wb.emu.gmail.sent(ALEX).find((m) => m.to === ANA.email)!.threadId;
    bench.wb.emu.gmail.sendAsUser(ALEX, {
      from: alias,
      to: ANA.email,
      subject: "Re: Quick question about the pilot",
      body: "One more thing.",
      threadId: thread,
    });
    bench.wb.emu.gmail.sendAsUser(ALEX, {
      to: ANA.email,
      subject: "Coffee?",
      body: "Free on Thursday?",
    });
    runHourly(bench, new Date(MONDAY_10.getTime() + HOUR_MS));
    expect(touchesOf(bench.wb, ANA.id)).toMatchObject([
      { Source: "Automation", Outcome: "Sent" },
      {
        Source: "Gmail",
        Direction: "Outbound",
        Outcome: "Sent",
        Notes: "To ana@client.test: Re: Quick question about the pilot",
      },
      {
        Source: "Gmail",
        Direction: "Outbound",
        Outcome: "Sent",
        Notes: "To ana@client.test: Coffee?",
      },
    ]);
    expect(contactRow(bench.wb, ANA.id)["Status"]).not.toBe("Replied");
    expect(lastRun(bench.wb)["Replies Found"]).toBe(0);
  });

  test("anyone else writing on a Touchbase thread is a reply for its contact", () => {
    const bench = emailBench([ANA]);
    runHourly(bench, MONDAY_10);
    const thread = bench.wb.emu.gmail.sent(ALEX)[0]!.threadId;
    bench.wb.emu.gmail.deliverInbound({
      to: ALEX,
      from: "Her Boss <boss@client.test>",
      body: "Ana is away; I can help.",
      threadId: thread,
    });
    runHourly(bench, TUESDAY_10);
    expect(touchesOf(bench.wb, ANA.id).map((t) => t["Outcome"])).toEqual(["Sent", "Replied"]);
    expect(sentTo(bench.wb)).toEqual([ANA.email]);
    // The sync runs after the refresh's write: the next run's refresh shows the reply.
    runHourly(bench, new Date(TUESDAY_10.getTime() + HOUR_MS));
    expect(contactRow(bench.wb, ANA.id)["Status"]).toBe("Replied");
    expect(sentTo(bench.wb)).toEqual([ANA.email]);
  });

  test("a message two teammates both receive is logged once", () => {
    const bench = emailBench([ANA]);
    bench.wb.menu("menuTurnOnAutomation", SAM);
    const samTrigger = bench.wb.emu.triggers.forUser(SAM)[0]!;
    bench.wb.emu.gmail.deliverInbound({
      to: ALEX,
      cc: SAM,
      from: ANA.email,
      subject: "Question",
      body: "Can we talk?",
    });
    runHourly(bench, MONDAY_10);
    runHourly(
      { wb: bench.wb, triggerUid: samTrigger.uid },
      new Date(MONDAY_10.getTime() + 60_000),
      SAM,
    );
    expect(touchesOf(bench.wb, ANA.id).filter((t) => t["Source"] === "Gmail")).toHaveLength(1);
    // She wrote first: the reply stops the automated step.
    expect(sentTo(bench.wb)).toEqual([]);
  });
});
