-- Casework: supervisees, VPOs, family, cases and their phases, suspensions of supervision,
-- conditions, assessments, contact standards, contacts, appointments, drug tests and measures.
-- Calendar dates are ISO dates (YYYY-MM-DD, Japan calendar, no time zone); instants are ISO UTC.
-- Every row is written through db/write.ts (audit + change log); ids are UUIDs.

CREATE TABLE vpos (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  name_kana  TEXT NOT NULL DEFAULT '',
  district   TEXT NOT NULL DEFAULT '',          -- 保護区
  phone      TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE supervisees (
  id                TEXT PRIMARY KEY,
  family_name       TEXT NOT NULL,
  given_name        TEXT NOT NULL,
  family_kana       TEXT NOT NULL,
  given_kana        TEXT NOT NULL,
  family_romaji     TEXT NOT NULL DEFAULT '',
  given_romaji      TEXT NOT NULL DEFAULT '',
  birth_date        TEXT NOT NULL,
  sex               TEXT NOT NULL CHECK (sex IN ('male', 'female', 'other', 'unknown')),
  address           TEXT NOT NULL DEFAULT '',
  phone             TEXT NOT NULL DEFAULT '',
  language_needs    TEXT NOT NULL DEFAULT '',
  drug_types        TEXT NOT NULL DEFAULT '[]',  -- JSON array of drug type codes
  offences          TEXT NOT NULL DEFAULT '',
  prior_convictions INTEGER NOT NULL DEFAULT 0 CHECK (prior_convictions >= 0),
  officer_id        TEXT REFERENCES users (id),
  vpo_id            TEXT REFERENCES vpos (id),
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX supervisees_officer ON supervisees (officer_id);
CREATE INDEX supervisees_vpo ON supervisees (vpo_id);

CREATE TABLE family_members (
  id                    TEXT PRIMARY KEY,
  supervisee_id         TEXT NOT NULL REFERENCES supervisees (id),
  name                  TEXT NOT NULL,
  name_kana             TEXT NOT NULL DEFAULT '',
  relation              TEXT NOT NULL,           -- parent, spouse, partner, child, sibling, grandparent, guardian, other
  is_guarantor          INTEGER NOT NULL DEFAULT 0 CHECK (is_guarantor IN (0, 1)),
  contact               TEXT NOT NULL DEFAULT '',
  seminar_participation TEXT NOT NULL DEFAULT 'none' CHECK (seminar_participation IN ('none', 'invited', 'attending', 'declined')),
  guardian_instructed   INTEGER NOT NULL DEFAULT 0 CHECK (guardian_instructed IN (0, 1)),  -- 保護者に対する措置
  notes                 TEXT NOT NULL DEFAULT '',
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
) STRICT;
CREATE INDEX family_members_supervisee ON family_members (supervisee_id);

-- Intensity level (処遇区分) → contacts due per month. The real levels and frequencies are not
-- published: these rows are labelled assumptions an administrator edits (see DOMAIN.md).
CREATE TABLE contact_standards (
  id            TEXT PRIMARY KEY,                -- the level code, e.g. 'A'
  label         TEXT NOT NULL,
  po_per_month  INTEGER NOT NULL CHECK (po_per_month >= 0),
  vpo_per_month INTEGER NOT NULL CHECK (vpo_per_month >= 0),
  po_kinds      TEXT NOT NULL,                   -- JSON array of contact kinds that count for the PO
  vpo_kinds     TEXT NOT NULL,                   -- JSON array of contact kinds that count for the VPO
  sort          INTEGER NOT NULL DEFAULT 0,
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
INSERT INTO contact_standards (id, label, po_per_month, vpo_per_month, po_kinds, vpo_kinds, sort, created_at, updated_at) VALUES
  ('A', 'A (intensive, assumed)', 2, 2, '["office_interview","home_visit","duty_station_interview"]', '["vpo_meeting"]', 1, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('B', 'B (standard, assumed)', 1, 2, '["office_interview","home_visit","duty_station_interview"]', '["vpo_meeting"]', 2, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('C', 'C (light, assumed)', 0, 2, '["office_interview","home_visit","duty_station_interview","phone"]', '["vpo_meeting"]', 3, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

CREATE TABLE cases (
  id                        TEXT PRIMARY KEY,
  supervisee_id             TEXT NOT NULL REFERENCES supervisees (id),
  case_number               TEXT NOT NULL UNIQUE,
  partial_suspension        INTEGER NOT NULL DEFAULT 0 CHECK (partial_suspension IN (0, 1)),
  status                    TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended', 'terminated')),
  intensity_level           TEXT NOT NULL DEFAULT 'B' REFERENCES contact_standards (id),
  start_date                TEXT NOT NULL,
  planned_end_date          TEXT NOT NULL,       -- end of the last phase, moved by suspensions
  termination_date          TEXT,
  termination_reason        TEXT CHECK (termination_reason IN ('expiry', 'revocation', 'other')),
  employment_at_start       TEXT,
  employment_at_termination TEXT,
  guidelines                TEXT NOT NULL DEFAULT '',   -- 生活行動指針
  created_at                TEXT NOT NULL,
  updated_at                TEXT NOT NULL
) STRICT;
CREATE INDEX cases_supervisee ON cases (supervisee_id);
CREATE INDEX cases_status_end ON cases (status, planned_end_date);

-- A case is a timeline of phases: a partial suspended sentence is a parole phase then a probation phase.
CREATE TABLE case_phases (
  id            TEXT PRIMARY KEY,
  case_id       TEXT NOT NULL REFERENCES cases (id),
  seq           INTEGER NOT NULL,
  category      TEXT NOT NULL CHECK (category IN ('1', '2', '3', '4', '5')),
  kind          TEXT NOT NULL CHECK (kind IN ('juvenile_probation', 'juvenile_parole', 'parole', 'probation',
                                             'womens_guidance_parole', 'partial_parole', 'partial_probation')),
  start_date    TEXT NOT NULL,
  base_end_date TEXT NOT NULL,                   -- as set by the rule, before any suspension
  end_date      TEXT NOT NULL,                   -- planned end, moved later by suspensions
  rule          TEXT NOT NULL DEFAULT '{}',      -- JSON: the rule inputs (sentence end, years…)
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL,
  UNIQUE (case_id, seq)
) STRICT;

-- 保護観察の停止: the clock stops from from_date; when resumed, the end date moves by the days stopped.
CREATE TABLE supervision_suspensions (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases (id),
  phase_id   TEXT NOT NULL REFERENCES case_phases (id),
  from_date  TEXT NOT NULL,
  resumed_on TEXT,
  reason     TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX supervision_suspensions_case ON supervision_suspensions (case_id);

CREATE TABLE conditions (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases (id),
  kind           TEXT NOT NULL CHECK (kind IN ('general', 'prohibited_conduct', 'required_conduct', 'prior_reporting',
                                               'specialised_treatment', 'facility_residence')),
  catalogue_code TEXT NOT NULL DEFAULT '',
  text           TEXT NOT NULL,
  set_on         TEXT NOT NULL,
  changed_on     TEXT,
  lifted_on      TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX conditions_case ON conditions (case_id);

CREATE TABLE assessments (
  id              TEXT PRIMARY KEY,
  case_id         TEXT NOT NULL REFERENCES cases (id),
  assessed_on     TEXT NOT NULL,
  overall_risk    TEXT NOT NULL CHECK (overall_risk IN ('low', 'medium', 'high')),
  intensity_level TEXT NOT NULL REFERENCES contact_standards (id),
  domains         TEXT NOT NULL,                 -- JSON: 8 CFP domains → {risk, strength, notes}
  notes           TEXT NOT NULL DEFAULT '',
  assessed_by     TEXT REFERENCES users (id),
  created_at      TEXT NOT NULL,
  updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX assessments_case ON assessments (case_id, assessed_on);

CREATE TABLE contacts (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases (id),
  kind           TEXT NOT NULL CHECK (kind IN ('office_interview', 'home_visit', 'duty_station_interview', 'phone',
                                               'vpo_meeting', 'vpo_monthly_report', 'family_contact')),
  contact_date   TEXT NOT NULL,
  contact_time   TEXT,                           -- HH:MM, local
  by_user_id     TEXT REFERENCES users (id),
  by_vpo_id      TEXT REFERENCES vpos (id),
  outcome        TEXT NOT NULL CHECK (outcome IN ('held', 'missed_acceptable', 'missed_unacceptable')),
  report_month   TEXT,                           -- YYYY-MM, VPO monthly reports only
  appointment_id TEXT,
  notes          TEXT NOT NULL DEFAULT '',
  sensitive      INTEGER NOT NULL DEFAULT 0 CHECK (sensitive IN (0, 1)),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX contacts_case_date ON contacts (case_id, contact_date);
CREATE UNIQUE INDEX contacts_vpo_report_month ON contacts (case_id, report_month) WHERE kind = 'vpo_monthly_report';

CREATE TABLE appointments (
  id           TEXT PRIMARY KEY,
  case_id      TEXT NOT NULL REFERENCES cases (id),
  starts_at    TEXT NOT NULL,                    -- ISO instant, UTC
  duration_min INTEGER NOT NULL DEFAULT 60 CHECK (duration_min > 0),
  kind         TEXT NOT NULL,                    -- a contact kind
  place        TEXT NOT NULL DEFAULT '',
  status       TEXT NOT NULL DEFAULT 'scheduled' CHECK (status IN ('scheduled', 'cancelled', 'done')),
  series_id    TEXT,                             -- recurring appointments share a series
  contact_id   TEXT REFERENCES contacts (id),
  notes        TEXT NOT NULL DEFAULT '',
  created_by   TEXT REFERENCES users (id),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX appointments_case ON appointments (case_id, starts_at);
CREATE INDEX appointments_start ON appointments (starts_at);

CREATE TABLE drug_tests (
  id          TEXT PRIMARY KEY,
  case_id     TEXT NOT NULL REFERENCES cases (id),
  tested_on   TEXT NOT NULL,
  method      TEXT NOT NULL CHECK (method IN ('urine_kit', 'saliva', 'laboratory', 'other')),
  substances  TEXT NOT NULL,                     -- JSON array of drug type codes screened
  result      TEXT NOT NULL CHECK (result IN ('negative', 'positive', 'invalid', 'refused')),
  consent     INTEGER NOT NULL CHECK (consent IN (0, 1)),
  follow_up   TEXT NOT NULL DEFAULT '',
  recorded_by TEXT REFERENCES users (id),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX drug_tests_case ON drug_tests (case_id, tested_on);

CREATE TABLE measures (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases (id),
  kind           TEXT NOT NULL CHECK (kind IN ('warning', 'compulsory_appearance', 'detention', 'revocation_application',
                                               'provisional_cancellation', 'suspension')),
  decided_on     TEXT NOT NULL,
  decision       TEXT NOT NULL DEFAULT '',
  notes          TEXT NOT NULL DEFAULT '',
  needs_signoff  INTEGER NOT NULL DEFAULT 0 CHECK (needs_signoff IN (0, 1)),
  signed_off_by  TEXT REFERENCES users (id),
  signed_off_at  TEXT,
  created_by     TEXT REFERENCES users (id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX measures_case ON measures (case_id, decided_on);
