import { describe, expect, it } from 'vitest';
import { changeKind, choiceFromId, choiceId, defaultPeriodId, seqCount, yearOptions } from './period-choice';

describe('period choice', () => {
  it('round-trips period ids', () => {
    for (const id of ['2025', '2025-H2', '2025-Q3', '2025-06', '2025-AY', '2025-HN', '2025-AM', '2025-03-01_2025-08-31']) {
      expect(choiceId(choiceFromId(id) ?? { kind: 'YEAR', year: 0, seq: null })).toBe(id);
    }
  });

  it('keeps the same stretch of the year when the kind changes', () => {
    const q3 = { kind: 'QUARTER' as const, year: 2025, seq: 3 };
    expect(choiceId(changeKind(q3, 'HALF_YEAR', 1))).toBe('2025-H2');
    expect(choiceId(changeKind(q3, 'MONTH', 1))).toBe('2025-07');
    expect(choiceId(changeKind(q3, 'YEAR', 1))).toBe('2025');
    expect(choiceId(changeKind(q3, 'ASSESSMENT_YEAR', 1))).toBe('2025-AY');
    expect(choiceId(changeKind(q3, 'CUSTOM', 1))).toBe('2025-07-01_2025-09-30');
    expect(choiceId(changeKind({ kind: 'YEAR', year: 2025, seq: null }, 'QUARTER', 11))).toBe('2025-Q4');
  });

  it('offers the sequence numbers and years a user needs', () => {
    expect([seqCount('YEAR'), seqCount('HALF_YEAR'), seqCount('QUARTER'), seqCount('MONTH'), seqCount('HANOI_YEAR')]).toEqual([0, 2, 4, 12, 0]);
    expect(yearOptions(2026)).toContain(2025);
    expect(yearOptions(2026)[0]).toBe(2027);
  });
});

describe('the period a workspace opens on', () => {
  it('is today\'s quarter on the list that applies, and the last quarter before 1/7/2025 for an office on the old list (domain.md §7.4)', () => {
    expect(defaultPeriodId('NSO_2025', '2026-12-04')).toBe('2026-Q4');
    expect(defaultPeriodId('GSO_2004', '2026-12-04')).toBe('2025-Q2');
    expect(defaultPeriodId('GSO_2004', '2025-06-30')).toBe('2025-Q2');
    expect(defaultPeriodId('GSO_2004', '2024-02-10')).toBe('2024-Q1');
    expect(defaultPeriodId('NSO_2025', '2025-03-01')).toBe('2025-Q3');
  });
});
