/**
 * Validators of the spreadsheet-import methods. The file travels as base64 (the browser
 * host speaks JSON); the safe reader bounds what it unpacks, this only bounds the string.
 */
import { z } from 'zod';
import { parsePeriodId } from '../domain/period';
import { SHEETS } from './register-types';

/** Largest workbook accepted, before decoding: 64 MiB. */
export const MAX_IMPORT_BYTES = 64 * 1024 * 1024;
const MAX_FILE_BASE64 = Math.ceil(MAX_IMPORT_BYTES / 3) * 4;

const file = z
  .object({ fileName: z.string().min(1).max(260), bytesBase64: z.string().max(MAX_FILE_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/u) })
  .strict();

const periodId = z
  .string()
  .max(24)
  .refine((id) => parsePeriodId(id) !== null, { message: 'period' });

const requestId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/u);

const importRequest = z
  .object({
    sheet: z.enum(SHEETS),
    /** The period of commune figures (required for communeStatuses); the period the rules judge registers in. */
    periodId: periodId.nullable(),
    file,
    /** The workbook's sheet; null: the first one. */
    sheetName: z.string().max(260).nullable(),
    /** Excel row number of the header row; null: found automatically. */
    headerRow: z.number().int().min(1).max(1_048_576).nullable(),
    /** Field per column (index → field key or null to skip); null: matched by header, or remembered. */
    mapping: z.array(z.object({ index: z.number().int().min(0).max(16_383), field: z.string().max(64).nullable() }).strict()).max(500).nullable(),
    /** Fields that identify an existing record; null: the sheet's usual key. */
    keyFields: z.array(z.string().max(64)).min(1).max(6).nullable(),
    /** An id the caller chooses, to follow (imports.progress) and stop (imports.cancel) this call. */
    requestId: requestId.optional(),
  })
  .strict();

const byRequest = z.object({ requestId }).strict();

export const importSchemas = {
  'imports.analyze': importRequest,
  'imports.apply': importRequest,
  'imports.progress': byRequest,
  'imports.cancel': byRequest,
};
