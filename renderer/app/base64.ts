/**
 * Encodes file bytes as base64 for units.import. btoa needs a "binary string", and
 * building one for a multi-megabyte file in one go overflows the argument limit of
 * String.fromCharCode, so the bytes go in chunks whose size is a multiple of 3: then
 * each chunk encodes without padding and the pieces can simply be joined.
 */
const CHUNK_BYTES = 3 * 0x4000;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const chunk = bytes.subarray(start, start + CHUNK_BYTES);
    let binary = '';
    for (const byte of chunk) binary += String.fromCharCode(byte);
    parts.push(btoa(binary));
  }
  return parts.join('');
}
