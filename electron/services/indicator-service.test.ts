import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch';
import type { IndicatorResult, IndicatorsReport } from '../../shared/api/indicator-types';
import type { Edit } from '../../shared/api/register-types';
import { listCommuneRows } from './commune-status-service';
import { applyEdits } from './edit-service';
import { openServices, type Services } from './index';
import { setOffice } from './office-service';
import { importUnitList } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
let dir = '';
let s: Services;
let communes: string[] = [];

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(s.handlers, method, input, { language: s.language, onInternalError: (_m, e) => { throw e; } });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.data as T;
}

function setStatus(periodId: string, code: string, values: Record<string, string | number | null>): void {
  const edits: Edit[] = Object.entries(values).map(([field, value]) => ({ sheet: 'communeStatuses', op: 'set', id: code, field, value }));
  applyEdits(s.workspace, { periodId, cause: 'typing', mode: 'all', edits });
}

function addHotspot(values: Record<string, string | number | null>): void {
  applyEdits(s.workspace, { periodId: '2025', cause: 'typing', mode: 'all', edits: [{ sheet: 'hotspots', op: 'create', values }] });
}

function find(report: IndicatorsReport, code: string): IndicatorResult {
  const row = report.indicators.find((i) => i.code === code);
  if (!row) throw new Error(`no ${code}`);
  return row;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-indicators-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  communes = listCommuneRows(s.workspace, '2025').map((r) => r.code);
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('indicators.list', () => {
  it('an empty workspace gives the default set with nothing computable', async () => {
    const report = await call<IndicatorsReport>('indicators.list', { periodId: '2025', setId: null });
    expect(report.setId).toBe('2021_2025_QD1452');
    expect(report.periodId).toBe('2025');
    expect(report.sets.map((x) => [x.id, x.isDefaultForPeriod])).toEqual([
      ['2017_2020_QD424', false],
      ['2021_2025_QD1452', true],
      ['2026_2030_CTMTQG', false],
    ]);
    const growth = find(report, 'ADDICTS_GROWTH');
    expect(growth).toMatchObject({ unit: 'PCT_CHANGE', current: { numerator: null, denominator: null, value: null }, isMet: null });
    expect(growth.previous.periodId).toBe('2024');
    expect(growth.baseline?.periodId).toBe('2021');
    expect(find(report, 'NEW_HOTSPOTS')).toMatchObject({ current: { numerator: 0, value: 0 }, isMet: true });
  });

  it('computes statuses, hotspots and growth against the previous period, names in Vietnamese', async () => {
    const [a = '', b = '', c = ''] = communes;
    setStatus('2024', a, { resident_population: 8000, addicts_with_records: 10, declared_class: 'CO_MA_TUY', drug_cases: 4 });
    setStatus('2024', b, { resident_population: 6000, addicts_with_records: 10, declared_class: 'CO_MA_TUY' });
    setStatus('2025', a, { resident_population: 8000, addicts_with_records: 12, users_with_records: 8, accessed_services: 17, declared_class: 'CO_MA_TUY', drug_cases: 5 });
    setStatus('2025', b, { resident_population: 6000, addicts_with_records: 9, declared_class: 'CO_MA_TUY' });
    setStatus('2025', c, { resident_population: 5000, declared_class: 'KHONG_MA_TUY' });
    addHotspot({ commune_code: a, category: 'TU_DIEM', status: 'DA_TRIET_XOA', discovered_date: '2023-05-01', eliminated_date: '2025-03-01' });
    addHotspot({ commune_code: a, category: 'DIEM', status: 'DANG_HOAT_DONG', discovered_date: '2023-06-01' });
    addHotspot({ commune_code: b, category: 'DIEM', status: 'DANG_HOAT_DONG', discovered_date: '2025-02-01' });
    const report = await call<IndicatorsReport>('indicators.list', { periodId: '2025', setId: null });
    // Addicts 21 vs 20: +5 %, not below 1 %.
    expect(find(report, 'ADDICTS_GROWTH')).toMatchObject({ name: 'Tăng người nghiện có hồ sơ so với kỳ trước', current: { numerator: 21, denominator: 20, value: 5 }, isMet: false });
    // Communes with drugs 2 vs 2: 0 % < 1 %.
    expect(find(report, 'COMMUNES_WITH_DRUGS_GROWTH')).toMatchObject({ current: { numerator: 2, denominator: 2, value: 0 }, isMet: true });
    // 17 of 29 addicts and users.
    expect(find(report, 'SERVICE_ACCESS_PCT')).toMatchObject({ current: { numerator: 17, denominator: 29, value: 58.62 }, isMet: false });
    expect(find(report, 'DRUG_CRIME_DETECT_GROWTH')).toMatchObject({ current: { numerator: 5, denominator: 4, value: 25 }, isMet: true });
    // Two active on 1/1/2025, one eliminated in 2025: 50 %; one new hotspot.
    const elim = find(report, 'HOTSPOT_ELIM_PCT');
    expect(elim).toMatchObject({ denominatorLabel: 'Điểm, tụ điểm hoạt động đầu kỳ', current: { numerator: 1, denominator: 2, value: 50 }, isMet: false });
    expect(elim.previous).toMatchObject({ periodId: '2024', numerator: 0, denominator: 2, value: 0 });
    expect(find(report, 'NEW_HOTSPOTS')).toMatchObject({ current: { numerator: 1, value: 1 }, isMet: false });
  });

  it('another set can be chosen, and names follow the workspace language', async () => {
    await call('settings.setLanguage', { language: 'en' });
    const report = await call<IndicatorsReport>('indicators.list', { periodId: '2025', setId: '2026_2030_CTMTQG' });
    expect(report.setId).toBe('2026_2030_CTMTQG');
    expect(report.sets.find((x) => x.isDefaultForPeriod)?.id).toBe('2021_2025_QD1452');
    // One drug-free commune of three with a class.
    expect(find(report, 'DRUG_FREE_COMMUNES_PCT')).toMatchObject({ name: 'Share of drug-free communes', current: { numerator: 1, denominator: 3, value: 33.33 }, isMet: true });
    expect(find(report, 'DRUG_FREE_COMMUNES_PCT').baseline?.periodId).toBe('2026');
    await call('settings.setLanguage', { language: 'vi' });
  });

  it('the 2017–2020 set counts pilot models per district and key communes reduced since 2015', async () => {
    const [a = ''] = communes;
    setStatus('2015', a, { resident_population: 8000, declared_class: 'TRONG_DIEM_II' });
    setStatus('2019', a, { resident_population: 8000, declared_class: 'CO_MA_TUY' });
    applyEdits(s.workspace, {
      periodId: '2019',
      cause: 'typing',
      mode: 'all',
      edits: [{ sheet: 'modelSites', op: 'create', values: { name: 'Mô hình điểm thôn 9', host_unit_code: a, is_pilot_model: true, target_year: 2019, establishment_date: '2019-04-01', establishment_decision_no: '12/QĐ-UBND', level: 'XA', status: 'DANG_HOAT_DONG' } }],
    });
    const report = await call<IndicatorsReport>('indicators.list', { periodId: '2019', setId: null });
    expect(report.setId).toBe('2017_2020_QD424');
    expect(find(report, 'PILOT_MODEL_PER_DISTRICT')).toMatchObject({ current: { numerator: 1, denominator: 1, value: 1 }, isMet: true });
    expect(find(report, 'KEY_COMMUNES_REDUCED')).toMatchObject({ current: { numerator: 1, denominator: 1, value: 100 }, isMet: true });
    expect(find(report, 'KEY_COMMUNES_REDUCED').baseline).toMatchObject({ periodId: '2015', value: null });
  });

  it('refuses a malformed period', async () => {
    const result = await dispatch(s.handlers, 'indicators.list', { periodId: 'x', setId: null }, { language: s.language, onInternalError: () => undefined });
    expect(result.ok).toBe(false);
  });
});
