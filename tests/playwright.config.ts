/**
 * End-to-end tests: the built renderer in Chromium against the browser host, plus
 * the Electron smoke test where an Electron binary exists. No webServer entry: each
 * spec starts its own host process on a free port with its own workspace, so tests
 * never share state or silently reuse a stale server (stack.md pitfall 9).
 */
import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './e2e/chromium';

const repoRoot = path.resolve(import.meta.dirname, '..');
// Production builds carry no test ids (renderer/vite.config.ts): the specs need the e2e build.
if (!fs.existsSync(path.join(repoRoot, 'dist/renderer/e2e-build.txt'))) {
  throw new Error('dist/renderer is a production build without test ids: run `npm run build:renderer:e2e` before the end-to-end tests.');
}

export default defineConfig({
  testDir: path.join(import.meta.dirname, 'e2e'),
  outputDir: path.join(repoRoot, 'test-results'),
  workers: 1,
  retries: 0,
  timeout: 120_000,
  forbidOnly: Boolean(process.env['CI']),
  reporter: [['list']],
  use: {
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        browserName: 'chromium',
        launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
      },
    },
  ],
});
