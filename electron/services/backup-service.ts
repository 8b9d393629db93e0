/**
 * Backups and restores (product.md §10, exchange-format.md §6.5). A backup is a
 * consistent copy of the whole workspace made by SQLite (`VACUUM INTO`), so it carries
 * the trust list, the slots, the high-water marks and the import log with the data.
 * Each copy records when it was taken; a restore keeps the replaced file, notes where it
 * came from, and — because anything received or sent after that moment is gone — asks
 * for packages to be received again and moves this office's sequence counter past any
 * number it may already have used (§6.5: gaps are allowed, reuse is not).
 */
import fs from 'node:fs';
import path from 'node:path';
import { closeDatabase, openDatabase } from '../../db/connection';
import { getSetting, setSetting } from '../../db/queries/settings';
import { AppError } from '../../shared/errors';
import { nowIso, type Workspace } from './workspace';

/** After a restore the counter jumps this far, unless a receipt says exactly where the province stands. */
export const RESTORE_SEQUENCE_JUMP = 1000;
const KEEP_BACKUPS = 20;

export type BackupInfo = { file: string; takenAt: string; reason: string };
export type RestoreInfo = { restoredFrom: string; takenAt: string; previousCopy: string; nextSequence: number | null };

export function backupFolder(ws: Workspace): string {
  return `${ws.path}.backups`;
}

function stamp(at: string): string {
  return at.replace(/[:.]/gu, '-');
}

/** Writes a consistent copy; the copy itself records when and why it was taken. Old copies beyond 20 are removed. */
export function backupWorkspace(ws: Workspace, reason: string, target?: string): BackupInfo {
  const takenAt = nowIso();
  const folder = backupFolder(ws);
  fs.mkdirSync(folder, { recursive: true });
  const file = target ?? path.join(folder, `${path.basename(ws.path)}.${stamp(takenAt)}.${reason}.bak`);
  ws.db.prepare('VACUUM INTO ?').run(file);
  const copy = openDatabase(file, { isCreateAllowed: false });
  try {
    setSetting(copy, 'backup_taken_at', takenAt);
    setSetting(copy, 'backup_reason', reason);
    copy.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    closeDatabase(copy);
  }
  if (target === undefined) pruneBackups(folder);
  return { file, takenAt, reason };
}

function pruneBackups(folder: string): void {
  const files = fs.readdirSync(folder).filter((f) => f.endsWith('.bak')).sort();
  for (const old of files.slice(0, Math.max(0, files.length - KEEP_BACKUPS))) fs.rmSync(path.join(folder, old), { force: true });
}

/** A backup a day on open is enough to lose at most a day if the disk fails. */
export function backupOnOpen(ws: Workspace): BackupInfo | null {
  const today = nowIso().slice(0, 10);
  if (getSetting(ws.db, 'last_open_backup') === today) return null;
  const info = backupWorkspace(ws, 'open');
  setSetting(ws.db, 'last_open_backup', today);
  return info;
}

/**
 * A copy before receiving, unless one was taken in the last ten minutes: a province
 * receiving a pile of e-mails file by file gets one copy for the session, not one each.
 */
export function backupBeforeReceive(ws: Workspace, now = new Date()): BackupInfo | null {
  const last = getSetting(ws.db, 'last_receive_backup');
  if (last !== undefined && now.getTime() - Date.parse(last) < 10 * 60_000) return null;
  const info = backupWorkspace(ws, 'receive');
  setSetting(ws.db, 'last_receive_backup', now.toISOString());
  return info;
}

/**
 * Replaces the workspace file with a backup. Runs on a closed workspace (the caller
 * closes it first); the replaced file is kept beside it.
 */
export function restoreWorkspace(workspacePath: string, backupFile: string): RestoreInfo {
  if (!fs.existsSync(backupFile)) throw new AppError('WORKSPACE_NOT_FOUND', { path: backupFile });
  const probe = openDatabase(backupFile, { isCreateAllowed: false });
  let takenAt: string;
  try {
    takenAt = getSetting(probe, 'backup_taken_at') ?? fs.statSync(backupFile).mtime.toISOString();
  } finally {
    closeDatabase(probe);
  }
  const previousCopy = `${workspacePath}.before-restore-${stamp(nowIso())}.bak`;
  if (fs.existsSync(workspacePath)) {
    const current = openDatabase(workspacePath, { isCreateAllowed: false });
    try {
      current.prepare('VACUUM INTO ?').run(previousCopy);
    } finally {
      closeDatabase(current);
    }
  }
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${workspacePath}${suffix}`, { force: true });
  fs.copyFileSync(backupFile, workspacePath);
  const db = openDatabase(workspacePath, { isCreateAllowed: false });
  try {
    let nextSequence: number | null = null;
    db.transaction(() => {
      setSetting(db, 'restored_from', JSON.stringify({ file: path.basename(backupFile), takenAt, restoredAt: nowIso() }));
      const row = db.prepare('SELECT next_sequence FROM exchange_identity WHERE id = 1').get() as { next_sequence: number } | undefined;
      if (row !== undefined) {
        // The restored counter may be behind numbers already sent: never reuse one.
        const receipted = db.prepare('SELECT max(sequence) AS s FROM exports WHERE receipt_at IS NOT NULL').get() as { s: number | null };
        nextSequence = Math.max(row.next_sequence + RESTORE_SEQUENCE_JUMP, (receipted.s ?? 0) + 1);
        db.prepare('UPDATE exchange_identity SET next_sequence = ? WHERE id = 1').run(nextSequence);
      }
    })();
    return { restoredFrom: backupFile, takenAt, previousCopy, nextSequence };
  } finally {
    closeDatabase(db);
  }
}

/** Set after a restore until the user has seen it: "restored from {date}; receive again what came since". */
export function restoredNotice(ws: Workspace): { file: string; takenAt: string; restoredAt: string } | null {
  const raw = getSetting(ws.db, 'restored_from');
  if (raw === undefined || raw === '') return null;
  return JSON.parse(raw) as { file: string; takenAt: string; restoredAt: string };
}

export function acknowledgeRestore(ws: Workspace): { acknowledged: true } {
  setSetting(ws.db, 'restored_from', '');
  return { acknowledged: true };
}
