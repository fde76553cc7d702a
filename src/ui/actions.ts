// What each menu item does. Thin: the work lives in triggers/, sheets/ and domain/; these
// functions pick the active spreadsheet and user, and tell the person what happened.
import { duePreviewRows, renderPreviewHtml } from "../domain/preview";
import { digestNowSummary, refreshSummary } from "../domain/runRecord";
import { errorMessage } from "../errors";
import { setupSheets } from "../sheets/setup";
import { readWorkbook } from "../sheets/workbook";
import { turnOffAutomation, turnOnAutomation } from "../triggers/automation";
import { planDueEmails } from "../triggers/emailSteps";
import { performRun, type RunOptions } from "../triggers/run";
import { withRunLease } from "../triggers/runLease";

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
  const title = "Set up / repair sheets";
  guarded(title, () => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    // A person's column is renamed only with their yes (DESIGN §1: never overwrite their cells).
    const confirm = (question: string): boolean => {
      const dialogs = ui();
      return dialogs.alert(title, question, dialogs.ButtonSet.YES_NO) === dialogs.Button.YES;
    };
    // Set up writes tabs and headers: never while a run is writing rows (the lease says busy).
    const report = withRunLease(spreadsheet.getId(), activeUser(), title, () =>
      setupSheets(spreadsheet, SpreadsheetApp, { confirm }),
    );
    alert(title, report.summary);
  });
}

/** A run from the menu, on the active spreadsheet as the person clicking. */
function menuRun(
  trigger: RunOptions["trigger"],
  digest: RunOptions["digest"],
  metrics: RunOptions["metrics"] = "daily",
) {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return performRun({
    spreadsheet,
    spreadsheetId: spreadsheet.getId(),
    user: activeUser(),
    trigger,
    digest,
    metrics,
  });
}

export function menuRefreshNow(): void {
  guarded("Refresh now", () => {
    alert("Refresh now", refreshSummary(menuRun("Menu", "skip", "now")));
  });
}

export function menuSendMyDigestNow(): void {
  guarded("Send my digest now", () => {
    alert("Send my digest now", digestNowSummary(menuRun("Digest now", "now")));
  });
}

export function menuPreviewDueEmails(): void {
  guarded("Preview due emails", () => {
    const user = activeUser();
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const now = new Date();
    const { workbook, plan } = planDueEmails(
      spreadsheet,
      readWorkbook(spreadsheet, user, now),
      user,
      now,
    );
    const rows = duePreviewRows({
      rows: workbook.plan.rows,
      emails: plan.previews,
      user,
      settings: workbook.settings,
      zone: workbook.zone,
    });
    const html = HtmlService.createHtmlOutput(
      renderPreviewHtml(rows, workbook.settings, workbook.zone, now),
    )
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
