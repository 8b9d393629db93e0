import { execFileSync } from 'node:child_process';
import { createHash, createPublicKey } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BcpkgError } from './bcpkg-error';
import {
  ed25519PublicFromSeed,
  ed25519Sign,
  ed25519Verify,
  fingerprint,
  formatPublicKeyFile,
  formatSignatureBlock,
  generateEd25519Seed,
  keyIdHex,
  keyIdOf,
  parsePublicKeyFile,
  parseSignatureFile,
} from './signify';

// RFC 8032 §7.1, TEST 1 (empty message).
const RFC_SEED = Buffer.from('9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60', 'hex');
const RFC_PK = Buffer.from('d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a', 'hex');
const RFC_SIG = Buffer.from(
  'e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b',
  'hex',
);
const MESSAGE = Buffer.from('{"type":"bcpkg.manifest","x":"Hà Nội"}', 'utf8');
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

function codeOf(run: () => unknown): string {
  try {
    run();
    return 'ACCEPTED';
  } catch (error) {
    if (error instanceof BcpkgError) return error.code;
    throw error;
  }
}

function signatureFile(seed: Uint8Array = RFC_SEED, message: Uint8Array = MESSAGE): string {
  return formatSignatureBlock(keyIdOf(ed25519PublicFromSeed(seed)), ed25519Sign(seed, message));
}

describe('Ed25519 through node:crypto', () => {
  it('matches RFC 8032 test 1', () => {
    expect(ed25519PublicFromSeed(RFC_SEED).equals(RFC_PK)).toBe(true);
    expect(ed25519Sign(RFC_SEED, Buffer.alloc(0)).equals(RFC_SIG)).toBe(true);
    expect(ed25519Verify(RFC_PK, Buffer.alloc(0), RFC_SIG)).toBe(true);
  });

  it('signs deterministically and verifies only the signed message with the right key', () => {
    const seed = generateEd25519Seed();
    const pk = ed25519PublicFromSeed(seed);
    const sig = ed25519Sign(seed, MESSAGE);
    expect(sig).toHaveLength(64);
    expect(ed25519Sign(seed, MESSAGE).equals(sig)).toBe(true);
    expect(ed25519Verify(pk, MESSAGE, sig)).toBe(true);
    expect(ed25519Verify(pk, Buffer.concat([MESSAGE, Buffer.from(' ')]), sig)).toBe(false);
    expect(ed25519Verify(RFC_PK, MESSAGE, sig)).toBe(false);
  });

  it('rejects the S + L malleation of a valid signature', () => {
    const sig = ed25519Sign(RFC_SEED, MESSAGE);
    const s = BigInt(`0x${Buffer.from(sig.subarray(32)).reverse().toString('hex')}`) + L;
    const malleated = Buffer.concat([sig.subarray(0, 32), Buffer.from(s.toString(16).padStart(64, '0'), 'hex').reverse()]);
    expect(malleated.equals(sig)).toBe(false);
    expect(ed25519Verify(RFC_PK, MESSAGE, malleated)).toBe(false);
  });

  it('never throws on wrong lengths or garbage keys', () => {
    const sig = ed25519Sign(RFC_SEED, MESSAGE);
    expect(ed25519Verify(RFC_PK, MESSAGE, sig.subarray(0, 63))).toBe(false);
    expect(ed25519Verify(RFC_PK, MESSAGE, Buffer.concat([sig, Buffer.from([0])]))).toBe(false);
    expect(ed25519Verify(RFC_PK.subarray(0, 31), MESSAGE, sig)).toBe(false);
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.uint8Array({ minLength: 64, maxLength: 64 }), (pk, s) => {
        expect(ed25519Verify(pk, MESSAGE, s)).toBe(false);
      }),
      { numRuns: 200 },
    );
  });
});

describe('openssl cross-check (§7.2 item 8)', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'signify-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const opensslVerifies = (pk: Buffer, message: Buffer, sig: Buffer): boolean => {
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), pk]);
    const pem = createPublicKey({ key: spki, format: 'der', type: 'spki' }).export({ format: 'pem', type: 'spki' });
    writeFileSync(path.join(dir, 'pub.pem'), pem);
    writeFileSync(path.join(dir, 'msg'), message);
    writeFileSync(path.join(dir, 'sig'), sig);
    try {
      execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'pub.pem', '-rawin', '-in', 'msg', '-sigfile', 'sig'], {
        cwd: dir,
        stdio: 'pipe',
      });
      return true;
    } catch {
      return false;
    }
  };

  it('`openssl pkeyutl -verify -rawin` accepts our signature and rejects a flipped one', (ctx) => {
    const hasOpenssl = ['/usr/bin/openssl', '/usr/local/bin/openssl'].some((p) => existsSync(p));
    if (!hasOpenssl) {
      ctx.skip('openssl is not installed');
      return;
    }
    const seed = generateEd25519Seed();
    const pk = ed25519PublicFromSeed(seed);
    const sig = ed25519Sign(seed, MESSAGE);
    expect(opensslVerifies(pk, MESSAGE, sig)).toBe(true);
    const flipped = Buffer.from(sig);
    flipped[10] = (flipped[10] as number) ^ 1;
    expect(opensslVerifies(pk, MESSAGE, flipped)).toBe(false);
  });
});

describe('key ids and fingerprints', () => {
  it('keyId is the first 8 bytes of SHA-256("bcpkg/v1 keyid\\n" ‖ pk), shown as 16 uppercase hex', () => {
    const expected = createHash('sha256').update(`bcpkg/v1 keyid\n${RFC_PK.toString('latin1')}`, 'latin1').digest().subarray(0, 8);
    expect(keyIdOf(RFC_PK).equals(expected)).toBe(true);
    expect(keyIdHex(keyIdOf(RFC_PK))).toBe(expected.toString('hex').toUpperCase());
    expect(keyIdHex(keyIdOf(RFC_PK))).toMatch(/^[0-9A-F]{16}$/u);
  });

  it('fingerprint is six groups of five digits, per key kind, deterministic', () => {
    const reference = (pk: Buffer, kind: string): string => {
      const h = createHash('sha256').update(Buffer.concat([Buffer.from(`bcpkg/v1 fingerprint ${kind}\n`), pk])).digest();
      const group = (i: number): string => (BigInt(`0x${h.subarray(i * 5, i * 5 + 5).toString('hex')}`) % 100000n).toString();
      return Array.from({ length: 6 }, (_, i) => group(i).padStart(5, '0')).join(' ');
    };
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (raw) => {
        const pk = Buffer.from(raw);
        const ed = fingerprint(pk, 'ed25519');
        expect(ed).toMatch(/^\d{5}( \d{5}){5}$/u);
        expect(ed).toBe(fingerprint(pk, 'ed25519'));
        expect(ed).toBe(reference(pk, 'ed25519'));
        expect(fingerprint(pk, 'x25519')).toBe(reference(pk, 'x25519'));
      }),
      { numRuns: 200 },
    );
    expect(fingerprint(RFC_PK, 'ed25519')).not.toBe(fingerprint(RFC_PK, 'x25519'));
  });
});

describe('signature files (§2.5)', () => {
  const file = signatureFile();
  const [comment, base64] = file.split('\n') as [string, string];
  const block = Buffer.from(base64, 'base64');

  it('formats the two-line block and parses it back', () => {
    expect(comment).toBe(`untrusted comment: bcpkg signature ${keyIdHex(keyIdOf(RFC_PK))}`);
    expect(block).toHaveLength(74);
    expect(base64).toHaveLength(100);
    const [parsed, ...rest] = parseSignatureFile(Buffer.from(file), 1);
    expect(rest).toEqual([]);
    expect(parsed?.keyId.equals(keyIdOf(RFC_PK))).toBe(true);
    expect(ed25519Verify(RFC_PK, MESSAGE, parsed?.signature as Buffer)).toBe(true);
  });

  it('parses several blocks up to maxBlocks, in order', () => {
    const other = generateEd25519Seed();
    const two = file + signatureFile(other);
    const blocks = parseSignatureFile(Buffer.from(two), 3);
    expect(blocks.map((b) => keyIdHex(b.keyId))).toEqual([keyIdHex(keyIdOf(RFC_PK)), keyIdHex(keyIdOf(ed25519PublicFromSeed(other)))]);
    expect(codeOf(() => parseSignatureFile(Buffer.from(two), 1))).toBe('E_SIG_MALFORMED');
  });

  const withBlock = (bytes: Buffer, text = comment): string => `${text}\n${bytes.toString('base64')}\n`;
  const otherKeyId = Buffer.from('0123456789abcdef', 'hex');

  it.each<[string, () => string, string]>([
    ['CRLF line endings (sig_crlf)', () => file.replace(/\n/gu, '\r\n'), 'E_SIG_MALFORMED'],
    ['a missing final LF', () => file.slice(0, -1), 'E_SIG_MALFORMED'],
    ['an extra empty line', () => `${file}\n`, 'E_SIG_MALFORMED'],
    ['an extra line', () => `${file}trusted comment: x\n`, 'E_SIG_MALFORMED'],
    ['only the comment', () => `${comment}\n`, 'E_SIG_MALFORMED'],
    ['an empty file', () => '', 'E_SIG_MALFORMED'],
    ['a BOM', () => `\ufeff${file}`, 'E_SIG_MALFORMED'],
    ['a trailing space', () => `${comment} \n${base64}\n`, 'E_SIG_MALFORMED'],
    ['unpadded base64', () => `${comment}\n${base64.replace(/=+$/u, '')}\n`, 'E_SIG_MALFORMED'],
    ['a base64url character', () => `${comment}\n${base64.slice(0, 10)}-${base64.slice(11)}\n`, 'E_SIG_MALFORMED'],
    ['non-zero padding bits', () => `${comment}\n${base64.slice(0, -2)}${String.fromCharCode(base64.charCodeAt(98) + 1)}=\n`, 'E_SIG_MALFORMED'],
    ['base64 with whitespace inside', () => `${comment}\n${base64.slice(0, 50)} ${base64.slice(50)}\n`, 'E_SIG_MALFORMED'],
    ['a 73-byte block', () => withBlock(block.subarray(0, 73)), 'E_SIG_MALFORMED'],
    ['a 75-byte block', () => withBlock(Buffer.concat([block, Buffer.from([0])])), 'E_SIG_MALFORMED'],
    ['another key’s comment (tamper_untrusted_comment_only)', () => file.replace(keyIdHex(keyIdOf(RFC_PK)), keyIdHex(otherKeyId)), 'E_SIG_MALFORMED'],
    ['a lowercase key id in the comment', () => `${comment.toLowerCase()}\n${base64}\n`.replace('UNTRUSTED', 'untrusted'), 'E_SIG_MALFORMED'],
    ['a minisign-style comment', () => `untrusted comment: signature from minisign secret key\n${base64}\n`, 'E_SIG_MALFORMED'],
    ['the prehashed "ED" tag (sig_alg_minisign_prehashed)', () => withBlock(Buffer.concat([Buffer.from('ED'), block.subarray(2)])), 'E_SIG_ALG'],
    ['an unknown tag', () => withBlock(Buffer.concat([Buffer.from('Xx'), block.subarray(2)])), 'E_SIG_ALG'],
  ])('rejects %s', (_, build, expected) => {
    expect(codeOf(() => parseSignatureFile(Buffer.from(build(), 'utf8'), 1))).toBe(expected);
  });

  it('never throws anything but BcpkgError on random or mutated input', () => {
    const base = Buffer.from(file);
    const mutated = fc.tuple(fc.nat({ max: base.length - 1 }), fc.nat({ max: 255 })).map(([at, value]) => {
      const copy = Buffer.from(base);
      copy[at] = value;
      return copy;
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 300 }), mutated), (bytes) => {
        // Only a change inside the signature bytes survives parsing; Ed25519 verification rejects it.
        if (codeOf(() => parseSignatureFile(bytes, 1)) !== 'ACCEPTED') return;
        expect(Buffer.from(bytes).subarray(0, comment.length + 1).toString('latin1')).toBe(`${comment}\n`);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('public key files', () => {
  const text = formatPublicKeyFile('T01-D05', RFC_PK);

  it('formats and parses back', () => {
    expect(text.split('\n')[0]).toBe(`untrusted comment: bcpkg public key T01-D05 ${keyIdHex(keyIdOf(RFC_PK))}`);
    const parsed = parsePublicKeyFile(text);
    expect(parsed.officeCode).toBe('T01-D05');
    expect(parsed.publicKey.equals(RFC_PK)).toBe(true);
    expect(parsed.keyId.equals(keyIdOf(RFC_PK))).toBe(true);
  });

  it('refuses to format an invalid office code', () => {
    expect(() => formatPublicKeyFile('t01', RFC_PK)).toThrow(Error);
  });

  const [comment, base64] = text.split('\n') as [string, string];
  const block = Buffer.from(base64, 'base64');
  const otherPk = ed25519PublicFromSeed(Buffer.alloc(32, 7));
  const withBlock = (bytes: Buffer): string => `${comment}\n${bytes.toString('base64')}\n`;

  it.each<[string, string]>([
    ['CRLF', text.replace(/\n/gu, '\r\n')],
    ['no final LF', text.slice(0, -1)],
    ['an extra line', `${text}x\n`],
    ['a lowercase office code', text.replace('T01-D05', 't01-d05')],
    ['a missing office code', text.replace('T01-D05 ', '')],
    ['a key id in the comment that is not this key’s', text.replace(keyIdHex(keyIdOf(RFC_PK)), keyIdHex(keyIdOf(otherPk)))],
    ['a key id in the block that is not this key’s', withBlock(Buffer.concat([block.subarray(0, 2), keyIdOf(otherPk), RFC_PK]))],
    ['another public key under this key id', withBlock(Buffer.concat([block.subarray(0, 10), otherPk]))],
    ['the "ED" tag', withBlock(Buffer.concat([Buffer.from('ED'), block.subarray(2)]))],
    ['a short key', withBlock(block.subarray(0, 41))],
    ['superfluous padding', `${comment}\n${base64}==\n`],
    ['a signature file', signatureFile()],
    ['non-ASCII', text.replace('public', 'públic')],
  ])('rejects %s with E_KEY_FILE_INVALID', (_, bad) => {
    expect(codeOf(() => parsePublicKeyFile(bad))).toBe('E_KEY_FILE_INVALID');
  });
});
