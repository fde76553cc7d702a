// What each menu item does. Thin: the work lives in triggers/, sheets/ and domain/; these
// functions pick the active spreadsheet and user, and tell the person what happened.
import { escapeHtml } from "../domain/html";
import { errorMessage } from "../errors";
import { setupSheets } from "../sheets/setup";
import { turnOffAutomation, turnOnAutomation } from "../triggers/automation";
import { performRun, readAndPlan } from "../triggers/run";
import { duePreviewRows } from "../domain/preview";

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
      user: Session.getEffectiveUser().getEmail(),
      trigger: "Menu",
      digest: { kind: "skip" },
    });
    if (record.error) {
      alert("Refresh now", `Touchbase could not refresh: ${record.error}`);
      return;
    }
    const problems = record.problems ? `\n\nProblems: ${record.problems}` : "";
    alert(
      "Refresh now",
      `Refreshed ${record.contacts} contacts: ${record.overdue} overdue, ${record.due} due today.${problems}`,
    );
  });
}

export function menuSendMyDigestNow(): void {
  guarded("Send my digest now", () => {
    const user = Session.getEffectiveUser().getEmail();
    const record = performRun({
      spreadsheet: SpreadsheetApp.getActiveSpreadsheet(),
      user,
      trigger: "Digest now",
      digest: { kind: "now" },
    });
    if (record.error) alert("Send my digest now", record.error);
    else if (record.digests > 0) alert("Send my digest now", `Your digest was sent to ${user}.`);
    else
      alert(
        "Send my digest now",
        "Nothing needs you today: no replies, nothing overdue or due. No digest sent.",
      );
  });
}

export function menuPreviewDueEmails(): void {
  guarded("Preview due emails", () => {
    const user = Session.getEffectiveUser().getEmail();
    const { plan, settings, zone } = readAndPlan(
      SpreadsheetApp.getActiveSpreadsheet(),
      user,
      new Date(),
    );
    const rows = duePreviewRows({ rows: plan.rows, user, settings, zone });
    const body =
      rows.length === 0
        ? "<p>No automated emails are due for your contacts.</p>"
        : `<table style="border-collapse:collapse;font:13px Arial,sans-serif">
<tr><th align="left">Contact</th><th align="left">Step</th><th align="left">Template</th><th align="left">Due</th><th align="left">Will</th></tr>
${rows
  .map(
    (r) =>
      `<tr><td>${escapeHtml(r.contact)}</td><td>${escapeHtml(r.step)}</td><td>${escapeHtml(r.template)}</td><td>${escapeHtml(r.due)}</td><td>${escapeHtml(r.action)}</td></tr>`,
  )
  .join("\n")}
</table>`;
    const html = HtmlService.createHtmlOutput(
      `<div style="font:13px Arial,sans-serif"><p>Email mode: <b>${escapeHtml(settings.emailMode)}</b></p>${body}</div>`,
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
