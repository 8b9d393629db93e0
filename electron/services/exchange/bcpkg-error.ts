/**
 * The one error class of the exchange format (exchange-format.md §7.2: "every
 * exception must be a BcpkgError with a code"). Anything else escaping a reader is a
 * bug: a crash on hostile input. Params fill the Vietnamese message of §5.2.
 */
import type { ExchangeErrorCode } from '../../../shared/exchange/codes';

export type BcpkgParams = Record<string, string | number>;

/** What a refusal after the signature check is about (stage 7): the package is known, so logs can name it. */
export type BcpkgSubject = {
  packageId: string;
  packageDigest: string;
  issuer: string;
  issuerName: string;
  period: string;
  sequence: number;
  keyId: string;
  encrypted: boolean;
};

export class BcpkgError extends Error {
  readonly code: ExchangeErrorCode;
  readonly params: BcpkgParams;
  subject: BcpkgSubject | null = null;

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
