/**
 * Building blocks of the v1 corpus: valid packages through the real builder, and
 * "validly signed but wrong" packages assembled by hand — manifest bytes written here,
 * signed with a trusted TEST KEY through signify.ed25519Sign, packed with writeZip — so
 * each reaches exactly the verification stage its vector is about.
 */
import { ageEncrypt } from '../../electron/services/exchange/age/age';
import { defaultChacha } from '../../electron/services/exchange/age/chacha';
import { newFileKey, sealAge } from '../../electron/services/exchange/age/container';
import type { Stanza } from '../../electron/services/exchange/age/header';
import { parseRecipient } from '../../electron/services/exchange/age/x25519';
import { wrapX25519 } from '../../electron/services/exchange/age/x25519-stanza';
import { canonicalBytes, type Json } from '../../electron/services/exchange/canonical-json';
import { manifestToJson, XLSX_MEDIA_TYPE } from '../../electron/services/exchange/manifest';
import { buildPackage, sha256Hex, type BuiltPackage, type PackageInput } from '../../electron/services/exchange/package-builder';
import { ed25519Sign, formatSignatureBlock } from '../../electron/services/exchange/signify';
import { buildXlsxCopy } from '../../electron/services/exchange/xlsx-copy';
import { BCPKG_MIMETYPE, bcpkgProfile, readZipStrict, writeZip } from '../../electron/services/exchange/zip-strict';
import { baseInput, keyIdOfLabel, recipientOf, testSecret, type KeyLabel } from './corpus-keys';

export type ZipFile = { name: string; data: Buffer };
export type JsonObject = { [key: string]: Json };

export function build(name: string, signer: KeyLabel, overrides: Partial<PackageInput> = {}): BuiltPackage {
  return buildPackage(baseInput(name, overrides), testSecret(signer));
}

/** The reference workbook of a package (deterministic: its date is the package's). */
export function xlsxFor(input: PackageInput): Buffer {
  return buildXlsxCopy(`${input.issuer.officeName} — kỳ ${input.period} — số ${input.sequence}`, input.datasets, input.createdAt, input.environment === 'training');
}

/** The package's entries after the three fixed ones, as written. */
export function payloadFiles(pkg: BuiltPackage): ZipFile[] {
  return readZipStrict(pkg.bytes, bcpkgProfile())
    .slice(3)
    .map((e) => ({ name: e.name, data: Buffer.from(e.data) }));
}

export function signatureFile(signer: KeyLabel, manifestBytes: Uint8Array, claimedKey: KeyLabel = signer): Buffer {
  const keyId = Buffer.from(keyIdOfLabel(claimedKey), 'hex');
  return Buffer.from(formatSignatureBlock(keyId, ed25519Sign(testSecret(signer), manifestBytes)), 'ascii');
}

/** mimetype, manifest.json, manifest.sig, then the files, in the writer's order. */
export function assemble(manifestBytes: Uint8Array, sig: Uint8Array, files: readonly ZipFile[]): Buffer {
  return writeZip([
    { name: 'mimetype', data: Buffer.from(BCPKG_MIMETYPE, 'ascii') },
    { name: 'manifest.json', data: Buffer.from(manifestBytes) },
    { name: 'manifest.sig', data: Buffer.from(sig) },
    ...files,
  ]);
}

/** The manifest of a built package as a mutable JSON object. */
export function manifestJson(pkg: BuiltPackage): JsonObject {
  return manifestToJson(pkg.manifest) as JsonObject;
}

/** A manifest entry describing `data` exactly (callers then lie in one field). */
export function entryFor(path: string, data: Buffer, records: number | null): JsonObject {
  if (records === null) return { mediaType: XLSX_MEDIA_TYPE, path, sha256: sha256Hex(data), size: data.length };
  const dataset = path.slice('data/'.length, -'.json'.length);
  return { dataset, mediaType: 'application/json', path, records, sha256: sha256Hex(data), size: data.length };
}

/** A dataset document's bytes, canonical, with any header the caller chooses. */
export function datasetBytes(doc: Json): Buffer {
  return canonicalBytes(doc);
}

/**
 * Signs `manifest` (canonical unless `bytes` is given) with `signer` and packs it with
 * `files`: the way to make a package whose only fault is in what was signed.
 */
export function signed(manifest: JsonObject, files: readonly ZipFile[], signer: KeyLabel = 'd001-active', bytes?: Buffer): Buffer {
  const manifestBytes = bytes ?? canonicalBytes(manifest);
  return assemble(manifestBytes, signatureFile(signer, manifestBytes), files);
}

export function encryptTo(plain: Uint8Array, recipients: readonly KeyLabel[]): Buffer {
  return ageEncrypt(plain, recipients.map((r) => parseRecipient(recipientOf(r))), defaultChacha());
}

/** An age file with hand-made stanzas around `plain` (the header MAC is correct). */
export function encryptWithStanzas(plain: Uint8Array, makeStanzas: (fileKey: Buffer) => Stanza[]): Buffer {
  const fileKey = newFileKey();
  try {
    return sealAge(plain, fileKey, makeStanzas(fileKey), defaultChacha());
  } finally {
    fileKey.fill(0);
  }
}

export function x25519Stanza(fileKey: Buffer, recipient: KeyLabel): Stanza {
  return wrapX25519(fileKey, parseRecipient(recipientOf(recipient)), defaultChacha());
}
