/**
 * Support pathway benchmark on a generated demo office (default scale 100 ≈ 25,000 active cases).
 * For each screen: the app's time through its service, the same result hand-written in raw SQL on
 * the same database, and their ratio (goal ≤ 1.5). Medians of several runs; nothing is asserted.
 *   npm run bench                      (run.ts runs this unless BENCH_PATHWAYS=0)
 *   BENCH_SCALE=10 tsx tests/bench/pathways.ts
 *   BENCH_DIR=<folder> …               reuse a demo office made by `npm run demo -- --today 2026-11-26`
 * Each pathway adds its screens to `ops` below.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { japanDate } from '../../db/casework/standards';
import { contract, DEMO_CREDENTIALS, type ParsedInputOf } from '../../db/contract';
import { FILES, OfficeCore } from '../../db/core';
import { DEMO_OFFICER_LOGIN, DEMO_SUPERVISOR_LOGIN } from '../../db/demo/people';
import type { Db } from '../../db/open';
import { getSession, listSessions } from '../../db/services/program-sessions';
import { enrolmentsForCase } from '../../db/services/programs';
import { stmt } from '../../db/statements';
import type { ServiceContext } from '../../db/write';
import { supportCounts, supportOps } from './pathways-support';

const SCALE = Number(process.env.BENCH_SCALE ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);
const WARM_UPS = 1000;
const TODAY = '2026-11-26';
const NOW = Date.parse(`${TODAY}T01:00:00.000Z`); // 10:00 in Japan
const root = resolve(new URL('../..', import.meta.url).pathname);

// --- the office ------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'hogo-bench-pathways-'));
const reuse = process.env.BENCH_DIR ? resolve(process.env.BENCH_DIR) : null;
const officeDir = reuse ?? join(work, 'office');
let generationSeconds: number | null = null;
if (!reuse || !existsSync(join(officeDir, FILES.db))) {
  console.log(`generating a demo office at scale ${SCALE} (this takes a few minutes at scale 100)…`);
  const t = Date.now();
  const r = spawnSync(
    process.execPath,
    [...process.execArgv, join(root, 'db/demo/cli.ts'), '--scale', String(SCALE), '--dir', officeDir, '--today', TODAY, '--seed', 'bench'],
    { stdio: 'inherit', cwd: root },
  );
  if (r.status !== 0) throw new Error('demo office generation failed');
  generationSeconds = (Date.now() - t) / 1000;
}

const core = new OfficeCore({ dataDir: officeDir, now: () => NOW });
await core.unlock({ login: DEMO_SUPERVISOR_LOGIN, passphrase: DEMO_CREDENTIALS.passphrase });
/** The demo supervisor sees every drug test; the demo officer (the same connection, read only here) their own cases'. */
const supervisor = core.context();
const db = supervisor.db;
const officerId = stmt(db, 'SELECT id FROM users WHERE login = ?').pluck().get(DEMO_OFFICER_LOGIN) as string;
const officer: ServiceContext = { ...supervisor, actor: { userId: officerId, login: DEMO_OFFICER_LOGIN, role: 'officer' } };

// --- timing ----------------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Median ms of `fn(i)` over RUNS runs after warm-ups: up to WARM_UPS calls or half a second, so
 * that calls of a tenth of a millisecond are measured after the JIT has settled.
 */
function time(fn: (i: number) => unknown): number {
  const until = Date.now() + 500;
  for (let i = -1; i >= -WARM_UPS && (i >= -2 || Date.now() < until); i--) fn(i);
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = process.hrtime.bigint();
    fn(i);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ms);
}

const parse = <C extends keyof typeof contract>(c: C, input: unknown) => contract[c].input.parse(input) as ParsedInputOf<C>;
const pick = <T>(xs: readonly T[], i: number) => xs[((i % xs.length) + xs.length) % xs.length]!;

interface Op {
  what: string;
  baseline: string;
  app: (i: number) => unknown;
  raw: (db: Db, i: number) => unknown;
}

// --- treatment programs ------------------------------------------------------------------------------

/** Held sessions with a full roster of 10, each with its participants' tests. */
const rosters = stmt(
  db,
  `SELECT ps.id FROM program_sessions ps
    WHERE ps.status = 'held' AND (SELECT count(*) FROM session_participants sp WHERE sp.session_id = ps.id) = 10
    ORDER BY ps.held_on DESC, ps.id LIMIT ${RUNS + 2}`,
)
  .pluck()
  .all() as string[];
if (rosters.length === 0) throw new Error('the demo office has no 10-person program session');

/** The roster screen hand-written: the session with its program and counts, then the roster with names, cases and tests. */
function rawRoster(d: Db, id: string, viewer: ServiceContext): unknown {
  const session = stmt(
    d,
    `SELECT ps.*, p.name AS program_name, p.rules,
            (SELECT count(*) FROM session_participants sp WHERE sp.session_id = ps.id) AS participants,
            (SELECT count(*) FROM session_participants sp WHERE sp.session_id = ps.id AND sp.attendance IN ('attended', 'late')) AS attended
       FROM program_sessions ps JOIN programs p ON p.id = ps.program_id WHERE ps.id = ?`,
  ).get(id);
  const everything = viewer.actor.role !== 'officer';
  const roster = stmt(
    d,
    `SELECT sp.id, sp.enrolment_id, sp.case_id, c.case_number, c.supervisee_id, s.family_name, s.given_name, s.family_kana,
            s.given_kana, s.officer_id, sp.attendance, sp.notes,
            CASE WHEN @all OR s.officer_id = @me THEN t.id END AS test_id,
            CASE WHEN @all OR s.officer_id = @me THEN t.result END AS result,
            CASE WHEN @all OR s.officer_id = @me THEN t.method END AS method,
            CASE WHEN @all OR s.officer_id = @me THEN t.substances END AS substances,
            CASE WHEN @all OR s.officer_id = @me THEN t.consent END AS consent,
            CASE WHEN @all OR s.officer_id = @me THEN t.follow_up END AS follow_up
       FROM session_participants sp JOIN cases c ON c.id = sp.case_id JOIN supervisees s ON s.id = c.supervisee_id
       LEFT JOIN drug_tests t ON t.id = sp.drug_test_id
      WHERE sp.session_id = @id ORDER BY s.family_kana, s.given_kana, c.case_number, sp.id`,
  ).all({ id, all: everything ? 1 : 0, me: viewer.actor.userId });
  return [session, roster];
}

const month = parse('sessions.list', { from: '2026-10-01', to: '2026-10-31' });
function rawSessionList(d: Db): unknown {
  return stmt(
    d,
    `SELECT ps.*, p.name AS program_name, p.rules,
            (SELECT count(*) FROM session_participants sp WHERE sp.session_id = ps.id) AS participants,
            (SELECT count(*) FROM session_participants sp WHERE sp.session_id = ps.id AND sp.attendance IN ('attended', 'late')) AS attended
       FROM program_sessions ps JOIN programs p ON p.id = ps.program_id
      WHERE ps.held_on BETWEEN '2026-10-01' AND '2026-10-31' ORDER BY ps.held_on DESC, ps.start_time DESC, ps.created_at DESC`,
  ).all();
}

/** Cases in the step-up stage for a year or more: the person page's program progress. */
const progressCases = stmt(
  db,
  `SELECT case_id FROM enrolments WHERE status = 'active' AND stage = 'step_up' AND core_completed_on < '2025-11-01' ORDER BY id LIMIT ${RUNS + 2}`,
)
  .pluck()
  .all() as string[];
function rawProgress(d: Db, caseId: string): unknown {
  return [
    stmt(d, `SELECT e.*, p.code, p.name, p.kind FROM enrolments e JOIN programs p ON p.id = e.program_id WHERE e.case_id = ?`).all(caseId),
    stmt(
      d,
      `SELECT s.*, ps.held_on FROM enrolment_schedule s LEFT JOIN program_sessions ps ON ps.id = s.session_id
        WHERE s.enrolment_id IN (SELECT id FROM enrolments WHERE case_id = ?) ORDER BY s.due_on`,
    ).all(caseId),
    stmt(
      d,
      `SELECT sp.enrolment_id, ps.id, ps.stage, ps.session_no, ps.held_on, sp.attendance FROM session_participants sp
         JOIN program_sessions ps ON ps.id = sp.session_id WHERE sp.case_id = ? AND ps.status = 'held'`,
    ).all(caseId),
  ];
}

const ops: Op[] = [
  {
    what: 'program roster screen: sessions.get, 10 participants with tests, as a supervisor',
    baseline: 'the session with its program and counts, and the roster joined to cases, people and tests',
    app: (i) => getSession(supervisor, { id: pick(rosters, i) }),
    raw: (d, i) => rawRoster(d, pick(rosters, i), supervisor),
  },
  {
    what: 'the same as an officer (other officers\u2019 cases\u2019 tests hidden)',
    baseline: 'as above, tests masked in SQL',
    app: (i) => getSession(officer, { id: pick(rosters, i) }),
    raw: (d, i) => rawRoster(d, pick(rosters, i), officer),
  },
  {
    what: 'program sessions list: one month, all programs',
    baseline: 'the sessions of the month with their program and counts',
    app: () => listSessions(supervisor, month),
    raw: (d) => rawSessionList(d),
  },
  {
    what: 'program progress on the person page: enrolments.forCase (a year of step-up)',
    baseline: 'the enrolments, their schedule and their attendance, one SELECT each',
    app: (i) => enrolmentsForCase(supervisor, { caseId: pick(progressCases, i) }),
    raw: (d, i) => rawProgress(d, pick(progressCases, i)),
  },
];

// --- vocational support and facility placements (./pathways-support.ts) ------------------------------

ops.push(...supportOps(supervisor, TODAY));

// --- run ---------------------------------------------------------------------------------------------

const results = ops.map((op) => ({ ...op, appMs: time(op.app), rawMs: time((i) => op.raw(db, i)) }));

const counts = stmt(
  db,
  `SELECT (SELECT count(*) FROM cases WHERE status <> 'terminated') AS open, (SELECT count(*) FROM enrolments) AS enrolments,
          (SELECT count(*) FROM program_sessions) AS sessions, (SELECT count(*) FROM session_participants) AS participants,
          (SELECT count(*) FROM enrolment_schedule) AS schedule`,
).get() as Record<string, number>;
const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `\nHogo Case pathways benchmark — ${japanDate(Date.now())} — ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, ${process.platform}`,
);
console.log(
  `demo office scale ${SCALE}: ${counts.open} open cases; programs: ${counts.enrolments} enrolments, ${counts.sessions} sessions, ` +
    `${counts.participants} participants, ${counts.schedule} planned sessions; ${supportCounts(db)}` +
    (generationSeconds !== null ? `; generated in ${generationSeconds.toFixed(0)} s` : '') +
    `; median of ${RUNS} runs`,
);
console.log('| screen | app | raw SQL | app / raw | raw SQL baseline |');
console.log('| --- | ---: | ---: | ---: | --- |');
for (const r of results) {
  console.log(`| ${r.what} | ${r.appMs.toFixed(2)} ms | ${r.rawMs.toFixed(2)} ms | ${(r.appMs / r.rawMs).toFixed(2)} | ${r.baseline} |`);
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);

core.close();
rmSync(work, { recursive: true, force: true });
