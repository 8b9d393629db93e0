/**
 * The hotspot sheet in real Chromium against the browser host, on a production build of
 * the renderer (no test ids, no AG Grid test instrumentation: what users run), at each
 * fixture size: time from clicking the tab to the first rendered rows, and the longest
 * main-thread task (and longest gap between frames) while scrolling through the whole
 * list. Baselines, the same work done the raw way: first rows — the same Chromium loads
 * a plain page that fetches the same rows (one better-sqlite3 SELECT, JSON over HTTP) and
 * puts the first 40 into a table; scrolling — the 50 ms long-task budget itself (a task
 * over it is a dropped frame). Seeding 30,000 hotspots through edits.apply is compared
 * with INSERTs of the same rows in one transaction.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import http from 'node:http';
import { chromium, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { build } from 'vite';
import { dispatch } from '../../shared/api/dispatch';
import type { Edit } from '../../shared/api/register-types';
import { openServices } from '../../electron/services/index';
import { setOffice } from '../../electron/services/office-service';
import { listCommuneRows } from '../../electron/services/commune-status-service';
import { importUnitList } from '../../electron/services/units-service';
import { startHost } from '../../electron/host/server';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';
import { fixtureCopy, type FixtureSize } from './fixture';

const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const HOTSPOT_COUNT = 30_000;

export type BenchRow = { name: string; ours: number; raw: number };

const CATEGORIES = ['TU_DIEM', 'DIEM', 'DIEM_NGUY_CO', 'DIEM_TO_CHUC_CHUA_CHAP'];
const VENUES = ['NHA_RIENG', 'NHA_TRO', 'NHA_NGHI_KHACH_SAN', 'KARAOKE_BAR_VU_TRUONG', 'QUAN_CA_PHE', 'NOI_CONG_CONG'];
const STREETS = ['Cao Lỗ', 'Uy Nỗ', 'Bắc Thăng Long', 'Vân Trì', 'Đản Dị', 'Cổ Loa', 'Nguyên Khê', 'Kim Chung'];

function plausibleHotspots(communes: readonly string[], count: number): Edit[] {
  const edits: Edit[] = [];
  for (let i = 0; i < count; i += 1) {
    const year = 2018 + (i % 8);
    const month = String((i % 12) + 1).padStart(2, '0');
    const isEliminated = i % 3 === 0;
    edits.push({
      sheet: 'hotspots',
      op: 'create',
      values: {
        commune_code: communes[i % communes.length] ?? '',
        village: `Thôn ${(i % 15) + 1}`,
        address: `Số ${(i % 300) + 1}, ngõ ${(i % 40) + 1}, đường ${STREETS[i % STREETS.length] ?? ''}`,
        category: CATEGORIES[i % CATEGORIES.length] ?? null,
        venue_type: VENUES[i % VENUES.length] ?? null,
        drug_types: i % 2 === 0 ? ['HEROIN'] : ['MA_TUY_TONG_HOP', 'CAN_SA'],
        persons_involved: (i % 9) + 1,
        discovered_date: `${year}-${month}-15`,
        status: isEliminated ? 'DA_TRIET_XOA' : 'DANG_HOAT_DONG',
        eliminated_date: isEliminated ? `${year + 1}-${month}-20` : null,
        elimination_method: isEliminated ? 'XU_PHAT_HANH_CHINH' : null,
        responsible_unit: 'Công an huyện Đông Anh',
      },
    });
  }
  return edits;
}

/** A workspace for Huyện Đông Anh with `count` hotspots; returns its path. */
export async function seedHotspotWorkspace(count: number): Promise<{ file: string; seedMs: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-bench-ui-'));
  const file = path.join(dir, 'hotspots.sqlite');
  const services = openServices({ workspacePath: file, hostKind: 'cli' });
  await importUnitList(services.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(services.workspace, 'GSO_2004', 'DISTRICT', '017');
  const communes = listCommuneRows(services.workspace, '2025-Q3').map((r) => r.code);
  const start = performance.now();
  const result = await dispatch(
    services.handlers,
    'edits.apply',
    { periodId: null, cause: 'import', mode: 'all', edits: plausibleHotspots(communes, count) },
    { language: () => 'vi', onInternalError: (_m, e) => console.error(e) },
  );
  const seedMs = performance.now() - start;
  if (!result.ok) throw new Error(result.error.message);
  services.close();
  return { file, seedMs };
}

/** A production build of the renderer in a temporary folder (the dist/ of the tree may be the e2e build). */
export async function productionRenderer(dir: string): Promise<string> {
  const outDir = path.join(dir, 'renderer');
  await build({ configFile: fileURLToPath(new URL('../../renderer/vite.config.ts', import.meta.url)), mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  return outDir;
}

/** Raw seeding: the same 30,000 rows INSERTed in one transaction on a workspace with the same schema. */
function rawSeedMs(file: string, edits: readonly Edit[]): number {
  const db = new Database(file);
  db.pragma('synchronous = FULL');
  const columns = ['id', 'scheme', 'local_code', 'created_at', 'updated_at', ...Object.keys((edits[0] as { values: object } | undefined)?.values ?? {})];
  const insert = db.prepare(`INSERT INTO hotspots (${columns.join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const start = performance.now();
  db.transaction(() => {
    edits.forEach((edit, i) => {
      const values = Object.values((edit as { values: Record<string, unknown> }).values).map((v) => (Array.isArray(v) ? JSON.stringify(v) : (v as string | number | null)));
      insert.run(`raw-${i}`, 'GSO_2004', `RAW-${i}`, 'x', 'x', ...values);
    });
  })();
  const ms = performance.now() - start;
  db.close();
  return ms;
}

const measureScroll = (page: Page, mode: 'steady' | 'jump') =>
  page.evaluate(async (how) => {
    const longTasks: number[] = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const viewport = document.querySelector('[role="tabpanel"]:not([hidden]) .ag-grid-viewport');
    if (!(viewport instanceof HTMLElement)) throw new Error('no grid viewport');
    viewport.scrollTop = 0;
    await new Promise((resolve) => requestAnimationFrame(resolve));
    let maxGap = 0;
    let last = performance.now();
    for (let i = 1; i <= 120; i += 1) {
      // steady: a wheel or trackpad (300 px a frame); jump: dragging the scrollbar through the whole list.
      if (how === 'steady') viewport.scrollTop += 300;
      else viewport.scrollTop = (viewport.scrollHeight * i) / 120;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      last = now;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
    observer.disconnect();
    return { longest: longTasks.length === 0 ? 0 : Math.max(...longTasks), maxGap };
  }, mode);

/** A plain page that fetches the rows of one raw SELECT and shows the first 40 in a table. */
function startRawServer(file: string): Promise<{ url: string; close(): void }> {
  const db = new Database(file, { readonly: true });
  const select = db.prepare('SELECT * FROM hotspots WHERE removed_at IS NULL');
  const page = `<!doctype html><meta charset="utf-8"><table id="t"></table><script>
    fetch('/rows').then((r) => r.json()).then((rows) => {
      const t = document.getElementById('t');
      rows.slice(0, 40).forEach((row, i) => { const tr = document.createElement('tr'); tr.dataset.i = String(i);
        for (const v of Object.values(row)) { const td = document.createElement('td'); td.textContent = v === null ? '' : String(v); tr.append(td); }
        t.append(tr); });
    });</script>`;
  const server = http.createServer((req, res) => {
    if (req.url === '/rows') {
      res.setHeader('Content-Type', 'application/json');
      res.end(JSON.stringify(select.all()));
    } else {
      res.setHeader('Content-Type', 'text/html');
      res.end(page);
    }
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ url: `http://127.0.0.1:${port}/`, close: () => { server.close(); db.close(); } });
    });
  });
}

/** The sheet lines for one workspace file. */
async function sheetLines(label: string, file: string, rendererRoot: string): Promise<BenchRow[]> {
  const services = openServices({ workspacePath: file, hostKind: 'cli', isCreateAllowed: false });
  const count = (services.workspace.db.prepare('SELECT count(*) FROM hotspots WHERE removed_at IS NULL').pluck().get() as number).toLocaleString('en');
  const host = await startHost({ handlers: services.handlers, language: services.language, rendererRoot, port: 0 });
  const raw = await startRawServer(file);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    // Production builds have no test ids: the tabs are found by their ids (renderer/app/sheet-tabs.ts).
    await page.locator('#sheet-tab-communes').waitFor({ timeout: 60_000 });
    const opened = performance.now();
    await page.locator('#sheet-tab-hotspots').click();
    await page.locator('[role="tabpanel"]:not([hidden]) [role="row"][row-index="0"]').first().waitFor({ timeout: 60_000 });
    const firstRowsMs = performance.now() - opened;
    const rawPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const rawStart = performance.now();
    await rawPage.goto(raw.url);
    await rawPage.locator('tr[data-i="0"]').waitFor({ timeout: 60_000 });
    const rawFirstMs = performance.now() - rawStart;
    await page.waitForTimeout(500);
    const steady = await measureScroll(page, 'steady');
    const jump = await measureScroll(page, 'jump');
    const budget = 50;
    return [
      { name: `[${label}] hotspot sheet, ${count} rows: click → first rendered rows`, ours: firstRowsMs, raw: rawFirstMs },
      { name: `[${label}] hotspot sheet, steady scroll: longest task (0 = none ≥ 50 ms; vs 50 ms budget)`, ours: steady.longest, raw: budget },
      { name: `[${label}] hotspot sheet, steady scroll: longest gap between frames (vs 50 ms)`, ours: steady.maxGap, raw: budget },
      { name: `[${label}] hotspot sheet, scrollbar drag end to end: longest task (vs 50 ms budget)`, ours: jump.longest, raw: budget },
      { name: `[${label}] hotspot sheet, scrollbar drag end to end: longest gap between frames (vs 50 ms)`, ours: jump.maxGap, raw: budget },
    ];
  } finally {
    await browser.close();
    raw.close();
    await host.close();
    services.close();
  }
}

export async function benchHotspotSheet(sizes: readonly FixtureSize[]): Promise<BenchRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-bench-ui-'));
  try {
    const rendererRoot = await productionRenderer(dir);
    const { file, seedMs } = await seedHotspotWorkspace(HOTSPOT_COUNT);
    // The same rows into a workspace holding the same units (the district fixture), without our layers.
    const rawDir = path.join(dir, 'raw-seed');
    fs.mkdirSync(rawDir);
    const rawFile = fixtureCopy('district', rawDir);
    const unitsDb = new Database(rawFile, { readonly: true });
    const communes = unitsDb.prepare("SELECT code FROM admin_units WHERE scheme = 'GSO_2004' AND parent_code = '017' ORDER BY code").pluck().all() as string[];
    unitsDb.close();
    const rows: BenchRow[] = [{ name: `seed ${HOTSPOT_COUNT.toLocaleString('en')} hotspots (one edits.apply batch)`, ours: seedMs, raw: rawSeedMs(rawFile, plausibleHotspots(communes, HOTSPOT_COUNT)) }];
    rows.push(...(await sheetLines('district, 30,000 hotspots', file, rendererRoot)));
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    for (const size of sizes) rows.push(...(await sheetLines(size, fixtureCopy(size, dir), rendererRoot)));
    return rows;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
