import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../shared/api/dispatch';
import type { Edit, HotspotRow, HotspotSummary } from '../../shared/api/register-types';
import { hotspotPeriodFlags } from '../../shared/domain/hotspot';
import { listCommuneRows } from './commune-status-service';
import { applyEdits } from './edit-service';
import { openServices, type Services } from './index';
import { setOffice } from './office-service';
import { listHotspotRows } from './register-service';
import { importUnitList } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const COUNT = 30_000;
let dir = '';
let s: Services;
let communes: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-registers-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  communes = listCommuneRows(s.workspace, '2025-Q3').map((r) => r.code);
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function plausible(i: number): Edit {
  const year = 2018 + (i % 8);
  const month = String((i % 12) + 1).padStart(2, '0');
  const isEliminated = i % 3 === 0;
  return {
    sheet: 'hotspots',
    op: 'create',
    values: {
      commune_code: communes[i % communes.length] ?? '',
      address: `Số ${(i % 300) + 1}, ngõ ${(i % 40) + 1}`,
      category: 'DIEM',
      drug_types: i % 2 === 0 ? ['HEROIN'] : ['MA_TUY_TONG_HOP', 'CAN_SA'],
      persons_involved: (i % 9) + 1,
      discovered_date: `${year}-${month}-15`,
      status: isEliminated ? 'DA_TRIET_XOA' : 'DANG_HOAT_DONG',
      eliminated_date: isEliminated ? `${year + 1}-${month}-20` : null,
    },
  };
}

describe('a register of 30,000 hotspots', () => {
  it('is stored in one batch and listed with flags and counts (timings printed, not asserted)', async () => {
    const edits = Array.from({ length: COUNT }, (_, i) => plausible(i));
    let start = performance.now();
    const result = applyEdits(s.workspace, { periodId: null, cause: 'import', mode: 'all', edits });
    const insertMs = performance.now() - start;
    expect(result.created).toHaveLength(COUNT);
    const codes = new Set(result.hotspots.map((h) => h.values.local_code));
    expect(codes.size).toBe(COUNT);

    listHotspotRows(s.workspace, '2025-Q3', false);
    start = performance.now();
    const { rows, summary } = listHotspotRows(s.workspace, '2025-Q3', false);
    const listMs = performance.now() - start;
    start = performance.now();
    const communeRows = listCommuneRows(s.workspace, '2025-Q3');
    const communesMs = performance.now() - start;
    console.info(`30k hotspots: edits.apply ${insertMs.toFixed(0)} ms, hotspots.list ${listMs.toFixed(0)} ms, communes.list ${communesMs.toFixed(0)} ms`);

    expect(rows).toHaveLength(COUNT);
    // The flags are computed in SQL; they must agree with the shared rule.
    const disagreeing = rows.filter((r) => {
      const { discovered_date: d, eliminated_date: e } = r.values;
      const want = hotspotPeriodFlags(d as string | null, e as string | null, '2025-07-01', '2025-09-30');
      return JSON.stringify(want) !== JSON.stringify(r.flags);
    });
    expect(disagreeing).toEqual([]);
    const expected: HotspotSummary = { activeAtStart: 0, new: 0, eliminated: 0, activeAtEnd: 0 };
    for (const edit of edits) {
      if (edit.op !== 'create') continue;
      const f = hotspotPeriodFlags(edit.values.discovered_date as string, edit.values.eliminated_date as string | null, '2025-07-01', '2025-09-30');
      expected.activeAtStart += Number(f.isActiveAtStart);
      expected.new += Number(f.isNew);
      expected.eliminated += Number(f.isEliminated);
      expected.activeAtEnd += Number(f.isActiveAtEnd);
    }
    expect(summary).toEqual(expected);
    expect(communeRows.reduce((n, r) => n + r.activeHotspots, 0)).toBe(expected.activeAtEnd);

    const first = rows[0] as HotspotRow;
    const removed = applyEdits(s.workspace, { periodId: null, cause: 'typing', mode: 'all', edits: [{ sheet: 'hotspots', op: 'remove', id: first.id }] });
    expect(removed.batchId).not.toBeNull();
    const options = { language: () => s.language(), onInternalError: () => undefined };
    const without = await dispatch(s.handlers, 'hotspots.list', { periodId: '2025-Q3', isRemovedIncluded: false }, options);
    const withRemoved = await dispatch(s.handlers, 'hotspots.list', { periodId: '2025-Q3', isRemovedIncluded: true }, options);
    expect(without.ok && (without.data as { rows: unknown[] }).rows.length).toBe(COUNT - 1);
    expect(withRemoved.ok && (withRemoved.data as { rows: HotspotRow[] }).rows.filter((r) => r.isRemoved).map((r) => r.id)).toEqual([first.id]);
  });
});
