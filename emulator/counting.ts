// The counting Proxy. Every service global and every emulated object a call returns (also inside
// returned arrays, e.g. getSheets()) is wrapped, so each method call is seen by the gate: it is
// counted ("Range.getValues"), logged, costed, and may be refused (auth mode, injected fault, the
// 6-minute kill). Objects the script hands back to a service are unwrapped first.
import { isEmulated, SERVICE_NAME } from "./host";

export interface CallGate {
  /** Before the call runs on `target`; throws to refuse it. */
  before(className: string, method: string, target: object): void;
  /** After the call returned; may throw (the execution was killed). */
  after(className: string, method: string, args: readonly unknown[], result: unknown): void;
  /** After the call threw; returns the error to throw (the kill replaces any other error). */
  failed(className: string, method: string, error: unknown): unknown;
}

const OBJECT_METHODS = new Set(Object.getOwnPropertyNames(Object.prototype));

export class CallCounter {
  private readonly proxyOf = new WeakMap<object, object>();
  private readonly rawOf = new WeakMap<object, object>();

  constructor(private readonly gate: CallGate) {}

  /** Wraps an emulated object (or an array holding some); anything else is returned as is. */
  wrap<T>(value: T): T {
    if (isEmulated(value)) return this.proxyFor(value) as T;
    if (Array.isArray(value) && holdsEmulated(value)) {
      return value.map((item) => this.wrap(item)) as T;
    }
    return value;
  }

  /** The raw object behind a proxy (one level of arrays too); anything else as is. */
  unwrap(value: unknown): unknown {
    if (typeof value === "object" && value !== null) {
      const raw = this.rawOf.get(value);
      if (raw) return raw;
      if (Array.isArray(value) && value.some((item) => this.rawOf.has(item as object))) {
        return value.map((item) => this.unwrap(item));
      }
    }
    return value;
  }

  isProxy(value: unknown): boolean {
    return typeof value === "object" && value !== null && this.rawOf.has(value);
  }

  private proxyFor(target: object & { readonly [SERVICE_NAME]: string }): object {
    const existing = this.proxyOf.get(target);
    if (existing) return existing;
    const methods = new Map<PropertyKey, unknown>();
    const proxy = new Proxy(target, {
      get: (obj, property) => {
        const value: unknown = Reflect.get(obj, property, obj);
        if (typeof value !== "function" || typeof property !== "string") return value;
        if (property === "constructor" || OBJECT_METHODS.has(property)) return value;
        let counted = methods.get(property);
        if (!counted) {
          counted = this.countedMethod(obj, property, value as (...args: unknown[]) => unknown);
          methods.set(property, counted);
        }
        return counted;
      },
    });
    this.proxyOf.set(target, proxy);
    this.rawOf.set(proxy, target);
    return proxy;
  }

  private countedMethod(
    target: object & { readonly [SERVICE_NAME]: string },
    method: string,
    fn: (...args: unknown[]) => unknown,
  ): (...args: unknown[]) => unknown {
    return (...args: unknown[]): unknown => {
      const className = target[SERVICE_NAME];
      this.gate.before(className, method, target);
      const rawArgs = args.map((arg) => this.unwrap(arg));
      let result: unknown;
      try {
        result = fn.apply(target, rawArgs);
      } catch (error) {
        throw this.gate.failed(className, method, error);
      }
      this.gate.after(className, method, rawArgs, result);
      return this.wrap(result);
    };
  }
}

/**
 * Arrays of emulated objects (getSheets) or of such arrays (getMessagesForThreads). Only the
 * first element is looked at, so a 100,000-row getValues result is not scanned.
 */
function holdsEmulated(array: readonly unknown[]): boolean {
  const first = array.find((item) => !Array.isArray(item) || item.length > 0);
  if (isEmulated(first)) return true;
  return Array.isArray(first) && isEmulated(first[0]);
}
