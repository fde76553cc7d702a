// The Runs record (DESIGN §1 Runs tab, §3 step 6): the row's cells and the menu's summaries.
import {
  MAX_RUNS_TEXT,
  describeProblems,
  digestNowSummary,
  elapsedSeconds,
  emptyRunRecord,
  recordRefresh,
  refreshSummary,
  runRecordCells,
  type RunRecord,
} from "../../src/domain/runRecord";
import type { RefreshCounts, RefreshPlan } from "../../src/domain/refresh";

const STARTED = new Date("2026-03-02T09:00:00Z");
const USER = "rep@example.com";

function planWith(counts: Partial<RefreshCounts>, problems: string[] = []): RefreshPlan {
  return {
    rows: [],
    contactColumns: new Map(),
    contactFormats: new Map(),
    contactCells: [],
    touchCells: [],
    touches: [],
    historyLost: false,
    newTouches: [],
    problems,
    counts: {
      contacts: 0,
      due: 0,
      overdue: 0,
      replied: 0,
      problems: 0,
      idsAssigned: 0,
      tierChanges: 0,
      ...counts,
    },
  };
}

const record = (fields: Partial<RunRecord> = {}): RunRecord => ({
  ...emptyRunRecord(STARTED, USER, "Hourly"),
  ...fields,
});

describe("emptyRunRecord", () => {
  it("starts every count at zero and the texts blank", () => {
    expect(emptyRunRecord(STARTED, USER, "Menu")).toEqual({
      archived: "",
      started: STARTED,
      user: USER,
      trigger: "Menu",
      seconds: 0,
      contacts: 0,
      due: 0,
      overdue: 0,
      digests: 0,
      emailsSent: 0,
      drafts: 0,
      repliesFound: 0,
      deferred: 0,
      problems: "",
      error: "",
    });
  });
});

describe("runRecordCells: the Runs row under DESIGN §1's headers", () => {
  it("puts each field under its header", () => {
    const cells = runRecordCells(
      record({
        seconds: 1.5,
        contacts: 10,
        due: 2,
        overdue: 3,
        digests: 1,
        emailsSent: 4,
        drafts: 5,
        repliesFound: 6,
        deferred: 7,
        problems: "1 contact row with a Problem",
        error: "",
      }),
    );
    expect(cells).toEqual({
      Archived: "",
      Started: STARTED,
      User: USER,
      Trigger: "Hourly",
      Seconds: 1.5,
      Contacts: 10,
      Due: 2,
      Overdue: 3,
      Digests: 1,
      "Emails Sent": 4,
      Drafts: 5,
      "Replies Found": 6,
      Deferred: 7,
      Problems: "1 contact row with a Problem",
      Error: "",
    });
  });

  it(`fits a long Problems and Error text to ${MAX_RUNS_TEXT} characters, ending with "…"`, () => {
    const long = "x".repeat(MAX_RUNS_TEXT + 500);
    const cells = runRecordCells(record({ problems: long, error: `E${long}` }));
    const problems = String(cells["Problems"]);
    const error = String(cells["Error"]);
    expect({ problems: problems.length, error: error.length }).toEqual({
      problems: MAX_RUNS_TEXT,
      error: MAX_RUNS_TEXT,
    });
    expect(problems.endsWith("…")).toBe(true);
    expect(error.slice(0, 3)).toBe("Exx");
  });

  it("keeps a text of exactly the limit whole", () => {
    const exact = "y".repeat(MAX_RUNS_TEXT);
    expect(runRecordCells(record({ problems: exact }))["Problems"]).toBe(exact);
  });

  it("keeps the limit well under a cell's 50,000 characters", () => {
    expect(MAX_RUNS_TEXT).toBe(2000);
  });
});

describe("describeProblems and recordRefresh", () => {
  it.each<[number, string[], string]>([
    [0, [], ""],
    [1, [], "1 contact row with a Problem"],
    [3, [], "3 contact rows with a Problem"],
    [0, ['Setting "Digest hour": bad'], 'Setting "Digest hour": bad'],
    [2, ["Cadences: a", "Touches: b"], "2 contact rows with a Problem; Cadences: a; Touches: b"],
  ])("%i problem rows and %j → %j", (rows, problems, text) => {
    expect(describeProblems(planWith({ problems: rows }, problems))).toBe(text);
  });

  it("copies the counts and the problems into the record", () => {
    const target = record();
    recordRefresh(target, planWith({ contacts: 9, due: 2, overdue: 4, problems: 1 }));
    expect(target).toEqual(
      record({ contacts: 9, due: 2, overdue: 4, problems: "1 contact row with a Problem" }),
    );
  });
});

describe("elapsedSeconds", () => {
  it.each<[number, number]>([
    [0, 0],
    [1234, 1.2],
    [1250, 1.3],
    [61_049, 61],
  ])("%i ms → %s s", (ms, seconds) => {
    expect(elapsedSeconds(STARTED, new Date(STARTED.getTime() + ms))).toBe(seconds);
  });
});

describe("the menu's answers", () => {
  it.each<[string, Partial<RunRecord>, string]>([
    [
      "a clean refresh",
      { contacts: 12, overdue: 3, due: 2 },
      "Refreshed 12 contacts: 3 overdue, 2 due today.",
    ],
    [
      "a refresh with problems",
      { contacts: 1, problems: "1 contact row with a Problem" },
      "Refreshed 1 contacts: 0 overdue, 0 due today.\n\nProblems: 1 contact row with a Problem",
    ],
    [
      "a failed refresh",
      { contacts: 0, error: "The Contacts tab is missing." },
      "Touchbase could not refresh: The Contacts tab is missing.",
    ],
    [
      "a refresh that could not write everything",
      { contacts: 5, error: "Touches: 1 tier change could not be added." },
      "Refreshed 5 contacts: 0 overdue, 0 due today.\n\nNot everything could be written: Touches: 1 tier change could not be added.",
    ],
  ])("refreshSummary: %s", (_case, fields, text) => {
    expect(refreshSummary(record(fields))).toBe(text);
  });

  it.each<[string, Partial<RunRecord>, string]>([
    ["a digest sent", { digests: 1 }, `Your digest was sent to ${USER}.`],
    [
      "nothing to send",
      {},
      "Nothing needs you today: no replies, nothing overdue or due. No digest sent.",
    ],
    ["a failure", { digests: 1, error: "Touchbase is busy." }, "Touchbase is busy."],
  ])("digestNowSummary: %s", (_case, fields, text) => {
    expect(digestNowSummary(record(fields))).toBe(text);
  });
});
