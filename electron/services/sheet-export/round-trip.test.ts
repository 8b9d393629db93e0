/**
 * Issue 11's round trips, through the importer's own analysis: an exported sheet imports
 * back with every stored column matched by its header and every row unchanged, and a
 * template imports with no mapping step (every column matched, the example row clean).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templateColumns } from '../../../shared/domain/sheet-columns';
import { analyzeImport } from '../sheet-import/import-service';
import { exportSheetXlsx, sheetTemplate } from './export-service';
import { openTestWorkspace, PERIOD, type TestWorkspace } from './test-workspace';

let t: TestWorkspace;
beforeAll(async () => {
  t = await openTestWorkspace();
});
afterAll(() => t.close());

const request = { sheetName: null, headerRow: null, mapping: null, keyFields: null };

describe.each(['communeStatuses', 'hotspots', 'modelSites'] as const)('%s', (sheet) => {
  it('exported, then imported: every row unchanged', async () => {
    const ws = t.services.workspace;
    const file = await exportSheetXlsx(ws, { sheet, periodId: PERIOD, columns: null, rowIds: null });
    const analysis = await analyzeImport(ws, { ...request, sheet, periodId: PERIOD, file });
    expect(analysis.headerRow).toBe(6);
    expect(analysis.rows.length).toBe(file.rowCount);
    expect(analysis.rows.map((r) => r.outcome)).toEqual(analysis.rows.map(() => 'unchanged'));
    // Every column the user could have typed into is matched by its header alone.
    const matched = new Set(analysis.columns.flatMap((c) => (c.field === null ? [] : [c.field])));
    for (const column of templateColumns(sheet)) expect(matched.has(column.key), column.key).toBe(true);
  });

  it('its template imports with no mapping step', async () => {
    const ws = t.services.workspace;
    const file = await sheetTemplate(ws, sheet);
    const analysis = await analyzeImport(ws, { ...request, sheet, periodId: PERIOD, file });
    expect(analysis.columns.filter((c) => c.field === null).map((c) => c.header)).toEqual([]);
    expect(analysis.rows).toHaveLength(1);
    // The example row's own values raise no error (V11 is this workspace's scheme for the period, not the row).
    expect(analysis.rows[0]?.problems.filter((p) => p.severity === 'error' && p.code !== 'V11')).toEqual([]);
  });
});
