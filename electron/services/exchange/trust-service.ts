/**
 * Trust lists in a workspace (exchange-format.md §3.5): the installed list every office
 * verifies against, and — in a province's workspace — the authority state from which
 * it publishes new lists: root public keys and threshold, enrolled offices. Root
 * secret keys never enter the workspace; `publish` takes them from their files for the
 * one signing and forgets them.
 */
import { createHash } from 'node:crypto';
import { listUnitsOfScheme } from '../../../db/queries/admin-units';
import { lastSequence } from '../../../db/queries/consolidation';
import { appendLog } from '../../../db/queries/import-log';
import { historyKey, revocationOf } from '../../../db/queries/key-lifecycle';
import {
  activeKey,
  currentTrustList,
  getTrustAuthority,
  installTrustList,
  listEnrollments,
  setTrustAuthority,
  upsertEnrollment,
} from '../../../db/queries/exchange';
import type { TrustListSummary, TrustStatus } from '../../../shared/api/exchange-types';
import { AppError } from '../../../shared/errors';
import { exchangeMessage } from '../../../shared/i18n/exchange-messages';
import { parseRecipient, recipientString } from './age/x25519';
import { BcpkgError, isBcpkgError } from './bcpkg-error';
import { parseCanonical } from './canonical-json';
import { readEnrollment } from './enrollment';
import { isInJurisdiction } from './jurisdiction';
import { applyRotation, scrubFreedPages } from './key-rotation-service';
import { requireIdentity } from './keys-service';
import { officeIdentity, workspaceEnvironment } from './office-identity';
import { activeKeyEntry, publishedSigningKeys } from './published-keys';
import { ed25519PublicFromSeed, fingerprint, keyIdHex, keyIdOf, parsePublicKeyFile } from './signify';
import {
  checkTrustListUpdate,
  checkUnitScope,
  readTrustFile,
  readTrustList,
  writeTrustFile,
  type TrustList,
  type TrustOfficeEntry,
} from './trust-list';
import { language, nowIso, userName, type Workspace } from '../workspace';

const DAY_MS = 86_400_000;
const MAX_VERSION_JUMP = 1000;

/** Refusals of a file become one sentence naming the file and the format's reason. */
export function refuse(ws: Workspace, fileName: string, error: unknown): never {
  if (!isBcpkgError(error)) throw error;
  throw new AppError('EXCHANGE_FILE_REFUSED', { file: fileName, reason: exchangeMessage(language(ws), error.code, error.params) });
}

export function installedTrustList(ws: Workspace): TrustList | null {
  const row = currentTrustList(ws.db);
  return row === undefined ? null : readTrustList(parseCanonical(row.list_json, 'E_MANIFEST_NOT_CANONICAL'));
}

/**
 * The installed list as this office applies it: keys it revoked itself are revoked
 * now, before the next list carries the revocation (§3.7: the authority acts at once).
 */
export function effectiveTrustList(ws: Workspace): TrustList | null {
  const list = installedTrustList(ws);
  if (list === null) return null;
  const revoked = ws.db.prepare('SELECT key_id, revoked_at, last_trusted_sequence, reason FROM key_revocations').all() as {
    key_id: string;
    revoked_at: string;
    last_trusted_sequence: number;
    reason: string | null;
  }[];
  for (const r of revoked) {
    for (const office of list.offices) {
      for (const key of office.signingKeys) {
        if (key.keyId !== r.key_id) continue;
        Object.assign(key, { status: 'revoked', revokedAt: r.revoked_at, lastTrustedSequence: r.last_trusted_sequence, reason: r.reason });
      }
    }
  }
  return list;
}

export function summarizeTrustList(list: TrustList): TrustListSummary {
  return {
    authority: { officeCode: list.authority.officeCode, officeName: list.authority.officeName },
    version: list.version,
    environment: list.environment,
    issuedAt: list.issuedAt,
    expiresAt: list.expiresAt,
    rootKeys: list.rootKeys.map((k) => ({ keyId: k.keyId, fingerprint: fingerprint(Buffer.from(k.publicKey, 'base64'), 'ed25519') })),
    rootThreshold: list.rootThreshold,
    offices: list.offices.map((o) => ({
      officeCode: o.officeCode,
      officeName: o.officeName,
      level: o.level,
      parent: o.parent,
      signingKeys: o.signingKeys.map((k) => ({ keyId: k.keyId, status: k.status, fingerprint: fingerprint(Buffer.from(k.publicKey, 'base64'), 'ed25519') })),
      hasEncryptionKey: o.encryptionKeys.some((k) => k.status === 'active'),
    })),
  };
}

export function trustStatus(ws: Workspace, now = new Date()): TrustStatus {
  const list = installedTrustList(ws);
  return {
    installed: list === null ? null : summarizeTrustList(list),
    daysLeft: list === null ? null : Math.floor((Date.parse(list.expiresAt) - now.getTime()) / DAY_MS),
    isAuthority: getTrustAuthority(ws.db) !== undefined,
  };
}

export function inspectTrustFile(ws: Workspace, fileName: string, bytes: Uint8Array): TrustListSummary {
  try {
    return summarizeTrustList(readTrustFile(bytes).list);
  } catch (error) {
    return refuse(ws, fileName, error);
  }
}

/** Installs a `.bctrust` after §3.5's checks. Bootstrap is only for the first list, and the other way round. */
export function importTrustFile(
  ws: Workspace,
  fileName: string,
  bytes: Uint8Array,
  isBootstrap: boolean,
  now = new Date(),
  isJumpConfirmed = false,
): TrustListSummary {
  const installed = installedTrustList(ws);
  if (isBootstrap && installed !== null) throw new AppError('TRUST_ALREADY_BOOTSTRAPPED', { version: installed.version });
  try {
    const parsed = readTrustFile(bytes);
    if (!isBootstrap && installed === null) throw new BcpkgError('E_TRUSTLIST_NOT_BOOTSTRAPPED');
    checkTrustListUpdate(parsed, installed, { environment: workspaceEnvironment(ws), now });
    checkUnitScope(parsed.list, (root, unit) => isInJurisdiction(ws, root, unit), officeIdentity(ws).adminUnit);
    // §3.5: a list that skips more than 1,000 versions may be a mistake or a replayed fork; a supervisor decides.
    if (installed !== null && parsed.list.version - installed.version > MAX_VERSION_JUMP && !isJumpConfirmed) {
      throw new AppError('TRUST_VERSION_JUMP', { from: installed.version, to: parsed.list.version, max: MAX_VERSION_JUMP });
    }
    const isRotated = ws.db.transaction(() => {
      installTrustList(ws.db, {
        authority: parsed.list.authority.officeCode,
        version: parsed.list.version,
        environment: parsed.list.environment,
        expires_at: parsed.list.expiresAt,
        list_json: parsed.body,
        file_bytes: Buffer.from(bytes),
        installed_at: nowIso(),
      });
      appendLog(ws.db, {
        ...emptyLog(ws, 'trustlist_imported'),
        source_filename: fileName,
        file_sha256: createHash('sha256').update(bytes).digest('hex'),
        issuer: parsed.list.authority.officeCode,
        trustlist_version: parsed.list.version,
      });
      // §3.6 step 5: the list that names this office's pending key switches keys.
      return applyRotation(ws, parsed.list, parsed.list.version);
    })();
    if (isRotated) scrubFreedPages(ws.db);
    return summarizeTrustList(parsed.list);
  } catch (error) {
    return refuse(ws, fileName, error);
  }
}

/** `pcmt trust init`: this workspace becomes a trust authority with these root public keys. */
export function initAuthority(ws: Workspace, rootPubFiles: readonly { fileName: string; text: string }[], threshold: number): { keyId: string; fingerprint: string }[] {
  const roots = rootPubFiles.map(({ fileName, text }) => {
    try {
      const parsed = parsePublicKeyFile(text);
      return { keyId: keyIdHex(parsed.keyId), publicKey: parsed.publicKey.toString('base64') };
    } catch (error) {
      return refuse(ws, fileName, error);
    }
  });
  const distinct = new Set(roots.map((r) => r.keyId)).size;
  if (distinct !== roots.length || !Number.isInteger(threshold) || threshold < 1 || threshold > distinct) {
    throw new AppError('TRUST_THRESHOLD_INVALID', { threshold, count: distinct });
  }
  officeIdentity(ws);
  setTrustAuthority(ws.db, {
    root_keys: JSON.stringify(roots),
    root_threshold: threshold,
    last_published_version: getTrustAuthority(ws.db)?.last_published_version ?? 0,
    updated_at: nowIso(),
  });
  return roots.map((r) => ({ keyId: r.keyId, fingerprint: fingerprint(Buffer.from(r.publicKey, 'base64'), 'ed25519') }));
}

export type EnrolledOffice = { officeCode: string; officeName: string; keyId: string; fingerprint: string; encryptionFingerprint: string | null };

/** `pcmt trust add-office`: records an office's enrollment statement after checking it (§3.4 step 3). */
export function addOffice(ws: Workspace, fileName: string, bytes: Uint8Array): EnrolledOffice {
  if (getTrustAuthority(ws.db) === undefined) throw new AppError('TRUST_AUTHORITY_NOT_SET');
  const authority = officeIdentity(ws);
  let read: ReturnType<typeof readEnrollment>;
  try {
    read = readEnrollment(bytes);
  } catch (error) {
    return refuse(ws, fileName, error);
  }
  const { statement, publicKey } = read;
  if (statement.environment !== authority.environment) refuse(ws, fileName, new BcpkgError('E_ENVIRONMENT_MISMATCH', 'enrollment'));
  const unit = statement.adminUnit;
  if (statement.officeCode === authority.officeCode || unit.scheme !== authority.adminUnit.scheme || !isInJurisdiction(ws, authority.adminUnit, unit.code)) {
    throw new AppError('ENROLLMENT_OUTSIDE_AUTHORITY', { office: statement.officeCode, authority: authority.officeName });
  }
  const keyId = statement.signingKey.keyId;
  // §3.7: a revoked key never comes back, not even through a fresh enrollment.
  if (revocationOf(ws.db, keyId) !== undefined) throw new AppError('KEY_REVOKED_HERE', { keyId });
  const taken = listEnrollments(ws.db).find((e) => e.signing_key_id === keyId && e.office_code !== statement.officeCode) ?? historyKey(ws.db, keyId);
  if (taken !== undefined) throw new AppError('ENROLLMENT_KEY_TAKEN', { keyId, office: taken.office_code });
  const enrollment = {
    office_code: statement.officeCode,
    office_name: statement.officeName,
    level: statement.level,
    admin_scheme: unit.scheme,
    admin_code: unit.code,
    signing_key_id: statement.signingKey.keyId,
    signing_public_key: publicKey,
    encryption_recipient: statement.encryptionRecipient,
    statement: Buffer.from(bytes),
    enrolled_at: nowIso(),
    // §3.10: one counter per office; a re-enrolled key goes on from the last sequence seen.
    first_sequence: (lastSequence(ws.db, statement.officeCode) ?? 0) + 1,
  };
  ws.db.transaction(() => {
    upsertEnrollment(ws.db, enrollment);
    appendLog(ws.db, {
      ...emptyLog(ws, 'enrollment'),
      source_filename: fileName,
      file_sha256: createHash('sha256').update(bytes).digest('hex'),
      issuer: statement.officeCode,
      key_id: keyId,
    });
  })();
  return {
    officeCode: statement.officeCode,
    officeName: statement.officeName,
    keyId: statement.signingKey.keyId,
    fingerprint: fingerprint(publicKey, 'ed25519'),
    encryptionFingerprint: statement.encryptionRecipient === null ? null : recipientFingerprint(statement.encryptionRecipient),
  };
}

/** A log row about keys or lists rather than a package: the package fields stay empty. */
export function emptyLog(ws: Workspace, decision: string): Parameters<typeof appendLog>[1] {
  return {
    at: nowIso(),
    operator: userName(ws),
    source_filename: null,
    file_sha256: null,
    package_id: null,
    package_digest: null,
    issuer: null,
    period: null,
    sequence: null,
    key_id: null,
    trustlist_version: currentTrustList(ws.db)?.version ?? null,
    encrypted: null,
    decision,
    code: null,
    detail: null,
  };
}

function recipientFingerprint(recipient: string): string {
  return fingerprint(parseRecipient(recipient), 'x25519');
}

function adminUnitsDigest(ws: Workspace, scheme: string): string {
  const hash = createHash('sha256');
  for (const u of listUnitsOfScheme(ws.db, scheme)) hash.update(`${u.level}|${u.code}|${u.parent_level ?? ''}|${u.parent_code ?? ''}\n`);
  return hash.digest('hex');
}

function ownEntry(ws: Workspace): TrustOfficeEntry {
  const identity = requireIdentity(ws);
  const signing = activeKey(ws.db, 'signing');
  const encryption = activeKey(ws.db, 'encryption');
  return {
    officeCode: identity.officeCode,
    officeName: identity.officeName,
    level: identity.level,
    parent: null,
    status: 'active',
    adminUnit: identity.adminUnit,
    signingKeys: signing === undefined ? [] : [activeKeyEntry(signing.key_id, signing.public_key, 1)],
    encryptionKeys: encryption === undefined ? [] : [{ recipient: recipientString(encryption.public_key), status: 'active' }],
  };
}

/**
 * `pcmt trust publish`: the next version of the list, signed by the given root keys,
 * and installed here too (the authority verifies with what it publishes).
 */
export function publishTrustList(ws: Workspace, rootSeeds: readonly Uint8Array[], expiresOn: string, now = new Date()): { bytes: Buffer; summary: TrustListSummary } {
  const authority = getTrustAuthority(ws.db);
  if (authority === undefined) throw new AppError('TRUST_AUTHORITY_NOT_SET');
  const expiresAt = `${expiresOn}T00:00:00Z`;
  if (!/^\d{4}-\d{2}-\d{2}$/u.test(expiresOn) || !(Date.parse(expiresAt) > now.getTime())) {
    throw new AppError('TRUST_EXPIRY_INVALID', { date: expiresOn });
  }
  const roots = JSON.parse(authority.root_keys) as { keyId: string; publicKey: string }[];
  for (const seed of rootSeeds) {
    const keyId = keyIdHex(keyIdOf(ed25519PublicFromSeed(seed)));
    if (!roots.some((r) => r.keyId === keyId)) throw new AppError('TRUST_ROOT_NOT_CONFIGURED', { keyId });
  }
  const own = ownEntry(ws);
  const installed = installedTrustList(ws);
  const offices: TrustOfficeEntry[] = [
    own,
    ...listEnrollments(ws.db).map((e) => ({
      officeCode: e.office_code,
      officeName: e.office_name,
      level: e.level as TrustOfficeEntry['level'],
      parent: own.officeCode,
      status: 'active' as const,
      adminUnit: { scheme: e.admin_scheme, code: e.admin_code },
      signingKeys: publishedSigningKeys(ws, installed, e, now),
      encryptionKeys: e.encryption_recipient === null ? [] : [{ recipient: e.encryption_recipient, status: 'active' as const }],
    })),
  ].sort((a, b) => (a.officeCode < b.officeCode ? -1 : 1));
  const identity = requireIdentity(ws);
  const list: TrustList = {
    type: 'bcpkg.trustlist',
    formatVersion: 1,
    environment: identity.environment,
    authority: { officeCode: identity.officeCode, officeName: identity.officeName, level: identity.level },
    version: Math.max(authority.last_published_version, installed?.version ?? 0) + 1,
    issuedAt: `${now.toISOString().slice(0, 19)}Z`,
    expiresAt,
    rootKeys: roots,
    rootThreshold: authority.root_threshold,
    adminUnitsDigest: adminUnitsDigest(ws, identity.adminUnit.scheme),
    offices,
  };
  const bytes = writeTrustFile(list, rootSeeds);
  const summary = importTrustFile(ws, 'trustlist.bctrust', bytes, installed === null, now);
  setTrustAuthority(ws.db, { ...authority, last_published_version: list.version, updated_at: nowIso() });
  return { bytes, summary };
}
