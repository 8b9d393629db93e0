/**
 * age with a single scrypt stanza, for private keys at rest (exchange-format.md §3.3).
 * Failures use key-file codes: E_WRONG_PASSPHRASE when the stanza does not unwrap,
 * E_KEY_FILE_INVALID for anything malformed, tampered or too costly (logN > maxLogN).
 */
import type { ChachaBackend } from './chacha';
import { HEADER_LIMITS, KEY_FILE_CODES } from './codes';
import { newFileKey, openAge, sealAge } from './container';
import { unwrapScrypt, wrapScrypt } from './scrypt-stanza';

/** The cap of §3.3 / §5.3: age says implementations SHOULD cap the work factor. */
export const DEFAULT_MAX_LOG_N = 20;

export type PassphraseDecryptOptions = { backend: ChachaBackend; maxLogN: number; maxPlaintext: number };

export function ageEncryptWithPassphrase(
  plaintext: Uint8Array,
  passphrase: string,
  logN: number,
  backend: ChachaBackend,
): Buffer {
  const fileKey = newFileKey();
  try {
    return sealAge(plaintext, fileKey, [wrapScrypt(fileKey, passphrase, logN, backend)], backend);
  } finally {
    fileKey.fill(0);
  }
}

export function ageDecryptWithPassphrase(file: Uint8Array, passphrase: string, options: PassphraseDecryptOptions): Buffer {
  return openAge(file, {
    backend: options.backend,
    maxPlaintext: options.maxPlaintext,
    codes: KEY_FILE_CODES,
    limits: HEADER_LIMITS,
    unwrap: (stanzas) =>
      unwrapScrypt(stanzas, passphrase, { backend: options.backend, codes: KEY_FILE_CODES, maxLogN: options.maxLogN }),
  });
}
