/**
 * Package encryption (exchange-format.md §4.2, §5.1 stage 1, §7.1 "Encryption",
 * §7.2 items 2–3): round trips across both backends and every failure class.
 */
import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBcpkgError } from '../bcpkg-error';
import type { ExchangeErrorCode } from '../../../../shared/exchange/codes';
import { ageDecrypt, ageEncrypt } from './age';
import { encodeBase64 } from './base64';
import { nobleChacha, nodeChacha, type ChachaBackend } from './chacha';
import { HEADER_LIMITS, PACKAGE_CODES } from './codes';
import { newFileKey, sealAge } from './container';
import { parseHeader, type Stanza } from './header';
import { ageEncryptWithPassphrase } from './passphrase';
import { SEALED_CHUNK_SIZE } from './stream';
import { wrapX25519 } from './x25519-stanza';
import { generateX25519Secret, x25519PublicFromSecret } from './x25519';

const MAX = 64 * 1024 * 1024;
const BACKENDS = [nodeChacha, nobleChacha] as const;
const PAIRS = BACKENDS.flatMap((enc) => BACKENDS.map((dec) => ({ enc, dec })));

type Key = { secret: Buffer; pub: Buffer };
const newKey = (): Key => {
  const secret = generateX25519Secret();
  return { secret, pub: x25519PublicFromSecret(secret) };
};
const keys = Array.from({ length: 9 }, newKey);
const [alice = newKey(), bob = newKey()] = keys;

/** The BcpkgError code `run` throws; any other exception fails the test. */
function codeOf(run: () => unknown): ExchangeErrorCode | 'no error' {
  try {
    run();
    return 'no error';
  } catch (error) {
    if (!isBcpkgError(error)) throw error;
    return error.code;
  }
}

const decryptAs = (file: Uint8Array, key: Key, backend: ChachaBackend = nobleChacha, maxPlaintext = MAX): Buffer =>
  ageDecrypt(file, [key.secret], { backend, maxPlaintext });

/** A file whose header holds exactly the given stanzas, for shapes ageEncrypt refuses to make. */
function craft(plaintext: Uint8Array, makeStanzas: (fileKey: Buffer) => Stanza[]): Buffer {
  const fileKey = newFileKey();
  return sealAge(plaintext, fileKey, makeStanzas(fileKey), nodeChacha);
}

describe('ageEncrypt / ageDecrypt round trip', () => {
  it.each(PAIRS)('encrypts with $enc.name, decrypts with $dec.name, for 1, 2 and 8 recipients', ({ enc, dec }) => {
    for (const n of [1, 2, 8]) {
      const recipients = keys.slice(0, n);
      for (const size of [0, 1, 65_535, 65_536, 65_537, 2 * 65_536 + 100]) {
        const plaintext = randomBytes(size);
        const file = ageEncrypt(plaintext, recipients.map((k) => k.pub), enc);
        for (const key of [recipients[0], recipients[n - 1]]) {
          expect(key && decryptAs(file, key, dec).equals(plaintext)).toBe(true);
        }
      }
    }
  });

  it('uses a fresh file key and ephemeral share each time', () => {
    const a = ageEncrypt(Buffer.from('x'), [alice.pub], nodeChacha);
    const b = ageEncrypt(Buffer.from('x'), [alice.pub], nodeChacha);
    expect(a.equals(b)).toBe(false);
  });

  it('refuses to encrypt to 0 or 9 recipients (readers cap at 8)', () => {
    expect(() => ageEncrypt(Buffer.from('x'), [], nodeChacha)).toThrow();
    expect(() => ageEncrypt(Buffer.from('x'), keys.map((k) => k.pub), nodeChacha)).toThrow();
  });
});

describe('ageDecrypt failures', () => {
  const plaintext = randomBytes(2 * 65_536 + 100);
  const file = ageEncrypt(plaintext, [alice.pub], nodeChacha);
  const { payloadStart, macInput, mac } = parseHeader(file, HEADER_LIMITS, PACKAGE_CODES);

  it('9 stanzas → E_ENC_HEADER, even when one is ours', () => {
    const nine = craft(Buffer.from('x'), (fk) => keys.map((k) => wrapX25519(fk, k.pub, nodeChacha)));
    expect(codeOf(() => decryptAs(nine, alice))).toBe('E_ENC_HEADER');
  });

  it('an identity that is not a recipient → E_ENC_NOT_FOR_US', () => {
    expect(codeOf(() => decryptAs(file, bob))).toBe('E_ENC_NOT_FOR_US');
    expect(codeOf(() => ageDecrypt(file, [], { backend: nodeChacha, maxPlaintext: MAX }))).toBe('E_ENC_NOT_FOR_US');
  });

  it('truncation at every chunk boundary and sampled positions → E_ENC_PAYLOAD (E_ENC_HEADER up to the nonce)', () => {
    const boundaries = [0, 1, 2, 3].map((k) => payloadStart + 16 + k * SEALED_CHUNK_SIZE);
    const sampled = [0, 1, 21, 22, payloadStart - 1, payloadStart, payloadStart + 15, ...boundaries.flatMap((b) => [b - 1, b + 1, b + 16, b + 17])];
    for (const length of [...boundaries, ...sampled].filter((n) => n >= 0 && n < file.length)) {
      const want = length < payloadStart + 16 ? 'E_ENC_HEADER' : 'E_ENC_PAYLOAD';
      expect([length, codeOf(() => decryptAs(file.subarray(0, length), alice))]).toEqual([length, want]);
    }
  });

  it.each([0, 1, 65_536, 65_537])('a trailing byte after a %i-byte plaintext → E_ENC_PAYLOAD', (size) => {
    const f = ageEncrypt(randomBytes(size), [alice.pub], nodeChacha);
    for (const extra of [0x00, 0x41]) {
      expect(codeOf(() => decryptAs(Buffer.concat([f, Buffer.of(extra)]), alice))).toBe('E_ENC_PAYLOAD');
    }
  });

  it('a flipped header MAC → E_ENC_HEADER_MAC', () => {
    const flipped = Buffer.from(mac);
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    const tampered = Buffer.concat([macInput, Buffer.from(` ${encodeBase64(flipped)}\n`), file.subarray(payloadStart)]);
    expect(codeOf(() => decryptAs(tampered, alice))).toBe('E_ENC_HEADER_MAC');
  });

  it('a flipped payload byte → E_ENC_PAYLOAD, and nothing is returned', () => {
    const tampered = Buffer.from(file);
    tampered[tampered.length - 1] = (tampered[tampered.length - 1] ?? 0) ^ 0x80;
    expect(codeOf(() => decryptAs(tampered, alice))).toBe('E_ENC_PAYLOAD');
  });

  it('a plaintext above maxPlaintext → E_ENC_PAYLOAD before decrypting', () => {
    expect(codeOf(() => decryptAs(file, alice, nodeChacha, plaintext.length - 1))).toBe('E_ENC_PAYLOAD');
    expect(decryptAs(file, alice, nodeChacha, plaintext.length).equals(plaintext)).toBe(true);
  });

  it('a scrypt stanza (key-file format) → E_ENC_HEADER', () => {
    const scryptFile = ageEncryptWithPassphrase(Buffer.from('x'), 'pw', 10, nodeChacha);
    expect(codeOf(() => decryptAs(scryptFile, alice))).toBe('E_ENC_HEADER');
  });

  it.each(['piv-p256', 'mlkem768x25519', 'x25519'])('a %s stanza next to ours → E_ENC_HEADER', (type) => {
    const other: Stanza = { type, args: ['AAAA'], body: randomBytes(32) };
    const f = craft(Buffer.from('x'), (fk) => [wrapX25519(fk, alice.pub, nodeChacha), other]);
    expect(codeOf(() => decryptAs(f, alice))).toBe('E_ENC_HEADER');
  });

  it('a low-order share → E_ENC_HEADER', () => {
    const low: Stanza = { type: 'X25519', args: [encodeBase64(Buffer.alloc(32))], body: randomBytes(32) };
    const f = craft(Buffer.from('x'), (fk) => [low, wrapX25519(fk, alice.pub, nodeChacha)]);
    expect(codeOf(() => decryptAs(f, alice))).toBe('E_ENC_HEADER');
  });

  it('a header over 16 KiB → E_ENC_HEADER', () => {
    const big: Stanza = { type: 'X25519', args: [encodeBase64(alice.pub)], body: randomBytes(13_000) };
    const f = craft(Buffer.from('x'), (fk) => [wrapX25519(fk, alice.pub, nodeChacha), big]);
    expect(codeOf(() => decryptAs(f, alice))).toBe('E_ENC_HEADER');
  });
});

describe('every single-byte change is rejected with a BcpkgError (§7.2 item 2)', () => {
  const plaintext = Buffer.from('PK\u0003\u0004 a small package');
  const file = ageEncrypt(plaintext, [alice.pub, bob.pub], nodeChacha);

  it('exhaustively, for two bit flips at every position', () => {
    for (let i = 0; i < file.length; i++) {
      for (const mask of [0x01, 0x80]) {
        const changed = Buffer.from(file);
        changed[i] = (changed[i] ?? 0) ^ mask;
        expect([i, codeOf(() => decryptAs(changed, alice))]).not.toEqual([i, 'no error']);
      }
    }
  });

  it.each(BACKENDS)('for any replacement byte (fast-check), $name backend', (backend) => {
    fc.assert(
      fc.property(fc.nat(file.length - 1), fc.integer({ min: 1, max: 255 }), (position, delta) => {
        const changed = Buffer.from(file);
        changed[position] = ((changed[position] ?? 0) + delta) & 0xff;
        return codeOf(() => decryptAs(changed, bob, backend)) !== 'no error';
      }),
      { numRuns: 500 },
    );
  });

  it('and the untouched file still decrypts for both recipients', () => {
    expect(decryptAs(file, alice).equals(plaintext) && decryptAs(file, bob).equals(plaintext)).toBe(true);
  });
});
