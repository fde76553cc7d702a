import { MESSAGES } from "../../emulator";
import { ANA, BEN, newEmulator } from "./helpers";

const bundle = `
  function send(to, subject, count) {
    for (var i = 0; i < (count || 1); i++) MailApp.sendEmail(to, subject, "body");
    return MailApp.getRemainingDailyQuota();
  }
  function gsend(to, subject, options) { GmailApp.sendEmail(to, subject, "body", options || {}); }
  function quota() { return MailApp.getRemainingDailyQuota(); }
  function messageForm() { MailApp.sendEmail({ to: "a@example.com", subject: "Hi", body: "B", htmlBody: "<b>B</b>", name: "Touchbase" }); }
`;

function recipients(n: number): string {
  return Array.from({ length: n }, (_, i) => `c${i}@example.com`).join(",");
}

describe("email quota", () => {
  test("past the daily recipient quota sending throws the quota message", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(bundle);
    expect(app.call("send", "x@example.com", "s", 99).value).toBe(1);
    expect(app.call("send", "x@example.com", "s", 1).value).toBe(0);
    const over = app.call("gsend", "x@example.com", "s");
    expect(over.error?.message).toBe("Service invoked too many times for one day: email.");
    expect(emu.gmail.sent(ANA)).toHaveLength(100);
  });

  test("recipients count toward the quota; Workspace users get 1,500; the quota is per user per day", () => {
    const emu = newEmulator({
      users: [
        { email: ANA, name: "Ana" },
        { email: BEN, name: "Ben", dailyEmailQuota: 1500 },
      ],
      advanceClockAfterExecutions: false,
    });
    const app = emu.loadBundleSource(bundle);
    app.run({ user: ANA }, "gsend", recipients(10), "s", { cc: recipients(5).replace(/c/g, "d") });
    expect(app.run({ user: ANA }, "quota").value).toBe(85);
    expect(app.run({ user: BEN }, "quota").value).toBe(1500);
    emu.clock.advance(24 * 3600_000);
    expect(app.run({ user: ANA }, "quota").value).toBe(100);
  });
});

describe("per-message limits", () => {
  test("a subject over 250 characters throws", () => {
    const app = newEmulator().loadBundleSource(bundle);
    expect(app.call("gsend", "x@example.com", "s".repeat(250)).error).toBeUndefined();
    expect(app.call("gsend", "x@example.com", "s".repeat(251)).error?.message).toBe(
      "Argument too large: subject",
    );
    expect(app.call("send", "x@example.com", "s".repeat(251)).error?.message).toBe(
      MESSAGES.subjectTooLong,
    );
  });

  test("more than 50 recipients (to + cc + bcc) throws", () => {
    const app = newEmulator().loadBundleSource(bundle);
    expect(app.call("gsend", recipients(50), "s").error).toBeUndefined();
    expect(
      app.call("gsend", recipients(49), "s", { bcc: "z1@example.com,z2@example.com" }).error
        ?.message,
    ).toBe(MESSAGES.tooManyRecipients);
  });

  test("an invalid address is named", () => {
    const app = newEmulator().loadBundleSource(bundle);
    expect(app.call("gsend", "not-an-address", "s").error?.message).toBe(
      "Invalid email: not-an-address",
    );
  });

  test("MailApp's message-object form sends with a display name and HTML", () => {
    const emu = newEmulator();
    emu.loadBundleSource(bundle).call("messageForm");
    const [sent] = emu.gmail.sent(ANA);
    expect(sent?.from).toBe("Touchbase <ana@acme.test>");
    expect(sent?.htmlBody).toBe("<b>B</b>");
    expect(sent?.via).toBe("MailApp");
  });
});

describe("mail between emulated users", () => {
  test("lands in the sender's Sent and the recipient's Inbox; replies stay in one thread", () => {
    const emu = newEmulator();
    const app = emu.loadBundleSource(`
      function send() { GmailApp.sendEmail("ben@acme.test", "Proposal", "Here it is"); }
      function replyAll() {
        var thread = GmailApp.search("subject:Proposal in:inbox")[0];
        thread.reply("Thanks!");
        return thread.getId();
      }
      function threadOf() { var t = GmailApp.search("subject:Proposal")[0]; return [t.getId(), t.getMessageCount()]; }
    `);
    app.run({ user: ANA }, "send");
    expect(emu.gmail.inbox(BEN).map((m) => [m.from, m.subject])).toEqual([
      ["Ana Ortiz <ana@acme.test>", "Proposal"],
    ]);
    const benThread = app.run({ user: BEN }, "replyAll").value;
    expect(app.run({ user: BEN }, "threadOf").value).toEqual([benThread, 2]);
    const anaThread = app.run({ user: ANA }, "threadOf").value as [string, number];
    expect(anaThread[1]).toBe(2);
    expect(emu.gmail.inbox(ANA).map((m) => m.subject)).toEqual(["Re: Proposal"]);
  });
});
