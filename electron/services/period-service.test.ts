import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch';
import type { HistoryEntry, PeriodInfo } from '../../shared/api/register-types';
import { listCommuneRows, updateCommuneStatuses } from './commune-status-service';
import { openServices, type Services } from './index';
import { setOffice } from './office-service';
import { importUnitList } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
let dir = '';
let s: Services;
let communes: string[] = [];
const options = { language: () => s.language(), onInternalError: (_m: string, e: unknown) => console.error(e) };

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(s.handlers, method, input, options);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

async function failure(method: string, input: unknown): Promise<string> {
  const result = await dispatch(s.handlers, method, input, options);
  return result.ok ? 'ok' : result.error.code;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-periods-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  communes = listCommuneRows(s.workspace, '2025-Q2').map((r) => r.code);
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('locking periods', () => {
  it('locks (creating the period), refuses edits, unlocks with a reason in the history', async () => {
    await call('settings.setUserName', { userName: '  Trần   Văn Nam ' });
    expect(await call('app.info', {})).toMatchObject({ userName: 'Trần Văn Nam' });
    const locked = await call<PeriodInfo>('periods.lock', { periodId: '2025-AY' });
    expect(locked).toMatchObject({ id: '2025-AY', kind: 'ASSESSMENT_YEAR', status: 'LOCKED', startDate: '2024-12-15', statusCount: 0 });
    expect(locked.label).toBe('Năm đánh giá 2025 (15/12/2024–14/12/2025)');
    const edit = { periodId: '2025-AY', cause: 'typing', mode: 'all', edits: [{ sheet: 'communeStatuses', op: 'set', id: communes[0], field: 'note', value: 'x' }] };
    expect(await failure('edits.apply', edit)).toBe('PERIOD_LOCKED');
    expect(await failure('periods.unlock', { periodId: '2025-AY', reason: 'ngắn' })).toBe('INVALID_INPUT');
    expect(await failure('periods.unlock', { periodId: '2025-Q1', reason: 'Sửa số liệu sai' })).toBe('PERIOD_NOT_LOCKED');
    const unlocked = await call<PeriodInfo>('periods.unlock', { periodId: '2025-AY', reason: 'Sửa số liệu người nghiện theo báo cáo công an' });
    expect(unlocked.status).toBe('OPEN');
    expect(await failure('edits.apply', edit)).toBe('ok');
    const { entries } = await call<{ entries: HistoryEntry[] }>('history.list', { table: 'periods', recordId: '2025-AY', periodId: null, cause: null, search: null, limit: 10, offset: 0 });
    expect(entries.map((e) => [e.cause, e.oldValue, e.newValue, e.reason, e.userName])).toEqual([
      ['unlock', 'LOCKED', 'OPEN', 'Sửa số liệu người nghiện theo báo cáo công an', 'Trần Văn Nam'],
      ['lock', 'OPEN', 'LOCKED', null, 'Trần Văn Nam'],
    ]);
    const periods = await call<PeriodInfo[]>('periods.list', {});
    expect(periods.find((p) => p.id === '2025-AY')).toMatchObject({ status: 'OPEN', statusCount: 1 });
  });
});

describe('copy forward', () => {
  it('copies the standing (not the flows of the period) into communes without a status, skips the others, refuses a locked target', async () => {
    const [a = '', b = '', c = ''] = communes;
    updateCommuneStatuses(s.workspace, '2025-Q2', [
      { communeCode: a, field: 'declared_class', value: 'TRONG_DIEM_III' },
      { communeCode: a, field: 'commitment_signed', value: true },
      { communeCode: a, field: 'plants_destroyed_area_m2', value: 12.5 },
      { communeCode: b, field: 'resident_population', value: 4000 },
    ]);
    updateCommuneStatuses(s.workspace, '2025-Q3', [{ communeCode: b, field: 'resident_population', value: 4100 }]);
    const result = await call('periods.copyForward', { periodId: '2025-Q3', fromPeriodId: '2025-Q2' });
    expect(result).toEqual({ copied: 1, skipped: 1 });
    const rows = listCommuneRows(s.workspace, '2025-Q3');
    // Plants destroyed last quarter are last quarter's figure: not carried over.
    expect(rows.find((r) => r.code === a)?.status).toMatchObject({ declared_class: 'TRONG_DIEM_III', commitment_signed: true, plants_destroyed_area_m2: null });
    expect(rows.find((r) => r.code === b)?.status.resident_population).toBe(4100);
    expect(rows.find((r) => r.code === c)?.rowVersion).toBe(0);
    const { entries, total } = await call<{ entries: HistoryEntry[]; total: number }>('history.list', { table: null, recordId: null, periodId: '2025-Q3', cause: 'copy_forward', search: null, limit: 100, offset: 0 });
    expect(total).toBe(2);
    expect(new Set(entries.map((e) => e.batchId)).size).toBe(1);
    expect(await call('periods.copyForward', { periodId: '2025-Q3', fromPeriodId: '2025-Q2' })).toEqual({ copied: 0, skipped: 2 });
    await call('periods.lock', { periodId: '2025-Q4' });
    expect(await failure('periods.copyForward', { periodId: '2025-Q4', fromPeriodId: '2025-Q2' })).toBe('PERIOD_LOCKED');
  });

  // Issue 12 item 5: "period flows (services accessed, post-rehab managed in the period,
  // rehab counts) are not copied"; stocks (people on the records, in treatment now) are.
  it('carries the people on the records and in treatment, not the services, rehab intakes or post-rehab management of the period', async () => {
    const d = communes[3] ?? '';
    updateCommuneStatuses(s.workspace, '2025-Q1', [
      { communeCode: d, field: 'addicts_with_records', value: 12 },
      { communeCode: d, field: 'on_substitution_treatment', value: 4 },
      { communeCode: d, field: 'under_post_rehab_management', value: 2 },
      { communeCode: d, field: 'accessed_services', value: 9 },
      { communeCode: d, field: 'post_rehab_managed', value: 3 },
      { communeCode: d, field: 'rehab_compulsory', value: 1 },
      { communeCode: d, field: 'rehab_voluntary_family_community', value: 2 },
      { communeCode: d, field: 'new_addicts_detected', value: 5 },
    ]);
    await call('periods.copyForward', { periodId: '2026-Q1', fromPeriodId: '2025-Q1' });
    const row = listCommuneRows(s.workspace, '2026-Q1').find((r) => r.code === d);
    expect(row?.status).toMatchObject({ addicts_with_records: 12, on_substitution_treatment: 4, under_post_rehab_management: 2 });
    expect(row?.status).toMatchObject({ accessed_services: null, post_rehab_managed: null, rehab_compulsory: null, rehab_voluntary_family_community: null, new_addicts_detected: null });
  });
});

describe('sheet layouts', () => {
  it('remembers a layout per sheet', async () => {
    expect(await call('sheets.getLayout', { sheet: 'hotspots' })).toEqual({ columns: null });
    const columns = [{ colId: 'address', width: 240, isHidden: false }, { colId: 'case_reference', width: null, isHidden: true }];
    await call('sheets.saveLayout', { sheet: 'hotspots', columns });
    expect(await call('sheets.getLayout', { sheet: 'hotspots' })).toEqual({ columns });
    expect(await call('sheets.getLayout', { sheet: 'history' })).toEqual({ columns: null });
  });
});
