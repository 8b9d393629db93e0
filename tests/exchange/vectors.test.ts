/**
 * The v1 corpus (tests/vectors/v1, exchange-format.md §7.1) through the real CLI: every
 * vector gets exactly its expected code, and the generator reproduces the plain vectors
 * byte for byte. E_FILE_TOO_LARGE and E_TRUSTLIST_EXPIRED are made here at run time
 * (see v1/README.md for why they are not committed files).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERIFY_ERROR_CODES } from '../../shared/exchange/codes';
import { verifyFiles } from '../../electron/services/exchange/verify-service';
import { openServices } from '../../electron/services/index';
import { VERIFIER_PASSPHRASE } from '../vectors/corpus-keys';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const V1 = path.join(ROOT, 'tests/vectors/v1');
const CLI = path.join(ROOT, 'electron/cli/pcmt.mjs');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(V1, 'expected.json'), 'utf8')) as Record<string, string>;
const STAGE_7 = ['E_PACKAGE_ID_REUSED', 'E_REPLAY_OR_STALE'];
const ENCRYPTED = /^(valid_encrypted|valid_two_recipients|enc_.*)$/u;

let dir = '';
let workspace = '';
let tooLarge = '';

type Line = { file: string; code: string; message: string };

function verifyWithCli(files: readonly string[]): { status: number | null; lines: Line[]; stderr: string } {
  const run = spawnSync(process.execPath, [CLI, 'verify', ...files, '--workspace', workspace, '--json'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, PCMT_PASSPHRASE: VERIFIER_PASSPHRASE },
    maxBuffer: 16 * 1024 * 1024,
  });
  const lines = run.stdout
    .trim()
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as Line);
  return { status: run.status, lines, stderr: run.stderr };
}

function vectorFile(name: string): string {
  return path.join(V1, `${name}.bcpkg`);
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-vectors-'));
  workspace = path.join(dir, 'verifier.sqlite');
  fs.copyFileSync(path.join(V1, 'verifier.sqlite'), workspace);
  tooLarge = path.join(dir, 'file_too_large.bcpkg');
  // 64 MiB + 1, starting like a ZIP so only the size can reject it.
  const big = Buffer.alloc(64 * 1024 * 1024 + 1);
  big.write('PK\u0003\u0004', 0, 'latin1');
  fs.writeFileSync(tooLarge, big);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('v1 corpus through `pcmt verify --json`', () => {
  it('every vector gets exactly its expected code; the run exits 1', () => {
    const names = Object.keys(EXPECTED);
    expect(names.length).toBeGreaterThanOrEqual(70);
    const { status, lines, stderr } = verifyWithCli([...names.map(vectorFile), tooLarge]);
    expect(stderr).toBe('');
    expect(status).toBe(1);
    const got = Object.fromEntries(lines.map((l) => [path.basename(l.file, '.bcpkg'), l.code]));
    expect(got).toEqual({ ...EXPECTED, file_too_large: 'E_FILE_TOO_LARGE' });
    for (const line of lines) expect(line.message.length).toBeGreaterThan(10);
    expect(lines.find((l) => l.code === 'E_ENVIRONMENT_MISMATCH')?.message).toBe('Đây là dữ liệu tập huấn/thử nghiệm, không nhập vào hệ thống chính thức.');
  });

  it('the valid vectors alone exit 0', () => {
    const valid = Object.keys(EXPECTED).filter((n) => EXPECTED[n] === 'OK_STAGED');
    expect(valid).toEqual(['valid_plain_no_sensitive', 'valid_encrypted', 'valid_retired_key_old_sequence', 'valid_vietnamese_nfc', 'valid_two_recipients']);
    const { status, lines } = verifyWithCli(valid.map(vectorFile));
    expect(lines.map((l) => l.code)).toEqual(valid.map(() => 'OK_STAGED'));
    expect(status).toBe(0);
  });

  it('covers every §5.2 code of stages 0–6 (stage 7 needs stored packages)', () => {
    const covered = new Set([...Object.values(EXPECTED), 'E_FILE_TOO_LARGE', 'E_TRUSTLIST_EXPIRED']);
    expect(VERIFY_ERROR_CODES.filter((c) => !covered.has(c))).toEqual(STAGE_7);
  });

  it('E_TRUSTLIST_EXPIRED once the installed list is past its date (verifyFiles with `now`)', () => {
    const services = openServices({ workspacePath: workspace, hostKind: 'cli', isCreateAllowed: false });
    try {
      const files = ['valid_plain_no_sensitive', 'valid_encrypted'].map((n) => ({ fileName: n, bytes: fs.readFileSync(vectorFile(n)) }));
      const before = verifyFiles(services.workspace, files, VERIFIER_PASSPHRASE, { now: new Date('2099-12-30T23:59:59Z') });
      expect(before.map((r) => r.code)).toEqual(['OK_STAGED', 'OK_STAGED']);
      const after = verifyFiles(services.workspace, files, VERIFIER_PASSPHRASE, { now: new Date('2099-12-31T00:00:00Z') });
      expect(after.map((r) => r.code)).toEqual(['E_TRUSTLIST_EXPIRED', 'E_TRUSTLIST_EXPIRED']);
      expect(after[0]?.message).toContain('2099-12-31');
    } finally {
      services.close();
    }
  });
});

describe('retired keys after their grace period (§3.6)', () => {
  it('a late package under a retired key passes until retireGraceUntil, then E_KEY_RETIRED', () => {
    const services = openServices({ workspacePath: workspace, hostKind: 'cli', isCreateAllowed: false });
    try {
      const files = [{ fileName: 'late', bytes: fs.readFileSync(vectorFile('valid_retired_key_old_sequence')) }];
      expect(verifyFiles(services.workspace, files, null, { now: new Date('2099-12-31T00:00:00Z') })[0]?.code).toBe('E_TRUSTLIST_EXPIRED');
      expect(verifyFiles(services.workspace, files, null, { now: new Date('2099-12-30T23:59:59Z') })[0]?.code).toBe('OK_STAGED');
      expect(verifyFiles(services.workspace, files, null, { now: new Date('2099-12-31T00:00:01Z') })[0]?.code).toBe('E_KEY_RETIRED');
    } finally {
      services.close();
    }
  });
});

describe('the generator', () => {
  it('reproduces every plain vector and document byte for byte (generating into a temp dir)', () => {
    const out = path.join(dir, 'regenerated');
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/vectors/generate.ts'), out], { cwd: ROOT, encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const committed = fs.readdirSync(V1).filter((f) => f !== 'README.md' && f !== 'verifier.sqlite');
    expect(fs.readdirSync(out).sort()).toEqual([...committed, 'verifier.sqlite'].sort());
    const plain = committed.filter((f) => !ENCRYPTED.test(path.basename(f, '.bcpkg')));
    expect(plain.length).toBeGreaterThan(60);
    const differing = plain.filter((f) => !fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(V1, f))));
    expect(differing).toEqual([]);
  }, 60_000);
});
