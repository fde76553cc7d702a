// Email from template in the sidebar (DESIGN §6) through the built bundle: the preview with the
// contact's values and missing tags marked, Create draft and Send logged as Sidebar touches, Opted
// Out refused, user text kept as text, and Reassign's introduction draft.
import { createWorkbench, type Workbench } from "../../scripts/demo/workbench";
import { ALEX, records, typeRows } from "./support";
import { call, failure, ok, refOf } from "./sidebarSupport";

const NOW = new Date("2026-11-23T15:00:00Z"); // Monday 10:00 in New York
const TEMPLATE = "Sidebar check-in";
const HOSTILE = '=HYPERLINK("http://evil.test","x") <script>alert(1)</script>';

interface Preview {
  templates: string[];
  template: string;
  to: string;
  subject: string;
  body: string;
  missing: string[];
  blocked: string;
}

function sheet(): Workbench {
  const wb = createWorkbench({ now: NOW });
  typeRows(wb, "Templates", [
    {
      Name: TEMPLATE,
      Subject: "Checking in, {{First Name}}",
      Body: "Hi {{First Name}},\n\nHow is {{Company}} doing?",
      Channel: "Email",
      Active: true,
    },
  ]);
  typeRows(wb, "Contacts", [
    { Name: "Ann Lee", Email: "ann@client.test", Company: "Acme", Owner: ALEX, Stage: "Qualified" },
    { Name: "Bob Stone", Email: "bob@client.test", Owner: ALEX, Stage: "Qualified" },
    { Name: "Eve Out", Email: "eve@client.test", Owner: ALEX, "Opted Out": true },
    // Pasted as text (a leading apostrophe keeps it from being a formula in the Name cell).
    { Name: `'${HOSTILE}`, Email: "hal@client.test", Company: "<b>Big</b>", Owner: ALEX },
  ]);
  const refreshed = wb.menu("menuRefreshNow");
  if (refreshed.error) throw refreshed.error;
  return wb;
}

function preview(wb: Workbench, name: string): Preview {
  return ok<Preview>(
    call(wb, "sidebarTemplatePreview", { contact: refOf(wb, name), template: TEMPLATE }),
  );
}

function sendRequest(wb: Workbench, name: string, mode: "draft" | "send", edit?: Partial<Preview>) {
  const shown = preview(wb, name);
  return {
    requestId: `req-${name}-${mode}`,
    contact: refOf(wb, name),
    template: TEMPLATE,
    subject: edit?.subject ?? shown.subject,
    body: edit?.body ?? shown.body,
    mode,
  };
}

const touchesOf = (wb: Workbench, id: string) =>
  records(wb, "Touches").filter((touch) => touch["Contact ID"] === id);

describe("Email from template", () => {
  it("previews with the contact's values and marks a missing field", () => {
    const wb = sheet();
    const ann = preview(wb, "Ann Lee");
    expect(ann).toMatchObject({
      template: TEMPLATE,
      to: "ann@client.test",
      subject: "Checking in, Ann",
      body: "Hi Ann,\n\nHow is Acme doing?",
      missing: [],
      blocked: "",
    });
    expect(ann.templates).toContain(TEMPLATE);
    expect(ann.templates).toContain("New owner introduction");
    const bob = preview(wb, "Bob Stone");
    expect(bob.missing).toEqual(["Company"]);
    expect(bob.body).toBe("Hi Bob,\n\nHow is {{Company}} doing?");
  });

  it("Create draft makes one Gmail draft and a Draft touch from the Sidebar", () => {
    const wb = sheet();
    const ann = refOf(wb, "Ann Lee");
    const answer = ok<{ message: string }>(
      call(wb, "sidebarSendEmail", sendRequest(wb, "Ann Lee", "draft")),
    );
    expect(answer.message).toBe("A draft to ann@client.test is in your Gmail drafts.");
    const drafts = wb.emu.gmail.drafts(ALEX);
    expect(drafts.map((d) => [d.to, d.subject])).toEqual([["ann@client.test", "Checking in, Ann"]]);
    expect(wb.emu.gmail.sent(ALEX)).toEqual([]);
    const touches = touchesOf(wb, ann.id);
    expect(touches).toHaveLength(1);
    expect(touches[0]).toMatchObject({
      Channel: "Email",
      Direction: "Outbound",
      Outcome: "Sent",
      Template: TEMPLATE,
      Source: "Sidebar",
      Delivery: "Draft",
      "Logged By": ALEX,
    });
    expect(String(touches[0]!["Thread ID"])).toContain(drafts[0]!.draftId!);
  });

  it("Send sends once (a repeated submission too) and logs Sent; the edited text goes out", () => {
    const wb = sheet();
    const bob = refOf(wb, "Bob Stone");
    const request = sendRequest(wb, "Bob Stone", "send", {
      body: "Hi Bob,\n\nHow is the new office doing?",
    });
    const first = ok<{ message: string; card: { status: string } }>(
      call(wb, "sidebarSendEmail", request),
    );
    ok(call(wb, "sidebarSendEmail", request));
    expect(first.message).toBe('Sent "Checking in, Bob" to bob@client.test.');
    const sent = wb.emu.gmail.sent(ALEX).filter((m) => m.to === "bob@client.test");
    expect(sent).toHaveLength(1);
    expect(sent[0]!.plainBody).toContain("How is the new office doing?");
    const touches = touchesOf(wb, bob.id);
    expect(touches.map((t) => [t.Source, t.Delivery, t.Template])).toEqual([
      ["Sidebar", "Sent", TEMPLATE],
    ]);
    // The contact's computed columns count the email at once.
    expect(records(wb, "Contacts").find((r) => r.ID === bob.id)).toMatchObject({ Touches: 1 });
  });

  it("refuses to send while a merge tag is still unfilled, naming it; nothing is sent", () => {
    const wb = sheet();
    const bob = refOf(wb, "Bob Stone");
    const message = failure(call(wb, "sidebarSendEmail", sendRequest(wb, "Bob Stone", "send")));
    expect(message).toContain("needs Company");
    expect(wb.emu.gmail.sent(ALEX)).toEqual([]);
    expect(touchesOf(wb, bob.id)).toEqual([]);
  });

  it("refuses an Opted Out contact with a clear message and sends nothing", () => {
    const wb = sheet();
    const eve = refOf(wb, "Eve Out");
    expect(preview(wb, "Eve Out").blocked).toBe(
      "Eve Out opted out of email (Opted Out is checked): Touchbase emails them nothing.",
    );
    const message = failure(call(wb, "sidebarSendEmail", sendRequest(wb, "Eve Out", "send")));
    expect(message).toBe(
      "Nothing was sent: Eve Out opted out of email (Opted Out is checked): Touchbase emails them nothing.",
    );
    expect(wb.emu.gmail.sent(ALEX)).toEqual([]);
    expect(wb.emu.gmail.drafts(ALEX)).toEqual([]);
    expect(touchesOf(wb, eve.id)).toEqual([]);
  });

  it("keeps a name with =HYPERLINK(...) and <script> as text, and escapes it in the HTML", () => {
    const wb = sheet();
    const hal = refOf(wb, HOSTILE);
    ok(call(wb, "sidebarSendEmail", sendRequest(wb, HOSTILE, "send")));
    const sent = wb.emu.gmail.sent(ALEX).find((m) => m.to === "hal@client.test")!;
    expect(sent.plainBody).toContain("How is <b>Big</b> doing?");
    expect(sent.htmlBody).toContain("&lt;b&gt;Big&lt;/b&gt;");
    expect(sent.htmlBody).not.toContain("<b>Big");
    // The Touches row holds the name as text, never a formula.
    expect(touchesOf(wb, hal.id)[0]!.Contact).toBe(HOSTILE);
    const touches = wb.spreadsheet().getSheetByName("Touches")!;
    const formulas = touches
      .getRange(2, 1, touches.getLastRow() - 1, touches.getLastColumn())
      .getFormulas();
    expect(formulas.flat().filter((f) => f !== "")).toEqual([]);
  });
});

describe("Reassign's introduction draft", () => {
  it("drafts the New owner introduction from the new owner, logged as a Draft touch", () => {
    const wb = sheet();
    const ann = refOf(wb, "Ann Lee");
    const answer = ok<{ message: string }>(
      call(wb, "sidebarReassign", {
        requestId: "reassign-ann",
        contact: ann,
        newOwner: "maria.lopez@acme.test",
        note: "She knows Acme",
        introDraft: true,
      }),
    );
    expect(answer.message).toContain(
      "A draft introducing maria.lopez@acme.test is in your Gmail drafts.",
    );
    const drafts = wb.emu.gmail.drafts(ALEX);
    expect(drafts.map((d) => [d.to, d.subject])).toEqual([
      ["ann@client.test", "Introducing Maria Lopez, your new contact"],
    ]);
    expect(touchesOf(wb, ann.id).map((t) => [t.Outcome, t.Template, t.Delivery])).toEqual([
      ["Handoff", "", ""],
      ["Sent", "New owner introduction", "Draft"],
    ]);
    const ids = touchesOf(wb, ann.id).map((t) => t["Touch ID"]);
    expect(new Set(ids).size).toBe(2);
  });
});
