import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../db/migrations/index';
import { setExchangeIdentity } from '../../db/queries/exchange';
import { appendLog, verifyChain } from '../../db/queries/import-log';
import { getSetting } from '../../db/queries/settings';
import { dispatch } from '../../shared/api/dispatch';
import { isAppError } from '../../shared/errors';
import {
  backupBeforeImport,
  backupBeforeReceive,
  backupOnOpen,
  backupWorkspace,
  listBackups,
  restoreWorkspace,
  restoredNotice,
  RESTORE_SEQUENCE_JUMP,
} from './backup-service';
import { openServices, type Services } from './index';
import type { Workspace } from './workspace';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-backup-'));
  dirs.push(dir);
  return dir;
}

/** Hà Nội as the office: a backup without an office holds nothing to restore. */
function giveOffice(ws: Workspace): void {
  ws.db.prepare("INSERT OR IGNORE INTO admin_units VALUES ('NSO_2025','PROVINCE','01','Thành phố Hà Nội','thanh pho ha noi','thanh_pho_tw',NULL,NULL)").run();
  ws.db.prepare("INSERT OR REPLACE INTO office (id, scheme, level, code, updated_at) VALUES (1, 'NSO_2025', 'PROVINCE', '01', '2025-01-01T00:00:00Z')").run();
}

function open(hostKind: 'cli' | 'browser' = 'cli', withOffice = true): Services {
  const file = path.join(tempDir(), 'ws.sqlite');
  if (withOffice) {
    const first = openServices({ workspacePath: file, hostKind: 'cli' });
    giveOffice(first.workspace);
    first.close();
  }
  return openServices({ workspacePath: file, hostKind, isCreateAllowed: !withOffice });
}

function logRow(decision: string) {
  return { at: new Date().toISOString(), operator: null, source_filename: 'a.bcpkg', file_sha256: null, package_id: null, package_digest: null, issuer: 'T01-D001', period: '2025-Q2', sequence: 3, key_id: null, trustlist_version: 1, encrypted: 1, decision, code: null, detail: null };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (isAppError(error)) return error.code;
    throw error;
  }
  return 'no error';
}

const call = (s: Services, method: string, input: unknown) => dispatch(s.handlers, method, input, { language: () => 'en', onInternalError: () => undefined });

it('a restore brings back the trust state and the import log, says when the copy was taken, and never lets a sequence number be reused', () => {
  const s = open();
  setExchangeIdentity(s.workspace.db, { office_code: 'T01-D001', office_name: 'Quận Ba Đình', environment: 'production', updated_at: '2025-01-01T00:00:00Z' });
  s.workspace.db.prepare('UPDATE exchange_identity SET next_sequence = 8').run();
  appendLog(s.workspace.db, logRow('accepted'));
  const backup = backupWorkspace(s.workspace, 'manual');
  // After the copy: more packages sent and received.
  s.workspace.db.prepare('UPDATE exchange_identity SET next_sequence = 12').run();
  appendLog(s.workspace.db, logRow('accepted'));
  const file = s.workspace.path;
  s.close();

  const info = restoreWorkspace(file, backup.file);
  expect(fs.existsSync(info.previousCopy)).toBe(true);
  expect(info.nextSequence).toBe(8 + RESTORE_SEQUENCE_JUMP);
  const again = openServices({ workspacePath: file, hostKind: 'cli' });
  try {
    expect(verifyChain(again.workspace.db)).toMatchObject({ rows: 1, isIntact: true });
    expect(restoredNotice(again.workspace)).toMatchObject({ takenAt: backup.takenAt });
    expect(again.workspace.db.prepare('SELECT next_sequence FROM exchange_identity').pluck().get()).toBe(8 + RESTORE_SEQUENCE_JUMP);
    // The app says so until the user has read it.
    const info = (): unknown => again.handlers['app.info']({});
    expect(info()).toMatchObject({ restoredFrom: { takenAt: backup.takenAt } });
    expect(again.handlers['app.acknowledgeRestore']({})).toEqual({ acknowledged: true });
    expect(info()).toMatchObject({ restoredFrom: null });
  } finally {
    again.close();
  }
});

it('the app keeps one copy a day on open and one before receiving or importing per ten minutes; the CLI does not on open', async () => {
  const cli = open('cli');
  expect(fs.existsSync(`${cli.workspace.path}.backups`)).toBe(false);
  cli.close();
  const app = open('browser');
  // The day's copy is taken in the background, after the first screen.
  await app.background;
  expect(fs.readdirSync(`${app.workspace.path}.backups`)).toHaveLength(1);
  expect(backupOnOpen(app.workspace)).toBeNull();
  expect(backupBeforeReceive(app.workspace, new Date('2026-01-01T10:00:00Z'))).not.toBeNull();
  expect(backupBeforeReceive(app.workspace, new Date('2026-01-01T10:05:00Z'))).toBeNull();
  expect(backupBeforeReceive(app.workspace, new Date('2026-01-01T10:11:00Z'))).not.toBeNull();
  expect(backupBeforeImport(app.workspace, new Date('2026-01-01T10:00:00Z'))?.reason).toBe('import');
  expect(backupBeforeImport(app.workspace, new Date('2026-01-01T10:09:00Z'))).toBeNull();
  expect(backupBeforeImport(app.workspace, new Date('2026-01-01T10:10:00Z'))).not.toBeNull();
  expect(getSetting(app.workspace.db, 'last_open_backup')).toBe(new Date().toISOString().slice(0, 10));
  app.close();
});

describe('restore refuses a file that fails the checks, with a sentence, and leaves the workspace unchanged', () => {
  function refusal(make: (file: string, good: string) => void): { code: string; isUnchanged: boolean } {
    const s = open();
    const good = backupWorkspace(s.workspace, 'manual').file;
    const file = s.workspace.path;
    s.close();
    const before = fs.readFileSync(file);
    const bad = path.join(path.dirname(file), 'candidate.bak');
    make(bad, good);
    const code = codeOf(() => restoreWorkspace(file, bad));
    return { code, isUnchanged: fs.readFileSync(file).equals(before) && !fs.readdirSync(path.dirname(file)).some((f) => f.includes('before-restore')) };
  }

  it.each([
    ['a 0-byte file', 'BACKUP_EMPTY', (bad: string) => fs.writeFileSync(bad, '')],
    ['a truncated copy', 'BACKUP_DAMAGED', (bad: string, good: string) => fs.writeFileSync(bad, fs.readFileSync(good).subarray(0, Math.floor(fs.statSync(good).size / 2)))],
    ['a file that is not SQLite', 'BACKUP_NOT_SQLITE', (bad: string) => fs.writeFileSync(bad, 'not a database '.repeat(100))],
    ['a workspace without an office', 'BACKUP_NO_OFFICE', (bad: string, good: string) => {
      fs.copyFileSync(good, bad);
      const db = new Database(bad);
      db.exec('DELETE FROM office');
      db.close();
    }],
    ['a copy of a newer schema', 'BACKUP_TOO_NEW', (bad: string, good: string) => {
      fs.copyFileSync(good, bad);
      const db = new Database(bad);
      db.pragma(`user_version = ${LATEST_VERSION + 1}`);
      db.close();
    }],
  ])('%s', (_name, expected, make) => {
    expect(refusal(make)).toEqual({ code: expected, isUnchanged: true });
  });
});

it('the app lists backups with time, size and office, flags a bad one, and restores a listed one in place', async () => {
  const s = open('browser');
  await s.background;
  s.workspace.db.prepare("INSERT INTO settings (key, value) VALUES ('marker', 'before')").run();
  const good = backupWorkspace(s.workspace, 'manual');
  fs.writeFileSync(path.join(path.dirname(good.file), 'ws.sqlite.zz-broken.manual.bak'), '');
  s.workspace.db.prepare("UPDATE settings SET value = 'after' WHERE key = 'marker'").run();
  const listed = await call(s, 'backups.list', {});
  expect(listed.ok).toBe(true);
  const entries = listed.ok ? (listed.data as ReturnType<typeof listBackups>) : [];
  expect(entries.find((e) => e.name === path.basename(good.file))).toMatchObject({ officeName: 'Thành phố Hà Nội', takenAt: good.takenAt, problem: null, reason: 'manual' });
  expect(entries.find((e) => e.name.includes('zz-broken'))).toMatchObject({ sizeBytes: 0, problem: 'BACKUP_EMPTY' });
  // A broken copy is refused and the open workspace keeps working.
  const refused = await call(s, 'backups.restore', { name: 'ws.sqlite.zz-broken.manual.bak' });
  expect(refused).toMatchObject({ ok: false, error: { code: 'BACKUP_EMPTY' } });
  expect(await call(s, 'backups.restore', { name: '../ws.sqlite.bak' })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  expect(s.workspace.db.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe('after');
  const restored = await call(s, 'backups.restore', { name: path.basename(good.file) });
  expect(restored).toMatchObject({ ok: true, data: { takenAt: good.takenAt } });
  // The same services now work on the restored file.
  expect(s.workspace.db.prepare("SELECT value FROM settings WHERE key = 'marker'").pluck().get()).toBe('before');
  expect(await call(s, 'app.info', {})).toMatchObject({ ok: true, data: { restoredFrom: { takenAt: good.takenAt } } });
  s.close();
});

it('an interrupted copy never leaves a normal-looking backup, and a workspace without an office is not copied', () => {
  const s = open('cli', false);
  expect(codeOf(() => backupWorkspace(s.workspace, 'manual'))).toBe('BACKUP_NOTHING_TO_COPY');
  expect(backupBeforeImport(s.workspace)).toBeNull();
  giveOffice(s.workspace);
  // The copy cannot be written (the target's folder is a file): no .bak and no leftover temporary file.
  const folder = `${s.workspace.path}.backups`;
  fs.mkdirSync(folder);
  const blocked = path.join(folder, 'blocked');
  fs.writeFileSync(blocked, '');
  expect(() => backupWorkspace(s.workspace, 'manual', path.join(blocked, 'x.bak'))).toThrow();
  expect(fs.readdirSync(folder)).toEqual(['blocked']);
  // A leftover partial copy (a kill during VACUUM INTO) is not listed as a backup.
  fs.writeFileSync(path.join(folder, 'ws.sqlite.2026.manual.bak.partial'), 'half');
  expect(listBackups(s.workspace)).toEqual([]);
  s.close();
});

it('reading a copy made by an older version (WAL mode) leaves no -wal or -shm beside it', () => {
  const s = open('cli');
  const info = backupWorkspace(s.workspace, 'manual');
  s.close();
  const old = new Database(info.file);
  old.pragma('journal_mode = WAL');
  old.close();
  expect(listBackups(s.workspace)).toMatchObject([{ problem: null }]);
  expect(fs.readdirSync(path.dirname(info.file))).toEqual([path.basename(info.file)]);
});

