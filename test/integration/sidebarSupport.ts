// Calling the sidebar's server functions through the built bundle, as the sidebar does, for the
// sidebar's integration tests.
import type { RunResult } from "../../emulator/app";
import type { Workbench } from "../../scripts/demo/workbench";
import { ALEX, records } from "./support";

export interface Ref {
  id: string;
  name: string;
  row: number;
}

/** One google.script.run call by Alex. */
export function call(wb: Workbench, fn: string, ...args: unknown[]): RunResult {
  return wb.emu.sidebarCall(ALEX, wb.spreadsheetId, fn, ...args);
}

/** The value of an ok ServerResult; a failure fails the test with the server's words. */
export function ok<T>(result: RunResult): T {
  if (result.error) throw result.error;
  const answer = result.value as { ok: boolean; value?: T; error?: string };
  if (!answer.ok) throw new Error(`server said: ${answer.error}`);
  return answer.value as T;
}

/** The words of a refused call (fails the test when the server accepted it). */
export function failure(result: RunResult): string {
  if (result.error) throw result.error;
  const answer = result.value as { ok: boolean; error?: string };
  if (answer.ok) throw new Error("expected the server to refuse");
  return answer.error ?? "";
}

/** Where the contact named `name` is on Contacts now. */
export function refOf(wb: Workbench, name: string): Ref {
  const rows = records(wb, "Contacts");
  const index = rows.findIndex((row) => row.Name === name);
  if (index < 0) throw new Error(`no ${name} on Contacts`);
  return { id: String(rows[index]!.ID), name, row: index + 2 };
}
