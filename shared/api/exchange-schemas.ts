/**
 * Validators of the exchange methods' inputs. Files travel as base64 because the browser
 * host speaks JSON; 64 MiB is the format's own file limit (§5.3), so the string cap is
 * its base64 length.
 */
import { z } from 'zod';
import { INDICATOR_SET_IDS } from '../domain/indicators';
import { parsePeriodId } from '../domain/period';

const empty = z.object({}).strict();
const MAX_FILE_BASE64 = Math.ceil((64 * 1024 * 1024 + 1) / 3) * 4;

/** Long enough for four random words; the service applies the strength rule and says why. */
const passphrase = z.string().min(1).max(1024);

const file = z
  .object({ fileName: z.string().min(1).max(260), bytesBase64: z.string().max(MAX_FILE_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/u) })
  .strict();

const periodId = z
  .string()
  .max(24)
  .refine((id) => parsePeriodId(id) !== null, { message: 'period' });

export const exchangeSchemas = {
  'keys.status': empty,
  'keys.generate': z.object({ passphrase, withEncryption: z.boolean() }).strict(),
  'keys.enrollment': z.object({ passphrase }).strict(),
  'trust.status': empty,
  'trust.inspect': z.object({ file }).strict(),
  'trust.import': z.object({ file, isBootstrap: z.boolean(), isJumpConfirmed: z.boolean().optional() }).strict(),
  'exports.summary': z.object({ periodId, includeHotspots: z.boolean() }).strict(),
  'exports.create': z.object({ periodId, passphrase, includeHotspots: z.boolean() }).strict(),
  'exports.list': empty,
  'exports.file': z.object({ packageId: z.string().regex(/^[0-9a-f-]{36}$/u) }).strict(),
  'packages.receive': z.object({ files: z.array(file).min(1).max(100), passphrase: passphrase.nullable() }).strict(),
  'packages.confirm': z.object({ stagingId: z.string().uuid(), isSupervisorConfirmed: z.boolean() }).strict(),
  'packages.reject': z.object({ stagingId: z.string().uuid(), reason: z.string().trim().min(1).max(500) }).strict(),
  'packages.received': empty,
  'importLog.list': empty,
  'app.acknowledgeRestore': empty,
  'importLog.verify': empty,
  'packages.verify': z.object({ files: z.array(file).min(1).max(100), passphrase: passphrase.nullable() }).strict(),
  'consolidated.list': z.object({ periodId }).strict(),
  'consolidated.notReported': z.object({ periodId }).strict(),
  'consolidated.indicators': z.object({ periodId, setId: z.enum(INDICATOR_SET_IDS).nullable() }).strict(),
  'receipts.create': z.object({ packageId: z.string().regex(/^[0-9a-f-]{36}$/u), passphrase }).strict(),
  'receipts.import': z.object({ file, passphrase: passphrase.nullable().optional() }).strict(),
} as const;
