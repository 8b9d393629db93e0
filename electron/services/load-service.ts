/**
 * Loading what `pcmt dump --json` printed: statuses of a period, hotspots and model
 * sites, through edits.apply (cause 'load', all or nothing). Records keep their ids
 * (and hotspots their codes): an unknown id is created, a known one gets only the
 * fields that differ, so loading the same dump twice changes nothing the second time.
 */
import { z } from 'zod';
import type { Edit } from '../../shared/api/register-types';
import type { FieldValue } from '../../shared/domain/fields';
import { quarterOf } from '../../shared/domain/period';
import { AppError } from '../../shared/errors';
import { listCommuneRows } from './commune-status-service';
import { applyEdits } from './edit-service';
import { listHotspotRows, listModelSiteRows } from './register-service';
import { localToday, type Workspace } from './workspace';

export type DumpRecord = Record<string, FieldValue>;
export type LoadInput = {
  periodId: string | null;
  /** Each with `code` (the commune) beside the status fields. */
  statuses: readonly DumpRecord[];
  /** Each with `id` beside the register fields. */
  hotspots: readonly DumpRecord[];
  modelSites: readonly DumpRecord[];
};
export type LoadCounts = { added: number; changed: number; unchanged: number };
export type LoadSummary = { statuses: LoadCounts; hotspots: LoadCounts; modelSites: LoadCounts };

const value = z.union([z.string(), z.number(), z.boolean(), z.null(), z.array(z.string())]);
const dumpSchema = z.object({
  period: z.string().optional(),
  statuses: z.array(z.record(z.string(), value).and(z.object({ code: z.string() }))).default([]),
  hotspots: z.array(z.record(z.string(), value).and(z.object({ id: z.string() }))).default([]),
  modelSites: z.array(z.record(z.string(), value).and(z.object({ id: z.string() }))).default([]),
});

/** Checks parsed JSON against the dump's shape; `where` is the path of the first problem. */
export function checkDumpShape(raw: unknown, periodOverride: string | null): { ok: true; input: LoadInput } | { ok: false; where: string } {
  const parsed = dumpSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, where: parsed.error.issues[0]?.path.join('.') ?? '' };
  const { period, statuses, hotspots, modelSites } = parsed.data;
  return { ok: true, input: { periodId: periodOverride ?? period ?? null, statuses, hotspots, modelSites } };
}

/** Bookkeeping printed by the dump beside the values; never loaded. */
const STATUS_META = new Set(['code', 'period', 'rowVersion', 'updatedAt']);

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function statusEdits(ws: Workspace, periodId: string, records: readonly DumpRecord[], edits: Edit[]): LoadCounts {
  const counts: LoadCounts = { added: 0, changed: 0, unchanged: 0 };
  if (records.length === 0) return counts;
  const current = new Map(listCommuneRows(ws, periodId).map((r) => [r.code, r]));
  for (const record of records) {
    const code = String(record.code);
    const row = current.get(code);
    const before = edits.length;
    for (const [field, value] of Object.entries(record)) {
      if (STATUS_META.has(field)) continue;
      if (!row || !same((row.status as Record<string, FieldValue>)[field], value)) edits.push({ sheet: 'communeStatuses', op: 'set', id: code, field, value });
    }
    if (edits.length === before) counts.unchanged += 1;
    else if (row && row.rowVersion > 0) counts.changed += 1;
    else counts.added += 1;
  }
  return counts;
}

type Existing = { values: Record<string, FieldValue>; isRemoved: boolean };

/** Creates first (references to other hotspots set afterwards, once every row exists), then changes. */
function registerEdits(sheet: 'hotspots' | 'modelSites', existing: Map<string, Existing>, records: readonly DumpRecord[], edits: Edit[]): LoadCounts {
  const counts: LoadCounts = { added: 0, changed: 0, unchanged: 0 };
  const later: Edit[] = [];
  for (const { id: rawId, ...values } of records) {
    const id = String(rawId);
    const row = existing.get(id);
    if (!row) {
      const { reappeared_from: ref, ...rest } = values;
      edits.push({ sheet, op: 'create', values: { id, ...rest } });
      if (ref !== undefined && ref !== null) later.push({ sheet, op: 'set', id, field: 'reappeared_from', value: ref });
      counts.added += 1;
      continue;
    }
    const before = edits.length + later.length;
    if (row.isRemoved) edits.push({ sheet, op: 'restore', id });
    for (const [field, value] of Object.entries(values)) {
      // A hotspot's code is its identity for people: never rewritten by a load.
      if (field !== 'local_code' && !same(row.values[field], value)) later.push({ sheet, op: 'set', id, field, value });
    }
    if (edits.length + later.length === before) counts.unchanged += 1;
    else counts.changed += 1;
  }
  edits.push(...later);
  return counts;
}

export function loadDump(ws: Workspace, input: LoadInput): LoadSummary {
  if (input.periodId === null && input.statuses.length > 0) throw new AppError('EDIT_NEEDS_PERIOD');
  return ws.db
    .transaction((): LoadSummary => {
      const listPeriod = input.periodId ?? quarterOf(localToday());
      const edits: Edit[] = [];
      const statuses = input.periodId === null ? { added: 0, changed: 0, unchanged: 0 } : statusEdits(ws, input.periodId, input.statuses, edits);
      const hotspots = new Map(listHotspotRows(ws, listPeriod, true).rows.map((r) => [r.id, r]));
      const models = new Map(listModelSiteRows(ws, listPeriod, true).map((r) => [r.id, r]));
      const summary = {
        statuses,
        hotspots: registerEdits('hotspots', hotspots, input.hotspots, edits),
        modelSites: registerEdits('modelSites', models, input.modelSites, edits),
      };
      if (edits.length > 0) applyEdits(ws, { periodId: input.periodId, cause: 'load', mode: 'all', edits });
      return summary;
    })
    .immediate();
}
