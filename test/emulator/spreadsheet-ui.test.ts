// The emulator's Ui (menus, sidebars, dialogs) and HtmlService.
import type { ExecutionKind } from "../../emulator/host";
import { newEmulatedSpreadsheet } from "../support/emulatedSpreadsheet";

const FILES: Record<string, string> = {
  Sidebar: "<html><body>Touchbase</body></html>",
  Card: "<h1><?= name ?></h1><div><?!= raw ?></div><? for (const s of steps) { ?><li><?= s ?></li><? } ?>",
};

function setup(kind: ExecutionKind = "menu") {
  const state = { kind };
  const { services, app } = newEmulatedSpreadsheet({
    id: "sheet-1",
    host: {
      activeSpreadsheetId: () => "sheet-1",
      executionKind: () => state.kind,
      projectFile: (name) => FILES[name],
    },
  });
  const html = services.HtmlService as unknown as GoogleAppsScript.HTML.HtmlService;
  return { app, html, ui: services.store.ui, state };
}

describe("menus", () => {
  it("records the add-on menu's items and separators in order once added to the UI", () => {
    const { app, ui } = setup("simple");
    const menu = app
      .getUi()
      .createAddonMenu()
      .addItem("Open Touchbase", "openSidebar")
      .addSeparator()
      .addItem("Refresh now", "refreshNow");
    expect(ui.addonMenu()).toBeUndefined();
    menu.addToUi();
    const added = ui.addonMenu();
    // The add-on menu carries the project's name; the stub host's project has none.
    expect(added?.title).toBe("Untitled project");
    expect(ui.captions(added)).toEqual(["Open Touchbase", "---", "Refresh now"]);
    expect(added?.items[0]).toEqual({
      kind: "item",
      caption: "Open Touchbase",
      functionName: "openSidebar",
    });
    expect(added?.spreadsheetId).toBe("sheet-1");
  });
  it("replaces the add-on menu when onOpen runs again", () => {
    const { app, ui } = setup("simple");
    app.getUi().createAddonMenu().addItem("Old", "old").addToUi();
    app.getUi().createAddonMenu().addItem("New", "new").addToUi();
    expect(ui.menus.filter((m) => m.addedToUi)).toHaveLength(1);
    expect(ui.captions(ui.addonMenu())).toEqual(["New"]);
  });
  it("supports createMenu and sub-menus", () => {
    const { app, ui } = setup();
    const sub = app.getUi().createMenu("More").addItem("Digest", "sendDigest");
    app.getUi().createMenu("Tools").addSubMenu(sub).addToUi();
    const tools = ui.menus.find((m) => m.title === "Tools");
    expect(tools?.addon).toBe(false);
    expect(ui.captions(tools)).toEqual(["More"]);
  });
  it("refuses getUi in a time-driven trigger", () => {
    const { app } = setup("trigger");
    expect(() => app.getUi()).toThrow("Cannot call SpreadsheetApp.getUi() from this context.");
  });
});

describe("sidebars and dialogs", () => {
  it("shows a sidebar from a project file at 300 px with its title", () => {
    const { app, html, ui } = setup();
    const output = html.createHtmlOutputFromFile("Sidebar").setTitle("Touchbase").setWidth(450);
    app.getUi().showSidebar(output);
    expect(ui.lastSidebar()).toEqual({
      title: "Touchbase",
      html: FILES.Sidebar,
      width: 300,
      spreadsheetId: "sheet-1",
    });
  });
  it("records modal dialogs with their size", () => {
    const { app, html, ui } = setup();
    app
      .getUi()
      .showModalDialog(
        html.createHtmlOutput("<p>Preview</p>").setWidth(640).setHeight(480),
        "Preview",
      );
    expect(ui.dialogs).toEqual([
      {
        kind: "modal",
        title: "Preview",
        html: "<p>Preview</p>",
        width: 640,
        height: 480,
        spreadsheetId: "sheet-1",
      },
    ]);
  });
});

describe("alerts and prompts", () => {
  it("answers OK by default and records the alert", () => {
    const { app, ui } = setup();
    const appUi = app.getUi();
    expect(appUi.alert("Done")).toBe(appUi.Button.OK);
    expect(ui.alerts[0]).toMatchObject({
      kind: "alert",
      title: "",
      prompt: "Done",
      buttons: "OK",
      response: "OK",
    });
  });
  it("answers from the scripted queue, with title, prompt and button set", () => {
    const { app, ui } = setup();
    const appUi = app.getUi();
    ui.queueAlertResponse("NO");
    expect(
      appUi.alert("Turn off automation?", "It stops hourly runs.", appUi.ButtonSet.YES_NO),
    ).toBe(appUi.Button.NO);
    expect(appUi.alert("Sure?", appUi.ButtonSet.YES_NO)).toBe(appUi.Button.YES);
    expect(ui.alerts.map((a) => [a.title, a.prompt, a.buttons])).toEqual([
      ["Turn off automation?", "It stops hourly runs.", "YES_NO"],
      ["", "Sure?", "YES_NO"],
    ]);
    ui.queueAlertResponse("YES");
    expect(() => appUi.alert("Only OK")).toThrow(/not a button/);
  });
  it("returns prompt text and button", () => {
    const { app, ui } = setup();
    ui.queuePromptResponse("manager@example.com", "OK");
    const response = app.getUi().prompt("Manager email", app.getUi().ButtonSet.OK_CANCEL);
    expect([response.getResponseText(), response.getSelectedButton()]).toEqual([
      "manager@example.com",
      "OK",
    ]);
    expect(app.getUi().prompt("Again").getResponseText()).toBe("");
  });
});

describe("HtmlService", () => {
  it("throws for an unknown project file", () => {
    const { html } = setup();
    expect(() => html.createHtmlOutputFromFile("Nope")).toThrow(
      "No HTML file named Nope was found.",
    );
    expect(() => html.createTemplateFromFile("Nope")).toThrow("No HTML file named Nope was found.");
  });
  it("evaluates templates: escaped, raw and code scriptlets over template properties", () => {
    const { html } = setup();
    const template = html.createTemplateFromFile("Card");
    template.name = "Ann & <Bob>";
    template.raw = "<b>bold</b>";
    template.steps = ["Call", "Email"];
    expect(template.evaluate().getContent()).toBe(
      "<h1>Ann &amp; &lt;Bob&gt;</h1><div><b>bold</b></div><li>Call</li><li>Email</li>",
    );
  });
  it("builds outputs with title, size, appended content and modes", () => {
    const { html } = setup();
    const output = html
      .createHtmlOutput("<p>a</p>")
      .append("<p>b</p>")
      .setTitle("T")
      .setWidth(300)
      .setHeight(200)
      .setXFrameOptionsMode(html.XFrameOptionsMode.ALLOWALL)
      .setSandboxMode(html.SandboxMode.IFRAME)
      .addMetaTag("viewport", "width=device-width");
    expect([output.getContent(), output.getTitle(), output.getWidth(), output.getHeight()]).toEqual(
      ["<p>a</p><p>b</p>", "T", 300, 200],
    );
  });
});
