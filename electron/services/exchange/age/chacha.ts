/**
 * ChaCha20-Poly1305 behind one small interface, so the age code has a single path and
 * the tests run it on both backends. Electron links BoringSSL, which lacks
 * `chacha20-poly1305` in createCipheriv (exchange-format.md §4.4); there we use
 * @noble/ciphers. No associated data: age never uses it.
 */
import { createCipheriv, createDecipheriv, getCiphers } from 'node:crypto';
import { chacha20poly1305 } from '@noble/ciphers/chacha.js';

export type ChachaBackend = {
  name: 'node' | 'noble';
  /** Returns ciphertext ‖ 16-byte tag. */
  seal(key: Uint8Array, nonce: Uint8Array, plaintext: Uint8Array): Uint8Array;
  /** Returns the plaintext, or null when the tag does not authenticate (never throws for that). */
  open(key: Uint8Array, nonce: Uint8Array, sealed: Uint8Array): Uint8Array | null;
};

const TAG_LENGTH = 16;
const NODE_CIPHER = 'chacha20-poly1305';

function checkSizes(key: Uint8Array, nonce: Uint8Array): void {
  // Key and nonce come from our own key schedule; a wrong size is a bug, not hostile input.
  if (key.length !== 32 || nonce.length !== 12) throw new Error('chacha: key must be 32 bytes and nonce 12 bytes');
}

export const nodeChacha: ChachaBackend = {
  name: 'node',
  seal(key, nonce, plaintext) {
    checkSizes(key, nonce);
    const cipher = createCipheriv(NODE_CIPHER, key, nonce, { authTagLength: TAG_LENGTH });
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    return Buffer.concat([body, cipher.getAuthTag()]);
  },
  open(key, nonce, sealed) {
    checkSizes(key, nonce);
    if (sealed.length < TAG_LENGTH) return null;
    const tagStart = sealed.length - TAG_LENGTH;
    const tag = sealed.subarray(tagStart);
    // OpenSSL accepts a truncated tag unless the length is pinned (§8); it is pinned twice here.
    if (tag.length !== TAG_LENGTH) return null;
    const decipher = createDecipheriv(NODE_CIPHER, key, nonce, { authTagLength: TAG_LENGTH });
    decipher.setAuthTag(tag);
    const body = decipher.update(sealed.subarray(0, tagStart));
    try {
      return Buffer.concat([body, decipher.final()]);
    } catch {
      body.fill(0);
      return null;
    }
  },
};

export const nobleChacha: ChachaBackend = {
  name: 'noble',
  seal(key, nonce, plaintext) {
    checkSizes(key, nonce);
    return chacha20poly1305(key, nonce).encrypt(plaintext);
  },
  open(key, nonce, sealed) {
    checkSizes(key, nonce);
    if (sealed.length < TAG_LENGTH) return null;
    try {
      return chacha20poly1305(key, nonce).decrypt(sealed);
    } catch {
      return null;
    }
  },
};

export function isNodeChachaAvailable(): boolean {
  return getCiphers().includes(NODE_CIPHER);
}

/** Node's native cipher where the runtime has it (plain Node), noble otherwise (Electron). */
export function defaultChacha(): ChachaBackend {
  return isNodeChachaAvailable() ? nodeChacha : nobleChacha;
}
