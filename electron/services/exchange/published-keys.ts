/**
 * The signing keys a published trust list carries for an enrolled office (§3.5–§3.7):
 * the keys it rotated away from as `retired` — usable for late packages up to their
 * last sequence until the grace date — the current key as `active` from its first
 * sequence, and every key this province revoked as `revoked`, including one the office
 * has since replaced by re-enrolling, so that other offices learn of it. An entry
 * already in the installed list is carried unchanged (its grace date does not move).
 */
import { keyHistoryOf, revocationsOf } from '../../../db/queries/key-lifecycle';
import type { DbEnrollment } from '../../../db/queries/exchange';
import type { TrustList, TrustSigningKey } from './trust-list';
import type { Workspace } from '../workspace';

const RETIRE_GRACE_DAYS = 90;

export function utcSeconds(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

export function activeKeyEntry(keyId: string, publicKey: Buffer, firstSequence: number): TrustSigningKey {
  return {
    keyId,
    publicKey: publicKey.toString('base64'),
    status: 'active',
    firstSequence,
    lastValidSequence: null,
    retireGraceUntil: null,
    revokedAt: null,
    lastTrustedSequence: null,
    reason: null,
  };
}

export function publishedSigningKeys(ws: Workspace, installed: TrustList | null, e: DbEnrollment, now: Date): TrustSigningKey[] {
  const carried = installed?.offices.find((o) => o.officeCode === e.office_code)?.signingKeys ?? [];
  const previous = (keyId: string): TrustSigningKey | undefined => {
    const found = carried.find((k) => k.keyId === keyId);
    return found === undefined ? undefined : { ...found };
  };
  const keys: TrustSigningKey[] = keyHistoryOf(ws.db, e.office_code).map((h) => {
    const prev = previous(h.key_id);
    if (prev?.status === 'retired' && prev.lastValidSequence === h.last_valid_sequence) return prev;
    return {
      ...activeKeyEntry(h.key_id, h.public_key, h.first_sequence),
      status: 'retired',
      lastValidSequence: h.last_valid_sequence,
      retireGraceUntil: utcSeconds(new Date(now.getTime() + RETIRE_GRACE_DAYS * 86_400_000)),
    };
  });
  if (!keys.some((k) => k.keyId === e.signing_key_id)) {
    const prev = previous(e.signing_key_id);
    keys.push(prev?.status === 'active' && prev.firstSequence === e.first_sequence ? prev : activeKeyEntry(e.signing_key_id, e.signing_public_key, e.first_sequence));
  }
  const revocations = revocationsOf(ws.db, e.office_code);
  for (const k of carried) {
    const isRevoked = k.status === 'revoked' || revocations.some((r) => r.key_id === k.keyId);
    if (isRevoked && !keys.some((x) => x.keyId === k.keyId)) keys.push({ ...k });
  }
  for (const r of revocations) {
    const key = keys.find((k) => k.keyId === r.key_id);
    if (key !== undefined) Object.assign(key, { status: 'revoked', revokedAt: r.revoked_at, lastTrustedSequence: r.last_trusted_sequence, reason: r.reason });
  }
  return keys;
}
