import { describe, expect, it } from 'vitest';
import { parsePeriodId, type Period } from '../period';
import {
  baselinePeriodId,
  computeIndicators,
  countCommuneClasses,
  countKeyCommunesReduced,
  defaultSetForPeriod,
  INDICATOR_SET_IDS,
  INDICATOR_SETS,
  isTargetMet,
  type IndicatorInputs,
  type IndicatorRow,
  type PeriodFigures,
} from './index';
import { periodFigures } from '../../../tests/support/indicator-figures';

function figures(periodId: string, over: Partial<PeriodFigures> = {}): PeriodFigures {
  return periodFigures(periodId, 10, over);
}

function inputs(current: Partial<PeriodFigures>, previous: Partial<PeriodFigures> = {}): IndicatorInputs {
  return { current: figures('2019', current), previous: figures('2018', previous), beforePrevious: null, baseline: null, beforeBaseline: null };
}

function row(rows: IndicatorRow[], code: string): IndicatorRow {
  const r = rows.find((x) => x.code === code);
  if (!r) throw new Error(`no ${code}`);
  return r;
}

function period(id: string): Period {
  const p = parsePeriodId(id);
  if (!p) throw new Error(id);
  return p;
}

type Case = { set: (typeof INDICATOR_SET_IDS)[number]; code: string; current: Partial<PeriodFigures>; previous?: Partial<PeriodFigures>; expected: { numerator: number | null; denominator: number | null; value: number | null }; isMet: boolean | null };

const CASES: Case[] = [
  // 2017–2020
  { set: '2017_2020_QD424', code: 'NEW_TU_DIEM', current: { tuDiemNew: 0, hotspotsNew: 3 }, expected: { numerator: 0, denominator: null, value: 0 }, isMet: true },
  { set: '2017_2020_QD424', code: 'NEW_TU_DIEM', current: { tuDiemNew: 2 }, expected: { numerator: 2, denominator: null, value: 2 }, isMet: false },
  { set: '2017_2020_QD424', code: 'HOTSPOT_ELIM_PCT', current: { hotspotsActiveAtStart: 20, hotspotsActiveAtStartEliminated: 2 }, expected: { numerator: 2, denominator: 20, value: 10 }, isMet: true },
  { set: '2017_2020_QD424', code: 'HOTSPOT_ELIM_PCT', current: { hotspotsActiveAtStart: 20, hotspotsActiveAtStartEliminated: 1 }, expected: { numerator: 1, denominator: 20, value: 5 }, isMet: true },
  { set: '2017_2020_QD424', code: 'HOTSPOT_ELIM_PCT', current: { hotspotsActiveAtStart: 20, hotspotsActiveAtStartEliminated: 4 }, expected: { numerator: 4, denominator: 20, value: 20 }, isMet: true },
  { set: '2017_2020_QD424', code: 'HOTSPOT_ELIM_PCT', current: { hotspotsActiveAtStart: 30, hotspotsActiveAtStartEliminated: 1 }, expected: { numerator: 1, denominator: 30, value: 3.33 }, isMet: false },
  { set: '2017_2020_QD424', code: 'HOTSPOT_ELIM_PCT', current: { hotspotsActiveAtStart: 0 }, expected: { numerator: 0, denominator: 0, value: null }, isMet: null },
  { set: '2017_2020_QD424', code: 'ADDICT_EXIT_PCT', current: { removedFromManagement: 3, addictsWithRecords: 200 }, expected: { numerator: 3, denominator: 200, value: 1.5 }, isMet: true },
  { set: '2017_2020_QD424', code: 'ADDICT_EXIT_PCT', current: { removedFromManagement: 2, addictsWithRecords: 200 }, expected: { numerator: 2, denominator: 200, value: 1 }, isMet: false },
  { set: '2017_2020_QD424', code: 'ADDICT_EXIT_PCT', current: { removedFromManagement: 2, addictsWithRecords: 0 }, expected: { numerator: 2, denominator: 0, value: null }, isMet: null },
  { set: '2017_2020_QD424', code: 'COMMUNES_WITH_DRUGS_CHANGE', current: { communesClassified: 10, communesWithDrugs: 9 }, previous: { communesClassified: 10, communesWithDrugs: 10 }, expected: { numerator: 9, denominator: 10, value: -10 }, isMet: true },
  { set: '2017_2020_QD424', code: 'COMMUNES_WITH_DRUGS_CHANGE', current: { communesClassified: 10, communesWithDrugs: 10 }, previous: { communesClassified: 10, communesWithDrugs: 10 }, expected: { numerator: 10, denominator: 10, value: 0 }, isMet: false },
  { set: '2017_2020_QD424', code: 'COMMUNES_WITH_DRUGS_CHANGE', current: { communesClassified: 10, communesWithDrugs: 3 }, previous: {}, expected: { numerator: 3, denominator: null, value: null }, isMet: null },
  { set: '2017_2020_QD424', code: 'KEY_COMMUNES_REDUCED', current: { keyCommunesAtBaseline: 5, keyCommunesReducedVsBaseline: 1 }, expected: { numerator: 1, denominator: 5, value: 20 }, isMet: true },
  { set: '2017_2020_QD424', code: 'KEY_COMMUNES_REDUCED', current: { keyCommunesAtBaseline: 0, keyCommunesReducedVsBaseline: 0 }, expected: { numerator: 0, denominator: 0, value: null }, isMet: null },
  { set: '2017_2020_QD424', code: 'PILOT_MODEL_PER_DISTRICT', current: { districtsWithNewPilot: 3, districts: 4 }, expected: { numerator: 3, denominator: 4, value: 75 }, isMet: false },
  { set: '2017_2020_QD424', code: 'PILOT_MODEL_PER_DISTRICT', current: { districtsWithNewPilot: 1, districts: 1 }, expected: { numerator: 1, denominator: 1, value: 100 }, isMet: true },
  { set: '2017_2020_QD424', code: 'SERVICE_ACCESS_PCT', current: { accessedServices: 80, addictsWithRecords: 70, usersWithRecords: 30 }, expected: { numerator: 80, denominator: 100, value: 80 }, isMet: true },
  { set: '2017_2020_QD424', code: 'SERVICE_ACCESS_PCT', current: { accessedServices: 0 }, expected: { numerator: 0, denominator: null, value: null }, isMet: null },
  // 2017–2020, Hà Nội's own plan
  { set: '2017_2020_HANOI', code: 'NEW_TU_DIEM', current: { tuDiemNew: 1 }, expected: { numerator: 1, denominator: null, value: 1 }, isMet: false },
  { set: '2017_2020_HANOI', code: 'PILOT_MODEL_PER_DISTRICT', current: { districtsWithNewPilot: 2, districts: 2 }, expected: { numerator: 2, denominator: 2, value: 100 }, isMet: true },
  { set: '2017_2020_HANOI', code: 'SERVICE_ACCESS_PCT', current: { accessedServices: 85, addictsWithRecords: 100 }, expected: { numerator: 85, denominator: 100, value: 85 }, isMet: false },
  { set: '2017_2020_HANOI', code: 'POST_REHAB_MANAGED_PCT', current: { postRehabManaged: 9, postRehabCompleted: 10 }, expected: { numerator: 9, denominator: 10, value: 90 }, isMet: false },
  // 2021–2025
  { set: '2021_2025_QD1452', code: 'ADDICTS_GROWTH', current: { addictsWithRecords: 101 }, previous: { addictsWithRecords: 100 }, expected: { numerator: 101, denominator: 100, value: 1 }, isMet: false },
  { set: '2021_2025_QD1452', code: 'ADDICTS_GROWTH', current: { addictsWithRecords: 90 }, previous: { addictsWithRecords: 100 }, expected: { numerator: 90, denominator: 100, value: -10 }, isMet: true },
  { set: '2021_2025_QD1452', code: 'ADDICTS_GROWTH', current: { addictsWithRecords: 5 }, previous: { addictsWithRecords: 0 }, expected: { numerator: 5, denominator: 0, value: null }, isMet: null },
  { set: '2021_2025_QD1452', code: 'COMMUNES_WITH_DRUGS_GROWTH', current: { communesClassified: 4, communesWithDrugs: 4 }, previous: { communesClassified: 4, communesWithDrugs: 4 }, expected: { numerator: 4, denominator: 4, value: 0 }, isMet: true },
  { set: '2021_2025_QD1452', code: 'SERVICE_ACCESS_PCT', current: { accessedServices: 80, addictsWithRecords: 100 }, expected: { numerator: 80, denominator: 100, value: 80 }, isMet: false },
  { set: '2021_2025_QD1452', code: 'DRUG_CRIME_DETECT_GROWTH', current: { drugCases: 21 }, previous: { drugCases: 20 }, expected: { numerator: 21, denominator: 20, value: 5 }, isMet: true },
  { set: '2021_2025_QD1452', code: 'HOTSPOT_ELIM_GROWTH', current: { hotspotsEliminated: 3 }, previous: { hotspotsEliminated: 2 }, expected: { numerator: 3, denominator: 2, value: 50 }, isMet: true },
  { set: '2021_2025_QD1452', code: 'HOTSPOT_ELIM_GROWTH', current: { hotspotsEliminated: 3 }, previous: { hotspotsEliminated: 0 }, expected: { numerator: 3, denominator: 0, value: null }, isMet: null },
  { set: '2021_2025_QD1452', code: 'NEW_HOTSPOTS', current: { hotspotsNew: 1 }, expected: { numerator: 1, denominator: null, value: 1 }, isMet: false },
  { set: '2021_2025_QD1452', code: 'HOTSPOT_ELIM_PCT', current: { hotspotsInPhase: 5, hotspotsInPhaseEliminated: 4 }, expected: { numerator: 4, denominator: 5, value: 80 }, isMet: false },
  { set: '2021_2025_QD1452', code: 'HOTSPOT_ELIM_PCT', current: { hotspotsInPhase: 10, hotspotsInPhaseEliminated: 9 }, expected: { numerator: 9, denominator: 10, value: 90 }, isMet: true },
  // 2026–2030
  { set: '2026_2030_CTMTQG', code: 'DRUG_FREE_COMMUNES_PCT', current: { communesClassified: 10, communesDrugFree: 5, communesWithDrugs: 5 }, expected: { numerator: 5, denominator: 10, value: 50 }, isMet: true },
  { set: '2026_2030_CTMTQG', code: 'DRUG_FREE_COMMUNES_PCT', current: { communesClassified: 10, communesDrugFree: 3, communesWithDrugs: 7 }, expected: { numerator: 3, denominator: 10, value: 30 }, isMet: false },
  { set: '2026_2030_CTMTQG', code: 'DRUG_FREE_COMMUNES_PCT', current: {}, expected: { numerator: null, denominator: 10, value: null }, isMet: null },
  { set: '2026_2030_CTMTQG', code: 'HOTSPOTS_ELIMINATED_ALL', current: { hotspotsInPhase: 4, hotspotsInPhaseEliminated: 4 }, expected: { numerator: 4, denominator: 4, value: 100 }, isMet: true },
  { set: '2026_2030_CTMTQG', code: 'HOTSPOTS_ELIMINATED_ALL', current: { hotspotsInPhase: 4, hotspotsInPhaseEliminated: 3 }, expected: { numerator: 3, denominator: 4, value: 75 }, isMet: false },
  { set: '2026_2030_CTMTQG', code: 'ADDICTS_DECREASE', current: { addictsWithRecords: 99 }, previous: { addictsWithRecords: 100 }, expected: { numerator: 99, denominator: 100, value: -1 }, isMet: true },
  { set: '2026_2030_CTMTQG', code: 'ADDICTS_DECREASE', current: { addictsWithRecords: 100 }, previous: { addictsWithRecords: 100 }, expected: { numerator: 100, denominator: 100, value: 0 }, isMet: false },
  { set: '2026_2030_CTMTQG', code: 'USERS_DECREASE', current: { usersWithRecords: 101 }, previous: { usersWithRecords: 100 }, expected: { numerator: 101, denominator: 100, value: 1 }, isMet: false },
  { set: '2026_2030_CTMTQG', code: 'USERS_DECREASE', current: { usersWithRecords: 90 }, previous: { usersWithRecords: 100 }, expected: { numerator: 90, denominator: 100, value: -10 }, isMet: true },
  { set: '2026_2030_CTMTQG', code: 'SERVICE_ACCESS_PCT', current: { accessedServices: 8, usersWithRecords: 10 }, expected: { numerator: 8, denominator: 10, value: 80 }, isMet: true },
  { set: '2026_2030_CTMTQG', code: 'POST_REHAB_MANAGED_PCT', current: { postRehabManaged: 9, postRehabCompleted: 10 }, expected: { numerator: 9, denominator: 10, value: 90 }, isMet: true },
  { set: '2026_2030_CTMTQG', code: 'DRUG_CRIME_DETECT_GROWTH', current: { drugCases: 103 }, previous: { drugCases: 100 }, expected: { numerator: 103, denominator: 100, value: 3 }, isMet: false },
];

describe('computeIndicators', () => {
  it.each(CASES.map((c) => [`${c.set} ${c.code} ${JSON.stringify(c.current)}`, c] as const))('%s', (_name, c) => {
    const r = row(computeIndicators(c.set, inputs(c.current, c.previous), 'vi'), c.code);
    expect(r.current).toEqual({ ...c.expected, isCapped: false });
    expect(r.isMet).toBe(c.isMet);
  });

  it('covers every indicator of every set with at least one case', () => {
    for (const id of INDICATOR_SET_IDS) {
      const codes = INDICATOR_SETS[id].indicators.map((d) => d.code);
      expect(codes.length).toBeGreaterThanOrEqual(INDICATOR_SETS[id].scope.kind === 'NATIONAL' ? 6 : 3);
      expect(new Set(codes).size).toBe(codes.length);
      for (const code of codes) expect(CASES.some((c) => c.set === id && c.code === code), `${id} ${code}`).toBe(true);
    }
  });

  it('gives the previous period and the baseline with their own previous periods', () => {
    const rows = computeIndicators(
      '2021_2025_QD1452',
      {
        current: figures('2025', { addictsWithRecords: 99 }),
        previous: figures('2024', { addictsWithRecords: 100 }),
        beforePrevious: figures('2023', { addictsWithRecords: 80 }),
        baseline: figures('2021', { addictsWithRecords: 50 }),
        beforeBaseline: null,
      },
      'en',
    );
    const r = row(rows, 'ADDICTS_GROWTH');
    expect(r).toMatchObject({ name: 'Growth of addicts with records vs the previous period', targetText: '< 1 %', targetMin: null, targetMax: 1, unit: 'PCT_CHANGE', isMet: true });
    expect(r.current).toEqual({ numerator: 99, denominator: 100, value: -1, isCapped: false });
    expect(r.previous).toEqual({ periodId: '2024', numerator: 100, denominator: 80, value: 25, isCapped: false });
    expect(r.baseline).toEqual({ periodId: '2021', numerator: 50, denominator: null, value: null, isCapped: false });
  });

  it('names and labels follow the language', () => {
    const vi = row(computeIndicators('2017_2020_QD424', inputs({}), 'vi'), 'HOTSPOT_ELIM_PCT');
    expect(vi).toMatchObject({ name: 'Tỷ lệ điểm, tụ điểm bị triệt xóa', denominatorLabel: 'Điểm, tụ điểm hoạt động đầu kỳ', targetText: '≥ 5 %/năm (từ 5–10 %)', targetMin: 5, targetMax: null });
    const en = row(computeIndicators('2017_2020_QD424', inputs({}), 'en'), 'HOTSPOT_ELIM_PCT');
    expect(en.denominatorLabel).toBe('Hotspots active at the start of the period');
    expect(row(computeIndicators('2017_2020_QD424', inputs({}), 'en'), 'NEW_TU_DIEM').denominatorLabel).toBeNull();
  });
});

describe('isTargetMet', () => {
  it.each([
    ['GE', 5, null, 5, true],
    ['GE', 5, null, 4.99, false],
    ['GT', 1, null, 1, false],
    ['GT', 1, null, 1.01, true],
    ['LE', null, -1, -1, true],
    ['LE', null, -1, -0.5, false],
    ['LT', null, 1, 1, false],
    ['LT', null, 1, 0.99, true],
    ['EQ', 0, 0, 0, true],
    ['EQ', 0, 0, 1, false],
    ['BETWEEN', 5, 10, 10.01, false],
    ['BETWEEN', 5, 10, 7, true],
    ['BETWEEN', 5, null, 7, null],
    ['GE', null, null, 7, null],
  ] as const)('%s min %s max %s value %s → %s', (comparison, targetMin, targetMax, value, expected) => {
    expect(isTargetMet({ comparison, targetMin, targetMax }, value)).toBe(expected);
  });

  it('a missing value is never met nor missed', () => {
    expect(isTargetMet({ comparison: 'GE', targetMin: 1, targetMax: null }, null)).toBeNull();
  });
});

describe('commune class counts', () => {
  it('counts drug-free and with-drugs communes, leaving out undetermined ones', () => {
    expect(countCommuneClasses(['KHONG_MA_TUY', 'CO_MA_TUY', 'TRONG_DIEM_I', 'CHUA_XAC_DINH', null])).toEqual({ classified: 3, drugFree: 1, withDrugs: 2 });
  });

  it('counts key communes of the baseline whose class is lower now', () => {
    const baseline = new Map([
      ['a', 'TRONG_DIEM_I' as const],
      ['b', 'TRONG_DIEM_III' as const],
      ['c', 'TRONG_DIEM_II' as const],
      ['d', 'CO_MA_TUY' as const],
    ]);
    const now = new Map([
      ['a', 'TRONG_DIEM_II' as const],
      ['b', 'TRONG_DIEM_III' as const],
      ['d', 'KHONG_MA_TUY' as const],
    ]);
    expect(countKeyCommunesReduced(baseline, now)).toEqual({ atBaseline: 3, reduced: 1 });
  });
});

describe('default set and baseline', () => {
  it.each([
    ['2015', '2017_2020_QD424'],
    ['2020', '2017_2020_QD424'],
    ['2020-AY', '2017_2020_QD424'],
    ['2021-AY', '2021_2025_QD1452'],
    ['2025-Q4', '2021_2025_QD1452'],
    ['2025-12-01_2026-01-31', '2026_2030_CTMTQG'],
    ['2026-01', '2026_2030_CTMTQG'],
  ] as const)('%s → %s', (id, expected) => {
    expect(defaultSetForPeriod(period(id))).toBe(expected);
  });

  it('the baseline is the same kind of period in the set’s baseline year', () => {
    expect(baselinePeriodId(period('2019'), '2017_2020_QD424')).toBe('2015');
    expect(baselinePeriodId(period('2024-Q3'), '2021_2025_QD1452')).toBe('2021-Q3');
    expect(baselinePeriodId(period('2027-AY'), '2026_2030_CTMTQG')).toBe('2026-AY');
    expect(baselinePeriodId(period('2024-03-01_2024-08-31'), '2021_2025_QD1452')).toBeNull();
  });
});
