/** Measures taken (good and bad conduct) and terminations by reason. */
import { MEASURE_KINDS, TERMINATION_REASONS } from '../contract';
import { codeRows, def, figure, PER_CASE, table, type SectionDef, type TableSpec, type Text } from './build';
import { ALL, type SectionQuery } from './engine';
import { MEASURE, TERMINATION } from './labels';

const ms = `SELECT m.case_id, m.kind FROM measures m JOIN act a ON a.case_id = m.case_id WHERE m.decided_on BETWEEN @from AND @to`;
const ends = `SELECT case_id, termination_reason, employment_at_termination FROM act WHERE termination_date BETWEEN @from AND @to`;

const query: SectionQuery = {
  ctes: [`ms AS MATERIALIZED (${ms})`, `ends AS MATERIALIZED (${ends})`],
  sets: [
    { item: 'outcomes.casesWithMeasures', sql: `SELECT '${ALL}' AS key, case_id FROM ms` },
    { item: 'outcomes.measures.cases', sql: 'SELECT kind AS key, case_id FROM ms' },
    { item: 'outcomes.terminations.cases', sql: "SELECT COALESCE(termination_reason, 'other') AS key, case_id FROM ends" },
    {
      item: 'outcomes.terminations.employed',
      sql: "SELECT COALESCE(termination_reason, 'other') AS key, case_id FROM ends WHERE employment_at_termination = 'employed'",
    },
  ],
  values: [
    { item: 'outcomes.measuresTaken', sql: `SELECT '${ALL}' AS key, count(*) AS value FROM ms` },
    { item: 'outcomes.measures.count', sql: 'SELECT kind AS key, count(*) AS value FROM ms GROUP BY kind' },
  ],
};

const MEASURES_DEF: Text = ['措置の決定日が期間内のもの。対象は期間中のケース。', 'Measures decided within the period, for the cases under supervision in the period.'];

const T = {
  casesWithMeasures: { label: ['措置がとられたケース', 'Cases with a measure'], definition: def(MEASURES_DEF, PER_CASE) },
  measuresTaken: { label: ['措置の件数', 'Measures taken'], definition: def(MEASURES_DEF, ['措置の件数で数える。', 'Counted per measure.']) },
} satisfies Record<string, { label: Text; definition: Text }>;

const MEASURES: TableSpec = {
  id: 'outcomes.measures',
  title: ['措置の種類別', 'Measures by kind'],
  definition: def(MEASURES_DEF, [
    'ケースはその種類の措置が1件以上あったケース（事件単位）、件数は措置の件数。',
    'Cases: with at least one measure of that kind (counted per case); count: the measures.',
  ]),
  dimension: ['措置', 'Measure'],
  columns: [
    { id: 'cases', label: ['ケース', 'Cases'], unit: 'count' },
    { id: 'count', label: ['件数', 'Measures'], unit: 'count' },
  ],
  chart: 'bar',
};

const TERMINATIONS: TableSpec = {
  id: 'outcomes.terminations',
  title: ['終了事由別', 'Terminations by reason'],
  definition: def(
    ['終了日が期間内のケースを終了事由別に数える。「うち就労」は終了時の就労状況が就労のケース。', 'Cases terminated within the period, by reason; "employed" counts those employed at termination.'],
    PER_CASE,
  ),
  dimension: ['終了事由', 'Reason'],
  columns: [
    { id: 'cases', label: ['ケース', 'Cases'], unit: 'count' },
    { id: 'employed', label: ['うち終了時就労', 'of which employed'], unit: 'count' },
  ],
  chart: 'bar',
};

export const outcomesSection: SectionDef = {
  id: 'outcomes',
  title: ['措置と終了事由', 'Measures and terminations'],
  query,
  build(r, { lang }) {
    return {
      figures: [
        figure(lang, 'outcomes.casesWithMeasures', T.casesWithMeasures, r.get('outcomes.casesWithMeasures'), 'count', true),
        figure(lang, 'outcomes.measuresTaken', T.measuresTaken, r.get('outcomes.measuresTaken'), 'count', false),
      ],
      tables: [
        table(lang, MEASURES, codeRows(lang, MEASURE_KINDS, MEASURE), (col, key) => r.get(`outcomes.measures.${col}`, key), true),
        table(lang, TERMINATIONS, codeRows(lang, TERMINATION_REASONS, TERMINATION), (col, key) => r.get(`outcomes.terminations.${col}`, key), true),
      ],
      notes: [],
    };
  },
};
