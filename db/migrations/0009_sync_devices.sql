-- Sync transport (db/sync): this installation's identity and keys, its peers, the log of bundles
-- in and out, and acknowledgements. These tables are local bookkeeping: they are written with plain
-- SQL inside a mutate() transaction (for the audit entry) and never produce change-log ops, so they
-- never travel in a bundle (the private keys above all).

-- Exactly one row once sync is set up. Private keys are PKCS#8 DER and live only in this encrypted
-- database. office_id is NULL on a laptop until the office's enrolment response is imported.
CREATE TABLE sync_identity (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  device_id       TEXT NOT NULL,
  office_id       TEXT,
  office_name     TEXT,
  role            TEXT NOT NULL CHECK (role IN ('office', 'laptop')),
  sign_private    BLOB NOT NULL,
  box_private     BLOB NOT NULL,
  sign_public     BLOB NOT NULL,
  box_public      BLOB NOT NULL,
  key_id          TEXT NOT NULL,
  created_at      TEXT NOT NULL,
  enrolled_at     TEXT,
  -- Laptop: its last local seq when enrolment completed. Ops up to it (the local user made at first
  -- run) never go to the office, so the laptop's bundles declare its range from 1.
  enrol_seq       INTEGER NOT NULL DEFAULT 0,
  folder          TEXT,
  interval_hours  INTEGER NOT NULL DEFAULT 4 CHECK (interval_hours BETWEEN 1 AND 24),
  last_export     TEXT,
  last_import     TEXT
) STRICT;

-- Peers: on the office, every enrolled laptop; on a laptop, the office.
CREATE TABLE sync_devices (
  device_id    TEXT PRIMARY KEY,
  office_id    TEXT NOT NULL,
  role         TEXT NOT NULL CHECK (role IN ('office', 'laptop')),
  officer_id   TEXT,
  sign_public  BLOB NOT NULL,
  box_public   BLOB NOT NULL,
  key_id       TEXT NOT NULL,
  status       TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'revoked')),
  enrolled_at  TEXT NOT NULL,
  revoked_at   TEXT,
  last_seen_at TEXT,
  CHECK ((role = 'laptop') = (officer_id IS NOT NULL))
) STRICT;

-- Every bundle written or read, including refused ones (bundle_id NULL when the file was unreadable).
CREATE TABLE sync_bundles (
  id          INTEGER PRIMARY KEY,
  bundle_id   TEXT,
  direction   TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  peer        TEXT,
  at          TEXT NOT NULL,
  file        TEXT NOT NULL,
  ops         INTEGER NOT NULL DEFAULT 0,
  bytes       INTEGER NOT NULL DEFAULT 0,
  result      TEXT NOT NULL,
  -- SHA-256 of the whole file; an outgoing bundle's header names the previous one sent to that peer.
  sha256      TEXT,
  prev_sha256 TEXT,
  -- Outgoing: the acknowledgements it carried (an export with no ops and no new acks is skipped).
  acks        TEXT
) STRICT;
CREATE UNIQUE INDEX sync_bundles_applied ON sync_bundles (bundle_id) WHERE direction = 'in' AND result = 'ok';
CREATE INDEX sync_bundles_at ON sync_bundles (at);

-- Per (peer, origin device): the highest contiguous sequence number the peer has acknowledged.
-- The row with peer = this device's own id is what we have received ourselves (sent as our acks).
CREATE TABLE sync_acks (
  peer   TEXT NOT NULL,
  origin TEXT NOT NULL,
  seq    INTEGER NOT NULL CHECK (seq >= 0),
  PRIMARY KEY (peer, origin)
) STRICT, WITHOUT ROWID;
