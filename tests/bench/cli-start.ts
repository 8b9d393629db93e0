/**
 * Bench line of issue 13 item 8 (issue 18): what one `pcmt` command costs in CPU before
 * it does any work — the bundle (dist-cli/pcmt.mjs, what `pcmt` runs) and the source
 * launcher through tsx (what it ran before) — beside plain `node -e 0` in the same run.
 * CPU is the child's own user+system time, read by a hook at its exit, so the machine's
 * other load inflates wall time but not this figure.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BenchRow } from './hotspots-ui';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const RUNS = 5;

function cpuMs(hook: string, args: string[]): number {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const run = spawnSync(process.execPath, ['-r', hook, ...args], { cwd: ROOT, encoding: 'utf8' });
    const match = /PCMT_CPU_US (\d+)/u.exec(run.stderr);
    if (run.status !== 0 || match === null) throw new Error(`${args.join(' ')} failed: ${run.stderr.slice(0, 300)}`);
    samples.push(Number(match[1]) / 1000);
  }
  return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
}

export function benchCliStart(): BenchRow[] {
  const bundle = path.join(ROOT, 'dist-cli', 'pcmt.mjs');
  if (!fs.existsSync(bundle)) spawnSync('npm', ['run', 'build:cli'], { cwd: ROOT, stdio: 'inherit' });
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-bench-cli-'));
  const hook = path.join(dir, 'cpu-hook.cjs');
  fs.writeFileSync(hook, "process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write(`PCMT_CPU_US ${u.user + u.system}\\n`); });\n");
  const raw = cpuMs(hook, ['-e', '0']);
  const bundled = cpuMs(hook, [bundle, '--help']);
  const viaTsx = cpuMs(hook, [path.join(ROOT, 'electron', 'cli', 'pcmt.mjs'), '--help']);
  fs.rmSync(dir, { recursive: true, force: true });
  return [
    { name: `pcmt --help, CPU of the process: bundled dist-cli/pcmt.mjs vs node -e 0 (median of ${RUNS})`, ours: bundled, raw },
    { name: `pcmt --help, CPU of the process: through tsx, as before vs node -e 0 (median of ${RUNS})`, ours: viaTsx, raw },
  ];
}
