/**
 * Caseload: cases under supervision in the period by officer, VPO, category (and partial suspended
 * sentence phases), drug type, intensity level, age band and sex; new starts and terminations.
 */
import { DRUG_TYPES, SEXES } from '../contract';
import { codeRows, def, figure, idRows, PER_CASE, say, table, type SectionDef, type TableSpec, type Text } from './build';
import { ALL, type SectionQuery } from './engine';
import { AGE_BAND, AGE_BANDS, ageBandSql, ageSql, CATEGORY, DRUG, SEX } from './labels';

const ACTIVE_DEF: Text = [
  '期間中に1日でも保護観察を受けていたケース（開始日が期間末日以前、かつ終了日（終了していれば終了日、していなければ予定終了日）が期間初日以後）。',
  'Cases under supervision on at least one day of the period (start on or before the last day, and end — the termination date, else the planned end — on or after the first day).',
];
const AS_OF: Text = [
  '区分・年齢は期間末日（それより前に終了したケースは終了日）時点のもの。処遇区分と薬物の種類は現在の記録による。',
  'Category and age are as of the last day of the period (or the end of supervision, if earlier); intensity level and drug types are as currently recorded.',
];

const COL_ACTIVE = { id: 'active', label: ['期間中のケース', 'Cases in period'] as Text, unit: 'count' as const };

const TABLES = {
  byOfficer: {
    id: 'caseload.byOfficer',
    title: ['担当官別のケース数', 'Cases by officer'],
    definition: def(ACTIVE_DEF, ['担当官は対象者の現在の担当。', "The officer is the supervisee's current officer."], PER_CASE),
    dimension: ['担当官', 'Officer'],
    columns: [
      COL_ACTIVE,
      { id: 'starts', label: ['開始', 'Started'], unit: 'count' },
      { id: 'terminations', label: ['終了', 'Terminated'], unit: 'count' },
    ],
    chart: 'bar',
  },
  byVpo: {
    id: 'caseload.byVpo',
    title: ['保護司別のケース数', 'Cases by volunteer probation officer'],
    definition: def(ACTIVE_DEF, ['保護司は対象者の現在の担当保護司。', "The VPO is the supervisee's current VPO."], PER_CASE),
    dimension: ['保護司', 'VPO'],
    columns: [COL_ACTIVE],
    chart: 'none',
    growsWithOffice: true,
  },
  byCategory: {
    id: 'caseload.byCategory',
    title: ['号種別のケース数', 'Cases by category'],
    definition: def(
      ACTIVE_DEF,
      AS_OF,
      [
        '一部執行猶予の列は、そのうち刑の一部執行猶予のケース（3号は一部執行猶予者の仮釈放、4号は保護観察付一部執行猶予の段階）。',
        'The partial column counts those serving a partially suspended sentence (category 3: the parole phase; category 4: the probation phase).',
      ],
      PER_CASE,
    ),
    dimension: ['号種', 'Category'],
    columns: [COL_ACTIVE, { id: 'partial', label: ['うち一部執行猶予', 'of which partial suspension'], unit: 'count' }],
    chart: 'bar',
  },
  byDrugType: {
    id: 'caseload.byDrugType',
    title: ['薬物の種類別のケース数', 'Cases by drug type'],
    definition: def(
      ACTIVE_DEF,
      ['複数の薬物が記録されたケースはそれぞれの種類に数えるため、合計はケース数を超えることがある。', 'A case with several drug types counts under each, so rows may add up to more than the cases.'],
      PER_CASE,
    ),
    dimension: ['薬物の種類', 'Drug type'],
    columns: [COL_ACTIVE],
    chart: 'bar',
  },
  byIntensity: {
    id: 'caseload.byIntensity',
    title: ['処遇区分別のケース数', 'Cases by intensity level'],
    definition: def(ACTIVE_DEF, AS_OF, PER_CASE),
    dimension: ['処遇区分', 'Intensity level'],
    columns: [COL_ACTIVE],
    chart: 'bar',
  },
  byAgeBand: {
    id: 'caseload.byAgeBand',
    title: ['年齢層別のケース数', 'Cases by age band'],
    definition: def(ACTIVE_DEF, AS_OF, PER_CASE),
    dimension: ['年齢層', 'Age band'],
    columns: [COL_ACTIVE],
    chart: 'bar',
  },
  bySex: {
    id: 'caseload.bySex',
    title: ['性別のケース数', 'Cases by sex'],
    definition: def(ACTIVE_DEF, PER_CASE),
    dimension: ['性別', 'Sex'],
    columns: [COL_ACTIVE],
    chart: 'pie',
  },
} satisfies Record<string, TableSpec>;

const OFFICER = "COALESCE(officer_id, 'none')";

/** The phase running on the case's reference day: the last one started by then, else the first. */
export const PHASE_CTE = `ph AS MATERIALIZED (
  SELECT a.case_id, COALESCE((SELECT p.category || ':' || p.kind FROM case_phases p WHERE p.case_id = a.case_id
      ORDER BY p.start_date <= a.ref_date DESC, CASE WHEN p.start_date <= a.ref_date THEN -p.seq ELSE p.seq END LIMIT 1), '?:?') AS ck
    FROM act a)`;

const query: SectionQuery = {
  ctes: [PHASE_CTE],
  sets: [
    { item: 'caseload.active', sql: `SELECT '${ALL}' AS key, case_id FROM act` },
    { item: 'caseload.starts', sql: `SELECT '${ALL}' AS key, case_id FROM act WHERE start_date >= @from` },
    { item: 'caseload.terminations', sql: `SELECT '${ALL}' AS key, case_id FROM act WHERE termination_date BETWEEN @from AND @to` },
    { item: 'caseload.byOfficer.active', sql: `SELECT ${OFFICER} AS key, case_id FROM act` },
    { item: 'caseload.byOfficer.starts', sql: `SELECT ${OFFICER} AS key, case_id FROM act WHERE start_date >= @from` },
    { item: 'caseload.byOfficer.terminations', sql: `SELECT ${OFFICER} AS key, case_id FROM act WHERE termination_date BETWEEN @from AND @to` },
    { item: 'caseload.byVpo.active', sql: "SELECT COALESCE(vpo_id, 'none') AS key, case_id FROM act" },
    { item: 'caseload.byCategory.active', sql: 'SELECT substr(ck, 1, 1) AS key, case_id FROM ph' },
    { item: 'caseload.byCategory.partial', sql: "SELECT substr(ck, 1, 1) AS key, case_id FROM ph WHERE ck LIKE '%:partial\\_%' ESCAPE '\\'" },
    {
      item: 'caseload.byDrugType.active',
      sql: `SELECT j.value AS key, a.case_id FROM act a, json_each(a.drug_types) j
            UNION ALL SELECT 'none' AS key, case_id FROM act WHERE json_array_length(drug_types) = 0`,
    },
    { item: 'caseload.byIntensity.active', sql: 'SELECT intensity_level AS key, case_id FROM act' },
    { item: 'caseload.byAgeBand.active', sql: `SELECT ${ageBandSql(ageSql('birth_date', 'ref_date'))} AS key, case_id FROM act` },
    { item: 'caseload.bySex.active', sql: 'SELECT sex AS key, case_id FROM act' },
  ],
  values: [],
  materializeActive: true,
};

const FIGURES = {
  active: { label: ['期間中のケース', 'Cases under supervision in the period'], definition: def(ACTIVE_DEF, PER_CASE) },
  starts: {
    label: ['新規開始', 'New starts'],
    definition: def(['保護観察の開始日が期間内のケース。', 'Cases whose supervision started within the period.'], PER_CASE),
  },
  terminations: {
    label: ['終了', 'Terminations'],
    definition: def(['保護観察が終了し、終了日が期間内のケース（事由を問わない）。', 'Cases terminated (for any reason) with the termination date within the period.'], PER_CASE),
  },
} satisfies Record<string, { label: Text; definition: Text }>;

export const caseloadSection: SectionDef = {
  id: 'caseload',
  title: ['ケース数（担当・号種・薬物・処遇区分・年齢・性別）', 'Caseload'],
  query,
  build(r, { lang, names }) {
    const cell = (tableId: string) => (col: string, key: string) => r.get(`${tableId}.${col}`, key);
    const levels = r.keys('caseload.byIntensity.active').sort();
    const none = say(['未割当', 'Unassigned'], lang);
    return {
      figures: (['active', 'starts', 'terminations'] as const).map((k) =>
        figure(lang, `caseload.${k}`, FIGURES[k], r.get(`caseload.${k}`), 'count', true),
      ),
      tables: [
        table(lang, TABLES.byOfficer, idRows(r.keys('caseload.byOfficer.active'), (id) => names('officer', id), none), cell(TABLES.byOfficer.id), true),
        table(lang, TABLES.byVpo, idRows(r.keys('caseload.byVpo.active'), (id) => names('vpo', id), none), cell(TABLES.byVpo.id), true),
        table(lang, TABLES.byCategory, codeRows(lang, ['1', '2', '3', '4', '5'], CATEGORY), cell(TABLES.byCategory.id), true),
        table(lang, TABLES.byDrugType, codeRows(lang, [...DRUG_TYPES, 'none'], DRUG), cell(TABLES.byDrugType.id), true),
        table(lang, TABLES.byIntensity, levels.map((key) => ({ key, label: key })), cell(TABLES.byIntensity.id), true),
        table(lang, TABLES.byAgeBand, codeRows(lang, AGE_BANDS, AGE_BAND), cell(TABLES.byAgeBand.id), true),
        table(lang, TABLES.bySex, codeRows(lang, SEXES, SEX), cell(TABLES.bySex.id), true),
      ],
      notes: [],
    };
  },
};
