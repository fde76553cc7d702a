// The one way the sidebar talks to the server: a typed promise over google.script.run (DESIGN §6).
// Types come from src/api (SidebarApi), so a renamed function or a changed shape fails the build.
// Only JSON-safe values cross (ISO strings, never Dates). google.script.run allows at most 10
// calls in flight (APPS-SCRIPT-FACTS): further calls wait here for a free slot instead of failing.
import type { SidebarApi, SidebarFunction } from "../src/api/sidebarApi";

type ValueOf<R> = R extends { readonly ok: true; readonly value: infer T } ? T : never;

interface ScriptRunner {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRunner;
  withFailureHandler(handler: (error: unknown) => void): ScriptRunner;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRunner } };

const MAX_IN_FLIGHT = 10;
let inFlight = 0;
const waiting: (() => void)[] = [];

/** What went wrong, in words: the server's message, or what the transport said. */
export function messageOf(error: unknown): string {
  if (error && typeof error === "object" && "message" in error) {
    const message = String((error as { message: unknown }).message);
    if (message) return message;
  }
  const text = String(error ?? "");
  return text || "Touchbase could not reach the spreadsheet. Check your connection and try again.";
}

function slot(): Promise<void> {
  if (inFlight < MAX_IN_FLIGHT) {
    inFlight++;
    return Promise.resolve();
  }
  return new Promise((resolve) => waiting.push(resolve));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else inFlight--;
}

/** Calls a server function; resolves with its value, rejects with an Error in words. */
export async function call<K extends SidebarFunction>(
  name: K,
  ...args: Parameters<SidebarApi[K]>
): Promise<ValueOf<ReturnType<SidebarApi[K]>>> {
  await slot();
  try {
    const result = await new Promise<ReturnType<SidebarApi[K]>>((resolve, reject) => {
      const runner = google.script.run
        .withSuccessHandler((value) => resolve(value as ReturnType<SidebarApi[K]>))
        .withFailureHandler((error) => reject(new Error(messageOf(error))));
      const fn = runner[name] as (...a: unknown[]) => void;
      fn.apply(runner, args);
    });
    if (!result || typeof result !== "object" || !("ok" in result)) {
      throw new Error(`The server's answer to ${name} was not understood.`);
    }
    if (!result.ok) throw new Error(result.error);
    return result.value as ValueOf<ReturnType<SidebarApi[K]>>;
  } finally {
    release();
  }
}
