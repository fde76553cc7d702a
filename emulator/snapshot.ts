// Saving and loading an emulator's state (spreadsheets, properties, caches, triggers, Gmail, the
// clock and the seeded randomness) as JSON, so a playground's spreadsheet survives a restart.
// The stores are plain data held in a handful of classes; they are written field by field and
// restored into a fresh emulator's stores in place (its services keep pointing at them).
import type { Emulator } from "./emulator";
import { Mailbox } from "./services/gmailStore";
import { EmuCache } from "./services/cache";
import { EmuProperties } from "./services/properties";
import { Grid } from "./spreadsheet/grid";
import { SheetData, SpreadsheetData } from "./spreadsheet/model";

/** Classes whose instances live inside the stores; anything else must be a plain object. */
const CLASSES: readonly (abstract new (...args: never[]) => object)[] = [
  SpreadsheetData,
  SheetData,
  Grid,
  EmuProperties,
  EmuCache,
  Mailbox,
];
const PROTOTYPES = new Map<string, object>(CLASSES.map((c) => [c.name, c.prototype as object]));

const SNAPSHOT_VERSION = 1;

type Encoded = null | boolean | number | string | Encoded[] | { [key: string]: Encoded };

/** The emulator's state containers, reached past their TypeScript privacy on purpose. */
function roots(emu: Emulator): Record<string, object> {
  const inner = emu as unknown as {
    runtime: { prng: object; executionCounter: number };
    gmail: { store: object };
  };
  return {
    spreadsheets: (emu.spreadsheets as unknown as { spreadsheets: object }).spreadsheets,
    properties: emu.properties,
    caches: emu.caches,
    triggers: emu.triggers,
    gmail: inner.gmail.store,
    clock: emu.clock,
    random: inner.runtime.prng,
    runtime: inner.runtime,
  };
}

/** Runtime fields worth keeping (the rest is wiring: hooks, the running execution). */
const RUNTIME_FIELDS = ["executionCounter"];

class Encoder {
  private readonly ids = new Map<object, number>();

  constructor(private readonly opaque: readonly object[]) {}

  encode(value: unknown): Encoded {
    if (value === undefined) return { $u: 1 };
    if (value === null || typeof value === "boolean" || typeof value === "string") return value;
    if (typeof value === "number") return Number.isFinite(value) ? value : { $n: String(value) };
    if (typeof value === "function") return { $f: 1 };
    if (typeof value !== "object") throw new Error(`snapshot: cannot save a ${typeof value}`);
    const opaqueIndex = this.opaque.indexOf(value);
    if (opaqueIndex >= 0) return { $o: opaqueIndex };
    if (value instanceof Date) return { $d: value.getTime() };
    const seen = this.ids.get(value);
    if (seen !== undefined) return { $r: seen };
    const id = this.ids.size;
    this.ids.set(value, id);
    if (Array.isArray(value)) {
      const items: Encoded[] = [];
      for (let i = 0; i < value.length; i++) items.push(this.encode(value[i]));
      return { $i: id, $a: items };
    }
    if (value instanceof Map) {
      return { $i: id, $m: [...value].map(([k, v]) => [this.encode(k), this.encode(v)]) };
    }
    if (value instanceof Set) return { $i: id, $s: [...value].map((v) => this.encode(v)) };
    return { $i: id, $c: this.className(value), $f: this.fields(value) };
  }

  fields(value: object): Record<string, Encoded> {
    const out: Record<string, Encoded> = {};
    for (const key of Object.keys(value)) {
      out[key] = this.encode((value as Record<string, unknown>)[key]);
    }
    return out;
  }

  private className(value: object): string | null {
    const prototype = Object.getPrototypeOf(value) as object | null;
    if (prototype === Object.prototype || prototype === null) return null;
    const name = (prototype as { constructor?: { name?: string } }).constructor?.name ?? "";
    if (!PROTOTYPES.has(name)) throw new Error(`snapshot: cannot save an instance of ${name}`);
    return name;
  }
}

class Decoder {
  private readonly byId = new Map<number, unknown>();

  constructor(private readonly opaque: readonly object[]) {}

  decode(value: Encoded): unknown {
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) throw new Error("snapshot: malformed array");
    if ("$u" in value) return undefined;
    if ("$n" in value) return Number(value.$n);
    if ("$o" in value) return this.opaque[value.$o as number];
    if ("$f" in value && value.$f === 1 && !("$i" in value)) return undefined;
    if ("$d" in value) return new Date(value.$d as number);
    if ("$r" in value) return this.byId.get(value.$r as number);
    const id = value.$i as number;
    if ("$a" in value) {
      const items = value.$a as Encoded[];
      const array: unknown[] = new Array(items.length);
      this.byId.set(id, array);
      items.forEach((item, i) => {
        const decoded = this.decode(item);
        if (decoded !== undefined) array[i] = decoded;
      });
      return array;
    }
    if ("$m" in value) {
      const map = new Map<unknown, unknown>();
      this.byId.set(id, map);
      for (const [k, v] of value.$m as [Encoded, Encoded][])
        map.set(this.decode(k), this.decode(v));
      return map;
    }
    if ("$s" in value) {
      const set = new Set<unknown>();
      this.byId.set(id, set);
      for (const v of value.$s as Encoded[]) set.add(this.decode(v));
      return set;
    }
    const name = value.$c as string | null;
    const prototype = name === null ? Object.prototype : PROTOTYPES.get(name);
    if (!prototype) throw new Error(`snapshot: unknown class ${name}`);
    const object = Object.create(prototype) as Record<string, unknown>;
    this.byId.set(id, object);
    this.assign(object, value.$f as Record<string, Encoded>);
    return object;
  }

  /** Writes saved fields into `target`; a saved function keeps the target's own. */
  assign(target: Record<string, unknown>, fields: Record<string, Encoded>): void {
    for (const [key, encoded] of Object.entries(fields)) {
      if (
        encoded &&
        typeof encoded === "object" &&
        !Array.isArray(encoded) &&
        "$f" in encoded &&
        encoded.$f === 1
      ) {
        continue;
      }
      target[key] = this.decode(encoded);
    }
  }
}

/** The emulator's state as JSON text (the bundle loaded is not part of it: load it again). */
export function saveEmulatorState(emu: Emulator): string {
  const all = roots(emu);
  const encoder = new Encoder([all.runtime!]);
  const state: Record<string, Encoded> = { version: SNAPSHOT_VERSION };
  for (const [name, root] of Object.entries(all)) {
    if (name === "runtime") {
      const runtime = root as Record<string, unknown>;
      state.runtime = Object.fromEntries(
        RUNTIME_FIELDS.map((field) => [field, encoder.encode(runtime[field])]),
      );
    } else if (root instanceof Map) {
      state[name] = encoder.encode(root);
    } else {
      state[name] = encoder.fields(root);
    }
  }
  return JSON.stringify(state);
}

/** Restores state saved by saveEmulatorState into a fresh emulator made with the same users. */
export function loadEmulatorState(emu: Emulator, json: string): void {
  const state = JSON.parse(json) as Record<string, Encoded>;
  if (state.version !== SNAPSHOT_VERSION) {
    throw new Error(`snapshot: version ${String(state.version)} is not ${SNAPSHOT_VERSION}`);
  }
  const all = roots(emu);
  const decoder = new Decoder([all.runtime!]);
  for (const [name, root] of Object.entries(all)) {
    const saved = state[name];
    if (saved === undefined) continue;
    if (root instanceof Map) {
      const restored = decoder.decode(saved) as Map<unknown, unknown>;
      root.clear();
      for (const [k, v] of restored) root.set(k, v);
    } else {
      decoder.assign(root as Record<string, unknown>, saved as Record<string, Encoded>);
    }
  }
}
