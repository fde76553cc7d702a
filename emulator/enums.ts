// Apps Script enums as frozen name → name maps: real enum values print as their name, so `==`,
// `===` between members and `String(value)` behave as in Apps Script.

export function gasEnum<T>(names: readonly string[]): T {
  const members: Record<string, string> = {};
  for (const name of names) members[name] = name;
  return Object.freeze(members) as unknown as T;
}
