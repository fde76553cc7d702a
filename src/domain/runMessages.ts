// The words Touchbase uses when a run cannot do all its work (DESIGN §3 step 1, §4's lease, and
// APPS-SCRIPT-FACTS on locks, triggers, authorization and lost access): Runs rows, menu alerts and
// the one-time emails that tell a person why their automation stopped. Pure text, no I/O.

/** Where an editor add-on's menu lives in Google Sheets. */
const MENU = "Extensions › Touchbase";

/** Who holds a spreadsheet's run lease: the user, what they started, and when. */
export interface LeaseHolder {
  readonly user: string;
  /** What holds it, in words: "the hourly run", "Refresh now", "Set up / repair sheets". */
  readonly activity: string;
  /** ISO instant the lease was taken. */
  readonly since: string;
}

/** What a run started from the Runs tab's Trigger word is called in a sentence. */
export function activityOf(trigger: string): string {
  if (trigger === "Hourly") return "the hourly run";
  if (trigger === "Menu") return "Refresh now";
  if (trigger === "Digest now") return "Send my digest now";
  return trigger;
}

function minutesAgo(since: string, now: Date): string {
  const minutes = Math.max(0, Math.round((now.getTime() - Date.parse(since)) / 60_000));
  if (!Number.isFinite(minutes)) return "a moment ago";
  if (minutes === 0) return "less than a minute ago";
  return minutes === 1 ? "1 minute ago" : `${minutes} minutes ago`;
}

/** The lease is held: another run or menu action is working on this spreadsheet. */
export function leaseHeldMessage(holder: LeaseHolder | null, now: Date): string {
  const who = holder
    ? `${holder.activity} for ${holder.user || "another user"}, started ${minutesAgo(holder.since, now)}`
    : "another run";
  return `Touchbase is already working on this spreadsheet (${who}), so this run left it alone. The next run will catch up; a menu action can be tried again in a few minutes.`;
}

/** The script lock, shared by every spreadsheet using Touchbase, stayed busy past the wait. */
export function scriptLockBusyMessage(waitSeconds: number): string {
  return `Touchbase's shared lock (one for every spreadsheet that uses Touchbase) stayed busy for more than ${waitSeconds} seconds, so this run did not start. The next run will catch up; if every run says this, tell the Touchbase team.`;
}

/** Taking the lease failed for another reason (a service error). */
export function leaseFailedMessage(error: string): string {
  return `Touchbase could not check whether another run is working on this spreadsheet (${error}), so this run did nothing. The next run will try again.`;
}

/** The script lock could not be let go: it ends with this run instead. */
export function scriptLockNotReleasedMessage(error: string): string {
  return `Touchbase could not let go of its shared lock (${error}); runs of other spreadsheets waited until this run ended.`;
}

/** The lease could not be handed back: it expires by itself. */
export function leaseNotReleasedMessage(error: string, leaseMinutes: string): string {
  return `Touchbase could not hand back this spreadsheet's run lease (${error}): other runs and menu actions here will say Touchbase is busy for up to ${leaseMinutes} minutes.`;
}

/** Gmail refused the sync while Touchbase waits to be authorized again. */
export function gmailSkippedMessage(error: string): string {
  return `Gmail sync and automated emails were skipped until you authorize Touchbase again (${error}).`;
}

/** Writing the run's results failed; whatever else the run does still happens. */
export function writeFailedMessage(error: string): string {
  if (/protected cell|protected range|protection/i.test(error)) {
    return `Touchbase could not write to Contacts or Touches: a protected range keeps you from editing it (${error}). Ask the spreadsheet's owner to add you to that protection's editors (Data › Protect sheets and ranges), or to make it a warning only. The rest of the run went on (your digest, when due, was sent).`;
  }
  return `Touchbase could not write its results to the sheet (${error}). The rest of the run went on (your digest, when due, was sent); the next run writes again.`;
}

/** Authorization is out of date after an update added a permission (Runs row). */
export const REAUTHORIZE_RUN_MESSAGE = `Touchbase needs you to authorize it again: an update added a permission you have not granted yet. Until you do, steps that need it are skipped. Open this spreadsheet and choose any item in ${MENU} (or the link Touchbase emailed you).`;

export interface NoticeEmail {
  readonly subject: string;
  readonly body: string;
}

/** The one email after a scope change (REQUIRED authorization). */
export function reauthorizeEmail(authorizationUrl: string, spreadsheetUrl: string): NoticeEmail {
  return {
    subject: "Touchbase needs your permission again",
    body: [
      "An update of Touchbase needs a permission you have not granted yet, so your hourly Touchbase run skips the steps that need it.",
      "",
      `To grant it, open this link: ${authorizationUrl || "(no link was given)"}`,
      `Or open the spreadsheet and choose any item in ${MENU}: ${spreadsheetUrl}`,
      "",
      "Touchbase sends this email once; the Runs tab notes it on every run until you do.",
    ].join("\n"),
  };
}

/** Why Touchbase turned a user's automation off by itself. */
export type StopReason = "no-access" | "no-edit-access" | "cannot-open" | "no-spreadsheet";

/** The one email when Touchbase removes a user's hourly trigger. */
export function automationStoppedEmail(
  reason: StopReason,
  spreadsheetUrl: string,
  error: string,
): NoticeEmail {
  const turnOnAgain = `choose ${MENU} › Turn on automation for me there`;
  const why: Record<StopReason, string> = {
    "no-access": `you no longer have access to the spreadsheet ${spreadsheetUrl} (${error}). If you should, ask its owner to share it with you as an editor, then ${turnOnAgain}.`,
    "no-edit-access": `you can no longer edit the spreadsheet ${spreadsheetUrl} (${error}). If you should, ask its owner to make you an editor again, then ${turnOnAgain}.`,
    "cannot-open": `it could not open the spreadsheet ${spreadsheetUrl} for a whole day (${error}); it may have been deleted. If it still exists, open it and ${turnOnAgain}.`,
    "no-spreadsheet": `it no longer knew which spreadsheet it works on: Touchbase's settings in your Google account were cleared, or turning automation on was interrupted. Open the spreadsheet and choose ${MENU} › Turn on automation for me to start it again.`,
  };
  return {
    subject: "Touchbase turned off one of your hourly runs",
    body: `Touchbase turned off your hourly automation because ${why[reason]}\n\nNothing else was changed.`,
  };
}

/**
 * The platform refused the user the spreadsheet: removed (openById throws) or made a viewer (the
 * first write throws). Not a protected range ("You are trying to edit a protected cell…"), and not
 * a passing service error: only these remove a trigger at once.
 */
export function isAccessDenied(error: string): boolean {
  return /(do not|don't) have permission to (access|edit)/i.test(error);
}

/** Google's limit of 20 triggers per user per script: our own words instead of Google's. */
export function isTriggerLimitError(error: string): boolean {
  return /too many triggers/i.test(error);
}

export const TRIGGER_LIMIT_MESSAGE = `You already have 20 Touchbase automations, the most Google allows one person. Turn automation off in a spreadsheet you no longer use (${MENU} › Turn off automation for me there), then try again here.`;

/** A spreadsheet's address from its id (no service call needed). */
export function spreadsheetUrl(spreadsheetId: string): string {
  return `https://docs.google.com/spreadsheets/d/${spreadsheetId}/edit`;
}
