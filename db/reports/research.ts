/**
 * The anonymised research extract: aggregated tables only — no names, addresses, birth dates or
 * ids, ages in bands, the scope named by its kind only. Counts of 1–4 read "<5"; cells hidden so
 * that those cannot be recomputed from the totals read "X" (db/reports/suppression.ts).
 * It reads only through the connection it is given: the report worker's, once the main side has
 * authorised and prepared the request (db/services/reports.ts).
 */
import { SEXES, type Report, type ReportSection } from '../contract';
import type { ServiceContext } from '../write';
import { say, type Text } from './build';
import { PHASE_CTE } from './caseload';
import { ALL, runSection, type SectionQuery } from './engine';
import { csvBytes, type Cell } from './export-csv';
import { AGE_BAND, AGE_BANDS, ageBandSql, ageSql, CATEGORY, SEX } from './labels';
import { computeSection, SECTIONS, type Prepared } from './run';
import { MIN_PUBLISHED, suppress } from './suppression';

const AGE = ageBandSql(ageSql('a.birth_date', 'a.ref_date'));

const CROSS: SectionQuery = {
  ctes: [PHASE_CTE],
  sets: [
    { item: 'categoryByAge', sql: `SELECT substr(ph.ck, 1, 1) || '|' || ${AGE} AS key, a.case_id FROM act a JOIN ph ON ph.case_id = a.case_id` },
    { item: 'sexByAge', sql: `SELECT a.sex || '|' || ${AGE} AS key, a.case_id FROM act a` },
    { item: 'active', sql: `SELECT '${ALL}' AS key, case_id FROM act` },
  ],
  values: [],
};

/** Report tables that go into the extract (their first column, a count of cases). */
export const FROM_REPORT = [
  'caseload.byDrugType',
  'caseload.byIntensity',
  'drugs.results',
  'support.employment',
  'support.exits',
  'outcomes.measures',
  'outcomes.terminations',
];

const T: Record<string, Text> = {
  title: ['研究用集計（匿名化）', 'Research extract (anonymised)'],
  legend: [
    '1〜4のセルは「<5」、合計から逆算されないよう追加で秘匿したセルは「X」。氏名・住所・生年月日・IDは含まない。年齢は年齢層。事件単位（ケース単位）。',
    'Cells of 1–4 read "<5"; cells also hidden so that those cannot be recomputed from totals read "X". No names, addresses, birth dates or ids; ages in bands; counted per case.',
  ],
  period: ['期間', 'Period'],
  scope: ['範囲', 'Scope'],
  generatedAt: ['作成日時', 'Generated at'],
  total: ['計', 'Total'],
  categoryByAge: ['号種 × 年齢層（期間中のケース）', 'Category × age band (cases in period)'],
  sexByAge: ['性別 × 年齢層（期間中のケース）', 'Sex × age band (cases in period)'],
  office: ['事務所全体', 'Whole office'],
  unit: ['部門', 'Unit'],
  officer: ['担当官1名分', 'One officer'],
};

interface Grid {
  id: string;
  label: string;
  rows: { key: string; label: string }[];
  cols: { key: string; label: string }[];
  value: (row: string, col: string) => number;
}

function render(g: Grid, primary: (n: number) => boolean, totalLabel: string): Cell[][] {
  const values = g.rows.map((r) => g.cols.map((c) => g.value(r.key, c.key)));
  const s = suppress(values);
  const show = (shown: number | null, raw: number): Cell => (shown !== null ? shown : primary(raw) ? '<5' : 'X');
  const out: Cell[][] = [];
  g.rows.forEach((r, i) => {
    g.cols.forEach((c, j) => out.push([g.id, g.label, r.label, c.label, show(s.cells[i]![j]!, values[i]![j]!)]));
    if (s.rowTotals) out.push([g.id, g.label, r.label, totalLabel, show(s.rowTotals[i]!, values[i]!.reduce((a, b) => a + b, 0))]);
  });
  g.cols.forEach((c, j) => out.push([g.id, g.label, totalLabel, c.label, show(s.colTotals[j]!, values.reduce((a, row) => a + row[j]!, 0))]));
  if (s.rowTotals) out.push([g.id, g.label, totalLabel, totalLabel, show(s.total, values.flat().reduce((a, b) => a + b, 0))]);
  return out;
}

/** What the extract takes from the report: its dates, its time, and the sections holding FROM_REPORT's tables. */
export type ResearchReport = Pick<Report, 'from' | 'to' | 'generatedAt'> & { sections: Pick<ReportSection, 'tables'>[] };

type Conn = Pick<ServiceContext, 'db'>;

export function researchGrids(ctx: Conn, p: Prepared, report: ResearchReport): Grid[] {
  const lang = p.build.lang;
  const r = runSection(ctx.db, p.scope.where, CROSS, p.params);
  const bands = AGE_BANDS.map((key) => ({ key, label: say(AGE_BAND[key]!, lang) }));
  const grids: Grid[] = [
    {
      id: 'research.categoryByAge',
      label: say(T.categoryByAge!, lang),
      rows: ['1', '2', '3', '4', '5'].map((key) => ({ key, label: say(CATEGORY[key]!, lang) })),
      cols: bands,
      value: (row, col) => r.get('categoryByAge', `${row}|${col}`),
    },
    {
      id: 'research.sexByAge',
      label: say(T.sexByAge!, lang),
      rows: SEXES.map((key) => ({ key, label: say(SEX[key]!, lang) })),
      cols: bands,
      value: (row, col) => r.get('sexByAge', `${row}|${col}`),
    },
  ];
  for (const s of report.sections) {
    for (const t of s.tables.filter((x) => FROM_REPORT.includes(x.id))) {
      const col = t.columns[0]!;
      grids.push({
        id: t.id,
        label: `${t.title}（${col.label}）`,
        rows: t.rows.map((x) => ({ key: x.key, label: x.label })),
        cols: [{ key: col.id, label: col.label }],
        value: (row) => t.rows.find((x) => x.key === row)?.values[0] ?? 0,
      });
    }
  }
  return grids;
}

export function researchCsv(ctx: Conn, p: Prepared, report: ResearchReport): Uint8Array {
  const lang = p.build.lang;
  const primary = (n: number) => n >= 1 && n < MIN_PUBLISHED;
  const lines: Cell[][] = [
    [say(T.title!, lang)],
    [say(T.legend!, lang)],
    [say(T.period!, lang), report.from, report.to],
    [say(T.scope!, lang), say(T[p.request.scope.kind]!, lang)],
    [say(T.generatedAt!, lang), report.generatedAt],
    [],
    lang === 'ja' ? ['表ID', '表', '行', '列', '値'] : ['table id', 'table', 'row', 'column', 'value'],
  ];
  for (const g of researchGrids(ctx, p, report)) lines.push(...render(g, primary, say(T.total!, lang)));
  return csvBytes(lines);
}

/** The sections whose tables the extract uses: compliance, the slowest, has none of them. */
const USED_SECTIONS = SECTIONS.filter((def) => FROM_REPORT.some((id) => id.startsWith(`${def.id}.`)));

/**
 * The whole extract on one connection: the sections it draws on, the cross tables, the CSV. The
 * same bytes as researchCsv over the full report (only FROM_REPORT's tables are read from it).
 */
export function researchExtract(ctx: Conn, p: Prepared, generatedAt: string): Uint8Array {
  const sections = USED_SECTIONS.map((def) => computeSection(ctx, p, def).section);
  return researchCsv(ctx, p, { from: p.from, to: p.to, generatedAt, sections });
}
