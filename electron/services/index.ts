/**
 * Opening a workspace and its services: the one entry point the Electron main process,
 * the browser host and the CLI use.
 */
import { closeDatabase, openDatabase } from '../../db/connection';
import type { Handlers } from '../../shared/api/dispatch';
import type { Language } from '../../shared/i18n/format';
import { backupOnOpen } from './backup-service';
import { createHandlers } from './handlers';
import { language, type HostKind, type Workspace } from './workspace';

export type Services = {
  workspace: Workspace;
  handlers: Handlers;
  language(): Language;
  close(): void;
};

export type OpenServicesOptions = {
  workspacePath: string;
  hostKind: HostKind;
  /** false: a missing workspace file is an error instead of being created. */
  isCreateAllowed?: boolean;
  languageOverride?: Language | null;
};

export function openServices(options: OpenServicesOptions): Services {
  const db = openDatabase(options.workspacePath, { isCreateAllowed: options.isCreateAllowed ?? true });
  const workspace: Workspace = {
    db,
    path: options.workspacePath,
    hostKind: options.hostKind,
    languageOverride: options.languageOverride ?? null,
  };
  // The app (not the CLI, which scripts call many times a day) keeps a copy per day on open (product.md §10).
  if (options.hostKind !== 'cli') backupOnOpen(workspace);
  return {
    workspace,
    handlers: createHandlers(workspace),
    language: () => language(workspace),
    close: () => closeDatabase(db),
  };
}
