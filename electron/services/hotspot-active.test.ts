/**
 * Issue 12 item 4: "CHUYEN_DIA_DIEM is not active". The one definition is
 * hotspotPeriodFlags (shared/domain/hotspot.ts); the sheet's flags and the per-commune
 * "điểm đang hoạt động" are computed in SQL from the same list of inactive statuses, so
 * both must agree with it on a real workspace.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Edit } from '../../shared/api/register-types';
import { HOTSPOT_STATUS, hotspotPeriodFlags } from '../../shared/domain/hotspot';
import { listCommuneRows } from './commune-status-service';
import { applyEdits } from './edit-service';
import { openServices, type Services } from './index';
import { setOffice } from './office-service';
import { listHotspotRows } from './register-service';
import { importUnitList } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const PERIOD = '2025-Q3';
let dir = '';
let s: Services;
let commune = '';

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-active-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  commune = listCommuneRows(s.workspace, PERIOD)[0]?.code ?? '';
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('a moved hotspot is not active', () => {
  it('the sheet flags, the shared rule and the commune count agree for every status', () => {
    const statuses = HOTSPOT_STATUS.values.filter((v) => v !== 'DA_TRIET_XOA');
    const edits: Edit[] = statuses.map((status, i) => ({
      sheet: 'hotspots',
      op: 'create',
      values: { commune_code: commune, category: 'DIEM', persons_involved: 1, discovered_date: '2025-03-01', status, address: `Số ${i + 1}` },
    }));
    applyEdits(s.workspace, { periodId: null, cause: 'typing', mode: 'all', edits });
    const { rows } = listHotspotRows(s.workspace, PERIOD, false);
    for (const row of rows) {
      const want = hotspotPeriodFlags('2025-03-01', null, '2025-07-01', '2025-09-30', row.values.status);
      expect(row.flags).toEqual(want);
      expect(row.flags.isActiveAtEnd).toBe(row.values.status !== 'CHUYEN_DIA_DIEM');
    }
    const counted = listCommuneRows(s.workspace, PERIOD).find((r) => r.code === commune)?.activeHotspots;
    expect(counted).toBe(statuses.length - 1);
  });
});
