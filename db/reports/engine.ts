/**
 * How a report section is computed: each count is a *case set* — SQL yielding (key, case_id) rows —
 * and the section's figures are the distinct cases per (set, key), all sets of a section counted in
 * ONE statement over shared CTEs. Drilling runs the very same set SQL filtered to one key, so a
 * drill list always holds exactly the cases behind its number. Numbers that are not case counts
 * (contacts, tests, days) are *value* queries yielding (key, value) rows.
 *
 * Every statement starts from the scope's cases:
 *   sc  — the cases in scope (whatever their dates), with the supervisee's columns;
 *   act — the cases in scope under supervision on at least one day of [@from, @to]
 *         (start ≤ @to and end ≥ @from, end = termination date, else the planned end).
 */
import type { Db } from '../open';
import { stmt } from '../statements';

export interface CaseSet {
  item: string;
  /** SELECT <key> AS key, <case id> AS case_id … ; may use the base CTEs and the section's. */
  sql: string;
}

export interface ValueQuery {
  item: string;
  /** SELECT <key> AS key, <number> AS value … */
  sql: string;
}

export interface SectionQuery {
  /** Extra CTEs, each `name AS (…)`, after sc and act. */
  ctes: string[];
  sets: CaseSet[];
  values: ValueQuery[];
  /** Build the period's cases once for the section (measured faster for caseload at scale 100, slower for the others). */
  materializeActive?: boolean;
}

export interface QueryParams {
  from: string;
  to: string;
  /** Japan calendar date of the report. */
  today: string;
  /** ISO instant of the report (appointments that have ended). */
  now: string;
  officerId: string;
  unit: string;
  /** The viewer, and whether they may see every case's drug tests (1) or only their own cases' (0). */
  viewer: string;
  seeAll: 0 | 1;
}

export const ALL = '*';

/** `materialize`: build `act` once (pays off for sections that read it many times, e.g. caseload). */
export function baseCtes(scopeWhere: string, materialize = false): string {
  return `sc AS (
    SELECT c.id AS case_id, c.supervisee_id, s.officer_id, s.vpo_id, c.start_date,
           COALESCE(c.termination_date, c.planned_end_date) AS end_date,
           min(@to, COALESCE(c.termination_date, c.planned_end_date)) AS ref_date,
           c.termination_date, c.termination_reason, c.employment_at_start, c.employment_at_termination,
           c.intensity_level, c.partial_suspension, s.sex, s.birth_date, s.drug_types
      FROM cases c JOIN supervisees s ON s.id = c.supervisee_id
     WHERE ${scopeWhere}),
  act AS ${materialize ? 'MATERIALIZED ' : ''}(SELECT * FROM sc WHERE start_date <= @to AND end_date >= @from)`;
}

function withClause(scopeWhere: string, q: SectionQuery): string {
  return `WITH ${[baseCtes(scopeWhere, q.materializeActive), ...q.ctes].join(',\n')}`;
}

/** Counts and values of one section, keyed by item then key. */
export class Results {
  constructor(private readonly data: Map<string, Map<string, number>>) {}

  get(item: string, key: string = ALL): number {
    return this.data.get(item)?.get(key) ?? 0;
  }

  /** A value that may be absent (an average over nothing): null. */
  maybe(item: string, key: string = ALL): number | null {
    const v = this.data.get(item)?.get(key);
    return v === undefined || v === null ? null : v;
  }

  keys(item: string): string[] {
    return [...(this.data.get(item)?.keys() ?? [])];
  }
}

export function runSection(db: Db, scopeWhere: string, q: SectionQuery, params: QueryParams): Results {
  const parts = [
    ...q.sets.map((s) => `SELECT '${s.item}' AS item, key, count(DISTINCT case_id) AS value FROM (${s.sql}) GROUP BY key`),
    ...q.values.map((v) => `SELECT '${v.item}' AS item, key, value FROM (${v.sql})`),
  ];
  const sql = `${withClause(scopeWhere, q)}\n${parts.join('\nUNION ALL\n')}`;
  const data = new Map<string, Map<string, number>>();
  for (const [item, key, value] of stmt(db, sql).raw(true).iterate(params) as IterableIterator<[string, string | null, number | null]>) {
    if (value === null) continue;
    let m = data.get(item);
    if (!m) data.set(item, (m = new Map()));
    m.set(key ?? ALL, value);
  }
  return new Results(data);
}

/** The case ids behind (item, key): the same SQL as the count. */
export function drillCaseIds(db: Db, scopeWhere: string, q: SectionQuery, item: string, key: string, params: QueryParams): string[] | null {
  const set = q.sets.find((s) => s.item === item);
  if (!set) return null;
  const sql = `${withClause(scopeWhere, q)}\nSELECT DISTINCT case_id FROM (${set.sql}) WHERE key = @drillKey`;
  return stmt(db, sql).pluck().all({ ...params, drillKey: key }) as string[];
}
