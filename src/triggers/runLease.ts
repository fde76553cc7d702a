// This spreadsheet's run lease (DESIGN §3 step 1, §4): one run or writing menu action works on a
// spreadsheet at a time. A published add-on's script lock is shared by every user of every
// spreadsheet, so it is held only while the lease entry is read and set — two cache calls — never
// for the run. The lease lives in the script cache keyed by spreadsheet id and expires by itself,
// so a killed run (whose `finally` never runs) blocks its spreadsheet for at most 6½ minutes.
import { isBlankCell } from "../domain/cells";
import {
  leaseFailedMessage,
  leaseHeldMessage,
  leaseNotReleasedMessage,
  scriptLockBusyMessage,
  scriptLockNotReleasedMessage,
  type LeaseHolder,
} from "../domain/runMessages";
import { errorMessage } from "../errors";

/** 6½ minutes: longer than the longest execution (6), so a live run never outlives its lease. */
export const LEASE_SECONDS = 390;
/** The script lock is held for milliseconds by each run; waiting longer means something is wrong. */
export const SCRIPT_LOCK_WAIT_MS = 5_000;
const KEY_PREFIX = "tb.lease.";

/** A lease this execution holds; hand it back with releaseRunLease. */
export interface RunLease {
  readonly key: string;
  readonly cache: GoogleAppsScript.Cache.Cache;
}

/** Either the lease, or why it could not be had (words for Runs or an alert). */
export type LeaseOutcome =
  | { readonly lease: RunLease; readonly problem: string }
  | { readonly lease: null; readonly problem: string };

/**
 * Takes the spreadsheet's lease for `user` doing `activity`. Six service calls; never throws.
 * `problem` may be set even with a lease (the script lock could not be let go: the run goes on).
 */
export function takeRunLease(
  spreadsheetId: string,
  user: string,
  activity: string,
  now: Date,
): LeaseOutcome {
  let lock: GoogleAppsScript.Lock.Lock;
  try {
    lock = LockService.getScriptLock();
    if (!lock.tryLock(SCRIPT_LOCK_WAIT_MS)) {
      return { lease: null, problem: scriptLockBusyMessage(SCRIPT_LOCK_WAIT_MS / 1000) };
    }
  } catch (error) {
    return { lease: null, problem: leaseFailedMessage(errorMessage(error)) };
  }
  let outcome: LeaseOutcome;
  try {
    const cache = CacheService.getScriptCache();
    const key = KEY_PREFIX + spreadsheetId;
    const current = cache.get(key);
    if (current !== null) {
      outcome = { lease: null, problem: leaseHeldMessage(parseHolder(current), now) };
    } else {
      const holder: LeaseHolder = { user, activity, since: now.toISOString() };
      cache.put(key, JSON.stringify(holder), LEASE_SECONDS);
      outcome = { lease: { key, cache }, problem: "" };
    }
  } catch (error) {
    outcome = { lease: null, problem: leaseFailedMessage(errorMessage(error)) };
  }
  try {
    lock.releaseLock();
  } catch (error) {
    // The lock ends with this execution anyway; the lease (if taken) is good, so the run goes on.
    const note = scriptLockNotReleasedMessage(errorMessage(error));
    outcome = { ...outcome, problem: [outcome.problem, note].filter(Boolean).join(" ") };
  }
  return outcome;
}

/**
 * Hands the lease back: one call, no lock. Only its holder removes it, and it cannot have expired
 * and been taken by another run, because no execution outlives the lease. "" or what went wrong.
 */
export function releaseRunLease(lease: RunLease): string {
  try {
    lease.cache.remove(lease.key);
    return "";
  } catch (error) {
    return leaseNotReleasedMessage(errorMessage(error), "6½");
  }
}

/** Thrown by withRunLease when the spreadsheet is busy; its message is for the person. */
export class LeaseBusyError extends Error {}

/**
 * Runs `action` under the spreadsheet's lease (menu actions that write: Set up, Archive…); throws
 * LeaseBusyError with words for an alert when it is busy. Releases the lease however `action` ends.
 */
export function withRunLease<T>(
  spreadsheetId: string,
  user: string,
  activity: string,
  action: () => T,
): T {
  const { lease, problem } = takeRunLease(spreadsheetId, user, activity, new Date());
  if (!lease) throw new LeaseBusyError(problem);
  try {
    return action();
  } finally {
    const notReleased = releaseRunLease(lease);
    if (notReleased) console.error(notReleased);
  }
}

function parseHolder(text: string): LeaseHolder | null {
  try {
    const value = JSON.parse(text) as Partial<LeaseHolder>;
    if (typeof value.since !== "string" || isBlankCell(value.since)) return null;
    return {
      user: String(value.user ?? ""),
      activity: String(value.activity ?? ""),
      since: value.since,
    };
  } catch {
    return null;
  }
}
