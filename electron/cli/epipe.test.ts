import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const PCMT = fileURLToPath(new URL('./pcmt.mjs', import.meta.url));
const UNITS = fileURLToPath(new URL('../../../shared/data/dvhcvn-2025-03-01.json', import.meta.url));
let dir = '';
let workspace = '';

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-epipe-'));
  workspace = path.join(dir, 'ws.sqlite');
  const pcmt = (...args: string[]): string => {
    const run = spawnSync(process.execPath, [PCMT, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    return run.stdout;
  };
  pcmt('init', '--workspace', workspace, '--units', UNITS, '--office', '01', '--scheme', 'GSO_2004');
  // A dump far larger than a pipe's 64 KiB buffer: a long note on each of the province's 526 communes.
  const { units } = JSON.parse(pcmt('dump', '--workspace', workspace, '--json')) as { units: { code: string }[] };
  const statuses = units.map((u) => ({ code: u.code, note: `Ghi chú dài của xã ${u.code}. `.repeat(40) }));
  fs.writeFileSync(path.join(dir, 'notes.json'), JSON.stringify({ period: '2025-Q3', statuses }));
  pcmt('load', path.join(dir, 'notes.json'), '--workspace', workspace);
  // Three CLI runs, each paying the TypeScript runner's start-up: well past the 10 s default on a loaded 2-core machine.
}, 60_000);
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pcmt dump | head -1', () => {
  it('ends quietly when the reader closes the pipe after the first line', async () => {
    const child = spawn(process.execPath, [PCMT, 'dump', '--workspace', workspace, '--period', '2025-Q3', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let firstLine = '';
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (t: string) => (stderr += t));
    // Like `head -1`: read the first chunk (at most 64 KiB), keep its first line, close.
    child.stdout.once('data', (chunk: Buffer) => {
      firstLine = chunk.toString('utf8').split('\n')[0] ?? '';
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(firstLine).toBe('{');
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
