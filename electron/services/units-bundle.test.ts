/**
 * Issue 15 item 3: the official unit lists ship with the app, generated from
 * ../shared/data by scripts/build-units-bundle.ts, so a first run needs no file.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUnitsOfScheme } from '../../db/queries/admin-units';
import { BUNDLE_FILE, buildUnitsBundle } from '../../scripts/build-units-bundle';
import { sharedDataFile } from '../../tests/support/shared-data';
import { openServices, type Services } from './index';
import { importBundledUnits, listBundledUnits, unitsBundlePath } from './units-bundle';
import { importUnitList } from './units-service';

let dir = '';
const open: Services[] = [];
function fresh(name: string): Services {
  const s = openServices({ workspacePath: path.join(dir, `${name}.sqlite`), hostKind: 'cli' });
  open.push(s);
  return s;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-units-bundle-'));
});
afterAll(() => {
  for (const s of open) s.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the shipped unit lists', () => {
  it('are exactly what the script builds from ../shared/data (rebuild after the data changes)', async () => {
    expect(unitsBundlePath()).toBe(BUNDLE_FILE);
    const rebuilt = await buildUnitsBundle();
    expect(rebuilt.equals(fs.readFileSync(BUNDLE_FILE)), 'assets/units/units-vn.json.gz is stale: run npx tsx scripts/build-units-bundle.ts').toBe(true);
  }, 60_000);

  it('offer both lists with their dates and the real counts', () => {
    expect(listBundledUnits()).toEqual([
      { scheme: 'GSO_2004', asOf: '2025-03-01', file: 'dvhcvn-2025-03-01.json', provinces: 63, districts: 696, communes: 10047 },
      { scheme: 'NSO_2025', asOf: '2025-07-01', file: 'dvhc-2025-07-01.csv', provinces: 34, districts: 0, communes: 3321 },
    ]);
  });

  it('import into a workspace exactly as their source files do, and name the source in the import log', async () => {
    for (const [scheme, file] of [['GSO_2004', 'dvhcvn-2025-03-01.json'], ['NSO_2025', 'dvhc-2025-07-01.csv']] as const) {
      const fromBundle = fresh(`bundle-${scheme}`);
      const fromFile = fresh(`file-${scheme}`);
      const bytes = fs.readFileSync(sharedDataFile(file));
      const summary = importBundledUnits(fromBundle.workspace, scheme);
      await importUnitList(fromFile.workspace, bytes, file);
      expect(summary).toMatchObject({ scheme, isApplied: true, changed: 0, unchanged: 0 });
      expect(listUnitsOfScheme(fromBundle.workspace.db, scheme)).toEqual(listUnitsOfScheme(fromFile.workspace.db, scheme));
      const log = fromBundle.workspace.db.prepare('SELECT file_name, sha256 FROM unit_list_imports').all();
      expect(log).toEqual([{ file_name: file, sha256: createHash('sha256').update(bytes).digest('hex') }]);
      expect(importBundledUnits(fromBundle.workspace, scheme)).toMatchObject({ added: 0, changed: 0, unchanged: summary.added });
    }
  }, 120_000);

  it('a missing bundle is a sentence and stores nothing', () => {
    const s = fresh('missing');
    process.env['PCMT_UNITS_BUNDLE'] = path.join(dir, 'nowhere.json.gz');
    try {
      expect(() => importBundledUnits(s.workspace, 'NSO_2025')).toThrow(expect.objectContaining({ code: 'UNITS_BUNDLE_MISSING' }));
    } finally {
      delete process.env['PCMT_UNITS_BUNDLE'];
    }
    expect(listUnitsOfScheme(s.workspace.db, 'NSO_2025')).toEqual([]);
  });
});
