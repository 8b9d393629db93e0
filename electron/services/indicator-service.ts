/**
 * `indicators.list`: a set's programme indicators for the office and a period, with the
 * previous period and the baseline (domain.md §8, §7.9). For each period involved the
 * service reads the communes with their statuses (one query) and the hotspot register
 * with that period's flags (one query); the model sites and the districts are read once.
 * The counts then go to the pure computeIndicators; names come in the workspace language.
 */
import { listUnitsUnder } from '../../db/queries/admin-units';
import type { IndicatorsReport } from '../../shared/api/indicator-types';
import { classifyCommune } from '../../shared/domain/classification';
import { COMMUNE_CLASSES, type CommuneClass, type CommuneStatusValues } from '../../shared/domain/commune-status';
import {
  baselinePeriodId,
  computeIndicators,
  countCommuneClasses,
  countKeyCommunesReduced,
  defaultSetForPeriod,
  INDICATOR_SET_IDS,
  INDICATOR_SETS,
  type IndicatorInputs,
  type IndicatorSetId,
  type PeriodFigures,
} from '../../shared/domain/indicators';
import { parsePeriodId, previousPeriodId, type Period } from '../../shared/domain/period';
import { figuresOf, isStatusEntered } from '../../shared/domain/rules';
import type { ModelSiteRow } from '../../shared/api/register-types';
import { listCommuneRows } from './commune-status-service';
import { requirePeriod } from './edit-service';
import { requireOffice } from './office-service';
import { classificationReading } from './settings-service';
import { listHotspotRows, listModelSiteRows } from './register-service';
import { language, type Workspace } from './workspace';

type ClassMap = Map<string, CommuneClass | null>;

/** The declared class, else the computed one (null without a population to compute it from). */
function classOf(status: CommuneStatusValues, reading: 'cumulative' | 'literal'): CommuneClass | null {
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

type Shared = { models: readonly ModelSiteRow[]; districts: number; reading: 'cumulative' | 'literal' };

function gather(ws: Workspace, period: Period, shared: Shared, baselineClasses: ClassMap | null): Gathered {
  const rows = listCommuneRows(ws, period.id).filter((r) => r.rowVersion > 0 && isStatusEntered(r.status));
  const statuses = rows.map((r) => r.status);
  const classes: ClassMap = new Map(rows.map((r) => [r.code, classOf(r.status, shared.reading)]));
  const counts = countCommuneClasses(classes.values());
  const key = baselineClasses === null ? null : countKeyCommunesReduced(baselineClasses, classes);
  const hotspots = listHotspotRows(ws, period.id, false).rows;
  const hotspotsNew = hotspots.filter((h) => h.flags.isNew);
  return {
    classes,
    figures: {
      periodId: period.id,
      communesClassified: counts.classified,
      communesDrugFree: counts.drugFree,
      communesWithDrugs: counts.withDrugs,
      keyCommunesAtBaseline: key === null ? null : key.atBaseline,
      keyCommunesReducedVsBaseline: key === null ? null : key.reduced,
      hotspotsActiveAtStart: hotspots.filter((h) => h.flags.isActiveAtStart).length,
      hotspotsActiveAtStartEliminated: hotspots.filter((h) => h.flags.isActiveAtStart && h.flags.isEliminated).length,
      hotspotsEliminated: hotspots.filter((h) => h.flags.isEliminated).length,
      hotspotsNew: hotspotsNew.length,
      tuDiemNew: hotspotsNew.filter((h) => h.values.category === 'TU_DIEM' || h.values.category === 'DIEM').length,
      addictsWithRecords: sum(statuses, 'addicts_with_records'),
      usersWithRecords: sum(statuses, 'users_with_records'),
      removedFromManagement: sum(statuses, 'removed_from_management'),
      accessedServices: sum(statuses, 'accessed_services'),
      postRehabManaged: sum(statuses, 'post_rehab_managed'),
      postRehabCompleted: sum(statuses, 'post_rehab_completed_rehab'),
      drugCases: sum(statuses, 'drug_cases'),
      // Pilot models (mô hình điểm) counted by their establishment date (T8).
      newPilotModels: shared.models.filter((m) => m.values.is_pilot_model === true && isWithin(m.values.establishment_date, period)).length,
      districts: shared.districts,
    },
  };
}

function periodOf(id: string): Period {
  const p = parsePeriodId(id);
  if (p === null) throw new Error(`bad period id ${id}`);
  return p;
}

export function listIndicators(ws: Workspace, periodId: string, setIdInput: IndicatorSetId | null): IndicatorsReport {
  const period = requirePeriod(periodId);
  const office = requireOffice(ws);
  const defaultSet = defaultSetForPeriod(period);
  const setId = setIdInput ?? defaultSet;
  const districtCount = office.scheme === 'GSO_2004' ? listUnitsUnder(ws.db, office.scheme, office.level, office.code).filter((u) => u.level === 'DISTRICT').length : 0;
  const shared: Shared = {
    models: listModelSiteRows(ws, period.id, false),
    districts: Math.max(1, districtCount),
    reading: classificationReading(ws),
  };
  const baseId = baselinePeriodId(period, setId);
  const baselinePeriod = baseId === null ? null : periodOf(baseId);
  const baseline = baselinePeriod === null ? null : gather(ws, baselinePeriod, shared, null);
  const baseClasses = baseline === null ? null : baseline.classes;
  const previousPeriod = periodOf(previousPeriodId(period));
  const inputs: IndicatorInputs = {
    current: gather(ws, period, shared, baseClasses).figures,
    previous: gather(ws, previousPeriod, shared, baseClasses).figures,
    beforePrevious: gather(ws, periodOf(previousPeriodId(previousPeriod)), shared, baseClasses).figures,
    baseline: baseline === null ? null : baseline.figures,
    beforeBaseline: baselinePeriod === null ? null : gather(ws, periodOf(previousPeriodId(baselinePeriod)), shared, null).figures,
  };
  const lang = language(ws);
  return {
    sets: INDICATOR_SET_IDS.map((id) => ({ id, name: INDICATOR_SETS[id].names[lang], isDefaultForPeriod: id === defaultSet })),
    setId,
    periodId: period.id,
    indicators: computeIndicators(setId, inputs, lang),
  };
}
