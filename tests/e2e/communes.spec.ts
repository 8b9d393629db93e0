/**
 * The user story of the first release: a district office sets up PCMT Desk from the
 * statistics office's Excel list, enters commune statuses for a quarter, closes the
 * program, opens it again and finds everything where it left it.
 */
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { dumpWorkspace, repoRoot, startHost, tempWorkspace, UNITS_XLSX, type Host } from './host';
import { cell, chooseQuarter, pickInCell, typeIntoCell, waitUntilSaved } from './sheet-steps';

const SCREENSHOT = path.join(repoRoot, 'test-results', 'communes-sheet.png');
/** Thị trấn Đông Anh, the first commune of Huyện Đông Anh. */
const COMMUNE = '00454';

test.use({ viewport: { width: 1440, height: 860 } });

test('set up Huyện Đông Anh, enter a quarter, restart, and find the data', async ({ page }, testInfo) => {
  const workspace = tempWorkspace();
  let host: Host = await startHost(workspace);
  try {
    await page.goto(host.url);
    await expect(page).not.toHaveURL(/token=/u);
    await expect(page.getByRole('heading', { name: 'Thiết lập đơn vị', level: 1 })).toBeVisible();

    await page.getByLabel('Tệp danh mục đơn vị hành chính', { exact: true }).setInputFiles(UNITS_XLSX);
    // The Excel layout lists communes, so it names the 691 districts that have communes
    // (the 5 island districts without any appear only in the JSON list's 696).
    await expect(page.getByTestId('import-result')).toHaveText(
      'Đã nhập 63 tỉnh, 691 huyện, 10.047 xã — thêm mới 10.801, thay đổi 0, không đổi 0.',
      { timeout: 60_000 },
    );

    await page.getByLabel('Danh mục', { exact: true }).selectOption('GSO_2004');
    await page.getByLabel('Tỉnh/thành phố', { exact: true }).selectOption({ label: 'Thành phố Hà Nội' });
    await page.getByLabel('Quận/huyện', { exact: true }).selectOption({ label: 'Huyện Đông Anh' });
    await page.getByRole('button', { name: 'Chọn làm đơn vị báo cáo' }).click();

    await expect(page.getByTestId('row-count')).toHaveText('24 xã/phường');
    await expect(page).toHaveTitle('PCMT Desk — Huyện Đông Anh, Thành phố Hà Nội');
    await chooseQuarter(page, 2025, 'III');
    await expect(cell(page, COMMUNE, 'name')).toHaveText('Thị trấn Đông Anh');

    await pickInCell(page, COMMUNE, 'declared_class', 'Không ma túy');
    await typeIntoCell(page, COMMUNE, 'resident_population', '12.345');
    await typeIntoCell(page, COMMUNE, 'addicts_with_records', '3');
    await waitUntilSaved(page);
    await expect(cell(page, COMMUNE, 'declared_class')).toHaveText('Không ma túy');
    await expect(cell(page, COMMUNE, 'resident_population')).toHaveText('12.345');
    await expect(cell(page, COMMUNE, 'addicts_with_records')).toHaveText('3');

    await page.locator('.main-screen').screenshot({ path: SCREENSHOT });
    await testInfo.attach('communes-sheet', { path: SCREENSHOT, contentType: 'image/png' });

    await host.stop('SIGTERM');
    host = await startHost(workspace);
    await page.goto(host.url);
    await expect(page).toHaveTitle(/Đông Anh/u);
    await chooseQuarter(page, 2025, 'III');
    await expect(cell(page, COMMUNE, 'declared_class')).toHaveText('Không ma túy');
    await expect(cell(page, COMMUNE, 'resident_population')).toHaveText('12.345');
    await expect(cell(page, COMMUNE, 'addicts_with_records')).toHaveText('3');
  } finally {
    await host.stop('SIGTERM');
  }

  const dump = await dumpWorkspace(workspace, '2025-Q3');
  expect(dump.office.name).toBe('Huyện Đông Anh');
  expect(dump.units).toHaveLength(24);
  expect(dump.statuses).toHaveLength(1);
  expect(dump.statuses[0]).toMatchObject({
    code: COMMUNE,
    declared_class: 'KHONG_MA_TUY',
    resident_population: 12345,
    addicts_with_records: 3,
  });
});
