/**
 * "Every accepted edit is durable before the UI shows it as saved" (product.md §10):
 * the sheet says "Đã lưu" only after the services answered, an edit survives the host
 * being killed right after that, a refused save puts the old value back, and the API
 * refuses callers without the host's token.
 */
import { expect, test, type Page } from '@playwright/test';
import { dumpWorkspace, initWorkspace, startHost, tempWorkspace, type Host } from './host';
import { cell, chooseQuarter, typeIntoCell, waitUntilSaved } from './sheet-steps';

const PERIOD = '2025-Q3';
/** Xã Xuân Nộn, Huyện Đông Anh. */
const COMMUNE = '00457';

let workspace: string;
let host: Host;

test.beforeEach(async () => {
  workspace = tempWorkspace();
  await initWorkspace(workspace, '017', 'GSO_2004');
  host = await startHost(workspace);
});

test.afterEach(async () => {
  await host.stop('SIGTERM');
});

async function openSheet(page: Page): Promise<void> {
  await page.goto(host.url);
  await chooseQuarter(page, 2025, 'III');
  await expect(page.getByTestId('row-count')).toHaveText('24 xã/phường');
}

test('an edit shown as saved survives killing the host at once', async ({ page }) => {
  await openSheet(page);
  await typeIntoCell(page, COMMUNE, 'addicts_with_records', '7');
  await expect(cell(page, COMMUNE, 'addicts_with_records')).toHaveClass(/cell-saved/u);
  await waitUntilSaved(page);

  await host.stop('SIGKILL');

  const dump = await dumpWorkspace(workspace, PERIOD);
  expect(dump.statuses.find((s) => s.code === COMMUNE)).toMatchObject({ addicts_with_records: 7 });
});

test('an unanswered edit is shown pending, never saved', async ({ page }) => {
  await openSheet(page);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => {
    release = resolve;
  });
  await page.route('**/api/edits.apply', async (route) => {
    await held;
    await route.continue();
  });

  await typeIntoCell(page, COMMUNE, 'resident_population', '8.000');
  const target = cell(page, COMMUNE, 'resident_population');
  await expect(target).toHaveClass(/cell-pending/u);
  await expect(target).toHaveText('8.000');
  await expect(page.getByTestId('save-status')).toHaveText('Đang lưu 1 thay đổi…');
  expect((await dumpWorkspace(workspace, PERIOD)).statuses).toHaveLength(0);

  release();
  await expect(target).toHaveClass(/cell-saved/u);
  await waitUntilSaved(page);
  expect((await dumpWorkspace(workspace, PERIOD)).statuses.find((s) => s.code === COMMUNE)).toMatchObject({ resident_population: 8000 });
});

// Issue 14 item 3: a refused value is never lost — it stays in its cell, marked, with the sentence; nothing is stored.
test('a refused save keeps the typed value marked in its cell, says why, and stores nothing', async ({ page }) => {
  await openSheet(page);
  await typeIntoCell(page, COMMUNE, 'addicts_with_records', '5');
  await waitUntilSaved(page);

  const refusal = 'Kỳ báo cáo 2025-Q3 đã khóa nên không sửa được. Hãy mở khóa kỳ trước khi sửa.';
  await page.route('**/api/edits.apply', (route) =>
    route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: { code: 'PERIOD_LOCKED', message: refusal } }) }),
  );
  await typeIntoCell(page, COMMUNE, 'addicts_with_records', '9');
  await expect(page.getByRole('alert')).toContainText(refusal);
  await expect(cell(page, COMMUNE, 'addicts_with_records')).toHaveText('9');
  await expect(cell(page, COMMUNE, 'addicts_with_records')).toHaveClass(/cell-refused/u);
  await expect(cell(page, COMMUNE, 'addicts_with_records')).not.toHaveClass(/cell-pending|cell-saved/u);
  expect((await dumpWorkspace(workspace, PERIOD)).statuses.find((s) => s.code === COMMUNE)).toMatchObject({ addicts_with_records: 5 });
});

test('text that is not a number is refused in the cell, and nothing is sent', async ({ page }) => {
  await openSheet(page);
  let sent = 0;
  page.on('request', (request) => {
    if (request.url().endsWith('/api/edits.apply')) sent += 1;
  });
  await typeIntoCell(page, COMMUNE, 'addicts_with_records', 'abc');
  await expect(page.getByTestId('edit-problem')).toHaveText(
    'Người nghiện có hồ sơ: phải là số nguyên không âm. Sửa lại hoặc bấm Esc để hủy.',
  );
  await expect(cell(page, COMMUNE, 'addicts_with_records').locator('input')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('edit-problem')).toHaveCount(0);
  await expect(cell(page, COMMUNE, 'addicts_with_records')).toHaveText('');
  expect(sent).toBe(0);
});

test('the API refuses a wrong token with 401 and changes nothing', async ({ request }) => {
  const origin = new URL(host.url).origin;
  const body = { periodId: PERIOD, changes: [{ communeCode: COMMUNE, field: 'addicts_with_records', value: 99 }] };
  for (const token of ['wrong-token', '']) {
    const response = await request.post(`${origin}/api/communeStatus.update`, {
      headers: { 'Content-Type': 'application/json', 'X-PCMT-Token': token },
      data: body,
    });
    expect(response.status()).toBe(401);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
  }
  expect((await dumpWorkspace(workspace, PERIOD)).statuses).toHaveLength(0);
});
