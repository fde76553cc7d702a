// A1 notation: "B2", "A1:C3", "A:A", "2:5", "A2:A" (open-ended), with an optional sheet prefix
// ("Contacts!A1:B2", "'My tab'!A1"). Open ends are resolved against the sheet's grid size.

export interface A1Parts {
  /** The sheet name before "!", unquoted; undefined when the notation has none. */
  sheetName?: string;
  startRow?: number;
  startColumn?: number;
  endRow?: number;
  endColumn?: number;
}

export interface GridBox {
  row: number;
  column: number;
  numRows: number;
  numColumns: number;
}

const CELL = /^\$?([A-Za-z]*)\$?(\d*)$/;

export function columnLetters(column: number): string {
  let letters = "";
  let n = column;
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function splitSheetPrefix(a1: string): { sheetName?: string; cells: string } {
  const bang = a1.lastIndexOf("!");
  if (bang < 0) return { cells: a1.trim() };
  let name = a1.slice(0, bang).trim();
  if (name.startsWith("'") && name.endsWith("'") && name.length >= 2) {
    name = name.slice(1, -1).replace(/''/g, "'");
  }
  return { sheetName: name, cells: a1.slice(bang + 1).trim() };
}

function parseCell(text: string): { row?: number; column?: number } | null {
  const match = CELL.exec(text);
  if (!match || (!match[1] && !match[2])) return null;
  const row = match[2] ? Number(match[2]) : undefined;
  const column = match[1] ? columnNumber(match[1]) : undefined;
  if (row === 0) return null;
  return { row, column };
}

/** Parses A1 notation; returns null when it is not valid A1. */
export function parseA1(a1: string): A1Parts | null {
  const { sheetName, cells } = splitSheetPrefix(a1);
  const pieces = cells.split(":");
  if (pieces.length > 2 || !pieces[0]) return null;
  const start = parseCell(pieces[0]);
  if (!start) return null;
  if (pieces.length === 1) {
    // A lone cell needs both parts.
    if (start.row === undefined || start.column === undefined) return null;
    return {
      sheetName,
      startRow: start.row,
      startColumn: start.column,
      endRow: start.row,
      endColumn: start.column,
    };
  }
  const end = parseCell(pieces[1] ?? "");
  if (!end) return null;
  return {
    sheetName,
    startRow: start.row,
    startColumn: start.column,
    endRow: end.row,
    endColumn: end.column,
  };
}

/** Resolves parsed A1 against a grid of maxRows x maxColumns (open ends reach its edge). */
export function resolveA1(parts: A1Parts, maxRows: number, maxColumns: number): GridBox {
  const r1 = parts.startRow ?? 1;
  const c1 = parts.startColumn ?? 1;
  const r2 = parts.endRow ?? maxRows;
  const c2 = parts.endColumn ?? maxColumns;
  const row = Math.min(r1, r2);
  const column = Math.min(c1, c2);
  return {
    row,
    column,
    numRows: Math.abs(r2 - r1) + 1,
    numColumns: Math.abs(c2 - c1) + 1,
  };
}

export function a1Of(box: GridBox): string {
  const start = `${columnLetters(box.column)}${box.row}`;
  if (box.numRows === 1 && box.numColumns === 1) return start;
  return `${start}:${columnLetters(box.column + box.numColumns - 1)}${box.row + box.numRows - 1}`;
}
