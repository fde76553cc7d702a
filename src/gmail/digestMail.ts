// Sends a digest as one email with a plain-text and an HTML part (MailApp: the narrow
// send-only scope is enough for mail to the user themself).
import type { Settings } from "../domain/settings";

export interface DigestEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export function sendDigestEmail(recipient: string, digest: DigestEmail, settings: Settings): void {
  MailApp.sendEmail({
    to: recipient,
    subject: digest.subject,
    body: digest.text,
    htmlBody: digest.html,
    name: settings.senderName ? `Touchbase for ${settings.senderName}` : "Touchbase",
  });
}
