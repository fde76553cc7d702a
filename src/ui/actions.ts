// What each menu item does. Thin: the work lives in triggers/, sheets/ and domain/; these
// functions pick the active spreadsheet and user, and tell the person what happened.
import { duePreviewRows, renderPreviewHtml } from "../domain/preview";
import { digestNowSummary, refreshSummary } from "../domain/runRecord";
import { errorMessage } from "../errors";
import { setupSheets } from "../sheets/setup";
import { readWorkbook } from "../sheets/workbook";
import { turnOffAutomation, turnOnAutomation } from "../triggers/automation";
import { performRun } from "../triggers/run";

const SIDEBAR_FILE = "Sidebar";

function ui(): GoogleAppsScript.Base.Ui {
  return SpreadsheetApp.getUi();
}

function alert(title: string, message: string): void {
  const dialogs = ui();
  dialogs.alert(title, message, dialogs.ButtonSet.OK);
}

/** Runs a menu action; any error is shown to the person instead of a raw stack trace. */
function guarded(title: string, action: () => void): void {
  try {
    action();
  } catch (error) {
    alert(title, errorMessage(error));
  }
}

function activeUser(): string {
  return Session.getEffectiveUser().getEmail();
}

export function menuOpenSidebar(): void {
  guarded("Open Touchbase", () => {
    const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).setTitle("Touchbase");
    ui().showSidebar(html);
  });
}

export function menuLogTouchForSelectedRow(): void {
  // The sidebar opens on the selected row's contact (it reads the selection when it loads).
  menuOpenSidebar();
}

export function menuSetUpSheets(): void {
  guarded("Set up / repair sheets", () => {
    const report = setupSheets(SpreadsheetApp.getActiveSpreadsheet());
    alert("Set up / repair sheets", report.summary);
  });
}

export function menuRefreshNow(): void {
  guarded("Refresh now", () => {
    const record = performRun({
      spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
      user: activeUser(),
      trigger: "Menu",
      digest: "skip",
      metrics: "now",
    });
    alert("Refresh now", refreshSummary(record));
  });
}

export function menuSendMyDigestNow(): void {
  guarded("Send my digest now", () => {
    const record = performRun({
      spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
      user: activeUser(),
      trigger: "Digest now",
      digest: "now",
    });
    alert("Send my digest now", digestNowSummary(record));
  });
}

export function menuPreviewDueEmails(): void {
  guarded("Preview due emails", () => {
    const user = activeUser();
    const workbook = readWorkbook(SpreadsheetApp.getActiveSpreadsheet(), user, new Date());
    const rows = duePreviewRows({
      rows: workbook.plan.rows,
      user,
      settings: workbook.settings,
      zone: workbook.zone,
    });
    const html = HtmlService.createHtmlOutput(renderPreviewHtml(rows, workbook.settings))
      .setWidth(640)
      .setHeight(420);
    ui().showModalDialog(html, "Preview due emails");
  });
}

export function menuTurnOnAutomation(): void {
  guarded("Turn on automation for me", () => {
    alert("Turn on automation for me", turnOnAutomation().message);
  });
}

export function menuTurnOffAutomation(): void {
  guarded("Turn off automation for me", () => {
    alert("Turn off automation for me", turnOffAutomation().message);
  });
}
