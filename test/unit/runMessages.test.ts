// The words a run, a menu alert or a one-time email uses when Touchbase cannot do all its work
// (DESIGN §3 step 1, §4's lease): written out in full, since the wording is what a person reads.
import {
  activityOf,
  automationStoppedEmail,
  gmailSkippedMessage,
  isAccessDenied,
  isTriggerLimitError,
  leaseFailedMessage,
  leaseHeldMessage,
  leaseNotReleasedMessage,
  REAUTHORIZE_RUN_MESSAGE,
  reauthorizeEmail,
  scriptLockBusyMessage,
  scriptLockNotReleasedMessage,
  spreadsheetUrl,
  TRIGGER_LIMIT_MESSAGE,
  type StopReason,
  writeFailedMessage,
} from "../../src/domain/runMessages";

const NOW = new Date("2026-03-20T11:00:00.000Z");
const secondsBefore = (seconds: number) => new Date(NOW.getTime() - seconds * 1000).toISOString();
const SHEET = "https://docs.google.com/spreadsheets/d/abc123/edit";

describe("who holds the run lease", () => {
  it("names what a Runs tab Trigger word started", () => {
    expect(["Hourly", "Menu", "Digest now", "Set up / repair sheets"].map(activityOf)).toEqual([
      "the hourly run",
      "Refresh now",
      "Send my digest now",
      "Set up / repair sheets",
    ]);
  });

  it("says who is working on the spreadsheet, what they started and when", () => {
    const held = (seconds: number) =>
      leaseHeldMessage(
        { user: "sam@acme.test", activity: "Refresh now", since: secondsBefore(seconds) },
        NOW,
      );
    expect(held(120)).toBe(
      "Touchbase is already working on this spreadsheet (Refresh now for sam@acme.test, started 2 minutes ago), so this run left it alone. The next run will catch up; a menu action can be tried again in a few minutes.",
    );
    expect(held(60)).toContain("(Refresh now for sam@acme.test, started 1 minute ago)");
  });

  it("rounds the lease's age to whole minutes, and copes with a clock ahead or a bad time", () => {
    const started = (since: string) =>
      /started (.*)\)/.exec(
        leaseHeldMessage({ user: "sam@acme.test", activity: "the hourly run", since }, NOW),
      )?.[1];
    expect([29, 89, 90, 600].map((seconds) => started(secondsBefore(seconds)))).toEqual([
      "less than a minute ago",
      "1 minute ago",
      "2 minutes ago",
      "10 minutes ago",
    ]);
    expect(started(secondsBefore(-300))).toBe("less than a minute ago");
    expect(started("not a time")).toBe("a moment ago");
  });

  it("says another user or another run when it cannot tell who", () => {
    expect(
      leaseHeldMessage({ user: "", activity: "the hourly run", since: secondsBefore(0) }, NOW),
    ).toContain("(the hourly run for another user, started less than a minute ago)");
    expect(leaseHeldMessage(null, NOW)).toBe(
      "Touchbase is already working on this spreadsheet (another run), so this run left it alone. The next run will catch up; a menu action can be tried again in a few minutes.",
    );
  });
});

describe("a run that could not start or finish cleanly", () => {
  it("explains the shared lock, the lease and their release failures", () => {
    expect(scriptLockBusyMessage(10)).toBe(
      "Touchbase's shared lock (one for every spreadsheet that uses Touchbase) stayed busy for more than 10 seconds, so this run did not start. The next run will catch up; if every run says this, tell the Touchbase team.",
    );
    expect(leaseFailedMessage("Service error: Cache")).toBe(
      "Touchbase could not check whether another run is working on this spreadsheet (Service error: Cache), so this run did nothing. The next run will try again.",
    );
    expect(scriptLockNotReleasedMessage("Lock timeout")).toBe(
      "Touchbase could not let go of its shared lock (Lock timeout); runs of other spreadsheets waited until this run ended.",
    );
    expect(leaseNotReleasedMessage("Service error: Cache", "6½")).toBe(
      "Touchbase could not hand back this spreadsheet's run lease (Service error: Cache): other runs and menu actions here will say Touchbase is busy for up to 6½ minutes.",
    );
  });

  it("says Gmail steps wait for authorization", () => {
    expect(gmailSkippedMessage("Authorization is required")).toBe(
      "Gmail sync and automated emails were skipped until you authorize Touchbase again (Authorization is required).",
    );
  });

  it("tells a protected range from any other write failure", () => {
    const protectedMessage = (error: string) =>
      `Touchbase could not write to Contacts or Touches: a protected range keeps you from editing it (${error}). Ask the spreadsheet's owner to add you to that protection's editors (Data › Protect sheets and ranges), or to make it a warning only. The rest of the run went on (your digest, when due, was sent).`;
    for (const error of [
      "You are trying to edit a protected cell or object.",
      "Exception: Protected Range",
      "Range PROTECTION blocks this edit",
    ]) {
      expect(writeFailedMessage(error)).toBe(protectedMessage(error));
    }
    expect(writeFailedMessage("Service Spreadsheets timed out")).toBe(
      "Touchbase could not write its results to the sheet (Service Spreadsheets timed out). The rest of the run went on (your digest, when due, was sent); the next run writes again.",
    );
  });
});

describe("authorization and stopped automation", () => {
  it("asks for authorization again on the Runs tab and once by email", () => {
    expect(REAUTHORIZE_RUN_MESSAGE).toBe(
      "Touchbase needs you to authorize it again: an update added a permission you have not granted yet. Until you do, steps that need it are skipped. Open this spreadsheet and choose any item in Extensions › Touchbase (or the link Touchbase emailed you).",
    );
    expect(reauthorizeEmail("https://script.google.com/auth?x=1", SHEET)).toEqual({
      subject: "Touchbase needs your permission again",
      body: [
        "An update of Touchbase needs a permission you have not granted yet, so your hourly Touchbase run skips the steps that need it.",
        "",
        "To grant it, open this link: https://script.google.com/auth?x=1",
        `Or open the spreadsheet and choose any item in Extensions › Touchbase: ${SHEET}`,
        "",
        "Touchbase sends this email once; the Runs tab notes it on every run until you do.",
      ].join("\n"),
    });
    expect(reauthorizeEmail("", SHEET).body.split("\n")[2]).toBe(
      "To grant it, open this link: (no link was given)",
    );
  });

  it("says why automation was turned off and how to turn it on again, for each reason", () => {
    const bodies = Object.fromEntries(
      (["no-access", "no-edit-access", "cannot-open", "no-spreadsheet"] as StopReason[]).map(
        (reason) => {
          const email = automationStoppedEmail(reason, SHEET, "Access denied");
          expect(email.subject).toBe("Touchbase turned off one of your hourly runs");
          return [reason, email.body];
        },
      ),
    );
    const turnOn = "choose Extensions › Touchbase › Turn on automation for me there";
    const end = "\n\nNothing else was changed.";
    expect(bodies).toEqual({
      "no-access": `Touchbase turned off your hourly automation because you no longer have access to the spreadsheet ${SHEET} (Access denied). If you should, ask its owner to share it with you as an editor, then ${turnOn}.${end}`,
      "no-edit-access": `Touchbase turned off your hourly automation because you can no longer edit the spreadsheet ${SHEET} (Access denied). If you should, ask its owner to make you an editor again, then ${turnOn}.${end}`,
      "cannot-open": `Touchbase turned off your hourly automation because it could not open the spreadsheet ${SHEET} for a whole day (Access denied); it may have been deleted. If it still exists, open it and ${turnOn}.${end}`,
      "no-spreadsheet": `Touchbase turned off your hourly automation because it no longer knew which spreadsheet it works on: Touchbase's settings in your Google account were cleared, or turning automation on was interrupted. Open the spreadsheet and choose Extensions › Touchbase › Turn on automation for me to start it again.${end}`,
    });
  });

  it("takes only a refused spreadsheet as lost access, not a protected range or a passing error", () => {
    const denied = [
      "You do not have permission to access the requested document.",
      "Exception: You don't have permission to edit this spreadsheet",
      "YOU DO NOT HAVE PERMISSION TO EDIT",
      "you don't have permission to access it",
    ];
    const notDenied = [
      "You are trying to edit a protected cell or object. Please contact the spreadsheet owner.",
      "You do not have permission to call SpreadsheetApp.openById",
      "Service Spreadsheets failed while accessing document",
      "You have permission to access",
    ];
    expect(denied.filter((e) => !isAccessDenied(e))).toEqual([]);
    expect(notDenied.filter(isAccessDenied)).toEqual([]);
  });

  it("puts Google's trigger limit in our own words", () => {
    expect(
      ["This script has too many triggers. Triggers must be deleted.", "TOO MANY TRIGGERS"].map(
        isTriggerLimitError,
      ),
    ).toEqual([true, true]);
    expect(["Too many requests", "triggers: 20"].map(isTriggerLimitError)).toEqual([false, false]);
    expect(TRIGGER_LIMIT_MESSAGE).toBe(
      "You already have 20 Touchbase automations, the most Google allows one person. Turn automation off in a spreadsheet you no longer use (Extensions › Touchbase › Turn off automation for me there), then try again here.",
    );
  });

  it("builds a spreadsheet's address from its id", () => {
    expect(spreadsheetUrl("abc123")).toBe(SHEET);
  });
});
