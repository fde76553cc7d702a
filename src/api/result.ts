// The shapes that cross google.script.run between the sidebar and the server (DESIGN §6). Only
// JSON-safe values (APPS-SCRIPT-FACTS: a Date argument or result fails): dates travel as ISO
// strings. The sidebar may import these types and nothing else from src/ (lint enforces it).

/** What every sidebar server function returns: a value, or an error in words for the person. */
export type ServerResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

/** An instant as an ISO 8601 string ("2026-12-02T09:00:00.000Z"). */
export type IsoInstant = string;
