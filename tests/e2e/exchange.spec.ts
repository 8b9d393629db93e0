/**
 * The Exchange sheet (Gửi / nhận) end to end, district → province, as the offices work:
 * the district creates its keys and its enrollment file in the UI, the province enrolls
 * it and publishes a trust list (CLI), the district installs that list after comparing
 * the root fingerprints and sends the quarter; the province opens the package, sees it
 * valid and previews the same records; a tampered copy and a stray file are refused
 * with their codes and Vietnamese messages. Every step keeps a screenshot.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { repoRoot, startHost, type Host } from './host';
import { DISTRICT_DATA, PASSPHRASE, UNITS_JSON, createProvinceAndDistrict, enrollAndPublish, pcmt, tamperedCopy, type ExchangeSetup } from './helpers/exchange-setup';
import { chooseQuarter } from './sheet-steps';

const SHOTS = path.join(repoRoot, 'test-results', 'exchange');
const OK_MESSAGE = 'Gói hợp lệ: chữ ký đúng, nội dung nguyên vẹn, đúng đơn vị gửi và nhận.';
const NOT_A_PACKAGE = 'Đây không phải tệp gói dữ liệu của phần mềm.';

let setup: ExchangeSetup;
let host: Host | null = null;

test.use({ viewport: { width: 1440, height: 960 } });

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  setup = await createProvinceAndDistrict();
});

test.afterEach(async () => {
  await host?.stop('SIGTERM');
  host = null;
});

async function openExchange(page: Page, workspace: string): Promise<void> {
  host = await startHost(workspace);
  await page.goto(host.url);
  await chooseQuarter(page, 2025, 'II');
  await page.getByTestId('tab-exchange').click();
  await expect(page.getByRole('tab', { name: 'Gửi / nhận' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('keys-panel')).toBeVisible();
}

async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  const file = path.join(SHOTS, `${name}.png`);
  if (target === undefined) await page.screenshot({ path: file, fullPage: true });
  else await target.screenshot({ path: file });
}

/** Clicks and returns the file the page downloaded, saved beside the workspaces. */
async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const target = path.join(setup.dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

test('district enrolls, installs the trust list and sends; the province verifies and previews; tampering is refused', async ({ page }) => {
  test.setTimeout(240_000);
  let packageFile = '';

  await test.step('district: keys and the enrollment file in the UI', async () => {
    await openExchange(page, setup.district);
    const keys = page.getByTestId('keys-panel');
    await expect(keys.getByTestId('keys-office')).toContainText('Quận Ba Đình (T01-D001)');
    await keys.getByLabel('Mật khẩu bảo vệ khóa').fill(PASSPHRASE);
    await keys.getByLabel('Nhập lại mật khẩu').fill(PASSPHRASE);
    await keys.getByRole('button', { name: 'Tạo khóa' }).click();
    await expect(keys.getByTestId('signing-key-id')).toHaveText(/^[0-9A-F]{16}$/u);
    await expect(keys.getByTestId('signing-fingerprint')).toHaveText(/^\d{5}( \d{5}){5}$/u);
    await shot(page, '01-district-keys', keys);

    await keys.getByRole('button', { name: 'Tạo tệp đăng ký khóa' }).click();
    await keys.getByLabel('Mật khẩu khóa').fill(PASSPHRASE);
    const bckey = await download(page, () => keys.getByRole('button', { name: 'Tạo tệp đăng ký khóa' }).click());
    expect(path.extname(bckey)).toBe('.bckey');
    const form = page.getByTestId('enrollment-form');
    await expect(form).toContainText('PHIẾU ĐĂNG KÝ KHÓA');
    await expect(form).toContainText('Thủ trưởng đơn vị');
    await expect(form).toContainText(await keys.getByTestId('signing-key-id').innerText());
    await expect(form.getByTestId('enrollment-fingerprint')).toHaveText(await keys.getByTestId('signing-fingerprint').innerText());
    await expect(page.getByTestId('enrollment-saved')).toContainText(path.basename(bckey));
    await shot(page, '02-district-enrollment-form', form);

    // "In phiếu" prints the form alone: window.print is stubbed (headless has no dialog) and the print media emulated.
    await page.evaluate(() => {
      window.print = () => undefined;
    });
    await page.getByRole('button', { name: 'In phiếu' }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByTestId('send-panel')).toBeHidden();
    await expect(form).toBeVisible();
    await shot(page, '02b-district-enrollment-print');
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.emulateMedia({ media: 'screen' });
    await expect(page.getByTestId('send-panel')).toBeVisible();

    const trustFile = await enrollAndPublish(setup, bckey);
    fs.copyFileSync(trustFile, path.join(setup.dir, 'trust-for-district.bctrust'));
  });

  await test.step('district: the first trust list, after comparing the root fingerprints', async () => {
    const trust = page.getByTestId('trust-panel');
    await expect(trust).toContainText('Chưa cài danh sách tin cậy');
    await trust.getByLabel('Nhập danh sách tin cậy (.bctrust)').setInputFiles(path.join(setup.dir, 'trust-for-district.bctrust'));
    const dialog = page.getByTestId('trust-bootstrap');
    await expect(dialog).toBeVisible();
    for (const root of setup.roots) {
      await expect(dialog.getByTestId('bootstrap-roots')).toContainText(root.keyId);
      await expect(dialog.getByTestId('bootstrap-roots')).toContainText(root.fingerprint);
    }
    await shot(page, '03-district-trust-bootstrap', dialog);
    await dialog.getByRole('button', { name: 'Tôi đã đối chiếu dấu vân tay — cài đặt' }).click();
    await expect(dialog).toBeHidden();
    await expect(trust.getByTestId('trust-installed')).toContainText('Đã cài danh sách tin cậy phiên bản 1');
    await expect(trust.getByTestId('trust-offices')).toContainText('T01-D001');
    await expect(trust.getByTestId('trust-offices')).toContainText('Thành phố Hà Nội');
    await shot(page, '04-district-trust-installed', trust);
  });

  await test.step('district: sending the quarter', async () => {
    const send = page.getByTestId('send-panel');
    // Every commune of Ba Đình (rule V16), a hotspot and a model site.
    await expect(send.getByTestId('export-summary')).toContainText(`${DISTRICT_DATA.statuses.length} xã/phường, 1 điểm, tụ điểm, 1 mô hình`);
    await expect(send.getByTestId('export-encrypted')).toHaveText('Có');
    await expect(send.getByTestId('export-blockers')).toHaveCount(0);
    await expect(send.getByLabel('Gửi kèm danh sách điểm, tụ điểm (luôn mã hóa)')).toBeChecked();
    await send.getByLabel('Mật khẩu khóa').fill(PASSPHRASE);
    packageFile = await download(page, () => send.getByRole('button', { name: 'Ký và gửi' }).click());
    expect(path.extname(packageFile)).toBe('.bcpkg');
    await expect(send.getByTestId('export-done')).toContainText(path.basename(packageFile));
    await expect(send.getByTestId('export-done')).toContainText('số thứ tự 1');
    await expect(send.getByTestId('export-done')).toContainText('đã mã hóa cho T01');
    await expect(send.getByTestId('export-log').locator('tbody tr')).toHaveCount(1);
    await expect(send.getByTestId('export-log')).toContainText(path.basename(packageFile));
    await expect(page.getByTestId('period-locked')).toBeVisible();
    await shot(page, '05-district-sent');
    // A lost download is saved again from the log: same name, a fresh encryption of the same signed package.
    const again = await download(page, () => send.getByRole('button', { name: `Tải lại tệp ${path.basename(packageFile)}` }).click());
    expect(path.basename(again)).toBe(path.basename(packageFile));
    await host?.stop('SIGTERM');
  });

  await test.step('province: the package is valid and shows what the district entered', async () => {
    await openExchange(page, setup.province);
    const receive = page.getByTestId('receive-panel');
    await receive.getByLabel('Chọn tệp gói (.bcpkg)').setInputFiles(packageFile);
    await receive.getByTestId('receive-passphrase').getByLabel('Mật khẩu khóa').fill(PASSPHRASE);
    await receive.getByRole('button', { name: 'Kiểm tra' }).click();
    const row = receive.getByTestId('verify-result');
    await expect(row).toHaveCount(1);
    await expect(row.getByTestId('verify-code')).toHaveText('OK_STAGED');
    await expect(row.getByTestId('verify-message')).toHaveText(OK_MESSAGE);
    await expect(row.getByTestId('verify-mark')).toHaveText('✓ Hợp lệ');
    await expect(row).toContainText('T01-D001');
    await expect(row).toContainText('2025-Q2');
    await shot(page, '06-province-verified', receive);

    await row.getByRole('button', { name: 'Xem' }).click();
    const preview = page.getByTestId('package-preview');
    await expect(preview).toBeVisible();
    await expect(preview).toContainText('Bản Excel trong gói chỉ để tham khảo; số liệu nhập vào lấy từ dữ liệu JSON đã ký.');
    await expect(preview).toContainText('Đây là bản xem khi chỉ kiểm tra: chưa nhập gì. Để nhập số liệu vào dữ liệu tổng hợp, chọn “Nhận”.');
    const communes = preview.getByTestId('preview-commune_status');
    for (const status of DISTRICT_DATA.statuses) await expect(communes).toContainText(status.code);
    await expect(communes).toContainText('Phường Phúc Xá');
    await expect(communes).toContainText('23.456');
    await expect(communes).toContainText('Không ma túy');
    const hotspot = DISTRICT_DATA.hotspots[0];
    const site = DISTRICT_DATA.modelSites[0];
    await expect(preview.getByTestId('preview-hotspots')).toContainText(hotspot?.address ?? '-');
    await expect(preview.getByTestId('preview-model_sites')).toContainText(site?.name ?? '-');
    await expect(preview.getByTestId('preview-model_sites')).toContainText('CLB sau cai');
    await expect(preview.getByTestId('preview-manifest')).toContainText('T01-D001');
    await shot(page, '07-province-preview', preview);
    await preview.getByTestId('preview-model_sites').scrollIntoViewIfNeeded();
    await shot(page, '07b-province-preview-model-sites', preview);
    await preview.getByRole('button', { name: 'Đóng' }).click();
    await expect(preview).toBeHidden();
  });

  await test.step('province: a tampered copy and a stray file are refused', async () => {
    const tampered = tamperedCopy(packageFile, path.join(setup.dir, 'tampered.bcpkg'));
    const stray = path.join(setup.dir, 'bao-cao.bcpkg');
    fs.writeFileSync(stray, 'Báo cáo quý II, không phải gói dữ liệu.\n');
    const receive = page.getByTestId('receive-panel');
    await receive.getByLabel('Chọn tệp gói (.bcpkg)').setInputFiles([tampered, stray]);
    await receive.getByTestId('receive-passphrase').getByLabel('Mật khẩu khóa').fill(PASSPHRASE);
    await receive.getByRole('button', { name: 'Kiểm tra' }).click();
    const rows = receive.getByTestId('verify-result');
    await expect(rows).toHaveCount(2);
    const bad = rows.filter({ hasText: 'tampered.bcpkg' });
    await expect(bad.getByTestId('verify-code')).toHaveText(/^E_/u);
    await expect(bad.getByTestId('verify-message')).not.toBeEmpty();
    await expect(bad.getByTestId('verify-mark')).toHaveText('✗ Bị từ chối');
    await expect(bad.getByRole('button', { name: 'Xem' })).toHaveCount(0);
    const other = rows.filter({ hasText: 'bao-cao.bcpkg' });
    await expect(other.getByTestId('verify-code')).toHaveText('E_UNKNOWN_FORMAT');
    await expect(other.getByTestId('verify-message')).toHaveText(NOT_A_PACKAGE);
    await shot(page, '08-province-refused', receive);
  });
});

test('a training workspace carries a permanent banner and says so in the Exchange sheet', async ({ page }) => {
  const workspace = path.join(setup.dir, 'training.sqlite');
  await pcmt(['init', '--workspace', workspace, '--units', UNITS_JSON, '--office', '002', '--scheme', 'GSO_2004', '--training']);
  await openExchange(page, workspace);
  const banner = page.getByRole('status').filter({ hasText: 'DỮ LIỆU TẬP HUẤN — không dùng cho báo cáo chính thức' });
  await expect(banner).toBeVisible();
  await expect(banner.getByRole('button')).toHaveCount(0);
  await expect(page.getByTestId('keys-panel')).toContainText('Tập huấn');
  await shot(page, '09-training-banner');
});
