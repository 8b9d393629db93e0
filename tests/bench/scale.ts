/**
 * Bench lines run at each fixture size (fixture.ts): opening the workspace to a usable
 * first screen, loading the Communes sheet of the newest quarter, and durable single-cell
 * edits through the API. Each beside the raw way of doing the same work with
 * better-sqlite3 on a copy of the same file: open + one SELECT of the office's communes
 * with their status; one autocommit UPSERT of the same cell (fsync'd, synchronous=FULL).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { dispatch } from '../../shared/api/dispatch';
import { openServices } from '../../electron/services/index';
import { FIXTURE_LATEST_PERIOD, fixtureCopy, type FixtureSize } from './fixture';
import type { BenchRow } from './hotspots-ui';

const OPTIONS = { language: () => 'vi' as const, onInternalError: (_m: string, e: unknown) => console.error(e) };
/** Fewer at the national size, where an edit still costs far more (issue 18 item 3). */
const EDITS: Record<FixtureSize, number> = { district: 300, province: 300, national: 100 };

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

async function timed(fn: () => Promise<unknown> | unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/**
 * The hand-written query a developer would use for the office's communes with their
 * status, on the parent index: communes directly under the office (a district) or under
 * its districts (a province).
 */
const RAW_COMMUNES = `SELECT u.code, u.name, u.unit_type, p.name AS parent_name, s.*
  FROM admin_units u JOIN admin_units p ON p.scheme = u.scheme AND p.level = u.parent_level AND p.code = u.parent_code
  LEFT JOIN commune_statuses s ON s.period_id = @period AND s.scheme = u.scheme AND s.commune_code = u.code
  WHERE u.scheme = 'GSO_2004' AND u.level = 'COMMUNE' AND u.parent_level = 'DISTRICT' AND (u.parent_code = @code OR u.parent_code IN
    (SELECT code FROM admin_units WHERE scheme = 'GSO_2004' AND level = 'DISTRICT' AND parent_level = 'PROVINCE' AND parent_code = @code))`;

const prepared = new WeakMap<Database.Database, { office: string; select: Database.Statement }>();

/** Prepared once per connection, as a hand-written app would. */
function rawCommunes(db: Database.Database, period: string): unknown[] {
  let entry = prepared.get(db);
  if (entry === undefined) {
    entry = { office: (db.prepare('SELECT code FROM office WHERE id = 1').get() as { code: string }).code, select: db.prepare(RAW_COMMUNES) };
    prepared.set(db, entry);
  }
  return entry.select.all({ period, code: entry.office });
}

async function call<T>(handlers: ReturnType<typeof openServices>['handlers'], method: string, input: unknown): Promise<T> {
  const result = await dispatch(handlers, method as 'app.info', input as Record<string, never>, OPTIONS);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data as T;
}

/** Open → app.info, office.get, communes.list: what the first screen asks for. */
async function benchOpen(size: FixtureSize, dir: string): Promise<BenchRow[]> {
  const file = fixtureCopy(size, dir);
  const rawFile = path.join(dir, `${size}-raw.sqlite`);
  fs.copyFileSync(file, rawFile);
  let services: ReturnType<typeof openServices> | null = null;
  const ours = await timed(async () => {
    services = openServices({ workspacePath: file, hostKind: 'browser', isCreateAllowed: false });
    await call(services.handlers, 'app.info', {});
    await call(services.handlers, 'office.get', {});
    await call(services.handlers, 'communes.list', { periodId: FIXTURE_LATEST_PERIOD });
  });
  const opened = services as ReturnType<typeof openServices> | null;
  const backgroundMs = await timed(() => opened?.background);
  opened?.close();
  const raw = await timed(() => {
    const db = new Database(rawFile);
    rawCommunes(db, FIXTURE_LATEST_PERIOD);
    db.close();
  });
  const mib = (fs.statSync(file).size / 2 ** 20).toFixed(0);
  return [
    { name: `[${size}] open → first screen (app.info, office, Communes of ${FIXTURE_LATEST_PERIOD}; ${mib} MiB file)`, ours, raw },
    { name: `[${size}]   then in the background: whole-file check + day's copy (not waited for)`, ours: backgroundMs + ours, raw: ours },
  ];
}

export async function benchAtSize(size: FixtureSize, fsyncMs: number): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pcmt-bench-${size}-`));
  try {
    const rows = await benchOpen(size, dir);
    const file = fixtureCopy(size, dir);
    const services = openServices({ workspacePath: file, hostKind: 'cli', isCreateAllowed: false });
    const raw = new Database(path.join(dir, `${size}-raw.sqlite`));
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = FULL');
    try {
      const communes = (await call<{ code: string }[]>(services.handlers, 'communes.list', { periodId: FIXTURE_LATEST_PERIOD })).map((r) => r.code);
      const loadOurs: number[] = [];
      const loadRaw: number[] = [];
      for (let i = 0; i < 20; i += 1) {
        loadOurs.push(await timed(() => call(services.handlers, 'communes.list', { periodId: FIXTURE_LATEST_PERIOD })));
        loadRaw.push(await timed(() => rawCommunes(raw, FIXTURE_LATEST_PERIOD)));
      }
      rows.push({ name: `[${size}] load Communes sheet: ${communes.length} rows (median of 20)`, ours: percentile(loadOurs, 50), raw: percentile(loadRaw, 50) });
      const upsert = raw.prepare(
        `INSERT INTO commune_statuses (period_id, scheme, commune_code, resident_population, updated_at) VALUES (?, 'GSO_2004', ?, ?, 'x')
         ON CONFLICT (period_id, scheme, commune_code) DO UPDATE SET resident_population = excluded.resident_population`,
      );
      const editsOurs: number[] = [];
      const editsRaw: number[] = [];
      for (let i = 0; i < EDITS[size]; i += 1) {
        const code = communes[(i * 7919) % communes.length] ?? '';
        editsOurs.push(
          await timed(() => call(services.handlers, 'communeStatus.update', { periodId: FIXTURE_LATEST_PERIOD, changes: [{ communeCode: code, field: 'resident_population', value: 5_000 + i }] })),
        );
        editsRaw.push(await timed(() => upsert.run(FIXTURE_LATEST_PERIOD, code, 5_000 + i)));
      }
      for (const p of [50, 99]) {
        const ours = percentile(editsOurs, p);
        rows.push({ name: `[${size}] durable single-cell edit, p${p} (${EDITS[size]} edits, API; ${(ours / fsyncMs).toFixed(1)}× one fsync)`, ours, raw: percentile(editsRaw, p) });
      }
    } finally {
      raw.close();
      services.close();
    }
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The machine's fsync latency: median of 200 × (write 4 KiB, fsync) on the temp folder's disk. */
export function measureFsync(): number {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-fsync-')), 'probe');
  const fd = fs.openSync(file, 'w');
  const block = Buffer.alloc(4096, 1);
  const times: number[] = [];
  try {
    for (let i = 0; i < 200; i += 1) {
      const start = performance.now();
      fs.writeSync(fd, block, 0, block.length, (i % 16) * 4096);
      fs.fsyncSync(fd);
      times.push(performance.now() - start);
    }
  } finally {
    fs.closeSync(fd);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
  return percentile(times, 50);
}
