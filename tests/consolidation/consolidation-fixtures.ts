/**
 * A province workspace that receives, and the packages its districts send, for the
 * consolidation tests and the bench (exchange-format.md §6). The workspace is made
 * through the services the way an operator would (unit list, office, encryption
 * identity, bootstrapped trust list), once per suite, then copied per run. Packages are
 * built with the real builder from fixed TEST KEYS (SHA-256 of public labels, training
 * environment, ZZ- offices, §3.8), so they are byte-stable and need no district workspace.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { setSetting } from '../../db/queries/settings';
import type { DatasetName } from '../../shared/api/exchange-types';
import { ageEncrypt } from '../../electron/services/exchange/age/age';
import { defaultChacha } from '../../electron/services/exchange/age/chacha';
import { formatIdentityFile, recipientString, x25519PublicFromSecret } from '../../electron/services/exchange/age/x25519';
import { buildRecord, type DatasetRecord } from '../../electron/services/exchange/datasets';
import { importIdentity } from '../../electron/services/exchange/keys-service';
import { buildPackage, type BuiltPackage } from '../../electron/services/exchange/package-builder';
import { ed25519PublicFromSeed, keyIdHex, keyIdOf } from '../../electron/services/exchange/signify';
import type { TrustList, TrustOfficeEntry } from '../../electron/services/exchange/trust-list';
import { writeTrustFile } from '../../electron/services/exchange/trust-list';
import { importTrustFile } from '../../electron/services/exchange/trust-service';
import { openServices, type Services } from '../../electron/services/index';
import { setOffice } from '../../electron/services/office-service';
import { importUnitJson } from '../../electron/services/units-service';
import type { FieldValue } from '../../shared/domain/fields';

process.env.PCMT_KEY_WORK_FACTOR = '12';

/** TEST ONLY: the passphrase of the province's encryption key file. */
export const PROVINCE_PASSPHRASE = 'TEST ONLY mật khẩu tỉnh hợp nhất 2025';
export const PROVINCE_UNIT = '01';
export const PROVINCE_OFFICE = `ZZ-T${PROVINCE_UNIT}`;
const CREATED_AT = '2025-10-05T02:15:00Z';

/** TEST KEY — DO NOT USE: 32 bytes anyone can derive from the label. */
export function testSeed(label: string): Buffer {
  return createHash('sha256').update(`PCMT TEST KEY — DO NOT USE — consolidation — ${label}`).digest();
}

export function officeOf(districtUnit: string): string {
  return `${PROVINCE_OFFICE}-D${districtUnit}`;
}

export function provinceRecipient(): string {
  return recipientString(x25519PublicFromSecret(testSeed('province-x25519')));
}

/** The layout of shared/data/dvhcvn-*.json, which the unit import reads. */
export type UnitsJson = {
  data: {
    level1_id: string;
    name: string;
    type: string;
    level2s: { level2_id: string; name: string; type: string; level3s: { level3_id: string; name: string; type: string }[] }[];
  }[];
};

/** The tiny unit list of the tests: three districts of Hà Nội, two or three communes each (GSO_2004 codes). */
export const SMALL_UNITS: UnitsJson = {
  data: [
    {
      level1_id: PROVINCE_UNIT,
      name: 'Thành phố Hà Nội',
      type: 'Thành phố Trung ương',
      level2s: [
        { level2_id: '001', name: 'Quận Ba Đình', type: 'Quận', level3s: [
          { level3_id: '00001', name: 'Phường Phúc Xá', type: 'Phường' },
          { level3_id: '00004', name: 'Phường Trúc Bạch', type: 'Phường' },
          { level3_id: '00006', name: 'Phường Vĩnh Phúc', type: 'Phường' },
        ] },
        { level2_id: '002', name: 'Quận Hoàn Kiếm', type: 'Quận', level3s: [
          { level3_id: '00037', name: 'Phường Phúc Tân', type: 'Phường' },
          { level3_id: '00040', name: 'Phường Đồng Xuân', type: 'Phường' },
        ] },
        { level2_id: '003', name: 'Quận Tây Hồ', type: 'Quận', level3s: [
          { level3_id: '00091', name: 'Phường Phú Thượng', type: 'Phường' },
          { level3_id: '00094', name: 'Phường Nhật Tân', type: 'Phường' },
        ] },
      ],
    },
  ],
};

export type District = { unit: string; name: string; communes: string[] };

export function districtsOf(units: UnitsJson): District[] {
  const province = units.data.find((p) => p.level1_id === PROVINCE_UNIT);
  return (province?.level2s ?? []).map((d) => ({ unit: d.level2_id, name: d.name, communes: d.level3s.map((c) => c.level3_id) }));
}

function trustList(districts: readonly District[]): TrustList {
  const key = (label: string): TrustOfficeEntry['signingKeys'][number] => {
    const pub = ed25519PublicFromSeed(testSeed(label));
    return {
      keyId: keyIdHex(keyIdOf(pub)),
      publicKey: pub.toString('base64'),
      status: 'active',
      firstSequence: 1,
      lastValidSequence: null,
      retireGraceUntil: null,
      revokedAt: null,
      lastTrustedSequence: null,
      reason: null,
    };
  };
  const root = (label: string): { keyId: string; publicKey: string } => {
    const { keyId, publicKey } = key(label);
    return { keyId, publicKey };
  };
  const provinceName = 'Ban Chỉ đạo phòng, chống ma túy Thành phố Hà Nội';
  return {
    type: 'bcpkg.trustlist',
    formatVersion: 1,
    environment: 'training',
    authority: { officeCode: PROVINCE_OFFICE, officeName: provinceName, level: 'province' },
    version: 1,
    issuedAt: '2025-10-01T00:00:00Z',
    expiresAt: '2099-12-31T00:00:00Z',
    rootKeys: [root('root-a'), root('root-b')],
    rootThreshold: 2,
    // Not compared with the workspace's units on import; any well-formed digest will do here.
    adminUnitsDigest: createHash('sha256').update('consolidation units').digest('hex'),
    offices: [
      {
        officeCode: PROVINCE_OFFICE,
        officeName: provinceName,
        level: 'province',
        parent: null,
        status: 'active',
        adminUnit: { scheme: 'GSO_2004', code: PROVINCE_UNIT },
        signingKeys: [],
        encryptionKeys: [{ recipient: provinceRecipient(), status: 'active' }],
      },
      ...districts.map(
        (d): TrustOfficeEntry => ({
          officeCode: officeOf(d.unit),
          officeName: `Ban Chỉ đạo phòng, chống ma túy ${d.name}`,
          level: 'district',
          parent: PROVINCE_OFFICE,
          status: 'active',
          adminUnit: { scheme: 'GSO_2004', code: d.unit },
          signingKeys: [key(`district-${d.unit}`)],
          encryptionKeys: [],
        }),
      ),
    ],
  };
}

/**
 * Writes a province workspace at `file` (training environment, office Hà Nội, the
 * province's encryption identity, the trust list naming every district of `units`).
 */
export function makeProvinceWorkspace(file: string, units: UnitsJson = SMALL_UNITS): void {
  const s = openServices({ workspacePath: file, hostKind: 'cli' });
  try {
    const ws = s.workspace;
    setSetting(ws.db, 'exchange_environment', 'training');
    importUnitJson(ws, Buffer.from(JSON.stringify(units), 'utf8'), 'units.json');
    setOffice(ws, 'GSO_2004', 'PROVINCE', PROVINCE_UNIT);
    importIdentity(ws, formatIdentityFile(testSeed('province-x25519'), '2025-10-01T00:00:00Z'), PROVINCE_PASSPHRASE);
    importTrustFile(ws, 'trustlist.bctrust', writeTrustFile(trustList(districtsOf(units)), [testSeed('root-a'), testSeed('root-b')]), true);
  } finally {
    s.close();
  }
}

export function openProvinceCopy(template: string, file: string): Services {
  fs.copyFileSync(template, file);
  return openServices({ workspacePath: file, hostKind: 'cli', languageOverride: 'en' });
}

/** Deterministic UUID v4 from a name: fixed packageIds keep the files byte-stable. */
export function packageIdFor(name: string): string {
  const h = createHash('sha256').update(`consolidation package id ${name}`).digest();
  h[6] = ((h[6] as number) & 0x0f) | 0x40;
  h[8] = ((h[8] as number) & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

export type PackageSpec = {
  district: District;
  period: string;
  sequence: number;
  supersedes: string | null;
  /** Names the packageId (same name, same id). */
  name: string;
  /** Changes the figures, so two packages of the same slot differ in content. */
  variant?: number;
  hotspots?: number;
  modelSites?: number;
  /** Encrypt to the province (required when there are hotspots, §4.1). */
  isEncrypted?: boolean;
};

export type Sent = { spec: PackageSpec; built: BuiltPackage; file: Buffer; packageId: string };

function communeRecords(d: District, variant: number): DatasetRecord[] {
  return d.communes.map((code, i) => {
    const values: Record<string, FieldValue> = {
      resident_population: 5000 + 100 * i + variant,
      commitment_signed: (i + variant) % 2 === 0,
      note: `Kỳ báo cáo — bản ${variant}`,
    };
    return buildRecord('commune_status', code, values);
  });
}

function hotspotRecords(d: District, count: number, variant: number): DatasetRecord[] {
  return Array.from({ length: count }, (_, i) =>
    buildRecord('hotspots', `HS-${d.unit}-${String(i).padStart(5, '0')}`, {
      commune_code: d.communes[i % d.communes.length] ?? null,
      address: `Số ${(i % 300) + 1}, ngõ ${(i % 40) + 1}, ${d.name}`,
      persons_involved: ((i + variant) % 9) + 1,
      discovered_date: `20${18 + (i % 7)}-0${(i % 9) + 1}-15`,
    }),
  );
}

function modelSiteRecords(d: District, count: number): DatasetRecord[] {
  return Array.from({ length: count }, (_, i) =>
    buildRecord('model_sites', `MS-${d.unit}-${String(i).padStart(3, '0')}`, { name: `Mô hình “Khu dân cư không ma túy” số ${i + 1}`, host_unit_code: d.communes[i % d.communes.length] ?? null, target_year: 2025 }),
  );
}

/** Builds (and, if asked, encrypts to the province) one district package. */
export function sendPackage(spec: PackageSpec): Sent {
  const d = spec.district;
  const variant = spec.variant ?? spec.sequence;
  const datasets: Partial<Record<DatasetName, readonly DatasetRecord[]>> = { commune_status: communeRecords(d, variant), model_sites: modelSiteRecords(d, spec.modelSites ?? 1) };
  if ((spec.hotspots ?? 0) > 0) datasets.hotspots = hotspotRecords(d, spec.hotspots ?? 0, variant);
  const packageId = packageIdFor(spec.name);
  const built = buildPackage(
    {
      app: { name: 'PCMT Desk', version: '0.1.0' },
      audience: [{ officeCode: PROVINCE_OFFICE, role: 'parent' }],
      createdAt: CREATED_AT,
      environment: 'training',
      issuer: { level: 'district', officeCode: officeOf(d.unit), officeName: `Ban Chỉ đạo phòng, chống ma túy ${d.name}` },
      packageId,
      period: spec.period,
      sequence: spec.sequence,
      supersedes: spec.supersedes,
      datasets,
      xlsx: null,
    },
    testSeed(`district-${d.unit}`),
  );
  const file = spec.isEncrypted === true ? ageEncrypt(built.bytes, [x25519PublicFromSecret(testSeed('province-x25519'))], defaultChacha()) : built.bytes;
  return { spec, built, file, packageId };
}

/** The rows that make up what the province holds, for before/after comparisons. */
export function holdings(s: Services): { packages: unknown[]; slots: unknown[]; records: unknown[]; issuers: unknown[] } {
  const db = s.workspace.db;
  return {
    packages: db.prepare('SELECT package_id, package_digest, issuer, period_id, sequence, status, accepted_at FROM received_packages ORDER BY package_id').all(),
    slots: db.prepare('SELECT * FROM slots ORDER BY issuer, period_id').all(),
    records: db.prepare('SELECT * FROM received_records ORDER BY package_id, dataset, record_id').all(),
    issuers: db.prepare('SELECT * FROM issuer_state ORDER BY issuer').all(),
  };
}
