// createEmulator: wires the clock, users, services, call counter and vm loader together, and
// exposes the test-side handles (gmail, properties, triggers, locks, faults).
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { AccessHarness } from "./access";
import { App, type IntlProfile, type RunResult } from "./app";
import { Clock } from "./clock";
import { CallCounter } from "./counting";
import type { EmulatorHost } from "./host";
import { zonedParts } from "./time/zoned";
import { type CallHook, type ExecutionRequest, Runtime } from "./runtime";
import type { UserConfig } from "./serviceRuntime";
import { CacheStores, EmuCacheService } from "./services/cache";
import { CalendarStore, EmuCalendarApp } from "./services/calendarApp";
import { CalendarHarness } from "./services/calendarHarness";
import { EmuGmailApp, EmuMailApp } from "./services/gmailApp";
import { GmailHarness } from "./services/gmailHarness";
import { GmailStore } from "./services/gmailStore";
import { EmuLockService, LockHarness, LockTable } from "./services/lock";
import { EmuPropertiesService, PropertyStores } from "./services/properties";
import { EmuScriptApp, TriggerStore, type TriggerEventType } from "./services/scriptApp";
import { EmuLogger, EmuSession } from "./services/session";
import { EmuUtilities } from "./services/utilities";
import {
  findIllegalValue,
  illegalValueMessage,
  MAX_CALLS_IN_FLIGHT,
  privateFunctionMessage,
  tooManyInFlightMessage,
} from "./sidebarCall";
import { createSpreadsheetServices } from "./spreadsheet/index";

export interface EmulatorOptions {
  /** The emulated clock's start (default: 2026-01-05T08:00:00Z). */
  readonly now?: Date;
  /** appsscript.json's timeZone (default "Etc/UTC"). */
  readonly scriptTimeZone?: string;
  readonly users: readonly UserConfig[];
  /** Directory with the project files (dist): HtmlService files and the bundle. */
  readonly projectDir?: string;
  /** Editor add-on trigger rules (default true). */
  readonly addOn?: boolean;
  /** Time spent by an execution moves the clock forward when it ends (default true). */
  readonly advanceClockAfterExecutions?: boolean;
  /** Seed for uuids and trigger minutes (default 1). */
  readonly seed?: number;
  /** The script project's name: the add-on menu's title (default "Untitled project"). */
  readonly addOnName?: string;
  /** The script's Intl: "full" (default) or "no-longOffset" (see IntlProfile). */
  readonly intl?: IntlProfile;
}

/** The service globals script code sees, as test code acting as another execution uses them. */
export interface ScriptGlobals {
  readonly SpreadsheetApp: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  readonly LockService: GoogleAppsScript.Lock.LockService;
  readonly CacheService: GoogleAppsScript.Cache.CacheService;
  readonly PropertiesService: GoogleAppsScript.Properties.PropertiesService;
  readonly ScriptApp: GoogleAppsScript.Script.ScriptApp;
  readonly Session: GoogleAppsScript.Base.Session;
  readonly Utilities: GoogleAppsScript.Utilities.Utilities;
  readonly GmailApp: GoogleAppsScript.Gmail.GmailApp;
  readonly MailApp: GoogleAppsScript.Mail.MailApp;
  readonly CalendarApp: GoogleAppsScript.Calendar.CalendarApp;
}

/**
 * An execution that is open but not running, e.g. another spreadsheet's run holding the script
 * lock. Its calls are counted to it; its locks end with `end()`.
 */
export interface OpenExecution {
  readonly id: number;
  /** Runs `fn` as this execution (allowed while another execution runs, e.g. in a call hook). */
  act<T>(fn: (globals: ScriptGlobals) => T): T;
  /** Ends the execution: every lock it holds is released. */
  end(): void;
}

export interface SidebarCallSpec {
  readonly functionName: string;
  readonly args?: readonly unknown[];
}

type SpreadsheetServices = ReturnType<typeof createSpreadsheetServices>;

export class Emulator {
  readonly clock: Clock;
  /** The contract the services read (now, user, active spreadsheet…). */
  readonly host: EmulatorHost;
  readonly users: readonly UserConfig[];
  /** The spreadsheet store (create spreadsheets, selections, what the UI showed). */
  readonly spreadsheets: SpreadsheetServices["store"];
  readonly gmail: GmailHarness;
  /** Each user's default calendar: create, move and delete events, set guests' answers. */
  readonly calendar: CalendarHarness;
  readonly properties = new PropertyStores();
  readonly caches: CacheStores;
  readonly triggers = new TriggerStore();
  readonly locks: LockHarness;
  /** Reauthorization after a scope change; users removed from a spreadsheet or made viewers. */
  readonly access: AccessHarness;
  readonly faults: {
    failAtCall(call: number, message?: string): void;
    /** The next execution is killed at call n (the 6-minute kill): later calls throw too. */
    killAtCall(call: number): void;
  };
  /** The services as script code sees them, without counting (for test setup and inspection). */
  readonly services: Readonly<Record<string, unknown>>;

  private readonly runtime: Runtime;
  private readonly scriptGlobals: Readonly<Record<string, unknown>>;
  private loaded: App | null = null;
  private readonly intl: IntlProfile;

  constructor(options: EmulatorOptions) {
    if (options.users.length === 0) throw new Error("createEmulator: at least one user is needed");
    this.clock = new Clock(options.now ?? new Date("2026-01-05T08:00:00Z"));
    this.intl = options.intl ?? "full";
    this.users = options.users;
    const runtime = new Runtime({
      clock: this.clock,
      users: options.users,
      scriptTimeZone: options.scriptTimeZone ?? "Etc/UTC",
      projectDir: options.projectDir,
      isAddOn: options.addOn ?? true,
      advanceClockAfterExecutions: options.advanceClockAfterExecutions ?? true,
      seed: options.seed ?? 1,
    });
    this.runtime = runtime;
    this.host = runtime;
    this.faults = {
      failAtCall: (call, message) => runtime.failAtCall(call, message),
      killAtCall: (call) => runtime.killAtCall(call),
    };

    const lockTable = new LockTable();
    runtime.onExecutionEnd = (execution) => lockTable.releaseAllOf(execution.id);
    this.locks = new LockHarness(lockTable);
    this.caches = new CacheStores(runtime);
    const gmailStore = new GmailStore(runtime);
    this.gmail = new GmailHarness(runtime, gmailStore);
    const calendarStore = new CalendarStore();
    this.calendar = new CalendarHarness(runtime, calendarStore);

    const spreadsheetServices = createSpreadsheetServices(runtime, {
      addonName: options.addOnName,
    });
    this.spreadsheets = spreadsheetServices.store;
    this.access = new AccessHarness(runtime.authorization, this.spreadsheets);
    const raw: Record<string, unknown> = {
      GmailApp: new EmuGmailApp(runtime, gmailStore),
      MailApp: new EmuMailApp(runtime, gmailStore),
      CalendarApp: new EmuCalendarApp(runtime, calendarStore),
      ScriptApp: new EmuScriptApp(runtime, this.triggers),
      PropertiesService: new EmuPropertiesService(runtime, this.properties),
      LockService: new EmuLockService(runtime, lockTable),
      CacheService: new EmuCacheService(runtime, this.caches),
      Session: new EmuSession(runtime),
      Utilities: new EmuUtilities(runtime),
      Logger: new EmuLogger((line) => runtime.log(line)),
    };
    // SpreadsheetApp, HtmlService and any other globals the spreadsheet side provides (Charts).
    for (const [name, service] of Object.entries(spreadsheetServices)) {
      if (name !== "store") raw[name] = service;
    }
    this.services = raw;
    const counter = new CallCounter(runtime);
    this.scriptGlobals = Object.fromEntries(
      Object.entries(raw).map(([name, service]) => [name, counter.wrap(service)]),
    );
  }

  /**
   * `hook` runs before every counted service call of every execution, after the call was counted
   * and allowed, before it takes effect: a test acts there as a person would between a run's read
   * and its write (edit cells, sort, insert rows through `emu.spreadsheets`, uncounted). Returns a
   * function that removes the hook. An error the hook throws fails the run (app.run throws it).
   */
  beforeCall(hook: CallHook): () => void {
    return this.runtime.onCall("before", hook);
  }

  /** As beforeCall, after the call returned (its result is already with the script). */
  afterCall(hook: CallHook): () => void {
    return this.runtime.onCall("after", hook);
  }

  /**
   * Opens an execution that stays open while others run (no nesting of runs otherwise): e.g.
   * another user's run of another spreadsheet that takes the script lock and holds it:
   *   const other = emu.openExecution({ user, kind: "menu", spreadsheetId: otherId });
   *   other.act(({ LockService }) => LockService.getScriptLock().tryLock(0));
   *   … this spreadsheet's run sees the lock held …; other.end();
   */
  openExecution(request: ExecutionRequest): OpenExecution {
    const state = this.runtime.open(request);
    let ended = false;
    return {
      id: state.id,
      act: <T>(fn: (globals: ScriptGlobals) => T): T => {
        if (ended) throw new Error("emulator: this execution has ended");
        return this.runtime.within(state, () => fn(this.scriptGlobals as unknown as ScriptGlobals));
      },
      end: () => {
        if (ended) return;
        ended = true;
        this.runtime.close(state);
      },
    };
  }

  /** Loads a bundle file (e.g. "dist/Code.js"); later trigger runs use the last one loaded. */
  loadBundle(path: string, options: { readonly intl?: IntlProfile } = {}): App {
    return this.loadBundleSource(readFileSync(path, "utf8"), path, options);
  }

  /** Loads bundle source text (tests write tiny bundles inline). */
  loadBundleSource(
    source: string,
    filename = "Code.js",
    options: { readonly intl?: IntlProfile } = {},
  ): App {
    const script = new vm.Script(source, { filename });
    const intl = options.intl ?? this.intl;
    this.loaded = new App(this.runtime, script, () => this.scriptGlobals, filename, intl);
    return this.loaded;
  }

  get app(): App {
    if (!this.loaded) throw new Error("emulator: load a bundle first (emu.loadBundle)");
    return this.loaded;
  }

  /**
   * Fires every installed time-driven trigger whose next fire time has come, each as its owner
   * (kind "trigger", FULL, no active spreadsheet) with the time-driven event object.
   */
  runDueTimeTriggers(): RunResult[] {
    const app = this.app;
    const firedAt = this.clock.nowMs();
    return this.triggers.due(firedAt).map((record) => {
      const event = timeDrivenEvent(this.clock.now(), record.uid);
      const result = app.run(
        { user: record.owner, authMode: "FULL", kind: "trigger", triggerUid: record.uid },
        record.handler,
        event,
      );
      this.triggers.markFired(record.uid, firedAt);
      return result;
    });
  }

  /**
   * Fires the installable spreadsheet triggers (onOpen/onEdit…) of one document, each as its
   * owner with the document active. `event` is merged into { authMode, triggerUid, source id }.
   */
  runSpreadsheetTriggers(
    spreadsheetId: string,
    eventType: Exclude<TriggerEventType, "CLOCK">,
    event: Record<string, unknown> = {},
  ): RunResult[] {
    const app = this.app;
    return this.triggers
      .all()
      .filter((r) => r.eventType === eventType && r.documentId === spreadsheetId)
      .map((record) =>
        app.run(
          {
            user: record.owner,
            authMode: "FULL",
            kind: "menu",
            spreadsheetId,
            triggerUid: record.uid,
          },
          record.handler,
          { authMode: "FULL", triggerUid: record.uid, ...event },
        ),
      );
  }

  /**
   * google.script.run from the sidebar: arguments and the result must be primitives, plain
   * objects and arrays (a Date fails the call, as in Apps Script); private functions (ending in
   * "_") cannot be called. The result's error says why a call failed.
   */
  sidebarCall(
    user: string,
    spreadsheetId: string,
    functionName: string,
    ...args: unknown[]
  ): RunResult {
    const refusal = this.sidebarRefusal(functionName, args);
    if (refusal) return this.refusedCall(user, functionName, refusal);
    const result = this.app.run(
      { user, spreadsheetId, kind: "sidebar", authMode: "FULL" },
      functionName,
      ...args,
    );
    if (result.error) return result;
    const illegal = findIllegalValue(result.value, "");
    if (!illegal) return result;
    const { value: _dropped, ...rest } = result;
    return {
      ...rest,
      value: undefined,
      error: new Error(illegalValueMessage(illegal, "return value")),
    };
  }

  /**
   * Several google.script.run calls issued at once (before any returns). Executions run one
   * after another here, but all count as in flight: calls past the 10th are refused.
   */
  sidebarCalls(
    user: string,
    spreadsheetId: string,
    calls: readonly SidebarCallSpec[],
  ): RunResult[] {
    return calls.map((call, index) =>
      index >= MAX_CALLS_IN_FLIGHT
        ? this.refusedCall(user, call.functionName, tooManyInFlightMessage(index))
        : this.sidebarCall(user, spreadsheetId, call.functionName, ...(call.args ?? [])),
    );
  }

  private sidebarRefusal(functionName: string, args: readonly unknown[]): string | null {
    if (functionName.endsWith("_")) return privateFunctionMessage(functionName);
    const illegal = findIllegalValue([...args], "");
    return illegal ? illegalValueMessage(illegal, "arguments") : null;
  }

  private refusedCall(user: string, functionName: string, message: string): RunResult {
    return {
      value: undefined,
      error: new Error(message),
      calls: 0,
      callLog: [],
      estimatedSeconds: 0,
      killed: false,
      logs: [],
      user,
      functionName,
      triggerUid: null,
      startedAt: this.clock.now(),
    };
  }
}

/** The event object of a time-driven trigger (fields in UTC, as Apps Script sends them). */
export function timeDrivenEvent(at: Date, triggerUid: string): Record<string, unknown> {
  const p = zonedParts(at, "UTC");
  const isoWeekday = p.weekday === 0 ? 7 : p.weekday;
  return {
    authMode: "FULL",
    triggerUid,
    year: p.year,
    month: p.month,
    "day-of-month": p.day,
    "day-of-week": isoWeekday,
    "week-of-year": isoWeek(at),
    hour: p.hour,
    minute: p.minute,
    second: p.second,
    timezone: "UTC",
  };
}

function isoWeek(date: Date): number {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  return Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

export function createEmulator(options: EmulatorOptions): Emulator {
  return new Emulator(options);
}
