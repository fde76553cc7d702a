// Sends one of Touchbase's one-time notices to a user (DESIGN §3: an automation that cannot run
// says so). MailApp, like the digest: mail to the user themself needs only the send scope.
import type { NoticeEmail } from "../domain/runMessages";

export function sendNotice(to: string, notice: NoticeEmail): void {
  MailApp.sendEmail({ to, subject: notice.subject, body: notice.body, name: "Touchbase" });
}
