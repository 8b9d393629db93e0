/**
 * The compact history of migration 6: a created row's filled fields live inside its
 * create entry, and the history as shown (v_history, listHistory) is what the per-cell
 * encoding showed — same ids, order, fields, values, causes, filters and search — both
 * for workspaces written before the migration and for rows written after it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase, type Db } from '../connection';
import { insertHistory, listHistory, recordsChangedByBatch, type DbHistoryInsert, type HistoryFilter } from './history';

const FIXTURES = fileURLToPath(new URL('../../tests/fixtures/db/', import.meta.url));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-history-db-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const none: HistoryFilter = { table: null, recordId: null, periodId: null, cause: null, search: null, searchFields: [], scheme: null };
const base = { at: '2025-05-02T08:00:00.000Z', user_name: 'Nguyễn Văn A', table_name: 'hotspots', period_id: null, reason: 'nhập từ tệp sổ.xlsx' } as const;
const filled: [string, unknown][] = [
  ['local_code', '00454-2024-001'],
  ['commune_code', '00454'],
  ['address', 'Số 5, ngõ Hòa Bình'],
  ['activities', ['MUA_BAN_LE', 'TU_TAP_SU_DUNG']],
  ['discovered_date', '2024-03-01'],
];

function createEntry(batch: string, record: string, isCompact: boolean): DbHistoryInsert[] {
  const head: DbHistoryInsert = { ...base, batch_id: batch, record_id: record, field: null, old_value: 'null', new_value: JSON.stringify('00454-2024-001'), cause: 'create' };
  const cells = filled.map(([field, value]): DbHistoryInsert => ({ ...base, batch_id: batch, record_id: record, field, old_value: 'null', new_value: JSON.stringify(value), cause: 'import' }));
  if (!isCompact) return [head, ...cells];
  return [{ ...head, fields: { json: JSON.stringify(filled), count: filled.length, cause: 'import' } }];
}

function setEntry(batch: string, record: string): DbHistoryInsert {
  return { ...base, batch_id: batch, record_id: record, field: 'address', old_value: JSON.stringify('Số 5, ngõ Hòa Bình'), new_value: JSON.stringify('Số 7'), cause: 'typing' };
}

function workspace(isCompact: boolean): Db {
  const db = openDatabase(':memory:', { isCreateAllowed: true });
  db.transaction(() => {
    insertHistory(db, [...createEntry('b1', 'h1', isCompact), ...createEntry('b1', 'h2', isCompact)]);
    insertHistory(db, [setEntry('b2', 'h1')]);
    insertHistory(db, createEntry('b3', 'h3', isCompact));
  })();
  return db;
}

describe('compact history of created rows', () => {
  const perCell = workspace(false);
  const compact = workspace(true);

  it('stores one row per created record', () => {
    expect(compact.prepare('SELECT count(*) FROM history').pluck().get()).toBe(4);
    expect(perCell.prepare('SELECT count(*) FROM history').pluck().get()).toBe(19);
  });

  it.each<[string, Partial<HistoryFilter>]>([
    ['everything', {}],
    ['one record', { recordId: 'h1' }],
    ['one cause', { cause: 'import' }],
    ['the create entries', { cause: 'create' }],
    ['a search in the values', { search: 'hoa binh' }],
    ['a search by field', { search: 'x', searchFields: ['activities'] }],
  ])('shows the same entries as the per-cell rows: %s', (_name, filter) => {
    for (const [limit, offset] of [[100, 0], [3, 2]] as const) {
      const expected = listHistory(perCell, { ...none, ...filter }, limit, offset);
      const actual = listHistory(compact, { ...none, ...filter }, limit, offset);
      expect(actual).toEqual(expected);
      if (offset === 0) expect(actual.rows.length).toBeGreaterThan(0);
    }
  });

  it('names the records a batch changed', () => {
    expect(recordsChangedByBatch(compact, 'b1')).toEqual(recordsChangedByBatch(perCell, 'b1'));
  });
});

describe('migration 6', () => {
  it('keeps the history of a version-5 workspace as shown', () => {
    const file = path.join(dir, 'v5.sqlite');
    fs.copyFileSync(path.join(FIXTURES, 'v5.sqlite'), file);
    const old = new Database(file, { readonly: true });
    // Version 5 shows its rows as they are (history.ts at version 5: one entry per row, newest first).
    const before = old.prepare('SELECT id, batch_id, at, user_name, table_name, record_id, period_id, field, old_value, new_value, cause, reason FROM history ORDER BY id DESC').all();
    old.close();
    expect(before.length).toBeGreaterThan(10);
    const db = openDatabase(file, { isCreateAllowed: false });
    const after = listHistory(db, { ...none, scheme: 'GSO_2004' }, 1000, 0).rows.map(({ record_label: _label, ...row }) => row);
    closeDatabase(db);
    expect(after).toEqual(before);
  });
});
