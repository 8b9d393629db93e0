/**
 * Builds a `.bcpkg` (exchange-format.md §2): datasets and the optional xlsx copy, the
 * canonical manifest that pins their hashes, the signify signature over the manifest's
 * bytes, all in the strict ZIP profile. Everything is a pure function of its input and
 * the seed (Ed25519 is deterministic), so the same logical package is the same bytes.
 */
import { createHash } from 'node:crypto';
import type { DatasetName } from '../../../shared/api/exchange-types';
import { canonicalBytes } from './canonical-json';
import { datasetDocument, type DatasetRecord } from './datasets';
import { DATASETS, manifestToJson, PAYLOAD_SCHEMA, XLSX_MEDIA_TYPE, type Manifest, type ManifestEntry } from './manifest';
import { ed25519PublicFromSeed, ed25519Sign, formatSignatureBlock, keyIdHex, keyIdOf } from './signify';
import { BCPKG_MIMETYPE, writeZip } from './zip-strict';

export type PackageInput = Omit<Manifest, 'type' | 'formatVersion' | 'payloadSchema' | 'entries' | 'signer'> & {
  datasets: Partial<Record<DatasetName, readonly DatasetRecord[]>>;
  xlsx: Uint8Array | null;
};

export type BuiltPackage = { bytes: Buffer; manifest: Manifest; manifestBytes: Buffer; packageDigest: string };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function buildPackage(input: PackageInput, signingSeed: Uint8Array): BuiltPackage {
  const files: { name: string; data: Buffer }[] = [];
  const entries: ManifestEntry[] = [];
  for (const dataset of DATASETS) {
    const records = input.datasets[dataset];
    if (records === undefined) continue;
    const data = canonicalBytes(datasetDocument(dataset, input.issuer.officeCode, input.period, records));
    const path = `data/${dataset}.json`;
    files.push({ name: path, data });
    entries.push({ dataset, mediaType: 'application/json', path, records: records.length, sha256: sha256Hex(data), size: data.length });
  }
  if (input.xlsx !== null) {
    const data = Buffer.from(input.xlsx);
    files.push({ name: 'human/report.xlsx', data });
    entries.push({ mediaType: XLSX_MEDIA_TYPE, path: 'human/report.xlsx', sha256: sha256Hex(data), size: data.length });
  }
  const keyId = keyIdOf(ed25519PublicFromSeed(signingSeed));
  const manifest: Manifest = {
    type: 'bcpkg.manifest',
    formatVersion: 1,
    payloadSchema: PAYLOAD_SCHEMA,
    app: input.app,
    audience: input.audience,
    createdAt: input.createdAt,
    entries: entries.sort((a, b) => (a.path < b.path ? -1 : 1)),
    environment: input.environment,
    issuer: input.issuer,
    packageId: input.packageId,
    period: input.period,
    sequence: input.sequence,
    signer: { alg: 'Ed25519', keyId: keyIdHex(keyId) },
    supersedes: input.supersedes,
  };
  const manifestBytes = canonicalBytes(manifestToJson(manifest));
  const sig = formatSignatureBlock(keyId, ed25519Sign(signingSeed, manifestBytes));
  const bytes = writeZip([
    { name: 'mimetype', data: Buffer.from(BCPKG_MIMETYPE, 'ascii') },
    { name: 'manifest.json', data: manifestBytes },
    { name: 'manifest.sig', data: Buffer.from(sig, 'ascii') },
    ...files,
  ]);
  return { bytes, manifest, manifestBytes, packageDigest: sha256Hex(manifestBytes) };
}
