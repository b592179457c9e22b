/**
 * Foundation benchmarks. Each line compares the app's path with a baseline measured in the same
 * run on the same machine, and prints the ratio; nothing here asserts a timing.
 *   npm run bench            (BENCH_ROWS=5000 to change the size; then tests/bench/casework.ts)
 */
import { spawnSync } from 'node:child_process';
import { randomBytes, randomUUID, scryptSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3-multiple-ciphers';
import { SYSTEM_ACTOR } from '../../db/audit';
import { DEFAULT_KDF } from '../../db/keyslots';
import { defaultMigrationsDir, loadMigrations, migrate } from '../../db/migrate';
import { openEncrypted, type Db } from '../../db/open';
import { HybridClock } from '../../db/sync/hlc';
import { mutate, type ServiceContext } from '../../db/write';

const ROWS = Number(process.env.BENCH_ROWS ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'hogo-bench-'));
const migrations = loadMigrations(defaultMigrationsDir());

function time(fn: () => void): number {
  const t = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t) / 1e6;
}

function fresh(name: string, encrypted: boolean): Db {
  const file = join(dir, name);
  const db = encrypted ? openEncrypted(file, randomBytes(32), { create: true }) : new Database(file);
  if (!encrypted) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
  }
  migrate(db, migrations);
  return db;
}

const userRow = (i: number) => ({
  id: randomUUID(),
  login: `u${i}`,
  display_name: `利用者 ${i}`,
  role: 'officer',
  active: 1,
  created_at: new Date().toISOString(),
  updated_at: new Date().toISOString(),
});

const results: { what: string; app: number; baseline: number; unit: string }[] = [];

// 1. The one write path (row + audit entry + change-log ops, one transaction per call) against a
//    bare INSERT per transaction into the same kind of encrypted database.
{
  const appDb = fresh('app.db', true);
  const deviceId = randomUUID();
  const ctx: ServiceContext = { db: appDb, actor: SYSTEM_ACTOR, deviceId, now: Date.now, clock: new HybridClock(deviceId, Date.now) };
  const app = time(() => {
    for (let i = 0; i < ROWS; i++) mutate(ctx, 'bench.insert', (tx) => tx.insert('users', userRow(i)));
  });
  const rawDb = fresh('raw.db', true);
  const ins = rawDb.prepare(
    'INSERT INTO users (id, login, display_name, role, active, created_at, updated_at) VALUES (@id, @login, @display_name, @role, @active, @created_at, @updated_at)',
  );
  const raw = time(() => {
    for (let i = 0; i < ROWS; i++) rawDb.transaction(() => ins.run(userRow(i)))();
  });
  results.push({ what: `write path, ${ROWS} single-row mutations`, app, baseline: raw, unit: 'ms' });

  // 2. Encrypted against plaintext: scan the audit trail the writes produced.
  const plain = fresh('plain.db', false);
  const copy = plain.prepare(
    'INSERT INTO audit_log (id, at, actor_id, actor_login, actor_role, device_id, action, entity, entity_id, before_json, after_json, prev_hash, hash) VALUES (@id, @at, @actor_id, @actor_login, @actor_role, @device_id, @action, @entity, @entity_id, @before_json, @after_json, @prev_hash, @hash)',
  );
  plain.transaction(() => {
    for (const r of appDb.prepare('SELECT * FROM audit_log').iterate()) copy.run(r as Record<string, unknown>);
  })();
  const scan = (db: Db) => () => {
    for (let k = 0; k < 20; k++) db.prepare("SELECT count(*), max(length(after_json)) FROM audit_log WHERE action LIKE 'bench%'").get();
  };
  results.push({ what: 'audit scan x20, encrypted vs plaintext', app: time(scan(appDb)), baseline: time(scan(plain)), unit: 'ms' });
  appDb.close();
  rawDb.close();
  plain.close();
}

// 3. One passphrase check with the production scrypt cost (the target is ~250 ms or more),
//    against one SHA-256-sized hash to show the work factor.
{
  const kdf = time(() => scryptSync('passphrase check', randomBytes(16), 32, { ...DEFAULT_KDF, maxmem: 512 * 1024 * 1024 }));
  const cheap = time(() => scryptSync('passphrase check', randomBytes(16), 32, { N: 2, r: 1, p: 1 }));
  results.push({ what: 'unlock KDF (scrypt N=2^17), one check', app: kdf, baseline: cheap, unit: 'ms' });
}

console.log(`\nHogo Case foundation benchmark — ${new Date().toISOString()} — node ${process.version}, ${process.platform}`);
console.log('| measurement | app | baseline | ratio |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of results) {
  console.log(`| ${r.what} | ${r.app.toFixed(1)} ${r.unit} | ${r.baseline.toFixed(1)} ${r.unit} | ${(r.app / r.baseline).toFixed(2)} |`);
}
console.log(`peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
rmSync(dir, { recursive: true, force: true });

// The casework benchmark generates a demo office (scale 100 by default, a few minutes) and runs in
// its own process, so its peak RSS is its own. BENCH_CASEWORK=0 skips it.
if (process.env.BENCH_CASEWORK !== '0') {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./casework.ts', import.meta.url))], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}

// The support pathway benchmark (program roster, …) likewise, in its own process. BENCH_PATHWAYS=0 skips it.
if (process.env.BENCH_PATHWAYS !== '0') {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./pathways.ts', import.meta.url))], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}

// The supervisor report benchmark (each section against one hand-written query), in its own process. BENCH_REPORTS=0 skips it.
if (process.env.BENCH_REPORTS !== '0') {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./reports.ts', import.meta.url))], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}

// The sync benchmark (export and import of ~1M ops, against a raw batched insert), in its own
// process. BENCH_SYNC=0 skips it.
if (process.env.BENCH_SYNC !== '0') {
  const r = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(new URL('./sync.ts', import.meta.url))], { stdio: 'inherit' });
  if (r.status !== 0) process.exitCode = r.status ?? 1;
}
