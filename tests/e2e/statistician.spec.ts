/**
 * The sheets as a statistician of Huyện Đông Anh meets them on a 1366×768 laptop
 * (issue 14): each test follows the user's steps, looks at what the screen shows and
 * at what was stored, and keeps a screenshot in test-results/statistician/.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { initWorkspace, repoRoot, startHost, tempWorkspace, type Host } from './host';
import { cell, chooseQuarter } from './sheet-steps';

const SHOTS = path.join(repoRoot, 'test-results', 'statistician');
const MODEL_NEW_ROW = 'new-model-site';

test.use({ viewport: { width: 1366, height: 768 }, permissions: ['clipboard-read', 'clipboard-write'] });

let host: Host;

test.beforeEach(async () => {
  const workspace = tempWorkspace('pcmt-stat-');
  await initWorkspace(workspace, '017', 'GSO_2004');
  host = await startHost(workspace);
});

test.afterEach(async () => {
  await host.stop('SIGTERM');
});

/** Calls the host's API as the page does, to look at what was stored. */
async function api<T>(method: string, input: unknown): Promise<T> {
  const url = new URL(host.url);
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-PCMT-Token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(body.error.message);
  return body.data;
}

type Site = { id: string; values: Record<string, unknown> };

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+v');
}

async function openSheet(page: Page, tab: 'model-sites' | 'hotspots' | 'communes'): Promise<void> {
  await page.goto(host.url);
  await chooseQuarter(page, 2025, 'III');
  await page.getByTestId(`tab-${tab}`).click();
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) });
}

test('1. rows copied from Excel and pasted on the blank row of Mô hình become model sites of the office', async ({ page }) => {
  await openSheet(page, 'model-sites');
  await expect(page.getByTestId('model-sites-count')).toHaveText('0 mô hình');

  // The statistician clicks the first cell of the blank row — the tick-box column — and pastes.
  await cell(page, MODEL_NEW_ROW, 'ag-Grid-SelectionColumn').click();
  await paste(page, 'CLB sau cai xã Xuân Nộn\tCLB sau cai\r\nTổ tự quản thôn Đản Mỗ\t\r\n');
  await expect(page.getByTestId('model-sites-count')).toHaveText('2 mô hình');
  // Pasting on the name cell works the same way.
  await cell(page, MODEL_NEW_ROW, 'name').click();
  await paste(page, 'Điểm tư vấn xã Kim Chung\r\n');
  await expect(page.getByTestId('model-sites-count')).toHaveText('3 mô hình');
  await expect(page.getByTestId('paste-report')).toHaveCount(0);
  await expect(page.getByText('ag-Grid-SelectionColumn')).toHaveCount(0);
  // Three stored rows and the blank row name the office as host unit, never its code 017.
  await expect(page.locator('#sheet-panel-modelSites').getByRole('gridcell', { name: 'Huyện Đông Anh' })).toHaveCount(4);
  await expect(cell(page, MODEL_NEW_ROW, 'host_unit_code')).toHaveText('Huyện Đông Anh');
  await shot(page, '1-model-sites-pasted');

  const sites = await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false });
  expect(sites.map((s) => [s.values['name'], s.values['model_type'], s.values['host_unit_code']]).sort()).toEqual([
    ['CLB sau cai xã Xuân Nộn', 'CLB_SAU_CAI', '017'],
    ['Tổ tự quản thôn Đản Mỗ', null, '017'],
    ['Điểm tư vấn xã Kim Chung', null, '017'],
  ]);
});

type Hotspot = { id: string; values: Record<string, unknown> };
const HOTSPOT_NEW_ROW = '__new__';

/** Moves along the row with Tab, as a user does, until the cell is in view; then types into it. */
async function typeAt(page: Page, rowId: string, startColId: string, colId: string, text: string): Promise<void> {
  const target = cell(page, rowId, colId);
  await cell(page, rowId, startColId).click();
  for (let i = 0; i < 40 && !(await target.isVisible()); i += 1) await page.keyboard.press('Tab');
  await target.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

async function newHotspot(page: Page, commune: string): Promise<Hotspot> {
  await cell(page, HOTSPOT_NEW_ROW, 'commune_code').click();
  await page.keyboard.type(commune);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await api<{ rows: Hotspot[] }>('hotspots.list', { periodId: '2025-Q3', isRemovedIncluded: false })).rows.length).toBe(1);
  const [row] = (await api<{ rows: Hotspot[] }>('hotspots.list', { periodId: '2025-Q3', isRemovedIncluded: false })).rows;
  if (row === undefined) throw new Error('hotspot not stored');
  return row;
}

async function storedHotspot(id: string): Promise<Record<string, unknown>> {
  const { rows } = await api<{ rows: Hotspot[] }>('hotspots.list', { periodId: '2025-Q3', isRemovedIncluded: false });
  return rows.find((r) => r.id === id)?.values ?? {};
}

test('3. an elimination date before the discovery stays in its cell, marked, until fixed or undone', async ({ page }) => {
  await openSheet(page, 'hotspots');
  const spot = await newHotspot(page, 'Xã Kim Chung');
  await typeAt(page, spot.id, 'commune_code', 'discovered_date', '10/05/2025');
  await expect.poll(async () => (await storedHotspot(spot.id))['discovered_date']).toBe('2025-05-10');

  // A wrong elimination date: refused, but what was typed is still there, red, with the sentence.
  await typeAt(page, spot.id, 'commune_code', 'eliminated_date', '01/03/2025');
  const eliminated = cell(page, spot.id, 'eliminated_date');
  await expect(eliminated).toHaveText('01/03/2025');
  await expect(eliminated).toHaveClass(/cell-refused/u);
  const alert = page.getByRole('tabpanel', { name: 'Điểm, tụ điểm' }).getByRole('alert');
  await expect(alert).toContainText('Ngày triệt xóa 01/03/2025 ở trước ngày phát hiện 10/05/2025');
  await expect(alert).toContainText('Ctrl+Z');
  await shot(page, '3-refused-kept');
  expect((await storedHotspot(spot.id))['eliminated_date']).toBeNull();

  // The discovery date was the wrong one: once it is fixed the kept date is stored and the message goes by itself.
  await typeAt(page, spot.id, 'commune_code', 'discovered_date', '01/02/2025');
  await expect.poll(async () => (await storedHotspot(spot.id))['eliminated_date']).toBe('2025-03-01');
  await expect(eliminated).not.toHaveClass(/cell-refused/u);
  await expect(alert).toHaveCount(0);

  // Another wrong date, then Ctrl+Z: the stored date comes back and the message goes.
  await typeAt(page, spot.id, 'commune_code', 'eliminated_date', '01/01/2025');
  await expect(eliminated).toHaveClass(/cell-refused/u);
  await expect(alert).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(eliminated).toHaveText('01/03/2025');
  await expect(eliminated).not.toHaveClass(/cell-refused/u);
  await expect(alert).toHaveCount(0);
  expect((await storedHotspot(spot.id))['eliminated_date']).toBe('2025-03-01');
  await shot(page, '3-refused-undone');
});

/** The focused cell is this one (AG Grid marks it; the test id names row and column). */
async function expectFocus(page: Page, rowId: string, colId: string): Promise<void> {
  await expect(cell(page, rowId, colId)).toHaveClass(/ag-cell-focus/u);
}

test('2. row entry: a new record keeps the focus, Enter ends a Tab run, Ctrl+Home/End, Backspace and Delete', async ({ page }) => {
  await openSheet(page, 'model-sites');
  // A new model: its name typed into the blank row, Tab, and the type typed next lands in that model.
  await cell(page, MODEL_NEW_ROW, 'name').click();
  await page.keyboard.type('CLB sau cai xã Xuân Nộn');
  await page.keyboard.press('Tab');
  await expect(page.getByTestId('model-sites-count')).toHaveText('1 mô hình');
  const [first] = await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false });
  if (first === undefined) throw new Error('model not stored');
  await expectFocus(page, first.id, 'model_type');
  await page.keyboard.type('CLB sau cai');
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false })).map((s) => s.values['model_type'])).toEqual(['CLB_SAU_CAI']);
  await expect(page.getByTestId('model-sites-count')).toHaveText('1 mô hình');

  // A second model, named with Enter: the focus goes to its next cell.
  await cell(page, MODEL_NEW_ROW, 'name').click();
  await page.keyboard.type('Tổ tự quản thôn Đản Mỗ');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('model-sites-count')).toHaveText('2 mô hình');
  const second = (await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false })).find((s) => s.id !== first.id);
  if (second === undefined) throw new Error('second model not stored');
  await expectFocus(page, second.id, 'model_type');

  // Tab, Tab along the first row, then Enter: the next row, in the column the run began.
  await cell(page, first.id, 'model_type').click();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expectFocus(page, first.id, 'host_unit_code');
  await page.keyboard.press('Enter');
  await expectFocus(page, second.id, 'model_type');

  // Ctrl+End: the last cell of the last row; Ctrl+Home: the first cell.
  await page.keyboard.press('Control+End');
  await expectFocus(page, second.id, 'note');
  await page.keyboard.press('Control+Home');
  await expectFocus(page, first.id, 'name');

  // Backspace starts editing with an empty cell, Esc gives the value back; Delete clears it.
  const type = cell(page, first.id, 'model_type');
  await type.click();
  await page.keyboard.press('Backspace');
  await expect(type.locator('input')).toHaveValue('');
  await shot(page, '2-backspace-editing');
  await page.keyboard.press('Escape');
  await expect(type).toHaveText('CLB sau cai');
  await page.keyboard.press('Delete');
  await expect(type).toHaveText('');
  await expect.poll(async () => (await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false })).find((s) => s.id === first.id)?.values['model_type']).toBeNull();
  await shot(page, '2-row-entry');
});

test('9. small defects: a target year reads 2025, the blank row names the office, English counts are singular for one', async ({ page }) => {
  await openSheet(page, 'model-sites');
  await expect(cell(page, MODEL_NEW_ROW, 'host_unit_code')).toHaveText('Huyện Đông Anh');
  await cell(page, MODEL_NEW_ROW, 'name').click();
  await page.keyboard.type('CLB sau cai xã Xuân Nộn');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('model-sites-count')).toHaveText('1 mô hình');
  const [site] = await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false });
  if (site === undefined) throw new Error('model not stored');
  await typeAt(page, site.id, 'name', 'target_year', '2025');
  await expect(cell(page, site.id, 'target_year')).toHaveText('2025');
  await expect.poll(async () => (await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false }))[0]?.values['target_year']).toBe(2025);
  await shot(page, '9-target-year');

  await page.getByTestId('tab-hotspots').click();
  await newHotspot(page, 'Xã Kim Chung');
  await expect(page.getByTestId('hotspot-count')).toHaveText('1 điểm');
  await page.getByRole('button', { name: 'EN', exact: true }).click();
  await expect(page.getByTestId('hotspot-count')).toHaveText('1 hotspot');
  await shot(page, '9-english-count');
});

test('8. undo survives a look at another period: each period keeps its own steps', async ({ page }) => {
  await openSheet(page, 'model-sites');
  await cell(page, MODEL_NEW_ROW, 'name').click();
  await page.keyboard.type('CLB sau cai xã Xuân Nộn');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('model-sites-count')).toHaveText('1 mô hình');
  const [site] = await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false });
  if (site === undefined) throw new Error('model not stored');
  await typeAt(page, site.id, 'name', 'members', '25');
  await expect.poll(async () => (await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false }))[0]?.values['members']).toBe(25);

  // A look at Quý II, then back to Quý III: Ctrl+Z still takes back the 25.
  await chooseQuarter(page, 2025, 'II');
  await chooseQuarter(page, 2025, 'III');
  await expect(cell(page, site.id, 'members')).toHaveText('25');
  await cell(page, site.id, 'name').click();
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false }))[0]?.values['members'] ?? null).toBeNull();
  await expect(page.getByText('Không còn thao tác để hoàn tác.')).toHaveCount(0);
  await shot(page, '8-undo-after-period-switch');
});

test('7. a removed model site can come back: the toggle shows it greyed and "Khôi phục" restores it', async ({ page }) => {
  await openSheet(page, 'model-sites');
  await cell(page, MODEL_NEW_ROW, 'name').click();
  await paste(page, 'CLB sau cai xã Xuân Nộn\r\nTổ tự quản thôn Đản Mỗ\r\n');
  await expect(page.getByTestId('model-sites-count')).toHaveText('2 mô hình');
  const panel = page.locator('#sheet-panel-modelSites');

  // Nothing ticked: the sheet says what to tick.
  await page.getByTestId('remove-model-sites').click();
  await expect(panel.getByRole('alert')).toContainText('Hãy đánh dấu ô vuông đầu dòng');
  const sites = await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false });
  const other = sites.find((s) => s.values['name'] === 'Tổ tự quản thôn Đản Mỗ');
  if (other === undefined) throw new Error('model not stored');
  await cell(page, other.id, 'ag-Grid-SelectionColumn').locator('input').check();
  await page.getByTestId('remove-model-sites').click();
  await expect(page.getByRole('dialog')).toContainText('Tổ tự quản thôn Đản Mỗ');
  await page.getByRole('dialog').getByRole('button', { name: 'Xóa dòng đã chọn' }).click();
  await expect(page.getByTestId('model-sites-count')).toHaveText('1 mô hình');

  // "Hiện dòng đã xóa": the removed model is back on screen, greyed; "Khôi phục" brings it back.
  await page.getByLabel('Hiện dòng đã xóa').check();
  await expect(page.getByTestId('model-sites-count')).toHaveText('2 mô hình');
  const removedRow = panel.locator(`.ag-center-cols-viewport [row-id="${other.id}"], [row-id="${other.id}"]`).first();
  await expect(removedRow).toHaveClass(/row-removed/u);
  await shot(page, '7-removed-shown');
  await cell(page, other.id, 'ag-Grid-SelectionColumn').locator('input').check();
  await page.getByTestId('restore-model-sites').click();
  await expect(removedRow).not.toHaveClass(/row-removed/u);
  await expect.poll(async () => (await api<(Site & { isRemoved: boolean })[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: true })).find((s) => s.id === other.id)?.isRemoved).toBe(false);
  await page.getByLabel('Hiện dòng đã xóa').uncheck();
  await expect(page.getByTestId('model-sites-count')).toHaveText('2 mô hình');
  await shot(page, '7-restored');
});

test('7. a removed hotspot: the confirmation names it, the toggle shows it greyed, "Khôi phục" restores it', async ({ page }) => {
  await openSheet(page, 'hotspots');
  const spot = await newHotspot(page, 'Xã Kim Chung');
  const code = String(spot.values['local_code']);
  await cell(page, spot.id, 'commune_code').click();
  await page.getByTestId('remove-hotspot').click();
  await expect(page.getByRole('dialog')).toContainText(`${code}, Xã Kim Chung`);
  await page.getByRole('dialog').getByRole('button', { name: 'Xóa', exact: true }).click();
  await expect(page.getByTestId('hotspot-count')).toHaveText('0 điểm');
  await page.getByLabel('Hiện dòng đã xóa').check();
  const row = page.getByRole('tabpanel', { name: 'Điểm, tụ điểm' }).locator(`[row-id="${spot.id}"]`).first();
  await expect(row).toHaveClass(/row-removed/u);
  await expect(page.getByTestId('hotspot-summary')).toContainText('cuối kỳ 0');
  await cell(page, spot.id, 'commune_code').click();
  await page.getByTestId('restore-hotspots').click();
  await expect(row).not.toHaveClass(/row-removed/u);
  await expect(page.getByTestId('hotspot-summary')).toContainText('cuối kỳ 1');
  await shot(page, '7-hotspot-restored');
  await expect.poll(async () => (await api<{ rows: Hotspot[] }>('hotspots.list', { periodId: '2025-Q3', isRemovedIncluded: false })).rows.length).toBe(1);
});

test('5. the column filter ignores marks as the quick filter does', async ({ page }) => {
  await openSheet(page, 'model-sites');
  await cell(page, MODEL_NEW_ROW, 'name').click();
  await paste(page, 'CLB sau cai xã Xuân Nộn\r\nTổ tự quản thôn Đản Mỗ\r\n');
  await expect(page.getByTestId('model-sites-count')).toHaveText('2 mô hình');
  const header = page.locator('#sheet-panel-modelSites .ag-header-cell[col-id="name"]');
  await header.hover();
  await header.locator('.ag-header-cell-menu-button, .ag-header-cell-filter-button').first().click();
  const input = page.locator('.ag-popup input[type="text"], .ag-popup input:not([type])').first();
  // Typed without marks, as the quick filter takes it.
  await input.fill('dan mo');
  await expect(page.getByTestId('model-sites-count')).toHaveText('1 / 2 mô hình');
  // Partly marked, as a hurried user types it, still finds it.
  await input.fill('Tổ tự quan');
  await expect(page.getByTestId('model-sites-count')).toHaveText('1 / 2 mô hình');
  await shot(page, '5-column-filter');
});

test('4. History in words: a removed model and a locked period read as the user said them', async ({ page }) => {
  await openSheet(page, 'model-sites');
  await cell(page, MODEL_NEW_ROW, 'name').click();
  await page.keyboard.type('Tổ tự quản thôn Đản Mỗ');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('model-sites-count')).toHaveText('1 mô hình');
  const [site] = await api<Site[]>('modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false });
  if (site === undefined) throw new Error('model not stored');
  await cell(page, site.id, 'ag-Grid-SelectionColumn').locator('input').check();
  await page.getByTestId('remove-model-sites').click();
  await page.getByRole('dialog').getByRole('button', { name: 'Xóa dòng đã chọn' }).click();
  await expect(page.getByTestId('model-sites-count')).toHaveText('0 mô hình');
  await page.getByRole('button', { name: 'Khóa kỳ' }).click();
  await expect(page.getByTestId('period-locked')).toHaveText('Kỳ đã khóa');

  await page.getByTestId('tab-history').click();
  const history = page.getByRole('tabpanel', { name: 'Lịch sử' });
  await expect(history.getByRole('gridcell', { name: 'Đã xóa', exact: true })).toBeVisible();
  await expect(history.getByRole('gridcell', { name: 'Xóa / khôi phục dòng', exact: true })).toBeVisible();
  await expect(history.getByRole('gridcell', { name: 'Khóa kỳ Quý III/2025', exact: true })).toBeVisible();
  await expect(history.getByRole('gridcell', { name: 'Đang mở', exact: true })).toBeVisible();
  await expect(history.getByText(/removed_at|LOCKED|OPEN|\d{4}-\d{2}-\d{2}|\d{4}-Q\d/u)).toHaveCount(0);
  await shot(page, '4-history-in-words');
});

test('6. screen space: at 1366×768 the Communes sheet shows at least 18 rows', async ({ page }) => {
  await openSheet(page, 'communes');
  const panel = page.locator('#sheet-panel-communes');
  await expect(panel.locator('[row-index="0"] [col-id="code"]').first()).toBeVisible();
  // The 18th row is wholly on screen, not under the footer or the Problems bar.
  const last = panel.locator('[row-index="17"] [col-id="code"]').first();
  const box = await last.boundingBox();
  if (box === null) throw new Error('18th row not drawn');
  // What the user sees at the bottom edge of that cell is the cell itself, not a scrollbar or the footer.
  const isOnTop = await page.evaluate(({ x, y }) => (document.elementFromPoint(x, y)?.closest('[row-index="17"]') ?? null) !== null, { x: box.x + box.width / 2, y: box.y + box.height - 2 });
  expect(isOnTop).toBe(true);
  // Huyện Đông Anh is one district: its name is not repeated on every row.
  await expect(panel.locator('.ag-header-cell[col-id="parent"]')).toHaveCount(0);
  await shot(page, '6-communes-rows');
});
