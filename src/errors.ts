// Error text that works across realms (the emulator's vm, Apps Script's V8): duck-typed, never
// `instanceof Error`.
export function errorMessage(error: unknown): string {
  if (typeof error === "object" && error !== null && "message" in error) {
    const message = (error as { message: unknown }).message;
    if (typeof message === "string" && message) return message;
  }
  return String(error);
}
