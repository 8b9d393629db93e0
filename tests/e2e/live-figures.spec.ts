/**
 * Issue 12 item 8 ("Live figures"), its Done-when line: "adding an active hotspot in a
 * commune updates that commune's 'điểm đang hoạt động' and the V5 mark, and the
 * Indicators sheet, with no reload". A drug-free commune (all Art. 6 figures entered as
 * 0) is shown in the Communes sheet and the Indicators sheet is opened; then a hotspot is
 * typed into the Hotspots sheet. Back on each sheet, the figures are the new ones while
 * the page was never loaded again. Screenshots in test-results/live-figures/.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import type { IndicatorsReport } from '../../shared/api/indicator-types';
import { initWorkspace, repoRoot, startHost, tempWorkspace, type Host } from './host';
import { cell, chooseQuarter } from './sheet-steps';

const SHOTS = path.join(repoRoot, 'test-results', 'live-figures');
const PERIOD = '2025-Q3';
const NEW_ROW = '__new__';

type Unit = { code: string; name: string; level: string };
type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

let host: Host;

test.use({ viewport: { width: 1440, height: 900 } });

test.beforeEach(async () => {
  const workspace = tempWorkspace();
  await initWorkspace(workspace, '017', 'GSO_2004');
  host = await startHost(workspace);
});

test.afterEach(async () => {
  await host.stop('SIGTERM');
});

async function api<T>(method: string, input: unknown): Promise<T> {
  const url = new URL(host.url);
  const response = await fetch(new URL(`/api/${method}`, url.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-PCMT-Token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as Reply<T>;
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

function hotspotsPanel(page: Page) {
  return page.getByRole('tabpanel', { name: 'Điểm, tụ điểm' });
}

/** A cell of the Communes sheet, scrolled into view from the left (the computed columns sit far right). */
async function communeCell(page: Page, code: string, colId: string) {
  const target = cell(page, code, colId);
  const scroller = page.getByRole('tabpanel', { name: 'Xã/phường' }).locator('.ag-body-horizontal-scroll-viewport');
  await scroller.evaluate((el) => el.scrollTo({ left: 0 }));
  await expect(async () => {
    if ((await target.count()) === 0) await scroller.evaluate((el) => el.scrollBy({ left: 400 }));
    await expect(target).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  return target;
}

async function indicatorValues(page: Page, codes: readonly string[]): Promise<Map<string, string>> {
  const sheet = page.getByTestId('indicators-sheet');
  const out = new Map<string, string>();
  for (const code of codes) out.set(code, (await sheet.locator(`[role=row][row-id="${code}"] [col-id="value"]`).innerText()).trim());
  return out;
}

test('a hotspot typed in the register shows in its commune, its V5 mark and the indicators, with no reload', async ({ page }) => {
  const units = await api<Unit[]>('units.underOffice', {});
  const uyNo = units.find((u) => u.level === 'COMMUNE' && u.name === 'Xã Uy Nỗ');
  expect(uyNo).toBeDefined();
  const code = uyNo?.code ?? '';
  const drugFree = { resident_population: 24_000, declared_class: 'KHONG_MA_TUY', addicts_with_records: 0, users_with_records: 0, residents_violating_drug_law: 0, wanted_drug_fugitives_hiding: 0, harboring_points: 0, plants_destroyed_count: 0 };
  const edits = Object.entries(drugFree).map(([field, value]) => ({ sheet: 'communeStatuses', op: 'set', id: code, field, value }));
  await api('edits.apply', { periodId: PERIOD, cause: 'typing', mode: 'all', edits });
  const before = await api<IndicatorsReport>('indicators.list', { periodId: PERIOD, setId: null });

  await page.goto(host.url);
  // A value on the page's window: any reload of the page loses it.
  await page.evaluate(() => Object.assign(window, { liveFiguresMark: 'first load' }));
  await chooseQuarter(page, 2025, 'III');
  await expect(await communeCell(page, code, 'declared_class')).not.toHaveClass(/cell-problem-error/u);
  await expect(await communeCell(page, code, 'activeHotspots')).toHaveText('0');
  await page.screenshot({ path: path.join(SHOTS, '1-communes-before.png') });

  await page.getByTestId('tab-indicators').click();
  const sheet = page.getByTestId('indicators-sheet');
  for (const i of before.indicators) await expect(sheet.locator(`[role=row][row-id="${i.code}"] [col-id="value"]`)).toHaveCount(1);
  const shownBefore = await indicatorValues(page, before.indicators.map((i) => i.code));
  await page.screenshot({ path: path.join(SHOTS, '2-indicators-before.png') });

  // The hotspot, typed as a user does: its commune on the blank row (no dates: active from
  // an unknown day, so active at the period's end).
  await page.getByTestId('tab-hotspots').click();
  await cell(page, NEW_ROW, 'commune_code').click();
  await page.keyboard.type('xa uy no');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hotspot-count')).toHaveText('1 điểm');
  await expect(hotspotsPanel(page).locator('.cell-pending')).toHaveCount(0);
  await expect(hotspotsPanel(page).getByTestId('save-status')).toHaveText(/^Đã lưu lúc/u);
  await page.screenshot({ path: path.join(SHOTS, '3-hotspot-typed.png') });

  // The commune's computed count and the V5 error on its declared class.
  await page.getByTestId('tab-communes').click();
  await expect(await communeCell(page, code, 'declared_class')).toHaveClass(/cell-problem-error/u);
  await expect(await communeCell(page, code, 'activeHotspots')).toHaveText('1');
  await page.getByTestId('problems-toggle').click();
  await expect(page.getByTestId('problem-row').filter({ hasText: 'V5' }).filter({ hasText: 'sổ điểm, tụ điểm còn 1 điểm' })).toHaveCount(1);
  await page.screenshot({ path: path.join(SHOTS, '4-communes-after.png') });
  await page.getByTestId('problems-toggle').click();

  // The indicators the hotspot changes show their new values.
  const after = await api<IndicatorsReport>('indicators.list', { periodId: PERIOD, setId: null });
  const valueOf = (r: IndicatorsReport, c: string) => JSON.stringify(r.indicators.find((i) => i.code === c)?.current.value ?? null);
  const changed = after.indicators.map((i) => i.code).filter((c) => valueOf(before, c) !== valueOf(after, c));
  expect(changed.length).toBeGreaterThan(0);
  await page.getByTestId('tab-indicators').click();
  for (const c of changed) await expect(sheet.locator(`[role=row][row-id="${c}"] [col-id="value"]`)).not.toHaveText(shownBefore.get(c) ?? '');
  await page.screenshot({ path: path.join(SHOTS, '5-indicators-after.png') });

  // Never loaded again: the same document as the first load.
  expect(await page.evaluate(() => (window as unknown as { liveFiguresMark?: string }).liveFiguresMark)).toBe('first load');
});
