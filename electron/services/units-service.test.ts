import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n/messages';
import { openServices, type Services } from './index';
import { importUnitList, listChildUnits } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const open: Services[] = [];

function workspace(): Services {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-units-'));
  const services = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  open.push(services);
  return services;
}
afterEach(() => {
  for (const s of open.splice(0)) {
    s.close();
    fs.rmSync(path.dirname(s.workspace.path), { recursive: true, force: true });
  }
});

function importFile(s: Services, name: string) {
  return importUnitList(s.workspace, fs.readFileSync(path.join(DATA, name)), name);
}

function importError(s: Services, bytes: string, name: string): AppError {
  try {
    importUnitList(s.workspace, Buffer.from(bytes, 'utf8'), name);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('importing the real unit lists', () => {
  it('reads the statistics office Excel list (pre-reform) and changes nothing the second time', () => {
    const s = workspace();
    const first = importFile(s, 'dvhc-2025-03-01.xlsx');
    // The one-row-per-commune layout cannot hold the 5 island districts that have no communes.
    expect(first).toMatchObject({ scheme: 'GSO_2004', format: 'xlsx', provinces: 63, districts: 691, communes: 10047, added: 10801 });
    expect(importFile(s, 'dvhc-2025-03-01.xlsx')).toMatchObject({ added: 0, changed: 0, unchanged: 10801 });
  });

  it('reads the nested JSON of the same list, with all 696 districts, agreeing with the Excel list', () => {
    const s = workspace();
    expect(importFile(s, 'dvhcvn-2025-03-01.json')).toMatchObject({ scheme: 'GSO_2004', format: 'json', provinces: 63, districts: 696, communes: 10047, added: 10806 });
    expect(importFile(s, 'dvhc-2025-03-01.xlsx')).toMatchObject({ districts: 696, added: 0, changed: 0, unchanged: 10801 });
    expect(importFile(s, 'dvhcvn-2025-03-01.json')).toMatchObject({ added: 0, changed: 0 });
  });

  it('reads the post-reform CSV as a province → commune list', () => {
    const s = workspace();
    expect(importFile(s, 'dvhc-2025-07-01.csv')).toMatchObject({ scheme: 'NSO_2025', format: 'csv', provinces: 34, districts: 0, communes: 3321, added: 3355 });
    const hanoi = listChildUnits(s.workspace, 'NSO_2025', 'PROVINCE', '01');
    expect(hanoi.length).toBeGreaterThan(100);
    expect(hanoi.every((u) => u.level === 'COMMUNE')).toBe(true);
    expect(importFile(s, 'dvhc-2025-07-01.csv')).toMatchObject({ added: 0, changed: 0, unchanged: 3355 });
  });

  it('counts a renamed unit as changed', () => {
    const s = workspace();
    const csv = fs.readFileSync(path.join(DATA, 'dvhc-2025-07-01.csv'), 'utf8');
    importUnitList(s.workspace, Buffer.from(csv), 'a.csv');
    const renamed = csv.replace('Phường Hoàn Kiếm', 'Phường Hoàn Kiếm Mới');
    expect(importUnitList(s.workspace, Buffer.from(renamed), 'b.csv')).toMatchObject({ added: 0, changed: 1 });
  });
});

describe('refusing malformed lists without storing anything', () => {
  it('names the bad row and leaves the workspace as it was', () => {
    const s = workspace();
    importFile(s, 'dvhc-2025-07-01.csv');
    const before = s.workspace.db.prepare('SELECT count(*) FROM admin_units').pluck().get();
    const imports = s.workspace.db.prepare('SELECT count(*) FROM unit_list_imports').pluck().get();
    const bad = 'ma_tinh,ten_tinh,ma_xa,ten_xa,cap\n01,Thành phố Hà Nội,99991,Xã Mới,Xã\n01,Thành phố Hà Nội,9999X,Xã Lỗi,Xã\n';
    const error = importError(s, bad, 'bad.csv');
    expect(error.code).toBe('UNITS_ROW_BAD_CODE');
    expect(errorMessage(error.code, error.params, 'vi')).toMatch(/^Dòng 3: mã xã “9999X” không hợp lệ/u);
    expect(s.workspace.db.prepare('SELECT count(*) FROM admin_units').pluck().get()).toBe(before);
    expect(s.workspace.db.prepare('SELECT count(*) FROM unit_list_imports').pluck().get()).toBe(imports);
  });

  it('explains empty, unknown, broken JSON and non-UTF-8 files', () => {
    const s = workspace();
    expect(importError(s, '', 'empty.csv').code).toBe('UNITS_FILE_EMPTY');
    expect(importError(s, 'hello world', 'notes.txt').code).toBe('UNITS_FORMAT_UNKNOWN');
    expect(importError(s, '{"data": [', 'broken.json').code).toBe('UNITS_JSON_INVALID');
    expect(importError(s, 'a,b\n1,2\n', 'other.csv').code).toBe('UNITS_HEADER_NOT_FOUND');
    const latin = Buffer.from([0x6d, 0x61, 0x2c, 0xe0, 0x0a]);
    expect(() => importUnitList(s.workspace, latin, 'latin.csv')).toThrow(AppError);
    expect(s.workspace.db.prepare('SELECT count(*) FROM admin_units').pluck().get()).toBe(0);
  });
});
