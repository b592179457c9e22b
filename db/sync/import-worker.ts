/**
 * The sync import worker: a worker thread with its own write connection to the office database,
 * running importBundles (db/sync/import.ts) unchanged, so that a large bundle never blocks
 * Electron's main process. One per unlocked session at most (db/sync/import-worker-host.ts); it
 * holds the key only while that lasts, and takes one request at a time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import { openEncrypted, type Db } from '../open';
import type { ServiceContext } from '../write';
import { HybridClock } from './hlc';
import { importBundles } from './import';
import { timeViews, type ImportReply, type ImportRequest, type ImportWorkerStart } from './import-worker-protocol';

const start = workerData as ImportWorkerStart;
const port = parentPort!;
const time = timeViews(start.time);
/** How long the worker waits for the main side to tell the time before giving up the import. */
const TIME_WAIT_MS = 30_000;
let db: Db | null = null;
let current = 0;

function connection(): Db {
  if (db) return db;
  const key = Buffer.from(start.key);
  try {
    const opened = openEncrypted(start.dbPath, key, start.nativeBinding ? { nativeBinding: start.nativeBinding } : {});
    // Every transaction here takes the write lock when it begins: a local save on the main
    // connection between an import's first read and first write would otherwise fail the bundle
    // with SQLITE_BUSY_SNAPSHOT. BEGIN IMMEDIATE waits (busy_timeout) for that save instead.
    const plain = opened.transaction.bind(opened);
    opened.transaction = ((fn: Parameters<Db['transaction']>[0]) => plain(fn).immediate) as Db['transaction'];
    start.key.fill(0);
    return (db = opened);
  } finally {
    key.fill(0);
  }
}

/**
 * The main side's clock (a test's fake clock included), asked synchronously: the import reads the
 * time only a few times per bundle, and the main side answers from its event loop, which is free.
 */
function mainNow(): number {
  Atomics.store(time.answered, 0, 0);
  port.postMessage({ id: current, kind: 'now' } satisfies ImportReply);
  if (Atomics.wait(time.answered, 0, 0, TIME_WAIT_MS) === 'timed-out') {
    throw new AppError('SYNC_IMPORT_FAILED', 'the import worker got no answer from the main process');
  }
  return time.ms[0]!;
}

/** Remembers the newest remote stamp it accepted, for the main side's clock to receive in turn. */
class RecordingClock extends HybridClock {
  latest: string | null = null;

  override receive(remote: string, maxDriftMs: number): { accepted: boolean } {
    const r = super.receive(remote, maxDriftMs);
    if (r.accepted && (this.latest === null || remote > this.latest)) this.latest = remote;
    return r;
  }
}

function handle(req: ImportRequest): ImportReply {
  const clock = new RecordingClock(req.deviceId, mainNow, req.clockSeed);
  const ctx: ServiceContext = { db: connection(), actor: req.actor, deviceId: req.deviceId, clock, now: mainNow };
  const progress = (done: number, total: number) => port.postMessage({ id: req.id, kind: 'progress', done, total } satisfies ImportReply);
  const { results } = importBundles(ctx, req.paths, { progress, ...(req.only ? { only: new Set(req.only) } : {}) });
  return { id: req.id, kind: 'done', results, latestHlc: clock.latest };
}

port.on('message', (req: ImportRequest) => {
  current = req.id;
  let reply: ImportReply;
  try {
    reply = handle(req);
  } catch (e) {
    // Only the code and the fixed English sentence cross back; never row data.
    reply =
      e instanceof AppError
        ? { id: req.id, kind: 'error', code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) }
        : { id: req.id, kind: 'error', code: 'SYNC_IMPORT_FAILED', message: 'the import worker could not run the import' };
  }
  port.postMessage(reply);
});
