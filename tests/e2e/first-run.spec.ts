/**
 * Issue 15 item 3, a first run that needs nothing: a district statistician with no file
 * at hand takes the old unit list that comes with the app, chooses Huyện Đông Anh, lands
 * on the last quarter of the old list (not today's quarter, where every row would be a
 * V11 error), and types a status. Screenshots in test-results/first-run/.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { repoRoot, startHost, tempWorkspace, type Host } from './host';
import { cell, pickInCell, typeIntoCell, waitUntilSaved } from './sheet-steps';

const SHOTS = path.join(repoRoot, 'test-results', 'first-run');
/** Thị trấn Đông Anh, the first commune of Huyện Đông Anh. */
const COMMUNE = '00454';

test.use({ viewport: { width: 1366, height: 768 } });

test('a fresh user sets up Huyện Đông Anh from the shipped list, on a proposed period, with no V11 error', async ({ page }) => {
  const host: Host = await startHost(tempWorkspace('pcmt-first-run-'));
  try {
    await page.goto(host.url);
    await expect(page.getByRole('heading', { name: 'Thiết lập đơn vị', level: 1 })).toBeVisible();
    const oldList = page.getByTestId('bundled-GSO_2004');
    await expect(oldList).toHaveText('Danh mục cũ, đến 30/6/2025 (63 tỉnh, 696 huyện, 10.047 xã; ngày 01/03/2025)');
    await expect(page.getByTestId('bundled-NSO_2025')).toHaveText('Danh mục mới, từ 01/7/2025 (34 tỉnh, 3.321 xã; ngày 01/07/2025)');
    await page.screenshot({ path: path.join(SHOTS, '1-setup.png') });

    await oldList.click();
    await expect(page.getByTestId('import-result')).toHaveText('Đã nhập 63 tỉnh, 696 huyện, 10.047 xã — thêm mới 10.806, thay đổi 0, không đổi 0.', { timeout: 60_000 });
    await page.getByLabel('Danh mục', { exact: true }).selectOption('GSO_2004');
    await page.getByLabel('Tỉnh/thành phố', { exact: true }).selectOption({ label: 'Thành phố Hà Nội' });
    await page.getByLabel('Quận/huyện', { exact: true }).selectOption({ label: 'Huyện Đông Anh' });
    await page.getByRole('button', { name: 'Chọn làm đơn vị báo cáo' }).click();

    await expect(page.getByTestId('row-count')).toHaveText('24 xã/phường');
    // Today is after the reform; the old list's last quarter is proposed.
    await expect(page.getByTestId('period-label')).toHaveText('Quý II/2025');
    await pickInCell(page, COMMUNE, 'declared_class', 'Có ma túy');
    await typeIntoCell(page, COMMUNE, 'resident_population', '12.345');
    await waitUntilSaved(page);
    await expect(cell(page, COMMUNE, 'resident_population')).toHaveText('12.345');

    const toggle = page.getByTestId('problems-toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await expect(page.getByTestId('problem-row').first()).toBeVisible();
    await expect(page.getByTestId('problem-row').filter({ has: page.locator('td:text-is("V11")') })).toHaveCount(0);
    await page.screenshot({ path: path.join(SHOTS, '2-first-status.png') });
  } finally {
    await host.stop('SIGTERM');
  }
});
