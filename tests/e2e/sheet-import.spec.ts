/**
 * Issue 11 item 1 in Chromium: a district imports its hotspot register, made the way
 * offices make them (title block, merged header cells, column numbers, a totals row and
 * a signature block, commune names without "Xã", dates as text and as Excel dates),
 * through the wizard: the sheet is chosen, the header row found, one column the
 * matcher does not know ("Hiện trạng") mapped by hand, the preview read, the import
 * applied; Ctrl+Z takes the whole import back, Ctrl+Y redoes it, and the same file
 * again is told to change nothing. The key that matches rows to stored records is shown
 * and changed; Cancel while a large file is read stops it and stores nothing.
 * Screenshots of each step in test-results/import/.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { REGISTER_ROWS, registerWorkbook, type RegisterRow } from '../support/hotspot-register';
import { dumpWorkspace, initWorkspace, repoRoot, startHost, tempWorkspace, type Host } from './host';
import { chooseQuarter } from './sheet-steps';

const SHOTS = path.join(repoRoot, 'test-results', 'import');
const FILE = { name: 'so-theo-doi-diem.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: registerWorkbook('xlsx', { withCoverSheet: true, statusHeader: 'Hiện trạng' }) };

let workspace: string;
let host: Host;

// The office laptop's screen: the wizard must fit it.
test.use({ viewport: { width: 1366, height: 768 } });

test.beforeEach(async () => {
  workspace = tempWorkspace('pcmt-e2e-import-');
  await initWorkspace(workspace, '017', 'GSO_2004');
  host = await startHost(workspace);
});

test.afterEach(async () => {
  await host.stop('SIGTERM');
});

const shot = (page: Page, name: string) => page.screenshot({ path: path.join(SHOTS, name) });
const panelOf = (page: Page) => page.getByRole('tabpanel', { name: 'Điểm, tụ điểm' });

async function openWizardWithFile(page: Page, file: typeof FILE = FILE): Promise<void> {
  await panelOf(page).getByTestId('import-open').click();
  const wizard = page.getByTestId('import-wizard');
  await expect(wizard).toBeVisible();
  await wizard.getByTestId('import-file').setInputFiles(file);
}

async function activeHotspots(): Promise<number> {
  // The dump lists the hotspots that are not removed: what is really in the file.
  const dump = (await dumpWorkspace(workspace, '2024-Q4')) as unknown as { hotspots: unknown[] };
  return dump.hotspots.length;
}

test('import a register through the wizard, undo it, redo it, and import it again to no change', async ({ page }) => {
  await page.goto(host.url);
  await chooseQuarter(page, 2024, 'IV');
  await page.getByTestId('tab-hotspots').click();
  await expect(page.getByTestId('hotspot-count')).toHaveText('0 điểm');

  await openWizardWithFile(page);
  const wizard = page.getByTestId('import-wizard');
  // Two sheets in the workbook: the wizard asks which; the cover sheet comes first.
  await expect(wizard.getByTestId('import-sheet-name')).toBeVisible();
  await wizard.getByTestId('import-sheet-name').selectOption('Danh sách điểm');
  await expect(wizard.getByTestId('import-busy')).toHaveCount(0);
  await shot(page, '1-sheet.png');
  await wizard.getByTestId('import-next').click();

  await expect(wizard.getByTestId('import-header-row')).toHaveValue('7');
  await shot(page, '2-header-row.png');
  await wizard.getByTestId('import-next').click();

  // The matcher filled every column but "Hiện trạng"; the user maps it to the status.
  await expect(wizard.getByTestId('import-map-B')).toHaveValue('commune_code');
  await expect(wizard.getByTestId('import-map-C')).toHaveValue('village');
  await expect(wizard.getByTestId('import-map-F')).toHaveValue('discovered_date');
  await expect(wizard.getByTestId('import-map-G')).toHaveValue('');
  await wizard.getByTestId('import-map-G').selectOption('status');
  await expect(wizard.getByTestId('import-map-G')).toHaveValue('status');
  await expect(wizard.getByTestId('import-busy')).toHaveCount(0);
  await shot(page, '3-mapping.png');
  await wizard.getByTestId('import-next').click();

  await expect(wizard.getByTestId('import-counts')).toContainText('5 dòng: thêm 5, sửa 0, giữ nguyên 0, bị từ chối 0');
  await expect(wizard.getByTestId('import-preview-row')).toHaveCount(5);
  await expect(wizard.locator('[data-row="13"]')).toContainText('20/07/2024');
  await expect(wizard.locator('[data-row="12"]')).toContainText('Đang xác minh');
  // "TT Đông Anh" in the file is the town of Đông Anh, named as the sheet names it.
  await expect(wizard.locator('[data-row="12"]')).toContainText('Thị trấn Đông Anh');
  await shot(page, '4-preview.png');
  await wizard.getByTestId('import-apply').click();
  await expect(wizard).toHaveCount(0);
  await expect(page.getByTestId('hotspot-count')).toHaveText('5 điểm');
  await expect(panelOf(page).getByTestId('import-status')).toContainText('thêm 5');
  await shot(page, '5-applied.png');
  expect(await activeHotspots()).toBe(5);

  // One undo step: the grid's Ctrl+Z removes the five rows, Ctrl+Y brings them back.
  await panelOf(page).locator('.ag-cell[col-id="address"]').first().click();
  await page.keyboard.press('Control+z');
  await expect(page.getByTestId('hotspot-count')).toHaveText('0 điểm');
  await expect.poll(activeHotspots, { timeout: 30_000 }).toBe(0);
  await shot(page, '6-undone.png');
  await page.keyboard.press('Control+y');
  await expect(page.getByTestId('hotspot-count')).toHaveText('5 điểm');
  await expect.poll(activeHotspots, { timeout: 30_000 }).toBe(5);
  await shot(page, '7-redone.png');

  // The same file again: the remembered mapping, and nothing to change.
  await openWizardWithFile(page);
  await wizard.getByTestId('import-sheet-name').selectOption('Danh sách điểm');
  await expect(wizard.getByTestId('import-busy')).toHaveCount(0);
  await wizard.getByTestId('import-next').click();
  await wizard.getByTestId('import-next').click();
  await expect(wizard.getByTestId('import-map-G')).toHaveValue('status');
  await wizard.getByTestId('import-next').click();
  await expect(wizard.getByTestId('import-nothing')).toHaveText('Không có gì thay đổi: mọi dòng trong tệp đã có đúng như vậy trong bảng.');
  await expect(wizard.getByTestId('import-counts')).toContainText('giữ nguyên 5');
  await expect(wizard.getByTestId('import-apply')).toBeDisabled();
  await shot(page, '8-same-file-again.png');
});

test('a register with one commune outside the office is refused whole, its row named, nothing stored', async ({ page }) => {
  const rows = REGISTER_ROWS.map((r, i) => (i === 3 ? { ...r, commune: 'Phúc Xá' } : r));
  const outside = { ...FILE, name: 'ngoai-huyen.xlsx', buffer: registerWorkbook('xlsx', { rows }) };
  await page.goto(host.url);
  await chooseQuarter(page, 2024, 'IV');
  await page.getByTestId('tab-hotspots').click();
  await openWizardWithFile(page, outside);
  const wizard = page.getByTestId('import-wizard');
  await wizard.getByTestId('import-next').click();
  await wizard.getByTestId('import-next').click();
  await expect(wizard.getByTestId('import-counts')).toContainText('bị từ chối 1');
  await expect(wizard.locator('[data-row="13"]')).toHaveAttribute('data-outcome', 'refused');
  await expect(wizard.locator('[data-row="13"] [data-code="IMPORT_UNIT_UNKNOWN"]')).toContainText('Dòng 13: không có xã/đơn vị “Phúc Xá” thuộc địa bàn của cơ quan.');
  await expect(wizard.getByTestId('import-blocked')).toBeVisible();
  await expect(wizard.getByTestId('import-apply')).toBeDisabled();
  await shot(page, '9-refused.png');
  await wizard.getByTestId('import-close').click();
  await expect(page.getByTestId('hotspot-count')).toHaveText('0 điểm');
  expect(await activeHotspots()).toBe(0);
});

test('the matching key is shown and changed: a retyped address updates the stored row instead of adding one', async ({ page }) => {
  const plain = { ...FILE, name: 'so-theo-doi.xlsx', buffer: registerWorkbook() };
  const rows = REGISTER_ROWS.map((r, i) => (i === 0 ? { ...r, address: 'Ngõ 12 đường Bầu, số nhà 5' } : r));
  const retyped = { ...FILE, name: 'so-theo-doi-sua.xlsx', buffer: registerWorkbook('xlsx', { rows }) };
  await page.goto(host.url);
  await chooseQuarter(page, 2024, 'IV');
  await page.getByTestId('tab-hotspots').click();
  await openWizardWithFile(page, plain);
  const wizard = page.getByTestId('import-wizard');
  await wizard.getByTestId('import-next').click();
  await wizard.getByTestId('import-next').click();
  await wizard.getByTestId('import-apply').click();
  // Each dump and apply is a real write and a CLI run: generous on a loaded machine.
  await expect(page.getByTestId('hotspot-count')).toHaveText('5 điểm', { timeout: 30_000 });

  await openWizardWithFile(page, retyped);
  await wizard.getByTestId('import-next').click();
  // The usual key: commune + address + discovery date, each a ticked box.
  await expect(wizard.getByTestId('import-key-commune_code')).toBeChecked();
  await expect(wizard.getByTestId('import-key-address')).toBeChecked();
  await expect(wizard.getByTestId('import-key-discovered_date')).toBeChecked();
  await expect(wizard.getByTestId('import-key-village')).not.toBeChecked();
  await wizard.getByTestId('import-next').click();
  await expect(wizard.getByTestId('import-counts')).toContainText('thêm 1, sửa 0, giữ nguyên 4');
  await wizard.getByRole('button', { name: 'Quay lại' }).click();
  // Each box asks the services again; it shows ticked once the new preview is in.
  await wizard.getByTestId('import-key-village').click();
  await expect(wizard.getByTestId('import-key-village')).toBeChecked();
  await expect(wizard.getByTestId('import-busy')).toHaveCount(0);
  await wizard.getByTestId('import-key-address').click();
  await expect(wizard.getByTestId('import-key-address')).not.toBeChecked();
  await expect(wizard.getByTestId('import-busy')).toHaveCount(0);
  await expect(wizard.getByTestId('import-key-label')).toHaveText('Dòng trùng với bản ghi đã có khi giống nhau ở: Xã/phường + Thôn, tổ dân phố + Ngày phát hiện');
  await shot(page, '10-key.png');
  await wizard.getByTestId('import-next').click();
  await expect(wizard.getByTestId('import-counts')).toContainText('thêm 0, sửa 1, giữ nguyên 4');
  await wizard.getByTestId('import-apply').click();
  await expect(wizard).toHaveCount(0, { timeout: 30_000 });
  await expect(page.getByTestId('hotspot-count')).toHaveText('5 điểm');
  const dump = (await dumpWorkspace(workspace, '2024-Q4')) as unknown as { hotspots: { address: string }[] };
  expect(dump.hotspots.map((h) => h.address)).toContain('Ngõ 12 đường Bầu, số nhà 5');
  expect(dump.hotspots).toHaveLength(5);
});

test('Cancel while a large file is read stops the reading, and nothing is stored', async ({ page }) => {
  const rows = Array.from({ length: 40_000 }, (_, i) => ({ ...(REGISTER_ROWS[i % REGISTER_ROWS.length] as RegisterRow), address: `Số ${i + 1}, ngõ Chợ` }));
  const big = { ...FILE, name: 'so-lon.xlsx', buffer: registerWorkbook('xlsx', { rows }) };
  await page.goto(host.url);
  await chooseQuarter(page, 2024, 'IV');
  await page.getByTestId('tab-hotspots').click();
  await openWizardWithFile(page, big);
  const wizard = page.getByTestId('import-wizard');
  // The browser first reads the file itself, which takes a moment for 40,000 rows.
  await expect(wizard.getByTestId('import-busy')).toContainText('Đang đọc tệp “so-lon.xlsx”…', { timeout: 30_000 });
  // The reading reports how far it has come (the worker's own fractions).
  await expect(wizard.getByTestId('import-progress')).toBeVisible();
  await shot(page, '11-reading.png');
  await wizard.getByTestId('import-cancel-read').click();
  await expect(wizard.getByTestId('import-busy')).toHaveCount(0);
  await expect(wizard.getByTestId('import-file')).toBeVisible();
  await expect(wizard.getByTestId('import-error')).toHaveCount(0);
  await wizard.getByTestId('import-close').click();
  await expect(page.getByTestId('hotspot-count')).toHaveText('0 điểm');
  expect(await activeHotspots()).toBe(0);
});
