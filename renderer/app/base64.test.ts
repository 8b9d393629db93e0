import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from './base64';

describe('bytesToBase64', () => {
  it('matches Node’s encoding across chunk boundaries and for every remainder', () => {
    for (const size of [0, 1, 2, 3, 3 * 0x4000 - 1, 3 * 0x4000, 3 * 0x4000 + 1, 100_003]) {
      const bytes = new Uint8Array(size).map((_, i) => (i * 31 + 7) % 256);
      expect(bytesToBase64(bytes)).toBe(Buffer.from(bytes).toString('base64'));
    }
  });
});
