import * as zlib from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { crc32, crc32Table } from './crc32';

describe('crc32', () => {
  it('matches the standard check value and the empty input', () => {
    expect(crc32(Buffer.from('123456789', 'ascii'))).toBe(0xcbf43926);
    expect(crc32Table(Buffer.from('123456789', 'ascii'))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
    expect(crc32Table(new Uint8Array(0))).toBe(0);
  });

  it('uses zlib.crc32 on this Node (20.20 has it)', () => {
    expect(typeof (zlib as { crc32?: unknown }).crc32).toBe('function');
  });

  it('the table fallback agrees with zlib on random input, including subarrays', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 2048 }), fc.nat(), (bytes, cut) => {
        expect(crc32Table(bytes)).toBe(crc32(bytes));
        const view = bytes.subarray(cut % (bytes.length + 1));
        expect(crc32Table(view)).toBe(crc32(view));
      }),
      { numRuns: 500 },
    );
  });

  it('returns an unsigned 32-bit value', () => {
    const value = crc32(Buffer.from([0xff, 0xff, 0xff, 0xff]));
    expect(value).toBeGreaterThanOrEqual(0);
    expect(value).toBe(0xffffffff);
  });
});
