/** What the workspace knows of earlier packages (exchange-format.md §6.1), for stage 7. */
import { getSlot, lastSequence, receivedPackage } from '../../../db/queries/consolidation';
import type { Workspace } from '../workspace';
import type { ReplayState } from './verify-package';

export function dbReplayState(ws: Workspace): ReplayState {
  return {
    packageById: (packageId) => {
      const row = receivedPackage(ws.db, packageId);
      return row === undefined ? null : { packageDigest: row.package_digest, importedAt: row.accepted_at };
    },
    slot: (issuer, period) => {
      const row = getSlot(ws.db, issuer, period);
      return row === undefined ? null : { packageId: row.package_id, sequence: row.sequence };
    },
    lastSequence: (issuer) => lastSequence(ws.db, issuer),
    // The province's own upward package for the period: a later change means reissuing it (§6.2).
    isPeriodSentUpward: (period) => ws.db.prepare('SELECT 1 FROM exports WHERE period_id = ? LIMIT 1').get(period) !== undefined,
  };
}
