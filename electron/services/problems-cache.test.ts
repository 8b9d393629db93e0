/**
 * Issue 12 item 8 / issue 18 item 3 on a real workspace: after each save through
 * edits.apply the period's rules are checked again from the records the batch wrote
 * (the period is not read again), and the answer is always what a full run over the
 * stored data gives. Writes that do not go through edits.apply — another connection on
 * the same file, a setting, a preview that is rolled back — are seen too.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, closeDatabase } from '../../db/connection';
import type { Edit, HotspotRow, ModelSiteRow } from '../../shared/api/register-types';
import { runRules } from '../../shared/domain/rules';
import { listCommuneRows } from './commune-status-service';
import { applyEdits } from './edit-service';
import { openServices, type Services } from './index';
import { setOffice } from './office-service';
import { periodRules } from './problems-cache';
import { buildRuleContext } from './problems-service';
import { setClassificationReading } from './settings-service';
import { importUnitList } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const P = '2025-Q3';
let dir = '';
let file = '';
let s: Services;
let communes: string[] = [];
let builds = 0;

const counting = (ws: Services['workspace'], periodId: string) => {
  builds += 1;
  return buildRuleContext(ws, periodId);
};
const apply = (edits: Edit[], periodId = P) => applyEdits(s.workspace, { periodId, cause: 'typing', mode: 'all', edits });
const full = () => runRules(buildRuleContext(s.workspace, P));
const checked = () => periodRules(s.workspace, P, counting);

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-problems-cache-'));
  file = path.join(dir, 'ws.sqlite');
  s = openServices({ workspacePath: file, hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  communes = listCommuneRows(s.workspace, P).map((r) => r.code);
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the problems of a period after each save', () => {
  it('are checked again from the saved records only, and equal a full run after every kind of edit', () => {
    const [a, b, c] = communes as [string, string, string];
    const art6 = { addicts_with_records: 0, users_with_records: 0, residents_violating_drug_law: 0, wanted_drug_fugitives_hiding: 0, harboring_points: 0, plants_destroyed_count: 0 };
    const status = (code: string, values: Record<string, string | number | null>): Edit[] => Object.entries(values).map(([field, value]) => ({ sheet: 'communeStatuses', op: 'set', id: code, field, value }));
    apply([...status(a, { resident_population: 9000, declared_class: 'KHONG_MA_TUY', ...art6 }), ...status(b, { resident_population: 7000, ...art6 })]);
    expect(checked()).toEqual(full());
    expect(builds).toBe(1);

    const steps: (() => void)[] = [];
    let hotspot = '';
    let other = '';
    let site = '';
    steps.push(() => {
      const created = apply([
        { sheet: 'hotspots', op: 'create', values: { commune_code: a, category: 'DIEM', persons_involved: 2, discovered_date: '2025-08-01', status: 'DANG_HOAT_DONG', address: 'Số 5, ngõ 12' } },
        { sheet: 'hotspots', op: 'create', values: { commune_code: b, category: 'TU_DIEM', discovered_date: '2024-02-01', status: 'DA_TRIET_XOA', eliminated_date: '2025-01-10', elimination_method: 'XU_PHAT_HANH_CHINH', address: 'số 5 ngõ 12' } },
      ]);
      [hotspot, other] = (created.hotspots as HotspotRow[]).map((h) => h.id) as [string, string];
    });
    steps.push(() => apply(status(a, { harboring_points: 1, note: null })));
    steps.push(() => apply([{ sheet: 'hotspots', op: 'set', id: hotspot, field: 'commune_code', value: b }]));
    steps.push(() => apply([{ sheet: 'hotspots', op: 'set', id: other, field: 'commune_code', value: b }]));
    steps.push(() => apply([{ sheet: 'hotspots', op: 'remove', id: hotspot }]));
    steps.push(() => apply([{ sheet: 'hotspots', op: 'restore', id: hotspot }]));
    steps.push(() => {
      const created = apply([{ sheet: 'modelSites', op: 'create', values: { name: 'Câu lạc bộ không ma túy', host_unit_code: c, establishment_date: '2030-01-01' } }]);
      site = (created.modelSites[0] as ModelSiteRow).id;
    });
    steps.push(() => apply([{ sheet: 'modelSites', op: 'set', id: site, field: 'host_unit_code', value: a }]));
    steps.push(() => apply(status(c, { resident_population: 0 })));
    for (const [i, step] of steps.entries()) {
      step();
      expect({ step: i, result: checked() }).toEqual({ step: i, result: full() });
    }
    // One read of the whole period, at the start: every later check read only what was saved.
    expect(builds).toBe(1);
    expect(full().problems.length).toBeGreaterThan(3);
  });

  it('sees writes that bypass edits.apply: another connection, a setting, a rolled-back preview, another period', () => {
    const [a, b] = communes as [string, string];
    expect(checked()).toEqual(full());
    const before = builds;

    const other = openDatabase(file, { isCreateAllowed: false });
    other.prepare('UPDATE commune_statuses SET addicts_with_records = 5 WHERE period_id = ? AND commune_code = ?').run(P, a);
    closeDatabase(other);
    expect(checked()).toEqual(full());
    expect(checked().problems.some((p) => p.ruleId === 'V5' && p.recordId === a)).toBe(true);

    setClassificationReading(s.workspace, 'literal');
    expect(checked()).toEqual(full());

    expect(() => s.workspace.db.transaction(() => {
      applyEdits(s.workspace, { periodId: P, cause: 'import', mode: 'all', isPreview: true, edits: [{ sheet: 'communeStatuses', op: 'set', id: b, field: 'declared_class', value: 'TRONG_DIEM_I' }] });
      throw new Error('roll back');
    })()).toThrow('roll back');
    expect(checked()).toEqual(full());

    // The previous quarter's class is in this quarter's V13.
    apply([{ sheet: 'communeStatuses', op: 'set', id: a, field: 'declared_class', value: 'TRONG_DIEM_I' }], '2025-Q2');
    expect(checked()).toEqual(full());
    expect(checked().problems.some((p) => p.ruleId === 'V13' && p.recordId === a)).toBe(true);
    expect(builds).toBeGreaterThanOrEqual(before + 4);
  });
});
