import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EditsResult } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { Edit, HotspotRow, ModelSiteRow } from '../../shared/api/register-types';
import { AppError } from '../../shared/errors';
import { listCommuneRows } from './commune-status-service';
import { applyEdits, type ApplyEditsInput } from './edit-service';
import { openServices, type Services } from './index';
import { setOffice } from './office-service';
import { importUnitList } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const P = '2025-Q3';
let dir = '';
let s: Services;
let communes: string[] = [];
const options = { language: () => s.language(), onInternalError: (_m: string, e: unknown) => console.error(e) };

function apply(edits: Edit[], more: Partial<ApplyEditsInput> = {}): EditsResult {
  return applyEdits(s.workspace, { periodId: P, cause: 'typing', mode: 'all', edits, ...more });
}

function code(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  return 'no error';
}

type HistoryRow = { batch_id: string; table_name: string; record_id: string; period_id: string | null; field: string | null; old_value: string; new_value: string; cause: string; user_name: string | null };
function historyOf(batchId: string | null): HistoryRow[] {
  return s.workspace.db.prepare('SELECT * FROM v_history WHERE batch_id = ? ORDER BY id').all(batchId) as HistoryRow[];
}
function countHistory(): number {
  return (s.workspace.db.prepare('SELECT count(*) AS n FROM history').get() as { n: number }).n;
}

function newHotspot(values: Record<string, unknown>): Edit {
  return { sheet: 'hotspots', op: 'create', values: { commune_code: communes[0], ...values } as Record<string, string> };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-edits-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  communes = listCommuneRows(s.workspace, P).map((r) => r.code);
  s.workspace.db.prepare("INSERT INTO settings (key, value) VALUES ('user_name', 'Nguyễn Thị Lan')").run();
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('commune statuses through edits.apply', () => {
  it('stores a batch with one history batch, and an unchanged value writes nothing', () => {
    const [a = '', b = ''] = communes;
    const result = apply(
      [
        { sheet: 'communeStatuses', op: 'set', id: a, field: 'resident_population', value: 1200 },
        { sheet: 'communeStatuses', op: 'set', id: b, field: 'commitment_signed', value: true },
        { sheet: 'communeStatuses', op: 'set', id: a, field: 'declared_class', value: 'CO_MA_TUY' },
      ],
      { cause: 'paste' },
    );
    expect(result.batchId).toMatch(/^[0-9a-f-]{36}$/u);
    expect(result.communeRows.map((r) => r.code)).toEqual([a, b]);
    expect(result.communeRows[0]).toMatchObject({ rowVersion: 1, status: { resident_population: 1200, declared_class: 'CO_MA_TUY' } });
    const rows = historyOf(result.batchId);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toMatchObject({ table_name: 'commune_statuses', record_id: b, period_id: P, field: 'commitment_signed', old_value: 'null', new_value: 'true', cause: 'paste', user_name: 'Nguyễn Thị Lan' });
    const before = countHistory();
    const same = apply([{ sheet: 'communeStatuses', op: 'set', id: a, field: 'resident_population', value: 1200 }]);
    expect(same.batchId).toBeNull();
    expect(same.communeRows[0]?.rowVersion).toBe(1);
    expect(countHistory()).toBe(before);
  });

  it("mode 'all' stores nothing on a bad edit; mode 'valid' stores the rest and reports each refusal", () => {
    const [, , c = '', d = ''] = communes;
    const edits: Edit[] = [
      { sheet: 'communeStatuses', op: 'set', id: c, field: 'resident_population', value: 900 },
      { sheet: 'communeStatuses', op: 'set', id: d, field: 'addicts_with_records', value: -1 },
      { sheet: 'communeStatuses', op: 'set', id: '00001', field: 'note', value: 'x' },
      { sheet: 'communeStatuses', op: 'set', id: d, field: 'bogus', value: 1 },
      { sheet: 'communeStatuses', op: 'set', id: d, field: 'note', value: 'Đã kiểm tra' },
    ];
    expect(code(() => apply(edits))).toBe('FIELD_VALUE_INVALID');
    expect(listCommuneRows(s.workspace, P).find((r) => r.code === c)?.status.resident_population).toBeNull();
    const result = apply(edits, { mode: 'valid' });
    expect(result.rejected.map((r) => [r.index, r.code])).toEqual([
      [1, 'FIELD_VALUE_INVALID'],
      [2, 'COMMUNE_NOT_IN_OFFICE'],
      [3, 'FIELD_NOT_EDITABLE'],
    ]);
    expect(result.rejected[0]?.message).toContain('Giá trị “-1” không hợp lệ');
    expect(historyOf(result.batchId)).toHaveLength(2);
    const row = listCommuneRows(s.workspace, P).find((r) => r.code === d);
    expect(row?.status).toMatchObject({ note: 'Đã kiểm tra', addicts_with_records: null });
  });

  it('an undo batch (the inverse edits) restores the old values and is recorded as undo', () => {
    const e = communes[4] ?? '';
    const first = apply([
      { sheet: 'communeStatuses', op: 'set', id: e, field: 'users_with_records', value: 7 },
      { sheet: 'communeStatuses', op: 'set', id: e, field: 'key_route', value: 'INTRA_PROVINCE' },
    ]);
    const inverse: Edit[] = historyOf(first.batchId)
      .reverse()
      .map((h) => ({ sheet: 'communeStatuses', op: 'set', id: h.record_id, field: h.field ?? '', value: JSON.parse(h.old_value) as null }));
    const undone = apply(inverse, { cause: 'undo' });
    expect(undone.communeRows[0]?.status).toMatchObject({ users_with_records: null, key_route: null });
    expect(historyOf(undone.batchId).map((h) => h.cause)).toEqual(['undo', 'undo']);
  });

  it('refuses status edits without a period or in a locked period, keeping register edits editable', () => {
    expect(code(() => apply([{ sheet: 'communeStatuses', op: 'set', id: communes[0] ?? '', field: 'note', value: 'x' }], { periodId: null }))).toBe('EDIT_NEEDS_PERIOD');
    s.workspace.db.prepare("INSERT INTO periods (id, kind, year, seq, start_date, end_date, status, created_at) VALUES ('2024-Q1', 'QUARTER', 2024, 1, '2024-01-01', '2024-03-31', 'LOCKED', '')").run();
    const edits: Edit[] = [
      { sheet: 'communeStatuses', op: 'set', id: communes[0] ?? '', field: 'note', value: 'x' },
      newHotspot({ discovered_date: '2023-05-01' }),
    ];
    expect(code(() => apply(edits, { periodId: '2024-Q1' }))).toBe('PERIOD_LOCKED');
    const result = apply(edits, { periodId: '2024-Q1', mode: 'valid' });
    expect(result.rejected.map((r) => r.code)).toEqual(['PERIOD_LOCKED']);
    expect(result.created).toHaveLength(1);
  });
});

describe('hotspots and model sites', () => {
  it('creates a hotspot with a generated local code, then fills it in the same batch', () => {
    const id = 'c0ffee00-0000-4000-8000-000000000001';
    const result = apply(
      [
        newHotspot({ id, discovered_date: '2025-08-02', activities: ['TU_TAP_SU_DUNG', 'MUA_BAN_LE'], category: 'DIEM' }),
        newHotspot({ discovered_date: '2025-09-10' }),
        { sheet: 'hotspots', op: 'set', id, field: 'address', value: 'Số 5, ngõ 12' },
      ],
      { cause: 'paste' },
    );
    expect(result.created.map((c) => c.sheet)).toEqual(['hotspots', 'hotspots']);
    expect(result.created[0]?.id).toBe(id);
    const [first, second] = result.hotspots as [HotspotRow, HotspotRow];
    expect(first.values).toMatchObject({ local_code: `${communes[0]}-2025-001`, activities: ['MUA_BAN_LE', 'TU_TAP_SU_DUNG'], address: 'Số 5, ngõ 12' });
    expect(second.values.local_code).toBe(`${communes[0]}-2025-002`);
    expect(first.flags).toEqual({ isActiveAtStart: false, isNew: true, isEliminated: false, isActiveAtEnd: true });
    // The two new ones and the 2023 one created by the locked-period test.
    expect(result.communeRows.find((r) => r.code === communes[0])?.activeHotspots).toBe(3);
    const rows = historyOf(result.batchId).filter((h) => h.record_id === id);
    expect(rows.map((h) => [h.field, h.cause])).toEqual([
      [null, 'create'],
      ['local_code', 'paste'],
      ['commune_code', 'paste'],
      ['category', 'paste'],
      ['activities', 'paste'],
      ['discovered_date', 'paste'],
      ['address', 'paste'],
    ]);
    expect(new Set(historyOf(result.batchId).map((h) => h.batch_id)).size).toBe(1);
  });

  it('removes and restores rows, recording what happened and by what', () => {
    const created = apply([newHotspot({ discovered_date: '2024-02-03' })]);
    const id = created.created[0]?.id ?? '';
    const removed = apply([{ sheet: 'hotspots', op: 'remove', id }]);
    expect(removed.hotspots[0]?.isRemoved).toBe(true);
    expect(historyOf(removed.batchId)).toMatchObject([{ field: 'removed_at', old_value: 'null', cause: 'remove' }]);
    expect(code(() => apply([{ sheet: 'hotspots', op: 'set', id, field: 'note', value: 'x' }]))).toBe('RECORD_REMOVED');
    const undone = apply([{ sheet: 'hotspots', op: 'restore', id }], { cause: 'undo' });
    expect(undone.hotspots[0]?.isRemoved).toBe(false);
    expect(historyOf(undone.batchId)).toMatchObject([{ field: 'removed_at', new_value: 'null', cause: 'undo' }]);
    expect(apply([{ sheet: 'hotspots', op: 'restore', id }]).batchId).toBeNull();
  });

  it('checks references against real data and the row rules H1, M1, M4', () => {
    const id = apply([newHotspot({ discovered_date: '2022-01-01' })]).created[0]?.id ?? '';
    const set = (field: string, value: string | null): string => code(() => apply([{ sheet: 'hotspots', op: 'set', id, field, value }]));
    expect(set('commune_code', '00001')).toBe('COMMUNE_NOT_IN_OFFICE');
    expect(set('commune_code', null)).toBe('FIELD_REQUIRED');
    expect(set('reappeared_from', id)).toBe('HOTSPOT_REF_INVALID');
    expect(set('reappeared_from', 'no-such-id')).toBe('HOTSPOT_REF_INVALID');
    expect(set('local_code', 'X-1')).toBe('FIELD_NOT_EDITABLE');
    expect(set('eliminated_date', '2021-12-31')).toBe('HOTSPOT_ELIMINATED_BEFORE_DISCOVERED');
    expect(set('discovered_date', '2099-01-01')).toBe('HOTSPOT_DISCOVERED_IN_FUTURE');
    expect(code(() => apply([{ sheet: 'hotspots', op: 'set', id: 'nope', field: 'note', value: 'x' }]))).toBe('RECORD_NOT_FOUND');
    expect(code(() => apply([{ sheet: 'hotspots', op: 'create', values: { village: 'Thôn 1' } }]))).toBe('FIELD_REQUIRED');
    // A pasted pair of dates is judged as a pair: moving both later in one batch is fine.
    const pair = apply([
      { sheet: 'hotspots', op: 'set', id, field: 'discovered_date', value: '2023-06-01' },
      { sheet: 'hotspots', op: 'set', id, field: 'eliminated_date', value: '2023-07-01' },
    ]);
    expect(pair.hotspots[0]?.values).toMatchObject({ discovered_date: '2023-06-01', eliminated_date: '2023-07-01' });
    const other = apply([newHotspot({ reappeared_from: id })]);
    expect(other.hotspots[0]?.values.reappeared_from).toBe(id);

    const model = (values: Record<string, unknown>): string => code(() => apply([{ sheet: 'modelSites', op: 'create', values: { name: 'CLB sau cai', host_unit_code: '017', ...values } as Record<string, string> }]));
    expect(model({ host_unit_code: '001' })).toBe('UNIT_NOT_IN_OFFICE');
    expect(model({ establishment_date: '2024-05-01', ended_date: '2024-04-30' })).toBe('MODEL_ENDED_BEFORE_ESTABLISHED');
    expect(model({ level: 'HUYEN' })).toBe('no error');
  });

  it('refuses a "re-emerged from" loop, direct or through others, in one call or across calls, naming the hotspots', () => {
    const [a, b, c] = apply([newHotspot({}), newHotspot({}), newHotspot({})]).hotspots as [HotspotRow, HotspotRow, HotspotRow];
    const link = (id: string, from: string): Edit => ({ sheet: 'hotspots', op: 'set', id, field: 'reappeared_from', value: from });
    apply([link(a.id, b.id)]);
    const before = countHistory();
    let message = '';
    try {
      apply([link(b.id, a.id)]);
    } catch (error) {
      message = error instanceof AppError ? `${error.code} ${JSON.stringify(error.params)}` : String(error);
    }
    expect(message).toContain('HOTSPOT_REF_CYCLE');
    expect(message).toContain(`${b.values.local_code} → ${a.values.local_code} → ${b.values.local_code}`);
    // Through a third hotspot, and with the closing link made earlier in the same batch.
    expect(code(() => apply([link(b.id, c.id), link(c.id, a.id)]))).toBe('HOTSPOT_REF_CYCLE');
    expect(countHistory()).toBe(before);
    const stored = s.workspace.db.prepare('SELECT id, reappeared_from FROM hotspots WHERE id IN (?, ?, ?) ORDER BY id').all(a.id, b.id, c.id);
    expect(stored).toEqual([a, b, c].map((h) => ({ id: h.id, reappeared_from: h.id === a.id ? b.id : null })).sort((x, y) => x.id.localeCompare(y.id)));
    // A chain that does not come back is fine.
    expect(code(() => apply([link(c.id, a.id)]))).toBe('no error');
  });

  it('creates model sites hosted by the office or a commune, and counts active ones per commune', () => {
    const host = communes[1] ?? '';
    const result = apply([
      { sheet: 'modelSites', op: 'create', values: { name: 'Thôn tự quản chống ma túy thôn 9', host_unit_code: host, model_type: 'TU_QUAN_KHU_DAN_CU', is_pilot_model: true, funding_sources: ['XA_HOI_HOA'] } },
      { sheet: 'modelSites', op: 'create', values: { name: 'Tổ công tác cai nghiện', host_unit_code: host, status: 'GIAI_THE' } },
    ]);
    const [first] = result.modelSites as [ModelSiteRow];
    expect(first).toMatchObject({ hostUnitName: expect.stringMatching(/^(Xã|Thị trấn)/u) as string, values: { is_pilot_model: true, funding_sources: ['XA_HOI_HOA'] } });
    expect(result.communeRows.find((r) => r.code === host)?.activeModelSites).toBe(1);
    expect(listCommuneRows(s.workspace, P).find((r) => r.code === host)?.activeModelSites).toBe(1);
  });
});

describe('the API boundary', () => {
  it('answers edits.apply, hotspots.list, modelSites.list and units.underOffice', async () => {
    const applied = await dispatch(s.handlers, 'edits.apply', { periodId: P, cause: 'typing', mode: 'valid', edits: [newHotspot({ discovered_date: '2025-01-05' })] }, options);
    expect(applied).toMatchObject({ ok: true, data: { rejected: [] } });
    const hotspots = await dispatch(s.handlers, 'hotspots.list', { periodId: P, isRemovedIncluded: false }, options);
    expect(hotspots.ok).toBe(true);
    const models = await dispatch(s.handlers, 'modelSites.list', { periodId: P, isRemovedIncluded: true }, options);
    expect(models.ok && (models.data as ModelSiteRow[]).length).toBeGreaterThan(0);
    const units = await dispatch(s.handlers, 'units.underOffice', {}, options);
    const list = units.ok ? (units.data as { code: string; level: string }[]) : [];
    expect(list[0]).toMatchObject({ code: '017', level: 'DISTRICT' });
    expect(list).toHaveLength(25);
    const bad = await dispatch(s.handlers, 'edits.apply', { periodId: P, cause: 'typing', mode: 'all', edits: [{ sheet: 'communeStatuses', op: 'create', values: {} }] }, options);
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });
});
