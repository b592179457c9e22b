/**
 * The report's figures equal independent hand-written SQL (tests/helpers/report-sql.ts) on a demo
 * office, over several periods and scopes; every drillable number lists exactly its cases.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrillTarget, Report, ReportRequest } from '../../db/contract';
import { resolvePeriod } from '../../db/reports/period';
import { computeSection, prepare, sectionOf } from '../../db/reports/run';
import { drillInWorker, runInWorker } from '../../db/services/reports';
import type { ServiceContext } from '../../db/write';
import { tempDir } from '../helpers/office';
import { reportOffice, REPORT_TODAY } from '../helpers/report-office';
import { HAND_SQL, handSection, type HandParams, type HandSection } from '../helpers/report-sql';

let t: ReturnType<typeof tempDir>;
let office: Awaited<ReturnType<typeof reportOffice>>;
beforeAll(async () => {
  t = tempDir('hogo-reports-');
  office = await reportOffice(t.dir);
}, 120_000);
afterAll(() => {
  office.core.close();
  t.cleanup();
});

// Through the session's report worker, as the app runs them (db/services/reports.ts).
const runReport = (ctx: ServiceContext, req: ReportRequest) => runInWorker(office.core.reportWorker(), ctx, req);
const drillReport = (ctx: ServiceContext, req: ReportRequest, target: DrillTarget) => drillInWorker(office.core.reportWorker(), ctx, req, target);

/** Rates the report derives from counts: [numerator, denominator] keys of the hand-written results. */
const RATES: Record<string, [string, string]> = {
  'compliance.rate': ['compliance.done', 'compliance.due'],
  'drugs.coreRate': ['drugs.coreCompleted', 'drugs.coreEnded'],
  'drugs.stepUpRate': ['drugs.stepUpAttended', 'drugs.stepUpRecorded'],
  'support.employedAtStart': ['support.employment|employed|atStart', 'support.active'],
  'support.employedAtEnd': ['support.employment|employed|atEnd', 'support.active'],
  'support.helloWorkRate': ['support.helloWorkJobs', 'support.helloWorkReferrals'],
  'support.linkedShare': ['support.linked', 'support.active'],
};
/** Count columns that count something other than cases (their drill lists the row's cases). */
const NOT_CASES = new Set(['compliance.byOfficer|due', 'compliance.byOfficer|done', 'drugs.results|tests', 'outcomes.measures|count']);

function flatten(report: Report): Map<string, { value: number | null; unit: string }> {
  const out = new Map<string, { value: number | null; unit: string }>();
  for (const s of report.sections) {
    for (const f of s.figures) out.set(f.id, { value: f.value, unit: f.unit });
    for (const tb of s.tables) {
      for (const r of tb.rows) tb.columns.forEach((c, i) => out.set(`${tb.id}|${r.key}|${c.id}`, { value: r.values[i] ?? null, unit: c.unit }));
    }
  }
  return out;
}

function handAll(ctx: ServiceContext, req: ReportRequest, seeAll: boolean): Map<string, number | null> {
  const { from, to } = resolvePeriod(req.period, req.lang);
  const p: HandParams = {
    from,
    to,
    today: REPORT_TODAY,
    now: new Date(office.now()).toISOString(),
    scope: req.scope,
    viewer: ctx.actor.userId ?? '',
    seeAll,
  };
  const all = new Map<string, number | null>();
  for (const section of Object.keys(HAND_SQL) as HandSection[]) for (const [k, v] of handSection(office.db, section, p)) all.set(k, v);
  return all;
}

function expectMatches(report: Report, hand: Map<string, number | null>): number {
  const app = flatten(report);
  const h = (k: string) => hand.get(k) ?? 0;
  let compared = 0;
  for (const [id, { value, unit }] of app) {
    let expected: number | null;
    const tableRate = /^compliance\.byOfficer\|(.+)\|rate$/.exec(id);
    if (id === 'support.nationalLinkedShare') expected = 9.1;
    else if (id === 'support.averageStay') expected = hand.get(id) ?? null;
    else if (RATES[id] || tableRate) {
      const [n, d] = RATES[id] ?? [`compliance.byOfficer|${tableRate![1]}|done`, `compliance.byOfficer|${tableRate![1]}|due`];
      expected = h(d) === 0 ? null : (100 * h(n)) / h(d);
    } else expected = h(id);
    if (expected === null) expect(value, id).toBeNull();
    else if (unit === 'count' || unit === 'months') expect(value, id).toBe(expected);
    else expect(Math.abs((value ?? NaN) - expected), `${id}: ${value} vs ${expected}`).toBeLessThanOrEqual(0.05);
    compared++;
  }
  // Every non-zero cell the hand-written SQL finds is on the report (no officer, VPO or code row missing).
  for (const [k, v] of hand) if (k.includes('|') && v) expect(app.has(k), `${k} = ${v} missing from the report`).toBe(true);
  return compared;
}

const FY2026: ReportRequest['period'] = { kind: 'fiscalYear', fiscalYear: 2026 };

describe('report figures equal the hand-written SQL', () => {
  it('office, whole fiscal year (supervisor)', async () => {
    const ctx = office.as(office.supervisorId);
    const req: ReportRequest = { period: FY2026, scope: { kind: 'office' }, lang: 'ja' };
    const report = await runReport(ctx, req);
    expect(report.empty).toBeNull();
    expect(expectMatches(report, handAll(ctx, req, true))).toBeGreaterThan(80);
    const fig = (id: string) => report.sections.flatMap((s) => s.figures).find((f) => f.id === id)!.value!;
    // Not a comparison of zeros: the demo office has cases, contacts, tests and terminations in FY2026.
    for (const id of ['caseload.active', 'caseload.starts', 'caseload.terminations', 'compliance.overdueCases', 'drugs.testsTaken', 'support.helloWorkReferrals'])
      expect(fig(id), id).toBeGreaterThan(0);
  });

  it.each([
    ['a month, English', { kind: 'month', month: '2026-10' }],
    ['a quarter', { kind: 'quarter', fiscalYear: 2026, quarter: 2 }],
    ['a custom range across months', { kind: 'custom', from: '2025-12-17', to: '2026-03-04' }],
    ['the previous fiscal year', { kind: 'fiscalYear', fiscalYear: 2025 }],
  ] as const)('office, %s', async (_name, period) => {
    const ctx = office.as(office.supervisorId);
    const req: ReportRequest = { period, scope: { kind: 'office' }, lang: 'en' };
    expect(expectMatches(await runReport(ctx, req), handAll(ctx, req, true))).toBeGreaterThan(80);
  });

  it('a unit and an officer, as the supervisor', async () => {
    const ctx = office.as(office.supervisorId);
    const unit = office.db.prepare('SELECT unit FROM users WHERE id = ?').pluck().get(office.officerId) as string;
    expect(unit).not.toBe('');
    for (const scope of [{ kind: 'unit', unit }, { kind: 'officer', officerId: office.officerId }] as const) {
      const req: ReportRequest = { period: FY2026, scope, lang: 'ja' };
      const report = await runReport(ctx, req);
      expect(report.empty).toBeNull();
      expectMatches(report, handAll(ctx, req, true));
    }
  });

  it("an officer's own report, tests counted only where the officer may see them", async () => {
    const ctx = office.as(office.officerId);
    const req: ReportRequest = { period: { kind: 'quarter', fiscalYear: 2026, quarter: 2 }, scope: { kind: 'officer', officerId: office.officerId }, lang: 'ja' };
    const report = await runReport(ctx, req);
    expectMatches(report, handAll(ctx, req, false));
    const office1 = await runReport(office.as(office.supervisorId), { ...req, scope: { kind: 'office' } });
    const active = (r: Report) => r.sections[0]!.figures[0]!.value!;
    expect(active(report)).toBeLessThan(active(office1));
  });
});

describe('drug test visibility', () => {
  it("leaves out the tests of cases the viewer may not see, and says so", async () => {
    // Officers can only ask for their own cases, so the rule is exercised below the role check:
    // the office's cases counted for a viewer who may see only the demo officer's tests.
    const sup = office.as(office.supervisorId);
    const req: ReportRequest = { period: FY2026, scope: { kind: 'office' }, lang: 'en' };
    const p = prepare(sup, req);
    const limited = { ...p, params: { ...p.params, seeAll: 0 as const, viewer: office.officerId }, build: { ...p.build, seeAll: false } };
    const drugs = computeSection(sup, limited, sectionOf('drugs')).section;
    const all = computeSection(sup, p, sectionOf('drugs')).section;
    const value = (s: typeof drugs, id: string) => s.figures.find((f) => f.id === id)!.value!;
    expect(drugs.notes.join(' ')).toMatch(/not included/);
    expect(all.notes).toEqual([]);
    expect(value(drugs, 'drugs.testsTaken')).toBeLessThan(value(all, 'drugs.testsTaken'));
    const hand = handAll(office.as(office.officerId), req, false);
    expect(value(drugs, 'drugs.testsTaken')).toBe(hand.get('drugs.testsTaken'));
    expect(value(drugs, 'drugs.casesTested')).toBe(hand.get('drugs.casesTested'));
    // Program figures are not test results: unchanged.
    expect(value(drugs, 'drugs.enrolled')).toBe(value(all, 'drugs.enrolled'));
  });
});

describe('drill-down', () => {
  it('lists exactly the cases behind every count figure and case-count cell', async () => {
    const ctx = office.as(office.supervisorId);
    const req: ReportRequest = { period: { kind: 'quarter', fiscalYear: 2026, quarter: 2 }, scope: { kind: 'office' }, lang: 'ja' };
    const report = await runReport(ctx, req);
    let checked = 0;
    for (const s of report.sections) {
      for (const f of s.figures.filter((x) => x.drill)) {
        expect(f.unit).toBe('count');
        const d = await drillReport(ctx, req, { figureId: f.id });
        expect(d.total, f.id).toBe(f.value);
        expect(d.rows).toHaveLength(d.total);
        expect(new Set(d.rows.map((r) => r.caseId)).size).toBe(d.total);
        checked++;
      }
      for (const tb of s.tables) {
        for (const row of tb.rows.filter((r) => r.drill).slice(0, tb.id === 'caseload.byVpo' ? 8 : undefined)) {
          for (const [i, c] of tb.columns.entries()) {
            if (c.unit !== 'count' || NOT_CASES.has(`${tb.id}|${c.id}`)) continue;
            const d = await drillReport(ctx, req, { tableId: tb.id, rowKey: row.key, columnId: c.id });
            expect(d.total, `${tb.id}|${row.key}|${c.id}`).toBe(row.values[i]);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(60);
  });

  it('sorts by name kana and says who, which category and which case', async () => {
    const ctx = office.as(office.supervisorId);
    const req: ReportRequest = { period: FY2026, scope: { kind: 'office' }, lang: 'ja' };
    const d = await drillReport(ctx, req, { figureId: 'compliance.overdueCases' });
    expect(d.total).toBeGreaterThan(1);
    const kana = office.db
      .prepare(
        `SELECT s.family_kana || ' ' || s.given_kana FROM cases c JOIN supervisees s ON s.id = c.supervisee_id
          WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY s.family_kana, s.given_kana, c.case_number, c.id`,
      )
      .pluck()
      .all(JSON.stringify(d.rows.map((r) => r.caseId)));
    const order = office.db
      .prepare(`SELECT s.family_kana || ' ' || s.given_kana FROM cases c JOIN supervisees s ON s.id = c.supervisee_id WHERE c.id = ?`)
      .pluck();
    expect(d.rows.map((r) => order.get(r.caseId))).toEqual(kana);
    expect(d.rows[0]!.category).toMatch(/^[1-5]号/);
    expect(d.rows[0]!.officerName).not.toBe('');
  });

  it('refuses a number without a case list, and an unknown target', async () => {
    const ctx = office.as(office.supervisorId);
    const req: ReportRequest = { period: FY2026, scope: { kind: 'office' }, lang: 'en' };
    await expect(drillReport(ctx, req, { figureId: 'compliance.rate' })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(drillReport(ctx, req, { figureId: 'caseload.nothing' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(drillReport(ctx, req, { tableId: 'caseload.bySex', rowKey: 'nobody' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
