/**
 * `indicators.list`: a set's programme indicators for the office and a period, with the
 * previous period and the baseline (domain.md §8, §7.9). For each period involved the
 * source gives the communes with their statuses and the hotspots with that period's
 * flags; the model sites and the districts are read once. The counts then go to the
 * pure computeIndicators; names come in the workspace language. The source is the
 * office's own registers here, or the packages received from its offices at the
 * province (province-view.ts): the same gathering runs over either.
 */
import { getUnit, listUnitsUnder, type DbAdminUnit } from '../../db/queries/admin-units';
import type { IndicatorsReport } from '../../shared/api/indicator-types';
import { classifyCommune } from '../../shared/domain/classification';
import { COMMUNE_CLASSES, type CommuneClass, type CommuneStatusValues } from '../../shared/domain/commune-status';
import type { FieldValue } from '../../shared/domain/fields';
import { hotspotPeriodFlags, type HotspotPeriodFlags, type HotspotValues } from '../../shared/domain/hotspot';
import {
  baselinePeriodId,
  computeIndicators,
  countCommuneClasses,
  countKeyCommunesReduced,
  defaultSetForPeriod,
  INDICATOR_SETS,
  setsForProvince,
  type IndicatorInputs,
  type IndicatorSet,
  type IndicatorSetId,
  type PeriodFigures,
} from '../../shared/domain/indicators';
import type { ModelSiteValues } from '../../shared/domain/model-site';
import { parsePeriodId, previousPeriodId, type Period } from '../../shared/domain/period';
import { figuresOf, isStatusEntered } from '../../shared/domain/rules';
import { listCommuneRows } from './commune-status-service';
import { requirePeriod } from './edit-service';
import { requireOffice } from './office-service';
import { classificationReading } from './settings-service';
import { listHotspotRows, listModelSiteRows } from './register-service';
import { language, type Workspace } from './workspace';

type ClassMap = Map<string, CommuneClass | null>;

/** The declared class, else the computed one (null without a population to compute it from). */
export function classOf(status: CommuneStatusValues, reading: 'cumulative' | 'literal'): CommuneClass | null {
  const declared = status.declared_class;
  if (typeof declared === 'string' && (COMMUNE_CLASSES as readonly string[]).includes(declared)) return declared as CommuneClass;
  const p = status.resident_population;
  if (!(typeof p === 'number' && p > 0)) return null;
  return classifyCommune(figuresOf(status), reading).computed_class;
}

/** Sum of a count over the entered rows; null when no row has a value for it. */
function sum(statuses: readonly CommuneStatusValues[], key: keyof CommuneStatusValues): number | null {
  let total: number | null = null;
  for (const s of statuses) {
    const v = s[key];
    if (typeof v === 'number') total = (total ?? 0) + v;
  }
  return total;
}

function isWithin(date: unknown, period: Period): boolean {
  return typeof date === 'string' && date >= period.startDate && date <= period.endDate;
}

type Gathered = { figures: PeriodFigures; classes: ClassMap };

type HotspotDates = Pick<HotspotValues, 'discovered_date' | 'eliminated_date' | 'status'>;

/** What one period contributes: the communes' statuses and the hotspots with their flags for that period (and their dates, for phase-long counts). */
export type PeriodRecords = {
  statuses: readonly { code: string; status: CommuneStatusValues }[];
  hotspots: readonly { category: FieldValue; flags: HotspotPeriodFlags; values: HotspotDates }[];
};

/** Where the figures come from; `models` is the model-site register as it stands now. */
export type IndicatorSource = {
  periodRecords: (period: Period) => PeriodRecords;
  models: readonly Pick<ModelSiteValues, 'is_pilot_model' | 'establishment_date' | 'host_unit_code'>[];
};

/**
 * The office's units as denominators: its communes, and the district each commune
 * counts for (the office itself when it has no districts: a commune office, or a
 * province of the 2025 list).
 */
type OfficeUnits = { communeCount: number; districtOfCommune: ReadonlyMap<string, string>; districtCount: number };

type Shared = { models: IndicatorSource['models']; units: OfficeUnits; set: IndicatorSet; reading: 'cumulative' | 'literal' };

function officeUnits(units: readonly DbAdminUnit[], officeCode: string): OfficeUnits {
  const districts = new Set(units.filter((u) => u.level === 'DISTRICT').map((u) => u.code));
  const districtOfCommune = new Map<string, string>();
  for (const u of units) {
    if (u.level !== 'COMMUNE') continue;
    const parent = u.parent_level === 'DISTRICT' && u.parent_code !== null && districts.has(u.parent_code) ? u.parent_code : officeCode;
    districtOfCommune.set(u.code, districts.size === 0 ? officeCode : parent);
  }
  return { communeCount: districtOfCommune.size, districtOfCommune, districtCount: Math.max(1, districts.size) };
}

/** "Mỗi huyện … xây dựng được 01 mô hình điểm … tại xã, phường, thị trấn": districts with a pilot hosted by one of their communes, established in the period. */
function districtsWithNewPilot(shared: Shared, period: Period): number {
  const districts = new Set<string>();
  for (const m of shared.models) {
    if (m.is_pilot_model !== true || !isWithin(m.establishment_date, period) || typeof m.host_unit_code !== 'string') continue;
    const district = shared.units.districtOfCommune.get(m.host_unit_code);
    if (district !== undefined) districts.add(district);
  }
  return districts.size;
}

const dateOf = (v: FieldValue): string | null => (typeof v === 'string' ? v : null);

/** Hotspots active on the phase's first day or found since, to the period's end, and of them those eliminated in that span. */
function phaseHotspots(records: PeriodRecords, set: IndicatorSet, period: Period): { all: number; eliminated: number } | null {
  if (period.endDate < set.startDate) return null;
  let all = 0;
  let eliminated = 0;
  for (const h of records.hotspots) {
    const f = hotspotPeriodFlags(dateOf(h.values.discovered_date), dateOf(h.values.eliminated_date), set.startDate, period.endDate, h.values.status ?? null);
    if (!f.isActiveAtStart && !f.isNew) continue;
    all += 1;
    if (f.isEliminated) eliminated += 1;
  }
  return { all, eliminated };
}

function gather(records: PeriodRecords, period: Period, shared: Shared, baselineClasses: ClassMap | null): Gathered {
  const rows = records.statuses.filter((r) => isStatusEntered(r.status));
  const statuses = rows.map((r) => r.status);
  const classes: ClassMap = new Map(rows.map((r) => [r.code, classOf(r.status, shared.reading)]));
  const counts = countCommuneClasses(classes.values());
  const key = baselineClasses === null ? null : countKeyCommunesReduced(baselineClasses, classes);
  const hotspots = records.hotspots;
  const hotspotsNew = hotspots.filter((h) => h.flags.isNew);
  const inPhase = phaseHotspots(records, shared.set, period);
  return {
    classes,
    figures: {
      periodId: period.id,
      communesTotal: shared.units.communeCount,
      communesClassified: counts.classified,
      communesDrugFree: counts.drugFree,
      communesWithDrugs: counts.withDrugs,
      keyCommunesAtBaseline: key === null ? null : key.atBaseline,
      keyCommunesReducedVsBaseline: key === null ? null : key.reduced,
      hotspotsActiveAtStart: hotspots.filter((h) => h.flags.isActiveAtStart).length,
      hotspotsActiveAtStartEliminated: hotspots.filter((h) => h.flags.isActiveAtStart && h.flags.isEliminated).length,
      hotspotsEliminated: hotspots.filter((h) => h.flags.isEliminated).length,
      hotspotsNew: hotspotsNew.length,
      tuDiemNew: hotspotsNew.filter((h) => h.category === 'TU_DIEM' || h.category === 'DIEM').length,
      hotspotsInPhase: inPhase === null ? null : inPhase.all,
      hotspotsInPhaseEliminated: inPhase === null ? null : inPhase.eliminated,
      addictsWithRecords: sum(statuses, 'addicts_with_records'),
      usersWithRecords: sum(statuses, 'users_with_records'),
      removedFromManagement: sum(statuses, 'removed_from_management'),
      accessedServices: sum(statuses, 'accessed_services'),
      postRehabManaged: sum(statuses, 'post_rehab_managed'),
      postRehabCompleted: sum(statuses, 'post_rehab_completed_rehab'),
      drugCases: sum(statuses, 'drug_cases'),
      districtsWithNewPilot: districtsWithNewPilot(shared, period),
      districts: shared.units.districtCount,
    },
  };
}

function periodOf(id: string): Period {
  const p = parsePeriodId(id);
  if (p === null) throw new Error(`bad period id ${id}`);
  return p;
}

/** The office's own registers: communes with a saved status, hotspots not removed, model sites not removed. */
function registerSource(ws: Workspace, periodId: string): IndicatorSource {
  return {
    periodRecords: (period) => ({
      statuses: listCommuneRows(ws, period.id).filter((r) => r.rowVersion > 0),
      hotspots: listHotspotRows(ws, period.id, false).rows.map((h) => ({ category: h.values.category, flags: h.flags, values: h.values })),
    }),
    models: listModelSiteRows(ws, periodId, false).map((m) => m.values),
  };
}

export function listIndicators(ws: Workspace, periodId: string, setIdInput: IndicatorSetId | null): IndicatorsReport {
  return indicatorsReport(ws, requirePeriod(periodId), setIdInput, registerSource(ws, periodId));
}

/** The province code of the office (itself when it is a province), for the provincial sets it may choose. */
function provinceOf(ws: Workspace, office: { scheme: string; level: string; code: string }): string | null {
  let unit = getUnit(ws.db, office.scheme, office.level, office.code);
  while (unit !== undefined && unit.level !== 'PROVINCE') {
    unit = unit.parent_level === null || unit.parent_code === null ? undefined : getUnit(ws.db, office.scheme, unit.parent_level, unit.parent_code);
  }
  return unit === undefined ? null : unit.code;
}

/** The report over any source; the commune and district counts (denominators) come from this office's unit list. */
export function indicatorsReport(ws: Workspace, period: Period, setIdInput: IndicatorSetId | null, source: IndicatorSource): IndicatorsReport {
  const office = requireOffice(ws);
  const defaultSet = defaultSetForPeriod(period);
  const setId = setIdInput ?? defaultSet;
  const shared: Shared = {
    models: source.models,
    units: officeUnits(listUnitsUnder(ws.db, office.scheme, office.level, office.code), office.code),
    set: INDICATOR_SETS[setId],
    reading: classificationReading(ws),
  };
  const at = (p: Period, baseClasses: ClassMap | null): Gathered => gather(source.periodRecords(p), p, shared, baseClasses);
  const baseId = baselinePeriodId(period, setId);
  const baselinePeriod = baseId === null ? null : periodOf(baseId);
  const baseline = baselinePeriod === null ? null : at(baselinePeriod, null);
  const baseClasses = baseline === null ? null : baseline.classes;
  const previousPeriod = periodOf(previousPeriodId(period));
  const inputs: IndicatorInputs = {
    current: at(period, baseClasses).figures,
    previous: at(previousPeriod, baseClasses).figures,
    beforePrevious: at(periodOf(previousPeriodId(previousPeriod)), baseClasses).figures,
    baseline: baseline === null ? null : baseline.figures,
    beforeBaseline: baselinePeriod === null ? null : at(periodOf(previousPeriodId(baselinePeriod)), null).figures,
  };
  const lang = language(ws);
  return {
    sets: setsForProvince(provinceOf(ws, office)).map((id) => ({
      id,
      name: INDICATOR_SETS[id].names[lang],
      scope: INDICATOR_SETS[id].scope.kind === 'NATIONAL' ? ('NATIONAL' as const) : ('PROVINCIAL' as const),
      isDefaultForPeriod: id === defaultSet,
    })),
    setId,
    periodId: period.id,
    indicators: computeIndicators(setId, inputs, lang),
  };
}
