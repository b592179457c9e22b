/**
 * The report worker: a worker thread with its own read-only connection to the office database,
 * running the heavy report, drill-down and research-extract statements so that Electron's main
 * process stays free.
 * One per unlocked session (db/reports/worker-host.ts); it holds the key only while that lasts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../errors';
import { openEncrypted, type Db } from '../open';
import { drillPrepared } from './drill';
import { researchExtract } from './research';
import { computeSection, SECTIONS } from './run';
import { fromWire, type WorkerReply, type WorkerRequest, type WorkerStart } from './worker-protocol';

const start = workerData as WorkerStart;
let db: Db | null = null;

function connection(): Db {
  if (db) return db;
  const key = Buffer.from(start.key);
  try {
    const opened = openEncrypted(start.dbPath, key, start.nativeBinding ? { nativeBinding: start.nativeBinding } : {});
    opened.pragma('query_only = ON');
    // Open: the key is no longer needed here. Until then it stays, so a failed open can be retried.
    start.key.fill(0);
    return (db = opened);
  } finally {
    key.fill(0);
  }
}

function handle(req: WorkerRequest, reply: (m: WorkerReply) => void): void {
  const conn = { db: connection() };
  const p = fromWire(conn.db, req.prepared);
  if (req.op === 'drill') {
    reply({ id: req.id, kind: 'done', drill: drillPrepared(conn, p, req.target) });
    return;
  }
  if (req.op === 'research') {
    reply({ id: req.id, kind: 'done', bytes: researchExtract(conn, p, req.generatedAt) });
    return;
  }
  for (const def of SECTIONS) reply({ id: req.id, kind: 'section', section: computeSection(conn, p, def).section });
  reply({ id: req.id, kind: 'done' });
}

const port = parentPort!;
port.on('message', (req: WorkerRequest) => {
  const reply = (m: WorkerReply) => port.postMessage(m);
  try {
    handle(req, reply);
  } catch (e) {
    // Only the code and the fixed English sentence cross back; never row data.
    if (e instanceof AppError) reply({ id: req.id, kind: 'error', code: e.code, message: e.message, ...(e.details ? { details: e.details } : {}) });
    else reply({ id: req.id, kind: 'error', code: 'REPORT_WORKER_FAILED', message: 'the report worker could not compute the report' });
  }
});
