-- Treatment programs: the caseload's programMissed flag (db/pathways/program-flags.ts) is computed
-- for the whole office with two queries; without these indexes they read every participant of the
-- last 90 days' sessions and every enrolment (34 ms at demo scale 100, 4.5 ms with them).

-- Unacceptable absences (a few percent of participants), found from the sessions held in the window.
CREATE INDEX session_participants_absent ON session_participants (session_id, case_id) WHERE attendance = 'absent_unacceptable';
-- Enrolments still in their core stage, whose planned core sessions may be overdue.
CREATE INDEX enrolments_core ON enrolments (case_id, id) WHERE status = 'active' AND stage = 'core';
