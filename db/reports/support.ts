/**
 * Support outcomes: employment at the start vs at the end of the period, Hello Work referrals and
 * jobs found, trial employment, facility placements (stay, exit destinations), family seminars,
 * and the share of cases linked to medical or community (NGO) support beside the national 9.1%.
 */
import { codeRows, def, figure, percent, PER_CASE, round1, table, type SectionDef, type TableSpec, type Text } from './build';
import { ALL, type SectionQuery } from './engine';
import { EMPLOYMENT, EXIT_DESTINATION } from './labels';

/** National indicator: drug supervisees linked to medical or community support, FY2023 (DOMAIN.md). */
export const NATIONAL_LINKED_SHARE = 9.1;

const IN_SCOPE: Text = ['対象は期間中のケース。', 'Among the cases under supervision in the period.'];

/** Employment on the case's reference day: the last detailed status by then, else at termination, else at start. */
export const SUPPORT_CTES = [
  `emp AS MATERIALIZED (SELECT a.case_id, COALESCE(a.employment_at_start, 'unknown') AS at_start,
       COALESCE(
         (SELECT CASE es.status WHEN 'full_time' THEN 'employed' WHEN 'part_time' THEN 'employed' WHEN 'student' THEN 'student' ELSE 'unemployed' END
            FROM employment_status es WHERE es.case_id = a.case_id AND es.since <= a.ref_date
           ORDER BY es.since DESC, es.created_at DESC, es.id DESC LIMIT 1),
         CASE WHEN a.termination_date <= @to THEN a.employment_at_termination END,
         a.employment_at_start, 'unknown') AS at_end
     FROM act a)`,
  `esp AS MATERIALIZED (SELECT e.case_id, e.kind, e.outcome FROM employment_supports e JOIN act a ON a.case_id = e.case_id
            WHERE e.started_on BETWEEN @from AND @to)`,
  `pl AS MATERIALIZED (SELECT p.case_id, p.started_on, p.ended_on, p.exit_destination FROM placements p JOIN act a ON a.case_id = p.case_id)`,
  `fam AS MATERIALIZED (SELECT a.case_id, si.attendance FROM act a
             JOIN family_members fm ON fm.supervisee_id = a.supervisee_id
             JOIN seminar_invitations si ON si.family_member_id = fm.id
             JOIN seminars se ON se.id = si.seminar_id
            WHERE se.held_on BETWEEN @from AND @to)`,
];

const LINKED = `SELECT a.case_id FROM act a WHERE EXISTS (SELECT 1 FROM support_links l WHERE l.case_id = a.case_id
      AND l.started_on <= @to AND COALESCE(l.ended_on, @to) >= @from)
   OR EXISTS (SELECT 1 FROM enrolments e JOIN programs p ON p.id = e.program_id AND p.kind <> 'relapse_prevention'
      WHERE e.case_id = a.case_id AND e.enrolled_on <= @to AND COALESCE(e.completed_on, e.withdrawn_on, @to) >= @from)`;

const ENDED = 'ended_on BETWEEN @from AND @to';

const query: SectionQuery = {
  ctes: SUPPORT_CTES,
  sets: [
    { item: 'support.active', sql: `SELECT '${ALL}' AS key, case_id FROM act` },
    { item: 'support.employment.atStart', sql: 'SELECT at_start AS key, case_id FROM emp' },
    { item: 'support.employment.atEnd', sql: 'SELECT at_end AS key, case_id FROM emp' },
    { item: 'support.helloWorkReferrals', sql: `SELECT '${ALL}' AS key, case_id FROM esp WHERE kind = 'hello_work_referral'` },
    { item: 'support.helloWorkJobs', sql: `SELECT '${ALL}' AS key, case_id FROM esp WHERE kind = 'hello_work_referral' AND outcome = 'job_found'` },
    { item: 'support.trialEmployments', sql: `SELECT '${ALL}' AS key, case_id FROM esp WHERE kind = 'trial_employment'` },
    {
      item: 'support.jobsStarted',
      sql: `SELECT '${ALL}' AS key, j.case_id FROM jobs j JOIN act a ON a.case_id = j.case_id WHERE j.started_on BETWEEN @from AND @to`,
    },
    { item: 'support.inPlacement', sql: `SELECT '${ALL}' AS key, case_id FROM pl WHERE started_on <= @to AND COALESCE(ended_on, @to) >= @from` },
    { item: 'support.placementsStarted', sql: `SELECT '${ALL}' AS key, case_id FROM pl WHERE started_on BETWEEN @from AND @to` },
    { item: 'support.placementsEnded', sql: `SELECT '${ALL}' AS key, case_id FROM pl WHERE ${ENDED}` },
    { item: 'support.exits.cases', sql: `SELECT COALESCE(exit_destination, 'unknown') AS key, case_id FROM pl WHERE ${ENDED}` },
    { item: 'support.familyInvited', sql: `SELECT '${ALL}' AS key, case_id FROM fam` },
    { item: 'support.familyAttended', sql: `SELECT '${ALL}' AS key, case_id FROM fam WHERE attendance = 'attended'` },
    { item: 'support.linked', sql: `SELECT '${ALL}' AS key, case_id FROM (${LINKED})` },
  ],
  values: [
    {
      item: 'support.averageStay',
      sql: `SELECT '${ALL}' AS key, avg(julianday(ended_on) - julianday(started_on)) AS value FROM pl WHERE ${ENDED}`,
    },
    { item: 'support.familyAttendances', sql: `SELECT '${ALL}' AS key, count(*) AS value FROM fam WHERE attendance = 'attended'` },
  ],
};

const T = {
  employedAtStart: {
    label: ['開始時に就労していた割合', 'Employed at the start'],
    definition: def(IN_SCOPE, ['保護観察開始時の就労状況が「就労」のケースの割合。', 'Share of cases whose employment at the start of supervision was "employed".'], PER_CASE),
  },
  employedAtEnd: {
    label: ['期間末に就労していた割合', 'Employed at the end of the period'],
    definition: def(
      IN_SCOPE,
      [
        '期間末日（それより前に終了したケースは終了日）時点の就労状況が「就労」（常勤・非常勤）のケースの割合。就労状況の記録がなければ終了時、なければ開始時の状況による。',
        'Share of cases employed (full or part time) on the last day of the period (or at the end of supervision, if earlier): the latest recorded work status, else the status at termination, else at the start.',
      ],
      PER_CASE,
    ),
  },
  helloWorkReferrals: {
    label: ['ハローワークへの支援依頼', 'Hello Work referrals'],
    definition: def(IN_SCOPE, ['ハローワークへの就労支援依頼の開始日が期間内のケース。', 'Cases with a Hello Work referral started within the period.'], PER_CASE),
  },
  helloWorkJobs: {
    label: ['うち就職', 'of which found a job'],
    definition: def(['上のケースのうち、その依頼の結果が「就職」のケース。', 'Of those cases, the ones where that referral ended in a job found.'], PER_CASE),
  },
  helloWorkRate: {
    label: ['ハローワーク経由の就職率', 'Jobs found per referral'],
    definition: ['就職 ÷ 支援依頼（ケース単位）。依頼がなければ「—」。', 'Jobs found ÷ referrals (cases); "—" when there were none.'],
  },
  trialEmployments: {
    label: ['トライアル雇用', 'Trial employments'],
    definition: def(IN_SCOPE, ['トライアル雇用の開始日が期間内のケース。', 'Cases with a trial employment started within the period.'], PER_CASE),
  },
  jobsStarted: {
    label: ['就職（仕事の開始）', 'Jobs started'],
    definition: def(IN_SCOPE, ['仕事の開始日が期間内のケース（支援の有無を問わない）。', 'Cases with a job started within the period (with or without support).'], PER_CASE),
  },
  inPlacement: {
    label: ['施設に委託中のケース', 'Cases placed in a facility'],
    definition: def(IN_SCOPE, ['更生保護施設・自立準備ホーム等への委託期間が期間にかかるケース。', 'Cases with a facility placement overlapping the period.'], PER_CASE),
  },
  placementsStarted: {
    label: ['委託開始', 'Placements started'],
    definition: def(IN_SCOPE, ['委託開始日が期間内のケース。', 'Cases with a placement started within the period.'], PER_CASE),
  },
  placementsEnded: {
    label: ['委託終了（退所）', 'Placements ended'],
    definition: def(IN_SCOPE, ['委託終了日が期間内のケース。', 'Cases with a placement ended within the period.'], PER_CASE),
  },
  averageStay: {
    label: ['平均在所日数', 'Average stay'],
    definition: [
      '期間内に終了した委託の在所日数（終了日 − 開始日）の平均（委託単位）。全国の更生保護施設の平均は約82日。該当がなければ「—」。',
      'Mean days from start to end of the placements ended within the period (per placement); about 82 days in rehabilitation facilities nationally. "—" when none ended.',
    ],
  },
  familyInvited: {
    label: ['家族が引受人会・家族会に招かれたケース', 'Cases whose family was invited to a seminar'],
    definition: def(IN_SCOPE, ['期間内に開かれた引受人会・家族会に、対象者の家族が招かれたケース。', "Cases whose supervisee's family members were invited to a family seminar held within the period."], PER_CASE),
  },
  familyAttended: {
    label: ['家族が出席したケース', 'Cases whose family attended'],
    definition: def(IN_SCOPE, ['上のうち、家族が1人以上出席したケース。', 'Of those, cases where at least one family member attended.'], PER_CASE),
  },
  familyAttendances: {
    label: ['家族の出席（延べ人数）', 'Family attendances'],
    definition: ['出席した家族の延べ人数（家族1人・1回を1と数える）。', 'Attendances counted per family member and seminar.'],
  },
  linked: {
    label: ['医療・地域の支援につながったケース', 'Cases linked to medical or community support'],
    definition: def(
      IN_SCOPE,
      [
        '期間中に、医療機関・精神保健福祉センター・ダルク・自助グループ等との連携、または薬物再乱用防止プログラム以外の治療・支援プログラムの受講があったケース。',
        'Cases with a link to a medical or community organisation (hospitals, mental health centres, DARC, self-help groups…) or an enrolment in a treatment programme other than the relapse prevention program, overlapping the period.',
      ],
      PER_CASE,
    ),
  },
  linkedShare: {
    label: ['医療・地域の支援につながった割合', 'Share linked to medical or community support'],
    definition: ['上のケース ÷ 期間中のケース。', 'The cases above ÷ the cases under supervision in the period.'],
  },
  nationalLinkedShare: {
    label: ['（参考）全国の割合', '(Reference) national share'],
    definition: [
      '令和5年度に医療・地域の支援につながった薬物事犯の保護観察対象者の割合（全国、9.1%）。この事務所のデータではない。',
      'National share of drug-related supervisees linked to such support in FY2023 (9.1%): a reference, not this office\'s data.',
    ],
  },
} satisfies Record<string, { label: Text; definition: Text }>;

const EMPLOYMENT_TABLE: TableSpec = {
  id: 'support.employment',
  title: ['開始時と期間末の就労状況', 'Employment at the start and at the end of the period'],
  definition: def(
    IN_SCOPE,
    [
      'ケース数を、保護観察開始時の就労状況と、期間末日（それより前に終了したケースは終了日）時点の就労状況で分ける。',
      'Cases by their employment status at the start of supervision and on the last day of the period (or at the end of supervision, if earlier).',
    ],
    PER_CASE,
  ),
  dimension: ['就労状況', 'Employment'],
  columns: [
    { id: 'atStart', label: ['開始時', 'At start'], unit: 'count' },
    { id: 'atEnd', label: ['期間末', 'At end of period'], unit: 'count' },
  ],
  chart: 'bar',
};

const EXITS_TABLE: TableSpec = {
  id: 'support.exits',
  title: ['退所先', 'Exit destinations'],
  definition: def(['期間内に委託が終了したケースの退所先。', 'Where cases went when a placement ended within the period.'], PER_CASE),
  dimension: ['退所先', 'Destination'],
  columns: [{ id: 'cases', label: ['ケース', 'Cases'], unit: 'count' }],
  chart: 'pie',
};

export const supportSection: SectionDef = {
  id: 'support',
  title: ['就労・住居・家族・医療等の支援', 'Support outcomes'],
  query,
  build(r, { lang }) {
    const f = (id: keyof typeof T, value: number | null, unit: 'count' | 'percent' | 'days', drill: boolean) =>
      figure(lang, `support.${id}`, T[id], value, unit, drill);
    const active = r.get('support.active');
    const count = (id: keyof typeof T) => f(id, r.get(`support.${id}`), 'count', true);
    return {
      figures: [
        f('employedAtStart', percent(r.get('support.employment.atStart', 'employed'), active), 'percent', false),
        f('employedAtEnd', percent(r.get('support.employment.atEnd', 'employed'), active), 'percent', false),
        count('helloWorkReferrals'),
        count('helloWorkJobs'),
        f('helloWorkRate', percent(r.get('support.helloWorkJobs'), r.get('support.helloWorkReferrals')), 'percent', false),
        count('trialEmployments'),
        count('jobsStarted'),
        count('inPlacement'),
        count('placementsStarted'),
        count('placementsEnded'),
        f('averageStay', round1(r.maybe('support.averageStay')), 'days', false),
        count('familyInvited'),
        count('familyAttended'),
        f('familyAttendances', r.get('support.familyAttendances'), 'count', false),
        count('linked'),
        f('linkedShare', percent(r.get('support.linked'), active), 'percent', false),
        f('nationalLinkedShare', NATIONAL_LINKED_SHARE, 'percent', false),
      ],
      tables: [
        table(lang, EMPLOYMENT_TABLE, codeRows(lang, Object.keys(EMPLOYMENT), EMPLOYMENT), (col, key) => r.get(`support.employment.${col}`, key), true),
        table(lang, EXITS_TABLE, codeRows(lang, Object.keys(EXIT_DESTINATION), EXIT_DESTINATION), (col, key) => r.get(`support.exits.${col}`, key), true),
      ],
      notes: [],
    };
  },
};
