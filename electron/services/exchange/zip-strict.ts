/**
 * The strict STORED-only ZIP profile of exchange-format.md §2.2: one writer, and a
 * reader that accepts exactly what that writer produces (stage 2 of §5.1, steps 8–13).
 * Every fixed field is a constant, the records must tile the file, and entries stay
 * byte ranges of the input: nothing is inflated, copied or turned into a path.
 * A profile says which names, caps and mimetype one document type allows (§2.2, §2.8).
 */
import { BcpkgError } from './bcpkg-error';
import { crc32 } from './crc32';

export type ZipProfile = {
  mimetype: string;
  isAllowedName(name: string): boolean;
  requiredNames: readonly string[];
  capFor(name: string): number;
  maxEntries: number;
  maxTotal: number;
};

export type ZipEntry = {
  name: string;
  /** A view into the input (subarray), never a copy. */
  data: Buffer;
  /** The CRC-32 declared in the central directory. */
  crc32: number;
  size: number;
};

const LFH_SIGNATURE = 0x04034b50;
const CD_SIGNATURE = 0x02014b50;
const EOCD_SIGNATURE = 0x06054b50;
const ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
const LFH_SIZE = 30;
const CD_SIZE = 46;
const EOCD_SIZE = 22;
const ZIP64_LOCATOR_SIZE = 20;
const MAX_NAME_BYTES = 64;

// §2.2's fixed values. Leaving version-made-by and the timestamp free let 40 bit flips through in the reference sketch.
const VERSION = 20;
const FLAGS_UTF8 = 0x0800;
const METHOD_STORED = 0;
const DOS_TIME = 0;
const DOS_DATE = 0x0021;

/**
 * The LFH (from offset 4) and the CD (from offset 6) share one 26-byte block: version
 * needed, flags, method, time, date, CRC, sizes, name and extra lengths. Writing it once
 * and comparing it byte for byte is how "LFH fields equal CD fields" is enforced.
 */
const SHARED_BLOCK = 26;
const LFH_SHARED_AT = 4;
const CD_SHARED_AT = 6;

/** Writes `entries` in order as a §2.2 archive. Deterministic: same input, same bytes. */
export function writeZip(entries: readonly { name: string; data: Uint8Array }[]): Buffer {
  if (entries.length > 0xfffe) throw new Error('zip: too many entries');
  const local: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const problem = nameProblem(name);
    if (problem !== null) throw new Error(`zip: entry name ${JSON.stringify(entry.name)}: ${problem}`);
    const data = Buffer.from(entry.data.buffer, entry.data.byteOffset, entry.data.byteLength);
    const shared = sharedBlock(crc32(data), data.length, name.length);
    const lfh = Buffer.alloc(LFH_SIZE);
    lfh.writeUInt32LE(LFH_SIGNATURE, 0);
    shared.copy(lfh, LFH_SHARED_AT);
    const cd = Buffer.alloc(CD_SIZE);
    cd.writeUInt32LE(CD_SIGNATURE, 0);
    cd.writeUInt16LE(VERSION, 4);
    shared.copy(cd, CD_SHARED_AT);
    cd.writeUInt32LE(offset, 42);
    local.push(lfh, name, data);
    central.push(cd, name);
    offset += LFH_SIZE + name.length + data.length;
    if (offset > 0xfffffffe) throw new Error('zip: archive too large for the v1 profile');
  }
  const cdSize = central.reduce((sum, part) => sum + part.length, 0);
  const eocd = Buffer.alloc(EOCD_SIZE);
  eocd.writeUInt32LE(EOCD_SIGNATURE, 0);
  eocd.writeUInt16LE(entries.length, 8);
  eocd.writeUInt16LE(entries.length, 10);
  eocd.writeUInt32LE(cdSize, 12);
  eocd.writeUInt32LE(offset, 16);
  return Buffer.concat([...local, ...central, eocd]);
}

function sharedBlock(crc: number, size: number, nameLength: number): Buffer {
  const block = Buffer.alloc(SHARED_BLOCK);
  block.writeUInt16LE(VERSION, 0);
  block.writeUInt16LE(FLAGS_UTF8, 2);
  block.writeUInt16LE(METHOD_STORED, 4);
  block.writeUInt16LE(DOS_TIME, 6);
  block.writeUInt16LE(DOS_DATE, 8);
  block.writeUInt32LE(crc, 10);
  block.writeUInt32LE(size, 14);
  block.writeUInt32LE(size, 18);
  block.writeUInt16LE(nameLength, 22);
  return block; // extra length (offset 24) stays 0
}

/** True when the entry's bytes match the CRC-32 its headers declare (stage 5 checks the rest). */
export function checkEntryCrc(entry: ZipEntry): boolean {
  return crc32(entry.data) === entry.crc32;
}

type Eocd = { offset: number; count: number; cdOffset: number; cdSize: number };
type CdRecord = { at: number; name: string; nameLength: number; lfhOffset: number; size: number; crc: number };

/** Stage 2 of §5.1. The first failing check decides the code. */
export function readZipStrict(file: Uint8Array, profile: ZipProfile): ZipEntry[] {
  const buf = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
  const eocd = readEocd(buf, profile);
  const { records, end } = readCentralDirectory(buf, eocd, profile);
  checkLocalRecords(buf, records, eocd, end);
  const entries = records.map((r) => {
    const start = r.lfhOffset + LFH_SIZE + r.nameLength;
    return { name: r.name, data: buf.subarray(start, start + r.size), crc32: r.crc, size: r.size };
  });
  checkIdentity(entries, profile);
  return entries;
}

function readEocd(buf: Buffer, profile: ZipProfile): Eocd {
  if (buf.length < EOCD_SIZE) throw new BcpkgError('E_ZIP_EOCD', 'file shorter than an end record');
  const at = buf.length - EOCD_SIZE;
  if (buf.readUInt32LE(at) !== EOCD_SIGNATURE) throw new BcpkgError('E_ZIP_EOCD', 'no end record at end of file');
  if (buf.readUInt16LE(at + 20) !== 0) throw new BcpkgError('E_ZIP_EOCD', 'archive comment');
  if (buf.readUInt16LE(at + 4) !== 0 || buf.readUInt16LE(at + 6) !== 0) {
    throw new BcpkgError('E_ZIP_UNSUPPORTED', 'multi-disk archive');
  }
  const count = buf.readUInt16LE(at + 10);
  if (buf.readUInt16LE(at + 8) !== count) throw new BcpkgError('E_ZIP_UNSUPPORTED', 'entry counts disagree');
  const cdSize = buf.readUInt32LE(at + 12);
  const cdOffset = buf.readUInt32LE(at + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    throw new BcpkgError('E_ZIP_UNSUPPORTED', 'ZIP64 sentinel in end record');
  }
  // Only look for a locator where the CD does not already reach the end record, so a valid
  // archive whose last CD bytes happen to spell the signature is never misread.
  const hasLocator =
    cdOffset + cdSize !== at && at >= ZIP64_LOCATOR_SIZE && buf.readUInt32LE(at - ZIP64_LOCATOR_SIZE) === ZIP64_LOCATOR_SIGNATURE;
  if (hasLocator) throw new BcpkgError('E_ZIP_UNSUPPORTED', 'ZIP64 end-record locator');
  if (count > profile.maxEntries) {
    throw new BcpkgError('E_ZIP_TOO_MANY_ENTRIES', `${count} entries`, { count, max: profile.maxEntries });
  }
  return { offset: at, count, cdOffset, cdSize };
}

function readCentralDirectory(buf: Buffer, eocd: Eocd, profile: ZipProfile): { records: CdRecord[]; end: number } {
  const cdEnd = eocd.cdOffset + eocd.cdSize;
  if (cdEnd > eocd.offset) throw new BcpkgError('E_ZIP_LAYOUT', 'central directory runs past the end record');
  const records: CdRecord[] = [];
  const seen = new Set<string>();
  let total = 0;
  let at = eocd.cdOffset;
  for (let i = 0; i < eocd.count; i++) {
    if (at + CD_SIZE > cdEnd || buf.readUInt32LE(at) !== CD_SIGNATURE) {
      throw new BcpkgError('E_ZIP_LAYOUT', `central directory record ${i} missing`);
    }
    const nameLength = buf.readUInt16LE(at + 28);
    const variable = nameLength + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
    if (at + CD_SIZE + variable > cdEnd) throw new BcpkgError('E_ZIP_LAYOUT', `central directory record ${i} overruns`);
    checkFixedFields(buf, at, i);
    const nameBytes = buf.subarray(at + CD_SIZE, at + CD_SIZE + nameLength);
    const problem = nameProblem(nameBytes);
    if (problem !== null) throw new BcpkgError('E_ZIP_BAD_NAME', `entry ${i}: ${problem}`);
    const name = nameBytes.toString('latin1');
    if (!profile.isAllowedName(name)) throw new BcpkgError('E_ZIP_UNEXPECTED_ENTRY', name, { name });
    if (seen.has(name)) throw new BcpkgError('E_ZIP_DUPLICATE_ENTRY', name, { name });
    seen.add(name);
    const size = buf.readUInt32LE(at + 24);
    total += size;
    if (size > profile.capFor(name) || total > profile.maxTotal) throw new BcpkgError('E_ZIP_BOMB', name, { name, size });
    if (buf.readUInt32LE(at + 20) !== size) throw new BcpkgError('E_ZIP_HEADER_MISMATCH', `${name}: compressed size ≠ size`);
    records.push({ at, name, nameLength, lfhOffset: buf.readUInt32LE(at + 42), size, crc: buf.readUInt32LE(at + 16) });
    at += CD_SIZE + nameLength; // extra and comment lengths are 0, checked above
  }
  return { records, end: at };
}

/** [offset in the CD record, width, required value, what it is] */
const CD_FIXED: readonly (readonly [number, 2 | 4, number, string])[] = [
  [4, 2, VERSION, 'version made by'],
  [6, 2, VERSION, 'version needed'],
  [8, 2, FLAGS_UTF8, 'flags'],
  [10, 2, METHOD_STORED, 'method'],
  [12, 2, DOS_TIME, 'time'],
  [14, 2, DOS_DATE, 'date'],
  [30, 2, 0, 'extra field length'],
  [32, 2, 0, 'comment length'],
  [34, 2, 0, 'disk'],
  [36, 2, 0, 'internal attributes'],
  [38, 4, 0, 'external attributes'],
];

function checkFixedFields(buf: Buffer, at: number, index: number): void {
  for (const [offset, width, expected, what] of CD_FIXED) {
    const actual = width === 2 ? buf.readUInt16LE(at + offset) : buf.readUInt32LE(at + offset);
    if (actual !== expected) {
      throw new BcpkgError('E_ZIP_UNSUPPORTED', `entry ${index}: ${what} 0x${actual.toString(16)}`);
    }
  }
}

/**
 * §2.2 tiling and header equality, entry by entry: LFH at 0, each one right after the
 * previous entry's data, the CD right after the last, the EOCD right after the CD.
 * The LFH is compared before its data's extent is trusted, so a local name of another
 * length reads as the header mismatch it is rather than as a layout error.
 */
function checkLocalRecords(buf: Buffer, records: readonly CdRecord[], eocd: Eocd, cdWalkEnd: number): void {
  let expected = 0;
  for (const r of records) {
    const lfh = r.lfhOffset;
    if (lfh !== expected) throw new BcpkgError('E_ZIP_LAYOUT', `${r.name}: local header at ${lfh}, expected ${expected}`);
    if (lfh + LFH_SIZE + r.nameLength > eocd.cdOffset) throw new BcpkgError('E_ZIP_LAYOUT', `${r.name}: local header overruns`);
    const isSame =
      buf.readUInt32LE(lfh) === LFH_SIGNATURE &&
      buf.compare(buf, r.at + CD_SHARED_AT, r.at + CD_SHARED_AT + SHARED_BLOCK, lfh + LFH_SHARED_AT, lfh + LFH_SIZE) === 0 &&
      buf.compare(buf, r.at + CD_SIZE, r.at + CD_SIZE + r.nameLength, lfh + LFH_SIZE, lfh + LFH_SIZE + r.nameLength) === 0;
    if (!isSame) throw new BcpkgError('E_ZIP_HEADER_MISMATCH', `${r.name}: local header differs from central directory`);
    expected = lfh + LFH_SIZE + r.nameLength + r.size;
  }
  if (expected !== eocd.cdOffset) throw new BcpkgError('E_ZIP_LAYOUT', 'gap or overlap before the central directory');
  if (cdWalkEnd !== eocd.offset) throw new BcpkgError('E_ZIP_LAYOUT', 'gap between the central directory and the end record');
}

function checkIdentity(entries: readonly ZipEntry[], profile: ZipProfile): void {
  const first = entries[0];
  if (first?.name !== 'mimetype' || !first.data.equals(Buffer.from(profile.mimetype, 'ascii'))) {
    throw new BcpkgError('E_NOT_BCPKG', 'first entry is not the expected mimetype');
  }
  for (const name of profile.requiredNames) {
    if (!entries.some((e) => e.name === name)) throw new BcpkgError('E_NOT_BCPKG', `missing ${name}`, { name });
  }
  for (const entry of entries) {
    const isChecked = entry.name === 'mimetype' || profile.requiredNames.includes(entry.name);
    if (isChecked && !checkEntryCrc(entry)) throw new BcpkgError('E_ZIP_CRC', entry.name, { name: entry.name });
  }
}

/** Why `name` breaks §2.2's name rules, or null when it is fine. */
function nameProblem(name: Uint8Array): string | null {
  if (name.length === 0) return 'empty name';
  if (name.length > MAX_NAME_BYTES) return `longer than ${MAX_NAME_BYTES} bytes`;
  for (const byte of name) {
    if (byte < 0x20 || byte > 0x7e) return 'not printable ASCII';
    if (byte >= 0x41 && byte <= 0x5a) return 'uppercase letter';
    if (byte === 0x5c) return 'backslash';
    if (byte === 0x3a) return 'colon';
  }
  const text = Buffer.from(name).toString('latin1');
  if (text.startsWith('/')) return 'absolute path';
  if (text.split('/').some((segment) => segment === '' || segment === '.' || segment === '..')) {
    return 'empty, "." or ".." segment';
  }
  return null;
}

const KIB = 1024;
const MIB = 1024 * KIB;

function profileOf(mimetype: string, caps: Record<string, number>, requiredNames: readonly string[], maxTotal: number): ZipProfile {
  const capMap = new Map<string, number>([['mimetype', mimetype.length], ...Object.entries(caps)]);
  return {
    mimetype,
    isAllowedName: (name) => capMap.has(name),
    requiredNames: ['mimetype', ...requiredNames],
    capFor: (name) => capMap.get(name) ?? 0,
    maxEntries: capMap.size,
    maxTotal,
  };
}

export const BCPKG_MIMETYPE = 'application/vnd.bcpkg+zip;version=1';

/** A `.bcpkg` package (§2.2, §5.3): at most 8 entries, 64 MiB in total. */
export function bcpkgProfile(): ZipProfile {
  const caps = {
    'manifest.json': 64 * KIB,
    'manifest.sig': 1 * KIB,
    'data/commune_status.json': 32 * MIB,
    'data/hotspots.json': 32 * MIB,
    'data/model_sites.json': 32 * MIB,
    'human/report.xlsx': 16 * MIB,
  };
  return { ...profileOf(BCPKG_MIMETYPE, caps, ['manifest.json', 'manifest.sig'], 64 * MIB), maxEntries: 8 };
}

const SIGNED_DOCUMENTS = {
  trust: { mimetype: 'application/vnd.bcpkg-trust+zip;version=1', base: 'trustlist', jsonCap: 1 * MIB },
  key: { mimetype: 'application/vnd.bcpkg-key+zip;version=1', base: 'statement', jsonCap: 64 * KIB },
  receipt: { mimetype: 'application/vnd.bcpkg-receipt+zip;version=1', base: 'receipt', jsonCap: 64 * KIB },
} as const;

/** The other signed documents of §2.8: `.bctrust`, `.bckey` and `.bcrcpt`, each a JSON and its signature file. */
export function signedDocumentProfile(kind: 'trust' | 'key' | 'receipt'): ZipProfile {
  const { mimetype, base, jsonCap } = SIGNED_DOCUMENTS[kind];
  const sigCap = 4 * KIB;
  const names = [`${base}.json`, `${base}.sig`] as const;
  return profileOf(mimetype, { [names[0]]: jsonCap, [names[1]]: sigCap }, names, mimetype.length + jsonCap + sigCap);
}
