/**
 * Starts and talks to the sync import worker (db/sync/import-worker.ts). Like the report worker,
 * the file the thread runs depends on how this module runs: from TypeScript sources (vitest, the
 * Playwright harness, tsx) it starts import-worker.ts through import-worker-source.mjs (tsx); inside
 * the Electron main bundle it starts the sibling bundle import-worker.cjs
 * (build/scripts/electron-bundles.mjs). One request at a time; the caller queues.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Actor } from '../audit';
import type { SyncImportResult } from '../contract';
import { AppError } from '../errors';
import { TIME_BUFFER_BYTES, timeViews, type ImportReply, type ImportRequest, type ImportWorkerStart } from './import-worker-protocol';

export const IMPORT_WORKER_BUNDLE = 'import-worker.cjs';
/** An idle worker goes away after this long (its connection and key with it); the next import starts one. */
export const IMPORT_WORKER_IDLE_MS = 60_000;

export function importWorkerEntry(here: string = import.meta.url): string | URL {
  if (here.endsWith('.ts')) return new URL('./import-worker-source.mjs', here);
  return join(dirname(fileURLToPath(here)), IMPORT_WORKER_BUNDLE);
}

export interface ImportJob {
  actor: Actor;
  deviceId: string;
  clockSeed: string | null;
  paths?: string[];
  only?: ReadonlySet<string>;
  /** The session's clock: the worker asks it whenever the import reads the time. */
  now: () => number;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportOutcome {
  results: SyncImportResult[];
  /** The newest remote stamp the import's clock accepted, for the main clock to receive. */
  latestHlc: string | null;
}

interface Running {
  job: ImportJob;
  resolve: (o: ImportOutcome) => void;
  reject: (e: AppError) => void;
}

const crashed = () => new AppError('SYNC_IMPORT_FAILED', 'the import worker stopped unexpectedly; nothing of the bundle in progress was applied');

export class ImportWorker {
  private readonly thread: Worker;
  private readonly time = timeViews(new SharedArrayBuffer(TIME_BUFFER_BYTES));
  private running: Running | null = null;
  private nextId = 1;
  /** Why the thread is gone (or going); null while it can take requests. */
  private ended: AppError | null = null;
  private idleTimer: NodeJS.Timeout | null = null;

  constructor(dbPath: string, key: Buffer, nativeBinding?: string) {
    // workerData is copied when the Worker is constructed; the copy here is zeroed right after.
    const data: ImportWorkerStart = {
      dbPath,
      key: new Uint8Array(key),
      time: this.time.answered.buffer as SharedArrayBuffer,
      ...(nativeBinding ? { nativeBinding } : {}),
    };
    try {
      this.thread = new Worker(importWorkerEntry(), { workerData: data });
    } finally {
      data.key.fill(0);
    }
    this.thread.unref();
    this.thread.on('message', (m: ImportReply) => this.receive(m));
    this.thread.on('error', () => this.end(crashed()));
    this.thread.on('exit', () => this.end(crashed()));
  }

  /** False once the thread has exited or been stopped: the owner starts a new one. */
  get alive(): boolean {
    return this.ended === null;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  run(job: ImportJob): Promise<ImportOutcome> {
    if (this.ended) return Promise.reject(this.ended);
    if (this.running) return Promise.reject(new AppError('INTERNAL', 'the import worker runs one import at a time'));
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const req: ImportRequest = {
      id: this.nextId++,
      actor: job.actor,
      deviceId: job.deviceId,
      clockSeed: job.clockSeed,
      ...(job.paths ? { paths: job.paths } : {}),
      ...(job.only ? { only: [...job.only] } : {}),
    };
    return new Promise((resolve, reject) => {
      this.running = { job, resolve, reject };
      // Keep the process alive only while an import runs.
      this.thread.ref();
      this.thread.postMessage(req);
    });
  }

  /**
   * Lock, restore and quit: the thread goes away with its connection, which rolls back the
   * bundle in progress; the import waiting on it fails with `reason`.
   */
  terminate(reason: AppError): Promise<number> {
    this.end(reason);
    return this.thread.terminate();
  }

  private receive(m: ImportReply): void {
    const r = this.running;
    if (!r || m.id !== this.nextId - 1) return;
    if (m.kind === 'now') {
      this.time.ms[0] = r.job.now();
      Atomics.store(this.time.answered, 0, 1);
      Atomics.notify(this.time.answered, 0);
      return;
    }
    if (m.kind === 'progress') return r.job.onProgress?.(m.done, m.total);
    this.settle();
    if (m.kind === 'done') r.resolve({ results: m.results, latestHlc: m.latestHlc });
    else r.reject(new AppError(m.code, m.message, m.details));
  }

  private settle(): void {
    this.running = null;
    this.thread.unref();
    if (this.ended) return;
    this.idleTimer = setTimeout(() => void this.terminate(new AppError('NOT_UNLOCKED', 'the idle import worker was stopped')), IMPORT_WORKER_IDLE_MS);
    this.idleTimer.unref();
  }

  private end(reason: AppError): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.ended ??= reason;
    const r = this.running;
    this.running = null;
    r?.reject(this.ended);
  }
}
