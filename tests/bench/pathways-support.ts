/**
 * Benchmark screens of vocational support and facility placements, run by ./pathways.ts on its
 * demo office (scale 100 by default): employer search and facility occupancy, each against the
 * same result hand-written in SQL. Each app result is checked once against its SQL twin.
 */
import { contract, type ParsedInputOf } from '../../db/contract';
import type { Db } from '../../db/open';
import { employerPatterns, listEmployers } from '../../db/services/employers';
import { facilityOccupancy } from '../../db/services/facilities';
import { stmt } from '../../db/statements';
import type { ServiceContext } from '../../db/write';

export interface SupportOp {
  what: string;
  baseline: string;
  app: (i: number) => unknown;
  raw: (db: Db, i: number) => unknown;
}

const parse = <C extends keyof typeof contract>(c: C, input: unknown) => contract[c].input.parse(input) as ParsedInputOf<C>;

/** The employer list hand-written: the page with its total, then the open jobs of the page's employers. */
function rawEmployers(db: Db, where: string, params: Record<string, string | number>): { total: number; ids: string[]; employing: number } {
  const page = stmt(
    db,
    `SELECT *, count(*) OVER () AS total FROM employers WHERE ${where}
      ORDER BY active DESC, name_kana = '', name_kana, name, id LIMIT 100`,
  ).all(params) as { id: string; total: number }[];
  const jobs = stmt(
    db,
    `SELECT employer_id, count(*) AS n FROM jobs WHERE ended_on IS NULL AND employer_id IN (SELECT value FROM json_each(?)) GROUP BY employer_id`,
  ).all(JSON.stringify(page.map((r) => r.id))) as { n: number }[];
  return { total: page[0]?.total ?? 0, ids: page.map((r) => r.id), employing: jobs.reduce((s, r) => s + r.n, 0) };
}

const OCCUPANCY_SQL = `
WITH RECURSIVE months (m, first, last) AS (
  SELECT strftime('%Y-%m', @from), @from, min(date(@from, 'start of month', '+1 month', '-1 day'), @to)
  UNION ALL
  SELECT strftime('%Y-%m', date(first, 'start of month', '+1 month')), date(first, 'start of month', '+1 month'),
         min(date(first, 'start of month', '+2 months', '-1 day'), @to)
    FROM months WHERE date(first, 'start of month', '+1 month') <= @to
),
p AS (SELECT facility_id, started_on, ended_on FROM placements WHERE started_on <= @to AND (ended_on IS NULL OR ended_on >= @from))
SELECT f.id, f.name, f.kind, f.capacity, m.m AS month, julianday(m.last) - julianday(m.first) + 1 AS days,
       count(p.facility_id) FILTER (WHERE p.started_on < min(coalesce(p.ended_on, '9999-12-31'), date(m.last, '+1 day'))
                                     AND coalesce(p.ended_on, '9999-12-31') > m.first) AS active,
       coalesce(sum(max(0, julianday(min(coalesce(p.ended_on, '9999-12-31'), date(m.last, '+1 day'))) - julianday(max(p.started_on, m.first)))), 0) AS bed_days,
       count(p.facility_id) FILTER (WHERE p.ended_on BETWEEN m.first AND m.last) AS ended,
       avg(julianday(p.ended_on) - julianday(p.started_on)) FILTER (WHERE p.ended_on BETWEEN m.first AND m.last) AS stay
  FROM facilities f CROSS JOIN months m
  LEFT JOIN p ON p.facility_id = f.id AND p.started_on <= m.last AND (p.ended_on IS NULL OR p.ended_on >= m.first)
 WHERE (f.active = 1 OR EXISTS (SELECT 1 FROM p q WHERE q.facility_id = f.id)) AND (@facility IS NULL OR f.id = @facility)
 GROUP BY f.id, m.m ORDER BY f.name, f.id, m.m`;

function rawOccupancy(db: Db, from: string, to: string, facility: string | null): { rows: number; bedDays: number; ended: number } {
  const rows = stmt(db, OCCUPANCY_SQL).all({ from, to, facility }) as { bed_days: number; ended: number }[];
  return { rows: rows.length, bedDays: rows.reduce((s, r) => s + r.bed_days, 0), ended: rows.reduce((s, r) => s + r.ended, 0) };
}

export function supportOps(ctx: ServiceContext, today: string): SupportOp[] {
  const db = ctx.db;
  const busiest = stmt(db, 'SELECT facility_id FROM placements GROUP BY facility_id ORDER BY count(*) DESC, facility_id LIMIT 1').pluck().get() as
    | string
    | undefined;
  const yearFrom = `${Number(today.slice(0, 4)) - 1}${today.slice(4, 7)}-01`;
  const twoYearsFrom = `${Number(today.slice(0, 4)) - 2}${today.slice(4, 7)}-01`;

  const kana = parse('employers.list', { query: 'やまだ', activeOnly: true });
  const romaji = parse('employers.list', { query: 'yamada', industry: '建設業', acceptsDrugOffences: true });
  const filtered = parse('employers.list', { municipality: '港区', acceptsDrugOffences: true, activeOnly: true });
  const likeBoth = (patterns: string[]) => patterns.map((_, i) => `name LIKE @q${i} OR name_kana LIKE @q${i}`).join(' OR ');
  const kanaP = employerPatterns('やまだ');
  const romajiP = employerPatterns('yamada');
  const qs = (patterns: string[]) => Object.fromEntries(patterns.map((p, i) => [`q${i}`, p]));

  const ops: SupportOp[] = [
    {
      what: 'employer search, kana 「やまだ」, active only: first page of 100 with total and open jobs',
      baseline: 'LIKE on name and reading (hiragana and katakana forms), window total, open jobs of the page',
      app: () => listEmployers(ctx, kana),
      raw: (d) => rawEmployers(d, `(${likeBoth(kanaP)}) AND active = 1`, qs(kanaP)),
    },
    {
      what: 'employer search, romaji "yamada", construction, takes drug offences',
      baseline: 'as above for the romaji and kana forms, with the two filters',
      app: () => listEmployers(ctx, romaji),
      raw: (d) =>
        rawEmployers(d, `(${likeBoth(romajiP)}) AND industry = @industry AND accepts_drug_offences = 1`, { ...qs(romajiP), industry: '建設業' }),
    },
    {
      what: 'employer list, filters only (municipality, takes drug offences, active): first page',
      baseline: 'the filtered page with its total and open jobs',
      app: () => listEmployers(ctx, filtered),
      raw: (d) => rawEmployers(d, `municipality = @m AND accepts_drug_offences = 1 AND active = 1`, { m: '港区' }),
    },
    {
      what: 'facility occupancy, every facility, 12 months',
      baseline: 'recursive month CTE × facilities, placements by index, bed-days/ends/stay aggregated in SQL',
      app: () => facilityOccupancy(ctx, { from: yearFrom, to: today }),
      raw: (d) => rawOccupancy(d, yearFrom, today, null),
    },
    {
      what: 'facility occupancy, the busiest facility, 24 months',
      baseline: 'the same SQL for one facility',
      app: () => facilityOccupancy(ctx, { facilityId: busiest!, from: twoYearsFrom, to: today }),
      raw: (d) => rawOccupancy(d, twoYearsFrom, today, busiest!),
    },
  ];

  // The app and its SQL twin must answer the same, or the comparison means nothing.
  const check = (name: string, a: unknown, b: unknown) => {
    if (JSON.stringify(a) !== JSON.stringify(b)) throw new Error(`${name}: app ${JSON.stringify(a)} ≠ SQL ${JSON.stringify(b)}`);
  };
  for (const [k, op] of ops.entries()) {
    const app = op.app(0) as { total?: number; rows: unknown[] };
    const raw = op.raw(db, 0) as Record<string, number | string[]>;
    if (k < 3) {
      const page = app as ReturnType<typeof listEmployers>;
      check(op.what, [page.total, page.rows.map((r) => r.id), page.rows.reduce((s, r) => s + r.employingNow, 0)], [raw.total, raw.ids, raw.employing]);
    } else {
      const occ = app as ReturnType<typeof facilityOccupancy>;
      check(
        op.what,
        [occ.rows.length, occ.rows.reduce((s, r) => s + r.bedDays, 0), occ.rows.reduce((s, r) => s + r.placementsEnded, 0)],
        [raw.rows, raw.bedDays, raw.ended],
      );
    }
  }
  return ops;
}

/** What the office holds, for the benchmark's header line. */
export function supportCounts(db: Db): string {
  const c = stmt(
    db,
    `SELECT (SELECT count(*) FROM employers) AS employers, (SELECT count(*) FROM jobs) AS jobs,
            (SELECT count(*) FROM facilities) AS facilities, (SELECT count(*) FROM placements) AS placements`,
  ).get() as Record<string, number>;
  return `${c.employers} employers, ${c.jobs} jobs, ${c.facilities} facilities, ${c.placements} placements`;
}
