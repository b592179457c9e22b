-- One change-log op per written row instead of one per field (db/sync/ops.ts). An op names the
-- fields it set and their values (`fields`, canonical JSON object) and, for each field that had a
-- value before, the clock of the value it overwrote (`bases`, JSON object, NULL when none did).
-- Per-field last-writer-wins is unchanged; the log, the bundles and an import write about a tenth
-- of the rows they wrote before (a new row was one op per column).
--
-- Existing ops keep their (device, seq): each becomes a one-field op, so acknowledgements and
-- sequence ranges already exchanged with other devices stay valid.
ALTER TABLE change_log RENAME TO change_log_v1;
DROP INDEX change_log_base;

CREATE TABLE change_log (
  device_id TEXT NOT NULL,
  seq       INTEGER NOT NULL,
  hlc       TEXT NOT NULL,
  entity    TEXT NOT NULL,
  row_id    TEXT NOT NULL,
  fields    TEXT NOT NULL,
  bases     TEXT,
  PRIMARY KEY (device_id, seq)
) STRICT, WITHOUT ROWID;

INSERT INTO change_log (device_id, seq, hlc, entity, row_id, fields, bases)
SELECT device_id, seq, hlc, entity, row_id,
       json_object(field, CASE WHEN value IS NULL THEN NULL ELSE json(value) END),
       CASE WHEN base IS NULL THEN NULL ELSE json_object(field, base) END
FROM change_log_v1;

-- "Was this value seen by a later edit?" (db/sync/conflicts.ts): one row per field an op
-- overwrote knowingly. First writes, which are nearly every op of an import, add nothing here.
CREATE TABLE change_log_bases (
  base   TEXT NOT NULL,
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field  TEXT NOT NULL,
  PRIMARY KEY (base, entity, row_id, field)
) STRICT, WITHOUT ROWID;

INSERT OR IGNORE INTO change_log_bases (base, entity, row_id, field)
SELECT base, entity, row_id, field FROM change_log_v1 WHERE base IS NOT NULL;

DROP TABLE change_log_v1;

-- field_clock keeps its shape. A row written whole by one op (every insert) gets a single entry
-- with field = '' standing for each field that op set; a field gets its own entry once another op
-- wins it. Existing entries are all per field.
