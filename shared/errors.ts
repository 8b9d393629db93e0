/**
 * Errors a user can cause. Services throw AppError with a code and parameters; the
 * API boundary turns it into `{ ok: false, error: { code, message } }` with the
 * message rendered in the user's language from shared/i18n. Anything else thrown is
 * a bug and is reported as INTERNAL without leaking details into the UI.
 */
import type { ErrorCode } from './i18n/errors-vi';

export type ErrorParams = Record<string, string | number>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly params: ErrorParams;

  constructor(code: ErrorCode, params: ErrorParams = {}) {
    super(`${code} ${JSON.stringify(params)}`);
    this.name = 'AppError';
    this.code = code;
    this.params = params;
  }
}

export function isAppError(value: unknown): value is AppError {
  return value instanceof AppError;
}
