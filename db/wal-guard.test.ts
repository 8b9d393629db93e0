import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db, type OpenNotice } from './connection';
import { judgeWal, ownerPath, scanWal } from './wal-guard';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-wal-'));
  dirs.push(dir);
  return dir;
}

function fill(db: Db, tag: string, rows: number): void {
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < rows; i += 1) insert.run(`k${i}`, `${tag}-${i}-${'x'.repeat(200)}`);
  })();
}

function tags(file: string): Record<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    const rows = db.prepare("SELECT substr(value, 1, 1) AS tag, count(*) AS n FROM settings WHERE key LIKE 'k%' GROUP BY tag").all() as { tag: string; n: number }[];
    return Object.fromEntries(rows.map((r) => [r.tag, r.n]));
  } finally {
    db.close();
  }
}

/** Workspace A, closed cleanly with 300 rows of "A"; workspace B still open, its WAL holding committed changes. */
function twoWorkspaces(dir: string): { a: string; b: string; bDb: Db } {
  const a = path.join(dir, 'a.sqlite');
  const aDb = openDatabase(a, { isCreateAllowed: true });
  fill(aDb, 'A', 300);
  closeDatabase(aDb);
  const b = path.join(dir, 'b.sqlite');
  const bDb = openDatabase(b, { isCreateAllowed: true });
  fill(bDb, 'B', 300);
  bDb.pragma('wal_checkpoint(TRUNCATE)');
  bDb.prepare("UPDATE settings SET value = 'B-changed' WHERE key LIKE 'k1%'").run();
  return { a, b, bDb };
}

it('SQLite on its own folds a stale -wal of another workspace into an intact one (the destruction the guard prevents)', () => {
  const { a, b, bDb } = twoWorkspaces(tempDir());
  fs.copyFileSync(`${b}-wal`, `${a}-wal`);
  closeDatabase(bDb);
  const raw = new Database(a);
  raw.close();
  // A's rows are silently replaced by B's pages: the file still passes quick_check.
  expect(tags(a)['B']).toBeGreaterThan(0);
});

it('a -wal of another workspace beside an intact one is moved aside, not replayed, and the user is told', () => {
  const { a, b, bDb } = twoWorkspaces(tempDir());
  fs.copyFileSync(`${b}-wal`, `${a}-wal`);
  fs.copyFileSync(`${b}-shm`, `${a}-shm`);
  closeDatabase(bDb);
  expect(judgeWal(a)).toBe('foreign');
  const notices: OpenNotice[] = [];
  const db = openDatabase(a, { isCreateAllowed: false, notices });
  closeDatabase(db);
  expect(tags(a)).toEqual({ A: 300 });
  expect(notices).toHaveLength(1);
  expect(notices[0]?.code).toBe('WORKSPACE_WAL_ORPHANED');
  const orphan = String(notices[0]?.params['orphan']);
  expect(path.basename(orphan)).toMatch(/^a\.sqlite\.wal-.+\.orphan$/u);
  expect(fs.existsSync(orphan)).toBe(true);
  expect(fs.readdirSync(path.dirname(a)).some((f) => /^a\.sqlite\.shm-.+\.orphan$/u.test(f))).toBe(true);
});

it('a clean close leaves no record, so any -wal that later appears beside the workspace is refused', () => {
  const dir = tempDir();
  const { a, bDb } = twoWorkspaces(dir);
  closeDatabase(bDb);
  // B's first WAL generation of a session carries B's page 1 (its id is stamped there).
  const bAgain = openDatabase(path.join(dir, 'b.sqlite'), { isCreateAllowed: false });
  bAgain.prepare("INSERT INTO settings (key, value) VALUES ('c1', 'C')").run();
  fs.copyFileSync(`${path.join(dir, 'b.sqlite')}-wal`, `${a}-wal`);
  closeDatabase(bAgain);
  expect(fs.existsSync(ownerPath(a))).toBe(false);
  expect(judgeWal(a)).toBe('foreign');
});

/** A process that opens the workspace as the app does, commits `rows` writes, then dies by SIGKILL. */
function crashWhileWriting(file: string, rows: number): void {
  const script = path.join(path.resolve(import.meta.dirname, '..'), `crash-${path.basename(path.dirname(file))}.mts`);
  fs.writeFileSync(script, CRASH_SCRIPT);
  try {
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, file, String(rows)], { cwd: path.dirname(script), encoding: 'utf8' });
    expect(child.signal).toBe('SIGKILL');
  } finally {
    fs.rmSync(script, { force: true });
  }
}

const CRASH_SCRIPT = `
import { openDatabase } from './db/connection.ts';
const db = openDatabase(process.argv[2], { isCreateAllowed: false });
const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
for (let i = 0; i < Number(process.argv[3]); i += 1) insert.run('crash' + i, 'acknowledged'.repeat(600));
process.kill(process.pid, 'SIGKILL');
`;

it('our own WAL after a kill -9 (and after auto-checkpoint restarts) is replayed: every acknowledged write survives', () => {
  const dir = tempDir();
  const file = path.join(dir, 'ws.sqlite');
  closeDatabase(openDatabase(file, { isCreateAllowed: true }));
  crashWhileWriting(file, 700);
  const recorded = JSON.parse(fs.readFileSync(ownerPath(file), 'utf8')) as { salt1: number };
  const scan = scanWal(fs.readFileSync(`${file}-wal`));
  expect(scan?.committedFrames).toBeGreaterThan(0);
  // More than 1000 frames were written, so SQLite restarted the WAL: salt-1 moved on from our record.
  expect(scan?.salt1).not.toBe(recorded.salt1);
  expect(judgeWal(file)).toBe('owned');
  const notices: OpenNotice[] = [];
  const db = openDatabase(file, { isCreateAllowed: false, notices });
  try {
    expect(db.prepare("SELECT count(*) FROM settings WHERE key LIKE 'crash%'").pluck().get()).toBe(700);
    expect(notices).toEqual([]);
  } finally {
    closeDatabase(db);
  }
});

const LEGACY_CRASH = `
const Database = require(process.argv[2]);
const db = new Database(process.argv[1]);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
for (let i = 0; i < 50; i += 1) db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('legacy' + i, 'kept');
process.kill(process.pid, 'SIGKILL');
`;

it('a workspace last written by an older version (no id, no record) keeps its crash WAL', () => {
  const file = path.join(tempDir(), 'old.sqlite');
  const db = openDatabase(file, { isCreateAllowed: true });
  db.pragma('application_id = 0');
  closeDatabase(db);
  expect(fs.existsSync(ownerPath(file))).toBe(false);
  const sqlite = path.resolve(import.meta.dirname, '../node_modules/better-sqlite3');
  const child = spawnSync(process.execPath, ['-e', LEGACY_CRASH, file, sqlite]);
  expect(child.signal).toBe('SIGKILL');
  expect(judgeWal(file)).toBe('owned');
  const reopened = openDatabase(file, { isCreateAllowed: false });
  try {
    expect(reopened.prepare("SELECT count(*) FROM settings WHERE key LIKE 'legacy%'").pluck().get()).toBe(50);
  } finally {
    closeDatabase(reopened);
  }
});

it('after a crash, a -wal of another workspace put in place of ours is told apart by its salts', () => {
  const dir = tempDir();
  const { a, b, bDb } = twoWorkspaces(dir);
  // A crashed with a WAL of its own: the record of its salts stays.
  crashWhileWriting(a, 3);
  expect(judgeWal(a)).toBe('owned');
  fs.copyFileSync(`${b}-wal`, `${a}-wal`);
  closeDatabase(bDb);
  expect(fs.existsSync(ownerPath(a))).toBe(true);
  expect(judgeWal(a)).toBe('foreign');
});

