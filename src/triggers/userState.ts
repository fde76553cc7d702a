// Per-user state kept in user properties (the only store an add-on's time trigger can read):
// which spreadsheet each trigger serves, who the user is, the day each digest went out, and which
// one-time notices were emailed (so a broken automation says so once, not every hour).
// Everything is read with one getProperties call per execution.

import type { DigestDayMark } from "../gmail/digestMail";

type Properties = GoogleAppsScript.Properties.Properties;

const TRIGGER_PREFIX = "tb.trigger.";
const DIGEST_PREFIX = "tb.digest.";
const USER_EMAIL_KEY = "tb.userEmail";
const NOTICE_PREFIX = "tb.notice.";
const OPEN_FAILURES_PREFIX = "tb.openFailures.";

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
    this.delete(TRIGGER_PREFIX + triggerUid);
    if (this.openFailures(triggerUid) > 0) this.delete(OPEN_FAILURES_PREFIX + triggerUid);
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

  /** Whether the one-time notice `name` was emailed (and not cleared since). */
  noticeSent(name: string): boolean {
    return Boolean(this.values[NOTICE_PREFIX + name]);
  }

  markNoticeSent(name: string, at: Date): void {
    this.set({ [NOTICE_PREFIX + name]: at.toISOString() });
  }

  /** Forgets a notice (its cause is gone), so a later occurrence is told again. No call if unset. */
  clearNotice(name: string): void {
    if (this.noticeSent(name)) this.delete(NOTICE_PREFIX + name);
  }

  /** Hourly runs in a row that could not open the trigger's spreadsheet. */
  openFailures(triggerUid: string): number {
    return Number(this.values[OPEN_FAILURES_PREFIX + triggerUid] ?? 0) || 0;
  }

  countOpenFailure(triggerUid: string): number {
    const count = this.openFailures(triggerUid) + 1;
    this.set({ [OPEN_FAILURES_PREFIX + triggerUid]: String(count) });
    return count;
  }

  /** The spreadsheet opened again: the count restarts. No call when there was none. */
  clearOpenFailures(triggerUid: string): void {
    if (this.openFailures(triggerUid) > 0) this.delete(OPEN_FAILURES_PREFIX + triggerUid);
  }

  private delete(key: string): void {
    this.store.deleteProperty(key);
    delete this.values[key];
  }

  private set(entries: Record<string, string>): void {
    this.store.setProperties(entries);
    Object.assign(this.values, entries);
  }
}
