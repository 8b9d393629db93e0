/**
 * Runtime validators for every API input. The renderer is untrusted: each call is
 * checked here before any service runs, in Electron IPC and in the browser host alike.
 * `inputSchemas` is typed against the contract, so a method without a validator does
 * not compile.
 */
import { z } from 'zod';
import { COMMUNE_STATUS_FIELD_KEYS, type CommuneStatusField } from '../domain/commune-status';
import { INDICATOR_SET_IDS } from '../domain/indicators';
import { SCHEME_CODES } from '../domain/admin-units';
import { parsePeriodId } from '../domain/period';
import { sheetColumns } from '../domain/sheet-columns';
import { exchangeSchemas } from './exchange-schemas';
import { importSchemas } from './import-schemas';
import { reportSchemas } from './report-schemas';
import { EDIT_CAUSES, SHEETS } from './register-types';

const empty = z.object({}).strict();

const periodIdSchema = z
  .string()
  .max(24)
  .refine((id) => parsePeriodId(id) !== null, { message: 'period' });

const fieldValueSchema = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), z.array(z.string().max(64)).max(32)]);

const fieldKeySchema = z.custom<CommuneStatusField>(
  (v) => typeof v === 'string' && (COMMUNE_STATUS_FIELD_KEYS as readonly string[]).includes(v),
  { message: 'field' },
);

const recordId = z.string().min(1).max(64);
const registerValues = z.record(z.string().max(64), fieldValueSchema);

const editSchema = z.discriminatedUnion('op', [
  z.object({ sheet: z.enum(SHEETS), op: z.literal('set'), id: recordId, field: z.string().max(64), value: fieldValueSchema }).strict(),
  z.object({ sheet: z.enum(['hotspots', 'modelSites']), op: z.literal('create'), values: registerValues }).strict(),
  z.object({ sheet: z.enum(['hotspots', 'modelSites']), op: z.enum(['remove', 'restore']), id: recordId }).strict(),
]);

/** Largest unit list accepted, as base64 (the real 10,047-commune Excel is 3 MB). */
export const MAX_UNIT_LIST_BYTES = 40 * 1024 * 1024;

export const schemas = {
  'app.info': empty,
  'backups.list': empty,
  // Only a name from backups.list: the service resolves it inside the backup folder, never a path.
  'backups.restore': z.object({ name: z.string().min(1).max(255).regex(/^[^/\\]+\.bak$/u) }).strict(),
  'settings.setLanguage': z.object({ language: z.enum(['vi', 'en']) }).strict(),
  'units.import': z
    .object({
      fileName: z.string().min(1).max(255),
      contentBase64: z.string().max(Math.ceil((MAX_UNIT_LIST_BYTES * 4) / 3) + 4),
      /** Apply renames and moves of units that hold the office's data (the summary listed them). */
      isMoveConfirmed: z.boolean().optional(),
    })
    .strict(),
  'units.schemes': empty,
  'units.bundled': empty,
  'units.importBundled': z.object({ scheme: z.enum(SCHEME_CODES), isMoveConfirmed: z.boolean().optional() }).strict(),
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
  'edits.apply': z
    .object({
      periodId: periodIdSchema.nullable(),
      cause: z.enum(EDIT_CAUSES),
      /** 'all': one bad edit refuses the batch; 'valid': stores the valid ones and reports the rest. */
      mode: z.enum(['all', 'valid']),
      edits: z.array(editSchema).min(1).max(200_000),
    })
    .strict(),
  'hotspots.list': z.object({ periodId: periodIdSchema, isRemovedIncluded: z.boolean() }).strict(),
  'modelSites.list': z.object({ periodId: periodIdSchema, isRemovedIncluded: z.boolean() }).strict(),
  'units.underOffice': empty,
  'history.list': z
    .object({
      table: z.enum(['commune_statuses', 'hotspots', 'model_sites', 'periods']).nullable(),
      recordId: z.string().max(80).nullable(),
      periodId: z.string().max(40).nullable(),
      cause: z.string().max(20).nullable(),
      search: z.string().max(200).nullable(),
      limit: z.number().int().min(1).max(5000),
      offset: z.number().int().min(0),
    })
    .strict(),
  'periods.list': empty,
  'periods.lock': z.object({ periodId: periodIdSchema }).strict(),
  'periods.unlock': z.object({ periodId: periodIdSchema, reason: z.string().trim().min(5).max(1000) }).strict(),
  'periods.copyForward': z.object({ periodId: periodIdSchema, fromPeriodId: periodIdSchema }).strict(),
  'settings.setClassificationReading': z.object({ reading: z.enum(['cumulative', 'literal']) }).strict(),
  'settings.setUserName': z.object({ userName: z.string().trim().min(1).max(120) }).strict(),
  'sheets.getLayout': z.object({ sheet: z.enum([...SHEETS, 'history']) }).strict(),
  'sheets.saveLayout': z
    .object({
      sheet: z.enum([...SHEETS, 'history']),
      columns: z.array(z.object({ colId: z.string().max(80), width: z.number().int().min(20).max(2000).nullable(), isHidden: z.boolean() }).strict()).max(200),
    })
    .strict(),
  'sheets.exportXlsx': z
    .object({
      sheet: z.enum(SHEETS),
      periodId: periodIdSchema,
      columns: z.array(z.string().max(80)).min(1).max(200).nullable(),
      /** The displayed rows' ids in order (a register is far below this); null: every row. */
      rowIds: z.array(recordId).max(500_000).nullable(),
    })
    .strict()
    .refine((input) => input.columns === null || input.columns.every((key) => sheetColumns(input.sheet).some((c) => c.key === key)), { message: 'column' }),
  'sheets.template': z.object({ sheet: z.enum(SHEETS) }).strict(),
  'problems.list': z.object({ periodId: periodIdSchema }).strict(),
  'exports.readiness': z.object({ periodId: periodIdSchema }).strict(),
  'indicators.list': z
    .object({ periodId: periodIdSchema, setId: z.enum(INDICATOR_SET_IDS).nullable() })
    .strict(),
  ...exchangeSchemas,
  ...importSchemas,
  ...reportSchemas,
} as const;

export type Schemas = typeof schemas;
