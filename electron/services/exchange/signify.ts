/**
 * Ed25519 keys, key ids, fingerprints and the signify-format files of
 * exchange-format.md §2.5 and §3.2. Node's crypto only takes keys as DER/PEM/JWK, so
 * raw 32-byte keys go through fixed DER prefixes (§8). The file parsers accept exactly
 * what the formatters write: the signify comment line is unauthenticated, so v1 fixes it.
 */
import { createHash, createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import { BcpkgError } from './bcpkg-error';
import type { ExchangeErrorCode } from '../../../shared/exchange/codes';

const PKCS8_ED25519_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');
const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
const ED_TAG = Buffer.from('Ed', 'ascii');
const KEY_ID_BYTES = 8;
const SIGNATURE_BYTES = 64;
const SIG_BLOCK_BYTES = ED_TAG.length + KEY_ID_BYTES + SIGNATURE_BYTES; // 74
const PUBLIC_KEY_BLOCK_BYTES = ED_TAG.length + KEY_ID_BYTES + 32; // 42
const OFFICE_CODE = /^[A-Z0-9-]{2,24}$/u;
const CANONICAL_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/u;

function sha256(...parts: Uint8Array[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function requireLength(bytes: Uint8Array, length: number, what: string): void {
  if (bytes.length !== length) throw new Error(`${what} must be ${length} bytes, got ${bytes.length}`);
}

/** keyId = SHA-256("bcpkg/v1 keyid\n" ‖ pk)[0..8]: a lookup hint only, never a trust decision. */
export function keyIdOf(publicKey32: Uint8Array): Buffer {
  requireLength(publicKey32, 32, 'public key');
  return sha256(Buffer.from('bcpkg/v1 keyid\n', 'ascii'), publicKey32).subarray(0, KEY_ID_BYTES);
}

export function keyIdHex(keyId: Uint8Array): string {
  requireLength(keyId, KEY_ID_BYTES, 'key id');
  return Buffer.from(keyId).toString('hex').toUpperCase();
}

/** §3.2: six groups of five digits, read aloud over the phone (digits, because letters are misheard). */
export function fingerprint(publicKey32: Uint8Array, kind: 'ed25519' | 'x25519'): string {
  requireLength(publicKey32, 32, 'public key');
  const hash = sha256(Buffer.from(`bcpkg/v1 fingerprint ${kind}\n`, 'ascii'), publicKey32);
  const groups: string[] = [];
  // 5 bytes are 40 bits, well inside a double's exact integers.
  for (let i = 0; i < 6; i++) groups.push(String(hash.readUIntBE(i * 5, 5) % 100000).padStart(5, '0'));
  return groups.join(' ');
}

export function generateEd25519Seed(): Buffer {
  return randomBytes(32);
}

function privateKeyOf(seed32: Uint8Array) {
  requireLength(seed32, 32, 'Ed25519 seed');
  return createPrivateKey({ key: Buffer.concat([PKCS8_ED25519_PREFIX, seed32]), format: 'der', type: 'pkcs8' });
}

export function ed25519PublicFromSeed(seed32: Uint8Array): Buffer {
  const jwk = createPublicKey(privateKeyOf(seed32)).export({ format: 'jwk' });
  if (typeof jwk.x !== 'string') throw new Error('Ed25519: no public key in JWK export');
  return Buffer.from(jwk.x, 'base64url');
}

/** Pure Ed25519 (no prehash, no context), so `openssl pkeyutl -rawin` and signify verify it directly. */
export function ed25519Sign(seed32: Uint8Array, message: Uint8Array): Buffer {
  // The digest argument must be null for Ed25519 (§8).
  return sign(null, message, privateKeyOf(seed32));
}

/** Never throws: any malformed input is simply not a valid signature. Node rejects S ≥ L. */
export function ed25519Verify(publicKey32: Uint8Array, message: Uint8Array, signature64: Uint8Array): boolean {
  if (publicKey32.length !== 32 || signature64.length !== SIGNATURE_BYTES) return false;
  try {
    const key = createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, publicKey32]), format: 'der', type: 'spki' });
    return verify(null, message, key, signature64);
  } catch {
    return false;
  }
}

const signatureComment = (keyId: Uint8Array): string => `untrusted comment: bcpkg signature ${keyIdHex(keyId)}`;
const publicKeyComment = (officeCode: string, keyId: Uint8Array): string =>
  `untrusted comment: bcpkg public key ${officeCode} ${keyIdHex(keyId)}`;

/** One signify block: comment line, then base64("Ed" ‖ keyId ‖ signature), both LF-terminated. */
export function formatSignatureBlock(keyId8: Uint8Array, signature64: Uint8Array): string {
  requireLength(signature64, SIGNATURE_BYTES, 'signature');
  const block = Buffer.concat([ED_TAG, keyId8, signature64]);
  return `${signatureComment(keyId8)}\n${block.toString('base64')}\n`;
}

/**
 * Splits a signify file into its LF-terminated lines. Only printable ASCII and LF are
 * allowed, so CR (CRLF files), NUL or UTF-8 are layout errors, and a missing final LF is one too.
 */
function strictLines(bytes: Uint8Array, code: ExchangeErrorCode): string[] {
  for (const byte of bytes) {
    if (byte !== 0x0a && (byte < 0x20 || byte > 0x7e)) throw new BcpkgError(code, 'not printable ASCII lines');
  }
  const text = Buffer.from(bytes).toString('latin1');
  if (!text.endsWith('\n')) throw new BcpkgError(code, 'missing final newline');
  return text.slice(0, -1).split('\n');
}

/** Decodes canonical padded base64 only: the one encoding Buffer#toString('base64') produces. */
function strictBase64(line: string, code: ExchangeErrorCode): Buffer {
  if (line.length === 0 || !CANONICAL_BASE64.test(line)) throw new BcpkgError(code, 'not base64');
  const bytes = Buffer.from(line, 'base64');
  // Non-zero padding bits decode to the same bytes; re-encoding exposes them.
  if (bytes.toString('base64') !== line) throw new BcpkgError(code, 'non-canonical base64');
  return bytes;
}

/** §2.5 signature file with 1..maxBlocks blocks (manifest.sig: exactly 1). */
export function parseSignatureFile(bytes: Uint8Array, maxBlocks: number): { keyId: Buffer; signature: Buffer }[] {
  const lines = strictLines(bytes, 'E_SIG_MALFORMED');
  if (lines.length % 2 !== 0 || lines.length < 2 || lines.length > 2 * maxBlocks) {
    throw new BcpkgError('E_SIG_MALFORMED', `${lines.length} lines`);
  }
  const blocks: { keyId: Buffer; signature: Buffer }[] = [];
  for (let i = 0; i < lines.length; i += 2) {
    const block = strictBase64(lines[i + 1] as string, 'E_SIG_MALFORMED');
    if (block.length !== SIG_BLOCK_BYTES) throw new BcpkgError('E_SIG_MALFORMED', `block of ${block.length} bytes`);
    // "ED" is minisign's prehashed mode; anything but pure Ed25519 is refused, never negotiated.
    if (!block.subarray(0, 2).equals(ED_TAG)) throw new BcpkgError('E_SIG_ALG', 'algorithm tag is not "Ed"');
    const keyId = block.subarray(2, 2 + KEY_ID_BYTES);
    if (lines[i] !== signatureComment(keyId)) throw new BcpkgError('E_SIG_MALFORMED', 'comment line differs');
    blocks.push({ keyId, signature: block.subarray(2 + KEY_ID_BYTES) });
  }
  return blocks;
}

/** signify `.pub` layout: `untrusted comment: bcpkg public key <officeCode> <KEYID>`, then base64("Ed" ‖ keyId ‖ pk). */
export function formatPublicKeyFile(officeCode: string, publicKey32: Uint8Array): string {
  if (!OFFICE_CODE.test(officeCode)) throw new Error(`invalid office code ${JSON.stringify(officeCode)}`);
  const keyId = keyIdOf(publicKey32);
  const block = Buffer.concat([ED_TAG, keyId, publicKey32]);
  return `${publicKeyComment(officeCode, keyId)}\n${block.toString('base64')}\n`;
}

export function parsePublicKeyFile(text: string): { officeCode: string; keyId: Buffer; publicKey: Buffer } {
  const code = 'E_KEY_FILE_INVALID';
  const lines = strictLines(Buffer.from(text, 'utf8'), code);
  if (lines.length !== 2) throw new BcpkgError(code, `${lines.length} lines`);
  const block = strictBase64(lines[1] as string, code);
  if (block.length !== PUBLIC_KEY_BLOCK_BYTES || !block.subarray(0, 2).equals(ED_TAG)) {
    throw new BcpkgError(code, 'not an Ed25519 public key block');
  }
  const keyId = block.subarray(2, 2 + KEY_ID_BYTES);
  const publicKey = block.subarray(2 + KEY_ID_BYTES);
  if (!keyId.equals(keyIdOf(publicKey))) throw new BcpkgError(code, 'key id does not match the key');
  const match = /^untrusted comment: bcpkg public key ([A-Z0-9-]{2,24}) ([0-9A-F]{16})$/u.exec(lines[0] as string);
  if (match === null || match[2] !== keyIdHex(keyId)) throw new BcpkgError(code, 'comment line differs');
  return { officeCode: match[1] as string, keyId, publicKey };
}
