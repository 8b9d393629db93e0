/**
 * Builds the renderer into dist/renderer. `base: './'` keeps every asset URL relative,
 * so the same bundle loads from the browser host's http://127.0.0.1 root and from
 * Electron's app:// protocol without a rebuild. Paths come from import.meta.dirname
 * (Node ≥ 20.11, filled in by Vite's config loader) so this file, which sits in the
 * renderer folder, imports nothing from Node.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    // AG Grid with all Community modules is ~1.5 MB minified; expected for an offline app.
    chunkSizeWarningLimit: 2500,
  },
});
