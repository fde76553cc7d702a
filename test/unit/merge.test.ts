// Template merge (DESIGN §1 Templates): tags, fallbacks, the tags that never block, escaping in
// the HTML part, the plain-text part and the opt-out line.
import { indexTable } from "../../src/domain/table";
import { parseContacts } from "../../src/domain/contacts";
import {
  firstNameOf,
  mergeForEditing,
  mergeTemplate,
  nameFromAddress,
  tagsOf,
  templateDefect,
  type EmailTemplate,
} from "../../src/domain/merge";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import { normalizeKey, type Cell } from "../../src/domain/cells";
import type { Contact, ContactResult } from "../../src/domain/types";
import { contact, contactResult } from "../support/domain";
import { asksToUnsubscribe, freshText, addressesIn } from "../../src/domain/gmailSync";
import { parseThreadCell, threadCell, subjectKey } from "../../src/domain/emailTouches";

const ZONE = "America/New_York";
const NOW = new Date("2026-11-23T15:00:00Z");
const HEADERS = ["ID", "Name", "Email", "Owner", "Company", "Topic", "Favourite Colour"];

function contactWith(values: Record<string, string>) {
  const row = HEADERS.map((h) => values[h] ?? "");
  const table = indexTable("Contacts", [HEADERS, row]);
  return {
    contact: parseContacts(table, ZONE).contacts[0]!,
    headers: new Set(HEADERS.map(normalizeKey)),
  };
}

function merge(
  template: Partial<EmailTemplate>,
  values: Record<string, string>,
  settings: Partial<Settings> = {},
) {
  const { contact, headers } = contactWith({
    ID: "C-000001",
    Name: "Ana Ortiz",
    Email: "ana@client.test",
    Owner: "maria.lopez@acme.test",
    ...values,
  });
  return mergeTemplate({
    template: { name: "T", subject: "Hello", body: "Hi", active: true, ...template },
    contact,
    result: null,
    headers,
    settings: { ...DEFAULT_SETTINGS, ...settings },
    zone: ZONE,
    now: NOW,
  });
}

describe("mergeTemplate", () => {
  test("fills any column (custom ones too, any case and spacing) and the built-in tags", () => {
    const result = merge(
      {
        subject: "About {{ topic }}",
        body: "Hi {{First Name}}, {{favourite   colour}}.\n\n{{Sender Name}}\n{{Signature}}",
      },
      { Topic: "the pilot", "Favourite Colour": "teal" },
    );
    expect(result).toEqual({
      ok: true,
      email: expect.objectContaining({
        to: "ana@client.test",
        subject: "About the pilot",
        text: `Hi Ana, teal.\n\nMaria Lopez\n\nIf you'd rather not hear from me, just reply "unsubscribe".`,
      }),
    });
  });

  test("an empty value uses its fallback, or blocks naming the template and the tag", () => {
    expect(merge({ subject: "About {{Topic|your plans}}" }, {})).toMatchObject({
      ok: true,
      email: { subject: "About your plans" },
    });
    expect(merge({ subject: "About {{Topic}}" }, {})).toEqual({
      ok: false,
      problem: 'Template "T" needs Topic',
    });
  });

  test("Signature and Sender/Owner Name never block; Sender name setting wins over the address", () => {
    const result = merge(
      { body: "Thanks,\n{{Owner Name}}\n{{Signature}}" },
      {},
      { senderName: "Maria L." },
    );
    expect(result).toMatchObject({
      ok: true,
      email: { text: expect.stringMatching(/^Thanks,\nMaria L\.\n\n/) },
    });
  });

  test("values are HTML-escaped in the HTML part and kept as typed in the text part", () => {
    const result = merge({ body: "Dear {{Name}}" }, { Name: "<script>x</script> & co" });
    if (!result.ok) throw new Error(result.problem);
    expect(result.email.html).toContain("Dear &lt;script&gt;x&lt;/script&gt; &amp; co");
    expect(result.email.text).toMatch(/^Dear <script>x<\/script> & co/);
  });

  test("a blank Opt-out line adds nothing", () => {
    expect(merge({ body: "Hi" }, {}, { optOutLine: "" })).toMatchObject({
      ok: true,
      email: { text: "Hi" },
    });
  });

  test("a template that can never render: unknown tag, a literal subject over 250 characters", () => {
    const headers = new Set(HEADERS.map(normalizeKey));
    expect(
      templateDefect({ name: "X", subject: "{{Budget}}", body: "", active: true }, headers),
    ).toBe('Template "X" has unknown tag {{Budget}}');
    expect(
      templateDefect({ name: "X", subject: "s".repeat(251), body: "", active: true }, headers),
    ).toBe('Template "X": Subject is over 250 characters');
    expect(merge({ active: false }, {})).toEqual({
      ok: false,
      problem: 'Template "T" is not Active',
    });
  });

  test("First Name is the first word of Name without leading punctuation; names from addresses", () => {
    expect(firstNameOf('  "Ana" Ortiz')).toBe('Ana"');
    expect(firstNameOf("(Dr.) Ben")).toBe("Dr.)");
    expect(firstNameOf("=HYPERLINK(x)")).toBe("HYPERLINK(x)");
    expect(nameFromAddress("maria.lopez@acme.com")).toBe("Maria Lopez");
  });
});

describe("reading mail", () => {
  test("only the fresh part of a reply counts; a short stop or any unsubscribe asks to stop", () => {
    expect(freshText("Thanks!\n\nOn Mon, Alex wrote:\n> unsubscribe")).toBe("Thanks!");
    expect(asksToUnsubscribe("Thanks!\n\nOn Mon, Alex wrote:\n> just reply unsubscribe")).toBe(
      false,
    );
    expect(asksToUnsubscribe("Please remove me from your list")).toBe(true);
    expect(asksToUnsubscribe("STOP")).toBe(true);
    expect(asksToUnsubscribe("Please stop emailing me.")).toBe(true);
    expect(
      asksToUnsubscribe("We can't stop now, the project is moving fast and we need your help."),
    ).toBe(false);
  });

  test("address lists, thread cells and subjects", () => {
    expect(addressesIn('"Lopez, Maria" <M@X.com>, b@y.com')).toEqual(["m@x.com", "b@y.com"]);
    expect(parseThreadCell(threadCell("18c1", "<abc@mail>"))).toEqual({
      threadId: "18c1",
      draftId: "",
      messageKey: "abc@mail",
    });
    expect(parseThreadCell("draft:r-12")).toEqual({
      threadId: "",
      draftId: "r-12",
      messageKey: "",
    });
    expect(subjectKey("RE: Fwd:  Following up")).toBe(subjectKey("following up"));
  });
});

/** Merges with a built contact (cells by normalized header) and an engine result. */
function mergeBuilt(
  template: Partial<EmailTemplate>,
  fields: Partial<Contact> = {},
  result: ContactResult | null = null,
  settings: Partial<Settings> = {},
) {
  return mergeTemplate({
    template: { name: "T", subject: "Hello", body: "Hi", active: true, ...template },
    contact: contact({ owner: "maria.lopez@acme.test", ...fields }),
    result,
    headers: new Set([
      ...HEADERS.map(normalizeKey),
      "deal value",
      "auto email",
      "renewal date",
      "score",
    ]),
    settings: { ...DEFAULT_SETTINGS, optOutLine: "", ...settings },
    zone: ZONE,
    now: NOW,
  });
}

/** The merged text, or the problem when the merge is blocked. */
const textOf = (result: ReturnType<typeof mergeTemplate>) =>
  result.ok ? result.email.text : `blocked: ${result.problem}`;

describe("tag values", () => {
  test("a First Name column wins over the first word of Name", () => {
    const cells = new Map<string, Cell>([["first name", "Annie"]]);
    expect(textOf(mergeBuilt({ body: "Hi {{First Name}}" }, { name: "Ann Lee", cells }))).toBe(
      "Hi Annie",
    );
    expect(textOf(mergeBuilt({ body: "Hi {{First Name}}" }, { name: "Ann Lee" }))).toBe("Hi Ann");
  });

  test("Sender and Owner Name: a column, else the Sender name setting (trimmed), else the Owner's address", () => {
    const body = "{{Sender Name}} / {{Owner Name}}";
    expect(
      textOf(
        mergeBuilt({ body }, { cells: new Map([["sender name", "Max"]]) }, null, {
          senderName: "Sam",
        }),
      ),
    ).toBe("Max / Sam");
    expect(textOf(mergeBuilt({ body }, {}, null, { senderName: "  Sam K.  " }))).toBe(
      "Sam K. / Sam K.",
    );
    expect(textOf(mergeBuilt({ body }, {}, null, { senderName: "   " }))).toBe(
      "Maria Lopez / Maria Lopez",
    );
  });

  test("Signature: a column, else the Signature setting trimmed", () => {
    expect(
      textOf(mergeBuilt({ body: "Bye\n{{Signature}}" }, {}, null, { signature: "  Maria\nAcme " })),
    ).toBe("Bye\nMaria\nAcme");
    const cells = new Map<string, Cell>([["signature", "M."]]);
    expect(
      textOf(mergeBuilt({ body: "Bye\n{{Signature}}" }, { cells }, null, { signature: "Maria" })),
    ).toBe("Bye\nM.");
  });

  test("Last Touch is a day; Due is this run's computed due, with its time when it has one", () => {
    const result = contactResult("Overdue", {
      lastTouch: new Date("2026-11-20T15:00:00Z"),
      due: { at: new Date("2026-11-24T14:30:00Z"), hasTime: true },
    });
    const body = "Last {{Last Touch}}, due {{Due}}";
    expect(textOf(mergeBuilt({ body }, {}, result))).toBe("Last Fri 20 Nov, due Tue 24 Nov 09:30");
    const dateOnlyDue = contactResult("Overdue", {
      lastTouch: new Date("2025-12-31T15:00:00Z"),
      due: { at: new Date("2026-11-24T05:00:00Z"), hasTime: false },
    });
    expect(textOf(mergeBuilt({ body }, {}, dateOnlyDue))).toBe(
      "Last Wed 31 Dec 2025, due Tue 24 Nov",
    );
  });

  test("Last Touch and Due without a result or with none block unless they have a fallback", () => {
    expect(textOf(mergeBuilt({ body: "{{Last Touch}} {{Due}}" }))).toBe(
      'blocked: Template "T" needs Last Touch, Due',
    );
    expect(
      textOf(
        mergeBuilt({ body: "{{Last Touch|a while}}, {{Due|soon}}" }, {}, contactResult("Overdue")),
      ),
    ).toBe("a while, soon");
  });

  test("cells read as people expect: dates as days, Deal Value grouped, checkboxes Yes/No, other numbers plain", () => {
    const cells = new Map<string, Cell>([
      ["renewal date", new Date("2026-12-01T05:00:00Z")],
      ["deal value", 12500],
      ["auto email", true],
      ["topic", false],
      ["score", 12500],
    ]);
    const body = "{{Renewal Date}} | {{Deal Value}} | {{Auto Email}} | {{Topic}} | {{Score}}";
    expect(textOf(mergeBuilt({ body }, { cells }))).toBe("Tue 1 Dec | 12,500 | Yes | No | 12500");
    const typedDeal = new Map<string, Cell>([["deal value", "about 10k"]]);
    expect(textOf(mergeBuilt({ body: "{{Deal Value}}" }, { cells: typedDeal }))).toBe("about 10k");
  });

  test("an invalid date cell is empty: it blocks, or its fallback is used", () => {
    const cells = new Map<string, Cell>([["renewal date", new Date(Number.NaN)]]);
    expect(textOf(mergeBuilt({ body: "{{Renewal Date}}" }, { cells }))).toBe(
      'blocked: Template "T" needs Renewal Date',
    );
    expect(textOf(mergeBuilt({ body: "{{Renewal Date|soon}}" }, { cells }))).toBe("soon");
  });
});

describe("tags, fallbacks and what blocks", () => {
  test("the fallback is trimmed; an empty fallback still blocks", () => {
    expect(textOf(merge({ body: "About {{Topic|  your plans  }}." }, {}))).toMatch(
      /^About your plans\./,
    );
    expect(merge({ body: "About {{Topic|}}" }, {})).toEqual({
      ok: false,
      problem: 'Template "T" needs Topic',
    });
  });

  test("every empty tag is named once, as its author wrote it, in order", () => {
    expect(
      merge(
        {
          subject: "{{ topic }} for {{Company}}",
          body: "{{Topic}} {{company}} {{Favourite Colour}}",
        },
        {
          Company: "",
        },
      ),
    ).toEqual({ ok: false, problem: 'Template "T" needs topic, Company, Favourite Colour' });
  });

  test("tagsOf lists each tag once, normalized, in order of appearance", () => {
    expect(tagsOf("{{ Topic }} and {{topic}}, {{First   Name|there}} {not a tag} {{}}")).toEqual([
      "topic",
      "first name",
      "",
    ]);
  });

  test("templateDefect: several unknown tags are named together; tags in the body count", () => {
    const headers = new Set(HEADERS.map(normalizeKey));
    expect(
      templateDefect(
        {
          name: "X",
          subject: "{{ budget }}",
          body: "{{Topic}} {{Region|EU}} {{Due}}",
          active: true,
        },
        headers,
      ),
    ).toBe('Template "X" has unknown tags {{budget}}, {{Region}}');
  });

  test("templateDefect: the subject limit counts the literal text only, up to exactly 250", () => {
    const headers = new Set(HEADERS.map(normalizeKey));
    const subject = (text: string) =>
      templateDefect({ name: "X", subject: text, body: "", active: true }, headers);
    expect([subject("s".repeat(250)), subject(`${"s".repeat(240)}{{Topic}}{{Name}}`)]).toEqual([
      "",
      "",
    ]);
  });

  test("a subject over 250 characters once merged blocks this contact only; exactly 250 goes", () => {
    expect(merge({ subject: `${"s".repeat(245)}{{Topic}}` }, { Topic: "123456" })).toEqual({
      ok: false,
      problem: 'Template "T": Subject is over 250 characters for this contact',
    });
    expect(merge({ subject: `${"s".repeat(245)}{{Topic}}` }, { Topic: "12345" })).toMatchObject({
      ok: true,
      email: { subject: `${"s".repeat(245)}12345` },
    });
  });

  test("the subject is one line: runs of spaces and line breaks become one space, ends trimmed", () => {
    expect(
      merge({ subject: "  About\n\n{{Topic}}   now " }, { Topic: "the\tpilot" }),
    ).toMatchObject({
      ok: true,
      email: { subject: "About the pilot now" },
    });
  });
});

describe("the body's parts", () => {
  test("the HTML part: literal text escaped too, paragraphs and line breaks, the opt-out line in grey", () => {
    const result = merge(
      { body: "  Hi <b>{{First Name}}</b>,\nline two\n\n\nA & B\n\n" },
      {},
      { optOutLine: ' Reply "stop" <now> ' },
    );
    expect(result).toEqual({
      ok: true,
      email: {
        to: "ana@client.test",
        subject: "Hello",
        text: 'Hi <b>Ana</b>,\nline two\n\n\nA & B\n\nReply "stop" <now>',
        html:
          '<div style="font:14px Arial,sans-serif"><p>Hi &lt;b&gt;Ana&lt;/b&gt;,<br>line two</p>\n<p>A &amp; B</p>' +
          '\n<p style="color:#777;font-size:12px">Reply &quot;stop&quot; &lt;now&gt;</p></div>',
      },
    });
  });

  test("a blank opt-out line adds nothing to the HTML part either", () => {
    expect(merge({ body: "Hi" }, {}, { optOutLine: "   " })).toEqual({
      ok: true,
      email: {
        to: "ana@client.test",
        subject: "Hello",
        text: "Hi",
        html: '<div style="font:14px Arial,sans-serif"><p>Hi</p></div>',
      },
    });
  });

  test.each<[string, string]>([
    ["{{Signature}}", "Thanks,\nBye"],
    ["  {{ signature | }}  ", "Thanks,\nBye"],
    ["{{SIGNATURE|}}", "Thanks,\nBye"],
    ["{{Signature |  }}", "Thanks,\nBye"],
    ["P.S. {{Signature}}", "Thanks,\nP.S. \nBye"],
    ["{{Signature}} here", "Thanks,\n here\nBye"],
  ])("an empty Signature: the line %j between two others gives %j", (line, text) => {
    const body = `Thanks,\n${line}\nBye`;
    expect(textOf(merge({ body }, {}, { signature: "", optOutLine: "" }))).toBe(text);
  });

  test("an empty Signature's line at the end goes with the blank lines after it", () => {
    expect(
      textOf(merge({ body: "Thanks,\n{{Signature}}\n\n" }, {}, { signature: "", optOutLine: "" })),
    ).toBe("Thanks,");
  });

  test("a Signature with a value keeps its line", () => {
    expect(
      textOf(
        merge({ body: "Thanks,\n{{Signature}}\n" }, {}, { signature: "Maria", optOutLine: "" }),
      ),
    ).toBe("Thanks,\nMaria");
  });
});

describe("mergeForEditing: what a person reads and edits before it goes", () => {
  const editing = (template: Partial<EmailTemplate>, settings: Partial<Settings> = {}) => {
    const { contact: ann, headers } = contactWith({
      ID: "C-1",
      Name: "Ana Ortiz",
      Email: "ana@client.test",
    });
    return mergeForEditing({
      template: { name: "T", subject: "", body: "", active: false, ...template },
      contact: ann,
      result: null,
      headers,
      settings: { ...DEFAULT_SETTINGS, ...settings },
      zone: ZONE,
      now: NOW,
    });
  };

  test("never blocked: empty tags stay as written and are listed once; no opt-out line", () => {
    expect(
      editing({
        subject: " About  {{Topic}} ",
        body: "\nHi {{First Name}},\n{{Topic}} {{ Company }}\n{{Budget}}\n",
      }),
    ).toEqual({
      subject: "About {{Topic}}",
      body: "Hi Ana,\n{{Topic}} {{ Company }}\n{{Budget}}",
      missing: ["Topic", "Company", "Budget"],
    });
  });

  test("an empty Signature's line is dropped", () => {
    expect(editing({ subject: "S", body: "Thanks\n{{Signature}}" }, { signature: "" })).toEqual({
      subject: "S",
      body: "Thanks",
      missing: [],
    });
  });
});

describe("names", () => {
  test.each<[string, string]>([
    ["maria.lopez@acme.com", "Maria Lopez"],
    ["MARIA_LOPEZ@acme.com", "Maria Lopez"],
    ["jean-luc+sales@acme.com", "Jean Luc Sales"],
    ["a..b@acme.com", "A B"],
    [".maria@acme.com", "Maria"],
    ["", ""],
  ])("nameFromAddress(%j) → %j", (address, name) => {
    expect(nameFromAddress(address)).toBe(name);
  });

  test.each<[string, string]>([
    ["", ""],
    ["   ", ""],
    ["Ana\tOrtiz", "Ana"],
    ["...", ""],
    ["¡Hola amigo", "Hola"],
    ["2nd Floor", "2nd"],
    ["Ana-María Ortiz", "Ana-María"],
  ])("firstNameOf(%j) → %j", (name, first) => {
    expect(firstNameOf(name)).toBe(first);
  });
});
