/**
 * The ordered, append-only list of migrations. Version N of a workspace means the first
 * N entries have run; the version is kept in PRAGMA user_version.
 */
import { migration0001 } from './0001-initial';

export type Migration = { version: number; name: string; sql: string };

export const MIGRATIONS: readonly Migration[] = [{ version: 1, name: 'initial', sql: migration0001 }];

export const LATEST_VERSION = MIGRATIONS.length;
