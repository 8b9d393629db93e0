/**
 * Issue 10 item 8 in the interface: a unit list that renames a commune holding the
 * office's data is held back, the setup screen lists the commune, and only "Confirm and
 * import" applies it. The unit import lives on the setup screen, so the workspace is
 * seeded with data and then left without an office, as after an office reset.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { updateCommuneStatuses } from '../../electron/services/commune-status-service';
import { openServices } from '../../electron/services/index';
import { setOffice } from '../../electron/services/office-service';
import { importUnitList } from '../../electron/services/units-service';
import { repoRoot, startHost, tempWorkspace, UNITS_CSV_2025, type Host } from './host';

const SCREENSHOT = path.join(repoRoot, 'test-results', 'unit-moves.png');

async function seed(workspace: string): Promise<void> {
  const services = openServices({ workspacePath: workspace, hostKind: 'cli' });
  try {
    await importUnitList(services.workspace, fs.readFileSync(UNITS_CSV_2025), 'dvhc-2025-07-01.csv');
    setOffice(services.workspace, 'NSO_2025', 'PROVINCE', '01');
    updateCommuneStatuses(services.workspace, '2025-Q3', [{ communeCode: '00070', field: 'addicts_with_records', value: 3 }]);
    services.workspace.db.prepare('DELETE FROM office').run();
  } finally {
    services.close();
  }
}

test('a renamed commune with data is listed and applied only after confirmation', async ({ page }, testInfo) => {
  const workspace = tempWorkspace();
  await seed(workspace);
  const renamed = path.join(path.dirname(workspace), 'renamed.csv');
  fs.writeFileSync(renamed, fs.readFileSync(UNITS_CSV_2025, 'utf8').replace('00070,Phường Hoàn Kiếm', '00070,Phường Gươm'));
  const host: Host = await startHost(workspace);
  try {
    await page.goto(host.url);
    await page.getByLabel('Tệp danh mục đơn vị hành chính', { exact: true }).setInputFiles(renamed);
    const notice = page.getByTestId('unit-moves');
    await expect(notice).toContainText('00070 Phường Hoàn Kiếm → Phường Gươm (đổi tên; 1 bản ghi)', { timeout: 30_000 });
    await expect(page.getByTestId('import-result')).toHaveCount(0);
    await notice.screenshot({ path: SCREENSHOT });
    await testInfo.attach('unit-moves', { path: SCREENSHOT, contentType: 'image/png' });
    await notice.getByRole('button', { name: 'Xác nhận và nhập danh mục' }).click();
    await expect(page.getByTestId('import-result')).toContainText('thay đổi 1', { timeout: 30_000 });
    await expect(notice).toHaveCount(0);
  } finally {
    await host.stop('SIGTERM');
  }
});
