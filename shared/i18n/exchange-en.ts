/** English glosses of the exchange messages (exchange-format.md §5.2); same keys as exchange-vi.ts. */
import type { ExchangeMessageKey } from './exchange-vi';

const ZIP = 'Invalid or suspicious file structure (code: {{code}}). Not imported; tell the IT officer.';
const ENC = 'The encrypted file was damaged or altered in transit. Please ask the office to resend it.';
const SIG = 'The package signature is damaged or uses an algorithm that is not accepted.';
const MANIFEST = 'The package manifest has an invalid format.';
const CONTENT = 'The package content does not match the signed manifest (altered or damaged).';
const OFFICE = 'The signing key belongs to office {{a}} but the package claims office {{b}}.';
const AUDIENCE = 'This package is addressed to office {{x}}, not this office.';
const SUPERVISOR = 'Supervisor confirmation required: {{reason}}.';

export const exchangeMessagesEn: Record<ExchangeMessageKey, string> = {
  OK_STAGED: 'Valid package: the signature is right, the content is intact, and sender and recipient match.',
  I_ALREADY_IMPORTED: 'This package was already imported on {{date}}; nothing changed.',
  E_FILE_TOO_LARGE: 'File too large (over 64 MB); not imported.',
  E_UNKNOWN_FORMAT: 'This is not a data package from the app.',
  E_ENC_HEADER: ENC,
  E_ENC_HEADER_MAC: ENC,
  E_ENC_PAYLOAD: ENC,
  E_ENC_NOT_FOR_US: 'Encrypted for another office; this computer cannot decrypt it.',
  E_ZIP_EOCD: ZIP,
  E_ZIP_UNSUPPORTED: ZIP,
  E_ZIP_TOO_MANY_ENTRIES: ZIP,
  E_ZIP_BAD_NAME: ZIP,
  E_ZIP_UNEXPECTED_ENTRY: ZIP,
  E_ZIP_DUPLICATE_ENTRY: ZIP,
  E_ZIP_BOMB: ZIP,
  E_ZIP_HEADER_MISMATCH: ZIP,
  E_ZIP_LAYOUT: ZIP,
  E_NOT_BCPKG: ZIP,
  E_ZIP_CRC: CONTENT,
  E_SIG_MALFORMED: SIG,
  E_SIG_ALG: SIG,
  E_KEY_UNKNOWN: 'Signing key {{keyId}} is not in the trust list; the sender cannot be verified.',
  E_KEY_REVOKED: 'The sender’s signing key has been revoked. Not imported; contact the sender.',
  E_KEY_RETIRED: 'The signing key was retired; this package was created after that.',
  E_SIG_INVALID: 'Invalid signature: the content changed after signing, or it was not signed by this key.',
  E_MANIFEST_NOT_CANONICAL: MANIFEST,
  E_MANIFEST_SCHEMA: MANIFEST,
  E_FORMAT_VERSION: 'Package format version not supported; the software needs updating.',
  E_SIGNER_MISMATCH: OFFICE,
  E_KEY_NOT_AUTHORIZED_FOR_OFFICE: OFFICE,
  E_ENVIRONMENT_MISMATCH: 'This is training/test data; not imported into the production system.',
  E_NOT_ADDRESSED_TO_US: AUDIENCE,
  E_ISSUER_NOT_ALLOWED: AUDIENCE,
  E_TRUSTLIST_EXPIRED: 'The trusted key list expired ({{date}}); get an update from the level above.',
  E_ENCRYPTION_REQUIRED: 'The package contains hotspot locations but is not encrypted; not imported; ask for an encrypted copy.',
  E_ENTRY_NOT_IN_MANIFEST: CONTENT,
  E_ENTRY_MISSING: CONTENT,
  E_ENTRY_SIZE_MISMATCH: CONTENT,
  E_ENTRY_HASH_MISMATCH: CONTENT,
  E_PAYLOAD_SCHEMA: CONTENT,
  E_PAYLOAD_HEADER_MISMATCH: CONTENT,
  E_RECORD_COUNT_MISMATCH: CONTENT,
  E_PAYLOAD_OUT_OF_JURISDICTION: 'The data contains communes/wards outside the sender’s area.',
  E_PACKAGE_ID_REUSED: 'Package id matches an imported package but the content differs — abnormal.',
  E_REPLAY_OR_STALE: 'Newer figures already exist for {{office}}, period {{period}} (sequence {{s}}); this package (sequence {{n}}) is older or equal.',
  E_TRUSTLIST_ROLLBACK: 'This trusted key list (version {{n}}) is not newer than the installed one (version {{s}}); not imported.',
  E_TRUSTLIST_THRESHOLD: 'The trusted key list lacks enough root-key signatures ({{n}}/{{s}}); not imported; contact the province.',
  E_TRUST_ROOT_CHANGED_NEED_INTERMEDIATE: 'The root keys changed; import the intermediate trusted key list first (the one after version {{s}}).',
  E_TRUSTLIST_SCOPE: 'The trusted key list contains office {{office}}, which is outside the issuer’s authority or not allowed; not imported.',
  E_TRUSTLIST_NOT_BOOTSTRAPPED: 'This computer has no trusted key list yet. Import the first one in set-up mode and compare the root-key fingerprints by phone.',
  E_STATEMENT_INVALID: 'The key registration file is invalid or its signature is wrong; not accepted. Ask the office to send it again.',
  E_WRONG_PASSPHRASE: 'Wrong key passphrase. Nothing was signed or decrypted; enter the passphrase again.',
  E_KEY_FILE_INVALID: 'The key file is invalid or damaged. Choose the right key file.',
  E_FILE_NOT_FOUND: 'This file was not found, so it was not checked. Check the path and the file name.',
  E_FILE_UNREADABLE: 'This file could not be read (no read permission, a folder, or a disk error), so it was not checked. Copy it into a folder on this computer and try again.',
  W_SUPERSEDES_MISMATCH: SUPERVISOR,
  W_SUPERSEDES_UNKNOWN: SUPERVISOR,
  W_SEQUENCE_JUMP: SUPERVISOR,
  W_AFTER_UPWARD_REPORT: SUPERVISOR,
};
