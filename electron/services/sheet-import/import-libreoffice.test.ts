/**
 * The same register saved by LibreOffice (headless, from the .xlsx) as .xls and .ods
 * imports with results identical to the .xlsx (issue 11, "Done when"). Skipped where
 * LibreOffice is not installed.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerWorkbook } from '../../../tests/support/hotspot-register';
import type { ImportAnalysis } from '../../../shared/api/import-types';
import { openServices, type Services } from '../index';
import { setOffice } from '../office-service';
import { importUnitList } from '../units-service';
import { analyzeImport } from './import-service';

const DATA = fileURLToPath(new URL('../../../../shared/data/', import.meta.url));
const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
let dir = '';
let s: Services;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-import-lo-'));
  s = openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind: 'cli' });
  await importUnitList(s.workspace, fs.readFileSync(path.join(DATA, 'dvhcvn-2025-03-01.json')), 'dvhcvn.json');
  setOffice(s.workspace, 'GSO_2004', 'DISTRICT', '017');
});
afterAll(() => {
  s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function analyze(file: string): Promise<ImportAnalysis> {
  const bytes = fs.readFileSync(file);
  return analyzeImport(s.workspace, { sheet: 'hotspots', periodId: '2024-Q4', file: { fileName: path.basename(file), bytesBase64: bytes.toString('base64') }, sheetName: null, headerRow: null, mapping: null, keyFields: null });
}

const shape = (a: ImportAnalysis) => ({ header: a.headerRow, fields: a.columns.map((c) => [c.header, c.field]), rows: a.rows.map((r) => [r.row, r.outcome, r.values]), counts: a.counts });

describe.skipIf(SOFFICE === undefined)('a register re-saved by LibreOffice', () => {
  it('imports from .xls and .ods exactly as from the .xlsx', { timeout: 180_000 }, async () => {
    const xlsx = path.join(dir, 'so-theo-doi.xlsx');
    fs.writeFileSync(xlsx, registerWorkbook());
    const profile = `file://${path.join(dir, 'lo-profile')}`;
    for (const target of ['xls', 'ods']) {
      await promisify(execFile)(SOFFICE as string, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', target, '--outdir', dir, xlsx], { timeout: 120_000 });
    }
    const expected = shape(await analyze(xlsx));
    expect(expected.counts).toMatchObject({ rows: 5, added: 5, refused: 0 });
    expect(shape(await analyze(path.join(dir, 'so-theo-doi.xls')))).toEqual(expected);
    expect(shape(await analyze(path.join(dir, 'so-theo-doi.ods')))).toEqual(expected);
  });
});
