/**
 * The only place that opens a workspace file. Settings are chosen for "every
 * acknowledged write survives a crash": WAL with synchronous=FULL fsyncs the log on
 * every commit (NORMAL could lose the last commits on power loss). Before SQLite sees
 * the file it is checked with plain file I/O (zero bytes, not SQLite, a `-wal` of
 * another file: wal-guard.ts); its version is read before anything is written, so a
 * newer file is refused unchanged; it is copied before any migration, migrated one
 * transaction per step, and opened read-only (with a notice) when it cannot be written.
 * Only a bounded check runs here (integrity.ts): the whole-file check would cost seconds
 * on a large file, so the app runs it in the background after the first screen.
 */
import { randomInt } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError, storageFailureCode, type ErrorParams } from '../shared/errors';
import type { ErrorCode } from '../shared/i18n/errors-vi';
import { checkOnOpen } from './integrity';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';
import { judgeWal, moveWalAside, ownerPath, readDbHeader, recordOwner, walPath } from './wal-guard';

export type Db = Database.Database;

/** Something the user must be told about the open (shown by the app, printed by the CLI). */
export type OpenNotice = { code: ErrorCode; params: ErrorParams };

export type OpenOptions = {
  /** Create the file when it does not exist (false: a missing file is an error). Only an explicit "New" passes true. */
  isCreateAllowed: boolean;
  /** Receives what the user must be told (a WAL moved aside, read-only, an upgrade's copy). */
  notices?: OpenNotice[];
};

/**
 * Another writer's lock is answered within a second: our write transactions take
 * milliseconds (one edit batch ≈ 0.1–10 ms with fsync, an import of the whole unit
 * list ≈ 0.1 s), so 500 ms still waits out a neighbour's normal commit, while a real
 * conflict (a long `pcmt load` in another process) gets its sentence in about half a
 * second, with room to spare on a slow PC, instead of a 5-second freeze.
 */
export const BUSY_TIMEOUT_MS = 500;

function sqliteCode(error: unknown): string {
  return typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function timestamp(): string {
  return new Date().toISOString().replace(/[:.]/gu, '-');
}

/** File-level checks before SQLite touches the file; a foreign `-wal` is moved aside. */
function preflight(file: string, options: OpenOptions): void {
  if (!fs.existsSync(file)) {
    if (!options.isCreateAllowed) throw new AppError('WORKSPACE_NOT_FOUND', { path: file });
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    return;
  }
  const stat = fs.statSync(file);
  if (stat.isDirectory()) throw new AppError('WORKSPACE_NOT_SQLITE', { path: file });
  // SQLite would take an empty file for a new database: a truncated workspace must not become an empty one.
  if (stat.size === 0) throw new AppError('WORKSPACE_EMPTY', { path: file });
  const header = readDbHeader(file);
  if (header === null) throw new AppError('WORKSPACE_NOT_SQLITE', { path: file });
  if (judgeWal(file) === 'foreign') {
    const orphan = moveWalAside(file, new Date().toISOString());
    options.notices?.push({ code: 'WORKSPACE_WAL_ORPHANED', params: { path: file, orphan } });
  }
}

function latestOf(migrations: readonly Migration[]): number {
  return migrations.length === MIGRATIONS.length ? LATEST_VERSION : migrations.length;
}

/** Reads only: a file of a newer version must leave this function byte-for-byte unchanged. */
function refuseTooNew(db: Db, file: string): void {
  let current: number;
  try {
    current = Number(db.pragma('user_version', { simple: true }));
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_NOTADB') throw new AppError('WORKSPACE_NOT_SQLITE', { path: file });
    throw new AppError('WORKSPACE_CORRUPT', { path: file, detail: describe(error) });
  }
  if (current > LATEST_VERSION) throw new AppError('WORKSPACE_TOO_NEW', { path: file, found: current, supported: LATEST_VERSION });
}

function applyPragmas(db: Db, file: string): void {
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  try {
    db.pragma('journal_mode = WAL');
  } catch (error) {
    if (sqliteCode(error) === 'SQLITE_NOTADB') throw new AppError('WORKSPACE_NOT_SQLITE', { path: file });
    throw error;
  }
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
}

/** Copies the file (consistently, through SQLite) before its schema is changed. */
function backupBeforeMigration(db: Db, file: string, fromVersion: number): string {
  const target = `${file}.v${fromVersion}-${timestamp()}.bak`;
  db.prepare('VACUUM INTO ?').run(target);
  return target;
}

/** Brings the schema to the newest version; returns the backup taken first, if any. */
export function migrate(db: Db, file: string, migrations: readonly Migration[] = MIGRATIONS): string | null {
  const latest = latestOf(migrations);
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

/**
 * Gives the file its random id (once), then restarts the WAL ourselves and records its
 * salts as ours (wal-guard.ts). When another connection keeps the WAL busy, its record stands.
 */
export function stampWal(db: Db, file: string): void {
  let id = Number(db.pragma('application_id', { simple: true }));
  if (id === 0) {
    id = randomInt(1, 2 ** 31);
    db.pragma(`application_id = ${id}`);
  }
  const [result] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  if (result?.busy !== 0 || fs.statSync(walPath(file)).size !== 0) return;
  db.pragma(`application_id = ${id}`);
  recordOwner(file, id);
}

function isUnwritable(error: unknown): boolean {
  const code = storageFailureCode(error);
  return code === 'WORKSPACE_READ_ONLY' || code === 'DISK_FULL' || sqliteCode(error) === 'SQLITE_CANTOPEN';
}

/** The last resort when the file cannot be written: read it as it is, and say so. */
function openReadOnly(file: string, cause: unknown, options: OpenOptions): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    checkOnOpen(db, file);
    const version = Number(db.pragma('user_version', { simple: true }));
    if (version !== LATEST_VERSION) throw new AppError('WORKSPACE_OPEN_FAILED', { path: file, detail: describe(cause) });
    db.pragma('foreign_keys = ON');
  } catch (error) {
    db.close();
    throw error;
  }
  const code = storageFailureCode(cause) === 'DISK_FULL' ? 'WORKSPACE_OPENED_READ_ONLY_FULL' : 'WORKSPACE_OPENED_READ_ONLY';
  options.notices?.push({ code, params: { path: file } });
  return db;
}

/** Opens (and, only when allowed, creates and migrates) a workspace. One connection per file. */
export function openDatabase(file: string, options: OpenOptions): Db {
  const isMemory = file === ':memory:';
  if (!isMemory) preflight(file, options);
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw new AppError('WORKSPACE_OPEN_FAILED', { path: file, detail: describe(error) });
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    refuseTooNew(db, file);
    applyPragmas(db, file);
    checkOnOpen(db, file);
    const fromVersion = Number(db.pragma('user_version', { simple: true }));
    const backup = migrate(db, file);
    // The user must be able to find the pre-upgrade copy without knowing our naming scheme.
    if (backup !== null) options.notices?.push({ code: 'WORKSPACE_UPGRADED', params: { backup, from: fromVersion, to: LATEST_VERSION } });
    if (!isMemory) stampWal(db, file);
    return db;
  } catch (error) {
    db.close();
    if (!isMemory && isUnwritable(error)) return openReadOnly(file, error, options);
    throw error;
  }
}

/**
 * Closes the connection. SQLite itself folds the WAL into the file and deletes it when
 * this is the last connection; truncating it while another process still writes would
 * let that process restart the WAL with fresh random salts that no record knows.
 */
export function closeDatabase(db: Db): void {
  if (!db.open) return;
  const file = db.name;
  const record = db.memory ? null : readRecord(file);
  db.close();
  // No WAL left (we were the last connection): the record goes with it, unless a process
  // that opened meanwhile has already written its own.
  if (record !== null && !fs.existsSync(walPath(file)) && readRecord(file) === record) fs.rmSync(ownerPath(file), { force: true });
}

function readRecord(file: string): string | null {
  try {
    return fs.readFileSync(ownerPath(file), 'utf8');
  } catch {
    return null;
  }
}
