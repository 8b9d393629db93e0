/** age's HKDF-SHA256 key schedule and header MAC (C2SP age §"Header MAC", §"Payload"). */
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const KEY_LENGTH = 32;

export function hkdf32(ikm: Uint8Array, salt: Uint8Array, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', ikm, salt, info, KEY_LENGTH));
}

export function headerMac(fileKey: Uint8Array, macInput: Uint8Array): Buffer {
  const macKey = hkdf32(fileKey, new Uint8Array(0), 'header');
  return createHmac('sha256', macKey).update(macInput).digest();
}

export function isHeaderMacValid(fileKey: Uint8Array, macInput: Uint8Array, mac: Uint8Array): boolean {
  const expected = headerMac(fileKey, macInput);
  return mac.length === expected.length && timingSafeEqual(expected, mac);
}

export function payloadKey(fileKey: Uint8Array, nonce: Uint8Array): Buffer {
  return hkdf32(fileKey, nonce, 'payload');
}
