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

export default defineConfig({
  root: repoRoot,
  publicDir: false,
  ssr: { noExternal: true, target: 'node' },
  build: {
    ssr: true,
    outDir: path.join(repoRoot, 'dist-electron'),
    emptyOutDir: true,
    target: 'node22',
    sourcemap: true,
    minify: false,
    rolldownOptions: {
      // The spreadsheet parser runs in a worker thread (electron/services/spreadsheet/read-workbook.ts), which starts worker.js beside main.js;
      // the whole-file check and the day's copy in another (electron/services/background/background-jobs.ts), background.js.
      // The services themselves run in a utilityProcess (electron/main/backend-process.ts), which forks backend.js.
      input: {
        main: path.join(repoRoot, 'electron/main/index.ts'),
        backend: path.join(repoRoot, 'electron/services/backend/main.ts'),
        worker: path.join(repoRoot, 'electron/services/spreadsheet/worker-body.ts'),
        background: path.join(repoRoot, 'electron/services/background/worker-body.ts'),
      },
      external: isExternal,
      output: { format: 'es', entryFileNames: '[name].js' },
    },
  },
});
