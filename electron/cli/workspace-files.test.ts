import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from '../../db/connection';
import { main } from './main';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
let dir = '';

type Run = { code: number; out: string; err: string };

async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main([...argv, '--lang', 'en'], { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** Runs `pcmt serve` in-process until it prints its URL, then stops it as Ctrl+C would. */
async function serveOnce(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const done = main(['serve', ...argv, '--port', '0', '--lang', 'en'], { out: (t) => out.push(t), err: (t) => err.push(t) });
  for (let i = 0; i < 200 && out.length === 0; i += 1) {
    const finished = await Promise.race([done.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 25))]);
    if (finished) break;
  }
  if (out.length > 0) process.emit('SIGTERM');
  const code = await done;
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-files-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pcmt serve creates a workspace only on an explicit --new', () => {
  it('a path that does not exist gets a sentence and no new file', async () => {
    const ws = path.join(dir, 'typo.sqlite');
    const result = await serveOnce('--workspace', ws);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/was not found/u);
    expect(fs.existsSync(ws)).toBe(false);
  });

  it('a zero-byte file is refused even with --new, and stays zero bytes', async () => {
    const ws = path.join(dir, 'zero.sqlite');
    fs.writeFileSync(ws, '');
    const result = await serveOnce('--workspace', ws, '--new');
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/is empty \(0 bytes\)/u);
    expect(fs.statSync(ws).size).toBe(0);
  });

  it('--new creates it; a -wal of another file beside it is moved aside with a line on stderr', async () => {
    const ws = path.join(dir, 'new.sqlite');
    const created = await serveOnce('--workspace', ws, '--new');
    expect(created).toMatchObject({ code: 0 });
    expect(created.out).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=/u);
    const other = path.join(dir, 'other.sqlite');
    const db = openDatabase(other, { isCreateAllowed: true });
    db.prepare("INSERT INTO settings (key, value) VALUES ('x', 'y')").run();
    fs.copyFileSync(`${other}-wal`, `${ws}-wal`);
    closeDatabase(db);
    const reopened = await serveOnce('--workspace', ws);
    expect(reopened.code).toBe(0);
    expect(reopened.err).toMatch(/does not belong to the workspace .* it was moved to .*\.orphan/u);
  });
});

describe('pcmt backup and restore', () => {
  it('restores a checked backup, and refuses a 0-byte one with a sentence, the workspace unchanged', async () => {
    const ws = path.join(dir, 'office.sqlite');
    expect((await run('init', '--workspace', ws, '--units', path.join(DATA, 'dvhc-2025-07-01.csv'), '--office', '01')).code).toBe(0);
    const bak = path.join(dir, 'copy.bak');
    expect((await run('backup', '--workspace', ws, '--out', bak)).code).toBe(0);
    const empty = path.join(dir, 'empty.bak');
    fs.writeFileSync(empty, '');
    const before = fs.readFileSync(ws);
    const refused = await run('restore', empty, '--workspace', ws);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/is empty \(0 bytes\), not a usable backup; the workspace was not changed/u);
    expect(fs.readFileSync(ws).equals(before)).toBe(true);
    expect((await run('restore', bak, '--workspace', ws)).code).toBe(0);
  });
});

it('pcmt load and a unit-list import take a backup first (one per ten minutes), as receiving does', async () => {
  const ws = path.join(dir, 'load.sqlite');
  const units = path.join(DATA, 'dvhc-2025-07-01.csv');
  expect((await run('init', '--workspace', ws, '--units', units, '--office', '01')).code).toBe(0);
  const folder = `${ws}.backups`;
  // Before the office was chosen there was nothing worth a copy.
  expect(fs.existsSync(folder)).toBe(false);
  const dumped = await run('dump', '--workspace', ws, '--period', '2025-Q3', '--json');
  const dumpFile = path.join(dir, 'dump.json');
  fs.writeFileSync(dumpFile, dumped.out);
  const loaded = await run('load', dumpFile, '--workspace', ws, '--period', '2025-Q3');
  expect(loaded.code).toBe(0);
  expect(fs.readdirSync(folder).filter((f) => f.endsWith('.import.bak'))).toHaveLength(1);
  const renamed = path.join(dir, 'renamed.csv');
  fs.writeFileSync(renamed, fs.readFileSync(units, 'utf8').replace('Phường Hoàn Kiếm', 'Phường Hoàn Kiếm Mới'));
  expect((await run('units', 'import', renamed, '--workspace', ws)).code).toBe(0);
  expect(fs.readdirSync(folder).filter((f) => f.endsWith('.import.bak'))).toHaveLength(1);
  // Ten minutes later (the coalescing mark moved back), a unit-list import takes its own copy.
  const db = openDatabase(ws, { isCreateAllowed: false });
  db.prepare("UPDATE settings SET value = '2000-01-01T00:00:00.000Z' WHERE key = 'last_import_backup'").run();
  closeDatabase(db);
  expect((await run('units', 'import', units, '--workspace', ws)).code).toBe(0);
  expect(fs.readdirSync(folder).filter((f) => f.endsWith('.import.bak'))).toHaveLength(2);
});

