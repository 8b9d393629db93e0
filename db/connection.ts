/**
 * The only place that opens a workspace file. Settings are chosen for "every
 * acknowledged write survives a crash": WAL with synchronous=FULL fsyncs the log on
 * every commit (NORMAL could lose the last commits on power loss). The file is checked
 * when opened, copied before any migration, and migrated one transaction per step.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../shared/errors';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';

export type Db = Database.Database;

export type OpenOptions = {
  /** Create the file when it does not exist (false: a missing file is an error). */
  isCreateAllowed: boolean;
};

function sqliteCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function applyPragmas(db: Db, file: string): void {
  try {
    db.pragma('journal_mode = WAL');
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_NOTADB') throw new AppError('WORKSPACE_NOT_SQLITE', { path: file });
    throw new AppError('WORKSPACE_OPEN_FAILED', { path: file, detail: describe(error) });
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

function check(db: Db, file: string): void {
  const result = db.pragma('quick_check', { simple: true });
  if (result !== 'ok') throw new AppError('WORKSPACE_CORRUPT', { path: file, detail: String(result) });
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/gu, '-');
}

/** Copies the file (consistently, through SQLite) before its schema is changed. */
function backupBeforeMigration(db: Db, file: string, fromVersion: number): string {
  const target = `${file}.v${fromVersion}-${timestamp()}.bak`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Brings the schema to the newest version; returns the backup taken first, if any. */
export function migrate(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): string | null {
  const latest = migrations.length === MIGRATIONS.length ? LATEST_VERSION : migrations.length;
  const current = Number(db.pragma('user_version', { simple: true }));
  if (current > latest) {
    throw new AppError('WORKSPACE_TOO_NEW', { path: file, found: current, supported: latest });
  }
  if (current === latest) return null;
  const backup = current > 0 && file !== ':memory:' ? backupBeforeMigration(db, file, current) : null;
  for (const migration of migrations.filter((m) => m.version > current)) {
    // PRAGMA foreign_keys cannot change inside a transaction, so it is switched around it.
    if (migration.isForeignKeyRebuild) db.pragma('foreign_keys = OFF');
    try {
      db.transaction(() => {
        db.exec(migration.sql);
        const broken = db.pragma('foreign_key_check') as unknown[];
        if (broken.length > 0) throw new Error(`migration ${migration.version} left ${broken.length} broken references`);
        db.pragma(`user_version = ${migration.version}`);
      })();
    } finally {
      if (migration.isForeignKeyRebuild) db.pragma('foreign_keys = ON');
    }
  }
  return backup;
}

/** Opens (and if needed creates and migrates) a workspace. One connection per file. */
export function openDatabase(file: string, options: OpenOptions): Db {
  const isMemory = file === ':memory:';
  if (!isMemory && !fs.existsSync(file)) {
    if (!options.isCreateAllowed) throw new AppError('WORKSPACE_NOT_FOUND', { path: file });
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  }
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new AppError('WORKSPACE_OPEN_FAILED', { path: file, detail: describe(error) });
  }
  try {
    applyPragmas(db, file);
    check(db, file);
    migrate(db, file);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** Folds the WAL back into the main file so a copied workspace is complete. */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}
