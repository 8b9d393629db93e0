import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { AppError } from '../shared/errors';
import { closeDatabase, openDatabase } from './connection';
import { quickCheck } from './integrity';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A closed workspace with enough settings rows to fill many pages. */
function workspaceWithRows(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-integrity-'));
  dirs.push(dir);
  const file = path.join(dir, 'ws.sqlite');
  const db = openDatabase(file, { isCreateAllowed: true });
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 5_000; i += 1) insert.run(`k${String(i).padStart(5, '0')}`, 'x'.repeat(200));
  })();
  closeDatabase(db);
  return file;
}

/** Overwrites the b-tree header of a leaf page in the middle of the settings table: only a whole-file check reads it. */
function damageMiddlePage(file: string): number {
  const probe = new Database(file, { readonly: true });
  const pages = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'settings' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  const pageSize = Number(probe.pragma('page_size', { simple: true }));
  probe.close();
  const page = pages[Math.floor(pages.length / 2)] ?? 0;
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(16, 0xee), 0, 16, (page - 1) * pageSize);
  fs.closeSync(fd);
  return page;
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

it('opening checks the header against the length: a file cut short by one page is refused as damaged', () => {
  const file = workspaceWithRows();
  fs.truncateSync(file, fs.statSync(file).size - 4096);
  expect(codeOf(() => openDatabase(file, { isCreateAllowed: false }))).toBe('WORKSPACE_CORRUPT');
});

it('opening does not read every page: a damaged page in the middle opens, and quick_check names it', () => {
  const file = workspaceWithRows();
  const page = damageMiddlePage(file);
  const db = openDatabase(file, { isCreateAllowed: false });
  try {
    expect(db.prepare("SELECT count(*) FROM settings WHERE key < 'k00002'").pluck().get()).toBe(2);
    expect(page).toBeGreaterThan(2);
    expect(quickCheck(db)).not.toBeNull();
  } finally {
    closeDatabase(db);
  }
});
