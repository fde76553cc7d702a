// The Touches cells of a note Touchbase logs itself (a tier change, an archive summary): one
// place that says which columns such a row fills (DESIGN §1 Touches).
import type { Cell } from "./cells";
import { TOUCH } from "./schema";
import type { Touch } from "./types";

export function noteCells(touch: Touch): Map<string, Cell> {
  return new Map<string, Cell>([
    [TOUCH.touchId, touch.touchId],
    [TOUCH.timestamp, touch.timestamp],
    [TOUCH.contactId, touch.contactId],
    [TOUCH.contact, touch.contactName],
    [TOUCH.channel, touch.channel ?? ""],
    [TOUCH.direction, touch.direction ?? ""],
    [TOUCH.outcome, touch.outcome],
    [TOUCH.notes, touch.notes],
    [TOUCH.loggedBy, touch.loggedBy],
    [TOUCH.source, touch.source ?? ""],
  ]);
}
