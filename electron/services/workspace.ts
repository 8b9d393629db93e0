/**
 * What every service works on: the open workspace database and the caller's context.
 * Services are plain Node (no `electron`), so the CLI, the browser host and Electron's
 * main process share them unchanged.
 */
import type { Db, OpenNotice } from '../../db/connection';
import { getSetting, setSetting } from '../../db/queries/settings';
import type { Language } from '../../shared/i18n/format';

export type HostKind = 'electron' | 'browser' | 'cli';

export type Workspace = {
  db: Db;
  path: string;
  hostKind: HostKind;
  /** Set by the CLI's --lang without storing it; otherwise the stored setting applies. */
  languageOverride: Language | null;
  /** What opening the file had to tell the user (shown by app.info, printed by the CLI). */
  openNotices?: OpenNotice[];
};

export function language(ws: Workspace): Language {
  if (ws.languageOverride) return ws.languageOverride;
  return getSetting(ws.db, 'language') === 'en' ? 'en' : 'vi';
}

export function setLanguage(ws: Workspace, value: Language): void {
  setSetting(ws.db, 'language', value);
}

/** The name recorded as the author of changes (set in settings; empty until then). */
export function userName(ws: Workspace): string | null {
  return getSetting(ws.db, 'user_name') ?? null;
}

export function nowIso(): string {
  return new Date().toISOString();
}

/** Today's date where the user is (a date typed "today" in Hà Nội must not count as tomorrow in UTC). */
export function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
