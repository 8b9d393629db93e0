import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch';
import type { HistoryEntry } from '../../shared/api/register-types';
import { listCommuneRows } from './commune-status-service';
import { applyEdits } from './edit-service';
import { listHistoryEntries, type HistoryQuery } from './history-service';
import { openServices, type Services } from './index';
import { setOffice } from './office-service';
import { importUnitList } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
let dir = '';
let s: Services;
let dongAnhTown = '';
let hotspotId = '';
const all: HistoryQuery = { table: null, recordId: null, periodId: null, cause: null, search: null, limit: 100, offset: 0 };

function find(query: Partial<HistoryQuery>): { entries: HistoryEntry[]; total: number } {
  return listHistoryEntries(s.workspace, { ...all, ...query });
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-history-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  dongAnhTown = listCommuneRows(s.workspace, '2025-Q3').find((r) => r.name === 'Thị trấn Đông Anh')?.code ?? '';
  applyEdits(s.workspace, {
    periodId: '2025-Q3',
    cause: 'typing',
    mode: 'all',
    edits: [
      { sheet: 'communeStatuses', op: 'set', id: dongAnhTown, field: 'resident_population', value: 25000 },
      { sheet: 'communeStatuses', op: 'set', id: dongAnhTown, field: 'note', value: 'Đã rà soát với Công an xã' },
    ],
  });
  const created = applyEdits(s.workspace, {
    periodId: null,
    cause: 'paste',
    mode: 'all',
    edits: [{ sheet: 'hotspots', op: 'create', values: { commune_code: dongAnhTown, address: 'Nhà nghỉ Hoàng Long', discovered_date: '2025-04-02' } }],
  });
  hotspotId = created.created[0]?.id ?? '';
  applyEdits(s.workspace, { periodId: null, cause: 'typing', mode: 'all', edits: [{ sheet: 'hotspots', op: 'remove', id: hotspotId }] });
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('history.list', () => {
  it('lists newest first with readable record labels and parsed values', () => {
    const { entries, total } = find({});
    expect(total).toBe(entries.length);
    expect(entries[0]).toMatchObject({ table: 'hotspots', field: 'removed_at', cause: 'remove', recordLabel: `${dongAnhTown}-2025-001`, oldValue: null });
    const population = entries.find((e) => e.field === 'resident_population');
    expect(population).toMatchObject({ recordLabel: 'Thị trấn Đông Anh', periodId: '2025-Q3', oldValue: null, newValue: 25000, cause: 'typing' });
    expect(entries.map((e) => e.id)).toEqual([...entries.map((e) => e.id)].sort((a, b) => b - a));
  });

  it('filters by table, record, period and cause, and pages', () => {
    expect(find({ table: 'commune_statuses' }).total).toBe(2);
    expect(find({ recordId: hotspotId }).entries.every((e) => e.recordId === hotspotId)).toBe(true);
    expect(find({ periodId: '2025-Q3' }).total).toBe(2);
    expect(find({ cause: 'create' }).entries.map((e) => e.newValue)).toEqual([`${dongAnhTown}-2025-001`]);
    const page = find({ limit: 2, offset: 1 });
    expect(page.entries.map((e) => e.id)).toEqual(find({}).entries.slice(1, 3).map((e) => e.id));
    expect(page.total).toBe(find({}).total);
  });

  it('searches labels, field names and values without diacritics', async () => {
    expect(find({ search: 'dong anh' }).total).toBe(2);
    expect(find({ search: 'HOANG LONG' }).entries.map((e) => e.field)).toEqual(['address']);
    expect(find({ search: 'nhân khẩu' }).entries.map((e) => e.field)).toEqual(['resident_population']);
    expect(find({ search: 'ra soat' }).entries.map((e) => e.field)).toEqual(['note']);
    const viaApi = await dispatch(s.handlers, 'history.list', { ...all, search: 'cong an' }, { language: () => 'vi', onInternalError: () => undefined });
    expect(viaApi).toMatchObject({ ok: true, data: { total: 1 } });
  });
});
