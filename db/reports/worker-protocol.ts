/**
 * Messages between the main process and the report worker (db/reports/worker.ts). A prepared
 * request crosses as plain data: its name lookup is a function, so the worker rebuilds it on its
 * own connection. Requests reach the worker only after the main side has authorised them.
 */
import type { DrillResult, DrillTarget, ReportSection } from '../contract';
import type { AppError, ErrorCode } from '../errors';
import type { Db } from '../open';
import { nameLookup, type Prepared } from './run';

export type WirePrepared = Omit<Prepared, 'build'> & { build: { lang: Prepared['build']['lang']; seeAll: boolean } };

export type WorkerRequest =
  | { id: number; op: 'sections'; prepared: WirePrepared }
  | { id: number; op: 'drill'; prepared: WirePrepared; target: DrillTarget }
  /** The research extract (db/reports/research.ts), stamped with the main side's time. */
  | { id: number; op: 'research'; prepared: WirePrepared; generatedAt: string };

export type WorkerReply =
  | { id: number; kind: 'section'; section: ReportSection }
  | { id: number; kind: 'done'; drill?: DrillResult; bytes?: Uint8Array }
  | { id: number; kind: 'error'; code: ErrorCode; message: string; details?: AppError['details'] };

export interface WorkerStart {
  dbPath: string;
  /** The raw database key: in memory only, zeroed by the worker once the database is open. */
  key: Uint8Array;
  nativeBinding?: string;
}

export function toWire(p: Prepared): WirePrepared {
  return { ...p, build: { lang: p.build.lang, seeAll: p.build.seeAll } };
}

export function fromWire(db: Db, w: WirePrepared): Prepared {
  return { ...w, build: { ...w.build, names: nameLookup(db, w.build.lang) } };
}
