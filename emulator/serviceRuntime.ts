// What the runtime offers the non-spreadsheet services beyond the shared EmulatorHost contract:
// the users, the running execution's identity, simulated waiting and the log.
import type { EmulatorHost } from "./host";

export interface UserConfig {
  readonly email: string;
  readonly name?: string;
  /** Gmail "send as" addresses (GmailApp.getAliases). */
  readonly aliases?: readonly string[];
  /** Email recipients per day: 100 for consumer accounts (default), 1,500 for Workspace. */
  readonly dailyEmailQuota?: number;
  /** Session.getActiveUserLocale(); "en" by default. */
  readonly locale?: string;
}

export interface ServiceRuntime extends EmulatorHost {
  /** Id of the running execution; null outside executions (test setup code). */
  executionId(): number | null;
  /** Simulated time passes inside the current execution (waiting for a lock). */
  addSimulatedMs(ms: number): void;
  /** The user configured with this address or alias (case-insensitive). */
  findUser(address: string): UserConfig | undefined;
  /** Editor add-on rules apply (one time trigger per user per document, hourly at most). */
  readonly isAddOn: boolean;
  /** Deterministic pseudo-random numbers in [0, 1) (uuids, trigger minutes). */
  random(): number;
  /** Scopes added since `email` last authorized the script (empty: authorization is current). */
  pendingScopes(email: string): readonly string[];
}

/** Normalizes an email address for comparisons. */
export function normalizeEmail(address: string): string {
  return address.trim().toLowerCase();
}
