/**
 * Issue 12 item 8: "the Problems panel updates incrementally (only the affected records)"
 * — with results equal to a full run. Property test: random sequences of edits (status
 * cells, hotspots created, moved between communes, re-dated, removed and restored, model
 * sites re-hosted) give, after every edit, exactly what runRules gives on the whole
 * period: the same problems in the same order, the same counts and classifications. It
 * runs every rule of ALL_RULES, so a rule whose declared scope is wrong fails here.
 */
import { describe, expect, it } from 'vitest';
import { emptyStatus, type CommuneStatusValues } from '../commune-status';
import type { FieldValue } from '../fields';
import { HOTSPOT_FIELDS, hotspotPeriodFlags, type HotspotValues } from '../hotspot';
import { MODEL_SITE_FIELDS, type ModelSiteValues } from '../model-site';
import { parsePeriodId } from '../period';
import { ALL_RULES, runRules } from './engine';
import { IncrementalRules } from './incremental';
import type { RuleCommune, RuleContext, RuleHotspot, RuleModelSite } from './types';

/** mulberry32: a small seeded generator, so a failing sequence can be replayed by its seed. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = { pick<T>(items: readonly T[]): T; int(n: number): number; chance(p: number): boolean };

function randomOf(seed: number): Random {
  const next = generator(seed);
  return {
    pick: (items) => items[Math.floor(next() * items.length)] as (typeof items)[number],
    int: (n) => Math.floor(next() * n),
    chance: (p) => next() < p,
  };
}

const CODES = ['00001', '00002', '00003', '00004'];
const HOTSPOT_COMMUNES = [...CODES, '99999', null];
const HOSTS = [...CODES, '001', '77777', null];
const DATES = [null, '2023-05-10', '2024-12-31', '2025-01-05', '2025-07-01', '2025-09-30', '2025-10-02', '2026-03-01'];
const COUNTS = [null, 0, 0, 1, 3, 12, -1, 2.5];
const STATUS_FIELDS: readonly (keyof CommuneStatusValues)[] = [
  'resident_population',
  'addicts_with_records',
  'users_with_records',
  'on_substitution_treatment',
  'residents_violating_drug_law',
  'wanted_drug_fugitives_hiding',
  'harboring_points',
  'plants_destroyed_count',
  'drug_offenders_arrested',
  'declared_class',
  'override_reason',
  'note',
  'key_route',
];
const VALUES: Partial<Record<keyof CommuneStatusValues, readonly FieldValue[]>> = {
  resident_population: [null, 0, 800, 12_000, 60_000],
  declared_class: [null, 'KHONG_MA_TUY', 'CO_MA_TUY', 'TRONG_DIEM_III', 'TRONG_DIEM_I', 'CHUA_XAC_DINH'],
  override_reason: [null, 'Theo quyết định của UBND'],
  note: [null, 'Đã giải trình'],
  key_route: [null, 'NONE', 'INTRA_PROVINCE', 'INTER_PROVINCE'],
};
const HOTSPOT_EDITS: Partial<Record<keyof HotspotValues, readonly FieldValue[]>> = {
  commune_code: HOTSPOT_COMMUNES,
  category: [null, 'TU_DIEM', 'DIEM', 'DIEM_NGUY_CO', 'DIEM_TO_CHUC_CHUA_CHAP'],
  status: [null, 'DANG_HOAT_DONG', 'DA_TRIET_XOA', 'TAI_HOAT_DONG', 'CHUYEN_DIA_DIEM'],
  discovered_date: DATES,
  eliminated_date: DATES,
  elimination_method: [null, 'XU_PHAT_HANH_CHINH'],
  address: [null, 'Số 5, ngõ 12', 'số 5 ngõ 12', 'Thôn Đông'],
  persons_involved: [null, 0, 2],
  note: [null, 'Đã rõ'],
};
const MODEL_EDITS: Partial<Record<keyof ModelSiteValues, readonly FieldValue[]>> = {
  host_unit_code: HOSTS,
  establishment_date: DATES,
  ended_date: DATES,
  is_pilot_model: [null, true, false],
  target_year: [null, 2025, 2026],
  level: [null, 'XA', 'HUYEN'],
};

function period(id: string): RuleContext['period'] {
  const p = parsePeriodId(id);
  if (!p) throw new Error(id);
  return { id: p.id, kind: p.kind, year: p.year, startDate: p.startDate, endDate: p.endDate };
}

type State = { ctx: Omit<RuleContext, 'communes' | 'hotspots' | 'modelSites'>; communes: RuleCommune[]; hotspots: Map<string, { item: RuleHotspot; order: number; isRemoved: boolean }>; models: Map<string, { item: RuleModelSite; order: number; isRemoved: boolean }> };

function withFlags(ctx: State['ctx'], id: string, values: HotspotValues): RuleHotspot {
  const text = (v: FieldValue) => (typeof v === 'string' ? v : null);
  return { id, label: `H-${id}`, values, flags: hotspotPeriodFlags(text(values.discovered_date), text(values.eliminated_date), ctx.period.startDate, ctx.period.endDate, values.status) };
}

function fullContext(state: State): RuleContext {
  const present = <T,>(m: Map<string, { item: T; order: number; isRemoved: boolean }>) =>
    [...m.values()]
      .filter((r) => !r.isRemoved)
      .sort((a, b) => a.order - b.order)
      .map((r) => r.item);
  return { ...state.ctx, communes: state.communes, hotspots: present(state.hotspots), modelSites: present(state.models) };
}

function randomHotspotValues(r: Random): HotspotValues {
  const values = Object.fromEntries(HOTSPOT_FIELDS.map((f) => [f.key, null])) as HotspotValues;
  for (const [key, options] of Object.entries(HOTSPOT_EDITS)) values[key as keyof HotspotValues] = r.pick(options);
  return values;
}

function randomModelValues(r: Random, id: string): ModelSiteValues {
  const values = Object.fromEntries(MODEL_SITE_FIELDS.map((f) => [f.key, null])) as ModelSiteValues;
  values.name = `Mô hình ${id}`;
  for (const [key, options] of Object.entries(MODEL_EDITS)) values[key as keyof ModelSiteValues] = r.pick(options);
  return values;
}

function randomStatus(r: Random): CommuneStatusValues | null {
  if (r.chance(0.2)) return null;
  const status = emptyStatus();
  for (const key of STATUS_FIELDS) status[key] = r.pick(VALUES[key] ?? COUNTS);
  return status;
}

function start(r: Random): State {
  const periodId = r.pick(['2025-AY', '2025-Q3', '2025-Q2', '2025']);
  const ctx: State['ctx'] = {
    period: period(periodId),
    scheme: r.pick(['GSO_2004', 'NSO_2025'] as const),
    office: { code: '001', level: 'DISTRICT', name: 'Huyện Đông Anh' },
    today: '2025-12-20',
    officeUnitCodes: new Set(['001', ...CODES]),
    previousClasses: new Map([['00002', 'KHONG_MA_TUY']]),
    // The previous period's rows (V20, V24 compare with them).
    previousStatuses: new Map(CODES.slice(0, 3).flatMap((code) => {
      const status = randomStatus(r);
      return status ? [[code, status] as const] : [];
    })),
    isNoNewHotspotsTarget: r.chance(0.7),
    reading: r.pick(['cumulative', 'literal'] as const),
  };
  const communes = CODES.map((code) => ({ code, name: `Xã ${code}`, unitType: r.pick(['xa', 'thi_tran', 'phuong']), parentCode: '001', parentName: 'Huyện Đông Anh', status: randomStatus(r) }));
  const state: State = { ctx, communes, hotspots: new Map(), models: new Map() };
  for (let i = 0; i < 12; i += 1) state.hotspots.set(`h${i}`, { item: withFlags(ctx, `h${i}`, randomHotspotValues(r)), order: i * 10, isRemoved: false });
  for (let i = 0; i < 4; i += 1) state.models.set(`m${i}`, { item: { id: `m${i}`, label: `Mô hình m${i}`, values: randomModelValues(r, `m${i}`) }, order: i, isRemoved: false });
  return state;
}

/** One random edit, applied to the state; returns the change as the incremental runner takes it. */
function randomEdit(r: Random, state: State, nextOrder: () => number): Parameters<IncrementalRules['update']>[0] {
  const kind = r.int(3);
  if (kind === 0) {
    const at = r.int(state.communes.length);
    const before = state.communes[at] as RuleCommune;
    const status = r.chance(0.1) ? randomStatus(r) : { ...(before.status ?? emptyStatus()) };
    if (status) {
      const key = r.pick(STATUS_FIELDS);
      status[key] = r.pick(VALUES[key] ?? COUNTS);
    }
    const after = { ...before, status };
    state.communes[at] = after;
    return { communes: [after] };
  }
  if (kind === 1) {
    const ids = [...state.hotspots.keys()];
    const op = r.int(10);
    if (op === 0 || ids.length === 0) {
      const id = `h${state.hotspots.size + 100}`;
      const entry = { item: withFlags(state.ctx, id, randomHotspotValues(r)), order: nextOrder(), isRemoved: false };
      state.hotspots.set(id, entry);
      return { hotspots: [{ id, item: entry.item, order: entry.order }] };
    }
    const id = r.pick(ids);
    const entry = state.hotspots.get(id) as { item: RuleHotspot; order: number; isRemoved: boolean };
    if (op === 1) entry.isRemoved = !entry.isRemoved;
    else {
      const [key, options] = r.pick(Object.entries(HOTSPOT_EDITS));
      const values = { ...entry.item.values, [key]: r.pick(options) };
      if (key === 'address' && r.chance(0.3)) values.reappeared_from = r.pick([null, ...ids]);
      entry.item = withFlags(state.ctx, id, values);
    }
    return { hotspots: [{ id, item: entry.isRemoved ? null : entry.item, order: entry.order }] };
  }
  const ids = [...state.models.keys()];
  const id = r.chance(0.15) ? `m${state.models.size + 100}` : r.pick(ids);
  const entry = state.models.get(id) ?? { item: { id, label: `Mô hình ${id}`, values: randomModelValues(r, id) }, order: nextOrder(), isRemoved: false };
  if (state.models.has(id)) {
    if (r.chance(0.15)) entry.isRemoved = !entry.isRemoved;
    else {
      const [key, options] = r.pick(Object.entries(MODEL_EDITS));
      entry.item = { ...entry.item, values: { ...entry.item.values, [key]: r.pick(options) } };
    }
  }
  state.models.set(id, entry);
  return { modelSites: [{ id, item: entry.isRemoved ? null : entry.item, order: entry.order }] };
}

describe('IncrementalRules', () => {
  it('gives after every random edit exactly what a full run gives', () => {
    let compared = 0;
    let withProblems = 0;
    for (let seed = 1; seed <= 25; seed += 1) {
      const r = randomOf(seed);
      const state = start(r);
      let order = 1000;
      const full = fullContext(state);
      const orders = (m: State['hotspots'] | State['models']) =>
        [...m.values()]
          .filter((e) => !e.isRemoved)
          .sort((a, b) => a.order - b.order)
          .map((e) => e.order);
      const incremental = new IncrementalRules(full, { hotspots: orders(state.hotspots), modelSites: orders(state.models) });
      expect(incremental.result()).toEqual(runRules(full));
      for (let step = 0; step < 30; step += 1) {
        const change = randomEdit(r, state, () => (order += 1));
        incremental.update(change);
        const expected = runRules(fullContext(state), ALL_RULES);
        expect({ seed, step, result: incremental.result() }).toEqual({ seed, step, result: expected });
        compared += 1;
        if (expected.problems.length > 0) withProblems += 1;
      }
    }
    // The sequences are not trivial: most states have problems to keep right.
    expect(compared).toBe(750);
    expect(withProblems).toBeGreaterThan(600);
  }, 60_000);

  it('checks again only the communes a change touched', () => {
    const r = randomOf(7);
    const state = start(r);
    const calls: number[] = [];
    const counting = ALL_RULES.map((rule) => ({
      ...rule,
      check: (ctx: Parameters<typeof rule.check>[0]) => {
        if (rule.id === 'H6') calls.push(ctx.hotspots.length);
        return rule.check(ctx);
      },
    }));
    const full = fullContext(state);
    const incremental = new IncrementalRules(full, { hotspots: full.hotspots.map((_h, i) => i * 10), modelSites: full.modelSites.map((_m, i) => i) }, counting);
    const inFirst = full.hotspots.filter((h) => h.values.commune_code === '00001').length;
    incremental.update({ communes: [{ ...(state.communes[0] as RuleCommune), status: emptyStatus() }] });
    expect(calls).toEqual([full.hotspots.length, inFirst]);
  });
});
