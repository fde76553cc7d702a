// Other tools' words for our stages and tiers (issue 12 "value mapping", DESIGN §1 Stage and Tier):
// HubSpot's lifecycle stages, lead statuses and deal stages, Pipedrive's default pipeline and deal
// statuses, and the German words of hand-kept Excel lists. Each suggestion can be changed in the
// dialog; a word not listed here is named and left blank unless the person picks a stage.
import { matchWord } from "./cells";
import { matchTier } from "./contacts";
import { STAGES, type Stage, type Tier } from "./schema";

/** Punctuation and case do not matter: "Closed-Won", "closedwon" and "Closed Won" are one word. */
export function compactKey(word: unknown): string {
  return String(word ?? "")
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/ß/g, "ss")
    .replace(/[^\p{L}\p{N}]+/gu, "");
}

const STAGE_WORDS: Readonly<Record<Stage, readonly string[]>> = {
  "New Lead": [
    "lead",
    "new",
    "subscriber",
    "lead in",
    "new lead",
    "attempted to contact",
    "unassigned",
    "prospect",
    "neu",
    "interessent",
    "neuer lead",
    "nouveau",
    "nuevo",
  ],
  Qualified: [
    "marketing qualified lead",
    "mql",
    "marketingqualifiedlead",
    "sales qualified lead",
    "sql",
    "salesqualifiedlead",
    "qualified to buy",
    "qualifiedtobuy",
    "opportunity",
    "contact made",
    "connected",
    "in progress",
    "open deal",
    "appointment scheduled",
    "appointmentscheduled",
    "demo scheduled",
    "presentation scheduled",
    "presentationscheduled",
    "meeting scheduled",
    "qualifiziert",
    "termin vereinbart",
    "in bearbeitung",
  ],
  "Meeting Completed": [
    "meeting held",
    "meeting done",
    "demo completed",
    "demo held",
    "presentation held",
    "decision maker bought in",
    "decisionmakerboughtin",
    "termin gehabt",
    "termin erledigt",
  ],
  "Proposal Sent": [
    "proposal",
    "proposal made",
    "contract sent",
    "contractsent",
    "quote sent",
    "offer sent",
    "angebot",
    "angebot gesendet",
    "angebot verschickt",
    "angebot erstellt",
  ],
  Negotiation: [
    "negotiations started",
    "negotiating",
    "in negotiation",
    "negotiation",
    "verhandlung",
    "in verhandlung",
  ],
  Won: [
    "won",
    "closed won",
    "closedwon",
    "customer",
    "evangelist",
    "deal won",
    "gewonnen",
    "kunde",
    "auftrag",
  ],
  Lost: [
    "lost",
    "closed lost",
    "closedlost",
    "unqualified",
    "disqualified",
    "deal lost",
    "verloren",
    "abgesagt",
    "kein interesse",
  ],
  Nurture: ["bad timing", "on hold", "later", "not now", "nurturing", "pausiert", "später"],
};

const STAGE_BY_WORD: ReadonlyMap<string, Stage> = new Map(
  Object.entries(STAGE_WORDS).flatMap(([stage, words]) =>
    words.map((word) => [compactKey(word), stage as Stage] as const),
  ),
);

/**
 * Words that say nothing about the stage: Pipedrive's "open" deal status (the stage column says
 * where the deal is), HubSpot's "other". They leave Stage to the other columns mapped to it.
 */
const NEUTRAL_STAGE_WORDS: ReadonlySet<string> = new Set(
  ["open", "other", "offen", "none", "n/a", "-"].map(compactKey),
);

/** Our stage for another tool's word; null for a word that names no stage; undefined: unknown. */
export function suggestStage(word: string): Stage | null | undefined {
  const own = matchWord(word, STAGES);
  if (own) return own;
  const key = compactKey(word);
  if (key === "" || NEUTRAL_STAGE_WORDS.has(key)) return null;
  return STAGE_BY_WORD.get(key);
}

const TIER_BY_WORD: ReadonlyMap<string, Tier> = new Map([
  ["high", "Hot"],
  ["medium", "Warm"],
  ["low", "Cold"],
  ["hoch", "Hot"],
  ["mittel", "Warm"],
  ["niedrig", "Cold"],
  ["heiss", "Hot"],
  ["warm", "Warm"],
  ["kalt", "Cold"],
  ["tot", "Dead"],
  ["1", "Hot"],
  ["2", "Warm"],
  ["3", "Cold"],
]);

/** Our tier for another tool's word (A/B/C, high/medium/low, heiß/warm/kalt); undefined: unknown. */
export function suggestTier(word: string): Tier | undefined {
  return matchTier(word) ?? TIER_BY_WORD.get(compactKey(word));
}
