import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { backupsToKeep, DAILY_COPIES, MAX_TIMES_FILE, pruneBackupFolder, WEEKLY_COPIES } from './backup-retention';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

function stampOf(at: Date): string {
  return at.toISOString().replace(/[:.]/gu, '-');
}

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-04T08:00:00.000Z');

it('a year of daily opens (two copies a day) leaves both of today, the newest of each of the 6 days before and of the 4 weeks before', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pcmt-retention-'));
  dirs.push(dir);
  for (let d = 0; d < 365; d += 1) {
    for (const hour of [1, 6]) {
      const at = new Date(NOW - d * DAY - hour * 3_600_000);
      fs.writeFileSync(path.join(dir, `ws.sqlite.${stampOf(at)}.open.bak`), Buffer.alloc(100));
    }
  }
  fs.writeFileSync(path.join(dir, 'ws.sqlite.2026-12-04T07-00-00-000Z.open.bak.partial'), 'half');
  pruneBackupFolder(dir, 100);
  const kept = fs.readdirSync(dir).filter((f) => f.endsWith('.bak')).sort().reverse();
  expect(kept).toHaveLength(1 + DAILY_COPIES + WEEKLY_COPIES);
  // Today: every copy; the 6 days before: the newest copy of each (07:00 UTC, not the 02:00 one).
  const newestOfDay = (d: number): string => `ws.sqlite.${stampOf(new Date(NOW - d * DAY - 3_600_000))}.open.bak`;
  expect(kept.slice(0, DAILY_COPIES + 1)).toEqual([newestOfDay(0), `ws.sqlite.${stampOf(new Date(NOW - 6 * 3_600_000))}.open.bak`, ...[1, 2, 3, 4, 5, 6].map(newestOfDay)]);
  // Weekly: one per ISO week before them, each from a different week, newest first.
  const weekly = kept.slice(DAILY_COPIES + 1).map((f) => Date.parse(f.slice(10, 20)));
  for (let i = 1; i < weekly.length; i += 1) expect((weekly[i - 1] ?? 0) - (weekly[i] ?? 0)).toBeGreaterThanOrEqual(DAY);
  expect(weekly.at(-1) ?? 0).toBeGreaterThan(NOW - 40 * DAY);
  // A partial copy is not a backup: the policy neither counts nor removes it.
  expect(fs.existsSync(path.join(dir, 'ws.sqlite.2026-12-04T07-00-00-000Z.open.bak.partial'))).toBe(true);
});

it('never keeps more than MAX_TIMES_FILE × the file, oldest dropped first, the newest copy always kept', () => {
  const copies = Array.from({ length: 11 }, (_, d) => ({ name: `c${d}`, takenAt: new Date(NOW - d * 7 * DAY), sizeBytes: 300 }));
  const keep = backupsToKeep(copies, 100);
  // 12 × 100 bytes allow four copies of 300.
  expect(MAX_TIMES_FILE).toBe(12);
  expect([...keep]).toEqual(['c0', 'c1', 'c2', 'c3']);
  // A copy bigger than the whole allowance is still kept when it is the only recent one.
  expect([...backupsToKeep([{ name: 'big', takenAt: new Date(NOW), sizeBytes: 5_000 }], 100)]).toEqual(['big']);
});
