// Email from template in the sidebar (DESIGN §6): who may be emailed, which template opens, and
// the person's edited text merged again before it goes out.
import { normalizeKey, type Cell } from "../../src/domain/cells";
import { UNCONFIRMED_PROBLEM } from "../../src/domain/emailPlan";
import type { MergeInput } from "../../src/domain/merge";
import { TAB, TEMPLATE } from "../../src/domain/schema";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import {
  activeTemplates,
  chooseTemplate,
  editedEmail,
  emailBlocker,
} from "../../src/domain/sidebarEmail";
import { indexTable } from "../../src/domain/table";
import { parseTemplates } from "../../src/domain/templates";
import { BERLIN, at, contact, contactResult, dueStep, touch } from "../support/domain";
import { refused, thrown } from "../support/thrown";

const UPCOMING = contactResult("Upcoming");

/** The Templates tab: [Name, Active] rows (a blank Active cell means active). */
function templatesTab(...rows: [name: string, active: Cell][]) {
  const grid: Cell[][] = [
    [TEMPLATE.name, TEMPLATE.subject, TEMPLATE.body, TEMPLATE.active],
    ...rows.map(([name, active]): Cell[] => [name, `About ${name}`, `Hi from ${name}`, active]),
  ];
  return parseTemplates(indexTable(TAB.templates, grid)).byName;
}

describe("emailBlocker: whether this contact may be emailed from Touchbase", () => {
  test("a contact with a good address and nothing against it may be emailed", () => {
    expect(emailBlocker(contact(), UPCOMING, [])).toBe("");
  });

  test("Opted Out is named first, before Paused", () => {
    expect(emailBlocker(contact({ optedOut: true, paused: true }), UPCOMING, [])).toBe(
      "Ann Lee opted out of email (Opted Out is checked): Touchbase emails them nothing.",
    );
  });

  test("a Paused contact is refused until Paused is unchecked", () => {
    expect(emailBlocker(contact({ paused: true, email: "" }), UPCOMING, [])).toBe(
      "Ann Lee is Paused: uncheck Paused on Contacts before emailing them.",
    );
  });

  test("a blank or malformed Email is named", () => {
    expect(emailBlocker(contact({ email: "" }), UPCOMING, [])).toBe(
      "Ann Lee has no Email on Contacts.",
    );
    expect(emailBlocker(contact({ email: "ann@example" }), UPCOMING, [])).toBe(
      `Ann Lee's Email "ann@example" is not an email address.`,
    );
  });

  test("a bounce to this address or an unsubscribe stops email, with the touch's reason", () => {
    const bounced = touch("2026-03-02 10:00", {
      outcome: "Bounced",
      direction: "Inbound",
      notes: "Delivery to ann@example.com failed",
    });
    expect(emailBlocker(contact(), UPCOMING, [bounced])).toBe(
      "Email to ann@example.com bounced — check the address",
    );
    const unsubscribed = touch("2026-03-02 10:00", { outcome: "Unsubscribed" });
    expect(emailBlocker(contact(), UPCOMING, [unsubscribed])).toBe(
      "Asked to unsubscribe — check Opted Out",
    );
  });

  test("an unconfirmed earlier send warns the run but does not block, nor hide a bounce's reason", () => {
    const unconfirmed = touch("2026-03-02 10:00", {
      source: "Automation",
      delivery: "Unconfirmed",
      template: "Intro",
      step: "1/4",
    });
    expect(emailBlocker(contact(), UPCOMING, [unconfirmed])).toBe("");
    const bounced = touch("2026-03-03 10:00", {
      outcome: "Bounced",
      direction: "Inbound",
      notes: "Delivery to ann@example.com failed",
    });
    const reason = emailBlocker(contact(), UPCOMING, [unconfirmed, bounced]);
    expect(reason).toBe("Email to ann@example.com bounced — check the address");
    expect(reason).not.toContain(UNCONFIRMED_PROBLEM);
  });
});

describe("activeTemplates", () => {
  test("only Active templates, in Templates tab order", () => {
    const byName = templatesTab(["Intro", true], ["Old", false], ["Follow up", ""]);
    expect(activeTemplates(byName).map((t) => t.name)).toEqual(["Intro", "Follow up"]);
  });
});

describe("chooseTemplate: the template the preview opens with", () => {
  const byName = templatesTab(["Intro", true], ["Old", false], ["Proposal", true]);
  const dueFor = (template: string) =>
    contactResult("Due Today", { dueStep: dueStep("Proposal", { template }) });

  test("the template asked for, by name in any case and spacing", () => {
    expect(chooseTemplate(byName, "  proposal ", UPCOMING).name).toBe("Proposal");
  });

  test("a name that is not on Templates, or not Active, is refused by name", () => {
    expect(thrown(() => chooseTemplate(byName, " Welcome ", UPCOMING))).toEqual(
      refused(`There is no template "Welcome" on Templates.`),
    );
    expect(thrown(() => chooseTemplate(byName, "old", UPCOMING))).toEqual(
      refused(`Template "Old" is not Active on Templates.`),
    );
  });

  test("with none asked, the due step's template", () => {
    expect(chooseTemplate(byName, " ", dueFor("PROPOSAL")).name).toBe("Proposal");
  });

  test("with none asked and no due step, or its template inactive or gone, the first active one", () => {
    expect(chooseTemplate(byName, "", UPCOMING).name).toBe("Intro");
    expect(chooseTemplate(byName, "", dueFor("Old")).name).toBe("Intro");
    expect(chooseTemplate(byName, "", dueFor("Gone")).name).toBe("Intro");
  });

  test("with no Active template at all, the person is told so", () => {
    expect(thrown(() => chooseTemplate(templatesTab(["Old", false]), "", UPCOMING))).toEqual(
      refused("There is no Active template on Templates."),
    );
  });
});

describe("editedEmail: the person's edited text, merged again, is what goes out", () => {
  const input: MergeInput = {
    // An inactive template's text edited in the sidebar still goes: the person chose to send it.
    template: { name: "Intro", subject: "Old subject", body: "Old body", active: false },
    contact: contact({
      cells: new Map<string, Cell>([
        [normalizeKey("Name"), "Ann Lee"],
        [normalizeKey("Topic"), ""],
      ]),
    }),
    result: UPCOMING,
    headers: new Set(["name", "email", "topic"]),
    settings: { ...DEFAULT_SETTINGS, optOutLine: "Reply STOP to opt out." },
    zone: BERLIN,
    now: at("2026-03-02 10:00"),
  };

  test("the edited subject and body, tags filled, with the opt-out line", () => {
    const email = editedEmail(input, { subject: "Hello {{First Name}}", body: "Hi {{Name}}!" });
    expect({ to: email.to, subject: email.subject, text: email.text }).toEqual({
      to: "ann@example.com",
      subject: "Hello Ann",
      text: "Hi Ann Lee!\n\nReply STOP to opt out.",
    });
    expect(email.html).toContain("<p>Hi Ann Lee!</p>");
  });

  test("a blank subject or body is refused, naming which", () => {
    expect(thrown(() => editedEmail(input, { subject: "  ", body: "Hi" }))).toEqual(
      refused("Write a Subject: the email has none."),
    );
    expect(thrown(() => editedEmail(input, { subject: "Hello", body: "\n " }))).toEqual(
      refused("Write the email: its body is empty."),
    );
  });

  test("a tag left with no value blocks the email and says how to fix it", () => {
    expect(thrown(() => editedEmail(input, { subject: "Hello", body: "About {{Topic}}" }))).toEqual(
      refused(
        `Nothing was sent: Template "Intro" needs Topic. ` +
          "Replace each highlighted {{…}} with the value, or remove it.",
      ),
    );
  });
});
