import type { ErrorParams } from '../errors';
import { errorsEn, termsEn } from './errors-en';
import { errorsVi, termsVi, type ErrorCode, type TermKey } from './errors-vi';
import { interpolate, type Language } from './format';

const TERM_PREFIX = 'term:';

/** Marks a parameter value to be translated as a term (e.g. a field name). */
export function term(key: TermKey): string {
  return `${TERM_PREFIX}${key}`;
}

function isTermKey(key: string): key is TermKey {
  return Object.hasOwn(termsVi, key);
}

/** Renders an error code with its parameters in the given language. */
export function errorMessage(code: ErrorCode, params: ErrorParams, language: Language): string {
  const terms = language === 'en' ? termsEn : termsVi;
  const resolved: ErrorParams = {};
  for (const [name, value] of Object.entries(params)) {
    const key = typeof value === 'string' && value.startsWith(TERM_PREFIX) ? value.slice(TERM_PREFIX.length) : null;
    resolved[name] = key !== null && isTermKey(key) ? terms[key] : value;
  }
  const template = language === 'en' ? errorsEn[code] : errorsVi[code];
  return interpolate(template, resolved);
}
