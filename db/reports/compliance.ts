/**
 * Compliance: contacts due vs done per officer and overall, by the contact-standard rules of
 * db/casework/standards.ts (the caseload flags' rules) applied month by month in SQL; overdue
 * cases; missing VPO monthly reports; appointments that ended without an outcome.
 */
import { CONTACT_KINDS } from '../contract';
import { def, figure, idRows, percent, PER_CASE, say, table, type SectionDef, type TableSpec, type Text } from './build';
import { ALL, type SectionQuery } from './engine';

const MONTHS_DEF: Text = [
  '対象月は、期間にかかる暦月のうち報告作成日より前に終わった月（各月を丸ごと見る）。',
  'Months counted: the calendar months touching the period that ended before the report date (each month taken whole).',
];
const STANDARD_DEF: Text = [
  '必要回数は処遇区分の接触基準（保護観察官・保護司それぞれ月あたりの回数）で、月の一部だけ保護観察中（開始・終了・保護観察の停止）の月は日数で按分し四捨五入。実施回数は実施済み（held）で、その区分で数える種類の接触だけ（保護司の月例報告は、管理者が数える種類に加えた場合のみ）。各月・各側とも必要回数を上限に数える。',
  "Contacts due follow the intensity level's contact standard (per month, for the PO and for the VPO), prorated by supervised days and rounded half up in a month only partly supervised (start, end, suspension of supervision). Contacts done are held contacts of the kinds the level counts (a VPO monthly report only if an administrator listed it), capped at what was due per month and side.",
];

export const COMPLIANCE_CTES = [
  `mon(first) AS (SELECT substr(@from, 1, 8) || '01' UNION ALL SELECT date(first, '+1 month') FROM mon WHERE date(first, '+1 month') <= @to)`,
  `mo AS (SELECT substr(first, 1, 7) AS m, first, date(first, '+1 month', '-1 day') AS last FROM mon
           WHERE date(first, '+1 month', '-1 day') < @today)`,
  `cm AS MATERIALIZED (SELECT a.case_id, a.officer_id, a.intensity_level, mo.m, mo.first, mo.last,
                 max(a.start_date, mo.first) AS lo, min(a.end_date, mo.last) AS hi,
                 CAST(substr(mo.last, 9, 2) AS INTEGER) AS dim
            FROM act a JOIN mo ON a.start_date <= mo.last AND a.end_date >= mo.first)`,
  `cmd AS MATERIALIZED (SELECT cm.*, CAST(julianday(cm.hi) - julianday(cm.lo) + 1 - COALESCE((
             SELECT sum(max(0, julianday(min(cm.hi, COALESCE(date(ss.resumed_on, '-1 day'), cm.hi))) - julianday(max(cm.lo, ss.from_date)) + 1))
               FROM supervision_suspensions ss WHERE ss.case_id = cm.case_id), 0) AS INTEGER) AS days
             FROM cm)`,
  `req AS MATERIALIZED (SELECT cmd.case_id, cmd.officer_id, cmd.m, cmd.lo, cmd.hi, cmd.intensity_level AS lvl,
             CASE WHEN cmd.days = cmd.dim THEN st.po_per_month ELSE CAST(st.po_per_month * cmd.days * 1.0 / cmd.dim + 0.5 AS INTEGER) END AS po_req,
             CASE WHEN cmd.days = cmd.dim THEN st.vpo_per_month ELSE CAST(st.vpo_per_month * cmd.days * 1.0 / cmd.dim + 0.5 AS INTEGER) END AS vpo_req
             FROM cmd JOIN contact_standards st ON st.id = cmd.intensity_level WHERE cmd.days > 0)`,
  // Held contacts that can count for their month: the contacts window is read once (covering index
  // on the date), each contact looked up in req; a VPO monthly report counts for the month reported on.
  `kc AS (
     SELECT k.case_id, r.m, k.kind, (IFNULL(k.by_vpo_id, '') <> '') AS v
       FROM contacts k CROSS JOIN req r ON r.case_id = k.case_id AND r.m = substr(k.contact_date, 1, 7)
      WHERE k.contact_date BETWEEN (SELECT min(first) FROM mo) AND (SELECT max(last) FROM mo)
        AND k.contact_date BETWEEN r.lo AND r.hi AND k.outcome = 'held' AND k.kind <> 'vpo_monthly_report'
        AND NOT EXISTS (SELECT 1 FROM supervision_suspensions ss WHERE ss.case_id = k.case_id
                         AND ss.from_date <= k.contact_date AND (ss.resumed_on IS NULL OR k.contact_date < ss.resumed_on))
     UNION ALL
     SELECT k.case_id, r.m, k.kind, (IFNULL(k.by_vpo_id, '') <> '') AS v
       FROM contacts k JOIN req r ON r.case_id = k.case_id AND r.m = k.report_month
      WHERE k.kind = 'vpo_monthly_report' AND k.report_month BETWEEN (SELECT min(m) FROM mo) AND (SELECT max(m) FROM mo)
        AND k.outcome = 'held')`,
  // Which side a kind counts for, per level and "recorded as by a VPO" (db/casework/standards.ts):
  // the VPO side first for a VPO's contact of a VPO kind, else the PO side, else the VPO side.
  // Kinds are JSON arrays of plain codes, so finding '"code"' in the text is membership.
  `sides AS (SELECT st.id AS lvl, kk.value AS kind, vv.v,
       CASE WHEN vv.v AND instr(st.vpo_kinds, '"' || kk.value || '"') > 0 THEN 'vpo'
            WHEN instr(st.po_kinds, '"' || kk.value || '"') > 0 THEN 'po'
            WHEN instr(st.vpo_kinds, '"' || kk.value || '"') > 0 THEN 'vpo' END AS side
       FROM contact_standards st, json_each('${JSON.stringify(CONTACT_KINDS)}') kk, (SELECT 0 AS v UNION ALL SELECT 1) vv)`,
  `kg AS (SELECT case_id, m, kind, v, count(*) AS n FROM kc GROUP BY case_id, m, kind, v)`,
  `done AS (SELECT kg.case_id, kg.m, sum(kg.n) FILTER (WHERE x.side = 'po') AS po_n, sum(kg.n) FILTER (WHERE x.side = 'vpo') AS vpo_n
              FROM kg JOIN req r ON r.case_id = kg.case_id AND r.m = kg.m
              JOIN sides x ON x.lvl = r.lvl AND x.kind = kg.kind AND x.v = kg.v
             GROUP BY kg.case_id, kg.m)`,
  `cmp AS MATERIALIZED (SELECT r.case_id, COALESCE(r.officer_id, 'none') AS officer, r.m, r.po_req, r.vpo_req,
             min(COALESCE(d.po_n, 0), r.po_req) AS po_done, min(COALESCE(d.vpo_n, 0), r.vpo_req) AS vpo_done
             FROM req r LEFT JOIN done d ON d.case_id = r.case_id AND d.m = r.m)`,
];

const OVERDUE = 'po_done < po_req OR vpo_done < vpo_req';
const ENDED_APPOINTMENT = `SELECT a.case_id FROM act a JOIN appointments ap ON ap.case_id = a.case_id
  WHERE ap.status = 'scheduled' AND date(ap.starts_at, '+9 hours') BETWEEN @from AND @to
    AND strftime('%Y-%m-%dT%H:%M:%fZ', ap.starts_at, '+' || ap.duration_min || ' minutes') <= @now`;
const MISSING_REPORT = `SELECT cm.case_id FROM cm WHERE NOT EXISTS (SELECT 1 FROM contacts k
  WHERE k.case_id = cm.case_id AND k.kind = 'vpo_monthly_report' AND k.report_month = cm.m)`;

const query: SectionQuery = {
  ctes: COMPLIANCE_CTES,
  sets: [
    { item: 'compliance.casesDue', sql: `SELECT '${ALL}' AS key, case_id FROM cmp WHERE po_req + vpo_req > 0` },
    { item: 'compliance.overdueCases', sql: `SELECT '${ALL}' AS key, case_id FROM cmp WHERE ${OVERDUE}` },
    { item: 'compliance.byOfficer.cases', sql: 'SELECT officer AS key, case_id FROM cmp WHERE po_req + vpo_req > 0' },
    { item: 'compliance.byOfficer.overdue', sql: `SELECT officer AS key, case_id FROM cmp WHERE ${OVERDUE}` },
    { item: 'compliance.missingVpoReports', sql: `SELECT '${ALL}' AS key, case_id FROM (${MISSING_REPORT})` },
    { item: 'compliance.appointmentsWithoutOutcome', sql: `SELECT '${ALL}' AS key, case_id FROM (${ENDED_APPOINTMENT})` },
  ],
  values: [
    { item: 'compliance.months', sql: `SELECT '${ALL}' AS key, count(*) AS value FROM mo` },
    { item: 'compliance.due', sql: `SELECT '${ALL}' AS key, sum(po_req + vpo_req) AS value FROM cmp` },
    { item: 'compliance.done', sql: `SELECT '${ALL}' AS key, sum(po_done + vpo_done) AS value FROM cmp` },
    { item: 'compliance.byOfficer.due', sql: 'SELECT officer AS key, sum(po_req + vpo_req) AS value FROM cmp GROUP BY officer' },
    { item: 'compliance.byOfficer.done', sql: 'SELECT officer AS key, sum(po_done + vpo_done) AS value FROM cmp GROUP BY officer' },
    { item: 'compliance.missingVpoReportMonths', sql: `SELECT '${ALL}' AS key, count(*) AS value FROM (${MISSING_REPORT})` },
    { item: 'compliance.appointmentsOpen', sql: `SELECT '${ALL}' AS key, count(*) AS value FROM (${ENDED_APPOINTMENT})` },
  ],
};

const T = {
  months: { label: ['対象月数', 'Months counted'], definition: MONTHS_DEF },
  casesDue: {
    label: ['接触の必要があったケース', 'Cases with contacts due'],
    definition: def(MONTHS_DEF, ['対象月に1回以上の接触が必要だったケース。', 'Cases with at least one contact due in a month counted.'], PER_CASE),
  },
  due: { label: ['必要な接触回数', 'Contacts due'], definition: def(MONTHS_DEF, STANDARD_DEF, ['回数で数える。', 'Counted in contacts.']) },
  done: { label: ['実施した接触回数', 'Contacts done'], definition: def(MONTHS_DEF, STANDARD_DEF, ['回数で数える。', 'Counted in contacts.']) },
  rate: {
    label: ['接触基準の達成率', 'Contacts done / due'],
    definition: def(['実施回数 ÷ 必要回数。必要回数が0なら「—」。', 'Contacts done ÷ contacts due; "—" when none were due.'], STANDARD_DEF),
  },
  overdueCases: {
    label: ['接触が不足したケース', 'Overdue cases'],
    definition: def(
      MONTHS_DEF,
      ['いずれかの対象月で、保護観察官または保護司の実施回数が必要回数に届かなかったケース（ケース一覧の「接触遅れ」と同じ基準）。', 'Cases that, in any month counted, had fewer PO or VPO contacts than due (the rule of the caseload\'s overdue flag).'],
      PER_CASE,
    ),
  },
  missingVpoReports: {
    label: ['保護司の月例報告が未提出のケース', 'Cases with a missing VPO report'],
    definition: def(
      MONTHS_DEF,
      ['保護観察中の日がある対象月について、その月の保護司月例報告（報告月で判定）が記録されていないケース。', 'Cases with no VPO monthly report recorded for a month counted in which they were under supervision (by the month reported on).'],
      PER_CASE,
    ),
  },
  missingVpoReportMonths: {
    label: ['未提出の月例報告（件数）', 'Missing VPO reports (case-months)'],
    definition: [
      '上のケースについて、報告がない対象月の延べ数。',
      'The number of case-months behind the figure above.',
    ],
  },
  appointmentsWithoutOutcome: {
    label: ['結果未入力の面接予定があるケース', 'Cases with appointments without outcome'],
    definition: def(
      ['期間内（日本時間）に予定され、報告作成時点で終了時刻を過ぎたのに結果（接触記録）も取消しもない予定があるケース。', 'Cases with an appointment scheduled within the period (Japan time) that has ended by the time of the report and has neither an outcome (a contact) nor a cancellation.'],
      PER_CASE,
    ),
  },
  appointmentsOpen: {
    label: ['結果未入力の予定（件数）', 'Appointments without outcome'],
    definition: ['上のケースの該当予定の件数。', 'The number of such appointments.'],
  },
} satisfies Record<string, { label: Text; definition: Text }>;

const BY_OFFICER: TableSpec = {
  id: 'compliance.byOfficer',
  title: ['担当官別の接触基準の達成状況', 'Contacts due and done by officer'],
  definition: def(MONTHS_DEF, STANDARD_DEF, [
    'ケース数・不足ケースは事件単位（ケース単位）、必要・実施は回数。',
    'Cases and overdue cases are counted per case; due and done in contacts.',
  ]),
  dimension: ['担当官', 'Officer'],
  columns: [
    { id: 'cases', label: ['ケース', 'Cases'], unit: 'count' },
    { id: 'due', label: ['必要', 'Due'], unit: 'count' },
    { id: 'done', label: ['実施', 'Done'], unit: 'count' },
    { id: 'rate', label: ['達成率', 'Done / due'], unit: 'percent' },
    { id: 'overdue', label: ['不足ケース', 'Overdue cases'], unit: 'count' },
  ],
  chart: 'bar',
};

export const complianceSection: SectionDef = {
  id: 'compliance',
  title: ['接触基準の遵守', 'Compliance'],
  query,
  build(r, { lang, names }) {
    const due = r.get('compliance.due');
    const done = r.get('compliance.done');
    const f = (id: keyof typeof T, value: number | null, unit: 'count' | 'percent' | 'months', drill: boolean) =>
      figure(lang, `compliance.${id}`, T[id], value, unit, drill);
    const officerCell = (col: string, key: string): number | null => {
      if (col === 'rate') return percent(r.get('compliance.byOfficer.done', key), r.get('compliance.byOfficer.due', key));
      return r.get(`compliance.byOfficer.${col}`, key);
    };
    const rows = idRows(r.keys('compliance.byOfficer.cases'), (id) => names('officer', id), say(['未割当', 'Unassigned'], lang));
    return {
      figures: [
        f('months', r.get('compliance.months'), 'months', false),
        f('casesDue', r.get('compliance.casesDue'), 'count', true),
        f('due', due, 'count', false),
        f('done', done, 'count', false),
        f('rate', percent(done, due), 'percent', false),
        f('overdueCases', r.get('compliance.overdueCases'), 'count', true),
        f('missingVpoReports', r.get('compliance.missingVpoReports'), 'count', true),
        f('missingVpoReportMonths', r.get('compliance.missingVpoReportMonths'), 'count', false),
        f('appointmentsWithoutOutcome', r.get('compliance.appointmentsWithoutOutcome'), 'count', true),
        f('appointmentsOpen', r.get('compliance.appointmentsOpen'), 'count', false),
      ],
      tables: [table(lang, BY_OFFICER, rows, officerCell, true)],
      notes: r.get('compliance.months') === 0
        ? [say(['期間内に終わった月がまだないため、接触基準の集計はありません。', 'No month of the period has ended yet, so there are no contact-standard figures.'], lang)]
        : [],
    };
  },
};
