// google.script.run's rules for what crosses between the sidebar and the server: primitives,
// plain objects and arrays only. A Date (or any other class instance, or a function) makes the
// call fail, in either direction. Private functions (name ending in "_") cannot be called.
import { isPlainObject } from "./realm";

/** google.script.run allows at most this many calls in flight. */
export const MAX_CALLS_IN_FLIGHT = 10;

/** Path and type of the first value google.script.run cannot carry, or null when all is legal. */
export function findIllegalValue(
  value: unknown,
  path: string,
): { path: string; type: string } | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return null;
  if (type !== "object") return { path, type };
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findIllegalValue(value[i], path ? `${path}.${i}` : String(i));
      if (found) return found;
    }
    return null;
  }
  if (!isPlainObject(value)) {
    const tag = Object.prototype.toString.call(value).slice(8, -1);
    return { path, type: tag === "Object" ? "class instance" : tag };
  }
  for (const key of Object.keys(value)) {
    const found = findIllegalValue(value[key], path ? `${path}.${key}` : key);
    if (found) return found;
  }
  return null;
}

export function illegalValueMessage(found: { path: string; type: string }, where: string): string {
  return `Failed due to illegal value in property: ${found.path || "(value)"} (${found.type} in the ${where}; send ISO strings, plain objects and arrays)`;
}

export function privateFunctionMessage(functionName: string): string {
  return `google.script.run.${functionName} is not a function (functions ending in "_" are private)`;
}

export function tooManyInFlightMessage(index: number): string {
  return `google.script.run: call ${index + 1} refused, at most ${MAX_CALLS_IN_FLIGHT} calls may be in flight at once`;
}
