/** `pcmt demo create`: same seed, same dump (save times aside); never into a workspace that has an office. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const PCMT = fileURLToPath(new URL('./pcmt.mjs', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-demo-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function pcmt(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  return spawnSync(process.execPath, [PCMT, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}
/** The dump without the save times, which say when the demo was made, not what it holds. */
function dumpOf(file: string): string {
  const run = pcmt('dump', '--workspace', file, '--period', '2025-Q2', '--json');
  expect(run.status, run.stderr).toBe(0);
  return run.stdout.replace(/"updatedAt": "[^"]*"/gu, '"updatedAt": ""');
}

describe('pcmt demo create', () => {
  it('gives identical dumps for the same seed, and refuses to write into a workspace with an office', () => {
    const [a, b] = [path.join(dir, 'a.sqlite'), path.join(dir, 'b.sqlite')];
    const first = pcmt('demo', 'create', '--workspace', a, '--seed', '5');
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain('Huyện Đông Anh, 24 xã, 22 kỳ');
    expect(pcmt('demo', 'create', '--workspace', b, '--seed', '5').status).toBe(0);
    expect(dumpOf(a)).toBe(dumpOf(b));
    const again = pcmt('demo', 'create', '--workspace', a, '--lang', 'en');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('already has a reporting office');
    expect(pcmt('demo', 'create', '--workspace', path.join(dir, 'c.sqlite'), '--seed', 'abc').status).toBe(2);
  }, 120_000);
});
