/**
 * Drug relapse prevention program and simple drug testing: enrolments, core completion, step-up
 * attendance, tests taken and their results. Test figures follow the casework visibility rule
 * (db/services/caseload.ts maySeeRestricted): a viewer who may not see a case's tests does not get
 * them counted either, and the section says so.
 */
import { codeRows, def, figure, percent, PER_CASE, say, table, type SectionDef, type TableSpec, type Text } from './build';
import { ALL, type SectionQuery } from './engine';
import { TEST_RESULT } from './labels';

const DRP: Text = ['薬物再乱用防止プログラム（種類が relapse_prevention のプログラム）', 'The drug relapse prevention program (programs of kind relapse_prevention)'];
const IN_SCOPE: Text = ['対象は期間中のケース。', 'Among the cases under supervision in the period.'];
const VISIBLE: Text = [
  '検査結果を見る権限のないケースの検査は含めない。',
  'Tests of cases whose results the viewer may not see are left out.',
];

export const DRUG_CTES = [
  `drp AS MATERIALIZED (SELECT e.case_id, e.enrolled_on, e.core_completed_on, e.completed_on, e.withdrawn_on
             FROM enrolments e JOIN programs p ON p.id = e.program_id AND p.kind = 'relapse_prevention'
             JOIN act a ON a.case_id = e.case_id)`,
  `su AS MATERIALIZED (SELECT sp.case_id, sp.attendance FROM session_participants sp
            JOIN program_sessions ps ON ps.id = sp.session_id
            JOIN programs p ON p.id = ps.program_id AND p.kind = 'relapse_prevention'
            JOIN act a ON a.case_id = sp.case_id
           WHERE ps.stage = 'step_up' AND ps.status = 'held' AND ps.held_on BETWEEN @from AND @to AND sp.attendance <> 'pending')`,
  `tp AS MATERIALIZED (SELECT t.case_id, t.result, (@seeAll = 1 OR a.officer_id = @viewer) AS visible FROM drug_tests t
            JOIN act a ON a.case_id = t.case_id WHERE t.tested_on BETWEEN @from AND @to)`,
];

const CORE_ENDED = 'core_completed_on BETWEEN @from AND @to OR (core_completed_on IS NULL AND withdrawn_on BETWEEN @from AND @to)';

const query: SectionQuery = {
  ctes: DRUG_CTES,
  sets: [
    {
      item: 'drugs.enrolled',
      sql: `SELECT '${ALL}' AS key, case_id FROM drp WHERE enrolled_on <= @to AND COALESCE(completed_on, withdrawn_on, @to) >= @from`,
    },
    { item: 'drugs.newEnrolments', sql: `SELECT '${ALL}' AS key, case_id FROM drp WHERE enrolled_on BETWEEN @from AND @to` },
    { item: 'drugs.coreCompleted', sql: `SELECT '${ALL}' AS key, case_id FROM drp WHERE core_completed_on BETWEEN @from AND @to` },
    { item: 'drugs.coreEnded', sql: `SELECT '${ALL}' AS key, case_id FROM drp WHERE ${CORE_ENDED}` },
    { item: 'drugs.stepUpCases', sql: `SELECT '${ALL}' AS key, case_id FROM su WHERE attendance IN ('attended', 'late')` },
    { item: 'drugs.casesTested', sql: `SELECT '${ALL}' AS key, case_id FROM tp WHERE visible` },
    { item: 'drugs.results.cases', sql: 'SELECT result AS key, case_id FROM tp WHERE visible' },
  ],
  values: [
    { item: 'drugs.stepUpRecorded', sql: `SELECT '${ALL}' AS key, count(*) AS value FROM su` },
    { item: 'drugs.stepUpAttended', sql: `SELECT '${ALL}' AS key, count(*) AS value FROM su WHERE attendance IN ('attended', 'late')` },
    { item: 'drugs.testsTaken', sql: `SELECT '${ALL}' AS key, count(*) AS value FROM tp WHERE visible` },
    { item: 'drugs.results.tests', sql: 'SELECT result AS key, count(*) AS value FROM tp WHERE visible GROUP BY result' },
    { item: 'drugs.hiddenTests', sql: `SELECT '${ALL}' AS key, count(*) AS value FROM tp WHERE NOT visible` },
  ],
};

const T = {
  enrolled: {
    label: ['プログラム受講中のケース', 'Cases enrolled in the program'],
    definition: def(DRP, ['の受講期間（受講開始日から修了日・中止日まで）が期間にかかるケース。', ': cases whose enrolment (from enrolment to completion or withdrawal) overlaps the period.'], IN_SCOPE, PER_CASE),
  },
  newEnrolments: {
    label: ['新規受講開始', 'New enrolments'],
    definition: def(DRP, ['の受講開始日が期間内のケース。', ': cases enrolled within the period.'], IN_SCOPE, PER_CASE),
  },
  coreCompleted: {
    label: ['コアプログラム修了', 'Core program completed'],
    definition: def(['コアプログラム（全5回）の修了日が期間内のケース。', 'Cases that completed the core program (5 sessions) within the period.'], IN_SCOPE, PER_CASE),
  },
  coreRate: {
    label: ['コアプログラム修了率', 'Core completion rate'],
    definition: [
      '期間内にコア段階を終えたケース（修了、またはコア修了前の中止）のうち修了したケースの割合。該当がなければ「—」。事件単位。',
      'Of the cases that left the core stage within the period (completed it, or withdrew before completing it), the share that completed it; "—" when none did. Counted per case.',
    ],
  },
  stepUpCases: {
    label: ['ステップアップに出席したケース', 'Cases attending step-up sessions'],
    definition: def(['期間内に実施されたステップアッププログラムに1回以上出席（遅刻を含む）したケース。', 'Cases that attended (including late) at least one step-up session held within the period.'], PER_CASE),
  },
  stepUpRate: {
    label: ['ステップアップ出席率', 'Step-up attendance rate'],
    definition: [
      '期間内に実施されたステップアップの回ごとの出欠記録のうち、出席（遅刻を含む）の割合。未記録は除く。記録がなければ「—」。',
      'Of the attendance records of step-up sessions held within the period, the share attended (including late); pending records left out; "—" when there are none.',
    ],
  },
  casesTested: {
    label: ['簡易薬物検出検査を受けたケース', 'Cases tested'],
    definition: def(['期間内に1回以上検査を受けた（拒否を含む）ケース。', 'Cases with at least one test (refusals included) within the period.'], VISIBLE, PER_CASE),
  },
  testsTaken: {
    label: ['検査の回数', 'Tests taken'],
    definition: def(['期間内の検査の件数（拒否を含む）。', 'Tests recorded within the period (refusals included), counted per test.'], VISIBLE),
  },
} satisfies Record<string, { label: Text; definition: Text }>;

const RESULTS: TableSpec = {
  id: 'drugs.results',
  title: ['検査結果', 'Test results'],
  definition: def(
    ['期間内の検査を結果別に数える。ケース数はその結果が1回以上あったケース（事件単位）、回数は検査の件数。', 'Tests within the period by result: cases with at least one such result (counted per case), and the number of tests.'],
    VISIBLE,
  ),
  dimension: ['結果', 'Result'],
  columns: [
    { id: 'cases', label: ['ケース', 'Cases'], unit: 'count' },
    { id: 'tests', label: ['回数', 'Tests'], unit: 'count' },
  ],
  chart: 'bar',
};

export const drugsSection: SectionDef = {
  id: 'drugs',
  title: ['薬物再乱用防止プログラムと簡易薬物検出検査', 'Drug program and testing'],
  query,
  build(r, { lang }) {
    const f = (id: keyof typeof T, value: number | null, unit: 'count' | 'percent', drill: boolean) =>
      figure(lang, `drugs.${id}`, T[id], value, unit, drill);
    const hidden = r.get('drugs.hiddenTests');
    return {
      figures: [
        f('enrolled', r.get('drugs.enrolled'), 'count', true),
        f('newEnrolments', r.get('drugs.newEnrolments'), 'count', true),
        f('coreCompleted', r.get('drugs.coreCompleted'), 'count', true),
        f('coreRate', percent(r.get('drugs.coreCompleted'), r.get('drugs.coreEnded')), 'percent', false),
        f('stepUpCases', r.get('drugs.stepUpCases'), 'count', true),
        f('stepUpRate', percent(r.get('drugs.stepUpAttended'), r.get('drugs.stepUpRecorded')), 'percent', false),
        f('casesTested', r.get('drugs.casesTested'), 'count', true),
        f('testsTaken', r.get('drugs.testsTaken'), 'count', false),
      ],
      tables: [
        table(lang, RESULTS, codeRows(lang, Object.keys(TEST_RESULT), TEST_RESULT), (col, key) => r.get(`drugs.results.${col}`, key), true),
      ],
      notes:
        hidden > 0
          ? [
              say(
                ['検査結果を見る権限のないケースの検査は、この節の数に含めていません。', 'Tests of cases whose results you may not see are not included in this section.'],
                lang,
              ),
            ]
          : [],
    };
  },
};
