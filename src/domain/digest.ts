// The daily digest email (DESIGN §3 step 5): who needs this person today, plus the team view
// for managers. Pure: the caller hands in computed rows and sends what comes back.
import { STATUSES, type Status, type Tier } from "./schema";
import type { Settings } from "./settings";
import { daysBetween } from "./dates";
import { formatAmount, formatDay, formatWhen, plural } from "./format";
import { escapeHtml } from "./html";
import { summarizeProblems, utf8Bytes } from "./limits";
import type { Contact, ContactRow } from "./types";

/** Rows per section; the rest is summarised as "and N more" so a 10k-row sheet stays small. */
export const DIGEST_SECTION_CAP = 50;
/** Longest user value shown in one cell (a cell may hold 50,000 characters). */
const MAX_VALUE_CHARS = 160;
/** A sheet problem is Touchbase's own sentence (it may quote a value): room for its advice. */
const MAX_PROBLEM_CHARS = 400;
/**
 * An email body may not pass 200 KB (APPS-SCRIPT-FACTS); the plain-text and HTML parts together
 * stay under it, with room for the message's headers.
 */
export const DIGEST_MAX_BYTES = 190 * 1024;
/** Rows per section tried, in turn, until the digest fits DIGEST_MAX_BYTES (0: counts only). */
const SHRINKING_CAPS = [25, 10, 5, 2, 1, 0];

export interface DigestInput {
  /** Lower-case email of the person the digest is for. */
  readonly recipient: string;
  readonly isManager: boolean;
  /** Every contact in the sheet; the digest picks the recipient's own. */
  readonly rows: readonly ContactRow[];
  readonly settings: Settings;
  /** The resolved time zone every date is shown in. */
  readonly zone: string;
  readonly now: Date;
  readonly spreadsheetUrl: string;
  /** gid of the Contacts tab, for row links. */
  readonly contactsSheetId: number;
  /** Table-level problems (bad settings, unknown touch IDs), shown to managers. */
  readonly runProblems?: readonly string[];
  /** What the run could not write (a full spreadsheet): it stops work for everyone, so all see it. */
  readonly writeProblems?: readonly string[];
  /** Rows per section before "and N more" (default DIGEST_SECTION_CAP). */
  readonly maxRowsPerSection?: number;
  /** Largest text + HTML size in bytes (default DIGEST_MAX_BYTES); sections shrink to fit. */
  readonly maxBytes?: number;
  /** Managers' Monday review (weeklyReview.ts), shown after the team sections. */
  readonly weeklyReview?: readonly Section[];
}

export interface DigestCounts {
  readonly replied: number;
  readonly overdue: number;
  readonly dueToday: number;
  readonly problems: number;
  /** Manager-only sections (0 for everyone else). */
  readonly stale: number;
  readonly unowned: number;
  readonly ownersWithOverdue: number;
  /** Overdue contacts across every owner. */
  readonly teamOverdue: number;
  readonly runProblems: number;
}

export interface Digest {
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly counts: DigestCounts;
}

export interface SectionRow {
  readonly cells: readonly string[];
  /** Link to the contact's row; shown on the first cell. */
  readonly link?: string;
}

export interface Section {
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly SectionRow[];
  /** Rows before the cap. */
  readonly total: number;
  /** Plain text names each value after the first ("Overdue: 3"): bare counts mean nothing. */
  readonly labelled?: boolean;
}

const TIER_RANK: Readonly<Record<Tier, number>> = { Hot: 0, Warm: 1, Cold: 2, Dead: 3 };
const tierRank = (tier: Tier | null): number => (tier ? TIER_RANK[tier] : 4);
const statusRank = (status: Status): number => STATUSES.indexOf(status);
const timeOf = (date: Date | null | undefined): number =>
  date?.getTime() ?? Number.MAX_SAFE_INTEGER;
const byRow = (a: ContactRow, b: ContactRow): number => a.contact.rowNumber - b.contact.rowNumber;

/**
 * Builds the digest, or returns null when every section is empty: an email that says
 * "nothing to do" every morning trains people to ignore the ones that matter.
 */
export function buildDigest(input: DigestInput): Digest | null {
  const own = ownLists(input, new DigestView(input));
  const team = input.isManager ? teamLists(input) : NO_TEAM_LISTS;
  const sheetProblems = [
    ...(input.writeProblems ?? []),
    ...summarizeProblems(team.runProblems, Number.MAX_SAFE_INTEGER),
  ];
  const counts: DigestCounts = {
    replied: own.replied.length,
    overdue: own.overdue.length,
    dueToday: own.dueToday.length,
    problems: own.problems.length,
    stale: team.stale.length,
    unowned: team.unowned.length,
    ownersWithOverdue: team.ownerCounts.length,
    teamOverdue: team.ownerCounts.reduce((sum, c) => sum + c.overdue, 0),
    runProblems: sheetProblems.length,
  };
  const render = (view: DigestView) => {
    const sections: Section[] = [
      view.contactSection("Replied", own.replied),
      view.contactSection("Overdue", own.overdue),
      view.contactSection("Due today", own.dueToday),
      view.problemSection(own.problems),
    ];
    if (input.isManager) {
      sections.push(
        view.staleSection(team.stale),
        view.ownerSection(team.ownerCounts),
        view.unownedSection(team.unowned),
      );
    }
    sections.push(view.runProblemSection(sheetProblems));
    // Managers' Monday review closes the email (its sections come ready-made and small).
    if (input.isManager) sections.push(...(input.weeklyReview ?? []).map((s) => view.capped(s)));
    const nonEmpty = sections.filter((s) => s.total > 0);
    if (nonEmpty.length === 0) return null;
    return {
      subject: digestSubject(counts),
      text: renderText(input, view, nonEmpty),
      html: renderHtml(input, view, nonEmpty),
      counts,
    };
  };
  // Long cells and many sections can pass the email size limit, and a digest that cannot be sent
  // is retried every hour: fewer rows per section ("and 312 more in the spreadsheet") until it fits.
  const maxBytes = input.maxBytes ?? DIGEST_MAX_BYTES;
  const first = new DigestView(input);
  const caps = SHRINKING_CAPS.filter((cap) => cap < first.cap);
  let digest = render(first);
  for (const cap of caps) {
    if (!digest || digestBytes(digest) <= maxBytes) break;
    digest = render(new DigestView(input, cap));
  }
  return digest;
}

/** Size of both parts of the email, as the mail service counts them. */
export function digestBytes(digest: Pick<Digest, "text" | "html">): number {
  return utf8Bytes(digest.text) + utf8Bytes(digest.html);
}

/** The recipient's own rows per section, most urgent first. */
function ownLists(input: DigestInput, view: DigestView) {
  const recipient = input.recipient.trim().toLowerCase();
  const own = input.rows.filter((r) => r.contact.owner === recipient);
  const withStatus = (status: Status) => own.filter((r) => r.result.status === status);
  return {
    // Oldest reply first: it has waited longest (due = reply time + Reply response hours).
    replied: withStatus("Replied").sort(
      (a, b) =>
        timeOf(a.result.due?.at ?? a.result.lastTouch) -
          timeOf(b.result.due?.at ?? b.result.lastTouch) || byRow(a, b),
    ),
    overdue: withStatus("Overdue").sort(
      (a, b) =>
        view.daysLate(b) - view.daysLate(a) ||
        tierRank(a.contact.tier) - tierRank(b.contact.tier) ||
        timeOf(a.result.due?.at) - timeOf(b.result.due?.at) ||
        byRow(a, b),
    ),
    dueToday: withStatus("Due Today").sort(
      (a, b) =>
        tierRank(a.contact.tier) - tierRank(b.contact.tier) ||
        timeOf(a.result.due?.at) - timeOf(b.result.due?.at) ||
        byRow(a, b),
    ),
    problems: own
      .filter((r) => r.result.problem.trim() !== "")
      .sort((a, b) => statusRank(a.result.status) - statusRank(b.result.status) || byRow(a, b)),
  };
}

interface TeamLists {
  readonly stale: readonly ContactRow[];
  readonly unowned: readonly ContactRow[];
  readonly ownerCounts: readonly OwnerCount[];
  readonly runProblems: readonly string[];
}

const NO_TEAM_LISTS: TeamLists = { stale: [], unowned: [], ownerCounts: [], runProblems: [] };

/** The managers' extras, across every owner. */
function teamLists(input: DigestInput): TeamLists {
  return {
    stale: input.rows
      .filter((r) => r.result.stale)
      .sort(
        (a, b) =>
          (b.result.daysSinceTouch ?? Infinity) - (a.result.daysSinceTouch ?? Infinity) ||
          (b.contact.dealValue ?? 0) - (a.contact.dealValue ?? 0) ||
          byRow(a, b),
      ),
    unowned: input.rows
      .filter(
        (r) =>
          r.contact.owner === "" && r.result.status !== "Closed" && r.result.status !== "Opted Out",
      )
      .sort((a, b) => statusRank(a.result.status) - statusRank(b.result.status) || byRow(a, b)),
    ownerCounts: countOverdueByOwner(input.rows),
    runProblems: (input.runProblems ?? []).filter((p) => p.trim() !== ""),
  };
}

/** "Touchbase: 2 replied, 5 overdue, 3 due today" — zero parts left out. */
export function digestSubject(counts: DigestCounts): string {
  const parts = [
    counts.replied ? `${counts.replied} replied` : "",
    counts.overdue ? `${counts.overdue} overdue` : "",
    counts.dueToday ? `${counts.dueToday} due today` : "",
    counts.problems ? plural(counts.problems, "problem") : "",
    counts.stale ? plural(counts.stale, "stale deal") : "",
    counts.teamOverdue > counts.overdue ? `${counts.teamOverdue} overdue team-wide` : "",
    counts.unowned ? `${counts.unowned} unowned` : "",
    counts.runProblems ? plural(counts.runProblems, "sheet problem") : "",
  ].filter(Boolean);
  return `Touchbase: ${parts.length > 0 ? parts.join(", ") : "your follow-ups"}`;
}

interface OwnerCount {
  readonly owner: string;
  readonly overdue: number;
  readonly dueToday: number;
  readonly replied: number;
}

function countOverdueByOwner(rows: readonly ContactRow[]): OwnerCount[] {
  const byOwner = new Map<string, { overdue: number; dueToday: number; replied: number }>();
  for (const { contact, result } of rows) {
    const entry = byOwner.get(contact.owner) ?? { overdue: 0, dueToday: 0, replied: 0 };
    if (result.status === "Overdue") entry.overdue++;
    else if (result.status === "Due Today") entry.dueToday++;
    else if (result.status === "Replied") entry.replied++;
    byOwner.set(contact.owner, entry);
  }
  return [...byOwner.entries()]
    .filter(([, c]) => c.overdue > 0)
    .map(([owner, c]) => ({ owner, ...c }))
    .sort((a, b) => b.overdue - a.overdue || a.owner.localeCompare(b.owner));
}

/** Turns rows into capped, display-ready sections. */
class DigestView {
  readonly cap: number;
  private readonly lateCache = new Map<ContactRow, number>();

  constructor(
    private readonly input: DigestInput,
    cap = input.maxRowsPerSection ?? DIGEST_SECTION_CAP,
  ) {
    this.cap = Math.max(0, Math.floor(cap));
  }

  /** Calendar days past due in the zone; cached because sorting asks O(n log n) times. */
  daysLate(row: ContactRow): number {
    let days = this.lateCache.get(row);
    if (days === undefined) {
      const due = row.result.due;
      days = due ? Math.max(0, daysBetween(due.at, this.input.now, this.input.zone)) : 0;
      this.lateCache.set(row, days);
    }
    return days;
  }

  rowLink(contact: Contact): string {
    const base = this.input.spreadsheetUrl.split("#")[0] ?? "";
    return `${base}#gid=${this.input.contactsSheetId}&range=A${contact.rowNumber}`;
  }

  spreadsheetLink(): string {
    return this.input.spreadsheetUrl.split("#")[0] ?? "";
  }

  dueText(row: ContactRow): string {
    const due = row.result.due;
    if (!due) return "";
    const shown = formatWhen(due, this.input.zone, this.input.now);
    if (row.result.status !== "Overdue") return shown;
    const late = this.daysLate(row);
    return `${shown} (${late === 0 ? "late today" : `${plural(late, "day")} late`})`;
  }

  /** The contact's next meeting, then their agreed Next Step, else what the cadence says to do. */
  nextStepText(row: ContactRow): string {
    const meeting = row.result.nextMeeting;
    const step = this.stepText(row);
    if (!meeting) return step;
    const when = `Meeting ${formatWhen({ at: meeting, hasTime: true }, this.input.zone, this.input.now)}`;
    return step ? `${when} · ${step}` : when;
  }

  private stepText(row: ContactRow): string {
    if (row.contact.nextStep.trim()) return row.contact.nextStep;
    const step = row.result.dueStep?.step;
    if (!step) return "";
    if (step.note.trim()) return step.note;
    const channel = step.channel ?? "";
    if (step.template.trim()) return `${channel || "Email"}: template "${step.template}"`;
    return channel;
  }

  private take(rows: readonly ContactRow[], toCells: (r: ContactRow) => string[]): SectionRow[] {
    return rows.slice(0, this.cap).map((r) => ({
      cells: toCells(r).map((cell) => clip(cell)),
      link: this.rowLink(r.contact),
    }));
  }

  /** A ready-made section (the Monday review) held to this view's cap and cell length. */
  capped(section: Section): Section {
    return {
      ...section,
      rows: section.rows
        .slice(0, this.cap)
        .map((row) => ({ ...row, cells: row.cells.map((cell) => clip(cell)) })),
    };
  }

  contactSection(title: string, rows: readonly ContactRow[]): Section {
    return {
      title,
      columns: ["Name", "Company", "Status", "Due", "Next step"],
      rows: this.take(rows, (r) => [
        r.contact.name || r.contact.id || `Row ${r.contact.rowNumber}`,
        r.contact.company,
        r.result.status,
        this.dueText(r),
        this.nextStepText(r),
      ]),
      total: rows.length,
    };
  }

  problemSection(rows: readonly ContactRow[]): Section {
    return {
      title: "Problems",
      columns: ["Name", "Company", "Status", "Problem"],
      rows: this.take(rows, (r) => [
        r.contact.name || r.contact.id || `Row ${r.contact.rowNumber}`,
        r.contact.company,
        r.result.status,
        r.result.problem,
      ]),
      total: rows.length,
    };
  }

  staleSection(rows: readonly ContactRow[]): Section {
    return {
      title: "Stale deals",
      columns: ["Name", "Company", "Owner", "Stage", "Deal value", "Last touch"],
      rows: this.take(rows, (r) => [
        r.contact.name || r.contact.id || `Row ${r.contact.rowNumber}`,
        r.contact.company,
        r.contact.owner || "(no owner)",
        r.contact.stage ?? "",
        r.contact.dealValue === null ? "" : formatAmount(r.contact.dealValue),
        r.result.lastTouch
          ? `${formatDay(r.result.lastTouch, this.input.zone, this.input.now)}` +
            (r.result.daysSinceTouch === null
              ? ""
              : ` (${plural(r.result.daysSinceTouch, "day")} ago)`)
          : "never",
      ]),
      total: rows.length,
    };
  }

  ownerSection(counts: readonly OwnerCount[]): Section {
    return {
      title: "Overdue per owner",
      columns: ["Owner", "Overdue", "Due today", "Replied"],
      rows: counts.slice(0, this.cap).map((c) => ({
        cells: [
          clip(c.owner || "(no owner)"),
          String(c.overdue),
          String(c.dueToday),
          String(c.replied),
        ],
      })),
      total: counts.length,
      labelled: true,
    };
  }

  unownedSection(rows: readonly ContactRow[]): Section {
    return {
      title: "Unowned contacts",
      columns: ["Name", "Company", "Stage", "Status", "Due"],
      rows: this.take(rows, (r) => [
        r.contact.name || r.contact.id || `Row ${r.contact.rowNumber}`,
        r.contact.company,
        r.contact.stage ?? "",
        r.result.status,
        this.dueText(r),
      ]),
      total: rows.length,
    };
  }

  runProblemSection(problems: readonly string[]): Section {
    return {
      title: "Sheet problems",
      columns: ["Problem"],
      rows: problems.slice(0, this.cap).map((p) => ({ cells: [clip(p, MAX_PROBLEM_CHARS)] })),
      total: problems.length,
    };
  }
}

/** One line, at most `max` characters: user cells can hold newlines and 50,000 characters. */
function clip(value: string, max = MAX_VALUE_CHARS): string {
  const line = value.replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

const more = (section: Section): number => section.total - section.rows.length;

function renderText(input: DigestInput, view: DigestView, sections: readonly Section[]): string {
  const lines: string[] = [
    `Touchbase digest for ${input.recipient} — ${formatDay(input.now, input.zone)}`,
    "",
  ];
  for (const section of sections) {
    lines.push(`${section.title.toUpperCase()} (${section.total})`);
    for (const row of section.rows) {
      const cells = section.labelled
        ? row.cells.map((cell, i) => (i === 0 ? cell : `${section.columns[i] ?? ""}: ${cell}`))
        : row.cells.filter(Boolean);
      lines.push(`- ${cells.join(" · ")}`);
      if (row.link) lines.push(`  ${row.link}`);
    }
    if (more(section) > 0) lines.push(`…and ${more(section)} more in the spreadsheet.`);
    lines.push("");
  }
  lines.push("--", footerText(input), view.spreadsheetLink());
  return lines.join("\n");
}

function footerText(input: DigestInput): string {
  return `Sent by Touchbase once a day after ${input.settings.digestHour}:00. Times are in ${input.zone}.`;
}

// Inline styles only: most email clients drop <style> blocks.
const STYLE = {
  body: "font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#202124;max-width:760px",
  heading: "font-size:16px;margin:20px 0 6px;color:#202124",
  table: "border-collapse:collapse;width:100%;font-size:13px",
  th: "text-align:left;padding:4px 8px;border-bottom:2px solid #dadce0;color:#5f6368;font-weight:bold",
  td: "padding:4px 8px;border-bottom:1px solid #eeeeee;vertical-align:top",
  link: "color:#1a73e8;text-decoration:none",
  more: "margin:6px 0 0;color:#5f6368;font-size:13px",
  footer:
    "margin-top:24px;padding-top:8px;border-top:1px solid #dadce0;color:#5f6368;font-size:12px",
} as const;

function renderHtml(input: DigestInput, view: DigestView, sections: readonly Section[]): string {
  const sheetLink = escapeHtml(view.spreadsheetLink());
  const parts: string[] = [
    `<div style="${STYLE.body}">`,
    `<p style="margin:0 0 8px">Touchbase digest for ${escapeHtml(input.recipient)} — ` +
      `${escapeHtml(formatDay(input.now, input.zone))}</p>`,
  ];
  for (const section of sections) {
    parts.push(`<h2 style="${STYLE.heading}">${escapeHtml(section.title)} (${section.total})</h2>`);
    if (section.rows.length > 0) {
      parts.push(
        `<table style="${STYLE.table}" cellpadding="0" cellspacing="0">`,
        `<tr>${section.columns.map((c) => `<th style="${STYLE.th}">${escapeHtml(c)}</th>`).join("")}</tr>`,
      );
    }
    for (const row of section.rows) {
      const cells = row.cells.map((cell, i) => {
        const text = escapeHtml(cell);
        const content =
          i === 0 && row.link
            ? `<a href="${escapeHtml(row.link)}" style="${STYLE.link}">${text}</a>`
            : text;
        return `<td style="${STYLE.td}">${content}</td>`;
      });
      parts.push(`<tr>${cells.join("")}</tr>`);
    }
    if (section.rows.length > 0) parts.push("</table>");
    if (more(section) > 0) {
      parts.push(
        `<p style="${STYLE.more}">…and ${more(section)} more in ` +
          `<a href="${sheetLink}" style="${STYLE.link}">the spreadsheet</a>.</p>`,
      );
    }
  }
  parts.push(
    `<p style="${STYLE.footer}">${escapeHtml(footerText(input))} ` +
      `<a href="${sheetLink}" style="${STYLE.link}">Open the spreadsheet</a></p>`,
    "</div>",
  );
  return parts.join("\n");
}
