import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, expect, it } from 'vitest';
import { dispatch } from '../../../shared/api/dispatch';
import { openServices } from '../index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A closed workspace with an office and enough history rows to fill many pages. */
function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-background-'));
  dirs.push(dir);
  const file = path.join(dir, 'ws.sqlite');
  const s = openServices({ workspacePath: file, hostKind: 'cli' });
  const db = s.workspace.db;
  db.prepare("INSERT INTO admin_units VALUES ('NSO_2025','PROVINCE','01','Thành phố Hà Nội','thanh pho ha noi','thanh_pho_tw',NULL,NULL)").run();
  db.prepare("INSERT INTO office (id, scheme, level, code, updated_at) VALUES (1, 'NSO_2025', 'PROVINCE', '01', '2025-01-01T00:00:00Z')").run();
  const insert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
  db.transaction(() => {
    for (let i = 0; i < 5_000; i += 1) insert.run(`k${String(i).padStart(5, '0')}`, 'x'.repeat(200));
  })();
  s.close();
  return file;
}

/** Overwrites the b-tree header of a leaf page in the middle of the settings table (a copy's page, as a failing disk would). */
function damageMiddlePage(file: string): void {
  const probe = new Database(file, { readonly: true });
  const pages = probe.prepare("SELECT pageno FROM dbstat WHERE name = 'settings' AND pagetype = 'leaf' ORDER BY pageno").pluck().all() as number[];
  const pageSize = Number(probe.pragma('page_size', { simple: true }));
  probe.close();
  const fd = fs.openSync(file, 'r+');
  fs.writeSync(fd, Buffer.alloc(16, 0xee), 0, 16, ((pages[Math.floor(pages.length / 2)] ?? 1) - 1) * pageSize);
  fs.closeSync(fd);
}

const options = { language: () => 'en' as const, onInternalError: () => undefined };

it('the app opens a file with a damaged page at once; the background check then says so through app.info and takes no copy of it', async () => {
  const file = workspace();
  const damaged = path.join(path.dirname(file), 'damaged.sqlite');
  fs.copyFileSync(file, damaged);
  damageMiddlePage(damaged);
  const s = openServices({ workspacePath: damaged, hostKind: 'browser', isCreateAllowed: false });
  try {
    // The first screen does not wait for the whole-file check.
    expect(s.notices).toEqual([]);
    await s.background;
    expect(s.notices.map((n) => n.code)).toEqual(['WORKSPACE_CHECK_FAILED']);
    const info = await dispatch(s.handlers, 'app.info', {}, options);
    expect(info.ok && (info.data as { notices: unknown }).notices).toEqual([{ code: 'WORKSPACE_CHECK_FAILED', message: expect.stringContaining('thấy có trang bị hỏng') as string }]);
    expect(fs.existsSync(`${damaged}.backups`)).toBe(false);
  } finally {
    s.close();
  }
});

it('a sound file gets no notice and its day copy, written in the background and checked whole', async () => {
  const file = workspace();
  const s = openServices({ workspacePath: file, hostKind: 'browser', isCreateAllowed: false });
  try {
    await s.background;
    expect(s.notices).toEqual([]);
    const copies = fs.readdirSync(`${file}.backups`);
    expect(copies).toEqual([expect.stringMatching(/\.open\.bak$/u) as string]);
    const copy = new Database(path.join(`${file}.backups`, copies[0] ?? ''), { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) FROM settings').pluck().get()).toBeGreaterThanOrEqual(5_000);
    copy.close();
  } finally {
    s.close();
  }
});
