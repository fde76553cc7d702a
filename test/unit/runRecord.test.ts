// The Runs record (DESIGN §1 Runs tab, §3 step 6): the row's cells and the menu's summaries.
import {
  MAX_RUNS_TEXT,
  describeProblems,
  digestNowSummary,
  elapsedSeconds,
  emptyRunRecord,
  lastRunSummary,
  noteRunError,
  recordRefresh,
  refreshSummary,
  runRecordCells,
  type RunRecord,
} from "../../src/domain/runRecord";
import type { RefreshCounts, RefreshPlan } from "../../src/domain/refresh";
import { refreshPlan } from "../support/domain";

const STARTED = new Date("2026-03-02T09:00:00Z");
const USER = "rep@example.com";

function planWith(counts: Partial<RefreshCounts>, problems: string[] = []): RefreshPlan {
  return refreshPlan({ problems }, counts);
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

describe("noteRunError", () => {
  it("the first error is the Error; later ones follow it after a space; a blank one adds nothing", () => {
    const target = record();
    noteRunError(target, "");
    expect(target.error).toBe("");
    noteRunError(target, "Touches: 1 touch could not be added.");
    expect(target.error).toBe("Touches: 1 touch could not be added.");
    noteRunError(target, "");
    noteRunError(target, "The digest could not be sent.");
    expect(target.error).toBe("Touches: 1 touch could not be added. The digest could not be sent.");
  });
});

describe("recordRefresh with the notes of its writes", () => {
  it("adds each note after the problems, separated by '; '", () => {
    const target = record();
    recordRefresh(target, planWith({ problems: 2 }), ["Contacts moved", "Due is a formula"]);
    expect(target.problems).toBe("2 contact rows with a Problem; Contacts moved; Due is a formula");
  });

  it("with no problems the notes alone; blank notes are dropped", () => {
    const target = record({ problems: "from an earlier run" });
    recordRefresh(target, planWith({}), ["", "Contacts moved"]);
    expect(target.problems).toBe("Contacts moved");
    recordRefresh(target, planWith({}));
    expect(target.problems).toBe("");
  });

  it("summarises the same problem on many rows, so the text never grows with the sheet", () => {
    const problems = Array.from(
      { length: 7 },
      (_, i) => `Touches row ${i + 2}: Timestamp is blank`,
    );
    expect(describeProblems(planWith({}, problems))).toBe(
      "Touches: Timestamp is blank on 7 rows: row 2, row 3, row 4, row 5, row 6 and 2 more",
    );
  });
});

describe("the Archived cell", () => {
  it("is fitted like Problems and Error", () => {
    const long = "a".repeat(MAX_RUNS_TEXT + 1);
    const archived = String(runRecordCells(record({ archived: long }))["Archived"]);
    expect({ length: archived.length, last: archived.slice(-1) }).toEqual({
      length: MAX_RUNS_TEXT,
      last: "…",
    });
    expect(runRecordCells(record({ archived: "12 touches to Archive 2026" }))["Archived"]).toBe(
      "12 touches to Archive 2026",
    );
  });
});

describe("the menu's answers fit a long text", () => {
  const long = "p".repeat(MAX_RUNS_TEXT + 100);
  const fitted = `${"p".repeat(MAX_RUNS_TEXT - 1)}…`;

  it("refreshSummary cuts long problems and a long error", () => {
    expect(refreshSummary(record({ contacts: 2, problems: long }))).toBe(
      `Refreshed 2 contacts: 0 overdue, 0 due today.\n\nProblems: ${fitted}`,
    );
    expect(refreshSummary(record({ contacts: 0, error: long }))).toBe(
      `Touchbase could not refresh: ${fitted}`,
    );
    expect(refreshSummary(record({ contacts: 2, error: long, problems: "x" }))).toBe(
      `Refreshed 2 contacts: 0 overdue, 0 due today.\n\nNot everything could be written: ${fitted}\n\nProblems: x`,
    );
  });

  it("digestNowSummary cuts a long error", () => {
    expect(digestNowSummary(record({ error: long }))).toBe(fitted);
  });

  it("with no contacts and no error it still says what was refreshed", () => {
    expect(refreshSummary(record({ contacts: 0 }))).toBe(
      "Refreshed 0 contacts: 0 overdue, 0 due today.",
    );
  });
});

describe("lastRunSummary: the sidebar's last run", () => {
  const cells = {
    started: "2026-03-02 10:00",
    trigger: "Hourly",
    contacts: "40",
    due: "3",
    overdue: "5",
    error: "",
  };

  it("one line of counts when the run went well", () => {
    expect(lastRunSummary(cells)).toEqual({
      started: "2026-03-02 10:00",
      trigger: "Hourly",
      summary: "40 contacts, 3 due today, 5 overdue",
      error: "",
    });
  });

  it("blank counts read as 0", () => {
    expect(lastRunSummary({ ...cells, contacts: "", due: "", overdue: "" }).summary).toBe(
      "0 contacts, 0 due today, 0 overdue",
    );
  });

  it("a failed run shows its error", () => {
    expect(lastRunSummary({ ...cells, error: "Touchbase is busy." })).toEqual({
      started: "2026-03-02 10:00",
      trigger: "Hourly",
      summary: "Failed: Touchbase is busy.",
      error: "Touchbase is busy.",
    });
  });
});
