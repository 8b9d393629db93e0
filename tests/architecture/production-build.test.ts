import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import { afterAll, expect, it } from 'vitest';
import { stripTestIds } from '../../renderer/vite.config';

const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-prod-build-'));
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

it('strips every form of data-testid from JSX and nothing else', () => {
  const source = [
    '<section className="panel" data-testid="send-panel">',
    "<td data-testid='log-decision'>{x}</td>",
    '<tr data-testid={`row-${r.id}`} data-row={r.id}>',
    '<button data-testid={ids[{ a: 1 }.a] ?? "}"} onClick={go}>',
    '<Dialog testId="keep-this-prop" />',
  ].join('\n');
  expect(stripTestIds(source)).toBe(
    ['<section className="panel">', '<td>{x}</td>', '<tr data-row={r.id}>', '<button onClick={go}>', '<Dialog testId="keep-this-prop" />'].join('\n'),
  );
});

it('a production build of the renderer carries no test ids and no AG Grid test-id instrumentation', async () => {
  await build({ configFile: path.join(import.meta.dirname, '..', '..', 'renderer', 'vite.config.ts'), mode: 'production', logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  const assets = fs.readdirSync(path.join(outDir, 'assets'));
  const js = assets.filter((f) => f.endsWith('.js')).map((f) => fs.readFileSync(path.join(outDir, 'assets', f), 'utf8'));
  expect(js.length).toBeGreaterThan(0);
  const bundle = js.join('\n');
  // The app's own markup is in the bundle (so the check looks at the right thing)…
  expect(bundle).toContain('sheet-panel-');
  // …but neither our attributes nor AG Grid's TestIdService (whose attribute name is the same string).
  expect(bundle).not.toContain('data-testid');
  expect(bundle).not.toMatch(/testIdAttribute|moduleName:\s*"Testing"/u);
  expect(fs.existsSync(path.join(outDir, 'e2e-build.txt'))).toBe(false);
}, 180_000);
