/**
 * How a workspace is checked. A whole-file `PRAGMA quick_check` reads every page: about
 * 9 s on a national-size file, so it is never on the path to the first screen. Opening
 * checks what is bounded — the header against the file's size (a cut-short file), the
 * schema, and the first and last row of every table (which reads the root, the leftmost
 * and the rightmost pages of each b-tree) — and the full check runs afterwards, off the
 * main thread, on the workspace and on every backup copy (backup-file.ts).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { AppError } from '../shared/errors';
import { BUSY_TIMEOUT_MS, type Db } from './connection';
import { readDbHeader, walPath } from './wal-guard';

/** quick_check stops after this many problems: the sentence names the first, not a novel. */
const REPORTED_PROBLEMS = 10;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** null when the file is sound, else SQLite's first problems (for logs, never shown as the sentence). */
export function quickCheck(db: Db): string | null {
  let rows: { quick_check: string }[];
  try {
    rows = db.pragma(`quick_check(${REPORTED_PROBLEMS})`) as { quick_check: string }[];
  } catch (error) {
    // A page too broken to walk stops the check with an error instead of a report: the same finding.
    const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
    if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return describe(error);
    throw error;
  }
  const lines = rows.map((r) => r.quick_check);
  return lines.length === 1 && lines[0] === 'ok' ? null : lines.join('\n');
}

/**
 * Opens the file read-only on a connection of its own (WAL lets it read while the app
 * writes) and runs `fn` on it: what the background worker uses for its jobs.
 */
export function withReadOnlyFile<T>(file: string, fn: (db: Db) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return fn(db);
  } finally {
    db.close();
  }
}

/** A file shorter than its header says was cut short: only meaningful without a WAL to replay. */
function checkLength(file: string): void {
  const header = readDbHeader(file);
  if (header === null) throw new AppError('WORKSPACE_NOT_SQLITE', { path: file });
  const hasWal = fs.existsSync(walPath(file)) && fs.statSync(walPath(file)).size > 0;
  const { size } = fs.statSync(file);
  if (size % header.pageSize !== 0) throw new AppError('WORKSPACE_CORRUPT', { path: file, detail: `size ${size} is not a multiple of ${header.pageSize}` });
  if (!hasWal && header.pageCount !== null && size < header.pageCount * header.pageSize) {
    throw new AppError('WORKSPACE_CORRUPT', { path: file, detail: `${size} bytes, header says ${header.pageCount} pages` });
  }
}

function quoted(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** The bounded check on open: header and length, schema, the edges of every table. Throws WORKSPACE_CORRUPT. */
export function checkOnOpen(db: Db, file: string): void {
  if (!db.memory) checkLength(file);
  try {
    const tables = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").all() as { name: string; sql: string | null }[];
    for (const { name, sql } of tables) {
      if (sql === null || /^CREATE\s+VIRTUAL/iu.test(sql)) continue;
      db.prepare(`SELECT * FROM ${quoted(name)} LIMIT 1`).all();
      if (!/WITHOUT\s+ROWID/iu.test(sql)) db.prepare(`SELECT * FROM ${quoted(name)} ORDER BY rowid DESC LIMIT 1`).all();
    }
  } catch (error) {
    throw new AppError('WORKSPACE_CORRUPT', { path: file, detail: describe(error) });
  }
}
