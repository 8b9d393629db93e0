/**
 * The conflict preview of exchange-format.md §6.3: the incoming snapshot against the
 * slot's current package, keyed by record id, with a per-field diff, the changed totals
 * and cross-office anomalies. Read-only.
 */
import { recordsOf, slotsOfPeriod, getSlot } from '../../../db/queries/consolidation';
import type { DatasetDiff, DatasetName, PackageDiff, RecordChange } from '../../../shared/api/exchange-types';
import { foldVietnamese } from '../../../shared/domain/text';
import type { Workspace } from '../workspace';
import type { Json } from './canonical-json';
import { DATASET_SHAPES, type DatasetRecord } from './datasets';

function keyed(dataset: DatasetName, records: readonly DatasetRecord[]): Map<string, DatasetRecord> {
  const idKey = DATASET_SHAPES[dataset].idKey;
  return new Map(records.map((r) => [String(r[idKey]), r]));
}

export function storedRecords(ws: Workspace, packageId: string, dataset: DatasetName): DatasetRecord[] {
  return recordsOf(ws.db, packageId, dataset).map((r) => JSON.parse(r.record_json) as DatasetRecord);
}

function same(a: Json | undefined, b: Json | undefined): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function diffDataset(dataset: DatasetName, before: readonly DatasetRecord[], after: readonly DatasetRecord[]): DatasetDiff {
  const old = keyed(dataset, before);
  const now = keyed(dataset, after);
  const fields = DATASET_SHAPES[dataset].fields.map((f) => f.key);
  const changes: RecordChange[] = [];
  for (const [id, record] of now) {
    const previous = old.get(id);
    if (previous === undefined) {
      changes.push({ id, kind: 'added', fields: fields.filter((f) => record[f] !== null).map((f) => ({ field: f, before: null, after: record[f] })) });
      continue;
    }
    const changed = fields.filter((f) => !same(previous[f], record[f])).map((f) => ({ field: f, before: previous[f] ?? null, after: record[f] ?? null }));
    if (changed.length > 0) changes.push({ id, kind: 'changed', fields: changed });
  }
  for (const id of old.keys()) if (!now.has(id)) changes.push({ id, kind: 'removed', fields: [] });
  return { dataset, countBefore: before.length, countAfter: after.length, changes };
}

function totals(before: readonly DatasetRecord[], after: readonly DatasetRecord[]): PackageDiff['totals'] {
  const ints = DATASET_SHAPES.commune_status.fields.filter((f) => f.kind.type === 'int').map((f) => f.key);
  const sum = (records: readonly DatasetRecord[], field: string): number =>
    records.reduce((acc, r) => acc + (typeof r[field] === 'number' ? (r[field] as number) : 0), 0);
  return ints.map((field) => ({ field, before: sum(before, field), after: sum(after, field) })).filter((t) => t.before !== t.after);
}

function duplicateAddresses(ws: Workspace, issuer: string, period: string, hotspots: readonly DatasetRecord[]): PackageDiff['duplicateAddresses'] {
  const mine = new Map<string, DatasetRecord>();
  for (const h of hotspots) if (typeof h.address === 'string' && h.address.trim() !== '') mine.set(foldVietnamese(h.address).replace(/\s+/gu, ' ').trim(), h);
  const found: PackageDiff['duplicateAddresses'] = [];
  for (const slot of slotsOfPeriod(ws.db, period)) {
    if (slot.issuer === issuer) continue;
    for (const other of storedRecords(ws, slot.package_id, 'hotspots')) {
      if (typeof other.address !== 'string') continue;
      const hit = mine.get(foldVietnamese(other.address).replace(/\s+/gu, ' ').trim());
      if (hit !== undefined) found.push({ hotspotId: String(hit.id), address: String(hit.address), otherOffice: slot.issuer });
    }
  }
  return found;
}

function sharedCommunes(ws: Workspace, issuer: string, period: string, communes: readonly DatasetRecord[]): PackageDiff['sharedCommunes'] {
  const mine = new Set(communes.map((c) => String(c.commune)));
  const found: PackageDiff['sharedCommunes'] = [];
  for (const slot of slotsOfPeriod(ws.db, period)) {
    if (slot.issuer === issuer) continue;
    for (const row of recordsOf(ws.db, slot.package_id, 'commune_status')) {
      if (mine.has(row.record_id)) found.push({ commune: row.record_id, otherOffice: slot.issuer });
    }
  }
  return found;
}

export function packageDiff(
  ws: Workspace,
  issuer: string,
  period: string,
  incoming: Partial<Record<DatasetName, DatasetRecord[]>>,
): PackageDiff {
  const slot = getSlot(ws.db, issuer, period);
  const datasets = (Object.keys(incoming) as DatasetName[]).map((dataset) =>
    diffDataset(dataset, slot === undefined ? [] : storedRecords(ws, slot.package_id, dataset), incoming[dataset] ?? []),
  );
  const communesBefore = slot === undefined ? [] : storedRecords(ws, slot.package_id, 'commune_status');
  return {
    previous: slot === undefined ? null : { packageId: slot.package_id, sequence: slot.sequence },
    datasets,
    totals: incoming.commune_status === undefined ? [] : totals(communesBefore, incoming.commune_status),
    duplicateAddresses: duplicateAddresses(ws, issuer, period, incoming.hotspots ?? []),
    sharedCommunes: sharedCommunes(ws, issuer, period, incoming.commune_status ?? []),
  };
}
