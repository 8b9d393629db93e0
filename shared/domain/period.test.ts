import { describe, expect, it } from 'vitest';
import { parsePeriodId, periodId, periodLabel, previousPeriodId, quarterOf } from './period';

describe('parsePeriodId', () => {
  it('reads the four period forms with their calendar ranges', () => {
    expect(parsePeriodId('2025')).toMatchObject({ kind: 'YEAR', startDate: '2025-01-01', endDate: '2025-12-31' });
    expect(parsePeriodId('2025-H1')).toMatchObject({ kind: 'HALF_YEAR', seq: 1, endDate: '2025-06-30' });
    expect(parsePeriodId('2025-H2')).toMatchObject({ startDate: '2025-07-01', endDate: '2025-12-31' });
    expect(parsePeriodId('2025-Q3')).toMatchObject({ kind: 'QUARTER', startDate: '2025-07-01', endDate: '2025-09-30' });
    expect(parsePeriodId('2024-02')).toMatchObject({ kind: 'MONTH', seq: 2, endDate: '2024-02-29' });
    expect(parsePeriodId('2025-02')?.endDate).toBe('2025-02-28');
  });

  it('rejects anything else', () => {
    for (const bad of ['', '25', '2025-Q5', '2025-13', '2025-H3', '2025-6', '1999', '2025-q1', 'abcd']) {
      expect(parsePeriodId(bad), bad).toBeNull();
    }
  });

  it('round-trips through periodId', () => {
    for (const id of ['2030', '2026-H2', '2026-Q1', '2026-11']) {
      const p = parsePeriodId(id);
      expect(p && p.kind !== 'CUSTOM' && periodId(p.kind, p.year, p.seq)).toBe(id);
    }
  });
});

describe('labels and defaults', () => {
  it('writes official Vietnamese labels', () => {
    const label = (id: string): string => {
      const p = parsePeriodId(id);
      if (!p) throw new Error(id);
      return periodLabel(p, 'vi');
    };
    expect(label('2025-Q3')).toBe('Quý III/2025');
    expect(label('2025-H1')).toBe('6 tháng đầu năm 2025');
    expect(label('2025-06')).toBe('Tháng 06/2025');
    expect(label('2025')).toBe('Năm 2025');
  });

  it('defaults to the quarter of a date', () => {
    expect(quarterOf('2026-11-23')).toBe('2026-Q4');
    expect(quarterOf('2026-01-01')).toBe('2026-Q1');
  });
});

describe('official windows and custom ranges', () => {
  it('reads the assessment year, the Hà Nội year, the action month and custom ranges', () => {
    expect(parsePeriodId('2025-AY')).toMatchObject({ kind: 'ASSESSMENT_YEAR', startDate: '2024-12-15', endDate: '2025-12-14' });
    expect(parsePeriodId('2025-HN')).toMatchObject({ kind: 'HANOI_YEAR', startDate: '2024-11-16', endDate: '2025-11-15' });
    expect(parsePeriodId('2025-AM')).toMatchObject({ kind: 'ACTION_MONTH', startDate: '2025-06-01', endDate: '2025-06-30' });
    expect(parsePeriodId('2025-03-01_2025-08-31')).toMatchObject({ kind: 'CUSTOM', year: 2025, startDate: '2025-03-01', endDate: '2025-08-31' });
    expect(parsePeriodId('2025-08-31_2025-03-01')).toBeNull();
    expect(parsePeriodId('2025-02-30_2025-03-01')).toBeNull();
  });

  it('labels them as officials write them', () => {
    const p = parsePeriodId('2025-AY');
    expect(p && periodLabel(p, 'vi')).toBe('Năm đánh giá 2025 (15/12/2024–14/12/2025)');
  });

  it('finds the previous period of the same kind', () => {
    const prev = (id: string): string => {
      const p = parsePeriodId(id);
      if (!p) throw new Error(id);
      return previousPeriodId(p);
    };
    expect(prev('2025-Q1')).toBe('2024-Q4');
    expect(prev('2025-Q3')).toBe('2025-Q2');
    expect(prev('2025-01')).toBe('2024-12');
    expect(prev('2025-H1')).toBe('2024-H2');
    expect(prev('2025')).toBe('2024');
    expect(prev('2025-AY')).toBe('2024-AY');
    expect(prev('2025-07-01_2025-07-10')).toBe('2025-06-21_2025-06-30');
  });
});
