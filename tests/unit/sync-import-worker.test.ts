/**
 * Sync imports in the import worker (db/sync/import-worker.ts), through the `sync.import` channel:
 * the same content, bundle log and audit rows as the in-process importBundles; the main event loop
 * turning and progress arriving during a large import; the main clock receiving the newest applied
 * stamp; lock, restore and a crashed worker leaving the database unchanged with a clear code; a
 * save meanwhile answering DB_BUSY; the next import starting a fresh worker. Real encrypted
 * databases, real worker threads.
 */
import { copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventName, Events } from '../../db/contract';
import { FILES, lastHlc } from '../../db/core';
import { openEncrypted, type Db } from '../../db/open';
import { recordRun } from '../../db/sync/devices';
import { HybridClock, parseHlc } from '../../db/sync/hlc';
import { importBundles } from '../../db/sync/import';
import type { ImportWorker } from '../../db/sync/import-worker-host';
import { mutate } from '../../db/write';
import { STAFF } from '../helpers/contacts';
import { tempDir } from '../helpers/office';
import { contentHash, syncOffice } from '../helpers/sync';

/** Enough rows that the bundle has more ops than one progress step (5,000), whatever the op shape. */
const EMPLOYERS = 6000;

type Progress = Events['progress'];
let t: ReturnType<typeof tempDir>;
let s: Awaited<ReturnType<typeof syncOffice>>;
const progress: Progress[] = [];
/**
 * Called whenever laptop A's core reads the time. The worker asks the main side for it
 * synchronously and waits, so a hook that sees the write lock taken runs while the worker is
 * blocked inside its transaction: the moment a lock or a crash is to hit, whatever the op format.
 */
let onNow: (() => void) | null = null;
let onProgressTick: (() => void) | null = null;
/** A third connection to laptop A's database that never waits: it tells whether a write transaction is open. */
let probe: Db | null = null;

function importMidTransaction(): boolean {
  try {
    probe!.exec('BEGIN IMMEDIATE');
    probe!.exec('ROLLBACK');
    return false;
  } catch (e) {
    if ((e as { code?: string }).code !== 'SQLITE_BUSY') throw e;
    return true;
  }
}

function openProbe(): void {
  probe?.close();
  const key = Buffer.from(s.a.core.keyring().dbKey);
  probe = openEncrypted(join(t.dir, 'laptop-a', FILES.db), key);
  key.fill(0);
  probe.pragma('busy_timeout = 0');
}

const thread = (w: ImportWorker) => (w as unknown as { thread: Worker }).thread;
/** A stamp's time part (13-digit ms, 6-digit counter), which sorts as text. */
const timeOf = (hlc: string) => hlc.slice(0, 20);
const inboundLog = (db: Db) => db.prepare("SELECT bundle_id, result FROM sync_bundles WHERE direction = 'in' ORDER BY rowid").all();

beforeAll(async () => {
  t = tempDir('hogo-import-worker-');
  const clock = { now: () => Date.parse('2026-11-26T00:00:00.000Z') };
  s = await syncOffice(t.dir, {
    laptopA: {
      now: () => {
        onNow?.();
        return clock.now();
      },
      onEvent: <E extends EventName>(event: E, payload: Events[E]) => {
        if (event !== 'progress' || (payload as Progress).task !== 'sync') return;
        progress.push(payload as Progress);
        onProgressTick?.();
      },
    },
  });
  // From here laptop A reads the office's fake clock, as syncOffice gives every device (the
  // office's clock did not move while the laptops joined).
  clock.now = s.office.clock.now;
  s.office.newCase({ officerId: s.office.ids.sato });
  s.office.newCase({ officerId: s.office.ids.suzuki });
  s.office.clock.advance(60_000);
  // Shared rows (every laptop receives them), written at the office in one transaction.
  mutate(s.office.core.context(), 'test.employers', (tx) => {
    for (let i = 0; i < EMPLOYERS; i += 1) {
      tx.insert('employers', { id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, name: `協力雇用主 ${i}`, created_at: tx.at, updated_at: tx.at });
    }
  });
  const out = await s.office.call('sync.export', {});
  expect(out.bundles.length).toBe(2);
  expect(out.bundles.every((b) => b.ops > 5000)).toBe(true);
}, 180_000);

afterAll(() => {
  probe?.close();
  for (const c of [s.office, s.a, s.b]) c.core.close();
  t.cleanup();
});

describe('sync import in the worker thread', () => {
  it('imports the same content, bundle log and audit rows as the in-process import', async () => {
    // A copy of laptop B's database as it is now, for the in-process import.
    const key = Buffer.from(s.b.core.keyring().dbKey);
    const { deviceId, actor } = s.b.core.context();
    const dataDir = join(t.dir, 'laptop-b');
    s.b.core.lock('manual');
    const copyDir = join(t.dir, 'copy-b');
    mkdirSync(copyDir);
    for (const f of readdirSync(dataDir).filter((n) => n.startsWith(FILES.db))) copyFileSync(join(dataDir, f), join(copyDir, f));
    await s.b.call('session.unlock', { login: 'suzuki', passphrase: STAFF.suzuki.passphrase });
    const copy = openEncrypted(join(copyDir, FILES.db), key);
    key.fill(0);
    try {
      const auditMark = (db: Db) => (db.prepare('SELECT max(rowid) AS n FROM audit_log').get() as { n: number }).n;
      const [markB, markCopy] = [auditMark(s.b.core.context().db), auditMark(copy)];
      const viaWorker = await s.b.call('sync.import', {});
      expect(viaWorker.results).toEqual([expect.objectContaining({ ok: true, conflicts: 0 })]);
      expect(viaWorker.results[0]!.applied).toBeGreaterThan(5000);

      const now = s.office.clock.now;
      const ctx = { db: copy, actor, deviceId, now, clock: new HybridClock(deviceId, now, lastHlc(copy, deviceId)) };
      const inProcess = importBundles(ctx, undefined);
      // What the service does after either path: the run, for the status bar.
      recordRun(ctx, 'import', { at: new Date(now()).toISOString(), ok: true, bundles: 1 });
      expect(viaWorker.results).toEqual(inProcess.results);

      const b = s.b.core.context().db;
      expect(contentHash(b)).toBe(contentHash(copy));
      const log = (db: Db) => db.prepare("SELECT bundle_id, peer, at, file, ops, bytes, result, sha256, hlc FROM sync_bundles WHERE direction = 'in'").all();
      expect(log(b)).toEqual(log(copy));
      const audit = (db: Db, from: number) =>
        db.prepare('SELECT actor_id, device_id, action, at, entity, entity_id, after_json FROM audit_log WHERE rowid > ? ORDER BY rowid').all(from);
      const imported = audit(b, markB);
      expect(imported.map((r) => (r as { action: string }).action)).toContain('sync.import');
      expect(imported).toEqual(audit(copy, markCopy));
    } finally {
      copy.close();
    }
  }, 120_000);

  it('lock during an import stops the worker: the database is unchanged and the call says why', async () => {
    const before = contentHash(s.a.core.context().db);
    const worker = s.a.core.importWorker();
    const exited = new Promise<number>((resolve) => thread(worker).once('exit', resolve));
    openProbe();
    let locked = false;
    onNow = () => {
      if (locked || !importMidTransaction()) return;
      locked = true;
      s.a.core.lock('manual');
    };
    try {
      await expect(s.a.call('sync.import', {})).rejects.toMatchObject({ code: 'SYNC_IMPORT_STOPPED' });
    } finally {
      onNow = null;
    }
    expect(locked).toBe(true);
    await exited;
    expect(worker.alive).toBe(false);
    expect(s.a.core.isUnlocked()).toBe(false);

    await s.a.call('session.unlock', { login: 'sato', passphrase: STAFF.sato.passphrase });
    const db = s.a.core.context().db;
    expect(contentHash(db)).toBe(before);
    expect(inboundLog(db).filter((r) => (r as { result: string }).result === 'ok')).toEqual([]);
  }, 120_000);

  it('a restore during an import stops it before the files are swapped: rolled back, with the same code', async () => {
    const before = contentHash(s.a.core.context().db);
    const lastImportBefore = s.a.core.context().db.prepare('SELECT last_import AS v FROM sync_identity').pluck().get() as string | null;
    const worker = s.a.core.importWorker();
    let swapped = 0;
    let restored = false;
    let swapping: Promise<void> | null = null;
    onNow = () => {
      if (restored || !importMidTransaction()) return;
      restored = true;
      // What restoreBackup does (it needs an administrator, and a laptop has none): swap the files
      // while the session stays open. By then the import must be gone and its write lock released.
      swapping = s.a.core.swapDatabase(
        () => {
          swapped += 1;
          expect(importMidTransaction()).toBe(false);
        },
        () => undefined,
      );
    };
    try {
      await expect(s.a.call('sync.import', {})).rejects.toMatchObject({ code: 'SYNC_IMPORT_STOPPED' });
      await swapping;
    } finally {
      onNow = null;
    }
    expect([restored, swapped, worker.alive, s.a.core.isUnlocked()]).toEqual([true, 1, false, true]);
    // The swap waits for the worker's thread to be gone, so the stopped import is remembered for the
    // status bar in the database being replaced; apart from that, nothing changed.
    const db = s.a.core.context().db;
    const lastImport = db.prepare('SELECT last_import AS v FROM sync_identity').pluck().get() as string;
    expect(JSON.parse(lastImport)).toMatchObject({ ok: false, code: 'SYNC_IMPORT_STOPPED' });
    db.prepare('UPDATE sync_identity SET last_import = ?').run(lastImportBefore);
    expect(contentHash(db)).toBe(before);
  }, 120_000);

  it('a save during an import gets DB_BUSY; a worker that dies mid-import is reported with SYNC_IMPORT_FAILED, nothing applied; the next import starts a new one', async () => {
    const db = s.a.core.context().db;
    const lastImport = db.prepare('SELECT last_import FROM sync_identity WHERE id = 1').pluck();
    const [before, runBefore] = [contentHash(db), lastImport.get()];
    const first = s.a.core.importWorker();
    let killed = false;
    let save: ReturnType<typeof s.a.dispatch> | null = null;
    onNow = () => {
      if (killed || !importMidTransaction()) return;
      killed = true;
      // A person saving while the import's transaction runs gets a clear, retryable code at once.
      save = s.a.dispatch('sync.settings.update', { folder: s.folder });
      void thread(first).terminate();
    };
    try {
      await expect(s.a.call('sync.import', {})).rejects.toMatchObject({ code: 'SYNC_IMPORT_FAILED' });
    } finally {
      onNow = null;
    }
    expect(killed).toBe(true);
    expect(await save).toMatchObject({ ok: false, error: { code: 'DB_BUSY' } });
    expect(first.alive).toBe(false);
    // The failed run is remembered for the status bar; nothing else changed.
    expect((await s.a.call('sync.status', {})).lastImport).toMatchObject({ ok: false, code: 'SYNC_IMPORT_FAILED' });
    db.prepare('UPDATE sync_identity SET last_import = ? WHERE id = 1').run(runBefore);
    expect(contentHash(db)).toBe(before);
    expect(s.a.core.importWorker()).not.toBe(first);
  }, 120_000);

  it('keeps the main event loop turning, reports progress, and passes the newest stamp to the main clock', async () => {
    const ctx = s.a.core.context();
    const incoming = ctx.db.prepare('SELECT max(hlc) AS h FROM change_log WHERE device_id <> ?');
    // The office wrote thousands of stamps at this same fake millisecond: the laptop's clock is behind them.
    progress.length = 0;
    let ticks = 0;
    let spinning = true;
    const spin = () => {
      ticks += 1;
      if (spinning) setImmediate(spin);
    };
    setImmediate(spin);
    // The loop's turns seen at each progress event: in-process, none could pass between them.
    const ticksAt: number[] = [];
    onProgressTick = () => ticksAt.push(ticks);
    // A second request while the first runs waits its turn (and then finds nothing new).
    const [first, second] = await Promise.all([s.a.call('sync.import', {}), s.a.call('sync.import', {})]).finally(() => (spinning = false));
    expect(first.results).toEqual([expect.objectContaining({ ok: true, conflicts: 0 })]);
    expect(second.results).toEqual([]);
    onProgressTick = null;
    expect(ticks).toBeGreaterThan(50);
    expect(ticksAt.at(-1)! - ticksAt[0]!).toBeGreaterThan(2);

    const total = first.results[0]!.applied;
    expect(total).toBeGreaterThan(5000);
    expect(progress.length).toBeGreaterThanOrEqual(2);
    expect(progress.at(-1)).toEqual({ task: 'sync', done: total, total });
    expect(progress.every((p, i) => p.total === total && p.done <= total && (i === 0 || p.done >= progress[i - 1]!.done))).toBe(true);

    const newest = (incoming.get(ctx.deviceId) as { h: string }).h;
    const own = ctx.clock.now();
    expect(timeOf(own) > timeOf(newest), `${own} after ${newest}`).toBe(true);
    expect(parseHlc(own).ms).toBe(parseHlc(newest).ms);

    // The status bar shows the last run (the second, which found nothing new) as having worked.
    expect((await s.a.call('sync.status', {})).lastImport).toMatchObject({ ok: true });
  }, 120_000);
});
