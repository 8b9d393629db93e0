/**
 * `edits.apply`: the one write path of every register, for typing, paste, fill, clear,
 * undo, redo, import, load and copy forward. One call is one SQLite transaction (with
 * synchronous=FULL the answer means the data is on disk) and one history batch.
 * mode 'all' refuses the whole call on the first bad edit; mode 'valid' stores the
 * good edits and reports the others, so one bad cell never loses the rest of a paste.
 */
import { getCommunesWithStatus } from '../../db/queries/commune-statuses';
import { hotspotRowsJson } from '../../db/queries/hotspots';
import { getModelSitesByIds } from '../../db/queries/model-sites';
import type { EditsResult } from '../../shared/api/contract';
import type { Edit, EditCause, HotspotRow, RejectedEdit } from '../../shared/api/register-types';
import { parsePeriodId, quarterOf, type Period } from '../../shared/domain/period';
import { AppError, isAppError } from '../../shared/errors';
import { errorMessage } from '../../shared/i18n/messages';
import { toCommuneRow } from './commune-rows';
import { EditBatch } from './edit-batch';
import { buildLookahead, createRecord, removeOrRestore, setRecord, setStatus, type Lookahead } from './edit-ops';
import { requireOffice } from './office-service';
import { noteBatch, ownChanges } from './problems-cache';
import { toModelSiteRow } from './registers';
import { language, localToday, nowIso, userName, type Workspace } from './workspace';

export type ApplyEditsInput = {
  periodId: string | null;
  cause: EditCause;
  mode: 'all' | 'valid';
  edits: readonly Edit[];
  /** Said in the history beside the cause, e.g. an import's "nhập từ tệp <name>". */
  reason?: string;
  /**
   * For an import's preview, run inside a transaction the caller rolls back: every check
   * and write as usual, but no history rows (50,000 rows' worth would cost seconds and
   * be thrown away).
   */
  isPreview?: boolean;
  /** The answer without the stored rows (batch id, created ids, refusals): an import reloads the sheet instead. */
  isSlimAnswer?: boolean;
};

export function requirePeriod(periodId: string): Period {
  const period = parsePeriodId(periodId);
  if (!period) throw new AppError('PERIOD_INVALID', { period: periodId });
  return period;
}

function applyOne(batch: EditBatch, edit: Edit, index: number, lookahead: Lookahead): void {
  if (edit.sheet === 'communeStatuses') {
    if (edit.op === 'set') setStatus(batch, edit);
    return;
  }
  if (edit.op === 'set') setRecord(batch, edit, index, lookahead);
  else if (edit.op === 'create') createRecord(batch, edit, index, lookahead);
  else removeOrRestore(batch, edit);
}

export function applyEdits(ws: Workspace, input: ApplyEditsInput): EditsResult {
  const office = requireOffice(ws);
  const period = input.periodId === null ? null : requirePeriod(input.periodId);
  const lang = language(ws);
  const rejected: RejectedEdit[] = [];
  const batch = new EditBatch({ db: ws.db, office, period, cause: input.cause, reason: input.reason ?? null, isHistoryKept: input.isPreview !== true, language: lang, at: nowIso(), today: localToday(), userName: userName(ws) });
  const changesBefore = ownChanges(ws);
  // IMMEDIATE: take the write lock before reading, so no other writer (a CLI load) slips in between.
  ws.db
    .transaction(() => {
      const lookahead = buildLookahead(input.edits);
      input.edits.forEach((edit, index) => {
        try {
          applyOne(batch, edit, index, lookahead);
        } catch (error) {
          if (input.mode === 'all' || !isAppError(error)) throw error;
          rejected.push({ index, code: error.code, message: errorMessage(error.code, error.params, lang) });
        }
      });
      batch.flush();
    })
    .immediate();
  // A preview is rolled back by its caller: not noted, so the next check reads everything again.
  if (input.isPreview !== true) noteBatch(ws, batch, changesBefore);
  if (input.isSlimAnswer === true) return { batchId: batch.history.length > 0 ? batch.batchId : null, created: batch.created, rejected, communeRows: [], hotspots: [], modelSites: [] };
  return answer(ws, batch, period, rejected);
}

function hotspotRows(ws: Workspace, scheme: string, period: Period, ids: string[]): HotspotRow[] {
  return JSON.parse(hotspotRowsJson(ws.db, { scheme, start: period.startDate, end: period.endDate, ids })) as HotspotRow[];
}

function answer(ws: Workspace, batch: EditBatch, period: Period | null, rejected: RejectedEdit[]): EditsResult {
  const scheme = batch.setup.office.scheme;
  const communes = period ? [...new Set([...batch.touched.communeStatuses, ...batch.affectedCommunes])] : [];
  const shownPeriod = period ?? requirePeriod(quarterOf(batch.setup.today));
  return {
    batchId: batch.history.length > 0 ? batch.batchId : null,
    created: batch.created,
    rejected,
    communeRows: period && communes.length > 0 ? getCommunesWithStatus(ws.db, scheme, communes, period).map(toCommuneRow) : [],
    hotspots: batch.touched.hotspots.size > 0 ? hotspotRows(ws, scheme, shownPeriod, [...batch.touched.hotspots]) : [],
    modelSites: batch.touched.modelSites.size > 0 ? getModelSitesByIds(ws.db, [...batch.touched.modelSites]).map(toModelSiteRow) : [],
  };
}
