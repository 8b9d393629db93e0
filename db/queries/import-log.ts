/**
 * The append-only import log (exchange-format.md §6.4). Each row's hash covers the
 * previous row's hash and the canonical JSON of its own fields, so rewriting, removing
 * or reordering any row breaks the chain from that row on. The database refuses UPDATE
 * and DELETE (triggers); the chain catches whoever goes around them.
 */
import { createHash } from 'node:crypto';
import type { Db } from '../connection';

export const GENESIS_HASH = '0'.repeat(64);

export type LogFields = {
  at: string;
  operator: string | null;
  source_filename: string | null;
  file_sha256: string | null;
  package_id: string | null;
  package_digest: string | null;
  issuer: string | null;
  period: string | null;
  sequence: number | null;
  key_id: string | null;
  trustlist_version: number | null;
  encrypted: number | null;
  decision: string;
  code: string | null;
  detail: string | null;
};

export type LogRow = LogFields & { id: number; prev_hash: string; row_hash: string };

const FIELD_ORDER: readonly (keyof LogFields)[] = [
  'at', 'code', 'decision', 'detail', 'encrypted', 'file_sha256', 'issuer', 'key_id', 'operator', 'package_digest', 'package_id',
  'period', 'sequence', 'source_filename', 'trustlist_version',
];

/** Canonical JSON of the row's fields: sorted keys, no whitespace, JSON.stringify escapes (exchange-format.md §2.3). */
function canonicalRow(fields: LogFields): string {
  return `{${FIELD_ORDER.map((k) => `${JSON.stringify(k)}:${JSON.stringify(fields[k])}`).join(',')}}`;
}

export function rowHash(prevHash: string, fields: LogFields): string {
  return createHash('sha256').update(prevHash, 'ascii').update(canonicalRow(fields), 'utf8').digest('hex');
}

export function appendLog(db: Db, fields: LogFields): LogRow {
  const last = db.prepare('SELECT row_hash FROM import_log ORDER BY id DESC LIMIT 1').get() as { row_hash: string } | undefined;
  const prev = last?.row_hash ?? GENESIS_HASH;
  const hash = rowHash(prev, fields);
  const info = db
    .prepare(
      `INSERT INTO import_log (at, operator, source_filename, file_sha256, package_id, package_digest, issuer, period, sequence, key_id,
         trustlist_version, encrypted, decision, code, detail, prev_hash, row_hash)
       VALUES (@at, @operator, @source_filename, @file_sha256, @package_id, @package_digest, @issuer, @period, @sequence, @key_id,
         @trustlist_version, @encrypted, @decision, @code, @detail, @prev_hash, @row_hash)`,
    )
    .run({ ...fields, prev_hash: prev, row_hash: hash });
  return { ...fields, id: Number(info.lastInsertRowid), prev_hash: prev, row_hash: hash };
}

export function listLog(db: Db, limit = 1000): LogRow[] {
  return db.prepare('SELECT * FROM import_log ORDER BY id DESC LIMIT ?').all(limit) as LogRow[];
}

export type ChainCheck = { rows: number; isIntact: boolean; brokenAtId: number | null; head: string };

/** Walks the whole chain in order; the first row whose link or hash is wrong is where it breaks. */
export function verifyChain(db: Db): ChainCheck {
  let prev = GENESIS_HASH;
  let rows = 0;
  for (const row of db.prepare('SELECT * FROM import_log ORDER BY id').iterate() as IterableIterator<LogRow>) {
    rows += 1;
    if (row.prev_hash !== prev || rowHash(prev, row) !== row.row_hash) return { rows, isIntact: false, brokenAtId: row.id, head: prev };
    prev = row.row_hash;
  }
  return { rows, isIntact: true, brokenAtId: null, head: prev };
}
