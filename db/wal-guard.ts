/**
 * Keeps SQLite from replaying a `-wal` that belongs to another file. SQLite accepts any
 * WAL whose frames carry the header's salts and whose checksums chain: nothing in a WAL
 * names its database, so a stale `-wal` of workspace B beside workspace A is folded into
 * A and silently replaces A's pages with B's (reproduced in wal-guard.test.ts).
 *
 * Our own record binds the two. Each workspace carries a random `application_id` in its
 * header (page 1, read here with plain file I/O before SQLite opens the file), and after
 * every open we restart the WAL ourselves and write a sidecar `<file>.wal-owner` with
 * that id and the new WAL header's salts. SQLite documents that salt-1 grows by one at
 * every WAL restart and salt-2 is random each time, and a WAL only ever becomes empty at
 * our restart or when the last connection closes (closeDatabase no longer truncates
 * while others may be open), so every WAL this workspace writes until the next open has
 * salt-1 in [recorded, recorded + window) — and the first generation the exact salt-2.
 * The record lives exactly as long as a WAL of ours can: a clean close by the last
 * connection deletes the WAL and then the record, so a workspace with an id and no record
 * has no WAL of its own, and any WAL beside it is foreign. A WAL of another file shares
 * our id with chance 2^-31 and falls into the salt window with chance 2^-12 even then.
 * A workspace without an id was last written by an older version: its WAL is refused only
 * on positive evidence (another page size, a page-1 image carrying another id). A WAL
 * moved aside is kept, never deleted, so even a wrong verdict loses nothing for good.
 */
import fs from 'node:fs';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;
const SALT1_WINDOW = 2 ** 20;

export type WalHeader = { isBigEndian: boolean; pageSize: number; checkpoint: number; salt1: number; salt2: number };
export type WalScan = WalHeader & { committedFrames: number; pageOneAppId: number | null };
export type WalOwner = { applicationId: number; salt1: number; salt2: number; pageSize: number };
export type WalVerdict = 'none' | 'owned' | 'foreign';

export function walPath(file: string): string {
  return `${file}-wal`;
}

export function ownerPath(file: string): string {
  return `${file}.wal-owner`;
}

/** SQLite's WAL checksum (fileformat2 §4.1): pairs of 32-bit words in the byte order the magic names. */
function checksum(bytes: Buffer, start: number, end: number, isBigEndian: boolean, seed: [number, number]): [number, number] {
  let [s0, s1] = seed;
  for (let i = start; i < end; i += 8) {
    const x0 = isBigEndian ? bytes.readUInt32BE(i) : bytes.readUInt32LE(i);
    const x1 = isBigEndian ? bytes.readUInt32BE(i + 4) : bytes.readUInt32LE(i + 4);
    s0 = (s0 + x0 + s1) >>> 0;
    s1 = (s1 + x1 + s0) >>> 0;
  }
  return [s0, s1];
}

export function readWalHeader(bytes: Buffer): WalHeader | null {
  if (bytes.length < WAL_HEADER) return null;
  const magic = bytes.readUInt32BE(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return null;
  const isBigEndian = magic === 0x377f0683;
  const [c0, c1] = checksum(bytes, 0, 24, isBigEndian, [0, 0]);
  if (c0 !== bytes.readUInt32BE(24) || c1 !== bytes.readUInt32BE(28)) return null;
  return { isBigEndian, pageSize: bytes.readUInt32BE(8), checkpoint: bytes.readUInt32BE(12), salt1: bytes.readUInt32BE(16), salt2: bytes.readUInt32BE(20) };
}

/** What SQLite would replay: frames up to the last commit whose salts match and checksums chain. */
export function scanWal(bytes: Buffer): WalScan | null {
  const header = readWalHeader(bytes);
  if (header === null || header.pageSize < 512 || header.pageSize > 65536) return null;
  let seed: [number, number] = [bytes.readUInt32BE(24), bytes.readUInt32BE(28)];
  let committedFrames = 0;
  let pageOneAppId: number | null = null;
  let pendingPageOne: number | null = null;
  const frameSize = FRAME_HEADER + header.pageSize;
  for (let at = WAL_HEADER, n = 1; at + frameSize <= bytes.length; at += frameSize, n += 1) {
    if (bytes.readUInt32BE(at + 8) !== header.salt1 || bytes.readUInt32BE(at + 12) !== header.salt2) break;
    seed = checksum(bytes, at, at + 8, header.isBigEndian, seed);
    seed = checksum(bytes, at + FRAME_HEADER, at + frameSize, header.isBigEndian, seed);
    if (seed[0] !== bytes.readUInt32BE(at + 16) || seed[1] !== bytes.readUInt32BE(at + 20)) break;
    if (bytes.readUInt32BE(at) === 1) pendingPageOne = bytes.readUInt32BE(at + FRAME_HEADER + 68);
    if (bytes.readUInt32BE(at + 4) !== 0) {
      committedFrames = n;
      if (pendingPageOne !== null) pageOneAppId = pendingPageOne;
    }
  }
  return { ...header, committedFrames, pageOneAppId };
}

export type DbHeader = {
  pageSize: number;
  applicationId: number;
  userVersion: number;
  /** The header's page count, or null when SQLite would not trust it (change counter ≠ version-valid-for, fileformat2 §1.3.7). */
  pageCount: number | null;
};

/** Page size, application_id and page count from the main file's 100-byte header, or null when it is not SQLite. */
export function readDbHeader(file: string): DbHeader | null {
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    if (fs.readSync(fd, header, 0, 100, 0) < 100) return null;
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== 'SQLite format 3\u0000') return null;
  const raw = header.readUInt16BE(16);
  const pageCount = header.readUInt32BE(28);
  const isCountValid = pageCount > 0 && header.readUInt32BE(24) === header.readUInt32BE(92);
  return { pageSize: raw === 1 ? 65536 : raw, applicationId: header.readUInt32BE(68), userVersion: header.readUInt32BE(60), pageCount: isCountValid ? pageCount : null };
}

function readOwner(file: string): WalOwner | null {
  try {
    const parsed = JSON.parse(fs.readFileSync(ownerPath(file), 'utf8')) as Partial<WalOwner>;
    const fields = [parsed.applicationId, parsed.salt1, parsed.salt2, parsed.pageSize];
    return fields.every((v) => typeof v === 'number' && Number.isInteger(v)) ? (parsed as WalOwner) : null;
  } catch {
    return null;
  }
}

/** Whether the `-wal` beside `file` (if it holds anything SQLite would replay) belongs to it. */
export function judgeWal(file: string): WalVerdict {
  const wal = walPath(file);
  if (!fs.existsSync(wal) || fs.statSync(wal).size < WAL_HEADER) return 'none';
  const scan = scanWal(fs.readFileSync(wal));
  if (scan === null || scan.committedFrames === 0) return 'none';
  const db = readDbHeader(file);
  if (db === null) return 'none';
  if (scan.pageSize !== db.pageSize) return 'foreign';
  if (db.applicationId !== 0 && scan.pageOneAppId !== null && scan.pageOneAppId !== 0 && scan.pageOneAppId !== db.applicationId) return 'foreign';
  // A workspace that never got its id was last written by a version without this record: benefit of the doubt.
  if (db.applicationId === 0) return 'owned';
  const owner = readOwner(file);
  // Our record exists exactly while our WAL may (closeDatabase removes it with the WAL): none, or another file's, means not ours.
  if (owner === null || owner.applicationId !== db.applicationId) return 'foreign';
  const ahead = (scan.salt1 - owner.salt1) >>> 0;
  if (ahead >= SALT1_WINDOW) return 'foreign';
  return ahead === 0 && scan.salt2 !== owner.salt2 ? 'foreign' : 'owned';
}

/** Moves a foreign `-wal` (and its `-shm`) aside; returns the new name of the WAL. */
export function moveWalAside(file: string, at: string): string {
  const stamp = at.replace(/[:.]/gu, '-');
  const target = `${file}.wal-${stamp}.orphan`;
  fs.renameSync(walPath(file), target);
  if (fs.existsSync(`${file}-shm`)) fs.renameSync(`${file}-shm`, `${file}.shm-${stamp}.orphan`);
  return target;
}

/** Records the current WAL header as ours (atomically: a torn sidecar must not exist). */
export function recordOwner(file: string, applicationId: number): void {
  const header = readWalHeader(fs.readFileSync(walPath(file)).subarray(0, WAL_HEADER));
  if (header === null) return;
  const owner: WalOwner = { applicationId, salt1: header.salt1, salt2: header.salt2, pageSize: header.pageSize };
  const temp = `${ownerPath(file)}.tmp`;
  const fd = fs.openSync(temp, 'w');
  try {
    fs.writeSync(fd, JSON.stringify(owner));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(temp, ownerPath(file));
}
