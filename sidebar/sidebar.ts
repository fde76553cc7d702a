// The Touchbase sidebar (DESIGN §6): My day, contact search and card, Log touch, Snooze,
// Email from template, Reassign, Cover for a teammate and automation on/off. Every server call goes through call();
// user data is only ever set as text (never as HTML); a failed call shows its message and keeps
// what the person typed; the buttons of a form are disabled while its call runs.
import type {
  ContactCard,
  ContactHit,
  ContactRef,
  MyDayItem,
  SidebarContext,
  TemplatePreview,
} from "../src/api/sidebarApi";
import { call, messageOf } from "./server";

type View = "myday" | "contact" | "team";

let context: SidebarContext | null = null;
let card: ContactCard | null = null;
/** One id per submission: a retry of the same form content is not logged twice. */
let pendingRequest: { form: string; id: string } | null = null;

function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`The sidebar page has no #${id}.`);
  return element as T;
}

const input = (id: string) => byId<HTMLInputElement>(id);

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text = "",
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = text;
  return element;
}

function requestId(form: string): string {
  if (!pendingRequest || pendingRequest.form !== form) {
    pendingRequest = {
      form,
      id: `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`,
    };
  }
  return pendingRequest.id;
}

// ---- messages and busy state -------------------------------------------------------------

function showNotice(text: string): void {
  byId("error").hidden = true;
  const notice = byId("notice");
  notice.textContent = text;
  notice.hidden = text === "";
}

function showError(text: string): void {
  byId("notice").hidden = true;
  const error = byId("error");
  error.textContent = text;
  error.hidden = false;
}

/** Runs a server call with the buttons of `scope` disabled; errors are shown, never thrown. */
async function busy<T>(scope: HTMLElement, work: () => Promise<T>): Promise<T | undefined> {
  const buttons = [...scope.querySelectorAll("button")].filter((b) => !b.disabled);
  buttons.forEach((b) => (b.disabled = true));
  scope.setAttribute("aria-busy", "true");
  try {
    return await work();
  } catch (error) {
    showError(messageOf(error));
    return undefined;
  } finally {
    buttons.forEach((b) => (b.disabled = false));
    scope.removeAttribute("aria-busy");
  }
}

// ---- views --------------------------------------------------------------------------------

function show(view: View): void {
  for (const name of ["myday", "contact", "team"] as const) {
    byId(`view-${name}`).hidden = name !== view;
  }
  document.querySelectorAll<HTMLButtonElement>(".tab").forEach((tab) => {
    tab.setAttribute("aria-pressed", String(tab.dataset.view === view));
  });
}

function statusBadge(status: string): HTMLElement {
  return el("span", `status status-${status.replace(/\s+/g, "-")}`, status || "—");
}

/** A list row that opens a contact when chosen (mouse or keyboard). */
function contactButton(hit: ContactHit, extra: string): HTMLLIElement {
  const item = document.createElement("li");
  const button = el("button", "");
  button.type = "button";
  const name = el("div", "name", hit.ref.name);
  const meta = el("div", "meta", extra);
  meta.prepend(statusBadge(hit.status), " ");
  button.append(name, meta);
  button.addEventListener("click", () => void openContact(hit.ref));
  item.append(button);
  return item;
}

async function loadMyDay(): Promise<void> {
  const items = await busy(byId("view-myday"), () => call("sidebarMyDay"));
  if (!items) return;
  renderMyDay(items);
}

function renderMyDay(items: readonly MyDayItem[]): void {
  const list = byId("myday-list");
  list.replaceChildren(
    ...items.map((item) =>
      contactButton(
        item,
        [item.company, item.due && `due ${item.due}`, item.nextStep].filter(Boolean).join(" · "),
      ),
    ),
  );
  byId("myday-summary").textContent =
    items.length === 0
      ? "Nothing needs you today: no replies waiting, nothing overdue or due."
      : `${items.length} contact${items.length === 1 ? "" : "s"} need${items.length === 1 ? "s" : ""} you today.`;
}

// ---- search -------------------------------------------------------------------------------

async function search(event: Event): Promise<void> {
  event.preventDefault();
  const query = input("search").value.trim();
  const list = byId("search-results");
  if (query === "") {
    list.replaceChildren();
    return;
  }
  const result = await busy(byId("search-form"), () => call("sidebarSearch", query));
  if (!result) return;
  const items = result.hits.map((hit) =>
    contactButton(hit, [hit.company, hit.email].filter(Boolean).join(" · ")),
  );
  if (result.hits.length === 0) items.push(el("li", "secondary", `No contact matches "${query}".`));
  if (result.more) items.push(el("li", "secondary", "More contacts match: type more to narrow."));
  list.replaceChildren(...items);
}

// ---- the contact card ---------------------------------------------------------------------

async function openContact(ref: ContactRef): Promise<void> {
  show("contact");
  byId("search-results").replaceChildren();
  const loaded = await busy(byId("view-contact"), () => call("sidebarContact", ref));
  if (loaded) renderCard(loaded);
}

function text(id: string, value: string): void {
  byId(id).textContent = value || "—";
}

function renderCard(next: ContactCard): void {
  const changed = card?.ref.id !== next.ref.id;
  card = next;
  byId("card-empty").hidden = true;
  byId("card").hidden = false;
  byId("card-name").textContent = next.ref.name;
  byId("card-company").textContent = [next.company, next.email, next.phone]
    .filter(Boolean)
    .join(" · ");
  byId("card-status").replaceWith(Object.assign(statusBadge(next.status), { id: "card-status" }));
  byId("card-due").textContent = next.due ? `due ${next.due}` : "";
  text("card-stage", next.stage);
  text("card-tier", next.tier);
  text("card-owner", next.owner);
  text("card-step", next.step);
  text("card-nextstep", next.nextStep);
  text("card-meeting", next.nextMeeting);
  const problem = byId("card-problem");
  problem.textContent = next.problem;
  problem.hidden = next.problem === "";
  byId("card-touches").replaceChildren(
    ...(next.lastTouches.length === 0
      ? [el("li", "secondary", "No touches yet.")]
      : next.lastTouches.map((touch) => {
          const item = el("li", "");
          const when = touch.timestamp.slice(0, 10);
          item.append(
            el("div", "name", `${touch.channel || touch.direction} · ${touch.outcome}`),
            el("div", "meta", [when, touch.loggedBy].filter(Boolean).join(" · ")),
          );
          if (touch.notes) item.append(el("div", "", touch.notes));
          return item;
        })),
  );
  const chip = document.querySelector<HTMLButtonElement>('[data-chip="cadence"]');
  if (chip) {
    chip.disabled = next.cadenceDate === "";
    chip.title = next.cadenceDate
      ? `The cadence's next date: ${next.cadenceDate}`
      : "No cadence date";
  }
  if (changed) {
    // Another contact: its forms start empty; the same contact keeps what was typed.
    byId<HTMLFormElement>("log-form").reset();
    byId<HTMLFormElement>("reassign-form").reset();
    byId<HTMLFormElement>("email-form").reset();
    byId("email-form").hidden = true;
    fillLogForm();
  }
}

// ---- Log touch ----------------------------------------------------------------------------

function options(select: HTMLSelectElement, values: readonly string[], blank?: string): void {
  const items = values.map((value) => {
    const option = el("option", "", value);
    option.value = value;
    return option;
  });
  if (blank !== undefined) {
    const first = el("option", "", blank);
    first.value = "";
    items.unshift(first);
  }
  select.replaceChildren(...items);
}

function fillOutcomes(): void {
  if (!context) return;
  const channel = byId<HTMLSelectElement>("log-channel").value;
  options(byId<HTMLSelectElement>("log-outcome"), context.outcomesByChannel[channel] ?? []);
}

function fillLogForm(): void {
  if (!context) return;
  const channel = byId<HTMLSelectElement>("log-channel");
  if (channel.options.length === 0) {
    options(channel, context.channels);
    // Most touches logged by hand are calls; the form starts there.
    for (const option of channel.options) option.defaultSelected = option.value === "Call";
    channel.value = "Call";
  }
  fillOutcomes();
  options(
    byId<HTMLSelectElement>("log-stage"),
    context.stages,
    card?.stage ? `Keep ${card.stage}` : "Keep current stage",
  );
}

/** "2026-11-23" plus `days`, moved off a weekend when the sheet skips weekends. */
function addDays(isoDay: string, days: number, skipWeekends: boolean): string {
  const [year, month, day] = isoDay.split("-").map(Number);
  const date = new Date(Date.UTC(year!, month! - 1, day! + days));
  if (skipWeekends) {
    const weekday = date.getUTCDay();
    if (weekday === 6) date.setUTCDate(date.getUTCDate() + 2);
    if (weekday === 0) date.setUTCDate(date.getUTCDate() + 1);
  }
  return date.toISOString().slice(0, 10);
}

function chip(event: Event): void {
  const target = event.target as HTMLElement;
  const value = target.dataset.chip;
  if (!value || !context) return;
  input("log-followup").value =
    value === "cadence"
      ? (card?.cadenceDate ?? "")
      : addDays(context.today, Number(value), context.skipWeekends);
}

async function saveTouch(event: Event): Promise<void> {
  event.preventDefault();
  if (!card) return;
  const form = byId<HTMLFormElement>("log-form");
  const stage = byId<HTMLSelectElement>("log-stage").value;
  const closing = ["Won", "Lost"].includes(stage || card.stage);
  const followUp = input("log-followup").value;
  if (!followUp && !closing) {
    showError("Pick a Next follow-up date (or a chip): every open contact needs one.");
    input("log-followup").focus();
    return;
  }
  const ref = card.ref;
  const done = await busy(form, () =>
    call("sidebarLogTouch", {
      requestId: requestId("log"),
      contact: ref,
      channel: byId<HTMLSelectElement>("log-channel").value,
      outcome: byId<HTMLSelectElement>("log-outcome").value,
      notes: byId<HTMLTextAreaElement>("log-notes").value,
      nextStep: input("log-nextstep").value,
      nextFollowUp: followUp,
      stage,
    }),
  );
  if (!done) return;
  pendingRequest = null;
  form.reset();
  form.hidden = true;
  renderCard(done.card);
  fillLogForm();
  showNotice(done.message);
}

// ---- Snooze and Reassign ------------------------------------------------------------------

async function snooze(event: Event): Promise<void> {
  const days = Number((event.target as HTMLElement).dataset.snooze);
  if (!card || !days) return;
  const ref = card.ref;
  const done = await busy(byId("view-contact"), () =>
    call("sidebarSnooze", { requestId: requestId(`snooze-${ref.id}-${days}`), contact: ref, days }),
  );
  if (!done) return;
  pendingRequest = null;
  renderCard(done.card);
  showNotice(done.message);
}

async function reassign(event: Event): Promise<void> {
  event.preventDefault();
  if (!card) return;
  const form = byId<HTMLFormElement>("reassign-form");
  const ref = card.ref;
  const done = await busy(form, () =>
    call("sidebarReassign", {
      requestId: requestId("reassign"),
      contact: ref,
      newOwner: input("reassign-owner").value,
      note: byId<HTMLTextAreaElement>("reassign-note").value,
      introDraft: input("reassign-intro").checked,
    }),
  );
  if (!done) return;
  pendingRequest = null;
  form.reset();
  form.hidden = true;
  renderCard(done.card);
  showNotice(done.message);
}

// ---- Email from template ----------------------------------------------------------------

const MERGE_TAG = /\{\{[^{}]*\}\}/g;

/** Shows the subject and message with every unfilled {{Tag}} marked (as text, never HTML). */
function markMissing(): void {
  const source = `${input("email-subject").value}\n\n${byId<HTMLTextAreaElement>("email-body").value}`;
  const parts: (Node | string)[] = [];
  const tags: string[] = [];
  let last = 0;
  for (const match of source.matchAll(MERGE_TAG)) {
    parts.push(source.slice(last, match.index), el("mark", "", match[0]));
    tags.push(match[0]);
    last = match.index + match[0].length;
  }
  parts.push(source.slice(last));
  byId("email-marked").replaceChildren(...(tags.length > 0 ? parts : []));
  const missing = byId("email-missing");
  missing.textContent = `Fill in before sending: ${[...new Set(tags)].join(", ")}`;
  missing.hidden = tags.length === 0;
  byId("email-body").setAttribute("aria-invalid", String(tags.length > 0));
}

function renderEmailPreview(preview: TemplatePreview): void {
  const select = byId<HTMLSelectElement>("email-template");
  options(select, preview.templates);
  select.value = preview.template;
  byId("email-to").textContent = preview.to || "(no Email)";
  const blocked = byId("email-blocked");
  blocked.textContent = preview.blocked;
  blocked.hidden = preview.blocked === "";
  input("email-subject").value = preview.subject;
  byId<HTMLTextAreaElement>("email-body").value = preview.body;
  for (const id of ["email-draft", "email-send"]) {
    byId<HTMLButtonElement>(id).disabled = preview.blocked !== "";
  }
  markMissing();
}

/** Loads a template merged for the card's contact; on failure the form keeps what it had. */
async function loadEmailPreview(template: string): Promise<void> {
  if (!card) return;
  const ref = card.ref;
  const preview = await busy(byId("email-form"), () =>
    call("sidebarTemplatePreview", { contact: ref, template }),
  );
  if (preview) renderEmailPreview(preview);
}

async function sendEmail(event: SubmitEvent): Promise<void> {
  event.preventDefault();
  if (!card) return;
  const mode = (event.submitter as HTMLElement | null)?.dataset.mode === "send" ? "send" : "draft";
  const form = byId<HTMLFormElement>("email-form");
  const ref = card.ref;
  const done = await busy(form, () =>
    call("sidebarSendEmail", {
      requestId: requestId(`email-${mode}`),
      contact: ref,
      template: byId<HTMLSelectElement>("email-template").value,
      subject: input("email-subject").value,
      body: byId<HTMLTextAreaElement>("email-body").value,
      mode,
    }),
  );
  if (!done) return;
  pendingRequest = null;
  form.hidden = true;
  renderCard(done.card);
  showNotice(done.message);
}

/** Shows one of the card's forms (Log touch, Email, Reassign) and hides the others. */
function openPanel(id: string, focus: string): void {
  for (const form of ["log-form", "email-form", "reassign-form"]) byId(form).hidden = form !== id;
  byId(focus).focus();
}

// ---- Team: cover and automation -----------------------------------------------------------

async function cover(event: Event): Promise<void> {
  event.preventDefault();
  const form = byId<HTMLFormElement>("cover-form");
  const done = await busy(form, () =>
    call("sidebarCover", {
      requestId: requestId("cover"),
      absentOwner: input("cover-absent").value,
      coveringOwner: input("cover-covering").value,
      from: input("cover-from").value,
      to: input("cover-to").value,
      note: byId<HTMLTextAreaElement>("cover-note").value,
    }),
  );
  if (!done) return;
  pendingRequest = null;
  form.reset();
  showNotice(done.message);
}

function renderAutomation(state: SidebarContext["automation"]): void {
  input("automation-on").checked = state.on;
  const last = state.lastRun;
  byId("automation-last").textContent = last
    ? `Last run ${last.started.slice(0, 16).replace("T", " ")} UTC (${last.trigger}): ${last.summary}`
    : "No run yet.";
}

async function toggleAutomation(): Promise<void> {
  const box = input("automation-on");
  const wanted = box.checked;
  box.disabled = true;
  try {
    const state = await call("sidebarSetAutomation", wanted);
    renderAutomation(state);
    showNotice(state.message);
  } catch (error) {
    box.checked = !wanted;
    showError(messageOf(error));
  } finally {
    box.disabled = false;
  }
}

// ---- start --------------------------------------------------------------------------------

function wire(): void {
  document.querySelectorAll<HTMLButtonElement>(".tab").forEach((tab) =>
    tab.addEventListener("click", () => {
      const view = tab.dataset.view as View;
      show(view);
      if (view === "myday") void loadMyDay();
    }),
  );
  byId("search-form").addEventListener("submit", (e) => void search(e));
  byId("log-channel").addEventListener("change", fillOutcomes);
  byId("open-log").addEventListener("click", () => openPanel("log-form", "log-channel"));
  byId("open-reassign").addEventListener("click", () =>
    openPanel("reassign-form", "reassign-owner"),
  );
  byId("open-email").addEventListener("click", () => {
    openPanel("email-form", "email-template");
    void loadEmailPreview("");
  });
  byId("email-template").addEventListener("change", () => {
    void loadEmailPreview(byId<HTMLSelectElement>("email-template").value);
  });
  byId("email-subject").addEventListener("input", markMissing);
  byId("email-body").addEventListener("input", markMissing);
  byId("email-form").addEventListener("submit", (e) => void sendEmail(e as SubmitEvent));
  document.querySelectorAll<HTMLButtonElement>("[data-close]").forEach((button) =>
    button.addEventListener("click", () => {
      byId(button.dataset.close!).hidden = true;
    }),
  );
  document
    .querySelectorAll<HTMLButtonElement>("[data-chip]")
    .forEach((b) => b.addEventListener("click", chip));
  document
    .querySelectorAll<HTMLButtonElement>("[data-snooze]")
    .forEach((b) => b.addEventListener("click", (e) => void snooze(e)));
  byId("log-form").addEventListener("submit", (e) => void saveTouch(e));
  byId("reassign-form").addEventListener("submit", (e) => void reassign(e));
  byId("cover-form").addEventListener("submit", (e) => void cover(e));
  byId("automation-on").addEventListener("change", () => void toggleAutomation());
}

async function start(): Promise<void> {
  wire();
  const loaded = await busy(document.body, () => call("sidebarContext"));
  if (!loaded) return;
  context = loaded;
  const owners = byId("owner-list");
  owners.replaceChildren(
    ...loaded.owners.map((owner) => {
      const option = document.createElement("option");
      option.value = owner;
      return option;
    }),
  );
  input("cover-from").value = loaded.today;
  input("cover-to").value = loaded.today;
  renderAutomation(loaded.automation);
  fillLogForm();
  if (loaded.selected) await openContact(loaded.selected);
  else {
    show("myday");
    await loadMyDay();
  }
}

void start();
