/**
 * Starts and talks to the report worker (db/reports/worker.ts). Which file the thread runs depends
 * on how this module itself runs: from TypeScript sources (vitest, the Playwright harness, tsx) it
 * starts worker.ts through worker-source.mjs (tsx); inside the Electron main bundle it starts the sibling
 * bundle report-worker.cjs (build/scripts/electron-bundles.mjs).
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DrillResult, DrillTarget, ReportSection } from '../contract';
import { AppError } from '../errors';
import type { Prepared } from './run';
import { toWire, type WorkerReply, type WorkerRequest, type WorkerStart } from './worker-protocol';

export const WORKER_BUNDLE = 'report-worker.cjs';

export function workerEntry(here: string = import.meta.url): string | URL {
  if (here.endsWith('.ts')) return new URL('./worker-source.mjs', here);
  return join(dirname(fileURLToPath(here)), WORKER_BUNDLE);
}

type Done = Extract<WorkerReply, { kind: 'done' }>;

interface Pending {
  onSection?: (section: ReportSection) => void;
  resolve: (done: Done) => void;
  reject: (e: AppError) => void;
}

const crashed = () => new AppError('REPORT_WORKER_FAILED', 'the report worker stopped unexpectedly');

export class ReportWorker {
  private readonly thread: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private stopped = false;

  constructor(dbPath: string, key: Buffer, nativeBinding?: string) {
    // workerData is copied when the Worker is constructed; the copy here is zeroed right after.
    const data: WorkerStart = { dbPath, key: new Uint8Array(key), ...(nativeBinding ? { nativeBinding } : {}) };
    try {
      this.thread = new Worker(workerEntry(), { workerData: data });
    } finally {
      data.key.fill(0);
    }
    this.thread.unref();
    this.thread.on('message', (m: WorkerReply) => this.receive(m));
    this.thread.on('error', () => this.fail(crashed()));
    this.thread.on('exit', () => this.fail(this.stopped ? new AppError('NOT_UNLOCKED', 'the office was locked') : crashed()));
  }

  /** False once the thread has exited or been stopped: the owner starts a new one. */
  get alive(): boolean {
    return !this.stopped;
  }

  sections(p: Prepared, onSection: (section: ReportSection) => void): Promise<void> {
    return this.send({ id: 0, op: 'sections', prepared: toWire(p) }, onSection).then(() => undefined);
  }

  async drill(p: Prepared, target: DrillTarget): Promise<DrillResult> {
    return (await this.send({ id: 0, op: 'drill', prepared: toWire(p), target })).drill!;
  }

  /** The research extract's CSV bytes (db/reports/research.ts's researchExtract). */
  async research(p: Prepared, generatedAt: string): Promise<Uint8Array> {
    return (await this.send({ id: 0, op: 'research', prepared: toWire(p), generatedAt })).bytes!;
  }

  /** On lock: the thread (and the key it holds) goes away; calls still waiting fail. */
  terminate(): Promise<number> {
    this.stopped = true;
    return this.thread.terminate();
  }

  private send(req: WorkerRequest, onSection?: (s: ReportSection) => void): Promise<Done> {
    if (this.stopped) return Promise.reject(crashed());
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, ...(onSection ? { onSection } : {}) });
      // Keep the process alive only while a request is waiting.
      this.thread.ref();
      this.thread.postMessage({ ...req, id });
    });
  }

  private receive(m: WorkerReply): void {
    const p = this.pending.get(m.id);
    if (!p) return;
    if (m.kind === 'section') return p.onSection?.(m.section);
    this.settle(m.id);
    if (m.kind === 'done') p.resolve(m);
    else p.reject(new AppError(m.code, m.message, m.details));
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.thread.unref();
  }

  private fail(e: AppError): void {
    this.stopped = true;
    for (const [id, p] of [...this.pending]) {
      this.settle(id);
      p.reject(e);
    }
  }
}
