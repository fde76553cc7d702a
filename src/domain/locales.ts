// The number separators of a spreadsheet's locale (Spreadsheet.getSpreadsheetLocale(): "en_US",
// "de_DE", "pt_BR", or a bare language such as "de"), so a Deal Value typed as text is read the
// way its author wrote it (DESIGN §1 Contacts). A fixed table, checked against ICU (CLDR) when it
// was written: the runtime's own Intl data is not relied on, because a runtime with only English
// data would silently read "1.200" in a German sheet as 1.2.

export const DEFAULT_LOCALE = "en_US";

export interface NumberSeparators {
  /** The decimal mark: "." or ",". */
  readonly decimal: "." | ",";
  /** The grouping mark the locale writes ("," "." " " or "'"); others are accepted when read. */
  readonly grouping: string;
}

/** Languages whose decimal mark is a comma (CLDR), unless their region says otherwise below. */
const DECIMAL_COMMA_LANGUAGES: ReadonlySet<string> = new Set(
  (
    "af az be bg bs ca cs da de el es et eu fi fo fr gl hr hu hy id is it ka kk ky lo lt lv " +
    "mk nb nl nn no pl pt ro ru sk sl sq sr sv tr uk uz vi"
  ).split(" "),
);

/** Language_REGION pairs that differ from their language's mark (CLDR). */
const DECIMAL_POINT_REGIONS: ReadonlySet<string> = new Set(
  (
    "de_CH de_LI it_CH es_419 es_CU es_DO es_GT es_HN es_MX es_NI es_PA es_PE es_PR es_SV " +
    "es_US"
  ).split(" "),
);
const DECIMAL_COMMA_REGIONS: ReadonlySet<string> = new Set(["en_ZA"]);

/** Locales grouping with a space (written with a no-break space) rather than the other mark. */
const SPACE_GROUPING_LANGUAGES: ReadonlySet<string> = new Set(
  "af be bg cs et fi fr hu hy ka kk ky lt lv nb nn no pl ru sk sq sv uk uz".split(" "),
);

/** The separators of a locale; an unknown or blank locale reads like en_US. */
export function numberSeparators(locale: string): NumberSeparators {
  const [language = "", region = ""] = locale.trim().replace("-", "_").split("_");
  const lang = language.toLowerCase();
  const tag = region ? `${lang}_${region.toUpperCase()}` : lang;
  if (DECIMAL_POINT_REGIONS.has(tag)) {
    return { decimal: ".", grouping: lang === "es" ? "," : "'" };
  }
  const comma = DECIMAL_COMMA_REGIONS.has(tag) || DECIMAL_COMMA_LANGUAGES.has(lang);
  if (!comma) return { decimal: ".", grouping: "," };
  const space = SPACE_GROUPING_LANGUAGES.has(lang) || tag === "en_ZA" || tag === "pt_PT";
  return { decimal: ",", grouping: space ? "\u00a0" : "." };
}

/** India groups by two digits after the first three (1,00,000). */
export function groupsByLakh(locale: string): boolean {
  return /_IN$/i.test(locale.trim().replace("-", "_"));
}
