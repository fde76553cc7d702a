// The add-on menu and the windows it opens, through the built bundle (DESIGN §6,
// APPS-SCRIPT-FACTS: onOpen in AuthMode.NONE may only build menus).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { AuthModeName, ExecutionKind } from "../../emulator";
import { createWorkbench, DIST_DIR, type Workbench } from "../../scripts/demo/workbench";
import { lastAlert, lastAlertTitle, sheetOf } from "./support";

const NOW = new Date("2026-03-02T14:00:00Z");

/** DESIGN §6, in order. Written out here so a renamed caption fails the test. */
const MENU_CAPTIONS = [
  "Open Touchbase",
  "Log touch for selected row",
  "Set up / repair sheets",
  "Refresh now",
  "Preview due emails",
  "Send my digest now",
  "Turn on automation for me",
  "Turn off automation for me",
  // Added by issues 12 and 7 (after DESIGN §6's items, which keep their order).
  "Import contacts",
  "Archive old touches",
];

/** Calls a menu-building execution may make: the Ui and the menu it builds, nothing else. */
const MENU_ONLY_CALL = /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Menu\.\w+)$/;

function openAs(
  wb: Workbench,
  functionName: "onOpen" | "onInstall",
  authMode: AuthModeName,
  kind: ExecutionKind = "simple",
) {
  return wb.app.run(
    { user: wb.owners[0]!, authMode, kind, spreadsheetId: wb.spreadsheetId },
    functionName,
    { authMode, source: null },
  );
}

function addonMenu(wb: Workbench) {
  const ui = wb.emu.spreadsheets.ui;
  const menu = ui.addonMenu();
  if (!menu) throw new Error("no add-on menu was added to the UI");
  return menu;
}

function itemsOf(wb: Workbench): { caption: string; functionName: string }[] {
  return addonMenu(wb).items.flatMap((entry) =>
    entry.kind === "item" ? [{ caption: entry.caption, functionName: entry.functionName }] : [],
  );
}

describe("onOpen builds the add-on menu", () => {
  it.each(["NONE", "LIMITED"] as const)(
    "in AuthMode.%s: exactly DESIGN §6's captions, in order, touching only the Ui",
    (authMode) => {
      // A file where the add-on was never used: no tabs of ours, nothing in properties.
      const wb = createWorkbench({ now: NOW, setup: false });
      const before = JSON.stringify(wb.spreadsheet().getSheets()[0]!.getDataRange().getValues());

      const result = openAs(wb, "onOpen", authMode);

      expect(result.error).toBeUndefined();
      expect(itemsOf(wb).map((item) => item.caption)).toEqual(MENU_CAPTIONS);
      expect(addonMenu(wb).addon).toBe(true);
      expect(result.callLog.length).toBeGreaterThan(0);
      const otherCalls = result.callLog.filter((call) => !MENU_ONLY_CALL.test(call));
      expect(otherCalls).toEqual([]);
      expect(
        result.callLog.filter((call) =>
          /^(PropertiesService|Spreadsheet|Sheet|Range)\./.test(call),
        ),
      ).toEqual([]);
      expect(
        wb
          .spreadsheet()
          .getSheets()
          .map((s) => s.getName()),
      ).toEqual(["Sheet1"]);
      expect(JSON.stringify(wb.spreadsheet().getSheets()[0]!.getDataRange().getValues())).toBe(
        before,
      );
      expect(wb.emu.properties.user(wb.owners[0]!).getKeys()).toEqual([]);
    },
  );

  it("onOpen after setup still only builds the menu", () => {
    const wb = createWorkbench({ now: NOW });
    const result = openAs(wb, "onOpen", "NONE");
    expect(result.error).toBeUndefined();
    expect(result.callLog.filter((call) => !MENU_ONLY_CALL.test(call))).toEqual([]);
    expect(itemsOf(wb).map((item) => item.caption)).toEqual(MENU_CAPTIONS);
  });

  it("onInstall (FULL) builds the same menu at once", () => {
    const wb = createWorkbench({ now: NOW, setup: false });
    const result = openAs(wb, "onInstall", "FULL", "menu");
    expect(result.error).toBeUndefined();
    expect(itemsOf(wb).map((item) => item.caption)).toEqual(MENU_CAPTIONS);
    expect(result.callLog.filter((call) => !MENU_ONLY_CALL.test(call))).toEqual([]);
  });

  it("opening twice leaves one add-on menu in the UI, not two", () => {
    const wb = createWorkbench({ now: NOW, setup: false });
    openAs(wb, "onOpen", "NONE");
    openAs(wb, "onOpen", "LIMITED");
    const shown = wb.emu.spreadsheets.ui.menus.filter((menu) => menu.addon && menu.addedToUi);
    expect(shown).toHaveLength(1);
  });

  it("every menu item calls a top-level function that exists in the bundle", () => {
    const wb = createWorkbench({ now: NOW, setup: false });
    openAs(wb, "onOpen", "NONE");
    const functions = new Set(wb.app.functionNames());
    const items = itemsOf(wb);
    expect(items).toHaveLength(MENU_CAPTIONS.length);
    for (const item of items) {
      expect({ caption: item.caption, exists: functions.has(item.functionName) }).toEqual({
        caption: item.caption,
        exists: true,
      });
    }
    // Each caption has its own entry point, so no item silently runs another's action.
    expect(new Set(items.map((item) => item.functionName)).size).toBe(items.length);
  });

  it("every menu item runs from a click without an uncaught error", () => {
    const wb = createWorkbench({ now: NOW });
    openAs(wb, "onOpen", "LIMITED");
    const ui = wb.emu.spreadsheets.ui;
    const shown = () => ui.alerts.length + ui.sidebars.length + ui.dialogs.length;
    for (const item of itemsOf(wb)) {
      const before = shown();
      const result = wb.menu(item.functionName);
      if (item.functionName === "menuTurnOnAutomation") {
        expect(wb.emu.triggers.all()).toHaveLength(1);
      }
      // Every click ends without an uncaught error and tells the person something.
      expect({
        caption: item.caption,
        error: result.error?.message,
        feedback: shown() > before,
      }).toEqual({ caption: item.caption, error: undefined, feedback: true });
    }
    // "Turn off automation for me" came after "Turn on…" and removed the trigger it made.
    expect(wb.emu.triggers.all()).toHaveLength(0);
  });
});

describe("windows the menu opens", () => {
  it("Open Touchbase shows a sidebar titled Touchbase with dist/Sidebar.html", () => {
    const wb = createWorkbench({ now: NOW });
    const ui = wb.emu.spreadsheets.ui;
    const sidebarsBefore = ui.sidebars.length;

    const result = wb.menu("menuOpenSidebar");

    expect(result.error).toBeUndefined();
    expect(ui.sidebars).toHaveLength(sidebarsBefore + 1);
    const sidebar = ui.lastSidebar()!;
    expect(sidebar.title).toBe("Touchbase");
    expect(sidebar.width).toBe(300);
    expect(sidebar.spreadsheetId).toBe(wb.spreadsheetId);
    expect(sidebar.html).toBe(readFileSync(join(DIST_DIR, "Sidebar.html"), "utf8"));
    expect(result.callLog).toContain("HtmlService.createHtmlOutputFromFile");
  });

  it("Log touch for selected row opens the same sidebar", () => {
    const wb = createWorkbench({ now: NOW });
    const ui = wb.emu.spreadsheets.ui;
    wb.emu.spreadsheets.setSelection(wb.spreadsheetId, "Contacts", "A2");
    const result = wb.menu("menuLogTouchForSelectedRow");
    expect(result.error).toBeUndefined();
    expect(ui.lastSidebar()?.title).toBe("Touchbase");
    expect(ui.lastSidebar()?.html).toBe(readFileSync(join(DIST_DIR, "Sidebar.html"), "utf8"));
  });

  it("Preview due emails opens a modal dialog, not an alert", () => {
    const wb = createWorkbench({ now: NOW });
    const ui = wb.emu.spreadsheets.ui;
    const alertsBefore = ui.alerts.length;

    const result = wb.menu("menuPreviewDueEmails");

    expect(result.error).toBeUndefined();
    expect(ui.alerts).toHaveLength(alertsBefore);
    expect(ui.dialogs).toHaveLength(1);
    const dialog = ui.dialogs[0]!;
    expect(dialog.kind).toBe("modal");
    expect(dialog.title).toBe("Preview due emails");
    expect(dialog.spreadsheetId).toBe(wb.spreadsheetId);
    // Nothing is due on a fresh sheet; the dialog says so and shows the email mode.
    expect(dialog.html).toContain("Drafts");
    expect(dialog.html).toMatch(/No automated emails are due/);
  });

  it("Preview due emails lists only the clicking user's due contacts, HTML-escaped", () => {
    const wb = createWorkbench({ now: NOW });
    const contacts = sheetOf(wb, "Contacts");
    contacts.getRange(2, 1, 2, 8).setValues([
      [
        "C-000001",
        "Ana <b>Ortiz</b>",
        "ana@client.test",
        "",
        "O&Co",
        wb.owners[0]!,
        "Qualified",
        "Hot",
      ],
      ["C-000002", "Ben Park", "ben@client.test", "", "Park", wb.owners[1]!, "Qualified", "Hot"],
    ]);

    const result = wb.menu("menuPreviewDueEmails");

    expect(result.error).toBeUndefined();
    const html = wb.emu.spreadsheets.ui.dialogs[0]?.html ?? "";
    expect(html).toContain("Ana &lt;b&gt;Ortiz&lt;/b&gt; (O&amp;Co)");
    expect(html).not.toContain("<b>Ortiz</b>");
    expect(html).not.toContain("Ben Park");
    // Nothing was written: a preview is read-only.
    expect(result.callLog.filter((call) => /\.(setValues?|appendRow)$/.test(call))).toEqual([]);
  });

  it("Preview due emails explains a broken sheet in an alert instead of failing", () => {
    const wb = createWorkbench({ now: NOW });
    const ui = wb.emu.spreadsheets.ui;
    wb.spreadsheet().deleteSheet(sheetOf(wb, "Contacts"));

    const result = wb.menu("menuPreviewDueEmails");

    expect(result.error).toBeUndefined();
    expect(ui.dialogs).toHaveLength(0);
    expect(lastAlertTitle(wb)).toBe("Preview due emails");
    expect(lastAlert(wb)).toContain('"Contacts" tab is missing');
  });
});
