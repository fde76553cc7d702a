// Apps Script entry points. Only `global.name = fn` lines: esbuild-gas-plugin turns each into a
// real top-level function that menus, triggers and google.script.run can call.
import { runAutomation } from "./triggers/automation";
import {
  menuLogTouchForSelectedRow,
  menuOpenSidebar,
  menuPreviewDueEmails,
  menuRefreshNow,
  menuSendMyDigestNow,
  menuSetUpSheets,
  menuTurnOffAutomation,
  menuTurnOnAutomation,
} from "./ui/actions";
import { menuArchiveOldTouches } from "./ui/archiveAction";
import {
  importPreview,
  importRun,
  importStart,
  importUploadCsv,
  menuImportContacts,
} from "./ui/importDialog";
import { onInstall, onOpen } from "./ui/menu";
import {
  sidebarContact,
  sidebarContext,
  sidebarCover,
  sidebarLogTouch,
  sidebarMyDay,
  sidebarReassign,
  sidebarSearch,
  sidebarSendEmail,
  sidebarSetAutomation,
  sidebarSnooze,
  sidebarTemplatePreview,
} from "./ui/sidebar";

declare const global: Record<string, unknown>;

global.onOpen = onOpen;
global.onInstall = onInstall;
global.menuOpenSidebar = menuOpenSidebar;
global.menuLogTouchForSelectedRow = menuLogTouchForSelectedRow;
global.menuSetUpSheets = menuSetUpSheets;
global.menuRefreshNow = menuRefreshNow;
global.menuPreviewDueEmails = menuPreviewDueEmails;
global.menuSendMyDigestNow = menuSendMyDigestNow;
global.menuTurnOnAutomation = menuTurnOnAutomation;
global.menuTurnOffAutomation = menuTurnOffAutomation;
global.menuArchiveOldTouches = menuArchiveOldTouches;
global.runAutomation = runAutomation;
global.menuImportContacts = menuImportContacts;
global.importStart = importStart;
global.importUploadCsv = importUploadCsv;
global.importPreview = importPreview;
global.importRun = importRun;
global.sidebarContext = sidebarContext;
global.sidebarSearch = sidebarSearch;
global.sidebarContact = sidebarContact;
global.sidebarMyDay = sidebarMyDay;
global.sidebarLogTouch = sidebarLogTouch;
global.sidebarSnooze = sidebarSnooze;
global.sidebarReassign = sidebarReassign;
global.sidebarCover = sidebarCover;
global.sidebarSetAutomation = sidebarSetAutomation;
global.sidebarTemplatePreview = sidebarTemplatePreview;
global.sidebarSendEmail = sidebarSendEmail;
