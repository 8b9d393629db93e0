/**
 * Computing a set's indicators from plain counts (no database): one figure per period
 * — this one, the previous one and the baseline — each with its numerator, its explicit
 * denominator and its value, and whether this period's value meets the target.
 */
import type { CommuneClass } from '../commune-status';
import type { Language } from '../../i18n/format';
import { periodId, type Period } from '../period';
import { INDICATOR_SETS, type IndicatorDef, type IndicatorSet, type IndicatorSetId, type MetricKey } from './sets';

/** What the service gathers for one period; a null statistic means nobody entered it. */
export type PeriodFigures = {
  periodId: string;
  /** Communes with a class (declared, else computed); communes without one are left out. */
  communesClassified: number;
  communesDrugFree: number;
  communesWithDrugs: number;
  /** Key communes (trọng điểm) of the baseline period, and how many of them now have a lower class; null for the baseline itself. */
  keyCommunesAtBaseline: number | null;
  keyCommunesReducedVsBaseline: number | null;
  hotspotsActiveAtStart: number;
  hotspotsActiveAtStartEliminated: number;
  hotspotsEliminated: number;
  hotspotsNew: number;
  /** New hotspots of category TU_DIEM or DIEM. */
  tuDiemNew: number;
  addictsWithRecords: number | null;
  usersWithRecords: number | null;
  removedFromManagement: number | null;
  accessedServices: number | null;
  postRehabManaged: number | null;
  postRehabCompleted: number | null;
  drugCases: number | null;
  newPilotModels: number;
  /** Districts under the office (GSO_2004), or 1 for an office counted as one unit. */
  districts: number;
};

/** Each period with the one before it (needed by the "vs previous period" indicators). */
export type IndicatorInputs = {
  current: PeriodFigures;
  previous: PeriodFigures;
  beforePrevious: PeriodFigures | null;
  baseline: PeriodFigures | null;
  beforeBaseline: PeriodFigures | null;
};

export type IndicatorFigureRow = { numerator: number | null; denominator: number | null; value: number | null };

export type IndicatorRow = {
  code: string;
  name: string;
  unit: IndicatorDef['unit'];
  numeratorLabel: string;
  denominatorLabel: string | null;
  targetText: string;
  targetMin: number | null;
  targetMax: number | null;
  current: IndicatorFigureRow;
  previous: IndicatorFigureRow & { periodId: string };
  baseline: (IndicatorFigureRow & { periodId: string }) | null;
  isMet: boolean | null;
  source: string;
};

const KEY_CLASSES: ReadonlySet<CommuneClass> = new Set(['TRONG_DIEM_I', 'TRONG_DIEM_II', 'TRONG_DIEM_III']);
const CLASS_RANK: Partial<Record<CommuneClass, number>> = { KHONG_MA_TUY: 0, CO_MA_TUY: 1, TRONG_DIEM_III: 2, TRONG_DIEM_II: 3, TRONG_DIEM_I: 4 };

/** Drug-free, with drugs (có ma túy or trọng điểm) and classified counts; CHUA_XAC_DINH and null are left out. */
export function countCommuneClasses(classes: Iterable<CommuneClass | null>): { classified: number; drugFree: number; withDrugs: number } {
  const out = { classified: 0, drugFree: 0, withDrugs: 0 };
  for (const c of classes) {
    if (c === null || CLASS_RANK[c] === undefined) continue;
    out.classified += 1;
    if (c === 'KHONG_MA_TUY') out.drugFree += 1;
    else out.withDrugs += 1;
  }
  return out;
}

/** Key communes of the baseline and how many of them have a lower class now (a commune without a class now is not counted as reduced). */
export function countKeyCommunesReduced(baseline: ReadonlyMap<string, CommuneClass | null>, now: ReadonlyMap<string, CommuneClass | null>): { atBaseline: number; reduced: number } {
  let atBaseline = 0;
  let reduced = 0;
  for (const [code, before] of baseline) {
    if (before === null || !KEY_CLASSES.has(before)) continue;
    atBaseline += 1;
    const after = now.get(code) ?? null;
    const rankAfter = after === null ? undefined : CLASS_RANK[after];
    const rankBefore = CLASS_RANK[before];
    if (rankAfter !== undefined && rankBefore !== undefined && rankAfter < rankBefore) reduced += 1;
  }
  return { atBaseline, reduced };
}

function metric(p: PeriodFigures, key: MetricKey): number | null {
  if (key === 'addictsAndUsers') {
    if (p.addictsWithRecords === null && p.usersWithRecords === null) return null;
    return (p.addictsWithRecords ?? 0) + (p.usersWithRecords ?? 0);
  }
  // "Communes with drugs" means nothing in a period where no commune has a class.
  if ((key === 'communesWithDrugs' || key === 'communesDrugFree') && p.communesClassified === 0) return null;
  return p[key];
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

type RawFigure = { numerator: number | null; denominator: number | null; raw: number | null };

function rawFigure(def: IndicatorDef, p: PeriodFigures, before: PeriodFigures | null): RawFigure {
  const f = def.formula;
  if (f.kind === 'COUNT') {
    const n = metric(p, f.metric);
    return { numerator: n, denominator: null, raw: n };
  }
  if (f.kind === 'CHANGE') {
    const n = metric(p, f.metric);
    const d = before === null ? null : metric(before, f.metric);
    return { numerator: n, denominator: d, raw: n === null || d === null || d === 0 ? null : ((n - d) / d) * 100 };
  }
  const n = metric(p, f.numerator);
  const d = metric(p, f.denominator);
  const ratio = n === null || d === null || d === 0 ? null : n / d;
  return { numerator: n, denominator: d, raw: ratio === null ? null : f.kind === 'RATIO' ? ratio * 100 : ratio };
}

function figure(def: IndicatorDef, p: PeriodFigures, before: PeriodFigures | null): IndicatorFigureRow {
  const { numerator, denominator, raw } = rawFigure(def, p, before);
  return { numerator, denominator, value: raw === null ? null : round(raw) };
}

/** Whether a value meets the indicator's target; null when the value or the target is missing. */
export function isTargetMet(def: Pick<IndicatorDef, 'comparison' | 'targetMin' | 'targetMax'>, value: number | null): boolean | null {
  if (value === null) return null;
  const { targetMin: min, targetMax: max } = def;
  switch (def.comparison) {
    case 'GE':
      return min === null ? null : value >= min;
    case 'GT':
      return min === null ? null : value > min;
    case 'LE':
      return max === null ? null : value <= max;
    case 'LT':
      return max === null ? null : value < max;
    case 'EQ':
      return min === null ? null : value === min;
    case 'BETWEEN':
      return min === null || max === null ? null : value >= min && value <= max;
  }
}

/** Every indicator of the set for the current period, with the previous period and the baseline. */
export function computeIndicators(set: IndicatorSetId | IndicatorSet, inputs: IndicatorInputs, language: Language): IndicatorRow[] {
  const s = typeof set === 'string' ? INDICATOR_SETS[set] : set;
  return s.indicators.map((def) => {
    const current = rawFigure(def, inputs.current, inputs.previous);
    const baseline = inputs.baseline;
    return {
      code: def.code,
      name: def.names[language],
      unit: def.unit,
      numeratorLabel: def.numeratorLabel[language],
      denominatorLabel: def.denominatorLabel === null ? null : def.denominatorLabel[language],
      targetText: def.targetText[language],
      targetMin: def.targetMin,
      targetMax: def.targetMax,
      current: { numerator: current.numerator, denominator: current.denominator, value: current.raw === null ? null : round(current.raw) },
      previous: { periodId: inputs.previous.periodId, ...figure(def, inputs.previous, inputs.beforePrevious) },
      baseline: baseline === null ? null : { periodId: baseline.periodId, ...figure(def, baseline, inputs.beforeBaseline) },
      isMet: isTargetMet(def, current.raw),
      source: def.source,
    };
  });
}

/** The set a period falls in by its end date: ≤ 2020, 2021–2025, ≥ 2026. */
export function defaultSetForPeriod(period: Pick<Period, 'endDate'>): IndicatorSetId {
  const year = Number(period.endDate.slice(0, 4));
  if (year <= 2020) return '2017_2020_QD424';
  if (year <= 2025) return '2021_2025_QD1452';
  return '2026_2030_CTMTQG';
}

/** The same kind of period in the set's baseline year; null for custom ranges. */
export function baselinePeriodId(period: Period, setId: IndicatorSetId): string | null {
  if (period.kind === 'CUSTOM') return null;
  return periodId(period.kind, INDICATOR_SETS[setId].baselineYear, period.seq);
}
