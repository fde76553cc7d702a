// A loaded bundle (dist/Code.js). The script is compiled once; every execution evaluates it
// afresh in a new vm context, because Apps Script keeps no global state between executions.
import vm from "node:vm";
import { format } from "node:util";
import { MESSAGES, scriptFunctionNotFound } from "./errors";
import {
  clockedDate,
  copyInto,
  crossRealmError,
  HOST_REALM,
  toHostError,
  type Realm,
} from "./realm";
import type { ExecutionRequest, Runtime } from "./runtime";

export interface RunResult<T = unknown> {
  readonly value: T;
  readonly error?: Error;
  /** Counted service calls, and their names in order ("Range.getValues"). */
  readonly calls: number;
  readonly callLog: readonly string[];
  /** Simulated seconds the execution took (cost model in cost.ts). */
  readonly estimatedSeconds: number;
  /** True when the 6-minute limit (30 s for simple triggers) killed the execution. */
  readonly killed: boolean;
  /** Logger.log and console.* lines. */
  readonly logs: readonly string[];
  readonly user: string;
  readonly functionName: string;
  readonly triggerUid: string | null;
  readonly startedAt: Date;
}

type ConsoleLevel = "log" | "info" | "warn" | "error" | "debug";

/**
 * Which Intl the script sees. "no-longOffset": a V8 from before Intl.DateTimeFormat learned the
 * timeZoneName values "longOffset", "shortOffset", "longGeneric" and "shortGeneric" (Apps Script
 * does not document them): asking for one throws the RangeError such a V8 threw; every other
 * option, formatToParts included, works.
 */
export type IntlProfile = "full" | "no-longOffset";

/** Runs inside the context, so the RangeError and the constructor belong to the script's realm. */
const WITHOUT_LONG_OFFSET = `(function () {
  var Original = Intl.DateTimeFormat;
  var missing = ["longOffset", "shortOffset", "longGeneric", "shortGeneric"];
  function DateTimeFormat(locales, options) {
    if (options && missing.indexOf(String(options.timeZoneName)) >= 0) {
      throw new RangeError("Value " + options.timeZoneName +
        " out of range for Intl.DateTimeFormat options property timeZoneName");
    }
    return new Original(locales, options);
  }
  DateTimeFormat.prototype = Original.prototype;
  DateTimeFormat.supportedLocalesOf = Original.supportedLocalesOf;
  Object.defineProperty(Intl, "DateTimeFormat", {
    value: DateTimeFormat, writable: true, enumerable: false, configurable: true
  });
})();`;

export class App {
  constructor(
    private readonly runtime: Runtime,
    private readonly script: vm.Script,
    private readonly globals: () => Readonly<Record<string, unknown>>,
    readonly filename: string,
    private readonly intl: IntlProfile = "full",
  ) {}

  /** Runs `functionName(...args)` as one execution. Never throws for script errors. */
  run<T = unknown>(
    request: ExecutionRequest,
    functionName: string,
    ...args: unknown[]
  ): RunResult<T> {
    const exec = this.runtime.begin(request);
    let value: unknown;
    let error: Error | undefined;
    try {
      const context = this.newContext(exec.logs);
      const realm = vm.runInContext("({ Object: Object, Array: Array })", context) as Realm;
      this.script.runInContext(context);
      const fn: unknown = (context as Record<string, unknown>)[functionName];
      if (typeof fn !== "function") throw new Error(scriptFunctionNotFound(functionName));
      const inputs = args.map((arg) => copyInto(arg, realm));
      value = copyInto((fn as (...a: unknown[]) => unknown)(...inputs), HOST_REALM);
    } catch (thrown) {
      error = toHostError(thrown);
    } finally {
      this.runtime.end(exec);
    }
    if (exec.hookError !== undefined) {
      // The test's own hook failed: that is the test's error, not the script's.
      throw exec.hookError instanceof Error ? exec.hookError : new Error(String(exec.hookError));
    }
    if (exec.killed) {
      // Whatever the script did with the error, the platform ended the execution.
      value = undefined;
      if (!error || error.message !== MESSAGES.timeout) error = new Error(MESSAGES.timeout);
    }
    return {
      value: value as T,
      ...(error ? { error } : {}),
      calls: exec.calls,
      callLog: exec.callLog,
      estimatedSeconds: exec.simulatedSeconds,
      killed: exec.killed,
      logs: exec.logs,
      user: exec.user,
      functionName,
      triggerUid: exec.triggerUid,
      startedAt: new Date(exec.startMs),
    };
  }

  /** `run` as the first configured user, kind "script", FULL auth, no active spreadsheet. */
  call<T = unknown>(functionName: string, ...args: unknown[]): RunResult<T> {
    return this.run<T>({ user: this.runtime.defaultUser(), kind: "script" }, functionName, ...args);
  }

  /** The bundle's top-level functions (hoisted declarations; no top-level code is run). */
  functionNames(): string[] {
    const sandbox: Record<string, unknown> = {};
    const context = vm.createContext(sandbox);
    // Function declarations are bound before any statement runs, so even a top-level statement
    // that fails here (no service globals) leaves them in place.
    try {
      this.script.runInContext(context, { timeout: 1000 });
    } catch {
      // Top-level code may fail without services; the declarations exist already.
    }
    return Object.keys(sandbox).filter((name) => typeof sandbox[name] === "function");
  }

  private newContext(logs: string[]): vm.Context {
    const sink =
      (level: ConsoleLevel) =>
      (...parts: unknown[]) => {
        const line = format(...parts);
        logs.push(level === "error" || level === "warn" ? `${level.toUpperCase()}: ${line}` : line);
      };
    const consoleObject = {
      log: sink("log"),
      info: sink("info"),
      warn: sink("warn"),
      error: sink("error"),
      debug: sink("debug"),
    };
    const context = vm.createContext({
      ...this.globals(),
      console: consoleObject,
      Date: clockedDate(() => this.runtime.nowMs()),
      Error: crossRealmError(),
    });
    if (this.intl === "no-longOffset") vm.runInContext(WITHOUT_LONG_OFFSET, context);
    return context;
  }
}
