/** Small helpers shared by the rule files. */
import type { FieldValue, Labels } from '../fields';
import { interpolate, type Language } from '../../i18n/format';
import type { Problem, ProblemSheet, Rule } from './types';

/** Builds a problem of a rule, filling its message templates with the parameters. */
export function problemOf(rule: Rule, sheet: ProblemSheet, recordId: string, fields: string[], params: Params = {}): Problem {
  return {
    ruleId: rule.id,
    severity: rule.severity,
    sheet,
    recordId,
    fields,
    message: { vi: interpolate(rule.message.vi, paramsIn(params, 'vi')), en: interpolate(rule.message.en, paramsIn(params, 'en')) },
  };
}

/** Message parameters: plain values, or a pair to use in each language. */
export type Params = Record<string, string | number | Labels>;

function paramsIn(params: Params, language: Language): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(params)) out[key] = typeof value === 'object' ? value[language] : value;
  return out;
}

/** A count as a number: an empty cell (or a non-number, reported by the type checks) counts as 0. */
export function count(value: FieldValue | undefined): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** A text value, or null when empty or not text. */
export function text(value: FieldValue | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** dd/mm/yyyy of an ISO date, as messages show it. */
export function dmy(iso: string): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** First day of the NSO_2025 list (QĐ 19/2025/QĐ-TTg); GSO_2004 is valid up to the day before. */
export const NSO_2025_FROM = '2025-07-01';
/** First period end under QĐ 28/2025/QĐ-TTg (in force 24/8/2025; domain.md §7.4 criteria_scheme). */
export { QD28_FROM } from '../classification';

/** The scheme valid on a date. */
export function schemeOn(date: string): 'GSO_2004' | 'NSO_2025' {
  return date >= NSO_2025_FROM ? 'NSO_2025' : 'GSO_2004';
}
