/**
 * Bundles the Electron main process (with shared/, db/ and electron/services) into one
 * ESM file, dist-electron/main.js, the `main` of package.json. Only electron (provided
 * by the runtime), better-sqlite3 (a native addon, unpacked from the asar) and Node
 * builtins stay external; everything else is bundled so the asar needs no other
 * node_modules at run time.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';

const repoRoot = path.resolve(import.meta.dirname, '..');
const EXTERNAL = new Set(['electron', 'better-sqlite3', ...builtinModules]);

function isExternal(id: string): boolean {
  // readable-stream (under exceljs) asks for 'string_decoder/': the trailing slash means the
  // npm package, not Node's builtin, and the asar has no node_modules copy of it, so bundle it.
  if (id.endsWith('/')) return false;
  return id.startsWith('node:') || EXTERNAL.has(id) || EXTERNAL.has(id.split('/')[0] ?? id);
}

/**
 * `--mode cli` builds the `pcmt` command instead (dist-cli/pcmt.mjs, issue 18: no tsx at
 * run time), with the same externals and its own copies of the worker entries, which
 * the services find beside the bundle that starts them.
 */
const ENTRIES = {
  electron: {
    main: 'electron/main/index.ts',
    backend: 'electron/services/backend/main.ts',
  },
  cli: { pcmt: 'electron/cli/bin.ts' },
} as const;

const WORKER_ENTRIES = {
  worker: 'electron/services/spreadsheet/worker-body.ts',
  background: 'electron/services/background/worker-body.ts',
} as const;

export default defineConfig(({ mode }) => {
  const isCli = mode === 'cli';
  const entries = { ...(isCli ? ENTRIES.cli : ENTRIES.electron), ...WORKER_ENTRIES };
  return {
    root: repoRoot,
    publicDir: false,
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: true,
      outDir: path.join(repoRoot, isCli ? 'dist-cli' : 'dist-electron'),
      emptyOutDir: true,
      // Electron 45 carries Node 22; the CLI runs on the Node of package.json's engines.
      target: isCli ? 'node20' : 'node22',
      sourcemap: true,
      minify: false,
      rolldownOptions: {
        // The spreadsheet parser runs in a worker thread (electron/services/spreadsheet/read-workbook.ts), which starts worker.js beside main.js;
        // the whole-file check and the day's copy in another (electron/services/background/background-jobs.ts), background.js.
        // The services themselves run in a utilityProcess (electron/main/backend-process.ts), which forks backend.js.
        input: Object.fromEntries(Object.entries(entries).map(([name, file]) => [name, path.join(repoRoot, file)])),
        external: isExternal,
        output: {
          format: 'es',
          entryFileNames: isCli ? (chunk) => (chunk.name === 'pcmt' ? '[name].mjs' : '[name].js') : '[name].js',
          // Shared chunks sit beside the entries, so a path made from import.meta.url (the
          // workers, assets/fonts) means the same whichever file the code landed in.
          chunkFileNames: '[name]-[hash].js',
          banner: (chunk) => (chunk.name === 'pcmt' ? '#!/usr/bin/env node' : ''),
        },
      },
    },
  };
});
