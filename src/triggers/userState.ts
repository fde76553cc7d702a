// Per-user state kept in user properties (the only store an add-on's time trigger can read):
// which spreadsheet each trigger serves, who the user is, and the day each digest went out.
// Everything is read with one getProperties call per execution.

import type { DigestDayMark } from "../gmail/digestMail";

type Properties = GoogleAppsScript.Properties.Properties;

const TRIGGER_PREFIX = "tb.trigger.";
const DIGEST_PREFIX = "tb.digest.";
const USER_EMAIL_KEY = "tb.userEmail";

export class UserState {
  private constructor(
    private readonly store: Properties,
    private readonly values: Record<string, string>,
  ) {}

  static load(): UserState {
    const store = PropertiesService.getUserProperties();
    return new UserState(store, store.getProperties());
  }

  spreadsheetIdForTrigger(triggerUid: string): string | undefined {
    return this.values[TRIGGER_PREFIX + triggerUid];
  }

  rememberTrigger(triggerUid: string, spreadsheetId: string, userEmail: string): void {
    this.set({ [TRIGGER_PREFIX + triggerUid]: spreadsheetId, [USER_EMAIL_KEY]: userEmail });
  }

  forgetTrigger(triggerUid: string): void {
    this.store.deleteProperty(TRIGGER_PREFIX + triggerUid);
    delete this.values[TRIGGER_PREFIX + triggerUid];
  }

  /** The user's email, remembered when automation was turned on ("" when never stored). */
  userEmail(): string {
    return this.values[USER_EMAIL_KEY] ?? "";
  }

  /** Local date ("2026-11-21") of the last digest sent for this spreadsheet. */
  lastDigestDay(spreadsheetId: string): string {
    return this.values[DIGEST_PREFIX + spreadsheetId] ?? "";
  }

  markDigestDay(spreadsheetId: string, day: string): void {
    this.set({ [DIGEST_PREFIX + spreadsheetId]: day });
  }

  /** The digest day of one spreadsheet, as the digest sender sees it. */
  digestDayMark(spreadsheetId: string): DigestDayMark {
    return {
      lastDigestDay: () => this.lastDigestDay(spreadsheetId),
      markDigestDay: (day) => this.markDigestDay(spreadsheetId, day),
    };
  }

  private set(entries: Record<string, string>): void {
    this.store.setProperties(entries);
    Object.assign(this.values, entries);
  }
}
