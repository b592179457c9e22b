-- Caseload dashboard: the flags of every case in an office are computed with a handful of
-- whole-office queries over a recent date window, so those windows need date indexes.

-- Contacts of the current and previous month, read in full (the columns the standards need),
-- so the index covers them and the table is not touched.
CREATE INDEX contacts_window ON contacts (contact_date, case_id, kind, outcome, by_vpo_id, report_month);
-- VPO monthly reports by the month they cover ("missing report" flag, standards by report month),
-- with the day received: a report usually arrives in the month after the one it covers.
CREATE INDEX contacts_report_month ON contacts (report_month, contact_date, case_id, outcome, by_vpo_id)
  WHERE kind = 'vpo_monthly_report';
-- "Last contact" per case: the newest held contact that is not a monthly report, one seek per case.
CREATE INDEX contacts_last_held ON contacts (case_id, contact_date) WHERE outcome = 'held' AND kind <> 'vpo_monthly_report';
-- The phase running today, for every case in a caseload (category filter and column), from the index alone.
CREATE INDEX case_phases_current ON case_phases (case_id, seq, start_date, category, kind, id);
-- Positive or refused tests in the last 90 days.
CREATE INDEX drug_tests_flagged ON drug_tests (tested_on, case_id) WHERE result IN ('positive', 'refused');
-- Scheduled appointments whose time has passed.
CREATE INDEX appointments_scheduled ON appointments (starts_at, case_id) WHERE status = 'scheduled';
