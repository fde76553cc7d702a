// "Preview due emails": which cadence emails are due for a user's contacts, and what the next run
// will do with each (DESIGN §4 eligibility): the email rendered with the contact's values (to,
// subject, body), or why it will not go out. Nothing is sent or written.
import { insideSendWindow, type EmailPreview } from "./emailPlan";
import { formatWhen } from "./format";
import { escapeHtml } from "./html";
import type { RenderedEmail } from "./merge";
import type { ContactRow } from "./types";
import { type Settings } from "./settings";
import { EMAIL_PATTERN } from "./cells";

export interface PreviewRow {
  readonly contact: string;
  readonly step: string;
  readonly template: string;
  readonly due: string;
  /** "Draft", "Send", or why it will not go out automatically. */
  readonly action: string;
  /** The email as it would go out (null when blocked or not automated). */
  readonly email: RenderedEmail | null;
  /** A reply in the contact's last Touchbase thread. */
  readonly inThread: boolean;
}

const DUE_STATUSES = new Set(["Overdue", "Due Today"]);

/** Why an automated email would not go out for this row ("" when it would). */
export function automationBlocker(row: ContactRow, settings: Settings): string {
  const { contact, result } = row;
  const step = result.dueStep?.step;
  if (!step) return "No cadence step due";
  if (!step.template) return "Step has no template: do it by hand";
  if (!step.autoSend) return "Auto Send is off for this step: do it by hand";
  if (!contact.autoEmail) return "Auto Email is not checked for this contact";
  if (contact.optedOut) return "Opted Out";
  if (contact.paused) return "Paused";
  if (!EMAIL_PATTERN.test(contact.email)) return "Email looks invalid";
  if (result.awaitingReply) return "Replied: answer by hand";
  if (settings.emailMode === "Off") return "Email mode is Off";
  return "";
}

export function duePreviewRows(input: {
  rows: readonly ContactRow[];
  /** The email plan's previews: every due automated email, rendered or blocked. */
  emails: readonly EmailPreview[];
  user: string;
  settings: Settings;
  zone: string;
}): PreviewRow[] {
  const user = input.user.toLowerCase();
  const planned = new Map(input.emails.map((e) => [e.row.contact.rowNumber, e]));
  return input.rows
    .filter(
      (row) =>
        row.contact.owner === user && row.result.dueStep && DUE_STATUSES.has(row.result.status),
    )
    .map((row) => {
      const email = planned.get(row.contact.rowNumber);
      const blocker = email ? email.blocked : automationBlocker(row, input.settings);
      const dueStep = row.result.dueStep!;
      return {
        contact: row.contact.company
          ? `${row.contact.name} (${row.contact.company})`
          : row.contact.name,
        step: `${dueStep.step.step} of ${dueStep.cadence}`,
        template: dueStep.step.template || "—",
        due: row.result.due ? formatWhen(row.result.due, input.zone) : "",
        action: blocker || (input.settings.emailMode === "Send" ? "Send" : "Draft"),
        email: blocker ? null : (email?.email ?? null),
        inThread: !!email?.replyInThread,
      };
    });
}

/** The "Preview due emails" dialog's body: one block per due email; every value escaped. */
export function renderPreviewHtml(
  rows: readonly PreviewRow[],
  settings: Settings,
  zone: string,
  now: Date,
): string {
  const window = insideSendWindow(settings, zone, now)
    ? ""
    : `<p>It is outside the send window (${settings.sendWindow.start}–${settings.sendWindow.end} h on working days): the first run inside it makes these emails.</p>`;
  const body =
    rows.length === 0
      ? "<p>No automated emails are due for your contacts.</p>"
      : rows.map(renderRow).join("\n");
  return `<div style="font:13px Arial,sans-serif"><p>Email mode: <b>${escapeHtml(settings.emailMode)}</b></p>${window}${body}</div>`;
}

function renderRow(row: PreviewRow): string {
  const head =
    `<p style="margin:12px 0 4px"><b>${escapeHtml(row.contact)}</b> · ${escapeHtml(row.step)} · ` +
    `${escapeHtml(row.template)} · due ${escapeHtml(row.due)} · <b>${escapeHtml(row.action)}</b></p>`;
  if (!row.email) return head;
  const thread = row.inThread ? " (a reply in the last Touchbase thread)" : "";
  return (
    `${head}<div style="border:1px solid #ddd;padding:6px 8px">` +
    `<div>To: ${escapeHtml(row.email.to)}</div>` +
    `<div>Subject: ${escapeHtml(row.email.subject)}${thread}</div>` +
    `<pre style="white-space:pre-wrap;font:13px Arial,sans-serif">${escapeHtml(row.email.text)}</pre></div>`
  );
}
