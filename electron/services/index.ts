/**
 * Opening a workspace and its services: the one entry point the Electron main process,
 * the browser host and the CLI use.
 */
import { closeDatabase, openDatabase, type OpenNotice } from '../../db/connection';
import type { Handlers } from '../../shared/api/dispatch';
import type { Language } from '../../shared/i18n/format';
import { checkFileInBackground } from './background/background-jobs';
import { backupOnOpenInBackground } from './backup-service';
import { createHandlers } from './handlers';
import { language, type HostKind, type Workspace } from './workspace';

export type Services = {
  workspace: Workspace;
  handlers: Handlers;
  language(): Language;
  /** What the open had to tell the user; the CLI prints them, the app shows them through app.info. */
  notices: readonly OpenNotice[];
  /** Settles when the background work of the open (whole-file check, the day's copy) is done; its findings are in `notices`. */
  background: Promise<void>;
  close(): void;
};

export type OpenServicesOptions = {
  workspacePath: string;
  hostKind: HostKind;
  /**
   * false: a missing workspace file is an error instead of being created. Programs a
   * user starts decide explicitly (`pcmt init`, `--new`, the default path on first run);
   * in-process callers (tests, benches) get a new file by default.
   */
  isCreateAllowed?: boolean;
  languageOverride?: Language | null;
};

/**
 * The whole-file check, then (when sound and writable) the day's copy; each finding
 * becomes a notice. Never rejects; stops when the workspace was closed meanwhile.
 */
async function afterOpen(ws: Workspace, notices: OpenNotice[]): Promise<void> {
  if (ws.path === ':memory:') return;
  try {
    if ((await checkFileInBackground(ws.path)) !== null) {
      notices.push({ code: 'WORKSPACE_CHECK_FAILED', params: { path: ws.path } });
      return;
    }
  } catch (error) {
    notices.push({ code: 'WORKSPACE_CHECK_FAILED', params: { path: ws.path, detail: error instanceof Error ? error.message : String(error) } });
    return;
  }
  if (!ws.db.open || ws.db.readonly) return;
  const notice = await backupOnOpenInBackground(ws);
  if (notice !== null) notices.push(notice);
}

export function openServices(options: OpenServicesOptions): Services {
  const notices: OpenNotice[] = [];
  const base = { path: options.workspacePath, hostKind: options.hostKind, languageOverride: options.languageOverride ?? null, openNotices: notices };
  const db = openDatabase(options.workspacePath, { isCreateAllowed: options.isCreateAllowed ?? true, notices });
  const workspace: Workspace = { ...base, db };
  // The app (not the CLI, which scripts call many times a day) checks the whole file and
  // keeps a copy per day (product.md §10) after the first screen, off the main thread.
  const background = options.hostKind === 'cli' ? Promise.resolve() : afterOpen(workspace, notices);
  return {
    workspace,
    handlers: createHandlers(workspace),
    language: () => language(workspace),
    notices,
    background,
    // A restore from the app reopens the file, so the connection to close is the current one.
    close: () => closeDatabase(workspace.db),
  };
}
