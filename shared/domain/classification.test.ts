import { describe, expect, it } from 'vitest';
import { classifyCommune, type CommuneFigures, type Level, type Reading } from './classification';
import { explainClassification } from './classification-explain';
import type { CommuneClass } from './commune-status';

/** 100 000 residents: 0.5 % = 500 persons, 0.1 % = 100, 0.05 % = 50. */
const P = 100_000;
/** Every Art. 6 figure entered as 0 (blank is not zero: classification-missing.test.ts). */
const ENTERED = { addicts_with_records: 0, users_with_records: 0, residents_violating_drug_law: 0, wanted_drug_fugitives_hiding: 0, harboring_points: 0, plants_destroyed_count: 0 };
const fig = (extra: Partial<CommuneFigures>): CommuneFigures => ({ resident_population: P, ...ENTERED, ...extra });

type CriterionCase = [name: string, figures: Partial<CommuneFigures>, expected: Level | null];

describe('each criterion at, just below and just above its thresholds', () => {
  const cases: Record<'a' | 'b' | 'c' | 'd', CriterionCase[]> = {
    a: [
      ['R1 0 → none', {}, null],
      ['R1 1 person → III', { addicts_with_records: 1 }, 'III'],
      ['R1 just below 0.1 %', { addicts_with_records: 99 }, 'III'],
      ['R1 at 0.1 %', { addicts_with_records: 60, users_with_records: 40 }, 'II'],
      ['R1 just above 0.1 %', { users_with_records: 101 }, 'II'],
      ['R1 just below 0.5 %', { addicts_with_records: 499 }, 'II'],
      ['R1 at 0.5 %', { addicts_with_records: 250, users_with_records: 250 }, 'I'],
      ['R1 just above 0.5 %', { addicts_with_records: 501 }, 'I'],
      ['R1 at 0.5 % where 7/1400 is inexact in binary', { resident_population: 1400, addicts_with_records: 7 }, 'I'],
      ['R1 at 0.1 % of 3 000 003 (3 003 persons)', { resident_population: 3_003_000, users_with_records: 3_003 }, 'II'],
    ],
    b: [
      ['K 0', {}, null],
      ['K 1 (exactly one point) → II', { harboring_points: 1 }, 'II'],
      ['K 2 → I', { harboring_points: 2 }, 'I'],
      ['K 3 → I', { harboring_points: 3 }, 'I'],
    ],
    c: [
      ['R2 0', {}, null],
      ['R2 just below 0.05 %', { drug_offenders_arrested: 49 }, 'III'],
      ['R2 at 0.05 %', { drug_offenders_arrested: 50 }, 'II'],
      ['R2 just above 0.05 %', { drug_offenders_arrested: 51 }, 'II'],
      ['R2 just below 0.1 %', { drug_offenders_arrested: 99 }, 'II'],
      ['R2 at 0.1 %', { drug_offenders_arrested: 100 }, 'I'],
      ['R2 just above 0.1 %', { drug_offenders_arrested: 101 }, 'I'],
      ['R2 at 0.05 % of 2 000 (1 person)', { resident_population: 2000, drug_offenders_arrested: 1 }, 'II'],
    ],
    d: [
      ['no plants', {}, null],
      ['C 1 → III', { plants_destroyed_count: 1 }, 'III'],
      ['C 499', { plants_destroyed_count: 499 }, 'III'],
      ['C 500', { plants_destroyed_count: 500 }, 'II'],
      ['C 501', { plants_destroyed_count: 501 }, 'II'],
      ['C 2 999', { plants_destroyed_count: 2999 }, 'II'],
      ['C 3 000', { plants_destroyed_count: 3000 }, 'I'],
      ['C 3 001', { plants_destroyed_count: 3001 }, 'I'],
      ['S 0.01 m² → III', { plants_destroyed_area_m2: 0.01 }, 'III'],
      ['S 124.99 m²', { plants_destroyed_area_m2: 124.99 }, 'III'],
      ['S 125 m²', { plants_destroyed_area_m2: 125 }, 'II'],
      ['S 125.01 m²', { plants_destroyed_area_m2: 125.01 }, 'II'],
      ['S 749.99 m²', { plants_destroyed_area_m2: 749.99 }, 'II'],
      ['S 750 m²', { plants_destroyed_area_m2: 750 }, 'I'],
      ['S 750.01 m²', { plants_destroyed_area_m2: 750.01 }, 'I'],
      ['C or S: the more serious one (C 10, S 800 m²)', { plants_destroyed_count: 10, plants_destroyed_area_m2: 800 }, 'I'],
      ['C or S: the more serious one (C 600, S 1 m²)', { plants_destroyed_count: 600, plants_destroyed_area_m2: 1 }, 'II'],
    ],
  };
  for (const [criterion, rows] of Object.entries(cases) as ['a' | 'b' | 'c' | 'd', CriterionCase[]][]) {
    it.each(rows)(`${criterion}: %s`, (_name, figures, expected) => {
      expect(classifyCommune(fig(figures)).criteria_met[criterion]).toBe(expected);
    });
  }

  it('keeps the ratios as fractions', () => {
    const c = classifyCommune(fig({ addicts_with_records: 300, users_with_records: 300, drug_offenders_arrested: 70 }));
    expect(c.r1).toBeCloseTo(0.006, 12);
    expect(c.r2).toBeCloseTo(0.0007, 12);
  });
});

/** Figures that put a–d at the given levels (null = absent). */
function at(a: Level | null, b: 'I' | 'II' | null, c: Level | null, d: Level | null, route: CommuneFigures['key_route'] = 'NONE'): CommuneFigures {
  const r1 = { I: 600, II: 200, III: 20 } as const;
  const r2 = { I: 150, II: 70, III: 10 } as const;
  const plants = { I: 4000, II: 700, III: 50 } as const;
  return fig({
    addicts_with_records: a ? r1[a] : 0,
    harboring_points: b === 'I' ? 2 : b === 'II' ? 1 : 0,
    drug_offenders_arrested: c ? r2[c] : 0,
    plants_destroyed_count: d ? plants[d] : 0,
    key_route: route,
  });
}

type LevelCase = [name: string, figures: CommuneFigures, dd: Level | null, cumulative: CommuneClass, literal: CommuneClass];

describe('level rules (Art. 4)', () => {
  const rows: LevelCase[] = [
    ['3 criteria at I → I', at('I', 'I', 'I', null), null, 'TRONG_DIEM_I', 'TRONG_DIEM_I'],
    ['only 2 criteria (both at I), no route → III', at('I', 'I', null, null), null, 'TRONG_DIEM_III', 'TRONG_DIEM_III'],
    ['2 at I + II → II', at('I', 'I', 'II', null), null, 'TRONG_DIEM_II', 'TRONG_DIEM_III'],
    ['2 at I on a key route: đ at I makes 3 → I', at('I', 'I', null, null, 'INTRA_PROVINCE'), 'I', 'TRONG_DIEM_I', 'TRONG_DIEM_I'],
    ['2 at I on an inter-provincial route → I', at('I', null, 'I', null, 'INTER_PROVINCE'), 'I', 'TRONG_DIEM_I', 'TRONG_DIEM_I'],
    ['3 at II → II', at('II', 'II', 'II', null), null, 'TRONG_DIEM_II', 'TRONG_DIEM_II'],
    ['2 at II, no route → III', at('II', 'II', null, null), null, 'TRONG_DIEM_III', 'TRONG_DIEM_III'],
    // Issue 12 item 2: đ "at level II when ≥ 2 are at level III or more serious" counts for level II in the literal reading too.
    ['2 at II on a route → đ at I, 3 at II or higher → II', at('II', null, null, 'II', 'INTRA_PROVINCE'), 'I', 'TRONG_DIEM_II', 'TRONG_DIEM_II'],
    ['1 at II + 1 at III on a route → đ at II → 2 criteria → III', at('II', null, 'III', null, 'INTRA_PROVINCE'), 'II', 'TRONG_DIEM_III', 'TRONG_DIEM_III'],
    ['2 at II + 1 at III on a route → II', at('II', 'II', 'III', null, 'INTER_PROVINCE'), 'I', 'TRONG_DIEM_II', 'TRONG_DIEM_II'],
    ['2 at III on a route → đ at II only', at('III', null, 'III', null, 'INTRA_PROVINCE'), 'II', 'TRONG_DIEM_III', 'TRONG_DIEM_III'],
    ['1 criterion only, on a route → no đ', at('III', null, null, null, 'INTRA_PROVINCE'), null, 'TRONG_DIEM_III', 'TRONG_DIEM_III'],
    ['only a at III → III', at('III', null, null, null), null, 'TRONG_DIEM_III', 'TRONG_DIEM_III'],
    ['only c at III → III', at(null, null, 'III', null), null, 'TRONG_DIEM_III', 'TRONG_DIEM_III'],
    ['only d at III → III', at(null, null, null, 'III'), null, 'TRONG_DIEM_III', 'TRONG_DIEM_III'],
    ['4 at I → I', at('I', 'I', 'I', 'I', 'INTER_PROVINCE'), 'I', 'TRONG_DIEM_I', 'TRONG_DIEM_I'],
    ['a, c, d at II, b at I → II', at('II', 'I', 'II', 'II'), null, 'TRONG_DIEM_II', 'TRONG_DIEM_II'],
  ];
  it.each(rows)('%s', (_name, figures, dd, cumulative, literal) => {
    const c = classifyCommune(figures);
    expect(c.criteria_met.dd).toBe(dd);
    expect(c.computed_class).toBe(cumulative);
    expect(classifyCommune(figures, 'literal').computed_class).toBe(literal);
    expect(c.flags.includes('LITERAL_DIFFERS')).toBe(cumulative !== literal);
  });

  it('needs a key route for criterion đ', () => {
    expect(classifyCommune(at('II', 'II', null, null, 'NONE')).criteria_met.dd).toBeNull();
    expect(classifyCommune(at('II', 'II', null, null, 'INTRA_PROVINCE')).criteria_met.dd).toBe('I');
  });

  it('does not count points for level III (b alone is not key)', () => {
    const c = classifyCommune(fig({ harboring_points: 1 }));
    expect(c.computed_class).toBe('CO_MA_TUY');
    expect(c.flags).toEqual(['ONLY_HARBORING_POINT', 'MANUAL_REVIEW']);
    expect(c.drug_free).toBe(false);
    expect(classifyCommune(fig({ harboring_points: 3, key_route: 'INTER_PROVINCE' })).computed_class).toBe('CO_MA_TUY');
  });
});

describe('the ambiguous example of domain.md §5.4: R1 0.6 %, 1 point, R2 0.07 %', () => {
  const example = fig({ addicts_with_records: 400, users_with_records: 200, harboring_points: 1, drug_offenders_arrested: 70 });
  const readings: [Reading, CommuneClass, CommuneClass][] = [
    ['cumulative', 'TRONG_DIEM_II', 'TRONG_DIEM_III'],
    ['literal', 'TRONG_DIEM_III', 'TRONG_DIEM_II'],
  ];
  it.each(readings)('%s reading → %s, flags the other reading', (reading, expected, other) => {
    const c = classifyCommune(example, reading);
    expect(c.criteria_met).toEqual({ a: 'I', b: 'II', c: 'II', d: null, dd: null });
    expect(c.computed_class).toBe(expected);
    expect(c.other_reading_class).toBe(other);
    expect(c.flags).toContain('LITERAL_DIFFERS');
  });

  it('gives level II under both readings when R1 is 0.4 %', () => {
    const lower = { ...example, addicts_with_records: 200 };
    expect(classifyCommune(lower).computed_class).toBe('TRONG_DIEM_II');
    expect(classifyCommune(lower, 'literal').computed_class).toBe('TRONG_DIEM_II');
    expect(classifyCommune(lower).flags).toEqual([]);
  });

  it('defaults to the cumulative reading', () => {
    expect(classifyCommune(example).reading).toBe('cumulative');
  });
});

type DrugFreeCase = [name: string, figures: Partial<CommuneFigures>, drugFree: boolean, cls: CommuneClass, flags: string[]];

describe('drug-free area (Art. 6)', () => {
  const rows: DrugFreeCase[] = [
    ['nothing at all', {}, true, 'KHONG_MA_TUY', []],
    ['addicts all in substitution treatment', { addicts_with_records: 3, on_substitution_treatment: 3 }, true, 'KHONG_MA_TUY', ['DRUG_FREE_WITH_RECORDS']],
    ['users in community rehab + post-rehab', { users_with_records: 4, in_family_community_rehab: 1, under_post_rehab_management: 3 }, true, 'KHONG_MA_TUY', ['DRUG_FREE_WITH_RECORDS']],
    ['excluded persons without records', { on_substitution_treatment: 2 }, true, 'KHONG_MA_TUY', []],
    ['one addict outside the exemptions', { addicts_with_records: 3, on_substitution_treatment: 2 }, false, 'TRONG_DIEM_III', []],
    ['a resident violating drug law (6.2)', { residents_violating_drug_law: 1 }, false, 'CO_MA_TUY', ['MANUAL_REVIEW']],
    ['a wanted fugitive hiding (6.2)', { wanted_drug_fugitives_hiding: 1 }, false, 'CO_MA_TUY', ['MANUAL_REVIEW']],
    ['a harbouring point (6.3)', { harboring_points: 1 }, false, 'CO_MA_TUY', ['ONLY_HARBORING_POINT', 'MANUAL_REVIEW']],
    ['a point and a violator', { harboring_points: 1, residents_violating_drug_law: 2 }, false, 'CO_MA_TUY', ['MANUAL_REVIEW']],
    ['excluded persons but a point', { addicts_with_records: 2, on_substitution_treatment: 2, harboring_points: 1 }, false, 'TRONG_DIEM_III', []],
    // Issue 12 item 4: Art. 6 holding beside a key level is always flagged for a manual decision.
    ['Art. 6 holds but arrests in the area: key level III proposed, decided by hand', { drug_offenders_arrested: 1 }, true, 'TRONG_DIEM_III', ['ART6_HOLDS_BUT_KEY']],
    ['Art. 6 holds but plants destroyed: key level III proposed, decided by hand', { plants_destroyed_count: 5 }, true, 'TRONG_DIEM_III', ['ART6_HOLDS_BUT_KEY']],
    ['excluded persons and arrests: key level III, decided by hand', { addicts_with_records: 1, on_substitution_treatment: 1, drug_offenders_arrested: 1 }, true, 'TRONG_DIEM_III', ['ART6_HOLDS_BUT_KEY']],
  ];
  it.each(rows)('%s', (_name, figures, drugFree, cls, flags) => {
    const c = classifyCommune(fig(figures));
    expect(c.drug_free).toBe(drugFree);
    expect(c.computed_class).toBe(cls);
    expect(c.flags).toEqual(flags);
  });
});

describe('zero population', () => {
  it('is not determined and computes no ratio', () => {
    const c = classifyCommune({ resident_population: 0, addicts_with_records: 5, harboring_points: 2 });
    expect(c.computed_class).toBe('CHUA_XAC_DINH');
    expect(c.flags).toEqual(['ZERO_POPULATION']);
    expect(c.r1).toBeNull();
    expect(c.r2).toBeNull();
    expect(c.criteria_met).toEqual({ a: null, b: null, c: null, d: null, dd: null });
    expect(explainClassification(c, 'vi')[0]).toContain('Nhân khẩu bằng 0');
  });
});

describe('explainClassification', () => {
  const example = classifyCommune(fig({ addicts_with_records: 600, harboring_points: 1, drug_offenders_arrested: 70 }));

  it('reads in Vietnamese, one line per criterion', () => {
    const lines = explainClassification(example, 'vi');
    expect(lines[0]).toBe('a. Tỷ lệ người nghiện, sử dụng có hồ sơ 0,60 % ≥ 0,5 % → loại I');
    expect(lines[1]).toBe('b. Số điểm tổ chức, chứa chấp 1 = 1 → loại II');
    expect(lines[2]).toBe('c. Tỷ lệ đối tượng bị bắt 0,07 % ≥ 0,05 % → loại II');
    expect(lines[3]).toBe('d. Cây có chứa chất ma túy bị phá 0 cây, 0 m² → không đạt');
    expect(lines[4]).toContain('không nằm trên tuyến trọng điểm');
    expect(lines[5]).toContain('Điều 6 (không ma túy): không đạt');
    expect(lines[6]).toContain('Trọng điểm loại II');
    expect(lines[6]).toContain('3 tiêu chí đạt loại II');
    expect(lines[7]).toContain('Trọng điểm loại III');
  });

  it('reads in English', () => {
    const lines = explainClassification(example, 'en');
    expect(lines[0]).toBe('a. Addicts and users with records 0.60 % ≥ 0.5 % → level I');
    expect(lines.at(-1)).toContain('PC04');
  });

  it('never shows a value below a threshold as equal to it', () => {
    const c = classifyCommune({ resident_population: 1_000_000, addicts_with_records: 4_999 });
    expect(explainClassification(c, 'en')[0]).toBe('a. Addicts and users with records 0.4999 % ≥ 0.1 % → level II');
  });
});
