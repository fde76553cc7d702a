// The offline Apps Script runtime: one entry point for tests, the playground and benchmarks.
//
//   const emu = createEmulator({ now, scriptTimeZone, users: [{ email, name, aliases }], projectDir });
//   const id = emu.spreadsheets.create("Pipeline", { timeZone, owner }).id;
//   const app = emu.loadBundle("dist/Code.js");           // or emu.loadBundleSource(text)
//   const r = app.run({ user, kind: "menu", spreadsheetId: id }, "menuRefreshNow");
//   r.value / r.error / r.calls / r.callLog / r.estimatedSeconds / r.killed / r.logs
//   emu.clock.advance(3_600_000); emu.runDueTimeTriggers();
//   emu.sidebarCall(user, id, "fn", ...args);  emu.faults.failAtCall(3);
//   emu.gmail.deliverInbound({...}); emu.calendar.createEvent({...}); emu.locks.holdDocumentLock(id); emu.properties.user(email)
//   emu.beforeCall((call) => …act as a person between two calls…); emu.openExecution({...}).act(…)
//   emu.access.removeUser(id, email) / makeViewer(id, email) / requireReauthorization(email, scopes)
//   createEmulator({ intl: "no-longOffset" }): a V8 without Intl timeZoneName "longOffset"
//
// Cost model: cost.ts. Auth-mode rules: permissions.ts. Error texts: errors.ts.
export { createEmulator, Emulator, timeDrivenEvent } from "./emulator";
export type { EmulatorOptions, OpenExecution, ScriptGlobals, SidebarCallSpec } from "./emulator";
export type { AccessHarness } from "./access";
export { SCOPES } from "./permissions";
export type { App, IntlProfile, RunResult } from "./app";
export type { Clock } from "./clock";
export type { CallHook, CallInfo, ExecutionRequest } from "./runtime";
export { EXECUTION_LIMIT_SECONDS, SIMPLE_TRIGGER_LIMIT_SECONDS } from "./runtime";
export type { UserConfig } from "./serviceRuntime";
export { COST_TABLE, ORDINARY_CALL_SECONDS, callCostSeconds } from "./cost";
export { MESSAGES } from "./errors";
export type { InboundMail } from "./services/gmailHarness";
export type { NewEvent } from "./services/calendarHarness";
export type { GuestStatusName } from "./services/calendarApp";
export type { MailSnapshot } from "./services/gmailStore";
export type { TriggerRecord } from "./services/scriptApp";
export { MAX_CALLS_IN_FLIGHT } from "./sidebarCall";
export type { AuthModeName, ExecutionKind, EmulatorHost } from "./host";
