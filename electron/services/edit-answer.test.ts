/**
 * Issue 18 ("each typed cell takes 0.7–1.7 s to show as saved: the edit's answer
 * recounts hotspots over the whole scheme") and issue 12 item 8: the answer of
 * edits.apply carries the computed counts of exactly the communes the batch touched,
 * counted for those communes only (on the indexes by commune and by host), and they
 * equal what the Communes sheet shows after a reload.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMUNES_BY_CODE_SQL, isCommuneUnder, listCommuneCodesUnder } from '../../db/queries/commune-statuses';
import { HOTSPOT_ROWS_BY_ID_SQL } from '../../db/queries/hotspots';
import type { Edit, HotspotRow } from '../../shared/api/register-types';
import { listCommuneRows } from './commune-status-service';
import { applyEdits } from './edit-service';
import { openServices, type Services } from './index';
import { setOffice } from './office-service';
import { importUnitList } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const P = '2025-Q3';
let dir = '';
let s: Services;
let communes: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-edit-answer-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  communes = listCommuneRows(s.workspace, P).map((r) => r.code);
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const apply = (edits: Edit[]) => applyEdits(s.workspace, { periodId: P, cause: 'typing', mode: 'all', edits });

function hotspot(commune: string, discovered: string): Edit {
  return { sheet: 'hotspots', op: 'create', values: { commune_code: commune, category: 'DIEM', persons_involved: 2, discovered_date: discovered, status: 'DANG_HOAT_DONG' } };
}

describe("the edit's answer counts the touched communes", () => {
  it('gives each touched commune the counts a reload shows, including both communes of a moved hotspot', () => {
    const [a, b, c] = communes as [string, string, string];
    // Hotspots elsewhere in the scheme that the answer must not mix in.
    apply([hotspot(c, '2024-01-10'), hotspot(c, '2024-02-10')]);
    const created = apply([hotspot(a, '2024-03-01'), hotspot(a, '2025-10-02')]);
    // The second is discovered after the period's end: not active at its end.
    expect(created.communeRows.map((r) => [r.code, r.activeHotspots])).toEqual([[a, 1]]);
    const [first] = created.hotspots as [HotspotRow];
    const moved = apply([{ sheet: 'hotspots', op: 'set', id: first.id, field: 'commune_code', value: b }]);
    const counts = new Map(moved.communeRows.map((r) => [r.code, r.activeHotspots]));
    expect(counts).toEqual(new Map([[a, 0], [b, 1]]));
    const site = apply([{ sheet: 'modelSites', op: 'create', values: { name: 'Câu lạc bộ không ma túy', host_unit_code: b } }]);
    expect(site.communeRows.map((r) => [r.code, r.activeHotspots, r.activeModelSites])).toEqual([[b, 1, 1]]);
    const shown = new Map(listCommuneRows(s.workspace, P).map((r) => [r.code, [r.activeHotspots, r.activeModelSites]]));
    expect([a, b, c].map((code) => shown.get(code))).toEqual([[0, 0], [1, 1], [2, 0]]);
  });

  it('reads the hotspots and model sites of those communes only, by index (no pass over the whole register)', () => {
    const plan = s.workspace.db.prepare(`EXPLAIN QUERY PLAN ${COMMUNES_BY_CODE_SQL}`).all({ scheme: 'GSO_2004', periodId: P, endDate: '2025-09-30', codes: '["x"]' }) as { detail: string }[];
    const details = plan.map((r) => r.detail);
    const registerReads = details.filter((d) => / (h|model_sites) /u.test(d) && !d.startsWith('MATERIALIZE'));
    expect(registerReads).toEqual([
      'SEARCH h USING INDEX hotspots_by_commune (scheme=? AND commune_code=?)',
      'SEARCH model_sites USING INDEX model_sites_by_host (scheme=? AND host_level=? AND host_unit_code=?)',
    ]);
  });

  it('reads the saved hotspots by their id, not by the scheme (which is every hotspot)', () => {
    const plan = s.workspace.db.prepare(`EXPLAIN QUERY PLAN ${HOTSPOT_ROWS_BY_ID_SQL}`).all({ scheme: 'GSO_2004', start: '2025-07-01', end: '2025-09-30', ids: '["x"]' }) as { detail: string }[];
    expect(plan.map((r) => r.detail).filter((d) => d.includes(' hotspots '))).toEqual(['SEARCH hotspots USING INDEX sqlite_autoindex_hotspots_1 (id=?)']);
  });

  it('asks whether a typed commune is under the office by walking up from it, with the answer of the office list', () => {
    const db = s.workspace.db;
    const all = (db.prepare("SELECT code FROM admin_units WHERE scheme = 'GSO_2004' AND level = 'COMMUNE'").all() as { code: string }[]).map((r) => r.code);
    expect(all.length).toBeGreaterThan(10_000);
    for (const office of [
      { scheme: 'GSO_2004', level: 'DISTRICT', code: '017' },
      { scheme: 'GSO_2004', level: 'PROVINCE', code: '01' },
      { scheme: 'GSO_2004', level: 'COMMUNE', code: communes[0] ?? '' },
    ]) {
      const under = listCommuneCodesUnder(db, office);
      const walked = all.filter((code) => isCommuneUnder(db, office, code));
      expect(walked).toEqual(all.filter((code) => under.has(code)));
      expect(walked.length).toBeGreaterThan(0);
    }
    expect(isCommuneUnder(db, { scheme: 'NSO_2025', level: 'PROVINCE', code: '01' }, communes[0] ?? '')).toBe(false);
    expect(() => apply([{ sheet: 'communeStatuses', op: 'set', id: '31234', field: 'resident_population', value: 5 }])).toThrow(/./u);
  });
});
