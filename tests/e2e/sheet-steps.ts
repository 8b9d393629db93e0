/**
 * Steps on the PCMT Desk screens shared by the end-to-end specs, written the way a
 * user works: labels and visible texts, AG Grid cells by their test ids.
 */
import { expect, type Locator, type Page } from '@playwright/test';
import { agTestIdFor } from 'ag-grid-community';

export function cell(page: Page, rowId: string, colId: string): Locator {
  return page.getByTestId(agTestIdFor.cell(rowId, colId));
}

/** Chooses a quarter in the top bar's period selector. */
export async function chooseQuarter(page: Page, year: number, roman: 'I' | 'II' | 'III' | 'IV'): Promise<void> {
  await page.getByLabel('Loại kỳ', { exact: true }).selectOption({ label: 'Quý' });
  await page.getByLabel('Năm', { exact: true }).selectOption(String(year));
  await page.getByLabel('Kỳ', { exact: true }).selectOption({ label: `Quý ${roman}` });
  await expect(page.getByTestId('period-label')).toHaveText(`Quý ${roman}/${year}`);
}

/** Types into a cell as a user does: select it, type (which starts the editor), Enter. */
/**
 * Brings a cell the grid has not drawn (columns are virtualised, so one far to the right
 * of what is on screen is not in the page) into view the way a user does: from a drawn
 * cell of the row, with the arrow keys.
 */
export async function revealCell(page: Page, rowId: string, colId: string): Promise<void> {
  const target = cell(page, rowId, colId);
  if ((await target.count()) > 0) return;
  await page.locator(`[data-testid^="ag-cell:row-id=${rowId};colId="]`).first().click();
  await page.keyboard.press('Home');
  for (let step = 0; step < 80 && (await target.count()) === 0; step++) await page.keyboard.press('ArrowRight');
}

export async function typeIntoCell(page: Page, rowId: string, colId: string, text: string): Promise<void> {
  await revealCell(page, rowId, colId);
  await cell(page, rowId, colId).click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

/** Picks a label from a closed-list cell's drop-down editor. */
export async function pickInCell(page: Page, rowId: string, colId: string, label: string): Promise<void> {
  await cell(page, rowId, colId).dblclick();
  // Double-click opens the drop-down editor; clicking its arrow shows the list.
  await cell(page, rowId, colId).locator('.ag-picker-field-wrapper').click();
  await page.getByRole('option', { name: label, exact: true }).click();
}

/** Waits until no edit is waiting for the services and the status line says saved. */
export async function waitUntilSaved(page: Page): Promise<void> {
  await expect(page.locator('.cell-pending')).toHaveCount(0);
  await expect(page.getByTestId('save-status')).toHaveText(/^Đã lưu lúc \d{2}:\d{2}:\d{2}$/u);
}

/**
 * Hovers a cell until its tooltip shows the text. AG Grid shows a tooltip after a delay
 * and only for a pointer that enters the cell, so under load a single hover can land
 * while the previous tooltip is still fading; the pointer leaves the grid and comes back.
 */
export async function expectTooltip(page: Page, target: Locator, text: string): Promise<void> {
  await expect(async () => {
    await page.mouse.move(0, 0);
    await target.hover();
    await expect(page.locator('.ag-tooltip:not(.ag-tooltip-hiding)')).toContainText(text, { timeout: 2_000 });
  }).toPass({ timeout: 15_000 });
}
