/**
 * Live figures (issue 12 item 8, issue 18 items 3 and "Problems refresh after one edit ≤
 * 50 ms server time"): on a district with 30,000 hotspots (seeded through edits.apply,
 * as an import stores them) and at each fixture size, the time of
 * - problems.list right after one typed cell (a status cell, a hotspot cell): only the
 *   records the save wrote are read and checked again (problems-cache.ts), beside the raw
 *   read of those records' commune — its status row, hotspots and model sites;
 * - the full check every refresh used to run (first open of a period, or after a write
 *   from elsewhere), beside one SELECT of all the period's rows;
 * - the answer of edits.apply to one typed cell, beside one autocommit UPSERT/UPDATE of
 *   the same cell (fsync'd: synchronous=FULL on both sides).
 * Each refresh is also compared with a full run: a bench that measured a wrong answer
 * would stop here.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { isDeepStrictEqual } from 'node:util';
import { dispatch } from '../../shared/api/dispatch';
import type { ProblemsList } from '../../shared/api/contract';
import { parsePeriodId } from '../../shared/domain/period';
import { runRules } from '../../shared/domain/rules';
import { openServices } from '../../electron/services/index';
import { buildRuleContext, listProblems } from '../../electron/services/problems-service';
import { FIXTURE_LATEST_PERIOD, fixtureCopy, type FixtureSize } from './fixture';
import { seedHotspotWorkspace, type BenchRow } from './hotspots-ui';

const OPTIONS = { language: () => 'vi' as const, onInternalError: (_m: string, e: unknown) => console.error(e) };
const RUNS = 30;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

async function timed(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

type Services = ReturnType<typeof openServices>;

async function call<T>(services: Services, method: string, input: unknown): Promise<T> {
  const result = await dispatch(services.handlers, method as 'app.info', input as Record<string, never>, OPTIONS);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as T;
}

/** The same answer as a full run over what is stored (the messages in the workspace's language). */
function checkAgainstFullRun(services: Services, periodId: string, answer: ProblemsList): void {
  const full = runRules(buildRuleContext(services.workspace, periodId));
  const ids = (list: { ruleId: string; recordId: string; fields: string[] }[]) => list.map((p) => `${p.ruleId}|${p.recordId}|${p.fields.join(',')}`);
  if (!isDeepStrictEqual(ids(answer.problems), ids(full.problems)) || !isDeepStrictEqual(answer.counts, full.counts)) {
    throw new Error('bench live figures: the incremental Problems answer differs from a full run');
  }
}

async function benchWorkspace(label: string, file: string, periodId: string): Promise<BenchRow[]> {
  const rawFile = `${file}.raw.sqlite`;
  fs.copyFileSync(file, rawFile);
  const raw = new Database(rawFile);
  raw.pragma('journal_mode = WAL');
  raw.pragma('synchronous = FULL');
  const services = openServices({ workspacePath: file, hostKind: 'cli', isCreateAllowed: false });
  try {
    const scheme = (raw.prepare('SELECT scheme FROM office WHERE id = 1').get() as { scheme: string }).scheme;
    const communes = (await call<{ code: string; activeHotspots: number }[]>(services, 'communes.list', { periodId })).sort((a, b) => b.activeHotspots - a.activeHotspots);
    // The commune with the most hotspots: the heaviest one to check again.
    const commune = communes[0]?.code ?? '';
    const hotspotIds = (raw.prepare('SELECT id FROM hotspots WHERE scheme = ? AND commune_code = ? AND removed_at IS NULL LIMIT ?').all(scheme, commune, RUNS) as { id: string }[]).map((r) => r.id);
    const hotspotCount = (raw.prepare('SELECT count(*) AS n FROM hotspots WHERE scheme = ? AND removed_at IS NULL').get(scheme) as { n: number }).n;
    const inCommune = (raw.prepare('SELECT count(*) AS n FROM hotspots WHERE scheme = ? AND commune_code = ?').get(scheme, commune) as { n: number }).n;
    const rawCommune = () => {
      raw.prepare('SELECT * FROM commune_statuses WHERE period_id = ? AND scheme = ? AND commune_code = ?').get(periodId, scheme, commune);
      raw.prepare('SELECT * FROM hotspots WHERE scheme = ? AND commune_code = ? AND removed_at IS NULL').all(scheme, commune);
      raw.prepare("SELECT * FROM model_sites WHERE scheme = ? AND host_level = 'COMMUNE' AND host_unit_code = ? AND removed_at IS NULL").all(scheme, commune);
    };
    const rawUpsert = raw.prepare(
      `INSERT INTO commune_statuses (period_id, scheme, commune_code, resident_population, updated_at) VALUES (?, ?, ?, ?, 'x')
       ON CONFLICT (period_id, scheme, commune_code) DO UPDATE SET resident_population = excluded.resident_population`,
    );
    const rawNote = raw.prepare('UPDATE hotspots SET note = ? WHERE id = ?');
    const period = parsePeriodId(periodId);
    if (!period) throw new Error(`bench live figures: period ${periodId}`);
    // The period row the product writes with a status's first cell (the seeded copy has none).
    raw
      .prepare("INSERT OR IGNORE INTO periods (id, kind, year, seq, start_date, end_date, created_at) VALUES (?, ?, ?, ?, ?, ?, 'x')")
      .run(period.id, period.kind, period.year, period.seq, period.startDate, period.endDate);

    await call(services, 'problems.list', { periodId });
    const refresh = { status: [] as number[], hotspot: [] as number[], rawCommune: [] as number[] };
    const answer = { status: [] as number[], hotspot: [] as number[], rawStatus: [] as number[], rawHotspot: [] as number[] };
    const stamp = Date.now();
    for (let i = 0; i < RUNS; i += 1) {
      const value = 20_000 + i;
      answer.status.push(await timed(() => call(services, 'edits.apply', { periodId, cause: 'typing', mode: 'all', edits: [{ sheet: 'communeStatuses', op: 'set', id: commune, field: 'resident_population', value }] })));
      answer.rawStatus.push(await timed(() => rawUpsert.run(periodId, scheme, commune, value)));
      let list: ProblemsList | null = null;
      refresh.status.push(await timed(async () => (list = await call<ProblemsList>(services, 'problems.list', { periodId }))));
      refresh.rawCommune.push(await timed(rawCommune));
      if (i === 0 && list) checkAgainstFullRun(services, periodId, list);
      const id = hotspotIds[i % Math.max(1, hotspotIds.length)] ?? '';
      if (id === '') continue;
      const note = `Ghi chú ${stamp}-${i}`;
      answer.hotspot.push(await timed(() => call(services, 'edits.apply', { periodId, cause: 'typing', mode: 'all', edits: [{ sheet: 'hotspots', op: 'set', id, field: 'note', value: note }] })));
      answer.rawHotspot.push(await timed(() => rawNote.run(note, id)));
      refresh.hotspot.push(await timed(async () => (list = await call<ProblemsList>(services, 'problems.list', { periodId }))));
      if (i === 0 && list) checkAgainstFullRun(services, periodId, list);
    }
    const full: number[] = [];
    const rawAll: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      full.push(await timed(() => runRules(buildRuleContext(services.workspace, periodId))));
      rawAll.push(
        await timed(() => {
          raw.prepare('SELECT * FROM commune_statuses WHERE period_id = ? AND scheme = ?').all(periodId, scheme);
          raw.prepare('SELECT * FROM hotspots WHERE scheme = ? AND removed_at IS NULL').all(scheme);
          raw.prepare('SELECT * FROM model_sites WHERE scheme = ? AND removed_at IS NULL').all(scheme);
        }),
      );
    }
    // The answer the panel got: listProblems itself, not only the engine.
    listProblems(services.workspace, periodId);
    const what = `${hotspotCount.toLocaleString('en')} hotspots, ${communes.length.toLocaleString('en')} communes; commune ${commune} holds ${inCommune.toLocaleString('en')}`;
    return [
      { name: `[${label}] Problems refresh after one typed status cell (${what}; median of ${RUNS})`, ours: median(refresh.status), raw: median(refresh.rawCommune) },
      { name: `[${label}] Problems refresh after one typed hotspot cell (median)`, ours: median(refresh.hotspot), raw: median(refresh.rawCommune) },
      { name: `[${label}]   the full check every refresh ran before (median of 3)`, ours: median(full), raw: median(rawAll) },
      { name: `[${label}] typed status cell → edits.apply answer (median)`, ours: median(answer.status), raw: median(answer.rawStatus) },
      { name: `[${label}] typed hotspot cell → edits.apply answer (median)`, ours: median(answer.hotspot), raw: median(answer.rawHotspot) },
    ];
  } finally {
    services.close();
    raw.close();
  }
}

export async function benchLiveFigures(sizes: readonly FixtureSize[]): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const { file } = await seedHotspotWorkspace(30_000);
  try {
    rows.push(...(await benchWorkspace('district, 30,000 hotspots', file, '2025-Q3')));
  } finally {
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  for (const size of sizes) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pcmt-bench-live-${size}-`));
    try {
      rows.push(...(await benchWorkspace(size, fixtureCopy(size, dir), FIXTURE_LATEST_PERIOD)));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return rows;
}
