/**
 * Migration 6: a created row's history in one row (issue 18 item 5, issue 11 item 5).
 * Until now a create wrote one entry (field NULL, new value: the row's code or name)
 * and then one entry per filled field — eight rows per hotspot, 400,000 for a
 * 50,000-row import. From now on the create entry carries its filled fields in
 * `fields` (a JSON array of [field, value] pairs, in the register's field order) and
 * their cause in `fields_cause`; its id is the id the last of those entries would have
 * had, so the entries keep the ids, the order and the contents the per-cell encoding
 * gave them. `v_history` is the history as shown: every stored row, plus one entry
 * per pair, with those ids. Every reader reads the view, never the table. Rows
 * written before this version have no `fields` and read exactly as before.
 */
export const migration0006 = `
ALTER TABLE history ADD COLUMN fields TEXT CHECK (fields IS NULL OR (json_valid(fields) AND json_type(fields) = 'array'));
ALTER TABLE history ADD COLUMN fields_cause TEXT CHECK ((fields IS NULL) = (fields_cause IS NULL));

CREATE VIEW v_history AS
SELECT h.id - coalesce(json_array_length(h.fields), 0) AS id, h.batch_id, h.at, h.user_name, h.table_name, h.record_id, h.period_id,
       h.field, h.old_value, h.new_value, h.cause, h.reason
  FROM history h
UNION ALL
SELECT h.id - json_array_length(h.fields) + 1 + j.key AS id, h.batch_id, h.at, h.user_name, h.table_name, h.record_id, h.period_id,
       j.value ->> 0 AS field, 'null' AS old_value, j.value -> 1 AS new_value, h.fields_cause AS cause, h.reason
  FROM history h, json_each(h.fields) j
 WHERE h.fields IS NOT NULL;
`;
