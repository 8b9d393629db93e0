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

function apply(periodId: string, edits: Edit[]): void {
  expect(applyEdits(s.workspace, { periodId, cause: 'typing', mode: 'all', edits }).rejected).toEqual([]);
}

function setStatus(periodId: string, code: string, values: Record<string, string | number | null>): void {
  apply(periodId, Object.entries(values).map(([field, value]) => ({ sheet: 'communeStatuses', op: 'set', id: code, field, value })));
}

function addHotspot(values: Record<string, string | number | null>): void {
  apply('2025', [{ sheet: 'hotspots', op: 'create', values }]);
}

function addPilot(periodId: string, name: string, host: string, date: string): void {
  const values = { name, host_unit_code: host, is_pilot_model: true, target_year: Number(date.slice(0, 4)), establishment_date: date, establishment_decision_no: '12/QĐ-UBND', level: 'XA', status: 'DANG_HOAT_DONG' };
  apply(periodId, [{ sheet: 'modelSites', op: 'create', values }]);
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
    // Đông Anh (017) is in Hà Nội, so Hà Nội's own 2017–2020 plan is offered too, never as the default.
    expect(report.sets.map((x) => [x.id, x.isDefaultForPeriod, x.scope])).toEqual([
      ['2017_2020_QD424', false, 'NATIONAL'],
      ['2017_2020_HANOI', false, 'PROVINCIAL'],
      ['2021_2025_QD1452', true, 'NATIONAL'],
      ['2026_2030_CTMTQG', false, 'NATIONAL'],
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
    // Two eliminated in 2022: outside 2025 itself, inside the 2021–2025 phase.
    addHotspot({ commune_code: c, category: 'DIEM', status: 'DA_TRIET_XOA', discovered_date: '2021-03-01', eliminated_date: '2022-06-01', elimination_method: 'XU_PHAT_HANH_CHINH' });
    addHotspot({ commune_code: c, category: 'DIEM', status: 'DA_TRIET_XOA', discovered_date: '2020-11-01', eliminated_date: '2022-07-01', elimination_method: 'XU_PHAT_HANH_CHINH' });
    const report = await call<IndicatorsReport>('indicators.list', { periodId: '2025', setId: null });
    // Addicts 21 vs 20: +5 %, not below 1 %.
    expect(find(report, 'ADDICTS_GROWTH')).toMatchObject({ name: 'Tăng người nghiện có hồ sơ so với kỳ trước', current: { numerator: 21, denominator: 20, value: 5 }, isMet: false });
    // Communes with drugs 2 vs 2: 0 % < 1 %.
    expect(find(report, 'COMMUNES_WITH_DRUGS_GROWTH')).toMatchObject({ current: { numerator: 2, denominator: 2, value: 0 }, isMet: true });
    // 17 of 29 addicts and users.
    expect(find(report, 'SERVICE_ACCESS_PCT')).toMatchObject({ current: { numerator: 17, denominator: 29, value: 58.62 }, isMet: false });
    expect(find(report, 'DRUG_CRIME_DETECT_GROWTH')).toMatchObject({ current: { numerator: 5, denominator: 4, value: 25 }, isMet: true });
    // "> 80 % điểm nóng triệt xóa đến 2025" counts from 1/1/2021: five hotspots active then or
    // found since, three eliminated since (2022, 2022, 2025): 60 %, where 2025 alone gives 1 of 2.
    const elim = find(report, 'HOTSPOT_ELIM_PCT');
    expect(elim).toMatchObject({ current: { numerator: 3, denominator: 5, value: 60, isCapped: false }, isMet: false, notes: [{ kind: 'CUMULATIVE', since: '2021-01-01' }] });
    expect(elim.previous).toMatchObject({ periodId: '2024', numerator: 2, denominator: 4, value: 50 });
    expect(find(report, 'NEW_HOTSPOTS')).toMatchObject({ current: { numerator: 1, value: 1 }, isMet: false });
  });

  it('another set can be chosen, and names follow the workspace language', async () => {
    await call('settings.setLanguage', { language: 'en' });
    const report = await call<IndicatorsReport>('indicators.list', { periodId: '2025', setId: '2026_2030_CTMTQG' });
    expect(report.setId).toBe('2026_2030_CTMTQG');
    expect(report.sets.find((x) => x.isDefaultForPeriod)?.id).toBe('2021_2025_QD1452');
    // One drug-free commune of three with a class, divided by every commune of the district.
    const total = communes.length;
    expect(total).toBeGreaterThan(3);
    const share = find(report, 'DRUG_FREE_COMMUNES_PCT');
    expect(share).toMatchObject({ name: 'Share of drug-free communes', denominatorLabel: 'All communes of the office', current: { numerator: 1, denominator: total, value: Math.round((100 / total) * 100) / 100 }, isMet: false });
    expect(share.notes).toEqual([{ kind: 'REPORTED', reported: 3, total }]);
    expect(share.baseline?.periodId).toBe('2026');
    await call('settings.setLanguage', { language: 'vi' });
  });

  it('the 2017–2020 set counts districts with a commune-hosted pilot model and key communes reduced since 2015', async () => {
    const [a = ''] = communes;
    setStatus('2015', a, { resident_population: 8000, declared_class: 'TRONG_DIEM_II' });
    setStatus('2019', a, { resident_population: 8000, declared_class: 'CO_MA_TUY' });
    addPilot('2019', 'Mô hình điểm thôn 9', a, '2019-04-01');
    addPilot('2019', 'Mô hình điểm thôn 10', a, '2019-05-01');
    const report = await call<IndicatorsReport>('indicators.list', { periodId: '2019', setId: null });
    expect(report.setId).toBe('2017_2020_QD424');
    // Two pilots in one district: the one district has its pilot, 100 %.
    expect(find(report, 'PILOT_MODEL_PER_DISTRICT')).toMatchObject({ unit: 'PCT', current: { numerator: 1, denominator: 1, value: 100 }, isMet: true });
    expect(find(report, 'KEY_COMMUNES_REDUCED')).toMatchObject({ current: { numerator: 1, denominator: 1, value: 100 }, isMet: true });
    expect(find(report, 'KEY_COMMUNES_REDUCED').baseline).toMatchObject({ periodId: '2015', value: null });
  });

  it('"mô hình điểm … tại xã, phường, thị trấn": a pilot hosted by the district itself does not count', async () => {
    addPilot('2018', 'Mô hình điểm của huyện', '017', '2018-03-01');
    const report = await call<IndicatorsReport>('indicators.list', { periodId: '2018', setId: null });
    expect(find(report, 'PILOT_MODEL_PER_DISTRICT')).toMatchObject({ current: { numerator: 0, denominator: 1, value: 0 }, isMet: false });
  });

  it('Hà Nội\'s set is computed with its own targets when chosen', async () => {
    const report = await call<IndicatorsReport>('indicators.list', { periodId: '2019', setId: '2017_2020_HANOI' });
    expect(report.indicators.map((i) => [i.code, i.targetMin])).toEqual([
      ['NEW_TU_DIEM', 0],
      ['PILOT_MODEL_PER_DISTRICT', 100],
      ['SERVICE_ACCESS_PCT', 90],
      ['POST_REHAB_MANAGED_PCT', 100],
    ]);
  });

  it('refuses a malformed period', async () => {
    const result = await dispatch(s.handlers, 'indicators.list', { periodId: 'x', setId: null }, { language: s.language, onInternalError: () => undefined });
    expect(result.ok).toBe(false);
  });

  it('an office outside Hà Nội is not offered Hà Nội\'s provincial set', async () => {
    setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '024');
    const report = await call<IndicatorsReport>('indicators.list', { periodId: '2019', setId: null });
    expect(report.sets.map((x) => x.id)).toEqual(['2017_2020_QD424', '2021_2025_QD1452', '2026_2030_CTMTQG']);
    setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  });
});
