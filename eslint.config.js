/**
 * Lint half of the layering enforcement (style.md B7.1). The folder table of B1 is
 * written once below as data and turned into per-folder bans with ESLint's own
 * no-restricted-imports; tests/architecture/layering.ts is the default-deny half with
 * the same table, and it resolves every path exactly, so the relative-path patterns
 * here only need to catch the usual mistakes early, in the editor.
 * eslint-plugin-import-x is not used: its resolver pulls platform binaries that our
 * registry lacks, and npm 11 then rejects its own lockfile in `npm ci`.
 * Not type-aware on purpose: tsc already runs per folder and lint has to stay fast.
 */
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
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
  react: { regex: '^(react|react-dom|react-i18next|ag-grid-[^/]+|ag-charts-[^/]+)(/|$)', message: 'React, AG Grid and AG Charts belong in renderer/ only.' },
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

/** A relative import that reaches into a folder whose last segment is `segment`. */
const folderBan = (target, folder) => ({
  regex: `^\\.{1,2}/(.*/)?${escape(folder.split('/').at(-1))}(/|$)`,
  message: `style.md B1: ${target}/ may not import from ${folder}/.`,
});

const perFolderBans = Object.keys(FORBIDDEN_PACKAGES).map((folder) => ({
  name: `pcmt/imports/${folder}`,
  files: [`${folder}/${SRC}`],
  rules: {
    'no-restricted-imports': ['error', { patterns: [...FORBIDDEN_PACKAGES[folder], ...FORBIDDEN_FOLDERS[folder].map((f) => folderBan(folder, f))] }],
  },
}));

const NO_DEFAULT_EXPORT = [
  { selector: 'ExportDefaultDeclaration', message: 'Named exports only (style.md B4).' },
  { selector: "ExportSpecifier[exported.name='default']", message: 'Named exports only (style.md B4).' },
];
const NO_WINDOW_APP = {
  selector: "MemberExpression[object.name=/^(window|globalThis)$/]:matches([property.name='app'], [property.value='app'])",
  message: 'Only renderer/api/ touches window.app (style.md B2); import the typed client instead.',
};

export default defineConfig(
  globalIgnores(['node_modules/', 'dist/', 'dist-electron/', 'dist-cli/', 'release/', 'test-results/', 'playwright-report/', 'tests/fixtures/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    name: 'pcmt/base',
    files: [SRC],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Warn, as style.md B5 says; `npm run lint` uses --max-warnings=0, so it still fails the build.
      'max-lines': ['warn', { max: 400 }],
      'no-restricted-syntax': ['error', ...NO_DEFAULT_EXPORT, NO_WINDOW_APP],
    },
  },
  {
    name: 'pcmt/node-scripts',
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },
  ...perFolderBans,
  {
    name: 'pcmt/window-app-owner',
    files: [`renderer/api/${SRC}`],
    rules: { 'no-restricted-syntax': ['error', ...NO_DEFAULT_EXPORT] },
  },
  {
    // Tests may import anything (B1) and probe window.app, but never electron: loading it downloads the binary.
    name: 'pcmt/tests',
    files: TEST_FILES,
    rules: {
      'no-restricted-syntax': ['error', ...NO_DEFAULT_EXPORT],
      'no-restricted-imports': ['error', { patterns: [BAN.electron] }],
    },
  },
  {
    name: 'pcmt/config-files',
    files: CONFIG_FILES,
    rules: {
      'no-restricted-syntax': 'off',
      'no-restricted-imports': ['error', { patterns: [BAN.electron, BAN.sqlite, BAN.react] }],
    },
  },
);
