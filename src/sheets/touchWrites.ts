// Writes the email automation makes to the sheet (DESIGN §1, §4): the Delivery and Thread ID of
// touches it wrote itself, compare-before-write so a person's correction made meanwhile wins, and
// the one user cell it checks besides Tier and ID: Opted Out, after re-reading the row's ID.
import { isChecked, toCellValue, type Cell } from "../domain/cells";
import { CONTACT, TOUCH } from "../domain/schema";
import { columnOf, FIRST_DATA_ROW, type Table } from "../domain/table";
import type { TouchUpdate } from "../domain/gmailSync";
import type { Contact } from "../domain/types";
import { columnKindOf } from "./tableIO";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows closer than this are written as one block (fewer calls; unchanged cells are rewritten as read). */
const ROW_GAP = 50;

/**
 * Writes Thread ID / Delivery updates to existing Touches rows: per block of nearby rows, one read
 * and one write of the block's columns. A cell someone changed since the run read the tab is kept.
 */
export function updateTouchCells(
  sheet: Sheet,
  table: Table,
  updates: readonly TouchUpdate[],
): number {
  const threadCol = columnOf(table, TOUCH.threadId);
  const deliveryCol = columnOf(table, TOUCH.delivery);
  if (threadCol === undefined || deliveryCol === undefined || updates.length === 0) return 0;
  const first = Math.min(threadCol, deliveryCol);
  const width = Math.abs(threadCol - deliveryCol) + 1;
  const sorted = [...updates].sort((a, b) => a.rowNumber - b.rowNumber);
  let written = 0;
  for (const block of rowBlocks(sorted)) {
    const top = block[0]!.rowNumber;
    const height = block[block.length - 1]!.rowNumber - top + 1;
    const range = sheet.getRange(top, first + 1, height, width);
    const current = range.getValues() as Cell[][];
    for (const update of block) {
      const r = update.rowNumber - top;
      const asRead = table.rows[update.rowNumber - FIRST_DATA_ROW] ?? [];
      const row = current[r]!;
      const set = (column: number, value: string | undefined) => {
        if (value === undefined) return;
        // Compare-before-write: only a cell still as the run read it is replaced.
        if (String(row[column - first] ?? "") !== String(asRead[column] ?? "")) return;
        row[column - first] = toCellValue(value, columnKindOf(table, table.headers[column] ?? ""));
        written++;
      };
      set(threadCol, update.threadId);
      set(deliveryCol, update.delivery);
    }
    range.setValues(current);
  }
  return written;
}

function rowBlocks(sorted: readonly TouchUpdate[]): TouchUpdate[][] {
  const blocks: TouchUpdate[][] = [];
  for (const update of sorted) {
    const block = blocks[blocks.length - 1];
    const last = block?.[block.length - 1];
    if (block && last && update.rowNumber - last.rowNumber <= ROW_GAP) block.push(update);
    else blocks.push([update]);
  }
  return blocks;
}

/**
 * Checks Opted Out for contacts who asked to unsubscribe: per contact, one read of the row (is
 * its ID still this contact's? rows may have moved) and one write of that single cell.
 * Returns the contacts whose row had moved or vanished (a human must check them).
 */
export function checkOptedOut(sheet: Sheet, table: Table, contacts: readonly Contact[]): string[] {
  const idCol = columnOf(table, CONTACT.id);
  const optCol = columnOf(table, CONTACT.optedOut);
  if (idCol === undefined || optCol === undefined) return contacts.map((c) => c.name);
  const missed: string[] = [];
  const [left, right] = [Math.min(idCol, optCol), Math.max(idCol, optCol)];
  for (const contact of contacts) {
    const row = sheet.getRange(contact.rowNumber, left + 1, 1, right - left + 1).getValues()[0]!;
    if (String(row[idCol - left] ?? "").trim() !== contact.id) {
      missed.push(`${contact.name} (${contact.id})`);
      continue;
    }
    if (!isChecked(row[optCol - left] as Cell)) {
      sheet.getRange(contact.rowNumber, optCol + 1).setValue(true);
    }
  }
  return missed;
}

/** Delivery and Thread ID of rows just appended, in one write per contiguous run of columns. */
export function completionColumns(
  threadIds: readonly string[],
  deliveries: readonly string[],
): Map<string, readonly unknown[]> {
  return new Map<string, readonly unknown[]>([
    [TOUCH.threadId, threadIds],
    [TOUCH.delivery, deliveries],
  ]);
}
