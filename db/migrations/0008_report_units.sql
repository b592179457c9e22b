-- Reports: a unit (部門) per staff member, so supervisors can report on one unit. Empty = no unit.
-- (The sync branch keeps a placeholder 0008_reserved_reports.sql until this one is merged.)
ALTER TABLE users ADD COLUMN unit TEXT NOT NULL DEFAULT '';
CREATE INDEX users_unit ON users (unit) WHERE unit <> '';
