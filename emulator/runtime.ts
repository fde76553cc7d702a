// The runtime: clock, users and the one execution running at a time. It is the EmulatorHost the
// services read, and the gate every counted call goes through (auth mode, injected faults, cost,
// the 6-minute kill).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Clock } from "./clock";
import { callCostSeconds, ORDINARY_CALL_SECONDS } from "./cost";
import type { CallGate } from "./counting";
import { MESSAGES, serviceError } from "./errors";
import type { AuthModeName, ExecutionKind } from "./host";
import { accessProblem, AuthorizationState, openProblem } from "./access";
import { permissionProblem } from "./permissions";
import { Random } from "./random";
import type { ServiceRuntime, UserConfig } from "./serviceRuntime";
import { normalizeEmail } from "./serviceRuntime";

/** Apps Script's limit for one execution; simple triggers (onOpen, onEdit) get 30 s. */
export const EXECUTION_LIMIT_SECONDS = 360;
export const SIMPLE_TRIGGER_LIMIT_SECONDS = 30;

const SPREADSHEET_CLASSES =
  /^(SpreadsheetApp|Spreadsheet|Sheet|Range|RangeList|Protection|Filter|ConditionalFormat|DataValidation|EmbeddedChart|TextFinder|Banding|NamedRange|DeveloperMetadata)/;

export interface ExecutionRequest {
  readonly user: string;
  readonly authMode?: AuthModeName;
  readonly kind?: ExecutionKind;
  /** The active spreadsheet (ignored for kind "trigger": add-on time triggers have none). */
  readonly spreadsheetId?: string | null;
  readonly triggerUid?: string | null;
}

export interface ExecutionState {
  readonly id: number;
  readonly user: string;
  readonly authMode: AuthModeName;
  readonly kind: ExecutionKind;
  readonly spreadsheetId: string | null;
  readonly triggerUid: string | null;
  readonly startMs: number;
  readonly limitSeconds: number;
  simulatedSeconds: number;
  calls: number;
  readonly callLog: string[];
  readonly logs: string[];
  killed: boolean;
  readonly failAtCall: Fault | null;
  /** An error thrown by a test's call hook: the run reports it instead of the script's result. */
  hookError?: unknown;
}

/** One counted service call, as a call hook sees it (emu.beforeCall / emu.afterCall). */
export interface CallInfo {
  /** The Apps Script class ("Range", "SpreadsheetApp", "GmailApp"…). */
  readonly service: string;
  readonly method: string;
  /** "Range.getValues" */
  readonly call: string;
  /** 1-based number of the call within its execution (as in failAtCall and callLog). */
  readonly index: number;
  readonly executionId: number;
  readonly user: string;
  readonly kind: ExecutionKind;
  readonly spreadsheetId: string | null;
}

export type CallHook = (call: CallInfo) => void;

/** Call `call` of the next execution throws `message`, or (kill) the execution is killed there. */
interface Fault {
  readonly call: number;
  readonly message?: string;
  readonly kill?: boolean;
}

export interface RuntimeOptions {
  readonly clock: Clock;
  readonly users: readonly UserConfig[];
  readonly scriptTimeZone: string;
  readonly projectDir?: string;
  readonly isAddOn: boolean;
  readonly advanceClockAfterExecutions: boolean;
  readonly seed: number;
}

export class Runtime implements ServiceRuntime, CallGate {
  readonly isAddOn: boolean;
  private current: ExecutionState | null = null;
  private executionCounter = 0;
  private pendingFault: Fault | null = null;
  private readonly prng: Random;
  private readonly fileCache = new Map<string, string | undefined>();
  private readonly beforeHooks = new Set<CallHook>();
  private readonly afterHooks = new Set<CallHook>();
  /** Scopes each user has yet to grant (emu.access.requireReauthorization). */
  readonly authorization = new AuthorizationState();
  /** Called when an execution ends (locks are released there). */
  onExecutionEnd: (execution: ExecutionState) => void = () => {};

  constructor(private readonly options: RuntimeOptions) {
    this.isAddOn = options.isAddOn;
    this.prng = new Random(options.seed >>> 0 || 1);
  }

  // --- EmulatorHost ---------------------------------------------------------------------------

  now(): Date {
    return new Date(this.nowMs());
  }

  nowMs(): number {
    const exec = this.current;
    if (!exec) return this.options.clock.nowMs();
    return exec.startMs + Math.floor(exec.simulatedSeconds * 1000);
  }

  effectiveUser(): string {
    return this.current?.user ?? "";
  }

  activeUser(): string {
    return this.current?.user ?? "";
  }

  activeSpreadsheetId(): string | null {
    return this.current?.spreadsheetId ?? null;
  }

  authMode(): AuthModeName {
    return this.current?.authMode ?? "FULL";
  }

  executionKind(): ExecutionKind {
    return this.current?.kind ?? "script";
  }

  triggerUid(): string | null {
    return this.current?.triggerUid ?? null;
  }

  projectFile(name: string): string | undefined {
    const dir = this.options.projectDir;
    if (!dir) return undefined;
    if (!this.fileCache.has(name)) {
      const candidates = name.includes(".") ? [name] : [`${name}.html`, `${name}.js`, name];
      let text: string | undefined;
      for (const candidate of candidates) {
        try {
          text = readFileSync(join(dir, candidate), "utf8");
          break;
        } catch {
          // try the next extension
        }
      }
      this.fileCache.set(name, text);
    }
    return this.fileCache.get(name);
  }

  scriptTimeZone(): string {
    return this.options.scriptTimeZone;
  }

  // --- ServiceRuntime ---------------------------------------------------------------------------

  executionId(): number | null {
    return this.current?.id ?? null;
  }

  addSimulatedMs(ms: number): void {
    if (this.current && ms > 0) this.current.simulatedSeconds += ms / 1000;
  }

  findUser(address: string): UserConfig | undefined {
    const wanted = normalizeEmail(address);
    return this.options.users.find(
      (u) =>
        normalizeEmail(u.email) === wanted ||
        (u.aliases ?? []).some((alias) => normalizeEmail(alias) === wanted),
    );
  }

  random(): number {
    return this.prng.next();
  }

  pendingScopes(email: string): readonly string[] {
    return this.authorization.pendingScopes(email);
  }

  // --- executions -------------------------------------------------------------------------------

  /** The first configured user (app.call runs as them). */
  defaultUser(): string {
    const first = this.options.users[0];
    if (!first) throw new Error("emulator: no users configured");
    return first.email;
  }

  get running(): ExecutionState | null {
    return this.current;
  }

  /** Call n (1-based) of the next execution throws `message`. */
  failAtCall(call: number, message?: string): void {
    if (!Number.isInteger(call) || call < 1) throw new Error(`failAtCall: bad call number ${call}`);
    this.pendingFault = { call, message };
  }

  /**
   * The next execution is killed at call n, as by the 6-minute limit: that call and every later
   * one throw "Exceeded maximum execution time", so no `finally` gets any work done.
   */
  killAtCall(call: number): void {
    if (!Number.isInteger(call) || call < 1) throw new Error(`killAtCall: bad call number ${call}`);
    this.pendingFault = { call, kill: true };
  }

  begin(request: ExecutionRequest): ExecutionState {
    if (this.current) throw new Error("emulator: an execution is already running (no nesting)");
    const state = this.newExecution(request);
    this.pendingFault = null;
    this.current = state;
    return state;
  }

  /**
   * An execution that is open but not running: another user's or document's run paused between
   * two calls. `within` runs test code as that execution; `close` ends it (its locks end too).
   */
  open(request: ExecutionRequest): ExecutionState {
    const state = this.newExecution({ ...request }, null);
    return state;
  }

  /** Runs `fn` as `state` (which may be open while another execution runs), then switches back. */
  within<T>(state: ExecutionState, fn: () => T): T {
    const previous = this.current;
    this.current = state;
    try {
      return fn();
    } finally {
      this.current = previous;
    }
  }

  close(state: ExecutionState): void {
    if (this.current === state) this.current = null;
    this.onExecutionEnd(state);
  }

  /** Registers a hook run before (or after) every counted call; returns its removal. */
  onCall(when: "before" | "after", hook: CallHook): () => void {
    const hooks = when === "before" ? this.beforeHooks : this.afterHooks;
    hooks.add(hook);
    return () => hooks.delete(hook);
  }

  private newExecution(
    request: ExecutionRequest,
    fault: ExecutionState["failAtCall"] = this.pendingFault,
  ): ExecutionState {
    const user = this.findUser(request.user);
    if (!user) throw new Error(`emulator: unknown user ${request.user}`);
    const kind = request.kind ?? "script";
    const needsDocument = kind === "menu" || kind === "sidebar" || kind === "simple";
    const spreadsheetId = kind === "trigger" ? null : (request.spreadsheetId ?? null);
    if (needsDocument && !spreadsheetId) {
      throw new Error(`emulator: a ${kind} execution needs a spreadsheetId`);
    }
    this.executionCounter += 1;
    const state: ExecutionState = {
      id: this.executionCounter,
      user: normalizeEmail(user.email),
      authMode: request.authMode ?? "FULL",
      kind,
      spreadsheetId,
      triggerUid: request.triggerUid ?? null,
      startMs: this.options.clock.nowMs(),
      limitSeconds: kind === "simple" ? SIMPLE_TRIGGER_LIMIT_SECONDS : EXECUTION_LIMIT_SECONDS,
      simulatedSeconds: 0,
      calls: 0,
      callLog: [],
      logs: [],
      killed: false,
      failAtCall: fault,
    };
    return state;
  }

  end(state: ExecutionState): void {
    if (this.current !== state) return;
    this.current = null;
    this.onExecutionEnd(state);
    if (this.options.advanceClockAfterExecutions) {
      this.options.clock.set(new Date(state.startMs + Math.floor(state.simulatedSeconds * 1000)));
    }
  }

  log(message: string): void {
    this.current?.logs.push(message);
  }

  // --- CallGate ---------------------------------------------------------------------------------

  before(className: string, method: string, target: object): void {
    const exec = this.current;
    if (!exec) return; // test setup code touching a leaked object: not an execution
    if (exec.killed) throw serviceError(MESSAGES.timeout);
    exec.calls += 1;
    exec.callLog.push(`${className}.${method}`);
    if (exec.failAtCall && exec.failAtCall.call === exec.calls) {
      if (exec.failAtCall.kill) {
        // The kill comes at the limit: the clock stands at the execution's 6th minute.
        exec.simulatedSeconds = Math.max(exec.simulatedSeconds, exec.limitSeconds);
        exec.killed = true;
        throw serviceError(MESSAGES.timeout);
      }
      this.charge(exec, ORDINARY_CALL_SECONDS);
      throw serviceError(exec.failAtCall.message ?? defaultFaultMessage(className));
    }
    const problem =
      permissionProblem(exec.authMode, className, method) ??
      accessProblem(this.authorization, exec.user, className, method, target);
    if (problem) {
      this.charge(exec, ORDINARY_CALL_SECONDS);
      throw serviceError(problem);
    }
    this.runHooks(this.beforeHooks, exec, className, method);
  }

  after(className: string, method: string, args: readonly unknown[], result: unknown): void {
    const exec = this.current;
    if (!exec) return;
    this.charge(exec, callCostSeconds(`${className}.${method}`, args, result));
    const refused = openProblem(exec.user, result);
    if (refused) throw serviceError(refused);
    this.runHooks(this.afterHooks, exec, className, method);
  }

  /**
   * Test code acting between two calls (another person's edit). It runs outside the counted
   * services; an error it throws is the test's, reported by the run instead of reaching the script.
   */
  private runHooks(
    hooks: ReadonlySet<CallHook>,
    exec: ExecutionState,
    className: string,
    method: string,
  ): void {
    if (hooks.size === 0 || exec.hookError !== undefined) return;
    const info: CallInfo = {
      service: className,
      method,
      call: `${className}.${method}`,
      index: exec.calls,
      executionId: exec.id,
      user: exec.user,
      kind: exec.kind,
      spreadsheetId: exec.spreadsheetId,
    };
    for (const hook of [...hooks]) {
      try {
        hook(info);
      } catch (error) {
        exec.hookError = error;
        return;
      }
    }
  }

  failed(_className: string, _method: string, error: unknown): unknown {
    const exec = this.current;
    if (!exec) return error;
    try {
      this.charge(exec, ORDINARY_CALL_SECONDS);
    } catch (timeout) {
      return timeout;
    }
    return error;
  }

  /** Adds simulated time; past the limit the execution is killed and this call throws. */
  private charge(exec: ExecutionState, seconds: number): void {
    exec.simulatedSeconds += seconds;
    if (exec.simulatedSeconds > exec.limitSeconds) {
      exec.killed = true;
      throw serviceError(MESSAGES.timeout);
    }
  }
}

function defaultFaultMessage(className: string): string {
  return SPREADSHEET_CLASSES.test(className)
    ? MESSAGES.spreadsheetServiceError
    : MESSAGES.serverError;
}
