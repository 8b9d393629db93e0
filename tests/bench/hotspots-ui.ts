/**
 * The hotspot sheet with 30,000 hotspots, in real Chromium against the browser host:
 * time from opening the sheet to the first rendered rows, and the longest main-thread
 * task (and longest gap between frames) while scrolling through the whole list.
 * Raw equivalent: one better-sqlite3 SELECT of the same rows.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { dispatch } from '../../shared/api/dispatch';
import type { Edit } from '../../shared/api/register-types';
import { openServices } from '../../electron/services/index';
import { setOffice } from '../../electron/services/office-service';
import { listCommuneRows } from '../../electron/services/commune-status-service';
import { importUnitList } from '../../electron/services/units-service';
import { startHost } from '../../electron/host/server';
import { RENDERER_ROOT } from '../../electron/host/run-host';
import { CHROMIUM_ARGS, findChromium } from '../e2e/chromium';

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

export async function benchHotspotSheet(): Promise<BenchRow[]> {
  const { file, seedMs } = await seedHotspotWorkspace(HOTSPOT_COUNT);
  const services = openServices({ workspacePath: file, hostKind: 'browser' });
  const rawStart = performance.now();
  services.workspace.db.prepare('SELECT * FROM hotspots WHERE removed_at IS NULL').all();
  const rawSelectMs = performance.now() - rawStart;
  const host = await startHost({ handlers: services.handlers, language: services.language, rendererRoot: RENDERER_ROOT, port: 0 });
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(host.url);
    await page.getByTestId('tab-communes').waitFor();
    const opened = performance.now();
    await page.getByTestId('tab-hotspots').click();
    await page.locator('[role="tabpanel"]:not([hidden]) [role="row"][row-index="0"]').first().waitFor({ timeout: 60_000 });
    const firstRowsMs = performance.now() - opened;
    const measureScroll = (mode: 'steady' | 'jump') =>
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
          // steady: a wheel or trackpad (300 px a frame); jump: dragging the scrollbar through all 30,000 rows.
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
    await page.waitForTimeout(500);
    const steady = await measureScroll('steady');
    const jump = await measureScroll('jump');
    return [
      { name: `seed ${HOTSPOT_COUNT.toLocaleString('en')} hotspots (one edits.apply batch)`, ours: seedMs, raw: rawSelectMs },
      { name: `hotspot sheet, ${HOTSPOT_COUNT.toLocaleString('en')} rows: time to first rendered rows`, ours: firstRowsMs, raw: rawSelectMs },
      { name: 'hotspot sheet, steady scroll: longest task (0 = none ≥ 50 ms)', ours: steady.longest, raw: rawSelectMs },
      { name: 'hotspot sheet, steady scroll: longest gap between frames', ours: steady.maxGap, raw: rawSelectMs },
      { name: 'hotspot sheet, scrollbar drag end to end: longest task', ours: jump.longest, raw: rawSelectMs },
      { name: 'hotspot sheet, scrollbar drag end to end: longest gap between frames', ours: jump.maxGap, raw: rawSelectMs },
    ];
  } finally {
    await browser.close();
    await host.close();
    services.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  }
}
