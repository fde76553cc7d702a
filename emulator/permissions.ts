// What each authorization mode may call. Editor add-ons run onOpen in NONE (only menus) or
// LIMITED (the bound document, properties, no Gmail/mail/triggers/other files); FULL allows all.
import { permissionDenied } from "./errors";
import type { AuthModeName } from "./host";

export const SCOPES = {
  spreadsheets: "https://www.googleapis.com/auth/spreadsheets",
  currentOnly: "https://www.googleapis.com/auth/spreadsheets.currentonly",
  gmail: "https://mail.google.com/",
  sendMail: "https://www.googleapis.com/auth/script.send_mail",
  scriptApp: "https://www.googleapis.com/auth/script.scriptapp",
  containerUi: "https://www.googleapis.com/auth/script.container.ui",
  email: "https://www.googleapis.com/auth/userinfo.email",
  calendarReadonly: "https://www.googleapis.com/auth/calendar.readonly",
} as const;

/** Calls allowed in AuthMode.NONE ("Class.method" or "Class.*"). Menus only, plus no-scope helpers. */
const ALLOWED_IN_NONE = new Set([
  "SpreadsheetApp.getUi",
  "Ui.createAddonMenu",
  "Ui.createMenu",
  "Menu.*",
  "Logger.*",
  "Utilities.*",
]);

const GMAIL_CLASSES = new Set([
  "GmailApp",
  "GmailThread",
  "GmailMessage",
  "GmailDraft",
  "GmailLabel",
]);
const CALENDAR_CLASSES = new Set(["CalendarApp", "Calendar", "CalendarEvent", "EventGuest"]);
const TRIGGER_CLASSES = new Set([
  "TriggerBuilder",
  "ClockTriggerBuilder",
  "SpreadsheetTriggerBuilder",
  "Trigger",
]);
const SCRIPT_APP_TRIGGER_METHODS = new Set([
  "newTrigger",
  "getProjectTriggers",
  "getUserTriggers",
  "deleteTrigger",
  "getOAuthToken",
  "getIdentityToken",
]);
const OPEN_OTHER_FILES = new Set(["openById", "openByUrl", "open", "create"]);
const NO_SCOPE_CLASSES = new Set([
  "PropertiesService",
  "Properties",
  "LockService",
  "Lock",
  "CacheService",
  "Cache",
  "Logger",
  "Utilities",
]);

function needsFullAuth(className: string, method: string): boolean {
  if (GMAIL_CLASSES.has(className) || className === "MailApp") return true;
  if (CALENDAR_CLASSES.has(className)) return true;
  if (TRIGGER_CLASSES.has(className)) return true;
  if (className === "ScriptApp" && SCRIPT_APP_TRIGGER_METHODS.has(method)) return true;
  return className === "SpreadsheetApp" && OPEN_OTHER_FILES.has(method);
}

/** The OAuth scope a call needs (undefined for no-scope services such as Properties or Lock). */
export function scopeFor(className: string, method: string): string | undefined {
  // Checking one's own authorization needs none (an add-on asks it when it lacks some).
  if (className === "AuthorizationInfo") return undefined;
  if (className === "ScriptApp" && method === "getAuthorizationInfo") return undefined;
  if (GMAIL_CLASSES.has(className)) return SCOPES.gmail;
  if (className === "MailApp") return SCOPES.sendMail;
  // Reading is all CalendarApp is used for here; a write would need the full calendar scope.
  if (CALENDAR_CLASSES.has(className)) return SCOPES.calendarReadonly;
  if (className === "ScriptApp" || TRIGGER_CLASSES.has(className)) return SCOPES.scriptApp;
  if (className === "SpreadsheetApp" && OPEN_OTHER_FILES.has(method)) return SCOPES.spreadsheets;
  if (className === "Session") return SCOPES.email;
  if (className === "Ui" || className.startsWith("Html")) return SCOPES.containerUi;
  if (NO_SCOPE_CLASSES.has(className)) return undefined;
  return SCOPES.currentOnly;
}

/** null when the call is allowed in this mode, else the error message Apps Script gives. */
export function permissionProblem(
  mode: AuthModeName,
  className: string,
  method: string,
): string | null {
  if (mode === "FULL") return null;
  const call = `${className}.${method}`;
  if (mode === "NONE") {
    if (ALLOWED_IN_NONE.has(call) || ALLOWED_IN_NONE.has(`${className}.*`)) return null;
    return permissionDenied(call, scopeFor(className, method));
  }
  // LIMITED and CUSTOM_FUNCTION: the bound document and no-scope services only.
  if (needsFullAuth(className, method)) return permissionDenied(call, scopeFor(className, method));
  return null;
}
