/**
 * Test helper (used only by the *.test.ts beside it): builds hostile workbooks byte by
 * byte — ZIPs whose parts may lie about their sizes or CRCs, and a sheet part that
 * inflates to hundreds of megabytes from a small file without ever holding it in memory.
 */
import * as XLSX from 'xlsx';
import * as zlib from 'node:zlib';
import { crc32 } from '../exchange/crc32';

export type RawPart = { name: string; method: 0 | 8; compressed: Buffer; size: number; crc32: number; extra?: Buffer };

export function deflatedPart(name: string, data: Buffer): RawPart {
  return { name, method: 8, compressed: zlib.deflateRawSync(data), size: data.length, crc32: crc32(data) };
}

/** A ZIP with the given parts, sizes and CRCs exactly as the parts declare them. */
export function zipOf(parts: readonly RawPart[]): Buffer {
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, 'utf8');
    const extra = part.extra ?? Buffer.alloc(0);
    const lfh = Buffer.alloc(30);
    lfh.writeUInt32LE(0x04034b50, 0);
    lfh.writeUInt16LE(20, 4);
    lfh.writeUInt16LE(part.method, 8);
    lfh.writeUInt32LE(part.crc32 >>> 0, 14);
    lfh.writeUInt32LE(part.compressed.length, 18);
    lfh.writeUInt32LE(part.size, 22);
    lfh.writeUInt16LE(name.length, 26);
    lfh.writeUInt16LE(extra.length, 28);
    const cd = Buffer.alloc(46);
    cd.writeUInt32LE(0x02014b50, 0);
    cd.writeUInt16LE(20, 4);
    cd.writeUInt16LE(20, 6);
    cd.writeUInt16LE(part.method, 10);
    cd.writeUInt32LE(part.crc32 >>> 0, 16);
    cd.writeUInt32LE(part.compressed.length, 20);
    cd.writeUInt32LE(part.size, 24);
    cd.writeUInt16LE(name.length, 28);
    cd.writeUInt16LE(extra.length, 30);
    cd.writeUInt32LE(offset, 42);
    local.push(lfh, name, extra, part.compressed);
    central.push(cd, name, extra);
    offset += 30 + name.length + extra.length + part.compressed.length;
  }
  const cdBytes = Buffer.concat(central);
  const eocd = Buffer.alloc(22);
  eocd.writeUInt32LE(0x06054b50, 0);
  eocd.writeUInt16LE(parts.length, 8);
  eocd.writeUInt16LE(parts.length, 10);
  eocd.writeUInt32LE(cdBytes.length, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, cdBytes, eocd]);
}

/** The parts of a ZIP written by a well-behaved writer (SheetJS), re-compressed by us. */
export function partsOf(zip: Buffer): RawPart[] {
  const parts: RawPart[] = [];
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 8); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    parts.push(deflatedPart(name, method === 0 ? Buffer.from(raw) : zlib.inflateRawSync(raw)));
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  return parts;
}

export function sheetJsWorkbook(rows: unknown[][], bookType: XLSX.BookType = 'xlsx'): Buffer {
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Danh mục');
  return XLSX.write(book, { type: 'buffer', bookType, compression: true }) as Buffer;
}

/**
 * A sheet XML of `megabytes` MB as one deflate stream, built from independently flushed
 * segments (Z_FULL_FLUSH resets the window), so generating it never holds the whole text.
 */
export function bombSheetPart(name: string, megabytes: number): RawPart {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
  const tail = Buffer.from('</sheetData></worksheet>');
  // Mostly one repeated row with a numbered one now and then: about 280:1, like the reported 1.8 MB → 500 MB file.
  let text = '';
  for (let r = 1; text.length < 1024 * 1024 - 200; r++) text += r % 160 === 0 ? `<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>` : '<row><c t="inlineStr"><is><t>Xã Kim Chung</t></is></c></row>';
  const middle = Buffer.from(text.padEnd(1024 * 1024, ' '));
  const flush = { finishFlush: zlib.constants.Z_FULL_FLUSH, level: 9 };
  const segments = [zlib.deflateRawSync(head, flush)];
  const middleSegment = zlib.deflateRawSync(middle, flush);
  let crc = crc32(head);
  let size = head.length;
  for (let i = 0; i < megabytes; i++) {
    segments.push(middleSegment);
    crc = zlib.crc32(middle, crc);
    size += middle.length;
  }
  segments.push(zlib.deflateRawSync(tail));
  crc = zlib.crc32(tail, crc);
  size += tail.length;
  return { name, method: 8, compressed: Buffer.concat(segments), size, crc32: crc };
}
