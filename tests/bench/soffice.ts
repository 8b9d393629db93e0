/**
 * LibreOffice's headless conversion of a spreadsheet to CSV: the floor users compare our
 * unit-list import with (issue 18 item 8). The first run creates LibreOffice's profile,
 * so it is run once before the timed run; both in a private profile folder. Null when
 * soffice is not installed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function sofficeCsvMs(file: string): number | null {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-soffice-'));
  const args = ['--headless', `-env:UserInstallation=file://${path.join(dir, 'profile')}`, '--convert-to', 'csv', '--outdir', dir, file];
  try {
    const warm = spawnSync('soffice', args, { stdio: 'ignore' });
    if (warm.error !== undefined || warm.status !== 0) return null;
    const start = performance.now();
    spawnSync('soffice', args, { stdio: 'ignore' });
    return performance.now() - start;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
