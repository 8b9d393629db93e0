/**
 * Lint half of the layering enforcement (style.md B7.1). The folder table of B1 is
 * written once below as data and turned into import-x zones and per-folder package
 * bans; tests/architecture/layering.ts is the default-deny half with the same table.
 * Not type-aware on purpose: tsc already runs per folder and lint has to stay fast.
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SRC = '**/*.{ts,tsx,mts,cts,js,mjs,cjs}';
const TEST_FILES = ['**/*.test.{ts,tsx}', 'tests/**/*.{ts,tsx,mts,mjs,js}'];
const CONFIG_FILES = ['**/*.config.{ts,mts,js,mjs}', 'eslint.config.js'];

/** B1: for each folder, the project folders whose files it must never import. */
const FORBIDDEN_FOLDERS = {
  shared: ['db', 'electron', 'renderer', 'tests'],
  db: ['electron', 'renderer', 'tests'],
  'electron/services': ['electron/main', 'electron/preload', 'electron/host', 'electron/cli', 'renderer', 'tests'],
  'electron/main': ['electron/preload', 'electron/host', 'electron/cli', 'renderer', 'tests'],
  'electron/preload': ['db', 'electron/services', 'electron/main', 'electron/host', 'electron/cli', 'renderer', 'tests'],
  // host and cli are plain-Node entry points: they reach services, never the Electron shell or the page.
  // `pcmt start` runs the browser host, so cli may import host but not the reverse.
  'electron/host': ['electron/main', 'electron/preload', 'electron/cli', 'renderer', 'tests'],
  'electron/cli': ['electron/main', 'electron/preload', 'renderer', 'tests'],
  renderer: ['db', 'electron', 'tests'],
};

const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));
const escape = (name) => name.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');

// Anchored regexes, not gitignore-style groups: a group such as 'path' would also match './utils/path'.
const BAN = {
  electron: { regex: '^electron(/|$)', message: 'Only electron/main and electron/preload may import electron; from Node it also tries to download the binary.' },
  sqlite: { regex: '^better-sqlite3(/|$)', message: 'better-sqlite3 belongs in db/ only.' },
  react: { regex: '^(react|react-dom|react-i18next|ag-grid-[^/]+)(/|$)', message: 'React and AG Grid belong in renderer/ only.' },
  node: { regex: `^(node:|(${NODE_BUILTINS.map(escape).join('|')})(/|$))`, message: 'This folder runs without Node (style.md B1): no node builtins.' },
};

/** B1: packages each folder must never import (the positive allow-list lives in layering.ts). */
const FORBIDDEN_PACKAGES = {
  shared: [BAN.electron, BAN.sqlite, BAN.react, BAN.node],
  db: [BAN.electron, BAN.react],
  'electron/services': [BAN.electron, BAN.sqlite, BAN.react],
  'electron/main': [BAN.sqlite, BAN.react],
  'electron/preload': [BAN.sqlite, BAN.react, BAN.node],
  'electron/host': [BAN.electron, BAN.sqlite, BAN.react],
  'electron/cli': [BAN.electron, BAN.sqlite, BAN.react],
  renderer: [BAN.electron, BAN.sqlite, BAN.node],
};

const restrictedPathZones = Object.entries(FORBIDDEN_FOLDERS).map(([target, from]) => ({
  target: `./${target}`,
  from: from.map((folder) => `./${folder}`),
  message: `style.md B1: ${target}/ may not import from ${from.join(', ')}.`,
}));

const perFolderPackageBans = Object.entries(FORBIDDEN_PACKAGES).map(([folder, patterns]) => ({
  name: `pcmt/packages/${folder}`,
  files: [`${folder}/${SRC}`],
  rules: { 'no-restricted-imports': ['error', { patterns }] },
}));

export default defineConfig(
  globalIgnores(['node_modules/', 'dist/', 'dist-electron/', 'release/', 'test-results/', 'playwright-report/', 'tests/fixtures/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'pcmt/base',
    files: [SRC],
    plugins: { 'import-x': importX },
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    settings: {
      'import-x/resolver-next': [
        createNodeResolver({
          extensions: ['.ts', '.tsx', '.mts', '.d.ts', '.js', '.mjs', '.json'],
          extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'] },
        }),
      ],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-default-export': 'error',
      // Warn, as style.md B5 says; `npm run lint` uses --max-warnings=0, so it still fails the build.
      'max-lines': ['warn', { max: 400 }],
      'import-x/no-restricted-paths': ['error', { basePath: import.meta.dirname, zones: restrictedPathZones }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name=/^(window|globalThis)$/]:matches([property.name='app'], [property.value='app'])",
          message: 'Only renderer/api/ touches window.app (style.md B2); import the typed client instead.',
        },
      ],
    },
  },
  {
    name: 'pcmt/node-scripts',
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  ...perFolderPackageBans,
  {
    name: 'pcmt/window-app-owner',
    files: [`renderer/api/${SRC}`],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    // Tests may import anything (B1) and probe window.app, but never electron: loading it downloads the binary.
    name: 'pcmt/tests',
    files: TEST_FILES,
    rules: {
      'import-x/no-restricted-paths': 'off',
      'no-restricted-syntax': 'off',
      'no-restricted-imports': ['error', { patterns: [BAN.electron] }],
    },
  },
  {
    name: 'pcmt/config-files',
    files: CONFIG_FILES,
    rules: {
      'import-x/no-default-export': 'off',
      'import-x/no-restricted-paths': 'off',
      'no-restricted-imports': ['error', { patterns: [BAN.electron, BAN.sqlite, BAN.react] }],
    },
  },
);
