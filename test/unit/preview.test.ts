// "Preview due emails": who would get an automated email and why not (DESIGN §4 eligibility).
import {
  automationBlocker,
  duePreviewRows,
  renderPreviewHtml,
  type PreviewRow,
} from "../../src/domain/preview";
import { DEFAULT_SETTINGS, type Settings } from "../../src/domain/settings";
import type { Contact, ContactResult } from "../../src/domain/types";
import { contactResult, contactRow, dueStep, timed, dateOnly } from "../support/domain";

const ZONE = "Europe/Berlin";
const OWNER = "rep@example.com";
const DRAFTS: Settings = { ...DEFAULT_SETTINGS, emailMode: "Drafts" };
const SEND: Settings = { ...DEFAULT_SETTINGS, emailMode: "Send" };
const OFF: Settings = { ...DEFAULT_SETTINGS, emailMode: "Off" };

/** A contact every check lets through: Auto Email on, valid email, due an automated step. */
const ELIGIBLE: Partial<Contact> = { autoEmail: true, email: "ann@example.com", owner: OWNER };
const dueResult = (fields: Partial<ContactResult> = {}): ContactResult =>
  contactResult("Due Today", {
    due: dateOnly("2026-03-02"),
    dueStep: dueStep("Warm", { step: 2, template: "Check-in", autoSend: true }),
    ...fields,
  });

describe("automationBlocker: each DESIGN §4 check on its own", () => {
  it.each<[string, Partial<Contact>, Partial<ContactResult>, Settings, string]>([
    ["an eligible row", {}, {}, DRAFTS, ""],
    ["an eligible row in Send mode", {}, {}, SEND, ""],
    ["no step due", {}, { dueStep: null }, DRAFTS, "No cadence step due"],
    [
      "a step without a template",
      {},
      { dueStep: dueStep("Warm", { template: "" }) },
      DRAFTS,
      "Step has no template: do it by hand",
    ],
    [
      "Auto Send off on the step",
      {},
      { dueStep: dueStep("Warm", { autoSend: false }) },
      DRAFTS,
      "Auto Send is off for this step: do it by hand",
    ],
    [
      "Auto Email unchecked",
      { autoEmail: false },
      {},
      DRAFTS,
      "Auto Email is not checked for this contact",
    ],
    ["Opted Out checked", { optedOut: true }, {}, DRAFTS, "Opted Out"],
    ["Paused checked", { paused: true }, {}, DRAFTS, "Paused"],
    ["an invalid email", { email: "ann at example" }, {}, DRAFTS, "Email looks invalid"],
    ["a blank email", { email: "" }, {}, DRAFTS, "Email looks invalid"],
    ["a reply waiting", {}, { awaitingReply: true }, DRAFTS, "Replied: answer by hand"],
    ["Email mode Off", {}, {}, OFF, "Email mode is Off"],
  ])("%s", (_case, contactFields, resultFields, settings, expected) => {
    const row = contactRow({ ...ELIGIBLE, ...contactFields }, dueResult(resultFields));
    expect(automationBlocker(row, settings)).toBe(expected);
  });

  it("names the first failing check when several fail (step, then contact, then mode)", () => {
    const row = contactRow(
      { ...ELIGIBLE, autoEmail: false, optedOut: true },
      dueResult({ dueStep: dueStep("Warm", { template: "" }) }),
    );
    expect(automationBlocker(row, OFF)).toBe("Step has no template: do it by hand");
    const contactOnly = contactRow({ ...ELIGIBLE, optedOut: true, paused: true }, dueResult());
    expect(automationBlocker(contactOnly, OFF)).toBe("Opted Out");
  });
});

describe("duePreviewRows", () => {
  const rows = [
    contactRow({ ...ELIGIBLE, name: "Ann Lee", company: "Acme" }, dueResult()),
    contactRow(
      { ...ELIGIBLE, name: "Bo Chan", company: "" },
      contactResult("Overdue", {
        due: timed("2026-03-01 13:30"),
        dueStep: dueStep("Hot lead", { step: 3, template: "" }),
      }),
    ),
    contactRow({ ...ELIGIBLE, name: "Upcoming Una" }, dueResult({ status: "Upcoming" })),
    contactRow({ ...ELIGIBLE, name: "Replied Rae" }, dueResult({ status: "Replied" })),
    contactRow({ ...ELIGIBLE, name: "No Step Ned" }, dueResult({ dueStep: null })),
    contactRow({ ...ELIGIBLE, name: "Other Owner", owner: "sam@example.com" }, dueResult()),
  ];

  it("lists the user's Overdue and Due Today rows with a step, and what will happen", () => {
    expect(duePreviewRows({ rows, emails: [], user: OWNER, settings: DRAFTS, zone: ZONE })).toEqual<
      PreviewRow[]
    >([
      {
        contact: "Ann Lee (Acme)",
        step: "2 of Warm",
        template: "Check-in",
        due: "Mon 2 Mar",
        action: "Draft",
        email: null,
        inThread: false,
      },
      {
        contact: "Bo Chan",
        step: "3 of Hot lead",
        template: "—",
        due: "Sun 1 Mar 13:30",
        action: "Step has no template: do it by hand",
        email: null,
        inThread: false,
      },
    ]);
  });

  it('says "Send" in Send mode and "Draft" in Drafts mode for an eligible row', () => {
    const actions = (settings: Settings) =>
      duePreviewRows({ rows: rows.slice(0, 1), emails: [], user: OWNER, settings, zone: ZONE }).map(
        (r) => r.action,
      );
    expect(actions(SEND)).toEqual(["Send"]);
    expect(actions(DRAFTS)).toEqual(["Draft"]);
    expect(actions(OFF)).toEqual(["Email mode is Off"]);
  });

  it("matches the user however the address is capitalised", () => {
    const names = duePreviewRows({
      rows,
      emails: [],
      user: "Rep@Example.COM",
      settings: DRAFTS,
      zone: ZONE,
    }).map((r) => r.contact);
    expect(names).toEqual(["Ann Lee (Acme)", "Bo Chan"]);
  });

  it("shows a blank Due when the row has no due date", () => {
    const undated = [contactRow(ELIGIBLE, dueResult({ due: null }))];
    expect(
      duePreviewRows({ rows: undated, emails: [], user: OWNER, settings: DRAFTS, zone: ZONE }).map(
        (r) => r.due,
      ),
    ).toEqual([""]);
  });
});

describe("renderPreviewHtml", () => {
  // Monday 2 March 2026, 10:00 and 03:00 in the zone: inside and outside the 8-18 send window.
  const INSIDE = new Date("2026-03-02T09:00:00Z");
  const OUTSIDE = new Date("2026-03-02T02:00:00Z");
  const row: PreviewRow = {
    contact: `<b>Ann</b> & "Co"`,
    step: "1 of Warm",
    template: "Intro's",
    due: "Mon 2 Mar",
    action: "Draft",
    email: {
      to: "ann@acme.test",
      subject: "<Hello> Ann",
      text: 'Hi Ann,\n=HYPERLINK("x")',
      html: "",
    } as PreviewRow["email"],
    inThread: false,
  };

  it("escapes every value and shows the email mode, the recipient, subject and body", () => {
    const html = renderPreviewHtml([row], SEND, ZONE, INSIDE);
    expect(html).toContain("Email mode: <b>Send</b>");
    expect(html).toContain("<b>&lt;b&gt;Ann&lt;/b&gt; &amp; &quot;Co&quot;</b>");
    expect(html).toContain("Intro&#39;s");
    expect(html).toContain("<div>To: ann@acme.test</div>");
    expect(html).toContain("<div>Subject: &lt;Hello&gt; Ann</div>");
    expect(html).not.toContain("<b>Ann</b>");
  });

  it("shows a blocked email's reason with no email under it, and one block per row", () => {
    const blocked: PreviewRow = { ...row, contact: "Bo", action: "Opted Out", email: null };
    const html = renderPreviewHtml([row, blocked], DRAFTS, ZONE, INSIDE);
    expect(html.match(/<p style="margin:12px 0 4px">/g)?.length ?? 0).toBe(2);
    expect(html.match(/<div>To: /g)?.length ?? 0).toBe(1);
    expect(html).toContain("<b>Opted Out</b>");
  });

  it("says a reply goes in the last Touchbase thread", () => {
    const html = renderPreviewHtml([{ ...row, inThread: true }], DRAFTS, ZONE, INSIDE);
    expect(html).toContain("(a reply in the last Touchbase thread)");
  });

  it("says when it is outside the send window", () => {
    expect(renderPreviewHtml([row], DRAFTS, ZONE, OUTSIDE)).toContain("outside the send window");
    expect(renderPreviewHtml([row], DRAFTS, ZONE, INSIDE)).not.toContain("outside the send window");
  });

  it("says nothing is due when there are no rows", () => {
    const html = renderPreviewHtml([], DRAFTS, ZONE, INSIDE);
    expect(html).toBe(
      '<div style="font:13px Arial,sans-serif"><p>Email mode: <b>Drafts</b></p><p>No automated emails are due for your contacts.</p></div>',
    );
  });
});
