/**
 * Issue 12 item 2, criterion đ in the literal reading. QĐ 28/2025/QĐ-TTg Art. 4
 * (domain.md §4.1): đ is met "at level I: ≥ 2 criteria at level II or higher and lies on an
 * intra- or inter-provincial key route; at level II: ≥ 2 criteria at level III or higher
 * and lies on a key route"; d is met by "C ≥ 3,000 or S ≥ 750 m²" (I), "500 ≤ C < 3,000 or
 * 125 ≤ S < 750 m²" (II): count and area each in their own band.
 */
import { describe, expect, it } from 'vitest';
import { classifyCommune, criteriaCountFor, READINGS, type CommuneFigures } from './classification';

/** 10 000 residents: a = 15 persons is 0.15 % (level-II band), c = 7 arrests is 0.07 % (level-II band). */
const ISSUE_EXAMPLE: CommuneFigures = { resident_population: 10_000, addicts_with_records: 15, drug_offenders_arrested: 7, key_route: 'INTRA_PROVINCE' };

describe('đ "at level II when ≥ 2 are at level III or more serious" counts for level II in both readings', () => {
  it.each(READINGS.map((reading) => ({ reading })))('a = 0.15 per cent, c = 0.07 per cent, intra-provincial route → TRONG_DIEM_II ($reading), no LITERAL_DIFFERS', ({ reading }) => {
    const c = classifyCommune(ISSUE_EXAMPLE, reading);
    expect(c.criteria_met).toEqual({ a: 'II', b: null, c: 'II', d: null, dd: 'I' });
    expect(c.computed_class).toBe('TRONG_DIEM_II');
    expect(c.other_reading_class).toBe('TRONG_DIEM_II');
    expect(c.flags).not.toContain('LITERAL_DIFFERS');
    expect(criteriaCountFor(c, 'II', reading)).toBe(3);
  });

  it('đ still counts for level I only with ≥ 2 criteria at level II or higher', () => {
    const c = classifyCommune({ resident_population: 10_000, addicts_with_records: 15, drug_offenders_arrested: 3, key_route: 'INTER_PROVINCE' }, 'literal');
    expect(c.criteria_met.dd).toBe('II');
    expect(criteriaCountFor(c, 'I', 'literal')).toBe(0);
    expect(criteriaCountFor(c, 'II', 'literal')).toBe(2);
    expect(c.computed_class).toBe('TRONG_DIEM_III');
  });

  it('without a key route đ is never met, in either reading', () => {
    for (const reading of READINGS) expect(classifyCommune({ ...ISSUE_EXAMPLE, key_route: 'NONE' }, reading).computed_class).toBe('TRONG_DIEM_III');
  });
});

describe('criterion d: the count and the area are banded separately in the literal reading', () => {
  // a and c in the level-II band; plants: 600 (count, level-II band) on 800 m² (area, level-I band).
  const figures: CommuneFigures = { resident_population: 10_000, addicts_with_records: 15, drug_offenders_arrested: 7, plants_destroyed_count: 600, plants_destroyed_area_m2: 800 };

  it('keeps each level: count II, area I, d at the more serious one', () => {
    const c = classifyCommune(figures, 'literal');
    expect(c.plant_levels).toEqual({ count: 'II', area: 'I' });
    expect(c.criteria_met.d).toBe('I');
  });

  it('d counts for level II because its count lies in the level-II band (either in a band satisfies it)', () => {
    const c = classifyCommune(figures, 'literal');
    expect(criteriaCountFor(c, 'II', 'literal')).toBe(3);
    expect(c.computed_class).toBe('TRONG_DIEM_II');
    expect(c.flags).not.toContain('LITERAL_DIFFERS');
  });

  it('d counts for level I as well through its area', () => {
    expect(criteriaCountFor(classifyCommune(figures, 'literal'), 'I', 'literal')).toBe(1);
  });
});
