import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n/messages';
import { openServices, type Services } from './index';
import { updateCommuneStatuses } from './commune-status-service';
import { setOffice } from './office-service';
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

async function importFile(s: Services, name: string) {
  return importUnitList(s.workspace, fs.readFileSync(path.join(DATA, name)), name);
}

async function importError(s: Services, bytes: string | Buffer, name: string): Promise<AppError> {
  try {
    await importUnitList(s.workspace, typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes, name);
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the import to fail');
}

describe('importing the real unit lists', () => {
  it('reads the statistics office Excel list (pre-reform) and changes nothing the second time', async () => {
    const s = workspace();
    const first = await importFile(s, 'dvhc-2025-03-01.xlsx');
    // The one-row-per-commune layout cannot hold the 5 island districts that have no communes.
    expect(first).toMatchObject({ scheme: 'GSO_2004', format: 'xlsx', provinces: 63, districts: 691, communes: 10047, added: 10801 });
    expect(await importFile(s, 'dvhc-2025-03-01.xlsx')).toMatchObject({ added: 0, changed: 0, unchanged: 10801 });
  });

  it('reads the nested JSON of the same list, with all 696 districts, agreeing with the Excel list', async () => {
    const s = workspace();
    expect(await importFile(s, 'dvhcvn-2025-03-01.json')).toMatchObject({ scheme: 'GSO_2004', format: 'json', provinces: 63, districts: 696, communes: 10047, added: 10806 });
    expect(await importFile(s, 'dvhc-2025-03-01.xlsx')).toMatchObject({ districts: 696, added: 0, changed: 0, unchanged: 10801 });
    expect(await importFile(s, 'dvhcvn-2025-03-01.json')).toMatchObject({ added: 0, changed: 0 });
  });

  it('reads the post-reform CSV as a province → commune list', async () => {
    const s = workspace();
    expect(await importFile(s, 'dvhc-2025-07-01.csv')).toMatchObject({ scheme: 'NSO_2025', format: 'csv', provinces: 34, districts: 0, communes: 3321, added: 3355 });
    const hanoi = listChildUnits(s.workspace, 'NSO_2025', 'PROVINCE', '01');
    expect(hanoi.length).toBeGreaterThan(100);
    expect(hanoi.every((u) => u.level === 'COMMUNE')).toBe(true);
    expect(await importFile(s, 'dvhc-2025-07-01.csv')).toMatchObject({ added: 0, changed: 0, unchanged: 3355 });
  });

  it('counts a renamed unit as changed', async () => {
    const s = workspace();
    const csv = fs.readFileSync(path.join(DATA, 'dvhc-2025-07-01.csv'), 'utf8');
    await importUnitList(s.workspace, Buffer.from(csv), 'a.csv');
    const renamed = csv.replace('Phường Hoàn Kiếm', 'Phường Hoàn Kiếm Mới');
    expect(await importUnitList(s.workspace, Buffer.from(renamed), 'b.csv')).toMatchObject({ added: 0, changed: 1 });
  });
});

describe('refusing malformed lists without storing anything', () => {
  it('names the bad row and leaves the workspace as it was', async () => {
    const s = workspace();
    await importFile(s, 'dvhc-2025-07-01.csv');
    const before = s.workspace.db.prepare('SELECT count(*) FROM admin_units').pluck().get();
    const imports = s.workspace.db.prepare('SELECT count(*) FROM unit_list_imports').pluck().get();
    const bad = 'ma_tinh,ten_tinh,ma_xa,ten_xa,cap\n01,Thành phố Hà Nội,99991,Xã Mới,Xã\n01,Thành phố Hà Nội,9999X,Xã Lỗi,Xã\n';
    const error = await importError(s, bad, 'bad.csv');
    expect(error.code).toBe('UNITS_ROW_BAD_CODE');
    expect(errorMessage(error.code, error.params, 'vi')).toMatch(/^Dòng 3: mã xã “9999X” không hợp lệ/u);
    expect(s.workspace.db.prepare('SELECT count(*) FROM admin_units').pluck().get()).toBe(before);
    expect(s.workspace.db.prepare('SELECT count(*) FROM unit_list_imports').pluck().get()).toBe(imports);
  });

  it('explains empty, unknown, broken JSON and non-UTF-8 files', async () => {
    const s = workspace();
    expect((await importError(s, '', 'empty.csv')).code).toBe('UNITS_FILE_EMPTY');
    expect((await importError(s, 'hello world', 'notes.txt')).code).toBe('UNITS_FORMAT_UNKNOWN');
    expect((await importError(s, '{"data": [', 'broken.json')).code).toBe('UNITS_JSON_INVALID');
    expect((await importError(s, 'a,b\n1,2\n', 'other.csv')).code).toBe('UNITS_HEADER_NOT_FOUND');
    const latin = Buffer.from([0x6d, 0x61, 0x2c, 0xe0, 0x0a]);
    expect((await importError(s, latin, 'latin.csv')).code).toBe('SPREADSHEET_NOT_UTF8');
    // Random bytes are not "a CSV to save as UTF-8" (the old sentence), whatever their name.
    const random = Buffer.from(Array.from({ length: 2048 }, (_, i) => (i * 7919 + 13) % 251));
    expect((await importError(s, random, 'ds.xlsx')).code).toBe('SPREADSHEET_NOT_A_SPREADSHEET');
    expect(s.workspace.db.prepare('SELECT count(*) FROM admin_units').pluck().get()).toBe(0);
  });
});

describe('renames and moves of communes that hold the office’s data wait for confirmation', () => {
  const csv = fs.readFileSync(path.join(DATA, 'dvhc-2025-07-01.csv'), 'utf8');
  const nameOf = (s: Services, code: string): unknown => s.workspace.db.prepare("SELECT name || '/' || parent_code FROM admin_units WHERE level = 'COMMUNE' AND code = ?").pluck().get(code);
  const importCount = (s: Services): unknown => s.workspace.db.prepare('SELECT count(*) FROM unit_list_imports').pluck().get();

  async function officeWithData(): Promise<Services> {
    const s = workspace();
    await importUnitList(s.workspace, Buffer.from(csv), 'dvhc.csv');
    setOffice(s.workspace, 'NSO_2025', 'PROVINCE', '01');
    updateCommuneStatuses(s.workspace, '2025-Q3', [{ communeCode: '00070', field: 'addicts_with_records', value: 3 }]);
    return s;
  }

  it('lists a renamed commune with data, stores nothing until confirmed, then applies', async () => {
    const s = await officeWithData();
    // 00082 has no data: its rename alone would need no confirmation.
    const renamed = csv.replace('00070,Phường Hoàn Kiếm', '00070,Phường Hoàn Kiếm Mới').replace('00082,Phường Cửa Nam', '00082,Phường Cửa Nam Mới');
    const imports = importCount(s);
    const held = await importUnitList(s.workspace, Buffer.from(renamed), 'moi.csv');
    expect(held).toMatchObject({ isApplied: false, changed: 2 });
    expect(held.moves).toEqual([{ level: 'COMMUNE', code: '00070', name: 'Phường Hoàn Kiếm', newName: 'Phường Hoàn Kiếm Mới', isRenamed: true, isMovedOut: false, records: 1 }]);
    expect([nameOf(s, '00070'), nameOf(s, '00082'), importCount(s)]).toEqual(['Phường Hoàn Kiếm/01', 'Phường Cửa Nam/01', imports]);
    const applied = await importUnitList(s.workspace, Buffer.from(renamed), 'moi.csv', { isMoveConfirmed: true });
    expect(applied).toMatchObject({ isApplied: true, changed: 2 });
    expect(nameOf(s, '00070')).toBe('Phường Hoàn Kiếm Mới/01');
  });

  it('lists a commune with data moved out of the office; a commune without data moves freely', async () => {
    const s = await officeWithData();
    const moved = csv.replace('01,Thành phố Hà Nội,00070,', '79,Thành phố Hồ Chí Minh,00070,');
    const held = await importUnitList(s.workspace, Buffer.from(moved), 'moi.csv');
    expect(held.isApplied).toBe(false);
    expect(held.moves).toMatchObject([{ code: '00070', isRenamed: false, isMovedOut: true }]);
    expect(nameOf(s, '00070')).toBe('Phường Hoàn Kiếm/01');
    const free = await importUnitList(s.workspace, Buffer.from(csv.replace('01,Thành phố Hà Nội,00082,', '79,Thành phố Hồ Chí Minh,00082,')), 'b.csv');
    expect(free).toMatchObject({ isApplied: true, moves: [], changed: 1 });
    expect(nameOf(s, '00082')).toBe('Phường Cửa Nam/79');
  });
});

