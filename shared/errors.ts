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

/**
 * The storage failures a user can act on, from better-sqlite3's SqliteError codes (and
 * Node's ENOSPC): a full disk, a file that cannot be written, a lock held by another
 * writer. Anything else stays a bug. Kept here so dispatch, the CLI and the open agree.
 */
export function storageFailureCode(error: unknown): 'DISK_FULL' | 'WORKSPACE_READ_ONLY' | 'WORKSPACE_BUSY' | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'DISK_FULL';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'WORKSPACE_READ_ONLY';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'WORKSPACE_BUSY';
  return null;
}
