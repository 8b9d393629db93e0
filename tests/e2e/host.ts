/**
 * Runs the browser host as a child process for end-to-end tests, the way a user or CI
 * would (`pcmt serve`), plus the CLI's `dump` to look at the workspace file directly.
 * Each test gets its own temporary workspace and its own host on a free port.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const CLI = path.join(repoRoot, 'electron', 'cli', 'pcmt.mjs');

/** The pre-reform unit list (63 provinces, 696 districts, 10,047 communes). */
export const UNITS_XLSX = path.resolve(repoRoot, '../shared/data/dvhc-2025-03-01.xlsx');
/** The NSO_2025 list (communes directly under the 34 provinces), valid from 1/7/2025. */
export const UNITS_CSV_2025 = path.resolve(repoRoot, '../shared/data/dvhc-2025-07-01.csv');

const START_TIMEOUT_MS = 60_000;

export type Host = {
  url: string;
  child: ChildProcess;
  /** Everything the host wrote to stderr, for failure messages. */
  stderr: () => string;
  /** Sends the signal and waits for the process to end. */
  stop: (signal: 'SIGTERM' | 'SIGKILL') => Promise<void>;
};

/** A fresh directory under the OS temp folder holding the test's workspace file. */
export function tempWorkspace(prefix = 'pcmt-e2e-'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'workspace.sqlite');
}

export function startHost(workspace: string): Promise<Host> {
  // A test that starts on a fresh path chooses "New" explicitly, as a user would.
  const isNew = !fs.existsSync(workspace);
  const child = spawn(process.execPath, [CLI, 'serve', '--workspace', workspace, ...(isNew ? ['--new'] : []), '--port', '0'], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.setEncoding('utf8');
  child.stderr?.on('data', (text: string) => {
    stderr += text;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: 'SIGTERM' | 'SIGKILL') => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
  };

  return new Promise<Host>((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => {
      void stop('SIGKILL');
      reject(new Error(`host did not print its URL within ${START_TIMEOUT_MS} ms; stderr:\n${stderr}`));
    }, START_TIMEOUT_MS);
    child.stdout?.setEncoding('utf8');
    child.stdout?.on('data', (text: string) => {
      stdout += text;
      const newline = stdout.indexOf('\n');
      if (newline < 0) return;
      clearTimeout(timer);
      const url = stdout.slice(0, newline).trim();
      if (!/^http:\/\/127\.0\.0\.1:\d+\/\?token=\S+$/u.test(url)) {
        void stop('SIGKILL');
        reject(new Error(`unexpected first line from the host: ${url}\nstderr:\n${stderr}`));
        return;
      }
      resolve({ url, child, stderr: () => stderr, stop });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`host exited (${String(code)}) before printing its URL; stderr:\n${stderr}`));
    });
  });
}

export type DumpedStatus = { period: string; code: string; rowVersion: number } & Record<string, unknown>;
export type Dump = {
  office: { name: string; parents: string[]; code: string };
  period: string;
  units: { code: string; name: string }[];
  statuses: DumpedStatus[];
};

/** `pcmt dump --json`: what is really in the workspace file. */
export async function dumpWorkspace(workspace: string, period: string): Promise<Dump> {
  const { stdout } = await execFileAsync(process.execPath, [CLI, 'dump', '--workspace', workspace, '--period', period, '--json'], {
    cwd: repoRoot,
    maxBuffer: 32 * 1024 * 1024,
  });
  return JSON.parse(stdout) as Dump;
}

/** `pcmt init`: imports the unit list and chooses the office without the UI. */
export async function initWorkspace(workspace: string, officeCode: string, scheme: 'GSO_2004' | 'NSO_2025', units = UNITS_XLSX): Promise<void> {
  await execFileAsync(process.execPath, [CLI, 'init', '--workspace', workspace, '--units', units, '--office', officeCode, '--scheme', scheme], {
    cwd: repoRoot,
  });
}
