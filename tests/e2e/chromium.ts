/**
 * Finds a Chromium for Playwright. These machines cannot download Playwright's own
 * browser, so the Debian package is preferred; /usr/lib/chromium/chromium comes before
 * the /usr/bin wrapper, whose shell script prints a spurious error (stack.md §1).
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

const SYSTEM_CANDIDATES = [
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
];

const NOT_FOUND =
  'Không tìm thấy Chromium để chạy kiểm thử giao diện: hãy cài gói chromium (apt-get install -y chromium) hoặc chạy npx playwright install chromium.';

function firstExisting(): string | undefined {
  const fromEnv = process.env['PCMT_CHROMIUM'];
  const candidates = [...(fromEnv ? [fromEnv] : []), ...SYSTEM_CANDIDATES, chromium.executablePath()];
  return candidates.find((candidate) => candidate !== '' && existsSync(candidate));
}

export function findChromium(): string {
  const found = firstExisting();
  if (found !== undefined) return found;
  try {
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'ignore', timeout: 300_000 });
  } catch {
    // Expected offline; the message below tells the developer what to do instead.
  }
  const installed = firstExisting();
  if (installed !== undefined) return installed;
  throw new Error(NOT_FOUND);
}
