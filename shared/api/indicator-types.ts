/**
 * Programme indicators as they cross the API (domain.md §8): a versioned set per
 * programme phase; each indicator computed for the office and period with its
 * numerator, its explicit denominator and its target, and the same figure for the
 * previous period and the baseline so the sheet can chart the trend.
 */
export type IndicatorSetInfo = {
  id: '2017_2020_QD424' | '2021_2025_QD1452' | '2026_2030_CTMTQG';
  name: string;
  /** The set the period falls in by default. */
  isDefaultForPeriod: boolean;
};

export type IndicatorFigure = {
  numerator: number | null;
  denominator: number | null;
  /** Percent for 'PCT' and 'PCT_CHANGE' indicators, a count for 'COUNT'; null when not computable. */
  value: number | null;
};

export type IndicatorResult = {
  code: string;
  name: string;
  unit: 'PCT' | 'COUNT' | 'PCT_CHANGE';
  /** Readable definitions, e.g. "Điểm bị triệt xóa trong kỳ" / "Điểm hoạt động đầu kỳ". */
  numeratorLabel: string;
  denominatorLabel: string | null;
  /** The target as officials write it, e.g. "5–10 %", "≥ 80 %", "0". */
  targetText: string;
  targetMin: number | null;
  targetMax: number | null;
  current: IndicatorFigure;
  previous: IndicatorFigure & { periodId: string };
  baseline: (IndicatorFigure & { periodId: string }) | null;
  /** null when the value cannot be computed (e.g. zero denominator) or the target is not numeric. */
  isMet: boolean | null;
  source: string;
};

export type IndicatorsReport = { sets: IndicatorSetInfo[]; setId: IndicatorSetInfo['id']; periodId: string; indicators: IndicatorResult[] };
