/**
 * Backups and restores (product.md §10, exchange-format.md §6.5). A backup is a
 * consistent copy of the whole workspace made by SQLite (`VACUUM INTO`), so it carries
 * the trust list, the slots, the high-water marks and the import log with the data.
 * Copies are written under a temporary name and renamed once checked (db/backup-file.ts).
 * Each copy records when it was taken; a restore refuses a file that fails the checks,
 * keeps the replaced file, notes where it came from, and — because anything received or
 * sent after that moment is gone — asks for packages to be received again and moves this
 * office's sequence counter past any number it may already have used (§6.5).
 */
import fs from 'node:fs';
import path from 'node:path';
import { inspectBackupFile, PARTIAL_SUFFIX, writeCheckedCopy } from '../../db/backup-file';
import { closeDatabase, openDatabase, type OpenNotice } from '../../db/connection';
import { getOffice } from '../../db/queries/office';
import { getSetting, setSetting } from '../../db/queries/settings';
import { ownerPath } from '../../db/wal-guard';
import type { BackupEntry } from '../../shared/api/contract';
import { AppError, isAppError, storageFailureCode } from '../../shared/errors';
import { copyFileInBackground } from './background/background-jobs';
import { pruneBackupFolder } from './backup-retention';
import { nowIso, type Workspace } from './workspace';

/** After a restore the counter jumps this far, unless a receipt says exactly where the province stands. */
export const RESTORE_SEQUENCE_JUMP = 1000;
const COALESCE_MS = 10 * 60_000;

export type BackupInfo = { file: string; takenAt: string; reason: string };
export type RestoreInfo = { restoredFrom: string; takenAt: string; previousCopy: string; nextSequence: number | null };

export function backupFolder(ws: Workspace): string {
  return `${ws.path}.backups`;
}

function stamp(at: string): string {
  return at.replace(/[:.]/gu, '-');
}

/** Writes a checked copy (a workspace without an office has nothing worth a copy and is refused). Old copies go by the policy of backup-retention.ts. */
export function backupWorkspace(ws: Workspace, reason: string, target?: string): BackupInfo {
  if (getOffice(ws.db) === undefined) throw new AppError('BACKUP_NOTHING_TO_COPY');
  const takenAt = nowIso();
  const folder = backupFolder(ws);
  fs.mkdirSync(folder, { recursive: true });
  const file = target ?? path.join(folder, `${path.basename(ws.path)}.${stamp(takenAt)}.${reason}.bak`);
  writeCheckedCopy(ws.db, file, takenAt, reason);
  if (target === undefined) pruneBackupFolder(folder, fs.statSync(ws.path).size);
  return { file, takenAt, reason };
}

/** An automatic copy: skipped before set-up (no office, nothing to lose). */
function automaticBackup(ws: Workspace, reason: string): BackupInfo | null {
  return getOffice(ws.db) === undefined ? null : backupWorkspace(ws, reason);
}

/** A backup a day on open is enough to lose at most a day if the disk fails. */
export function backupOnOpen(ws: Workspace): BackupInfo | null {
  const today = nowIso().slice(0, 10);
  if (getSetting(ws.db, 'last_open_backup') === today) return null;
  const info = automaticBackup(ws, 'open');
  if (info !== null) setSetting(ws.db, 'last_open_backup', today);
  return info;
}

/**
 * The day's copy on open, written by a worker thread on its own connection while the
 * app answers (background-jobs.ts): on a national-size file the copy and its check take
 * seconds, which the first screen must not wait for. It must not stop the app either:
 * when the copy does not fit (a full disk) or cannot be written, the user is told.
 */
export async function backupOnOpenInBackground(ws: Workspace): Promise<OpenNotice | null> {
  const today = nowIso().slice(0, 10);
  if (getOffice(ws.db) === undefined || getSetting(ws.db, 'last_open_backup') === today) return null;
  const takenAt = nowIso();
  const folder = backupFolder(ws);
  try {
    fs.mkdirSync(folder, { recursive: true });
    await copyFileInBackground(ws.path, path.join(folder, `${path.basename(ws.path)}.${stamp(takenAt)}.open.bak`), takenAt, 'open');
    // Closed while the copy was written (the copy stands; the next open records its own).
    if (!ws.db.open) return null;
    setSetting(ws.db, 'last_open_backup', today);
    pruneBackupFolder(folder, fs.statSync(ws.path).size);
    return null;
  } catch (error) {
    const code = storageFailureCode(error);
    if (code === 'DISK_FULL') return { code: 'BACKUP_ON_OPEN_DISK_FULL', params: {} };
    const detail = isAppError(error) ? error.code : error instanceof Error ? error.message : String(error);
    return { code: 'BACKUP_ON_OPEN_FAILED', params: { detail, folder } };
  }
}

/** One copy per ten minutes for a kind of change: a pile of files taken one by one gets one copy, not one each. */
function coalescedBackup(ws: Workspace, key: string, reason: string, now: Date): BackupInfo | null {
  const last = getSetting(ws.db, key);
  if (last !== undefined && now.getTime() - Date.parse(last) < COALESCE_MS) return null;
  const info = automaticBackup(ws, reason);
  if (info !== null) setSetting(ws.db, key, now.toISOString());
  return info;
}

/** A copy before receiving packages (product.md §10). */
export function backupBeforeReceive(ws: Workspace, now = new Date()): BackupInfo | null {
  return coalescedBackup(ws, 'last_receive_backup', 'receive', now);
}

/** A copy before every import or load (units, `pcmt load`, spreadsheets; product.md §10). */
export function backupBeforeImport(ws: Workspace, now = new Date()): BackupInfo | null {
  return coalescedBackup(ws, 'last_import_backup', 'import', now);
}

/** The copies in the backup folder, newest first, each checked as a restore would. */
export function listBackups(ws: Workspace): BackupEntry[] {
  const folder = backupFolder(ws);
  if (!fs.existsSync(folder)) return [];
  const names = fs.readdirSync(folder).filter((f) => f.endsWith('.bak') && !f.endsWith(PARTIAL_SUFFIX));
  const entries = names.map((name): BackupEntry => {
    const file = path.join(folder, name);
    const stat = fs.statSync(file);
    try {
      const facts = inspectBackupFile(file);
      return { name, sizeBytes: facts.sizeBytes, takenAt: facts.takenAt ?? stat.mtime.toISOString(), officeName: facts.officeName, reason: facts.reason, problem: null };
    } catch (error) {
      return { name, sizeBytes: stat.size, takenAt: stat.mtime.toISOString(), officeName: null, reason: null, problem: isAppError(error) ? error.code : 'BACKUP_DAMAGED' };
    }
  });
  return entries.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
}

/** The file of a listed backup; a name from the renderer never reaches outside the backup folder. */
export function backupFileByName(ws: Workspace, name: string): string {
  const folder = backupFolder(ws);
  const isListed = fs.existsSync(folder) && fs.readdirSync(folder).includes(name) && name.endsWith('.bak');
  if (!isListed || path.basename(name) !== name) throw new AppError('BACKUP_NOT_FOUND', { file: name });
  return path.join(folder, name);
}

/** Keeps the file being replaced: through SQLite when it opens, byte for byte when it does not (it may be the damaged one). */
function keepPrevious(workspacePath: string): string {
  const previousCopy = `${workspacePath}.before-restore-${stamp(nowIso())}.bak`;
  if (!fs.existsSync(workspacePath)) return previousCopy;
  try {
    const current = openDatabase(workspacePath, { isCreateAllowed: false });
    try {
      current.prepare('VACUUM INTO ?').run(previousCopy);
    } finally {
      closeDatabase(current);
    }
  } catch (error) {
    if (!isAppError(error)) throw error;
    fs.copyFileSync(workspacePath, previousCopy);
  }
  return previousCopy;
}

/**
 * Replaces the workspace file with a backup. Runs on a closed workspace (the caller
 * closes it first). The backup is checked — as given and again as copied beside the
 * workspace — before anything is replaced; a refused file leaves the workspace as it was.
 */
export function restoreWorkspace(workspacePath: string, backupFile: string): RestoreInfo {
  const name = path.basename(backupFile);
  inspectBackupFile(backupFile, name);
  const staged = `${workspacePath}.restoring${PARTIAL_SUFFIX}`;
  fs.copyFileSync(backupFile, staged);
  let facts;
  try {
    facts = inspectBackupFile(staged, name);
  } catch (error) {
    fs.rmSync(staged, { force: true });
    throw error;
  }
  const takenAt = facts.takenAt ?? fs.statSync(backupFile).mtime.toISOString();
  const previousCopy = keepPrevious(workspacePath);
  for (const stale of [`${workspacePath}-wal`, `${workspacePath}-shm`, ownerPath(workspacePath)]) fs.rmSync(stale, { force: true });
  fs.renameSync(staged, workspacePath);
  const db = openDatabase(workspacePath, { isCreateAllowed: false });
  try {
    let nextSequence: number | null = null;
    db.transaction(() => {
      setSetting(db, 'restored_from', JSON.stringify({ file: name, takenAt, restoredAt: nowIso() }));
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

/**
 * A restore from the app: the open file is replaced, so the connection is closed, the
 * backup restored, and the workspace reopened in place (handlers hold `ws`, not the
 * connection). The backup is checked before closing, so a refusal changes nothing.
 */
export function restoreOpenWorkspace(ws: Workspace, name: string): RestoreInfo {
  const file = backupFileByName(ws, name);
  inspectBackupFile(file, name);
  closeDatabase(ws.db);
  try {
    return restoreWorkspace(ws.path, file);
  } finally {
    ws.db = openDatabase(ws.path, { isCreateAllowed: false });
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
