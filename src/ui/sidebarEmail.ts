// Email from the sidebar (DESIGN §6): Email from template (preview, then Create draft or Send)
// and the Reassign introduction draft. The merge is the emails feature's (src/domain/merge.ts);
// the Gmail call and its write-ahead touch are the outbox's (src/gmail/outbox.ts), Source Sidebar.
import type { TemplatePreview } from "../api/sidebarApi";
import { normalizeKey } from "../domain/cells";
import { TEMPLATE_NAMES } from "../domain/defaults/templates";
import { emailNotes } from "../domain/emailTouches";
import { idAfter, TOUCH_ID } from "../domain/ids";
import {
  mergeForEditing,
  mergeTemplate,
  type EmailTemplate,
  type MergeInput,
} from "../domain/merge";
import { TEMPLATES_SPEC } from "../domain/schema";
import type { Settings } from "../domain/settings";
import { activeTemplates, chooseTemplate, editedEmail, emailBlocker } from "../domain/sidebarEmail";
import { SidebarInputError } from "../domain/sidebarTouches";
import { parseTemplates } from "../domain/templates";
import { blankTouch } from "../domain/touches";
import type { Contact, ContactResult, Touch } from "../domain/types";
import { errorMessage } from "../errors";
import { draftOrSend } from "../gmail/outbox";
import type { TouchLog } from "../sheets/contactTouches";
import { readTable } from "../sheets/tableIO";

export interface EmailEnv {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly user: string;
  readonly settings: Settings;
  readonly zone: string;
  readonly now: Date;
}

/** The contact an email is for, as the sidebar read it. */
export interface EmailContact {
  readonly contact: Contact;
  readonly result: ContactResult;
  readonly touches: readonly Touch[];
  /** Normalized Contacts headers: the valid merge tags. */
  readonly headers: ReadonlySet<string>;
}

function readTemplates(env: EmailEnv): ReadonlyMap<string, EmailTemplate> {
  return parseTemplates(readTable(env.spreadsheet, TEMPLATES_SPEC)).byName;
}

function mergeInput(env: EmailEnv, to: EmailContact, template: EmailTemplate): MergeInput {
  return {
    template,
    contact: to.contact,
    result: to.result,
    headers: to.headers,
    settings: env.settings,
    zone: env.zone,
    now: env.now,
  };
}

/** The chosen template merged with the contact's values; missing tags stay as {{Tag}}. */
export function templatePreview(
  env: EmailEnv,
  to: EmailContact,
  requested: string,
): TemplatePreview {
  const byName = readTemplates(env);
  const template = chooseTemplate(byName, requested, to.result);
  const merged = mergeForEditing(mergeInput(env, to, template));
  return {
    templates: activeTemplates(byName).map((t) => t.name),
    template: template.name,
    to: to.contact.email,
    subject: merged.subject,
    body: merged.body,
    missing: merged.missing,
    blocked: emailBlocker(to.contact, to.result, to.touches),
  };
}

export interface EmailRequest {
  readonly template: string;
  readonly subject: string;
  readonly body: string;
  readonly mode: "draft" | "send";
}

export interface MadeEmail {
  /** The email's touch as written (Delivery Draft or Sent), for the contact's computed columns. */
  readonly touch: Touch;
  readonly message: string;
}

/**
 * Creates the draft or sends the email once, through the outbox: its touch is written ahead
 * (Pending), then completed. `afterTouches` is how many touches this action already appended
 * (their IDs follow the log's highest).
 */
export function makeEmail(
  env: EmailEnv,
  to: EmailContact,
  log: TouchLog,
  request: EmailRequest,
  afterTouches = 0,
): MadeEmail {
  const blocked = emailBlocker(to.contact, to.result, to.touches);
  if (blocked) throw new SidebarInputError(`Nothing was sent: ${blocked}`);
  const template = chooseTemplate(readTemplates(env), request.template, to.result);
  const email = editedEmail(mergeInput(env, to, template), request);
  const step =
    normalizeKey(to.result.dueStep?.step.template ?? "") === normalizeKey(template.name)
      ? to.result.step
      : "";
  const touchId = idAfter(log.lastTouchDigits, afterTouches + 1, TOUCH_ID);
  const outcome = draftOrSend({
    touches: log,
    emails: [{ row: to, template: template.name, step, email, replyInThread: "" }],
    mode: request.mode === "send" ? "Send" : "Drafts",
    user: env.user,
    myAddresses: () => new Set([env.user]),
    senderName: env.settings.senderName,
    now: env.now,
    nextTouchId: () => touchId,
    deadline: Number.POSITIVE_INFINITY,
    source: "Sidebar",
  });
  if (outcome.sent + outcome.drafts === 0) {
    // The touch says Failed or Unconfirmed; the person reads why and what to check.
    throw new Error(outcome.problems.join("; ") || "Gmail did not take the email.");
  }
  const sent = outcome.sent > 0;
  const touch = blankTouch({
    touchId,
    timestamp: env.now,
    contactId: to.contact.id,
    contactName: to.contact.name,
    channel: "Email",
    direction: "Outbound",
    outcome: "Sent",
    template: template.name,
    step,
    notes: emailNotes(email.to, email.subject),
    loggedBy: env.user,
    source: "Sidebar",
    delivery: sent ? "Sent" : "Draft",
  });
  const message = sent
    ? `Sent "${email.subject}" to ${email.to}.`
    : `A draft to ${email.to} is in your Gmail drafts.`;
  return { touch, message };
}

/**
 * Reassign's optional draft introducing the new owner to the contact (the "New owner
 * introduction" template), in the user's Gmail. The handoff is saved already: a draft that cannot
 * be made is reported beside it, never instead of it. Returns the line the sidebar adds.
 */
export function introDraft(
  env: EmailEnv,
  to: EmailContact,
  log: TouchLog,
  afterTouches: number,
): string {
  const name = TEMPLATE_NAMES.newOwnerIntroduction;
  const blocked = emailBlocker(to.contact, to.result, to.touches);
  if (blocked) return `No introduction draft: ${blocked}`;
  const template = readTemplates(env).get(normalizeKey(name));
  if (!template) return `No introduction draft: there is no "${name}" template on Templates.`;
  const merged = mergeTemplate(mergeInput(env, to, template));
  if (!merged.ok) return `No introduction draft: ${merged.problem}.`;
  try {
    const request = { template: name, subject: template.subject, body: template.body };
    makeEmail(env, to, log, { ...request, mode: "draft" }, afterTouches);
  } catch (error) {
    return `No introduction draft: ${errorMessage(error)}`;
  }
  return `A draft introducing ${to.contact.owner} is in your Gmail drafts.`;
}
