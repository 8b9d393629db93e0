/**
 * Issue 3's acceptance on the Hotspots register, driven as a statistician works: three
 * hotspots typed, a 30 × 6 block pasted from a spreadsheet with one bad row (its bad
 * cells reported, everything else stored), the paste undone and redone as one step,
 * Ctrl+D over 10 rows, the accent-blind quick filter, the paste in the history, and a
 * paste that survives SIGKILL whole. Each step keeps a screenshot in test-results/.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { initWorkspace, repoRoot, startHost, tempWorkspace, type Host } from './host';
import { cell, chooseQuarter } from './sheet-steps';

const SHOTS = path.join(repoRoot, 'test-results');
const CLI = path.join(repoRoot, 'electron', 'cli', 'pcmt.mjs');
const NEW_ROW = '__new__';
const COMMUNES = ['Thị trấn Đông Anh', 'Xã Xuân Nộn', 'Xã Thuỵ Lâm', 'Xã Bắc Hồng', 'Xã Nguyên Khê', 'Xã Uy Nỗ'];
const STREETS = ['đường Cổ Loa', 'đường Cao Lỗ', 'phố Vân Trì', 'ngõ Chợ Tó', 'đường Uy Nỗ'];
/** Row 17 of the block (index 16) has a latitude out of range and a category not on the list. */
const BAD_ROW = 16;

type DumpedHotspot = { id: string } & Record<string, unknown>;

let workspace: string;
let host: Host;

test.use({ viewport: { width: 1440, height: 860 }, permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async () => {
  workspace = tempWorkspace();
  await initWorkspace(workspace, '017', 'GSO_2004');
  host = await startHost(workspace);
});

test.afterEach(async () => {
  await host.stop('SIGTERM');
});

async function hotspotsInFile(): Promise<DumpedHotspot[]> {
  const { stdout } = await promisify(execFile)(process.execPath, [CLI, 'dump', '--workspace', workspace, '--period', '2025-Q3', '--json'], {
    cwd: repoRoot,
    maxBuffer: 32 * 1024 * 1024,
  });
  return (JSON.parse(stdout) as { hotspots: DumpedHotspot[] }).hotspots;
}

/** 30 rows × 6 columns (commune, village, address, latitude, longitude, category) as Excel copies them. */
function spreadsheetBlock(): string {
  const rows: string[] = [];
  for (let i = 0; i < 30; i += 1) {
    const lat = i === BAD_ROW ? '95,5' : `21,${String(130 + i).padStart(4, '0')}`;
    const category = i === BAD_ROW ? 'Quán nhậu' : i % 2 === 0 ? 'Điểm' : 'Tụ điểm';
    rows.push([COMMUNES[i % COMMUNES.length], `Thôn ${(i % 7) + 1}`, `Số ${i + 1}, ${STREETS[i % STREETS.length]}`, lat, '105,8512', category].join('\t'));
  }
  return `${rows.join('\r\n')}\r\n`;
}

async function openHotspots(page: Page): Promise<void> {
  await page.goto(host.url);
  await chooseQuarter(page, 2025, 'III');
  await page.getByTestId('tab-hotspots').click();
  await expect(page.getByTestId('hotspot-count')).toHaveText('0 điểm');
}

async function saved(page: Page): Promise<void> {
  const panel = page.getByRole('tabpanel', { name: 'Điểm, tụ điểm' });
  await expect(panel.locator('.cell-pending')).toHaveCount(0);
  await expect(panel.getByTestId('save-status')).toHaveText(/^Đã lưu lúc \d{2}:\d{2}:\d{2}$/u);
}

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+v');
}

/** A stored row of the sheet by its position (the blank new row is pinned apart). */
function rowCell(page: Page, index: number, colId: string) {
  return page.getByRole('tabpanel', { name: 'Điểm, tụ điểm' }).locator(`[role=row][row-index="${index}"]:not([row-id="${NEW_ROW}"]) [col-id="${colId}"]`).first();
}

test('typing three hotspots, pasting 30 × 6 with a bad row, undo/redo, Ctrl+D over 10 rows, filter, history', async ({ page }) => {
  await openHotspots(page);

  for (const name of ['xa uy no', 'Xã Kim Chung', 'thi tran dong anh']) {
    await cell(page, NEW_ROW, 'commune_code').click();
    await page.keyboard.type(name);
    await page.keyboard.press('Enter');
  }
  await expect(page.getByTestId('hotspot-count')).toHaveText('3 điểm');
  await saved(page);
  await page.screenshot({ path: path.join(SHOTS, 'hotspots-typed.png') });

  await cell(page, NEW_ROW, 'commune_code').click();
  await paste(page, spreadsheetBlock());
  await expect(page.getByTestId('hotspot-count')).toHaveText('33 điểm');
  await expect(page.getByTestId('paste-problem')).toHaveCount(2);
  await expect(page.getByTestId('paste-report')).toContainText('95,5');
  await expect(page.getByTestId('paste-report')).toContainText('Quán nhậu');
  await saved(page);
  await page.screenshot({ path: path.join(SHOTS, 'hotspots-paste.png') });

  const stored = await hotspotsInFile();
  expect(stored).toHaveLength(33);
  const pasted = stored.filter((h) => typeof h.address === 'string' && /^Số \d+,/u.test(h.address));
  expect(pasted).toHaveLength(30);
  const bad = pasted.find((h) => h.address === `Số ${BAD_ROW + 1}, ${STREETS[BAD_ROW % STREETS.length]}`);
  expect(bad).toMatchObject({ lat: null, category: null, lon: 105.8512, village: `Thôn ${(BAD_ROW % 7) + 1}` });
  expect(pasted.filter((h) => h.lat !== null)).toHaveLength(29);

  // The paste is one step: undo removes its 30 rows, redo brings them back.
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('hotspot-count')).toHaveText('3 điểm');
  await saved(page);
  await page.screenshot({ path: path.join(SHOTS, 'hotspots-paste-undone.png') });
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('hotspot-count')).toHaveText('33 điểm');
  await saved(page);
  await page.screenshot({ path: path.join(SHOTS, 'hotspots-paste-redone.png') });
  expect((await hotspotsInFile()).length).toBe(33);

  // Ctrl+D: the category typed in one row fills the 10-row range below it.
  await rowCell(page, 3, 'category').click();
  await page.keyboard.type('diem co nguy co');
  await page.keyboard.press('Enter');
  await saved(page);
  await expect(rowCell(page, 3, 'category')).toHaveText('Điểm có nguy cơ');
  await rowCell(page, 3, 'category').click();
  await rowCell(page, 12, 'category').click({ modifiers: ['Shift'] });
  await page.keyboard.press('Control+d');
  await saved(page);
  for (const index of [3, 7, 12]) await expect(rowCell(page, index, 'category')).toHaveText('Điểm có nguy cơ');
  await page.screenshot({ path: path.join(SHOTS, 'hotspots-fill-down.png') });
  expect((await hotspotsInFile()).filter((h) => h.category === 'DIEM_NGUY_CO')).toHaveLength(10);

  // The quick filter ignores marks and case: "co loa" finds "đường Cổ Loa".
  await page.getByLabel('Tìm điểm', { exact: false }).fill('co loa');
  const addresses = page.getByRole('tabpanel', { name: 'Điểm, tụ điểm' }).locator('[role=row][row-index]:not([row-id="__new__"]) [col-id="address"]');
  await expect(addresses).toHaveCount(6);
  await expect(rowCell(page, 0, 'address')).toContainText('Cổ Loa');
  await page.screenshot({ path: path.join(SHOTS, 'hotspots-quick-filter.png') });

  // The history shows the paste, cell by cell, as pasted.
  await page.getByTestId('tab-history').click();
  await page.getByLabel('Thao tác', { exact: true }).selectOption({ label: 'Dán' });
  await expect(page.getByTestId('history-range')).toContainText(/\/ \d{3} thay đổi$/u);
  await expect(page.getByRole('tabpanel', { name: 'Lịch sử' }).getByRole('gridcell', { name: 'Quán nhậu' })).toHaveCount(0);
  await expect(page.getByRole('tabpanel', { name: 'Lịch sử' }).getByRole('gridcell', { name: 'Dán' }).first()).toBeVisible();
  await page.screenshot({ path: path.join(SHOTS, 'history-paste.png') });
});

test('a paste confirmed on screen survives SIGKILL whole; one not yet answered leaves nothing', async ({ page }) => {
  await openHotspots(page);
  await cell(page, NEW_ROW, 'commune_code').click();
  await paste(page, spreadsheetBlock());
  await expect(page.getByTestId('hotspot-count')).toHaveText('30 điểm');
  await saved(page);
  await host.stop('SIGKILL');
  expect(await hotspotsInFile()).toHaveLength(30);

  // Held before it reaches the services, then the host dies: none of the second paste is stored.
  host = await startHost(workspace);
  await page.goto(host.url);
  await chooseQuarter(page, 2025, 'III');
  await page.getByTestId('tab-hotspots').click();
  await expect(page.getByTestId('hotspot-count')).toHaveText('30 điểm');
  await page.route('**/api/edits.apply', () => undefined);
  await cell(page, NEW_ROW, 'commune_code').click();
  await paste(page, spreadsheetBlock());
  await expect(page.getByRole('tabpanel', { name: 'Điểm, tụ điểm' }).getByTestId('save-status')).toHaveAttribute('data-state', 'saving');
  await host.stop('SIGKILL');
  expect(await hotspotsInFile()).toHaveLength(30);
});
