/**
 * Trust lists (exchange-format.md §3.5): the document, its strict reader, signing by
 * root keys, and the TUF-style acceptance rules (distinct root key ids over the
 * threshold, old and new thresholds on a root change, rollback, expiry, scope). The
 * verifier takes every decision input — algorithm, public key, office binding — from
 * the installed list, never from a package.
 */
import type { ExchangeEnvironment, OfficeLevel } from '../../../shared/api/exchange-types';
import { generateX25519Secret, parseRecipient, x25519SharedSecret } from './age/x25519';
import { BcpkgError } from './bcpkg-error';
import { canonicalBytes, parseCanonical, type Json } from './canonical-json';
import { BASE64_32, KEY_ID, LEVELS, OFFICE_CODE, SchemaReader, SHA256_HEX, UTC_TIME } from './schema-check';
import { ed25519PublicFromSeed, ed25519Sign, ed25519Verify, formatSignatureBlock, keyIdHex, keyIdOf, parseSignatureFile } from './signify';
import { readZipStrict, signedDocumentProfile, writeZip } from './zip-strict';

export const TRUST_MIMETYPE = 'application/vnd.bcpkg-trust+zip;version=1';
/** A list with more root signatures than this is not a list we made. */
const MAX_ROOT_SIGNATURES = 8;

export type KeyStatus = 'active' | 'retired' | 'revoked';

export type TrustSigningKey = {
  keyId: string;
  publicKey: string;
  status: KeyStatus;
  firstSequence: number;
  lastValidSequence: number | null;
  retireGraceUntil: string | null;
  revokedAt: string | null;
  lastTrustedSequence: number | null;
  reason: string | null;
};

export type TrustOfficeEntry = {
  officeCode: string;
  officeName: string;
  level: OfficeLevel;
  parent: string | null;
  status: 'active' | 'dissolved';
  /** Where the office's jurisdiction is in the administrative-unit reference (§2.6, §3.10). */
  adminUnit: { scheme: string; code: string };
  signingKeys: TrustSigningKey[];
  encryptionKeys: { recipient: string; status: 'active' | 'retired' }[];
};

export type TrustList = {
  type: 'bcpkg.trustlist';
  formatVersion: 1;
  environment: ExchangeEnvironment;
  authority: { officeCode: string; officeName: string; level: OfficeLevel };
  version: number;
  issuedAt: string;
  expiresAt: string;
  rootKeys: { keyId: string; publicKey: string }[];
  rootThreshold: number;
  adminUnitsDigest: string;
  offices: TrustOfficeEntry[];
};

export function trustListJson(list: TrustList): Json {
  return JSON.parse(JSON.stringify(list)) as Json;
}

/** Builds the signed `.bctrust` file: one signify block per root key, in the order given. */
export function writeTrustFile(list: TrustList, rootSeeds: readonly Uint8Array[]): Buffer {
  const body = canonicalBytes(trustListJson(list));
  const blocks = rootSeeds.map((seed) => formatSignatureBlock(keyIdOf(ed25519PublicFromSeed(seed)), ed25519Sign(seed, body))).join('');
  return writeZip([
    { name: 'mimetype', data: Buffer.from(TRUST_MIMETYPE, 'ascii') },
    { name: 'trustlist.json', data: body },
    { name: 'trustlist.sig', data: Buffer.from(blocks, 'ascii') },
  ]);
}

export type ParsedTrustFile = { list: TrustList; body: Buffer; signatures: { keyId: Buffer; signature: Buffer }[] };

/** Reads a `.bctrust` file strictly; does not decide whether to trust it. */
export function readTrustFile(file: Uint8Array): ParsedTrustFile {
  const entries = readZipStrict(file, signedDocumentProfile('trust'));
  const body = entries.find((e) => e.name === 'trustlist.json')?.data;
  const sig = entries.find((e) => e.name === 'trustlist.sig')?.data;
  if (body === undefined || sig === undefined || entries.length !== 3) throw new BcpkgError('E_NOT_BCPKG', 'trust list entries');
  const signatures = parseSignatureFile(sig, MAX_ROOT_SIGNATURES);
  const list = readTrustList(parseCanonical(body, 'E_MANIFEST_NOT_CANONICAL'));
  return { list, body: Buffer.from(body), signatures };
}

export function readTrustList(value: Json): TrustList {
  const r = new SchemaReader('E_MANIFEST_SCHEMA', 'trustlist');
  const o = r.object(value, [
    'type', 'formatVersion', 'environment', 'authority', 'version', 'issuedAt', 'expiresAt', 'rootKeys', 'rootThreshold',
    'adminUnitsDigest', 'offices',
  ]);
  if (o.type !== 'bcpkg.trustlist' || o.formatVersion !== 1) r.fail('type or formatVersion');
  const authority = r.at('authority').object(o.authority, ['officeCode', 'officeName', 'level']);
  const rootKeys = r.at('rootKeys').array(o.rootKeys, 1, 8).map((k, i) => {
    const kr = r.at(`rootKeys[${i}]`);
    const ko = kr.object(k, ['keyId', 'publicKey']);
    return readKeyPair(kr, ko.keyId, ko.publicKey);
  });
  const offices = r.at('offices').array(o.offices, 0, 5000).map((entry, i) => readOffice(r.at(`offices[${i}]`), entry));
  return {
    type: 'bcpkg.trustlist',
    formatVersion: 1,
    environment: r.oneOf(o.environment, ['production', 'training'] as const),
    authority: {
      officeCode: r.string(authority.officeCode, OFFICE_CODE),
      officeName: r.string(authority.officeName, null, 200),
      level: r.oneOf(authority.level, LEVELS),
    },
    version: r.integer(o.version, 1),
    issuedAt: r.string(o.issuedAt, UTC_TIME),
    expiresAt: r.string(o.expiresAt, UTC_TIME),
    rootKeys,
    rootThreshold: r.integer(o.rootThreshold, 1, rootKeys.length),
    adminUnitsDigest: r.string(o.adminUnitsDigest, SHA256_HEX),
    offices,
  };
}

function readKeyPair(r: SchemaReader, keyId: Json | undefined, publicKey: Json | undefined): { keyId: string; publicKey: string } {
  const id = r.string(keyId, KEY_ID);
  const pk = r.string(publicKey, BASE64_32);
  if (keyIdHex(keyIdOf(Buffer.from(pk, 'base64'))) !== id) r.fail('keyId does not match publicKey');
  return { keyId: id, publicKey: pk };
}

function readOffice(r: SchemaReader, value: Json): TrustOfficeEntry {
  const o = r.object(value, ['officeCode', 'officeName', 'level', 'parent', 'status', 'adminUnit', 'signingKeys', 'encryptionKeys']);
  const unit = r.at('adminUnit').object(o.adminUnit, ['scheme', 'code']);
  const signingKeys = r.at('signingKeys').array(o.signingKeys, 0, 16).map((k, i) => {
    const kr = r.at(`signingKeys[${i}]`);
    const ko = kr.object(k, [
      'keyId', 'publicKey', 'status', 'firstSequence', 'lastValidSequence', 'retireGraceUntil', 'revokedAt', 'lastTrustedSequence',
      'reason',
    ]);
    return {
      ...readKeyPair(kr, ko.keyId, ko.publicKey),
      status: kr.oneOf(ko.status, ['active', 'retired', 'revoked'] as const),
      firstSequence: kr.integer(ko.firstSequence, 1),
      lastValidSequence: ko.lastValidSequence === null ? null : kr.integer(ko.lastValidSequence, 0),
      retireGraceUntil: kr.nullableString(ko.retireGraceUntil, UTC_TIME),
      revokedAt: kr.nullableString(ko.revokedAt, UTC_TIME),
      lastTrustedSequence: ko.lastTrustedSequence === null ? null : kr.integer(ko.lastTrustedSequence, 0),
      reason: kr.nullableString(ko.reason, null, 500),
    };
  });
  const encryptionKeys = r.at('encryptionKeys').array(o.encryptionKeys, 0, 4).map((k, i) => {
    const kr = r.at(`encryptionKeys[${i}]`);
    const ko = kr.object(k, ['recipient', 'status']);
    return { recipient: kr.string(ko.recipient, /^age1[02-9ac-hj-np-z]{58}$/u, 64), status: kr.oneOf(ko.status, ['active', 'retired'] as const) };
  });
  return {
    officeCode: r.string(o.officeCode, OFFICE_CODE),
    officeName: r.string(o.officeName, null, 200),
    level: r.oneOf(o.level, LEVELS),
    parent: r.nullableString(o.parent, OFFICE_CODE),
    status: r.oneOf(o.status, ['active', 'dissolved'] as const),
    adminUnit: { scheme: r.string(unit.scheme, /^[A-Z0-9_]{1,32}$/u, 32), code: r.string(unit.code, /^[0-9A-Za-z]{1,16}$/u, 16) },
    signingKeys,
    encryptionKeys,
  };
}

/** Distinct root key ids among `roots` whose signature over `body` verifies (TUF: duplicates count once). */
export function countRootSignatures(
  body: Uint8Array,
  signatures: readonly { keyId: Buffer; signature: Buffer }[],
  roots: readonly { keyId: string; publicKey: string }[],
): number {
  const counted = new Set<string>();
  for (const sig of signatures) {
    const id = keyIdHex(sig.keyId);
    const root = roots.find((k) => k.keyId === id);
    if (root !== undefined && !counted.has(id) && ed25519Verify(Buffer.from(root.publicKey, 'base64'), body, sig.signature)) counted.add(id);
  }
  return counted.size;
}

function sameRoots(a: TrustList, b: TrustList): boolean {
  const ids = (l: TrustList): string => l.rootKeys.map((k) => `${k.keyId}:${k.publicKey}`).sort().join(',');
  return ids(a) === ids(b) && a.rootThreshold === b.rootThreshold;
}

/**
 * Whether `incoming` may replace `installed` (null: bootstrap, the operator confirms the
 * root fingerprints out of band). Throws the §3.5 code of the first rule broken.
 */
export function checkTrustListUpdate(
  parsed: ParsedTrustFile,
  installed: TrustList | null,
  context: { environment: ExchangeEnvironment; now: Date },
): void {
  const { list, body, signatures } = parsed;
  const own = countRootSignatures(body, signatures, list.rootKeys);
  if (installed === null) {
    if (own < list.rootThreshold) throw new BcpkgError('E_TRUSTLIST_THRESHOLD', '', { n: own, s: list.rootThreshold });
  } else {
    const old = countRootSignatures(body, signatures, installed.rootKeys);
    if (old < installed.rootThreshold) {
      const code = !sameRoots(list, installed) && own >= list.rootThreshold ? 'E_TRUST_ROOT_CHANGED_NEED_INTERMEDIATE' : 'E_TRUSTLIST_THRESHOLD';
      throw new BcpkgError(code, '', { n: old, s: code === 'E_TRUSTLIST_THRESHOLD' ? installed.rootThreshold : installed.version });
    }
    if (!sameRoots(list, installed) && own < list.rootThreshold) {
      throw new BcpkgError('E_TRUSTLIST_THRESHOLD', 'new roots', { n: own, s: list.rootThreshold });
    }
    if (list.authority.officeCode !== installed.authority.officeCode) {
      throw new BcpkgError('E_TRUSTLIST_SCOPE', 'authority changed', { office: list.authority.officeCode });
    }
    if (list.version <= installed.version) throw new BcpkgError('E_TRUSTLIST_ROLLBACK', '', { n: list.version, s: installed.version });
  }
  if (list.environment !== context.environment) throw new BcpkgError('E_ENVIRONMENT_MISMATCH', 'trust list');
  if (Date.parse(list.expiresAt) <= context.now.getTime()) {
    throw new BcpkgError('E_TRUSTLIST_EXPIRED', '', { date: list.expiresAt.slice(0, 10) });
  }
  checkScope(list);
}

/** Offices must sit under the authority; key ids unique; ZZ- codes only in training (§3.8). */
export function checkScope(list: TrustList): void {
  const byCode = new Map(list.offices.map((o) => [o.officeCode, o]));
  if (byCode.size !== list.offices.length) throw new BcpkgError('E_TRUSTLIST_SCOPE', 'duplicate office', { office: '?' });
  const keyIds = new Set<string>();
  for (const office of list.offices) {
    const fail = (detail: string): never => {
      throw new BcpkgError('E_TRUSTLIST_SCOPE', detail, { office: office.officeCode });
    };
    if (list.environment === 'production' && office.officeCode.startsWith('ZZ-')) fail('training code in production');
    for (const key of office.encryptionKeys) if (!isUsableRecipient(key.recipient)) fail('unusable encryption key');
    for (const key of office.signingKeys) {
      if (keyIds.has(key.keyId)) fail('duplicate key id');
      keyIds.add(key.keyId);
    }
    let cursor: TrustOfficeEntry | undefined = office;
    for (let depth = 0; cursor !== undefined && cursor.officeCode !== list.authority.officeCode; depth += 1) {
      if (depth > 8 || cursor.parent === null) fail('outside the authority');
      cursor = byCode.get(cursor.parent ?? '');
      if (cursor === undefined) fail('parent not in list');
    }
  }
}

/** An age recipient that parses and is not a low-order point: packages can be encrypted to it. */
function isUsableRecipient(recipient: string): boolean {
  try {
    return x25519SharedSecret(generateX25519Secret(), parseRecipient(recipient)) !== null;
  } catch {
    return false;
  }
}

/** The authority's own administrative unit: the unit of its entry in the list, or null when it has none. */
export function authorityUnit(list: TrustList): { scheme: string; code: string } | null {
  return list.offices.find((o) => o.officeCode === list.authority.officeCode)?.adminUnit ?? null;
}

/** The installed unit hierarchy as `checkUnitScope` asks it: is `unitCode` at or below `root` (same scheme)? */
export type UnitHierarchy = (root: { scheme: string; code: string }, unitCode: string) => boolean;

/**
 * §3.5 "a list certifies only offices that belong to its authority's subtree", judged by
 * the installed unit hierarchy, never by the `parent` the list claims: the installing
 * office's own unit must lie under the authority's unit (so the list cannot pick its
 * authority's unit), and every other entry's unit strictly under its parent's unit,
 * hence under the authority's. A unit is compared within the entry's scheme, with the
 * ancestor's code (a pre-2025 district and a post-2025 commune under one province).
 */
export function checkUnitScope(list: TrustList, isUnder: UnitHierarchy, own: { scheme: string; code: string }): void {
  const root = authorityUnit(list);
  const code = list.authority.officeCode;
  if (root === null) throw new BcpkgError('E_TRUSTLIST_SCOPE', 'authority has no entry', { office: code });
  if (!isUnder({ scheme: own.scheme, code: root.code }, own.code)) throw new BcpkgError('E_TRUSTLIST_SCOPE', 'this office is outside the authority', { office: code });
  const byCode = new Map(list.offices.map((o) => [o.officeCode, o]));
  for (const office of list.offices) {
    if (office.officeCode === code) continue;
    const parent = byCode.get(office.parent ?? '');
    const unit = office.adminUnit;
    const isBelow = (above: { code: string }): boolean => above.code !== unit.code && isUnder({ scheme: unit.scheme, code: above.code }, unit.code);
    if (parent === undefined || !isBelow(parent.adminUnit) || !isBelow(root)) {
      throw new BcpkgError('E_TRUSTLIST_SCOPE', `unit ${unit.scheme} ${unit.code} outside the authority`, { office: office.officeCode });
    }
  }
}

export type KeyBinding = { office: TrustOfficeEntry; key: TrustSigningKey };

/** The office and key entry a key id names in the list, or null. */
export function findSigningKey(list: TrustList, keyId: string): KeyBinding | null {
  for (const office of list.offices) {
    const key = office.signingKeys.find((k) => k.keyId === keyId);
    if (key !== undefined) return { office, key };
  }
  return null;
}
