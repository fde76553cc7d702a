// One layer of a sheet (values, formulas, formats, notes...): rows as plain arrays, created only
// where something was written, so a 100,000-row table costs one array per row and an empty
// grid costs nothing. Indexes are 0-based.

export class Grid<T> {
  rows: ((T | undefined)[] | undefined)[] = [];

  get(row: number, column: number): T | undefined {
    return this.rows[row]?.[column];
  }

  set(row: number, column: number, value: T | undefined): void {
    let cells = this.rows[row];
    if (!cells) {
      if (value === undefined) return;
      cells = [];
      this.rows[row] = cells;
    }
    cells[column] = value;
  }

  /** Sets every cell of a block to the same value (undefined clears). */
  fill(
    row: number,
    column: number,
    numRows: number,
    numColumns: number,
    value: T | undefined,
  ): void {
    for (let r = row; r < row + numRows; r++) {
      for (let c = column; c < column + numColumns; c++) this.set(r, c, value);
    }
  }

  insertRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    const inserted: undefined[] = new Array<undefined>(count).fill(undefined);
    this.rows = this.rows.slice(0, at).concat(inserted, this.rows.slice(at));
  }

  deleteRows(at: number, count: number): void {
    if (at >= this.rows.length) return;
    this.rows = this.rows.slice(0, at).concat(this.rows.slice(at + count));
  }

  insertColumns(at: number, count: number): void {
    const inserted: undefined[] = new Array<undefined>(count).fill(undefined);
    for (let r = 0; r < this.rows.length; r++) {
      const cells = this.rows[r];
      if (!cells || at >= cells.length) continue;
      this.rows[r] = cells.slice(0, at).concat(inserted, cells.slice(at));
    }
  }

  deleteColumns(at: number, count: number): void {
    for (let r = 0; r < this.rows.length; r++) {
      const cells = this.rows[r];
      if (!cells || at >= cells.length) continue;
      this.rows[r] = cells.slice(0, at).concat(cells.slice(at + count));
    }
  }

  clear(): void {
    this.rows = [];
  }

  /** Drops rows past a count (after the grid shrinks). */
  truncateRows(count: number): void {
    if (this.rows.length > count) this.rows.length = count;
  }
}
