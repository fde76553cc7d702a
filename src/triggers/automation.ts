// Turning automation on and off for one user in one spreadsheet, and the hourly trigger's entry
// (DESIGN §3). Editor add-ons may own one time-driven trigger per user per document: turning it on
// twice must never try to make a second one (Apps Script would throw). An automation that can no
// longer run (APPS-SCRIPT-FACTS: lost access, cleared properties, a scope added) says so once —
// Runs when the sheet opens, one email — and removes itself rather than failing hourly unseen.
import {
  automationStoppedEmail,
  isAccessDenied,
  isTriggerLimitError,
  reauthorizeEmail,
  spreadsheetUrl,
  TRIGGER_LIMIT_MESSAGE,
  type NoticeEmail,
  type StopReason,
} from "../domain/runMessages";
import { errorMessage } from "../errors";
import { sendNotice } from "../gmail/noticeMail";
import { performRun } from "./run";
import { UserState } from "./userState";

/** The top-level function the hourly trigger calls (must match the name in main.ts). */
export const RUN_HANDLER = "runAutomation";

/** A day of hourly runs that could not open the spreadsheet (no permission error): it is gone. */
const OPEN_FAILURES_BEFORE_STOP = 24;
const REAUTHORIZE_NOTICE = "reauthorize";

export interface AutomationStatus {
  readonly on: boolean;
  readonly message: string;
}

function automationTriggers(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {
  return ScriptApp.getUserTriggers(spreadsheet).filter(
    (trigger) => trigger.getHandlerFunction() === RUN_HANDLER,
  );
}

/** True when this user's hourly trigger exists in this spreadsheet. */
export function isAutomationOn(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): boolean {
  return automationTriggers(spreadsheet).length > 0;
}

export function turnOnAutomation(): AutomationStatus {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const user = Session.getEffectiveUser().getEmail();
  const state = UserState.load();
  const existing = automationTriggers(spreadsheet);
  if (existing.length > 0) {
    // Already on — or a turn-on interrupted before it was remembered: (re)record the spreadsheet
    // for the trigger, and drop any extras.
    const [keep, ...extras] = existing;
    extras.forEach((trigger) => {
      state.forgetTrigger(trigger.getUniqueId());
      ScriptApp.deleteTrigger(trigger);
    });
    state.rememberTrigger(keep!.getUniqueId(), spreadsheet.getId(), user);
    return { on: true, message: `Automation was already on for ${user}: it runs every hour.` };
  }
  // Created, then remembered: an interruption between the two leaves a trigger without a
  // spreadsheet on record, which the next click adopts (above) and its first run removes.
  const trigger = createHourlyTrigger();
  state.rememberTrigger(trigger.getUniqueId(), spreadsheet.getId(), user);
  return {
    on: true,
    message: `Automation is on for ${user}: Touchbase refreshes this sheet every hour and emails your digest each morning.`,
  };
}

function createHourlyTrigger(): GoogleAppsScript.Script.Trigger {
  try {
    return ScriptApp.newTrigger(RUN_HANDLER).timeBased().everyHours(1).create();
  } catch (error) {
    if (!isTriggerLimitError(errorMessage(error))) throw error;
    // Our own words for Google's limit; the platform's error stays attached as the cause.
    throw Object.assign(new Error(TRIGGER_LIMIT_MESSAGE), { cause: error });
  }
}

export function turnOffAutomation(): AutomationStatus {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const user = Session.getEffectiveUser().getEmail();
  const state = UserState.load();
  const existing = automationTriggers(spreadsheet);
  existing.forEach((trigger) => {
    state.forgetTrigger(trigger.getUniqueId());
    ScriptApp.deleteTrigger(trigger);
  });
  return {
    on: false,
    message:
      existing.length > 0
        ? `Automation is off for ${user}. Other people's automation is unchanged.`
        : `Automation was not on for ${user}.`,
  };
}

/**
 * The hourly trigger. In an add-on's time trigger there is no active spreadsheet: the trigger's
 * unique id leads to the spreadsheet id kept when automation was turned on. Never throws.
 */
export function runAutomation(event?: GoogleAppsScript.Events.TimeDriven): void {
  const triggerUid = event?.triggerUid ?? "";
  try {
    const state = UserState.load();
    const authorizationUrl = authorizationUrlIfRequired(state);
    const spreadsheetId = state.spreadsheetIdForTrigger(triggerUid);
    if (!spreadsheetId) {
      stopAutomation(state, triggerUid, "no-spreadsheet", "", "");
      return;
    }
    if (authorizationUrl !== null) tellToReauthorize(state, authorizationUrl, spreadsheetId);
    const spreadsheet = openSpreadsheet(
      state,
      triggerUid,
      spreadsheetId,
      authorizationUrl !== null,
    );
    if (!spreadsheet) return;
    const record = performRun({
      spreadsheet,
      spreadsheetId,
      user: state.userEmail() || Session.getEffectiveUser().getEmail(),
      trigger: "Hourly",
      digest: state.digestDayMark(spreadsheetId),
      authorizationRequired: authorizationUrl !== null,
    });
    state.clearOpenFailures(triggerUid);
    // A viewer now: the first write (at the latest the Runs row) was refused.
    if (isAccessDenied(record.error)) {
      stopAutomation(state, triggerUid, "no-edit-access", spreadsheetId, record.error);
    }
  } catch (error) {
    console.error(`Touchbase automation run failed: ${errorMessage(error)}`);
  }
}

/**
 * After a scope is added, triggers keep firing and fail at the first call needing it (nobody is
 * told). null when authorization is fine (and a past notice is forgotten, so the next scope change
 * is told again); else the URL where the user grants it.
 */
function authorizationUrlIfRequired(state: UserState): string | null {
  const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
  const required =
    String(info.getAuthorizationStatus()) === String(ScriptApp.AuthorizationStatus.REQUIRED);
  if (!required) {
    state.clearNotice(REAUTHORIZE_NOTICE);
    return null;
  }
  return info.getAuthorizationUrl() ?? "";
}

function tellToReauthorize(state: UserState, authorizationUrl: string, spreadsheetId: string) {
  tellOnce(
    state,
    REAUTHORIZE_NOTICE,
    reauthorizeEmail(authorizationUrl, spreadsheetUrl(spreadsheetId)),
  );
}

/**
 * Opens the trigger's spreadsheet, or deals with why it cannot: lost access removes the
 * automation at once; any other failure (a passing service error, a deleted file) is counted, and
 * a day of them removes it. While authorization is out of date, nothing is counted.
 */
function openSpreadsheet(
  state: UserState,
  triggerUid: string,
  spreadsheetId: string,
  authorizationRequired: boolean,
): GoogleAppsScript.Spreadsheet.Spreadsheet | null {
  try {
    return SpreadsheetApp.openById(spreadsheetId);
  } catch (error) {
    const message = errorMessage(error);
    if (isAccessDenied(message)) {
      stopAutomation(state, triggerUid, "no-access", spreadsheetId, message);
      return null;
    }
    const failures = authorizationRequired ? 0 : state.countOpenFailure(triggerUid);
    if (failures >= OPEN_FAILURES_BEFORE_STOP) {
      stopAutomation(state, triggerUid, "cannot-open", spreadsheetId, message);
    } else {
      console.error(`Touchbase could not open spreadsheet ${spreadsheetId}: ${message}`);
    }
    return null;
  }
}

/**
 * Removes this user's trigger that can no longer work, and tells them once (when their address is
 * known). The email goes first: if removing the trigger fails, the next hour retries it silently.
 */
function stopAutomation(
  state: UserState,
  triggerUid: string,
  reason: StopReason,
  spreadsheetId: string,
  error: string,
): void {
  const url = spreadsheetId ? spreadsheetUrl(spreadsheetId) : "";
  console.error(
    `Touchbase turned off automation ${triggerUid || "(no id)"}: ${reason} ${url} ${error}`,
  );
  tellOnce(state, `stopped.${triggerUid}`, automationStoppedEmail(reason, url, error));
  const trigger = ScriptApp.getProjectTriggers().find((t) => t.getUniqueId() === triggerUid);
  if (trigger) ScriptApp.deleteTrigger(trigger);
  state.forgetTrigger(triggerUid);
}

/** Emails a notice unless it was sent before (a failed send is tried again next time). */
function tellOnce(state: UserState, notice: string, email: NoticeEmail): void {
  if (state.noticeSent(notice)) return;
  try {
    const to = state.userEmail() || Session.getEffectiveUser().getEmail();
    if (!to) return;
    sendNotice(to, email);
    state.markNoticeSent(notice, new Date());
  } catch (error) {
    console.error(`Touchbase could not email "${email.subject}": ${errorMessage(error)}`);
  }
}
