/** Reporting periods, created the first time a period is used. */
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
