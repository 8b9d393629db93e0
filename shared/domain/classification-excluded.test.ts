/**
 * Issue 12 item 3, excluded persons are "of which" parts. QĐ 28/2025/QĐ-TTg Art. 6.1
 * (domain.md §4.1): "No resident of the area is addicted or uses drugs illegally — except
 * people currently in substitution treatment, in voluntary rehab at home/community, or
 * under post-rehab management." The exception is about residents who are addicts or
 * users: it can only exempt persons who are counted among them.
 */
import { describe, expect, it } from 'vitest';
import { classifyCommune, type CommuneFigures } from './classification';
import { emptyStatus, type CommuneStatusValues } from './commune-status';
import type { FieldValue } from './fields';
import { runRules } from './rules';
import { V4 } from './rules/commune-rules';
import type { RuleContext } from './rules/types';

const ENTERED: CommuneFigures = {
  resident_population: 10_000,
  addicts_with_records: 0,
  users_with_records: 0,
  residents_violating_drug_law: 0,
  wanted_drug_fugitives_hiding: 0,
  harboring_points: 0,
  plants_destroyed_count: 0,
};

describe('the drug-free exemption applies only to persons who are counted', () => {
  it('excluded persons beyond the counts exempt nobody else: 2 addicts + 3 users, 9 excluded → still 5 counted, all exempt', () => {
    const c = classifyCommune({ ...ENTERED, addicts_with_records: 2, users_with_records: 3, on_substitution_treatment: 9 });
    expect(c.art6.no_users).toBe(true);
    expect(c.computed_class).toBe('KHONG_MA_TUY');
    expect(c.flags).toContain('DRUG_FREE_WITH_RECORDS');
  });

  it('one counted person outside the exemptions breaks Art. 6.1 whatever the excluded total', () => {
    const c = classifyCommune({ ...ENTERED, addicts_with_records: 3, on_substitution_treatment: 1, in_family_community_rehab: 1 });
    expect(c.art6.no_users).toBe(false);
    expect(c.drug_free).toBe(false);
    expect(c.computed_class).toBe('TRONG_DIEM_III');
  });

  it('excluded persons with nobody counted neither make nor break the class', () => {
    const c = classifyCommune({ ...ENTERED, under_post_rehab_management: 4 });
    expect(c.r1).toBe(0);
    expect(c.computed_class).toBe('KHONG_MA_TUY');
  });
});

function context(values: Partial<Record<keyof CommuneStatusValues, FieldValue>>): RuleContext {
  const status = { ...emptyStatus(), resident_population: 10_000, declared_class: 'CO_MA_TUY', ...values };
  return {
    period: { id: '2025-AY', kind: 'ASSESSMENT_YEAR', year: 2025, startDate: '2024-12-15', endDate: '2025-12-14' },
    scheme: 'NSO_2025',
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

describe('V4: more excluded persons than addicts and users with records is an error', () => {
  it('is an error, at the three excluded cells, saying they are "of which" parts', () => {
    const [problem, ...rest] = runRules(context({ addicts_with_records: 1, users_with_records: 1, on_substitution_treatment: 2, under_post_rehab_management: 1 }), [V4]).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ ruleId: 'V4', severity: 'error', fields: ['on_substitution_treatment', 'in_family_community_rehab', 'under_post_rehab_management'] });
    expect(problem?.message.vi).toContain('là một phần (“trong đó”)');
    expect(problem?.message.en).toContain('part of (“of which”)');
  });

  it('blocks the export (counted as an error)', () => {
    expect(runRules(context({ addicts_with_records: 1, in_family_community_rehab: 2 }), [V4]).counts).toEqual({ errors: 1, warnings: 0 });
  });

  it('equal counts are fine', () => {
    expect(runRules(context({ addicts_with_records: 2, users_with_records: 1, on_substitution_treatment: 3 }), [V4]).problems).toEqual([]);
  });
});
