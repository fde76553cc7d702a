// Who may still do what: a user whose authorization is out of date after a scope change, and a
// user who lost access to a spreadsheet (removed, or made a viewer). The runtime asks here on every
// counted call; tests change it through `emu.access`. Existing triggers keep firing either way, as
// in Apps Script: only the calls fail.
import { MESSAGES } from "./errors";
import { type DocumentAccessRecord, documentOf } from "./host";
import { scopeFor } from "./permissions";
import { normalizeEmail } from "./serviceRuntime";
import type { SpreadsheetStore } from "./spreadsheet/store";

/** Methods that change a spreadsheet; a viewer's call to one fails. */
const WRITE_METHOD =
  /^(set|insert|delete|append|clear|add|remove|sort|protect|hide|show|unhide|merge|breakApart|move|rename|copyTo|create|update|check|uncheck|trim|autoResize|randomize|shift|duplicate|group|ungroup|collapse|expand)/;

/** Per user: the scopes added since they last authorized the script. */
export class AuthorizationState {
  private readonly pending = new Map<string, Set<string>>();

  pendingScopes(email: string): readonly string[] {
    return [...(this.pending.get(normalizeEmail(email)) ?? [])];
  }

  require(email: string, scopes: readonly string[]): void {
    const key = normalizeEmail(email);
    const set = this.pending.get(key) ?? new Set<string>();
    for (const scope of scopes) set.add(scope);
    this.pending.set(key, set);
  }

  clear(email: string): void {
    this.pending.delete(normalizeEmail(email));
  }
}

/**
 * null when `user` may make this call, else the platform's error text. `target` is the object the
 * method is called on (a Spreadsheet, Sheet or Range carries its document).
 */
export function accessProblem(
  authorization: AuthorizationState,
  user: string,
  className: string,
  method: string,
  target: unknown,
): string | null {
  const scope = scopeFor(className, method);
  if (scope !== undefined && authorization.pendingScopes(user).includes(scope)) {
    return MESSAGES.authorizationRequired;
  }
  const role = roleIn(documentOf(target), user);
  if (role === "none") return MESSAGES.noDocumentAccess;
  if (role === "viewer" && WRITE_METHOD.test(method)) return MESSAGES.viewOnly;
  return null;
}

/** null when a returned document (openById, getActiveSpreadsheet) may be opened by `user`. */
export function openProblem(user: string, result: unknown): string | null {
  return roleIn(documentOf(result), user) === "none" ? MESSAGES.noDocumentAccess : null;
}

function roleIn(document: DocumentAccessRecord | undefined, user: string): string | undefined {
  return document?.reducedAccess.get(normalizeEmail(user));
}

/** Test-side handle (`emu.access`). */
export class AccessHarness {
  constructor(
    private readonly authorization: AuthorizationState,
    private readonly spreadsheets: SpreadsheetStore,
  ) {}

  /**
   * The script now needs `scopes` (e.g. SCOPES.gmail) that `email` has not granted: their triggers
   * keep firing, getAuthorizationInfo says REQUIRED, and the first call needing one of the scopes
   * throws "Authorization is required to perform that action." Until `reauthorize(email)`.
   */
  requireReauthorization(email: string, scopes: readonly string[]): void {
    if (scopes.length === 0) throw new Error("requireReauthorization: name at least one scope");
    this.authorization.require(email, scopes);
  }

  /** The user opened the add-on and granted the new scopes. */
  reauthorize(email: string): void {
    this.authorization.clear(email);
  }

  /** Removes `email` from the spreadsheet: openById throws for them, and so does any call on it. */
  removeUser(spreadsheetId: string, email: string): void {
    const data = this.document(spreadsheetId);
    const key = normalizeEmail(email);
    data.reducedAccess.set(key, "none");
    removeEditor(data.editors, key);
  }

  /** Makes `email` a viewer: reads still work, the first write throws. */
  makeViewer(spreadsheetId: string, email: string): void {
    const data = this.document(spreadsheetId);
    const key = normalizeEmail(email);
    data.reducedAccess.set(key, "viewer");
    removeEditor(data.editors, key);
  }

  /** Gives `email` edit access again. */
  restoreEditAccess(spreadsheetId: string, email: string): void {
    const data = this.document(spreadsheetId);
    const key = normalizeEmail(email);
    data.reducedAccess.delete(key);
    if (!data.editors.some((e) => normalizeEmail(e) === key)) data.editors.push(email);
  }

  private document(spreadsheetId: string) {
    const data = this.spreadsheets.dataOf(spreadsheetId);
    if (!data) throw new Error(`No spreadsheet with id ${spreadsheetId} in the emulator.`);
    return data;
  }
}

function removeEditor(editors: string[], key: string): void {
  for (let i = editors.length - 1; i >= 0; i--) {
    if (normalizeEmail(editors[i] ?? "") === key) editors.splice(i, 1);
  }
}
