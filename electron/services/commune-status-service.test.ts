import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch';
import type { CommuneRow } from '../../shared/api/contract';
import { AppError } from '../../shared/errors';
import { openServices, type Services } from './index';
import { listCommuneRows, updateCommuneStatuses } from './commune-status-service';
import { getOffice, setOffice } from './office-service';
import { importUnitList, listChildUnits } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
let dir = '';
let s: Services;
let dongAnh: CommuneRow[] = [];

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-status-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  const hanoi = listChildUnits(s.workspace, 'GSO_2004', null, null).find((u) => u.name === 'Thành phố Hà Nội');
  const district = listChildUnits(s.workspace, 'GSO_2004', 'PROVINCE', hanoi?.code ?? '').find((u) => u.name === 'Huyện Đông Anh');
  if (!district) throw new Error('Huyện Đông Anh not found');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', district.code);
  dongAnh = listCommuneRows(s.workspace, '2025-Q3');
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the office and its communes', () => {
  it('lists the 24 communes of Huyện Đông Anh, parent names and an empty status', () => {
    expect(getOffice(s.workspace)).toMatchObject({ name: 'Huyện Đông Anh', parents: ['Thành phố Hà Nội'], communeCount: 24 });
    expect(dongAnh).toHaveLength(24);
    expect(dongAnh.every((r) => r.parentName === 'Huyện Đông Anh' && r.rowVersion === 0)).toBe(true);
    expect(dongAnh.some((r) => r.name === 'Thị trấn Đông Anh' && r.unitType === 'thi_tran')).toBe(true);
  });

  it('refuses an office unit without communes', () => {
    const islands = listChildUnits(s.workspace, 'GSO_2004', 'PROVINCE', '31').find((u) => u.childCount === 0);
    expect(islands).toBeDefined();
    expect(code(() => setOffice(s.workspace, 'GSO_2004', 'DISTRICT', islands?.code ?? ''))).toBe('OFFICE_LEVEL_NOT_ALLOWED');
    expect(code(() => setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '999'))).toBe('UNIT_NOT_FOUND');
    expect(getOffice(s.workspace)?.name).toBe('Huyện Đông Anh');
  });
});

describe('saving statuses', () => {
  it('stores a status and counts per period and bumps the row version', () => {
    const commune = dongAnh[0]?.code ?? '';
    const saved = updateCommuneStatuses(s.workspace, '2025-Q3', [
      { communeCode: commune, field: 'declared_class', value: 'KHONG_MA_TUY' },
      { communeCode: commune, field: 'resident_population', value: 12345 },
      { communeCode: commune, field: 'commitment_signed', value: true },
    ]);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.status).toMatchObject({ declared_class: 'KHONG_MA_TUY', resident_population: 12345, commitment_signed: true });
    // One save is one change of the row, however many cells it holds.
    const again = updateCommuneStatuses(s.workspace, '2025-Q3', [{ communeCode: commune, field: 'addicts_with_records', value: 3 }]);
    expect(again[0]?.rowVersion).toBe(2);
    const otherPeriod = listCommuneRows(s.workspace, '2025-Q4').find((r) => r.code === commune);
    expect(otherPeriod?.status.declared_class).toBeNull();
  });

  it('checks every change before writing: one bad value stores nothing', () => {
    const [a, b] = [dongAnh[1]?.code ?? '', dongAnh[2]?.code ?? ''];
    expect(
      code(() =>
        updateCommuneStatuses(s.workspace, '2025-Q3', [
          { communeCode: a, field: 'resident_population', value: 500 },
          { communeCode: b, field: 'addicts_with_records', value: -2 },
        ]),
      ),
    ).toBe('FIELD_VALUE_INVALID');
    const rows = listCommuneRows(s.workspace, '2025-Q3');
    expect(rows.find((r) => r.code === a)?.status.resident_population).toBeNull();
    expect(rows.find((r) => r.code === b)?.rowVersion).toBe(0);
  });

  it('refuses communes outside the office and malformed periods', () => {
    expect(code(() => updateCommuneStatuses(s.workspace, '2025-Q3', [{ communeCode: '00001', field: 'note', value: 'x' }]))).toBe(
      'COMMUNE_NOT_IN_OFFICE',
    );
    expect(code(() => listCommuneRows(s.workspace, '2025-Q9'))).toBe('PERIOD_INVALID');
  });
});

describe('the API boundary', () => {
  const options = { language: () => s.language(), onInternalError: () => undefined };

  it('answers communes.list and communeStatus.update in envelopes', async () => {
    const list = await dispatch(s.handlers, 'communes.list', { periodId: '2025-Q3' }, options);
    expect(list.ok && Array.isArray(list.data) && list.data.length).toBe(24);
    const saved = await dispatch(
      s.handlers,
      'communeStatus.update',
      { periodId: '2025-Q3', changes: [{ communeCode: dongAnh[3]?.code, field: 'note', value: 'Đã rà soát' }] },
      options,
    );
    expect(saved.ok).toBe(true);
  });

  it('refuses malformed input before any service runs, with a translated message', async () => {
    const bad = await dispatch(s.handlers, 'communeStatus.update', { periodId: '2025-Q3', changes: [{ communeCode: '1', field: 'id', value: 1 }] }, options);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const unknown = await dispatch(s.handlers, 'system.exec', {}, options);
    expect(unknown).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    await dispatch(s.handlers, 'settings.setLanguage', { language: 'en' }, options);
    const refused = await dispatch(s.handlers, 'office.set', { scheme: 'GSO_2004', level: 'DISTRICT', code: '999' }, options);
    expect(refused.ok ? '' : refused.error.message).toMatch(/^No unit with code 999/u);
    await dispatch(s.handlers, 'settings.setLanguage', { language: 'vi' }, options);
    const info = await dispatch(s.handlers, 'app.info', {}, options);
    expect(info).toMatchObject({ ok: true, data: { language: 'vi' } });
  });

  it('hides unexpected failures behind INTERNAL', async () => {
    const failing = { ...s.handlers, 'office.get': () => { throw new Error('disk on fire'); } };
    const seen: unknown[] = [];
    const result = await dispatch(failing, 'office.get', {}, { ...options, onInternalError: (_m, e) => seen.push(e) });
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(result.ok ? '' : result.error.message).not.toContain('disk on fire');
    expect(seen).toHaveLength(1);
  });
});

describe('units.schemes and units.children', () => {
  it('report levels and counts from data', async () => {
    const options = { language: () => s.language(), onInternalError: () => undefined };
    const schemes = await dispatch(s.handlers, 'units.schemes', {}, options);
    expect(schemes).toMatchObject({ ok: true });
    const gso = schemes.ok ? (schemes.data as { code: string; levels: string[]; communes: number }[]).find((x) => x.code === 'GSO_2004') : undefined;
    expect(gso).toMatchObject({ levels: ['PROVINCE', 'DISTRICT', 'COMMUNE'], communes: 10047 });
    const provinces = await dispatch(s.handlers, 'units.children', { scheme: 'GSO_2004', parentLevel: null, parentCode: null }, options);
    expect(provinces.ok && (provinces.data as unknown[]).length).toBe(63);
    const imported = await dispatch(s.handlers, 'units.import', { fileName: 'x.csv', contentBase64: Buffer.from('a,b').toString('base64') }, options);
    expect(imported).toMatchObject({ ok: false, error: { code: 'UNITS_HEADER_NOT_FOUND' } });
  });
});
