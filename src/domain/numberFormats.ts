// Sheets number formats by column kind. Setup formats the user's columns; the refresh formats the
// computed columns it owns on every run, so a calendar-date Due shows as a date and a timed one
// (a new lead's or a reply's response window) with its time.
import type { ColumnKind } from "./schema";
import type { When } from "./types";

export const NUMBER_FORMAT = {
  plainText: "@",
  date: "yyyy-mm-dd",
  dateTime: "yyyy-mm-dd hh:mm",
  money: "#,##0.00",
  wholeNumber: "0",
} as const;

/** The format setup gives a user-owned column of this kind; undefined leaves the user's own. */
export function userColumnFormat(kind: ColumnKind): string | undefined {
  switch (kind) {
    case "id":
      return NUMBER_FORMAT.plainText;
    case "date":
      return NUMBER_FORMAT.date;
    case "datetime":
      return NUMBER_FORMAT.dateTime;
    case "money":
      return NUMBER_FORMAT.money;
    default:
      return undefined;
  }
}

/** The format the refresh gives a computed column of this kind. */
export function computedColumnFormat(kind: ColumnKind): string {
  switch (kind) {
    case "integer":
    case "number":
      return NUMBER_FORMAT.wholeNumber;
    case "date":
      return NUMBER_FORMAT.date;
    case "datetime":
      return NUMBER_FORMAT.dateTime;
    default:
      // Text Touchbase writes (Step "3/8 Hot lead", an outcome) must never be read as a date.
      return NUMBER_FORMAT.plainText;
  }
}

/** A Due cell's format: a calendar date without a time, a timed due with it. */
export function whenFormat(when: When | null): string {
  return when && !when.hasTime ? NUMBER_FORMAT.date : NUMBER_FORMAT.dateTime;
}
