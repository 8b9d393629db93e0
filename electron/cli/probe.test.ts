import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

it('the standalone crypto probe finds every required capability in this Node', () => {
  const run = spawnSync(process.execPath, [path.join(import.meta.dirname, 'probe.mjs')], { encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { missing: string[]; results: { capability: string; ok: boolean }[] };
  expect(report.missing).toEqual([]);
  expect(report.results.map((r) => r.capability)).toEqual(expect.arrayContaining(['ed25519', 'x25519', 'scrypt']));
  expect(run.status).toBe(0);
});
