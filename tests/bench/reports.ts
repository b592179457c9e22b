/**
 * Supervisor report benchmark on a generated demo office (default scale 100 ≈ 25,000 active cases).
 * For each section: the app's time (its one statement plus building figures and tables) against
 * ONE hand-written SQL query producing the same numbers (tests/helpers/report-sql.ts), and their
 * ratio (goal ≤ 1.5). Medians of several runs; the numbers are checked to agree once; nothing is
 * asserted on time.
 *   npm run bench                      (run.ts runs this unless BENCH_REPORTS=0)
 *   BENCH_SCALE=10 tsx tests/bench/reports.ts
 *   BENCH_DIR=<folder> …               reuse a demo office made by `npm run demo -- --today 2026-11-26 --seed bench`
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_CREDENTIALS, type ReportRequest } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import { DEMO_SUPERVISOR_LOGIN } from '../../db/demo/people';
import { drillReport } from '../../db/reports/drill';
import { resolvePeriod } from '../../db/reports/period';
import { computeSection, prepare, runReport, SECTIONS } from '../../db/reports/run';
import { handSection, type HandSection } from '../helpers/report-sql';
import { benchDemoOffice } from './demo-office';

const SCALE = Number(process.env.BENCH_SCALE ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const TODAY = '2026-11-26';
const NOW = Date.parse(`${TODAY}T01:00:00.000Z`);

const work = mkdtempSync(join(tmpdir(), 'hogo-bench-reports-'));
const officeDir = benchDemoOffice(work, SCALE, TODAY);

const core = new OfficeCore({ dataDir: officeDir, now: () => NOW });
await core.unlock({ login: DEMO_SUPERVISOR_LOGIN, passphrase: DEMO_CREDENTIALS.passphrase });
const ctx = core.context();
const db = ctx.db;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(fn: () => unknown): number {
  fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ms);
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    await fn();
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ms);
}

const requests: { what: string; req: ReportRequest }[] = [
  { what: 'office, fiscal year 2026', req: { period: { kind: 'fiscalYear', fiscalYear: 2026 }, scope: { kind: 'office' }, lang: 'ja' } },
  { what: 'office, October 2026', req: { period: { kind: 'month', month: '2026-10' }, scope: { kind: 'office' }, lang: 'ja' } },
];

const rows: string[] = [];
let mismatches = 0;
for (const { what, req } of requests) {
  const p = prepare(ctx, req);
  const { from, to } = resolvePeriod(req.period, req.lang);
  const hp = { from, to, today: TODAY, now: new Date(NOW).toISOString(), scope: req.scope, viewer: ctx.actor.userId ?? '', seeAll: true };
  for (const def of SECTIONS) {
    // The same numbers, checked once: every count figure of the section against the hand-written query.
    const { section } = computeSection(ctx, p, def);
    const hand = handSection(db, def.id as HandSection, hp);
    for (const f of section.figures.filter((x) => x.unit === 'count' && x.id !== 'support.nationalLinkedShare')) {
      if ((hand.get(f.id) ?? 0) !== f.value) {
        mismatches++;
        console.log(`MISMATCH ${what} ${f.id}: app ${f.value}, hand-written ${hand.get(f.id)}`);
      }
    }
    const app = time(() => computeSection(ctx, p, def));
    const raw = time(() => handSection(db, def.id as HandSection, hp));
    rows.push(`| ${what} | ${def.id} | ${app.toFixed(1)} ms | ${raw.toFixed(1)} ms | ${(app / raw).toFixed(2)} |`);
  }
  const whole = await timeAsync(() => runReport(ctx, req));
  rows.push(`| ${what} | whole report (5 sections) | ${whole.toFixed(1)} ms | | |`);
  const drill = time(() => drillReport(ctx, req, { figureId: 'compliance.overdueCases' }));
  rows.push(`| ${what} | drill: overdue cases | ${drill.toFixed(1)} ms | | |`);
}

const active = db.prepare("SELECT count(*) FROM cases WHERE status = 'active'").pluck().get() as number;
const contacts = db.prepare('SELECT count(*) FROM contacts').pluck().get() as number;
console.log(`\nHogo Case reports benchmark — scale ${SCALE} (${active} active cases, ${contacts} contacts), median of ${RUNS} runs`);
console.log('| report | section | app | hand-written SQL | ratio |');
console.log('| --- | --- | ---: | ---: | ---: |');
for (const r of rows) console.log(r);
console.log(mismatches === 0 ? 'figures agree with the hand-written SQL' : `${mismatches} figures differ from the hand-written SQL`);
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
core.close();
rmSync(work, { recursive: true, force: true });
if (mismatches > 0) process.exitCode = 1;
