import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REGISTER_ROWS, registerWorkbook } from '../../tests/support/hotspot-register';
import { openServices } from '../services/index';
import { setOffice } from '../services/office-service';
import { importUnitList } from '../services/units-service';
import { main } from './main';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const UNITS = path.join(DATA, 'dvhcvn-2025-03-01.json');
let dir = '';
let ws = '';
let good = '';
let outside = '';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

function count(sql: string): number {
  const s = openServices({ workspacePath: ws, hostKind: 'cli', isCreateAllowed: false });
  try {
    return (s.workspace.db.prepare(sql).get() as { n: number }).n;
  } finally {
    s.close();
  }
}

type Report = { rows: number; added: number; changed: number; unchanged: number; refused: number; problems: { row: number | null; column: string; code: string; message: string }[] };

function lastJson(out: string): Report {
  return JSON.parse(out.trim().split('\n').at(-1) ?? '{}') as Report;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-import-cli-'));
  ws = path.join(dir, 'ws.sqlite');
  const s = openServices({ workspacePath: ws, hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(UNITS), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  s.close();
  good = path.join(dir, 'so-theo-doi.xlsx');
  fs.writeFileSync(good, registerWorkbook());
  outside = path.join(dir, 'ngoai-huyen.xlsx');
  fs.writeFileSync(outside, registerWorkbook('xlsx', { rows: REGISTER_ROWS.map((r, i) => (i === 3 ? { ...r, commune: 'Phúc Xá' } : r)) }));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pcmt import', () => {
  it('previews without --yes (stores nothing), imports with --yes, then says nothing changed', async () => {
    const dry = await run('import', good, '--sheet', 'hotspots', '--workspace', ws, '--json');
    expect(dry.code).toBe(0);
    const report = lastJson(dry.out);
    expect(report).toMatchObject({ rows: 5, added: 5, changed: 0, unchanged: 0, refused: 0 });
    // Warnings of the rules engine (no persons recorded for a hotspot) are listed and allowed.
    expect(report.problems.every((p) => p.code === 'H6' || p.code === 'H5' || p.code === 'H7')).toBe(true);
    expect(count('SELECT count(*) AS n FROM hotspots')).toBe(0);
    const applied = await run('import', good, '--sheet', 'hotspots', '--workspace', ws, '--yes');
    expect(applied.code).toBe(0);
    expect(applied.out).toContain('thêm 5');
    expect(count('SELECT count(*) AS n FROM hotspots')).toBe(5);
    const again = await run('import', good, '--sheet', 'hotspots', '--workspace', ws, '--yes', '--lang', 'en');
    expect(again.code).toBe(0);
    expect(again.out).toContain('Nothing changed');
    expect(count('SELECT count(DISTINCT batch_id) AS n FROM history')).toBe(1);
  });

  it('refuses a file with a commune outside the office (exit 1), naming the Excel row, storing nothing', async () => {
    const before = count('SELECT count(*) AS n FROM history');
    const result = await run('import', outside, '--sheet', 'hotspots', '--workspace', ws, '--yes', '--json');
    expect(result.code).toBe(1);
    const report = lastJson(result.out);
    expect(report.refused).toBe(1);
    expect(report.problems.filter((p) => p.code.startsWith('IMPORT_'))).toEqual([{ row: 13, column: 'Xã, thị trấn', code: 'IMPORT_UNIT_UNKNOWN', message: expect.stringContaining('Phúc Xá') }]);
    expect(count('SELECT count(*) AS n FROM history')).toBe(before);
  });

  it('takes MAP.json by header text', async () => {
    const map = path.join(dir, 'map.json');
    fs.writeFileSync(map, JSON.stringify({ 'Ghi chú': 'responsible_officer' }));
    const result = await run('import', good, '--sheet', 'hotspots', '--workspace', ws, '--mapping', map);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/Cột H “Ghi chú” → Cán bộ phụ trách/u);
    fs.writeFileSync(map, JSON.stringify({ 'Không có cột này': 'note' }));
    expect((await run('import', good, '--sheet', 'hotspots', '--workspace', ws, '--mapping', map)).code).toBe(2);
  });

  it('matches rows by the key given with --key, and says which key it used', async () => {
    // The register stored (a second import of it changes nothing), then a copy with the first row's address retyped.
    expect((await run('import', good, '--sheet', 'hotspots', '--workspace', ws, '--yes')).code).toBe(0);
    const moved = path.join(dir, 'dia-chi-moi.xlsx');
    fs.writeFileSync(moved, registerWorkbook('xlsx', { rows: REGISTER_ROWS.map((r, i) => (i === 0 ? { ...r, address: 'Ngõ 12 đường Bầu, số nhà 5' } : r)) }));
    const usual = await run('import', moved, '--sheet', 'hotspots', '--workspace', ws);
    expect(usual.code).toBe(0);
    expect(usual.out).toContain('Khóa so khớp với bản ghi đã có: Xã/phường (commune_code) + Địa chỉ, mô tả nơi (address) + Ngày phát hiện (discovered_date)');
    expect(lastJson((await run('import', moved, '--sheet', 'hotspots', '--workspace', ws, '--json')).out)).toMatchObject({ added: 1, changed: 0, unchanged: 4 });
    const byVillage = await run('import', moved, '--sheet', 'hotspots', '--workspace', ws, '--key', 'commune_code,village,discovered_date', '--yes', '--json');
    expect(byVillage.code).toBe(0);
    expect(lastJson(byVillage.out)).toMatchObject({ added: 0, changed: 1, unchanged: 4 });
    expect(count("SELECT count(*) AS n FROM hotspots WHERE address = 'Ngõ 12 đường Bầu, số nhà 5'")).toBe(1);
    expect(count('SELECT count(*) AS n FROM hotspots')).toBe(5);
    const wrong = await run('import', moved, '--sheet', 'hotspots', '--workspace', ws, '--key', 'commune_code,adress', '--lang', 'en');
    expect(wrong.code).toBe(2);
    expect(wrong.err).toContain('--key “commune_code,adress” is not valid');
    // Six runs of pcmt import: more than the default 5 s on a loaded machine.
  }, 60_000);

  it('gives a sentence for random bytes named .xlsx (exit 1) and stores nothing', async () => {
    const junk = path.join(dir, 'khong-phai-excel.xlsx');
    fs.writeFileSync(junk, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
    const before = count('SELECT count(*) AS n FROM history');
    const result = await run('import', junk, '--sheet', 'hotspots', '--workspace', ws, '--yes');
    expect(result.code).toBe(1);
    expect(result.err).toContain('khong-phai-excel.xlsx');
    expect(count('SELECT count(*) AS n FROM history')).toBe(before);
  });

  it('refuses a 200 MB CSV by its size, before reading it (exit 1, a sentence, memory bounded, nothing stored)', async () => {
    const huge = path.join(dir, 'so-theo-doi-200mb.csv');
    fs.writeFileSync(huge, 'Xã, thị trấn;Địa chỉ cụ thể;Ngày phát hiện\r\n');
    // Sparse: the test never holds or writes 200 MB.
    fs.truncateSync(huge, 200 * 1024 * 1024);
    const before = count('SELECT count(*) AS n FROM history');
    const rss = process.memoryUsage().rss;
    const result = await run('import', huge, '--sheet', 'hotspots', '--workspace', ws, '--yes');
    expect(process.memoryUsage().rss - rss).toBeLessThan(50 * 1024 * 1024);
    expect(result.code).toBe(1);
    expect(result.err).toContain('Tệp “so-theo-doi-200mb.csv” quá lớn (200 MB, tối đa 50 MB)');
    expect(count('SELECT count(*) AS n FROM history')).toBe(before);
  });

  it('exits 2 on wrong usage', async () => {
    expect((await run('import', good, '--workspace', ws)).code).toBe(2);
    expect((await run('import', good, '--sheet', 'people', '--workspace', ws)).code).toBe(2);
    expect((await run('import', good, '--sheet', 'communes', '--workspace', ws)).code).toBe(2);
    expect((await run('import', good, '--sheet', 'hotspots', '--header-row', 'x', '--workspace', ws)).code).toBe(2);
    expect((await run('import', '--sheet', 'hotspots', '--workspace', ws)).code).toBe(2);
  });
});
