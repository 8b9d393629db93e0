/**
 * Default-deny layering check (style.md B7.3, after VS Code's layer checker and
 * Signal's per-runtime package lists). The B1 table is data here: every source file
 * must sit in a known folder, every relative import must land in a folder its own
 * folder may import, and every package must be on that folder's allow-list, so a new
 * folder or a new dependency forces a deliberate decision in this file.
 * eslint.config.js enforces the same table while editing; this is the backstop that
 * also sees unresolvable paths, dynamic imports and require().
 */
import { readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import ts from 'typescript';

export type Layer =
  | 'shared'
  | 'db'
  | 'electron/services'
  | 'electron/main'
  | 'electron/preload'
  | 'electron/host'
  | 'electron/cli'
  | 'renderer'
  | 'tests'
  | 'scripts'
  | 'config';

export type LayerRule = {
  /** Project folders this layer may import (its own folder is always allowed). */
  layers: readonly Layer[];
  /** Package names (a subpath such as `react/jsx-runtime` counts as its package); '*' allows every package. */
  packages: readonly string[];
  isNodeAllowed: boolean;
};

export type Violation = { file: string; line: number; specifier: string | null; reason: string };

const CONFIG_PACKAGES = [
  'vite',
  '@vitejs/plugin-react',
  'vitest',
  '@playwright/test',
  'eslint',
  '@eslint/js',
  'globals',
  'typescript-eslint',
];

/** style.md B1 as data. Order of LAYER_FOLDERS matters: the longest prefix wins. */
export const LAYER_RULES: Readonly<Record<Layer, LayerRule>> = {
  shared: { layers: [], packages: ['zod', 'i18next'], isNodeAllowed: false },
  db: { layers: ['shared'], packages: ['better-sqlite3'], isNodeAllowed: true },
  // tsx: only spreadsheet/worker.mjs, so the parse worker runs TypeScript under tsx and vitest (worker threads do not inherit loaders).
  'electron/services': { layers: ['shared', 'db'], packages: ['xlsx', 'exceljs', 'zod', '@noble/ciphers', 'tsx', 'docx', 'pdfkit'], isNodeAllowed: true },
  'electron/main': { layers: ['shared', 'db', 'electron/services'], packages: ['electron'], isNodeAllowed: true },
  // The sandboxed preload can require only `electron`; it takes names and types from shared/.
  'electron/preload': { layers: ['shared'], packages: ['electron'], isNodeAllowed: false },
  'electron/host': { layers: ['shared', 'db', 'electron/services'], packages: ['tsx'], isNodeAllowed: true },
  // `pcmt start` runs the browser host, so the CLI may import it; the host never imports the CLI.
  'electron/cli': { layers: ['shared', 'db', 'electron/services', 'electron/host'], packages: ['tsx'], isNodeAllowed: true },
  renderer: {
    layers: ['shared'],
    packages: ['react', 'react-dom', 'react-i18next', 'i18next', 'ag-grid-community', 'ag-grid-react', 'ag-charts-community', 'ag-charts-react'],
    isNodeAllowed: false,
  },
  // Tests may import anything (B1) except electron, whose require() downloads the binary (stack.md §4).
  tests: {
    layers: ['shared', 'db', 'electron/services', 'electron/main', 'electron/preload', 'electron/host', 'electron/cli', 'renderer', 'config', 'scripts'],
    packages: ['*'],
    isNodeAllowed: true,
  },
  config: { layers: ['shared'], packages: CONFIG_PACKAGES, isNodeAllowed: true },
  // Build-time generators (the shipped unit lists): they read ../shared/data through tests/support and use the services' readers.
  scripts: { layers: ['shared', 'db', 'electron/services', 'tests'], packages: [], isNodeAllowed: true },
};

const FORBIDDEN_IN_TESTS = ['electron'];

const LAYER_FOLDERS: readonly Layer[] = [
  'electron/services',
  'electron/main',
  'electron/preload',
  'electron/host',
  'electron/cli',
  'shared',
  'db',
  'renderer',
  'tests',
  'scripts',
];

const SOURCE_FILE = /\.(ts|tsx|mts|cts|mjs|cjs|js)$/u;
const TEST_FILE = /\.test\.(ts|tsx|mts)$/u;
const CONFIG_FILE = /\.config\.(ts|mts|js|mjs)$/u;
/** Build output and data, never source. Everything else in the repository is walked, so a new folder is seen. */
const SKIPPED_PATHS = new Set(['node_modules', 'dist', 'dist-electron', 'dist-cli', 'release', 'test-results', 'playwright-report', 'tests/fixtures']);

/** The layer of a repo-relative POSIX path, or null when it is in no known folder. */
export function layerOf(relPath: string): Layer | null {
  if (relPath.startsWith('../') || path.posix.isAbsolute(relPath)) return null;
  if (relPath.startsWith('tests/') || TEST_FILE.test(relPath)) return 'tests';
  if (CONFIG_FILE.test(relPath)) return 'config';
  return LAYER_FOLDERS.find((folder) => relPath.startsWith(`${folder}/`)) ?? null;
}

function packageName(specifier: string): string {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : (parts[0] ?? specifier);
}

function listSourceFiles(rootDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      const rel = path.relative(rootDir, full).split(path.sep).join('/');
      if (entry.name.startsWith('.') || SKIPPED_PATHS.has(rel) || entry.name === 'node_modules') continue;
      if (entry.isDirectory()) walk(full);
      else if (SOURCE_FILE.test(entry.name)) found.push(full);
    }
  };
  walk(rootDir);
  return found.sort();
}

function checkPackage(layer: Layer, specifier: string): string | null {
  const rule = LAYER_RULES[layer];
  if (specifier.startsWith('node:') || isBuiltin(specifier)) {
    return rule.isNodeAllowed ? null : `${layer} may not import Node builtins`;
  }
  const name = packageName(specifier);
  if (layer === 'tests') return FORBIDDEN_IN_TESTS.includes(name) ? `tests may not import ${name}` : null;
  if (rule.packages.includes(name)) return null;
  return `package "${name}" is not on the allow-list of ${layer}`;
}

function checkRelative(rootDir: string, fromFile: string, layer: Layer, specifier: string): string | null {
  const target = path.relative(rootDir, path.resolve(path.dirname(fromFile), specifier)).split(path.sep).join('/');
  const targetLayer = layerOf(target);
  if (targetLayer === null) return `imports "${target}", which is outside every known folder`;
  if (targetLayer === layer || LAYER_RULES[layer].layers.includes(targetLayer)) return null;
  return `${layer} may not import ${targetLayer}`;
}

function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < text.length; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

/** Every layering violation under rootDir, as repo-relative paths. Empty means clean. */
export function checkLayering(rootDir: string): Violation[] {
  const violations: Violation[] = [];
  for (const file of listSourceFiles(rootDir)) {
    const rel = path.relative(rootDir, file).split(path.sep).join('/');
    const layer = layerOf(rel);
    if (layer === null) {
      violations.push({ file: rel, line: 1, specifier: null, reason: 'file is in no folder of the layering table (style.md B1)' });
      continue;
    }
    const text = readFileSync(file, 'utf8');
    for (const imported of ts.preProcessFile(text, true, true).importedFiles) {
      // Vite-style suffixes (`?raw`, `?url`) do not change which file is imported.
      const specifier = imported.fileName.replace(/\?.*$/u, '');
      const reason = path.isAbsolute(specifier)
        ? 'absolute import paths break on other machines'
        : specifier.startsWith('.')
          ? checkRelative(rootDir, file, layer, specifier)
          : checkPackage(layer, specifier);
      if (reason !== null) {
        violations.push({ file: rel, line: lineAt(text, imported.pos), specifier: imported.fileName, reason });
      }
    }
  }
  return violations;
}
