/**
 * Which backup copies are kept: every copy of the newest day (the state before each of
 * today's imports and receipts), the newest copy of each of the 6 days before it that
 * have one, then the newest of each of the 4 weeks before those, and never more in all
 * than 12 × the size of the workspace file (the oldest go first; the newest copy always
 * stays). So a year of daily opens costs 11 copies plus today's, and a file that grows
 * large cannot fill the disk with its own backups.
 */
import fs from 'node:fs';
import path from 'node:path';

export const DAILY_COPIES = 7;
export const WEEKLY_COPIES = 4;
export const MAX_TIMES_FILE = 12;

export type BackupCopy = { name: string; takenAt: Date; sizeBytes: number };

/** Monday (UTC) of the ISO week holding `at`, as YYYY-MM-DD. */
function weekOf(at: Date): string {
  const monday = new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate() - ((at.getUTCDay() + 6) % 7)));
  return monday.toISOString().slice(0, 10);
}

/** The names to keep under the policy, from copies in any order. */
export function backupsToKeep(copies: readonly BackupCopy[], fileBytes: number): Set<string> {
  const newestFirst = [...copies].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime() || b.name.localeCompare(a.name));
  const chosen: BackupCopy[] = [];
  const days = new Set<string>();
  const weeks = new Set<string>();
  let oldestDaily = Infinity;
  for (const copy of newestFirst) {
    const day = copy.takenAt.toISOString().slice(0, 10);
    if (days.size === 1 && days.has(day)) {
      chosen.push(copy);
      oldestDaily = copy.takenAt.getTime();
    } else if (days.size < DAILY_COPIES && !days.has(day)) {
      days.add(day);
      chosen.push(copy);
      oldestDaily = copy.takenAt.getTime();
    } else if (days.size >= DAILY_COPIES && copy.takenAt.getTime() < oldestDaily && !days.has(day)) {
      const week = weekOf(copy.takenAt);
      if (weeks.size < WEEKLY_COPIES && !weeks.has(week)) {
        weeks.add(week);
        chosen.push(copy);
      }
    }
  }
  const keep = new Set<string>();
  let total = 0;
  for (const copy of chosen) {
    total += copy.sizeBytes;
    if (keep.size > 0 && total > MAX_TIMES_FILE * fileBytes) break;
    keep.add(copy.name);
  }
  return keep;
}

/** When a copy was taken: the stamp in its name (`<file>.<ISO stamp>.<reason>.bak`), else the file's time. */
function takenAtOf(folder: string, name: string): Date {
  const match = /\.(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.[a-z-]+\.bak$/u.exec(name);
  if (match) return new Date(`${match[1]}T${match[2]}:${match[3]}:${match[4]}.${match[5]}Z`);
  return fs.statSync(path.join(folder, name)).mtime;
}

/** Removes the copies in `folder` that the policy does not keep; answers the names removed. */
export function pruneBackupFolder(folder: string, fileBytes: number): string[] {
  const names = fs.readdirSync(folder).filter((f) => f.endsWith('.bak'));
  const copies = names.map((name) => ({ name, takenAt: takenAtOf(folder, name), sizeBytes: fs.statSync(path.join(folder, name)).size }));
  const keep = backupsToKeep(copies, fileBytes);
  const removed = names.filter((n) => !keep.has(n));
  for (const name of removed) fs.rmSync(path.join(folder, name), { force: true });
  return removed;
}
