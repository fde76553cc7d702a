// Email from template in the sidebar (DESIGN §6): which template, whether this contact may be
// emailed at all, and the person's edited text checked by the same merge as automated emails.
import { isEmail, normalizeKey } from "./cells";
import { emailFacts, UNCONFIRMED_PROBLEM } from "./emailPlan";
import { mergeTemplate, type EmailTemplate, type MergeInput, type RenderedEmail } from "./merge";
import { SidebarInputError } from "./sidebarTouches";
import type { Contact, ContactResult, Touch } from "./types";

/** Why this contact may not be emailed from Touchbase ("" = allowed). */
export function emailBlocker(
  contact: Contact,
  result: ContactResult,
  touches: readonly Touch[],
): string {
  if (contact.optedOut) {
    return `${contact.name} opted out of email (Opted Out is checked): Touchbase emails them nothing.`;
  }
  if (contact.paused) {
    return `${contact.name} is Paused: uncheck Paused on Contacts before emailing them.`;
  }
  if (contact.email === "") return `${contact.name} has no Email on Contacts.`;
  if (!isEmail(contact.email)) {
    return `${contact.name}'s Email "${contact.email}" is not an email address.`;
  }
  const facts = emailFacts({ contact, result }, touches);
  if (facts.stopped) {
    // Why email stopped (a bounce, an unsubscribe), not an earlier send's "check Gmail" warning.
    const reason = facts.problems.find((problem) => !problem.startsWith(UNCONFIRMED_PROBLEM));
    return reason ?? `${contact.name} asked not to be emailed — check Opted Out.`;
  }
  return "";
}

/** Active templates, in Templates tab order. */
export function activeTemplates(byName: ReadonlyMap<string, EmailTemplate>): EmailTemplate[] {
  return [...byName.values()].filter((template) => template.active);
}

/**
 * The template asked for by name; with none asked, the contact's due step's template, else the
 * first active one.
 */
export function chooseTemplate(
  byName: ReadonlyMap<string, EmailTemplate>,
  requested: string,
  result: ContactResult,
): EmailTemplate {
  const name = requested.trim();
  if (name !== "") {
    const template = byName.get(normalizeKey(name));
    if (!template) throw new SidebarInputError(`There is no template "${name}" on Templates.`);
    if (!template.active) {
      throw new SidebarInputError(`Template "${template.name}" is not Active on Templates.`);
    }
    return template;
  }
  const dueTemplate = byName.get(normalizeKey(result.dueStep?.step.template ?? ""));
  const chosen = dueTemplate?.active ? dueTemplate : activeTemplates(byName)[0];
  if (!chosen) throw new SidebarInputError("There is no Active template on Templates.");
  return chosen;
}

/**
 * The person's edited subject and body, merged again (a tag they left is filled or blocks), with
 * the opt-out line: what goes out. A blank Subject is refused (no thread to reply in from here).
 */
export function editedEmail(
  input: MergeInput,
  edited: { readonly subject: string; readonly body: string },
): RenderedEmail {
  if (edited.subject.trim() === "") {
    throw new SidebarInputError("Write a Subject: the email has none.");
  }
  if (edited.body.trim() === "") throw new SidebarInputError("Write the email: its body is empty.");
  const merged = mergeTemplate({
    ...input,
    template: { ...input.template, subject: edited.subject, body: edited.body, active: true },
  });
  if (!merged.ok) {
    throw new SidebarInputError(
      `Nothing was sent: ${merged.problem}. Replace each highlighted {{…}} with the value, or remove it.`,
    );
  }
  return merged.email;
}
