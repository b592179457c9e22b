/**
 * Messages between the main process and the sync import worker (db/sync/import-worker.ts).
 * Requests reach the worker only after the main side has checked the session; only codes, counts,
 * file names and clocks cross back, never row data.
 */
import type { Actor } from '../audit';
import type { SyncImportResult } from '../contract';
import type { AppError, ErrorCode } from '../errors';

export interface ImportWorkerStart {
  dbPath: string;
  /** The raw database key: in memory only, zeroed by the worker once the database is open. */
  key: Uint8Array;
  nativeBinding?: string;
  /**
   * The main side's time, asked for synchronously (the import reads the time a few times per
   * bundle): Int32 at 0 is the "answered" flag, Float64 at 8 the time in ms.
   */
  time: SharedArrayBuffer;
}

export interface ImportRequest {
  id: number;
  actor: Actor;
  deviceId: string;
  /** The newest stamp this device has issued (db/core.ts lastHlc): the worker's clock starts there. */
  clockSeed: string | null;
  paths?: string[];
  only?: string[];
}

export type ImportReply =
  | { id: number; kind: 'progress'; done: number; total: number }
  | { id: number; kind: 'now' }
  /** latestHlc: the newest remote stamp the import's clock accepted (not one far ahead). */
  | { id: number; kind: 'done'; results: SyncImportResult[]; latestHlc: string | null }
  | { id: number; kind: 'error'; code: ErrorCode; message: string; details?: AppError['details'] };

/** The layout of ImportWorkerStart.time. */
export function timeViews(buf: SharedArrayBuffer): { answered: Int32Array; ms: Float64Array } {
  return { answered: new Int32Array(buf, 0, 1), ms: new Float64Array(buf, 8, 1) };
}

export const TIME_BUFFER_BYTES = 16;
