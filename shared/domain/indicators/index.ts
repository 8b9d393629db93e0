/** Programme indicators of domain.md §8: versioned sets as data and their pure computation. */
export {
  baselinePeriodId,
  computeIndicators,
  countCommuneClasses,
  countKeyCommunesReduced,
  isTargetMet,
  type IndicatorFigureRow,
  type IndicatorInputs,
  type IndicatorNote,
  type IndicatorRow,
  type PeriodFigures,
} from './compute';
export {
  INDICATOR_SET_IDS,
  type IndicatorDef,
  type IndicatorFormula,
  type IndicatorScope,
  type IndicatorSet,
  type IndicatorSetId,
  type IndicatorUnit,
  type MetricKey,
  type TargetComparison,
} from './set-types';
export { defaultSetForPeriod, INDICATOR_SETS, isDefaultSetFor, SET_2017_2020, SET_2017_2020_HANOI, SET_2021_2025, SET_2026_2030, setsForProvince } from './sets';
