/**
 * Builds the renderer into dist/renderer. `base: './'` keeps every asset URL relative,
 * so the same bundle loads from the browser host's http://127.0.0.1 root and from
 * Electron's app:// protocol without a rebuild. Paths come from import.meta.dirname
 * (Node ≥ 20.11, filled in by Vite's config loader) so this file, which sits in the
 * renderer folder, imports nothing from Node.
 *
 * Test ids only where tests need them: `--mode e2e` (npm run build:renderer:e2e, which
 * test:e2e runs) keeps the data-testid attributes and turns on AG Grid's test-id
 * instrumentation (renderer/sheets/ag-grid-setup.ts); every other build strips both, so
 * the shipped bundle does no test work on each render and scroll.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

/*
 * Removing data-testid attributes from JSX source: `data-testid="…"`, `'…'` and `{…}`
 * with nested braces, template literals and strings inside. Pure string processing.
 */
const ATTRIBUTE = /\s+data-testid=/gu;

/** Index just past a `{…}` expression starting at `start` (which is `{`). */
function endOfExpression(code: string, start: number): number {
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < code.length; i += 1) {
    const ch = code[i];
    if (quote !== null) {
      if (ch === '\\') i += 1;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === '"' || ch === "'" || ch === '`') quote = ch;
    else if (ch === '{') depth += 1;
    else if (ch === '}') {
      depth -= 1;
      if (depth === 0) return i + 1;
    }
  }
  return -1;
}

/** The source without its data-testid attributes (unchanged when it has none). */
export function stripTestIds(code: string): string {
  let out = '';
  let from = 0;
  for (const match of code.matchAll(ATTRIBUTE)) {
    const at = match.index;
    if (at < from) continue;
    const valueStart = at + match[0].length;
    const opener = code[valueStart];
    let end = -1;
    if (opener === '"' || opener === "'") end = code.indexOf(opener, valueStart + 1) + 1;
    else if (opener === '{') end = endOfExpression(code, valueStart);
    if (end <= 0) continue;
    out += code.slice(from, at);
    from = end;
  }
  return out + code.slice(from);
}


function withoutTestIds(): Plugin {
  return {
    name: 'pcmt-strip-test-ids',
    enforce: 'pre',
    transform(code, id) {
      return id.endsWith('.tsx') && code.includes('data-testid') ? { code: stripTestIds(code), map: null } : null;
    },
  };
}

/** The e2e build says so in a file beside index.html, so the Playwright config can refuse a production build by name. */
export const E2E_MARKER = 'e2e-build.txt';

function e2eMarker(): Plugin {
  return {
    name: 'pcmt-e2e-marker',
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: E2E_MARKER, source: 'Built with --mode e2e: test ids kept. Not for users.\n' });
    },
  };
}

export default defineConfig(({ mode }) => ({
  root,
  base: './',
  plugins: mode === 'e2e' ? [react(), e2eMarker()] : [withoutTestIds(), react()],
  build: {
    outDir: `${root}/../dist/renderer`,
    emptyOutDir: true,
    // AG Grid with all Community modules is ~1.5 MB minified; expected for an offline app.
    chunkSizeWarningLimit: 2500,
  },
}));
