/**
 * Commune statuses per period. Every save is checked (period, commune under the office,
 * each value against its field's rule) before anything is written, then written in one
 * transaction; with synchronous=FULL the answer means the data is on disk.
 */
import {
  communesUnder,
  getCommunesWithStatus,
  listCommunesWithStatus,
  writeStatusField,
  type DbCommuneWithStatus,
} from '../../db/queries/commune-statuses';
import { getPeriod, insertPeriodIfMissing } from '../../db/queries/periods';
import type { CommuneRow } from '../../shared/api/contract';
import { COMMUNE_STATUS_FIELD_KEYS, fieldDef, type CommuneStatusField, type CommuneStatusValues, type FieldValue } from '../../shared/domain/commune-status';
import { checkFieldValue } from '../../shared/domain/field-values';
import { parsePeriodId, type Period } from '../../shared/domain/period';
import { AppError } from '../../shared/errors';
import { term } from '../../shared/i18n/messages';
import { requireOffice } from './office-service';
import { language, nowIso, userName, type Workspace } from './workspace';

export type StatusChange = { communeCode: string; field: CommuneStatusField; value: FieldValue };

function requirePeriod(periodId: string): Period {
  const period = parsePeriodId(periodId);
  if (!period) throw new AppError('PERIOD_INVALID', { period: periodId });
  return period;
}

function toRow(row: DbCommuneWithStatus): CommuneRow {
  const status = {} as CommuneStatusValues;
  for (const key of COMMUNE_STATUS_FIELD_KEYS) {
    const value = row[key];
    status[key] = fieldDef(key).kind.type === 'bool' && value !== null ? value === 1 : value;
  }
  return {
    code: row.code,
    name: row.name,
    unitType: row.unit_type,
    parentName: row.parent_name ?? '',
    status,
    rowVersion: row.row_version ?? 0,
    updatedAt: row.updated_at,
  };
}

export function listCommuneRows(ws: Workspace, periodId: string): CommuneRow[] {
  const period = requirePeriod(periodId);
  const office = requireOffice(ws);
  return listCommunesWithStatus(ws.db, office, period.id).map(toRow);
}

function toDbValue(value: FieldValue): string | number | null {
  return typeof value === 'boolean' ? (value ? 1 : 0) : value;
}

/** Checks every change first; on the first bad one nothing is written. */
export function updateCommuneStatuses(ws: Workspace, periodId: string, changes: readonly StatusChange[]): CommuneRow[] {
  const period = requirePeriod(periodId);
  const office = requireOffice(ws);
  if (getPeriod(ws.db, period.id)?.status === 'LOCKED') throw new AppError('PERIOD_LOCKED', { period: period.id });
  const codes = [...new Set(changes.map((c) => c.communeCode))];
  const under = communesUnder(ws.db, office, codes);
  const stranger = codes.find((code) => !under.has(code));
  if (stranger !== undefined) throw new AppError('COMMUNE_NOT_IN_OFFICE', { code: stranger });
  const lang = language(ws);
  const checked = changes.map((change) => {
    const def = fieldDef(change.field);
    const result = checkFieldValue(def, change.value);
    if (!result.ok) {
      throw new AppError('FIELD_VALUE_INVALID', { value: String(change.value).slice(0, 60), field: def.labels[lang], rule: term(result.rule) });
    }
    return { ...change, value: toDbValue(result.value) };
  });
  const updatedAt = nowIso();
  const updatedBy = userName(ws);
  ws.db.transaction(() => {
    insertPeriodIfMissing(ws.db, {
      id: period.id,
      kind: period.kind,
      year: period.year,
      seq: period.seq,
      start_date: period.startDate,
      end_date: period.endDate,
      created_at: updatedAt,
    });
    for (const change of checked) {
      writeStatusField(ws.db, { periodId: period.id, scheme: office.scheme, communeCode: change.communeCode, field: change.field, value: change.value, updatedAt, updatedBy });
    }
  })();
  return getCommunesWithStatus(ws.db, office.scheme, codes, period.id).map(toRow);
}
