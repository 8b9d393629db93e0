import { describe, expect, it } from 'vitest';
import { emptyStatus, type CommuneClass, type CommuneStatusValues } from '../commune-status';
import type { FieldValue } from '../fields';
import { HOTSPOT_FIELDS, hotspotPeriodFlags, type HotspotValues } from '../hotspot';
import { MODEL_SITE_FIELDS, type ModelSiteValues } from '../model-site';
import { parsePeriodId } from '../period';
import { COMMUNE_RULES } from './commune-rules';
import { runRules } from './engine';
import { FIELD_RULES } from './field-rules';
import { HOTSPOT_RULES } from './hotspot-rules';
import { MODEL_SITE_RULES } from './model-site-rules';
import type { Rule, RuleCommune, RuleContext, RuleHotspot, RuleModelSite } from './types';

const RULES: Record<string, Rule> = Object.fromEntries([...FIELD_RULES, ...COMMUNE_RULES, ...HOTSPOT_RULES, ...MODEL_SITE_RULES].map((r) => [r.id, r]));

function status(values: Partial<Record<keyof CommuneStatusValues, FieldValue>>): CommuneStatusValues {
  // Every Art. 6 figure entered as 0: blank is not zero (issue 12 item 1).
  const art6 = { addicts_with_records: 0, users_with_records: 0, residents_violating_drug_law: 0, wanted_drug_fugitives_hiding: 0, harboring_points: 0, plants_destroyed_count: 0 };
  return { ...emptyStatus(), resident_population: 10_000, key_route: 'NONE', declared_class: 'KHONG_MA_TUY', ...art6, ...values };
}

function commune(code: string, values: Partial<Record<keyof CommuneStatusValues, FieldValue>> = {}, unitType = 'xa'): RuleCommune {
  return { code, name: `Xã ${code}`, unitType, parentCode: '01', parentName: 'Thành phố Hà Nội', status: status(values) };
}

function period(id: string): RuleContext['period'] {
  const p = parsePeriodId(id);
  if (!p) throw new Error(id);
  return { id: p.id, kind: p.kind, year: p.year, startDate: p.startDate, endDate: p.endDate };
}

function hotspot(id: string, values: Partial<Record<keyof HotspotValues, FieldValue>>, periodId = '2025-AY'): RuleHotspot {
  const all = Object.fromEntries(HOTSPOT_FIELDS.map((f) => [f.key, null])) as HotspotValues;
  const v: HotspotValues = { ...all, commune_code: '00001', category: 'DIEM_NGUY_CO', discovered_date: '2024-01-10', status: 'DANG_HOAT_DONG', ...values };
  const p = period(periodId);
  const flags = hotspotPeriodFlags(v.discovered_date as string | null, v.eliminated_date as string | null, p.startDate, p.endDate, v.status);
  return { id, label: `H-${id}`, values: v, flags };
}

function model(id: string, values: Partial<Record<keyof ModelSiteValues, FieldValue>>): RuleModelSite {
  const all = Object.fromEntries(MODEL_SITE_FIELDS.map((f) => [f.key, null])) as ModelSiteValues;
  return { id, label: `Mô hình ${id}`, values: { ...all, name: `Mô hình ${id}`, host_unit_code: '00001', level: 'XA', establishment_date: '2025-03-01', ...values } };
}

/** A drug-free commune in the 2025 assessment year with a pilot model: no problem at all. */
function base(over: Partial<RuleContext> = {}): RuleContext {
  return {
    period: period('2025-AY'),
    scheme: 'NSO_2025',
    office: { code: '01', level: 'PROVINCE', name: 'Thành phố Hà Nội' },
    today: '2025-12-20',
    communes: [commune('00001')],
    officeUnitCodes: new Set(['01', '00001']),
    hotspots: [],
    modelSites: [model('m1', { is_pilot_model: true, target_year: 2025 })],
    previousClasses: new Map(),
    isNoNewHotspotsTarget: true,
    reading: 'cumulative',
    ...over,
  };
}

/** Level II by a, b and c (0.1 %, one point, 0.05 %). */
const LEVEL_II = { addicts_with_records: 10, harboring_points: 1, drug_offenders_arrested: 5 };

type Case = { rule: string; name: string; context: RuleContext; fails: boolean; fields?: string[] };

const cases: Case[] = [
  { rule: 'V1', name: 'population given', context: base(), fails: false },
  { rule: 'V1', name: 'population missing', context: base({ communes: [commune('00001', { resident_population: null })] }), fails: true, fields: ['resident_population'] },
  { rule: 'V1', name: 'population 0', context: base({ communes: [commune('00001', { resident_population: 0 })] }), fails: true },
  { rule: 'V2', name: 'whole counts', context: base({ communes: [commune('00001', { addicts_with_records: 3, declared_class: null })] }), fails: false },
  { rule: 'V2', name: 'fractional count', context: base({ communes: [commune('00001', { addicts_with_records: 1.5, declared_class: null })] }), fails: true, fields: ['addicts_with_records'] },
  { rule: 'V2', name: 'area with 3 decimals', context: base({ communes: [commune('00001', { plants_destroyed_area_m2: 1.234 })] }), fails: true },
  { rule: 'V3', name: 'records within population', context: base({ communes: [commune('00001', { resident_population: 100, addicts_with_records: 5 })] }), fails: false },
  { rule: 'V3', name: 'records above population', context: base({ communes: [commune('00001', { resident_population: 10, addicts_with_records: 8, users_with_records: 5 })] }), fails: true },
  { rule: 'V4', name: 'excluded within records', context: base({ communes: [commune('00001', { addicts_with_records: 3, on_substitution_treatment: 3 })] }), fails: false },
  { rule: 'V4', name: 'excluded above records', context: base({ communes: [commune('00001', { addicts_with_records: 1, on_substitution_treatment: 3 })] }), fails: true },
  { rule: 'V5', name: 'drug-free with only excluded persons', context: base({ communes: [commune('00001', { addicts_with_records: 2, on_substitution_treatment: 2 })] }), fails: false },
  { rule: 'V5', name: 'drug-free with addicts', context: base({ communes: [commune('00001', { addicts_with_records: 2 })] }), fails: true, fields: ['addicts_with_records', 'users_with_records'] },
  { rule: 'V5', name: 'drug-free with a harbouring point', context: base({ communes: [commune('00001', { harboring_points: 1 })] }), fails: true, fields: ['harboring_points'] },
  { rule: 'V5', name: 'drug-free with an active harbouring hotspot', context: base({ hotspots: [hotspot('h1', { category: 'DIEM_TO_CHUC_CHUA_CHAP', persons_involved: 1 })] }), fails: true, fields: ['declared_class'] },
  { rule: 'V5', name: 'has drugs, any figures', context: base({ communes: [commune('00001', { addicts_with_records: 2, declared_class: 'CO_MA_TUY' })] }), fails: false },
  { rule: 'V6', name: 'drug-free, nothing on record', context: base(), fails: false },
  { rule: 'V6', name: 'drug-free with excluded persons on record', context: base({ communes: [commune('00001', { addicts_with_records: 2, on_substitution_treatment: 2 })] }), fails: true },
  { rule: 'V6', name: 'drug-free with arrests', context: base({ communes: [commune('00001', { drug_offenders_arrested: 1 })] }), fails: true, fields: ['drug_offenders_arrested'] },
  { rule: 'V7', name: 'declared = computed', context: base({ communes: [commune('00001', { ...LEVEL_II, declared_class: 'TRONG_DIEM_II' })] }), fails: false },
  { rule: 'V7', name: 'declared ≠ computed with a reason', context: base({ communes: [commune('00001', { ...LEVEL_II, declared_class: 'TRONG_DIEM_III', override_reason: 'Theo kết luận đoàn kiểm tra' })] }), fails: false },
  { rule: 'V7', name: 'declared ≠ computed without a reason', context: base({ communes: [commune('00001', { ...LEVEL_II, declared_class: 'KHONG_MA_TUY' })] }), fails: true, fields: ['declared_class', 'override_reason'] },
  { rule: 'V7', name: 'before QĐ 28/2025', context: base({ period: period('2025-Q1'), scheme: 'GSO_2004', communes: [commune('00001', { ...LEVEL_II, declared_class: 'KHONG_MA_TUY' })] }), fails: false },
  { rule: 'V8', name: 'level II with three level-II criteria', context: base({ communes: [commune('00001', { ...LEVEL_II, declared_class: 'TRONG_DIEM_II' })] }), fails: false },
  { rule: 'V8', name: 'level I with level-II criteria only', context: base({ communes: [commune('00001', { ...LEVEL_II, declared_class: 'TRONG_DIEM_I', override_reason: 'x' })] }), fails: true },
  { rule: 'V8', name: 'level III with no criterion', context: base({ communes: [commune('00001', { declared_class: 'TRONG_DIEM_III', override_reason: 'x' })] }), fails: true },
  { rule: 'V9', name: 'đ counted on a key route', context: base({ communes: [commune('00001', { addicts_with_records: 10, drug_offenders_arrested: 5, key_route: 'INTRA_PROVINCE', declared_class: 'TRONG_DIEM_II' })] }), fails: false },
  { rule: 'V9', name: 'đ needed but no key route', context: base({ communes: [commune('00001', { addicts_with_records: 10, drug_offenders_arrested: 5, declared_class: 'TRONG_DIEM_II', override_reason: 'x' })] }), fails: true, fields: ['key_route', 'declared_class'] },
  { rule: 'V10', name: 'assessment year', context: base(), fails: false },
  { rule: 'V10', name: 'declared in a quarter under QĐ 28/2025', context: base({ period: period('2025-Q4') }), fails: true },
  { rule: 'V11', name: 'scheme valid for the period', context: base(), fails: false },
  { rule: 'V11', name: 'old scheme after 30/6/2025', context: base({ scheme: 'GSO_2004' }), fails: true },
  { rule: 'V11', name: 'thị trấn in the new scheme', context: base({ communes: [commune('00001', {}, 'thi_tran')] }), fails: true },
  { rule: 'V12', name: 'one row per commune', context: base(), fails: false },
  { rule: 'V12', name: 'two rows for one commune', context: base({ communes: [commune('00001'), commune('00001')] }), fails: true },
  { rule: 'V13', name: 'same class as last period', context: base({ previousClasses: new Map<string, CommuneClass>([['00001', 'KHONG_MA_TUY']]) }), fails: false },
  { rule: 'V13', name: 'drug-free to key area', context: base({ previousClasses: new Map<string, CommuneClass>([['00001', 'KHONG_MA_TUY']]), communes: [commune('00001', { ...LEVEL_II, declared_class: 'TRONG_DIEM_II' })] }), fails: true },
  { rule: 'V13', name: 'level I to level III', context: base({ previousClasses: new Map<string, CommuneClass>([['00001', 'TRONG_DIEM_I']]), communes: [commune('00001', { declared_class: 'TRONG_DIEM_III' })] }), fails: true },
  { rule: 'V15', name: 'Art. 6 holds, no key criterion', context: base(), fails: false },
  { rule: 'V15', name: 'Art. 6 holds beside level III (an arrest)', context: base({ communes: [commune('00001', { drug_offenders_arrested: 1, declared_class: 'TRONG_DIEM_III' })] }), fails: true, fields: ['declared_class', 'override_reason'] },
  { rule: 'H1', name: 'dates in order', context: base({ hotspots: [hotspot('h1', { status: 'DA_TRIET_XOA', eliminated_date: '2025-02-01', elimination_method: 'KHOI_TO_VU_AN' })] }), fails: false },
  { rule: 'H1', name: 'discovered after today', context: base({ hotspots: [hotspot('h1', { discovered_date: '2025-12-12' }, '2025-AY')], today: '2025-12-10' }), fails: true },
  { rule: 'H1', name: 'eliminated before discovered', context: base({ hotspots: [hotspot('h1', { discovered_date: '2025-03-01', status: 'DA_TRIET_XOA', eliminated_date: '2025-02-01', elimination_method: 'KHAC', note: 'x' })] }), fails: true },
  { rule: 'H2', name: 'eliminated with date and method', context: base({ hotspots: [hotspot('h1', { status: 'DA_TRIET_XOA', eliminated_date: '2025-02-01', elimination_method: 'KHOI_TO_VU_AN' })] }), fails: false },
  { rule: 'H2', name: 'eliminated without a method', context: base({ hotspots: [hotspot('h1', { status: 'DA_TRIET_XOA', eliminated_date: '2025-02-01' })] }), fails: true, fields: ['elimination_method'] },
  { rule: 'H2', name: 'elimination date on an active hotspot', context: base({ hotspots: [hotspot('h1', { eliminated_date: '2025-02-01' })] }), fails: true, fields: ['status'] },
  { rule: 'H3', name: 'commune under the office', context: base({ hotspots: [hotspot('h1', {})] }), fails: false },
  { rule: 'H3', name: 'commune not under the office', context: base({ hotspots: [hotspot('h1', { commune_code: '99999' })] }), fails: true, fields: ['commune_code'] },
  { rule: 'H4', name: 'new hotspot, target off', context: base({ isNoNewHotspotsTarget: false, hotspots: [hotspot('h1', { discovered_date: '2025-05-01' })] }), fails: false },
  { rule: 'H4', name: 'new hotspot, target on', context: base({ hotspots: [hotspot('h1', { discovered_date: '2025-05-01' })] }), fails: true },
  {
    rule: 'H5',
    name: 'same address, linked',
    context: base({
      hotspots: [
        hotspot('h0', { address: 'Số 5, ngõ 12', status: 'DA_TRIET_XOA', discovered_date: '2023-01-01', eliminated_date: '2024-01-01', elimination_method: 'KHAC' }),
        hotspot('h1', { address: 'so 5 ngo 12', discovered_date: '2025-05-01', reappeared_from: 'h0' }),
      ],
    }),
    fails: false,
  },
  {
    rule: 'H5',
    name: 'same address, not linked',
    context: base({
      hotspots: [
        hotspot('h0', { address: 'Số 5, ngõ 12', status: 'DA_TRIET_XOA', discovered_date: '2023-01-01', eliminated_date: '2024-01-01', elimination_method: 'KHAC' }),
        hotspot('h1', { address: 'so 5 ngo 12', discovered_date: '2025-05-01' }),
      ],
    }),
    fails: true,
    fields: ['reappeared_from'],
  },
  { rule: 'H6', name: 'point with persons', context: base({ hotspots: [hotspot('h1', { category: 'DIEM', persons_involved: 2 })] }), fails: false },
  { rule: 'H6', name: 'point without persons', context: base({ hotspots: [hotspot('h1', { category: 'TU_DIEM', persons_involved: 0 })] }), fails: true, fields: ['persons_involved'] },
  {
    rule: 'H7',
    name: 'register matches the status row',
    context: base({ communes: [commune('00001', { harboring_points: 1, declared_class: 'CO_MA_TUY' })], hotspots: [hotspot('h1', { category: 'DIEM_TO_CHUC_CHUA_CHAP' })] }),
    fails: false,
  },
  { rule: 'H7', name: 'register does not match', context: base({ communes: [commune('00001', { declared_class: 'CO_MA_TUY' })], hotspots: [hotspot('h1', { category: 'DIEM_TO_CHUC_CHUA_CHAP' })] }), fails: true, fields: ['harboring_points'] },
  { rule: 'M1', name: 'dates in order', context: base({ modelSites: [model('m1', { is_pilot_model: true, target_year: 2025, ended_date: '2025-06-01' })] }), fails: false },
  { rule: 'M1', name: 'ended before established', context: base({ modelSites: [model('m1', { is_pilot_model: true, target_year: 2025, ended_date: '2025-01-01' })] }), fails: true },
  { rule: 'M2', name: 'a pilot model this year', context: base(), fails: false },
  { rule: 'M2', name: 'no pilot model this year', context: base({ modelSites: [model('m1', { is_pilot_model: false })] }), fails: true },
  { rule: 'M2', name: 'quarter periods are not checked', context: base({ period: period('2025-Q4'), modelSites: [] }), fails: false },
  { rule: 'M3', name: 'host under the office', context: base(), fails: false },
  { rule: 'M3', name: 'host not under the office', context: base({ modelSites: [model('m1', { is_pilot_model: true, target_year: 2025, host_unit_code: '77777' })] }), fails: true },
  { rule: 'M4', name: 'commune level after 1/7/2025', context: base({ modelSites: [model('m1', { is_pilot_model: true, target_year: 2025, establishment_date: '2025-08-01' })] }), fails: false },
  { rule: 'M4', name: 'district level after 1/7/2025', context: base({ modelSites: [model('m1', { is_pilot_model: true, target_year: 2025, level: 'HUYEN', establishment_date: '2025-08-01' })] }), fails: true },
  { rule: 'FIELD', name: 'listed category', context: base({ hotspots: [hotspot('h1', {})] }), fails: false },
  { rule: 'FIELD', name: 'unknown category', context: base({ hotspots: [hotspot('h1', { category: 'XYZ' })] }), fails: true, fields: ['category'] },
];

describe('rules V/H/M: a passing and a failing case each', () => {
  it.each(cases)('$rule: $name', ({ rule, context, fails, fields }) => {
    const found = runRules(context, [RULES[rule] as Rule]).problems;
    expect(found.length > 0).toBe(fails);
    if (fields) expect(found[0]?.fields).toEqual(fields);
    for (const p of found) {
      expect(p.ruleId).toBe(rule);
      expect(p.message.vi).not.toMatch(/\{\{/u);
      expect(p.message.en).not.toMatch(/\{\{/u);
    }
  });

  it('every rule V1–V13, V15, H1–H7, M1–M4 has both cases', () => {
    const ids = [...Array.from({ length: 13 }, (_, i) => `V${i + 1}`), 'V15', ...Array.from({ length: 7 }, (_, i) => `H${i + 1}`), 'M1', 'M2', 'M3', 'M4'];
    for (const id of ids) {
      expect(cases.some((c) => c.rule === id && c.fails)).toBe(true);
      expect(cases.some((c) => c.rule === id && !c.fails)).toBe(true);
    }
  });
});

describe('runRules', () => {
  it('finds nothing wrong with a clean drug-free commune', () => {
    const result = runRules(base());
    expect(result.problems).toEqual([]);
    expect(result.classifications).toEqual([{ communeCode: '00001', classification: expect.objectContaining({ computed_class: 'KHONG_MA_TUY', drug_free: true }), isReference: false }]);
  });

  it('writes Vietnamese with diacritics and says what to do', () => {
    const [problem] = runRules(base({ communes: [commune('00001', { addicts_with_records: 4 })] }), [RULES.V5 as Rule]).problems;
    expect(problem?.message.vi).toBe(
      'Xã 00001 khai “Không ma túy” nhưng còn 4 người nghiện, người sử dụng có hồ sơ không thuộc diện điều trị thay thế, cai tại gia đình, cộng đồng hoặc quản lý sau cai. Xã chỉ được khai “Không ma túy” khi đủ các điều kiện của Điều 6 Quyết định 28/2025/QĐ-TTg; hãy sửa số liệu hoặc chọn lại tình trạng.',
    );
  });

  it('checks no row of a commune nothing was entered for (V16 counts it), and lists errors before warnings', () => {
    const empty: RuleCommune = { ...commune('00002'), status: null };
    const result = runRules(base({ communes: [empty, commune('00001', { addicts_with_records: 2, on_substitution_treatment: 3 })] }));
    expect(result.problems.map((p) => p.recordId)).not.toContain('00002');
    // V4 is an error since excluded persons are "of which" parts of the counts (issue 12 item 3).
    // V16: the empty commune keeps the period from being sent (issue 12 item 5), office-wide.
    // V15: Art. 6 holds while R1 > 0 (excluded persons only): a manual decision.
    expect(result.counts).toEqual({ errors: 2, warnings: 2 });
    expect(result.problems.map((p) => p.ruleId)).toEqual(['V4', 'V16', 'V6', 'V15']);
    const withError = runRules(base({ communes: [commune('00001', { addicts_with_records: 4, drug_offenders_arrested: 1 })] }));
    expect(withError.problems[0]?.severity).toBe('error');
    expect(withError.problems.at(-1)?.severity).toBe('warning');
  });

  it('checks a district with 1,000 hotspots well under 200 ms', () => {
    const communes = Array.from({ length: 30 }, (_, i) => commune(String(i + 1).padStart(5, '0'), { ...LEVEL_II, declared_class: 'TRONG_DIEM_II' }));
    const hotspots = Array.from({ length: 1000 }, (_, i) =>
      hotspot(`h${i}`, { commune_code: String((i % 30) + 1).padStart(5, '0'), address: `Số ${i}`, category: i % 3 === 0 ? 'DIEM' : 'DIEM_TO_CHUC_CHUA_CHAP', persons_involved: 1 }),
    );
    const modelSites = Array.from({ length: 100 }, (_, i) => model(`m${i}`, { is_pilot_model: i === 0, target_year: 2025 }));
    const context = base({ communes, hotspots, modelSites, officeUnitCodes: new Set(['01', ...communes.map((c) => c.code)]) });
    runRules(context);
    const started = performance.now();
    const result = runRules(context);
    const ms = performance.now() - started;
    expect(result.classifications).toHaveLength(30);
    expect(ms).toBeLessThan(200);
  });
});
