/**
 * Casework benchmark on a generated demo office (default scale 100 ≈ 25,000 active cases, ~1.3M
 * contacts). For each operation: the app's time through its service, the same result hand-written
 * in raw SQL on the same database, their ratio (goal ≤ 1.5), and the app's time on an unencrypted
 * copy of the same data. Medians of several runs; nothing here asserts a timing.
 *   npm run bench                      (run.ts runs this after the foundation benchmark)
 *   BENCH_SCALE=10 tsx tests/bench/casework.ts
 *   BENCH_DIR=<folder> …               reuse a demo office made by `npm run demo -- --today 2026-11-26`
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { japanDate } from '../../db/casework/standards';
import { contract, DEMO_CREDENTIALS, type ParsedInputOf } from '../../db/contract';
import { OfficeCore, FILES } from '../../db/core';
import { DEMO_SUPERVISOR_LOGIN } from '../../db/demo/people';
import { applyKey, type Db } from '../../db/open';
import { stmt } from '../../db/statements';
import { listCaseload } from '../../db/services/caseload';
import { recordContact } from '../../db/services/contacts';
import { search } from '../../db/services/search';
import { getSupervisee } from '../../db/services/supervisees';
import { personTimeline } from '../../db/services/timeline';
import { registerSqlFunctions } from '../../db/sql-functions';
import { HybridClock } from '../../db/sync/hlc';
import type { ServiceContext } from '../../db/write';

const SCALE = Number(process.env.BENCH_SCALE ?? 100);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const TODAY = '2026-11-26';
const NOW = Date.parse(`${TODAY}T01:00:00.000Z`); // 10:00 in Japan
const root = resolve(new URL('../..', import.meta.url).pathname);

// --- the office ------------------------------------------------------------------------------------

const work = mkdtempSync(join(tmpdir(), 'hogo-bench-casework-'));
const reuse = process.env.BENCH_DIR ? resolve(process.env.BENCH_DIR) : null;
const officeDir = reuse ?? join(work, 'office');
let generationSeconds: number | null = null;
if (!reuse || !existsSync(join(officeDir, FILES.db))) {
  console.log(`generating a demo office at scale ${SCALE} (this takes a few minutes at scale 100)…`);
  const t = Date.now();
  // A child process: the generator's memory does not count in this process's peak RSS.
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
const enc = core.context();
const fileBytes = statSync(join(officeDir, FILES.db)).size;

// An unencrypted copy of the same data: copy the file, open it with the key, and remove the key.
enc.db.pragma('wal_checkpoint(TRUNCATE)');
const plainFile = join(work, 'plain.db');
copyFileSync(join(officeDir, FILES.db), plainFile);
{
  const c = new Database(plainFile);
  applyKey(c, core.keyring().dbKey);
  c.pragma('journal_mode = DELETE');
  c.pragma("rekey = ''");
  c.close();
}
const plainDb: Db = new Database(plainFile);
for (const p of ['journal_mode = WAL', 'synchronous = FULL', 'foreign_keys = ON', 'temp_store = MEMORY', `cache_size = -${64 * 1024}`]) {
  plainDb.pragma(p);
}
registerSqlFunctions(plainDb);
const plain: ServiceContext = { ...enc, db: plainDb, clock: new HybridClock(enc.deviceId, () => NOW) };

// --- timing ----------------------------------------------------------------------------------------

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Median ms of `fn(i)` over RUNS runs after two warm-ups; `before` runs untimed before each. */
function time(fn: (i: number) => unknown, before?: () => void): number {
  for (const i of [-2, -1]) {
    before?.();
    fn(i);
  }
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    before?.();
    const t = process.hrtime.bigint();
    fn(i);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  return median(ms);
}

/** Any write: the caseload's kept office-wide flags are computed again on the next call. */
const touch = (db: Db) => () =>
  stmt(db, "INSERT INTO meta (key, value) VALUES ('bench.touch', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(
    String(process.hrtime.bigint()),
  );

const parse = <C extends keyof typeof contract>(c: C, input: unknown) => contract[c].input.parse(input) as ParsedInputOf<C>;

// --- the operations, each as the app does it and as raw SQL ------------------------------------------

interface Op {
  what: string;
  baseline: string;
  /** Runs untimed before each run, on the database the run uses. */
  before?: (db: Db) => () => void;
  app: (ctx: ServiceContext, i: number) => unknown;
  raw: (db: Db, i: number) => unknown;
}

const caseloadQuery = parse('caseload.list', {
  scope: 'unit',
  filters: { category: '4', drugType: 'stimulants' },
  sort: { key: 'lastContact', dir: 'asc' },
  limit: 100,
});
const flagQuery = parse('caseload.list', {
  scope: 'unit',
  filters: { flags: ['overdueContact'] },
  sort: { key: 'flagCount', dir: 'desc' },
  limit: 100,
});

const CURRENT_CATEGORY = `COALESCE(
  (SELECT p.category FROM case_phases p WHERE p.case_id = c.id AND p.start_date <= @today ORDER BY p.seq DESC LIMIT 1),
  (SELECT p.category FROM case_phases p WHERE p.case_id = c.id ORDER BY p.seq LIMIT 1))`;
const LAST_HELD = `(SELECT max(k.contact_date) FROM contacts k WHERE k.case_id = c.id AND k.outcome = 'held' AND k.kind <> 'vpo_monthly_report')`;

/**
 * The caseload page hand-written: the page's ids and the total in one pass, then the rows with the
 * flags SQL can express, then the window contacts the overdue flag reads for those rows.
 */
function rawCaseload(db: Db): unknown {
  const page = stmt(
    db,
    `SELECT c.id, count(*) OVER () AS total FROM cases c JOIN supervisees s ON s.id = c.supervisee_id
        WHERE c.status = 'active' AND EXISTS (SELECT 1 FROM json_each(s.drug_types) j WHERE j.value = 'stimulants')
          AND ${CURRENT_CATEGORY} = '4'
        ORDER BY ${LAST_HELD}, s.family_kana, s.given_kana, c.case_number, c.id LIMIT 100`,
  ).all({ today: TODAY }) as { id: string; total: number }[];
  const ids = JSON.stringify(page.map((r) => r.id));
  const rows = stmt(
    db,
    `SELECT c.id, s.id AS supervisee_id, s.family_name, s.given_name, s.family_kana, s.given_kana, c.case_number, c.status,
              ${CURRENT_CATEGORY} AS category, c.partial_suspension, c.intensity_level, s.drug_types, u.display_name, v.name,
              c.start_date, c.planned_end_date, c.termination_date, ${LAST_HELD} AS last_contact,
              EXISTS (SELECT 1 FROM drug_tests t WHERE t.case_id = c.id AND t.result IN ('positive', 'refused') AND t.tested_on BETWEEN '2026-08-29' AND @today) AS positive,
              NOT EXISTS (SELECT 1 FROM contacts r WHERE r.case_id = c.id AND r.kind = 'vpo_monthly_report' AND r.report_month = '2026-10') AS no_report,
              COALESCE(c.termination_date, c.planned_end_date) BETWEEN @today AND '2026-12-26' AS ending,
              EXISTS (SELECT 1 FROM appointments a WHERE a.case_id = c.id AND a.status = 'scheduled' AND a.starts_at < @now
                        AND strftime('%Y-%m-%dT%H:%M:%fZ', a.starts_at, '+' || a.duration_min || ' minutes') <= @now) AS needs_outcome
         FROM cases c JOIN supervisees s ON s.id = c.supervisee_id
         LEFT JOIN users u ON u.id = s.officer_id LEFT JOIN vpos v ON v.id = s.vpo_id
        WHERE c.id IN (SELECT value FROM json_each(@ids))`,
  ).all({ today: TODAY, now: new Date(NOW).toISOString(), ids }) as { id: string }[];
  const contacts = stmt(
    db,
    `SELECT case_id, kind, contact_date, outcome, by_vpo_id, report_month FROM contacts
        WHERE case_id IN (SELECT value FROM json_each(@ids)) AND contact_date BETWEEN '2026-10-01' AND '2026-11-30'`,
  ).all({ ids });
  return [page[0]?.total, rows, contacts];
}

/** What the whole-office flags must read, hand-written: every active case and its window rows. */
function rawFlagData(db: Db): unknown {
  return [
    stmt(db, "SELECT id, status, intensity_level, start_date, COALESCE(termination_date, planned_end_date) FROM cases WHERE status = 'active'").raw().all(),
    stmt(db, "SELECT case_id, kind, contact_date, outcome, by_vpo_id, report_month FROM contacts WHERE contact_date BETWEEN '2026-10-01' AND '2026-11-30'").raw().all(),
    stmt(db, "SELECT case_id FROM contacts WHERE kind = 'vpo_monthly_report' AND report_month = '2026-10'").raw().all(),
    stmt(db, "SELECT DISTINCT case_id FROM drug_tests WHERE result IN ('positive', 'refused') AND tested_on BETWEEN '2026-08-29' AND @today").raw().all({ today: TODAY }),
    stmt(db, 'SELECT case_id, from_date, resumed_on FROM supervision_suspensions').raw().all(),
  ];
}

function rawSearch(db: Db, forms: string[]): unknown {
  const hits = stmt(
    db,
    `SELECT t.kind, t.ref_id, t.supervisee_id, t.case_id FROM search_fts f JOIN search_terms t ON t.id = f.rowid
      WHERE ${forms.map((_, i) => `f.text LIKE @f${i}`).join(' OR ')} LIMIT 100`,
  ).all(Object.fromEntries(forms.map((f, i) => [`f${i}`, `%${f}%`]))) as { supervisee_id: string }[];
  const people = [...new Set(hits.map((h) => h.supervisee_id))].slice(0, 20);
  return stmt(
    db,
    `SELECT s.id, s.family_name, s.given_name, s.family_kana, s.given_kana,
              (SELECT c.case_number FROM cases c WHERE c.supervisee_id = s.id ORDER BY c.status = 'terminated', c.start_date DESC LIMIT 1) AS case_number
         FROM supervisees s WHERE s.id IN (SELECT value FROM json_each(@ids))`,
  ).all({ ids: JSON.stringify(people) });
}

/** The person page hand-written: the person and every row the page and the timeline show. */
function rawPerson(db: Db, personId: string): unknown {
  const p = { id: personId };
  const ofCases = 'case_id IN (SELECT id FROM cases WHERE supervisee_id = @id)';
  return [
    stmt(db, `SELECT s.*, u.display_name, v.name, v.district FROM supervisees s LEFT JOIN users u ON u.id = s.officer_id
                LEFT JOIN vpos v ON v.id = s.vpo_id WHERE s.id = @id`).get(p),
    stmt(db, 'SELECT * FROM family_members WHERE supervisee_id = @id').all(p),
    stmt(db, 'SELECT * FROM cases WHERE supervisee_id = @id ORDER BY start_date DESC').all(p),
    stmt(db, `SELECT * FROM case_phases WHERE ${ofCases} ORDER BY case_id, seq`).all(p),
    stmt(db, `SELECT * FROM supervision_suspensions WHERE ${ofCases}`).all(p),
    stmt(db, `SELECT * FROM conditions WHERE ${ofCases}`).all(p),
    stmt(db, `SELECT a.*, u.display_name FROM assessments a LEFT JOIN users u ON u.id = a.assessed_by WHERE a.${ofCases}`).all(p),
    stmt(db, `SELECT k.*, u.display_name, v.name FROM contacts k LEFT JOIN users u ON u.id = k.by_user_id
                LEFT JOIN vpos v ON v.id = k.by_vpo_id WHERE k.${ofCases} ORDER BY contact_date DESC`).all(p),
    stmt(db, `SELECT * FROM appointments WHERE ${ofCases} AND status <> 'done'`).all(p),
    stmt(db, `SELECT * FROM drug_tests WHERE ${ofCases}`).all(p),
    stmt(db, `SELECT * FROM measures WHERE ${ofCases}`).all(p),
    // The timeline also shows condition changes from the audit trail and every support pathway.
    stmt(db, `SELECT entity_id, before_json, after_json FROM audit_log WHERE entity = 'conditions'
                AND entity_id IN (SELECT id FROM conditions WHERE ${ofCases}) AND action = 'conditions.change'`).all(p),
    stmt(db, `SELECT e.*, g.code, g.name, g.kind FROM enrolments e JOIN programs g ON g.id = e.program_id WHERE e.${ofCases}`).all(p),
    stmt(db, `SELECT sp.*, ps.held_on, ps.start_time, ps.stage, ps.session_no, ps.delivery_mode FROM session_participants sp
                JOIN program_sessions ps ON ps.id = sp.session_id WHERE sp.${ofCases}`).all(p),
    stmt(db, `SELECT es.*, e.name FROM employment_supports es LEFT JOIN employers e ON e.id = es.employer_id WHERE es.${ofCases}`).all(p),
    stmt(db, `SELECT j.*, e.name FROM jobs j LEFT JOIN employers e ON e.id = j.employer_id WHERE j.${ofCases}`).all(p),
    stmt(db, `SELECT * FROM employment_status WHERE ${ofCases}`).all(p),
    stmt(db, `SELECT i.*, m.topic, m.held_on, f.name, f.relation FROM seminar_invitations i JOIN seminars m ON m.id = i.seminar_id
                JOIN family_members f ON f.id = i.family_member_id WHERE f.supervisee_id = @id`).all(p),
    stmt(db, `SELECT pl.*, f.name, f.kind FROM placements pl JOIN facilities f ON f.id = pl.facility_id WHERE pl.${ofCases}`).all(p),
    stmt(db, `SELECT l.*, o.name, o.kind FROM support_links l JOIN support_orgs o ON o.id = l.org_id WHERE l.${ofCases}`).all(p),
  ];
}

// People for the person page: active, with an ordinary amount of history; cases to record contacts on.
const people = stmt(
  enc.db,
  `SELECT c.supervisee_id FROM cases c WHERE c.status = 'active' AND c.start_date <= '2026-01-01' ORDER BY c.id LIMIT ${RUNS + 2}`,
)
  .pluck()
  .all() as string[];
const caseIds = stmt(enc.db, `SELECT id FROM cases WHERE status = 'active' ORDER BY id DESC LIMIT ${3 * (RUNS + 2)}`).pluck().all() as string[];
const pick = <T>(xs: T[], i: number) => xs[(i + xs.length) % xs.length]!;

const ops: Op[] = [
  {
    what: 'caseload, whole office: first page, filtered (category 4, stimulants), sorted by last contact',
    baseline: 'same rows in SQL, flags but "overdue" as EXISTS, the page\'s window contacts',
    app: (ctx) => listCaseload(ctx, caseloadQuery),
    raw: (db) => rawCaseload(db),
  },
  {
    what: 'caseload, whole office: filtered by "overdue contact", sorted by flag count — first call after a write',
    baseline: 'reading the rows the flags need (no standard computed, no filter, no sort)',
    before: touch,
    app: (ctx) => listCaseload(ctx, flagQuery),
    raw: (db) => rawFlagData(db),
  },
  {
    what: 'the same, again with nothing written in between (office-wide overdue set kept)',
    baseline: 'as above',
    app: (ctx) => listCaseload(ctx, flagQuery),
    raw: (db) => rawFlagData(db),
  },
  {
    what: 'search, kana query 「やまだ」',
    baseline: 'FTS trigram match and the people\'s names and case numbers',
    app: (ctx) => search(ctx, parse('search.query', { q: 'やまだ' })),
    raw: (db) => rawSearch(db, ['やまだ']),
  },
  {
    what: 'search, romaji query "yamada"',
    baseline: 'the same, for both spellings it is searched as',
    app: (ctx) => search(ctx, parse('search.query', { q: 'yamada' })),
    raw: (db) => rawSearch(db, ['yamada', 'やまだ']),
  },
  {
    what: 'person page: supervisees.get + timeline.forPerson',
    baseline: 'every row the page shows, one SELECT per table',
    app: (ctx, i) => [getSupervisee(ctx, { id: pick(people, i) }), personTimeline(ctx, { superviseeId: pick(people, i) })],
    raw: (db, i) => rawPerson(db, pick(people, i)),
  },
  {
    what: 'recording a contact (contacts.record)',
    baseline: 'one INSERT INTO contacts in a transaction (same triggers)',
    app: (ctx, i) =>
      recordContact(ctx, parse('contacts.record', { caseId: pick(caseIds, i), kind: 'office_interview', outcome: 'held', notes: '就労状況を確認。', date: TODAY })),
    raw: (db, i) =>
      db.transaction(() =>
        stmt(
          db,
          `INSERT INTO contacts (id, case_id, kind, contact_date, contact_time, by_user_id, outcome, notes, sensitive, created_at, updated_at)
           VALUES (@id, @case, 'office_interview', @day, '10:00', @user, 'held', '就労状況を確認。', 0, @at, @at)`,
        ).run({ id: randomUUID(), case: pick(caseIds, i + RUNS), day: TODAY, user: enc.actor.userId, at: new Date(NOW).toISOString() }),
      )(),
  },
];

const rss = () => process.resourceUsage().maxRSS / 1024;
const rssOpen = rss();
const app = ops.map((op) => time((i) => op.app(enc, i), op.before?.(enc.db)));
const rssApp = rss();
const appPlain = ops.map((op) => time((i) => op.app(plain, i + 100), op.before?.(plain.db)));
const raw = ops.map((op) => time((i) => op.raw(enc.db, i)));
const results = ops.map((op, k) => ({ ...op, app: app[k]!, rawMs: raw[k]!, appPlain: appPlain[k]! }));

const counts = stmt(
  enc.db,
  `SELECT (SELECT count(*) FROM cases WHERE status <> 'terminated') AS active, (SELECT count(*) FROM cases) AS cases,
          (SELECT count(*) FROM contacts) AS contacts, (SELECT count(*) FROM drug_tests) AS tests`,
).get() as Record<string, number>;

const cpu = cpus()[0]?.model ?? 'unknown CPU';
console.log(
  `\nHogo Case casework benchmark — ${japanDate(Date.now())} — ${cpus().length} × ${cpu}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, node ${process.version}, ${process.platform}`,
);
console.log(
  `demo office scale ${SCALE}: ${counts.active} open cases (${counts.cases} with terminated), ${counts.contacts} contacts, ${counts.tests} drug tests; ` +
    `${(fileBytes / 2 ** 20).toFixed(0)} MB encrypted` +
    (generationSeconds !== null ? `; generated in ${generationSeconds.toFixed(0)} s` : '') +
    `; median of ${RUNS} runs`,
);
console.log('| operation | app | raw SQL | app / raw | app, unencrypted copy | encrypted / plain | raw SQL baseline |');
console.log('| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const r of results) {
  console.log(
    `| ${r.what} | ${r.app.toFixed(1)} ms | ${r.rawMs.toFixed(1)} ms | ${(r.app / r.rawMs).toFixed(2)} | ${r.appPlain.toFixed(1)} ms | ${(r.app / r.appPlain).toFixed(2)} | ${r.baseline} |`,
  );
}
console.log(
  `peak RSS (generation excluded, it runs in a child): ${rssOpen.toFixed(0)} MB after opening the office and making the plaintext copy, ` +
    `${rssApp.toFixed(0)} MB after the app's runs on the encrypted office, ${rss().toFixed(0)} MB at the end (with the plaintext copy and the raw SQL runs)`,
);

core.close();
plainDb.close();
rmSync(work, { recursive: true, force: true });
