/**
 * Auditors' independent check of exchange-format.md §2.5 and §7.2 item 8: a package
 * is an ordinary ZIP (`unzip`), its manifest signature is pure Ed25519 (`openssl
 * pkeyutl -verify -rawin`), its entries hash as the manifest says (`sha256sum`), and an
 * encrypted package is a standard age file (`age -d`). Each test skips, saying why,
 * only when its tool is not installed (CI installs openssl, unzip and age).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, type TestContext } from 'vitest';
import { formatIdentityFile } from '../../electron/services/exchange/age/x25519';
import { buildPackage, type BuiltPackage } from '../../electron/services/exchange/package-builder';
import { baseInput, KEY_LABELS, keyIdOfLabel, publicKeyOf, testSecret } from '../vectors/corpus-keys';
import { encryptTo, xlsxFor } from '../vectors/corpus-packages';

const V1 = fileURLToPath(new URL('../vectors/v1/', import.meta.url));
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const EXPECTED = JSON.parse(fs.readFileSync(path.join(V1, 'expected.json'), 'utf8')) as Record<string, string>;

let dir = '';
let pkg: BuiltPackage;

function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
}

function requireTool(ctx: TestContext, name: string): boolean {
  if (hasTool(name)) return true;
  ctx.skip(`${name} is not installed here (CI installs it); this independent check was not run`);
  return false;
}

function pemOf(publicKey: Uint8Array): string {
  const der = Buffer.concat([SPKI_ED25519_PREFIX, publicKey]).toString('base64');
  return `-----BEGIN PUBLIC KEY-----\n${der}\n-----END PUBLIC KEY-----\n`;
}

/** The 64-byte signature from manifest.sig's line 2, after the "Ed" ‖ keyId prefix. */
function rawSignature(sigFile: string): { keyId: string; signature: Buffer } {
  const block = Buffer.from(sigFile.split('\n')[1] ?? '', 'base64');
  return { keyId: block.subarray(2, 10).toString('hex').toUpperCase(), signature: block.subarray(10) };
}

/** Runs openssl on an extracted folder; true when it prints "Signature Verified Successfully". */
function opensslVerifies(folder: string, manifestName = 'manifest.json'): boolean {
  const { keyId, signature } = rawSignature(fs.readFileSync(path.join(folder, 'manifest.sig'), 'latin1'));
  const label = KEY_LABELS.find((l) => keyIdOfLabel(l) === keyId);
  if (label === undefined) throw new Error(`no test key ${keyId}`);
  fs.writeFileSync(path.join(folder, 'office.pem'), pemOf(publicKeyOf(label)));
  fs.writeFileSync(path.join(folder, 'sig.bin'), signature);
  const run = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'office.pem', '-rawin', '-in', manifestName, '-sigfile', 'sig.bin'], {
    cwd: folder,
    encoding: 'utf8',
  });
  return run.status === 0 && run.stdout.includes('Signature Verified Successfully');
}

function extract(file: string, name: string): string {
  const out = path.join(dir, name);
  fs.mkdirSync(out);
  execFileSync('unzip', ['-q', file, '-d', out]);
  return out;
}

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-tools-'));
  const input = baseInput('independent_tools');
  pkg = buildPackage({ ...input, xlsx: xlsxFor(input) }, testSecret('d001-active'));
  fs.writeFileSync(path.join(dir, 'plain.bcpkg'), pkg.bytes);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('a plain package opened with standard tools', () => {
  it('`unzip -t` accepts it and lists every entry', (ctx) => {
    if (!requireTool(ctx, 'unzip')) return;
    const out = execFileSync('unzip', ['-t', path.join(dir, 'plain.bcpkg')], { encoding: 'utf8' });
    expect(out).toMatch(/No errors detected/u);
    for (const name of ['mimetype', 'manifest.json', 'manifest.sig', 'data/commune_status.json', 'data/model_sites.json', 'human/report.xlsx']) {
      expect(out).toContain(name);
    }
  });

  it('`openssl pkeyutl -verify -rawin` verifies the manifest signature; a changed manifest fails', (ctx) => {
    if (!requireTool(ctx, 'unzip') || !requireTool(ctx, 'openssl')) return;
    const folder = extract(path.join(dir, 'plain.bcpkg'), 'openssl');
    expect(fs.readFileSync(path.join(folder, 'manifest.json')).equals(pkg.manifestBytes)).toBe(true);
    expect(opensslVerifies(folder)).toBe(true);
    const tampered = Buffer.from(pkg.manifestBytes.toString('utf8').replace('"sequence":12', '"sequence":13'), 'utf8');
    expect(tampered.equals(pkg.manifestBytes)).toBe(false);
    fs.writeFileSync(path.join(folder, 'tampered.json'), tampered);
    expect(opensslVerifies(folder, 'tampered.json')).toBe(false);
  });

  it('`sha256sum data/* human/*` matches every manifest entry', (ctx) => {
    if (!requireTool(ctx, 'unzip') || !requireTool(ctx, 'sha256sum')) return;
    const folder = extract(path.join(dir, 'plain.bcpkg'), 'sha256sum');
    const out = execFileSync('sh', ['-c', 'sha256sum data/* human/*'], { cwd: folder, encoding: 'utf8' });
    const sums = Object.fromEntries(
      out
        .trim()
        .split('\n')
        .map((line) => {
          const [hash = '', file = ''] = line.split(/\s+\*?/u);
          return [file, hash];
        }),
    );
    expect(sums).toEqual(Object.fromEntries(pkg.manifest.entries.map((e) => [e.path, e.sha256])));
    for (const e of pkg.manifest.entries) expect(fs.statSync(path.join(folder, e.path)).size).toBe(e.size);
  });
});

describe('the corpus with standard tools (§7.2 item 8)', () => {
  it('every valid plain vector verifies with openssl; the re-signed and bit-flipped signatures fail', (ctx) => {
    if (!requireTool(ctx, 'unzip') || !requireTool(ctx, 'openssl')) return;
    const good = ['valid_plain_no_sensitive', 'valid_retired_key_old_sequence', 'valid_vietnamese_nfc'];
    for (const name of good) expect([name, opensslVerifies(extract(path.join(V1, `${name}.bcpkg`), name))]).toEqual([name, true]);
    for (const name of ['tamper_manifest_resigned_by_nobody', 'tamper_signature_bit', 'tamper_signature_swapped_from_other_package']) {
      expect(EXPECTED[name]).toBe('E_SIG_INVALID');
      expect([name, opensslVerifies(extract(path.join(V1, `${name}.bcpkg`), name))]).toEqual([name, false]);
    }
  });

  it('`age -d -i identity.txt` decrypts an encrypted package to the same plain bytes, and the committed valid ones to a package', (ctx) => {
    if (!requireTool(ctx, 'age')) return;
    const identity = path.join(dir, 'identity.txt');
    fs.writeFileSync(identity, formatIdentityFile(testSecret('verifier-x25519'), '2025-10-01T00:00:00Z'), { mode: 0o600 });
    const encrypted = path.join(dir, 'encrypted.bcpkg');
    fs.writeFileSync(encrypted, encryptTo(pkg.bytes, ['verifier-x25519']));
    const plain = execFileSync('age', ['-d', '-i', identity, encrypted]);
    expect(plain.equals(pkg.bytes)).toBe(true);
    for (const name of ['valid_encrypted', 'valid_two_recipients']) {
      const out = execFileSync('age', ['-d', '-i', identity, path.join(V1, `${name}.bcpkg`)]);
      expect(out.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    }
    const other = spawnSync('age', ['-d', '-i', identity, path.join(V1, 'enc_for_other_office.bcpkg')]);
    expect(other.status).not.toBe(0);
  });
});
