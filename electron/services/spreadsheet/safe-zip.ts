/**
 * Checks a ZIP-based workbook (.xlsx, .ods) before SheetJS sees it. Hand-written because
 * SheetJS checks neither CRCs nor sizes: it inflates whatever a part claims, so a 1.8 MB
 * file can expand to 500 MB and take gigabytes, and a flipped bit becomes data (a renamed
 * or a phantom commune). Here every declared size is checked against the limits first,
 * then every part is inflated with a hard output cap (a lying size cannot blow up memory)
 * and its CRC-32 compared with the central directory; XML parts with a DOCTYPE or ENTITY
 * declaration (billion laughs) are refused. SheetJS then parses the original bytes: the
 * checks below make sure it reads exactly the parts verified here (same end record, same
 * central directory, local headers that agree with it, no duplicate names).
 */
import * as zlib from 'node:zlib';
import {
  MAX_COMPRESSION_RATIO,
  MAX_INFLATED_PART_BYTES,
  MAX_INFLATED_TOTAL_BYTES,
  MAX_ZIP_ENTRIES,
  RATIO_CHECK_FROM_BYTES,
} from '../../../shared/domain/spreadsheet';
import { AppError } from '../../../shared/errors';
import { crc32 } from '../exchange/crc32';

export type ZipPart = { name: string; method: number; crc32: number; compressedSize: number; size: number; dataStart: number };

const EOCD_SIGNATURE = 0x06054b50;
const CD_SIGNATURE = 0x02014b50;
const LFH_SIGNATURE = 0x04034b50;
const EOCD_BYTES = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const EOCD_SIZE = 22;
const CD_SIZE = 46;
const LFH_SIZE = 30;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_STRONG_ENCRYPTION = 0x0040;
const METHOD_STORED = 0;
const METHOD_DEFLATE = 8;
const ZIP64_MARK = 0xffffffff;
const ZIP64_EXTRA_ID = 0x0001;
const MB = 1024 * 1024;

const XML_PART = /\.(xml|rels|vml)$/iu;

/** SheetJS takes sizes from a ZIP64 extra field (id 1) over the ones checked here, so none may be present. */
function hasZip64Extra(buf: Buffer, start: number, length: number): boolean {
  for (let at = start; at + 4 <= start + length; at += 4 + buf.readUInt16LE(at + 2)) {
    if (buf.readUInt16LE(at) === ZIP64_EXTRA_ID) return true;
  }
  return false;
}

function damaged(file: string, part: string): AppError {
  return new AppError('SPREADSHEET_DAMAGED', { file, part });
}

function tooLarge(file: string, limitBytes: number): AppError {
  return new AppError('SPREADSHEET_INFLATES_TOO_MUCH', { file, maxMb: Math.round(limitBytes / MB) });
}

/** The last end-of-central-directory record, as SheetJS finds it; it must close the file. */
function findEnd(buf: Buffer, file: string): number {
  for (let at = buf.length - EOCD_SIZE; at >= 0 && at >= buf.length - EOCD_SIZE - 0xffff; at--) {
    if (buf.readUInt32LE(at) !== EOCD_SIGNATURE) continue;
    if (at + EOCD_SIZE + buf.readUInt16LE(at + 20) !== buf.length) break;
    // SheetJS scans from the very end: a second signature in the comment would be the one it reads.
    if (buf.indexOf(EOCD_BYTES, at + 4) !== -1) throw damaged(file, '(ZIP)');
    return at;
  }
  // No end record where one must be: the usual result of a copy or download cut short.
  throw new AppError('SPREADSHEET_TRUNCATED', { file });
}

function readDirectory(buf: Buffer, file: string): ZipPart[] {
  const end = findEnd(buf, file);
  const count = buf.readUInt16LE(end + 8);
  const cdSize = buf.readUInt32LE(end + 12);
  const cdStart = buf.readUInt32LE(end + 16);
  if (buf.readUInt16LE(end + 4) !== 0 || buf.readUInt16LE(end + 10) !== count) throw damaged(file, '(ZIP)');
  if (count > MAX_ZIP_ENTRIES) throw new AppError('SPREADSHEET_TOO_MANY_PARTS', { file, max: MAX_ZIP_ENTRIES });
  if (cdStart + cdSize > end) throw new AppError('SPREADSHEET_TRUNCATED', { file });
  const parts: ZipPart[] = [];
  const names = new Set<string>();
  let at = cdStart;
  let total = 0;
  for (let i = 0; i < count; i++) {
    if (at + CD_SIZE > end || buf.readUInt32LE(at) !== CD_SIGNATURE) throw damaged(file, '(ZIP)');
    const flags = buf.readUInt16LE(at + 8);
    const method = buf.readUInt16LE(at + 10);
    const crc = buf.readUInt32LE(at + 16);
    const compressedSize = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLength = buf.readUInt16LE(at + 28);
    const next = at + CD_SIZE + nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (next > end) throw damaged(file, '(ZIP)');
    const name = buf.toString('latin1', at + CD_SIZE, at + CD_SIZE + nameLength);
    if (hasZip64Extra(buf, at + CD_SIZE + nameLength, buf.readUInt16LE(at + 30))) throw tooLarge(file, MAX_INFLATED_PART_BYTES);
    const localAt = buf.readUInt32LE(at + 42);
    if ((flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0) throw new AppError('SPREADSHEET_ENCRYPTED', { file });
    if (method !== METHOD_STORED && method !== METHOD_DEFLATE) throw new AppError('SPREADSHEET_UNREADABLE', { file });
    if (size === ZIP64_MARK || compressedSize === ZIP64_MARK || size > MAX_INFLATED_PART_BYTES) throw tooLarge(file, MAX_INFLATED_PART_BYTES);
    total += size;
    if (total > MAX_INFLATED_TOTAL_BYTES) throw tooLarge(file, MAX_INFLATED_TOTAL_BYTES);
    if (size > RATIO_CHECK_FROM_BYTES && size > compressedSize * MAX_COMPRESSION_RATIO) throw tooLarge(file, RATIO_CHECK_FROM_BYTES);
    if (names.has(name)) throw damaged(file, name);
    names.add(name);
    const dataStart = checkLocalHeader(buf, file, { name, method, crc32: crc, compressedSize, size, dataStart: localAt }, cdStart);
    parts.push({ name, method, crc32: crc, compressedSize, size, dataStart });
    at = next;
  }
  return parts;
}

/** SheetJS trusts the local header's name and sizes: they must say what the directory says. */
function checkLocalHeader(buf: Buffer, file: string, part: ZipPart, cdStart: number): number {
  const at = part.dataStart;
  if (at + LFH_SIZE > cdStart || buf.readUInt32LE(at) !== LFH_SIGNATURE) throw damaged(file, part.name);
  const flags = buf.readUInt16LE(at + 6);
  const nameLength = buf.readUInt16LE(at + 26);
  const dataStart = at + LFH_SIZE + nameLength + buf.readUInt16LE(at + 28);
  if (dataStart > cdStart || hasZip64Extra(buf, at + LFH_SIZE + nameLength, buf.readUInt16LE(at + 28))) throw damaged(file, part.name);
  const isDescribedLater = (flags & FLAG_DATA_DESCRIPTOR) !== 0;
  const sizesAgree =
    (isDescribedLater && buf.readUInt32LE(at + 18) === 0 && buf.readUInt32LE(at + 22) === 0) ||
    (buf.readUInt32LE(at + 18) === part.compressedSize && buf.readUInt32LE(at + 22) === part.size);
  if (
    (flags & (FLAG_ENCRYPTED | FLAG_STRONG_ENCRYPTION)) !== 0 ||
    buf.readUInt16LE(at + 8) !== part.method ||
    !sizesAgree ||
    buf.toString('latin1', at + LFH_SIZE, at + LFH_SIZE + nameLength) !== part.name ||
    dataStart + part.compressedSize > cdStart
  ) {
    throw damaged(file, part.name);
  }
  return dataStart;
}

function inflate(buf: Buffer, file: string, part: ZipPart): Buffer {
  const raw = buf.subarray(part.dataStart, part.dataStart + part.compressedSize);
  if (part.method === METHOD_STORED) {
    if (part.compressedSize !== part.size) throw damaged(file, part.name);
    return raw;
  }
  try {
    // The cap is the declared size: a part that inflates past it is lying, whatever it holds.
    return zlib.inflateRawSync(raw, { maxOutputLength: Math.max(1, part.size) });
  } catch {
    throw damaged(file, part.name);
  }
}

/** `<!DOCTYPE` or `<!ENTITY`, in ASCII/UTF-8 or UTF-16 (either byte order), any case. */
function hasDeclaration(data: Buffer): boolean {
  for (const [open, step] of [[Buffer.from('<!'), 1], [Buffer.from('<\0!\0'), 2], [Buffer.from('\0<\0!'), 2]] as const) {
    const skip = open.length;
    for (let at = data.indexOf(open); at >= 0; at = data.indexOf(open, at + 1)) {
      let word = '';
      for (let k = 0; k < 7; k++) word += String.fromCharCode(data[at + skip + k * step + (open[0] === 0 ? 1 : 0)] ?? 0);
      const upper = word.toUpperCase();
      if (upper === 'DOCTYPE' || upper.startsWith('ENTITY')) return true;
    }
  }
  return false;
}

/**
 * Verifies every part of a ZIP workbook; returns the parts' names (to tell xlsx from ods).
 * Throws AppError with a sentence for every refusal; nothing here keeps inflated data.
 */
export function verifyZip(bytes: Uint8Array, file: string, onPart?: (done: number, total: number) => void): string[] {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const parts = readDirectory(buf, file);
  parts.forEach((part, index) => {
    const data = inflate(buf, file, part);
    if (data.length !== part.size || crc32(data) !== part.crc32) throw damaged(file, part.name);
    if (XML_PART.test(part.name) && hasDeclaration(data)) throw new AppError('SPREADSHEET_XML_DECLARATIONS', { file, part: part.name });
    onPart?.(index + 1, parts.length);
  });
  return parts.map((p) => p.name);
}
