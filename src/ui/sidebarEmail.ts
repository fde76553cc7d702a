// Email from the sidebar (DESIGN §6): the Reassign introduction draft and Email from template.
// The template merge itself belongs to the emails issue (src/domain/merge.ts); every rendering
// goes through renderTemplate below, the one place that calls it.
import { TEMPLATE_NAMES } from "../domain/defaults/templates";
import type { Contact } from "../domain/types";
import { errorMessage } from "../errors";

interface EmailEnv {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly user: string;
}

export interface RenderedEmail {
  readonly subject: string;
  readonly body: string;
  /** Merge tags with no value and no fallback. */
  readonly missing: readonly string[];
}

/**
 * Renders a template for a contact. The merge is the emails issue's (src/domain/merge.ts); until
 * it is on main this says so in words instead of sending an email with unfilled tags.
 */
export function renderTemplate(
  templateName: string,
  _contact: Contact,
  _owner: string,
): RenderedEmail {
  throw new Error(
    `The "${templateName}" email cannot be written yet: Touchbase's template merge is not installed in this version.`,
  );
}

/**
 * Reassign's optional draft introducing the new owner to the contact, in the user's Gmail.
 * Returns the line the sidebar adds to its message.
 */
export function introDraft(_env: EmailEnv, contact: Contact, newOwner: string): string {
  if (!contact.email) return `No introduction draft: ${contact.name} has no Email.`;
  if (contact.optedOut) return `No introduction draft: ${contact.name} opted out of email.`;
  let email: RenderedEmail;
  try {
    email = renderTemplate(TEMPLATE_NAMES.newOwnerIntroduction, contact, newOwner);
  } catch (error) {
    // The handoff is already saved: the draft's failure is reported beside it, not instead of it.
    return `No introduction draft: ${errorMessage(error)}`;
  }
  if (email.missing.length > 0) {
    return `No introduction draft: fill in ${email.missing.join(", ")} for ${contact.name} first.`;
  }
  GmailApp.createDraft(contact.email, email.subject, email.body);
  return `A draft introducing ${newOwner} is in your Gmail drafts.`;
}
