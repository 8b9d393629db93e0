/**
 * age's STREAM payload: 64 KiB ChaCha20-Poly1305 chunks, nonce = 11-byte big-endian
 * counter ‖ last-chunk flag. The chunk layout follows from the length alone, so the
 * plaintext size is known (and capped) before anything is decrypted or allocated.
 */
import { BcpkgError } from '../bcpkg-error';
import type { ChachaBackend } from './chacha';
import type { ExchangeErrorCode } from '../../../../shared/exchange/codes';

export const CHUNK_SIZE = 64 * 1024;
const TAG_SIZE = 16;
export const SEALED_CHUNK_SIZE = CHUNK_SIZE + TAG_SIZE;

function chunkNonce(counter: number, isLast: boolean): Uint8Array {
  const nonce = Buffer.alloc(12);
  // Six bytes of the 11-byte counter suffice: 2^48 chunks is far beyond any file we read.
  nonce.writeUIntBE(counter, 5, 6);
  nonce[11] = isLast ? 1 : 0;
  return nonce;
}

export function encryptPayload(key: Uint8Array, plaintext: Uint8Array, backend: ChachaBackend): Buffer {
  const chunkCount = Math.max(1, Math.ceil(plaintext.length / CHUNK_SIZE));
  const sealed: Uint8Array[] = [];
  for (let i = 0; i < chunkCount; i++) {
    const chunk = plaintext.subarray(i * CHUNK_SIZE, (i + 1) * CHUNK_SIZE);
    sealed.push(backend.seal(key, chunkNonce(i, i === chunkCount - 1), chunk));
  }
  return Buffer.concat(sealed);
}

/**
 * Decrypts all or nothing: on any failure the partial output is wiped and the error
 * thrown, so no unauthenticated plaintext ever leaves this function.
 */
export function decryptPayload(
  key: Uint8Array,
  sealed: Uint8Array,
  options: { backend: ChachaBackend; maxPlaintext: number; code: ExchangeErrorCode },
): Buffer {
  const fail = (detail: string): BcpkgError => new BcpkgError(options.code, detail);
  if (sealed.length === 0) throw fail('no payload chunk');
  const chunkCount = Math.ceil(sealed.length / SEALED_CHUNK_SIZE);
  const lastSize = sealed.length - (chunkCount - 1) * SEALED_CHUNK_SIZE;
  if (lastSize < TAG_SIZE) throw fail('truncated chunk');
  // age: the final chunk may be empty only when it is the only chunk.
  if (lastSize === TAG_SIZE && chunkCount > 1) throw fail('empty final chunk after a full one');
  const plaintextSize = sealed.length - chunkCount * TAG_SIZE;
  if (plaintextSize > options.maxPlaintext) throw fail('plaintext larger than allowed');

  const out = Buffer.alloc(plaintextSize);
  for (let i = 0; i < chunkCount; i++) {
    const isLast = i === chunkCount - 1;
    const chunk = sealed.subarray(i * SEALED_CHUNK_SIZE, isLast ? sealed.length : (i + 1) * SEALED_CHUNK_SIZE);
    const opened = options.backend.open(key, chunkNonce(i, isLast), chunk);
    if (opened === null) {
      out.fill(0);
      throw fail(`chunk ${i} does not authenticate`);
    }
    out.set(opened, i * CHUNK_SIZE);
    opened.fill(0);
  }
  return out;
}
