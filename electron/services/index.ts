/**
 * Opening a workspace and its services: the one entry point the Electron main process,
 * the browser host and the CLI use.
 */
import { closeDatabase, openDatabase, type OpenNotice } from '../../db/connection';
import type { Handlers } from '../../shared/api/dispatch';
import type { Language } from '../../shared/i18n/format';
import { backupOnOpenOrNotice } from './backup-service';
import { createHandlers } from './handlers';
import { language, type HostKind, type Workspace } from './workspace';

export type Services = {
  workspace: Workspace;
  handlers: Handlers;
  language(): Language;
  /** What the open had to tell the user; the CLI prints them, the app shows them through app.info. */
  notices: readonly OpenNotice[];
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

export function openServices(options: OpenServicesOptions): Services {
  const notices: OpenNotice[] = [];
  const base = { path: options.workspacePath, hostKind: options.hostKind, languageOverride: options.languageOverride ?? null, openNotices: notices };
  const db = openDatabase(options.workspacePath, {
    isCreateAllowed: options.isCreateAllowed ?? true,
    notices,
    // The app (not the CLI, which scripts call many times a day) keeps a copy per day on
    // open (product.md §10), taken before anything is written to the file.
    beforeWrite: (opened) => {
      if (options.hostKind === 'cli') return;
      const notice = backupOnOpenOrNotice({ ...base, db: opened });
      if (notice !== null) notices.push(notice);
    },
  });
  const workspace: Workspace = { ...base, db };
  return {
    workspace,
    handlers: createHandlers(workspace),
    language: () => language(workspace),
    notices,
    // A restore from the app reopens the file, so the connection to close is the current one.
    close: () => closeDatabase(workspace.db),
  };
}
