/**
 * Secret keys at rest (exchange-format.md §3.3): an age file with one scrypt stanza,
 * work factor 2^18, whose plaintext is canonical JSON. One age implementation covers
 * transport and storage, and IT staff can recover a key with the `age` tool. The
 * decrypted seed lives only for the operation; callers wipe it with `fill(0)`.
 */
import { ageDecryptWithPassphrase, ageEncryptWithPassphrase, DEFAULT_MAX_LOG_N } from './age/passphrase';
import { defaultChacha } from './age/chacha';
import { BcpkgError, isBcpkgError } from './bcpkg-error';
import { canonicalBytes, parseCanonical } from './canonical-json';
import { SchemaReader } from './schema-check';

export const DEFAULT_WORK_FACTOR = 18;
const MAX_SECRET_FILE = 4096;

/**
 * The scrypt work factor for new key files. PCMT_KEY_WORK_FACTOR lowers it for tests
 * only (each signing would otherwise cost ~0.8 s); readers accept up to 2^20.
 */
export function keyWorkFactor(): number {
  const raw = Number(process.env.PCMT_KEY_WORK_FACTOR);
  return Number.isInteger(raw) && raw >= 10 && raw <= DEFAULT_MAX_LOG_N ? raw : DEFAULT_WORK_FACTOR;
}

export type SecretKind = 'bcpkg.secret-key' | 'bcpkg.encryption-key' | 'bcpkg.root-key';

export function sealSecret(kind: SecretKind, officeCode: string, secret: Uint8Array, typed: string): Buffer {
  const plain = canonicalBytes({ officeCode, seed: Buffer.from(secret).toString('base64'), type: kind });
  // Vietnamese input methods may type composed or decomposed diacritics: the same passphrase must open the file.
  const passphrase = typed.normalize('NFC');
  try {
    return ageEncryptWithPassphrase(plain, passphrase, keyWorkFactor(), defaultChacha());
  } finally {
    plain.fill(0);
  }
}

/** Opens a key file; a wrong passphrase is E_WRONG_PASSPHRASE, anything malformed E_KEY_FILE_INVALID. */
export function openSecret(kind: SecretKind, file: Uint8Array, passphrase: string): { officeCode: string; secret: Buffer } {
  let plain: Buffer;
  try {
    plain = ageDecryptWithPassphrase(file, passphrase.normalize('NFC'), { backend: defaultChacha(), maxLogN: DEFAULT_MAX_LOG_N, maxPlaintext: MAX_SECRET_FILE });
  } catch (error) {
    if (isBcpkgError(error)) throw error;
    throw new BcpkgError('E_KEY_FILE_INVALID', 'unreadable');
  }
  try {
    const r = new SchemaReader('E_KEY_FILE_INVALID', 'key file');
    const o = r.object(parseCanonical(plain, 'E_KEY_FILE_INVALID'), ['officeCode', 'seed', 'type']);
    if (o.type !== kind) r.fail(`not a ${kind}`);
    const secret = Buffer.from(r.string(o.seed, /^[A-Za-z0-9+/]{43}=$/u), 'base64');
    return { officeCode: r.string(o.officeCode, null, 64), secret };
  } finally {
    plain.fill(0);
  }
}

/** §3.3: four random words, or at least 12 characters with letters and digits. */
export function isStrongPassphrase(passphrase: string): boolean {
  const words = passphrase.trim().split(/\s+/u).filter((w) => w.length >= 2);
  if (words.length >= 4) return true;
  return passphrase.length >= 12 && /\p{L}/u.test(passphrase) && /\p{N}/u.test(passphrase);
}
