/**
 * Issue 12 item 1, "missing is not zero". QĐ 28/2025/QĐ-TTg Art. 6: a drug-free area is
 * one where "1. no resident is addicted or uses drugs illegally (except substitution
 * treatment, community rehab, post-rehab management); 2. no resident violates drug law
 * and no person wanted for a drug crime is hiding there; 3. no point organising/harbouring
 * illegal drug use" (domain.md §4.1). A blank cell proves none of that.
 */
import { describe, expect, it } from 'vitest';
import { ART6_FIELDS, classifyCommune, type CommuneFigures } from './classification';
import { explainClassification } from './classification-explain';
import { emptyStatus } from './commune-status';
import { figuresOf } from './rules';

const ALL_ZERO: CommuneFigures = {
  resident_population: 10_000,
  addicts_with_records: 0,
  users_with_records: 0,
  residents_violating_drug_law: 0,
  wanted_drug_fugitives_hiding: 0,
  harboring_points: 0,
  plants_destroyed_count: 0,
  plants_destroyed_area_m2: 0,
};

function without(...keys: (keyof CommuneFigures)[]): CommuneFigures {
  const out: CommuneFigures = { ...ALL_ZERO };
  for (const key of keys) delete out[key];
  return out;
}

describe('Art. 6 needs its figures entered (possibly as 0) before a commune is drug-free', () => {
  it('a commune with only its population is not determined, listing every blank Art. 6 field', () => {
    const c = classifyCommune({ resident_population: 10_000 });
    expect(c.computed_class).toBe('CHUA_XAC_DINH');
    expect(c.drug_free).toBe(false);
    expect(c.flags).toEqual(['ART6_INCOMPLETE']);
    expect(c.missing).toEqual([...ART6_FIELDS]);
  });

  it('every Art. 6 figure entered as 0 makes the commune drug-free', () => {
    const c = classifyCommune(ALL_ZERO);
    expect(c.computed_class).toBe('KHONG_MA_TUY');
    expect(c.missing).toEqual([]);
  });

  it.each([
    ['addicts_with_records'],
    ['users_with_records'],
    ['residents_violating_drug_law'],
    ['wanted_drug_fugitives_hiding'],
    ['harboring_points'],
  ] as const)('one blank condition (%s) is enough to leave it not determined', (key) => {
    const c = classifyCommune(without(key));
    expect(c.computed_class).toBe('CHUA_XAC_DINH');
    expect(c.missing).toEqual([key]);
  });

  it('the plants count as entered when either their count or their area is', () => {
    expect(classifyCommune(without('plants_destroyed_area_m2')).computed_class).toBe('KHONG_MA_TUY');
    expect(classifyCommune(without('plants_destroyed_count')).computed_class).toBe('KHONG_MA_TUY');
    expect(classifyCommune(without('plants_destroyed_count', 'plants_destroyed_area_m2')).missing).toEqual(['plants_destroyed_count', 'plants_destroyed_area_m2']);
  });

  it('excluded persons may stay blank: a blank there only makes Art. 6.1 harder to meet', () => {
    expect(classifyCommune({ ...ALL_ZERO, addicts_with_records: 2 }).computed_class).toBe('TRONG_DIEM_III');
    expect(classifyCommune(ALL_ZERO).missing).toEqual([]);
  });

  it('a violation entered beside blanks is still not determined, not "có ma túy"', () => {
    expect(classifyCommune({ resident_population: 10_000, residents_violating_drug_law: 1 }).computed_class).toBe('CHUA_XAC_DINH');
  });
});

describe('criteria a–d still classify from what is entered (Art. 4)', () => {
  it('arrests alone (R2 > 0) give level III though Art. 6 figures are blank', () => {
    const c = classifyCommune({ resident_population: 10_000, drug_offenders_arrested: 1 });
    expect(c.computed_class).toBe('TRONG_DIEM_III');
    expect(c.missing.length).toBeGreaterThan(0);
  });

  it('a = 0.15 %, c = 0.07 % on an intra-provincial route is level II with the rest blank', () => {
    const c = classifyCommune({ resident_population: 10_000, addicts_with_records: 15, drug_offenders_arrested: 7, key_route: 'INTRA_PROVINCE' });
    expect(c.computed_class).toBe('TRONG_DIEM_II');
  });
});

describe('the sheet and the rules read blank cells as blank', () => {
  it('figuresOf leaves a null cell out instead of making it 0', () => {
    const status = { ...emptyStatus(), resident_population: 5000, harboring_points: 0 };
    const figures = figuresOf(status);
    expect(figures).toEqual({ resident_population: 5000, harboring_points: 0, key_route: 'NONE' });
    expect(classifyCommune(figures).computed_class).toBe('CHUA_XAC_DINH');
  });

  it('the explanation names the blank fields, in Vietnamese and English', () => {
    const c = classifyCommune(without('harboring_points', 'wanted_drug_fugitives_hiding'));
    const vi = explainClassification(c, 'vi');
    expect(vi).toContain('Chưa nhập (để trống khác với 0): Đối tượng truy nã lẩn trốn; Điểm chứa chấp sử dụng');
    expect(vi.at(-1)).toContain('hãy nhập các ô còn trống');
    expect(explainClassification(c, 'en')).toContain('Not entered (blank is not 0): Wanted fugitives hiding; Harbouring points');
  });
});
