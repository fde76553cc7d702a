// Template merge (DESIGN §1 Templates, §4): {{Header}} for any Contacts column, the built-in tags,
// {{Tag|fallback}}, a plain-text and an HTML part (values escaped), and the opt-out line. An unknown
// tag or an empty value without a fallback blocks the email: no "Hi ," emails, ever.
import { cellText, normalizeKey, type Cell } from "./cells";
import { formatAmount, formatWhen } from "./format";
import { escapeHtml } from "./html";
import { CONTACT } from "./schema";
import type { Settings } from "./settings";
import type { Contact, ContactResult } from "./types";

/** Gmail refuses a longer subject (APPS-SCRIPT-FACTS). */
export const MAX_SUBJECT_CHARS = 250;

export interface EmailTemplate {
  readonly name: string;
  readonly subject: string;
  readonly body: string;
  readonly active: boolean;
}

export interface RenderedEmail {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

export type MergeResult =
  | { readonly ok: true; readonly email: RenderedEmail }
  | { readonly ok: false; readonly problem: string };

export interface MergeInput {
  readonly template: EmailTemplate;
  readonly contact: Contact;
  readonly result: ContactResult | null;
  /** Normalized headers of the Contacts tab: any of them is a valid tag. */
  readonly headers: ReadonlySet<string>;
  readonly settings: Settings;
  readonly zone: string;
  readonly now: Date;
}

const TAG = /\{\{\s*([^{}|]*?)\s*(?:\|([^{}]*))?\}\}/g;

/** Tags Touchbase fills itself (DESIGN §1), normalized. */
const BUILT_IN = {
  firstName: "first name",
  ownerName: "owner name",
  senderName: "sender name",
  signature: "signature",
  lastTouch: "last touch",
  due: "due",
} as const;
const BUILT_IN_TAGS: ReadonlySet<string> = new Set(Object.values(BUILT_IN));

/** Tags that never block: an empty Signature drops its line; names always have a fallback. */
const NEVER_BLOCK: ReadonlySet<string> = new Set([
  BUILT_IN.signature,
  BUILT_IN.senderName,
  BUILT_IN.ownerName,
]);

/** `{{First Name}}` is the first word of Name without leading punctuation (DESIGN §4). */
export function firstNameOf(name: string): string {
  const first = name.trim().split(/\s+/)[0] ?? "";
  return first.replace(/^[^\p{L}\p{N}]+/u, "");
}

/** "maria.lopez@acme.com" → "Maria Lopez". */
export function nameFromAddress(address: string): string {
  const local = address.split("@")[0] ?? "";
  return local
    .split(/[._+-]+/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase())
    .join(" ");
}

/** The tags of a text, normalized, in order of appearance (each once). */
export function tagsOf(text: string): string[] {
  const tags = new Set<string>();
  for (const match of text.matchAll(TAG)) tags.add(normalizeKey(match[1]));
  return [...tags];
}

/**
 * Why a template can never render, whoever the contact ("" when it can): an unknown tag, or a
 * subject over 250 characters before any value is merged. Named once in Runs, not only per contact.
 */
export function templateDefect(template: EmailTemplate, headers: ReadonlySet<string>): string {
  const unknown = tagsOf(`${template.subject}\n${template.body}`).filter(
    (tag) => !isKnownTag(tag, headers),
  );
  if (unknown.length > 0) {
    const list = unknown.map((tag) => `{{${displayTag(template, tag)}}}`).join(", ");
    return `Template "${template.name}" has unknown tag${unknown.length > 1 ? "s" : ""} ${list}`;
  }
  const literal = template.subject.replace(TAG, "");
  if (literal.length > MAX_SUBJECT_CHARS) {
    return `Template "${template.name}": Subject is over ${MAX_SUBJECT_CHARS} characters`;
  }
  return "";
}

function isKnownTag(tag: string, headers: ReadonlySet<string>): boolean {
  return BUILT_IN_TAGS.has(tag) || headers.has(tag);
}

/** The tag as the template's author wrote it (for messages), e.g. "Topic". */
function displayTag(template: EmailTemplate, tag: string): string {
  for (const match of `${template.subject}\n${template.body}`.matchAll(TAG)) {
    if (normalizeKey(match[1]) === tag) return (match[1] ?? "").trim();
  }
  return tag;
}

/** A tag's value for this contact ("" when empty). */
function tagValue(tag: string, input: MergeInput): string {
  const { contact, result, settings, zone, now } = input;
  const column = contact.cells.get(tag);
  const fromColumn = column === undefined ? "" : cellValueText(tag, column, zone, now);
  switch (tag) {
    case BUILT_IN.firstName:
      return fromColumn || firstNameOf(contact.name);
    case BUILT_IN.senderName:
    case BUILT_IN.ownerName:
      return fromColumn || settings.senderName.trim() || nameFromAddress(contact.owner);
    case BUILT_IN.signature:
      return fromColumn || settings.signature.trim();
    case BUILT_IN.lastTouch:
      return result?.lastTouch
        ? formatWhen({ at: result.lastTouch, hasTime: false }, zone, now)
        : "";
    case BUILT_IN.due:
      // The Due column holds last refresh's value; this run's computed due is the truth.
      return result?.due ? formatWhen(result.due, zone, now) : "";
    default:
      return fromColumn;
  }
}

/** A cell as people expect to read it in an email: dates as days, money grouped, checkboxes Yes/No. */
function cellValueText(tag: string, cell: Cell, zone: string, now: Date): string {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return "";
    return formatWhen({ at: cell, hasTime: false }, zone, now);
  }
  if (typeof cell === "number" && tag === normalizeKey(CONTACT.dealValue)) {
    return formatAmount(cell);
  }
  if (typeof cell === "boolean") return cell ? "Yes" : "No";
  return cellText(cell);
}

interface Part {
  readonly text: string;
  readonly html: string;
}

/** Merges one text; `missing` collects the tags that are empty with no fallback. */
function mergeText(source: string, input: MergeInput, missing: string[]): Part {
  let text = "";
  let html = "";
  let last = 0;
  for (const match of source.matchAll(TAG)) {
    const literal = source.slice(last, match.index);
    text += literal;
    html += escapeHtml(literal);
    last = (match.index ?? 0) + match[0].length;
    const tag = normalizeKey(match[1]);
    const fallback = match[2]?.trim() ?? "";
    let value = tagValue(tag, input);
    if (value === "") value = fallback;
    if (value === "" && !NEVER_BLOCK.has(tag)) {
      missing.push(displayTag(input.template, tag));
      // The tag stays in the text (a blocked email is never sent; the sidebar shows it to fill).
      value = match[0];
    }
    text += value;
    html += escapeHtml(value);
  }
  const rest = source.slice(last);
  return { text: text + rest, html: html + escapeHtml(rest) };
}

/** Lines that held only an empty {{Signature}} disappear (DESIGN §1). */
function dropEmptySignatureLines(body: string, input: MergeInput): string {
  if (tagValue(BUILT_IN.signature, input) !== "") return body;
  return body
    .split("\n")
    .filter((line) => !/^\s*\{\{\s*signature\s*(\|\s*)?\}\}\s*$/i.test(line))
    .join("\n")
    .replace(/\n+$/, "");
}

function htmlParagraphs(html: string): string {
  return html
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, "<br>")}</p>`)
    .join("\n");
}

export interface EditableEmail {
  readonly subject: string;
  /** The plain-text body without the opt-out line (added when the email goes out). */
  readonly body: string;
  /** Tags with no value and no fallback, as written; they stay as {{Tag}} in the text. */
  readonly missing: readonly string[];
}

/** The merge for a person to read and edit before it goes (the sidebar): never blocked. */
export function mergeForEditing(input: MergeInput): EditableEmail {
  const missing: string[] = [];
  const subject = mergeText(input.template.subject, input, missing).text.replace(/\s+/g, " ");
  const body = mergeText(dropEmptySignatureLines(input.template.body, input), input, missing);
  return { subject: subject.trim(), body: body.text.trim(), missing: [...new Set(missing)] };
}

/** Renders the template for one contact, or says why it cannot go out. */
export function mergeTemplate(input: MergeInput): MergeResult {
  const { template, contact, settings } = input;
  const defect = templateDefect(template, input.headers);
  if (defect) return { ok: false, problem: defect };
  if (!template.active) return { ok: false, problem: `Template "${template.name}" is not Active` };

  const missing: string[] = [];
  const subject = mergeText(template.subject, input, missing).text.replace(/\s+/g, " ").trim();
  const body = mergeText(dropEmptySignatureLines(template.body, input), input, missing);
  if (missing.length > 0) {
    const tags = [...new Set(missing)];
    return { ok: false, problem: `Template "${template.name}" needs ${tags.join(", ")}` };
  }
  if (subject.length > MAX_SUBJECT_CHARS) {
    return {
      ok: false,
      problem: `Template "${template.name}": Subject is over ${MAX_SUBJECT_CHARS} characters for this contact`,
    };
  }
  const optOut = settings.optOutLine.trim();
  const text = body.text.trim() + (optOut ? `\n\n${optOut}` : "");
  const html =
    `<div style="font:14px Arial,sans-serif">${htmlParagraphs(body.html.trim())}` +
    (optOut ? `\n<p style="color:#777;font-size:12px">${escapeHtml(optOut)}</p>` : "") +
    "</div>";
  return { ok: true, email: { to: contact.email, subject, text, html } };
}
