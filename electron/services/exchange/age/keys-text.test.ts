/** Bech32, X25519 and age's textual key forms (recipients, identities, identity files). */
import { describe, expect, it } from 'vitest';
import { isBcpkgError } from '../bcpkg-error';
import { bech32Decode, bech32Encode } from './bech32';
import {
  formatIdentityFile,
  generateX25519Secret,
  identityString,
  parseIdentityFile,
  parseRecipient,
  recipientString,
  x25519PublicFromSecret,
  x25519SharedSecret,
} from './x25519';

const hex = (s: string): Buffer => Buffer.from(s, 'hex');

function throwsKeyFileInvalid(run: () => unknown): boolean {
  try {
    run();
    return false;
  } catch (error) {
    return isBcpkgError(error) && error.code === 'E_KEY_FILE_INVALID';
  }
}

describe('bech32 (BIP-173)', () => {
  it.each(['A12UEL5L', 'a12uel5l', '?1ezyfcl', 'abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw'])('accepts %s', (s) => {
    const decoded = bech32Decode(s);
    expect(decoded).not.toBeNull();
    if (decoded) expect(bech32Encode(decoded.hrp, decoded.data)).toBe(s.toLowerCase());
  });

  // Checksum over the uppercase hrp, no separator, empty hrp, bad data char, short checksum,
  // mixed case, and a bech32m string (age uses plain bech32).
  it.each(['A1G7SGD8', 'pzry9x0s0muk', '1pzry9x0s0muk', 'x1b4n0q5v', 'li1dgmt3', '10a06t8', 'A12uEL5L', 'a1lqfn3a'])(
    'rejects %s',
    (s) => expect(bech32Decode(s)).toBeNull(),
  );
});

describe('X25519', () => {
  it('matches RFC 7748 §6.1', () => {
    const alice = hex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
    const bobPub = hex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
    expect(x25519PublicFromSecret(alice).toString('hex')).toBe('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
    expect(x25519SharedSecret(alice, bobPub)?.toString('hex')).toBe('4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742');
  });

  it.each([
    '0000000000000000000000000000000000000000000000000000000000000000',
    '0100000000000000000000000000000000000000000000000000000000000000',
    'e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800',
    'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  ])('returns null, never throws, for the low-order point %s', (point) => {
    expect(x25519SharedSecret(generateX25519Secret(), hex(point))).toBeNull();
  });

  it('returns null for a wrong-length peer key', () => {
    expect(x25519SharedSecret(generateX25519Secret(), Buffer.alloc(31, 9))).toBeNull();
  });
});

describe('age key strings', () => {
  const secret = generateX25519Secret();
  const pub = x25519PublicFromSecret(secret);

  it('round-trips recipients and identities in age case conventions', () => {
    const recipient = recipientString(pub);
    expect(recipient).toMatch(/^age1[02-9ac-hj-np-z]{58}$/u);
    expect(parseRecipient(recipient).equals(pub)).toBe(true);
    expect(identityString(secret)).toMatch(/^AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}$/u);
  });

  it('rejects the wrong case, a bad checksum and the other key kind', () => {
    const recipient = recipientString(pub);
    const identity = identityString(secret);
    const last = recipient.at(-1) === 'q' ? 'p' : 'q';
    for (const bad of [recipient.toUpperCase(), `${recipient.slice(0, -1)}${last}`, identity, '']) {
      expect([bad, throwsKeyFileInvalid(() => parseRecipient(bad))]).toEqual([bad, true]);
    }
    for (const bad of [identity.toLowerCase(), recipient, `${identity} `, 'AGE-PLUGIN-YUBIKEY-1QQQQQQ']) {
      expect([bad, throwsKeyFileInvalid(() => parseIdentityFile(bad))]).toEqual([bad, true]);
    }
  });

  it('parses identity files with comments, blank lines and CRLF, and formats what it parses', () => {
    const other = generateX25519Secret();
    const text = `# created: 2026-01-01T00:00:00Z\r\n\r\n${identityString(secret)}\r\n# second\n${identityString(other)}\n`;
    expect(parseIdentityFile(text).map((b) => b.toString('hex'))).toEqual([secret, other].map((b) => b.toString('hex')));
    const formatted = formatIdentityFile(secret, '2026-01-01T00:00:00Z');
    expect(formatted).toContain(`# public key: ${recipientString(pub)}`);
    expect(parseIdentityFile(formatted)[0]?.equals(secret)).toBe(true);
  });

  it('rejects an identity file with no identity or with any other line', () => {
    expect(throwsKeyFileInvalid(() => parseIdentityFile('# only a comment\n\n'))).toBe(true);
    expect(throwsKeyFileInvalid(() => parseIdentityFile(`${identityString(secret)}\n garbage\n`))).toBe(true);
  });
});
