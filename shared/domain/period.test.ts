import { describe, expect, it } from 'vitest';
import { parsePeriodId, periodId, periodLabel, quarterOf } from './period';

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
      expect(p && periodId(p.kind, p.year, p.seq)).toBe(id);
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
