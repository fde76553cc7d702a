// Shared set-up for the automated-email tests: a team sheet with an all-automatic cadence, contacts
// due its first step, and the hourly trigger fired at a chosen instant.
import { timeDrivenEvent, type RunResult } from "../../emulator";
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import {
  ALEX,
  records,
  setSetting,
  sheetOf,
  turnOnAutomation,
  typeRows,
  type Row,
} from "./support";

/** Monday 23 Nov 2026, 10:00 in New York: inside the default send window. */
export const MONDAY_10 = new Date("2026-11-23T15:00:00Z");
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
export const CADENCE = "Auto outreach";

export interface EmailBench {
  readonly wb: Workbench;
  readonly triggerUid: string;
}

export interface ContactSpec {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly tier?: string;
  readonly owner?: string;
  readonly extra?: Row;
}

/** A sheet whose contacts follow a three-step automatic cadence (step 3 replies in the thread). */
export function emailBench(
  contacts: readonly ContactSpec[],
  options: { mode?: string; quota?: number; aliases?: Record<string, string[]> } = {},
): EmailBench {
  const wb = createWorkbench({
    now: MONDAY_10,
    zone: "America/New_York",
    dailyEmailQuota: options.quota,
    aliases: options.aliases,
  });
  setSetting(wb, "Email mode", options.mode ?? "Send");
  const cadences = sheetOf(wb, "Cadences");
  typeRows(
    wb,
    "Cadences",
    [
      {
        Cadence: CADENCE,
        Step: 1,
        Day: 0,
        Channel: "Email",
        Template: "Introduction",
        "Auto Send": true,
      },
      {
        Cadence: CADENCE,
        Step: 2,
        Day: 2,
        Channel: "Email",
        Template: "No response #1",
        "Auto Send": true,
      },
      { Cadence: CADENCE, Step: 3, Day: 5, Channel: "Email", Template: "Bump", "Auto Send": true },
    ],
    cadences.getLastRow() + 1,
  );
  const templates = sheetOf(wb, "Templates");
  typeRows(
    wb,
    "Templates",
    [
      {
        Name: "Bump",
        Subject: "",
        Body: "Hi {{First Name}}, just bumping this up.\n\n{{Sender Name}}",
        Channel: "Email",
        Active: true,
      },
    ],
    templates.getLastRow() + 1,
  );
  typeContacts(wb, contacts);
  turnOnAutomation(wb, ALEX);
  const trigger = wb.emu.triggers.forUser(ALEX)[0];
  if (!trigger) throw new Error("no trigger after turning automation on");
  return { wb, triggerUid: trigger.uid };
}

export function typeContacts(wb: Workbench, contacts: readonly ContactSpec[], firstRow = 2): void {
  typeRows(
    wb,
    "Contacts",
    contacts.map((c) => ({
      ID: c.id,
      Name: c.name,
      Email: c.email,
      Company: "Client Co",
      Owner: c.owner ?? ALEX,
      Stage: "Qualified",
      Tier: c.tier ?? "Warm",
      Cadence: CADENCE,
      Topic: "the pilot",
      "Auto Email": true,
      Created: new Date("2026-11-20T14:00:00Z"),
      ...c.extra,
    })),
    firstRow,
  );
}

/** The hourly trigger's execution at `at` (the clock is set there first). */
export function runHourly({ wb, triggerUid }: EmailBench, at: Date, user = ALEX): RunResult {
  wb.emu.clock.set(at);
  return wb.app.run(
    { user, authMode: "FULL", kind: "trigger", triggerUid },
    "runAutomation",
    timeDrivenEvent(at, triggerUid),
  );
}

export function touchesOf(wb: Workbench, contactId: string): Row[] {
  return records(wb, "Touches").filter((t) => t["Contact ID"] === contactId);
}

export function contactRow(wb: Workbench, id: string): Row {
  const row = records(wb, "Contacts").find((c) => c["ID"] === id);
  if (!row) throw new Error(`no contact ${id}`);
  return row;
}

export function lastRun(wb: Workbench): Row {
  const run = records(wb, "Runs").at(-1);
  if (!run) throw new Error("no Runs row");
  return run;
}

/** Recipients of every message `user` sent, in order (the digest to themself excluded). */
export function sentTo(wb: Workbench, user = ALEX): string[] {
  return wb.emu.gmail
    .sent(user)
    .map((m) => m.to)
    .filter((to) => to !== user);
}
