/**
 * Programme indicators as they cross the API (domain.md §8): a versioned set per
 * programme phase; each indicator computed for the office and period with its
 * numerator, its explicit denominator and its target, and the same figure for the
 * previous period and the baseline so the sheet can chart the trend.
 */
import type { IndicatorNote, IndicatorSetId } from '../domain/indicators';

export type { IndicatorNote };

export type IndicatorSetInfo = {
  id: IndicatorSetId;
  name: string;
  /** A provincial plan's set (offered only to offices in that province) or a national programme's. */
  scope: 'NATIONAL' | 'PROVINCIAL';
  /** The set the period falls in by default. */
  isDefaultForPeriod: boolean;
};

export type IndicatorFigure = {
  numerator: number | null;
  denominator: number | null;
  /** Percent for 'PCT' and 'PCT_CHANGE' indicators, a count for 'COUNT'; null when not computable. */
  value: number | null;
  /** The numerator exceeded the denominator: the value is capped at 100 % and not assessed. */
  isCapped: boolean;
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
  /** False when the target could not be confirmed in the adopted text. */
  isConfirmed: boolean;
  /** Notes on this period's figure: communes reported of all, capped ratio, cumulative since, unconfirmed target. */
  notes: IndicatorNote[];
  source: string;
};

export type IndicatorsReport = { sets: IndicatorSetInfo[]; setId: IndicatorSetInfo['id']; periodId: string; indicators: IndicatorResult[] };
