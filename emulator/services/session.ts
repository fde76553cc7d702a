// Session and Logger: who is running, the script's time zone, and the execution log.
import { createHash } from "node:crypto";
import { SERVICE_NAME } from "../host";
import type { ServiceRuntime } from "../serviceRuntime";

/** Base.User: from Session and from a spreadsheet's getOwner/getEditors. */
export class EmuUser implements GoogleAppsScript.Base.User {
  readonly [SERVICE_NAME] = "User";

  constructor(private readonly email: string) {}

  getEmail(): string {
    return this.email;
  }

  /** Deprecated in Apps Script: the email. */
  getUserLoginId(): string {
    return this.email;
  }
}

export class EmuSession implements Pick<
  GoogleAppsScript.Base.Session,
  | "getActiveUser"
  | "getEffectiveUser"
  | "getScriptTimeZone"
  | "getActiveUserLocale"
  | "getTemporaryActiveUserKey"
> {
  readonly [SERVICE_NAME] = "Session";

  constructor(private readonly runtime: ServiceRuntime) {}

  getActiveUser(): GoogleAppsScript.Base.User {
    return new EmuUser(this.runtime.activeUser());
  }

  getEffectiveUser(): GoogleAppsScript.Base.User {
    return new EmuUser(this.runtime.effectiveUser());
  }

  getScriptTimeZone(): string {
    return this.runtime.scriptTimeZone();
  }

  getActiveUserLocale(): string {
    return this.runtime.findUser(this.runtime.activeUser())?.locale ?? "en";
  }

  /** Stable per user and project, opaque, as in Apps Script. */
  getTemporaryActiveUserKey(): string {
    return createHash("sha256")
      .update(`touchbase-emulator:${this.runtime.activeUser()}`)
      .digest("base64")
      .slice(0, 43);
  }
}

/** Receives log lines for the running execution. */
export type LogSink = (message: string) => void;

export class EmuLogger implements Pick<GoogleAppsScript.Base.Logger, "log" | "clear" | "getLog"> {
  readonly [SERVICE_NAME] = "Logger";
  private lines: string[] = [];

  constructor(private readonly sink: LogSink) {}

  /** Logger.log(data) or Logger.log(format, ...values) with %s placeholders. */
  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    let message = typeof data === "string" ? data : stringify(data);
    for (const value of values) message = message.replace(/%[sdf]/, stringify(value));
    this.lines.push(message);
    this.sink(message);
    return this as unknown as GoogleAppsScript.Base.Logger;
  }

  clear(): void {
    this.lines = [];
  }

  getLog(): string {
    return this.lines.join("\n");
  }
}

function stringify(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === null || value === undefined || typeof value !== "object") return String(value);
  if (Object.prototype.toString.call(value) === "[object Date]") return String(value);
  try {
    return JSON.stringify(value);
  } catch {
    return String(value);
  }
}
