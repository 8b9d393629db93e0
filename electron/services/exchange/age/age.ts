/**
 * age v1 for packages (exchange-format.md §4.2): X25519 recipients only, ≤ 8 stanzas,
 * header ≤ 16 KiB, all-or-nothing decryption with the plaintext size capped.
 */
import type { ChachaBackend } from './chacha';
import { HEADER_LIMITS, PACKAGE_CODES } from './codes';
import { newFileKey, openAge, sealAge } from './container';
import { unwrapX25519, wrapX25519 } from './x25519-stanza';

export type AgeDecryptOptions = { backend: ChachaBackend; maxPlaintext: number };

/** A binary age file: a fresh file key, one ephemeral share per recipient (X25519 public keys). */
export function ageEncrypt(plaintext: Uint8Array, recipients: readonly Uint8Array[], backend: ChachaBackend): Buffer {
  if (recipients.length === 0 || recipients.length > HEADER_LIMITS.maxStanzas) {
    throw new Error(`age: between 1 and ${HEADER_LIMITS.maxStanzas} recipients, got ${recipients.length}`);
  }
  const fileKey = newFileKey();
  try {
    const stanzas = recipients.map((recipient) => wrapX25519(fileKey, recipient, backend));
    return sealAge(plaintext, fileKey, stanzas, backend);
  } finally {
    fileKey.fill(0);
  }
}

/**
 * Decrypts with any of our X25519 secrets. Throws BcpkgError E_ENC_HEADER,
 * E_ENC_NOT_FOR_US, E_ENC_HEADER_MAC or E_ENC_PAYLOAD; never returns partial plaintext.
 */
export function ageDecrypt(file: Uint8Array, identities: readonly Uint8Array[], options: AgeDecryptOptions): Buffer {
  return openAge(file, {
    backend: options.backend,
    maxPlaintext: options.maxPlaintext,
    codes: PACKAGE_CODES,
    limits: HEADER_LIMITS,
    unwrap: (stanzas) => unwrapX25519(stanzas, identities, { backend: options.backend, codes: PACKAGE_CODES, others: 'reject' }),
  });
}
