// LockService: document, script and user locks shared by all executions. Executions run one at a
// time here, so "another execution" holding a lock is simulated with the harness (emu.locks).
// Waiting passes simulated time; every lock an execution holds ends with it.
import { MESSAGES, serviceError } from "../errors";
import { SERVICE_NAME } from "../host";
import type { ServiceRuntime } from "../serviceRuntime";
import { normalizeEmail } from "../serviceRuntime";

/** Who holds a lock: an execution id, or the harness acting as "another execution". */
type Holder = number | "harness";

export class LockTable {
  private readonly holders = new Map<string, Holder>();

  holderOf(key: string): Holder | undefined {
    return this.holders.get(key);
  }

  acquire(key: string, holder: Holder): boolean {
    const current = this.holders.get(key);
    if (current !== undefined && current !== holder) return false;
    this.holders.set(key, holder);
    return true;
  }

  release(key: string, holder: Holder): void {
    if (this.holders.get(key) === holder) this.holders.delete(key);
  }

  /** Ends every lock an execution holds (called when the execution finishes). */
  releaseAllOf(holder: Holder): void {
    for (const [key, current] of [...this.holders]) {
      if (current === holder) this.holders.delete(key);
    }
  }
}

export const lockKeys = {
  document: (spreadsheetId: string) => `document:${spreadsheetId}`,
  script: () => "script",
  user: (email: string) => `user:${normalizeEmail(email)}`,
};

export class EmuLock implements Pick<
  GoogleAppsScript.Lock.Lock,
  "tryLock" | "waitLock" | "releaseLock" | "hasLock"
> {
  readonly [SERVICE_NAME] = "Lock";

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly table: LockTable,
    private readonly key: string,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    if (this.table.acquire(this.key, this.holder())) return true;
    // Nothing else runs while this execution waits, so the wait always lasts the full timeout.
    this.runtime.addSimulatedMs(Math.max(0, Number(timeoutInMillis) || 0));
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw serviceError(MESSAGES.lockTimeout);
  }

  releaseLock(): void {
    this.table.release(this.key, this.holder());
  }

  hasLock(): boolean {
    return this.table.holderOf(this.key) === this.holder();
  }

  private holder(): Holder {
    return this.runtime.executionId() ?? "harness";
  }
}

export class EmuLockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  "getDocumentLock" | "getScriptLock" | "getUserLock"
> {
  readonly [SERVICE_NAME] = "LockService";

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly table: LockTable,
  ) {}

  /** null when there is no active document (an add-on's time trigger). */
  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    const id = this.runtime.activeSpreadsheetId();
    return (id === null ? null : this.lock(lockKeys.document(id))) as GoogleAppsScript.Lock.Lock;
  }

  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this.lock(lockKeys.script());
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    return this.lock(lockKeys.user(this.runtime.effectiveUser()));
  }

  private lock(key: string): GoogleAppsScript.Lock.Lock {
    return new EmuLock(this.runtime, this.table, key) as unknown as GoogleAppsScript.Lock.Lock;
  }
}

/** Test-side handle: hold locks "from another execution". */
export class LockHarness {
  constructor(private readonly table: LockTable) {}

  holdDocumentLock(spreadsheetId: string): void {
    this.hold(lockKeys.document(spreadsheetId));
  }

  holdScriptLock(): void {
    this.hold(lockKeys.script());
  }

  holdUserLock(email: string): void {
    this.hold(lockKeys.user(email));
  }

  releaseDocumentLock(spreadsheetId: string): void {
    this.table.release(lockKeys.document(spreadsheetId), "harness");
  }

  releaseScriptLock(): void {
    this.table.release(lockKeys.script(), "harness");
  }

  releaseUserLock(email: string): void {
    this.table.release(lockKeys.user(email), "harness");
  }

  releaseAll(): void {
    this.table.releaseAllOf("harness");
  }

  /** True when anyone (an execution or the harness) holds the document lock. */
  isDocumentLocked(spreadsheetId: string): boolean {
    return this.table.holderOf(lockKeys.document(spreadsheetId)) !== undefined;
  }

  isScriptLocked(): boolean {
    return this.table.holderOf(lockKeys.script()) !== undefined;
  }

  private hold(key: string): void {
    if (!this.table.acquire(key, "harness")) {
      throw new Error(`emulator: ${key} lock is held by a running execution`);
    }
  }
}
