/**
 * Consolidation at the province end to end (issue 6, exchange-format.md §6): four
 * districts are enrolled; Ba Đình (001), Hoàn Kiếm (002) and Long Biên (004) send
 * 2025-Q2, Ba Đình then corrects one figure and sends again, Tây Hồ (003) sends nothing
 * (set up with the CLI).
 * In the province's UI the packages are received in the order the e-mails arrive and
 * confirmed; the correction's preview shows the changed figure before → after; the
 * consolidated view holds the three districts with the corrected figure and its source; the
 * province indicators and the "not reported" list follow; the import log lists every
 * step and verifies. Then the province signs a receipt and Ba Đình imports it.
 * Every step keeps a screenshot in test-results/consolidation/.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { agTestIdFor } from 'ag-grid-community';
import { repoRoot, startHost, type Host } from './host';
import { CORRECTED_ADDICTS, DATA_001, DATA_002, DATA_004, PASSPHRASE, createConsolidation, type ConsolidationSetup } from './helpers/consolidation-setup';
import { chooseQuarter } from './sheet-steps';

const SHOTS = path.join(repoRoot, 'test-results', 'consolidation');

let setup: ConsolidationSetup;
let host: Host | null = null;
const timings: string[] = [];

test.use({ viewport: { width: 1440, height: 960 } });

test.beforeAll(async () => {
  fs.mkdirSync(SHOTS, { recursive: true });
  const started = Date.now();
  setup = await createConsolidation();
  timings.push(`CLI set-up (4 workspaces, keys, trust list, 3 packages): ${Date.now() - started} ms`);
});

test.afterEach(async () => {
  await host?.stop('SIGTERM');
  host = null;
});

test.afterAll(() => {
  fs.writeFileSync(path.join(SHOTS, 'timings.txt'), `${timings.join('\n')}\n`);
});

async function openExchange(page: Page, workspace: string): Promise<void> {
  host = await startHost(workspace);
  await page.goto(host.url);
  await chooseQuarter(page, 2025, 'II');
  await page.getByTestId('tab-exchange').click();
  await expect(page.getByTestId('keys-panel')).toBeVisible();
}

async function shot(page: Page, name: string, target?: Locator): Promise<void> {
  const file = path.join(SHOTS, `${name}.png`);
  if (target === undefined) await page.screenshot({ path: file, fullPage: true });
  else await target.screenshot({ path: file });
}

async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const target = path.join(setup.dir, file.suggestedFilename());
  await file.saveAs(target);
  return target;
}

/** Chooses the files, gives the key passphrase (the packages are encrypted to the province) and receives them. */
async function receive(page: Page, files: string[]): Promise<Locator> {
  const panel = page.getByTestId('receive-panel');
  await panel.getByLabel('Chọn tệp gói (.bcpkg)').setInputFiles(files);
  const form = panel.getByTestId('receive-passphrase');
  await form.getByLabel('Mật khẩu khóa').fill(PASSPHRASE);
  await form.getByRole('button', { name: 'Nhận', exact: true }).click();
  await expect(panel.getByTestId('receive-result')).toHaveCount(files.length);
  return panel;
}

function resultFor(panel: Locator, file: string): Locator {
  return panel.getByTestId('receive-result').filter({ has: panel.page().getByTestId('receive-file').getByText(path.basename(file), { exact: true }) });
}

async function confirm(result: Locator): Promise<void> {
  await result.getByRole('button', { name: 'Nhập vào dữ liệu tổng hợp' }).click();
  await expect(result.getByTestId('receive-outcome')).toContainText('Đã nhập vào dữ liệu tổng hợp');
}

test('the province receives, previews the correction, consolidates, logs; the district gets its receipt', async ({ page }) => {
  test.setTimeout(240_000);
  const { first001, first002, first004, correction001 } = setup.packages;
  let receiptFile = '';

  await test.step('province: Ba Đình’s, Hoàn Kiếm’s and Long Biên’s first packages, staged then confirmed', async () => {
    const started = Date.now();
    await openExchange(page, setup.province);
    const panel = await receive(page, [first001, first002, first004]);
    for (const file of [first001, first002, first004]) {
      const result = resultFor(panel, file);
      await expect(result.getByTestId('receive-code')).toHaveText('OK_STAGED');
      await expect(result.getByTestId('receive-mark')).toHaveText('Chờ quyết định');
      await expect(result.getByTestId('diff-previous')).toHaveText('Lần gửi đầu tiên của đơn vị cho kỳ này.');
    }
    const ba = resultFor(panel, first001);
    await expect(ba.getByTestId('diff-commune_status').getByTestId('diff-counts')).toHaveText(`0 → ${DATA_001.statuses.length} bản ghi`);
    await expect(ba.getByTestId('diff-commune_status')).toContainText('Phường Phúc Xá');
    await expect(ba.getByTestId('diff-commune_status')).toContainText('Thêm mới');
    await shot(page, '01-province-staged-ba-dinh', ba);
    await shot(page, '01b-province-staged-hoan-kiem', resultFor(panel, first002));
    await confirm(ba);
    await confirm(resultFor(panel, first002));
    await confirm(resultFor(panel, first004));
    await expect(page.getByTestId('received-package')).toHaveCount(3);
    await shot(page, '02-province-confirmed', panel.getByTestId('receive-results'));
    timings.push(`receive + confirm three packages in the UI: ${Date.now() - started} ms`);
  });

  await test.step('province: Ba Đình’s correction shows the changed figure before → after', async () => {
    const started = Date.now();
    const panel = await receive(page, [correction001]);
    const result = resultFor(panel, correction001);
    await expect(result.getByTestId('receive-sequence')).toHaveText('2');
    await expect(result.getByTestId('diff-previous')).toHaveText('Gói này thay thế gói số 1 đang dùng.');
    const communes = result.getByTestId('diff-commune_status');
    // Every commune of Ba Đình is in both packages (rule V16); one of them changed.
    await expect(communes.getByTestId('diff-counts')).toHaveText(`${DATA_001.statuses.length} → ${DATA_001.statuses.length} bản ghi`);
    const change = communes.getByTestId('diff-change');
    await expect(change).toHaveCount(1);
    await expect(change).toHaveAttribute('data-record', '00001');
    await expect(change).toContainText('Phường Phúc Xá');
    await expect(change).toContainText('Sửa');
    await expect(change).toContainText('Người nghiện có hồ sơ');
    await expect(change.locator('td.before')).toHaveText(String(DATA_001.statuses[0]?.addicts_with_records));
    await expect(change.locator('td.after')).toHaveText(String(CORRECTED_ADDICTS));
    await expect(result.getByTestId('diff-hotspots')).toContainText('Không có thay đổi.');
    const totals = result.getByTestId('diff-totals');
    await expect(totals).toContainText('Người nghiện có hồ sơ');
    await expect(totals).toContainText('+4');
    await expect(result.getByTestId('diff-warnings')).toHaveCount(0);
    await shot(page, '03-province-correction-preview', result);
    await confirm(result);
    const received = page.getByTestId('received-package');
    await expect(received).toHaveCount(4);
    await expect(received.filter({ hasText: 'ba-dinh-q2-lan-1.bcpkg' }).getByTestId('received-status')).toHaveText('Đã được thay thế');
    await expect(received.filter({ hasText: 'ba-dinh-q2-lan-2.bcpkg' }).getByTestId('received-status')).toHaveText('Đang dùng');
    await expect(received.filter({ hasText: 'hoan-kiem-q2.bcpkg' }).getByTestId('received-status')).toHaveText('Đang dùng');
    await expect(received.filter({ hasText: 'long-bien-q2.bcpkg' }).getByTestId('received-status')).toHaveText('Đang dùng');
    await shot(page, '04-province-received-list', page.getByTestId('received-packages'));
    timings.push(`receive + preview + confirm the correction: ${Date.now() - started} ms`);
  });

  await test.step('province: the first Ba Đình file arrives again and changes nothing', async () => {
    const panel = await receive(page, [first001]);
    const again = resultFor(panel, first001);
    await expect(again.getByTestId('receive-code')).toHaveText('I_ALREADY_IMPORTED');
    await expect(again).toContainText('Đã nhập trước đây — không thay đổi gì.');
    await expect(again.getByRole('button', { name: 'Nhập vào dữ liệu tổng hợp' })).toHaveCount(0);
    await expect(page.getByTestId('received-package')).toHaveCount(4);
    await shot(page, '04b-province-duplicate', again);
  });

  await test.step('province: the import log lists every step and its chain is intact', async () => {
    const log = page.getByTestId('import-log-panel');
    await expect(log.locator('[data-testid="log-entry"][data-decision="duplicate"]')).toContainText('ba-dinh-q2-lan-1.bcpkg');
    const accepted = log.locator('[data-testid="log-entry"][data-decision="accepted"]');
    await expect(accepted).toHaveCount(4);
    for (const file of [first001, first002, first004, correction001]) await expect(accepted.filter({ hasText: path.basename(file) })).toHaveCount(1);
    await expect(accepted.filter({ hasText: 'ba-dinh-q2-lan-2.bcpkg' })).toContainText('T01-D001');
    await log.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
    const rows = await log.getByTestId('log-entry').count();
    await expect(log.getByTestId('log-check')).toHaveText(`Sổ nguyên vẹn: ${rows} dòng`);
    await expect(log.getByRole('alert')).toHaveCount(0);
    await shot(page, '05-province-import-log', log);
  });

  await test.step('province: the consolidated view, the indicators and who has not reported', async () => {
    const started = Date.now();
    await page.getByTestId('tab-consolidated').click();
    await expect(page.getByRole('tab', { name: 'Tổng hợp' })).toHaveAttribute('aria-selected', 'true');
    const sheet = page.getByTestId('consolidated-sheet');
    const communes = sheet.getByTestId('consolidated-communes');
    const cellOf = (grid: Locator, rowId: string, colId: string) => grid.getByTestId(agTestIdFor.cell(rowId, colId));
    // Every commune of the three districts that sent (rule V16: a district sends all of its communes).
    await expect(communes.locator('.muted').first()).toHaveText(`— ${DATA_001.statuses.length + DATA_002.statuses.length + DATA_004.statuses.length} dòng`);
    // Phúc Xá comes from Ba Đình's correction (package 2) with the corrected figure.
    await expect(cellOf(communes, 'T01-D001:00001', 'source')).toContainText('Quận Ba Đình (T01-D001)');
    await expect(cellOf(communes, 'T01-D001:00001', 'sequence')).toHaveText('2');
    await expect(cellOf(communes, 'T01-D001:00001', 'unitName')).toHaveText('Phường Phúc Xá');
    await expect(cellOf(communes, 'T01-D001:00001', 'addicts_with_records')).toHaveText(String(CORRECTED_ADDICTS));
    await expect(cellOf(communes, 'T01-D002:00037', 'source')).toContainText('Quận Hoàn Kiếm (T01-D002)');
    await expect(cellOf(communes, 'T01-D002:00037', 'sequence')).toHaveText('1');
    await expect(cellOf(communes, 'T01-D002:00037', 'addicts_with_records')).toHaveText('6');
    await expect(sheet.getByTestId('consolidated-hotspots').locator('.ag-cell[col-id="sequence"]')).toHaveCount(2);
    await expect(sheet.getByTestId('consolidated-model-sites').locator('.ag-cell[col-id="sequence"]')).toHaveCount(1);
    // Addicts with records over both districts: Ba Đình 7 + 0 (corrected), Hoàn Kiếm 6 + 0.
    const indicators = sheet.getByTestId('consolidated-indicators');
    await expect(cellOf(indicators, 'ADDICTS_GROWTH', 'numerator')).toContainText(/^15\s/u);
    const missing = sheet.getByTestId('not-reported-office');
    await expect(missing).toHaveCount(1);
    await expect(missing).toContainText('Quận Tây Hồ');
    await expect(missing).toContainText('Chưa gửi lần nào');
    await shot(page, '06-province-consolidated');
    await shot(page, '06b-province-indicators', sheet.getByTestId('consolidated-indicators'));
    await shot(page, '06c-province-consolidated-hotspots', sheet.getByTestId('consolidated-hotspots'));
    timings.push(`open the consolidated view: ${Date.now() - started} ms`);
  });

  await test.step('province: a signed receipt for Ba Đình’s correction', async () => {
    await page.getByTestId('tab-exchange').click();
    const row = page.getByTestId('received-package').filter({ hasText: 'ba-dinh-q2-lan-2.bcpkg' });
    await row.getByRole('button', { name: 'Tạo biên nhận cho ba-dinh-q2-lan-2.bcpkg' }).click();
    await row.getByLabel('Mật khẩu khóa').fill(PASSPHRASE);
    receiptFile = await download(page, () => row.getByRole('button', { name: 'Tạo biên nhận', exact: true }).click());
    expect(path.extname(receiptFile)).toBe('.bcrcpt');
    await expect(page.getByTestId('receipt-saved')).toContainText(path.basename(receiptFile));
    await shot(page, '07-province-receipt', page.getByTestId('received-packages'));
    await host?.stop('SIGTERM');
  });

  await test.step('district Ba Đình: the receipt shows “Tỉnh đã nhận” in its send log', async () => {
    await openExchange(page, setup.districts.d001.workspace);
    const send = page.getByTestId('send-panel');
    const rows = send.getByTestId('export-row');
    await expect(rows).toHaveCount(2);
    await expect(rows.getByTestId('export-receipt').first()).toHaveText('Chưa có biên nhận');
    await send.getByLabel('Nhập biên nhận (.bcrcpt)').setInputFiles(receiptFile);
    const form = send.getByTestId('receipt-import');
    // The receipt travels encrypted to the district (§6.6), so its key passphrase is asked.
    await form.getByLabel('Mật khẩu khóa').fill(PASSPHRASE);
    await form.getByRole('button', { name: 'Ghi biên nhận' }).click();
    await expect(send.getByTestId('receipt-imported')).toHaveText('Đã ghi biên nhận cho gói số 2, kỳ 2025-Q2.');
    // The district's log names the files as it made them (T01-D001_2025-Q2_00000N.bcpkg).
    const corrected = rows.filter({ hasText: 'T01-D001_2025-Q2_000002.bcpkg' });
    await expect(corrected.getByTestId('export-receipt')).toHaveText(/^Tỉnh đã nhận \d{2}\/\d{2}\/\d{4}$/u);
    await expect(rows.filter({ hasText: 'T01-D001_2025-Q2_000001.bcpkg' }).getByTestId('export-receipt')).toHaveText('Chưa có biên nhận');
    await shot(page, '08-district-receipt', send.getByTestId('export-log'));
    await host?.stop('SIGTERM');
  });

  await test.step('province: one row of the import log edited in the database is caught in the app', async () => {
    // Someone with the file goes around the append-only triggers and rewrites a decision.
    const db = new Database(setup.province);
    try {
      db.exec("DROP TRIGGER import_log_no_update; UPDATE import_log SET detail = 'sửa lén' WHERE decision = 'accepted' AND id = (SELECT min(id) FROM import_log WHERE decision = 'accepted')");
    } finally {
      db.close();
    }
    await openExchange(page, setup.province);
    const log = page.getByTestId('import-log-panel');
    await log.getByRole('button', { name: 'Kiểm tra tính toàn vẹn' }).click();
    await expect(log.getByRole('alert')).toContainText(/Sổ đã bị sửa: chuỗi băm đứt tại dòng \d+/u);
    await shot(page, '09-province-log-tampered', log);
  });
});
