import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { BUSY_TIMEOUT_MS, closeDatabase, migrate, openDatabase } from './connection';
import { LATEST_VERSION, MIGRATIONS } from './migrations/index';

const dirs: string[] = [];
function tempFile(name = 'ws.sqlite'): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-db-'));
  dirs.push(dir);
  return path.join(dir, name);
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

describe('openDatabase', () => {
  it('creates a WAL database with durable settings at the latest version', () => {
    const db = openDatabase(tempFile(), { isCreateAllowed: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    // Another writer's lock is answered within a second, not after a 5-second freeze.
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    expect(BUSY_TIMEOUT_MS).toBeLessThanOrEqual(1000);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    closeDatabase(db);
  });

  it('keeps leading zeros of codes and refuses a unit of an unknown scheme', () => {
    const db = openDatabase(tempFile(), { isCreateAllowed: true });
    db.prepare("INSERT INTO admin_units VALUES ('NSO_2025','PROVINCE','01','Hà Nội','ha noi','thanh_pho_tw',NULL,NULL)").run();
    expect(db.prepare('SELECT code FROM admin_units').pluck().get()).toBe('01');
    expect(() => db.prepare("INSERT INTO admin_units VALUES ('X','PROVINCE','02','A','a','tinh',NULL,NULL)").run()).toThrow(/FOREIGN KEY/u);
    closeDatabase(db);
  });

  it('explains a missing file, a file that is not SQLite and a file from a newer version', () => {
    expect(codeOf(() => openDatabase(tempFile('missing.sqlite'), { isCreateAllowed: false }))).toBe('WORKSPACE_NOT_FOUND');
    const notDb = tempFile('notes.txt');
    fs.writeFileSync(notDb, 'this is a text file, not a database '.repeat(200));
    expect(codeOf(() => openDatabase(notDb, { isCreateAllowed: true }))).toBe('WORKSPACE_NOT_SQLITE');
    const newer = tempFile('newer.sqlite');
    const raw = new Database(newer);
    raw.pragma(`user_version = ${LATEST_VERSION + 5}`);
    raw.close();
    expect(codeOf(() => openDatabase(newer, { isCreateAllowed: true }))).toBe('WORKSPACE_TOO_NEW');
  });

  it('copies the file before migrating an older workspace, and migrates in a transaction', () => {
    const file = tempFile();
    const db = openDatabase(file, { isCreateAllowed: true });
    db.prepare("INSERT INTO settings VALUES ('language','en')").run();
    const next = [...MIGRATIONS, { version: LATEST_VERSION + 1, name: 'probe', sql: 'CREATE TABLE probe (a INTEGER) STRICT;' }];
    const backup = migrate(db, file, next);
    expect(backup).not.toBeNull();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    const copy = new Database(backup ?? '', { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(copy.prepare("SELECT value FROM settings WHERE key = 'language'").pluck().get()).toBe('en');
    copy.close();
    const broken = [...next, { version: LATEST_VERSION + 2, name: 'bad', sql: 'CREATE TABLE ok2 (a); CREATE TABLE probe (a);' }];
    expect(() => migrate(db, file, broken)).toThrow();
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION + 1);
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'ok2'").pluck().get()).toBe(0);
    closeDatabase(db);
  });

  it('refuses a zero-byte file even where creating is allowed, and leaves it as it was', () => {
    const file = tempFile();
    fs.writeFileSync(file, '');
    expect(codeOf(() => openDatabase(file, { isCreateAllowed: true }))).toBe('WORKSPACE_EMPTY');
    expect(fs.statSync(file).size).toBe(0);
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a file of a newer version without changing a byte of it (no conversion to WAL first)', () => {
    const file = tempFile('newer.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)');
    raw.pragma(`user_version = ${LATEST_VERSION + 1}`);
    raw.close();
    const before = fs.readFileSync(file);
    expect(codeOf(() => openDatabase(file, { isCreateAllowed: false }))).toBe('WORKSPACE_TOO_NEW');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});
