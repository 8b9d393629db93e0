/** Programme indicators of domain.md §8: versioned sets as data and their pure computation. */
export {
  baselinePeriodId,
  computeIndicators,
  countCommuneClasses,
  countKeyCommunesReduced,
  defaultSetForPeriod,
  isTargetMet,
  type IndicatorFigureRow,
  type IndicatorInputs,
  type IndicatorRow,
  type PeriodFigures,
} from './compute';
export {
  INDICATOR_SET_IDS,
  INDICATOR_SETS,
  SET_2017_2020,
  SET_2021_2025,
  SET_2026_2030,
  type IndicatorDef,
  type IndicatorFormula,
  type IndicatorSet,
  type IndicatorSetId,
  type IndicatorUnit,
  type MetricKey,
  type TargetComparison,
} from './sets';
