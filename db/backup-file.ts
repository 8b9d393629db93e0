/**
 * Backup files at the SQLite level. A copy is written under a temporary name and only
 * renamed to its `.bak` name once it is complete and passes the checks a restore makes
 * (quick_check, a known schema version, an office), so an interrupted copy — a kill, a
 * full disk — never leaves a normal-looking backup. The same checks refuse a file given
 * to restore, each failure with its own sentence.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../shared/errors';
import { LATEST_VERSION } from './migrations/index';
import type { Db } from './connection';
import { quickCheck } from './integrity';
import { readDbHeader } from './wal-guard';

export type BackupFacts = {
  sizeBytes: number;
  schemaVersion: number;
  /** The office's unit name (or code when the unit is missing). */
  officeName: string;
  takenAt: string | null;
  reason: string | null;
};

export const PARTIAL_SUFFIX = '.partial';

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function setting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

function factsOf(db: Db, name: string, sizeBytes: number): BackupFacts {
  // The whole-file check, on every copy: a backup is what must be proven sound.
  let problem: string | null;
  try {
    problem = quickCheck(db);
  } catch (error) {
    throw new AppError('BACKUP_DAMAGED', { file: name, detail: describe(error) });
  }
  if (problem !== null) throw new AppError('BACKUP_DAMAGED', { file: name, detail: problem });
  const schemaVersion = Number(db.pragma('user_version', { simple: true }));
  if (schemaVersion > LATEST_VERSION) throw new AppError('BACKUP_TOO_NEW', { file: name, found: schemaVersion, supported: LATEST_VERSION });
  if (schemaVersion < 1) throw new AppError('BACKUP_NOT_SQLITE', { file: name });
  const office = db.prepare('SELECT scheme, level, code FROM office WHERE id = 1').get() as { scheme: string; level: string; code: string } | undefined;
  if (office === undefined) throw new AppError('BACKUP_NO_OFFICE', { file: name });
  const unit = db.prepare('SELECT name FROM admin_units WHERE scheme = ? AND level = ? AND code = ?').get(office.scheme, office.level, office.code) as
    | { name: string }
    | undefined;
  return { sizeBytes, schemaVersion, officeName: unit?.name ?? office.code, takenAt: setting(db, 'backup_taken_at'), reason: setting(db, 'backup_reason') };
}

/** Checks a backup file without changing it; throws BACKUP_* with a sentence when it is not restorable. */
export function inspectBackupFile(file: string, name = path.basename(file)): BackupFacts {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('BACKUP_NOT_FOUND', { file: name });
  const { size } = fs.statSync(file);
  if (size === 0) throw new AppError('BACKUP_EMPTY', { file: name });
  const header = readDbHeader(file);
  if (header === null) throw new AppError('BACKUP_NOT_SQLITE', { file: name });
  // Copies made by older versions are in WAL mode: reading them creates -wal/-shm, removed again afterwards.
  const sideFiles = [`${file}-wal`, `${file}-shm`].filter((f) => !fs.existsSync(f));
  let db: Db | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    return factsOf(db, name, size);
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('BACKUP_DAMAGED', { file: name, detail: describe(error) });
  } finally {
    db?.close();
    for (const side of sideFiles) if (fs.existsSync(side) && (side.endsWith('-shm') || fs.statSync(side).size === 0)) fs.rmSync(side, { force: true });
  }
}

/**
 * Copies the open workspace to `target` through a temporary file: VACUUM INTO, note
 * when and why inside the copy, check it, fsync, then rename. On any failure the
 * temporary file is removed and the error is rethrown; no `.bak` appears.
 */
export function writeCheckedCopy(source: Db, target: string, takenAt: string, reason: string): BackupFacts {
  const temp = `${target}${PARTIAL_SUFFIX}`;
  fs.rmSync(temp, { force: true });
  try {
    source.prepare('VACUUM INTO ?').run(temp);
    const copy = new Database(temp, { fileMustExist: true });
    try {
      copy.pragma('synchronous = FULL');
      copy.transaction(() => {
        for (const [key, value] of [['backup_taken_at', takenAt], ['backup_reason', reason]]) {
          copy.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
        }
      })();
    } finally {
      copy.close();
    }
    const facts = inspectBackupFile(temp, path.basename(target));
    const fd = fs.openSync(temp, 'r+');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, target);
    return facts;
  } catch (error) {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
    throw error;
  }
}
