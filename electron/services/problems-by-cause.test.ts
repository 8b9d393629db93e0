/**
 * "A paste and an import that contain invalid values produce the same problems as typing
 * them" (issue 4): the same figures entered by typing, by a paste batch and by `pcmt
 * load` (an import) give the same problems, rule for rule and cell for cell, because
 * every path writes through edits.apply and the rules read only what is stored.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppInfo, ProblemsList } from '../../shared/api/contract';
import { dispatch } from '../../shared/api/dispatch';
import type { EditCause } from '../../shared/api/register-types';
import { listCommuneRows } from './commune-status-service';
import { applyEdits } from './edit-service';
import { openServices, type Services } from './index';
import { loadDump } from './load-service';
import { setOffice } from './office-service';
import { listProblems } from './problems-service';
import { importUnitList } from './units-service';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const PERIOD = '2025-AY';
/** Declared drug-free with addicts on record, a harbouring point and more users than residents. */
const FIGURES = { declared_class: 'KHONG_MA_TUY', resident_population: 50, addicts_with_records: 30, users_with_records: 40, harboring_points: 1 };

let dir = '';
let s: Services;
let communes: string[] = [];

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-causes-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
  communes = listCommuneRows(s.workspace, PERIOD).map((r) => r.code);
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function enter(code: string, cause: EditCause): void {
  const edits = Object.entries(FIGURES).map(([field, value]) => ({ sheet: 'communeStatuses' as const, op: 'set' as const, id: code, field, value }));
  applyEdits(s.workspace, { periodId: PERIOD, cause, mode: 'all', edits });
}

/** The problems of one commune as comparable facts: rule, severity and cells. */
function problemsOf(code: string): string[] {
  return listProblems(s.workspace, PERIOD)
    .problems.filter((p) => p.sheet === 'communeStatuses' && p.recordId === code)
    .map((p) => `${p.ruleId}/${p.severity}/${[...p.fields].sort().join('+')}`)
    .sort();
}

describe('the same figures give the same problems however they were entered', () => {
  it('typing, pasting and importing with pcmt load', () => {
    const [typed = '', pasted = '', loaded = ''] = communes;
    enter(typed, 'typing');
    enter(pasted, 'paste');
    loadDump(s.workspace, { periodId: PERIOD, statuses: [{ code: loaded, ...FIGURES }], hotspots: [], modelSites: [] });

    const expected = problemsOf(typed);
    expect(expected.some((p) => p.startsWith('V5/error'))).toBe(true);
    expect(expected.some((p) => p.startsWith('V3/error'))).toBe(true);
    expect(problemsOf(pasted)).toEqual(expected);
    expect(problemsOf(loaded)).toEqual(expected);
  });
});

describe('the reading of the level bands is a workspace setting', () => {
  async function call<T>(method: string, input: unknown): Promise<T> {
    const result = await dispatch(s.handlers, method, input, { language: s.language, onInternalError: (_m, e) => { throw e; } });
    if (!result.ok) throw new Error(result.error.message);
    return result.data as T;
  }

  it('classifies the 0.6 % / 1 point / 0.07 % commune as level II by default and level III when read literally', async () => {
    const code = communes[5] ?? '';
    // domain.md §5.4's example: R1 0.6 % (level I), one harbouring point (II), R2 0.07 % (II).
    const figures = { resident_population: 10_000, addicts_with_records: 60, harboring_points: 1, drug_offenders_arrested: 7 };
    const edits = Object.entries(figures).map(([field, value]) => ({ sheet: 'communeStatuses' as const, op: 'set' as const, id: code, field, value }));
    applyEdits(s.workspace, { periodId: PERIOD, cause: 'typing', mode: 'all', edits });
    const classOf = async (): Promise<string | undefined> =>
      (await call<ProblemsList>('problems.list', { periodId: PERIOD })).classifications.find((c) => c.communeCode === code)?.computed_class;

    expect((await call<AppInfo>('app.info', {})).classificationReading).toBe('cumulative');
    expect(await classOf()).toBe('TRONG_DIEM_II');
    expect(await call('settings.setClassificationReading', { reading: 'literal' })).toEqual({ reading: 'literal' });
    expect((await call<AppInfo>('app.info', {})).classificationReading).toBe('literal');
    expect(await classOf()).toBe('TRONG_DIEM_III');
    await call('settings.setClassificationReading', { reading: 'cumulative' });
    expect(await classOf()).toBe('TRONG_DIEM_II');
  });
});
