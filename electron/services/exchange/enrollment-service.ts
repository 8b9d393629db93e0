/** Writing this office's enrollment statement (§3.4 step 1); signing it proves possession, so it asks the passphrase. */
import { activeKey } from '../../../db/queries/exchange';
import type { EnrollmentForm, FileBytes } from '../../../shared/api/exchange-types';
import { recipientString } from './age/x25519';
import { writeEnrollment } from './enrollment';
import { enrollmentForm, requireIdentity, unlockSigningSeed } from './keys-service';
import type { Workspace } from '../workspace';

export function createEnrollment(ws: Workspace, passphrase: string, appVersion: string, now = new Date()): { form: EnrollmentForm; file: FileBytes; bytes: Buffer } {
  const identity = requireIdentity(ws);
  const seed = unlockSigningSeed(ws, passphrase);
  const createdAt = `${now.toISOString().slice(0, 19)}Z`;
  try {
    const encryption = activeKey(ws.db, 'encryption');
    const bytes = writeEnrollment(
      {
        officeCode: identity.officeCode,
        officeName: identity.officeName,
        level: identity.level,
        parent: identity.parentCode,
        environment: identity.environment,
        adminUnit: identity.adminUnit,
        encryptionRecipient: encryption === undefined ? null : recipientString(encryption.public_key),
        createdAt,
        app: { name: 'PCMT Desk', version: appVersion },
      },
      seed,
    );
    const fileName = `${identity.officeCode}_enrollment.bckey`;
    return { form: enrollmentForm(ws, appVersion, createdAt), file: { fileName, bytesBase64: bytes.toString('base64') }, bytes };
  } finally {
    seed.fill(0);
  }
}
