// The cells of the email touches Touchbase writes (DESIGN §1 Touches, §4): Thread ID and Notes
// record the thread, Message-ID, draft, recipient and subject so a later run finds the email again.
import {
  bareMessageKey,
  draftCell,
  emailNotes,
  emailTouchCells,
  isAutomationEmail,
  isTouchbaseEmail,
  parseThreadCell,
  recipientOfNotes,
  subjectKey,
  subjectOfNotes,
  threadCell,
  type EmailTouchFields,
  type ThreadCell,
} from "../../src/domain/emailTouches";
import type { Channel, Source } from "../../src/domain/schema";
import { touch } from "../support/domain";

describe("parseThreadCell: a thread id, a thread id with its Message-ID, or a draft", () => {
  it.each<[string, ThreadCell]>([
    ["18c1", { threadId: "18c1", draftId: "", messageKey: "" }],
    ["  18c1  ", { threadId: "18c1", draftId: "", messageKey: "" }],
    ["18c1 <abc@mail.example>", { threadId: "18c1", draftId: "", messageKey: "abc@mail.example" }],
    ["<abc@mail.example>", { threadId: "", draftId: "", messageKey: "abc@mail.example" }],
    // A malformed key is dropped from the thread id and not read as a key.
    ["18c1 <a b@x>", { threadId: "18c1", draftId: "", messageKey: "" }],
    ["18c1 <>", { threadId: "18c1", draftId: "", messageKey: "" }],
    ["draft:r-12", { threadId: "", draftId: "r-12", messageKey: "" }],
    [" Draft: r-12 ", { threadId: "", draftId: "r-12", messageKey: "" }],
    ["", { threadId: "", draftId: "", messageKey: "" }],
  ])("%j → %j", (text, expected) => {
    expect(parseThreadCell(text)).toEqual(expected);
  });
});

describe("threadCell and draftCell write what parseThreadCell reads", () => {
  it.each<[string, string | undefined, string]>([
    ["18c1", undefined, "18c1"],
    ["18c1", "", "18c1"],
    ["18c1", "   ", "18c1"],
    ["18c1", "abc@mail.example", "18c1 <abc@mail.example>"],
    ["18c1", " <abc@mail.example> ", "18c1 <abc@mail.example>"],
  ])("threadCell(%j, %j) → %j", (threadId, messageKey, expected) => {
    expect(threadCell(threadId, messageKey)).toBe(expected);
  });

  it("round-trips a thread and its Message-ID", () => {
    expect(parseThreadCell(threadCell("18c1", "<abc@mail.example>"))).toEqual({
      threadId: "18c1",
      draftId: "",
      messageKey: "abc@mail.example",
    });
  });

  it("writes a draft as draft:<id> and reads it back", () => {
    expect(draftCell("r-12")).toBe("draft:r-12");
    expect(parseThreadCell(draftCell("r-12"))).toEqual({
      threadId: "",
      draftId: "r-12",
      messageKey: "",
    });
  });
});

describe("bareMessageKey", () => {
  it.each<[string, string]>([
    ["<abc@mail.example>", "abc@mail.example"],
    ["  <abc@mail.example>  ", "abc@mail.example"],
    ["abc@mail.example", "abc@mail.example"],
    ["<abc@mail.example", "abc@mail.example"],
    ["abc@mail.example>", "abc@mail.example"],
    // Only the enclosing brackets go.
    ["<a<b@mail.example>", "a<b@mail.example"],
    ["<a>b@mail.example>", "a>b@mail.example"],
    ["", ""],
  ])("%j → %j", (id, expected) => {
    expect(bareMessageKey(id)).toBe(expected);
  });
});

describe("subjectKey: subjects compared the way mail clients thread them", () => {
  it.each<[string, string]>([
    ["Following up", "following up"],
    ["Re: Following up", "following up"],
    ["RE: Fwd:  Following   up", "following up"],
    ["Fw: Re: Following up", "following up"],
    ["AW: Following up", "following up"],
    ["SV: Following up", "following up"],
    ["  re :  Following up", "following up"],
    ["Re:Re:Following up", "following up"],
    // Only prefixes: a word that merely starts like one, or "Re:" later on, stays.
    ["Reply: Following up", "reply: following up"],
    ["Following up Re: pricing", "following up re: pricing"],
  ])("%j → %j", (subject, key) => {
    expect(subjectKey(subject)).toBe(key);
  });
});

describe("Notes of an email touch: To <address>: <subject>", () => {
  it("records the address and subject", () => {
    expect(emailNotes("ann@example.com", "Hello")).toBe("To ann@example.com: Hello");
  });

  it("cuts a very long subject to 1000 characters with an ellipsis", () => {
    const notes = emailNotes("ann@example.com", "x".repeat(2000));
    expect(notes).toHaveLength(1000);
    expect(notes.slice(0, 22)).toBe("To ann@example.com: xx");
    expect(notes.slice(-2)).toBe("x…");
  });

  it.each<[string, string, string]>([
    ["To ann@example.com: Hello", "ann@example.com", "Hello"],
    ["To Ann@Example.COM: Hello", "ann@example.com", "Hello"],
    ["To ann@example.com: Re: pricing: Q3", "ann@example.com", "Re: pricing: Q3"],
    ["To ann@example.com: two\nlines", "ann@example.com", "two\nlines"],
    ["To ann@example.com: ", "ann@example.com", ""],
    // Notes a person typed: no recipient, and the whole note is the subject.
    ["Called, she asked for the deck", "", "Called, she asked for the deck"],
    ["Sent To ann@example.com: Hello", "", "Sent To ann@example.com: Hello"],
    ["To Ann: Hello", "", "To Ann: Hello"],
    ["", "", ""],
  ])("%j → recipient %j, subject %j", (notes, recipient, subject) => {
    expect(recipientOfNotes(notes)).toBe(recipient);
    expect(subjectOfNotes(notes)).toBe(subject);
  });

  it("reads back what emailNotes wrote", () => {
    const notes = emailNotes("ann@example.com", "Quick question: pricing");
    expect(recipientOfNotes(notes)).toBe("ann@example.com");
    expect(subjectOfNotes(notes)).toBe("Quick question: pricing");
  });
});

describe("which touches are Touchbase's own emails", () => {
  it.each<[Source | null, Channel | null, boolean, boolean]>([
    ["Automation", "Email", true, true],
    ["Sidebar", "Email", true, false],
    ["Gmail", "Email", false, false],
    ["Sheet", "Email", false, false],
    [null, "Email", false, false],
    ["Automation", "Call", false, false],
    ["Sidebar", "Note", false, false],
    ["Automation", null, false, false],
  ])("Source %j, Channel %j → Touchbase %s, automation %s", (source, channel, own, auto) => {
    const t = touch("2026-03-02 10:00", { source, channel });
    expect(isTouchbaseEmail(t)).toBe(own);
    expect(isAutomationEmail(t)).toBe(auto);
  });
});

describe("emailTouchCells: a new Touches row as header → value", () => {
  const fields: EmailTouchFields = {
    touchId: "T-7",
    timestamp: new Date("2026-03-02T10:00:00Z"),
    contactId: "C-1",
    contactName: "Ann Lee",
    direction: "Outbound",
    outcome: "Sent",
    template: "Intro",
    step: "Warm 1",
    notes: "To ann@example.com: Hello",
    loggedBy: "rep@example.com",
    source: "Automation",
    threadId: "18c1 <abc@mail.example>",
    delivery: "Sent",
  };

  it("fills every column the email knows, under DESIGN's headers", () => {
    expect([...emailTouchCells(fields)]).toEqual([
      ["Touch ID", "T-7"],
      ["Timestamp", new Date("2026-03-02T10:00:00Z")],
      ["Contact ID", "C-1"],
      ["Contact", "Ann Lee"],
      ["Channel", "Email"],
      ["Direction", "Outbound"],
      ["Outcome", "Sent"],
      ["Template", "Intro"],
      ["Step", "Warm 1"],
      ["Notes", "To ann@example.com: Hello"],
      ["Logged By", "rep@example.com"],
      ["Source", "Automation"],
      ["Thread ID", "18c1 <abc@mail.example>"],
      ["Delivery", "Sent"],
    ]);
  });

  it("leaves Template and Step blank when the email has none", () => {
    const cells = emailTouchCells({ ...fields, template: undefined, step: undefined });
    expect([cells.get("Template"), cells.get("Step")]).toEqual(["", ""]);
  });

  it("cuts Notes that would not fit in a cell", () => {
    const notes = emailTouchCells({ ...fields, notes: "n".repeat(60_000) }).get("Notes");
    expect(typeof notes === "string" ? [notes.length, notes.slice(-1)] : notes).toEqual([
      50_000,
      "…",
    ]);
  });
});
