// Parses the Templates tab (DESIGN §1): one email template per row, found by name with the header
// matching rules (case and spaces ignored). The first row of a name wins; a repeat is reported.
import { cellText, isBlankCell, isChecked, normalizeKey } from "./cells";
import type { EmailTemplate } from "./merge";
import { TEMPLATE } from "./schema";
import { isBlankRow, rowReader, sheetRowOf, type Table } from "./table";

export interface TemplatesResult {
  /** Normalized name → template. */
  readonly byName: ReadonlyMap<string, EmailTemplate>;
  readonly problems: readonly string[];
}

export function parseTemplates(table: Table): TemplatesResult {
  const byName = new Map<string, EmailTemplate>();
  const problems: string[] = [];
  table.rows.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const read = rowReader(table, row);
    const name = cellText(read(TEMPLATE.name));
    if (name === "") return;
    const key = normalizeKey(name);
    if (byName.has(key)) {
      problems.push(`${table.tab} row ${sheetRowOf(index)}: template "${name}" is listed twice`);
      return;
    }
    const active = read(TEMPLATE.active);
    byName.set(key, {
      name,
      subject: cellText(read(TEMPLATE.subject)),
      // Keep the body's own line breaks; only trailing spaces go.
      body: String(read(TEMPLATE.body) ?? "")
        .replace(/\r\n?/g, "\n")
        .trimEnd(),
      // A blank Active cell (a column the user never filled) means active.
      active: isBlankCell(active) || isChecked(active),
    });
  });
  return { byName, problems };
}
