// Imported first by the *.no-longoffset tests: replaces Intl.DateTimeFormat with one that throws
// RangeError for `timeZoneName: "longOffset"`, as a V8 without it does (APPS-SCRIPT-FACTS).
const RealDateTimeFormat = Intl.DateTimeFormat;

function DateTimeFormatWithoutLongOffset(
  locales?: string | string[],
  options?: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  if ((options?.timeZoneName as string | undefined) === "longOffset") {
    throw new RangeError(
      "Value longOffset out of range for Intl.DateTimeFormat options property timeZoneName",
    );
  }
  return new RealDateTimeFormat(locales, options);
}
DateTimeFormatWithoutLongOffset.prototype = RealDateTimeFormat.prototype;
DateTimeFormatWithoutLongOffset.supportedLocalesOf = RealDateTimeFormat.supportedLocalesOf;

Intl.DateTimeFormat = DateTimeFormatWithoutLongOffset as unknown as typeof Intl.DateTimeFormat;
