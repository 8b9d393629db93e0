/**
 * `npm run bench`: speed of the foundation, each figure beside the raw equivalent of the
 * same work measured in the same run, so the cost of our layers (parsing, validation,
 * envelopes, HTTP) is visible and not hidden by the machine's speed. Not part of
 * `npm test`: timings never decide whether tests pass.
 *
 * `npm run bench -- --size district,province,national` (or `all`; env PCMT_BENCH_SIZES)
 * chooses the fixture sizes of the per-size lines (fixture.ts); the default is district
 * and province, as the national workspace takes minutes to generate the first time.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { closeDatabase, openDatabase } from '../../db/connection';
import { dispatch } from '../../shared/api/dispatch';
import { openServices } from '../../electron/services/index';
import { listCommuneRows } from '../../electron/services/commune-status-service';
import { setOffice } from '../../electron/services/office-service';
import { importUnitList, listChildUnits } from '../../electron/services/units-service';
import { startHost } from '../../electron/host/server';
import { readUnitList } from '../../electron/services/unit-list-reader';
import { foldVietnamese } from '../../shared/domain/text';
import { benchConsolidation } from './consolidation';
import { benchHotspotSheet } from './hotspots-ui';
import { benchLiveFigures } from './live-figures';
import { benchSheetExport } from './sheet-export';
import { benchSheetImport } from './sheet-import';
import { benchCliStart } from './cli-start';
import { benchSizes } from './fixture';
import { benchAtSize, measureFsync } from './scale';
import { sofficeCsvMs } from './soffice';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-bench-'));
const rows: { name: string; ours: number; raw: number; unit: string }[] = [];
const sizes = benchSizes();
// Edits are durable (fsync'd before the answer): their floor is this machine's fsync.
const fsyncMs = measureFsync();

function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

async function timeAsync(fn: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function median(values: number[]): number {
  return percentile(values, 50);
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const xlsxPath = path.join(DATA, 'dvhc-2025-03-01.xlsx');
const xlsx = fs.readFileSync(xlsxPath);

// 1. Import the 10,047-commune list.
const services = openServices({ workspacePath: path.join(dir, 'bench.sqlite'), hostKind: 'cli' });
const ws = services.workspace;
const importMs = await timeAsync(async () => {
  await importUnitList(ws, xlsx, 'dvhc-2025-03-01.xlsx');
});
const parseMs = await timeAsync(async () => {
  await readUnitList(xlsx, 'dvhc-2025-03-01.xlsx');
});
const parsed = (await readUnitList(xlsx, 'dvhc-2025-03-01.xlsx')).list;
const rawDb = openDatabase(path.join(dir, 'raw.sqlite'), { isCreateAllowed: true });
const insert = rawDb.prepare('INSERT INTO admin_units VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
const rawImportMs = time(() => {
  rawDb.transaction(() => {
    for (const u of parsed.units) insert.run('GSO_2004', u.level, u.code, u.name, foldVietnamese(u.name), u.unitType, u.parentLevel, u.parentCode);
  })();
});
rows.push({ name: `import 10,047-commune list (${parsed.units.length} units; xlsx parse ${parseMs.toFixed(0)} ms)`, ours: importMs, raw: rawImportMs, unit: 'ms' });
const repeatMs = await timeAsync(async () => {
  await importUnitList(ws, xlsx, 'dvhc-2025-03-01.xlsx');
});
const rawCompareMs = time(() => {
  rawDb.prepare('SELECT * FROM admin_units WHERE scheme = ?').all('GSO_2004');
});
rows.push({ name: 're-import the same list (0 added, 0 changed)', ours: repeatMs, raw: rawCompareMs + parseMs, unit: 'ms' });
// Issue 18 item 8: parse + diff + insert of the official list, beside LibreOffice converting the same file to CSV.
const soffice = sofficeCsvMs(xlsxPath);
if (soffice !== null) {
  const fresh = openServices({ workspacePath: path.join(dir, 'units-vs-soffice.sqlite'), hostKind: 'cli' });
  const oursMs = await timeAsync(async () => void (await importUnitList(fresh.workspace, xlsx, 'dvhc-2025-03-01.xlsx')));
  fresh.close();
  rows.push({ name: 'unit-list import (parse + diff + insert) vs LibreOffice headless xlsx→csv', ours: oursMs, raw: soffice, unit: 'ms' });
}

// 2. Load the Communes sheet for a district and a province.
const options = { language: () => services.language(), onInternalError: (_m: string, e: unknown) => console.error(e) };
const hanoi = listChildUnits(ws, 'GSO_2004', null, null).find((u) => u.name === 'Thành phố Hà Nội');
const dongAnh = listChildUnits(ws, 'GSO_2004', 'PROVINCE', hanoi?.code ?? '').find((u) => u.name === 'Huyện Đông Anh');
// The hand-written query a developer would use for each office level, on the parent index.
const rawSelect = `SELECT u.code, u.name, u.unit_type, p.name AS parent_name, s.*
   FROM admin_units u JOIN admin_units p ON p.scheme = u.scheme AND p.level = u.parent_level AND p.code = u.parent_code
   LEFT JOIN commune_statuses s ON s.period_id = ? AND s.scheme = u.scheme AND s.commune_code = u.code`;
const rawList = {
  DISTRICT: rawDb.prepare(`${rawSelect} WHERE u.scheme = 'GSO_2004' AND u.parent_level = 'DISTRICT' AND u.parent_code = ?`),
  PROVINCE: rawDb.prepare(
    `${rawSelect} WHERE u.scheme = 'GSO_2004' AND u.parent_level = 'DISTRICT' AND u.parent_code IN
       (SELECT code FROM admin_units WHERE scheme = 'GSO_2004' AND parent_level = 'PROVINCE' AND parent_code = ?)`,
  ),
};
for (const [label, level, code] of [
  ['district (Huyện Đông Anh)', 'DISTRICT', dongAnh?.code ?? ''],
  ['province (Thành phố Hà Nội)', 'PROVINCE', hanoi?.code ?? ''],
] as const) {
  setOffice(ws, 'GSO_2004', level, code);
  const count = listCommuneRows(ws, '2025-Q3').length;
  const ours: number[] = [];
  const raw: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    ours.push(await timeAsync(async () => void (await dispatch(services.handlers, 'communes.list', { periodId: '2025-Q3' }, options))));
    raw.push(time(() => void rawList[level].all('2025-Q3', code)));
  }
  rows.push({ name: `load Communes sheet, ${label}: ${count} rows (median of 200)`, ours: median(ours), raw: median(raw), unit: 'ms' });
}

// 3. Durable single-cell edits (synchronous=FULL: each answer means fsync'd).
setOffice(ws, 'GSO_2004', 'DISTRICT', dongAnh?.code ?? '');
const communes = listCommuneRows(ws, '2025-Q3').map((r) => r.code);
const rawEdit = rawDb.prepare(
  `INSERT INTO commune_statuses (period_id, scheme, commune_code, resident_population, updated_at) VALUES ('2025-Q3', 'GSO_2004', ?, ?, ?)
   ON CONFLICT (period_id, scheme, commune_code) DO UPDATE SET resident_population = excluded.resident_population`,
);
rawDb.prepare("INSERT INTO periods VALUES ('2025-Q3','QUARTER',2025,3,'2025-07-01','2025-09-30','OPEN','x')").run();
const editsOurs: number[] = [];
const editsRaw: number[] = [];
for (let i = 0; i < 1000; i += 1) {
  const code = communes[i % communes.length] ?? '';
  editsOurs.push(
    await timeAsync(async () => {
      const result = await dispatch(services.handlers, 'communeStatus.update', { periodId: '2025-Q3', changes: [{ communeCode: code, field: 'resident_population', value: 1000 + i }] }, options);
      if (!result.ok) throw new Error(result.error.message);
    }),
  );
  editsRaw.push(time(() => void rawEdit.run(code, 1000 + i, 'x')));
}
const perFsync = (ms: number): string => `${(ms / fsyncMs).toFixed(1)}× one fsync`;
rows.push({ name: `durable single-cell edit, p50 (1,000 edits, API dispatch; ${perFsync(percentile(editsOurs, 50))})`, ours: percentile(editsOurs, 50), raw: percentile(editsRaw, 50), unit: 'ms' });
rows.push({ name: `durable single-cell edit, p99 (${perFsync(percentile(editsOurs, 99))})`, ours: percentile(editsOurs, 99), raw: percentile(editsRaw, 99), unit: 'ms' });

// 3b. The same edit through the browser host (HTTP + JSON + token check), as the e2e UI does it.
const host = await startHost({ handlers: services.handlers, language: services.language, rendererRoot: dir, port: 0 });
const viaHttp: number[] = [];
for (let i = 0; i < 1000; i += 1) {
  const code = communes[i % communes.length] ?? '';
  viaHttp.push(
    await timeAsync(async () => {
      const response = await fetch(`http://127.0.0.1:${host.port}/api/communeStatus.update`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-PCMT-Token': host.token },
        body: JSON.stringify({ periodId: '2025-Q3', changes: [{ communeCode: code, field: 'addicts_with_records', value: i }] }),
      });
      const body = (await response.json()) as { ok: boolean };
      if (!body.ok) throw new Error('edit failed');
    }),
  );
}
await host.close();
rows.push({ name: `durable single-cell edit via browser host HTTP, p50 (${perFsync(percentile(viaHttp, 50))})`, ours: percentile(viaHttp, 50), raw: percentile(editsRaw, 50), unit: 'ms' });
rows.push({ name: `durable single-cell edit via browser host HTTP, p99 (${perFsync(percentile(viaHttp, 99))})`, ours: percentile(viaHttp, 99), raw: percentile(editsRaw, 99), unit: 'ms' });

services.close();
closeDatabase(rawDb);
fs.rmSync(dir, { recursive: true, force: true });

// 3c. Issue 18: open, Communes sheet and edits at each fixture size (district, province, national).
for (const size of sizes) for (const row of await benchAtSize(size, fsyncMs)) rows.push({ ...row, unit: 'ms' });

// 3d. Live figures (issue 12 item 8, issue 18 item 3): Problems refresh and the edit's answer after one typed cell.
for (const row of await benchLiveFigures(sizes)) rows.push({ ...row, unit: 'ms' });

// 4. The hotspot sheet in Chromium (production build): 30,000 hotspots in a district, then each fixture size.
for (const row of await benchHotspotSheet(sizes)) rows.push({ ...row, unit: 'ms' });

// 5. Consolidation (issue 6): a whole province exported, 700 district packages verified and received.
for (const row of benchConsolidation()) rows.push({ ...row, unit: 'ms' });

// 6. Excel out (issue 11): 50,000 hotspots exported beside a raw SheetJS write, with peak RSS (each in its own process).
for (const row of await benchSheetExport()) rows.push({ ...row, unit: 'ms' });

// 7. Excel in (issue 11): a 50,000-row hotspot register imported (dry run, applied) beside a raw SheetJS parse + INSERTs, with peak RSS.
for (const row of await benchSheetImport()) rows.push({ ...row, unit: 'ms' });

// What one pcmt command costs before it works: the bundle vs tsx (issue 13 item 8, issue 18).
for (const row of benchCliStart()) rows.push({ ...row, unit: 'ms' });

const width = Math.max(...rows.map((r) => r.name.length));
const sqliteVersion = (JSON.parse(fs.readFileSync(new URL('../../node_modules/better-sqlite3/package.json', import.meta.url), 'utf8')) as { version: string }).version;
console.log(`PCMT Desk bench — ${os.cpus().length} CPU, Node ${process.version}, better-sqlite3 ${sqliteVersion}, synchronous=FULL`);
console.log(`fsync latency of this machine (median of 200 × write 4 KiB + fsync): ${fsyncMs.toFixed(3)} ms; sizes: ${sizes.join(', ')}`);
console.log(`${'operation'.padEnd(width)}  ${'PCMT Desk'.padStart(10)}  ${'raw sqlite'.padStart(10)}  ${'ratio'.padStart(7)}`);
for (const r of rows) {
  console.log(`${r.name.padEnd(width)}  ${`${r.ours.toFixed(3)} ms`.padStart(10)}  ${`${r.raw.toFixed(3)} ms`.padStart(10)}  ${`${(r.ours / r.raw).toFixed(1)}×`.padStart(7)}`);
}
console.log(`
raw sqlite = the same statements through better-sqlite3 directly on a workspace with the same schema:
  import: INSERT of the already-parsed units in one transaction (no file parsing);
  re-import: parsing the file again plus reading the scheme's units;
  load: one SELECT of the communes with their status; edit: one autocommit UPSERT (fsync'd);
  unit-list import: soffice --headless --convert-to csv of the same .xlsx (warm profile, process start included);
  [size] open: better-sqlite3 open of a copy of the same file + one SELECT of the office's communes with status;
  seed: INSERT of the same 30,000 hotspot rows in one transaction;
  Problems refresh after a typed cell: SELECT of that commune's status row, hotspots and model sites (what the check reads again);
  full check: SELECT of the period's statuses, hotspots and model sites; typed cell → answer: one autocommit UPSERT/UPDATE;
  hotspot first rows: the same Chromium loads a plain page that fetches the same rows (one SELECT, JSON) and shows 40;
  scrolling: the 50 ms long-task budget (a task over it is a dropped frame), not a measurement;
  export + sign: writeZip of the same entries plus SHA-256 of each entry and of the zip (no signing, no encryption, no queries);
  verify: SHA-256 of the same 700 files; receive: the same packages (with their files as evidence), records
  and slots INSERTed in one transaction (no verification, no preview, no log, one fsync instead of 700);
  import .xlsx: SheetJS read (dense) + sheet_to_json of the same file, then INSERT of the same 50,000 rows in one transaction
  (no worker, no header search, no parsing of values, no key matching, no rules, no history).`);
