/**
 * Packages named by path (`pcmt verify`, `pcmt receive`): stage 0 of exchange-format.md
 * §5 before a byte is read. The size comes from `fstat` on the open file, so a 1 GiB or
 * a 3 GiB file costs nothing (reading it whole took 1.17 GB, and past 2 GiB Node cannot
 * read a file into one buffer at all, which used to abort the whole batch); a file that
 * grows after the check is still read no further than the limit. Files are read one at
 * a time, and every path gets its own result, also a missing or unreadable one.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { FileErrorCode } from '../../../shared/exchange/codes';
import { isAgeFile, MAX_FILE_BYTES } from './verify-package';

const AGE_MAGIC_LENGTH = 'age-encryption.org/v1\n'.length;

export type PackageRead = { kind: 'bytes'; bytes: Buffer } | { kind: 'too-large' } | { kind: 'unreadable'; code: FileErrorCode };

/** Missing paths and broken directory components say "not found"; the rest "cannot read". */
function fileErrorCode(error: unknown): FileErrorCode {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return code === 'ENOENT' || code === 'ENOTDIR' ? 'E_FILE_NOT_FOUND' : 'E_FILE_UNREADABLE';
}

function withFile<T>(file: string, use: (fd: number, size: number) => T): T | { kind: 'unreadable'; code: FileErrorCode } {
  let fd: number;
  try {
    fd = fs.openSync(path.resolve(file), 'r');
  } catch (error) {
    return { kind: 'unreadable', code: fileErrorCode(error) };
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile()) return { kind: 'unreadable', code: 'E_FILE_UNREADABLE' };
    return use(fd, stat.size);
  } catch (error) {
    return { kind: 'unreadable', code: fileErrorCode(error) };
  } finally {
    fs.closeSync(fd);
  }
}

/** At most `MAX_FILE_BYTES` are ever read; one byte more means the file is too large. */
export function readPackageFile(file: string, maxBytes = MAX_FILE_BYTES): PackageRead {
  return withFile(file, (fd, size): PackageRead => {
    if (size > maxBytes) return { kind: 'too-large' };
    const buffer = Buffer.alloc(Math.min(size, maxBytes) + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const n = fs.readSync(fd, buffer, filled, buffer.length - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    if (filled > maxBytes) return { kind: 'too-large' };
    return { kind: 'bytes', bytes: buffer.subarray(0, filled) };
  });
}

/** Whether the file starts like an encrypted package: decides if the passphrase is asked for, from its first bytes only. */
export function isEncryptedPackageFile(file: string): boolean {
  const head = withFile(file, (fd) => {
    const buffer = Buffer.alloc(AGE_MAGIC_LENGTH);
    return buffer.subarray(0, fs.readSync(fd, buffer, 0, buffer.length, 0));
  });
  return Buffer.isBuffer(head) && isAgeFile(head);
}
