/**
 * Bench line of issue 11 item 5: export 50,000 hotspot rows to .xlsx (exportSheetXlsx:
 * reading the register, every column, title block, frozen panes, number formats) beside
 * a raw SheetJS write of the same cells (aoa_to_sheet + XLSX.write, compressed), with
 * the peak RSS of each. Each side runs in its own child process on the same workspace
 * file, so one's memory high-water mark cannot hide in the other's.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as XLSX from 'xlsx';
import type { Edit } from '../../shared/api/register-types';
import { sheetColumns } from '../../shared/domain/sheet-columns';
import { listCommuneRows } from '../../electron/services/commune-status-service';
import { applyEdits } from '../../electron/services/edit-service';
import { openServices } from '../../electron/services/index';
import { setOffice } from '../../electron/services/office-service';
import { cellOf } from '../../electron/services/sheet-export/export-cells';
import { sheetRecords } from '../../electron/services/sheet-export/export-records';
import { exportSheetXlsx } from '../../electron/services/sheet-export/export-service';
import { importUnitList } from '../../electron/services/units-service';
import type { BenchRow } from './hotspots-ui';

const SELF = fileURLToPath(import.meta.url);
const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
const ROWS = 50_000;
const PERIOD = '2025-Q3';
const CHILD_MODE = 'PCMT_BENCH_SHEET_EXPORT';

type ChildResult = { ms: number; maxRssMb: number; bytes: number };

function plausible(i: number, communes: readonly string[]): Edit {
  const year = 2018 + (i % 8);
  const month = String((i % 12) + 1).padStart(2, '0');
  const isEliminated = i % 3 === 0;
  return {
    sheet: 'hotspots',
    op: 'create',
    values: {
      commune_code: communes[i % communes.length] ?? '',
      village: `Thôn ${(i % 9) + 1}`,
      address: `Số ${(i % 300) + 1}, ngõ ${(i % 40) + 1}, đường Cổ Loa`,
      lat: Number((21.1 + (i % 1000) / 10_000).toFixed(4)),
      lon: Number((105.8 + (i % 1000) / 10_000).toFixed(4)),
      category: i % 2 === 0 ? 'DIEM' : 'TU_DIEM',
      drug_types: i % 2 === 0 ? ['HEROIN'] : ['MA_TUY_TONG_HOP', 'CAN_SA'],
      persons_involved: (i % 9) + 1,
      discovered_date: `${year}-${month}-15`,
      status: isEliminated ? 'DA_TRIET_XOA' : 'DANG_HOAT_DONG',
      eliminated_date: isEliminated ? `${year + 1}-${month}-20` : null,
      responsible_unit: 'Công an xã',
    },
  };
}

async function makeWorkspace(file: string): Promise<void> {
  const services = openServices({ workspacePath: file, hostKind: 'cli' });
  try {
    await importUnitList(services.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
    setOffice(services.workspace, 'GSO_2004', 'DISTRICT', '017');
    const communes = listCommuneRows(services.workspace, PERIOD).map((r) => r.code);
    applyEdits(services.workspace, { periodId: null, cause: 'import', mode: 'all', edits: Array.from({ length: ROWS }, (_, i) => plausible(i, communes)) });
  } finally {
    services.close();
  }
}

/** In the child: one side of the comparison, timed, on the given workspace. */
async function child(mode: string, file: string): Promise<ChildResult> {
  const services = openServices({ workspacePath: file, hostKind: 'cli', isCreateAllowed: false });
  try {
    const ws = services.workspace;
    if (mode === 'ours') {
      const start = performance.now();
      const out = await exportSheetXlsx(ws, { sheet: 'hotspots', periodId: PERIOD, columns: null, rowIds: null });
      const ms = performance.now() - start;
      return { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: Buffer.byteLength(out.bytesBase64, 'base64') };
    }
    // The same cells, prepared before the clock starts: the raw side is the write alone.
    const columns = sheetColumns('hotspots');
    const { records, refs } = sheetRecords(ws, 'hotspots', PERIOD, new Set(columns.map((c) => c.key)));
    const aoa = [columns.map((c) => c.labels.vi), ...records.map((r) => columns.map((c) => cellOf(c, r.valueOf(c.key), refs)))];
    const start = performance.now();
    const sheet = XLSX.utils.aoa_to_sheet(aoa);
    const book = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(book, sheet, 'Điểm, tụ điểm');
    const bytes = XLSX.write(book, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
    const ms = performance.now() - start;
    return { ms, maxRssMb: process.resourceUsage().maxRSS / 1024, bytes: bytes.length };
  } finally {
    services.close();
  }
}

function runChild(mode: 'ours' | 'raw', file: string): ChildResult {
  const result = spawnSync(process.execPath, ['--import', 'tsx', SELF], {
    env: { ...process.env, [CHILD_MODE]: `${mode}:${file}` },
    encoding: 'utf8',
    maxBuffer: 1024 * 1024,
  });
  if (result.status !== 0) throw new Error(`sheet-export bench child (${mode}) failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').pop() ?? '{}') as ChildResult;
}

export async function benchSheetExport(): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-bench-export-'));
  try {
    const file = path.join(dir, 'hotspots.sqlite');
    await makeWorkspace(file);
    const ours = runChild('ours', file);
    const raw = runChild('raw', file);
    const mb = (n: number) => `${n.toFixed(0)} MB`;
    return [
      {
        name: `export 50,000 hotspots to .xlsx vs raw SheetJS write (peak RSS ${mb(ours.maxRssMb)} vs ${mb(raw.maxRssMb)}; ${(ours.bytes / 1e6).toFixed(1)} vs ${(raw.bytes / 1e6).toFixed(1)} MB file)`,
        ours: ours.ms,
        raw: raw.ms,
      },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const childTask = process.env[CHILD_MODE];
if (childTask !== undefined) {
  const [mode = '', ...rest] = childTask.split(':');
  process.stdout.write(`${JSON.stringify(await child(mode, rest.join(':')))}\n`);
}
