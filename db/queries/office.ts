/** The office's own unit: one row, since one workspace belongs to one office. */
import type { Db } from '../connection';

export type DbOffice = { scheme: string; level: string; code: string; updated_at: string };

export function getOffice(db: Db): DbOffice | undefined {
  return db.prepare('SELECT scheme, level, code, updated_at FROM office WHERE id = 1').get() as DbOffice | undefined;
}

export function setOffice(db: Db, office: DbOffice): void {
  db.prepare(
    `INSERT INTO office (id, scheme, level, code, updated_at) VALUES (1, @scheme, @level, @code, @updated_at)
     ON CONFLICT (id) DO UPDATE SET scheme = excluded.scheme, level = excluded.level, code = excluded.code,
       updated_at = excluded.updated_at`,
  ).run(office);
}
