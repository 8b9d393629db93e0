/**
 * Backups in the app (issue 10 item 2): the list shows each copy's time, size and
 * office, a damaged copy is marked and cannot be chosen, and restoring a copy (after a
 * confirmation) replaces the open workspace: the host reopens the file and the page
 * shows the restored data and the "restored from" notice.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { initWorkspace, startHost, tempWorkspace, UNITS_CSV_2025, type Host } from './host';

type Reply<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

let host: Host;
let workspace = '';

test.beforeEach(async () => {
  workspace = tempWorkspace('pcmt-e2e-backups-');
  await initWorkspace(workspace, '01', 'NSO_2025', UNITS_CSV_2025);
  // The browser host is the app: opening it takes the day's copy (in the background).
  host = await startHost(workspace);
});

test.afterEach(async () => {
  await host.stop('SIGTERM');
});

async function api<T>(method: string, input: unknown): Promise<T> {
  const url = new URL(host.url);
  const response = await fetch(new URL(`/api/${method}`, url.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-PCMT-Token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(input),
  });
  const reply = (await response.json()) as Reply<T>;
  if (!reply.ok) throw new Error(`${method}: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

test('lists the backups with time, size and office, and restores one after confirmation', async ({ page }) => {
  // The day's copy is written in the background after the first screen: wait for it, then
  // make a change that the restore must take away.
  await expect.poll(async () => (await api<{ reason: string | null }[]>('backups.list', {})).map((b) => b.reason)).toContain('open');
  await api('settings.setUserName', { userName: 'Nguyễn Thị Lan' });
  fs.writeFileSync(path.join(`${workspace}.backups`, 'workspace.sqlite.0000-broken.manual.bak'), '');

  await page.goto(host.url);
  await expect(page.locator('.user-name-input')).toHaveValue('Nguyễn Thị Lan');
  await page.getByTestId('backups-open').click();
  const dialog = page.getByTestId('backups-dialog');
  const table = dialog.getByTestId('backups-table');
  await expect(table.locator('tbody tr')).toHaveCount(2);
  const good = table.locator('tbody tr', { hasText: 'Khi mở ứng dụng' });
  await expect(good).toContainText('Thành phố Hà Nội');
  await expect(good).toContainText(/\d+ KB|MB/u);
  await expect(good).toContainText(String(new Date().getFullYear()));
  const broken = table.locator('tr[data-backup="workspace.sqlite.0000-broken.manual.bak"]');
  await expect(broken).toContainText('Không dùng được');
  await expect(broken.getByRole('button')).toHaveCount(0);

  await good.getByRole('button', { name: 'Khôi phục' }).click();
  const confirm = page.getByTestId('backup-restore-confirm');
  await expect(confirm).toContainText('Toàn bộ dữ liệu hiện tại sẽ được thay');
  await confirm.getByRole('button', { name: 'Khôi phục' }).click();

  // The page reloads on the reopened workspace: the name typed after the copy is gone.
  await expect(page.getByTestId('restored-banner')).toBeVisible();
  await expect(page.locator('.user-name-input')).toHaveValue('');
  expect((await api<{ userName: string | null }>('app.info', {})).userName).toBeNull();
  expect(fs.readdirSync(path.dirname(workspace)).some((f) => f.includes('.before-restore-'))).toBe(true);
});

test('a -wal of another workspace beside this one is moved aside and the app says so', async ({ page }) => {
  // Another workspace, open in its own host, with committed changes still in its -wal.
  const other = tempWorkspace('pcmt-e2e-other-');
  await initWorkspace(other, '01', 'NSO_2025', UNITS_CSV_2025);
  const otherHost = await startHost(other);
  const url = new URL(otherHost.url);
  await fetch(new URL('/api/settings.setUserName', url.origin), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-PCMT-Token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify({ userName: 'Người khác' }),
  });
  await host.stop('SIGTERM');
  fs.copyFileSync(`${other}-wal`, `${workspace}-wal`);
  await otherHost.stop('SIGKILL');
  host = await startHost(workspace);

  await page.goto(host.url);
  const notice = page.getByTestId('open-notice');
  await expect(notice).toHaveAttribute('data-code', 'WORKSPACE_WAL_ORPHANED');
  await expect(notice).toContainText('không thuộc về tệp này');
  // Nothing of the other workspace came in.
  await expect(page.locator('.user-name-input')).toHaveValue('');
  expect(fs.readdirSync(path.dirname(workspace)).some((f) => /\.wal-.+\.orphan$/u.test(f))).toBe(true);
});

