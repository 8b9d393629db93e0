import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { setExchangeIdentity } from '../../db/queries/exchange';
import { appendLog, verifyChain } from '../../db/queries/import-log';
import { getSetting } from '../../db/queries/settings';
import { backupBeforeReceive, backupOnOpen, backupWorkspace, restoreWorkspace, restoredNotice, RESTORE_SEQUENCE_JUMP } from './backup-service';
import { openServices, type Services } from './index';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function open(hostKind: 'cli' | 'browser' = 'cli'): Services {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-backup-'));
  dirs.push(dir);
  return openServices({ workspacePath: path.join(dir, 'ws.sqlite'), hostKind });
}

function logRow(decision: string) {
  return { at: new Date().toISOString(), operator: null, source_filename: 'a.bcpkg', file_sha256: null, package_id: null, package_digest: null, issuer: 'T01-D001', period: '2025-Q2', sequence: 3, key_id: null, trustlist_version: 1, encrypted: 1, decision, code: null, detail: null };
}

it('a restore brings back the trust state and the import log, says when the copy was taken, and never lets a sequence number be reused', () => {
  const s = open();
  setExchangeIdentity(s.workspace.db, { office_code: 'T01-D001', office_name: 'Quận Ba Đình', environment: 'production', updated_at: '2025-01-01T00:00:00Z' });
  s.workspace.db.prepare('UPDATE exchange_identity SET next_sequence = 8').run();
  appendLog(s.workspace.db, logRow('accepted'));
  const backup = backupWorkspace(s.workspace, 'manual');
  // After the copy: more packages sent and received.
  s.workspace.db.prepare('UPDATE exchange_identity SET next_sequence = 12').run();
  appendLog(s.workspace.db, logRow('accepted'));
  const file = s.workspace.path;
  s.close();

  const info = restoreWorkspace(file, backup.file);
  expect(fs.existsSync(info.previousCopy)).toBe(true);
  expect(info.nextSequence).toBe(8 + RESTORE_SEQUENCE_JUMP);
  const again = openServices({ workspacePath: file, hostKind: 'cli' });
  try {
    expect(verifyChain(again.workspace.db)).toMatchObject({ rows: 1, isIntact: true });
    expect(restoredNotice(again.workspace)).toMatchObject({ takenAt: backup.takenAt });
    expect(again.workspace.db.prepare('SELECT next_sequence FROM exchange_identity').pluck().get()).toBe(8 + RESTORE_SEQUENCE_JUMP);
    // The app says so until the user has read it.
    const info = (): unknown => again.handlers['app.info']({});
    expect(info()).toMatchObject({ restoredFrom: { takenAt: backup.takenAt } });
    expect(again.handlers['app.acknowledgeRestore']({})).toEqual({ acknowledged: true });
    expect(info()).toMatchObject({ restoredFrom: null });
  } finally {
    again.close();
  }
});

it('the app keeps one copy a day on open and one before receiving per ten minutes; the CLI does not on open', () => {
  const cli = open('cli');
  expect(fs.existsSync(`${cli.workspace.path}.backups`)).toBe(false);
  cli.close();
  const app = open('browser');
  expect(fs.readdirSync(`${app.workspace.path}.backups`)).toHaveLength(1);
  expect(backupOnOpen(app.workspace)).toBeNull();
  expect(backupBeforeReceive(app.workspace, new Date('2026-01-01T10:00:00Z'))).not.toBeNull();
  expect(backupBeforeReceive(app.workspace, new Date('2026-01-01T10:05:00Z'))).toBeNull();
  expect(backupBeforeReceive(app.workspace, new Date('2026-01-01T10:11:00Z'))).not.toBeNull();
  expect(getSetting(app.workspace.db, 'last_open_backup')).toBe(new Date().toISOString().slice(0, 10));
  app.close();
});
