/**
 * CRC-32 (IEEE 802.3, as ZIP uses it). `zlib.crc32` exists from Node 20.15 / 22.2 only
 * (exchange-format.md §8), and Electron may bundle an older Node, so a table fallback
 * is kept; tests check that both agree.
 */
import * as zlib from 'node:zlib';

let table: Uint32Array | undefined;

function crcTable(): Uint32Array {
  if (table === undefined) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  return table;
}

/** The portable implementation; exported for the test that compares it with zlib's. */
export function crc32Table(bytes: Uint8Array): number {
  const t = crcTable();
  let crc = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) crc = (t[(crc ^ (bytes[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;

/** Unsigned CRC-32 of `bytes`. */
export function crc32(bytes: Uint8Array): number {
  return native === undefined ? crc32Table(bytes) : native(bytes) >>> 0;
}
