// PropertiesService: script, per-user and per-document key/value stores with Apps Script's
// size limits (9 KB per value, 500 KB per store).
import { MESSAGES, serviceError } from "../errors";
import { SERVICE_NAME } from "../host";
import type { ServiceRuntime } from "../serviceRuntime";
import { ScopedStores } from "./scopedStores";

export const PROPERTY_VALUE_MAX_BYTES = 9 * 1024;
export const PROPERTY_STORE_MAX_BYTES = 500 * 1024;

type GasProperties = GoogleAppsScript.Properties.Properties;

function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

export class EmuProperties implements Pick<
  GasProperties,
  | "getProperty"
  | "setProperty"
  | "setProperties"
  | "getProperties"
  | "getKeys"
  | "deleteProperty"
  | "deleteAllProperties"
> {
  readonly [SERVICE_NAME] = "Properties";
  private readonly values = new Map<string, string>();

  getProperty(key: string): string | null {
    return this.values.get(String(key)) ?? null;
  }

  setProperty(key: string, value: string): GasProperties {
    this.store({ [String(key)]: value }, false);
    return this.self();
  }

  setProperties(properties: { [key: string]: string }, deleteAllOthers?: boolean): GasProperties {
    this.store(properties, deleteAllOthers === true);
    return this.self();
  }

  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.values);
  }

  getKeys(): string[] {
    return [...this.values.keys()];
  }

  deleteProperty(key: string): GasProperties {
    this.values.delete(String(key));
    return this.self();
  }

  deleteAllProperties(): GasProperties {
    this.values.clear();
    return this.self();
  }

  /** Bytes used (keys + values), as counted against the 500 KB quota. */
  usedBytes(): number {
    let total = 0;
    for (const [key, value] of this.values) total += byteLength(key) + byteLength(value);
    return total;
  }

  private store(properties: Record<string, unknown>, deleteAllOthers: boolean): void {
    const next = deleteAllOthers ? new Map<string, string>() : new Map(this.values);
    for (const [key, raw] of Object.entries(properties)) {
      const value = String(raw);
      if (byteLength(value) > PROPERTY_VALUE_MAX_BYTES) {
        throw serviceError(MESSAGES.propertyValueTooLarge);
      }
      next.set(key, value);
    }
    let total = 0;
    for (const [key, value] of next) total += byteLength(key) + byteLength(value);
    if (total > PROPERTY_STORE_MAX_BYTES) throw serviceError(MESSAGES.propertyQuota);
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
  }

  private self(): GasProperties {
    return this as unknown as GasProperties;
  }
}

/** All property stores of the project; also the test-side handle (`emu.properties`). */
export class PropertyStores extends ScopedStores<EmuProperties> {
  constructor() {
    super(() => new EmuProperties());
  }
}

export class EmuPropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  "getScriptProperties" | "getUserProperties" | "getDocumentProperties"
> {
  readonly [SERVICE_NAME] = "PropertiesService";

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly stores: PropertyStores,
  ) {}

  getScriptProperties(): GasProperties {
    return this.stores.script as unknown as GasProperties;
  }

  getUserProperties(): GasProperties {
    return this.stores.user(this.runtime.effectiveUser()) as unknown as GasProperties;
  }

  /** null when there is no active document (an add-on's time trigger). */
  getDocumentProperties(): GasProperties {
    const id = this.runtime.activeSpreadsheetId();
    return (id === null ? null : this.stores.document(id)) as unknown as GasProperties;
  }
}
