// ScriptApp: enums and installable triggers, with the editor add-on rules: one trigger of each
// type per user per document, time-driven at most hourly, 20 triggers per user per script.
// A time trigger belongs to the document that was active when it was created.
import { gasEnum } from "../enums";
import { MESSAGES, serviceError } from "../errors";
import { isEmulated, SERVICE_NAME } from "../host";
import { asGas, platformNull } from "../internal";
import type { ServiceRuntime } from "../serviceRuntime";
import { normalizeEmail } from "../serviceRuntime";
import { resolveTimeZone } from "../time/zoned";
import { nextFireTime, type ClockSchedule } from "./triggerSchedule";

type GS = typeof GoogleAppsScript.Script;
type Trigger = GoogleAppsScript.Script.Trigger;
type ClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type SpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export const AuthMode = gasEnum<GS["AuthMode"]>(["NONE", "CUSTOM_FUNCTION", "LIMITED", "FULL"]);
export const AuthorizationStatus = gasEnum<GS["AuthorizationStatus"]>(["REQUIRED", "NOT_REQUIRED"]);
export const TriggerSource = gasEnum<GS["TriggerSource"]>([
  "SPREADSHEETS",
  "CLOCK",
  "FORMS",
  "DOCUMENTS",
  "CALENDAR",
]);
export const EventType = gasEnum<GS["EventType"]>([
  "CLOCK",
  "ON_OPEN",
  "ON_EDIT",
  "ON_FORM_SUBMIT",
  "ON_CHANGE",
  "ON_EVENT_UPDATED",
]);
export const WeekDay = gasEnum<typeof GoogleAppsScript.Base.Weekday>([
  "SUNDAY",
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
]);
const WEEKDAY_INDEX: Record<string, number> = {
  SUNDAY: 0,
  MONDAY: 1,
  TUESDAY: 2,
  WEDNESDAY: 3,
  THURSDAY: 4,
  FRIDAY: 5,
  SATURDAY: 6,
};

export type TriggerEventType = "CLOCK" | "ON_OPEN" | "ON_EDIT" | "ON_CHANGE" | "ON_FORM_SUBMIT";

export const MAX_TRIGGERS_PER_USER = 20;
const VALID_MINUTES = new Set([1, 5, 10, 15, 30]);
const VALID_HOURS = new Set([1, 2, 4, 6, 8, 12]);

const EVENT_WORDS: Record<TriggerEventType, string> = {
  CLOCK: "time-based",
  ON_OPEN: "open",
  ON_EDIT: "edit",
  ON_CHANGE: "change",
  ON_FORM_SUBMIT: "form submit",
};

export interface TriggerRecord {
  readonly uid: string;
  readonly handler: string;
  readonly eventType: TriggerEventType;
  /** The user the trigger runs as. */
  readonly owner: string;
  /** The document the trigger belongs to (the active one at creation for time triggers). */
  readonly documentId: string | null;
  readonly schedule: ClockSchedule | null;
  /** Next fire time (time triggers); null once a one-shot trigger has fired. */
  nextFireMs: number | null;
}

/** Every installed trigger of the project; also the test-side handle (`emu.triggers`). */
export class TriggerStore {
  private readonly records: TriggerRecord[] = [];
  private counter = 0;

  all(): readonly TriggerRecord[] {
    return [...this.records];
  }

  forUser(email: string): TriggerRecord[] {
    const owner = normalizeEmail(email);
    return this.records.filter((r) => r.owner === owner);
  }

  get(uid: string): TriggerRecord | undefined {
    return this.records.find((r) => r.uid === uid);
  }

  /** Time triggers whose next fire time has come, earliest first. */
  due(nowMs: number): TriggerRecord[] {
    return this.records
      .filter((r) => r.eventType === "CLOCK" && r.nextFireMs !== null && r.nextFireMs <= nowMs)
      .sort((a, b) => (a.nextFireMs ?? 0) - (b.nextFireMs ?? 0));
  }

  /** After a run: the next slot after `nowMs` (missed slots are skipped). */
  markFired(uid: string, nowMs: number): void {
    const record = this.get(uid);
    if (record?.schedule) record.nextFireMs = nextFireTime(record.schedule, nowMs);
  }

  newUid(): string {
    this.counter += 1;
    return String(7_340_000_000_000_000 + this.counter * 7_919);
  }

  add(record: TriggerRecord): void {
    this.records.push(record);
  }

  remove(uid: string): boolean {
    const index = this.records.findIndex((r) => r.uid === uid);
    if (index < 0) return false;
    this.records.splice(index, 1);
    return true;
  }
}

export class EmuTrigger implements Pick<
  Trigger,
  "getUniqueId" | "getHandlerFunction" | "getEventType" | "getTriggerSource" | "getTriggerSourceId"
> {
  readonly [SERVICE_NAME] = "Trigger";

  constructor(readonly record: TriggerRecord) {}

  getUniqueId(): string {
    return this.record.uid;
  }

  getHandlerFunction(): string {
    return this.record.handler;
  }

  getEventType(): GoogleAppsScript.Script.EventType {
    return EventType[this.record.eventType];
  }

  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.eventType === "CLOCK" ? TriggerSource.CLOCK : TriggerSource.SPREADSHEETS;
  }

  /** The spreadsheet id for spreadsheet triggers; null for time-driven ones. */
  getTriggerSourceId(): string {
    if (this.record.eventType === "CLOCK" || this.record.documentId === null) {
      return platformNull<string>();
    }
    return this.record.documentId;
  }
}

/**
 * ScriptApp.getAuthorizationInfo: REQUIRED while the user has scopes to grant after a scope change
 * (emu.access.requireReauthorization), NOT_REQUIRED otherwise.
 */
export class EmuAuthorizationInfo implements Pick<
  GoogleAppsScript.Script.AuthorizationInfo,
  "getAuthorizationStatus" | "getAuthorizationUrl"
> {
  readonly [SERVICE_NAME] = "AuthorizationInfo";

  constructor(
    private readonly pendingScopes: readonly string[],
    private readonly scriptId: string,
  ) {}

  getAuthorizationStatus(): GoogleAppsScript.Script.AuthorizationStatus {
    return this.pendingScopes.length > 0
      ? AuthorizationStatus.REQUIRED
      : AuthorizationStatus.NOT_REQUIRED;
  }

  /**
   * The URL where the user grants the missing scopes. Strict reading: null when nothing is to be
   * granted (the reference only describes the URL for REQUIRED), though typed string.
   */
  getAuthorizationUrl(): string {
    if (this.pendingScopes.length === 0) return platformNull<string>();
    return `https://script.google.com/macros/d/${this.scriptId}/authorize`;
  }
}

/** Creates a trigger after checking the platform's limits. */
class TriggerFactory {
  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly store: TriggerStore,
  ) {}

  create(
    handler: string,
    eventType: TriggerEventType,
    documentId: string | null,
    schedule: ClockSchedule | null,
  ): Trigger {
    const owner = normalizeEmail(this.runtime.effectiveUser());
    const mine = this.store.forUser(owner);
    if (this.runtime.isAddOn) {
      const sameKind = mine.some((r) => r.eventType === eventType && r.documentId === documentId);
      if (sameKind) {
        throw serviceError(
          eventType === "CLOCK"
            ? MESSAGES.tooManyTimeTriggers
            : `This add-on has created too many ${EVENT_WORDS[eventType]} triggers in this document for this Google user account.`,
        );
      }
    }
    if (mine.length >= MAX_TRIGGERS_PER_USER) throw serviceError(MESSAGES.tooManyTriggers);
    const record: TriggerRecord = {
      uid: this.store.newUid(),
      handler,
      eventType,
      owner,
      documentId,
      schedule,
      nextFireMs: schedule ? nextFireTime(schedule, this.runtime.now().getTime()) : null,
    };
    this.store.add(record);
    return asGas<Trigger>(new EmuTrigger(record));
  }
}

type ClockMethods =
  | "after"
  | "at"
  | "atHour"
  | "create"
  | "everyDays"
  | "everyHours"
  | "everyMinutes"
  | "everyWeeks"
  | "inTimezone"
  | "nearMinute"
  | "onWeekDay";

export class EmuClockTriggerBuilder implements Pick<ClockTriggerBuilder, ClockMethods> {
  readonly [SERVICE_NAME] = "ClockTriggerBuilder";
  private schedule: {
    everyMinutes?: number;
    everyHours?: number;
    everyDays?: number;
    everyWeeks?: number;
    weekDay?: number;
    atHour?: number;
    nearMinute?: number;
    atMs?: number;
    timeZone?: string;
  } = {};

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly factory: TriggerFactory,
    private readonly handler: string,
  ) {}

  private self(): ClockTriggerBuilder {
    return asGas<ClockTriggerBuilder>(this);
  }

  everyMinutes(n: number): ClockTriggerBuilder {
    this.schedule.everyMinutes = n;
    return this.self();
  }

  everyHours(n: number): ClockTriggerBuilder {
    if (!VALID_HOURS.has(n))
      throw serviceError(`Invalid argument: hours (use 1, 2, 4, 6, 8 or 12)`);
    this.schedule.everyHours = n;
    return this.self();
  }

  everyDays(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw serviceError("Invalid argument: days");
    this.schedule.everyDays = n;
    return this.self();
  }

  everyWeeks(n: number): ClockTriggerBuilder {
    if (!Number.isInteger(n) || n < 1) throw serviceError("Invalid argument: weeks");
    this.schedule.everyWeeks = n;
    return this.self();
  }

  onWeekDay(day: GoogleAppsScript.Base.Weekday): ClockTriggerBuilder {
    const index = WEEKDAY_INDEX[String(day)];
    if (index === undefined) throw serviceError("Invalid argument: day");
    this.schedule.weekDay = index;
    return this.self();
  }

  atHour(hour: number): ClockTriggerBuilder {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23)
      throw serviceError("Invalid argument: hour");
    this.schedule.atHour = hour;
    return this.self();
  }

  nearMinute(minute: number): ClockTriggerBuilder {
    if (!Number.isInteger(minute) || minute < 0 || minute > 59) {
      throw serviceError("Invalid argument: minute");
    }
    this.schedule.nearMinute = minute;
    return this.self();
  }

  inTimezone(timeZone: string): ClockTriggerBuilder {
    if (resolveTimeZone(timeZone) !== timeZone) throw serviceError("Invalid argument: timezone");
    this.schedule.timeZone = timeZone;
    return this.self();
  }

  at(date: Date): ClockTriggerBuilder {
    this.schedule.atMs = new Date(date).getTime();
    return this.self();
  }

  after(durationMilliseconds: number): ClockTriggerBuilder {
    this.schedule.atMs = this.runtime.now().getTime() + durationMilliseconds;
    return this.self();
  }

  create(): Trigger {
    const s = this.schedule;
    const hasRepeat =
      s.everyMinutes !== undefined ||
      s.everyHours !== undefined ||
      s.everyDays !== undefined ||
      s.everyWeeks !== undefined ||
      s.weekDay !== undefined ||
      s.atHour !== undefined;
    if (!hasRepeat && s.atMs === undefined) {
      throw serviceError(
        "The trigger needs a schedule: call everyHours, everyDays, atHour or at first.",
      );
    }
    if (s.everyMinutes !== undefined) {
      if (this.runtime.isAddOn) throw serviceError(MESSAGES.tooFrequentTrigger);
      if (!VALID_MINUTES.has(s.everyMinutes)) {
        throw serviceError("Invalid argument: minutes (use 1, 5, 10, 15 or 30)");
      }
    }
    const random = this.runtime.random();
    const schedule: ClockSchedule = {
      ...s,
      timeZone: s.timeZone ?? this.runtime.scriptTimeZone(),
      minuteOffset: Math.floor(random * 60),
      secondOffset: Math.floor(this.runtime.random() * 60),
      createdMs: this.runtime.now().getTime(),
    };
    return this.factory.create(this.handler, "CLOCK", this.runtime.activeSpreadsheetId(), schedule);
  }
}

export class EmuSpreadsheetTriggerBuilder implements Pick<
  SpreadsheetTriggerBuilder,
  "create" | "onChange" | "onEdit" | "onFormSubmit" | "onOpen"
> {
  readonly [SERVICE_NAME] = "SpreadsheetTriggerBuilder";
  private eventType: TriggerEventType | null = null;

  constructor(
    private readonly factory: TriggerFactory,
    private readonly handler: string,
    private readonly spreadsheetId: string,
  ) {}

  onOpen(): SpreadsheetTriggerBuilder {
    this.eventType = "ON_OPEN";
    return asGas<SpreadsheetTriggerBuilder>(this);
  }

  onEdit(): SpreadsheetTriggerBuilder {
    this.eventType = "ON_EDIT";
    return asGas<SpreadsheetTriggerBuilder>(this);
  }

  onChange(): SpreadsheetTriggerBuilder {
    this.eventType = "ON_CHANGE";
    return asGas<SpreadsheetTriggerBuilder>(this);
  }

  onFormSubmit(): SpreadsheetTriggerBuilder {
    this.eventType = "ON_FORM_SUBMIT";
    return asGas<SpreadsheetTriggerBuilder>(this);
  }

  create(): Trigger {
    if (!this.eventType)
      throw serviceError("The trigger needs an event: call onOpen, onEdit or onChange first.");
    return this.factory.create(this.handler, this.eventType, this.spreadsheetId, null);
  }
}

export class EmuTriggerBuilder implements Pick<
  GoogleAppsScript.Script.TriggerBuilder,
  "timeBased" | "forSpreadsheet"
> {
  readonly [SERVICE_NAME] = "TriggerBuilder";

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly factory: TriggerFactory,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return asGas(new EmuClockTriggerBuilder(this.runtime, this.factory, this.handler));
  }

  /** Accepts a Spreadsheet or its id. */
  forSpreadsheet(
    spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
  ): SpreadsheetTriggerBuilder {
    return asGas(
      new EmuSpreadsheetTriggerBuilder(this.factory, this.handler, spreadsheetId(spreadsheet)),
    );
  }
}

function spreadsheetId(spreadsheet: unknown): string {
  if (typeof spreadsheet === "string") return spreadsheet;
  if (isEmulated(spreadsheet) && typeof (spreadsheet as { getId?: unknown }).getId === "function") {
    return (spreadsheet as unknown as { getId(): string }).getId();
  }
  throw serviceError("Invalid argument: spreadsheet");
}

export class EmuScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  | "AuthMode"
  | "AuthorizationStatus"
  | "getAuthorizationInfo"
  | "TriggerSource"
  | "EventType"
  | "WeekDay"
  | "newTrigger"
  | "getProjectTriggers"
  | "getUserTriggers"
  | "deleteTrigger"
  | "getOAuthToken"
  | "getScriptId"
  | "requireScopes"
  | "requireAllScopes"
> {
  readonly [SERVICE_NAME] = "ScriptApp";
  readonly AuthMode = AuthMode;
  readonly AuthorizationStatus = AuthorizationStatus;
  readonly TriggerSource = TriggerSource;
  readonly EventType = EventType;
  readonly WeekDay = WeekDay;
  private readonly factory: TriggerFactory;

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly store: TriggerStore,
  ) {
    this.factory = new TriggerFactory(runtime, store);
  }

  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    if (typeof functionName !== "string" || functionName === "") {
      throw serviceError("Invalid argument: functionName");
    }
    return asGas(new EmuTriggerBuilder(this.runtime, this.factory, functionName));
  }

  /** The current user's triggers in this project. */
  getProjectTriggers(): Trigger[] {
    return this.mine().map((r) => asGas<Trigger>(new EmuTrigger(r)));
  }

  /** The current user's triggers that belong to this spreadsheet (the emulator has no Docs/Forms). */
  getUserTriggers(
    spreadsheet:
      | GoogleAppsScript.Spreadsheet.Spreadsheet
      | GoogleAppsScript.Document.Document
      | GoogleAppsScript.Forms.Form,
  ): Trigger[] {
    const id = spreadsheetId(spreadsheet);
    return this.mine()
      .filter((r) => r.documentId === id)
      .map((r) => asGas<Trigger>(new EmuTrigger(r)));
  }

  deleteTrigger(trigger: Trigger): void {
    if (!(trigger instanceof EmuTrigger)) throw serviceError("Invalid argument: trigger");
    if (trigger.record.owner !== normalizeEmail(this.runtime.effectiveUser())) return;
    this.store.remove(trigger.record.uid);
  }

  /** Every mode gets the same answer here: the scopes the user has yet to grant. */
  getAuthorizationInfo(
    _authMode: GoogleAppsScript.Script.AuthMode,
  ): GoogleAppsScript.Script.AuthorizationInfo {
    const pending = this.runtime.pendingScopes(this.runtime.effectiveUser());
    return asGas(new EmuAuthorizationInfo(pending, this.getScriptId()));
  }

  getOAuthToken(): string {
    return `emulated-oauth-token-for-${this.runtime.effectiveUser()}`;
  }

  getScriptId(): string {
    return "emulated-script-id";
  }

  /** Scopes are all granted in the emulator; the auth mode is checked on each call instead. */
  requireScopes(_authMode: GoogleAppsScript.Script.AuthMode, _scopes: string[]): void {}

  requireAllScopes(_authMode: GoogleAppsScript.Script.AuthMode): void {}

  private mine(): TriggerRecord[] {
    return this.store.forUser(this.runtime.effectiveUser());
  }
}
