// The error texts the emulated platform throws, in one place so tests and services agree.

export const MESSAGES = {
  timeout: "Exceeded maximum execution time",
  spreadsheetServiceError: "Service error: Spreadsheets",
  serverError: "We're sorry, a server error occurred. Please wait a bit and try again.",
  tooManyTimeTriggers:
    "This add-on has created too many time-based triggers in this document for this Google user account.",
  tooFrequentTrigger:
    "Add-ons may not create time-based triggers that run more frequently than once per hour.",
  tooManyTriggers:
    "This script has too many triggers. Triggers must be deleted from the script before more can be added.",
  propertyValueTooLarge: "Argument too large: value",
  propertyQuota:
    "You have exceeded the property storage quota. Please remove some properties and try again.",
  cacheValueTooLarge: "Argument too large: value",
  cacheKeyTooLarge: "Argument too large: key",
  lockTimeout: "Lock timeout: another process was holding the lock for too long.",
  mailQuota: "Service invoked too many times for one day: email.",
  tooManyRecipients: "Limit Exceeded: Email Recipients Per Message.",
  subjectTooLong: "Argument too large: subject",
  bodyTooLarge: "Limit Exceeded: Email Body Size.",
  noRecipient: "Failed to send email: no recipient",
  noDocumentAccess: "You do not have permission to access the requested document.",
  // Strict reading, wording unverified: a viewer's first write fails (the platform's exact text
  // for a view-only user is not documented).
  viewOnly: "You do not have permission to edit this document. Ask the owner for edit access.",
  authorizationRequired: "Authorization is required to perform that action.",
  protectedCell:
    "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.",
} as const;

export function permissionDenied(call: string, scope: string | undefined): string {
  const base = `You do not have permission to call ${call}.`;
  return scope ? `${base} Required permissions: ${scope}` : base;
}

export function scriptFunctionNotFound(name: string): string {
  return `Script function not found: ${name}`;
}

/** An Error thrown by an emulated service; plain host Error so `instanceof Error` holds in the vm. */
export function serviceError(message: string): Error {
  const error = new Error(message);
  error.name = "Exception";
  return error;
}
