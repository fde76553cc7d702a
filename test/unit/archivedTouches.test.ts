// The "Archived" summary row's note (issue 7 item 4): the counts lead, so a person can read and
// correct them, and they read back — typed by hand too — into what the engine adds (DESIGN §2).
import {
  ARCHIVED_OUTCOME,
  archivedNote,
  archivedTotals,
  NO_ARCHIVED,
  parseArchivedNote,
} from "../../src/domain/archivedTouches";

const PERIOD = "Fri 3 Mar 2023 to Thu 28 Nov 2024";
const ARCHIVE = "Touchbase archive — Acme";

describe("the summary note", () => {
  it("leads with the counts, with thousands separators, then the period and the archive", () => {
    expect(ARCHIVED_OUTCOME).toBe("Archived");
    expect(archivedNote({ touches: 1_204_000, outbound: 310 }, PERIOD, ARCHIVE)).toBe(
      "Archived: 1,204,000 touches, 310 outbound — Fri 3 Mar 2023 to Thu 28 Nov 2024, in “Touchbase archive — Acme”.",
    );
  });

  it("says one touch in the singular, and reads it back", () => {
    const note = archivedNote({ touches: 1, outbound: 1 }, PERIOD, ARCHIVE);
    expect(note).toBe(
      "Archived: 1 touch, 1 outbound — Fri 3 Mar 2023 to Thu 28 Nov 2024, in “Touchbase archive — Acme”.",
    );
    expect(parseArchivedNote("Archived", note)).toEqual({ touches: 1, outbound: 1 });
  });

  it("reads back the counts it wrote", () => {
    const note = archivedNote({ touches: 1_204_000, outbound: 1_310 }, PERIOD, ARCHIVE);
    expect(parseArchivedNote("Archived", note)).toEqual({ touches: 1_204_000, outbound: 1_310 });
  });

  it("reads counts a person typed, in any case and spacing", () => {
    const read = (notes: string) => parseArchivedNote("Archived", notes);
    expect(read("archived: 3 touch, 0 outbound")).toEqual({ touches: 3, outbound: 0 });
    expect(read("  ARCHIVED:12  touches,  7  outbound")).toEqual({ touches: 12, outbound: 7 });
    expect(read("Archived:\t1,000 touches,2,500 outbound and more")).toEqual({
      touches: 1000,
      outbound: 2500,
    });
  });

  it("is no summary on another outcome, or when its counts cannot be read", () => {
    const note = archivedNote({ touches: 3, outbound: 1 }, PERIOD, ARCHIVE);
    expect(parseArchivedNote("Note", note)).toBeNull();
    const read = (notes: string) => parseArchivedNote("Archived", notes);
    const unreadable = [
      "moved some rows",
      "",
      "Moved. Archived: 3 touches, 1 outbound",
      "Unarchived: 3 touches, 1 outbound",
      "Archived 3 touches, 1 outbound",
      "Archived: three touches, 1 outbound",
      "Archived: 3touches, 1 outbound",
      "Archived: 3 touches 1 outbound",
      "Archived: 3 notes, 1 outbound",
      "Archived: 3 touches, 1outbound",
      "Archived: 3 touches, 1 inbound",
      "Archived: 3 touches, outbound",
    ];
    expect(unreadable.filter((notes) => read(notes) !== null)).toEqual([]);
  });

  it("reads the note's text whatever the cell holds", () => {
    expect(parseArchivedNote("Archived", 42)).toBeNull();
    expect(parseArchivedNote("Archived", true)).toBeNull();
  });
});

describe("a contact's archived counts", () => {
  it("add up over its summary rows, skipping every other touch", () => {
    expect(
      archivedTotals([
        { archived: { touches: 10, outbound: 4 } },
        { archived: null },
        {},
        { archived: { touches: 5, outbound: 2 } },
      ]),
    ).toEqual({ touches: 15, outbound: 6 });
    expect(NO_ARCHIVED).toEqual({ touches: 0, outbound: 0 });
  });

  it("are zero without a summary row", () => {
    expect(archivedTotals([])).toEqual({ touches: 0, outbound: 0 });
    expect(archivedTotals([{ archived: null }])).toEqual({ touches: 0, outbound: 0 });
  });
});
