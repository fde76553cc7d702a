// Turning automation on and off for one user in one spreadsheet, and the hourly trigger's entry.
// Editor add-ons may own one time-driven trigger per user per document: turning it on twice
// must never try to make a second one (Apps Script would throw).
import { errorMessage } from "../errors";
import { performRun } from "./run";
import { UserState } from "./userState";

/** The top-level function the hourly trigger calls (must match the name in main.ts). */
export const RUN_HANDLER = "runAutomation";

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
    // Already on: make sure the trigger still knows its spreadsheet, and drop any extras.
    const [keep, ...extras] = existing;
    extras.forEach((trigger) => {
      state.forgetTrigger(trigger.getUniqueId());
      ScriptApp.deleteTrigger(trigger);
    });
    state.rememberTrigger(keep!.getUniqueId(), spreadsheet.getId(), user);
    return { on: true, message: `Automation was already on for ${user}: it runs every hour.` };
  }
  const trigger = ScriptApp.newTrigger(RUN_HANDLER).timeBased().everyHours(1).create();
  state.rememberTrigger(trigger.getUniqueId(), spreadsheet.getId(), user);
  return {
    on: true,
    message: `Automation is on for ${user}: Touchbase refreshes this sheet every hour and emails your digest each morning.`,
  };
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
  try {
    const state = UserState.load();
    const triggerUid = event?.triggerUid ?? "";
    const spreadsheetId = state.spreadsheetIdForTrigger(triggerUid);
    if (!spreadsheetId) {
      console.error(
        `Touchbase: trigger ${triggerUid || "(no id)"} has no spreadsheet on record. Turn automation off and on again in the sheet.`,
      );
      return;
    }
    const spreadsheet = SpreadsheetApp.openById(spreadsheetId);
    const user = state.userEmail() || Session.getEffectiveUser().getEmail();
    performRun({
      spreadsheet,
      user,
      trigger: "Hourly",
      digest: state.digestDayMark(spreadsheetId),
    });
  } catch (error) {
    console.error(`Touchbase automation run failed: ${errorMessage(error)}`);
  }
}
