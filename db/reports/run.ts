/**
 * Running a report: resolve period and scope (with the role rules), then each section in turn —
 * one statement per section — yielding to the event loop between sections so that IPC stays
 * responsive, and reporting progress.
 */
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import { japanDate } from '../casework/calendar';
import type { Report, ReportRequest, ReportSection, ReportSectionId } from '../contract';
import { stmt } from '../statements';
import type { Db } from '../open';
import type { ServiceContext } from '../write';
import { say, type BuildContext, type SectionDef } from './build';
import { caseloadSection } from './caseload';
import { complianceSection } from './compliance';
import { drugsSection } from './drugs';
import { runSection, type QueryParams, type Results } from './engine';
import { outcomesSection } from './outcomes';
import { resolvePeriod } from './period';
import { authorizeScope, resolveScope, type ResolvedScope } from './scope';
import { supportSection } from './support';

export const SECTIONS: readonly SectionDef[] = [caseloadSection, complianceSection, drugsSection, supportSection, outcomesSection];

export function sectionOf(id: ReportSectionId): SectionDef {
  return SECTIONS.find((s) => s.id === id)!;
}

/** Everything a report's statements need, checked: the caller may ask for this scope. */
export interface Prepared {
  request: ReportRequest;
  from: string;
  to: string;
  periodLabel: string;
  scope: ResolvedScope;
  officeName: string;
  params: QueryParams;
  build: BuildContext;
}

/** Drug tests: the case's own officer, supervisors and administrators (as in casework). */
function seesAllTests(ctx: ServiceContext): boolean {
  return ctx.actor.role === 'supervisor' || ctx.actor.role === 'administrator';
}

export function officeName(ctx: ServiceContext): string {
  return (stmt(ctx.db, "SELECT value FROM meta WHERE key = 'office_name'").pluck().get() as string | undefined) ?? '';
}

export function prepare(ctx: ServiceContext, request: ReportRequest): Prepared {
  authorizeScope(ctx, request.scope);
  const period = resolvePeriod(request.period, request.lang);
  const office = officeName(ctx);
  const scope = resolveScope(ctx, request.scope, request.lang, office);
  const nowMs = ctx.now();
  const names = nameLookup(ctx.db, request.lang);
  const seeAll = seesAllTests(ctx);
  return {
    request,
    from: period.from,
    to: period.to,
    periodLabel: period.label,
    scope,
    officeName: office,
    params: {
      from: period.from,
      to: period.to,
      today: japanDate(nowMs),
      now: new Date(nowMs).toISOString(),
      officerId: scope.params.officerId ?? '',
      unit: scope.params.unit ?? '',
      viewer: ctx.actor.userId ?? '',
      seeAll: seeAll ? 1 : 0,
    },
    build: { lang: request.lang, names, seeAll },
  };
}

export function nameLookup(db: Db, lang: 'ja' | 'en'): BuildContext['names'] {
  let officers: Map<string, string> | null = null;
  let vpos: Map<string, string> | null = null;
  const load = (sql: string) => new Map(stmt(db, sql).raw(true).all() as [string, string][]);
  const unknown = say(['（不明）', '(unknown)'], lang);
  return (kind, id) => {
    if (kind === 'officer') return (officers ??= load('SELECT id, display_name FROM users')).get(id) ?? unknown;
    return (vpos ??= load('SELECT id, name FROM vpos')).get(id) ?? unknown;
  };
}

/** Only the connection: the report worker computes sections on its own read-only one. */
export function computeSection(ctx: Pick<ServiceContext, 'db'>, p: Prepared, def: SectionDef): { section: ReportSection; results: Results } {
  const results = runSection(ctx.db, p.scope.where, def.query, p.params);
  const built = def.build(results, p.build);
  return { section: { id: def.id, title: say(def.title, p.build.lang), ...built }, results };
}

/** Why a report has nothing to show, if it has not: no cases in scope at all, or none in the period. */
export function emptiness(ctx: ServiceContext, p: Prepared): Report['empty'] {
  const has = (extra: string) =>
    stmt(ctx.db, `SELECT EXISTS (SELECT 1 FROM cases c JOIN supervisees s ON s.id = c.supervisee_id WHERE ${p.scope.where}${extra})`)
      .pluck()
      .get(p.params) as number;
  if (!has('')) return 'noCasesInScope';
  // The same test as the base CTE act: start on or before the last day, end on or after the first.
  if (!has(' AND c.start_date <= @to AND COALESCE(c.termination_date, c.planned_end_date) >= @from')) return 'noCasesInPeriod';
  return null;
}

/** The report's heading: who asked, when, and why it may be empty. Sections come separately. */
export function reportHead(ctx: ServiceContext, p: Prepared): Omit<Report, 'sections'> {
  const author = (stmt(ctx.db, 'SELECT display_name FROM users WHERE id = ?').pluck().get(ctx.actor.userId) as string | undefined) ?? '';
  return {
    request: p.request,
    from: p.from,
    to: p.to,
    periodLabel: p.periodLabel,
    scopeLabel: p.scope.label,
    officeName: p.officeName,
    author,
    generatedAt: new Date(ctx.now()).toISOString(),
    empty: emptiness(ctx, p),
  };
}

export async function runReport(ctx: ServiceContext, request: ReportRequest, progress?: (done: number, total: number) => void): Promise<Report> {
  const p = prepare(ctx, request);
  const head = reportHead(ctx, p);
  const sections: ReportSection[] = [];
  progress?.(0, SECTIONS.length);
  for (const def of SECTIONS) {
    await yieldToLoop();
    sections.push(computeSection(ctx, p, def).section);
    progress?.(sections.length, SECTIONS.length);
  }
  return { ...head, sections };
}
