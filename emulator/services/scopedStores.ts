// Stores that Apps Script keeps per script, per user and per document (PropertiesService,
// CacheService): one for the script, one per user email, one per spreadsheet id, made on first use.
import { normalizeEmail } from "../serviceRuntime";

export class ScopedStores<T> {
  readonly script: T;
  private readonly byUser = new Map<string, T>();
  private readonly byDocument = new Map<string, T>();

  constructor(private readonly create: () => T) {
    this.script = create();
  }

  user(email: string): T {
    return this.getOrCreate(this.byUser, normalizeEmail(email));
  }

  document(spreadsheetId: string): T {
    return this.getOrCreate(this.byDocument, spreadsheetId);
  }

  private getOrCreate(map: Map<string, T>, key: string): T {
    let store = map.get(key);
    if (!store) {
      store = this.create();
      map.set(key, store);
    }
    return store;
  }
}
