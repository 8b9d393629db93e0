/**
 * A workspace for the export tests: Đông Anh district (GSO 2004, commune codes with
 * leading zeros), a few hotspots, model sites and commune figures of 2025-Q3.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listCommuneRows } from '../commune-status-service';
import { applyEdits } from '../edit-service';
import { openServices, type Services } from '../index';
import { setOffice } from '../office-service';
import { importUnitList } from '../units-service';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));

export type TestWorkspace = { services: Services; dir: string; communes: string[]; hotspotIds: string[]; close(): void };

export const PERIOD = '2025-Q3';

export async function openTestWorkspace(): Promise<TestWorkspace> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-sheet-export-'));
  const services = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  const ws = services.workspace;
  // Awaited: reading a unit list may be asynchronous (a large workbook is parsed off the main thread).
  await importUnitList(ws, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(ws, 'GSO_2004', 'DISTRICT', '017');
  const communes = listCommuneRows(ws, PERIOD).map((r) => r.code);
  const [c0 = '', c1 = ''] = communes;
  const created = applyEdits(ws, {
    periodId: null,
    cause: 'typing',
    mode: 'all',
    edits: [
      { sheet: 'hotspots', op: 'create', values: { commune_code: c0, address: 'Số 1, ngõ 2', category: 'DIEM', drug_types: ['HEROIN', 'CAN_SA'], persons_involved: 1234, discovered_date: '2025-01-15', lat: 21.123456, status: 'DANG_HOAT_DONG' } },
      { sheet: 'hotspots', op: 'create', values: { commune_code: c1, address: 'Bãi sông', category: 'TU_DIEM', persons_involved: 3, discovered_date: '2024-12-31', status: 'DA_TRIET_XOA', eliminated_date: '2025-08-02' } },
      { sheet: 'hotspots', op: 'create', values: { commune_code: c0, address: 'Chợ đêm', persons_involved: null, discovered_date: null } },
      { sheet: 'modelSites', op: 'create', values: { name: 'Câu lạc bộ “Gia đình không ma túy”', host_unit_code: c0, is_pilot_model: true, establishment_date: '2023-05-19', members: 25, budget_vnd: 15_000_000 } },
    ],
  });
  applyEdits(ws, {
    periodId: PERIOD,
    cause: 'typing',
    mode: 'all',
    edits: [
      { sheet: 'communeStatuses', op: 'set', id: c0, field: 'resident_population', value: 12_345 },
      { sheet: 'communeStatuses', op: 'set', id: c0, field: 'plants_destroyed_area_m2', value: 12.5 },
      { sheet: 'communeStatuses', op: 'set', id: c0, field: 'drug_free_certificate_date', value: '2025-07-01' },
      { sheet: 'communeStatuses', op: 'set', id: c0, field: 'commitment_signed', value: true },
    ],
  });
  const hotspotIds = created.created.filter((c) => c.sheet === 'hotspots').map((c) => c.id);
  return {
    services,
    dir,
    communes,
    hotspotIds,
    close: () => {
      services.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
