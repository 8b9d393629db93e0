/**
 * Which BcpkgError code each age failure class becomes. Packages (§5.1 stage 1) and
 * key files (§3.3) share one age implementation but report different codes, so the
 * operator sees "wrong passphrase" for a key file and "not for us" for a package.
 */
import type { ExchangeErrorCode } from '../../../../shared/exchange/codes';

export type AgeErrorCodes = {
  /** The header does not parse, breaks a limit, or has a stanza our policy refuses. */
  header: ExchangeErrorCode;
  /** The header parses but no stanza unwraps with what we hold. */
  notForUs: ExchangeErrorCode;
  mac: ExchangeErrorCode;
  payload: ExchangeErrorCode;
};

export const PACKAGE_CODES: AgeErrorCodes = {
  header: 'E_ENC_HEADER',
  notForUs: 'E_ENC_NOT_FOR_US',
  mac: 'E_ENC_HEADER_MAC',
  payload: 'E_ENC_PAYLOAD',
};

/** For a key file any damage is "invalid"; only a failed unwrap means a wrong passphrase. */
export const KEY_FILE_CODES: AgeErrorCodes = {
  header: 'E_KEY_FILE_INVALID',
  notForUs: 'E_WRONG_PASSPHRASE',
  mac: 'E_KEY_FILE_INVALID',
  payload: 'E_KEY_FILE_INVALID',
};

/** exchange-format.md §4.2 / §5.3: ≤ 8 stanzas, header ≤ 16 KiB. */
export const HEADER_LIMITS = { maxStanzas: 8, maxHeaderBytes: 16 * 1024 } as const;
export type HeaderLimits = { maxStanzas: number; maxHeaderBytes: number };
