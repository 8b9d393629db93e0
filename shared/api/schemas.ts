/**
 * Runtime validators for every API input. The renderer is untrusted: each call is
 * checked here before any service runs, in Electron IPC and in the browser host alike.
 * `inputSchemas` is typed against the contract, so a method without a validator does
 * not compile.
 */
import { z } from 'zod';
import { COMMUNE_STATUS_FIELD_KEYS, type CommuneStatusField } from '../domain/commune-status';
import { SCHEME_CODES } from '../domain/admin-units';
import { parsePeriodId } from '../domain/period';

const empty = z.object({}).strict();

const periodIdSchema = z
  .string()
  .max(16)
  .refine((id) => parsePeriodId(id) !== null, { message: 'period' });

const fieldValueSchema = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]);

const fieldKeySchema = z.custom<CommuneStatusField>(
  (v) => typeof v === 'string' && (COMMUNE_STATUS_FIELD_KEYS as readonly string[]).includes(v),
  { message: 'field' },
);

/** Largest unit list accepted, as base64 (the real 10,047-commune Excel is 3 MB). */
export const MAX_UNIT_LIST_BYTES = 40 * 1024 * 1024;

export const schemas = {
  'app.info': empty,
  'settings.setLanguage': z.object({ language: z.enum(['vi', 'en']) }).strict(),
  'units.import': z
    .object({
      fileName: z.string().min(1).max(255),
      contentBase64: z.string().max(Math.ceil((MAX_UNIT_LIST_BYTES * 4) / 3) + 4),
    })
    .strict(),
  'units.schemes': empty,
  'units.children': z
    .object({
      scheme: z.enum(SCHEME_CODES),
      parentLevel: z.enum(['PROVINCE', 'DISTRICT', 'COMMUNE']).nullable(),
      parentCode: z.string().regex(/^\d{2,5}$/u).nullable(),
    })
    .strict(),
  'office.get': empty,
  'office.set': z
    .object({
      scheme: z.enum(SCHEME_CODES),
      level: z.enum(['PROVINCE', 'DISTRICT', 'COMMUNE']),
      code: z.string().regex(/^\d{2,5}$/u),
    })
    .strict(),
  'communes.list': z.object({ periodId: periodIdSchema }).strict(),
  'communeStatus.update': z
    .object({
      periodId: periodIdSchema,
      changes: z
        .array(
          z
            .object({
              communeCode: z.string().regex(/^\d{5}$/u),
              field: fieldKeySchema,
              value: fieldValueSchema,
            })
            .strict(),
        )
        .min(1)
        .max(100_000),
    })
    .strict(),
} as const;

export type Schemas = typeof schemas;
