// The sidebar's server functions (DESIGN §6), one round trip each. Thin: find the sheet and the
// user, take the document lock for a write (never the run's lease: a sending run can take
// minutes), read only what the action needs, let the domain decide, write only what changed.
// Every function returns a ServerResult: an error reaches the person in words, never a stack.
import type {
  ActionResult,
  AutomationState,
  ContactCard,
  ContactRef,
  CoverRequest,
  CoverResult,
  LogTouchRequest,
  MyDayItem,
  ReassignRequest,
  SearchResult,
  SendEmailRequest,
  SidebarContext,
  SnoozeRequest,
  TemplatePreview,
  TemplatePreviewRequest,
} from "../api/sidebarApi";
import type { ServerResult } from "../api/result";
import { parseCadences } from "../domain/cadences";
import { cellText, normalizeKey, type Cell } from "../domain/cells";
import { cadenceDate, contactCard, myDay, ownersOf, searchContacts } from "../domain/contactCard";
import { parseContacts } from "../domain/contacts";
import { computeContact } from "../domain/engine";
import { MAX_CACHE_VALUE_BYTES, utf8Bytes } from "../domain/limits";
import {
  CADENCES_SPEC,
  CHANNELS,
  CONTACT,
  CONTACTS_SPEC,
  STAGES,
  TAB,
  TIERS,
  TOUCH,
} from "../domain/schema";
import type { Settings } from "../domain/settings";
import {
  contactAfter,
  isoDay,
  LOGGABLE_OUTCOMES,
  planCover,
  planHandoff,
  planLogTouch,
  planSnooze,
  type ContactChange,
  type LogContext,
} from "../domain/sidebarTouches";
import { columnLetter, columnOf, type Table } from "../domain/table";
import { parseTouches, touchCells } from "../domain/touches";
import {
  decodeSnapshot,
  encodeSnapshot,
  snapshotKey,
  type TouchSnapshot,
} from "../domain/touchSnapshot";
import type { Cadence, Contact, ContactResult, Touch } from "../domain/types";
import { errorMessage } from "../errors";
import {
  contactsSheet,
  readContactRow,
  writeContactRow,
  type ContactAt,
} from "../sheets/contactRow";
import {
  appendTouches,
  readContactTouches,
  readTouchLogHead,
  snapshotOf,
  touchesSheet,
  type TouchLog,
} from "../sheets/contactTouches";
import { lastRunOf } from "../sheets/runsLog";
import { appendRows, readTable } from "../sheets/tableIO";
import { readOptionalTab, readSettings } from "../sheets/workbook";
import { isAutomationOn, turnOffAutomation, turnOnAutomation } from "../triggers/automation";
import { introDraft, makeEmail, templatePreview, type EmailContact } from "./sidebarEmail";

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How long a sidebar write waits for another person's save before asking to try again. */
const LOCK_WAIT_MS = 8_000;
/**
 * A repeated submission (double click, retry) within this time returns the first answer, and a
 * contact's history is kept this long: an hour, the run's period, as the run recomputes the
 * contact from the whole log anyway.
 */
const CACHE_SECONDS = 3_600;
const REQUEST_KEY = "tb.sidebar.request.";

export const BUSY_MESSAGE =
  "Someone else is saving to this sheet right now. Try again in a moment; your entry is still in the form.";

/** Runs a sidebar action; any error comes back as words for the person. */
function serve<T>(action: () => T): ServerResult<T> {
  try {
    return { ok: true, value: action() };
  } catch (error) {
    return { ok: false, error: errorMessage(error) };
  }
}

interface Env {
  readonly spreadsheet: Spreadsheet;
  readonly user: string;
  readonly settings: Settings;
  readonly zone: string;
  readonly now: Date;
}

function environment(): Env {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  const { settings } = readSettings(spreadsheet);
  const zone = settings.timeZone || spreadsheet.getSpreadsheetTimeZone();
  let user: string | undefined;
  return {
    spreadsheet,
    // Asked for only by the actions that need it (two calls): opening a card does not.
    get user() {
      user ??= Session.getEffectiveUser().getEmail().toLowerCase();
      return user;
    },
    settings,
    zone,
    now: new Date(),
  };
}

function cadencesOf(spreadsheet: Spreadsheet): Cadence[] {
  return parseCadences(readOptionalTab(spreadsheet, CADENCES_SPEC, [])).cadences;
}

/** What the document cache holds for one sidebar call: the contact's kept history. */
interface Kept {
  readonly snapshot: TouchSnapshot | null;
  /** Keeps the history as it is after this call, for the next one. */
  keep(snapshot: TouchSnapshot): void;
}

/**
 * Holds this spreadsheet's document lock for the action's few calls, so two people saving at
 * the same moment are applied one after the other, each on the other's result. A submission
 * seen before (same request id) returns its first answer instead of logging twice. One cache
 * read and one write carry both that answer and the contact's kept history.
 */
function underDocumentLock<T>(
  requestId: string,
  ref: ContactRef | null,
  action: (kept: Kept) => T,
): T {
  const lock = LockService.getDocumentLock();
  if (!lock) throw new Error("Touchbase can only save from the sidebar of an open spreadsheet.");
  if (!lock.tryLock(LOCK_WAIT_MS)) throw new Error(BUSY_MESSAGE);
  const cache = CacheService.getDocumentCache();
  const requestKey = requestId ? REQUEST_KEY + requestId.slice(0, 100) : "";
  const contactId = typeof ref?.id === "string" ? ref.id : "";
  const historyKey = contactId ? snapshotKey(contactId) : null;
  const keys = [requestKey, historyKey ?? ""].filter((key) => key !== "");
  const found = cache && keys.length > 0 ? cache.getAll(keys) : {};
  const seen = requestKey ? found[requestKey] : undefined;
  if (seen) return JSON.parse(seen) as T;
  const toKeep: Record<string, string> = {};
  const result = action({
    snapshot: historyKey ? decodeSnapshot(found[historyKey] ?? null, contactId) : null,
    keep(snapshot) {
      const value = encodeSnapshot(snapshot);
      if (historyKey && value) toKeep[historyKey] = value;
    },
  });
  const answer = JSON.stringify(result);
  // An answer too large to cache (it quotes long user text) cannot be replayed; it is rare.
  if (requestKey && utf8Bytes(answer) <= MAX_CACHE_VALUE_BYTES) toKeep[requestKey] = answer;
  if (cache && Object.keys(toKeep).length > 0) cache.putAll(toKeep, CACHE_SECONDS);
  // Released before the execution ends so the next person's save starts at once.
  lock.releaseLock();
  return result;
}

/** One contact as the sidebar works on it: its row, its touches, and what the engine needs. */
interface Opened {
  readonly at: ContactAt;
  readonly log: TouchLog;
  readonly touches: Touch[];
  readonly cadences: Cadence[];
}

function openContact(
  env: Env,
  ref: ContactRef,
  kept: TouchSnapshot | null = null,
  forCard = false,
): Opened {
  const at = readContactRow(env.spreadsheet, ref, env.zone);
  const log = readContactTouches(env.spreadsheet, at.contact.id, kept, forCard);
  const touches = parseTouches(log.table, [at.contact], env.zone).touches;
  return { at, log, touches, cadences: cadencesOf(env.spreadsheet) };
}

function withTouches(touches: readonly Touch[], added: readonly Touch[]): Touch[] {
  return [...touches, ...added].sort((a, b) => a.timestamp.getTime() - b.timestamp.getTime());
}

function cardOf(env: Env, opened: Opened, contact: Contact, touches: readonly Touch[]) {
  const input = {
    contact,
    touches,
    cadences: opened.cadences,
    settings: env.settings,
    zone: env.zone,
    now: env.now,
  };
  const result = computeContact(input);
  return { result, card: contactCard(contact, result, touches, env.zone, cadenceDate(input)) };
}

function logContext(env: Env, log: TouchLog): LogContext {
  return {
    now: env.now,
    zone: env.zone,
    user: env.user,
    lastTouchDigits: log.lastTouchDigits,
    skipWeekends: env.settings.skipWeekends,
  };
}

/**
 * The write path every single-contact action shares: touches first (a failed row write then
 * leaves a logged touch the next run counts, never a changed row without its touch), then the
 * user cells that change and the row's computed cells.
 */
function applyChange(env: Env, opened: Opened, change: ContactChange, kept: Kept): ActionResult {
  const appended = appendTouches(opened.log, change.touches);
  kept.keep(snapshotOf(opened.log, opened.at.contact.id, appended));
  const contact = contactAfter(opened.at.contact, change.cells);
  const touches = withTouches(opened.touches, change.touches);
  const before = cardOf(env, opened, opened.at.contact, opened.touches).result;
  const { result, card } = cardOf(env, opened, contact, touches);
  writeContactRow(opened.at, change.cells, result, before);
  return { message: change.message, card };
}

function singleContactAction(
  requestId: string,
  ref: ContactRef,
  plan: (env: Env, opened: Opened, context: LogContext) => ContactChange,
  afterWrite?: (env: Env, opened: Opened, change: ContactChange) => string,
): ServerResult<ActionResult> {
  return serve(() => {
    const env = environment();
    return underDocumentLock(requestId, ref, (kept) => {
      const opened = openContact(env, ref, kept.snapshot);
      const change = plan(env, opened, logContext(env, opened.log));
      const result = applyChange(env, opened, change, kept);
      const extra = afterWrite ? afterWrite(env, opened, change) : "";
      return extra ? { ...result, message: `${result.message} ${extra}` } : result;
    });
  });
}

// ---- reads ---------------------------------------------------------------------------------

/**
 * The contact of the selected row on Contacts or Touches, or null. `contacts` is the Contacts tab
 * the caller already read, so only the selected Touches row costs a read.
 */
function selectedContact(spreadsheet: Spreadsheet, contacts: Table): ContactRef | null {
  const range = spreadsheet.getActiveRange();
  if (!range) return null;
  const sheet = range.getSheet();
  const tab = normalizeKey(sheet.getName());
  const row = range.getRow();
  if (row < 2) return null;
  let id = "";
  if (tab === normalizeKey(TAB.contacts)) {
    id = cellText(contacts.rows[row - 2]?.[columnOf(contacts, CONTACT.id)!]);
  } else if (tab === normalizeKey(TAB.touches)) {
    const { header } = touchesSheet(spreadsheet);
    const cells = sheet.getRange(row, 1, 1, header.headers.length).getValues()[0] as Cell[];
    id = cellText(cells[columnOf(header, TOUCH.contactId)!]);
  }
  if (id === "") return null;
  const idIndex = columnOf(contacts, CONTACT.id)!;
  const index = contacts.rows.findIndex(
    (cells) => cellText(cells[idIndex]).toLowerCase() === id.toLowerCase(),
  );
  if (index < 0) return null;
  const name = cellText(contacts.rows[index]![columnOf(contacts, CONTACT.name)!]);
  return { id: cellText(contacts.rows[index]![idIndex]), name, row: index + 2 };
}

function automationState(spreadsheet: Spreadsheet, user: string, message = ""): AutomationState {
  const on = isAutomationOn(spreadsheet);
  return {
    on,
    message: message || (on ? "Automation is on for you." : "Automation is off for you."),
    lastRun: lastRunOf(spreadsheet, user),
  };
}

export function sidebarContext(): ServerResult<SidebarContext> {
  return serve(() => {
    const env = environment();
    const contacts = readTable(env.spreadsheet, CONTACTS_SPEC);
    return {
      user: env.user,
      today: isoDay(env.now, env.zone),
      zone: env.zone,
      skipWeekends: env.settings.skipWeekends,
      stages: [...STAGES],
      tiers: [...TIERS],
      channels: [...CHANNELS],
      outcomesByChannel: LOGGABLE_OUTCOMES,
      owners: ownersOf(contacts, env.user),
      selected: selectedContact(env.spreadsheet, contacts),
      automation: automationState(env.spreadsheet, env.user),
    };
  });
}

export function sidebarSearch(query: string): ServerResult<SearchResult> {
  return serve(() => {
    const text = typeof query === "string" ? query.trim() : "";
    if (text.length === 0) return { hits: [], more: false };
    const env = environment();
    return searchContacts(readTable(env.spreadsheet, CONTACTS_SPEC), text, env.zone);
  });
}

/** The contact card. Its history is kept, so the Log touch that usually follows reads less. */
export function sidebarContact(ref: ContactRef): ServerResult<ContactCard> {
  return serve(() => {
    const env = environment();
    const opened = openContact(env, ref, null, true);
    keepHistory(opened);
    return cardOf(env, opened, opened.at.contact, opened.touches).card;
  });
}

function keepHistory(opened: Opened): void {
  const key = snapshotKey(opened.at.contact.id);
  const value = encodeSnapshot(snapshotOf(opened.log, opened.at.contact.id));
  const cache = CacheService.getDocumentCache();
  if (key && value && cache) cache.put(key, value, CACHE_SECONDS);
}

export function sidebarMyDay(): ServerResult<readonly MyDayItem[]> {
  return serve(() => {
    const env = environment();
    return myDay(readTable(env.spreadsheet, CONTACTS_SPEC), env.user, env.zone, env.now);
  });
}

// ---- writes --------------------------------------------------------------------------------

export function sidebarLogTouch(request: LogTouchRequest): ServerResult<ActionResult> {
  return singleContactAction(request?.requestId ?? "", request?.contact, (_env, opened, context) =>
    planLogTouch(
      opened.at.contact,
      {
        channel: String(request.channel ?? ""),
        outcome: String(request.outcome ?? ""),
        notes: String(request.notes ?? ""),
        nextStep: String(request.nextStep ?? ""),
        nextFollowUp: String(request.nextFollowUp ?? ""),
        stage: String(request.stage ?? ""),
      },
      context,
    ),
  );
}

export function sidebarSnooze(request: SnoozeRequest): ServerResult<ActionResult> {
  return singleContactAction(request?.requestId ?? "", request?.contact, (_env, opened, context) =>
    planSnooze(opened.at.contact, Number(request.days), context),
  );
}

export function sidebarReassign(request: ReassignRequest): ServerResult<ActionResult> {
  return singleContactAction(
    request?.requestId ?? "",
    request?.contact,
    (_env, opened, context) =>
      planHandoff(
        opened.at.contact,
        String(request.newOwner ?? ""),
        String(request.note ?? ""),
        context,
      ),
    (env, opened, change) => {
      if (!request.introDraft) return "";
      // The introduction is from the contact as it is now: owned (and signed) by the new owner.
      const contact = contactAfter(opened.at.contact, change.cells);
      const touches = withTouches(opened.touches, change.touches);
      const to = emailContact(
        opened,
        contact,
        cardOf(env, opened, contact, touches).result,
        touches,
      );
      return introDraft(env, to, opened.log, change.touches.length);
    },
  );
}

function emailContact(
  opened: Opened,
  contact: Contact,
  result: ContactResult,
  touches: readonly Touch[],
): EmailContact {
  return {
    contact,
    result,
    touches,
    headers: new Set(opened.at.table.headers.map(normalizeKey)),
  };
}

export function sidebarTemplatePreview(
  request: TemplatePreviewRequest,
): ServerResult<TemplatePreview> {
  return serve(() => {
    const env = environment();
    const opened = openContact(env, request?.contact);
    const { contact } = opened.at;
    const { result } = cardOf(env, opened, contact, opened.touches);
    const to = emailContact(opened, contact, result, opened.touches);
    return templatePreview(env, to, String(request.template ?? ""));
  });
}

/** Create draft or Send: one email, once (a repeated submission returns the first answer). */
export function sidebarSendEmail(request: SendEmailRequest): ServerResult<ActionResult> {
  return serve(() => {
    const env = environment();
    return underDocumentLock(request?.requestId ?? "", request?.contact, (kept) => {
      const opened = openContact(env, request.contact, kept.snapshot);
      const { contact } = opened.at;
      const before = cardOf(env, opened, contact, opened.touches).result;
      const made = makeEmail(
        env,
        emailContact(opened, contact, before, opened.touches),
        opened.log,
        {
          template: String(request.template ?? ""),
          subject: String(request.subject ?? ""),
          body: String(request.body ?? ""),
          mode: request.mode === "send" ? "send" : "draft",
        },
      );
      const touches = withTouches(opened.touches, [made.touch]);
      const { result, card } = cardOf(env, opened, contact, touches);
      writeContactRow(opened.at, new Map(), result);
      return { message: made.message, card };
    });
  });
}

export function sidebarCover(request: CoverRequest): ServerResult<CoverResult> {
  return serve(() => {
    const env = environment();
    return underDocumentLock(request?.requestId ?? "", null, () => {
      const contacts = readTable(env.spreadsheet, CONTACTS_SPEC);
      const parsed = parseContacts(contacts, env.zone).contacts;
      const dueIndex = columnOf(contacts, CONTACT.due);
      const withDue = parsed.map((contact) => ({
        contact,
        due: dueOf(contacts, contact, dueIndex),
      }));
      const log = readTouchLogHead(env.spreadsheet);
      const plan = planCover(
        withDue,
        {
          absentOwner: String(request.absentOwner ?? ""),
          coveringOwner: String(request.coveringOwner ?? ""),
          from: String(request.from ?? ""),
          to: String(request.to ?? ""),
          note: String(request.note ?? ""),
        },
        logContext(env, log),
      );
      if (plan.changes.length > 0) writeCover(env, log, contacts, plan.changes);
      return { message: plan.message, moved: plan.changes.length };
    });
  });
}

function dueOf(table: Table, contact: Contact, dueIndex: number | undefined): Date | null {
  if (dueIndex === undefined) return null;
  const cell = table.rows[contact.rowNumber - 2]?.[dueIndex];
  return cell instanceof Date ? cell : null;
}

/**
 * Cover's writes, one batch each whatever the number of contacts: the handoff touches in one
 * block, then each changed Contacts column with one RangeList (every moved row gets the same
 * owner and the same next working day).
 */
function writeCover(
  env: Env,
  log: TouchLog,
  contacts: Table,
  changes: readonly { contact: Contact; change: ContactChange }[],
): void {
  appendRows(
    log.sheet,
    log.table,
    changes.flatMap(({ change }) => change.touches.map(touchCells)),
  );
  const { sheet } = contactsSheet(env.spreadsheet);
  const byHeader = new Map<string, { value: Cell; rows: number[] }>();
  for (const { contact, change } of changes) {
    for (const [header, value] of change.cells) {
      const group = byHeader.get(header) ?? { value, rows: [] };
      group.rows.push(contact.rowNumber);
      byHeader.set(header, group);
    }
  }
  for (const [header, group] of byHeader) {
    const column = columnOf(contacts, header);
    if (column === undefined) continue;
    const letter = columnLetter(column);
    sheet.getRangeList(group.rows.map((row) => `${letter}${row}`)).setValue(group.value);
  }
}

export function sidebarSetAutomation(on: boolean): ServerResult<AutomationState> {
  return serve(() => {
    const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
    const user = Session.getEffectiveUser().getEmail().toLowerCase();
    const status = on === true ? turnOnAutomation() : turnOffAutomation();
    return automationState(spreadsheet, user, status.message);
  });
}
