/**
 * Bench lines of issue 11 item 5 (import): a 50,000-row hotspot register .xlsx, laid
 * out the way offices make them (title block, merged headers, column numbers, totals,
 * signature; names without "Xã", dates as text and as Excel dates), imported as a dry
 * run (imports.analyze: safe reader in its worker, header and mapping, every value
 * through the typing parser, key matching, edits.apply and the rules engine inside a
 * rolled-back transaction) and applied (the same, committed, one history batch) —
 * beside the raw SheetJS parse of the same file plus raw better-sqlite3 inserts of the
 * same rows in one transaction. Each side runs in its own child process on its own copy
 * of the workspace, so peak RSS is each side's own.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import { openServices } from '../../electron/services/index';
import { setOffice } from '../../electron/services/office-service';
import { listUnitsUnderOffice } from '../../electron/services/register-service';
import { analyzeImport, applyImport, type ImportRequest } from '../../electron/services/sheet-import/import-service';
import { importUnitList } from '../../electron/services/units-service';
import { excelSerial, registerSheet, type RegisterRow } from '../support/hotspot-register';
import type { BenchRow } from './hotspots-ui';

const SELF = fileURLToPath(import.meta.url);
const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const ROWS = 50_000;
const CHILD_MODE = 'PCMT_BENCH_SHEET_IMPORT';
const CATEGORIES = ['Tụ điểm', 'Điểm', 'điểm có nguy cơ'];
const STATUSES = ['Đang hoạt động', 'Đang xác minh', 'Đang đấu tranh'];

/** cpuMs: user + system time of the whole process (worker included) over the same span: steadier than ms on a shared machine. */
type ChildResult = { ms: number; cpuMs: number; parseMs: number; insertMs: number; maxRssMb: number; added: number; historyRows: number };

function registerRow(i: number, communes: readonly string[]): RegisterRow {
  const y = 2018 + (i % 7);
  const m = (i % 12) + 1;
  const d = (i % 28) + 1;
  const name = (communes[i % communes.length] ?? '').replace(/^(Xã|Thị trấn) /u, '');
  return {
    commune: name,
    village: `Thôn ${(i % 9) + 1}`,
    address: `Số ${i + 1}, ngõ ${(i % 40) + 1}, đường Cổ Loa`,
    category: CATEGORIES[i % 3] ?? 'Điểm',
    // Half typed as dd/mm/yyyy text, half real Excel dates.
    discovered: i % 2 === 0 ? `${d}/${m}/${y}` : excelSerial(y, m, d),
    status: STATUSES[i % 3] ?? 'Đang hoạt động',
    note: i % 5 === 0 ? 'Theo tin báo của quần chúng' : '',
  };
}

async function makeFiles(dir: string): Promise<{ workspace: string; xlsx: string }> {
  const workspace = path.join(dir, 'base.sqlite');
  const services = openServices({ workspacePath: workspace, hostKind: 'cli' });
  let communes: string[];
  try {
    await importUnitList(services.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
    setOffice(services.workspace, 'GSO_2004', 'DISTRICT', '017');
    communes = listUnitsUnderOffice(services.workspace).filter((u) => u.level === 'COMMUNE').map((u) => u.name);
  } finally {
    services.close();
  }
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, registerSheet({ rows: Array.from({ length: ROWS }, (_, i) => registerRow(i, communes)) }), 'Danh sách điểm');
  const xlsx = path.join(dir, 'so-theo-doi-50000.xlsx');
  fs.writeFileSync(xlsx, XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  return { workspace, xlsx };
}

function request(bytes: Buffer): ImportRequest {
  return { sheet: 'hotspots', periodId: '2024-Q4', file: { fileName: 'so-theo-doi-50000.xlsx', bytesBase64: bytes.toString('base64') }, sheetName: null, headerRow: null, mapping: null, keyFields: null };
}

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** The raw side: SheetJS parse, then INSERTs of the parsed rows (codes resolved beforehand, outside the clock). */
function rawSide(file: string, bytes: Buffer): ChildResult {
  const services = openServices({ workspacePath: file, hostKind: 'cli', isCreateAllowed: false });
  try {
    const db = services.workspace.db;
    const codeOf = new Map(listUnitsUnderOffice(services.workspace).map((u) => [u.name.replace(/^(Xã|Thị trấn) /u, ''), u.code]));
    const start = performance.now();
    const cpu = process.cpuUsage();
    const book = XLSX.read(bytes, { type: 'buffer', dense: true });
    const aoa = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[book.SheetNames[0] ?? ''] as XLSX.WorkSheet, { header: 1, raw: true, defval: null });
    const parseMs = performance.now() - start;
    const data = aoa.slice(9, 9 + ROWS);
    const insert = db.prepare(
      'INSERT INTO hotspots (id, local_code, scheme, commune_code, village, address, category, discovered_date, status, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const now = new Date().toISOString();
    const insertStart = performance.now();
    db.transaction(() => {
      data.forEach((r, i) => {
        const code = codeOf.get(String(r[1])) ?? '00454';
        insert.run(randomUUID(), `${code}-raw-${i}`, 'GSO_2004', code, r[2], r[3], 'DIEM', '2024-01-01', 'DANG_HOAT_DONG', r[7], now, now);
      });
    })();
    const insertMs = performance.now() - insertStart;
    return { ms: parseMs + insertMs, cpuMs: cpuMsSince(cpu), parseMs, insertMs, maxRssMb: process.resourceUsage().maxRSS / 1024, added: data.length, historyRows: 0 };
  } finally {
    services.close();
  }
}

async function child(mode: string, file: string, xlsx: string): Promise<ChildResult> {
  const bytes = fs.readFileSync(xlsx);
  if (mode === 'raw') return rawSide(file, bytes);
  const services = openServices({ workspacePath: file, hostKind: 'cli', isCreateAllowed: false });
  try {
    const start = performance.now();
    const cpu = process.cpuUsage();
    const counts = mode === 'dry' ? (await analyzeImport(services.workspace, request(bytes))).counts : (await applyImport(services.workspace, request(bytes))).counts;
    const ms = performance.now() - start;
    const cpuMs = cpuMsSince(cpu);
    if (counts.added !== ROWS) throw new Error(`expected ${ROWS} rows to add, got ${JSON.stringify(counts)}`);
    const historyRows = services.workspace.db.prepare('SELECT count(*) FROM history').pluck().get() as number;
    return { ms, cpuMs, parseMs: 0, insertMs: 0, maxRssMb: process.resourceUsage().maxRSS / 1024, added: counts.added, historyRows };
  } finally {
    services.close();
  }
}

function runChild(mode: 'dry' | 'apply' | 'raw', base: string, xlsx: string): ChildResult {
  const file = path.join(path.dirname(base), `${mode}.sqlite`);
  fs.copyFileSync(base, file);
  const result = spawnSync(process.execPath, ['--import', 'tsx', SELF], { env: { ...process.env, [CHILD_MODE]: `${mode}|${file}|${xlsx}` }, encoding: 'utf8', maxBuffer: 1024 * 1024 });
  if (result.status !== 0) throw new Error(`sheet-import bench child (${mode}) failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

export async function benchSheetImport(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-bench-import-'));
  try {
    const { workspace, xlsx } = await makeFiles(dir);
    const raw = runChild('raw', workspace, xlsx);
    const dry = runChild('dry', workspace, xlsx);
    const applied = runChild('apply', workspace, xlsx);
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    const cpu = (r: ChildResult) => `CPU ${r.cpuMs.toFixed(0)} ms = ${(r.cpuMs / raw.cpuMs).toFixed(2)}× raw CPU`;
    const rawText = `raw = SheetJS parse ${raw.parseMs.toFixed(0)} ms + INSERT ${raw.insertMs.toFixed(0)} ms, CPU ${raw.cpuMs.toFixed(0)} ms, peak RSS ${mb(raw.maxRssMb)}`;
    return [
      { name: `import 50,000-row hotspot .xlsx, dry run (${cpu(dry)}; peak RSS ${mb(dry.maxRssMb)}; ${rawText})`, ours: dry.ms, raw: raw.ms },
      { name: `import 50,000-row hotspot .xlsx, applied (${cpu(applied)}; peak RSS ${mb(applied.maxRssMb)}; ${applied.historyRows.toLocaleString('en')} history rows stored)`, ours: applied.ms, raw: raw.ms },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const childMode = process.env[CHILD_MODE];
if (childMode !== undefined) {
  const [mode, file, xlsx] = childMode.split('|');
  console.log(JSON.stringify(await child(mode ?? '', file ?? '', xlsx ?? '')));
} else if (process.argv[1] === SELF) {
  for (const row of await benchSheetImport()) console.log(`${row.name}: ${row.ours.toFixed(0)} ms vs ${row.raw.toFixed(0)} ms (${(row.ours / row.raw).toFixed(2)}×)`);
}
