/**
 * Periods: a locked period refuses edits with a clear message (Model sites and
 * Hotspots), unlocking asks a reason that then shows in the History sheet; "Lấy số liệu
 * kỳ trước" copies commune statuses from the previous quarter into the communes that
 * have none yet, and a commune's own history (right-click) shows both.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import { repoRoot, startHost, tempWorkspace, type Host } from './host';
import { cell, chooseQuarter } from './sheet-steps';

const SCREENSHOT = path.join(repoRoot, 'test-results', 'locked-period.png');
const UNITS_JSON = path.resolve(repoRoot, '../shared/data/dvhcvn-2025-03-01.json');

test.use({ viewport: { width: 1440, height: 860 } });

async function initDongAnh(workspace: string): Promise<void> {
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'electron/cli/pcmt.mjs'), 'init', '--workspace', workspace, '--units', UNITS_JSON, '--office', '017'], { cwd: repoRoot });
}

type Envelope<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Calls the host's API as the page does, to prepare data and look at what was stored. */
async function api<T>(host: Host, method: string, input: unknown): Promise<Envelope<T>> {
  const url = new URL(host.url);
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-PCMT-Token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(input),
  });
  return (await response.json()) as Envelope<T>;
}

async function data<T>(host: Host, method: string, input: unknown): Promise<T> {
  const result = await api<T>(host, method, input);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.data;
}

async function withHost(run: (host: Host) => Promise<void>): Promise<void> {
  const workspace = tempWorkspace('pcmt-app-');
  await initDongAnh(workspace);
  const host = await startHost(workspace);
  try {
    await run(host);
  } finally {
    await host.stop('SIGTERM');
  }
}

test('a locked period refuses edits; unlocking asks a reason, which shows in the history', async ({ page }, testInfo) => {
  await withHost(async (host) => {
    await data(host, 'settings.setUserName', { userName: 'Trần Văn Minh' });
    await data(host, 'edits.apply', { periodId: '2025-Q3', cause: 'typing', mode: 'all', edits: [{ sheet: 'modelSites', op: 'create', values: { name: 'Tổ an ninh thôn Cổ Loa', host_unit_code: '017' } }] });
    await data(host, 'edits.apply', { periodId: '2025-Q3', cause: 'typing', mode: 'all', edits: [{ sheet: 'hotspots', op: 'create', values: { commune_code: '00454', village: 'Xóm Chùa' } }] });
    await page.goto(host.url);
    await chooseQuarter(page, 2025, 'III');
    await page.getByTestId('tab-model-sites').click();
    await expect(page.getByTestId('model-sites-count')).toHaveText('1 mô hình');

    await page.getByRole('button', { name: 'Khóa kỳ' }).click();
    await expect(page.getByTestId('period-locked')).toHaveText('Kỳ đã khóa');
    await expect(page.getByTestId('notice')).toHaveText(/Đã khóa kỳ Quý III\/2025/u);

    await page.getByRole('gridcell', { name: 'Tổ an ninh thôn Cổ Loa' }).click();
    await page.keyboard.type('Sửa');
    await expect(page.getByRole('alert')).toHaveText(/Kỳ Quý III\/2025 đã khóa nên không sửa được số liệu/u);
    await expect(page.getByRole('gridcell', { name: 'Tổ an ninh thôn Cổ Loa' })).toBeVisible();
    await page.locator('.main-screen').screenshot({ path: SCREENSHOT });
    await testInfo.attach('locked-period', { path: SCREENSHOT, contentType: 'image/png' });

    // The Hotspots sheet says the same, for typing and for Delete.
    await page.getByTestId('tab-hotspots').click();
    const hotspots = page.locator('#sheet-panel-hotspots');
    await hotspots.getByRole('gridcell', { name: 'Xóm Chùa' }).click();
    await page.keyboard.type('Xóm Đình');
    await expect(hotspots.getByRole('alert')).toHaveText(/Kỳ Quý III\/2025 đã khóa nên không sửa được số liệu/u);
    await hotspots.getByRole('alert').getByRole('button').click();
    await expect(hotspots.getByRole('alert')).toHaveCount(0);
    await hotspots.getByRole('gridcell', { name: 'Xóm Chùa' }).click();
    await page.keyboard.press('Delete');
    await expect(hotspots.getByRole('alert')).toHaveText(/Kỳ Quý III\/2025 đã khóa/u);
    await expect(hotspots.getByRole('gridcell', { name: 'Xóm Chùa' })).toBeVisible();
    await page.getByTestId('tab-model-sites').click();

    // The services refuse the period's commune statuses too, whatever the window does.
    const commune = (await data<{ code: string }[]>(host, 'communes.list', { periodId: '2025-Q3' }))[0];
    const refused = await api(host, 'edits.apply', {
      periodId: '2025-Q3',
      cause: 'typing',
      mode: 'all',
      edits: [{ sheet: 'communeStatuses', op: 'set', id: commune?.code ?? '', field: 'addicts_with_records', value: 3 }],
    });
    expect(refused.ok ? 'stored' : refused.error.code).toBe('PERIOD_LOCKED');

    await page.getByRole('button', { name: 'Mở khóa' }).click();
    const dialog = page.getByTestId('unlock-dialog');
    await expect(dialog.getByRole('heading')).toHaveText('Mở khóa kỳ Quý III/2025');
    await dialog.getByRole('button', { name: 'Mở khóa' }).click();
    await expect(dialog.getByRole('alert')).toHaveText('Hãy ghi lý do, ít nhất 5 ký tự.');
    await dialog.getByLabel('Lý do mở khóa').fill('Bổ sung số liệu mô hình theo báo cáo của xã');
    await dialog.getByRole('button', { name: 'Mở khóa' }).click();
    await expect(dialog).toHaveCount(0);
    await expect(page.getByTestId('period-locked')).toHaveCount(0);
    await expect(page.getByRole('button', { name: 'Khóa kỳ' })).toBeVisible();

    await page.getByTestId('tab-history').click();
    const reason = page.getByRole('gridcell', { name: 'Bổ sung số liệu mô hình theo báo cáo của xã' });
    await expect(reason).toBeVisible();
    await expect(page.getByRole('gridcell', { name: 'Mở khóa', exact: true })).toBeVisible();
    await expect(page.getByRole('gridcell', { name: 'Khóa kỳ', exact: true })).toBeVisible();
    await page.getByLabel('Thao tác', { exact: true }).selectOption({ label: 'Mở khóa' });
    await expect(page.getByTestId('history-range')).toHaveText('1–1 / 1 thay đổi');
    await expect(page.getByRole('gridcell', { name: 'Trần Văn Minh' })).toHaveCount(1);
  });
});

test('starting a quarter from the previous one copies only the communes without data', async ({ page }) => {
  await withHost(async (host) => {
    const communes = await data<{ code: string; name: string }[]>(host, 'communes.list', { periodId: '2025-Q2' });
    const [first, second] = communes;
    if (first === undefined || second === undefined) throw new Error('Đông Anh has communes');
    const set = (periodId: string, code: string, value: number) =>
      data(host, 'edits.apply', { periodId, cause: 'typing', mode: 'all', edits: [{ sheet: 'communeStatuses', op: 'set', id: code, field: 'addicts_with_records', value }] });
    await set('2025-Q2', first.code, 3);
    await set('2025-Q2', second.code, 7);
    await set('2025-Q3', second.code, 9);

    await page.goto(host.url);
    await chooseQuarter(page, 2025, 'III');
    await page.getByRole('button', { name: 'Lấy số liệu kỳ trước' }).click();
    const dialog = page.getByTestId('copy-forward-dialog');
    await expect(dialog).toContainText('từ kỳ Quý II/2025 sang kỳ Quý III/2025');
    await dialog.getByRole('button', { name: 'Chép số liệu' }).click();
    await expect(page.getByTestId('notice')).toHaveText('Đã chép 1 xã, bỏ qua 1 xã đã có số liệu.');
    await expect(cell(page, first.code, 'addicts_with_records')).toHaveText('3');
    await expect(cell(page, second.code, 'addicts_with_records')).toHaveText('9');

    // Right-click → "Xem lịch sử": the commune's history, typed in Quý II and copied into Quý III.
    await cell(page, first.code, 'addicts_with_records').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Xem lịch sử' }).click();
    const history = page.getByTestId('record-history');
    await expect(history.getByRole('heading', { name: `Lịch sử: ${first.name}` })).toBeVisible();
    await expect(history.getByRole('gridcell', { name: 'Người nghiện có hồ sơ', exact: true })).toHaveCount(2);
    await expect(history.getByRole('gridcell', { name: 'Chép kỳ trước', exact: true })).toBeVisible();
    await history.getByRole('button', { name: 'Đóng' }).click();
    await expect(history).toHaveCount(0);

    const q3 = await data<{ code: string; status: Record<string, unknown> }[]>(host, 'communes.list', { periodId: '2025-Q3' });
    expect(q3.find((c) => c.code === first.code)?.status['addicts_with_records']).toBe(3);
    expect(q3.find((c) => c.code === second.code)?.status['addicts_with_records']).toBe(9);

    // The official yearly windows and a custom range, checked as typed.
    await page.getByLabel('Loại kỳ', { exact: true }).selectOption({ label: 'Năm đánh giá (15/12–14/12)' });
    await expect(page.getByTestId('period-label')).toHaveText('Năm đánh giá 2025 (15/12/2024–14/12/2025)');
    await page.getByLabel('Loại kỳ', { exact: true }).selectOption({ label: 'Khoảng tùy chọn' });
    await page.getByLabel('Từ ngày', { exact: true }).fill('31/08/2025');
    await page.getByLabel('Đến ngày', { exact: true }).fill('1/3/2025');
    await page.getByRole('button', { name: 'Áp dụng' }).click();
    await expect(page.getByRole('alert')).toHaveText('Ngày bắt đầu (31/08/2025) phải trước hoặc trùng ngày kết thúc (01/03/2025).');
    await page.getByLabel('Từ ngày', { exact: true }).fill('01/03/2025');
    await page.getByLabel('Đến ngày', { exact: true }).fill('31/08/2025');
    await page.getByLabel('Đến ngày', { exact: true }).press('Enter');
    await expect(page.getByTestId('period-label')).toHaveText('01/03/2025–31/08/2025');
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});
