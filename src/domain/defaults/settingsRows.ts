// Default rows for the Settings tab: one per setting, with its default value and description.
import { SETTING_DEFINITIONS } from "../settings";
import { type Cell } from "../cells";

/** [Setting, Value, Description] for every setting, in definition order. */
export function defaultSettingsRows(): Cell[][] {
  return SETTING_DEFINITIONS.map((def) => [def.name, def.defaultCell, def.description]);
}
