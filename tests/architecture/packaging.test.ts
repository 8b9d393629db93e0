/**
 * A release that installs (issue 13 item 8): electron-builder.yml is checked by
 * electron-builder's own validator; the files it would pack are computed with its own
 * matcher over a tree holding everything the repository can contain; the node_modules it
 * adds (the production closure of package-lock.json) hold no package that vite already
 * bundled or that only development needs; and `npm run dist` here, where Electron's
 * binary cannot be had, stops with one sentence. The app-builder-lib paths are internal,
 * which is why electron-builder is pinned (stack.md §6).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

type Filter = (file: string, stat: fs.Stats) => boolean;
type BuilderConfig = Record<string, unknown> & {
  electronFuses?: Record<string, boolean>;
  nsis?: Record<string, unknown>;
  portable?: Record<string, unknown>;
  win?: { target?: { target: string }[] };
  linux?: { target?: string[] };
};
const { getConfig, validateConfiguration } = require(path.join(ROOT, 'node_modules/app-builder-lib/out/util/config/config')) as {
  getConfig(root: string, file: string, extra: null): Promise<BuilderConfig>;
  validateConfiguration(config: BuilderConfig, logger: unknown): Promise<void>;
};
const { getFileMatchers } = require(path.join(ROOT, 'node_modules/app-builder-lib/out/fileMatcher')) as {
  getFileMatchers(config: BuilderConfig, name: 'files', to: string, options: Record<string, unknown>): { createFilter(): Filter }[] | null;
};
const { DebugLogger } = require(path.join(ROOT, 'node_modules/builder-util/out/DebugLogger')) as { DebugLogger: new (isEnabled: boolean) => unknown };

/** Everything vite inlines into the bundles, and everything only development needs: none of it may ship as node_modules. */
const NEVER_SHIPPED = [
  'react', 'react-dom', 'ag-grid-community', 'ag-grid-react', 'ag-charts-community', 'ag-charts-react', 'i18next', 'react-i18next',
  'zod', 'xlsx', '@e965/xlsx', 'exceljs', 'docx', 'pdfkit', '@noble/ciphers',
  'tsx', 'esbuild', 'vite', 'rolldown', 'typescript', 'vitest', '@playwright/test', 'playwright', 'eslint', 'electron', 'electron-builder', 'fast-check', 'cctv-age',
];

/** What Electron must find in the app at run time. */
const MUST_SHIP = [
  'package.json',
  'dist/renderer/index.html',
  'dist/renderer/assets/index-abc.js',
  'dist-electron/main.js',
  'dist-electron/preload.cjs',
  'dist-electron/backend.js',
  'dist-electron/worker.js',
  'dist-electron/background.js',
  'dist-electron/errors-abc.js',
  'assets/fonts/LiberationSerif-Regular.ttf',
];

/** What the repository holds that must stay out: sources, tests and their data, maps, the CLI bundle, releases. */
const MUST_NOT_SHIP = [
  'tests/fixtures/db/v1.sqlite',
  'tests/e2e/app.spec.ts',
  'tests/vectors/corpus-keys.ts',
  'electron/main/index.ts',
  'electron/services/backend/worker.mjs',
  'shared/api/contract.ts',
  'db/migrations/0001-initial.ts',
  'renderer/app/App.tsx',
  'dist-electron/main.js.map',
  'dist/renderer/assets/index-abc.js.map',
  'dist-cli/pcmt.mjs',
  'release/PCMT Desk Setup 0.1.0.exe',
  'workspace.sqlite',
  '.ci/dist.mjs',
  'test-results/x.png',
];

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-packaging-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function packedFiles(config: BuilderConfig, root: string): string[] {
  const matchers = getFileMatchers(config, 'files', '/app', { macroExpander: (s: string) => s, customBuildOptions: config, globalOutDir: path.join(root, 'release'), defaultSrc: root });
  const filter = matchers?.[0]?.createFilter();
  if (filter === undefined) throw new Error('electron-builder.yml has no files list');
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir)) {
      const full = path.join(dir, entry);
      const stat = fs.statSync(full);
      if (!filter(full, stat)) continue;
      if (stat.isDirectory()) walk(full);
      else found.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return found.sort();
}

describe('electron-builder.yml', async () => {
  const config = await getConfig(ROOT, path.join(ROOT, 'electron-builder.yml'), null);

  it('passes electron-builder’s own schema', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('packs into asar with the fuses of stack.md §3', () => {
    expect(config['asar']).toBe(true);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
    });
  });

  it('builds NSIS per user (no admin rights) and portable for Windows, AppImage and deb for Linux, with no update feed', () => {
    expect(config.win?.target?.map((t) => t.target)).toEqual(['nsis', 'portable']);
    expect(config.nsis).toMatchObject({ oneClick: false, perMachine: false, allowElevation: false, deleteAppDataOnUninstall: false });
    expect(config.portable).toMatchObject({ requestExecutionLevel: 'user' });
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config['publish']).toBeNull();
    // Never a silent wrong-ABI rebuild (stack.md §5): npm run dist rebuilds and checks the ABI itself.
    expect(config['npmRebuild']).toBe(false);
  });

  it('packs what Electron loads and nothing of the sources, tests, test data or maps', () => {
    for (const rel of [...MUST_SHIP, ...MUST_NOT_SHIP]) {
      fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
      fs.writeFileSync(path.join(tmp, rel), 'x');
    }
    const packed = packedFiles(config, tmp);
    expect(MUST_SHIP.filter((rel) => !packed.includes(rel))).toEqual([]);
    expect(packed.filter((rel) => MUST_NOT_SHIP.includes(rel))).toEqual([]);
  });
});

describe('the node_modules a release carries', () => {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
  const lock = JSON.parse(fs.readFileSync(path.join(ROOT, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dev?: boolean; devOptional?: boolean; name?: string }>;
  };
  // electron-builder packs the production closure: every lockfile package not marked dev.
  const shipped = Object.entries(lock.packages)
    .filter(([key, entry]) => key !== '' && entry.dev !== true && entry.devOptional !== true)
    .map(([key]) => key.slice(key.lastIndexOf('node_modules/') + 'node_modules/'.length));

  it('dependencies are only what the bundles leave external: better-sqlite3', () => {
    expect(Object.keys(pkg.dependencies)).toEqual(['better-sqlite3']);
  });

  it('the lockfile agrees, and nothing vite bundled or development needs is in the closure', () => {
    expect(shipped).toContain('better-sqlite3');
    expect(shipped.filter((name) => NEVER_SHIPPED.includes(name))).toEqual([]);
  });
});

describe('npm run dist', () => {
  const hasElectron = fs.existsSync(path.join(ROOT, 'node_modules', 'electron', 'dist')) || process.env['ELECTRON_DIST'] !== undefined;

  it.runIf(!hasElectron)('where Electron cannot be had, says so in one sentence and exits non-zero', () => {
    const run = spawnSync(process.execPath, [path.join(ROOT, '.ci', 'dist.mjs')], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^Electron \d+\.\d+\.\d+ is not on this machine .*release machine.*\.$/u);
    expect(run.stdout).toBe('');
  });

  it('the ABI guard accepts the addon built for this Node and refuses it as an Electron build', () => {
    const addon = path.join(ROOT, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const check = (abi: string): ReturnType<typeof spawnSync> =>
      spawnSync(process.execPath, [path.join(ROOT, '.ci', 'dist.mjs'), '--abi-check', addon, abi], { cwd: ROOT, encoding: 'utf8' });
    expect(check(process.versions.modules).status).toBe(0);
    const electronAbi = fs.readFileSync(path.join(ROOT, 'node_modules', 'electron', 'abi_version'), 'utf8').trim();
    const wrong = check(electronAbi);
    expect(wrong.status).toBe(1);
    expect(String(wrong.stderr)).toContain(`was not built for ABI ${electronAbi}`);
  });
});
