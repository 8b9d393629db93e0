/**
 * The v1 vectors of exchange-format.md §7.1, each with the one code a verifier in
 * v1/verifier.sqlite (training, office ZZ-T01) must report. Plain vectors are pure
 * functions of the TEST KEYS and fixed inputs, so they are byte-stable; encrypted ones
 * use age's random file key and ephemeral shares, so they are made only when missing.
 */
import { deflateRawSync } from 'node:zlib';
import type { VerifyOutcomeCode } from '../../shared/exchange/codes';
import { ageEncryptWithPassphrase } from '../../electron/services/exchange/age/passphrase';
import { defaultChacha } from '../../electron/services/exchange/age/chacha';
import { crc32 } from '../../electron/services/exchange/crc32';
import { buildPackage, type BuiltPackage } from '../../electron/services/exchange/package-builder';
import {
  appendBytes,
  flipDataByte,
  insertBeforeEocd,
  patchBothHeaders,
  patchCdField,
  patchLfhField,
  prependBytes,
  rebuildZip,
  rewriteEntryName,
  withArchiveComment,
  zip64Locator,
  zipLayout,
} from '../support/zip-mutate';
import {
  baseInput,
  COMMUNE_OFFICE,
  communeRecords,
  hotspotRecords,
  keyIdOfLabel,
  modelSiteRecords,
  RETIRED_LAST_SEQUENCE,
  testSecret,
} from './corpus-keys';
import {
  assemble,
  build,
  datasetBytes,
  encryptTo,
  encryptWithStanzas,
  entryFor,
  manifestJson,
  payloadFiles,
  signatureFile,
  signed,
  x25519Stanza,
  xlsxFor,
  type JsonObject,
} from './corpus-packages';

export type Vector = { name: string; code: VerifyOutcomeCode; isEncrypted: boolean; make: () => Buffer };

const COMMUNE = 3;
const MODEL_SITES = 4;
const XLSX = 5;

function withXlsx(name: string, datasets = baseInput(name).datasets): BuiltPackage {
  const input = baseInput(name, { datasets });
  return buildPackage({ ...input, xlsx: xlsxFor(input) }, testSecret('d001-active'));
}

function withHotspots(name: string): BuiltPackage {
  return withXlsx(name, { commune_status: communeRecords(), hotspots: hotspotRecords(), model_sites: modelSiteRecords() });
}

/** Changes one byte of an entry's data and puts the matching CRC in both headers. */
function flipWithCrc(zip: Buffer, index: number): Buffer {
  const flipped = flipDataByte(zip, index, 7, 0x20);
  const entry = zipLayout(flipped).entries[index];
  if (entry === undefined) throw new Error('no entry');
  return patchBothHeaders(flipped, index, 'crc32', crc32(flipped.subarray(entry.dataAt, entry.dataAt + entry.size)));
}

function sigLines(pkg: BuiltPackage): [string, Buffer] {
  const text = payloadSig(pkg);
  const [comment = '', b64 = ''] = text.split('\n');
  return [comment, Buffer.from(b64, 'base64')];
}

function payloadSig(pkg: BuiltPackage): string {
  const layout = zipLayout(pkg.bytes).entries[2];
  if (layout === undefined) throw new Error('no manifest.sig');
  return pkg.bytes.subarray(layout.dataAt, layout.dataAt + layout.size).toString('latin1');
}

function withSig(pkg: BuiltPackage, sig: string): Buffer {
  return assemble(pkg.manifestBytes, Buffer.from(sig, 'latin1'), payloadFiles(pkg));
}

/** The signed manifest of `pkg` with `edit` applied, re-signed by a trusted key. */
function resigned(pkg: BuiltPackage, edit: (m: JsonObject) => void, files = payloadFiles(pkg)): Buffer {
  const m = manifestJson(pkg);
  edit(m);
  return signed(m, files);
}

/** Signed manifest bytes written by hand (not canonical on purpose). */
function resignedText(pkg: BuiltPackage, edit: (text: string) => string): Buffer {
  const bytes = Buffer.from(edit(pkg.manifestBytes.toString('utf8')), 'utf8');
  if (bytes.equals(pkg.manifestBytes)) throw new Error('edit changed nothing');
  return signed({}, payloadFiles(pkg), 'd001-active', bytes);
}

function communeEntry(m: JsonObject, edit: (entry: JsonObject) => void): void {
  const entries = m.entries as JsonObject[];
  const entry = entries.find((e) => e.path === 'data/commune_status.json');
  if (entry === undefined) throw new Error('no commune_status entry');
  edit(entry);
}

/** A package whose commune_status dataset is `doc`, listed truthfully and validly signed. */
function withDataset(pkg: BuiltPackage, doc: JsonObject): Buffer {
  const data = datasetBytes(doc);
  const files = payloadFiles(pkg).map((f) => (f.name === 'data/commune_status.json' ? { ...f, data } : f));
  return resigned(pkg, (m) => communeEntry(m, (e) => Object.assign(e, entryFor('data/commune_status.json', data, 2))), files);
}

function datasetDoc(period: string, records: JsonObject[]): JsonObject {
  return { dataset: 'commune_status', officeCode: 'ZZ-T01-D001', period, records, schema: 1, type: 'bcpkg.dataset' };
}

function payloadStart(file: Buffer): number {
  const mac = file.indexOf('\n--- ');
  return file.indexOf(0x0a, mac + 1) + 1;
}

export function corpusVectors(): Vector[] {
  const full = withXlsx('valid_plain_no_sensitive');
  const small = build('base_small', 'd001-active');
  const hot = withHotspots('valid_encrypted');
  const layout = zipLayout(small.bytes);
  const communeSize = layout.entries[COMMUNE]?.size ?? 0;
  const huge = 33 * 2 ** 20;
  const plain = (name: string, code: VerifyOutcomeCode, make: () => Buffer): Vector => ({ name, code, isEncrypted: false, make });
  const enc = (name: string, code: VerifyOutcomeCode, make: () => Buffer): Vector => ({ name, code, isEncrypted: true, make });
  const rename = (index: number, name: string) => () => rewriteEntryName(small.bytes, index, name);
  const [comment, block] = sigLines(small);

  return [
    // Valid
    plain('valid_plain_no_sensitive', 'OK_STAGED', () => full.bytes),
    enc('valid_encrypted', 'OK_STAGED', () => encryptTo(hot.bytes, ['verifier-x25519'])),
    plain('valid_retired_key_old_sequence', 'OK_STAGED', () => build('valid_retired_key_old_sequence', 'd001-retired', { sequence: RETIRED_LAST_SEQUENCE - 1 }).bytes),
    plain('valid_vietnamese_nfc', 'OK_STAGED', () => build('valid_vietnamese_nfc', 'd001-active', { datasets: { commune_status: communeRecords(true) } }).bytes),
    enc('valid_two_recipients', 'OK_STAGED', () => encryptTo(hot.bytes, ['other-office-x25519', 'verifier-x25519'])),
    // Tampering
    plain('tamper_payload_crc_fixed', 'E_ENTRY_HASH_MISMATCH', () => flipWithCrc(small.bytes, COMMUNE)),
    plain('tamper_payload_raw_byte', 'E_ZIP_CRC', () => flipDataByte(small.bytes, COMMUNE, 7, 0x20)),
    plain('tamper_xlsx', 'E_ENTRY_HASH_MISMATCH', () => flipWithCrc(full.bytes, XLSX)),
    plain('tamper_manifest_resigned_by_nobody', 'E_SIG_INVALID', () => {
      const m = manifestJson(small);
      m.sequence = 13;
      const bytes = datasetBytes(m);
      return assemble(bytes, signatureFile('nobody', bytes, 'd001-active'), payloadFiles(small));
    }),
    plain('tamper_signature_bit', 'E_SIG_INVALID', () => {
      const flipped = Buffer.from(block);
      flipped[20] = (flipped[20] as number) ^ 0x01;
      return withSig(small, `${comment}\n${flipped.toString('base64')}\n`);
    }),
    plain('tamper_signature_swapped_from_other_package', 'E_SIG_INVALID', () => withSig(small, payloadSig(full))),
    plain('tamper_untrusted_comment_only', 'E_SIG_MALFORMED', () => withSig(small, `untrusted comment: signed by the district\n${block.toString('base64')}\n`)),
    plain('sig_alg_minisign_prehashed', 'E_SIG_ALG', () => {
      const prehashed = Buffer.from(block);
      prehashed.write('ED', 0, 'ascii');
      return withSig(small, `${comment}\n${prehashed.toString('base64')}\n`);
    }),
    plain('sig_crlf', 'E_SIG_MALFORMED', () => withSig(small, payloadSig(small).replaceAll('\n', '\r\n'))),
    // Keys
    plain('key_unknown', 'E_KEY_UNKNOWN', () => build('key_unknown', 'unknown').bytes),
    plain('key_other_office', 'E_KEY_NOT_AUTHORIZED_FOR_OFFICE', () => build('key_other_office', 'd002-active').bytes),
    plain('key_revoked', 'E_KEY_REVOKED', () => build('key_revoked', 'd001-revoked', { sequence: 2 }).bytes),
    plain('key_retired_new_sequence', 'E_KEY_RETIRED', () => build('key_retired_new_sequence', 'd001-retired', { sequence: RETIRED_LAST_SEQUENCE + 1 }).bytes),
    plain('key_training_root', 'E_KEY_UNKNOWN', () => build('key_training_root', 'foreign-d001').bytes),
    // Manifest semantics, validly signed
    plain('manifest_whitespace', 'E_MANIFEST_NOT_CANONICAL', () => resignedText(small, (t) => t.replace(',"audience":', ', "audience":'))),
    plain('manifest_duplicate_key', 'E_MANIFEST_NOT_CANONICAL', () =>
      resignedText(small, (t) => t.replace('"type":"bcpkg.manifest"}', '"type":"bcpkg.other","type":"bcpkg.manifest"}')),
    ),
    plain('manifest_nfd_text', 'E_MANIFEST_NOT_CANONICAL', () => resignedText(small, (t) => t.replace('Quận Ba Đình', 'Quận Ba Đình'.normalize('NFD')))),
    plain('manifest_format_v2', 'E_FORMAT_VERSION', () => resigned(small, (m) => void (m.formatVersion = 2))),
    plain('manifest_unknown_field', 'E_MANIFEST_SCHEMA', () => resigned(small, (m) => void (m.comment = 'thêm trường lạ'))),
    plain('manifest_bidi_override_in_name', 'E_MANIFEST_SCHEMA', () =>
      resigned(small, (m) => void ((m.issuer as JsonObject).officeName = 'Ban Chỉ đạo \u202Exsl.exe\u202C Ba Đình')),
    ),
    plain('manifest_training_env', 'E_ENVIRONMENT_MISMATCH', () => build('manifest_training_env', 'd001-active', { environment: 'production' }).bytes),
    plain('manifest_wrong_audience', 'E_NOT_ADDRESSED_TO_US', () => build('manifest_wrong_audience', 'd001-active', { audience: [{ officeCode: 'ZZ-T02', role: 'parent' }] }).bytes),
    plain('manifest_record_count_lie', 'E_RECORD_COUNT_MISMATCH', () => resigned(small, (m) => communeEntry(m, (e) => void (e.records = 3)))),
    plain('plaintext_with_hotspots', 'E_ENCRYPTION_REQUIRED', () => hot.bytes),
    plain('signer_mismatch', 'E_SIGNER_MISMATCH', () => resigned(small, (m) => void ((m.signer as JsonObject).keyId = keyIdOfLabel('d001-retired')))),
    plain('issuer_not_allowed', 'E_ISSUER_NOT_ALLOWED', () =>
      build('issuer_not_allowed', 'x00001-active', {
        issuer: { level: 'commune', officeCode: COMMUNE_OFFICE, officeName: 'Ban Chỉ đạo phòng, chống ma túy Phường Phúc Xá' },
        datasets: { commune_status: communeRecords().slice(0, 1) },
      }).bytes,
    ),
    // Entries and datasets against the signed manifest
    plain('entry_size_mismatch', 'E_ENTRY_SIZE_MISMATCH', () => resigned(small, (m) => communeEntry(m, (e) => void (e.size = communeSize + 1)))),
    plain('zip_listed_but_missing', 'E_ENTRY_MISSING', () => rebuildZip(full.bytes, (e) => e.slice(0, XLSX))),
    plain('zip_extra_allowed_but_unlisted', 'E_ENTRY_NOT_IN_MANIFEST', () => {
      const onlyCommunes = build('zip_extra_allowed_but_unlisted', 'd001-active', { datasets: { commune_status: communeRecords() } });
      const extra = payloadFiles(small).filter((f) => f.name === 'data/model_sites.json');
      return assemble(onlyCommunes.manifestBytes, signatureFile('d001-active', onlyCommunes.manifestBytes), [...payloadFiles(onlyCommunes), ...extra]);
    }),
    plain('payload_schema', 'E_PAYLOAD_SCHEMA', () => {
      const records = communeRecords().map((r) => ({ ...r })) as JsonObject[];
      (records[0] as JsonObject).resident_population = '12000';
      return withDataset(small, datasetDoc('2025-Q3', records));
    }),
    plain('payload_header_mismatch', 'E_PAYLOAD_HEADER_MISMATCH', () => withDataset(small, datasetDoc('2025-Q2', communeRecords() as JsonObject[]))),
    plain('payload_out_of_jurisdiction', 'E_PAYLOAD_OUT_OF_JURISDICTION', () =>
      build('payload_out_of_jurisdiction', 'd001-active', {
        datasets: { commune_status: [...communeRecords(), ...communeRecords().slice(0, 1).map((r) => ({ ...r, commune: '00037' }))] },
      }).bytes,
    ),
    // §2.6 "commune code": the issuer's own district code (001) is in its jurisdiction but is no commune.
    plain('payload_district_as_commune', 'E_PAYLOAD_OUT_OF_JURISDICTION', () =>
      build('payload_district_as_commune', 'd001-active', {
        datasets: { commune_status: [...communeRecords(), ...communeRecords().slice(0, 1).map((r) => ({ ...r, commune: '001' }))] },
      }).bytes,
    ),
    enc('enc_hotspot_district_as_commune', 'E_PAYLOAD_OUT_OF_JURISDICTION', () =>
      encryptTo(
        build('enc_hotspot_district_as_commune', 'd001-active', {
          datasets: { commune_status: communeRecords(), hotspots: hotspotRecords().map((r) => ({ ...r, commune_code: '001' })) },
        }).bytes,
        ['verifier-x25519'],
      ),
    ),
    // ZIP pitfalls, each one edit of a validly signed package
    plain('zip_slip_dotdot', 'E_ZIP_BAD_NAME', rename(COMMUNE, '../../evil.json')),
    plain('zip_slip_nested', 'E_ZIP_BAD_NAME', rename(COMMUNE, 'data/../../x.json')),
    plain('zip_slip_absolute', 'E_ZIP_BAD_NAME', rename(COMMUNE, '/etc/cron.d/x')),
    plain('zip_slip_backslash', 'E_ZIP_BAD_NAME', rename(COMMUNE, 'data\\commune_status.json')),
    plain('zip_slip_drive', 'E_ZIP_BAD_NAME', rename(COMMUNE, 'C:x.json')),
    plain('zip_name_uppercase', 'E_ZIP_BAD_NAME', rename(COMMUNE, 'data/Commune_status.json')),
    plain('zip_name_nonascii', 'E_ZIP_BAD_NAME', rename(COMMUNE, 'data/commune_státus.json')),
    plain('zip_name_empty_segment', 'E_ZIP_BAD_NAME', rename(COMMUNE, 'data//commune_status.json')),
    plain('zip_unexpected_entry', 'E_ZIP_UNEXPECTED_ENTRY', rename(MODEL_SITES, 'human/run.exe')),
    plain('zip_duplicate_names', 'E_ZIP_DUPLICATE_ENTRY', rename(MODEL_SITES, 'data/commune_status.json')),
    plain('zip_lfh_cd_name_mismatch', 'E_ZIP_HEADER_MISMATCH', () => rewriteEntryName(small.bytes, COMMUNE, 'data/model_sites.json', { lfh: true })),
    plain('zip_overlapping_entries', 'E_ZIP_LAYOUT', () => patchCdField(small.bytes, MODEL_SITES, 'lfhOffset', layout.entries[COMMUNE]?.lfhAt ?? 0)),
    plain('zip_prepended_exe_stub', 'E_UNKNOWN_FORMAT', () => prependBytes(small.bytes, Buffer.from('MZ\u0090\u0000 This program cannot be run in DOS mode.', 'latin1'), true)),
    // §2.2's order broken, offsets recomputed: one signed package, a second encoding. §5.1 step 12 → E_ZIP_LAYOUT.
    plain('zip_entries_out_of_order', 'E_ZIP_LAYOUT', () => rebuildZip(small.bytes, (e) => [...e.slice(0, COMMUNE), ...e.slice(COMMUNE).reverse()])),
    plain('zip_prepended_pk_bytes', 'E_ZIP_LAYOUT', () => prependBytes(small.bytes, Buffer.from('PK\u0003\u0004junk', 'latin1'), true)),
    plain('zip_trailing_bytes', 'E_ZIP_EOCD', () => appendBytes(small.bytes, Buffer.from('\n', 'ascii'))),
    plain('zip_archive_comment', 'E_ZIP_EOCD', () => withArchiveComment(small.bytes, 'hello')),
    plain('zip_data_descriptor_flag', 'E_ZIP_UNSUPPORTED', () => patchBothHeaders(small.bytes, COMMUNE, 'flags', 0x0808)),
    plain('zip_encrypted_flag', 'E_ZIP_UNSUPPORTED', () => patchBothHeaders(small.bytes, COMMUNE, 'flags', 0x0801)),
    plain('zip_method_bzip2', 'E_ZIP_UNSUPPORTED', () => patchBothHeaders(small.bytes, COMMUNE, 'method', 12)),
    plain('zip_deflated_entry', 'E_ZIP_UNSUPPORTED', () => patchBothHeaders(small.bytes, COMMUNE, 'method', 8)),
    plain('zip_version_made_by_unix', 'E_ZIP_UNSUPPORTED', () => patchCdField(small.bytes, COMMUNE, 'versionMadeBy', 0x031e)),
    plain('zip_timestamp_changed', 'E_ZIP_UNSUPPORTED', () => patchBothHeaders(small.bytes, COMMUNE, 'time', 0x6000)),
    plain('zip_symlink_attrs', 'E_ZIP_UNSUPPORTED', () => patchCdField(small.bytes, COMMUNE, 'externalAttrs', (0xa1ff << 16) >>> 0)),
    plain('zip_zip64_eocd_locator', 'E_ZIP_UNSUPPORTED', () => insertBeforeEocd(small.bytes, zip64Locator(0))),
    plain('zip_bomb_deflate_stream', 'E_ZIP_UNSUPPORTED', () => {
      const stream = deflateRawSync(Buffer.alloc(64 * 2 ** 20), { level: 9 });
      let zip = rebuildZip(small.bytes, (e) => void ((e[COMMUNE] as { data: Buffer }).data = stream));
      zip = patchBothHeaders(zip, COMMUNE, 'method', 8);
      zip = patchBothHeaders(zip, COMMUNE, 'compressedSize', stream.length);
      return patchBothHeaders(zip, COMMUNE, 'size', 64 * 2 ** 20);
    }),
    plain('zip_bomb_declared_huge', 'E_ZIP_BOMB', () => patchBothHeaders(patchBothHeaders(small.bytes, COMMUNE, 'size', huge), COMMUNE, 'compressedSize', huge)),
    plain('zip_stored_size_lie', 'E_ZIP_HEADER_MISMATCH', () => patchCdField(small.bytes, COMMUNE, 'size', communeSize + 1)),
    plain('zip_cd_lfh_method_mismatch', 'E_ZIP_HEADER_MISMATCH', () => patchLfhField(small.bytes, COMMUNE, 'method', 8)),
    plain('zip_cd_lfh_size_mismatch', 'E_ZIP_HEADER_MISMATCH', () => patchLfhField(patchLfhField(small.bytes, COMMUNE, 'size', 3), COMMUNE, 'compressedSize', 3)),
    plain('zip_mimetype_not_first', 'E_NOT_BCPKG', () => rebuildZip(small.bytes, (e) => [e[1], e[0], ...e.slice(2)] as typeof e)),
    plain('zip_manifest_crc', 'E_ZIP_CRC', () => patchBothHeaders(small.bytes, 1, 'crc32', 0x12345678)),
    plain('zip_too_many_entries', 'E_ZIP_TOO_MANY_ENTRIES', () => rebuildZip(small.bytes, (e) => [...e, ...e])),
    plain('not_a_package', 'E_UNKNOWN_FORMAT', () => Buffer.from('Báo cáo quý 3 năm 2025 — không phải gói dữ liệu.\n', 'utf8')),
    // Encryption
    enc('enc_for_other_office', 'E_ENC_NOT_FOR_US', () => encryptTo(hot.bytes, ['other-office-x25519'])),
    enc('enc_truncated', 'E_ENC_PAYLOAD', () => {
      const file = encryptTo(hot.bytes, ['verifier-x25519']);
      return file.subarray(0, payloadStart(file) + 16 + 1000);
    }),
    enc('enc_payload_bitflip', 'E_ENC_PAYLOAD', () => {
      const file = encryptTo(hot.bytes, ['verifier-x25519']);
      file[file.length - 40] = (file[file.length - 40] as number) ^ 0x01;
      return file;
    }),
    enc('enc_header_mac', 'E_ENC_HEADER_MAC', () => {
      const file = encryptTo(hot.bytes, ['verifier-x25519']);
      const at = file.indexOf('\n--- ') + 5;
      file[at] = file[at] === 0x41 ? 0x42 : 0x41;
      return file;
    }),
    enc('enc_double_encrypted', 'E_UNKNOWN_FORMAT', () => encryptTo(encryptTo(hot.bytes, ['verifier-x25519']), ['verifier-x25519'])),
    enc('enc_wrapping_non_package', 'E_UNKNOWN_FORMAT', () => encryptTo(Buffer.from('Báo cáo quý 3 — không phải gói.\n', 'utf8'), ['verifier-x25519'])),
    enc('enc_scrypt_stanza_for_package', 'E_ENC_HEADER', () => ageEncryptWithPassphrase(hot.bytes, 'mật khẩu đoán được', 10, defaultChacha())),
    enc('enc_plugin_stanza', 'E_ENC_HEADER', () =>
      encryptWithStanzas(hot.bytes, (fileKey) => [
        { type: 'piv-p256', args: ['AmRk4Wq1Z4mH0a7sW3JZkLkYbFhX8tX0s9vQ1wR2c3d4'], body: Buffer.alloc(32, 7) },
        x25519Stanza(fileKey, 'verifier-x25519'),
      ]),
    ),
    enc('enc_nine_stanzas', 'E_ENC_HEADER', () => encryptWithStanzas(hot.bytes, (fileKey) => Array.from({ length: 9 }, () => x25519Stanza(fileKey, 'verifier-x25519')))),
  ];
}
