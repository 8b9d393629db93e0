/** Reporting periods, created the first time a period is used (or locked). */
import type { Db } from '../connection';

export type DbPeriod = {
  id: string;
  kind: string;
  year: number;
  seq: number | null;
  start_date: string;
  end_date: string;
  status: string;
  created_at: string;
};

export function getPeriod(db: Db, id: string): DbPeriod | undefined {
  return db.prepare('SELECT * FROM periods WHERE id = ?').get(id) as DbPeriod | undefined;
}

export function insertPeriodIfMissing(db: Db, period: Omit<DbPeriod, 'status'>): void {
  db.prepare(
    `INSERT INTO periods (id, kind, year, seq, start_date, end_date, created_at)
     VALUES (@id, @kind, @year, @seq, @start_date, @end_date, @created_at) ON CONFLICT (id) DO NOTHING`,
  ).run(period);
}

export type DbPeriodWithCount = DbPeriod & { status_count: number };

/** Every stored period, latest first, with the number of commune statuses entered for it. */
export function listPeriods(db: Db): DbPeriodWithCount[] {
  return db
    .prepare(
      `SELECT p.*, (SELECT count(*) FROM commune_statuses s WHERE s.period_id = p.id) AS status_count
       FROM periods p ORDER BY p.end_date DESC, p.start_date DESC, p.id`,
    )
    .all() as DbPeriodWithCount[];
}

export function setPeriodStatus(db: Db, id: string, status: 'OPEN' | 'SUBMITTED' | 'LOCKED'): void {
  db.prepare('UPDATE periods SET status = ? WHERE id = ?').run(status, id);
}
