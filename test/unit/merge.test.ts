// Template merge (DESIGN §1 Templates): tags, fallbacks, the tags that never block, escaping in
// the HTML part, the plain-text part and the opt-out line.
import { indexTable } from "../../src/domain/table";
import { parseContacts } from "../../src/domain/contacts";
import {
  firstNameOf,
  mergeTemplate,
  nameFromAddress,
  templateDefect,
  type EmailTemplate,
} from "../../src/domain/merge";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import { normalizeKey } from "../../src/domain/cells";
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
