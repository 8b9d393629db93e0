/**
 * Canonical unpadded base64 as age requires it: only the standard alphabet, no `=`,
 * no non-zero trailing bits. Node's decoder is lenient (skips junk, accepts padding),
 * so the check is "re-encoding gives back exactly the input".
 */
const ALPHABET = /^[A-Za-z0-9+/]*$/u;

export function encodeBase64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).toString('base64').replace(/=+$/u, '');
}

/** Null when `text` is not canonical unpadded base64. */
export function decodeBase64(text: string): Buffer | null {
  if (!ALPHABET.test(text) || text.length % 4 === 1) return null;
  const bytes = Buffer.from(text, 'base64');
  return encodeBase64(bytes) === text ? bytes : null;
}
