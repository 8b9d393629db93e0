/**
 * The one error class of the exchange format (exchange-format.md §7.2: "every
 * exception must be a BcpkgError with a code"). Anything else escaping a reader is a
 * bug: a crash on hostile input. Params fill the Vietnamese message of §5.2.
 */
import type { ExchangeErrorCode } from '../../../shared/exchange/codes';

export type BcpkgParams = Record<string, string | number>;

export class BcpkgError extends Error {
  readonly code: ExchangeErrorCode;
  readonly params: BcpkgParams;

  constructor(code: ExchangeErrorCode, detail = '', params: BcpkgParams = {}) {
    super(detail === '' ? code : `${code}: ${detail}`);
    this.name = 'BcpkgError';
    this.code = code;
    this.params = params;
  }
}

export function isBcpkgError(value: unknown): value is BcpkgError {
  return value instanceof BcpkgError;
}
