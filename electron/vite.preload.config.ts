/**
 * Bundles the preload into one CommonJS file, dist-electron/preload.cjs: a sandboxed
 * preload cannot load ES modules or require anything but `electron`, so shared/
 * code it uses (channel names) is inlined. Runs after vite.main.config.ts, which
 * empties the folder.
 */
import path from 'node:path';
import { defineConfig } from 'vite';

const repoRoot = path.resolve(import.meta.dirname, '..');

export default defineConfig({
  root: repoRoot,
  publicDir: false,
  build: {
    outDir: path.join(repoRoot, 'dist-electron'),
    emptyOutDir: false,
    target: 'chrome140',
    sourcemap: false,
    minify: false,
    lib: {
      entry: path.join(repoRoot, 'electron/preload/index.ts'),
      formats: ['cjs'],
      fileName: () => 'preload.cjs',
    },
    rolldownOptions: { external: ['electron'] },
  },
});
