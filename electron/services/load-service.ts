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
import { recordsChangedByBatch } from '../../db/queries/history';
import { listCommuneRows } from './commune-status-service';
import { applyEdits } from './edit-service';
import { listHotspotRows, listModelSiteRows } from './register-service';
import { backupBeforeImport } from './backup-service';
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

/** What `pcmt dump --json` prints at the top level; anything else is a mistake, refused by name. */
const TOP_KEYS = new Set(['office', 'period', 'units', 'statuses', 'hotspots', 'modelSites']);

/**
 * The path of the first key a dump never has. JSON.parse makes `"__proto__"` an own
 * property, but copying the object (zod, spread) turns it into a prototype and drops it
 * silently, so it is refused here, on the raw JSON, wherever it appears.
 */
function unknownKey(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const top = Object.keys(raw).find((key) => !TOP_KEYS.has(key));
  if (top !== undefined) return top;
  // Iterative, not recursive: a hostile file may nest arrays far deeper than the call stack.
  const pending: { node: object; where: string }[] = Object.entries(raw).flatMap(([key, child]) => (typeof child === 'object' && child !== null ? [{ node: child as object, where: key }] : []));
  for (let item = pending.pop(); item !== undefined; item = pending.pop()) {
    if (Object.hasOwn(item.node, '__proto__')) return `${item.where}.__proto__`;
    for (const [key, child] of Object.entries(item.node)) {
      if (typeof child === 'object' && child !== null) pending.push({ node: child as object, where: `${item.where}.${key}` });
    }
  }
  return null;
}

export type DumpShapeCheck = { ok: true; input: LoadInput } | { ok: false; where: string; isUnknownKey: boolean };

/** Checks parsed JSON against the dump's shape; `where` is the path of the first problem. */
export function checkDumpShape(raw: unknown, periodOverride: string | null): DumpShapeCheck {
  const unknown = unknownKey(raw);
  if (unknown !== null) return { ok: false, where: unknown, isUnknownKey: true };
  const parsed = dumpSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, where: parsed.error.issues[0]?.path.join('.') ?? '', isUnknownKey: false };
  const { period, statuses, hotspots, modelSites } = parsed.data;
  return { ok: true, input: { periodId: periodOverride ?? period ?? null, statuses, hotspots, modelSites } };
}

/** Bookkeeping printed by the dump beside the values; never loaded. */
const STATUS_META = new Set(['code', 'period', 'rowVersion', 'updatedAt']);

function same(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The edits of the status records; answers, per commune of the file, whether it had figures before. */
function statusEdits(ws: Workspace, periodId: string, records: readonly DumpRecord[], edits: Edit[]): Map<string, boolean> {
  const hadFigures = new Map<string, boolean>();
  if (records.length === 0) return hadFigures;
  const current = new Map(listCommuneRows(ws, periodId).map((r) => [r.code, r]));
  for (const record of records) {
    const code = String(record.code);
    const row = current.get(code);
    hadFigures.set(code, row !== undefined && row.rowVersion > 0);
    for (const [field, value] of Object.entries(record)) {
      if (STATUS_META.has(field)) continue;
      if (!row || !same((row.status as Record<string, FieldValue>)[field], value)) edits.push({ sheet: 'communeStatuses', op: 'set', id: code, field, value });
    }
  }
  return hadFigures;
}

type Existing = { values: Record<string, FieldValue>; isRemoved: boolean };

/** Creates first (references to other hotspots set afterwards, once every row exists), then changes. Answers the ids of the file. */
function registerEdits(sheet: 'hotspots' | 'modelSites', existing: Map<string, Existing>, records: readonly DumpRecord[], edits: Edit[]): Set<string> {
  const ids = new Set<string>();
  const later: Edit[] = [];
  for (const { id: rawId, ...values } of records) {
    const id = String(rawId);
    ids.add(id);
    const row = existing.get(id);
    if (!row) {
      const { reappeared_from: ref, ...rest } = values;
      edits.push({ sheet, op: 'create', values: { id, ...rest } });
      if (ref !== undefined && ref !== null) later.push({ sheet, op: 'set', id, field: 'reappeared_from', value: ref });
      continue;
    }
    if (row.isRemoved) edits.push({ sheet, op: 'restore', id });
    for (const [field, value] of Object.entries(values)) {
      // A hotspot's code is its identity for people: never rewritten by a load.
      if (field !== 'local_code' && !same(row.values[field], value)) later.push({ sheet, op: 'set', id, field, value });
    }
  }
  edits.push(...later);
  return ids;
}

/**
 * Counts records, not cells or lines of the file, from what the batch actually changed
 * (its history): a commune listed many times, or a value that differs only in how it is
 * written ("Cần sa; Heroin" in another order), is not a change.
 */
function countOf(ids: Iterable<string>, changed: ReadonlySet<string>, isAdded: (id: string) => boolean): LoadCounts {
  const counts: LoadCounts = { added: 0, changed: 0, unchanged: 0 };
  for (const id of ids) {
    if (!changed.has(id)) counts.unchanged += 1;
    else if (isAdded(id)) counts.added += 1;
    else counts.changed += 1;
  }
  return counts;
}

export function loadDump(ws: Workspace, input: LoadInput): LoadSummary {
  if (input.periodId === null && input.statuses.length > 0) throw new AppError('EDIT_NEEDS_PERIOD');
  backupBeforeImport(ws);
  return ws.db
    .transaction((): LoadSummary => {
      const listPeriod = input.periodId ?? quarterOf(localToday());
      const edits: Edit[] = [];
      const statusCodes = input.periodId === null ? new Map<string, boolean>() : statusEdits(ws, input.periodId, input.statuses, edits);
      const hotspots = new Map(listHotspotRows(ws, listPeriod, true).rows.map((r) => [r.id, r]));
      const models = new Map(listModelSiteRows(ws, listPeriod, true).map((r) => [r.id, r]));
      const hotspotIds = registerEdits('hotspots', hotspots, input.hotspots, edits);
      const modelIds = registerEdits('modelSites', models, input.modelSites, edits);
      const result = edits.length > 0 ? applyEdits(ws, { periodId: input.periodId, cause: 'load', mode: 'all', edits }) : null;
      const changed = new Set((result?.batchId ? recordsChangedByBatch(ws.db, result.batchId) : []).map((r) => `${r.table_name}:${r.record_id}`));
      const created = new Set((result?.created ?? []).map((c) => c.id));
      const inTable = (table: string): Set<string> => new Set([...changed].filter((k) => k.startsWith(`${table}:`)).map((k) => k.slice(table.length + 1)));
      return {
        statuses: countOf(statusCodes.keys(), inTable('commune_statuses'), (code) => statusCodes.get(code) !== true),
        hotspots: countOf(hotspotIds, inTable('hotspots'), (id) => created.has(id)),
        modelSites: countOf(modelIds, inTable('model_sites'), (id) => created.has(id)),
      };
    })
    .immediate();
}
