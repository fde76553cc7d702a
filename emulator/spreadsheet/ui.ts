// Ui: menus, sidebars, dialogs, alerts and prompts, recorded in the store's UiState. Alerts and
// prompts answer from a scripted queue (default OK / YES), so tests can play the user.
import { SERVICE_NAME } from "../host";
import { Button, ButtonSet } from "./enums";
import { INTERNAL, asGas, internalOf } from "../internal";
import type { HtmlOutputState } from "../html/htmlService";
import type { MenuRecord, SpreadsheetStore } from "./store";

type Ui = GoogleAppsScript.Base.Ui;
type Menu = GoogleAppsScript.Base.Menu;
type GBase = typeof GoogleAppsScript.Base;

const buttonOf = (name: string): GoogleAppsScript.Base.Button =>
  Button[name as keyof GBase["Button"]];
const BUTTON_SET_NAMES = new Set(Object.keys(ButtonSet));

/** The first button of a set: what a user pressing Enter answers. */
function defaultButton(buttons: string): string {
  return buttons.startsWith("YES") ? "YES" : "OK";
}

function allowedButtons(buttons: string): string[] {
  switch (buttons) {
    case "OK_CANCEL":
      return ["OK", "CANCEL", "CLOSE"];
    case "YES_NO":
      return ["YES", "NO", "CLOSE"];
    case "YES_NO_CANCEL":
      return ["YES", "NO", "CANCEL", "CLOSE"];
    default:
      return ["OK", "CLOSE"];
  }
}

export class MenuEmu implements Menu {
  readonly [SERVICE_NAME] = "Menu";
  readonly [INTERNAL]: MenuRecord;

  constructor(
    private readonly store: SpreadsheetStore,
    record: MenuRecord,
  ) {
    this[INTERNAL] = record;
  }

  addItem(caption: string, functionName: string): Menu {
    this[INTERNAL].items.push({
      kind: "item",
      caption: String(caption),
      functionName: String(functionName),
    });
    return asGas(this);
  }
  addSeparator(): Menu {
    this[INTERNAL].items.push({ kind: "separator" });
    return asGas(this);
  }
  addSubMenu(menu: Menu): Menu {
    this[INTERNAL].items.push({
      kind: "subMenu",
      menu: internalOf<MenuRecord>(menu, "Ui.Menu.addSubMenu"),
    });
    return asGas(this);
  }
  addToUi(): void {
    this[INTERNAL].addedToUi = true;
    // A later onOpen replaces the same menu rather than adding a second one.
    const ui = this.store.ui;
    for (const other of ui.menus) {
      if (
        other !== this[INTERNAL] &&
        other.addedToUi &&
        other.title === this[INTERNAL].title &&
        other.addon === this[INTERNAL].addon
      ) {
        other.addedToUi = false;
      }
    }
  }
}

export class PromptResponseEmu implements GoogleAppsScript.Base.PromptResponse {
  readonly [SERVICE_NAME] = "PromptResponse";

  constructor(
    private readonly button: string,
    private readonly text: string,
  ) {}

  getResponseText(): string {
    return this.text;
  }
  getSelectedButton(): GoogleAppsScript.Base.Button {
    return buttonOf(this.button);
  }
}

export class UiEmu implements Omit<Ui, "showDialog"> {
  readonly [SERVICE_NAME] = "Ui";
  readonly Button = Button;
  readonly ButtonSet = ButtonSet;

  constructor(private readonly store: SpreadsheetStore) {}

  private newMenu(title: string, addon: boolean): Menu {
    const record: MenuRecord = {
      title,
      addon,
      items: [],
      addedToUi: false,
      spreadsheetId: this.store.host.activeSpreadsheetId(),
    };
    this.store.ui.menus.push(record);
    return asGas(new MenuEmu(this.store, record));
  }

  createAddonMenu(): Menu {
    return this.newMenu(this.store.addonName, true);
  }
  createMenu(caption: string): Menu {
    return this.newMenu(String(caption), false);
  }

  /** alert(prompt) | alert(prompt, buttons) | alert(title, prompt, buttons). */
  private dialogArgs(
    a: string,
    b?: string | GoogleAppsScript.Base.ButtonSet,
    c?: GoogleAppsScript.Base.ButtonSet,
  ): { title: string; prompt: string; buttons: string } {
    if (c !== undefined) return { title: String(a), prompt: String(b ?? ""), buttons: String(c) };
    if (b !== undefined && BUTTON_SET_NAMES.has(String(b)))
      return { title: "", prompt: String(a), buttons: String(b) };
    if (b !== undefined) return { title: String(a), prompt: String(b), buttons: "OK" };
    return { title: "", prompt: String(a), buttons: "OK" };
  }

  alert(
    a: string,
    b?: string | GoogleAppsScript.Base.ButtonSet,
    c?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.Button {
    const { title, prompt, buttons } = this.dialogArgs(a, b, c);
    const scripted = this.store.ui.alertResponses.shift();
    const response = scripted ?? defaultButton(buttons);
    if (!allowedButtons(buttons).includes(response)) {
      throw new Error(
        `Scripted alert response ${response} is not a button of ButtonSet.${buttons}.`,
      );
    }
    this.store.ui.alerts.push({ kind: "alert", title, prompt, buttons, response });
    return buttonOf(response);
  }

  prompt(
    a: string,
    b?: string | GoogleAppsScript.Base.ButtonSet,
    c?: GoogleAppsScript.Base.ButtonSet,
  ): GoogleAppsScript.Base.PromptResponse {
    const { title, prompt, buttons } = this.dialogArgs(a, b, c);
    const scripted = this.store.ui.promptResponses.shift();
    const response = scripted?.button ?? defaultButton(buttons);
    const text = scripted?.text ?? "";
    this.store.ui.alerts.push({
      kind: "prompt",
      title,
      prompt,
      buttons,
      response,
      responseText: text,
    });
    return asGas(new PromptResponseEmu(response, text));
  }

  showSidebar(userInterface: GoogleAppsScript.HTML.HtmlOutput): void {
    const output = internalOf<HtmlOutputState>(userInterface, "Ui.showSidebar");
    this.store.ui.sidebars.push({
      title: output.title,
      html: output.content,
      // Sidebars are a fixed 300 px in Sheets whatever setWidth says.
      width: 300,
      spreadsheetId: this.store.host.activeSpreadsheetId(),
    });
  }

  private dialog(
    kind: "modal" | "modeless",
    userInterface: GoogleAppsScript.HTML.HtmlOutput,
    title: string,
  ): void {
    const output = internalOf<HtmlOutputState>(
      userInterface,
      `Ui.show${kind === "modal" ? "Modal" : "Modeless"}Dialog`,
    );
    this.store.ui.dialogs.push({
      kind,
      title: String(title),
      html: output.content,
      width: output.width,
      height: output.height,
      spreadsheetId: this.store.host.activeSpreadsheetId(),
    });
  }
  showModalDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.dialog("modal", userInterface, title);
  }
  showModelessDialog(userInterface: GoogleAppsScript.HTML.HtmlOutput, title: string): void {
    this.dialog("modeless", userInterface, title);
  }
}
