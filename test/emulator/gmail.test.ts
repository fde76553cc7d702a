import { ANA, newEmulator } from "./helpers";

const bundle = `
  function send(to, subject) { GmailApp.sendEmail(to, subject, "Hello"); }
  function search(q) {
    return GmailApp.search(q).map(function (t) { return t.getFirstMessageSubject(); });
  }
  function draft(to, subject) { var d = GmailApp.createDraft(to, subject, "Draft body"); return [d.getId(), d.getMessage().isDraft()]; }
  function sendDraft(id) { return GmailApp.getDraft(id).send().getThread().getId(); }
  function threadInfo(id) {
    var t = GmailApp.getThreadById(id);
    return t.getMessages().map(function (m) {
      return [m.getFrom(), m.getSubject(), m.isDraft(), m.getDate() instanceof Date, m.getHeader("Auto-Submitted")];
    });
  }
  function page(q, start, max) { return GmailApp.search(q, start, max).length; }
`;

describe("Gmail search", () => {
  test("after:<epoch seconds> is exact; after:YYYY/MM/DD means midnight US Pacific", () => {
    const emu = newEmulator({ advanceClockAfterExecutions: false });
    const app = emu.loadBundleSource(bundle);
    // 2026-11-23 07:30 UTC is still 2026-11-22 in Pacific time (UTC-8).
    emu.clock.set(new Date("2026-11-23T07:30:00Z"));
    app.call("send", "c@example.com", "early");
    emu.clock.set(new Date("2026-11-23T08:30:00Z")); // 00:30 Pacific on the 23rd
    app.call("send", "c@example.com", "late");
    const cut = Date.parse("2026-11-23T08:00:00Z") / 1000;
    expect(app.call("search", `in:sent after:${cut}`).value).toEqual(["late"]);
    expect(app.call("search", `in:sent after:${cut - 3600}`).value).toEqual(["late", "early"]);
    expect(app.call("search", "in:sent after:2026/11/23").value).toEqual(["late"]);
    expect(app.call("search", "in:sent before:2026/11/23").value).toEqual(["early"]);
  });

  test("from:, to:, subject:, in: and negation combine with AND", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    app.call("send", "carla@example.com", "Proposal for Carla");
    app.call("send", "dan@example.com", "Proposal for Dan");
    emu.gmail.deliverInbound({
      to: ANA,
      from: "Carla Diaz <carla@example.com>",
      subject: "Question",
      body: "Hi",
    });
    expect(app.call("search", "to:carla@example.com").value).toEqual(["Proposal for Carla"]);
    expect(app.call("search", "from:carla@example.com in:inbox").value).toEqual(["Question"]);
    expect(app.call("search", "subject:proposal -to:dan@example.com").value).toEqual([
      "Proposal for Carla",
    ]);
    expect(app.call("search", "from:me subject:Dan").value).toEqual(["Proposal for Dan"]);
    expect(app.call("page", "subject:proposal", 1, 10).value).toBe(1);
    expect(app.call("search", "from:a OR from:b").error?.message).toMatch(/not supported/);
  });
});

describe("drafts and threads", () => {
  test("a draft is listed, can be sent by script (counts quota) or by hand, and lands in the thread", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    const [draftId, isDraft] = app.call("draft", "carla@example.com", "Check-in").value as [
      string,
      boolean,
    ];
    expect(isDraft).toBe(true);
    expect(emu.gmail.drafts(ANA).map((d) => d.subject)).toEqual(["Check-in"]);
    expect(emu.gmail.sent(ANA)).toHaveLength(0);
    const threadId = app.call("sendDraft", draftId).value as string;
    expect(emu.gmail.drafts(ANA)).toHaveLength(0);
    expect(emu.gmail.sent(ANA).map((m) => [m.subject, m.threadId])).toEqual([
      ["Check-in", threadId],
    ]);
    expect(emu.gmail.remainingQuota(ANA)).toBe(99);

    const [byHandId] = app.call("draft", "dan@example.com", "Hello Dan").value as [string];
    const sent = emu.gmail.sendDraftAsUser(byHandId);
    expect(sent.via).toBe("hand");
    expect(emu.gmail.remainingQuota(ANA)).toBe(99);
  });

  test("inbound replies, auto-replies and bounces land on the thread", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    app.call("send", "carla@example.com", "Proposal");
    const [sent] = emu.gmail.sent(ANA);
    const threadId = sent?.threadId ?? "";
    emu.gmail.deliverInbound({ to: ANA, from: "carla@example.com", body: "Looks good", threadId });
    emu.gmail.deliverInbound({
      to: ANA,
      from: "carla@example.com",
      body: "Away",
      threadId,
      autoReply: true,
    });
    emu.gmail.deliverInbound({ to: ANA, from: "x", body: "No such user", threadId, bounce: true });
    expect(app.call("threadInfo", threadId).value).toEqual([
      ["Ana Ortiz <ana@acme.test>", "Proposal", false, true, ""],
      ["carla@example.com", "Re: Proposal", false, true, ""],
      ["carla@example.com", "Automatic reply: Proposal", false, true, "auto-replied"],
      [
        "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
        "Delivery Status Notification (Failure)",
        false,
        true,
        "auto-replied",
      ],
    ]);
  });
});

describe("replies, bounces and drafts a person deletes", () => {
  const replies = `
    function sendTo(to, subject) { GmailApp.sendEmail(to, subject, "Hello"); return GmailApp.search("subject:" + subject)[0].getId(); }
    function draftReplyAll(threadId) {
      var d = GmailApp.getThreadById(threadId).createDraftReplyAll("Follow-up");
      var m = d.getMessage();
      return [d.getId(), m.getTo(), m.getSubject(), m.getThread().getId()];
    }
    function lastHeaders(threadId) {
      var ms = GmailApp.getThreadById(threadId).getMessages();
      var m = ms[ms.length - 1];
      return [m.getFrom(), m.getHeader("X-Failed-Recipients"), m.getHeader("Auto-Submitted")];
    }
    function draftExists(id) { try { GmailApp.getDraft(id); return true; } catch (e) { return String(e.message); } }
  `;

  test("createDraftReplyAll on the user's own last message drafts to its recipients, in the thread", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(replies);
    const threadId = app.call("sendTo", "carla@example.com", "Proposal").value as string;
    const [, to, subject, draftThread] = app.call("draftReplyAll", threadId).value as string[];
    expect([to, subject, draftThread]).toEqual(["carla@example.com", "Re: Proposal", threadId]);
  });

  test("a bounce names the failed address in X-Failed-Recipients, from the mailer daemon", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(replies);
    const threadId = app.call("sendTo", "nobody@example.com", "Hello there").value as string;
    emu.gmail.deliverInbound({
      to: ANA,
      from: "x",
      body: "Address not found",
      threadId,
      bounce: true,
    });
    expect(app.call("lastHeaders", threadId).value).toEqual([
      "Mail Delivery Subsystem <mailer-daemon@googlemail.com>",
      "nobody@example.com",
      "auto-replied",
    ]);
  });

  test("a draft the owner deletes by hand is gone for the script", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(`${bundle}\n${replies}`);
    const [draftId] = app.call("draft", "carla@example.com", "Notes").value as [string, boolean];
    emu.gmail.deleteDraftAsUser(draftId);
    expect(app.call("draftExists", draftId).value).toMatch(/does not exist/);
    expect(() => emu.gmail.deleteDraftAsUser(draftId)).toThrow(/no draft/);
  });
});
