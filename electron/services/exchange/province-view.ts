/**
 * The province view (issue 6 §4, exchange-format.md §6.1): what the offices below sent
 * for a period, read-only and always with the office and package each row came from;
 * who has not reported; and the programme indicators over everything received. Only
 * the slots' current packages count — a superseded or quarantined package is history.
 */
import { listUnitsUnder } from '../../../db/queries/admin-units';
import { latestSlotOf, slotRecordsOfPeriod, slotsOfPeriod, type DbSlotRecord } from '../../../db/queries/consolidation';
import { getExchangeIdentity } from '../../../db/queries/exchange';
import type { ConsolidatedRow, ConsolidatedSource, ConsolidatedView, DatasetName, NotReportedOffice } from '../../../shared/api/exchange-types';
import type { IndicatorsReport } from '../../../shared/api/indicator-types';
import { emptyStatus, type CommuneStatusValues } from '../../../shared/domain/commune-status';
import type { FieldValue } from '../../../shared/domain/fields';
import { hotspotPeriodFlags, type HotspotValues } from '../../../shared/domain/hotspot';
import type { IndicatorSetId } from '../../../shared/domain/indicators';
import type { ModelSiteValues } from '../../../shared/domain/model-site';
import type { Period } from '../../../shared/domain/period';
import { requirePeriod } from '../edit-service';
import { indicatorsReport, type IndicatorSource, type PeriodRecords } from '../indicator-service';
import { requireOffice } from '../office-service';
import type { Workspace } from '../workspace';
import { decodeRecord, type DatasetRecord } from './datasets';
import { officeIdentity } from './office-identity';
import { installedTrustList } from './trust-service';

type Decoded = ConsolidatedRow<Record<string, FieldValue>>;

/** Names of the offices in the installed trust list; an office no longer listed shows its code. */
function officeNames(ws: Workspace): Map<string, string> {
  return new Map((installedTrustList(ws)?.offices ?? []).map((o) => [o.officeCode, o.officeName]));
}

/** Names of this office's units (communes, districts) from its unit list, by code. */
function unitNames(ws: Workspace): Map<string, string> {
  const office = requireOffice(ws);
  return new Map(listUnitsUnder(ws.db, office.scheme, office.level, office.code).map((u) => [u.code, u.name]));
}

function decodedRows(ws: Workspace, periodId: string, dataset: DatasetName, names: Map<string, string>, units: Map<string, string>, unitKey: string | null): Decoded[] {
  return slotRecordsOfPeriod(ws.db, periodId, dataset).map((row: DbSlotRecord) => {
    const record = decodeRecord(dataset, JSON.parse(row.record_json) as DatasetRecord);
    const unitCode = unitKey === null ? row.record_id : record[unitKey];
    const source: ConsolidatedSource = { issuer: row.issuer, issuerName: names.get(row.issuer) ?? row.issuer, packageId: row.package_id, sequence: row.sequence };
    return { ...source, id: row.record_id, unitName: typeof unitCode === 'string' ? (units.get(unitCode) ?? null) : null, record };
  });
}

// The casts below are sound: decodeRecord fills exactly the fields of the dataset's shape,
// which are the register's field list (datasets.ts DATASET_SHAPES).
function asStatus(record: Record<string, FieldValue>): CommuneStatusValues {
  return { ...emptyStatus(), ...record } as CommuneStatusValues;
}

export function consolidatedList(ws: Workspace, periodId: string): ConsolidatedView {
  const period = requirePeriod(periodId);
  const names = officeNames(ws);
  const units = unitNames(ws);
  return {
    periodId: period.id,
    communes: decodedRows(ws, period.id, 'commune_status', names, units, null).map((r) => ({ ...r, record: asStatus(r.record) })),
    hotspots: decodedRows(ws, period.id, 'hotspots', names, units, 'commune_code').map((r) => {
      const record = r.record as HotspotValues;
      return { ...r, record, flags: flagsIn(record, period) };
    }),
    modelSites: decodedRows(ws, period.id, 'model_sites', names, units, 'host_unit_code').map((r) => ({ ...r, record: r.record as ModelSiteValues })),
  };
}

function flagsIn(record: Pick<HotspotValues, 'discovered_date' | 'eliminated_date' | 'status'>, period: Period): ReturnType<typeof hotspotPeriodFlags> {
  const date = (v: FieldValue): string | null => (typeof v === 'string' ? v : null);
  return hotspotPeriodFlags(date(record.discovered_date), date(record.eliminated_date), period.startDate, period.endDate, record.status ?? null);
}

function ownOfficeCode(ws: Workspace): string {
  return getExchangeIdentity(ws.db)?.office_code ?? officeIdentity(ws).officeCode;
}

/** Offices directly under this one in the installed trust list (dissolved ones excepted) with no package for the period. */
export function notReported(ws: Workspace, periodId: string): NotReportedOffice[] {
  const period = requirePeriod(periodId);
  const own = ownOfficeCode(ws);
  const reported = new Set(slotsOfPeriod(ws.db, period.id).map((s) => s.issuer));
  return (installedTrustList(ws)?.offices ?? [])
    .filter((o) => o.parent === own && o.status === 'active' && !reported.has(o.officeCode))
    .sort((a, b) => (a.officeCode < b.officeCode ? -1 : a.officeCode > b.officeCode ? 1 : 0))
    .map((o) => {
      const last = latestSlotOf(ws.db, o.officeCode);
      return {
        officeCode: o.officeCode,
        officeName: o.officeName,
        level: o.level,
        lastReported: last === undefined ? null : { periodId: last.period_id, sequence: last.sequence, acceptedAt: last.accepted_at },
      };
    });
}

/**
 * The received records as indicator inputs. Communes count only when they are in the
 * province's own unit list (the denominators are the province's communes); a commune
 * claimed by two offices after a boundary change (§6.3) counts once, from the package
 * accepted last.
 */
function receivedSource(ws: Workspace, current: Period): IndicatorSource {
  const office = requireOffice(ws);
  const communes = new Set(listUnitsUnder(ws.db, office.scheme, office.level, office.code).filter((u) => u.level === 'COMMUNE').map((u) => u.code));
  const decoded = (periodId: string, dataset: DatasetName): (DbSlotRecord & { record: Record<string, FieldValue> })[] =>
    slotRecordsOfPeriod(ws.db, periodId, dataset).map((row) => ({ ...row, record: decodeRecord(dataset, JSON.parse(row.record_json) as DatasetRecord) }));
  const periodRecords = (period: Period): PeriodRecords => {
    const byCommune = new Map<string, { acceptedAt: string; status: CommuneStatusValues }>();
    for (const row of decoded(period.id, 'commune_status')) {
      if (!communes.has(row.record_id)) continue;
      const seen = byCommune.get(row.record_id);
      if (seen === undefined || seen.acceptedAt < row.accepted_at) byCommune.set(row.record_id, { acceptedAt: row.accepted_at, status: asStatus(row.record) });
    }
    return {
      statuses: [...byCommune].map(([code, v]) => ({ code, status: v.status })),
      hotspots: decoded(period.id, 'hotspots').map((row) => ({ category: row.record.category ?? null, flags: flagsIn(row.record as HotspotValues, period), values: row.record as HotspotValues })),
    };
  };
  // The model-site register as the offices last sent it for this period, like the office's own register "now".
  const models = decoded(current.id, 'model_sites').map((row) => row.record as ModelSiteValues);
  return { periodRecords, models };
}

/** indicators.list's report, computed over the consolidated data of every reporting office. */
export function consolidatedIndicators(ws: Workspace, periodId: string, setId: IndicatorSetId | null): IndicatorsReport {
  const period = requirePeriod(periodId);
  return indicatorsReport(ws, period, setId, receivedSource(ws, period));
}
