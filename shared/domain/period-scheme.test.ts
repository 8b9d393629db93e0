/**
 * Issue 12 item 7, periods. "The previous period of a custom range is the same calendar
 * span one step earlier (15/06–14/07 → 15/05–14/06)"; "periods ending before 24/8/2025
 * show the class computed under Decision 28/2025 as 'for reference' (the class declared by
 * the office stands)": QĐ 28/2025/QĐ-TTg is "in force from the signing date" 24/8/2025
 * (domain.md §4.1), and §7.4 "criteria_scheme … default QD28_2025 if end_date ≥ 2025-08-24".
 */
import { describe, expect, it } from 'vitest';
import { CRITERIA_SCHEME, classifyCommune, isQd28Period } from './classification';
import { emptyStatus } from './commune-status';
import { parsePeriodId, previousPeriodId } from './period';
import { runRules } from './rules';
import type { RuleContext } from './rules/types';

function previous(id: string): string {
  const p = parsePeriodId(id);
  if (!p) throw new Error(id);
  return previousPeriodId(p);
}

describe('the previous period of a custom range is the same calendar span one step earlier', () => {
  it.each([
    ['2025-06-15_2025-07-14', '2025-05-15_2025-06-14'],
    ['2025-03-01_2025-08-31', '2024-09-01_2025-02-28'],
    ['2025-02-01_2025-02-28', '2025-01-01_2025-01-31'],
    ['2025-03-15_2025-04-14', '2025-02-15_2025-03-14'],
    ['2024-12-15_2025-12-14', '2023-12-15_2024-12-14'],
    ['2025-01-16_2025-03-15', '2024-11-16_2025-01-15'],
  ])('%s → %s', (id, want) => {
    expect(previous(id)).toBe(want);
  });

  it('a range that is not whole months keeps its length in days', () => {
    expect(previous('2025-07-01_2025-07-10')).toBe('2025-06-21_2025-06-30');
    expect(previous('2025-06-15_2025-07-20')).toBe('2025-05-10_2025-06-14');
  });
});

function context(periodId: string): RuleContext {
  const p = parsePeriodId(periodId);
  if (!p) throw new Error(periodId);
  const status = { ...emptyStatus(), resident_population: 10_000, addicts_with_records: 30, harboring_points: 1, drug_offenders_arrested: 7, declared_class: 'CO_MA_TUY' };
  return {
    period: { id: p.id, kind: p.kind, year: p.year, startDate: p.startDate, endDate: p.endDate },
    scheme: p.endDate >= '2025-07-01' ? 'NSO_2025' : 'GSO_2004',
    office: { code: '01', level: 'PROVINCE', name: 'Thành phố Hà Nội' },
    today: '2025-12-20',
    communes: [{ code: '00001', name: 'Phường Ba Đình', unitType: 'phuong', parentCode: '01', parentName: 'Thành phố Hà Nội', status }],
    officeUnitCodes: new Set(['01', '00001']),
    hotspots: [],
    modelSites: [],
    previousClasses: new Map(),
    isNoNewHotspotsTarget: false,
    reading: 'cumulative',
  };
}

describe('before 24/8/2025 the class computed under QĐ 28/2025 is for reference; the declared class stands', () => {
  it('a period ending 23/8/2025 is not governed by QĐ 28/2025, one ending 24/8/2025 is', () => {
    expect(isQd28Period('2025-08-23')).toBe(false);
    expect(isQd28Period('2025-08-24')).toBe(true);
  });

  it('the computed class of 2025-Q2 is for reference, and its difference from the declared class is no V7 error', () => {
    const result = runRules(context('2025-Q2'));
    expect(result.classifications).toEqual([{ communeCode: '00001', classification: expect.objectContaining({ computed_class: 'TRONG_DIEM_II', criteria_scheme: 'QD28_2025' }), isReference: true }]);
    expect(result.problems.filter((p) => p.ruleId === 'V7')).toEqual([]);
  });

  it('from 2025-Q3 (ends 30/9/2025) the class is QĐ 28/2025\'s own, and the declared class must match it or say why (V7)', () => {
    const result = runRules(context('2025-Q3'));
    expect(result.classifications[0]?.isReference).toBe(false);
    expect(result.problems.map((p) => p.ruleId)).toContain('V7');
  });

  it('every computed class states the criteria scheme it was computed under', () => {
    expect(CRITERIA_SCHEME).toBe('QD28_2025');
    expect(classifyCommune({ resident_population: 100 }).criteria_scheme).toBe('QD28_2025');
  });
});
