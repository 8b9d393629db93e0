/**
 * TEST KEYS — DO NOT USE. The fixed keys, trust list and base packages of the v1 test
 * vector corpus (exchange-format.md §7.1). Every secret is SHA-256 of a public label, so
 * anyone can recompute them: they protect nothing and exist only under the training
 * root (environment "training", office codes with the reserved ZZ- prefix, §3.8).
 */
import { createHash } from 'node:crypto';
import { recipientString, x25519PublicFromSecret } from '../../electron/services/exchange/age/x25519';
import { buildRecord, type DatasetRecord } from '../../electron/services/exchange/datasets';
import type { PackageInput } from '../../electron/services/exchange/package-builder';
import { ed25519PublicFromSeed, keyIdHex, keyIdOf } from '../../electron/services/exchange/signify';
import type { TrustList, TrustOfficeEntry, TrustSigningKey } from '../../electron/services/exchange/trust-list';

/** The passphrase of verifier.sqlite's encryption key file (documented in v1/README.md). */
export const VERIFIER_PASSPHRASE = 'TEST ONLY mật khẩu bộ vectơ thử nghiệm 2025';

export const KEY_LABELS = [
  'root-a',
  'root-b',
  'other-root',
  'verifier-x25519',
  'other-office-x25519',
  'd001-active',
  'd001-retired',
  'd001-revoked',
  'd002-active',
  'x00001-active',
  'unknown',
  'nobody',
  'foreign-d001',
] as const;
export type KeyLabel = (typeof KEY_LABELS)[number];

/** TEST KEY — DO NOT USE: 32 bytes anyone can derive from the label. */
export function testSecret(label: KeyLabel): Buffer {
  return createHash('sha256').update(`PCMT TEST KEY — DO NOT USE — bcpkg v1 vectors — ${label}`).digest();
}

export function publicKeyOf(label: KeyLabel): Buffer {
  return ed25519PublicFromSeed(testSecret(label));
}

export function keyIdOfLabel(label: KeyLabel): string {
  return keyIdHex(keyIdOf(publicKeyOf(label)));
}

export function recipientOf(label: KeyLabel): string {
  return recipientString(x25519PublicFromSecret(testSecret(label)));
}

export const VERIFIER_OFFICE = 'ZZ-T01';
export const ISSUER_OFFICE = 'ZZ-T01-D001';
export const PEER_OFFICE = 'ZZ-T01-D002';
export const COMMUNE_OFFICE = 'ZZ-T01-X00001';
export const ISSUER_NAME = 'Ban Chỉ đạo phòng, chống ma túy Quận Ba Đình';
export const CREATED_AT = '2025-10-05T02:15:00Z';
export const PERIOD = '2025-Q3';
/** Sequences: the retired key signed up to 10, the active key from 11. */
export const RETIRED_LAST_SEQUENCE = 10;
export const GRACE_UNTIL = '2099-12-31T00:00:00Z';
export const LIST_EXPIRES_AT = '2099-12-31T00:00:00Z';

/** The tiny administrative-unit list the verifier workspace imports (GSO_2004 codes). */
export const UNITS_JSON = {
  data: [
    {
      level1_id: '01',
      name: 'Thành phố Hà Nội',
      type: 'Thành phố Trung ương',
      level2s: [
        {
          level2_id: '001',
          name: 'Quận Ba Đình',
          type: 'Quận',
          level3s: [
            { level3_id: '00001', name: 'Phường Phúc Xá', type: 'Phường' },
            { level3_id: '00004', name: 'Phường Trúc Bạch', type: 'Phường' },
            { level3_id: '00006', name: 'Phường Vĩnh Phúc', type: 'Phường' },
          ],
        },
        {
          level2_id: '002',
          name: 'Quận Hoàn Kiếm',
          type: 'Quận',
          level3s: [
            { level3_id: '00037', name: 'Phường Phúc Tân', type: 'Phường' },
            { level3_id: '00040', name: 'Phường Đồng Xuân', type: 'Phường' },
          ],
        },
      ],
    },
  ],
};

/** Deterministic UUID v4 for a vector: fixed packageIds keep the files byte-stable. */
export function packageIdFor(name: string): string {
  const h = createHash('sha256').update(`bcpkg v1 vector package id ${name}`).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x40;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

function signingKey(label: KeyLabel, extra: Partial<TrustSigningKey> = {}): TrustSigningKey {
  return {
    keyId: keyIdOfLabel(label),
    publicKey: publicKeyOf(label).toString('base64'),
    status: 'active',
    firstSequence: 1,
    lastValidSequence: null,
    retireGraceUntil: null,
    revokedAt: null,
    lastTrustedSequence: null,
    reason: null,
    ...extra,
  };
}

function office(code: string, name: string, level: TrustOfficeEntry['level'], parent: string | null, unit: string, keys: TrustSigningKey[], recipients: string[] = []): TrustOfficeEntry {
  return {
    officeCode: code,
    officeName: name,
    level,
    parent,
    status: 'active',
    adminUnit: { scheme: 'GSO_2004', code: unit },
    signingKeys: keys,
    encryptionKeys: recipients.map((recipient) => ({ recipient, status: 'active' as const })),
  };
}

/** The training trust list installed in verifier.sqlite: version 1, roots A and B, threshold 2. */
export function corpusTrustList(adminUnitsDigest: string): TrustList {
  return {
    type: 'bcpkg.trustlist',
    formatVersion: 1,
    environment: 'training',
    authority: { officeCode: VERIFIER_OFFICE, officeName: 'Ban Chỉ đạo phòng, chống ma túy Thành phố Hà Nội', level: 'province' },
    version: 1,
    issuedAt: '2025-10-01T00:00:00Z',
    expiresAt: LIST_EXPIRES_AT,
    rootKeys: (['root-a', 'root-b'] as const).map((l) => ({ keyId: keyIdOfLabel(l), publicKey: publicKeyOf(l).toString('base64') })),
    rootThreshold: 2,
    adminUnitsDigest,
    offices: [
      office(VERIFIER_OFFICE, 'Ban Chỉ đạo phòng, chống ma túy Thành phố Hà Nội', 'province', null, '01', [], [recipientOf('verifier-x25519')]),
      office(ISSUER_OFFICE, ISSUER_NAME, 'district', VERIFIER_OFFICE, '001', [
        signingKey('d001-active', { firstSequence: RETIRED_LAST_SEQUENCE + 1 }),
        signingKey('d001-retired', { status: 'retired', lastValidSequence: RETIRED_LAST_SEQUENCE, retireGraceUntil: GRACE_UNTIL, reason: 'rotation' }),
        signingKey('d001-revoked', { status: 'revoked', revokedAt: '2025-09-01T00:00:00Z', lastTrustedSequence: 3, reason: 'laptop stolen' }),
      ]),
      office(PEER_OFFICE, 'Ban Chỉ đạo phòng, chống ma túy Quận Hoàn Kiếm', 'district', VERIFIER_OFFICE, '002', [signingKey('d002-active')]),
      office(COMMUNE_OFFICE, 'Ban Chỉ đạo phòng, chống ma túy Phường Phúc Xá', 'commune', ISSUER_OFFICE, '00001', [signingKey('x00001-active')]),
    ],
  };
}

const NOTE_ALL_DIACRITICS =
  'Ghi chú đủ dấu: à á ả ã ạ ă ằ ắ ẳ ẵ ặ â ầ ấ ẩ ẫ ậ đ è é ẻ ẽ ẹ ê ề ế ể ễ ệ ì í ỉ ĩ ị ò ó ỏ õ ọ ô ồ ố ổ ỗ ộ ơ ờ ớ ở ỡ ợ ù ú ủ ũ ụ ư ừ ứ ử ữ ự ỳ ý ỷ ỹ ỵ ' +
  'À Á Ả Ã Ạ Ă Ằ Ắ Ẳ Ẵ Ặ Â Ầ Ấ Ẩ Ẫ Ậ Đ È É Ẻ Ẽ Ẹ Ê Ề Ế Ể Ễ Ệ Ì Í Ỉ Ĩ Ị Ò Ó Ỏ Õ Ọ Ô Ồ Ố Ổ Ỗ Ộ Ơ Ờ Ớ Ở Ỡ Ợ Ù Ú Ủ Ũ Ụ Ư Ừ Ứ Ử Ữ Ự Ỳ Ý Ỷ Ỹ Ỵ';

export function communeRecords(isAllDiacritics = false): DatasetRecord[] {
  return [
    buildRecord('commune_status', '00001', { resident_population: 12000, declared_class: 'CO_MA_TUY', note: isAllDiacritics ? NOTE_ALL_DIACRITICS : 'Phường Phúc Xá' }),
    buildRecord('commune_status', '00004', { resident_population: 8500, commitment_signed: true }),
  ];
}

export function modelSiteRecords(): DatasetRecord[] {
  return [buildRecord('model_sites', 'MS-0001', { name: 'Mô hình “Khu dân cư không ma túy”', host_unit_code: '00004', target_year: 2025 })];
}

export function hotspotRecords(): DatasetRecord[] {
  return [buildRecord('hotspots', 'HS-0001', { commune_code: '00006', address: 'Ngõ 12, tổ 3, phường Vĩnh Phúc', persons_involved: 4 })];
}

/** The manifest fields of a vector; datasets and xlsx added by the caller. */
export function baseInput(name: string, overrides: Partial<PackageInput> = {}): PackageInput {
  return {
    app: { name: 'PCMT Desk', version: '0.1.0' },
    audience: [{ officeCode: VERIFIER_OFFICE, role: 'parent' }],
    createdAt: CREATED_AT,
    environment: 'training',
    issuer: { level: 'district', officeCode: ISSUER_OFFICE, officeName: ISSUER_NAME },
    packageId: packageIdFor(name),
    period: PERIOD,
    sequence: 12,
    supersedes: null,
    datasets: { commune_status: communeRecords(), model_sites: modelSiteRecords() },
    xlsx: null,
    ...overrides,
  };
}
