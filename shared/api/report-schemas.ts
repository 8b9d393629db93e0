/**
 * Validators of the period-report methods. The settings are short official texts; the
 * bounds keep a pasted novel out of the header while leaving every real name room.
 */
import { z } from 'zod';
import { parsePeriodId } from '../domain/period';
import { REPORT_FORMATS, SIGNER_AUTHORITIES } from './report-types';

const periodId = z
  .string()
  .max(24)
  .refine((id) => parsePeriodId(id) !== null, { message: 'period' });

const line = (max: number): z.ZodString => z.string().max(max);

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/u)
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), { message: 'date' });

const settings = z
  .object({
    superiorBody: line(200),
    issuer: line(200),
    symbol: line(40),
    place: line(80),
    recipients: z.array(line(200)).max(30),
    archive: line(80),
    signerAuthority: z.enum(SIGNER_AUTHORITIES),
    signerOnBehalfOf: line(120),
    signerTitle: line(120),
    signerName: line(120),
    number: line(20),
    date: isoDate,
    situation: line(20_000),
  })
  .strict();

export const reportSchemas = {
  'report.get': z.object({ periodId, isHotspotListIncluded: z.boolean() }).strict(),
  'report.saveSettings': z.object({ periodId, settings, isHotspotListIncluded: z.boolean() }).strict(),
  'report.file': z.object({ periodId, format: z.enum(REPORT_FORMATS), isHotspotListIncluded: z.boolean() }).strict(),
} as const;
