/**
 * The Báo cáo tab (issue 15 item 1) at a district laptop's 1366×768: Huyện Đông Anh's
 * 2025-Q2 (the fixture `pcmt report`'s test loads) shows the report's preview in the
 * Decree 30/2020 layout; the number and signer typed in the fields are saved and drawn;
 * "Lưu .docx" downloads the .docx named after the office and period; print styles show
 * the report only. A screenshot is kept under test-results/report/.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { initWorkspace, repoRoot, startHost, tempWorkspace, type Host } from './host';
import { chooseQuarter } from './sheet-steps';

const execFileAsync = promisify(execFile);
const CLI = path.join(repoRoot, 'electron', 'cli', 'pcmt.mjs');
const FIXTURE = path.join(repoRoot, 'tests/fixtures/report/dong-anh-2025-Q2.json');
const SHOTS = path.join(repoRoot, 'test-results/report');

let host: Host;
let workspace = '';

test.use({ viewport: { width: 1366, height: 768 } });

test.beforeEach(async () => {
  workspace = tempWorkspace('pcmt-report-');
  await initWorkspace(workspace, '017', 'GSO_2004');
  await execFileAsync(process.execPath, [CLI, 'load', FIXTURE, '--workspace', workspace], { cwd: repoRoot });
  host = await startHost(workspace);
});

test.afterEach(async () => {
  await host.stop('SIGTERM');
});

test('the Báo cáo tab previews the report, saves its fields and downloads the .docx', async ({ page }) => {
  await page.goto(host.url);
  await chooseQuarter(page, 2025, 'II');
  await page.getByTestId('tab-report').click();
  await expect(page.getByTestId('tab-report')).toHaveText('Báo cáo');
  const preview = page.getByTestId('report-preview');
  await expect(preview).toBeVisible();
  await expect(preview).toContainText('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  await expect(preview).toContainText('Độc lập - Tự do - Hạnh phúc');
  await expect(preview).toContainText('Kết quả công tác phòng, chống ma túy Quý II/2025');
  await expect(preview).toContainText('Đầu kỳ có 2 điểm, tụ điểm hoạt động; trong kỳ phát hiện mới 1, triệt xóa 1; cuối kỳ còn 2 điểm, tụ điểm hoạt động.');
  await expect(preview).toContainText('- Lưu: VT, BCĐ.');
  await expect(preview).not.toContainText('MẬT');

  await page.getByTestId('report-number').fill('15');
  await page.getByTestId('report-date').fill('2025-07-04');
  await page.getByTestId('report-signerName').fill('Nguyễn Văn Hùng');
  await page.getByTestId('report-save').click();
  await expect(page.getByTestId('report-status')).toHaveText('Đã lưu thông tin báo cáo.');
  await expect(preview).toContainText('Số: 15/BC-BCĐ');
  await expect(page.getByTestId('report-date-line')).toHaveText('Đông Anh, ngày 04 tháng 7 năm 2025');
  await expect(preview).toContainText('Nguyễn Văn Hùng');

  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, 'report-tab-1366x768.png') });

  const downloading = page.waitForEvent('download');
  await page.getByTestId('report-docx').click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('BaoCao_017_2025-Q2.docx');
  const saved = path.join(path.dirname(workspace), 'downloaded.docx');
  await download.saveAs(saved);
  const bytes = fs.readFileSync(saved);
  expect(bytes.subarray(0, 2).toString()).toBe('PK');
  expect(bytes.length).toBeGreaterThan(5_000);
  await expect(page.getByTestId('report-status')).toHaveText('Đã tạo tệp BaoCao_017_2025-Q2.docx.');

  const pdfDownloading = page.waitForEvent('download');
  await page.getByTestId('report-pdf').click();
  const pdf = await pdfDownloading;
  expect(pdf.suggestedFilename()).toBe('BaoCao_017_2025-Q2.pdf');
  const pdfPath = path.join(path.dirname(workspace), 'downloaded.pdf');
  await pdf.saveAs(pdfPath);
  expect(fs.readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

  // Unsaved typing survives a reload of the preview (here: ticking the hotspot list).
  await page.getByTestId('report-situation').fill('Tình hình cơ bản ổn định.');

  // With the hotspot list the preview carries the MẬT mark and the addresses.
  await page.getByTestId('report-with-hotspots').check();
  await expect(preview).toContainText('MẬT');
  await expect(page.getByTestId('report-situation')).toHaveValue('Tình hình cơ bản ổn định.');
  await expect(preview).toContainText('Bãi đất trống ven đê, thôn Lỗ Khê');
  await page.getByTestId('report-with-hotspots').uncheck();
  await expect(preview).not.toContainText('Bãi đất trống');

  // Printing from this tab shows the report only: the tabs and the fields are not painted.
  await page.evaluate(() => document.body.classList.add('is-printing-report'));
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('tab-report')).toBeHidden();
  await expect(page.getByTestId('report-number')).toBeHidden();
  await expect(preview).toBeVisible();
});
