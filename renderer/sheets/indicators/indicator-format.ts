/**
 * How indicator figures read in the sheet and the chart: percents the Vietnamese way
 * ("12,5 %"), counts with thousands separators, changes with their sign; "—" when the
 * service could not compute a figure (e.g. a zero denominator).
 */
import type { IndicatorFigure, IndicatorNote, IndicatorResult } from '../../../shared/api/indicator-types';
import type { Language } from '../../../shared/i18n/format';

const LOCALES: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
export const NO_VALUE = '—';
/** A no-break space keeps "12,5 %" on one line. */
const PERCENT_SUFFIX: Record<Language, string> = { vi: '\u00a0%', en: '%' };

function decimal(value: number, language: Language, digits: number): string {
  return new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(value);
}

/** 12.5 → "12,5 %" (vi) / "12.5%" (en). */
export function formatPercent(value: number, language: Language): string {
  return `${decimal(value, language, 1)}${PERCENT_SUFFIX[language]}`;
}

/** A figure's value in the indicator's unit, or "—". */
export function formatIndicatorValue(value: number | null, unit: IndicatorResult['unit'], language: Language): string {
  if (value === null || !Number.isFinite(value)) return NO_VALUE;
  if (unit === 'COUNT') return decimal(value, language, 0);
  if (unit === 'PCT_CHANGE') {
    const sign = value > 0 ? '+' : value < 0 ? '−' : '';
    return `${sign}${formatPercent(Math.abs(value), language)}`;
  }
  return formatPercent(value, language);
}

/** A numerator or denominator count, or "—". */
export function formatCountOrNone(value: number | null, language: Language): string {
  return value === null ? NO_VALUE : decimal(value, language, 0);
}

export type MetTexts = { met: string; notMet: string; unknown: string };

export function metText(isMet: boolean | null, texts: MetTexts): string {
  return isMet === null ? texts.unknown : isMet ? texts.met : texts.notMet;
}

/** The figure of a period as "value" with its numerator / denominator, for tooltips. */
export function figureDetail(figure: IndicatorFigure, language: Language): string {
  if (figure.numerator === null && figure.denominator === null) return NO_VALUE;
  if (figure.denominator === null) return formatCountOrNone(figure.numerator, language);
  return `${formatCountOrNone(figure.numerator, language)} / ${formatCountOrNone(figure.denominator, language)}`;
}

/** "2021-01-01" → "01/01/2021", as official documents write dates in both languages. */
export function formatIsoDay(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The note sentences, filled from the UI catalogue (renderer/i18n/indicators.ts). */
export type NoteTexts = {
  reported: (p: { reported: string; total: string }) => string;
  capped: (p: { numerator: string; denominator: string }) => string;
  cumulative: (p: { since: string }) => string;
  unconfirmed: (p: { detail: string }) => string;
};

/** One note beside this period's figure, in the UI language. */
export function noteText(note: IndicatorNote, texts: NoteTexts, language: Language): string {
  switch (note.kind) {
    case 'REPORTED':
      return texts.reported({ reported: formatCountOrNone(note.reported, language), total: formatCountOrNone(note.total, language) });
    case 'CAPPED':
      return texts.capped({ numerator: formatCountOrNone(note.numerator, language), denominator: formatCountOrNone(note.denominator, language) });
    case 'CUMULATIVE':
      return texts.cumulative({ since: formatIsoDay(note.since) });
    case 'UNCONFIRMED':
      return texts.unconfirmed({ detail: note.detail });
  }
}
