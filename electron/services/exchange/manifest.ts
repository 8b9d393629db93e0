/**
 * The package manifest of exchange-format.md §2.4: what it contains, and the strict
 * reader used after the signature has been checked (stage 4, step 17). The manifest is
 * the only thing the signature covers directly, so every field is checked exactly.
 */
import type { DatasetName, ExchangeEnvironment, OfficeLevel } from '../../../shared/api/exchange-types';
import type { Json } from './canonical-json';
import {
  KEY_ID,
  LEVELS,
  MANIFEST_PERIOD,
  OFFICE_CODE,
  SchemaReader,
  SHA256_HEX,
  UTC_TIME,
  UUID_V4,
} from './schema-check';

export const DATASETS: readonly DatasetName[] = ['commune_status', 'hotspots', 'model_sites'];
export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SUPPORTED_FORMAT_VERSIONS: readonly number[] = [1];
export const PAYLOAD_SCHEMA = 1;

export type ManifestEntry = {
  path: string;
  size: number;
  sha256: string;
  mediaType: string;
  dataset?: DatasetName;
  records?: number;
};

export type AudienceEntry = { officeCode: string; role: 'parent' | 'peer' | 'child' };

export type Manifest = {
  type: 'bcpkg.manifest';
  formatVersion: number;
  payloadSchema: number;
  app: { name: string; version: string };
  audience: AudienceEntry[];
  createdAt: string;
  entries: ManifestEntry[];
  environment: ExchangeEnvironment;
  issuer: { level: OfficeLevel; officeCode: string; officeName: string };
  packageId: string;
  period: string;
  sequence: number;
  /** Always Ed25519 when we write it; a reader keeps what it found so step 19 can name the mismatch. */
  signer: { alg: string; keyId: string };
  supersedes: string | null;
};

/** The manifest as JSON, with absent optional entry fields left out (never `undefined`). */
export function manifestToJson(m: Manifest): Json {
  return JSON.parse(JSON.stringify(m)) as Json;
}

/** Stage 4, step 17's schema half (the canonical check ran before). Throws E_MANIFEST_SCHEMA. */
export function readManifest(value: Json): Manifest {
  const r = new SchemaReader('E_MANIFEST_SCHEMA', 'manifest');
  const keys = [
    'type', 'formatVersion', 'payloadSchema', 'app', 'audience', 'createdAt', 'entries', 'environment', 'issuer', 'packageId',
    'period', 'sequence', 'signer', 'supersedes',
  ];
  const o = r.object(value, keys);
  if (o.type !== 'bcpkg.manifest') r.fail('type');
  const app = r.at('app').object(o.app, ['name', 'version']);
  const issuer = r.at('issuer').object(o.issuer, ['level', 'officeCode', 'officeName']);
  const signer = r.at('signer').object(o.signer, ['alg', 'keyId']);
  const audience = r.at('audience').array(o.audience, 1, 8).map((a, i) => {
    const ar = r.at(`audience[${i}]`);
    const ao = ar.object(a, ['officeCode', 'role']);
    return { officeCode: ar.string(ao.officeCode, OFFICE_CODE), role: ar.oneOf(ao.role, ['parent', 'peer', 'child'] as const) };
  });
  const entries = r.at('entries').array(o.entries, 1, 5).map((e, i) => readEntry(r.at(`entries[${i}]`), e));
  for (let i = 1; i < entries.length; i += 1) {
    if ((entries[i - 1]?.path ?? '') >= (entries[i]?.path ?? '')) r.fail('entries must be sorted by path and unique');
  }
  return {
    type: 'bcpkg.manifest',
    formatVersion: r.integer(o.formatVersion, 0),
    payloadSchema: r.integer(o.payloadSchema, 1),
    app: { name: r.string(app.name, null, 64), version: r.string(app.version, null, 32) },
    audience,
    createdAt: r.string(o.createdAt, UTC_TIME),
    entries,
    environment: r.oneOf(o.environment, ['production', 'training'] as const),
    issuer: {
      level: r.oneOf(issuer.level, LEVELS),
      officeCode: r.string(issuer.officeCode, OFFICE_CODE),
      officeName: r.string(issuer.officeName, null, 200),
    },
    packageId: r.string(o.packageId, UUID_V4),
    period: r.string(o.period, MANIFEST_PERIOD),
    sequence: r.integer(o.sequence, 1),
    signer: { alg: r.string(signer.alg, /^[A-Za-z0-9-]{1,16}$/u, 16), keyId: r.string(signer.keyId, KEY_ID) },
    supersedes: r.nullableString(o.supersedes, UUID_V4),
  };
}

function readEntry(r: SchemaReader, value: Json): ManifestEntry {
  const o = r.object(value, ['path', 'size', 'sha256', 'mediaType'], ['dataset', 'records']);
  const path = r.string(o.path, /^(data\/(commune_status|hotspots|model_sites)\.json|human\/report\.xlsx)$/u);
  const base = { path, size: r.integer(o.size, 0, 32 * 1024 * 1024), sha256: r.string(o.sha256, SHA256_HEX) };
  if (path === 'human/report.xlsx') {
    if (Object.hasOwn(o, 'dataset') || Object.hasOwn(o, 'records')) r.fail('the xlsx entry has no dataset');
    if (o.mediaType !== XLSX_MEDIA_TYPE) r.fail('mediaType');
    return { ...base, mediaType: XLSX_MEDIA_TYPE };
  }
  if (!Object.hasOwn(o, 'dataset') || !Object.hasOwn(o, 'records')) r.fail('data entries need dataset and records');
  const dataset = r.oneOf(o.dataset, DATASETS);
  if (path !== `data/${dataset}.json`) r.fail('dataset does not match path');
  if (o.mediaType !== 'application/json') r.fail('mediaType');
  return { ...base, mediaType: 'application/json', dataset, records: r.integer(o.records, 0, 100_000) };
}
