/**
 * Issue 10, items 13 and 15: `pcmt verify` sizes each file before reading it (§5 stage
 * 0), reads one file at a time and gives every path on the command line its own result;
 * and README's code table lists every code `pcmt verify` prints. The big files are
 * sparse (fs.truncate): no disk is used, and the verifier must never read them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILE_ERROR_CODES, VERIFY_ERROR_CODES } from '../../shared/exchange/codes';
import { exchangeMessage } from '../../shared/i18n/exchange-messages';
import { readPackageFile } from '../../electron/services/exchange/package-files';
import { VERIFIER_PASSPHRASE } from '../vectors/corpus-keys';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const V1 = path.join(ROOT, 'tests/vectors/v1');
const CLI = path.join(ROOT, 'electron/cli/pcmt.mjs');
const GIB = 2 ** 30;
/** Node, tsx and SQLite alone take about 130 MB here; reading the 1 GiB file whole took 1.17 GB. */
const PEAK_RSS_LIMIT = 300 * 1024 * 1024;

let dir = '';

/** A sparse file of `size` bytes that starts like a ZIP, so only its size can reject it. */
function sparse(name: string, size: number): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, Buffer.from('PK\u0003\u0004', 'latin1'));
  fs.truncateSync(file, size);
  return file;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-verify-files-'));
  fs.copyFileSync(path.join(V1, 'verifier.sqlite'), path.join(dir, 'verifier.sqlite'));
  fs.mkdirSync(path.join(dir, 'a-folder.bcpkg'));
  // Records the child's peak resident set size (kB on Linux) when it exits.
  fs.writeFileSync(path.join(dir, 'peak.cjs'), "process.on('exit', () => require('node:fs').writeFileSync(process.env.PEAK_FILE, String(process.resourceUsage().maxRSS)));\n");
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('pcmt verify: stage 0 before reading (§5.1 step 1)', () => {
  it('1 GiB and 2.5 GiB files get E_FILE_TOO_LARGE unread; missing and unreadable paths get their own sentence; the rest still verify', () => {
    const files = [
      sparse('one_gib.bcpkg', GIB),
      path.join(V1, 'valid_plain_no_sensitive.bcpkg'),
      sparse('two_and_a_half_gib.bcpkg', 2.5 * GIB),
      path.join(dir, 'missing.bcpkg'),
      path.join(dir, 'a-folder.bcpkg'),
      path.join(V1, 'valid_encrypted.bcpkg'),
    ];
    expect(fs.statSync(files[2] as string).blocks * 512).toBeLessThan(1024 * 1024);
    const peakFile = path.join(dir, 'peak');
    const run = spawnSync(process.execPath, ['--require', path.join(dir, 'peak.cjs'), CLI, 'verify', ...files, '--workspace', path.join(dir, 'verifier.sqlite'), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PCMT_PASSPHRASE: VERIFIER_PASSPHRASE, PEAK_FILE: peakFile },
    });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; code: string; message: string });
    expect(lines.map((l) => [l.file, l.code])).toEqual([
      [files[0], 'E_FILE_TOO_LARGE'],
      [files[1], 'OK_STAGED'],
      [files[2], 'E_FILE_TOO_LARGE'],
      [files[3], 'E_FILE_NOT_FOUND'],
      [files[4], 'E_FILE_UNREADABLE'],
      [files[5], 'OK_STAGED'],
    ]);
    expect(lines[3]?.message).toBe(exchangeMessage('vi', 'E_FILE_NOT_FOUND'));
    expect(lines[4]?.message).toBe(exchangeMessage('vi', 'E_FILE_UNREADABLE'));
    const peakBytes = Number(fs.readFileSync(peakFile, 'utf8')) * 1024;
    expect(peakBytes).toBeGreaterThan(0);
    expect(peakBytes).toBeLessThan(PEAK_RSS_LIMIT);
  }, 60_000);

  it('pcmt receive too: the huge and the missing file get their own refusal, the valid one is still staged', () => {
    const files = [sparse('receive_big.bcpkg', 2.5 * GIB), path.join(dir, 'missing.bcpkg'), path.join(V1, 'valid_plain_no_sensitive.bcpkg')];
    const run = spawnSync(process.execPath, [CLI, 'receive', ...files, '--workspace', path.join(dir, 'verifier.sqlite'), '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, PCMT_PASSPHRASE: VERIFIER_PASSPHRASE },
    });
    expect(run.stderr).toBe('');
    const lines = run.stdout.trim().split('\n').map((l) => JSON.parse(l) as { file: string; code: string; decision: string });
    expect(lines.map((l) => [l.file, l.code, l.decision])).toEqual([
      [files[0], 'E_FILE_TOO_LARGE', 'rejected'],
      [files[1], 'E_FILE_NOT_FOUND', 'rejected'],
      [files[2], 'OK_STAGED', 'staged'],
    ]);
    expect(run.status).toBe(1);
  }, 60_000);

  it('reads at most the limit: exactly the limit is read, one byte more is too large', () => {
    const file = path.join(dir, 'small.bin');
    fs.writeFileSync(file, Buffer.alloc(16, 7));
    expect(readPackageFile(file, 16)).toEqual({ kind: 'bytes', bytes: Buffer.alloc(16, 7) });
    expect(readPackageFile(file, 15)).toEqual({ kind: 'too-large' });
    expect(readPackageFile(path.join(dir, 'nope', 'x.bcpkg'))).toEqual({ kind: 'unreadable', code: 'E_FILE_NOT_FOUND' });
  });
});

describe('README code table (issue 10 item 15)', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const rows = new Map(
    readme
      .split('\n')
      .map((line) => /^\| `([A-Z_]+)` \|(.*)$/u.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] as string, m[2] as string]),
  );

  it('lists every code `pcmt verify` prints', () => {
    const printed = ['OK_STAGED', 'I_ALREADY_IMPORTED', ...VERIFY_ERROR_CODES, ...FILE_ERROR_CODES];
    expect(printed.filter((c) => !rows.has(c))).toEqual([]);
  });

  it('says that entries out of the §2.2 order are E_ZIP_LAYOUT (§5.1 step 12 names no other code)', () => {
    expect(rows.get('E_ZIP_LAYOUT')).toMatch(/order/u);
  });
});
