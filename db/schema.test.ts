/**
 * "create = all migrations": the schema built by the migrations must equal the committed
 * db/schema-snapshot.json. A migration that changes the schema updates the snapshot in
 * the same commit (run with UPDATE_SCHEMA_SNAPSHOT=1), so every schema change is reviewed.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './connection';

const SNAPSHOT = path.join(path.dirname(fileURLToPath(import.meta.url)), 'schema-snapshot.json');

describe('schema snapshot', () => {
  it('matches the migrations', () => {
    const db = openDatabase(':memory:', { isCreateAllowed: true });
    const schema = db
      .prepare("SELECT type, name, tbl_name AS tableName, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")
      .all();
    const version = db.pragma('user_version', { simple: true });
    closeDatabase(db);
    const actual = JSON.stringify({ version, schema }, null, 2) + '\n';
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') fs.writeFileSync(SNAPSHOT, actual);
    expect(actual).toBe(fs.readFileSync(SNAPSHOT, 'utf8'));
  });
});
