/** The `X25519` recipient stanza (C2SP age §"The X25519 recipient type"). */
import { BcpkgError } from '../bcpkg-error';
import type { ChachaBackend } from './chacha';
import { decodeBase64, encodeBase64 } from './base64';
import type { AgeErrorCodes } from './codes';
import type { Stanza } from './header';
import { hkdf32 } from './keys';
import { generateX25519Secret, x25519Identity, x25519PublicFromSecret, x25519SharedSecret } from './x25519';

const LABEL = 'age-encryption.org/v1/X25519';
const ZERO_NONCE = new Uint8Array(12);
const SHARE_LENGTH = 32;
const BODY_LENGTH = 32;

/**
 * What to do with stanzas of other types. Packages use 'reject' (§4.2: X25519 only);
 * 'ignore' is age's own behaviour, kept so the CCTV corpus can check the generic path.
 */
export type OtherStanzas = 'reject' | 'ignore';

export function wrapX25519(fileKey: Uint8Array, recipient: Uint8Array, backend: ChachaBackend): Stanza {
  const ephemeral = generateX25519Secret();
  const share = x25519PublicFromSecret(ephemeral);
  const shared = x25519SharedSecret(ephemeral, recipient);
  ephemeral.fill(0);
  // Recipients come from our trust list, not from the file being read: a bad one is a caller bug.
  if (shared === null) throw new Error('age: recipient is not a usable X25519 public key');
  const wrapKey = hkdf32(shared, Buffer.concat([share, recipient]), LABEL);
  const body = Buffer.from(backend.seal(wrapKey, ZERO_NONCE, fileKey));
  return { type: 'X25519', args: [encodeBase64(share)], body };
}

type X25519Stanza = { share: Buffer; body: Buffer };

function checkStanzas(stanzas: readonly Stanza[], others: OtherStanzas, codes: AgeErrorCodes): X25519Stanza[] {
  const fail = (detail: string): BcpkgError => new BcpkgError(codes.header, detail);
  const result: X25519Stanza[] = [];
  for (const stanza of stanzas) {
    if (stanza.type === 'scrypt') throw fail('scrypt stanza in a recipient-encrypted file');
    if (stanza.type !== 'X25519') {
      if (others === 'reject') throw fail(`stanza type not accepted: ${stanza.type.slice(0, 32)}`);
      continue;
    }
    const share = stanza.args.length === 1 && stanza.args[0] !== undefined ? decodeBase64(stanza.args[0]) : null;
    if (share === null || share.length !== SHARE_LENGTH) throw fail('X25519 stanza needs one 32-byte share');
    if (stanza.body.length !== BODY_LENGTH) throw fail('X25519 stanza body must be 32 bytes');
    result.push({ share, body: stanza.body });
  }
  return result;
}

/** Returns the file key, or throws: codes.header (malformed, low order), codes.notForUs. */
export function unwrapX25519(
  stanzas: readonly Stanza[],
  identities: readonly Uint8Array[],
  options: { backend: ChachaBackend; codes: AgeErrorCodes; others: OtherStanzas },
): Buffer {
  const candidates = checkStanzas(stanzas, options.others, options.codes);
  for (const secret of identities) {
    const identity = x25519Identity(secret);
    const recipient = identity.publicKey;
    for (const { share, body } of candidates) {
      const shared = identity.sharedSecret(share);
      if (shared === null) throw new BcpkgError(options.codes.header, 'X25519 share is a low-order point');
      const wrapKey = hkdf32(shared, Buffer.concat([share, recipient]), LABEL);
      const fileKey = options.backend.open(wrapKey, ZERO_NONCE, body);
      if (fileKey !== null) return Buffer.from(fileKey);
    }
  }
  throw new BcpkgError(options.codes.notForUs, 'no stanza unwraps with our identities');
}
