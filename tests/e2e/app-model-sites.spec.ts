/**
 * The Model sites sheet: a statistician of Huyện Đông Anh types two models into the
 * blank row, fills in some of their fields the way they write them (labels, dd/mm/yyyy,
 * "a; b"), and finds them stored with her name in the history.
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test, type Page } from '@playwright/test';
import { agTestIdFor } from 'ag-grid-community';
import { repoRoot, startHost, tempWorkspace, type Host } from './host';
import { chooseQuarter, pickInCell, typeIntoCell } from './sheet-steps';

const SCREENSHOT = path.join(repoRoot, 'test-results', 'model-sites.png');
const UNITS_JSON = path.resolve(repoRoot, '../shared/data/dvhcvn-2025-03-01.json');

test.use({ viewport: { width: 1440, height: 860 } });

async function initDongAnh(workspace: string): Promise<void> {
  await promisify(execFile)(process.execPath, [path.join(repoRoot, 'electron/cli/pcmt.mjs'), 'init', '--workspace', workspace, '--units', UNITS_JSON, '--office', '017'], { cwd: repoRoot });
}

/** Calls the host's API as the page does, to look at what was stored. */
async function api<T>(host: Host, method: string, input: unknown): Promise<T> {
  const url = new URL(host.url);
  const response = await fetch(`${url.origin}/api/${method}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-PCMT-Token': url.searchParams.get('token') ?? '' },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as { ok: true; data: T } | { ok: false; error: { message: string } };
  if (!body.ok) throw new Error(body.error.message);
  return body.data;
}

type Site = { id: string; values: Record<string, unknown>; hostUnitName: string };

async function addSite(page: Page, name: string, expectedCount: string): Promise<void> {
  await page.getByTestId('add-model-site').click();
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('model-sites-count')).toHaveText(expectedCount);
  await expect(page.getByRole('gridcell', { name, exact: true })).toBeVisible();
}

/** Moves along the row with Tab, as a user does, until the grid has scrolled the column into view. */
async function goToCell(page: Page, rowId: string, colId: string): Promise<void> {
  const target = page.getByTestId(agTestIdFor.cell(rowId, colId));
  await page.getByTestId(agTestIdFor.cell(rowId, 'name')).click();
  for (let i = 0; i < 30 && !(await target.isVisible()); i += 1) await page.keyboard.press('Tab');
}

test('two model sites typed into the blank row are stored, with their history', async ({ page }, testInfo) => {
  const workspace = tempWorkspace('pcmt-app-');
  await initDongAnh(workspace);
  const host = await startHost(workspace);
  try {
    await page.goto(host.url);
    await chooseQuarter(page, 2025, 'III');
    await page.getByLabel('Người nhập', { exact: true }).fill('Nguyễn Thị Lan');
    await page.getByLabel('Người nhập', { exact: true }).press('Enter');
    await expect(page.getByTestId('notice')).toHaveText(/Đã lưu tên người nhập/u);

    await page.getByTestId('tab-model-sites').click();
    await expect(page.getByRole('tab', { name: 'Mô hình' })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('model-sites-count')).toHaveText('0 mô hình');

    await addSite(page, 'CLB sau cai xã Xuân Nộn', '1 mô hình');
    await addSite(page, 'Tổ tự quản thôn Đản Mỗ', '2 mô hình');

    const sites = await api<Site[]>(host, 'modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false });
    expect(sites.map((s) => s.values['name']).sort()).toEqual(['CLB sau cai xã Xuân Nộn', 'Tổ tự quản thôn Đản Mỗ']);
    const club = sites.find((s) => s.values['name'] === 'CLB sau cai xã Xuân Nộn');
    if (club === undefined) throw new Error('club not stored');
    // The blank row starts with the office as host unit, so typing the name is enough.
    expect(club.values['host_unit_code']).toBe('017');

    const cellOf = (colId: string) => page.getByTestId(agTestIdFor.cell(club.id, colId));
    await pickInCell(page, club.id, 'model_type', 'CLB sau cai');
    await pickInCell(page, club.id, 'is_pilot_model', 'Có');
    await goToCell(page, club.id, 'establishment_date');
    await typeIntoCell(page, club.id, 'establishment_date', '15/3/2024');
    await expect(cellOf('establishment_date')).toHaveText('15/03/2024');
    await goToCell(page, club.id, 'members');
    await typeIntoCell(page, club.id, 'members', '25');
    await goToCell(page, club.id, 'funding_sources');
    await typeIntoCell(page, club.id, 'funding_sources', 'ngan sach dia phuong; Xã hội hóa');
    await expect(cellOf('funding_sources')).toHaveText('Ngân sách địa phương; Xã hội hóa');
    await expect(page.locator('#sheet-panel-modelSites').getByTestId('save-status')).toHaveText(/^Đã lưu lúc/u);

    // The quick filter ignores marks.
    await page.getByLabel('Tìm mô hình', { exact: true }).fill('dan mo');
    await expect(page.getByTestId('model-sites-count')).toHaveText('1 / 2 mô hình');
    await page.getByLabel('Tìm mô hình', { exact: true }).fill('');
    await expect(page.getByTestId('model-sites-count')).toHaveText('2 mô hình');
    // Rows fading back in are drawn twice for a moment.
    await expect(cellOf('funding_sources')).toHaveCount(1);

    // Back to the first columns, as a user would look at the sheet.
    await cellOf('funding_sources').click();
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect(cellOf('model_type')).toBeInViewport();
    await expect(cellOf('model_type')).toHaveText('CLB sau cai');
    await expect(cellOf('is_pilot_model')).toHaveText('Có');
    await expect(cellOf('host_unit_code')).toHaveText('Huyện Đông Anh');
    await page.locator('.main-screen').screenshot({ path: SCREENSHOT });
    await testInfo.attach('model-sites', { path: SCREENSHOT, contentType: 'image/png' });

    // Column widths are remembered per sheet.
    const handle = page.locator('#sheet-panel-modelSites').getByTestId(agTestIdFor.headerResizeHandle('name'));
    const box = await handle.boundingBox();
    if (box === null) throw new Error('no resize handle');
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + 80, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect
      .poll(async () => (await api<{ columns: { colId: string; width: number | null }[] | null }>(host, 'sheets.getLayout', { sheet: 'modelSites' })).columns?.find((c) => c.colId === 'name')?.width ?? 0)
      .toBeGreaterThan(280);
    await page.reload();
    await page.getByTestId('tab-model-sites').click();
    const header = page.locator('#sheet-panel-modelSites').getByTestId(agTestIdFor.headerCell('name'));
    await expect.poll(async () => (await header.boundingBox())?.width ?? 0).toBeGreaterThan(280);

    const stored = (await api<Site[]>(host, 'modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: false })).find((s) => s.id === club.id);
    expect(stored?.values).toMatchObject({ model_type: 'CLB_SAU_CAI', members: 25, establishment_date: '2024-03-15', funding_sources: ['NGAN_SACH_DIA_PHUONG', 'XA_HOI_HOA'], is_pilot_model: true });

    // Right-click → "Xem lịch sử": the record's own history, with the user's name.
    await cellOf('model_type').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Xem lịch sử' }).click();
    const dialog = page.getByTestId('record-history');
    await expect(dialog.getByRole('heading', { name: 'Lịch sử: CLB sau cai xã Xuân Nộn' })).toBeVisible();
    await expect(dialog.getByRole('gridcell', { name: 'Số thành viên', exact: true })).toBeVisible();
    await expect(dialog.getByRole('gridcell', { name: 'Nguyễn Thị Lan' }).first()).toBeVisible();
    await dialog.getByRole('button', { name: 'Đóng' }).click();
    await expect(dialog).toHaveCount(0);

    // Removing asks first, then keeps the row (restorable) and records it.
    const other = sites.find((s) => s.id !== club.id);
    if (other === undefined) throw new Error('second model not stored');
    await page.getByTestId(agTestIdFor.selectionColumnCheckbox(other.id)).click();
    await page.getByTestId('remove-model-sites').click();
    await expect(page.getByRole('dialog')).toContainText('Xóa 1 mô hình đã chọn (Tổ tự quản thôn Đản Mỗ)?');
    await page.getByRole('dialog').getByRole('button', { name: 'Xóa dòng đã chọn' }).click();
    await expect(page.getByTestId('model-sites-count')).toHaveText('1 mô hình');
    const all = await api<(Site & { isRemoved: boolean })[]>(host, 'modelSites.list', { periodId: '2025-Q3', isRemovedIncluded: true });
    expect(all.find((s) => s.id === other.id)?.isRemoved).toBe(true);
  } finally {
    await host.stop('SIGTERM');
  }
});
