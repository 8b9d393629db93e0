/**
 * Validation as the statistician meets it: figures that make a commune a level-II key
 * area, its computed class and criteria beside the declared status, a drug-free
 * declaration the rules engine refuses (V5) in the cell, the Problems panel and the
 * export check, then the fix that clears them; the export check also counts the communes
 * still empty (V16) until every commune has its population. A paste of the same invalid combination
 * gives the same problem as typing it. Screenshots are kept in test-results/.
 */
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { initWorkspace, repoRoot, startHost, tempWorkspace, UNITS_CSV_2025, type Host } from './host';
import { cell, chooseQuarter, expectTooltip, typeIntoCell, waitUntilSaved } from './sheet-steps';

const ERROR_SHOT = path.join(repoRoot, 'test-results', 'validation-error.png');
const FIXED_SHOT = path.join(repoRoot, 'test-results', 'validation-fixed.png');
/** Phường Ba Đình and Phường Ngọc Hà of Thành phố Hà Nội (NSO_2025, the list valid for Q4/2025). */
const [BA_DINH, NGOC_HA] = ['00004', '00008'];

let host: Host;

test.use({ viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });

test.beforeEach(async () => {
  const workspace = tempWorkspace();
  await initWorkspace(workspace, '01', 'NSO_2025', UNITS_CSV_2025);
  host = await startHost(workspace);
});

test.afterEach(async () => {
  await host.stop('SIGTERM');
});

/** Quarter IV/2025 ends after 24/8/2025, so QĐ 28/2025 applies. */
async function open(page: Page): Promise<void> {
  await page.goto(host.url);
  await chooseQuarter(page, 2025, 'IV');
  await expect(page.getByTestId('row-count')).toHaveText('126 xã/phường');
}

async function openProblems(page: Page): Promise<void> {
  const toggle = page.getByTestId('problems-toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Scrolls the grid back to the status columns (the grid draws only the columns in view). */
async function showStatusColumns(page: Page, rowId: string): Promise<void> {
  await cell(page, rowId, 'name').click();
  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowRight');
  await expect(cell(page, rowId, 'declared_class')).toBeVisible();
}

function problemRows(page: Page, rule: string, record: string) {
  return page.getByTestId('problem-row').filter({ has: page.locator(`td:text-is("${rule}")`) }).filter({ has: page.locator(`td:text-is("${record}")`) });
}

test('a level-II commune declared drug-free: V5 in the cell, the panel and the export check, then fixed', async ({ page }, testInfo) => {
  await open(page);
  // Nothing entered yet: one error, the 126 communes still empty (V16, issue 12 item 5).
  await expect(page.getByTestId('problem-counts')).toHaveText('1 lỗi, 0 cảnh báo');

  await typeIntoCell(page, BA_DINH, 'resident_population', '10000');
  await typeIntoCell(page, BA_DINH, 'addicts_with_records', '30');
  await typeIntoCell(page, BA_DINH, 'harboring_points', '1');
  await typeIntoCell(page, BA_DINH, 'drug_offenders_arrested', '7');
  await waitUntilSaved(page);

  // R1 0,3 % (II), one harbouring point (II), R2 0,07 % (II): level II.
  await showStatusColumns(page, BA_DINH);
  await expect(cell(page, BA_DINH, 'computed_class')).toHaveText('Trọng điểm loại II');
  await expect(cell(page, BA_DINH, 'criteria')).toHaveText('a: II, b: II, c: II');
  await expectTooltip(page, cell(page, BA_DINH, 'computed_class'), 'Trọng điểm loại II');

  await typeIntoCell(page, BA_DINH, 'declared_class', 'không ma túy');
  await waitUntilSaved(page);
  await expect(cell(page, BA_DINH, 'declared_class')).toHaveText('Không ma túy');

  // The cells V5 points at are marked, with the message in their tooltip.
  await expect(cell(page, BA_DINH, 'addicts_with_records')).toHaveClass(/cell-problem-error/u);
  await expectTooltip(page, cell(page, BA_DINH, 'addicts_with_records'), 'V5: Phường Ba Đình khai “Không ma túy”');

  await openProblems(page);
  await expect(page.getByTestId('problem-counts')).toContainText(/^[1-9]\d* lỗi, \d+ cảnh báo$/u);
  // Addicts, the harbouring point, and the Art. 6 figures left blank (missing is not zero, issue 12 item 1).
  await expect(problemRows(page, 'V5', BA_DINH)).toHaveCount(3);
  await expect(problemRows(page, 'V5', BA_DINH).first()).toContainText('Lỗi');

  // A row of the panel focuses its cell.
  await cell(page, NGOC_HA, 'name').click();
  await problemRows(page, 'V5', BA_DINH).first().click();
  await expect(cell(page, BA_DINH, 'addicts_with_records')).toHaveClass(/ag-cell-focus/u);

  await page.locator('.main-screen').screenshot({ path: ERROR_SHOT });
  await testInfo.attach('validation-error', { path: ERROR_SHOT, contentType: 'image/png' });

  await page.getByTestId('export-check').click();
  const refused = page.getByTestId('export-refused');
  await expect(refused).toContainText(/Chưa thể gửi số liệu kỳ Quý IV\/2025: còn [1-9]\d* lỗi/u);
  await expect(refused.getByTestId('export-error').filter({ hasText: 'V5' })).toHaveCount(3);
  await expect(refused.getByTestId('export-error').filter({ hasText: 'V16' })).toContainText('125 trong 126 xã, phường chưa có số liệu kỳ Quý IV/2025');
  await page.getByTestId('export-result').getByRole('button', { name: 'Đóng' }).click();
  await expect(page.getByTestId('export-result')).toHaveCount(0);

  // The fix: declare what the figures say.
  await typeIntoCell(page, BA_DINH, 'declared_class', 'trọng điểm loại ii');
  await waitUntilSaved(page);
  await expect(cell(page, BA_DINH, 'declared_class')).toHaveText('Trọng điểm loại II');
  await expect(page.getByTestId('problem-counts')).toContainText(/^1 lỗi, \d+ cảnh báo$/u);
  await expect(page.getByTestId('problem-row').filter({ hasText: 'Lỗi' })).toHaveCount(1);
  await expect(cell(page, BA_DINH, 'addicts_with_records')).not.toHaveClass(/cell-problem-error/u);

  // "Kiểm tra để gửi" still refuses: the other 125 communes are empty (V16).
  await page.getByTestId('export-check').click();
  await expect(page.getByTestId('export-refused')).toContainText('Chưa thể gửi số liệu kỳ Quý IV/2025: còn 1 lỗi');
  await expect(page.getByTestId('export-error')).toHaveCount(1);
  await expect(page.getByTestId('export-error')).toContainText('V16');
  await expect(page.getByTestId('export-error')).toContainText('125 trong 126 xã, phường chưa có số liệu kỳ Quý IV/2025');
  await page.getByTestId('export-result').getByRole('button', { name: 'Đóng' }).click();

  // The population of every commune, pasted as a column from Excel (Ba Đình's is the same 10.000).
  await page.locator('[role=row][row-index="0"] [col-id="resident_population"]').first().click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), '10.000\r\n'.repeat(126));
  await page.keyboard.press('Control+v');
  await waitUntilSaved(page);
  await expect(page.getByTestId('problem-counts')).toContainText(/^0 lỗi, \d+ cảnh báo$/u);

  await page.getByTestId('export-check').click();
  await expect(page.getByTestId('export-ready')).toContainText(/^Kỳ Quý IV\/2025 đủ điều kiện gửi \(còn \d+ cảnh báo\)$/u);
  await page.locator('.main-screen').screenshot({ path: FIXED_SHOT });
  await testInfo.attach('validation-fixed', { path: FIXED_SHOT, contentType: 'image/png' });
  await page.getByTestId('export-result').getByRole('button', { name: 'Đóng' }).click();
});

test('pasting a drug-free declaration with addicts gives the same V5 problem as typing it', async ({ page }) => {
  await open(page);
  await typeIntoCell(page, BA_DINH, 'declared_class', 'không ma túy');
  await typeIntoCell(page, BA_DINH, 'resident_population', '5000');
  await typeIntoCell(page, BA_DINH, 'addicts_with_records', '4');
  await waitUntilSaved(page);

  // The same cells as a row copied from Excel: status, key route, commitment, population, addicts.
  await showStatusColumns(page, NGOC_HA);
  await cell(page, NGOC_HA, 'declared_class').click();
  await page.evaluate((text) => navigator.clipboard.writeText(text), 'Không ma túy\t\t\t5.000\t4\r\n');
  await page.keyboard.press('Control+v');
  await waitUntilSaved(page);
  await expect(cell(page, NGOC_HA, 'addicts_with_records')).toHaveText('4');

  await openProblems(page);
  const typed = problemRows(page, 'V5', BA_DINH);
  const pasted = problemRows(page, 'V5', NGOC_HA);
  // The remaining addicts, and the Art. 6 figures left blank (missing is not zero, issue 12 item 1).
  await expect(typed).toHaveCount(2);
  await expect(pasted).toHaveCount(2);
  await expect(cell(page, NGOC_HA, 'addicts_with_records')).toHaveClass(/cell-problem-error/u);
  const typedText = (await typed.locator('td').last().textContent()) ?? '';
  const pastedText = (await pasted.locator('td').last().textContent()) ?? '';
  expect(pastedText.replace('Phường Ngọc Hà', '…')).toBe(typedText.replace('Phường Ba Đình', '…'));
});

// Issue 12 item 1: "Art. 6 conditions must be entered, possibly as 0, before a commune can be computed drug-free".
test('a commune with only its population is "Chưa xác định" in the sheet, its blank fields named, until they are entered as 0', async ({ page }) => {
  await open(page);
  await typeIntoCell(page, NGOC_HA, 'resident_population', '8000');
  await waitUntilSaved(page);
  await showStatusColumns(page, NGOC_HA);
  await expect(cell(page, NGOC_HA, 'computed_class')).toHaveText('Chưa xác định');
  await expectTooltip(page, cell(page, NGOC_HA, 'computed_class'), 'Chưa nhập (để trống khác với 0): Người nghiện có hồ sơ; Người sử dụng có hồ sơ');

  // The same figures entered as 0, as a row pasted from Excel from the population on.
  await cell(page, NGOC_HA, 'declared_class').click();
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await page.evaluate((text) => navigator.clipboard.writeText(text), '8.000\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\r\n');
  await page.keyboard.press('Control+v');
  await waitUntilSaved(page);
  await showStatusColumns(page, NGOC_HA);
  await expect(cell(page, NGOC_HA, 'computed_class')).toHaveText('Không ma túy');
});
