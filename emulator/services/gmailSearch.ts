// GmailApp.search queries: an AND of terms (no OR, braces or parentheses groups with OR).
// Supported: from: to: cc: bcc: subject: after: before: older: newer: newer_than: older_than:
// in:(inbox|sent|draft|drafts|anywhere) is:(unread|read|draft) label:(inbox|sent) rfc822msgid:,
// bare words and "quoted phrases", and a leading - to negate. `after:YYYY/MM/DD` means midnight
// US Pacific (Gmail's rule); `after:<epoch seconds>` is exact. Anything else throws, so a query the
// emulator cannot answer fails loudly instead of silently matching nothing.
import type { MailRecord } from "./gmailStore";
import { instantAt } from "../time/zoned";

export type MessagePredicate = (message: MailRecord) => boolean;

const PACIFIC = "America/Los_Angeles";
const DAY_MS = 86_400_000;

function tokenize(query: string): string[] {
  const tokens: string[] = [];
  const pattern = /-?[a-z_0-9]+:\([^)]*\)|-?(?:[a-z_0-9]+:)?"[^"]*"|\S+/gi;
  for (const match of query.matchAll(pattern)) tokens.push(match[0]);
  return tokens;
}

function unquote(value: string): string {
  if (value.startsWith('"') && value.endsWith('"')) return value.slice(1, -1);
  if (value.startsWith("(") && value.endsWith(")")) return value.slice(1, -1);
  return value;
}

/** Epoch ms for a Gmail date value: epoch seconds, or YYYY/MM/DD (or -) at Pacific midnight. */
function parseDateValue(value: string): number {
  if (/^\d{9,}$/.test(value)) return Number(value) * 1000;
  const match = /^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$/.exec(value);
  if (!match) throw new Error(`emulator: Gmail search date "${value}" is not understood`);
  return instantAt(PACIFIC, Number(match[1]), Number(match[2]), Number(match[3]), 0, 0);
}

function relativeMs(value: string): number {
  const match = /^(\d+)([dmy])$/.exec(value);
  if (!match) throw new Error(`emulator: Gmail search period "${value}" is not understood`);
  const unit = match[2] === "d" ? 1 : match[2] === "m" ? 30 : 365;
  return Number(match[1]) * unit * DAY_MS;
}

function contains(field: string, needle: string): boolean {
  return field.toLowerCase().includes(needle.toLowerCase());
}

function addressMatcher(
  pick: (m: MailRecord) => string,
  value: string,
  myAddresses: readonly string[],
): MessagePredicate {
  const needles = value.toLowerCase() === "me" ? myAddresses : [value];
  return (m) => needles.some((needle) => contains(pick(m), needle));
}

function wordsMatcher(pick: (m: MailRecord) => string, value: string): MessagePredicate {
  const text = unquote(value);
  // subject:(a b) needs every word; subject:"a b" needs the phrase.
  const parts = value.startsWith("(") ? text.split(/\s+/).filter(Boolean) : [text];
  return (m) => parts.every((part) => contains(pick(m), part));
}

function termPredicate(
  term: string,
  nowMs: number,
  myAddresses: readonly string[],
): MessagePredicate {
  const colon = term.indexOf(":");
  const operator = colon > 0 && !term.startsWith('"') ? term.slice(0, colon).toLowerCase() : "";
  const value = operator ? term.slice(colon + 1) : term;
  const plain = unquote(value);
  if (/\bOR\b/.test(value) || value.includes("{")) {
    throw new Error(`emulator: OR and {} are not supported in Gmail search ("${term}")`);
  }
  switch (operator) {
    case "":
      return (m) =>
        [m.subject, m.plainBody, m.htmlBody ?? "", m.from, m.to].some((f) => contains(f, plain));
    case "from":
      return addressMatcher((m) => m.from, plain, myAddresses);
    case "to":
      return addressMatcher((m) => `${m.to},${m.cc},${m.bcc}`, plain, myAddresses);
    case "cc":
      return addressMatcher((m) => m.cc, plain, myAddresses);
    case "bcc":
      return addressMatcher((m) => m.bcc, plain, myAddresses);
    case "subject":
      return wordsMatcher((m) => m.subject, value);
    case "after":
    case "newer": {
      const t = parseDateValue(plain);
      return /^\d{9,}$/.test(plain) ? (m) => m.dateMs > t : (m) => m.dateMs >= t;
    }
    case "before":
    case "older": {
      const t = parseDateValue(plain);
      return (m) => m.dateMs < t;
    }
    case "newer_than": {
      const t = nowMs - relativeMs(plain);
      return (m) => m.dateMs > t;
    }
    case "older_than": {
      const t = nowMs - relativeMs(plain);
      return (m) => m.dateMs < t;
    }
    case "in":
    case "label":
    case "is":
      return labelPredicate(operator, plain.toLowerCase());
    case "rfc822msgid":
      return (m) => m.rfcMessageId.replace(/[<>]/g, "") === plain.replace(/[<>]/g, "");
    default:
      throw new Error(`emulator: Gmail search operator "${operator}:" is not emulated`);
  }
}

function labelPredicate(operator: string, value: string): MessagePredicate {
  if (value === "inbox") return (m) => m.labels.has("INBOX");
  if (value === "sent") return (m) => m.labels.has("SENT");
  if (value === "draft" || value === "drafts") return (m) => m.labels.has("DRAFT");
  if (operator === "in" && (value === "anywhere" || value === "all")) return () => true;
  if (operator === "is" && value === "unread") return (m) => m.unread;
  if (operator === "is" && value === "read") return (m) => !m.unread;
  throw new Error(`emulator: Gmail search "${operator}:${value}" is not emulated`);
}

/** A predicate over messages: true when the message matches every term. */
export function compileQuery(
  query: string,
  nowMs: number,
  myAddresses: readonly string[],
): MessagePredicate {
  const tokens = tokenize(query.trim());
  if (tokens.some((t) => t === "OR" || t === "AND" || t.startsWith("{") || t.startsWith("("))) {
    throw new Error(
      `emulator: OR, {} and ( ) groups are not supported in Gmail search (AND of terms only) ("${query}")`,
    );
  }
  const predicates = tokens.map((token) => {
    const negated = token.startsWith("-") && token.length > 1;
    const predicate = termPredicate(negated ? token.slice(1) : token, nowMs, myAddresses);
    return negated ? (m: MailRecord) => !predicate(m) : predicate;
  });
  return (m) => predicates.every((p) => p(m));
}
