-- Support pathways: treatment programs, vocational support, family seminars, facility placements,
-- and links to medical and NGO support. Written through db/write.ts like everything else.

-- Treatment programs ---------------------------------------------------------------------------
CREATE TABLE programs (
  id         TEXT PRIMARY KEY,
  code       TEXT NOT NULL UNIQUE,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('relapse_prevention', 'psychiatric_outpatient', 'psychiatric_inpatient',
                                           'mhwc_counselling', 'darc_day_program', 'self_help_group', 'other')),
  provider   TEXT NOT NULL DEFAULT '',
  -- JSON. relapse_prevention: {"core": {"sessions": [{"no": 1, "title": "…"}…], "intervalDays": 14},
  --                             "stepUp": {"intervalDays": 30}}; others: {}.
  rules      TEXT NOT NULL DEFAULT '{}',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

-- The relapse prevention program as DOMAIN.md describes it: 5 core sessions about every two weeks,
-- then step-up sessions about monthly. The session titles are ASSUMPTIONS (not published in the
-- source): the office edits them in the catalogue.
INSERT INTO programs (id, code, name, kind, provider, rules, created_at, updated_at) VALUES
  ('00000000-0000-4000-8000-000000000001', 'drp', '薬物再乱用防止プログラム', 'relapse_prevention', '保護観察所',
   '{"core":{"intervalDays":14,"sessions":[{"no":1,"title":"薬物の影響と再使用のきっかけ"},{"no":2,"title":"引き金と欲求への対処"},{"no":3,"title":"生活の再設計と周囲の支え"},{"no":4,"title":"再使用の兆候と対処計画"},{"no":5,"title":"これからの生活と相談先"}]},"stepUp":{"intervalDays":30}}',
   '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('00000000-0000-4000-8000-000000000002', 'psy_out', '精神科外来治療', 'psychiatric_outpatient', '', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('00000000-0000-4000-8000-000000000003', 'psy_in', '精神科入院治療', 'psychiatric_inpatient', '', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('00000000-0000-4000-8000-000000000004', 'mhwc', '精神保健福祉センターの相談', 'mhwc_counselling', '', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('00000000-0000-4000-8000-000000000005', 'darc_day', 'ダルクのデイプログラム', 'darc_day_program', '', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z'),
  ('00000000-0000-4000-8000-000000000006', 'shg', '自助グループ（NA等）', 'self_help_group', '', '{}', '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z');

CREATE TABLE enrolments (
  id                TEXT PRIMARY KEY,
  case_id           TEXT NOT NULL REFERENCES cases (id),
  program_id        TEXT NOT NULL REFERENCES programs (id),
  condition_id      TEXT REFERENCES conditions (id),   -- the special condition that requires it (required for relapse_prevention)
  enrolled_on       TEXT NOT NULL,
  stage             TEXT NOT NULL DEFAULT 'core' CHECK (stage IN ('core', 'step_up', 'outside')),
  status            TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed', 'withdrawn')),
  core_completed_on TEXT,
  completed_on      TEXT,
  withdrawn_on      TEXT,
  withdrawal_reason TEXT,
  created_at        TEXT NOT NULL,
  updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX enrolments_case ON enrolments (case_id);
CREATE INDEX enrolments_program ON enrolments (program_id, status);

-- The planned schedule generated from the program's rules; session_id is set once attended.
CREATE TABLE enrolment_schedule (
  id           TEXT PRIMARY KEY,
  enrolment_id TEXT NOT NULL REFERENCES enrolments (id),
  stage        TEXT NOT NULL CHECK (stage IN ('core', 'step_up')),
  session_no   INTEGER,
  due_on       TEXT NOT NULL,
  session_id   TEXT,
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;
CREATE INDEX enrolment_schedule_enrolment ON enrolment_schedule (enrolment_id, due_on);

CREATE TABLE program_sessions (
  id            TEXT PRIMARY KEY,
  program_id    TEXT NOT NULL REFERENCES programs (id),
  stage         TEXT NOT NULL CHECK (stage IN ('core', 'step_up')),
  session_no    INTEGER,                            -- core session number 1–5; NULL for step-up
  held_on       TEXT NOT NULL,
  start_time    TEXT,
  place         TEXT NOT NULL DEFAULT '',
  delivery_mode TEXT NOT NULL DEFAULT 'group' CHECK (delivery_mode IN ('group', 'individual', 'phone', 'self_study')),
  facilitators  TEXT NOT NULL DEFAULT '[]',         -- JSON [{"kind": "officer"|"darc_staff"|"other", "userId"?, "name"}]
  status        TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned', 'held', 'cancelled')),
  notes         TEXT NOT NULL DEFAULT '',
  created_at    TEXT NOT NULL,
  updated_at    TEXT NOT NULL
) STRICT;
CREATE INDEX program_sessions_held ON program_sessions (held_on);

CREATE TABLE session_participants (
  id           TEXT PRIMARY KEY,
  session_id   TEXT NOT NULL REFERENCES program_sessions (id),
  enrolment_id TEXT NOT NULL REFERENCES enrolments (id),
  case_id      TEXT NOT NULL REFERENCES cases (id),
  attendance   TEXT NOT NULL DEFAULT 'pending' CHECK (attendance IN ('pending', 'attended', 'late', 'absent_acceptable', 'absent_unacceptable')),
  drug_test_id TEXT REFERENCES drug_tests (id),
  notes        TEXT NOT NULL DEFAULT '',
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL,
  UNIQUE (session_id, enrolment_id)
) STRICT;
CREATE INDEX session_participants_case ON session_participants (case_id);

-- Vocational support ---------------------------------------------------------------------------
CREATE TABLE employers (
  id                    TEXT PRIMARY KEY,
  name                  TEXT NOT NULL,
  name_kana             TEXT NOT NULL DEFAULT '',
  industry              TEXT NOT NULL DEFAULT '',
  address               TEXT NOT NULL DEFAULT '',
  municipality          TEXT NOT NULL DEFAULT '',
  contact_name          TEXT NOT NULL DEFAULT '',
  phone                 TEXT NOT NULL DEFAULT '',
  capacity              INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
  accepts_drug_offences INTEGER NOT NULL DEFAULT 0 CHECK (accepts_drug_offences IN (0, 1)),
  active                INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  notes                 TEXT NOT NULL DEFAULT '',
  created_at            TEXT NOT NULL,
  updated_at            TEXT NOT NULL
) STRICT;
CREATE INDEX employers_active ON employers (active, industry);

-- Hello Work referrals, job counselling, work-experience courses and trial employment.
CREATE TABLE employment_supports (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases (id),
  kind           TEXT NOT NULL CHECK (kind IN ('hello_work_referral', 'job_counselling', 'work_experience', 'trial_employment')),
  started_on     TEXT NOT NULL,
  ended_on       TEXT,
  office         TEXT NOT NULL DEFAULT '',          -- the Hello Work office
  employer_id    TEXT REFERENCES employers (id),
  months         INTEGER CHECK (months IS NULL OR months BETWEEN 1 AND 12),
  subsidy_status TEXT CHECK (subsidy_status IS NULL OR subsidy_status IN ('not_applied', 'applied', 'approved', 'paid', 'rejected')),
  outcome        TEXT NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending', 'job_found', 'no_job', 'completed', 'withdrawn')),
  notes          TEXT NOT NULL DEFAULT '',
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX employment_supports_case ON employment_supports (case_id, started_on);

CREATE TABLE jobs (
  id             TEXT PRIMARY KEY,
  case_id        TEXT NOT NULL REFERENCES cases (id),
  employer_id    TEXT REFERENCES employers (id),
  employer_name  TEXT NOT NULL DEFAULT '',
  kind           TEXT NOT NULL CHECK (kind IN ('full_time', 'part_time', 'day_labour', 'self_employed', 'other')),
  started_on     TEXT NOT NULL,
  ended_on       TEXT,
  leaving_reason TEXT,
  support_id     TEXT REFERENCES employment_supports (id),
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL
) STRICT;
CREATE INDEX jobs_case ON jobs (case_id, started_on);

CREATE TABLE employment_status (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases (id),
  status     TEXT NOT NULL CHECK (status IN ('full_time', 'part_time', 'unemployed_seeking', 'not_seeking', 'student')),
  since      TEXT NOT NULL,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX employment_status_case ON employment_status (case_id, since);

-- Family seminars ------------------------------------------------------------------------------
CREATE TABLE seminars (
  id          TEXT PRIMARY KEY,
  held_on     TEXT NOT NULL,
  start_time  TEXT,
  place       TEXT NOT NULL DEFAULT '',
  topic       TEXT NOT NULL,
  facilitator TEXT NOT NULL DEFAULT '',
  capacity    INTEGER NOT NULL DEFAULT 0 CHECK (capacity >= 0),
  notes       TEXT NOT NULL DEFAULT '',
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL
) STRICT;
CREATE INDEX seminars_held ON seminars (held_on);

CREATE TABLE seminar_invitations (
  id                  TEXT PRIMARY KEY,
  seminar_id          TEXT NOT NULL REFERENCES seminars (id),
  family_member_id    TEXT NOT NULL REFERENCES family_members (id),
  case_id             TEXT REFERENCES cases (id),
  invited_on          TEXT NOT NULL,
  guardian_instructed INTEGER NOT NULL DEFAULT 0 CHECK (guardian_instructed IN (0, 1)),  -- 保護者に対する措置
  attendance          TEXT NOT NULL DEFAULT 'invited' CHECK (attendance IN ('invited', 'attended', 'absent', 'declined')),
  follow_up           TEXT NOT NULL DEFAULT '',
  created_at          TEXT NOT NULL,
  updated_at          TEXT NOT NULL,
  UNIQUE (seminar_id, family_member_id)
) STRICT;
CREATE INDEX seminar_invitations_member ON seminar_invitations (family_member_id);

-- Facilities and placements (委託) -------------------------------------------------------------
CREATE TABLE facilities (
  id           TEXT PRIMARY KEY,
  name         TEXT NOT NULL,
  kind         TEXT NOT NULL CHECK (kind IN ('rehabilitation_facility', 'self_reliance_home', 'darc_residence', 'other')),
  address      TEXT NOT NULL DEFAULT '',
  phone        TEXT NOT NULL DEFAULT '',
  capacity     INTEGER NOT NULL CHECK (capacity >= 0),
  drug_focused INTEGER NOT NULL DEFAULT 0 CHECK (drug_focused IN (0, 1)),
  active       INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at   TEXT NOT NULL,
  updated_at   TEXT NOT NULL
) STRICT;

CREATE TABLE placements (
  id               TEXT PRIMARY KEY,
  case_id          TEXT NOT NULL REFERENCES cases (id),
  facility_id      TEXT NOT NULL REFERENCES facilities (id),
  started_on       TEXT NOT NULL,
  planned_end_on   TEXT,
  ended_on         TEXT,
  exit_reason      TEXT,
  exit_destination TEXT CHECK (exit_destination IS NULL OR exit_destination IN ('rented_housing', 'employer_housing', 'family', 'other')),
  created_at       TEXT NOT NULL,
  updated_at       TEXT NOT NULL
) STRICT;
CREATE INDEX placements_case ON placements (case_id, started_on);
CREATE INDEX placements_facility ON placements (facility_id, started_on);

-- Medical and NGO support ----------------------------------------------------------------------
CREATE TABLE support_orgs (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  kind       TEXT NOT NULL CHECK (kind IN ('psychiatric_hospital', 'medical_clinic', 'mental_health_centre', 'public_health_centre',
                                           'self_help_group', 'darc', 'other')),
  address    TEXT NOT NULL DEFAULT '',
  phone      TEXT NOT NULL DEFAULT '',
  notes      TEXT NOT NULL DEFAULT '',
  active     INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;

CREATE TABLE support_links (
  id         TEXT PRIMARY KEY,
  case_id    TEXT NOT NULL REFERENCES cases (id),
  org_id     TEXT NOT NULL REFERENCES support_orgs (id),
  started_on TEXT NOT NULL,
  ended_on   TEXT,
  notes      TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL
) STRICT;
CREATE INDEX support_links_case ON support_links (case_id);
