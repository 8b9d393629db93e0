/**
 * The spreadsheet behaviour users bring from Excel (product.md §2), on the real
 * renderer and services: typing labels into closed lists, Ctrl+V of a block copied from
 * Excel with a report of the cells not taken, Ctrl+C, Ctrl+D, Delete, Ctrl+Z / Ctrl+Y
 * as one step per block, and the Hotspots register growing from a paste.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { initWorkspace, repoRoot, startHost, tempWorkspace, type Host } from './host';
import { cell, chooseQuarter, typeIntoCell, waitUntilSaved } from './sheet-steps';

const SHOTS = path.join(repoRoot, 'test-results');
const [DONG_ANH, XUAN_NON, THUY_LAM] = ['00454', '00457', '00460'];
/** The Hotspots sheet's blank last row (a pinned row with this id). */
const NEW_ROW = '__new__';

let host: Host;

test.use({ viewport: { width: 1440, height: 860 }, permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async () => {
  const workspace = tempWorkspace();
  await initWorkspace(workspace, '017', 'GSO_2004');
  host = await startHost(workspace);
});

test.afterEach(async () => {
  await host.stop('SIGTERM');
});

async function open(page: Page): Promise<void> {
  await page.goto(host.url);
  await chooseQuarter(page, 2025, 'III');
  await expect(page.getByTestId('row-count')).toHaveText('24 xã/phường');
}

/** waitUntilSaved within the Hotspots tab (the Communes sheet stays mounted beside it). */
async function hotspotsSaved(page: Page): Promise<void> {
  const panel = page.getByRole('tabpanel', { name: 'Điểm, tụ điểm' });
  await expect(panel.locator('.cell-pending')).toHaveCount(0);
  await expect(panel.getByTestId('save-status')).toHaveText(/^Đã lưu lúc \d{2}:\d{2}:\d{2}$/u);
}

async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => navigator.clipboard.writeText(t), text);
  await page.keyboard.press('Control+v');
}

test('typing a label, pasting a block from Excel, undo and redo on the Communes sheet', async ({ page }) => {
  await open(page);
  await typeIntoCell(page, DONG_ANH, 'declared_class', 'không ma túy');
  await expect(cell(page, DONG_ANH, 'declared_class')).toHaveText('Không ma túy');
  await waitUntilSaved(page);

  // Three rows × two columns as Excel copies them; one cell is not a number.
  await cell(page, XUAN_NON, 'resident_population').click();
  await paste(page, '1.234\t5\r\n2.000\tabc\r\n300\t7\r\n');
  await expect(page.getByTestId('paste-report')).toContainText('abc');
  await expect(page.getByTestId('paste-problem')).toHaveCount(1);
  await expect(page.getByTestId('paste-problem')).toContainText('phải là số nguyên không âm');
  await waitUntilSaved(page);
  await expect(cell(page, XUAN_NON, 'resident_population')).toHaveText('1.234');
  await expect(cell(page, XUAN_NON, 'addicts_with_records')).toHaveText('5');
  await expect(cell(page, THUY_LAM, 'resident_population')).toHaveText('2.000');
  await expect(cell(page, THUY_LAM, 'addicts_with_records')).toHaveText('');
  await page.screenshot({ path: path.join(SHOTS, 'spreadsheet-paste.png') });

  // The whole paste is one step.
  await cell(page, XUAN_NON, 'name').click();
  await page.keyboard.press('Control+z');
  await waitUntilSaved(page);
  await expect(cell(page, XUAN_NON, 'resident_population')).toHaveText('');
  await expect(cell(page, THUY_LAM, 'resident_population')).toHaveText('');
  await expect(cell(page, DONG_ANH, 'declared_class')).toHaveText('Không ma túy');
  await page.keyboard.press('Control+y');
  await waitUntilSaved(page);
  await expect(cell(page, XUAN_NON, 'resident_population')).toHaveText('1.234');
  await expect(cell(page, THUY_LAM, 'addicts_with_records')).toHaveText('');

  // Shift+click selects a range; Ctrl+C writes it as Excel does.
  await cell(page, DONG_ANH, 'declared_class').click();
  await cell(page, XUAN_NON, 'resident_population').click({ modifiers: ['Shift'] });
  await expect(page.locator('.cell-in-range')).not.toHaveCount(0);
  await page.keyboard.press('Control+c');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toContain('Không ma túy\t');
  expect(copied).toMatch(/\r\n\t[^\r\n]*1\.234\r\n$/u);

  // Ctrl+D fills the top row down the range; Delete clears it; undo brings the fill back.
  await page.keyboard.press('Control+d');
  await waitUntilSaved(page);
  await expect(cell(page, XUAN_NON, 'declared_class')).toHaveText('Không ma túy');
  await page.keyboard.press('Delete');
  await waitUntilSaved(page);
  await expect(cell(page, DONG_ANH, 'declared_class')).toHaveText('');
  await expect(cell(page, XUAN_NON, 'resident_population')).toHaveText('');
  // Undo of the clear, then of the fill (which had copied the empty population down).
  await page.keyboard.press('Control+z');
  await waitUntilSaved(page);
  await expect(cell(page, XUAN_NON, 'declared_class')).toHaveText('Không ma túy');
  await expect(cell(page, XUAN_NON, 'resident_population')).toHaveText('');
  await page.keyboard.press('Control+z');
  await waitUntilSaved(page);
  await expect(cell(page, XUAN_NON, 'declared_class')).toHaveText('');
  await expect(cell(page, XUAN_NON, 'resident_population')).toHaveText('1.234');
});

test('the Hotspots sheet grows from a paste, takes a typed row, removes and restores', async ({ page }) => {
  await open(page);
  await page.getByRole('tab', { name: 'Điểm, tụ điểm' }).click();
  await expect(page.getByTestId('hotspot-summary')).toContainText('cuối kỳ 0');

  // The blank row's commune cell; the block has a quoted cell with a line break and a bad drug type.
  await cell(page, NEW_ROW, 'commune_code').click();
  await paste(page, 'Thị trấn Đông Anh\tThôn 1\t"Số 5\r\nngõ 12"\r\nxa xuan non\tThôn 2\tChợ\r\nXã Không Có\tThôn 3\tBến xe\r\n');
  await expect(page.getByTestId('hotspot-count')).toHaveText('2 điểm');
  await expect(page.getByTestId('paste-problem')).toHaveCount(1);
  await expect(page.getByTestId('paste-problem')).toContainText('Xã Không Có');
  await hotspotsSaved(page);
  await expect(page.getByTestId('hotspot-summary')).toContainText('cuối kỳ 2');

  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('hotspot-count')).toHaveText('0 điểm');
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('hotspot-count')).toHaveText('2 điểm');

  // A typed hotspot: the row is stored once it has a commune.
  await cell(page, NEW_ROW, 'address').click();
  await page.keyboard.type('Quán nước đầu cầu');
  await page.keyboard.press('Tab');
  await cell(page, NEW_ROW, 'commune_code').click();
  await page.keyboard.type('xa thuy lam');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hotspot-count')).toHaveText('3 điểm');
  await hotspotsSaved(page);
  await expect(page.getByRole('gridcell', { name: 'Quán nước đầu cầu' })).toHaveCount(1);
  await page.screenshot({ path: path.join(SHOTS, 'spreadsheet-hotspots.png') });

  // A multi-choice cell takes "a; b" and a date cell d/m/yyyy, shown back as dd/mm/yyyy.
  const typed = (colId: string) => page.locator(`[role=row][row-index="2"]:not([row-id="${NEW_ROW}"]) [col-id="${colId}"]`).first();
  await typed('category').click();
  for (let i = 0; i < 3; i += 1) await page.keyboard.press('ArrowRight');
  await page.keyboard.type('heroin; Cần sa');
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type('5/8/2025');
  await page.keyboard.press('Tab');
  await hotspotsSaved(page);
  await expect(typed('drug_types')).toHaveText('Heroin; Cần sa');
  await expect(typed('discovered_date')).toHaveText('05/08/2025');
  await expect(page.getByTestId('hotspot-summary')).toContainText('đầu kỳ 2 · mới 1 · triệt xóa 0 · cuối kỳ 3');

  // Remove the first row after a confirmation; undo restores it.
  await page.locator('[role=row][row-index="0"]:not([row-id="__new__"]) [col-id="local_code"]').first().click();
  await page.getByTestId('remove-hotspot').click();
  await page.getByTestId('confirm-remove').getByRole('button', { name: 'Xóa' }).click();
  await expect(page.getByTestId('hotspot-count')).toHaveText('2 điểm');
  await page.locator('[role=row][row-index="0"]:not([row-id="__new__"]) [col-id="local_code"]').first().click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('hotspot-count')).toHaveText('3 điểm');

  // "Thêm điểm" opens the commune drop-down of the blank row.
  await page.getByTestId('add-hotspot').click();
  await cell(page, NEW_ROW, 'commune_code').locator('.ag-picker-field-wrapper').click();
  await page.getByRole('option', { name: 'Xã Uy Nỗ', exact: true }).click();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('hotspot-count')).toHaveText('4 điểm');
});
