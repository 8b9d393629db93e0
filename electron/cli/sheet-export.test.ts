import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as XLSX from 'xlsx';
import { openTestWorkspace, PERIOD, type TestWorkspace } from '../services/sheet-export/test-workspace';
import { main } from './main';

let t: TestWorkspace;
let ws = '';
beforeAll(async () => {
  t = await openTestWorkspace();
  ws = t.services.workspace.path;
  // The CLI opens the workspace itself: one connection per file.
  t.services.close();
});
afterAll(() => fs.rmSync(t.dir, { recursive: true, force: true }));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (x) => out.push(x), err: (x) => err.push(x) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const rowsOf = (file: string) => {
  const book = XLSX.read(fs.readFileSync(file), { type: 'buffer' });
  return XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0] ?? ''] as XLSX.WorkSheet, { header: 1, defval: null, blankrows: true });
};

describe('pcmt export-sheet', () => {
  it('writes every row of the sheet for the period, with every column', async () => {
    const out = path.join(t.dir, 'hotspots.xlsx');
    const result = await run('export-sheet', '--sheet', 'hotspots', '--workspace', ws, '--period', PERIOD, '--out', out);
    expect(result).toMatchObject({ code: 0, out: `Đã xuất 3 dòng của bảng Điểm, tụ điểm (kỳ ${PERIOD}) ra tệp ${out}.` });
    const rows = rowsOf(out);
    expect(rows[5]?.slice(0, 3)).toEqual(['Mã điểm', 'Xã/phường', 'Thôn, tổ dân phố']);
    expect(rows).toHaveLength(9);
  });

  it('says which sheets exist, and refuses an output that is not .xlsx (exit 2)', async () => {
    const bad = await run('export-sheet', '--sheet', 'people', '--workspace', ws, '--out', path.join(t.dir, 'x.xlsx'));
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--sheet communes (xã/phường), hotspots (điểm, tụ điểm) hoặc model-sites (mô hình)');
    const csv = await run('export-sheet', '--sheet', 'communes', '--workspace', ws, '--out', path.join(t.dir, 'x.csv'), '--lang', 'en');
    expect(csv).toMatchObject({ code: 2, err: `The output file “${path.join(t.dir, 'x.csv')}” must end in .xlsx. Give a file name ending in .xlsx.` });
    const noOut = await run('export-sheet', '--sheet', 'communes', '--workspace', ws);
    expect(noOut.code).toBe(2);
    expect(noOut.err).toContain('--out TỆP.xlsx');
  });

  it('says so when the file cannot be written (exit 1)', async () => {
    const out = path.join(t.dir, 'no-such-folder', 'x.xlsx');
    const result = await run('export-sheet', '--sheet', 'model-sites', '--workspace', ws, '--period', PERIOD, '--out', out);
    expect(result.code).toBe(1);
    expect(result.err).toContain('(ENOENT)');
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('pcmt template', () => {
  it('writes a template without a workspace, and with one lists its communes', async () => {
    const bare = path.join(t.dir, 'mau.xlsx');
    expect(await run('template', '--sheet', 'hotspots', '--out', bare)).toMatchObject({ code: 0, out: `Đã ghi tệp mẫu nhập bảng Điểm, tụ điểm: ${bare}.` });
    const withWs = path.join(t.dir, 'mau-ws.xlsx');
    expect((await run('template', '--sheet', 'communes', '--workspace', ws, '--out', withWs)).code).toBe(0);
    const rows = rowsOf(withWs);
    expect(String(rows[1]?.[0])).toContain('Huyện Đông Anh');
    const header = rows.findIndex((r) => r[0] === 'Mã');
    expect(rows[header + 1]?.[0]).toMatch(/^0\d{4}$/u);
  });
});
