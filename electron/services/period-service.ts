/**
 * Periods: which have been used, locking (a locked period refuses status edits), and
 * "start this period from the previous one" (copy forward). Lock and unlock are
 * recorded in the history; an unlock carries its reason (product.md §3).
 */
import { randomUUID } from 'node:crypto';
import { listCommuneCodesUnder, listStatusRows } from '../../db/queries/commune-statuses';
import { insertHistory } from '../../db/queries/history';
import { getPeriod, insertPeriodIfMissing, listPeriods, setPeriodStatus, type DbPeriodWithCount } from '../../db/queries/periods';
import type { Edit, PeriodInfo } from '../../shared/api/register-types';
import { COMMUNE_STATUS_FIELD_KEYS, fieldDef, PERIOD_FLOW_FIELDS } from '../../shared/domain/commune-status';
import { parsePeriodId, periodLabel, type Period } from '../../shared/domain/period';
import { AppError } from '../../shared/errors';
import { applyEdits, requirePeriod } from './edit-service';
import { requireOffice } from './office-service';
import { decodeValue } from './registers';
import { language, nowIso, userName, type Workspace } from './workspace';

function toInfo(ws: Workspace, row: DbPeriodWithCount): PeriodInfo {
  const period = parsePeriodId(row.id);
  return {
    id: row.id,
    kind: row.kind,
    label: period ? periodLabel(period, language(ws)) : row.id,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status as PeriodInfo['status'],
    statusCount: row.status_count,
  };
}

export function listPeriodInfos(ws: Workspace): PeriodInfo[] {
  return listPeriods(ws.db).map((row) => toInfo(ws, row));
}

function periodInfo(ws: Workspace, id: string): PeriodInfo {
  const row = listPeriods(ws.db).find((p) => p.id === id);
  if (!row) throw new AppError('PERIOD_INVALID', { period: id });
  return toInfo(ws, row);
}

function ensurePeriod(ws: Workspace, period: Period, at: string): void {
  insertPeriodIfMissing(ws.db, {
    id: period.id,
    kind: period.kind,
    year: period.year,
    seq: period.seq,
    start_date: period.startDate,
    end_date: period.endDate,
    created_at: at,
  });
}

function recordStatusChange(ws: Workspace, periodId: string, from: string, to: string, cause: 'lock' | 'unlock', reason: string | null, at: string): void {
  insertHistory(ws.db, [{
    batch_id: randomUUID(),
    at,
    user_name: userName(ws),
    table_name: 'periods',
    record_id: periodId,
    period_id: periodId,
    field: 'status',
    old_value: JSON.stringify(from),
    new_value: JSON.stringify(to),
    cause,
    reason,
  }]);
}

/** Locks a period (creating its row when it was never used); locking a locked period changes nothing. */
export function lockPeriod(ws: Workspace, periodId: string): PeriodInfo {
  const period = requirePeriod(periodId);
  ws.db
    .transaction(() => {
      const at = nowIso();
      ensurePeriod(ws, period, at);
      const before = getPeriod(ws.db, period.id)?.status ?? 'OPEN';
      if (before === 'LOCKED') return;
      setPeriodStatus(ws.db, period.id, 'LOCKED');
      recordStatusChange(ws, period.id, before, 'LOCKED', 'lock', null, at);
    })
    .immediate();
  return periodInfo(ws, period.id);
}

export function unlockPeriod(ws: Workspace, periodId: string, reason: string): PeriodInfo {
  const period = requirePeriod(periodId);
  ws.db
    .transaction(() => {
      if (getPeriod(ws.db, period.id)?.status !== 'LOCKED') throw new AppError('PERIOD_NOT_LOCKED', { period: period.id });
      setPeriodStatus(ws.db, period.id, 'OPEN');
      recordStatusChange(ws, period.id, 'LOCKED', 'OPEN', 'unlock', reason.trim(), nowIso());
    })
    .immediate();
  return periodInfo(ws, period.id);
}

/**
 * Copies the commune's standing (every status field except PERIOD_FLOW_FIELDS: arrests,
 * seizures, approvals… belong to their own period) from `fromPeriodId` into the communes
 * under the office that have no status in `periodId`; communes already entered are
 * skipped, never overwritten.
 * One edits.apply batch (cause 'copy_forward'), so the copy is one undoable history step.
 */
export function copyForward(ws: Workspace, periodId: string, fromPeriodId: string): { copied: number; skipped: number } {
  const period = requirePeriod(periodId);
  const from = requirePeriod(fromPeriodId);
  const office = requireOffice(ws);
  let copied = 0;
  let skipped = 0;
  ws.db
    .transaction(() => {
      if (getPeriod(ws.db, period.id)?.status === 'LOCKED') throw new AppError('PERIOD_LOCKED', { period: period.id });
      const communes = listCommuneCodesUnder(ws.db, office);
      const target = listStatusRows(ws.db, period.id, office.scheme);
      const edits: Edit[] = [];
      for (const [code, values] of listStatusRows(ws.db, from.id, office.scheme)) {
        if (!communes.has(code)) continue;
        if (target.has(code)) {
          skipped += 1;
          continue;
        }
        const filled = COMMUNE_STATUS_FIELD_KEYS.filter((key) => values[key] !== null && !PERIOD_FLOW_FIELDS.has(key));
        for (const field of filled) edits.push({ sheet: 'communeStatuses', op: 'set', id: code, field, value: decodeValue(fieldDef(field), values[field]) });
        if (filled.length > 0) copied += 1;
      }
      if (edits.length > 0) applyEdits(ws, { periodId: period.id, cause: 'copy_forward', mode: 'all', edits });
    })
    .immediate();
  return { copied, skipped };
}
