/**
 * Revocation at the province (exchange-format.md §3.7): the province is the authority,
 * so a reported theft takes effect here at once — the verifier reads key_revocations
 * through effectiveTrustList — and other offices learn of it from the next list. Every
 * later package from the key is E_KEY_REVOKED whatever its sequence (a thief picks
 * any). Packages already imported above the last trusted sequence are quarantined and
 * their slots go back to what was trusted, in the same transaction as the revocation.
 */
import { getSlot } from '../../../db/queries/consolidation';
import { getTrustAuthority, listEnrollments } from '../../../db/queries/exchange';
import { appendLog } from '../../../db/queries/import-log';
import { insertRevocation, packagesAbove, revocationOf, rewindSlot, setQuarantined } from '../../../db/queries/key-lifecycle';
import { AppError } from '../../../shared/errors';
import { utcSeconds } from './published-keys';
import { emptyLog, installedTrustList } from './trust-service';
import type { Workspace } from '../workspace';

export type RevocationResult = {
  officeCode: string;
  keyIds: string[];
  lastTrustedSequence: number;
  quarantined: { packageId: string; periodId: string; sequence: number }[];
  /** Slots that pointed at a quarantined package: where each points now (null: emptied). */
  slots: { periodId: string; packageId: string | null; sequence: number | null }[];
};

/**
 * The keys the office signs with now: its current key here and, if a rotation was
 * accepted but not yet published, the key still active in the installed list.
 */
function signingKeysOf(ws: Workspace, officeCode: string): string[] {
  const enrollment = listEnrollments(ws.db).find((e) => e.office_code === officeCode);
  if (enrollment === undefined) throw new AppError('OFFICE_NOT_ENROLLED', { office: officeCode });
  const listed = installedTrustList(ws)?.offices.find((o) => o.officeCode === officeCode)?.signingKeys ?? [];
  const ids = [enrollment.signing_key_id, ...listed.filter((k) => k.status === 'active').map((k) => k.keyId)];
  return [...new Set(ids)].filter((id) => revocationOf(ws.db, id) === undefined);
}

export function revokeOfficeKey(ws: Workspace, officeCode: string, lastTrustedSequence: number, reason: string | null, now = new Date()): RevocationResult {
  if (getTrustAuthority(ws.db) === undefined) throw new AppError('TRUST_AUTHORITY_NOT_SET');
  if (!Number.isSafeInteger(lastTrustedSequence) || lastTrustedSequence < 0) throw new AppError('REVOKE_SEQUENCE_INVALID', { value: String(lastTrustedSequence) });
  const keyIds = signingKeysOf(ws, officeCode);
  if (keyIds.length === 0) throw new AppError('KEY_ALREADY_REVOKED', { office: officeCode });
  const note = reason === null || reason.trim() === '' ? null : reason.trim();
  const result: RevocationResult = { officeCode, keyIds, lastTrustedSequence, quarantined: [], slots: [] };
  ws.db
    .transaction(() => {
      for (const keyId of keyIds) {
        insertRevocation(ws.db, { key_id: keyId, office_code: officeCode, revoked_at: utcSeconds(now), last_trusted_sequence: lastTrustedSequence, reason: note });
        appendLog(ws.db, { ...emptyLog(ws, 'revoked'), issuer: officeCode, key_id: keyId, sequence: lastTrustedSequence, detail: note });
      }
      const affected = new Set<string>();
      for (const p of packagesAbove(ws.db, officeCode, keyIds, lastTrustedSequence)) {
        if (getSlot(ws.db, officeCode, p.period_id)?.package_id === p.package_id) affected.add(p.period_id);
        setQuarantined(ws.db, p.package_id);
        result.quarantined.push({ packageId: p.package_id, periodId: p.period_id, sequence: p.sequence });
        appendLog(ws.db, {
          ...emptyLog(ws, 'quarantined'),
          package_id: p.package_id,
          package_digest: p.package_digest,
          issuer: officeCode,
          period: p.period_id,
          sequence: p.sequence,
          key_id: p.key_id,
          code: 'E_KEY_REVOKED',
          detail: `above the last trusted sequence ${lastTrustedSequence}`,
        });
      }
      for (const periodId of affected) {
        const back = rewindSlot(ws.db, officeCode, periodId, lastTrustedSequence);
        result.slots.push({ periodId, packageId: back?.package_id ?? null, sequence: back?.sequence ?? null });
      }
    })
    .immediate();
  return result;
}
