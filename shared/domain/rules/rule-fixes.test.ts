/**
 * Issue 12 item 4, rule fixes, each against the text it implements (domain.md §4.1, §6).
 */
import { describe, expect, it } from 'vitest';
import { classifyCommune } from '../classification';
import { emptyStatus, type CommuneStatusValues } from '../commune-status';
import type { FieldValue } from '../fields';
import { HOTSPOT_FIELDS, hotspotPeriodFlags, type HotspotValues } from '../hotspot';
import { runRules } from './engine';
import { V5, V6, V8 } from './commune-rules';
import { V15 } from './decision-rules';
import { H1, H2, H7 } from './hotspot-rules';
import type { Rule, RuleContext, RuleHotspot } from './types';

const ART6_ZERO = { addicts_with_records: 0, users_with_records: 0, residents_violating_drug_law: 0, wanted_drug_fugitives_hiding: 0, harboring_points: 0, plants_destroyed_count: 0 };

function context(values: Partial<Record<keyof CommuneStatusValues, FieldValue>>, hotspots: RuleHotspot[] = []): RuleContext {
  const status = { ...emptyStatus(), resident_population: 10_000, declared_class: 'KHONG_MA_TUY', ...ART6_ZERO, ...values };
  return {
    period: { id: '2025-AY', kind: 'ASSESSMENT_YEAR', year: 2025, startDate: '2024-12-15', endDate: '2025-12-14' },
    scheme: 'NSO_2025',
    office: { code: '01', level: 'PROVINCE', name: 'Thành phố Hà Nội' },
    today: '2025-12-20',
    communes: [{ code: '00001', name: 'Phường Ba Đình', unitType: 'phuong', parentCode: '01', parentName: 'Thành phố Hà Nội', status }],
    officeUnitCodes: new Set(['01', '00001']),
    hotspots,
    modelSites: [],
    previousClasses: new Map(),
    isNoNewHotspotsTarget: false,
    reading: 'cumulative',
  };
}

function hotspot(id: string, values: Partial<Record<keyof HotspotValues, FieldValue>>): RuleHotspot {
  const all = Object.fromEntries(HOTSPOT_FIELDS.map((f) => [f.key, null])) as HotspotValues;
  const v: HotspotValues = { ...all, commune_code: '00001', persons_involved: 2, discovered_date: '2025-03-01', status: 'DANG_HOAT_DONG', ...values };
  const flags = hotspotPeriodFlags(v.discovered_date as string | null, v.eliminated_date as string | null, '2024-12-15', '2025-12-14', v.status);
  return { id, label: `H-${id}`, values: v, flags };
}

const problems = (ctx: RuleContext, rule: Rule) => runRules(ctx, [rule]).problems;

describe('V8: "level III needs at least 1 of criteria a, c, d" (Art. 4; b has no level-III band)', () => {
  it('a declared level III with only a harbouring point (b) is an error', () => {
    expect(problems(context({ harboring_points: 1, declared_class: 'TRONG_DIEM_III', override_reason: 'x' }), V8).map((p) => p.ruleId)).toEqual(['V8']);
  });
  it('a declared level III with an arrest (c) is fine', () => {
    expect(problems(context({ drug_offenders_arrested: 1, declared_class: 'TRONG_DIEM_III' }), V8)).toEqual([]);
  });
});

describe('V5/V6/H7 see every active hotspot whatever its category', () => {
  it.each(['TU_DIEM', 'DIEM', 'DIEM_TO_CHUC_CHUA_CHAP', null])('a drug-free commune with an active %s hotspot is a V5 error (Art. 6.3 "no point organising/harbouring illegal drug use")', (category) => {
    const found = problems(context({}, [hotspot('h1', { category })]), V5);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: 'error', fields: ['declared_class'] });
  });

  it('an active at-risk point (DIEM_NGUY_CO) is a V6 warning, not a V5 error', () => {
    const ctx = context({}, [hotspot('h1', { category: 'DIEM_NGUY_CO' })]);
    expect(problems(ctx, V5)).toEqual([]);
    const [warning] = problems(ctx, V6);
    expect(warning).toMatchObject({ severity: 'warning', fields: ['declared_class'] });
    expect(warning?.message.vi).toContain('1 điểm có nguy cơ');
  });

  it('an eliminated hotspot does not count', () => {
    const gone = hotspot('h1', { category: 'TU_DIEM', status: 'DA_TRIET_XOA', eliminated_date: '2025-05-01', elimination_method: 'KHAC' });
    expect(problems(context({}, [gone]), V5)).toEqual([]);
  });

  it('H7 compares the harbouring points entered with the active hotspots of every category but at-risk points', () => {
    const register = [hotspot('h1', { category: 'TU_DIEM' }), hotspot('h2', { category: 'DIEM' }), hotspot('h3', { category: 'DIEM_NGUY_CO' })];
    expect(problems(context({ declared_class: 'CO_MA_TUY', harboring_points: 2 }, register), H7)).toEqual([]);
    expect(problems(context({ declared_class: 'CO_MA_TUY', harboring_points: 0 }, register), H7).map((p) => p.fields)).toEqual([['harboring_points']]);
  });
});

describe('H1 refuses elimination dates in the future ("discovered_date ≤ today and ≤ eliminated_date", extended to elimination)', () => {
  it('an elimination date after today is an error at that cell', () => {
    const h = hotspot('h1', { status: 'DA_TRIET_XOA', eliminated_date: '2025-12-22', elimination_method: 'KHAC' });
    expect(problems(context({}, [h]), H1)).toEqual([expect.objectContaining({ severity: 'error', fields: ['eliminated_date'] })]);
  });
  it('an elimination date of today is fine', () => {
    const h = hotspot('h1', { status: 'DA_TRIET_XOA', eliminated_date: '2025-12-20', elimination_method: 'KHAC' });
    expect(problems(context({}, [h]), H1)).toEqual([]);
  });
});

describe('Art. 6 holds but the commune is key → always flagged for a manual decision (domain.md §5.4 "show the conflict, require the user to confirm")', () => {
  it('the classification flags it', () => {
    expect(classifyCommune({ resident_population: 10_000, ...ART6_ZERO, drug_offenders_arrested: 8 }).flags).toContain('ART6_HOLDS_BUT_KEY');
  });
  it.each(['TRONG_DIEM_III', 'KHONG_MA_TUY', null])('V15 warns whatever is declared (%s) until the decision is recorded', (declared) => {
    const ctx = context({ drug_offenders_arrested: 8, declared_class: declared });
    expect(problems(ctx, V15)).toEqual([expect.objectContaining({ ruleId: 'V15', severity: 'warning' })]);
    expect(problems(context({ drug_offenders_arrested: 8, declared_class: declared, override_reason: 'Theo kết luận của UBND tỉnh' }), V15)).toEqual([]);
  });
  it('V15 is silent when Art. 6 does not hold', () => {
    expect(problems(context({ drug_offenders_arrested: 8, residents_violating_drug_law: 1, declared_class: 'TRONG_DIEM_III' }), V15)).toEqual([]);
  });
});

describe('TAI_HOAT_DONG (re-emerged) needs reappeared_from (domain.md §7.7 "reappeared_from FK hotspot", H5)', () => {
  it('a re-emerged hotspot without the old one is an H2 error at reappeared_from', () => {
    expect(problems(context({ declared_class: 'CO_MA_TUY', harboring_points: 1 }, [hotspot('h1', { status: 'TAI_HOAT_DONG' })]), H2)).toEqual([
      expect.objectContaining({ severity: 'error', fields: ['reappeared_from'] }),
    ]);
  });
  it('with the old hotspot chosen it is fine', () => {
    const old = hotspot('h0', { status: 'DA_TRIET_XOA', discovered_date: '2023-01-01', eliminated_date: '2024-01-01', elimination_method: 'KHAC' });
    expect(problems(context({ declared_class: 'CO_MA_TUY', harboring_points: 1 }, [old, hotspot('h1', { status: 'TAI_HOAT_DONG', reappeared_from: 'h0' })]), H2)).toEqual([]);
  });
});

describe('CHUYEN_DIA_DIEM (moved) is not active', () => {
  it('is not active at the end of the period, whatever its dates', () => {
    expect(hotspotPeriodFlags('2025-03-01', null, '2025-07-01', '2025-09-30', 'CHUYEN_DIA_DIEM').isActiveAtEnd).toBe(false);
    expect(hotspotPeriodFlags('2025-03-01', null, '2025-07-01', '2025-09-30', 'DANG_HOAT_DONG').isActiveAtEnd).toBe(true);
  });
  it('so a drug-free commune whose only hotspot moved away has no V5 error', () => {
    expect(problems(context({}, [hotspot('h1', { category: 'DIEM_TO_CHUC_CHUA_CHAP', status: 'CHUYEN_DIA_DIEM' })]), V5)).toEqual([]);
  });
});
