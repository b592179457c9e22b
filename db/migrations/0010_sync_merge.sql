-- Sync merge (db/sync/merge.ts): the value each change-log op overwrote, the winning clock of every
-- field (so last-writer-wins is one lookup), the conflict queue, and what each laptop holds.

-- The HLC of the value the author overwrote (NULL for a first write). An op whose base is not the
-- receiver's current winner was written without seeing that value: a concurrent edit.
ALTER TABLE change_log ADD COLUMN base TEXT;
-- Per-field lookups now go through field_clock; the change log is only searched for "was this value
-- seen by a later edit" (by base, which first writes do not have) and, rarely, scanned for a purge.
-- One index fewer per op makes both the local write path and a bulk import about a third cheaper.
DROP INDEX change_log_row;
CREATE INDEX change_log_base ON change_log (base, entity, row_id, field) WHERE base IS NOT NULL;

-- Per field, the op that currently wins (highest hlc, then device). seq locates the op's value in
-- change_log, so a row can be rebuilt from its winning ops.
CREATE TABLE field_clock (
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  field  TEXT NOT NULL,
  hlc    TEXT NOT NULL,
  device TEXT NOT NULL,
  seq    INTEGER NOT NULL,
  base   TEXT,
  PRIMARY KEY (entity, row_id, field)
) STRICT, WITHOUT ROWID;

-- Existing offices: every op so far was local and in order, so the newest per field wins.
INSERT INTO field_clock (entity, row_id, field, hlc, device, seq, base)
SELECT entity, row_id, field, MAX(hlc), device_id, seq, NULL FROM change_log GROUP BY entity, row_id, field;

-- Two edits of one field made without seeing each other. The LWW winner is already applied (every
-- device converges); a person confirms it or flips it (db/services/sync-conflicts.ts).
CREATE TABLE sync_conflicts (
  id            TEXT PRIMARY KEY,
  entity        TEXT NOT NULL,
  row_id        TEXT NOT NULL,
  field         TEXT NOT NULL,
  local_value   TEXT,
  local_hlc     TEXT NOT NULL,
  local_device  TEXT NOT NULL,
  remote_value  TEXT,
  remote_hlc    TEXT NOT NULL,
  remote_device TEXT NOT NULL,
  detected_at   TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved')),
  resolved_by   TEXT,
  resolved_at   TEXT,
  -- local / remote: chosen by a person; superseded: a later edit made after seeing the winner.
  resolution    TEXT CHECK (resolution IS NULL OR resolution IN ('local', 'remote', 'superseded')),
  UNIQUE (entity, row_id, field, local_hlc, remote_hlc)
) STRICT;
CREATE INDEX sync_conflicts_open ON sync_conflicts (status, detected_at);
CREATE INDEX sync_conflicts_field ON sync_conflicts (entity, row_id, field);

-- Office only: the supervisees (and so the cases) each laptop holds. A supervisee newly assigned to
-- the laptop's officer is sent as a snapshot; one assigned away is purged there. Until the laptop
-- acknowledges every origin up to `coverage` (the office's change-log high-water marks when the
-- move was seen, JSON {origin: seq}) every bundle repeats the snapshot or the purge, so a bundle
-- file that never arrives loses nothing. coverage is NULL once confirmed.
CREATE TABLE sync_holdings (
  peer          TEXT NOT NULL,
  supervisee_id TEXT NOT NULL,
  state         TEXT NOT NULL CHECK (state IN ('held', 'leaving')),
  since         TEXT NOT NULL,
  coverage      TEXT,
  PRIMARY KEY (peer, supervisee_id)
) STRICT, WITHOUT ROWID;

-- Ops whose clock was far ahead of this device's wall clock when they arrived (flagged, not trusted).
CREATE TABLE sync_clock_flags (
  origin      TEXT NOT NULL,
  seq         INTEGER NOT NULL,
  hlc         TEXT NOT NULL,
  detected_at TEXT NOT NULL,
  PRIMARY KEY (origin, seq)
) STRICT, WITHOUT ROWID;

-- Rows whose ops have arrived but that cannot be written yet: a parent row (foreign key) has not
-- arrived, or not every required field has. Retried after every import; the ops are in change_log.
CREATE TABLE sync_pending (
  entity TEXT NOT NULL,
  row_id TEXT NOT NULL,
  reason TEXT NOT NULL CHECK (reason IN ('parent', 'incomplete', 'unique')),
  PRIMARY KEY (entity, row_id)
) STRICT, WITHOUT ROWID;
