import path from 'node:path';
import { defineConfig } from 'vitest/config';

const repoRoot = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root: repoRoot,
  test: {
    environment: 'node',
    // better-sqlite3 is a native addon: separate processes keep one test's handle from leaking into another.
    pool: 'forks',
    include: [
      'shared/**/*.test.ts',
      'db/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.{ts,tsx}',
      'tests/architecture/**/*.test.ts',
      'tests/exchange/**/*.test.ts',
      'tests/consolidation/**/*.test.ts',
      'tests/durability/**/*.test.ts',
    ],
    exclude: ['**/node_modules/**', '**/dist/**', '**/dist-electron/**', 'tests/e2e/**'],
    testTimeout: 30_000,
  },
});
