/**
 * Hand-written SQL for the supervisor report: ONE query per section, written from the definitions
 * the report prints (db/reports/*.ts definition texts), NOT from the app's code — different CTEs,
 * FILTER clauses instead of case sets, JSON matched with instr(). The report test asserts the
 * app's figures equal these; the benchmark times the app's sections against them.
 *
 * Keys: a figure's id ('caseload.active'), or a table cell 'tableId|rowKey|columnId'. Counts that
 * are zero may be absent; percents are not computed here (the test derives them from counts).
 */
import type { Db } from '../../db/open';

export interface HandParams {
  from: string;
  to: string;
  /** Japan date of the report, and its instant. */
  today: string;
  now: string;
  scope: { kind: 'office' } | { kind: 'unit'; unit: string } | { kind: 'officer'; officerId: string };
  /** The viewer and whether they see every case's drug tests. */
  viewer: string;
  seeAll: boolean;
}

const SCOPE = `(@kind = 'office'
   OR (@kind = 'unit' AND s.officer_id IN (SELECT id FROM users WHERE unit = @unit))
   OR (@kind = 'officer' AND s.officer_id = @officer))`;

/** Cases in scope supervised on a day of the period, with the supervisee's columns. */
const CASES = `inp AS (
  SELECT c.id, c.supervisee_id AS pid, s.officer_id, s.vpo_id, c.start_date AS sd,
         COALESCE(c.termination_date, c.planned_end_date) AS ed, c.termination_date AS td, c.termination_reason AS tr,
         c.employment_at_start AS eas, c.employment_at_termination AS eat, c.intensity_level AS lvl,
         s.sex, s.birth_date AS bd, s.drug_types AS dt,
         CASE WHEN COALESCE(c.termination_date, c.planned_end_date) < @to THEN COALESCE(c.termination_date, c.planned_end_date) ELSE @to END AS asof
    FROM cases c JOIN supervisees s ON s.id = c.supervisee_id
   WHERE ${SCOPE} AND c.start_date <= @to AND COALESCE(c.termination_date, c.planned_end_date) >= @from)`;

const AGE = `((strftime('%Y', asof) - strftime('%Y', bd)) - (strftime('%m%d', asof) < strftime('%m%d', bd)))`;
const BAND = `CASE WHEN ${AGE} >= 65 THEN '65+' WHEN ${AGE} >= 50 THEN '50-64' WHEN ${AGE} >= 40 THEN '40-49'
  WHEN ${AGE} >= 30 THEN '30-39' WHEN ${AGE} >= 20 THEN '20-29' ELSE 'under20' END`;

export const HAND_SQL = {
  caseload: `WITH ${CASES},
  ph AS (SELECT inp.*, COALESCE(
      (SELECT x.category || x.kind FROM case_phases x WHERE x.case_id = inp.id AND x.start_date <= inp.asof ORDER BY x.seq DESC LIMIT 1),
      (SELECT x.category || x.kind FROM case_phases x WHERE x.case_id = inp.id ORDER BY x.seq ASC LIMIT 1)) AS phase
    FROM inp)
  SELECT 'caseload.active' AS k, count(*) AS v FROM inp
  UNION ALL SELECT 'caseload.starts', count(*) FILTER (WHERE sd >= @from) FROM inp
  UNION ALL SELECT 'caseload.terminations', count(*) FILTER (WHERE td >= @from AND td <= @to) FROM inp
  UNION ALL SELECT 'caseload.byOfficer|' || IFNULL(officer_id, 'none') || '|active', count(*) FROM inp GROUP BY officer_id
  UNION ALL SELECT 'caseload.byOfficer|' || IFNULL(officer_id, 'none') || '|starts', count(*) FILTER (WHERE sd >= @from) FROM inp GROUP BY officer_id
  UNION ALL SELECT 'caseload.byOfficer|' || IFNULL(officer_id, 'none') || '|terminations', count(*) FILTER (WHERE td >= @from AND td <= @to) FROM inp GROUP BY officer_id
  UNION ALL SELECT 'caseload.byVpo|' || IFNULL(vpo_id, 'none') || '|active', count(*) FROM inp GROUP BY vpo_id
  UNION ALL SELECT 'caseload.byCategory|' || substr(phase, 1, 1) || '|active', count(*) FROM ph GROUP BY substr(phase, 1, 1)
  UNION ALL SELECT 'caseload.byCategory|' || substr(phase, 1, 1) || '|partial', count(*) FILTER (WHERE instr(phase, 'partial_') > 0) FROM ph GROUP BY substr(phase, 1, 1)
  UNION ALL SELECT 'caseload.byDrugType|' || j.value || '|active', count(DISTINCT inp.id) FROM inp JOIN json_each(inp.dt) j GROUP BY j.value
  UNION ALL SELECT 'caseload.byDrugType|none|active', count(*) FILTER (WHERE dt = '[]' OR dt = '') FROM inp
  UNION ALL SELECT 'caseload.byIntensity|' || lvl || '|active', count(*) FROM inp GROUP BY lvl
  UNION ALL SELECT 'caseload.byAgeBand|' || ${BAND} || '|active', count(*) FROM inp GROUP BY ${BAND}
  UNION ALL SELECT 'caseload.bySex|' || sex || '|active', count(*) FROM inp GROUP BY sex`,

  compliance: `WITH RECURSIVE ${CASES},
  months(m0) AS (SELECT date(@from, 'start of month') UNION ALL SELECT date(m0, '+1 month') FROM months WHERE date(m0, '+1 month') <= @to),
  ended AS (SELECT m0, date(m0, '+1 month', '-1 day') AS m1, strftime('%Y-%m', m0) AS ym FROM months WHERE date(m0, '+1 month') <= @today),
  span AS MATERIALIZED (SELECT inp.id, inp.officer_id, inp.lvl, e.ym, CAST(strftime('%d', e.m1) AS INTEGER) AS dim,
                  CASE WHEN inp.sd > e.m0 THEN inp.sd ELSE e.m0 END AS a, CASE WHEN inp.ed < e.m1 THEN inp.ed ELSE e.m1 END AS b
             FROM inp JOIN ended e ON inp.sd <= e.m1 AND inp.ed >= e.m0),
  stopped AS (SELECT span.id, span.ym,
                sum(MAX(0, julianday(CASE WHEN ss.resumed_on IS NULL OR date(ss.resumed_on, '-1 day') > span.b THEN span.b ELSE date(ss.resumed_on, '-1 day') END)
                         - julianday(CASE WHEN ss.from_date > span.a THEN ss.from_date ELSE span.a END) + 1)) AS n
              FROM span JOIN supervision_suspensions ss ON ss.case_id = span.id GROUP BY span.id, span.ym),
  days AS (SELECT span.*, CAST(julianday(b) - julianday(a) + 1 - IFNULL(stopped.n, 0) AS INTEGER) AS d
             FROM span LEFT JOIN stopped ON stopped.id = span.id AND stopped.ym = span.ym),
  need AS MATERIALIZED (SELECT days.*, st.po_kinds, st.vpo_kinds,
             CASE WHEN d = dim THEN st.po_per_month ELSE CAST((st.po_per_month * d) / (dim * 1.0) + 0.5 AS INTEGER) END AS npo,
             CASE WHEN d = dim THEN st.vpo_per_month ELSE CAST((st.vpo_per_month * d) / (dim * 1.0) + 0.5 AS INTEGER) END AS nvpo
             FROM days JOIN contact_standards st ON st.id = days.lvl WHERE d > 0),
  held AS (SELECT need.id, need.ym,
      count(*) FILTER (WHERE side = 'po') AS hpo, count(*) FILTER (WHERE side = 'vpo') AS hvpo
    FROM need JOIN (
      SELECT k.case_id, CASE WHEN k.kind = 'vpo_monthly_report' THEN k.report_month ELSE strftime('%Y-%m', k.contact_date) END AS ym,
             k.kind, k.by_vpo_id, k.contact_date, k.kind = 'vpo_monthly_report' AS rep
        FROM contacts k WHERE k.outcome = 'held'
         AND (k.contact_date BETWEEN date(@from, 'start of month') AND @today OR k.kind = 'vpo_monthly_report')
    ) kk ON kk.case_id = need.id AND kk.ym = need.ym
       AND (kk.rep OR (kk.contact_date BETWEEN need.a AND need.b AND NOT EXISTS (
             SELECT 1 FROM supervision_suspensions ss WHERE ss.case_id = kk.case_id AND kk.contact_date >= ss.from_date
                AND (ss.resumed_on IS NULL OR kk.contact_date < ss.resumed_on))))
    JOIN (SELECT 'po' AS side UNION ALL SELECT 'vpo') sides ON sides.side = CASE
        WHEN IFNULL(kk.by_vpo_id, '') <> '' AND instr(need.vpo_kinds, '"' || kk.kind || '"') > 0 THEN 'vpo'
        WHEN instr(need.po_kinds, '"' || kk.kind || '"') > 0 THEN 'po'
        WHEN instr(need.vpo_kinds, '"' || kk.kind || '"') > 0 THEN 'vpo' END
    GROUP BY need.id, need.ym),
  res AS MATERIALIZED (SELECT need.id, IFNULL(need.officer_id, 'none') AS off, need.npo, need.nvpo,
             MIN(IFNULL(held.hpo, 0), need.npo) AS dpo, MIN(IFNULL(held.hvpo, 0), need.nvpo) AS dvpo
            FROM need LEFT JOIN held ON held.id = need.id AND held.ym = need.ym),
  short AS (SELECT DISTINCT id, off FROM res WHERE dpo < npo OR dvpo < nvpo),
  nodue AS (SELECT DISTINCT id, off FROM res WHERE npo + nvpo > 0),
  missing AS (SELECT span.id FROM span LEFT JOIN contacts r ON r.case_id = span.id AND r.kind = 'vpo_monthly_report' AND r.report_month = span.ym
               WHERE r.id IS NULL),
  open AS (SELECT ap.case_id FROM appointments ap JOIN inp ON inp.id = ap.case_id
            WHERE ap.status = 'scheduled' AND date(ap.starts_at, '+9 hours') >= @from AND date(ap.starts_at, '+9 hours') <= @to
              AND julianday(ap.starts_at) + ap.duration_min / 1440.0 <= julianday(@now) + 1e-9)
  SELECT 'compliance.months' AS k, count(*) AS v FROM ended
  UNION ALL SELECT 'compliance.casesDue', count(*) FROM nodue
  UNION ALL SELECT 'compliance.due', sum(npo + nvpo) FROM res
  UNION ALL SELECT 'compliance.done', sum(dpo + dvpo) FROM res
  UNION ALL SELECT 'compliance.overdueCases', count(*) FROM short
  UNION ALL SELECT 'compliance.byOfficer|' || off || '|cases', count(*) FROM nodue GROUP BY off
  UNION ALL SELECT 'compliance.byOfficer|' || off || '|due', sum(npo + nvpo) FROM res GROUP BY off
  UNION ALL SELECT 'compliance.byOfficer|' || off || '|done', sum(dpo + dvpo) FROM res GROUP BY off
  UNION ALL SELECT 'compliance.byOfficer|' || off || '|overdue', count(*) FROM short GROUP BY off
  UNION ALL SELECT 'compliance.missingVpoReports', count(DISTINCT id) FROM missing
  UNION ALL SELECT 'compliance.missingVpoReportMonths', count(*) FROM missing
  UNION ALL SELECT 'compliance.appointmentsWithoutOutcome', count(DISTINCT case_id) FROM open
  UNION ALL SELECT 'compliance.appointmentsOpen', count(*) FROM open`,

  drugs: `WITH ${CASES},
  en AS (SELECT e.* FROM enrolments e JOIN inp ON inp.id = e.case_id
          WHERE e.program_id IN (SELECT id FROM programs WHERE kind = 'relapse_prevention')),
  tests AS (SELECT t.case_id, t.result FROM drug_tests t JOIN inp ON inp.id = t.case_id
             WHERE t.tested_on >= @from AND t.tested_on <= @to AND (@seeAll OR inp.officer_id = @viewer)),
  steps AS (SELECT sp.case_id, sp.attendance IN ('attended', 'late') AS came FROM session_participants sp
              JOIN program_sessions ps ON ps.id = sp.session_id JOIN inp ON inp.id = sp.case_id
             WHERE ps.stage = 'step_up' AND ps.status = 'held' AND ps.held_on >= @from AND ps.held_on <= @to
               AND sp.attendance <> 'pending' AND ps.program_id IN (SELECT id FROM programs WHERE kind = 'relapse_prevention'))
  SELECT 'drugs.enrolled' AS k, count(DISTINCT case_id) FILTER (WHERE enrolled_on <= @to AND IFNULL(IFNULL(completed_on, withdrawn_on), '9999-12-31') >= @from) AS v FROM en
  UNION ALL SELECT 'drugs.newEnrolments', count(DISTINCT case_id) FILTER (WHERE enrolled_on >= @from AND enrolled_on <= @to) FROM en
  UNION ALL SELECT 'drugs.coreCompleted', count(DISTINCT case_id) FILTER (WHERE core_completed_on >= @from AND core_completed_on <= @to) FROM en
  UNION ALL SELECT 'drugs.coreEnded', count(DISTINCT case_id) FILTER (WHERE (core_completed_on >= @from AND core_completed_on <= @to)
      OR (core_completed_on IS NULL AND withdrawn_on >= @from AND withdrawn_on <= @to)) FROM en
  UNION ALL SELECT 'drugs.stepUpCases', count(DISTINCT case_id) FILTER (WHERE came) FROM steps
  UNION ALL SELECT 'drugs.stepUpRecorded', count(*) FROM steps
  UNION ALL SELECT 'drugs.stepUpAttended', count(*) FILTER (WHERE came) FROM steps
  UNION ALL SELECT 'drugs.casesTested', count(DISTINCT case_id) FROM tests
  UNION ALL SELECT 'drugs.testsTaken', count(*) FROM tests
  UNION ALL SELECT 'drugs.results|' || result || '|cases', count(DISTINCT case_id) FROM tests GROUP BY result
  UNION ALL SELECT 'drugs.results|' || result || '|tests', count(*) FROM tests GROUP BY result`,

  support: `WITH ${CASES},
  now_emp AS (SELECT inp.id, IFNULL(inp.eas, 'unknown') AS s0, IFNULL((
      SELECT CASE WHEN es.status IN ('full_time', 'part_time') THEN 'employed' WHEN es.status = 'student' THEN 'student' ELSE 'unemployed' END
        FROM employment_status es WHERE es.case_id = inp.id AND es.since <= inp.asof ORDER BY es.since DESC, es.created_at DESC, es.id DESC LIMIT 1),
      IFNULL(CASE WHEN inp.td <= @to THEN inp.eat END, IFNULL(inp.eas, 'unknown'))) AS s1 FROM inp),
  sup AS (SELECT e.case_id, e.kind, e.outcome FROM employment_supports e JOIN inp ON inp.id = e.case_id WHERE e.started_on >= @from AND e.started_on <= @to),
  pla AS (SELECT p.* FROM placements p JOIN inp ON inp.id = p.case_id),
  fam AS (SELECT inp.id, i.attendance FROM seminar_invitations i JOIN seminars m ON m.id = i.seminar_id
            JOIN family_members f ON f.id = i.family_member_id JOIN inp ON inp.pid = f.supervisee_id
           WHERE m.held_on >= @from AND m.held_on <= @to),
  linked AS (SELECT l.case_id AS id FROM support_links l JOIN inp ON inp.id = l.case_id WHERE l.started_on <= @to AND (l.ended_on IS NULL OR l.ended_on >= @from)
             UNION SELECT e.case_id FROM enrolments e JOIN inp ON inp.id = e.case_id JOIN programs g ON g.id = e.program_id
              WHERE g.kind <> 'relapse_prevention' AND e.enrolled_on <= @to AND IFNULL(IFNULL(e.completed_on, e.withdrawn_on), '9999-12-31') >= @from)
  SELECT 'support.active' AS k, count(*) AS v FROM inp
  UNION ALL SELECT 'support.employment|' || s0 || '|atStart', count(*) FROM now_emp GROUP BY s0
  UNION ALL SELECT 'support.employment|' || s1 || '|atEnd', count(*) FROM now_emp GROUP BY s1
  UNION ALL SELECT 'support.helloWorkReferrals', count(DISTINCT case_id) FILTER (WHERE kind = 'hello_work_referral') FROM sup
  UNION ALL SELECT 'support.helloWorkJobs', count(DISTINCT case_id) FILTER (WHERE kind = 'hello_work_referral' AND outcome = 'job_found') FROM sup
  UNION ALL SELECT 'support.trialEmployments', count(DISTINCT case_id) FILTER (WHERE kind = 'trial_employment') FROM sup
  UNION ALL SELECT 'support.jobsStarted', count(DISTINCT j.case_id) FROM jobs j JOIN inp ON inp.id = j.case_id WHERE j.started_on >= @from AND j.started_on <= @to
  UNION ALL SELECT 'support.inPlacement', count(DISTINCT case_id) FILTER (WHERE started_on <= @to AND (ended_on IS NULL OR ended_on >= @from)) FROM pla
  UNION ALL SELECT 'support.placementsStarted', count(DISTINCT case_id) FILTER (WHERE started_on >= @from AND started_on <= @to) FROM pla
  UNION ALL SELECT 'support.placementsEnded', count(DISTINCT case_id) FILTER (WHERE ended_on >= @from AND ended_on <= @to) FROM pla
  UNION ALL SELECT 'support.exits|' || IFNULL(exit_destination, 'unknown') || '|cases', count(DISTINCT case_id) FROM pla
    WHERE ended_on >= @from AND ended_on <= @to GROUP BY IFNULL(exit_destination, 'unknown')
  UNION ALL SELECT 'support.averageStay', avg(julianday(ended_on) - julianday(started_on)) FROM pla WHERE ended_on >= @from AND ended_on <= @to
  UNION ALL SELECT 'support.familyInvited', count(DISTINCT id) FROM fam
  UNION ALL SELECT 'support.familyAttended', count(DISTINCT id) FILTER (WHERE attendance = 'attended') FROM fam
  UNION ALL SELECT 'support.familyAttendances', count(*) FILTER (WHERE attendance = 'attended') FROM fam
  UNION ALL SELECT 'support.linked', count(*) FROM linked`,

  outcomes: `WITH ${CASES},
  ms AS (SELECT m.case_id, m.kind FROM measures m JOIN inp ON inp.id = m.case_id WHERE m.decided_on >= @from AND m.decided_on <= @to),
  fin AS (SELECT id, IFNULL(tr, 'other') AS tr, eat FROM inp WHERE td >= @from AND td <= @to)
  SELECT 'outcomes.casesWithMeasures' AS k, count(DISTINCT case_id) AS v FROM ms
  UNION ALL SELECT 'outcomes.measuresTaken', count(*) FROM ms
  UNION ALL SELECT 'outcomes.measures|' || kind || '|cases', count(DISTINCT case_id) FROM ms GROUP BY kind
  UNION ALL SELECT 'outcomes.measures|' || kind || '|count', count(*) FROM ms GROUP BY kind
  UNION ALL SELECT 'outcomes.terminations|' || tr || '|cases', count(*) FROM fin GROUP BY tr
  UNION ALL SELECT 'outcomes.terminations|' || tr || '|employed', count(*) FILTER (WHERE eat = 'employed') FROM fin GROUP BY tr`,
} as const;

export type HandSection = keyof typeof HAND_SQL;

export function handBinds(p: HandParams): Record<string, string | number> {
  return {
    from: p.from,
    to: p.to,
    today: p.today,
    now: p.now,
    kind: p.scope.kind,
    unit: p.scope.kind === 'unit' ? p.scope.unit : '',
    officer: p.scope.kind === 'officer' ? p.scope.officerId : '',
    viewer: p.viewer,
    seeAll: p.seeAll ? 1 : 0,
  };
}

/** One section's numbers by the hand-written query. */
export function handSection(db: Db, section: HandSection, p: HandParams): Map<string, number | null> {
  const out = new Map<string, number | null>();
  for (const [k, v] of db.prepare(HAND_SQL[section]).raw(true).all(handBinds(p)) as [string, number | null][]) out.set(k, v);
  return out;
}
