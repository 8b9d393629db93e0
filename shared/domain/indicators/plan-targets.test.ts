/**
 * Each indicator against the words of the plan or resolution it implements (issue 12
 * item 6). The quotations are from the seeds (/work/shared/seeds: S0 Bắc Giang
 * 67/KH-SYT, S1 Tiền Giang, S4 Hà Nội) and the adopted Nghị quyết 163/2024/QH15.
 */
import { describe, expect, it } from 'vitest';
import { parsePeriodId } from '../period';
import {
  computeIndicators,
  defaultSetForPeriod,
  INDICATOR_SET_IDS,
  INDICATOR_SETS,
  isDefaultSetFor,
  setsForProvince,
  type IndicatorInputs,
  type IndicatorRow,
  type IndicatorSetId,
  type PeriodFigures,
} from './index';
import { periodFigures } from '../../../tests/support/indicator-figures';

function figures(periodId: string, over: Partial<PeriodFigures> = {}): PeriodFigures {
  return periodFigures(periodId, 24, over);
}

function compute(set: IndicatorSetId, current: Partial<PeriodFigures>, previous: Partial<PeriodFigures> = {}): IndicatorRow[] {
  const inputs: IndicatorInputs = { current: figures('2019', current), previous: figures('2018', previous), beforePrevious: null, baseline: null, beforeBaseline: null };
  return computeIndicators(set, inputs, 'vi');
}

function row(rows: IndicatorRow[], code: string): IndicatorRow {
  const r = rows.find((x) => x.code === code);
  if (!r) throw new Error(`no ${code}`);
  return r;
}

function endingOn(endDate: string): { endDate: string } {
  return { endDate };
}

describe('"triệt xóa từ 5 – 10% số điểm, tụ điểm mỗi năm" (S0 I.2; S1 I.3: "từ 5% - 10%")', () => {
  it.each([
    [1, 20, true], // 5 %: the floor
    [2, 20, true], // 10 %
    [3, 20, true], // 15 %: beyond the range is still met, not a miss
    [10, 20, true],
    [1, 21, false], // 4.76 %
  ] as const)('%i of %i eliminated → met %s', (eliminated, atStart, isMet) => {
    const r = row(compute('2017_2020_QD424', { hotspotsActiveAtStart: atStart, hotspotsActiveAtStartEliminated: eliminated }), 'HOTSPOT_ELIM_PCT');
    expect(r.isMet).toBe(isMet);
    expect(r.targetMin).toBe(5);
    expect(r.targetMax).toBeNull();
  });
});

describe('"hàng năm, mỗi huyện, thành phố xây dựng được 01 mô hình điểm về phòng, chống ma túy tại xã, phường, thị trấn" (S0 I.3; S1 I.4 the same "/năm")', () => {
  it('is the share of districts with at least one commune-hosted pilot, met only when every district has one', () => {
    const some = row(compute('2017_2020_QD424', { districtsWithNewPilot: 3, districts: 4 }), 'PILOT_MODEL_PER_DISTRICT');
    expect(some).toMatchObject({ unit: 'PCT', current: { numerator: 3, denominator: 4, value: 75 }, isMet: false });
    const all = row(compute('2017_2020_QD424', { districtsWithNewPilot: 4, districts: 4 }), 'PILOT_MODEL_PER_DISTRICT');
    expect(all).toMatchObject({ current: { value: 100 }, isMet: true });
  });
});

describe('drug-free share: "đạt ít nhất 50% số xã, phường, thị trấn … không ma túy" (NQ 163/2024/QH15) is a share of all communes', () => {
  it('divides by every commune of the office and shows how many reported beside it', () => {
    // 4 of 24 communes reported, 3 of them drug-free: 3/24, not 3/4.
    const r = row(compute('2026_2030_CTMTQG', { communesTotal: 24, communesClassified: 4, communesDrugFree: 3, communesWithDrugs: 1 }), 'DRUG_FREE_COMMUNES_PCT');
    expect(r.current).toEqual({ numerator: 3, denominator: 24, value: 12.5, isCapped: false });
    expect(r.denominatorLabel).toBe('Tất cả xã của đơn vị');
    expect(r.notes).toContainEqual({ kind: 'REPORTED', reported: 4, total: 24 });
    expect(r.isMet).toBe(false);
  });

  it('with every commune reported and half drug-free, the 2030 target is met', () => {
    const r = row(compute('2026_2030_CTMTQG', { communesTotal: 24, communesClassified: 24, communesDrugFree: 12, communesWithDrugs: 12 }), 'DRUG_FREE_COMMUNES_PCT');
    expect(r).toMatchObject({ current: { value: 50 }, isMet: true, notes: [{ kind: 'REPORTED', reported: 24, total: 24 }] });
  });
});

describe('2026–2030 in the adopted wording of NQ 163/2024/QH15: "hằng năm, giảm số người nghiện ma túy, người sử dụng trái phép chất ma túy"', () => {
  it('asks for a decrease of addicts and of users, not "< 1 % growth"', () => {
    const flat = compute('2026_2030_CTMTQG', { addictsWithRecords: 100, usersWithRecords: 50 }, { addictsWithRecords: 100, usersWithRecords: 50 });
    expect(row(flat, 'ADDICTS_DECREASE')).toMatchObject({ current: { value: 0 }, isMet: false });
    expect(row(flat, 'USERS_DECREASE')).toMatchObject({ current: { value: 0 }, isMet: false });
    const fewer = compute('2026_2030_CTMTQG', { addictsWithRecords: 99, usersWithRecords: 49 }, { addictsWithRecords: 100, usersWithRecords: 50 });
    expect(row(fewer, 'ADDICTS_DECREASE').isMet).toBe(true);
    expect(row(fewer, 'USERS_DECREASE').isMet).toBe(true);
    const texts = INDICATOR_SETS['2026_2030_CTMTQG'].indicators.map((d) => d.targetText.vi);
    expect(texts.some((t) => t.includes('< 1 %'))).toBe(false);
  });

  it('"phấn đấu 100% các điểm, tụ điểm phức tạp về ma túy, điểm nguy cơ … được phát hiện và triệt phá" and "≥ 50 % by 2030" are confirmed', () => {
    const rows = compute('2026_2030_CTMTQG', {});
    for (const code of ['DRUG_FREE_COMMUNES_PCT', 'HOTSPOTS_ELIMINATED_ALL', 'ADDICTS_DECREASE', 'USERS_DECREASE']) {
      expect(row(rows, code).isConfirmed, code).toBe(true);
      expect(row(rows, code).notes.some((n) => n.kind === 'UNCONFIRMED'), code).toBe(false);
    }
    expect(row(rows, 'DRUG_FREE_COMMUNES_PCT').targetMin).toBe(50);
  });

  it('marks the draft-only figures (80 % counselled, 90 % post-rehab, +3 % cases) as unconfirmed, saying why', () => {
    const rows = compute('2026_2030_CTMTQG', {});
    for (const code of ['SERVICE_ACCESS_PCT', 'POST_REHAB_MANAGED_PCT', 'DRUG_CRIME_DETECT_GROWTH']) {
      const r = row(rows, code);
      expect(r.isConfirmed, code).toBe(false);
      const note = r.notes.find((n) => n.kind === 'UNCONFIRMED');
      expect(note?.kind === 'UNCONFIRMED' ? note.detail : '', code).toContain('163/2024/QH15');
    }
  });
});

describe('phase-long targets are cumulative from the phase start', () => {
  it('"> 80 % điểm nóng triệt xóa đến 2025" (QĐ 1452) counts from 1/1/2021, not within one period', () => {
    // In 2024 alone nothing was eliminated, but 9 of the 10 hotspots of the phase were by then.
    const r = row(compute('2021_2025_QD1452', { hotspotsActiveAtStart: 1, hotspotsActiveAtStartEliminated: 0, hotspotsInPhase: 10, hotspotsInPhaseEliminated: 9 }), 'HOTSPOT_ELIM_PCT');
    expect(r).toMatchObject({ current: { numerator: 9, denominator: 10, value: 90 }, isMet: true });
    expect(r.notes).toContainEqual({ kind: 'CUMULATIVE', since: '2021-01-01' });
  });

  it('"100 % … được phát hiện và triệt phá" by 2030 counts from 1/1/2026', () => {
    const r = row(compute('2026_2030_CTMTQG', { hotspotsInPhase: 4, hotspotsInPhaseEliminated: 4 }), 'HOTSPOTS_ELIMINATED_ALL');
    expect(r).toMatchObject({ current: { value: 100 }, isMet: true });
    expect(r.notes).toContainEqual({ kind: 'CUMULATIVE', since: '2026-01-01' });
  });

  it('a period ending before the phase has no cumulative figure', () => {
    const r = row(compute('2026_2030_CTMTQG', { hotspotsInPhase: null, hotspotsInPhaseEliminated: null }), 'HOTSPOTS_ELIMINATED_ALL');
    expect(r).toMatchObject({ current: { numerator: null, denominator: null, value: null }, isMet: null });
    expect(r.notes).toEqual([]);
  });
});

describe('a ratio whose numerator exceeds its denominator is capped at 100 % and flagged', () => {
  it('shows 100 %, says so, and does not assess it', () => {
    // 120 accessed services of 100 addicts and users: the figures disagree.
    const r = row(compute('2017_2020_QD424', { accessedServices: 120, addictsWithRecords: 100 }, { accessedServices: 130, addictsWithRecords: 100 }), 'SERVICE_ACCESS_PCT');
    expect(r.current).toEqual({ numerator: 120, denominator: 100, value: 100, isCapped: true });
    expect(r.isMet).toBeNull();
    expect(r.notes).toContainEqual({ kind: 'CAPPED', numerator: 120, denominator: 100 });
    expect(r.previous).toMatchObject({ value: 100, isCapped: true });
  });

  it('a numerator equal to its denominator is 100 % and not capped', () => {
    const r = row(compute('2017_2020_QD424', { accessedServices: 100, addictsWithRecords: 100 }), 'SERVICE_ACCESS_PCT');
    expect(r).toMatchObject({ current: { value: 100, isCapped: false }, isMet: true, notes: [] });
  });
});

describe('each period maps to exactly one national set, with explicit bounds', () => {
  it.each([
    ['2020-12-31', '2017_2020_QD424'],
    ['2021-01-01', '2021_2025_QD1452'],
    ['2025-12-31', '2021_2025_QD1452'],
    ['2026-01-01', '2026_2030_CTMTQG'],
    ['2000-01-31', '2017_2020_QD424'],
    ['2100-12-31', '2026_2030_CTMTQG'],
  ] as const)('a period ending %s → %s', (endDate, expected) => {
    const matching = INDICATOR_SET_IDS.filter((id) => isDefaultSetFor(INDICATOR_SETS[id], endingOn(endDate)));
    expect(matching).toEqual([expected]);
    expect(defaultSetForPeriod(endingOn(endDate))).toBe(expected);
  });

  it('the bounds of the national sets tile the calendar: open at both ends, each next set starting the day after', () => {
    const bounds = INDICATOR_SET_IDS.map((id) => INDICATOR_SETS[id].defaultFor).filter((b) => b !== null);
    expect(bounds[0]?.from).toBeNull();
    expect(bounds[bounds.length - 1]?.to).toBeNull();
    for (let i = 1; i < bounds.length; i += 1) {
      const previousEnd = bounds[i - 1]?.to ?? '';
      const dayAfter = new Date(Date.parse(`${previousEnd}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
      expect(bounds[i]?.from).toBe(dayAfter);
    }
  });

  it('a period ending in December 2025 and one spanning into 2026 fall on either side', () => {
    expect(defaultSetForPeriod(parsePeriodId('2025-AY') ?? endingOn(''))).toBe('2021_2025_QD1452');
    expect(defaultSetForPeriod(parsePeriodId('2025-12-15_2026-01-14') ?? endingOn(''))).toBe('2026_2030_CTMTQG');
  });
});

describe('Hà Nội\'s 2017–2020 plan is a provincial set: "90% … được tiếp cận dịch vụ … ; 100% người nghiện ma túy hoàn thành thời gian cai nghiện … được quản lý sau cai" (S4 I.4)', () => {
  it('holds 90 % access and 100 % post-rehab, for Hà Nội (01) only, never a default', () => {
    const hanoi = INDICATOR_SETS['2017_2020_HANOI'];
    expect(hanoi.scope).toEqual({ kind: 'PROVINCE', provinceCode: '01' });
    expect(hanoi.defaultFor).toBeNull();
    expect(hanoi.indicators.find((d) => d.code === 'SERVICE_ACCESS_PCT')?.targetMin).toBe(90);
    expect(hanoi.indicators.find((d) => d.code === 'POST_REHAB_MANAGED_PCT')?.targetMin).toBe(100);
    expect(setsForProvince('01')).toContain('2017_2020_HANOI');
    expect(setsForProvince('24')).not.toContain('2017_2020_HANOI');
    expect(setsForProvince(null)).toEqual(['2017_2020_QD424', '2021_2025_QD1452', '2026_2030_CTMTQG']);
  });

  it('the national 2017–2020 set keeps "80% số người nghiện … được tiếp cận" (S0 I.4) and no Hà Nội target', () => {
    const national = INDICATOR_SETS['2017_2020_QD424'];
    expect(national.scope).toEqual({ kind: 'NATIONAL' });
    const access = national.indicators.find((d) => d.code === 'SERVICE_ACCESS_PCT');
    expect(access?.targetMin).toBe(80);
    expect(access?.targetText.vi).not.toContain('Hà Nội');
    expect(national.indicators.some((d) => d.code === 'POST_REHAB_MANAGED_PCT')).toBe(false);
    expect(national.indicators.every((d) => !d.source.includes('S4'))).toBe(true);
  });
});
