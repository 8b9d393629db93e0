/**
 * The shape of a programme indicator set (domain.md §7.9): what each indicator divides
 * by what, the target as the plan writes it, whether it is measured over the period or
 * cumulatively over the phase, and whether its target could be confirmed in the adopted
 * text. The sets themselves are data in sets-*.ts.
 */
import type { Labels } from '../fields';

/** National sets by phase, then provincial plans (never a period's default). */
export const INDICATOR_SET_IDS = ['2017_2020_QD424', '2017_2020_HANOI', '2021_2025_QD1452', '2026_2030_CTMTQG'] as const;
export type IndicatorSetId = (typeof INDICATOR_SET_IDS)[number];

export type IndicatorUnit = 'PCT' | 'COUNT' | 'PCT_CHANGE';

/** Figures one period contributes; null when nothing was entered for them. */
export type MetricKey =
  | 'communesTotal'
  | 'communesClassified'
  | 'communesDrugFree'
  | 'communesWithDrugs'
  | 'keyCommunesAtBaseline'
  | 'keyCommunesReducedVsBaseline'
  | 'hotspotsActiveAtStart'
  | 'hotspotsActiveAtStartEliminated'
  | 'hotspotsEliminated'
  | 'hotspotsNew'
  | 'tuDiemNew'
  | 'hotspotsInPhase'
  | 'hotspotsInPhaseEliminated'
  | 'addictsWithRecords'
  | 'usersWithRecords'
  | 'addictsAndUsers'
  | 'removedFromManagement'
  | 'accessedServices'
  | 'postRehabManaged'
  | 'postRehabCompleted'
  | 'drugCases'
  | 'districtsWithNewPilot'
  | 'districts';

/**
 * How the value is formed: RATIO = numerator / denominator × 100, capped at 100 (a
 * numerator above its denominator is flagged, never shown as 120 %); CHANGE = (this
 * period − previous period) / previous period × 100 of one figure; COUNT = the figure.
 */
export type IndicatorFormula =
  | { kind: 'RATIO'; numerator: MetricKey; denominator: MetricKey }
  | { kind: 'CHANGE'; metric: MetricKey }
  | { kind: 'COUNT'; metric: MetricKey };

/** How the value is compared with the target: ≥ min, > min, ≤ max, < max, = min, min ≤ v ≤ max. */
export type TargetComparison = 'GE' | 'GT' | 'LE' | 'LT' | 'EQ' | 'BETWEEN';

export type IndicatorDef = {
  code: string;
  names: Labels;
  unit: IndicatorUnit;
  formula: IndicatorFormula;
  numeratorLabel: Labels;
  denominatorLabel: Labels | null;
  targetText: Labels;
  targetMin: number | null;
  targetMax: number | null;
  comparison: TargetComparison;
  /** PERIOD: the period's own figures; PHASE: a target "by 2025/2030", counted from the phase's first day to the period's end. */
  span: 'PERIOD' | 'PHASE';
  /** What could not be confirmed in the adopted text (e.g. a figure only found in the draft); null when the target is confirmed. */
  unconfirmed: Labels | null;
  source: string;
};

export type IndicatorScope = { kind: 'NATIONAL' } | { kind: 'PROVINCE'; provinceCode: string };

export type IndicatorSet = {
  id: IndicatorSetId;
  names: Labels;
  scope: IndicatorScope;
  /** First and last day of the phase; PHASE indicators count from startDate. */
  startDate: string;
  endDate: string;
  /**
   * Periods whose end date lies in [from, to] (ISO dates, null: open) take this set by
   * default. The national sets tile the calendar with no gap and no overlap; a
   * provincial set is never a default (null).
   */
  defaultFor: { from: string | null; to: string | null } | null;
  /** The year whose period of the same kind is the baseline. */
  baselineYear: number;
  indicators: readonly IndicatorDef[];
};

export const L = (vi: string, en: string): Labels => ({ vi, en });
