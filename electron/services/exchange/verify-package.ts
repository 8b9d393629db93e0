/**
 * Verification of a received `.bcpkg` (exchange-format.md §5): stages 0–7 strictly in
 * order, the first failure stops, every failure is a BcpkgError with its stable code.
 * Reads only — nothing is written anywhere. Nothing in the package decides how it is
 * verified: the algorithm, the public key and the office binding come from the
 * installed trust list (§5.4).
 */
import { timingSafeEqual } from 'node:crypto';
import type { DatasetName, ExchangeEnvironment } from '../../../shared/api/exchange-types';
import type { VerifyWarningCode } from '../../../shared/exchange/codes';
import { ageDecrypt } from './age/age';
import type { ChachaBackend } from './age/chacha';
import { BcpkgError } from './bcpkg-error';
import { parseCanonical } from './canonical-json';
import { readDataset, type DatasetRecord } from './datasets';
import { readManifest, SUPPORTED_FORMAT_VERSIONS, type Manifest } from './manifest';
import { sha256Hex } from './package-builder';
import { ed25519Verify, keyIdHex, parseSignatureFile } from './signify';
import { COMMUNE_LEVEL } from './jurisdiction';
import { authorityUnit, findSigningKey, type TrustList, type TrustOfficeEntry, type TrustSigningKey } from './trust-list';
import { bcpkgProfile, checkEntryCrc, readZipStrict, type ZipEntry } from './zip-strict';

export const MAX_FILE_BYTES = 64 * 1024 * 1024;
const AGE_MAGIC = Buffer.from('age-encryption.org/v1\n', 'ascii');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Datasets that may only travel encrypted (§4.1). */
const SENSITIVE: readonly DatasetName[] = ['hotspots'];
const FIXED_ENTRIES = new Set(['mimetype', 'manifest.json', 'manifest.sig']);
const SEQUENCE_JUMP_LIMIT = 100_000;

/** What the receiving workspace knows of earlier packages (§6.1); empty until consolidation stores them. */
export type ReplayState = {
  packageById(packageId: string): { packageDigest: string; importedAt: string } | null;
  slot(issuer: string, period: string): { packageId: string; sequence: number } | null;
  lastSequence(issuer: string): number | null;
  isPeriodSentUpward(period: string): boolean;
};

export const EMPTY_REPLAY_STATE: ReplayState = {
  packageById: () => null,
  slot: () => null,
  lastSequence: () => null,
  isPeriodSentUpward: () => false,
};

export type VerifierContext = {
  trustList: TrustList | null;
  /** X25519 secrets of this office (current and retired), tried in order. */
  identities: readonly Uint8Array[];
  ownOfficeCode: string;
  environment: ExchangeEnvironment;
  now: Date;
  backend: ChachaBackend;
  /**
   * Whether an administrative unit lies inside the office's jurisdiction unit (same
   * scheme) and, when `level` is given, is itself a unit of that level.
   */
  isInJurisdiction(adminUnit: { scheme: string; code: string }, unitCode: string, level?: string | null): boolean;
  replay: ReplayState;
};

export type VerifiedPackage = {
  manifest: Manifest;
  manifestBytes: Buffer;
  packageDigest: string;
  encrypted: boolean;
  keyId: string;
  issuerEntry: TrustOfficeEntry;
  datasets: Partial<Record<DatasetName, DatasetRecord[]>>;
  /** I_ALREADY_IMPORTED instead of OK_STAGED (stage 7, step 33). */
  alreadyImportedAt: string | null;
  warnings: VerifyWarningCode[];
};

export function verifyPackage(file: Uint8Array, ctx: VerifierContext): VerifiedPackage {
  // Stage 0 — size and type.
  if (file.length > MAX_FILE_BYTES) throw new BcpkgError('E_FILE_TOO_LARGE');
  let plain: Uint8Array = file;
  let encrypted = false;
  if (isAgeFile(file)) {
    // Stage 1 — decrypt, bounded; the plaintext must itself be a plain package.
    plain = ageDecrypt(file, ctx.identities, { backend: ctx.backend, maxPlaintext: MAX_FILE_BYTES });
    encrypted = true;
    if (!startsWith(plain, ZIP_MAGIC)) throw new BcpkgError('E_UNKNOWN_FORMAT', 'decrypted content is not a package');
  } else if (!startsWith(file, ZIP_MAGIC)) {
    throw new BcpkgError('E_UNKNOWN_FORMAT');
  }
  // Stage 2 — container structure.
  const entries = readZipStrict(plain, bcpkgProfile());
  checkEntryOrder(entries);
  const manifestBytes = entryData(entries, 'manifest.json');
  // Stage 3 — the signature over the manifest's exact bytes, before parsing it.
  const [sig] = parseSignatureFile(entryData(entries, 'manifest.sig'), 1);
  if (sig === undefined) throw new BcpkgError('E_SIG_MALFORMED');
  const keyId = keyIdHex(sig.keyId);
  const binding = ctx.trustList === null ? null : findSigningKey(ctx.trustList, keyId);
  if (binding === null) throw new BcpkgError('E_KEY_UNKNOWN', '', { keyId });
  if (binding.key.status === 'revoked') throw new BcpkgError('E_KEY_REVOKED', '', { keyId });
  if (!ed25519Verify(Buffer.from(binding.key.publicKey, 'base64'), manifestBytes, sig.signature)) throw new BcpkgError('E_SIG_INVALID');
  // Stage 4 — manifest semantics.
  const parsed = parseCanonical(manifestBytes, 'E_MANIFEST_NOT_CANONICAL');
  // A later format likely adds fields: say "update the software" rather than "invalid manifest".
  const declared = parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) ? parsed.formatVersion : undefined;
  if (typeof declared === 'number' && !SUPPORTED_FORMAT_VERSIONS.includes(declared)) throw new BcpkgError('E_FORMAT_VERSION', String(declared));
  const manifest = readManifest(parsed);
  checkManifest(manifest, keyId, binding, encrypted, ctx);
  // Stage 5 — entries against the signed manifest.
  checkEntries(entries, manifest);
  // Stage 6 — dataset content.
  const datasets = readDatasets(entries, manifest, binding.office, authorityUnit(ctx.trustList as TrustList), ctx);
  // Stage 7 — replay and ordering, read-only.
  const packageDigest = sha256Hex(manifestBytes);
  let replay: ReturnType<typeof checkReplay>;
  try {
    replay = checkReplay(manifest, packageDigest, ctx.replay);
  } catch (error) {
    if (error instanceof BcpkgError) {
      const m = manifest;
      // The trust list's name, never the manifest's: the signer chooses the manifest's text (§5.4).
      const issuerName = binding.office.officeName;
      error.subject = { packageId: m.packageId, packageDigest, issuer: m.issuer.officeCode, issuerName, period: m.period, sequence: m.sequence, keyId, encrypted };
    }
    throw error;
  }
  const { alreadyImportedAt, warnings } = replay;
  return {
    manifest,
    manifestBytes: Buffer.from(manifestBytes),
    packageDigest,
    encrypted,
    keyId,
    issuerEntry: binding.office,
    datasets,
    alreadyImportedAt,
    warnings,
  };
}

/** An encrypted package (§2.1: detected by content, never by extension). */
export function isAgeFile(bytes: Uint8Array): boolean {
  return startsWith(bytes, AGE_MAGIC);
}

function startsWith(bytes: Uint8Array, magic: Buffer): boolean {
  return bytes.length >= magic.length && magic.equals(bytes.subarray(0, magic.length));
}

/**
 * §2.2 fixes the order of entries; the strict reader checks only that `mimetype` is
 * first. Without this, reordering the data entries (offsets recomputed) would give one
 * signed package a second byte encoding. §5.1 step 12 names no separate code for an
 * entry out of order, so it is E_ZIP_LAYOUT, the code of that step (README's code table
 * says the same).
 */
function checkEntryOrder(entries: readonly ZipEntry[]): void {
  const rank = (name: string): string => (name === 'mimetype' ? '0' : name === 'manifest.json' ? '1' : name === 'manifest.sig' ? '2' : name.startsWith('data/') ? `3${name}` : `4${name}`);
  for (let i = 1; i < entries.length; i += 1) {
    if (rank(entries[i - 1]?.name ?? '') >= rank(entries[i]?.name ?? '')) throw new BcpkgError('E_ZIP_LAYOUT', 'entries out of order');
  }
}

function entryData(entries: readonly ZipEntry[], name: string): Buffer {
  const entry = entries.find((e) => e.name === name);
  if (entry === undefined) throw new BcpkgError('E_NOT_BCPKG', `${name} missing`);
  return entry.data;
}

function checkManifest(
  m: Manifest,
  keyId: string,
  binding: NonNullable<ReturnType<typeof findSigningKey>>,
  encrypted: boolean,
  ctx: VerifierContext,
): void {
  const list = ctx.trustList as TrustList;
  if (!SUPPORTED_FORMAT_VERSIONS.includes(m.formatVersion)) throw new BcpkgError('E_FORMAT_VERSION', String(m.formatVersion));
  const owner = { a: binding.office.officeCode, b: m.issuer.officeCode };
  if (m.signer.keyId !== keyId || m.signer.alg !== 'Ed25519') throw new BcpkgError('E_SIGNER_MISMATCH', '', owner);
  if (binding.office.officeCode !== m.issuer.officeCode) throw new BcpkgError('E_KEY_NOT_AUTHORIZED_FOR_OFFICE', '', owner);
  const key = binding.key;
  if (key.status === 'retired') {
    const isAfterLast = key.lastValidSequence === null || m.sequence > key.lastValidSequence;
    const isAfterGrace = key.retireGraceUntil === null || ctx.now.getTime() > Date.parse(key.retireGraceUntil);
    if (isAfterLast || isAfterGrace) throw new BcpkgError('E_KEY_RETIRED', '', { keyId });
  }
  if (binding.office.status === 'dissolved' && !isArchiveOfDissolved(m, key, ctx.replay)) throw new BcpkgError('E_KEY_RETIRED', 'office dissolved', { keyId });
  if (m.environment !== ctx.environment) throw new BcpkgError('E_ENVIRONMENT_MISMATCH');
  const audience = { x: m.audience.map((a) => a.officeCode).join(', ') };
  if (!m.audience.some((a) => a.officeCode === ctx.ownOfficeCode)) throw new BcpkgError('E_NOT_ADDRESSED_TO_US', '', audience);
  const own = list.offices.find((o) => o.officeCode === ctx.ownOfficeCode);
  const isChild = binding.office.parent === ctx.ownOfficeCode;
  const isParent = own !== undefined && own.parent === binding.office.officeCode;
  if (!isChild && !isParent) throw new BcpkgError('E_ISSUER_NOT_ALLOWED', '', audience);
  if (Date.parse(list.expiresAt) <= ctx.now.getTime()) throw new BcpkgError('E_TRUSTLIST_EXPIRED', '', { date: list.expiresAt.slice(0, 10) });
  if (!encrypted && m.entries.some((e) => e.dataset !== undefined && SENSITIVE.includes(e.dataset))) {
    throw new BcpkgError('E_ENCRYPTION_REQUIRED');
  }
}

/**
 * §3.10: a dissolved office's keys "stay for verifying archives but cannot sign anything
 * new"; §5.1 step 21 gives E_KEY_RETIRED. The trust list carries no dissolution date, so
 * an archive is what the authority or this office already holds: a sequence up to the
 * key's `lastValidSequence`, or a package already imported here.
 */
function isArchiveOfDissolved(m: Manifest, key: TrustSigningKey, replay: ReplayState): boolean {
  if (key.lastValidSequence !== null && m.sequence <= key.lastValidSequence) return true;
  return replay.packageById(m.packageId) !== null;
}

function checkEntries(entries: readonly ZipEntry[], m: Manifest): void {
  const listed = new Map(m.entries.map((e) => [e.path, e]));
  for (const entry of entries) {
    if (!FIXED_ENTRIES.has(entry.name) && !listed.has(entry.name)) throw new BcpkgError('E_ENTRY_NOT_IN_MANIFEST', entry.name);
  }
  for (const item of m.entries) {
    const entry = entries.find((e) => e.name === item.path);
    if (entry === undefined) throw new BcpkgError('E_ENTRY_MISSING', item.path);
    if (entry.size !== item.size) throw new BcpkgError('E_ENTRY_SIZE_MISMATCH', item.path);
    if (!checkEntryCrc(entry)) throw new BcpkgError('E_ZIP_CRC', item.path);
    const actual = Buffer.from(sha256Hex(entry.data), 'hex');
    if (!timingSafeEqual(actual, Buffer.from(item.sha256, 'hex'))) throw new BcpkgError('E_ENTRY_HASH_MISMATCH', item.path);
  }
}

function readDatasets(
  entries: readonly ZipEntry[],
  m: Manifest,
  issuer: TrustOfficeEntry,
  authority: { scheme: string; code: string } | null,
  ctx: VerifierContext,
): Partial<Record<DatasetName, DatasetRecord[]>> {
  const out: Partial<Record<DatasetName, DatasetRecord[]>> = {};
  for (const item of m.entries) {
    if (item.dataset === undefined || item.records === undefined) continue;
    const data = entryData(entries, item.path);
    const read = readDataset(parseCanonical(data, 'E_PAYLOAD_SCHEMA'), {
      dataset: item.dataset,
      officeCode: m.issuer.officeCode,
      period: m.period,
      records: item.records,
    });
    // §3.5 scope, again here: a list installed before its entries' units were checked must
    // not let an office certify units outside the authority's own subtree.
    const root = authority === null ? null : { scheme: issuer.adminUnit.scheme, code: authority.code };
    const outside = read.unitRefs.find(({ code, isCommune }) => {
      const level = isCommune ? COMMUNE_LEVEL : null;
      return !ctx.isInJurisdiction(issuer.adminUnit, code, level) || root === null || !ctx.isInJurisdiction(root, code, level);
    });
    if (outside !== undefined) throw new BcpkgError('E_PAYLOAD_OUT_OF_JURISDICTION', outside.code);
    out[item.dataset] = read.records;
  }
  return out;
}

export function checkReplay(m: Manifest, digest: string, replay: ReplayState): { alreadyImportedAt: string | null; warnings: VerifyWarningCode[] } {
  const known = replay.packageById(m.packageId);
  if (known !== null) {
    if (known.packageDigest === digest) return { alreadyImportedAt: known.importedAt, warnings: [] };
    throw new BcpkgError('E_PACKAGE_ID_REUSED');
  }
  const slot = replay.slot(m.issuer.officeCode, m.period);
  if (slot !== null && m.sequence <= slot.sequence) {
    throw new BcpkgError('E_REPLAY_OR_STALE', '', { office: m.issuer.officeCode, period: m.period, s: slot.sequence, n: m.sequence });
  }
  const warnings: VerifyWarningCode[] = [];
  if (slot !== null && m.supersedes !== slot.packageId) warnings.push('W_SUPERSEDES_MISMATCH');
  if (slot === null && m.supersedes !== null) warnings.push('W_SUPERSEDES_UNKNOWN');
  const last = replay.lastSequence(m.issuer.officeCode);
  if (last !== null && m.sequence - last > SEQUENCE_JUMP_LIMIT) warnings.push('W_SEQUENCE_JUMP');
  if (replay.isPeriodSentUpward(m.period)) warnings.push('W_AFTER_UPWARD_REPORT');
  return { alreadyImportedAt: null, warnings };
}
