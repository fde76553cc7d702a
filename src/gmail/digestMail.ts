// Sends a user's digest (DESIGN §3 step 5) as one email with a plain-text and an HTML part
// (MailApp: the narrow send-only scope is enough for mail to the user themself).
import { buildDigest } from "../domain/digest";
import { digestIsDue, localDayKey } from "../domain/digestSchedule";
import type { Settings } from "../domain/settings";
import type { ContactRow, Touch } from "../domain/types";
import { isWeeklyReviewDay, weeklyReviewSections } from "../domain/weeklyReview";

export interface DigestEmail {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Where the day of the last digest is remembered (the user's properties). */
export interface DigestDayMark {
  lastDigestDay(): string;
  markDigestDay(day: string): void;
}

export interface DigestDelivery {
  readonly user: string;
  /** null: send now (the menu's test); else send when due today, once per local day. */
  readonly schedule: DigestDayMark | null;
  readonly rows: readonly ContactRow[];
  /** Every parsed touch, for managers' Monday review. */
  readonly touches: readonly Touch[];
  readonly runProblems: readonly string[];
  /** What this run could not write (a full spreadsheet): shown to every recipient. */
  readonly writeProblems?: readonly string[];
  readonly settings: Settings;
  readonly zone: string;
  readonly now: Date;
  /** Where the digest's links point; asked only when a digest is built (two service calls). */
  readonly links: () => { readonly spreadsheetUrl: string; readonly contactsSheetId: number };
}

/** Sends the digest when it is due; returns how many were sent (0 or 1). */
export function deliverDigest(delivery: DigestDelivery): number {
  const { schedule, settings, zone, now } = delivery;
  const due =
    !schedule ||
    digestIsDue({
      now,
      zone,
      digestHour: settings.digestHour,
      lastDigestDay: schedule.lastDigestDay(),
    });
  if (!due) return 0; // already sent today, or before Digest hour

  const isManager = settings.managerEmails.includes(delivery.user);
  const digest = buildDigest({
    recipient: delivery.user,
    isManager,
    rows: delivery.rows,
    settings,
    zone,
    now,
    ...delivery.links(),
    runProblems: delivery.runProblems,
    writeProblems: delivery.writeProblems,
    weeklyReview:
      isManager && isWeeklyReviewDay(now, zone) ? weeklyReviewSections(delivery) : undefined,
  });
  // Mark the day before sending: a trigger that fires twice, or a retry after a crash, must never
  // send a second digest. If the send itself fails, the mark is undone so the next hour retries.
  schedule?.markDigestDay(localDayKey(now, zone));
  if (!digest) return 0; // nothing needs this person today: no email
  try {
    sendDigestEmail(delivery.user, digest, settings);
    return 1;
  } catch (error) {
    schedule?.markDigestDay("");
    throw error;
  }
}

function sendDigestEmail(recipient: string, digest: DigestEmail, settings: Settings): void {
  MailApp.sendEmail({
    to: recipient,
    subject: digest.subject,
    body: digest.text,
    htmlBody: digest.html,
    name: settings.senderName ? `Touchbase for ${settings.senderName}` : "Touchbase",
  });
}
