/**
 * The research extract is read by the report worker: the same bytes as the in-process extract
 * (the cross tables on the main connection, from the full report), every number the hand-written
 * SQL's (tests/helpers/report-sql.ts for the report tables it carries; the cross tables below),
 * none of its SELECTs prepared on the main connection, a stopped worker replaced by the next
 * export, and the export audited as before. Real encrypted database, real worker thread.
 */
import { readFileSync } from 'node:fs';
import type { Worker } from 'node:worker_threads';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportRequest } from '../../db/contract';
import type { Db } from '../../db/open';
import { exportReport, IN_PROCESS } from '../../db/reports/export';
import { FROM_REPORT, researchCsv, researchGrids } from '../../db/reports/research';
import { prepare, runReport, SECTIONS } from '../../db/reports/run';
import type { ReportWorker } from '../../db/reports/worker-host';
import { listUnits } from '../../db/reports/scope';
import { workerReader } from '../../db/services/reports';
import type { ServiceContext } from '../../db/write';
import { reportOfficeWithShell, type ReportFixture } from '../helpers/report-office';
import { handBinds, handSection, type HandParams, type HandSection } from '../helpers/report-sql';

let t: ReportFixture['t'];
let office: ReportFixture['office'];
let sh: ReportFixture['sh'];
beforeAll(async () => {
  ({ t, office, sh } = await reportOfficeWithShell('hogo-research-worker-'));
}, 120_000);
afterAll(() => {
  office.core.close();
  t.cleanup();
});

const FY: ReportRequest['period'] = { kind: 'fiscalYear', fiscalYear: 2026 };
const inWorker = () => workerReader(() => office.core.reportWorker());
const thread = (w: ReportWorker) => (w as unknown as { thread: Worker }).thread;

/** The extract as the app saves it now: read by the worker, saved through the shell. */
async function extractViaWorker(ctx: ServiceContext, req: ReportRequest): Promise<Buffer> {
  const res = await exportReport(ctx, sh.shell, req, 'research', inWorker());
  return readFileSync(res.path!);
}

/** The extract as it was made before: the whole report, then the cross tables on the main connection. */
async function extractInProcess(ctx: ServiceContext, req: ReportRequest): Promise<Uint8Array> {
  return researchCsv(ctx, prepare(ctx, req), await runReport(ctx, req));
}

/**
 * The cross tables by hand, from the definitions: cases in scope supervised on a day of the
 * period; the category of the phase in force on the earlier of the period's last day and the
 * case's end (else its first phase); age on that day, in bands.
 */
const HAND_CROSS = `WITH inp AS (
  SELECT c.id, s.sex, s.birth_date AS bd,
         CASE WHEN COALESCE(c.termination_date, c.planned_end_date) < @to THEN COALESCE(c.termination_date, c.planned_end_date) ELSE @to END AS asof
    FROM cases c JOIN supervisees s ON s.id = c.supervisee_id
   WHERE (@kind = 'office' OR (@kind = 'unit' AND s.officer_id IN (SELECT id FROM users WHERE unit = @unit))
          OR (@kind = 'officer' AND s.officer_id = @officer))
     AND c.start_date <= @to AND COALESCE(c.termination_date, c.planned_end_date) >= @from),
  aged AS (SELECT inp.*, CAST(strftime('%Y', asof) AS INTEGER) - CAST(strftime('%Y', bd) AS INTEGER) - (strftime('%m%d', asof) < strftime('%m%d', bd)) AS age FROM inp),
  banded AS (SELECT aged.*, CASE WHEN age >= 65 THEN '65+' WHEN age >= 50 THEN '50-64' WHEN age >= 40 THEN '40-49'
                                 WHEN age >= 30 THEN '30-39' WHEN age >= 20 THEN '20-29' ELSE 'under20' END AS band,
             COALESCE((SELECT x.category FROM case_phases x WHERE x.case_id = aged.id AND x.start_date <= aged.asof ORDER BY x.seq DESC LIMIT 1),
                      (SELECT x.category FROM case_phases x WHERE x.case_id = aged.id ORDER BY x.seq LIMIT 1)) AS cat FROM aged)
  SELECT 'research.categoryByAge|' || cat || '|' || band AS k, count(*) AS v FROM banded GROUP BY cat, band
  UNION ALL SELECT 'research.sexByAge|' || sex || '|' || band, count(*) FROM banded GROUP BY sex, band`;

function handCells(db: Db, p: HandParams): Map<string, number | null> {
  const all = new Map<string, number | null>();
  for (const section of ['caseload', 'drugs', 'support', 'outcomes'] as HandSection[]) for (const [k, v] of handSection(db, section, p)) all.set(k, v);
  for (const [k, v] of db.prepare(HAND_CROSS).raw(true).all(handBinds(p)) as [string, number][]) all.set(k, v);
  return all;
}

/**
 * Every cell of the extract against the hand-written counts: a number is the count, "<5" a count
 * of 1–4, "X" a count hidden to protect one of those. Totals are the sums of the hand counts.
 */
async function checkAgainstHand(ctx: ServiceContext, req: ReportRequest, bytes: Buffer) {
  const p = prepare(ctx, req);
  const hand = handCells(ctx.db, {
    from: p.from,
    to: p.to,
    today: p.params.today,
    now: p.params.now,
    scope: req.scope,
    viewer: p.params.viewer,
    seeAll: p.params.seeAll === 1,
  });
  // Labels back to keys: the grids name their rows and columns in the request's language.
  const grids = new Map(researchGrids(ctx, p, await runReport(ctx, req)).map((g) => [g.id, g]));
  expect([...grids.keys()].sort()).toEqual(['research.categoryByAge', 'research.sexByAge', ...FROM_REPORT].sort());
  const total = req.lang === 'ja' ? '計' : 'Total';
  const rows = parse(bytes.subarray(3).toString('utf8'), { relaxColumnCount: true }) as string[][];
  const head = rows.findIndex((r) => r[0] === (req.lang === 'ja' ? '表ID' : 'table id'));
  expect(head).toBeGreaterThan(0);
  const seen = { shown: 0, positive: 0, small: 0 };
  for (const [id, , rowLabel, colLabel, value] of rows.slice(head + 1)) {
    const g = grids.get(id!)!;
    const rowKeys = rowLabel === total ? g.rows.map((r) => r.key) : [g.rows.find((r) => r.label === rowLabel)!.key];
    const colKeys = colLabel === total ? g.cols.map((c) => c.key) : [g.cols.find((c) => c.label === colLabel)!.key];
    let expected = 0;
    for (const r of rowKeys) for (const c of colKeys) expected += hand.get(`${id}|${r}|${c}`) ?? 0;
    if (value === 'X') continue;
    if (value === '<5') {
      seen.small++;
      expect(expected, `${id} ${rowLabel} ${colLabel}`).toBeGreaterThanOrEqual(1);
      expect(expected, `${id} ${rowLabel} ${colLabel}`).toBeLessThanOrEqual(4);
      continue;
    }
    seen.shown++;
    if (expected > 0) seen.positive++;
    expect(Number(value), `${id} ${rowLabel} ${colLabel}`).toBe(expected);
  }
  return seen;
}

describe('research extract in the report worker', () => {
  it('gives the same bytes as the in-process extract, and every number is the hand-written SQL\'s', async () => {
    const sup = office.as(office.supervisorId);
    const own = office.as(office.officerId);
    const unit = listUnits(sup).find((u) => u !== '')!;
    const cases: [ServiceContext, ReportRequest][] = [
      [sup, { period: FY, scope: { kind: 'office' }, lang: 'ja' }],
      [sup, { period: { kind: 'quarter', fiscalYear: 2026, quarter: 2 }, scope: { kind: 'unit', unit }, lang: 'en' }],
      [own, { period: FY, scope: { kind: 'officer', officerId: office.officerId }, lang: 'ja' }],
    ];
    for (const [ctx, req] of cases) {
      const bytes = await extractViaWorker(ctx, req);
      expect(new Uint8Array(bytes)).toEqual(await extractInProcess(ctx, req));
      const seen = await checkAgainstHand(ctx, req, bytes);
      expect(seen.positive).toBeGreaterThan(10);
      if (req.scope.kind === 'office') expect(seen.small).toBeGreaterThan(0);
    }
    // The in-process reader (the export's default) still makes the same file.
    const req = cases[0]![1];
    const res = await exportReport(sup, sh.shell, req, 'research', IN_PROCESS);
    expect(new Uint8Array(readFileSync(res.path!))).toEqual(new Uint8Array(await extractViaWorker(sup, req)));
  });

  it('reads nothing on the main connection: none of its SELECTs is prepared there', async () => {
    const actor = office.as(office.supervisorId);
    const req: ReportRequest = { period: FY, scope: { kind: 'office' }, lang: 'en' };
    /** The main connection, recording what is prepared on it (a new object, so the statement cache starts empty). */
    const recording = () => {
      const sql: string[] = [];
      const db = new Proxy(office.db, {
        get(target, prop) {
          if (prop === 'prepare') return (text: string) => (sql.push(text), target.prepare(text));
          const v = Reflect.get(target, prop, target) as unknown;
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
      return { ctx: { ...actor, db } as ServiceContext, sql };
    };
    // Markers: the cross tables' items and every section's first case set.
    const markers = ['categoryByAge', 'sexByAge', ...SECTIONS.map((s) => s.id + '.')];
    const reads = (sql: string[]) => sql.filter((s) => markers.some((m) => s.includes(`'${m}`)));

    const worker = recording();
    const audited = office.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'report.export'").pluck();
    const before = audited.get() as number;
    await exportReport(worker.ctx, sh.shell, req, 'research', inWorker());
    expect(worker.sql.length).toBeGreaterThan(0);
    expect(reads(worker.sql)).toEqual([]);
    expect(audited.get()).toBe(before + 1);

    // The same check sees the in-process reader's statements: it would catch a move back.
    const main = recording();
    await exportReport(main.ctx, sh.shell, req, 'research', IN_PROCESS);
    expect(reads(main.sql).some((s) => s.includes("'categoryByAge'"))).toBe(true);
  });

  it('after the worker stops, the next export starts a new one: same file, audited as before', async () => {
    const sup = office.as(office.supervisorId);
    const req: ReportRequest = { period: FY, scope: { kind: 'office' }, lang: 'ja' };
    const first = office.core.reportWorker();
    const expected = await extractInProcess(sup, req);
    await thread(first).terminate();
    expect(first.alive).toBe(false);
    const res = await exportReport(sup, sh.shell, req, 'research', inWorker());
    expect(office.core.reportWorker()).not.toBe(first);
    expect(new Uint8Array(readFileSync(res.path!))).toEqual(expected);
    const last = office.db.prepare("SELECT after_json FROM audit_log WHERE action = 'report.export' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(last)).toEqual({ format: 'research', from: '2026-04-01', to: '2027-03-31', scope: 'office' });
  });

  it('a worker stopped mid-export fails it clearly: nothing saved, nothing audited', async () => {
    const sup = office.as(office.supervisorId);
    const req: ReportRequest = { period: FY, scope: { kind: 'office' }, lang: 'ja' };
    const saved = sh.saved.length;
    const audits = office.db.prepare("SELECT count(*) FROM audit_log WHERE action = 'report.export'").pluck();
    const before = audits.get() as number;
    const worker = office.core.reportWorker();
    const running = exportReport(sup, sh.shell, req, 'research', workerReader(() => worker));
    void thread(worker).terminate();
    await expect(running).rejects.toMatchObject({ code: 'REPORT_WORKER_FAILED' });
    expect(sh.saved.length).toBe(saved);
    expect(audits.get()).toBe(before);
  });
});
