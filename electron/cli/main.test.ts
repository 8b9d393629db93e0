import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { updateCommuneStatuses } from '../services/commune-status-service';
import { openServices } from '../services/index';
import { setOffice } from '../services/office-service';
import { main } from './main';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
let dir = '';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-cli-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pcmt units import', () => {
  it('prints the JSON summary, then reports that a repeat changes nothing', async () => {
    const ws = path.join(dir, 'units.sqlite');
    const first = await run('units', 'import', path.join(DATA, 'dvhc-2025-07-01.csv'), '--workspace', ws, '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out)).toEqual({ scheme: 'NSO_2025', provinces: 34, districts: 0, communes: 3321, added: 3355, changed: 0, unchanged: 0, isApplied: true, moves: [] });
    const again = await run('units', 'import', path.join(DATA, 'dvhc-2025-07-01.csv'), '--workspace', ws);
    expect(again.out).toContain('không có gì thay đổi');
    const english = await run('units', 'import', path.join(DATA, 'dvhc-2025-07-01.csv'), '--workspace', ws, '--lang', 'en');
    expect(english.out).toContain('nothing changed (0 added, 0 changed)');
  });

  it('gives one sentence and a non-zero exit code on bad input', async () => {
    const ws = path.join(dir, 'bad.sqlite');
    const missing = await run('units', 'import', path.join(dir, 'nope.xlsx'), '--workspace', ws);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^Không đọc được tệp .*ENOENT/u);
    const badList = path.join(dir, 'bad.csv');
    fs.writeFileSync(badList, 'ma_tinh,ten_tinh,ma_xa,ten_xa,cap\n01,Hà Nội,12a,Xã A,Xã\n');
    const bad = await run('units', 'import', badList, '--workspace', ws);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain('Dòng 2');
    expect((await run('units', 'import', '--workspace', ws)).code).toBe(2);
    expect((await run('units', 'import', badList, '--bogus')).code).toBe(2);
    expect((await run('frobnicate')).err).toContain('không tồn tại');
  });
});

describe('pcmt units import --confirm-moves', () => {
  it('refuses, with exit 1 and nothing changed, a list renaming a commune that holds data, until confirmed', async () => {
    const ws = path.join(dir, 'moves.sqlite');
    const list = fs.readFileSync(path.join(DATA, 'dvhc-2025-07-01.csv'), 'utf8');
    expect((await run('units', 'import', path.join(DATA, 'dvhc-2025-07-01.csv'), '--workspace', ws)).code).toBe(0);
    const services = openServices({ workspacePath: ws, hostKind: 'cli' });
    setOffice(services.workspace, 'NSO_2025', 'PROVINCE', '01');
    updateCommuneStatuses(services.workspace, '2025-Q3', [{ communeCode: '00070', field: 'addicts_with_records', value: 3 }]);
    services.close();
    const renamed = path.join(dir, 'renamed.csv');
    fs.writeFileSync(renamed, list.replace('00070,Phường Hoàn Kiếm', '00070,Phường Gươm'));
    const stored = (): unknown[] => {
      const s = openServices({ workspacePath: ws, hostKind: 'cli' });
      try {
        const name = s.workspace.db.prepare("SELECT name FROM admin_units WHERE level = 'COMMUNE' AND code = '00070'").pluck().get();
        return [name, s.workspace.db.prepare('SELECT count(*) FROM unit_list_imports').pluck().get()];
      } finally {
        s.close();
      }
    };
    const before = stored();
    const held = await run('units', 'import', renamed, '--workspace', ws);
    expect(held.code).toBe(1);
    expect(held.err).toContain('00070 Phường Hoàn Kiếm → Phường Gươm');
    expect(held.err).toContain('--confirm-moves');
    expect(stored()).toEqual(before);
    expect(before[0]).toBe('Phường Hoàn Kiếm');
    const confirmed = await run('units', 'import', renamed, '--workspace', ws, '--confirm-moves', '--json');
    expect(confirmed.code).toBe(0);
    expect(JSON.parse(confirmed.out)).toMatchObject({ isApplied: true, changed: 1, moves: [{ code: '00070', isRenamed: true }] });
  });
});

describe('a truncated workspace', () => {
  it('is told it is damaged, in one sentence of the user language, with no SQLite English', async () => {
    const intact = path.join(dir, 'intact.sqlite');
    expect((await run('init', '--workspace', intact, '--units', path.join(DATA, 'dvhc-2025-07-01.csv'))).code).toBe(0);
    const size = fs.statSync(intact).size;
    // Half the file, and one page short (then quick_check's multi-line English report was quoted).
    for (const [index, length] of [Math.floor(size / 2), size - 4096].entries()) {
      const ws = path.join(dir, `truncated-${index}.sqlite`);
      fs.copyFileSync(intact, ws);
      fs.truncateSync(ws, length);
      const opened = await run('dump', '--workspace', ws);
      expect(opened.code).toBe(1);
      expect(opened.err).toMatch(/^Tệp dữ liệu .* bị hỏng/u);
      expect(opened.err).not.toMatch(/malformed|database|\*\*\*|quyền ghi/u);
    }
  });
});

describe('pcmt init and dump', () => {
  it('sets up an office from a unit code and dumps its communes', async () => {
    const ws = path.join(dir, 'office.sqlite');
    const init = await run('init', '--workspace', ws, '--units', path.join(DATA, 'dvhcvn-2025-03-01.json'), '--office', '017');
    expect(init.code).toBe(0);
    expect(init.out).toContain('Huyện Đông Anh (Thành phố Hà Nội), 24 xã');
    const dump = await run('dump', '--workspace', ws, '--period', '2025-Q3', '--json');
    const parsed = JSON.parse(dump.out) as { office: { name: string }; period: string; units: unknown[]; statuses: unknown[] };
    expect(parsed.office.name).toBe('Huyện Đông Anh');
    expect(parsed.units).toHaveLength(24);
    expect(parsed.statuses).toEqual([]);
    expect((await run('dump', '--workspace', ws, '--period', '2025-Q7')).code).toBe(1);
    expect((await run('dump', '--workspace', path.join(dir, 'none.sqlite'))).err).toContain('Không tìm thấy tệp dữ liệu');
  });
});
