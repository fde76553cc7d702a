// The sidebar in a real Chromium against the playground (DESIGN §6): dist/Sidebar.html as built,
// its google.script.run calls served by the bundle in the emulator. Never skipped: without
// Chromium at /usr/bin/chromium these tests fail and say how to install it.
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type FrameLocator, type Page } from "playwright-core";
import { startPlayground, type Playground } from "../../scripts/playground/server";
import { REPO_ROOT } from "../../scripts/demo/workbench";

const CHROMIUM = "/usr/bin/chromium";
const SHOTS = join(REPO_ROOT, "test-output", "sidebar");
const ALEX = "alex@acme.test";

jest.setTimeout(120_000);

let playground: Playground;
let context: BrowserContext;
let page: Page;
let profile: string;
let stateDir: string;
const dialogs: string[] = [];

function sidebar(): FrameLocator {
  return page.frameLocator("#sidebar");
}

/** A tab's rows as header → value records (uncounted: the test looks at the sheet). */
function rows(tab: string): Record<string, unknown>[] {
  const sheet = playground.emu.spreadsheets.get(playground.spreadsheetId)!.getSheetByName(tab)!;
  const [headers = [], ...values] = sheet.getDataRange().getValues();
  return values.map((row) => Object.fromEntries(headers.map((h, i) => [String(h), row[i]])));
}

function contactNamed(name: string): Record<string, unknown> {
  const found = rows("Contacts").find((row) => row.Name === name);
  if (!found) throw new Error(`no contact named ${name}`);
  return found;
}

async function shot(name: string): Promise<void> {
  await page.locator("#sidebar").screenshot({ path: join(SHOTS, `${name}.png`) });
}

/** Opens the sidebar afresh and finds a contact by search, as a person would. */
async function openBySearch(query: string, name: string): Promise<void> {
  await page.goto(playground.url);
  const frame = sidebar();
  await frame.locator("#myday-summary").filter({ hasNotText: "Loading" }).waitFor();
  await frame.getByLabel("Search contacts").fill(query);
  await frame.getByRole("button", { name: "Search", exact: true }).click();
  await frame.locator("#search-results button", { hasText: name }).first().click();
  await frame.locator("#card-name", { hasText: name }).waitFor();
}

/** One of Alex's open contacts (not Won/Lost, not paused or opted out). */
function alexsOpenContact(skip: readonly string[] = []): Record<string, unknown> {
  const found = rows("Contacts").find(
    (row) =>
      row.Owner === ALEX &&
      !["Won", "Lost"].includes(String(row.Stage)) &&
      row.Paused !== true &&
      row["Opted Out"] !== true &&
      !skip.includes(String(row.Name)),
  );
  if (!found) throw new Error("the demo has no open contact of Alex's");
  return found;
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}: the browser tests need it (they are never skipped). Install it with: apt-get install -y chromium`,
    );
  }
  mkdirSync(SHOTS, { recursive: true });
  stateDir = mkdtempSync(join(tmpdir(), "touchbase-e2e-state-"));
  playground = await startPlayground({
    port: 0,
    stateFile: join(stateDir, "state.json"),
    reset: true,
    contacts: 40,
    touches: 240,
  });
  profile = mkdtempSync(join(tmpdir(), "touchbase-e2e-chromium-"));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
});

afterAll(async () => {
  await context?.close();
  await playground?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  if (stateDir) rmSync(stateDir, { recursive: true, force: true });
});

describe("the sidebar in Chromium", () => {
  it("opens on My day: 300 px wide and no horizontal scroll", async () => {
    await page.goto(playground.url);
    const frame = sidebar();
    await frame.locator("#myday-summary").filter({ hasNotText: "Loading" }).waitFor();
    const box = await page.locator("#sidebar").boundingBox();
    expect(box?.width).toBe(300);
    // Runs in the page: the DOM's globals are there, not in this file's Node types.
    const widths = await page.frame({ url: /\/sidebar$/ })!.evaluate(`({
      scroll: document.documentElement.scrollWidth,
      client: document.documentElement.clientWidth,
    })`);
    const { scroll, client } = widths as { scroll: number; client: number };
    expect(client).toBeGreaterThan(0);
    expect(scroll).toBeLessThanOrEqual(client);
    await shot("my-day");
  });

  it("searches a contact and logs a call: Touches gains the row, Due and Status change", async () => {
    const contact =
      rows("Contacts").find(
        (row) => row.Owner === ALEX && ["Overdue", "Due Today"].includes(String(row.Status)),
      ) ?? alexsOpenContact();
    const name = String(contact.Name);
    const touchesBefore = rows("Touches").length;
    await openBySearch(name.split(" ")[0]!, name);
    const frame = sidebar();
    await frame.getByRole("button", { name: "Log touch" }).click();
    await frame.getByLabel("Channel").selectOption("Call");
    await frame.getByLabel("Outcome").selectOption("Connected");
    await frame.getByLabel("Notes").fill("Talked pricing; wants the deck.");
    await frame.getByRole("button", { name: "Next week" }).click();
    const followUp = await frame.getByLabel("Next follow-up", { exact: true }).inputValue();
    await shot("log-touch");
    await frame.getByRole("button", { name: "Save touch" }).click();
    await frame.locator("#notice", { hasText: `Logged Call (Connected) for ${name}` }).waitFor();

    const touches = rows("Touches");
    expect(touches.length).toBe(touchesBefore + 1);
    expect(touches.at(-1)).toMatchObject({
      "Contact ID": contact.ID,
      Contact: name,
      Channel: "Call",
      Direction: "Outbound",
      Outcome: "Connected",
      Notes: "Talked pricing; wants the deck.",
      "Logged By": ALEX,
      Source: "Sidebar",
    });
    const after = contactNamed(name);
    const dueDay = (after.Due as Date).toLocaleDateString("en-CA", {
      timeZone: "America/New_York",
    });
    expect(dueDay).toBe(followUp);
    expect(contact.Status).toMatch(/^(Overdue|Due Today)$/);
    expect(after.Status).toMatch(/^(Upcoming|Nurture)$/);
    expect(after["Last Outcome"]).toBe("Connected");
    await expect(frame.locator("#card-status").textContent()).resolves.toBe(after.Status);
    await shot("contact-card");
  });

  it("snoozes a contact for 7 days", async () => {
    const contact = alexsOpenContact();
    const name = String(contact.Name);
    await openBySearch(name, name);
    await sidebar().getByRole("button", { name: "7 days" }).click();
    await sidebar()
      .locator("#notice", { hasText: `Snoozed ${name} until` })
      .waitFor();
    const note = rows("Touches").at(-1);
    expect(note).toMatchObject({ Channel: "Note", Direction: "Internal", Outcome: "Note" });
    expect(String(note?.Notes)).toMatch(/^Snoozed 7 days, until \d{4}-\d{2}-\d{2}\.$/);
    expect(contactNamed(name)["Next Follow-Up"]).toEqual(note?.["Next Follow-Up"]);
  });

  it("reassigns a contact to Sam with a handoff note", async () => {
    const contact = alexsOpenContact();
    const name = String(contact.Name);
    await openBySearch(name, name);
    const frame = sidebar();
    await frame.getByRole("button", { name: "Reassign" }).first().click();
    await frame.getByLabel("New owner", { exact: true }).fill("sam@acme.test");
    await frame.getByLabel("Note for the new owner").fill("Prefers mornings.");
    await frame.locator("#reassign-save").click();
    await frame.locator("#notice", { hasText: `${name} now belongs to sam@acme.test` }).waitFor();
    expect(contactNamed(name).Owner).toBe("sam@acme.test");
    expect(rows("Touches").at(-1)).toMatchObject({
      Outcome: "Handoff",
      Direction: "Internal",
      Notes: `Handoff ${ALEX} → sam@acme.test: Prefers mornings.`,
    });
  });

  it("sends from a template", async () => {
    const contact = alexsOpenContact();
    const name = String(contact.Name);
    const email = String(contact.Email).toLowerCase();
    const sentBefore = playground.emu.gmail.sent(ALEX).filter((m) => m.to === email).length;
    await openBySearch(name, name);
    const frame = sidebar();
    await frame.locator("#open-email").click();
    await frame.getByLabel("Template", { exact: true }).selectOption("Value add");
    await frame.locator("#email-form:not([aria-busy])").waitFor();
    await frame.locator("#email-to", { hasText: email }).waitFor();
    await expect(frame.getByLabel("Subject", { exact: true }).inputValue()).resolves.not.toBe("");
    // An unfilled merge field is marked and named before anything can go.
    await frame.getByLabel("Message", { exact: true }).fill("Hi,\n\nA note about {{Topic}}.");
    await frame
      .locator("#email-missing", { hasText: "Fill in before sending: {{Topic}}" })
      .waitFor();
    await expect(frame.locator("#email-marked mark").textContent()).resolves.toBe("{{Topic}}");
    await frame.getByRole("button", { name: "Send", exact: true }).click();
    await frame.locator("#error", { hasText: "needs Topic" }).waitFor();
    await expect(frame.getByLabel("Message", { exact: true }).inputValue()).resolves.toBe(
      "Hi,\n\nA note about {{Topic}}.",
    );
    await frame.getByLabel("Message", { exact: true }).fill("Hi,\n\nA note about <b>pricing</b>.");
    await expect(frame.locator("#email-missing").isHidden()).resolves.toBe(true);
    await shot("email-from-template");
    await frame.getByRole("button", { name: "Send", exact: true }).click();
    await frame.locator("#notice", { hasText: `to ${email}.` }).waitFor();
    const sent = playground.emu.gmail.sent(ALEX).filter((m) => m.to === email);
    expect(sent.length).toBe(sentBefore + 1);
    expect(sent.at(-1)?.plainBody).toContain("A note about <b>pricing</b>.");
    expect(rows("Touches").at(-1)).toMatchObject({
      "Contact ID": contact.ID,
      Channel: "Email",
      Template: "Value add",
      Source: "Sidebar",
      Delivery: "Sent",
    });
  });

  it("shows a server error in words and keeps what was typed", async () => {
    const contact = alexsOpenContact();
    const name = String(contact.Name);
    await openBySearch(name, name);
    const frame = sidebar();
    const touchesBefore = rows("Touches").length;
    await frame.getByRole("button", { name: "Log touch" }).click();
    await frame.getByLabel("Notes").fill('=HYPERLINK("http://x")  kept as typed');
    await frame.getByLabel("Next follow-up", { exact: true }).fill("2020-01-06");
    await frame.getByRole("button", { name: "Save touch" }).click();
    await frame
      .locator("#error", { hasText: "Next Follow-Up 2020-01-06 is in the past" })
      .waitFor();
    await expect(frame.getByLabel("Notes").inputValue()).resolves.toBe(
      '=HYPERLINK("http://x")  kept as typed',
    );
    // A service failure on the server: said in words, the form still filled, nothing logged.
    await frame.getByRole("button", { name: "Tomorrow" }).click();
    playground.emu.faults.failAtCall(4);
    await frame.getByRole("button", { name: "Save touch" }).click();
    await frame.locator("#error", { hasText: "Service error: Spreadsheets" }).waitFor();
    await expect(frame.getByLabel("Notes").inputValue()).resolves.toBe(
      '=HYPERLINK("http://x")  kept as typed',
    );
    expect(rows("Touches").length).toBe(touchesBefore);
    await expect(frame.locator("#log-save").isEnabled()).resolves.toBe(true);
    await shot("server-error");
    // Saved again: the note starting with "=" is stored as text, not a formula.
    await frame.getByRole("button", { name: "Save touch" }).click();
    await frame.locator("#notice", { hasText: "Logged Call" }).waitFor();
    expect(rows("Touches").at(-1)?.Notes).toBe('=HYPERLINK("http://x")  kept as typed');
  });

  it("shows a name holding HTML as text, running nothing", async () => {
    const sheet = playground.emu.spreadsheets
      .get(playground.spreadsheetId)!
      .getSheetByName("Contacts")!;
    const headers = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0]!.map(String);
    const row = sheet.getLastRow() + 1;
    const evil = "<img src=x onerror=alert(1)>";
    sheet.getRange(row, headers.indexOf("ID") + 1).setValue("C-999999");
    sheet.getRange(row, headers.indexOf("Name") + 1).setValue(evil);
    await openBySearch("onerror", evil);
    await expect(sidebar().locator("#card-name").textContent()).resolves.toBe(evil);
    await expect(sidebar().locator("#card img").count()).resolves.toBe(0);
    expect(dialogs).toEqual([]);
  });
});
