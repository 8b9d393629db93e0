/**
 * The ordered, append-only list of migrations. Version N of a workspace means the first
 * N entries have run; the version is kept in PRAGMA user_version.
 */
import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-registers-history';
import { migration0003 } from './0003-exchange';
import { migration0004 } from './0004-consolidation';
import { migration0005 } from './0005-key-lifecycle';
import { migration0006 } from './0006-compact-history';

export type Migration = {
  version: number;
  name: string;
  sql: string;
  /** Rebuilds a referenced table: run with foreign keys off, checked before commit (SQLite's documented procedure). */
  isForeignKeyRebuild?: boolean;
};

export const MIGRATIONS: readonly Migration[] = [
  { version: 1, name: 'initial', sql: migration0001 },
  { version: 2, name: 'registers-history', sql: migration0002, isForeignKeyRebuild: true },
  { version: 3, name: 'exchange', sql: migration0003 },
  { version: 4, name: 'consolidation', sql: migration0004 },
  { version: 5, name: 'key-lifecycle', sql: migration0005 },
  { version: 6, name: 'compact-history', sql: migration0006 },
];

export const LATEST_VERSION = MIGRATIONS.length;
