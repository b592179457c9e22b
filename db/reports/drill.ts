/**
 * Drill-down: the cases behind one figure or table cell, found with the very SQL that counted them
 * (db/reports/engine.ts), so the list's length always equals the number on the page.
 */
import type { DrillResult, DrillTarget, ReportRequest, ReportSectionId } from '../contract';
import { REPORT_SECTION_IDS } from '../contract';
import { AppError } from '../errors';
import { stmt } from '../statements';
import type { ServiceContext } from '../write';
import { say } from './build';
import { ALL, drillCaseIds, Results } from './engine';
import { CATEGORY_SHORT } from './labels';
import { prepare, sectionOf, type Prepared } from './run';

function sectionId(itemId: string): ReportSectionId {
  const head = itemId.split('.')[0] ?? '';
  if (!(REPORT_SECTION_IDS as readonly string[]).includes(head)) throw new AppError('NOT_FOUND', 'no such figure or table', { field: 'target' });
  return head as ReportSectionId;
}

const DYNAMIC_ROWS: Record<string, 'officer' | 'vpo' | 'code'> = {
  'caseload.byOfficer': 'officer',
  'caseload.byIntensity': 'code',
  'caseload.byVpo': 'vpo',
  'compliance.byOfficer': 'officer',
};

function rowLabel(p: Prepared, kind: 'officer' | 'vpo' | 'code', key: string): string {
  if (kind === 'code') return key;
  return key === 'none' ? say(['未割当', 'Unassigned'], p.build.lang) : p.build.names(kind, key);
}

const noList = () => new AppError('VALIDATION', 'this number has no list of cases behind it', { field: 'target' });

/** The case set behind a target, its title, and the case ids. */
export function drillIds(ctx: Pick<ServiceContext, 'db'>, p: Prepared, target: DrillTarget): { title: string; ids: string[] } {
  const lang = p.build.lang;
  const def = sectionOf(sectionId('figureId' in target ? target.figureId : target.tableId));
  // Labels, drill flags and fixed rows do not depend on the counts: build the section from none.
  const section = def.build(new Results(new Map()), p.build);
  let item: string;
  let key = ALL;
  let title: string;
  if ('figureId' in target) {
    const fig = section.figures.find((f) => f.id === target.figureId);
    if (!fig) throw new AppError('NOT_FOUND', 'no such figure', { field: 'target.figureId' });
    if (!fig.drill) throw noList();
    item = fig.id;
    title = fig.label;
  } else {
    const t = section.tables.find((x) => x.id === target.tableId);
    if (!t) throw new AppError('NOT_FOUND', 'no such table', { field: 'target.tableId' });
    // Officer and VPO rows come from the data; other tables have a fixed list of rows.
    const dynamic = DYNAMIC_ROWS[t.id];
    const row = t.rows.find((r) => r.key === target.rowKey) ?? (dynamic ? { key: target.rowKey, label: rowLabel(p, dynamic, target.rowKey), drill: true } : null);
    if (!row) throw new AppError('NOT_FOUND', 'no such row', { field: 'target.rowKey' });
    if (!row.drill) throw noList();
    const column = target.columnId === undefined ? t.columns[0] : t.columns.find((c) => c.id === target.columnId);
    if (!column) throw new AppError('NOT_FOUND', 'no such column', { field: 'target.columnId' });
    // A cell that is not a case count (contacts due, a rate) opens the cases of its row's first column.
    const own = `${t.id}.${column.id}`;
    item = def.query.sets.some((s) => s.item === own) ? own : `${t.id}.${t.columns[0]!.id}`;
    key = row.key;
    title = `${t.title}: ${row.label}${lang === 'ja' ? '／' : ' / '}${column.label}`;
  }
  const ids = drillCaseIds(ctx.db, p.scope.where, def.query, item, key, p.params);
  if (ids === null) throw noList();
  return { title, ids };
}

interface DrillDbRow {
  id: string;
  supervisee_id: string;
  name: string;
  officer: string;
  case_number: string;
  start_date: string;
  end_date: string;
  category: string | null;
  partial: number;
}

export function drillReport(ctx: ServiceContext, request: ReportRequest, target: DrillTarget): DrillResult {
  return drillPrepared(ctx, prepare(ctx, request), target);
}

/** The drill list for an already authorised and prepared request (the report worker runs this). */
export function drillPrepared(ctx: Pick<ServiceContext, 'db'>, p: Prepared, target: DrillTarget): DrillResult {
  const { title, ids } = drillIds(ctx, p, target);
  const rows = stmt(
    ctx.db,
    `SELECT c.id, c.supervisee_id, s.family_name || ' ' || s.given_name AS name, COALESCE(u.display_name, '') AS officer,
            c.case_number, c.start_date, COALESCE(c.termination_date, c.planned_end_date) AS end_date, c.partial_suspension AS partial,
            (SELECT ph.category FROM case_phases ph WHERE ph.case_id = c.id
              ORDER BY ph.start_date <= min(@to, COALESCE(c.termination_date, c.planned_end_date)) DESC,
                       CASE WHEN ph.start_date <= min(@to, COALESCE(c.termination_date, c.planned_end_date)) THEN -ph.seq ELSE ph.seq END
              LIMIT 1) AS category
       FROM cases c JOIN supervisees s ON s.id = c.supervisee_id LEFT JOIN users u ON u.id = s.officer_id
      WHERE c.id IN (SELECT value FROM json_each(@ids))
      ORDER BY s.family_kana, s.given_kana, c.case_number, c.id`,
  ).all({ ids: JSON.stringify(ids), to: p.to }) as DrillDbRow[];
  const lang = p.build.lang;
  const partial = say(['（一部猶予）', ' (partial)'], lang);
  return {
    title,
    total: rows.length,
    rows: rows.map((r) => ({
      caseId: r.id,
      personId: r.supervisee_id,
      name: r.name,
      officerName: r.officer,
      category: (r.category ? say(CATEGORY_SHORT[r.category] ?? [r.category, r.category], lang) : '') + (r.partial ? partial : ''),
      detail: `${r.case_number}  ${r.start_date}${lang === 'ja' ? '〜' : ' – '}${r.end_date}`,
    })),
  };
}
