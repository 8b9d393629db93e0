/**
 * Workspaces written by every released schema version must open in this version with
 * their data intact. tests/fixtures/db/v<N>.sqlite is a copy of a workspace made by
 * schema version N; add one whenever a migration is released.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './connection';
import { LATEST_VERSION } from './migrations/index';

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/db/', import.meta.url));

describe('workspaces from released versions', () => {
  const files = fs.readdirSync(FIXTURES).filter((f) => /^v\d+\.sqlite$/u.test(f));

  it('has a fixture for the current version', () => {
    expect(files).toContain(`v${LATEST_VERSION}.sqlite`);
  });

  it.each(files)('opens %s, migrates it to the latest version and keeps its data', (name) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-fixture-'));
    const file = path.join(dir, name);
    fs.copyFileSync(path.join(FIXTURES, name), file);
    const db = openDatabase(file, { isCreateAllowed: false });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const status = db.prepare("SELECT * FROM commune_statuses WHERE commune_code = '00070'").get() as Record<string, unknown>;
    expect(status).toMatchObject({ declared_class: 'KHONG_MA_TUY', resident_population: 12345, note: 'Ghi chú có dấu' });
    expect(db.prepare('SELECT code FROM office').pluck().get()).toBe('01');
    // From version 2 on, the fixture also holds one hotspot, one model site and their history.
    const version = Number(/^v(\d+)/u.exec(name)?.[1]);
    if (version >= 2) {
      expect(db.prepare('SELECT drug_types FROM hotspots').pluck().get()).toBe('["HEROIN","CAN_SA"]');
      expect(db.prepare('SELECT name FROM model_sites').pluck().get()).toBe('Tổ dân phố không ma túy số 3');
      expect(db.prepare('SELECT count(*) FROM history').pluck().get()).toBeGreaterThan(0);
    }
    closeDatabase(db);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
