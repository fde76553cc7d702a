// A contact's touch history kept between sidebar calls: src/domain/touchSnapshot.ts.
import {
  decodeSnapshot,
  encodeSnapshot,
  END_ROWS,
  logEnd,
  snapshotHolds,
  snapshotKey,
  type TouchSnapshot,
} from "../../src/domain/touchSnapshot";
import { MAX_CACHE_VALUE_BYTES } from "../../src/domain/limits";

const HEADERS = ["Touch ID", "Timestamp", "Contact ID", "Notes"];
const AT = new Date("2026-11-23T14:00:00Z");

const snapshot = (overrides: Partial<TouchSnapshot> = {}): TouchSnapshot => ({
  contactId: "c-000001",
  headers: HEADERS,
  end: { lastRow: 4, contactIds: ["c-000001", "c-000002", "c-000001"] },
  rows: [
    ["T-0000001", AT, "C-000001", "first"],
    ["T-0000003", AT, "C-000001", 42],
  ],
  ...overrides,
});

describe("touchSnapshot", () => {
  test("a snapshot survives the cache: Dates, numbers and text come back as they were", () => {
    const kept = snapshot({ rows: [["T-0000001", AT, "C-000001", true]] });
    const back = decodeSnapshot(encodeSnapshot(kept), " C-000001 ");
    expect(back).toEqual(kept);
    expect(back?.rows[0]?.[1]).toBeInstanceOf(Date);
  });

  test("anything but a whole snapshot of this contact reads as none", () => {
    const text = encodeSnapshot(snapshot())!;
    expect(decodeSnapshot(text, "C-000002")).toBeNull();
    expect(decodeSnapshot(null, "C-000001")).toBeNull();
    expect(decodeSnapshot("", "C-000001")).toBeNull();
    expect(decodeSnapshot("{not json", "C-000001")).toBeNull();
    const broken = (change: Record<string, unknown>) =>
      decodeSnapshot(JSON.stringify({ ...JSON.parse(text), ...change }), "C-000001");
    expect(broken({ headers: ["Touch ID", 3] })).toBeNull();
    expect(broken({ headers: "Touch ID" })).toBeNull();
    expect(broken({ end: null })).toBeNull();
    expect(broken({ end: undefined })).toBeNull();
    expect(broken({ end: { lastRow: 0, contactIds: [] } })).toBeNull();
    expect(broken({ end: { lastRow: 2.5, contactIds: [] } })).toBeNull();
    expect(broken({ end: { lastRow: 3, contactIds: [7] } })).toBeNull();
    expect(broken({ end: { lastRow: 3 } })).toBeNull();
    expect(broken({ rows: [["T-1", { d: "soon" }]] })).toBeNull();
    expect(broken({ rows: [["T-1", null]] })).toBeNull();
    expect(broken({ rows: ["T-1"] })).toBeNull();
    expect(
      broken({
        rows: [
          ["T-1", 1],
          ["T-2", null],
        ],
      }),
    ).toBeNull();
    expect(broken({ rows: null })).toBeNull();
    expect(broken({ end: { lastRow: 1, contactIds: [] } })).toEqual(
      snapshot({ end: { lastRow: 1, contactIds: [] } }),
    );
  });

  test("a history too large for one cache value is not kept", () => {
    const note = "x".repeat(1_000);
    const rows = Array.from({ length: 100 }, () => ["T-1", AT, "C-000001", note]);
    expect(encodeSnapshot(snapshot({ rows }))).toBeNull();
    // Exactly at the limit is kept.
    const base = encodeSnapshot(snapshot({ rows: [["T-1", AT, "C-000001", ""]] }))!.length;
    const atLimit = snapshot({
      rows: [["T-1", AT, "C-000001", "x".repeat(MAX_CACHE_VALUE_BYTES - base)]],
    });
    expect(encodeSnapshot(atLimit)?.length).toBe(MAX_CACHE_VALUE_BYTES);
    // The limit is in bytes: three-byte characters fill it at a third of the length.
    const wide = snapshot({
      rows: [
        ["T-1", AT, "C-000001", "語".repeat(Math.ceil((MAX_CACHE_VALUE_BYTES - base) / 3) + 1)],
      ],
    });
    expect(encodeSnapshot(wide)).toBeNull();
  });

  test("the key is the ID in any case; an ID too long for a cache key has none", () => {
    expect(snapshotKey(" C-000001 ")).toBe("tb.sidebar.touches.c-000001");
    expect(snapshotKey("x".repeat(231))).toBe(`tb.sidebar.touches.${"x".repeat(231)}`);
    expect(snapshotKey("x".repeat(232))).toBeNull();
  });

  test("a log's end is the Contact IDs of its last rows, lower-case, at most END_ROWS", () => {
    expect(logEnd(1, [])).toEqual({ lastRow: 1, contactIds: [] });
    expect(logEnd(3, ["C-1", " c-2 "])).toEqual({ lastRow: 3, contactIds: ["c-1", "c-2"] });
    // Never more rows than the log has below its header.
    expect(logEnd(2, ["Contact ID", "C-1"])).toEqual({ lastRow: 2, contactIds: ["c-1"] });
    const ids = Array.from({ length: END_ROWS + 5 }, (_, i) => `C-${i}`);
    const end = logEnd(100, ids);
    expect(end.contactIds).toHaveLength(END_ROWS);
    expect(end.contactIds[0]).toBe("c-5");
    expect(end.contactIds.at(-1)).toBe(`c-${END_ROWS + 4}`);
  });

  test("it holds while the header and the rows it ended on are unchanged, rows appended or not", () => {
    const kept = snapshot();
    const sameEnd = { lastRow: 4, contactIds: ["c-000001", "c-000002", "c-000001"] };
    expect(snapshotHolds(kept, HEADERS, 4, sameEnd)).toBe(true);
    expect(snapshotHolds(kept, HEADERS, 9, sameEnd)).toBe(true);
    // Rows deleted: the log is shorter than it was.
    expect(snapshotHolds(kept, HEADERS, 3, sameEnd)).toBe(false);
    // The end read at another row than the snapshot's.
    expect(snapshotHolds(kept, HEADERS, 5, { ...sameEnd, lastRow: 5 })).toBe(false);
    // A row inserted above, or a sort: the last rows' contacts shifted.
    const shifted = { lastRow: 4, contactIds: ["c-000002", "c-000001", "c-000001"] };
    expect(snapshotHolds(kept, HEADERS, 5, shifted)).toBe(false);
    expect(snapshotHolds(kept, HEADERS, 5, { lastRow: 4, contactIds: ["c-000001"] })).toBe(false);
    // Columns moved, added or renamed.
    expect(snapshotHolds(kept, [...HEADERS].reverse(), 4, sameEnd)).toBe(false);
    expect(snapshotHolds(kept, [...HEADERS, "Delivery"], 4, sameEnd)).toBe(false);
    expect(snapshotHolds(kept, HEADERS.slice(0, 3), 4, sameEnd)).toBe(false);
    expect(snapshotHolds(kept, ["Touch ID", "Timestamp", "Contact ID", "Note"], 4, sameEnd)).toBe(
      false,
    );
  });
});
