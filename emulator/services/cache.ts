// CacheService: script, user and document caches. Keys ≤ 250 characters, values ≤ 100 KB,
// expiry ≤ 21,600 s (longer is clamped, as documented), measured on the emulated clock.
import { MESSAGES, serviceError } from "../errors";
import { SERVICE_NAME } from "../host";
import type { ServiceRuntime } from "../serviceRuntime";
import { ScopedStores } from "./scopedStores";

export const CACHE_KEY_MAX_CHARS = 250;
export const CACHE_VALUE_MAX_BYTES = 100 * 1024;
export const CACHE_MAX_EXPIRY_SECONDS = 21_600;
export const CACHE_DEFAULT_EXPIRY_SECONDS = 600;

type GasCache = GoogleAppsScript.Cache.Cache;

interface Entry {
  readonly value: string;
  readonly expiresAtMs: number;
}

export class EmuCache implements Pick<
  GasCache,
  "get" | "getAll" | "put" | "putAll" | "remove" | "removeAll"
> {
  readonly [SERVICE_NAME] = "Cache";
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly runtime: ServiceRuntime) {}

  get(key: string): string | null {
    checkKey(key);
    const entry = this.entries.get(key);
    if (!entry) return null;
    if (entry.expiresAtMs <= this.runtime.now().getTime()) {
      this.entries.delete(key);
      return null;
    }
    return entry.value;
  }

  getAll(keys: string[]): { [key: string]: string } {
    const found: Record<string, string> = {};
    for (const key of keys) {
      const value = this.get(key);
      if (value !== null) found[key] = value;
    }
    return found;
  }

  put(key: string, value: string, expirationInSeconds?: number): void {
    this.putAll({ [key]: value }, expirationInSeconds);
  }

  putAll(values: { [key: string]: string }, expirationInSeconds?: number): void {
    const seconds = clampExpiry(expirationInSeconds);
    const expiresAtMs = this.runtime.now().getTime() + seconds * 1000;
    const checked = Object.entries(values).map(([key, raw]) => {
      checkKey(key);
      const value = String(raw);
      if (Buffer.byteLength(value, "utf8") > CACHE_VALUE_MAX_BYTES) {
        throw serviceError(MESSAGES.cacheValueTooLarge);
      }
      return [key, value] as const;
    });
    for (const [key, value] of checked) this.entries.set(key, { value, expiresAtMs });
  }

  remove(key: string): void {
    this.entries.delete(key);
  }

  removeAll(keys: string[]): void {
    for (const key of keys) this.entries.delete(key);
  }
}

function checkKey(key: string): void {
  if (String(key).length > CACHE_KEY_MAX_CHARS) throw serviceError(MESSAGES.cacheKeyTooLarge);
}

function clampExpiry(seconds: number | undefined): number {
  if (seconds === undefined || !Number.isFinite(seconds)) return CACHE_DEFAULT_EXPIRY_SECONDS;
  return Math.min(Math.max(1, Math.floor(seconds)), CACHE_MAX_EXPIRY_SECONDS);
}

export class CacheStores extends ScopedStores<EmuCache> {
  constructor(runtime: ServiceRuntime) {
    super(() => new EmuCache(runtime));
  }
}

export class EmuCacheService implements Pick<
  GoogleAppsScript.Cache.CacheService,
  "getScriptCache" | "getUserCache" | "getDocumentCache"
> {
  readonly [SERVICE_NAME] = "CacheService";

  constructor(
    private readonly runtime: ServiceRuntime,
    private readonly stores: CacheStores,
  ) {}

  getScriptCache(): GasCache {
    return this.stores.script as unknown as GasCache;
  }

  getUserCache(): GasCache {
    return this.stores.user(this.runtime.effectiveUser()) as unknown as GasCache;
  }

  /** null when there is no active document. */
  getDocumentCache(): GasCache | null {
    const id = this.runtime.activeSpreadsheetId();
    return id === null ? null : (this.stores.document(id) as unknown as GasCache);
  }
}
