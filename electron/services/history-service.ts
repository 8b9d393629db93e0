/** Reading the change history (newest first), with filters and a diacritic-blind search. */
import { getOffice } from '../../db/queries/office';
import { listHistory, type HistoryTable } from '../../db/queries/history';
import type { HistoryEntry } from '../../shared/api/register-types';
import { COMMUNE_STATUS_FIELDS } from '../../shared/domain/commune-status';
import type { FieldDef, FieldValue } from '../../shared/domain/fields';
import { HOTSPOT_FIELDS } from '../../shared/domain/hotspot';
import { MODEL_SITE_FIELDS } from '../../shared/domain/model-site';
import { foldVietnamese } from '../../shared/domain/text';
import type { Workspace } from './workspace';

export type HistoryQuery = {
  table: HistoryTable | null;
  recordId: string | null;
  periodId: string | null;
  cause: string | null;
  search: string | null;
  limit: number;
  offset: number;
};

const ALL_FIELDS: readonly FieldDef[] = [...COMMUNE_STATUS_FIELDS, ...HOTSPOT_FIELDS, ...MODEL_SITE_FIELDS];

/** Field keys whose Vietnamese or English label contains the folded search ("dan so" finds resident_population). */
function fieldsMatching(search: string): string[] {
  return [...new Set(ALL_FIELDS.filter((f) => foldVietnamese(f.labels.vi).includes(search) || foldVietnamese(f.labels.en).includes(search)).map((f) => f.key))];
}

function parseValue(text: string | null): FieldValue {
  return text === null ? null : (JSON.parse(text) as FieldValue);
}

export function listHistoryEntries(ws: Workspace, query: HistoryQuery): { entries: HistoryEntry[]; total: number } {
  const search = query.search === null ? '' : foldVietnamese(query.search);
  const { rows, total } = listHistory(
    ws.db,
    {
      table: query.table,
      recordId: query.recordId,
      periodId: query.periodId,
      cause: query.cause,
      search: search === '' ? null : search,
      searchFields: search === '' ? [] : fieldsMatching(search),
      scheme: getOffice(ws.db)?.scheme ?? null,
    },
    query.limit,
    query.offset,
  );
  const entries = rows.map(
    (r): HistoryEntry => ({
      id: r.id,
      batchId: r.batch_id,
      at: r.at,
      userName: r.user_name,
      table: r.table_name,
      recordId: r.record_id,
      recordLabel: r.record_label,
      periodId: r.period_id,
      field: r.field,
      oldValue: parseValue(r.old_value),
      newValue: parseValue(r.new_value),
      cause: r.cause as HistoryEntry['cause'],
      reason: r.reason,
    }),
  );
  return { entries, total };
}
