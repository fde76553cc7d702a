// The sidebar's server functions through the built bundle (DESIGN §6): one round trip each, under
// the document lock, a constant number of service calls whatever the sheet size, and bad input
// answered in words with nothing lost.
import { statSync } from "node:fs";
import { join } from "node:path";
import { createWorkbench, DIST_DIR, type Workbench } from "../../scripts/demo/workbench";
import { ALEX, records, SAM, sheetOf, typeRows } from "./support";
import { call, failure, ok, refOf, type Ref } from "./sidebarSupport";

const NOW = new Date("2026-11-23T14:00:00Z"); // Monday 09:00 in New York

/** A sheet with Ann (row 2) and Bob (row 3), set up and refreshed. */
function smallSheet(): Workbench {
  const wb = createWorkbench({ now: NOW });
  typeRows(wb, "Contacts", [
    { Name: "Ann Lee", Email: "ann@client.test", Owner: ALEX, Stage: "Qualified", Tier: "Warm" },
    { Name: "Bob Stone", Email: "bob@client.test", Owner: ALEX, Stage: "New Lead", Tier: "Hot" },
  ]);
  const refreshed = wb.menu("menuRefreshNow");
  if (refreshed.error) throw refreshed.error;
  return wb;
}

/** A demo sheet of `contacts` (two touches each) with Zed Probe, who has none, on its last row. */
function demoWithProbe(contacts: number): { wb: Workbench; ref: Ref } {
  const wb = createWorkbench({ now: NOW, demo: { contacts, touches: contacts * 2 } });
  const sheet = sheetOf(wb, "Contacts");
  sheet.insertRowsAfter(sheet.getMaxRows(), 1);
  typeRows(wb, "Contacts", [{ ID: "C-900001", Name: "Zed Probe", Owner: ALEX }], contacts + 2);
  return { wb, ref: { id: "C-900001", name: "Zed Probe", row: contacts + 2 } };
}

const logRequest = (contact: Ref, extra: Record<string, unknown> = {}) => ({
  requestId: `req-${Math.random()}`,
  contact,
  channel: "Call",
  outcome: "Connected",
  notes: "Spoke about pricing",
  nextStep: "Send the deck",
  nextFollowUp: "2026-11-26",
  stage: "",
  ...extra,
});

describe("Log touch", () => {
  it("appends the touch, writes Next Follow-Up and Next Step, and recomputes the row at once", () => {
    const wb = smallSheet();
    const ann = refOf(wb, "Ann Lee");
    const result = call(wb, "sidebarLogTouch", logRequest(ann));
    const answer = ok<{ message: string; card: { status: string; due: string } }>(result);
    expect(answer.message).toBe("Logged Call (Connected) for Ann Lee; next follow-up Thu 26 Nov.");
    expect(answer.card).toMatchObject({ status: "Upcoming", due: "2026-11-26" });
    expect(records(wb, "Touches").at(-1)).toMatchObject({
      "Contact ID": ann.id,
      Contact: "Ann Lee",
      Channel: "Call",
      Direction: "Outbound",
      Outcome: "Connected",
      Notes: "Spoke about pricing",
      "Next Step": "Send the deck",
      "Logged By": ALEX,
      Source: "Sidebar",
    });
    const row = records(wb, "Contacts").find((r) => r.Name === "Ann Lee")!;
    expect(row).toMatchObject({ Status: "Upcoming", "Next Step": "Send the deck", Touches: 1 });
    expect((row["Next Follow-Up"] as Date).toISOString()).toBe("2026-11-26T05:00:00.000Z");
    expect((row.Due as Date).toISOString()).toBe("2026-11-26T05:00:00.000Z");
    // Held the document lock for its calls; never the script lock (the run's).
    expect(result.callLog).toContain("LockService.getDocumentLock");
    expect(result.callLog).not.toContain("LockService.getScriptLock");
  });

  it("a stage change logs a Stage Changed touch first and restarts the stage's cadence", () => {
    const wb = smallSheet();
    const ann = refOf(wb, "Ann Lee");
    ok(call(wb, "sidebarLogTouch", logRequest(ann, { stage: "Proposal Sent" })));
    const [stageTouch, touch] = records(wb, "Touches").slice(-2);
    expect(stageTouch).toMatchObject({
      Channel: "Note",
      Direction: "Internal",
      Outcome: "Stage Changed",
      Stage: "Proposal Sent",
      Notes: "Stage Qualified → Proposal Sent",
    });
    expect(touch).toMatchObject({ Outcome: "Connected", Stage: "" });
    const row = records(wb, "Contacts").find((r) => r.Name === "Ann Lee")!;
    expect(row).toMatchObject({ Stage: "Proposal Sent", Step: "1/4 Proposal follow-up" });
    expect(row["Cadence Start"]).toEqual(stageTouch!.Timestamp);
  });

  it("costs the same service calls with 10 and with 10,000 contacts", () => {
    const counts = [10, 10_000].map((contacts) => {
      const { wb, ref } = demoWithProbe(contacts);
      const result = call(wb, "sidebarLogTouch", logRequest(ref));
      ok(result);
      return { contacts, calls: result.calls, log: result.callLog.join(" ") };
    });
    expect(counts[1]!.calls).toBe(counts[0]!.calls);
    expect(counts[1]!.log).toBe(counts[0]!.log);
  });

  it("writes the computed cells' formats only when a Due changes kind or no run has formatted the row", () => {
    const wb = smallSheet();
    const contacts = sheetOf(wb, "Contacts");
    const dueFormat = (name: string) => {
      const { row } = refOf(wb, name);
      const headers = contacts.getRange(1, 1, 1, contacts.getLastColumn()).getValues()[0]!;
      return contacts.getRange(row, headers.indexOf("Due") + 1).getNumberFormat();
    };
    // Bob, a new lead, is due within his response window (timed); a follow-up date is not.
    expect(dueFormat("Bob Stone")).toBe("yyyy-mm-dd hh:mm");
    const bob = call(wb, "sidebarLogTouch", logRequest(refOf(wb, "Bob Stone")));
    ok(bob);
    expect(dueFormat("Bob Stone")).toBe("yyyy-mm-dd");
    expect(bob.callLog).toContain("Range.setNumberFormats");
    // Ann's Due stays a date, in a row the run formatted: her values only.
    const ann = call(wb, "sidebarLogTouch", logRequest(refOf(wb, "Ann Lee")));
    ok(ann);
    expect(dueFormat("Ann Lee")).toBe("yyyy-mm-dd");
    expect(ann.callLog).not.toContain("Range.setNumberFormats");
    // Cy was typed in after the run, due on a date before and after: the sidebar formats his row.
    const cyRow = {
      ID: "C-000777",
      Name: "Cy Young",
      Owner: ALEX,
      Stage: "Qualified",
      "Next Follow-Up": new Date("2026-11-25T05:00:00Z"),
    };
    typeRows(wb, "Contacts", [cyRow], 4);
    const cy = call(wb, "sidebarLogTouch", logRequest(refOf(wb, "Cy Young")));
    ok(cy);
    expect(cy.callLog).toContain("Range.setNumberFormats");
    expect(dueFormat("Cy Young")).toBe("yyyy-mm-dd");
  });

  it("keeps a note starting with = as text", () => {
    const wb = smallSheet();
    ok(call(wb, "sidebarLogTouch", logRequest(refOf(wb, "Ann Lee"), { notes: "=IMPORTXML(1)" })));
    const touches = sheetOf(wb, "Touches");
    const notes = touches.getRange(touches.getLastRow(), 11).getFormula();
    expect(notes).toBe("");
    expect(records(wb, "Touches").at(-1)!.Notes).toBe("=IMPORTXML(1)");
  });

  it("refuses a past follow-up date and a missing one, naming the field; nothing is written", () => {
    const wb = smallSheet();
    const ann = refOf(wb, "Ann Lee");
    const before = records(wb, "Touches").length;
    expect(
      failure(call(wb, "sidebarLogTouch", logRequest(ann, { nextFollowUp: "2026-11-20" }))),
    ).toBe(
      "Next Follow-Up 2026-11-20 is in the past (today is 2026-11-23); pick today or a later date.",
    );
    expect(failure(call(wb, "sidebarLogTouch", logRequest(ann, { nextFollowUp: "" })))).toBe(
      "Pick a Next Follow-Up date: every open contact needs one (a deal marked Won or Lost does not).",
    );
    expect(failure(call(wb, "sidebarLogTouch", logRequest(ann, { outcome: "Replied" })))).toBe(
      'Outcome "Replied" does not go with Call; pick one of Connected, No Answer, Left Voicemail, Busy, Wrong Number.',
    );
    expect(records(wb, "Touches").length).toBe(before);
    // Won needs no follow-up.
    ok(call(wb, "sidebarLogTouch", logRequest(ann, { nextFollowUp: "", stage: "Won" })));
  });

  it("finds the contact after the sheet was re-sorted, and refuses one that was deleted", () => {
    const wb = smallSheet();
    const ann = refOf(wb, "Ann Lee");
    const bob = refOf(wb, "Bob Stone");
    const contacts = sheetOf(wb, "Contacts");
    // Sorted by Name descending while the sidebar was open: Bob is on row 2, Ann on row 3.
    contacts.getRange(2, 1, 2, contacts.getLastColumn()).sort({ column: 2, ascending: false });
    ok(call(wb, "sidebarLogTouch", logRequest(ann)));
    const rows = records(wb, "Contacts");
    expect(rows.map((r) => [r.Name, r["Next Step"]])).toEqual([
      ["Bob Stone", ""],
      ["Ann Lee", "Send the deck"],
    ]);
    contacts.deleteRow(2);
    expect(failure(call(wb, "sidebarLogTouch", logRequest(bob)))).toBe(
      `Bob Stone (${bob.id}) is no longer on the Contacts tab: the row was deleted or its ID changed. Search for the contact again; nothing was saved.`,
    );
  });

  it("two people at the same moment: the second waits for the lock, or is told to retry with nothing lost", () => {
    const wb = smallSheet();
    const ann = refOf(wb, "Ann Lee");
    wb.emu.locks.holdDocumentLock(wb.spreadsheetId);
    expect(failure(call(wb, "sidebarLogTouch", logRequest(ann)))).toBe(
      "Someone else is saving to this sheet right now. Try again in a moment; your entry is still in the form.",
    );
    wb.emu.locks.releaseAll();
    ok(call(wb, "sidebarLogTouch", logRequest(ann, { notes: "first" })));
    ok(
      wb.emu.sidebarCall(
        SAM,
        wb.spreadsheetId,
        "sidebarLogTouch",
        logRequest(ann, { notes: "second" }),
      ),
    );
    expect(
      records(wb, "Touches")
        .map((t) => t.Notes)
        .slice(-2),
    ).toEqual(["first", "second"]);
    expect(records(wb, "Contacts").find((r) => r.Name === "Ann Lee")!.Touches).toBe(2);
  });

  it("11 calls at once from a double click: one touch is logged, the 11th call is refused", () => {
    const wb = smallSheet();
    const request = logRequest(refOf(wb, "Ann Lee"));
    const results = wb.emu.sidebarCalls(
      ALEX,
      wb.spreadsheetId,
      Array.from({ length: 11 }, () => ({ functionName: "sidebarLogTouch", args: [request] })),
    );
    const messages = results.slice(0, 10).map((r) => ok<{ message: string }>(r).message);
    expect(new Set(messages).size).toBe(1);
    expect(results[10]!.error?.message).toBe(
      "google.script.run: call 11 refused, at most 10 calls may be in flight at once",
    );
    expect(records(wb, "Touches").filter((t) => t.Contact === "Ann Lee")).toHaveLength(1);
  });
});

describe("The history kept from the card (one hour, in the document cache)", () => {
  const touchCount = (wb: Workbench, name: string) =>
    records(wb, "Contacts").find((r) => r.Name === name)!.Touches;

  /** Ann's and Bob's touches, logged from the sidebar: Ann, Ann, Bob (rows 2–4 of Touches). */
  function withHistory(): Workbench {
    const wb = smallSheet();
    for (const name of ["Ann Lee", "Ann Lee", "Bob Stone"]) {
      ok(call(wb, "sidebarLogTouch", logRequest(refOf(wb, name))));
    }
    return wb;
  }

  it("after the card, Log touch reads only the log's end: fewer calls, the same with 10 and 10,000 contacts", () => {
    const runs = [10, 10_000].map((contacts) => {
      const { wb, ref } = demoWithProbe(contacts);
      // Another contact's card: its history says nothing about Zed's, so Zed's is searched for.
      ok(call(wb, "sidebarContact", refOf(wb, records(wb, "Contacts")[0]!.Name as string)));
      const cold = call(wb, "sidebarLogTouch", logRequest(ref));
      ok(call(wb, "sidebarContact", ref));
      const warm = call(wb, "sidebarLogTouch", logRequest(ref));
      ok(warm);
      ok(cold);
      return { cold: cold.calls, warm: warm.calls, log: warm.callLog.join(" ") };
    });
    expect(runs[1]!.warm).toBe(runs[0]!.warm);
    expect(runs[1]!.log).toBe(runs[0]!.log);
    expect(runs[1]!.warm).toBeLessThan(runs[1]!.cold);
  });

  it("counts a touch typed at the end of Touches after the card was opened, and continues its Touch ID", () => {
    const wb = withHistory();
    const ann = refOf(wb, "Ann Lee");
    ok(call(wb, "sidebarContact", ann));
    typeRows(
      wb,
      "Touches",
      [
        {
          "Touch ID": "T-0000050",
          Timestamp: new Date("2026-11-23T13:30:00Z"),
          "Contact ID": ann.id,
          Contact: "Ann Lee",
          Channel: "Email",
          Direction: "Inbound",
          Outcome: "Replied",
          Source: "Sheet",
        },
      ],
      5,
    );
    ok(call(wb, "sidebarLogTouch", logRequest(ann)));
    expect(touchCount(wb, "Ann Lee")).toBe(4);
    expect(records(wb, "Touches").at(-1)!["Touch ID"]).toBe("T-0000051");
  });

  describe("reads the whole history again when the log changed above its end since the card", () => {
    const annTouch = (ann: Ref, note: string) => ({
      Timestamp: new Date("2026-11-23T13:00:00Z"),
      "Contact ID": ann.id,
      Contact: "Ann Lee",
      Channel: "Call",
      Direction: "Outbound",
      Outcome: "No Answer",
      Notes: note,
      Source: "Sheet",
    });
    // Each case would count 3 touches from the kept history instead of Ann's 4.
    const cases: [string, (wb: Workbench, ann: Ref) => void][] = [
      [
        "a touch inserted above",
        (wb, ann) => {
          sheetOf(wb, "Touches").insertRowBefore(2);
          typeRows(wb, "Touches", [annTouch(ann, "inserted above")], 2);
        },
      ],
      [
        "Bob's touch deleted and one of Ann's typed below",
        (wb, ann) => {
          sheetOf(wb, "Touches").deleteRow(4);
          typeRows(wb, "Touches", [annTouch(ann, "typed below")], 4);
        },
      ],
      [
        "one of Ann's typed below, then the log sorted by Contact ID",
        (wb, ann) => {
          typeRows(wb, "Touches", [annTouch(ann, "typed below")], 5);
          const touches = sheetOf(wb, "Touches");
          touches.getRange(2, 1, 4, touches.getLastColumn()).sort(3);
        },
      ],
    ];
    it.each(cases)("%s", (_name, change) => {
      const wb = withHistory();
      const ann = refOf(wb, "Ann Lee");
      ok(call(wb, "sidebarContact", ann));
      change(wb, ann);
      ok(call(wb, "sidebarLogTouch", logRequest(ann)));
      expect(touchCount(wb, "Ann Lee")).toBe(4);
    });
  });

  it("a history too large for the cache in bytes (non-Latin notes) is not kept, and nothing fails", () => {
    const wb = smallSheet();
    const ann = refOf(wb, "Ann Lee");
    // 40,000 characters of three-byte text: under the cache's 100 KB in characters, not in bytes.
    const note = "日本語のメモ".repeat(6_700);
    typeRows(wb, "Touches", [
      {
        "Touch ID": "T-0000001",
        Timestamp: new Date("2026-11-20T14:00:00Z"),
        "Contact ID": ann.id,
        Contact: "Ann Lee",
        Channel: "Call",
        Direction: "Outbound",
        Outcome: "Connected",
        Notes: note,
        Source: "Sheet",
      },
    ]);
    ok(call(wb, "sidebarContact", ann));
    const request = logRequest(ann);
    ok(call(wb, "sidebarLogTouch", request));
    ok(call(wb, "sidebarLogTouch", request)); // a retry returns the first answer
    expect(records(wb, "Touches").filter((t) => t.Contact === "Ann Lee")).toHaveLength(2);
    expect(touchCount(wb, "Ann Lee")).toBe(2);
  });

  it("reads the whole history again when the Touches columns were moved since", () => {
    const wb = withHistory();
    const ann = refOf(wb, "Ann Lee");
    ok(call(wb, "sidebarContact", ann));
    const touches = sheetOf(wb, "Touches");
    // Notes moved to the front: the kept rows' columns would no longer line up.
    touches.insertColumnBefore(1);
    const notes = records(wb, "Touches").map((r) => [r.Notes]);
    const notesColumn =
      (
        sheetOf(wb, "Touches").getRange(1, 1, 1, touches.getLastColumn()).getValues()[0] as string[]
      ).indexOf("Notes") + 1;
    touches.getRange(1, 1, notes.length + 1, 1).setValues([["Notes"], ...notes]);
    touches.deleteColumn(notesColumn);
    ok(call(wb, "sidebarLogTouch", logRequest(ann, { notes: "after the move" })));
    expect(touchCount(wb, "Ann Lee")).toBe(3);
    expect(records(wb, "Touches").at(-1)).toMatchObject({
      Notes: "after the move",
      Contact: "Ann Lee",
    });
  });
});

describe("Snooze, Reassign, Cover, search and My day", () => {
  it("snoozes: Next Follow-Up in 3 days and an Internal note", () => {
    const wb = smallSheet();
    const answer = ok<{ message: string }>(
      call(wb, "sidebarSnooze", { requestId: "s1", contact: refOf(wb, "Bob Stone"), days: 3 }),
    );
    expect(answer.message).toBe("Snoozed Bob Stone until Thu 26 Nov.");
    expect(records(wb, "Touches").at(-1)).toMatchObject({
      Channel: "Note",
      Direction: "Internal",
      Outcome: "Note",
      Notes: "Snoozed 3 days, until 2026-11-26.",
    });
    expect(
      failure(
        call(wb, "sidebarSnooze", { requestId: "s2", contact: refOf(wb, "Bob Stone"), days: 2 }),
      ),
    ).toBe("Snooze for 1, 3, 7, 14 days, not 2.");
  });

  it("reassigns: a Handoff touch, the new owner, due the next working day", () => {
    const wb = smallSheet();
    ok(
      call(wb, "sidebarReassign", {
        requestId: "r1",
        contact: refOf(wb, "Ann Lee"),
        newOwner: SAM,
        note: "Call after 3pm",
        introDraft: false,
      }),
    );
    expect(records(wb, "Touches").at(-1)).toMatchObject({
      Outcome: "Handoff",
      Notes: `Handoff ${ALEX} → ${SAM}: Call after 3pm`,
    });
    const ann = records(wb, "Contacts").find((r) => r.Name === "Ann Lee")!;
    expect(ann.Owner).toBe(SAM);
    expect((ann.Due as Date).toISOString()).toBe("2026-11-24T05:00:00.000Z");
  });

  it("covers for a teammate: every contact due by the end date moves, one handoff each, one batch", () => {
    const wb = smallSheet();
    const result = call(wb, "sidebarCover", {
      requestId: "c1",
      absentOwner: ALEX,
      coveringOwner: SAM,
      from: "2026-11-23",
      to: "2026-11-27",
      note: "",
    });
    expect(ok<{ moved: number }>(result).moved).toBe(2);
    expect(records(wb, "Contacts").map((r) => r.Owner)).toEqual([SAM, SAM]);
    expect(records(wb, "Touches").filter((t) => t.Outcome === "Handoff")).toHaveLength(2);
    expect(result.callLog.filter((c) => c === "Sheet.appendRow")).toHaveLength(0);
  });

  it("search answers by name, company or email; My day lists the user's urgent contacts", () => {
    const wb = smallSheet();
    const byEmail = ok<{ hits: { ref: Ref }[] }>(call(wb, "sidebarSearch", "BOB@client"));
    expect(byEmail.hits.map((h) => h.ref.name)).toEqual(["Bob Stone"]);
    const day = ok<{ ref: Ref; status: string }[]>(call(wb, "sidebarMyDay"));
    expect(day.map((d) => [d.ref.name, d.status])).toEqual([
      ["Ann Lee", "Due Today"],
      ["Bob Stone", "Due Today"],
    ]);
  });
});

describe("dist/Sidebar.html", () => {
  it("stays under 150 KB", () => {
    const size = statSync(join(DIST_DIR, "Sidebar.html")).size;
    expect(size).toBeLessThan(150 * 1024);
  });
});
