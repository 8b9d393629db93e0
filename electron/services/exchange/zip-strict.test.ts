import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { VerifyErrorCode } from '../../../shared/exchange/codes';
import {
  CD_FIELDS,
  EOCD_FIELDS,
  LFH_FIELDS,
  appendBytes,
  insertBeforeEocd,
  insertBytes,
  patchBothHeaders,
  patchCdField,
  patchEocdField,
  patchLfhField,
  prependBytes,
  rebuildZip,
  rewriteEntryName,
  withArchiveComment,
  zip64Locator,
  zipLayout,
} from '../../../tests/support/zip-mutate';
import { BcpkgError } from './bcpkg-error';
import { BCPKG_MIMETYPE, bcpkgProfile, checkEntryCrc, readZipStrict, signedDocumentProfile, writeZip, type ZipEntry } from './zip-strict';

const ENTRIES = [
  { name: 'mimetype', data: Buffer.from(BCPKG_MIMETYPE, 'ascii') },
  { name: 'manifest.json', data: Buffer.from('{"type":"bcpkg.manifest","x":"Hà Nội"}', 'utf8') },
  { name: 'manifest.sig', data: Buffer.from('untrusted comment: bcpkg signature 0000000000000000\nRWQ=\n', 'ascii') },
  { name: 'data/hotspots.json', data: Buffer.from('{"records":[]}', 'ascii') },
  { name: 'human/report.xlsx', data: Buffer.from('PK\u0003\u0004 not really a workbook', 'latin1') },
];
const VALID = writeZip(ENTRIES);
const HOTSPOTS = 3;
const XLSX = 4;
const HOTSPOTS_SIZE = ENTRIES[HOTSPOTS]?.data.length ?? 0;
const CD_OFFSET = zipLayout(VALID).cdOffset;
const HUGE = 33 * 2 ** 20;

function codeOf(file: Uint8Array): string {
  try {
    readZipStrict(file, bcpkgProfile());
    return 'ACCEPTED';
  } catch (error) {
    if (error instanceof BcpkgError) return error.code;
    throw error;
  }
}

describe('writeZip / readZipStrict', () => {
  it('round-trips names and bytes, with data as views into the input', () => {
    const entries = readZipStrict(VALID, bcpkgProfile());
    expect(entries.map((e) => e.name)).toEqual(ENTRIES.map((e) => e.name));
    entries.forEach((entry, i) => {
      expect(entry.data.equals(ENTRIES[i]?.data as Buffer)).toBe(true);
      expect(entry.size).toBe(ENTRIES[i]?.data.length);
      expect(checkEntryCrc(entry)).toBe(true);
      expect(entry.data.buffer).toBe(VALID.buffer);
    });
  });

  it('is deterministic and puts the mimetype at offset 38 (EPUB-style sniffing)', () => {
    expect(writeZip(ENTRIES).equals(VALID)).toBe(true);
    expect(VALID.subarray(38, 38 + BCPKG_MIMETYPE.length).toString('ascii')).toBe(BCPKG_MIMETYPE);
  });

  it('writes every fixed field of §2.2', () => {
    const lfh = VALID.subarray(0, 30);
    expect([lfh.readUInt16LE(4), lfh.readUInt16LE(6), lfh.readUInt16LE(8), lfh.readUInt16LE(10), lfh.readUInt16LE(12)]).toEqual([
      20, 0x0800, 0, 0, 0x0021,
    ]);
    const cd = VALID.subarray(zipLayout(VALID).cdOffset);
    expect(cd.readUInt16LE(4)).toBe(20);
    expect(cd.readUInt32LE(38)).toBe(0);
    expect(VALID.readUInt16LE(VALID.length - 2)).toBe(0);
  });

  it('reads a Uint8Array that is a window of a larger buffer', () => {
    const padded = Buffer.concat([Buffer.alloc(7), VALID, Buffer.alloc(5)]);
    const view = new Uint8Array(padded.buffer, padded.byteOffset + 7, VALID.length);
    expect(readZipStrict(view, bcpkgProfile()).map((e) => e.name)).toContain('manifest.json');
  });

  it('refuses to write a name the reader would reject', () => {
    expect(() => writeZip([{ name: '../x', data: new Uint8Array(0) }])).toThrow(Error);
    expect(() => writeZip([{ name: 'Data.json', data: new Uint8Array(0) }])).toThrow(Error);
  });

  it('reads the §2.8 signed-document profiles', () => {
    for (const [kind, base] of [['trust', 'trustlist'], ['key', 'statement'], ['receipt', 'receipt']] as const) {
      const profile = signedDocumentProfile(kind);
      const zip = writeZip([
        { name: 'mimetype', data: Buffer.from(profile.mimetype, 'ascii') },
        { name: `${base}.json`, data: Buffer.from('{}') },
        { name: `${base}.sig`, data: Buffer.from('sig\n') },
      ]);
      expect(readZipStrict(zip, profile)).toHaveLength(3);
      // Its longer mimetype already exceeds the package profile's exact-size cap for `mimetype`.
      expect(codeOf(zip)).toBe('E_ZIP_BOMB');
    }
    expect(signedDocumentProfile('trust').capFor('trustlist.json')).toBe(1024 * 1024);
    expect(signedDocumentProfile('key').capFor('statement.json')).toBe(64 * 1024);
    expect(signedDocumentProfile('receipt').capFor('receipt.sig')).toBe(4 * 1024);
  });
});

describe('interoperability', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'zip-strict-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('`unzip -t` accepts a written file', (ctx) => {
    if (!existsSync('/usr/bin/unzip')) {
      ctx.skip('/usr/bin/unzip is not installed (.ci/run installs it)');
      return;
    }
    const file = path.join(dir, 'valid.bcpkg');
    writeFileSync(file, VALID);
    const out = execFileSync('/usr/bin/unzip', ['-t', file], { encoding: 'utf8' });
    expect(out).toMatch(/No errors detected/u);
    for (const { name } of ENTRIES) expect(out).toContain(name);
  });
});

/** §7.1 "ZIP pitfalls", each made by one edit of VALID. */
const PITFALLS: [string, () => Buffer, VerifyErrorCode][] = [
  ['zip_slip_dotdot', () => rewriteEntryName(VALID, HOTSPOTS, '../../evil.json'), 'E_ZIP_BAD_NAME'],
  ['zip_slip_nested', () => rewriteEntryName(VALID, HOTSPOTS, 'data/../../x.json'), 'E_ZIP_BAD_NAME'],
  ['zip_slip_absolute', () => rewriteEntryName(VALID, HOTSPOTS, '/etc/cron.d/x'), 'E_ZIP_BAD_NAME'],
  ['zip_slip_backslash', () => rewriteEntryName(VALID, HOTSPOTS, 'data\\hotspots.json'), 'E_ZIP_BAD_NAME'],
  ['zip_slip_drive', () => rewriteEntryName(VALID, HOTSPOTS, 'C:x.json'), 'E_ZIP_BAD_NAME'],
  ['zip_slip_drive_lowercase', () => rewriteEntryName(VALID, HOTSPOTS, 'c:x.json'), 'E_ZIP_BAD_NAME'],
  ['zip_name_uppercase', () => rewriteEntryName(VALID, HOTSPOTS, 'data/Hotspots.json'), 'E_ZIP_BAD_NAME'],
  ['zip_name_nonascii', () => rewriteEntryName(VALID, HOTSPOTS, 'data/hotspốts.json'), 'E_ZIP_BAD_NAME'],
  ['zip_name_control_char', () => rewriteEntryName(VALID, HOTSPOTS, 'data/hot\u0000spots.json'), 'E_ZIP_BAD_NAME'],
  ['zip_name_empty_segment', () => rewriteEntryName(VALID, HOTSPOTS, 'data//hotspots.json'), 'E_ZIP_BAD_NAME'],
  ['zip_name_dot_segment', () => rewriteEntryName(VALID, HOTSPOTS, 'data/./hotspots.json'), 'E_ZIP_BAD_NAME'],
  ['zip_name_trailing_slash', () => rewriteEntryName(VALID, HOTSPOTS, 'data/'), 'E_ZIP_BAD_NAME'],
  ['zip_name_empty', () => rewriteEntryName(VALID, HOTSPOTS, ''), 'E_ZIP_BAD_NAME'],
  ['zip_name_too_long', () => rewriteEntryName(VALID, HOTSPOTS, `data/${'a'.repeat(60)}`), 'E_ZIP_BAD_NAME'],
  ['zip_unexpected_entry', () => rewriteEntryName(VALID, XLSX, 'human/run.exe'), 'E_ZIP_UNEXPECTED_ENTRY'],
  ['zip_duplicate_names', () => rewriteEntryName(VALID, XLSX, 'data/hotspots.json'), 'E_ZIP_DUPLICATE_ENTRY'],
  ['zip_duplicate_manifest', () => rebuildZip(VALID, (e) => [...e, e[1] as (typeof e)[number]]), 'E_ZIP_DUPLICATE_ENTRY'],
  ['zip_lfh_cd_name_mismatch', () => rewriteEntryName(VALID, HOTSPOTS, 'data/hotspots.jsox', { lfh: true }), 'E_ZIP_HEADER_MISMATCH'],
  ['zip_lfh_cd_name_mismatch_longer', () => rewriteEntryName(VALID, HOTSPOTS, 'data/model_sites.json', { lfh: true }), 'E_ZIP_HEADER_MISMATCH'],
  ['zip_lfh_cd_name_mismatch_shorter', () => rewriteEntryName(VALID, XLSX, 'human/x.xlsx', { lfh: true }), 'E_ZIP_HEADER_MISMATCH'],
  ['zip_cd_name_differs_from_lfh', () => rewriteEntryName(VALID, HOTSPOTS, 'data/model_sites.json', { cd: true }), 'E_ZIP_HEADER_MISMATCH'],
  ['zip_overlapping_entries', () => patchCdField(VALID, XLSX, 'lfhOffset', zipLayout(VALID).entries[HOTSPOTS]?.lfhAt ?? 0), 'E_ZIP_LAYOUT'],
  ['zip_prepended_pk_bytes', () => prependBytes(VALID, Buffer.from('PK\u0003\u0004junk', 'latin1')), 'E_ZIP_LAYOUT'],
  ['zip_prepended_pk_bytes_offsets_fixed', () => prependBytes(VALID, Buffer.from('PK\u0003\u0004junk', 'latin1'), true), 'E_ZIP_LAYOUT'],
  ['zip_gap_before_cd', () => patchEocdField(insertBytes(VALID, CD_OFFSET, Buffer.alloc(4)), 'cdOffset', CD_OFFSET + 4), 'E_ZIP_LAYOUT'],
  ['zip_gap_between_entries', () => insertBytes(VALID, zipLayout(VALID).entries[XLSX]?.lfhAt ?? 0, Buffer.alloc(4)), 'E_ZIP_LAYOUT'],
  ['zip_gap_before_eocd', () => insertBeforeEocd(VALID, Buffer.alloc(20)), 'E_ZIP_LAYOUT'],
  ['zip_cd_past_eocd', () => patchEocdField(VALID, 'cdSize', zipLayout(VALID).cdSize + 1), 'E_ZIP_LAYOUT'],
  ['zip_cd_signature', () => patchCdField(VALID, HOTSPOTS, 'signature', 0), 'E_ZIP_LAYOUT'],
  ['zip_cd_name_length_overrun', () => patchCdField(VALID, XLSX, 'nameLength', 200), 'E_ZIP_LAYOUT'],
  ['zip_entry_count_too_low', () => patchEocdField(patchEocdField(VALID, 'entriesTotal', 4), 'entriesOnDisk', 4), 'E_ZIP_LAYOUT'],
  ['zip_entry_count_too_high', () => patchEocdField(patchEocdField(VALID, 'entriesTotal', 6), 'entriesOnDisk', 6), 'E_ZIP_LAYOUT'],
  ['zip_trailing_bytes', () => appendBytes(VALID, Buffer.from([0])), 'E_ZIP_EOCD'],
  ['zip_archive_comment', () => withArchiveComment(VALID, 'hello'), 'E_ZIP_EOCD'],
  ['zip_archive_comment_long', () => withArchiveComment(VALID, 'a comment longer than twenty-two bytes'), 'E_ZIP_EOCD'],
  ['zip_data_descriptor_flag', () => patchBothHeaders(VALID, HOTSPOTS, 'flags', 0x0808), 'E_ZIP_UNSUPPORTED'],
  ['zip_encrypted_flag', () => patchBothHeaders(VALID, HOTSPOTS, 'flags', 0x0801), 'E_ZIP_UNSUPPORTED'],
  ['zip_no_utf8_flag', () => patchBothHeaders(VALID, HOTSPOTS, 'flags', 0), 'E_ZIP_UNSUPPORTED'],
  ['zip_method_bzip2', () => patchBothHeaders(VALID, HOTSPOTS, 'method', 12), 'E_ZIP_UNSUPPORTED'],
  ['zip_deflated_entry', () => patchBothHeaders(VALID, HOTSPOTS, 'method', 8), 'E_ZIP_UNSUPPORTED'],
  ['zip_version_made_by_unix', () => patchCdField(VALID, HOTSPOTS, 'versionMadeBy', 0x031e), 'E_ZIP_UNSUPPORTED'],
  ['zip_version_needed_45', () => patchBothHeaders(VALID, HOTSPOTS, 'versionNeeded', 45), 'E_ZIP_UNSUPPORTED'],
  ['zip_timestamp_changed', () => patchBothHeaders(VALID, HOTSPOTS, 'time', 0x6000), 'E_ZIP_UNSUPPORTED'],
  ['zip_date_changed', () => patchBothHeaders(VALID, HOTSPOTS, 'date', 0x5b21), 'E_ZIP_UNSUPPORTED'],
  ['zip_extra_field_length', () => patchCdField(VALID, HOTSPOTS, 'extraLength', 4), 'E_ZIP_UNSUPPORTED'],
  ['zip_entry_comment_length', () => patchCdField(VALID, HOTSPOTS, 'commentLength', 1), 'E_ZIP_UNSUPPORTED'],
  ['zip_disk_start', () => patchCdField(VALID, HOTSPOTS, 'diskStart', 1), 'E_ZIP_UNSUPPORTED'],
  ['zip_internal_attrs', () => patchCdField(VALID, HOTSPOTS, 'internalAttrs', 1), 'E_ZIP_UNSUPPORTED'],
  ['zip_symlink_attrs', () => patchCdField(VALID, HOTSPOTS, 'externalAttrs', (0xa1ff << 16) >>> 0), 'E_ZIP_UNSUPPORTED'],
  ['zip_multi_disk', () => patchEocdField(VALID, 'disk', 1), 'E_ZIP_UNSUPPORTED'],
  ['zip_entry_counts_disagree', () => patchEocdField(VALID, 'entriesOnDisk', 4), 'E_ZIP_UNSUPPORTED'],
  ['zip_zip64_sentinel', () => patchEocdField(VALID, 'cdOffset', 0xffffffff), 'E_ZIP_UNSUPPORTED'],
  ['zip_zip64_eocd_locator', () => insertBeforeEocd(VALID, zip64Locator(0)), 'E_ZIP_UNSUPPORTED'],
  ['zip_bomb_declared_huge', () => patchBothHeaders(patchBothHeaders(VALID, HOTSPOTS, 'size', HUGE), HOTSPOTS, 'compressedSize', HUGE), 'E_ZIP_BOMB'],
  ['zip_bomb_manifest_over_cap', () => patchCdField(VALID, 1, 'size', 64 * 1024 + 1), 'E_ZIP_BOMB'],
  ['zip_stored_size_lie', () => patchCdField(VALID, HOTSPOTS, 'size', HOTSPOTS_SIZE + 1), 'E_ZIP_HEADER_MISMATCH'],
  ['zip_cd_lfh_method_mismatch', () => patchLfhField(VALID, HOTSPOTS, 'method', 8), 'E_ZIP_HEADER_MISMATCH'],
  ['zip_cd_lfh_size_mismatch', () => patchLfhField(patchLfhField(VALID, HOTSPOTS, 'size', 3), HOTSPOTS, 'compressedSize', 3), 'E_ZIP_HEADER_MISMATCH'],
  ['zip_cd_lfh_crc_mismatch', () => patchLfhField(VALID, HOTSPOTS, 'crc32', 0), 'E_ZIP_HEADER_MISMATCH'],
  ['zip_lfh_signature', () => patchLfhField(VALID, HOTSPOTS, 'signature', 0x08074b50), 'E_ZIP_HEADER_MISMATCH'],
  ['zip_mimetype_not_first', () => rebuildZip(VALID, (e) => [e[1], e[0], ...e.slice(2)] as typeof e), 'E_NOT_BCPKG'],
  ['zip_mimetype_wrong_content', () => rebuildZip(VALID, (e) => void (e[0] as (typeof e)[number]).data.write('X', 0)), 'E_NOT_BCPKG'],
  ['zip_manifest_sig_missing', () => rebuildZip(VALID, (e) => e.filter((_, i) => i !== 2)), 'E_NOT_BCPKG'],
  ['zip_manifest_crc', () => patchBothHeaders(VALID, 1, 'crc32', 0x12345678), 'E_ZIP_CRC'],
  ['zip_too_many_entries', () => rebuildZip(VALID, (e) => [...e, ...e]), 'E_ZIP_TOO_MANY_ENTRIES'],
  ['not_a_zip', () => Buffer.from('hello'), 'E_ZIP_EOCD'],
  ['empty_file', () => Buffer.alloc(0), 'E_ZIP_EOCD'],
];

describe('ZIP pitfalls of §7.1, each with its exact code', () => {
  it.each(PITFALLS)('%s → %s', (_, build, expected) => {
    expect(codeOf(build())).toBe(expected);
  });
});

const TINY_ENTRIES = [
  { name: 'mimetype', data: Buffer.from(BCPKG_MIMETYPE, 'ascii') },
  { name: 'manifest.json', data: Buffer.from('{}') },
  { name: 'manifest.sig', data: Buffer.from('s\n') },
  { name: 'data/hotspots.json', data: Buffer.from('[]') },
];
const TINY = writeZip(TINY_ENTRIES);

/** Entries, or null for a BcpkgError; anything else thrown is a crash and fails the test. */
function tryRead(file: Uint8Array): ZipEntry[] | null {
  try {
    return readZipStrict(file, bcpkgProfile());
  } catch (error) {
    if (error instanceof BcpkgError) return null;
    throw error;
  }
}

/**
 * A changed archive is either rejected here, or it is accepted with the same names and
 * exactly one entry's bytes changed, which its CRC exposes (stage 5 then rejects it).
 */
function expectCaught(mutated: Uint8Array, original: readonly { name: string; data: Buffer }[]): void {
  const entries = tryRead(mutated);
  if (entries === null) return;
  expect(entries.map((e) => e.name)).toEqual(original.map((e) => e.name));
  const changed = entries.filter((e, i) => !e.data.equals(original[i]?.data as Buffer));
  expect(changed).toHaveLength(1);
  expect(checkEntryCrc(changed[0] as ZipEntry)).toBe(false);
}

describe('hostile edits never crash and never pass unnoticed (§7.2 items 2, 3, 7)', () => {
  it('every single-byte change of a tiny archive, exhaustively', () => {
    const work = Buffer.from(TINY);
    let accepted = 0;
    for (let at = 0; at < work.length; at++) {
      const original = work[at] as number;
      for (let value = 0; value < 256; value++) {
        if (value === original) continue;
        work[at] = value;
        expectCaught(work, TINY_ENTRIES);
        if (tryRead(work) !== null) accepted++;
      }
      work[at] = original;
    }
    // Only the 2 bytes of data/hotspots.json, 255 values each, get past stage 2.
    expect(accepted).toBe(2 * 255);
  });

  it('sampled single-byte changes of a larger archive', () => {
    fc.assert(
      fc.property(fc.nat({ max: VALID.length - 1 }), fc.integer({ min: 1, max: 255 }), (at, mask) => {
        const work = Buffer.from(VALID);
        work[at] = (work[at] as number) ^ mask;
        expectCaught(work, ENTRIES);
      }),
      { numRuns: 3000 },
    );
  });

  it('every truncation, every appended byte and every inserted byte is rejected', () => {
    for (let length = 0; length < VALID.length; length++) expect(tryRead(VALID.subarray(0, length))).toBeNull();
    for (let value = 0; value < 256; value++) expect(tryRead(appendBytes(VALID, Buffer.from([value])))).toBeNull();
    for (let at = 0; at <= TINY.length; at++) {
      for (const value of [0x00, 0x50, 0xff]) expect(tryRead(insertBytes(TINY, at, Buffer.from([value])))).toBeNull();
    }
  });

  it('random values in any header field: rejected, or the archive reads exactly as before', () => {
    type Target = ['cd' | 'lfh' | 'eocd', string, 2 | 4];
    const targets: Target[] = [
      ...Object.entries(CD_FIELDS).map(([k, [, w]]): Target => ['cd', k, w]),
      ...Object.entries(LFH_FIELDS).map(([k, [, w]]): Target => ['lfh', k, w]),
      ...Object.entries(EOCD_FIELDS).map(([k, [, w]]): Target => ['eocd', k, w]),
    ];
    const interesting = fc.constantFrom(0, 1, 20, 0x0800, 0xffff, 0x7fffffff, 0xffffffff, VALID.length);
    const valueArb = fc.oneof(interesting, fc.nat({ max: 0xffffffff }));
    fc.assert(
      fc.property(fc.constantFrom(...targets), fc.nat({ max: ENTRIES.length - 1 }), valueArb, ([where, field, width], index, raw) => {
        const value = width === 2 ? raw & 0xffff : raw;
        const mutated =
          where === 'cd'
            ? patchCdField(VALID, index, field as keyof typeof CD_FIELDS, value)
            : where === 'lfh'
              ? patchLfhField(VALID, index, field as keyof typeof LFH_FIELDS, value)
              : patchEocdField(VALID, field as keyof typeof EOCD_FIELDS, value);
        const entries = tryRead(mutated);
        if (entries !== null) expect(mutated.equals(VALID)).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });
});
