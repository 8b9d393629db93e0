/**
 * Raw X25519 through node:crypto key objects (no extra dependency; exchange-format.md
 * §8), plus age's textual key forms. Raw keys go in and out through fixed DER
 * prefixes, since Node has no raw import for X25519.
 */
import { createPrivateKey, createPublicKey, diffieHellman, randomBytes, type KeyObject } from 'node:crypto';
import { BcpkgError } from '../bcpkg-error';
import { bech32Decode, bech32Encode } from './bech32';

const PKCS8_PREFIX = Buffer.from('302e020100300506032b656e04220420', 'hex');
const SPKI_PREFIX = Buffer.from('302a300506032b656e032100', 'hex');
const KEY_LENGTH = 32;
const RECIPIENT_HRP = 'age';
const IDENTITY_HRP = 'AGE-SECRET-KEY-';

function privateKeyObject(secret: Uint8Array): KeyObject {
  if (secret.length !== KEY_LENGTH) throw new Error('x25519: secret must be 32 bytes');
  return createPrivateKey({ key: Buffer.concat([PKCS8_PREFIX, secret]), format: 'der', type: 'pkcs8' });
}

function publicKeyObject(pub: Uint8Array): KeyObject {
  return createPublicKey({ key: Buffer.concat([SPKI_PREFIX, pub]), format: 'der', type: 'spki' });
}

export function generateX25519Secret(): Buffer {
  return randomBytes(KEY_LENGTH);
}

export function x25519PublicFromSecret(secret: Uint8Array): Buffer {
  const spki = createPublicKey(privateKeyObject(secret)).export({ format: 'der', type: 'spki' });
  return spki.subarray(SPKI_PREFIX.length);
}

/**
 * Null for a low-order or otherwise unusable peer point: OpenSSL throws for those, and
 * an all-zero result is checked again here because age requires it whatever the library.
 */
export function x25519SharedSecret(secret: Uint8Array, peerPublic: Uint8Array): Buffer | null {
  return sharedWith(privateKeyObject(secret), peerPublic);
}

function sharedWith(privateKey: KeyObject, peerPublic: Uint8Array): Buffer | null {
  if (peerPublic.length !== KEY_LENGTH) return null;
  let shared: Buffer;
  try {
    shared = diffieHellman({ privateKey, publicKey: publicKeyObject(peerPublic) });
  } catch {
    return null;
  }
  return shared.length === KEY_LENGTH && shared.some((b) => b !== 0) ? shared : null;
}

export type X25519Identity = { publicKey: Buffer; sharedSecret(peerPublic: Uint8Array): Buffer | null };

/**
 * An identity's key object and public key, made once per secret buffer and reused for
 * every file of a batch (verifying 700 packages built them 1,400 times: a third of the
 * time). Kept in a WeakMap on the buffer the batch unlocked, so they go with it.
 * Ephemeral secrets (wrapX25519) do not come here: they are zeroed in place after use.
 */
const identities = new WeakMap<Uint8Array, X25519Identity>();

export function x25519Identity(secret: Uint8Array): X25519Identity {
  let identity = identities.get(secret);
  if (identity === undefined) {
    const privateKey = privateKeyObject(secret);
    const spki = createPublicKey(privateKey).export({ format: 'der', type: 'spki' });
    identity = { publicKey: spki.subarray(SPKI_PREFIX.length), sharedSecret: (peer) => sharedWith(privateKey, peer) };
    identities.set(secret, identity);
  }
  return identity;
}

export function recipientString(pub: Uint8Array): string {
  if (pub.length !== KEY_LENGTH) throw new Error('x25519: public key must be 32 bytes');
  return bech32Encode(RECIPIENT_HRP, pub);
}

/** `age1…`, lowercase only (as age itself). Anything else → E_KEY_FILE_INVALID. */
export function parseRecipient(s: string): Buffer {
  const decoded = bech32Decode(s);
  if (decoded === null || decoded.hrp !== RECIPIENT_HRP || decoded.data.length !== KEY_LENGTH) {
    throw new BcpkgError('E_KEY_FILE_INVALID', 'not an age X25519 recipient');
  }
  return Buffer.from(decoded.data);
}

export function identityString(secret: Uint8Array): string {
  if (secret.length !== KEY_LENGTH) throw new Error('x25519: secret must be 32 bytes');
  return bech32Encode(IDENTITY_HRP, secret).toUpperCase();
}

/** `AGE-SECRET-KEY-1…`, uppercase only (as age itself). Anything else → E_KEY_FILE_INVALID. */
export function parseIdentity(s: string): Buffer {
  const decoded = bech32Decode(s);
  if (decoded === null || decoded.hrp !== IDENTITY_HRP || decoded.data.length !== KEY_LENGTH) {
    throw new BcpkgError('E_KEY_FILE_INVALID', 'not an age X25519 identity');
  }
  return Buffer.from(decoded.data);
}

/**
 * A standard age identity file (what `age-keygen` writes): `#` comments and blank lines,
 * every other line one identity. CRLF is tolerated because the file may have passed
 * through a Windows editor; at least one identity is required.
 */
export function parseIdentityFile(text: string): Buffer[] {
  const identities: Buffer[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line === '' || line.startsWith('#')) continue;
    identities.push(parseIdentity(line));
  }
  if (identities.length === 0) throw new BcpkgError('E_KEY_FILE_INVALID', 'no identity in the file');
  return identities;
}

/** An identity file in age-keygen's layout, for export to the `age` command-line tool. */
export function formatIdentityFile(secret: Uint8Array, createdAt: string): string {
  const pub = recipientString(x25519PublicFromSecret(secret));
  return `# created: ${createdAt}\n# public key: ${pub}\n${identityString(secret)}\n`;
}
