// The pure compare of compare-before-write (issue 7 item 1): src/domain/writeGuard.ts.
import { indexTable } from "../../src/domain/table";
import { firstMove, sameCell, withChanges } from "../../src/domain/writeGuard";

const table = indexTable("Contacts", [
  ["ID", "Name", "Tier"],
  ["C-000001", "Ana", "Hot"],
  ["", "Ben", "Warm"],
]);
const block = (cells: unknown[][]) => ({ firstRow: 0, firstColumn: 0, cells: cells as never });

describe("writeGuard", () => {
  test("cells compare as read; date-times to the second", () => {
    expect(sameCell("", undefined)).toBe(true);
    expect(sameCell(new Date(1000), new Date(1400))).toBe(true);
    expect(sameCell(new Date(1000), new Date(2600))).toBe(false);
    expect(sameCell("5", 5)).toBe(false);
  });

  test("a sorted key column or an edited target cell is named by row and column", () => {
    const check = {
      keyHeaders: ["ID", "Name"],
      rows: [0, 1],
      cells: [{ row: 0, header: "Tier", value: "Warm" }],
    };
    expect(
      firstMove(
        table,
        block([
          ["C-000001", "Ana", "Hot"],
          ["", "Ben", "Warm"],
        ]),
        check,
      ),
    ).toBeNull();
    expect(
      firstMove(
        table,
        block([
          ["", "Ben", "Warm"],
          ["C-000001", "Ana", "Hot"],
        ]),
        check,
      ),
    ).toBe('row 2, ID: was "C-000001", now blank');
    expect(
      firstMove(
        table,
        block([
          ["C-000001", "Ana", "Cold"],
          ["", "Ben", "Warm"],
        ]),
        check,
      ),
    ).toBe('row 2, Tier: was "Hot", now "Cold"');
  });

  test("withChanges gives the table as it reads after a write, leaving the original alone", () => {
    const after = withChanges(table, [{ row: 1, header: "ID", value: "C-000002" }]);
    expect(after.rows[1]).toEqual(["C-000002", "Ben", "Warm"]);
    expect(table.rows[1]).toEqual(["", "Ben", "Warm"]);
  });
});
