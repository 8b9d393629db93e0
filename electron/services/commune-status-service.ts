/**
 * Commune statuses per period. Saving goes through edits.apply (cause 'typing', all or
 * nothing), so every change is checked the same way and recorded in the history.
 */
import { listCommunesWithStatus } from '../../db/queries/commune-statuses';
import type { CommuneRow } from '../../shared/api/contract';
import type { CommuneStatusField, FieldValue } from '../../shared/domain/commune-status';
import { toCommuneRow } from './commune-rows';
import { applyEdits, requirePeriod } from './edit-service';
import { requireOffice } from './office-service';
import type { Workspace } from './workspace';

export type StatusChange = { communeCode: string; field: CommuneStatusField; value: FieldValue };

/** One row per commune under the office, with its status and computed counts for the period. */
export function listCommuneRows(ws: Workspace, periodId: string): CommuneRow[] {
  const period = requirePeriod(periodId);
  const office = requireOffice(ws);
  return listCommunesWithStatus(ws.db, office, period).map(toCommuneRow);
}

/** Checks every change first; on the first bad one nothing is written. */
export function updateCommuneStatuses(ws: Workspace, periodId: string, changes: readonly StatusChange[]): CommuneRow[] {
  const edits = changes.map((c) => ({ sheet: 'communeStatuses' as const, op: 'set' as const, id: c.communeCode, field: c.field, value: c.value }));
  return applyEdits(ws, { periodId, cause: 'typing', mode: 'all', edits }).communeRows;
}
