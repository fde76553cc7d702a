// Crossing the vm boundary. The context gets the host's Date (behind a Proxy that reads the
// emulated clock) and the host's Error, so dates from services are `instanceof Date` in script code
// and emulator errors are `instanceof Error`. Plain objects and arrays are copied into the realm
// that will use them, so `instanceof Array` and deep equality behave on both sides.

/** The constructors a copy is built with (the host's or a vm context's). */
export interface Realm {
  readonly Object: ObjectConstructor;
  readonly Array: ArrayConstructor;
}

export const HOST_REALM: Realm = { Object, Array };

/** A plain object from any realm: its prototype is null or some realm's Object.prototype. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== "object" || value === null) return false;
  if (Object.prototype.toString.call(value) !== "[object Object]") return false;
  const proto: unknown = Object.getPrototypeOf(value);
  if (proto === null) return true;
  return (
    Object.getPrototypeOf(proto) === null &&
    typeof (proto as { constructor?: unknown }).constructor === "function" &&
    (proto as { constructor: { name: string } }).constructor.name === "Object"
  );
}

/**
 * Copies plain objects and arrays into `realm`, leaving every other value (primitives, Dates,
 * emulated service objects, functions) as it is. Cycles are preserved.
 */
export function copyInto(value: unknown, realm: Realm, seen = new Map<object, unknown>()): unknown {
  if (typeof value !== "object" || value === null) return value;
  const done = seen.get(value);
  if (done !== undefined) return done;
  if (Array.isArray(value)) {
    const copy = new realm.Array() as unknown[];
    seen.set(value, copy);
    for (const item of value) copy.push(copyInto(item, realm, seen));
    return copy;
  }
  if (isPlainObject(value)) {
    const copy = new realm.Object() as Record<string, unknown>;
    seen.set(value, copy);
    for (const key of Object.keys(value)) copy[key] = copyInto(value[key], realm, seen);
    return copy;
  }
  return value;
}

/**
 * The host Date, with `new Date()`, `Date()` and `Date.now()` reading the emulated clock.
 * A plain constructor sharing Date.prototype (not a Proxy): `x instanceof Date` stays true for host
 * dates and costs nothing extra, which matters when a script checks hundreds of thousands of cells;
 * `class X extends Date` (date-fns/tz's TZDate) still builds real Dates with X's prototype.
 */
export function clockedDate(nowMs: () => number): DateConstructor {
  function ClockDate(this: unknown, ...args: unknown[]): unknown {
    if (!new.target) return new Date(nowMs()).toString();
    const actual = args.length === 0 ? [nowMs()] : args;
    if (new.target !== ClockDate) return Reflect.construct(Date, actual, new.target) as object;
    return new (Date as unknown as new (...a: unknown[]) => Date)(...actual);
  }
  ClockDate.prototype = Date.prototype;
  ClockDate.now = (): number => nowMs();
  ClockDate.parse = Date.parse;
  ClockDate.UTC = Date.UTC;
  return ClockDate as unknown as DateConstructor;
}

/**
 * The host Error, answering `instanceof` for errors of both realms (a TypeError thrown by the vm
 * engine is still an Error to script code). Subclasses keep the ordinary instanceof.
 */
export function crossRealmError(): ErrorConstructor {
  const hostHasInstance = Function.prototype[Symbol.hasInstance];
  const proxy: ErrorConstructor = new Proxy(Error, {
    get(target, property, receiver) {
      if (property === Symbol.hasInstance) {
        return function hasInstance(this: unknown, value: unknown): boolean {
          if (this !== proxy) return hostHasInstance.call(this, value);
          return (
            value instanceof Error || Object.prototype.toString.call(value) === "[object Error]"
          );
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
  return proxy;
}

/** An Error of the host realm for anything thrown in the vm (keeps name, message and stack). */
export function toHostError(thrown: unknown): Error {
  if (thrown instanceof Error) return thrown;
  if (typeof thrown === "object" && thrown !== null && "message" in thrown) {
    const source = thrown as { message: unknown; name?: unknown; stack?: unknown };
    const error = new Error(String(source.message));
    if (typeof source.name === "string") error.name = source.name;
    if (typeof source.stack === "string") error.stack = source.stack;
    return error;
  }
  return new Error(String(thrown));
}
