/**
 * Issue 15 item 2: the demo workspace is deterministic (same seed, same dump), a training
 * workspace, and its computed classes spread over every class of Decision 28/2025.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getSetting } from '../../../db/queries/settings';
import { listCommuneRows } from '../commune-status-service';
import { openServices, type Services } from '../index';
import { listProblems } from '../problems-service';
import { listHotspotRows, listModelSiteRows } from '../register-service';
import { createDemo } from './demo-service';

let dir = '';
const open: Services[] = [];
function fresh(name: string): Services {
  const s = openServices({ workspacePath: path.join(dir, `${name}.sqlite`), hostKind: 'cli' });
  open.push(s);
  return s;
}
/** What the user sees of a workspace: every period's commune rows and both registers, without row versions or times. */
function visible(s: Services): unknown {
  const periods = ['2021-Q1', '2023-Q3', '2025-Q2', '2024'];
  return {
    statuses: periods.map((p) => listCommuneRows(s.workspace, p).map((r) => [r.code, r.status])),
    hotspots: listHotspotRows(s.workspace, '2025-Q2', true).rows.map((h) => [h.id, h.values]),
    modelSites: listModelSiteRows(s.workspace, '2025-Q2', true).map((m) => [m.id, m.values]),
  };
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-demo-'));
});
afterAll(() => {
  for (const s of open) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the demo workspace', () => {
  it('is the same for the same seed, different for another, and a training workspace', () => {
    const [a, b, c] = [fresh('a'), fresh('b'), fresh('c')];
    const summary = createDemo(a.workspace, 7);
    createDemo(b.workspace, 7);
    createDemo(c.workspace, 8);
    expect(summary).toMatchObject({ communes: 24, periods: 22 });
    expect(summary.hotspots).toBeGreaterThanOrEqual(150);
    expect(summary.modelSites).toBe(20);
    expect(JSON.stringify(visible(a))).toBe(JSON.stringify(visible(b)));
    expect(JSON.stringify(visible(a))).not.toBe(JSON.stringify(visible(c)));
    expect(getSetting(a.workspace.db, 'exchange_environment')).toBe('training');
  }, 120_000);

  it('spreads the computed classes over every class, and refuses a workspace that already has an office', () => {
    const s = fresh('spread');
    createDemo(s.workspace);
    const problems = listProblems(s.workspace, '2025-Q2');
    const classes = new Set(problems.classifications.map((c) => c.computed_class));
    expect([...classes].sort()).toEqual(['CHUA_XAC_DINH', 'CO_MA_TUY', 'KHONG_MA_TUY', 'TRONG_DIEM_I', 'TRONG_DIEM_II', 'TRONG_DIEM_III']);
    // The trainer's deliberate problems are there, as the rules engine says them.
    const rules = new Set(problems.problems.map((p) => p.ruleId));
    for (const rule of ['V5', 'H4', 'M5']) expect(rules, rule).toContain(rule);
    expect(() => createDemo(s.workspace)).toThrow(expect.objectContaining({ code: 'DEMO_NEEDS_EMPTY_WORKSPACE' }));
  }, 120_000);
});
