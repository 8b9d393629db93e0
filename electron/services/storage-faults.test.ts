/**
 * Storage failures a user can meet, reproduced for real: a full disk (SQLite's
 * max_page_count for writes; a full tmpfs under the backup folder for the copy on open),
 * a file that cannot be written (chattr +i, which stops root too, unlike chmod), and a
 * lock held by another process (a second process in BEGIN IMMEDIATE).
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch';
import { openServices, type Services } from './index';

const DATA = path.resolve(import.meta.dirname, '../../../shared/data');
const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const undo of cleanups.splice(0).reverse()) undo();
});

function workspaceFile(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-faults-'));
  cleanups.push(() => fs.rmSync(dir, { recursive: true, force: true }));
  return path.join(dir, 'ws.sqlite');
}

function withOffice(file: string): void {
  const s = openServices({ workspacePath: file, hostKind: 'cli' });
  s.workspace.db.prepare("INSERT INTO admin_units VALUES ('NSO_2025','PROVINCE','01','Thành phố Hà Nội','thanh pho ha noi','thanh_pho_tw',NULL,NULL)").run();
  s.workspace.db.prepare("INSERT INTO office (id, scheme, level, code, updated_at) VALUES (1, 'NSO_2025', 'PROVINCE', '01', '2025-01-01T00:00:00Z')").run();
  s.close();
}

const call = (s: Services, method: string, input: unknown) => dispatch(s.handlers, method, input, { language: () => 'en', onInternalError: () => undefined });

it('a write that does not fit on the disk gets DISK_FULL (not INTERNAL) and stores nothing', async () => {
  const s = openServices({ workspacePath: workspaceFile(), hostKind: 'cli' });
  cleanups.push(() => s.close());
  const pages = Number(s.workspace.db.pragma('page_count', { simple: true }));
  s.workspace.db.pragma(`max_page_count = ${pages}`);
  const csv = fs.readFileSync(path.join(DATA, 'dvhc-2025-07-01.csv')).toString('base64');
  const result = await call(s, 'units.import', { fileName: 'dvhc.csv', contentBase64: csv });
  expect(result).toMatchObject({ ok: false, error: { code: 'DISK_FULL' } });
  expect(result.ok ? '' : result.error.message).toMatch(/disk is full/u);
  expect(s.workspace.db.prepare('SELECT count(*) FROM admin_units').pluck().get()).toBe(0);
});

function canChattr(): boolean {
  const probe = path.join(os.tmpdir(), `pcmt-chattr-${process.pid}`);
  fs.writeFileSync(probe, '');
  const ok = spawnSync('chattr', ['+i', probe]).status === 0;
  spawnSync('chattr', ['-i', probe]);
  fs.rmSync(probe, { force: true });
  return ok;
}

it.skipIf(!canChattr())('a file that cannot be written opens read-only with a notice, and a write gets WORKSPACE_READ_ONLY', async () => {
  const file = workspaceFile();
  withOffice(file);
  expect(spawnSync('chattr', ['+i', file]).status).toBe(0);
  cleanups.push(() => spawnSync('chattr', ['-i', file]));
  const s = openServices({ workspacePath: file, hostKind: 'browser' });
  cleanups.push(() => s.close());
  expect(s.notices.map((n) => n.code)).toContain('WORKSPACE_OPENED_READ_ONLY');
  const info = await call(s, 'app.info', {});
  expect(info).toMatchObject({ ok: true, data: { notices: [{ code: 'WORKSPACE_OPENED_READ_ONLY' }] } });
  expect(await call(s, 'office.get', {})).toMatchObject({ ok: true, data: { code: '01' } });
  expect(await call(s, 'settings.setUserName', { userName: 'Lan' })).toMatchObject({ ok: false, error: { code: 'WORKSPACE_READ_ONLY' } });
});

const HOLDER = `
const Database = require(${JSON.stringify(path.resolve(import.meta.dirname, '../../node_modules/better-sqlite3'))});
const db = new Database(process.argv[1]);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO settings (key, value) VALUES ('holder', 'x')").run();
process.stdout.write('locked\\n');
setTimeout(() => process.exit(0), 20000);
`;

it('a lock held by another process is answered within a second with WORKSPACE_BUSY', async () => {
  const file = workspaceFile();
  const s = openServices({ workspacePath: file, hostKind: 'cli' });
  cleanups.push(() => s.close());
  const holder = spawn(process.execPath, ['-e', HOLDER, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  cleanups.push(() => holder.kill('SIGKILL'));
  await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
  const started = performance.now();
  const result = await call(s, 'settings.setUserName', { userName: 'Lan' });
  const elapsed = performance.now() - started;
  expect(result).toMatchObject({ ok: false, error: { code: 'WORKSPACE_BUSY' } });
  expect(elapsed).toBeLessThan(1000);
});

function tinyFullDisk(): string | null {
  const mount = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-tmpfs-'));
  if (spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', mount]).status !== 0) {
    fs.rmSync(mount, { recursive: true, force: true });
    return null;
  }
  cleanups.push(() => {
    spawnSync('umount', [mount]);
    fs.rmSync(mount, { recursive: true, force: true });
  });
  try {
    fs.writeFileSync(path.join(mount, 'filler'), Buffer.alloc(60 * 1024));
  } catch {
    // Filled up to the last block: exactly what is wanted.
  }
  return mount;
}

it('when the backup on open does not fit on the disk, the app opens anyway and says the disk is full', async (ctx) => {
  const file = workspaceFile();
  withOffice(file);
  const full = tinyFullDisk();
  if (full === null) return ctx.skip();
  fs.symlinkSync(full, `${file}.backups`);
  const s = openServices({ workspacePath: file, hostKind: 'browser' });
  cleanups.push(() => s.close());
  await s.background;
  expect(s.notices.map((n) => n.code)).toEqual(['BACKUP_ON_OPEN_DISK_FULL']);
  expect(fs.readdirSync(full)).toEqual(['filler']);
  expect(await call(s, 'settings.setUserName', { userName: 'Lan' })).toMatchObject({ ok: true });
});
