// "Preview due emails": which cadence emails are due for a user's contacts, and what the
// automation will do with each (DESIGN §4 eligibility), without sending anything.
import { formatWhen } from "./format";
import { escapeHtml } from "./html";
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
  user: string;
  settings: Settings;
  zone: string;
}): PreviewRow[] {
  const user = input.user.toLowerCase();
  return input.rows
    .filter(
      (row) =>
        row.contact.owner === user && row.result.dueStep && DUE_STATUSES.has(row.result.status),
    )
    .map((row) => {
      const blocker = automationBlocker(row, input.settings);
      const dueStep = row.result.dueStep!;
      return {
        contact: row.contact.company
          ? `${row.contact.name} (${row.contact.company})`
          : row.contact.name,
        step: `${dueStep.step.step} of ${dueStep.cadence}`,
        template: dueStep.step.template || "—",
        due: row.result.due ? formatWhen(row.result.due, input.zone) : "",
        action: blocker || (input.settings.emailMode === "Send" ? "Send" : "Draft"),
      };
    });
}

/** The "Preview due emails" dialog's body: one table row per due email; every value escaped. */
export function renderPreviewHtml(rows: readonly PreviewRow[], settings: Settings): string {
  const cell = (value: string) => `<td>${escapeHtml(value)}</td>`;
  const body =
    rows.length === 0
      ? "<p>No automated emails are due for your contacts.</p>"
      : `<table style="border-collapse:collapse;font:13px Arial,sans-serif">
<tr><th align="left">Contact</th><th align="left">Step</th><th align="left">Template</th><th align="left">Due</th><th align="left">Will</th></tr>
${rows
  .map((r) => `<tr>${[r.contact, r.step, r.template, r.due, r.action].map(cell).join("")}</tr>`)
  .join("\n")}
</table>`;
  return `<div style="font:13px Arial,sans-serif"><p>Email mode: <b>${escapeHtml(settings.emailMode)}</b></p>${body}</div>`;
}
