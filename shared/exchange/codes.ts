/**
 * The stable result codes of exchange-format.md §5 (verification) and §3.5 (trust
 * lists). They are part of the file format's contract: logs, test vectors and the
 * `pcmt verify --json` output carry them verbatim, so never rename one.
 */
export const VERIFY_ERROR_CODES = [
  'E_FILE_TOO_LARGE',
  'E_UNKNOWN_FORMAT',
  'E_ENC_HEADER',
  'E_ENC_NOT_FOR_US',
  'E_ENC_HEADER_MAC',
  'E_ENC_PAYLOAD',
  'E_ZIP_EOCD',
  'E_ZIP_UNSUPPORTED',
  'E_ZIP_TOO_MANY_ENTRIES',
  'E_ZIP_BAD_NAME',
  'E_ZIP_UNEXPECTED_ENTRY',
  'E_ZIP_DUPLICATE_ENTRY',
  'E_ZIP_BOMB',
  'E_ZIP_HEADER_MISMATCH',
  'E_ZIP_LAYOUT',
  'E_NOT_BCPKG',
  'E_ZIP_CRC',
  'E_SIG_MALFORMED',
  'E_SIG_ALG',
  'E_KEY_UNKNOWN',
  'E_KEY_REVOKED',
  'E_SIG_INVALID',
  'E_MANIFEST_NOT_CANONICAL',
  'E_MANIFEST_SCHEMA',
  'E_FORMAT_VERSION',
  'E_SIGNER_MISMATCH',
  'E_KEY_NOT_AUTHORIZED_FOR_OFFICE',
  'E_KEY_RETIRED',
  'E_ENVIRONMENT_MISMATCH',
  'E_NOT_ADDRESSED_TO_US',
  'E_ISSUER_NOT_ALLOWED',
  'E_TRUSTLIST_EXPIRED',
  'E_ENCRYPTION_REQUIRED',
  'E_ENTRY_NOT_IN_MANIFEST',
  'E_ENTRY_MISSING',
  'E_ENTRY_SIZE_MISMATCH',
  'E_ENTRY_HASH_MISMATCH',
  'E_PAYLOAD_SCHEMA',
  'E_PAYLOAD_HEADER_MISMATCH',
  'E_RECORD_COUNT_MISMATCH',
  'E_PAYLOAD_OUT_OF_JURISDICTION',
  'E_PACKAGE_ID_REUSED',
  'E_REPLAY_OR_STALE',
] as const;

/** Trust-list import (§3.5) and key-file codes: same error class, not part of §5's stages. */
export const TRUST_ERROR_CODES = [
  'E_TRUSTLIST_ROLLBACK',
  'E_TRUSTLIST_THRESHOLD',
  'E_TRUST_ROOT_CHANGED_NEED_INTERMEDIATE',
  'E_TRUSTLIST_SCOPE',
  'E_TRUSTLIST_NOT_BOOTSTRAPPED',
  'E_STATEMENT_INVALID',
  'E_WRONG_PASSPHRASE',
  'E_KEY_FILE_INVALID',
] as const;

/**
 * A file on the command line that cannot be read at all (§5 starts at stage 0 with a
 * file in hand): its own result, so the other files of the batch still get theirs.
 */
export const FILE_ERROR_CODES = ['E_FILE_NOT_FOUND', 'E_FILE_UNREADABLE'] as const;

export const VERIFY_WARNING_CODES = [
  'W_SUPERSEDES_MISMATCH',
  'W_SUPERSEDES_UNKNOWN',
  'W_SEQUENCE_JUMP',
  'W_AFTER_UPWARD_REPORT',
] as const;

export type VerifyErrorCode = (typeof VERIFY_ERROR_CODES)[number];
export type TrustErrorCode = (typeof TRUST_ERROR_CODES)[number];
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];
export type ExchangeErrorCode = VerifyErrorCode | TrustErrorCode | FileErrorCode;
export type VerifyWarningCode = (typeof VERIFY_WARNING_CODES)[number];

/** What `pcmt verify` reports per file: a success code or the first failing stage's code. */
export type VerifyOutcomeCode = 'OK_STAGED' | 'I_ALREADY_IMPORTED' | ExchangeErrorCode;
