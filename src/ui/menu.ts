// The add-on menu (DESIGN §6). Captions are part of the product contract.
// onOpen may run in AuthMode.NONE (the add-on not yet used in this file): then it may only build
// the menu — no properties, no reading the sheet. Each item asks for authorization when clicked.

export const MENU_ITEMS: readonly { caption: string; functionName: string }[] = [
  { caption: "Open Touchbase", functionName: "menuOpenSidebar" },
  { caption: "Log touch for selected row", functionName: "menuLogTouchForSelectedRow" },
  { caption: "Set up / repair sheets", functionName: "menuSetUpSheets" },
  { caption: "Refresh now", functionName: "menuRefreshNow" },
  { caption: "Preview due emails", functionName: "menuPreviewDueEmails" },
  { caption: "Send my digest now", functionName: "menuSendMyDigestNow" },
  { caption: "Turn on automation for me", functionName: "menuTurnOnAutomation" },
  { caption: "Turn off automation for me", functionName: "menuTurnOffAutomation" },
  { caption: "Import contacts", functionName: "menuImportContacts" },
  { caption: "Archive old touches", functionName: "menuArchiveOldTouches" },
];

/** Items after which a separator groups the menu: daily use · maintenance · automation · data. */
const SEPARATE_AFTER = new Set([
  "menuLogTouchForSelectedRow",
  "menuSendMyDigestNow",
  "menuTurnOffAutomation",
]);

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU_ITEMS) {
    menu.addItem(item.caption, item.functionName);
    if (SEPARATE_AFTER.has(item.functionName)) menu.addSeparator();
  }
  menu.addToUi();
}

/** Runs in AuthMode.FULL when the add-on is installed; the menu must appear at once. */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}
