/**
 * The rules of the period last asked for, kept between calls (issue 12 item 8, issue 18
 * item 3: "the Problems check that follows every save rebuilds 30,000 hotspots").
 * edits.apply tells it which records a batch wrote (noteBatch); the next problems.list
 * reads only those records again and IncrementalRules checks only their communes.
 *
 * Any other write is seen by the counters of the connection: rows this connection wrote
 * that no batch accounted for (a unit list, a setting, a received package, a restore),
 * or a commit by another connection (a `pcmt load` on the same file), and the date
 * (today's date is in the rules). Then the period is built again from scratch. So the
 * cache can be stale only if a batch lies about what it wrote.
 */
import { getCommunesWithStatus } from '../../db/queries/commune-statuses';
import { hotspotRowsJson } from '../../db/queries/hotspots';
import { getModelSitesByIds } from '../../db/queries/model-sites';
import { listUnitsUnder } from '../../db/queries/admin-units';
import { presentRowids, rowidsOf, writeCounters } from '../../db/queries/register-order';
import type { HotspotRow } from '../../shared/api/register-types';
import { IncrementalRules, type RegisterChange, type RuleContext, type RuleHotspot, type RuleModelSite, type RulesResult } from '../../shared/domain/rules';
import type { EditBatch } from './edit-batch';
import { requirePeriod } from './edit-service';
import { requireOffice } from './office-service';
import { toModelSiteRow } from './registers';
import { toRuleCommune, toRuleHotspot, toRuleModelSite, unitNames, type UnitNames } from './rule-records';
import { localToday, type Workspace } from './workspace';

type Cached = {
  periodId: string;
  today: string;
  scheme: string;
  units: UnitNames;
  rules: IncrementalRules;
  /** The connection's counters once everything written so far is accounted for. */
  ownChanges: number;
  dataVersion: number;
  communes: Set<string>;
  hotspots: Set<string>;
  modelSites: Set<string>;
};

const caches = new WeakMap<Workspace, Cached>();

/** Rows written by this connection so far: taken by edits.apply before its transaction. */
export function ownChanges(ws: Workspace): number {
  return writeCounters(ws.db).ownChanges;
}

/**
 * After a stored batch: the records it wrote are read again on the next check. A batch
 * that wrote another period's statuses (the previous period's classes and figures are in
 * this period's rules) or followed a write nobody accounted for drops the cache.
 */
export function noteBatch(ws: Workspace, batch: EditBatch, changesBefore: number): void {
  const cached = caches.get(ws);
  if (!cached) return;
  const statuses = [...batch.statuses].filter(([, s]) => s.isChanged).map(([code]) => code);
  const isOtherPeriod = statuses.length > 0 && batch.setup.period?.id !== cached.periodId;
  if (isOtherPeriod || changesBefore !== cached.ownChanges) {
    caches.delete(ws);
    return;
  }
  for (const code of statuses) cached.communes.add(code);
  for (const state of batch.records.values()) {
    if (!state.isChanged) continue;
    const id = String(state.row.id);
    if (state.spec.sheet === 'hotspots') cached.hotspots.add(id);
    else cached.modelSites.add(id);
  }
  cached.ownChanges = ownChanges(ws);
}

/** Reads a whole period's context (problems-service's buildRuleContext). */
export type BuildContext = (ws: Workspace, periodId: string) => RuleContext;

function build(ws: Workspace, periodId: string, buildRuleContext: BuildContext): Cached {
  const office = requireOffice(ws);
  const counters = writeCounters(ws.db);
  const context = buildRuleContext(ws, periodId);
  const orders = { hotspots: presentRowids(ws.db, 'hotspots', office.scheme), modelSites: presentRowids(ws.db, 'model_sites', office.scheme) };
  return {
    periodId,
    today: context.today,
    scheme: office.scheme,
    units: unitNames(listUnitsUnder(ws.db, office.scheme, office.level, office.code)),
    rules: new IncrementalRules(context, orders),
    ownChanges: counters.ownChanges,
    dataVersion: counters.dataVersion,
    communes: new Set(),
    hotspots: new Set(),
    modelSites: new Set(),
  };
}

function changesOf<T>(ids: Set<string>, orders: Map<string, number>, items: Map<string, T>): RegisterChange<T>[] {
  return [...ids].map((id) => ({ id, item: items.get(id) ?? null, order: orders.get(id) ?? 0 }));
}

/** Reads the records noted since the last check and hands them to the rules. */
function catchUp(ws: Workspace, cached: Cached): void {
  const { db } = ws;
  const period = requirePeriod(cached.periodId);
  const communes = [...cached.communes];
  const hotspotIds = [...cached.hotspots];
  const modelIds = [...cached.modelSites];
  const hotspots = new Map<string, RuleHotspot>();
  if (hotspotIds.length > 0) {
    const rows = JSON.parse(hotspotRowsJson(db, { scheme: cached.scheme, start: period.startDate, end: period.endDate, ids: hotspotIds })) as HotspotRow[];
    for (const row of rows) if (!row.isRemoved) hotspots.set(row.id, toRuleHotspot(row));
  }
  const models = new Map<string, RuleModelSite>();
  if (modelIds.length > 0) {
    for (const row of getModelSitesByIds(db, modelIds).map(toModelSiteRow)) if (!row.isRemoved) models.set(row.id, toRuleModelSite(row));
  }
  cached.rules.update({
    communes: communes.length > 0 ? getCommunesWithStatus(db, cached.scheme, communes, period).map((row) => toRuleCommune(row, cached.units)) : [],
    hotspots: hotspotIds.length > 0 ? changesOf(cached.hotspots, rowidsOf(db, 'hotspots', hotspotIds), hotspots) : [],
    modelSites: modelIds.length > 0 ? changesOf(cached.modelSites, rowidsOf(db, 'model_sites', modelIds), models) : [],
  });
  cached.communes.clear();
  cached.hotspots.clear();
  cached.modelSites.clear();
}

/** The rules' result for the period, as a full run would give it on what is stored now. */
export function periodRules(ws: Workspace, periodId: string, buildRuleContext: BuildContext): RulesResult {
  requirePeriod(periodId);
  const cached = caches.get(ws);
  const counters = writeCounters(ws.db);
  const isCurrent =
    cached !== undefined &&
    cached.periodId === periodId &&
    cached.today === localToday() &&
    cached.ownChanges === counters.ownChanges &&
    cached.dataVersion === counters.dataVersion &&
    cached.scheme === requireOffice(ws).scheme;
  if (!isCurrent) {
    const fresh = build(ws, periodId, buildRuleContext);
    caches.set(ws, fresh);
    return fresh.rules.result();
  }
  catchUp(ws, cached);
  return cached.rules.result();
}
