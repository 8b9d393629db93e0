/**
 * Released migrations are frozen (style.md B3): offices have already run them, so an
 * edit would give two offices on the "same" version two different schemas. Each
 * released migration's version, name, kind and SQL are pinned by sha256 here. When a
 * new migration is released, add its line; never change a line that is already here.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openServices } from '../electron/services/index';
import { closeDatabase, openDatabase, type OpenNotice } from './connection';
import { LATEST_VERSION, MIGRATIONS, type Migration } from './migrations/index';

const RELEASED: Readonly<Record<number, string>> = {
  1: '3f8f228f00f8db6c5cd51e78a614d5fe835f1e95f5dc0f0546b4b1dd2896a640',
  2: '05456fd56a4559e1a5417ea106d045e21cbc354d19943aec2c450ded4b935189',
  3: '2221909ef40b111545e19628bad7c6f3eb74db6f28787ba1eb26146e314b8c22',
  4: 'ed1f26625e5c0a842f13c621b9d20a3c9d84f08516016e377fbfa9a48e4413a2',
  5: '73e72acf5be76124f151e3768f45d02a2cca35432725668991d1a169151cb828',
};

const FIXTURES = fileURLToPath(new URL('../tests/fixtures/db/', import.meta.url));

function migrationHash(m: Migration): string {
  return createHash('sha256').update(`${m.version}\n${m.name}\n${m.isForeignKeyRebuild === true}\n${m.sql}`).digest('hex');
}

/** The sentence a developer reads when a released migration no longer matches its pinned hash. */
function frozenViolations(migrations: readonly Migration[], released: Readonly<Record<number, string>>): string[] {
  const problems: string[] = [];
  for (const [versionText, hash] of Object.entries(released)) {
    const version = Number(versionText);
    const found = migrations.find((m) => m.version === version);
    const label = `Migration ${String(version).padStart(4, '0')}`;
    if (found === undefined) problems.push(`${label} was released and has been removed; put it back and add a new migration instead.`);
    else if (migrationHash(found) !== hash)
      problems.push(`${label} (${found.name}) was released and has been edited; restore it and add a new migration file (db/migrations/NNNN_name) that makes the change.`);
  }
  return problems;
}

describe('released migrations are frozen', () => {
  it('every released migration is exactly as it was released', () => {
    expect(frozenViolations(MIGRATIONS, RELEASED)).toEqual([]);
  });

  it('migrations not yet released come after the released ones', () => {
    const lastReleased = Math.max(...Object.keys(RELEASED).map(Number));
    expect(MIGRATIONS.filter((m) => RELEASED[m.version] === undefined).every((m) => m.version > lastReleased)).toBe(true);
  });

  it('an edited, a renamed or a removed migration is named with the fix', () => {
    const edited = MIGRATIONS.map((m) => (m.version === 3 ? { ...m, sql: `${m.sql}\nCREATE TABLE sneaky (x);` } : m));
    expect(frozenViolations(edited, RELEASED)).toEqual([
      'Migration 0003 (exchange) was released and has been edited; restore it and add a new migration file (db/migrations/NNNN_name) that makes the change.',
    ]);
    const renamed = MIGRATIONS.map((m) => (m.version === 1 ? { ...m, name: 'first' } : m));
    expect(frozenViolations(renamed, RELEASED)[0]).toMatch(/^Migration 0001 \(first\) was released and has been edited/u);
    expect(frozenViolations(MIGRATIONS.slice(0, 2), RELEASED)).toContain(
      'Migration 0003 was released and has been removed; put it back and add a new migration instead.',
    );
  });
});

describe('after an upgrade the user is told where the pre-upgrade copy is', () => {
  const copyFixture = (name: string): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-upgrade-'));
    const file = path.join(dir, 'workspace.pcmt');
    fs.copyFileSync(path.join(FIXTURES, name), file);
    return file;
  };

  it('opening a version-1 workspace leaves a notice naming a backup that holds version 1', () => {
    const file = copyFixture('v1.sqlite');
    const notices: OpenNotice[] = [];
    const db = openDatabase(file, { isCreateAllowed: false, notices });
    closeDatabase(db);
    const upgraded = notices.find((n) => n.code === 'WORKSPACE_UPGRADED');
    expect(upgraded?.params).toMatchObject({ from: 1, to: LATEST_VERSION });
    const backup = String(upgraded?.params['backup']);
    expect(path.dirname(backup)).toBe(path.dirname(file));
    const copy = new Database(backup, { readonly: true });
    expect(copy.pragma('user_version', { simple: true })).toBe(1);
    copy.close();
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('app.info shows it as a sentence with the path', async () => {
    const file = copyFixture('v2.sqlite');
    const services = openServices({ workspacePath: file, hostKind: 'browser', isCreateAllowed: false });
    const info = await services.handlers['app.info']({});
    services.close();
    const notice = info.notices.find((n) => n.code === 'WORKSPACE_UPGRADED');
    expect(notice?.message).toContain(`${file}.v`);
    expect(notice?.message).toMatch(/nâng cấp|upgraded/u);
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it('a workspace already at the latest version, or a new one, gets no such notice', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-upgrade-'));
    const notices: OpenNotice[] = [];
    closeDatabase(openDatabase(path.join(dir, 'new.pcmt'), { isCreateAllowed: true, notices }));
    closeDatabase(openDatabase(path.join(dir, 'new.pcmt'), { isCreateAllowed: false, notices }));
    expect(notices.filter((n) => n.code === 'WORKSPACE_UPGRADED')).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
