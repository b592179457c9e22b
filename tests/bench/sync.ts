/**
 * Sync benchmark on a generated demo office (default scale 100). Demo offices above scale 5 are
 * written in bulk without a change log, so the ops are synthesised from the rows, one per row as
 * Tx.insert writes it (every shared row, plus the rows of enough supervisees for BENCH_SYNC_OPS ops
 * in all, default 1M). Measured: export (encode, compress, encrypt and sign a bundle, streamed),
 * import (verify, decrypt, decompress and apply with the merge engine into an empty encrypted
 * database, one transaction), and a raw batched INSERT of the same rows into the same kind of
 * database. Prints the import/raw throughput ratio the goal (≥ 0.5) is judged on, the same against
 * the rows plus their ops in change_log for reference, and the peak RSS. Nothing is asserted.
 *   npm run bench                      (run.ts runs this unless BENCH_SYNC=0)
 *   BENCH_SCALE=10 BENCH_SYNC_OPS=200000 tsx tests/bench/sync.ts
 *   BENCH_DIR=<folder> …               reuse a demo office made by `npm run demo`
 */
import { createPrivateKey, createPublicKey, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SYSTEM_ACTOR } from '../../db/audit';
import { canonicalJson } from '../../db/canonical';
import { DEMO_CREDENTIALS } from '../../db/contract';
import { OfficeCore } from '../../db/core';
import { defaultMigrationsDir, loadMigrations, migrate, schemaVersion } from '../../db/migrate';
import { openEncrypted, type Db } from '../../db/open';
import { openPayload, readBundleHeader, verifyBundleSignature } from '../../db/sync/bundle-read';
import { frameOps, writeBundle, type PayloadStats } from '../../db/sync/bundle-write';
import { formatHlc, HybridClock } from '../../db/sync/hlc';
import { generateKeyPairs } from '../../db/sync/identity';
import { applyIncoming } from '../../db/sync/merge';
import type { SyncOp } from '../../db/sync/ops';
import { collectPersonRows } from '../../db/sync/relay';
import { tableInfo } from '../../db/sync/rows';
import { isSynced, TABLE_SCOPES } from '../../db/sync/scope';
import { selectOutgoing } from '../../db/sync/select';
import { synthesiseOps } from '../../db/sync/snapshot';
import { benchDemoOffice } from './demo-office';

const SCALE = Number(process.env.BENCH_SCALE ?? 100);
const TARGET_OPS = Number(process.env.BENCH_SYNC_OPS ?? 1_000_000);
const TODAY = '2026-11-26';
const NOW = Date.parse(`${TODAY}T01:00:00.000Z`);
const work = mkdtempSync(join(tmpdir(), 'hogo-bench-sync-'));
const mb = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const peakRss = () => process.resourceUsage().maxRSS * 1024;
const seconds = (t: bigint) => Number(process.hrtime.bigint() - t) / 1e9;

// --- the office ------------------------------------------------------------------------------------
const officeDir = benchDemoOffice(work, SCALE, TODAY);
const core = new OfficeCore({ dataDir: officeDir, now: () => NOW });
await core.unlock({ login: 'demo', passphrase: DEMO_CREDENTIALS.passphrase });
const source = core.context().db;

// --- which rows: every shared row, and the first supervisees (by id) until the op budget is met ----
const synced = TABLE_SCOPES.filter(([t]) => isSynced(t));
let sharedOps = 0;
let personOps = 0;
for (const [table, scope] of synced) {
  const n = (source.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  if (scope.kind === 'shared') sharedOps += n;
  else personOps += n;
}
const allPeople = (source.prepare('SELECT id FROM supervisees ORDER BY id').all() as { id: string }[]).map((r) => r.id);
// The shared directories all go; supervisees' rows fill the rest of the op budget.
const share = Math.min(1, Math.max(0, TARGET_OPS - sharedOps) / Math.max(1, personOps));
const people = allPeople.slice(0, Math.max(1, Math.round(allPeople.length * share)));
source.transaction(() => collectPersonRows(source, people))();
const origin = randomUUID();

// --- export: ops → frames → encrypted, signed bundle ------------------------------------------------
const sender = generateKeyPairs();
const receiver = generateKeyPairs();
const receiverDevice = randomUUID();
const bundlePath = join(work, 'bench.hogosync');
const stats: PayloadStats = { ops: 0, frames: 0, seen: new Map() };
let fieldValues = 0;
function* countingFields(ops: Iterable<SyncOp>): Generator<SyncOp> {
  for (const op of ops) {
    fieldValues += Object.keys(op.fields).length;
    yield op;
  }
}
let t = process.hrtime.bigint();
const written = writeBundle(
  bundlePath,
  {
    officeId: randomUUID(),
    sender: { device: origin, keyId: sender.keyId },
    createdAt: new Date(NOW).toISOString(),
    hlc: formatHlc({ ms: NOW, counter: 0, device: origin }),
    schemaVersion: schemaVersion(source),
    acks: {},
    prevSha256: null,
    recipients: [{ device: receiverDevice, keyId: receiver.keyId, boxPublic: createPublicKey({ key: receiver.boxPublic, format: 'der', type: 'spki' }) }],
    ranges: (s) => Object.fromEntries([...s.seen].map(([o, r]) => [o, [r.min, r.max] as [number, number]])),
  },
  frameOps({ purgeCases: [] }, countingFields(synthesiseOps(source, origin, NOW - 60_000, 'temp.sync_rows')), stats),
  stats,
  createPrivateKey({ key: sender.signPrivate, format: 'der', type: 'pkcs8' }),
);
const exportSeconds = seconds(t);
const rssAfterExport = peakRss();

// --- import: verify, decrypt, apply into an empty encrypted database ------------------------------
const migrations = loadMigrations(defaultMigrationsDir());
function emptyDb(name: string): Db {
  const db = openEncrypted(join(work, name), randomBytes(32), { create: true });
  migrate(db, migrations);
  return db;
}
const target = emptyDb('target.db');
if (process.env.BENCH_SYNC_CACHE_MB) target.pragma(`cache_size = -${Number(process.env.BENCH_SYNC_CACHE_MB) * 1024}`);
target.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(receiverDevice);
const ctx = { db: target, deviceId: receiverDevice, actor: SYSTEM_ACTOR, now: () => NOW, clock: new HybridClock(receiverDevice, () => NOW) };
t = process.hrtime.bigint();
const parsed = readBundleHeader(bundlePath);
verifyBundleSignature(parsed, createPublicKey({ key: sender.signPublic, format: 'der', type: 'spki' }));
const reader = openPayload(parsed, { device: receiverDevice, keyId: receiver.keyId }, createPrivateKey({ key: receiver.boxPrivate, format: 'der', type: 'pkcs8' }));
const applied = target.transaction(() => {
  const r = applyIncoming(ctx, origin, reader.ops(), reader.control);
  reader.finish();
  return r;
})();
const importSeconds = seconds(t);
const rssAfterImport = peakRss();
const pending = (target.prepare('SELECT count(*) AS n FROM sync_pending').get() as { n: number }).n;

// --- relay: the imported database as the office, exporting to the laptop of the officer who holds
// the most of these supervisees (selectOutgoing's scope filter over the whole change log + encode).
const busiest = target
  .prepare('SELECT officer_id AS id, count(*) AS n FROM supervisees WHERE officer_id IS NOT NULL GROUP BY officer_id ORDER BY n DESC LIMIT 1')
  .get() as { id: string; n: number };
const relayStats: PayloadStats = { ops: 0, frames: 0, seen: new Map() };
t = process.hrtime.bigint();
const laptopDevice = randomUUID();
const targetSchema = schemaVersion(target); // read before selectOutgoing opens its statements
target.transaction(() => {
  const out = selectOutgoing(target, { deviceId: laptopDevice, role: 'laptop', officerId: busiest.id }, new Map());
  writeBundle(
    join(work, 'relay.hogosync'),
    {
      officeId: randomUUID(),
      sender: { device: receiverDevice, keyId: receiver.keyId },
      createdAt: new Date(NOW).toISOString(),
      hlc: formatHlc({ ms: NOW, counter: 0, device: receiverDevice }),
      schemaVersion: targetSchema,
      acks: {},
      prevSha256: null,
      recipients: [{ device: laptopDevice, keyId: sender.keyId, boxPublic: createPublicKey({ key: sender.boxPublic, format: 'der', type: 'spki' }) }],
      ranges: (st) => Object.fromEntries([...st.seen].map(([o, r]) => [o, [r.min, r.max] as [number, number]])),
    },
    frameOps(out.control, out.ops, relayStats),
    relayStats,
    createPrivateKey({ key: receiver.signPrivate, format: 'der', type: 'pkcs8' }),
  );
})();
const relaySeconds = seconds(t);

// --- baselines: the same rows, batched INSERTs (10,000 per transaction); then also their ops ------
const BATCH = Number(process.env.BENCH_RAW_BATCH ?? 10_000);
function rawCopy(db: Db, withOps: boolean): { seconds: number; rows: number } {
  let n = 0;
  let inBatch = 0;
  const tick = () => {
    if (++inBatch === BATCH) {
      db.exec('COMMIT; BEGIN');
      inBatch = 0;
    }
  };
  const start = process.hrtime.bigint();
  db.exec('BEGIN');
  for (const [table, scope] of synced) {
    const cols = [...tableInfo(source, table).columns];
    const ins = db.prepare(`INSERT OR REPLACE INTO ${table} (${cols.join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`);
    const sql =
      scope.kind === 'person'
        ? `SELECT t.* FROM temp.sync_rows r JOIN ${table} t ON t.id = r.row_id WHERE r.entity = '${table}' ORDER BY t.id`
        : `SELECT * FROM ${table}`;
    for (const row of source.prepare(sql).raw().iterate() as IterableIterator<unknown[]>) {
      ins.run(...row);
      n += 1;
      tick();
    }
  }
  if (withOps) {
    const log = db.prepare('INSERT INTO change_log (device_id, seq, hlc, entity, row_id, fields, bases) VALUES (?, ?, ?, ?, ?, ?, NULL)');
    for (const op of synthesiseOps(source, origin, NOW - 60_000, 'temp.sync_rows')) {
      log.run(op.origin, op.seq, op.hlc, op.entity, op.row, canonicalJson(op.fields));
      tick();
    }
  }
  db.exec('COMMIT');
  return { seconds: seconds(start), rows: n };
}
const raw = emptyDb('raw.db');
const { seconds: rawSeconds, rows: rawRows } = rawCopy(raw, false);
const rawLog = emptyDb('raw-log.db');
const { seconds: rawLogSeconds } = rawCopy(rawLog, true);
rawLog.close();

const rows = (target.prepare(`SELECT ${synced.map(([n]) => `(SELECT count(*) FROM ${n})`).join(' + ')} AS n`).get() as { n: number }).n;
const rawCount = (raw.prepare(`SELECT ${synced.map(([n]) => `(SELECT count(*) FROM ${n})`).join(' + ')} AS n`).get() as { n: number }).n;
console.log(`\nHogo Case sync benchmark — ${new Date().toISOString()} — scale ${SCALE}, ${people.length} of ${allPeople.length} supervisees`);
console.log('| measurement | value |');
console.log('| --- | ---: |');
console.log(`| ops in the bundle (one per row written) | ${stats.ops.toLocaleString('en')}, carrying ${fieldValues.toLocaleString('en')} field values (${rows.toLocaleString('en')} rows; raw copy ${rawCount.toLocaleString('en')}); directories ${sharedOps.toLocaleString('en')} ops |`);
console.log(`| bundle size | ${mb(written.bytes)} (${mb(statSync(bundlePath).size)} on disk) |`);
console.log(`| export (synthesise + frame + gzip + encrypt + sign) | ${exportSeconds.toFixed(1)} s, ${Math.round(stats.ops / exportSeconds).toLocaleString('en')} ops/s |`);
console.log(`| import (verify + decrypt + apply, one transaction) | ${importSeconds.toFixed(1)} s, ${Math.round(stats.ops / importSeconds).toLocaleString('en')} ops/s, ${Math.round(rows / importSeconds).toLocaleString('en')} rows/s |`);
console.log(`| raw batched INSERT of the same rows | ${rawSeconds.toFixed(1)} s, ${Math.round(rawRows / rawSeconds).toLocaleString('en')} rows/s |`);
console.log(`| raw batched INSERT of the rows and their ops into change_log | ${rawLogSeconds.toFixed(1)} s |`);
console.log(`| **import throughput / raw batched INSERT of the same rows (goal ≥ 0.5)** | **${(rawSeconds / importSeconds).toFixed(2)}** |`);
console.log(`| import throughput / raw rows + their ops in change_log (reference) | ${(rawLogSeconds / importSeconds).toFixed(2)} |`);
console.log(`| office relay export to one laptop (scope filter over ${stats.ops.toLocaleString('en')} ops + encode) | ${relaySeconds.toFixed(1)} s, ${relayStats.ops.toLocaleString('en')} ops for ${busiest.n} supervisees |`);
console.log(`| applied / skipped / conflicts / rows left pending | ${applied.applied} / ${applied.skipped} / ${applied.conflicts} / ${pending} |`);
console.log(`| peak RSS after export / after import | ${mb(rssAfterExport)} / ${mb(rssAfterImport)} |`);
target.close();
raw.close();
core.lock('manual');
rmSync(work, { recursive: true, force: true });
