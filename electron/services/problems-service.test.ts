import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExportReadiness, ProblemsList } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { Edit } from '../../shared/api/register-types';
import { listCommuneRows } from './commune-status-service';
import { applyEdits } from './edit-service';
import { openServices, type Services } from './index';
import { setOffice } from './office-service';
import { listProblems } from './problems-service';
import { importUnitList } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const PERIOD = '2025-Q1';
let dir = '';
let s: Services;
let communes: string[] = [];

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(s.handlers, method, input, { language: s.language, onInternalError: (_m, e) => { throw e; } });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

function setStatus(code: string, values: Record<string, string | number | null>): void {
  const edits: Edit[] = Object.entries(values).map(([field, value]) => ({ sheet: 'communeStatuses', op: 'set', id: code, field, value }));
  applyEdits(s.workspace, { periodId: PERIOD, cause: 'typing', mode: 'all', edits });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-problems-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  communes = listCommuneRows(s.workspace, PERIOD).map((r) => r.code);
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('problems.list and exports.readiness', () => {
  // Issue 12 item 5: "every commune of the office has a status for the period before it
  // can be sent, and 'Kiểm tra để gửi' counts the communes still empty" (rule V16).
  it('a period with nothing entered cannot be sent: one V16 error counts the 24 empty communes', async () => {
    const list = await call<ProblemsList>('problems.list', { periodId: PERIOD });
    expect(list.counts).toEqual({ errors: 1, warnings: 0 });
    expect(list.problems).toMatchObject([{ ruleId: 'V16', severity: 'error', recordId: '017', fields: [] }]);
    expect(list.problems[0]?.message).toMatch(/^24 trong 24 xã, phường chưa có số liệu kỳ Quý I\/2025: /u);
    const readiness = await call<ExportReadiness>('exports.readiness', { periodId: PERIOD });
    expect(readiness.isReady).toBe(false);
    expect(readiness.errors.map((e) => e.message)).toEqual([list.problems[0]?.message]);
  });

  it('a drug-free declaration with addicts on record is a V5 error that blocks the export', async () => {
    const code = communes[0] ?? '';
    setStatus(code, { resident_population: 8000, addicts_with_records: 3, declared_class: 'KHONG_MA_TUY' });
    const list = await call<ProblemsList>('problems.list', { periodId: PERIOD });
    const v5 = list.problems.find((p) => p.ruleId === 'V5' && p.fields[0] === 'addicts_with_records');
    // Blank is not zero: the blank Art. 6 figures are a V5 error of their own.
    expect(list.problems.find((p) => p.ruleId === 'V5' && p.message.includes('chưa nhập'))?.fields).toContain('harboring_points');
    expect(v5).toMatchObject({ severity: 'error', sheet: 'communeStatuses', recordId: code, fields: ['addicts_with_records', 'users_with_records'] });
    expect(v5?.message).toContain('khai “Không ma túy” nhưng còn 3 người nghiện');
    expect(list.counts.errors).toBeGreaterThan(0);
    // Blank Art. 6 figures are named (missing is not zero); 2025-Q1 ends before QĐ 28/2025, so the class is for reference.
    expect(list.classifications).toEqual([
      {
        communeCode: code,
        computed_class: 'TRONG_DIEM_III',
        criteria_met: { a: 'III', b: null, c: null, d: null, dd: null },
        drug_free: false,
        flags: [],
        missing: ['users_with_records', 'residents_violating_drug_law', 'wanted_drug_fugitives_hiding', 'harboring_points', 'plants_destroyed_count', 'plants_destroyed_area_m2'],
        criteria_scheme: 'QD28_2025',
        is_reference: true,
      },
    ]);
    const readiness = await call<ExportReadiness>('exports.readiness', { periodId: PERIOD });
    expect(readiness.isReady).toBe(false);
    expect(readiness.errors.map((e) => e.ruleId)).toContain('V5');
  });

  it('fixing it clears the error; warnings alone do not block the export', async () => {
    // A drug-free declaration needs every Art. 6 figure entered, possibly as 0 (issue 12 item 1).
    setStatus(communes[0] ?? '', { on_substitution_treatment: 3, users_with_records: 0, residents_violating_drug_law: 0, wanted_drug_fugitives_hiding: 0, harboring_points: 0, plants_destroyed_count: 0 });
    const partial = await call<ProblemsList>('problems.list', { periodId: PERIOD });
    expect(partial.problems.filter((p) => p.severity === 'error').map((p) => p.ruleId)).toEqual(['V16']);
    expect(partial.problems[0]?.message).toMatch(/^23 trong 24 xã, phường/u);
    for (const code of communes.slice(1)) setStatus(code, { resident_population: 5000 });
    const list = await call<ProblemsList>('problems.list', { periodId: PERIOD });
    expect(list.counts.errors).toBe(0);
    expect(list.problems.map((p) => p.ruleId)).toEqual(['V6']);
    expect(await call<ExportReadiness>('exports.readiness', { periodId: PERIOD })).toEqual({ isReady: true, errors: [] });
  });

  it('messages follow the workspace language', async () => {
    await call('settings.setLanguage', { language: 'en' });
    const list = await call<ProblemsList>('problems.list', { periodId: PERIOD });
    expect(list.problems[0]?.message).toMatch(/is declared drug-free but/u);
    await call('settings.setLanguage', { language: 'vi' });
  });

  // Issue 12 item 5: "a plausibility warning for population jumps > 20 % between periods":
  // the previous quarter's stored figures reach the rules (V24, and V20's stock at the start).
  it('compares the population with the previous quarter (V24)', async () => {
    const code = communes[1] ?? '';
    applyEdits(s.workspace, { periodId: '2024-Q4', cause: 'typing', mode: 'all', edits: [{ sheet: 'communeStatuses', op: 'set', id: code, field: 'resident_population', value: 4000 }] });
    const list = await call<ProblemsList>('problems.list', { periodId: PERIOD });
    expect(list.problems.filter((p) => p.ruleId === 'V24')).toMatchObject([{ severity: 'warning', recordId: code, fields: ['resident_population'] }]);
    expect(list.problems.find((p) => p.ruleId === 'V24')?.message).toContain('nhân khẩu cư trú 5000 so với 4000 ở kỳ trước (thay đổi 25 %');
  });

  it('refuses a period that is not one', async () => {
    const result = await dispatch(s.handlers, 'exports.readiness', { periodId: 'Q9' }, { language: s.language, onInternalError: () => undefined });
    expect(result.ok).toBe(false);
  });

  it('checks a district with 1,000 hotspots in well under 200 ms', () => {
    const edits: Edit[] = Array.from({ length: 1000 }, (_, i) => ({
      sheet: 'hotspots',
      op: 'create',
      values: { commune_code: communes[i % communes.length] ?? '', category: 'DIEM', persons_involved: 2, discovered_date: '2024-05-01', status: 'DANG_HOAT_DONG', address: `Số ${i}` },
    }));
    applyEdits(s.workspace, { periodId: null, cause: 'import', mode: 'all', edits });
    listProblems(s.workspace, PERIOD);
    const started = performance.now();
    const list = listProblems(s.workspace, PERIOD);
    const ms = performance.now() - started;
    // The drug-free commune now has active hotspots: V5 sees every category (issue 12 item 4), nothing else is an error.
    expect(list.problems.filter((p) => p.severity === 'error').map((p) => [p.ruleId, p.recordId])).toEqual([['V5', communes[0]]]);
    expect(ms).toBeLessThan(200);
  });
});
