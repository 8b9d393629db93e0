/**
 * Builds the renderer into dist/renderer. `base: './'` keeps every asset URL relative,
 * so the same bundle loads from the browser host's http://127.0.0.1 root and from
 * Electron's app:// protocol without a rebuild.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // AG Grid with all Community modules is ~1.5 MB minified; expected for an offline app.
    chunkSizeWarningLimit: 2500,
  },
});
