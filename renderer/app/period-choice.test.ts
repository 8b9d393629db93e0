import { describe, expect, it } from 'vitest';
import { changeKind, choiceFromId, choiceId, seqCount, yearOptions } from './period-choice';

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
