// How a contact's scattered touch rows are read in at most N blocks (DESIGN §6: a person is
// waiting): nearby rows share one read, far ones get their own, never more than `maxReads` reads.
import { CELLS_PER_CALL, planRowBlocks } from "../../src/domain/rowBlocks";

/** The Touches tab's width in these tests: 100,000 cells are 5,000 rows. */
const WIDTH = 20;
const ROWS_PER_CALL = CELLS_PER_CALL / WIDTH;

describe("planRowBlocks", () => {
  test("no rows means no reads", () => {
    expect(planRowBlocks([], WIDTH, 3)).toEqual([]);
  });

  test("one row is one block of one row", () => {
    expect(planRowBlocks([42], WIDTH, 3)).toEqual([{ start: 42, count: 1 }]);
  });

  test("rows in any order and repeated are read once, in sheet order", () => {
    // Numeric order, not text order ("100" < "20" < "3" as text).
    expect(planRowBlocks([100, 3, 20, 3, 100], WIDTH, 3)).toEqual([{ start: 3, count: 98 }]);
  });

  test("rows merge while the gap between them holds fewer cells than one more read costs", () => {
    expect(ROWS_PER_CALL).toBe(5_000);
    // 4,999 rows between 2 and 5002: fewer than 5,000, so one read.
    expect(planRowBlocks([2, 5_002], WIDTH, 3)).toEqual([{ start: 2, count: 5_001 }]);
    // 5,000 rows between 2 and 5003: exactly a read's worth, so two reads.
    expect(planRowBlocks([2, 5_003], WIDTH, 3)).toEqual([
      { start: 2, count: 1 },
      { start: 5_003, count: 1 },
    ]);
  });

  test("a wider tab makes a gap cost more cells, so the same rows split sooner", () => {
    // 100 columns: 1,000 rows are a read's worth.
    expect(planRowBlocks([2, 1_002], 100, 3)).toEqual([{ start: 2, count: 1_001 }]);
    expect(planRowBlocks([2, 1_003], 100, 3)).toEqual([
      { start: 2, count: 1 },
      { start: 1_003, count: 1 },
    ]);
  });

  test("a width below one column counts as one column", () => {
    expect(planRowBlocks([2, 100_002], 0, 3)).toEqual([{ start: 2, count: 100_001 }]);
    expect(planRowBlocks([2, 100_003], 0, 3)).toEqual([
      { start: 2, count: 1 },
      { start: 100_003, count: 1 },
    ]);
  });

  test("each block runs from its first to its last row, rows between included", () => {
    expect(planRowBlocks([10, 12, 11, 20_000, 20_003, 60_000], WIDTH, 3)).toEqual([
      { start: 10, count: 3 },
      { start: 20_000, count: 4 },
      { start: 60_000, count: 1 },
    ]);
  });

  test("with more blocks than reads, the blocks closest together merge first", () => {
    // Gaps: 10→20,000 is 19,990; 20,000→30,000 is 10,000; 30,000→90,000 is 60,000.
    const rows = [10, 20_000, 30_000, 90_000];
    expect(planRowBlocks(rows, WIDTH, 4)).toHaveLength(4);
    expect(planRowBlocks(rows, WIDTH, 3)).toEqual([
      { start: 10, count: 1 },
      { start: 20_000, count: 10_001 },
      { start: 90_000, count: 1 },
    ]);
    expect(planRowBlocks(rows, WIDTH, 2)).toEqual([
      { start: 10, count: 29_991 },
      { start: 90_000, count: 1 },
    ]);
    expect(planRowBlocks(rows, WIDTH, 1)).toEqual([{ start: 10, count: 89_991 }]);
  });

  test("the smallest gap is found wherever it is, the first of equal gaps merging first", () => {
    // Gaps 30,000, 20,000, 10,000: the last pair is closest.
    expect(planRowBlocks([10, 30_010, 50_010, 60_010], WIDTH, 3)).toEqual([
      { start: 10, count: 1 },
      { start: 30_010, count: 1 },
      { start: 50_010, count: 10_001 },
    ]);
    // Gaps 10,000, 10,000, 10,000: the first pair merges.
    expect(planRowBlocks([10, 10_010, 20_010, 30_010], WIDTH, 3)).toEqual([
      { start: 10, count: 10_001 },
      { start: 20_010, count: 1 },
      { start: 30_010, count: 1 },
    ]);
  });

  test("whatever the tab's length, never more reads than asked, and at least one", () => {
    const scattered = Array.from({ length: 50 }, (_, i) => 2 + i * 7_000);
    const blocks = planRowBlocks(scattered, WIDTH, 3);
    expect(blocks).toHaveLength(3);
    const covered = (row: number) => blocks.some((b) => row >= b.start && row < b.start + b.count);
    expect(scattered.filter((row) => !covered(row))).toEqual([]);
    expect(planRowBlocks(scattered, WIDTH, 0)).toEqual([{ start: 2, count: 49 * 7_000 + 1 }]);
  });
});
