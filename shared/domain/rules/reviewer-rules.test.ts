/**
 * Issue 12 item 5, "missing rules a reviewer expects", each against the text it
 * implements: completeness (QĐ 28/2025/QĐ-TTg Art. 1, 9), the consistency rules of
 * domain.md §7.6, the approval (domain.md §7.5, QĐ 28/2025 Art. 9), the model-site field
 * rules of domain.md §7.8, and two plausibility warnings.
 */
import { describe, expect, it } from 'vitest';
import { emptyStatus, type CommuneStatusValues } from '../commune-status';
import type { FieldValue } from '../fields';
import { MODEL_SITE_FIELDS, type ModelSiteValues } from '../model-site';
import { V16 } from './commune-period-rules';
import { V23 } from './decision-rules';
import { runRules } from './engine';
import { M5, M6 } from './model-site-rules';
import { V24, V25 } from './plausibility-rules';
import { V17, V18, V19, V20, V21, V22 } from './stats-rules';
import type { Rule, RuleCommune, RuleContext, RuleModelSite } from './types';

type Values = Partial<Record<keyof CommuneStatusValues, FieldValue>>;

/** A "has drugs" commune with every Art. 6 figure entered: clean for every rule here. */
function status(values: Values = {}): CommuneStatusValues {
  const art6 = { residents_violating_drug_law: 0, wanted_drug_fugitives_hiding: 0, harboring_points: 0, plants_destroyed_count: 0, plants_destroyed_area_m2: 0 };
  return { ...emptyStatus(), resident_population: 10_000, declared_class: 'CO_MA_TUY', addicts_with_records: 6, users_with_records: 4, ...art6, ...values };
}

function commune(code: string, values: Values | null = {}): RuleCommune {
  return { code, name: `Phường ${code}`, unitType: 'phuong', parentCode: '01', parentName: 'Thành phố Hà Nội', status: values === null ? null : status(values) };
}

function model(id: string, values: Partial<Record<keyof ModelSiteValues, FieldValue>>): RuleModelSite {
  const all = Object.fromEntries(MODEL_SITE_FIELDS.map((f) => [f.key, null])) as ModelSiteValues;
  return { id, label: `Mô hình ${id}`, values: { ...all, name: `Mô hình ${id}`, host_unit_code: '00001', level: 'XA', establishment_date: '2025-03-01', ...values } };
}

function context(over: Partial<RuleContext> = {}): RuleContext {
  return {
    period: { id: '2025-AY', kind: 'ASSESSMENT_YEAR', year: 2025, startDate: '2024-12-15', endDate: '2025-12-14' },
    scheme: 'NSO_2025',
    office: { code: '01', level: 'PROVINCE', name: 'Thành phố Hà Nội' },
    today: '2025-12-20',
    communes: [commune('00001')],
    officeUnitCodes: new Set(['01', '00001', '00004', '00006']),
    hotspots: [],
    modelSites: [],
    previousClasses: new Map(),
    isNoNewHotspotsTarget: false,
    reading: 'cumulative',
    ...over,
  };
}

const one = (values: Values, over: Partial<RuleContext> = {}) => context({ communes: [commune('00001', values)], ...over });
const found = (ctx: RuleContext, rule: Rule) => runRules(ctx, [rule]).problems;

describe('V16 completeness: "done periodically every year" by every commune (QĐ 28/2025 Art. 1, 9)', () => {
  it('a period with communes left empty is an error naming how many and which', () => {
    const ctx = context({ communes: [commune('00001'), commune('00004', null), commune('00006', null)] });
    const [problem, ...rest] = found(ctx, V16);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', recordId: '01', sheet: 'communeStatuses' });
    expect(problem?.message.vi).toMatch(/^2 trong 3 xã, phường chưa có số liệu kỳ Năm đánh giá 2025 \(15\/12\/2024–14\/12\/2025\): Phường 00004, Phường 00006\. /u);
    expect(problem?.message.en).toMatch(/^2 of 3 communes have no figures for period Assessment year 2025/u);
  });

  it('names five and counts the rest', () => {
    const communes = Array.from({ length: 24 }, (_, i) => commune(String(i + 1).padStart(5, '0'), i === 0 ? {} : null));
    const [problem] = found(context({ communes }), V16);
    expect(problem?.message.vi).toContain('23 trong 24 xã, phường');
    expect(problem?.message.vi).toContain('Phường 00006 và 18 xã, phường khác');
  });

  it('a period where every commune has its figures has no V16', () => {
    expect(found(context({ communes: [commune('00001'), commune('00004')] }), V16)).toEqual([]);
  });
});

describe('V17: "sex sum = age sum = addicts_with_records (W if not)" (domain.md §7.6)', () => {
  it('a sex split that does not add up is a warning at the cells, with the values', () => {
    const [problem] = found(one({ addicts_records_male: 4, addicts_records_female: 1 }), V17);
    expect(problem).toMatchObject({ severity: 'warning', fields: ['addicts_with_records', 'addicts_records_male', 'addicts_records_female'] });
    expect(problem?.message.vi).toContain('Người nghiện có hồ sơ = 6; Người nghiện: nam + Người nghiện: nữ = 5');
  });
  it('an age split that disagrees with the sex split is a warning even when addicts are blank', () => {
    const ctx = one({ addicts_with_records: null, users_with_records: 10, addicts_records_male: 3, addicts_records_female: 3, addicts_records_age_18_29: 2, addicts_records_age_30_plus: 3 });
    expect(found(ctx, V17)).toHaveLength(1);
  });
  it('splits that agree, or none entered, are fine', () => {
    expect(found(one({ addicts_records_male: 5, addicts_records_female: 1, addicts_records_age_lt18: 0, addicts_records_age_18_29: 2, addicts_records_age_30_plus: 4 }), V17)).toEqual([]);
    expect(found(one({}), V17)).toEqual([]);
  });
});

describe('V18: "accessed_services ≤ addicts+users" (domain.md §7.6; T9)', () => {
  it('more people accessing services than addicts and users with records is a warning', () => {
    const [problem] = found(one({ accessed_services: 11 }), V18);
    expect(problem).toMatchObject({ severity: 'warning', fields: ['accessed_services', 'addicts_with_records', 'users_with_records'] });
    expect(problem?.message.vi).toContain('Được tiếp cận dịch vụ (11) nhiều hơn Người nghiện có hồ sơ + Người sử dụng có hồ sơ (10)');
  });
  it('as many as them is fine', () => {
    expect(found(one({ accessed_services: 10 }), V18)).toEqual([]);
  });
});

describe('V19: rehab is a measure for addicts (Law 73/2021/QH14 Art. 28)', () => {
  it('more people taken into rehab than addicts with records is a warning', () => {
    expect(found(one({ rehab_compulsory: 3, rehab_voluntary_facility: 2, rehab_voluntary_family_community: 2 }), V19).map((p) => p.message.en)).toEqual([
      expect.stringContaining('(Compulsory rehab + Voluntary rehab at a facility + Voluntary rehab at home/community = 7) exceed Addicts with records (6)'),
    ]);
  });
  it('within the addicts is fine', () => {
    expect(found(one({ rehab_compulsory: 3, rehab_voluntary_facility: 3 }), V19)).toEqual([]);
  });
});

describe('V20: removed from management ≤ the records they come from (T5, domain.md §3.1)', () => {
  const previous = new Map([['00001', status({ addicts_with_records: 5, users_with_records: 2 })]]);
  it('more removed than on the records at the start plus newly detected is a warning', () => {
    expect(found(one({ removed_from_management: 9, new_addicts_detected: 1 }, { previousStatuses: previous }), V20)).toHaveLength(1);
  });
  it('within them is fine, and without the previous period nothing is claimed', () => {
    expect(found(one({ removed_from_management: 8, new_addicts_detected: 1 }, { previousStatuses: previous }), V20)).toEqual([]);
    expect(found(one({ removed_from_management: 90 }), V20)).toEqual([]);
  });
});

describe('V21: relapses are found among people managed after rehab (NĐ 116/2021/NĐ-CP)', () => {
  it('more relapses than people under post-rehab management is a warning', () => {
    expect(found(one({ relapse_detected: 3, under_post_rehab_management: 2 }), V21).map((p) => p.fields)).toEqual([['relapse_detected', 'under_post_rehab_management']]);
    expect(found(one({ relapse_detected: 3, post_rehab_managed: 2, under_post_rehab_management: 5 }), V21).map((p) => p.fields)).toEqual([['relapse_detected', 'post_rehab_managed']]);
  });
  it('within them is fine', () => {
    expect(found(one({ relapse_detected: 2, post_rehab_managed: 2 }), V21)).toEqual([]);
  });
});

describe('V22: arrests (R2, QĐ 28/2025 Art. 4 c) vs offenders and cases (Penal Code Ch. XX)', () => {
  it('more people arrested than drug offenders is a warning', () => {
    expect(found(one({ drug_offenders_arrested: 4, drug_offenders: 3, drug_cases: 2 }), V22).map((p) => p.fields)).toEqual([['drug_offenders_arrested', 'drug_offenders']]);
  });
  it('fewer offenders than cases is a warning (each case has an offender)', () => {
    expect(found(one({ drug_offenders: 1, drug_cases: 2 }), V22).map((p) => p.fields)).toEqual([['drug_cases', 'drug_offenders']]);
  });
  it('arrests with 0 cases and offenders blank is a warning', () => {
    expect(found(one({ drug_offenders_arrested: 2, drug_cases: 0 }), V22).map((p) => p.fields)).toEqual([['drug_offenders_arrested', 'drug_cases']]);
  });
  it('consistent figures are fine', () => {
    expect(found(one({ drug_offenders_arrested: 3, drug_offenders: 3, drug_cases: 2 }), V22)).toEqual([]);
  });
});

describe('V23: approval "approval_decision_no / approval_date / approved_by — province" (domain.md §7.5; QĐ 28/2025 Art. 9)', () => {
  const approved = { approval_status: 'APPROVED', approval_decision_no: '125/QĐ-UBND', approval_date: '2025-12-18', approved_by: 'UBND thành phố Hà Nội' };
  it('an approval with its decision, date and the provincial People’s Committee is fine', () => {
    expect(found(one(approved), V23)).toEqual([]);
    expect(found(one({ ...approved, approved_by: 'Ủy ban nhân dân tỉnh Lào Cai' }), V23)).toEqual([]);
  });
  it('"Approved" without the decision number and date is an error naming them', () => {
    const [problem] = found(one({ ...approved, approval_decision_no: null, approval_date: null }), V23);
    expect(problem).toMatchObject({ severity: 'error', fields: ['approval_decision_no', 'approval_date'] });
    expect(problem?.message.vi).toContain('chưa có Số quyết định phê duyệt, Ngày phê duyệt');
  });
  it('from 1/7/2025 a district People’s Committee cannot approve', () => {
    const [problem] = found(one({ ...approved, approved_by: 'UBND quận Ba Đình' }), V23);
    expect(problem).toMatchObject({ severity: 'error', fields: ['approved_by'] });
    expect(problem?.message.en).toContain('not a provincial People’s Committee');
  });
  it('before 1/7/2025 the district approved (legacy)', () => {
    expect(found(one({ ...approved, approval_date: '2025-03-10', approved_by: 'UBND quận Ba Đình' }), V23)).toEqual([]);
  });
  it('a decision dated after today is an error', () => {
    expect(found(one({ ...approved, approval_date: '2025-12-25' }), V23).map((p) => p.fields)).toEqual([['approval_date']]);
  });
});

describe('M5/M6: "target_year required if is_pilot_model"; a dissolved model has its end date (domain.md §7.8)', () => {
  it('a pilot model without a target year is an error at that cell', () => {
    expect(found(context({ modelSites: [model('m1', { is_pilot_model: true })] }), M5)).toMatchObject([{ severity: 'error', fields: ['target_year'] }]);
    expect(found(context({ modelSites: [model('m1', { is_pilot_model: true, target_year: 2025 }), model('m2', { is_pilot_model: false })] }), M5)).toEqual([]);
  });
  it('a dissolved model without an end date is an error at that cell', () => {
    expect(found(context({ modelSites: [model('m1', { status: 'GIAI_THE' })] }), M6)).toMatchObject([{ severity: 'error', fields: ['ended_date'] }]);
    expect(found(context({ modelSites: [model('m1', { status: 'GIAI_THE', ended_date: '2025-06-30' })] }), M6)).toEqual([]);
  });
});

describe('plausibility (issue 12 item 5: "population jumps > 20 % between periods and R1 > 5 %")', () => {
  const previous = new Map([['00001', status({ resident_population: 10_000 })]]);
  it('V24: a population 25 % above the previous period is a warning with both figures', () => {
    const [problem] = found(one({ resident_population: 12_500 }, { previousStatuses: previous }), V24);
    expect(problem).toMatchObject({ severity: 'warning', fields: ['resident_population'] });
    expect(problem?.message.vi).toContain('nhân khẩu cư trú 12500 so với 10000 ở kỳ trước (thay đổi 25 %');
  });
  it('V24: 20 % either way is not a jump; no previous figure, no comparison', () => {
    expect(found(one({ resident_population: 12_000 }, { previousStatuses: previous }), V24)).toEqual([]);
    expect(found(one({ resident_population: 8_000 }, { previousStatuses: previous }), V24)).toEqual([]);
    expect(found(one({ resident_population: 7_900 }, { previousStatuses: previous }), V24)).toHaveLength(1);
    expect(found(one({ resident_population: 50_000 }), V24)).toEqual([]);
  });
  it('V25: R1 above 5 % (Art. 4 a; ten times the level-I 0.5 %) is a warning', () => {
    const [problem] = found(one({ resident_population: 1_000, addicts_with_records: 40, users_with_records: 20 }), V25);
    expect(problem).toMatchObject({ severity: 'warning', fields: ['resident_population', 'addicts_with_records', 'users_with_records'] });
    expect(problem?.message.vi).toContain('R1 = 6,0 %');
    expect(found(one({ resident_population: 1_000, addicts_with_records: 30, users_with_records: 20 }), V25)).toEqual([]);
  });
});

describe('the new rules run with every other rule', () => {
  it('a clean, complete period has no problem from any of them', () => {
    const ctx = context({ communes: [commune('00001'), commune('00004')], modelSites: [model('m1', { is_pilot_model: true, target_year: 2025 })] });
    const ids = ['V16', 'V17', 'V18', 'V19', 'V20', 'V21', 'V22', 'V23', 'V24', 'V25', 'M5', 'M6'];
    expect(runRules(ctx).problems.filter((p) => ids.includes(p.ruleId))).toEqual([]);
  });
});
